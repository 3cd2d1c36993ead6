"""The student and instructor editions (tools/editions.py, `make editions`), read back.

The student edition must hold no solution, no hidden cell and no teaching page, in its site and in
the notebooks a class is given; its checkers still answer. The instructor edition holds all three.
"""

import glob
import html
import re

import nbformat
import pytest
from test_book import is_install_cell
from test_site import _missing, browser, serve  # noqa: F401 (a fixture)

from textbook import ROOT

BUILD = ROOT / "_build"
STUDENT, INSTRUCTOR = BUILD / "student", BUILD / "instructor"
SOLUTION_TITLE = 'class="admonition-title">Solution<'
SOLUTION = "```{admonition} Solution"
QUOTES = str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014", "''\"\"--")  # the site's typographic ones
SECTIONS = sorted(glob.glob("chapters/*/[0-9]_*.ipynb", root_dir=ROOT))


def _source_cells():
    for name in SECTIONS:
        yield name, nbformat.read(ROOT / name, as_version=4).cells


def _solutions():
    """Every solution in the sources, as (section, the longest run of its plain words)."""
    found = []
    for name, cells in _source_cells():
        for cell in cells:
            for block in cell.source.split(SOLUTION)[1:] if cell.cell_type == "markdown" else []:
                found.append((name, _words(block.split("\n```")[0])))
    return found


def _distinctive():
    """The solutions whose plain words are long enough to be found in a page only if it holds them."""
    return [(name, words) for name, words in _solutions() if len(words) >= 40]


def _words(markdown):
    """The longest run of plain words in a piece of MyST (no maths, code, markup or list number)."""
    runs = re.split(r"[$`{}*\\\[\]()_|<>#=:]|\n\n|^\s*\d+\. |\n\s*[-*] ", markdown, flags=re.M)
    return max((" ".join(run.split()) for run in runs), key=len)


def _text(path):
    """A page's visible text, tags removed, white space folded."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", path.read_text(), flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.translate(QUOTES).split())


def _built(edition):
    if not (edition / "html" / "intro.html").exists():
        _missing(f"the {edition.name} edition is not built: run `make editions`")


def test_the_text_search_has_enough_solutions_to_look_for():
    """Solutions that are mostly maths are found by their admonition instead (the tests below)."""
    assert len(_solutions()) >= 36
    assert len(_distinctive()) >= 20


def test_the_student_site_holds_no_solution_and_no_teaching_page():
    _built(STUDENT)
    pages = {p: _text(p) for p in (STUDENT / "html").rglob("*.html")}
    raw = "".join(p.read_text() for p in pages)
    assert SOLUTION_TITLE not in raw
    assert not (STUDENT / "html" / "back" / "teaching.html").exists()
    assert "Teaching with this book" not in raw
    for name, words in _distinctive():
        leaked = [str(p.relative_to(STUDENT)) for p, text in pages.items() if words in text]
        assert not leaked, f"a solution of {name} is in {leaked}: {words!r}"
    for answer in ("Model answer", "A 90-minute lecture"):
        assert answer not in raw


def test_the_student_notebooks_hold_no_solution_and_no_hidden_cell_but_every_checker():
    _built(STUDENT)
    for name, cells in _source_cells():
        student = nbformat.read(STUDENT / "notebooks" / name, as_version=4).cells
        text = "\n".join(c.source for c in student)
        assert SOLUTION not in text, name
        # the one hidden cell a student keeps installs the book's packages (on Colab, say)
        hidden = [c for c in student if "remove-cell" in c.metadata.get("tags", [])]
        assert len(hidden) == 1 and is_install_cell(hidden[0]), name
        visible = [c for c in cells if "remove-cell" not in c.metadata.get("tags", []) or is_install_cell(c)]
        checkers = [c.source for c in visible if c.cell_type == "code" and "exercises.check_" in c.source]
        assert checkers == [
            c.source for c in student if c.cell_type == "code" and "exercises.check_" in c.source
        ]
        assert len(student) == len(visible) - sum(
            c.cell_type == "markdown" and c.source.lstrip().startswith("```{admonition} Solution")
            for c in visible
        )


def test_the_self_study_site_holds_no_model_answer():
    site = BUILD / "html"
    if not (site / "intro.html").exists():
        _missing("the book is not built: run `make book`")
    assert not (site / "back" / "assessment.html").exists()
    assert not (site / "back" / "term.html").exists()
    assert "Model answer" not in _text(site / "back" / "teaching.html")


def test_the_instructor_edition_holds_the_solutions_the_hidden_cells_and_the_teaching_page():
    _built(INSTRUCTOR)
    site = INSTRUCTOR / "html"
    assert "Model answer" in _text(site / "back" / "assessment.html")
    assert "A 90-minute lecture" in _text(site / "back" / "teaching.html")
    assert "nbgrader autograde" in _text(site / "back" / "term.html")
    keys = "".join(_text(p) for p in (site / "answers").glob("chapter*.html"))
    assert len(list((site / "answers").glob("chapter*.html"))) == 6
    for name, words in _distinctive():
        assert words in keys, f"the answer key lacks a solution of {name}: {words!r}"
    assert SOLUTION_TITLE in (site / SECTIONS[0].replace(".ipynb", ".html")).read_text()
    for name, cells in _source_cells():
        staged = nbformat.read(INSTRUCTOR / "src" / name, as_version=4).cells
        assert [c.source for c in staged] == [c.source for c in cells], name


@pytest.fixture(scope="module")
def student_server():
    _built(STUDENT)
    yield from serve(STUDENT / "html")


@pytest.mark.parametrize("name", ["intro.html", "chapters/04_softmax/1_softmax.html", "back/atlas.html"])
def test_student_pages_load_in_a_browser_with_their_figures_and_checkers(browser, student_server, name):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on(
        "response", lambda resp: resp.status >= 400 and problems.append(f"HTTP {resp.status}: {resp.url}")
    )
    page.goto(f"{student_server}/{name}", wait_until="networkidle")
    assert not problems
    assert "student edition" in page.title()
    broken = page.eval_on_selector_all("img", "els => els.filter(e => !e.complete || !e.naturalWidth).length")
    assert broken == 0
    assert page.locator("text=Teaching with this book").count() == 0
    if name.startswith("chapters/"):
        assert page.locator("text=exercises.check_").count() > 0
        assert page.locator(".admonition-title", has_text="Solution").count() == 0
    page.close()
