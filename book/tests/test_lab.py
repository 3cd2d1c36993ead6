"""The notebooks as a student opens them locally: JupyterLab (`make lab`) in headless Chromium.

MyST must render there (jupyterlab-myst is in the lock), solutions must stay folded, and the
hidden cells that prove them must be folded too, showing only a first line that gives nothing
away. Skipped without Chromium, except in CI.
"""

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from test_site import CHROMIUM_ARGS, _missing, browser  # noqa: F401 (a fixture)

from textbook import ROOT

NOTEBOOK = "01_linearity/1_collapse.ipynb"
SITE = ROOT / "_build" / "html"
# A display equation and its label: $$ ... $$ (eq-name)
DISPLAY = re.compile(r"\$\$(.*?)\$\$(?:[ \t]*\(([\w-]+)\))?", re.S)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    port = _free_port()
    # a workspace of its own: JupyterLab restores the documents a shared workspace (~/.jupyter)
    # had open, and a restored tab in front hides the notebook under test
    workspaces = tmp_path_factory.mktemp("lab-workspaces")
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=", "--allow-root",
               f"--ServerApp.root_dir={ROOT / 'chapters'}", "--LabApp.news_url=",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               f"--LabApp.workspaces_dir={workspaces}"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _scroll_to(page, text):
    """Scroll the (windowed) notebook until a cell containing ``text`` is rendered; return that cell."""
    for _ in range(80):
        cell = page.locator(".jp-Cell", has_text=text)
        if cell.count():
            cell.first.scroll_into_view_if_needed()
            return cell.first
        page.evaluate("document.querySelector('.jp-WindowedPanel-outer').scrollTop += 600")
        time.sleep(0.3)
    raise AssertionError(f"no cell containing {text!r}")


