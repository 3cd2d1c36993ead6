# Two commands do everything on a fresh machine with python3 (3.11 or newer) and make:
#   make book   set up .venv from the lock, build the book
#   make test   set up .venv from the lock, lint, run every test
# Re-running either is fast: the environment is reinstalled only when
# requirements.txt or pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Stored notebook outputs and chapter 6's tables come from seeded training runs, some of them
# chaotic: the last bit of a matrix product, which depends on the BLAS kernel OpenBLAS picks for
# the CPU (Haswell's on AVX2 machines, SkylakeX's on Intel AVX-512 ones), can change what they
# print. Every target runs with the Haswell kernels, which any x86-64 CPU with AVX2 has, so the
# outputs are the same on Intel and AMD machines. (conftest.py sets the same for a bare
# pytest run; other architectures keep their own kernels.)
ifeq ($(shell uname -m),x86_64)
export OPENBLAS_CORETYPE ?= Haswell
endif

.PHONY: setup book editions assignments release pdf slides test lint wheel pytest benchmark benchmark-torch experiments experiments-check notebooks lab serve lock clean gettext book-ja pdf-ja

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml book/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "The pinned lock (requirements.txt) needs Python 3.11 or newer; run: make PYTHON=python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . -e book
	@touch $(STAMP)
	@echo "Installed into $(VENV): the activations library, the book's textbook package beside it and $$(grep -c '==' requirements.txt) pinned packages from requirements.txt"

# The HTML, with every Sphinx warning an error. Notebooks are not executed here (see `make notebooks`).
# EDITION=student: no solutions, no hidden cells, no teaching page (_build/student/html, and the
# notebooks to hand out in _build/student/notebooks); EDITION=instructor: the book plus an answer
# key per chapter (_build/instructor/html). Both are made from the same sources by tools/editions.py.
EDITION ?= self-study
book: setup
ifeq ($(EDITION),self-study)
	$(BIN)/jupyter-book build . --warningiserror --keep-going
	@# the first page links to the PDF: make it too (without Chromium: say so, except in CI)
	$(BIN)/python tools/make_pdf.py --optional
	@# every page links to its Japanese twin: build that edition (and its PDF) too
	$(BIN)/python tools/i18n.py build
	$(BIN)/python tools/make_pdf.py --language ja --optional
	@echo "The book is in _build/html: open _build/html/index.html, or run 'make serve'. The Japanese edition is in _build/ja/html."
else
	$(BIN)/python tools/editions.py $(EDITION)
endif

# The Japanese edition, from the same source: the English text is the message catalogue
# (_build/gettext/**/*.pot, from `make gettext`) and locales/ja/LC_MESSAGES/**/*.po its translation.
# When the English changes: make gettext (which also runs sphinx-intl update), translate what is
# new or fuzzy in the .po files, make book-ja. A test fails while any message is untranslated or
# fuzzy, so an English edit carries its translation in the same change. See tools/i18n.py.
gettext: setup
	$(BIN)/python tools/i18n.py update

book-ja: setup
	$(BIN)/python tools/i18n.py build

# The Japanese print edition, _build/ja/pdf/book.pdf, printed like `make pdf` in a Japanese font
# from Debian's fonts-noto-cjk (installed by .ci/run; see the README).
pdf-ja: setup
	$(BIN)/python tools/make_pdf.py --language ja

# A versioned release for a course to pin: dist/activations-<version>/ holds the site and the
# instructor edition (zip), the PDF, the library's wheel and sdist, the student notebooks, the
# slides and the graded assignments. The version is activations.__version__, dated in CHANGELOG.md
# (tools/release.py --stamp copies both into CITATION.cff and book/pyproject.toml).
release: book editions wheel slides assignments
	$(BIN)/python tools/release.py

# The graded assignments: an nbgrader course folder in _build/assignments (source/, and release/,
# the notebooks students get, without solutions or hidden tests), one assignment per variant.
# COURSE=<folder> puts the course elsewhere; running it again keeps submissions and grades.
COURSE ?= _build/assignments
assignments: setup
	$(BIN)/python tools/assignments.py --course "$(COURSE)"

