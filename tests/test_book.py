"""The book's structure: table of contents, notebook hygiene, bibliography keys."""

import getpass
import re
from pathlib import Path

import nbformat
import pytest
import yaml

import activations as act

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*/*.ipynb"))
IDS = [p.relative_to(ROOT / "chapters").as_posix() for p in NOTEBOOKS]


def _toc_files(entry):
    files = [entry["file"]] if "file" in entry else []
    for key in ("parts", "chapters", "sections"):
        for child in entry.get(key, []):
            files += _toc_files(child)
    return files


TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
TOC_FILES = [TOC["root"], *_toc_files(TOC)]


def test_every_toc_entry_exists_and_every_notebook_is_listed():
    for name in TOC_FILES:
        exists = any((ROOT / f"{name}{ext}").exists() for ext in (".md", ".ipynb"))
        assert exists, f"{name} is in _toc.yml but missing"
    listed = {(ROOT / name).with_suffix(".ipynb") for name in TOC_FILES}
    for path in NOTEBOOKS:
        assert path in listed, f"{path.relative_to(ROOT)} is not in _toc.yml"
    assert NOTEBOOKS, "no chapter notebooks found"


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
    assert any("import activations" in c.source for c in _code_cells(nb)), "does not import activations"


def test_notebook_follows_the_conventions(notebook):
    _, nb = notebook
    first = nb.cells[0].source
    assert re.search(r"^# \d+\.\d+ ", first, flags=re.M), "first cell must hold the title '# N.M Title'"
    assert "You will learn" in first
    headings = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()]
    assert "## Summary" in headings and "## Exercises" in headings
    for cell in _code_cells(nb):
        if "NBVAL_IGNORE_OUTPUT" in cell.source:
            assert "widgets." in cell.source or "perf_counter" in cell.source, (
                "only widget and timing cells may ignore their output"
            )
        if "widgets." in cell.source and "import" not in cell.source.splitlines()[-1]:
            assert "remove-output" in cell.metadata.get("tags", []), "a widget cell must hide its dead output"
    # every exercise checker appears twice: the reader's attempt, and the hidden proof of the solution
    calls = re.findall(r"exercises\.(check_\w+)\(", "\n".join(c.source for c in _code_cells(nb)))
    assert calls and all(calls.count(name) == 2 for name in calls)
    hidden = [c for c in _code_cells(nb) if "remove-cell" in c.metadata.get("tags", [])]
    for cell in hidden:
        printed = "".join(o.get("text", "") for o in cell.outputs).strip()
        assert re.fullmatch(r"Exercise [\d.]+: correct", printed), f"a published solution fails: {printed!r}"
