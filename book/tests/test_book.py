"""The book's structure: table of contents, notebook hygiene, bibliography keys."""

import ast
import getpass
import io
import itertools
import re
import sys
import tokenize

import nbformat
import pytest
from tools.shared import INSTRUCTOR_ONLY, toc_files

import activations as act
from textbook import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from hosted import install_cell, is_install_cell

CHAPTERS = sorted((ROOT / "chapters").glob("*/*.ipynb"))
# Back matter (the activation atlas) follows the hygiene rules, not the chapter template.
NOTEBOOKS = CHAPTERS + sorted((ROOT / "back").glob("*.ipynb"))
IDS = [p.relative_to(ROOT).as_posix() for p in NOTEBOOKS]


TOC_FILES = toc_files()


def test_every_toc_entry_exists_and_every_notebook_is_listed():
    for name in TOC_FILES:
        exists = any((ROOT / f"{name}{ext}").exists() for ext in (".md", ".ipynb"))
        assert exists, f"{name} is in _toc.yml but missing"
    listed = {(ROOT / name).with_suffix(".ipynb") for name in (*TOC_FILES, *INSTRUCTOR_ONLY)}
    for path in NOTEBOOKS:
        assert path in listed, f"{path.relative_to(ROOT)} is not in _toc.yml"
    assert CHAPTERS, "no chapter notebooks found"


def test_package_references_are_in_the_bibliography():
    keys = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "references.bib").read_text(), flags=re.M))
    for f in act.ALL:
        assert f.reference is None or f.reference in keys, f"{f.name}: {f.reference} is not in references.bib"


@pytest.fixture(params=NOTEBOOKS, ids=IDS)
def notebook(request):
    path = request.param
    return path, nbformat.read(path, as_version=4)


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def test_notebook_was_run_top_to_bottom_without_errors(notebook):
    _, nb = notebook
    cells = _code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), "not run top to bottom"
    assert any(c.outputs for c in cells), "stored without outputs"
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error", f"error output in cell {cell.execution_count}"
            assert output.get("name") != "stderr", f"stderr (a warning?) in cell {cell.execution_count}"


def test_notebook_is_clean_and_portable(notebook):
    path, nb = notebook
    text = path.read_text()
    assert path.stat().st_size < 2_000_000, "over the 2 MB budget"
    for needle in ("/root/", "/home/", "/Users/", "/tmp/", "/work/", str(ROOT), "C:\\\\"):
        assert needle not in text, f"contains the absolute path {needle!r}"
    user = getpass.getuser()
    if user not in ("root", "runner"):
        assert user not in text, "contains the user name"
    assert nb.metadata.kernelspec.name == "python3"
    assert "widgets" not in nb.metadata, "widget state stored: the site would load a widget manager"
    imports = "\n".join(c.source for c in _code_cells(nb))
    found = re.search(r"^(import|from) (activations|textbook)\b", imports, flags=re.M)
    assert found, "imports neither package"


def test_notebook_follows_the_conventions(notebook):
    path, nb = notebook
    first = nb.cells[0].source
    install, imports = _code_cells(nb)[:2]
    assert is_install_cell(install), "the first code cell installs the packages where they are missing"
    assert install.source == install_cell(), "the install cell differs from tools/shared.py's settings"
    assert "plotting.use_style()" in imports.source, "the imports cell after it asks for the book style"
    if path not in CHAPTERS:
        assert re.search(r"^# \S", first, flags=re.M), "first cell must hold the title '# Title'"
        return
    assert re.search(r"^# \d+\.\d+ ", first, flags=re.M), "first cell must hold the title '# N.M Title'"
    assert "You will learn" in first
    headings = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()]
    assert "## Summary" in headings
    assert "## Exercises" in headings


def _tags(cell):
    return cell.metadata.get("tags", [])


def test_widget_and_timing_cells_ignore_their_output_by_tag(notebook):
    _, nb = notebook
    for cell in _code_cells(nb):
        assert "NBVAL_IGNORE_OUTPUT" not in cell.source, "use the nbval-ignore-output tag, not the comment"
        if "nbval-ignore-output" in _tags(cell):
            assert any(word in cell.source for word in ("widgets.", "perf_counter", "cost.")), (
                "only widget and timing cells may ignore their output"
            )
        if (
            "widgets." in cell.source
            and "sliders.slider(" not in cell.source
            and "import" not in cell.source.splitlines()[-1]
        ):
            assert "remove-output" in _tags(cell), "a widget cell must hide its dead output"
            assert "nbval-ignore-output" in _tags(cell), "nbval cannot compare a widget's output"