# Both class editions, which the tests read.
editions: setup
	$(BIN)/python tools/editions.py student
	$(BIN)/python tools/editions.py instructor

# The print edition: the whole book as one PDF, _build/pdf/book.pdf. tools/make_pdf.py builds the
# single-page HTML and prints it with headless Chromium (Debian's chromium; poppler-utils puts
# page numbers in the contents). Nothing is downloaded. `make book` makes it too, and there a
# missing Chromium only skips it, except in CI.
pdf: setup
	$(BIN)/python tools/make_pdf.py

# Lecture slides: one reveal.js deck per chapter, _build/slides/chapter1.html to chapter6.html, made
# by tools/slides.py from the notebooks' slideshow metadata (RISE's). They work offline: reveal.js
# and MathJax are copied next to them. Open one in a browser; S opens the speaker notes.
slides: setup
	$(BIN)/python tools/slides.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The package's tests, nbval (strict) over every notebook, the notebook hygiene checks and the
# browser checks of the built site. Matplotlib builds its font cache first, so that no
# "building the font cache" message reaches a compared notebook cell.
pytest: setup
	$(BIN)/python -c "import matplotlib.pyplot"
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with book/tests/nbval_sanitize.cfg

# The library on its own: build its wheel and sdist, check that the wheel holds nothing of the
# book, install it into a fresh venv (_build/wheel-venv) and run the library's tests against it.
wheel: setup
	$(BIN)/python tools/check_wheel.py

test: lint book editions wheel slides release pytest

benchmark: setup
	$(BIN)/python -m benchmarks.speed

# The same benchmark with PyTorch's CPU kernels beside ours, in a separate environment
# (.venv-bench), so that torch and what it pulls in never change the lock's .venv.
BENCH := .venv-bench
$(BENCH)/.installed: requirements.txt pyproject.toml book/pyproject.toml
	@test -x $(BENCH)/bin/python || $(PYTHON) -m venv $(BENCH)
	$(BENCH)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BENCH)/bin/python -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
	$(BENCH)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . -e book
	@touch $(BENCH)/.installed

benchmark-torch: $(BENCH)/.installed
	$(BENCH)/bin/python -m benchmarks.speed

# Chapter 6's stored tables (experiments/results/*.csv): the comparison grid (a few minutes) and the
# cost of every activation in copies. Re-execute the notebooks afterwards (make notebooks).
experiments: setup
	$(BIN)/python experiments/comparison.py
	$(BIN)/python experiments/costs.py

# Re-runs a seeded sample of the comparison grid's rows with experiments/comparison.py's pins (one
# BLAS thread, Haswell's kernels) and requires them equal to the stored tables, bit for bit
# (book/tests/test_experiments_reproduce.py, which `make pytest` runs too).
experiments-check: setup
	$(BIN)/python -m pytest book/tests/test_experiments_reproduce.py

# Re-execute every notebook, store its outputs and print how long each took.
notebooks: setup
	$(BIN)/python tools/execute_notebooks.py --write

# As root (a container, or a hosted notebook's shell) JupyterLab needs --allow-root; the news
# popup and the update check are off, as in the tests (book/tests/test_lab.py).
LAB_FLAGS := --LabApp.news_url= --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate
ifeq ($(shell id -u),0)
LAB_FLAGS += --allow-root
endif
lab: setup
	$(BIN)/jupyter lab chapters/ $(LAB_FLAGS)

serve:
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

# Re-resolve the lock from the ranges in pyproject.toml plus the book's tools,
# in a throw-away environment. Re-execute every notebook after a change.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet ".[test,digits]" "./book[test]" "jupyter-book>=1,<2" jupyterlab jupyterlab-myst ipykernel playwright axe-playwright-python sphinx-mathjax-offline sphinx-revealjs sphinx-intl "setuptools>=77"
	{ echo "# The lock: exact versions of everything the book and its tests use, resolved on"; \
	  echo "# Python $$(.lock-venv/bin/python -c 'import platform; print(platform.python_version())') by 'make lock'. Outputs of the notebooks depend on it."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude pip --exclude activations --exclude activations-textbook; } > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) $(BENCH) _build .pytest_cache .ruff_cache .hypothesis
