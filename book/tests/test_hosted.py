"""Running the notebooks without a clone (tools/hosted.py): the install cell and the launch buttons.

Two settings in tools/shared.py make both: INSTALL_SOURCE (what pip installs for the library) and
REPOSITORY_URL (the book's repository). The tests check what the notebooks and _config.yml hold
against what the settings make, run the install cell with each setting empty and set (to a wheel
of the library built here, and to a clone of this repository, as on Colab), and build a small book
with the repository URL empty and set to see the launch buttons appear only when it is set.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from test_binder import build_venv, clean_env
from test_site import SITE, _missing

from textbook import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import hosted
from shared import INSTALL_SOURCE, REPOSITORY_URL

EXAMPLE_URL = "https://github.com/example-org/activations-book"
NOTEBOOK = ROOT / "chapters" / "01_linearity" / "1_collapse.ipynb"
HOSTED_VENV = ROOT / "_build" / "hosted-venv"


def test_the_notebooks_and_the_configuration_are_what_the_settings_make():
    run = subprocess.run(
        [sys.executable, "tools/hosted.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for path in hosted.notebooks():
        code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        assert code[0].source == hosted.install_cell(), path
        assert code[0].metadata.tags == ["remove-cell"] and not code[0].outputs, path


def test_the_launch_buttons_come_from_the_repository_url():
    text = (ROOT / "_config.yml").read_text()
    for url in (REPOSITORY_URL, "", EXAMPLE_URL):
        config = yaml.safe_load(hosted.configured(text, url))
        assert config["repository"]["url"] == url
        buttons = config["launch_buttons"]
        assert buttons["binderhub_url"] == ("https://mybinder.org" if url else "")
        assert buttons["colab_url"] == ("https://colab.research.google.com" if url else "")
        assert not buttons["jupyterhub_url"] and not buttons["thebe"]
    assert hosted.configured(hosted.configured(text, EXAMPLE_URL), REPOSITORY_URL) == text
    shown = subprocess.run(
        [sys.executable, "tools/hosted.py", "--show"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert hosted.launch_config() in shown.stdout and hosted.install_cell() in shown.stdout


def test_the_built_site_has_a_launch_button_only_if_the_repository_url_is_set():
    page = SITE / NOTEBOOK.relative_to(ROOT).with_suffix(".html")
    if not page.exists():
        _missing("the book is not built: run `make book` first")
    html = page.read_text()
    assert ("launch-buttons" in html) == bool(REPOSITORY_URL)
    assert ("mybinder.org" in html) == bool(REPOSITORY_URL)


@pytest.mark.parametrize("url", ["", EXAMPLE_URL], ids=["empty", "set"])
def test_a_book_has_launch_buttons_only_when_the_repository_url_is_set(url, tmp_path):
    """A one-page book with the book's configuration, built with warnings as errors."""
    (tmp_path / "_config.yml").write_text(hosted.configured((ROOT / "_config.yml").read_text(), url))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: page\n")
    shutil.copy(ROOT / "references.bib", tmp_path)
    shutil.copytree(ROOT / "_static", tmp_path / "_static")
    nb = nbformat.v4.new_notebook(metadata=nbformat.read(NOTEBOOK, as_version=4).metadata)
    nb.cells = [nbformat.v4.new_markdown_cell("# A page"), nbformat.v4.new_code_cell("1 + 1")]
    nbformat.write(nb, tmp_path / "page.ipynb")
    build = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".", "--warningiserror", "--quiet"]
    run = subprocess.run(build, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    html = (tmp_path / "_build" / "html" / "page.html").read_text()
    binder = "https://mybinder.org/v2/gh/example-org/activations-book/main?urlpath=lab/tree/page.ipynb"
    colab = "https://colab.research.google.com/github/example-org/activations-book/blob/main/page.ipynb"
    for link in (binder, colab):
        assert (link in html) == bool(url), link
    assert ("launch-buttons" in html) == bool(url)


@pytest.mark.parametrize("source", ["", "activations @ git+" + EXAMPLE_URL], ids=["no-source", "source"])
@pytest.mark.parametrize("url", ["", EXAMPLE_URL], ids=["no-repository", "repository"])
def test_every_install_cell_the_settings_can_make_passes_the_notebooks_lint(source, url):
    """Linted as a cell of chapters/ (79 columns), so that setting a value keeps `make lint` green."""
    ruff = Path(sys.executable).parent / "ruff"
    for command in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [str(ruff), *command, "--stdin-filename", "chapters/install_cell.py", "-"],
            cwd=ROOT,
            input=hosted.install_cell(source, url) + "\n",
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def _run(source, python=sys.executable, flags=()):
    return subprocess.run(
        [python, *flags, "-c", source], cwd=ROOT, capture_output=True, text=True, check=True
    )


@pytest.mark.parametrize("url", ["", EXAMPLE_URL], ids=["no-repository", "repository"])
def test_the_install_cell_says_how_to_install_while_the_source_is_empty(url):
    # -I -S: no site-packages, so neither package imports
    run = _run(hosted.install_cell("", url), flags=("-I", "-S"))
    sentence = hosted.how_to_install(url)
    assert run.stdout == sentence + "\n" and not run.stderr
    assert sentence.count(". ") == 0 and sentence.endswith(".") and "make setup" in sentence
    assert ("https://" in sentence) == bool(url) and url in sentence
    if not INSTALL_SOURCE:
        assert hosted.install_cell() == hosted.install_cell("", REPOSITORY_URL)


@pytest.mark.parametrize(
    "source, url", [("", ""), ("no-such-package", ""), ("no-such-package", EXAMPLE_URL)], ids=str
)
def test_the_install_cell_prints_and_binds_nothing_where_the_packages_import(source, url, capsys):
    names = {}
    exec(hosted.install_cell(source, url), names)
    assert set(names) == {"__builtins__"}
    assert capsys.readouterr() == ("", "")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The library's wheel, built from a copy of its files (no build output in the repository)."""
    tmp = tmp_path_factory.mktemp("wheel")
    copy = tmp / "library"
    shutil.copytree(ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "LICENSE", "MANIFEST.in"):
        shutil.copy(ROOT / name, copy)
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp]
    subprocess.run([*build, str(copy)], check=True, capture_output=True)
    (path,) = tmp.glob("activations-*.whl")
    return path