def test_visible_code_reads_like_a_textbook(notebook):
    """Checks go to hidden cells, and comments sit on their own lines."""
    _, nb = notebook
    for cell in _code_cells(nb):
        hidden = "remove-cell" in _tags(cell)
        tokens = list(tokenize.generate_tokens(io.StringIO(cell.source).readline))
        if not hidden:
            assert not any(t.type == tokenize.NAME and t.string == "assert" for t in tokens), (
                f"a visible cell asserts; move the check to a hidden cell:\n{cell.source}"
            )
        for before, token in itertools.pairwise(tokens):
            if token.type == tokenize.COMMENT and "fmt: skip" not in token.string:
                assert before.type in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT), (
                    f"a comment after code, {token.string!r}: put it on its own line"
                )


LONGEST_VISIBLE_CELL = 20  # non-blank lines a reader sees in one code cell


def test_no_visible_code_cell_is_longer_than_a_reader_takes_in_at_once(notebook):
    """A cell the page shows holds at most 20 non-blank lines: longer ones split at set-up, run, print."""
    _, nb = notebook
    too_long = []
    for cell in _code_cells(nb):
        if {"remove-cell", "remove-input"} & set(_tags(cell)):
            continue
        lines = [line for line in cell.source.splitlines() if line.strip()]
        if len(lines) > LONGEST_VISIBLE_CELL:
            too_long.append(f"cell {cell.execution_count} ({len(lines)} lines), starting {lines[0]!r}")
    assert not too_long, f"visible code cells over {LONGEST_VISIBLE_CELL} lines: " + "; ".join(too_long)


def _bound_names(source):
    """The names a cell binds at the top level (assignments, loops, definitions, imports)."""
    names = set()
    for node in ast.parse(source).body:
        targets = []
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, (ast.For, ast.With)):
            targets = [node.target] if isinstance(node, ast.For) else [i.optional_vars for i in node.items]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)} if target else set()
    return names


def test_hidden_cells_leave_the_readers_names_alone(notebook):
    """In JupyterLab hidden cells run too: they must not overwrite what the reader wrote or ran."""
    _, nb = notebook
    visible, hidden = set(), set()
    for cell in _code_cells(nb):
        (hidden if "remove-cell" in _tags(cell) else visible).update(_bound_names(cell.source))
    assert not visible & hidden, f"hidden cells rebind {sorted(visible & hidden)}"


def test_hidden_cells_are_folded_in_jupyterlab(notebook):
    """remove-cell hides a cell on the site; JupyterLab needs the folding metadata to hide a solution."""
    _, nb = notebook
    for cell in _code_cells(nb):
        if "remove-cell" in _tags(cell):
            assert cell.metadata.get("jupyter") == {"source_hidden": True, "outputs_hidden": True}, (
                cell.source
            )
            # a folded cell still shows its first line: it must not give the answer away
            assert cell.source.startswith("# Hidden: "), cell.source


def test_hidden_cells_prove_solutions_or_check_claims(notebook):
    path, nb = notebook
    # every exercise checker appears twice: the reader's attempt, and the hidden proof of the solution
    calls = re.findall(r"exercises\.(check_\w+)\(", "\n".join(c.source for c in _code_cells(nb)))
    assert calls or path not in CHAPTERS, "a chapter notebook without exercises"
    assert all(calls.count(name) == 2 for name in calls)
    for cell in _code_cells(nb):
        if "remove-cell" not in _tags(cell):
            continue
        printed = "".join(o.get("text", "") for o in cell.outputs).strip()
        if is_install_cell(cell):
            assert not cell.outputs, "the install cell prints nothing where the packages are installed"
        elif "exercises.check_" in cell.source:
            assert re.fullmatch(r"Exercise [\d.]+: correct", printed), (
                f"a published solution fails: {printed!r}"
            )
        else:
            assert "assert" in cell.source, f"a hidden cell that neither checks nor proves:\n{cell.source}"
            assert not cell.outputs, "a hidden check prints what no reader sees"


def _labels():
    """Every MyST target "(name)=" defined in the book's pages."""
    pages = [*NOTEBOOKS, *ROOT.glob("chapters/*/*.md"), *ROOT.glob("back/*.md"), ROOT / "intro.md"]
    text = "\n".join(
        "\n".join(c.source for c in nbformat.read(p, as_version=4).cells)
        if p.suffix == ".ipynb"
        else p.read_text()
        for p in pages
    )
    return set(re.findall(r"^\(([\w-]+)\)=", text, flags=re.M))


def test_every_misconception_links_to_a_section_that_exists():
    rows = [
        line for line in (ROOT / "back/misconceptions.md").read_text().splitlines() if line.startswith('| "')
    ]
    assert len(rows) >= 30
    labels = _labels()
    for row in rows:
        links = re.findall(r"\{ref\}`(?:[^<`]*<)?([\w-]+)>?`", row.split("|")[-2])
        assert links, f"no link in the row {row[:60]!r}"
        for link in links:
            assert link in labels, f"the row {row[:60]!r} links to {link}, which no page defines"