def test_jupyterlab_renders_myst_and_keeps_solutions_folded(lab, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    try:
        page.goto(f"{lab}/lab/tree/{NOTEBOOK}")
        page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", timeout=180_000)
        # jupyterlab-myst renders the first cell's {admonition} as a box with a header
        header = page.locator(
            ".jp-MarkdownCell .myst .myst-admonition-header-text", has_text="You will learn"
        )
        header.first.wait_for(timeout=30_000)
        (ROOT / "_build" / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ROOT / "_build" / "screenshots" / "jupyterlab_top.png")

        solution = _scroll_to(page, "Solution")
        solution.locator(".myst-admonition").first.wait_for(timeout=30_000)
        assert not solution.get_by_text("np.block").first.is_visible(), "a solution is open"
        proof = _scroll_to(page, "# Hidden: proves the published solution passes")
        assert proof.locator(".jp-InputPlaceholder").count() == 1, "a hidden proof cell is not folded"
        assert "solution_augment" not in proof.inner_text()
        # let the markdown cells scrolled into view render before the picture is taken
        page.wait_for_timeout(3000)
        page.screenshot(path=ROOT / "_build" / "screenshots" / "jupyterlab_exercise.png")
    finally:
        page.close()


# --- equation numbers: the same in JupyterLab and on the site -----------------------------------
# The site (Sphinx) numbers only labelled display equations; jupyterlab-myst numbers every one.
# With every display equation labelled, both number them 1, 2, ... in the order of the page, and
# a reference written {eq}`label` shows the same number in both. A number typed into the text
# ("(2) again") would not follow either.


def _markdown_sources():
    """(where, markdown) for every markdown cell of the book's notebooks and every Markdown page."""
    for path in sorted([*ROOT.glob("chapters/*/*.ipynb"), *ROOT.glob("back/*.ipynb")]):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                yield f"{path.relative_to(ROOT)}, cell {cell['id']}", "".join(cell["source"])
    for path in sorted([ROOT / "intro.md", *ROOT.glob("chapters/*/*.md"), *ROOT.glob("back/*.md")]):
        yield str(path.relative_to(ROOT)), path.read_text()


def _labels(notebook):
    """The labels of a notebook's display equations, in the order of the page."""
    cells = json.loads((ROOT / "chapters" / notebook).read_text())["cells"]
    return [
        m.group(2)
        for c in cells
        if c["cell_type"] == "markdown"
        for m in DISPLAY.finditer("".join(c["source"]))
    ]


def test_every_display_equation_is_labelled_so_both_number_it_alike():
    equations = 0
    for where, text in _markdown_sources():
        for match in DISPLAY.finditer(text):
            equations += 1
            assert match.group(2), (
                f"{where}: an unlabelled display equation: {' '.join(match.group(1).split())[:60]}"
            )
    assert equations >= 40


def _prose(text):
    """Markdown without its math, code and roles' targets: the words a reader reads."""
    for pattern in (r"```.*?```", r"\$\$.*?\$\$", r"\$[^$\n]*\$", r"`[^`\n]*`"):
        text = re.sub(pattern, " ", text, flags=re.S)
    return text


LITERAL_REFERENCES = [
    re.compile(r"\(\d+[a-z]?\)"),  # "(2) again", "by (3)"
    re.compile(r"\b(equations?|eqs?\.|eqn\.?|formula)\s*\(?\d", re.I),  # "equation 2", "eq. (3)"
]


def test_every_equation_reference_points_into_its_own_notebook():
    """JupyterLab renders one notebook: a reference to another's equation shows a bare, flagged label."""
    references = 0
    for path in sorted([*ROOT.glob("chapters/*/*.ipynb"), *ROOT.glob("back/*.ipynb")]):
        cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown"]
        text = "\n".join("".join(c["source"]) for c in cells)
        own = {m.group(2) for m in DISPLAY.finditer(text)}
        for label in re.findall(r"\{eq\}`([^`]+)`", text):
            references += 1
            assert label in own, (
                f"{path.relative_to(ROOT)}: {{eq}}`{label}` is another notebook's equation; name it and link "
                "its section with {ref} instead"
            )
    assert references >= 10


def test_no_text_refers_to_an_equation_by_a_literal_number():
    for where, text in _markdown_sources():
        prose = _prose(text)
        for pattern in LITERAL_REFERENCES:
            found = pattern.search(prose)
            assert not found, (
                f"{where}: {prose[max(0, found.start() - 40) : found.end() + 20]!r} names an equation by "
                "number; label it and write {eq}`its-label`"
            )
    assert LITERAL_REFERENCES[0].search(_prose("which is (2) again")), "the check finds a typed number"


def test_the_site_numbers_each_pages_equations_in_order():
    if not (SITE / "intro.html").exists():
        _missing("the book is not built: run `make book` first")
    checked = 0
    for path in sorted((ROOT / "chapters").glob("*/*.ipynb")):
        notebook = path.relative_to(ROOT / "chapters").as_posix()
        page = (SITE / "chapters" / notebook).with_suffix(".html").read_text()
        shown = dict(re.findall(r'id="equation-([\w-]+)">\s*<span class="eqno">\((\d+)\)', page))
        expected = {label: str(k) for k, label in enumerate(_labels(notebook), start=1)}
        assert shown == expected, notebook
        for label, number in re.findall(r'href="#equation-([\w-]+)"[^>]*>\s*(?:<span[^>]*>)?\((\d+)\)', page):
            assert number == expected[label], f"{notebook}: a reference to {label} shows ({number})"
            checked += 1
    assert checked >= 10


def _lab_equations(page):
    """Scroll the whole notebook; every numbered equation's label and number, and every reference's text."""
    numbers, references = {}, []
    shown = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on show, not another open tab
    script = f"""() => [
        Array.from(document.querySelectorAll('{shown} .jp-MarkdownCell [id^="eq-"]'))
            .map(e => [e.id, e.textContent]),
        Array.from(document.querySelectorAll('{shown} .jp-MarkdownCell a[href^="#eq-"]'))
            .map(a => [a.getAttribute('href').slice(1), a.textContent]),
    ]"""
    outer = f"{shown} .jp-WindowedPanel-outer"
    for _ in range(300):
        page.wait_for_timeout(400)
        equations, links = page.evaluate(script)
        for label, text in equations:
            found = re.search(r"\((\d+)\)\s*$", text)
            if found:
                numbers[label] = found.group(1)
        references += [(label, text.strip()) for label, text in links]
        at_end = page.evaluate(
            f"(() => {{ const o = document.querySelector('{outer}'); const before = o.scrollTop; "
            "o.scrollTop += 500; return o.scrollTop === before; })()"
        )
        if at_end:
            break
    return numbers, references


@pytest.mark.parametrize("notebook", [NOTEBOOK, "02_sigmoid_tanh/2_vanishing.ipynb"])
def test_jupyterlab_numbers_equations_as_the_site_does(lab, browser, notebook):  # noqa: F811
    expected = {label: str(k) for k, label in enumerate(_labels(notebook), start=1)}
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    try:
        page.goto(f"{lab}/lab/tree/{notebook}?reset")  # no other notebook reopened from a workspace
        page.wait_for_selector(".jp-Notebook .jp-MarkdownCell .myst", timeout=180_000)
        numbers, references = _lab_equations(page)
    finally:
        page.close()
    visible = {label: number for label, number in numbers.items() if label in expected}
    assert len(visible) >= 4, f"JupyterLab showed too few numbered equations: {numbers}"
    assert visible == {label: expected[label] for label in visible}
    assert references, "JupyterLab showed no {eq} reference"
    for label, text in references:
        assert text == f"({expected[label]})", f"JupyterLab shows a reference to {label} as {text!r}"