@pytest.fixture(scope="module")
def hosted_venv():
    """A venv with the lock's packages but neither of the book's (rebuilt only when the lock changes)."""
    steps = [["python", "-m", "pip", "install", "--no-cache-dir", "--quiet", "-r", "requirements.txt"]]
    seconds = build_venv(HOSTED_VENV, [ROOT / "requirements.txt"], steps)
    print(f"hosted environment: installed in {seconds:.0f} s" if seconds else "hosted environment: unchanged")
    return HOSTED_VENV


def _pip(venv, *args):
    command = ["python", "-m", "pip", "--quiet", *args]
    subprocess.run(command, cwd=ROOT, env=clean_env(venv), check=True, capture_output=True)


EXECUTE = """
import json, sys
import nbclient, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
resources = {"metadata": {"path": sys.argv[2]}}
nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources=resources).execute()
nbformat.write(nb, sys.argv[1])
"""
WHERE = "import sys, activations, textbook\nprint(sys.prefix, activations.__file__, textbook.ROOT)"


@pytest.mark.parametrize("textbook_installed", [True, False], ids=["textbook-installed", "colab"])
def test_the_install_cell_installs_the_library_and_the_notebook_runs_to_the_end(
    textbook_installed, wheel, hosted_venv, tmp_path
):
    """With the source set to a wheel: where textbook is installed, the cell installs the library;
    where neither is (Colab), it also clones the repository (here, this one) for textbook."""
    _pip(hosted_venv, "uninstall", "--yes", "activations", "activations-textbook")
    if textbook_installed:
        _pip(hosted_venv, "install", "--no-deps", "--no-build-isolation", "--editable", "book")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert hosted.is_install_cell(code[0])
    code[0].source = hosted.install_cell(str(wheel), ROOT.as_uri())
    nb.cells.append(nbformat.v4.new_code_cell(WHERE))
    path = tmp_path / NOTEBOOK.name
    nbformat.write(nb, path)
    env = clean_env(hosted_venv)
    run = subprocess.run(
        ["python", "-c", EXECUTE, str(path), str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-4000:]
    done = nbformat.read(path, as_version=4)
    errors = [o for c in done.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    prefix, library, root = done.cells[-1].outputs[0].text.split()
    assert prefix == str(hosted_venv)
    assert library.startswith(str(hosted_venv / "lib")) and library.endswith("activations/__init__.py")
    clone = tmp_path / hosted.CLONE
    assert root == str(ROOT if textbook_installed else clone)
    assert clone.exists() != textbook_installed
    installed = subprocess.run(
        ["python", "-m", "pip", "list", "--format=json"], env=env, capture_output=True, text=True, check=True
    )
    versions = {p["name"]: p["version"] for p in json.loads(installed.stdout)}
    assert versions["activations"] == wheel.name.split("-")[1]
