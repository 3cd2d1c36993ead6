"""Build the student or the instructor edition of the book from the one source.

    python tools/editions.py student      # or: make book EDITION=student
    python tools/editions.py instructor   # or: make book EDITION=instructor

The self-study edition is the book as it stands (`make book`, in _build/html). The other two are
made from the same notebooks and pages, copied to _build/<edition>/src and changed there:

- student: every solution dropdown and every hidden cell (the cells that prove a published
  solution passes, and the checks of the text's claims; not the cell that installs the book's
  packages, tools/hosted.py, which stays hidden on the site) is removed from the notebooks, and the
  teaching page, with its assessment questions and model answers, leaves the table of contents.
  The checkers stay: a student still hears right or wrong and gets the hints. The notebooks are
  also written to _build/student/notebooks, for a class to hand out.
- instructor: everything in self-study, plus the assessment questions with their model answers
  (back/assessment.ipynb), how to run a term with the student edition and the graded assignments
  (back/term.md), both left out of the self-study table of contents, and an answer key
  per chapter (every exercise's solution, unfolded, gathered from the chapter's sections) in a
  part of its own.

Each edition is built with warnings as errors into _build/<edition>/html. Stored outputs are
kept as they are: nothing is executed.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml
from hosted import is_install_cell
from shared import INSTRUCTOR_ONLY, ROOT

SOURCES = ["_config.yml", "_toc.yml", "intro.md", "references.bib", "_static", "chapters", "back"]
# a folded solution: a dropdown admonition titled Solution, alone in its cell or after a hint
SOLUTION = re.compile(r"^```\{admonition\} Solution\n:class: dropdown\n(.*?)^```[ \t]*$\n?", re.M | re.S)
EXERCISE = re.compile(r"\*\*Exercise (\d+\.\d+\.\d+)\*\*")
TEACHING = "back/teaching"


def solutions(cell):
    """The folded solutions in a cell, as their MyST bodies."""
    return [body.strip() for body in SOLUTION.findall(cell.source)] if cell.cell_type == "markdown" else []


def is_hidden(cell):
    """A hidden cell to remove: not the install cell, which a student on Colab needs to run first."""
    tags = cell.metadata.get("tags", [])
    return cell.cell_type == "code" and "remove-cell" in tags and not is_install_cell(cell)


def stage(edition):
    """Copy the book's sources to _build/<edition>/src, without build output or checkpoints."""
    src = ROOT / "_build" / edition / "src"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "_build")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=ignore)
        else:
            shutil.copy2(path, src / name)
    return src


def sections(src):
    """The chapters' notebooks in reading order, as (chapter docname, [section paths])."""
    toc = yaml.safe_load((src / "_toc.yml").read_text())
    chapters = toc["parts"][0]["chapters"]
    return [(c["file"], [src / f"{s['file']}.ipynb" for s in c.get("sections", [])]) for c in chapters]


def strip_answers(path):
    """Remove the solutions and the hidden cells of one notebook, in place; how many of each."""
    nb = nbformat.read(path, as_version=4)
    removed = sum(len(solutions(c)) for c in nb.cells)
    hidden = sum(map(is_hidden, nb.cells))
    kept = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = SOLUTION.sub("", cell.source).strip()
        if not is_hidden(cell) and cell.source:
            kept.append(cell)
    nb.cells = kept
    nbformat.write(nb, path)
    return removed, hidden


def student(src):
    """The student edition: no solutions, no hidden cells, no teaching page."""
    counts = [strip_answers(path) for _, paths in sections(src) for path in paths]
    (src / f"{TEACHING}.ipynb").unlink()
    for name in INSTRUCTOR_ONLY:
        next(src.glob(f"{name}.*")).unlink()
    toc_path = src / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text())
    back = toc["parts"][1]["chapters"]
    toc["parts"][1]["chapters"] = [c for c in back if c["file"] != TEACHING]
    toc_path.write_text(yaml.safe_dump(toc, sort_keys=False, allow_unicode=True))
    config_path = src / "_config.yml"
    config = yaml.safe_load(config_path.read_text())
    config["title"] += " (student edition)"
    config["html"]["extra_footer"] = config["html"]["extra_footer"].replace(
        "see CITATION.cff or the page Teaching with this book", "see CITATION.cff"
    )
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    notebooks = ROOT / "_build" / "student" / "notebooks"
    shutil.rmtree(notebooks, ignore_errors=True)
    for _, paths in sections(src):
        for path in paths:
            target = notebooks / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    removed, hidden = map(sum, zip(*counts, strict=True))
    print(f"student edition: removed {removed} solutions and {hidden} hidden cells, and the teaching page")


EQUATION_LABEL = re.compile(r"^\$\$ \([\w-]+\)$", flags=re.M)  # a labelled display equation's end


def answer_key(chapter, paths):
    """The markdown of one chapter's answer key: every exercise's solution, in order, unfolded."""
    title = re.search(r"^# (.+)$", (ROOT / f"{chapter}.md").read_text(), flags=re.M).group(1)
    lines = [f"# Answer key: {title}", "", "Every exercise's solution, as the sections give it folded.", ""]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        section = path.relative_to(path.parents[2]).with_suffix("").as_posix()
        exercise = None
        for cell in nb.cells:
            if cell.cell_type == "markdown" and EXERCISE.search(cell.source):
                exercise = EXERCISE.findall(cell.source)[-1]
            for body in solutions(cell):
                # an equation keeps its label in its section only: a reference to it links there
                body = EQUATION_LABEL.sub("$$", body)
                lines += [f"## Exercise {exercise}", "", f"From {{doc}}`/{section}`.", "", body, ""]
    return "\n".join(lines)


def instructor(src):
    """The instructor edition: the book, plus an answer key per chapter."""
    keys = []
    for chapter, paths in sections(src):
        number = chapter.split("/")[1].split("_")[0]
        docname = f"answers/chapter{number}"
        (src / "answers").mkdir(exist_ok=True)
        (src / f"{docname}.md").write_text(answer_key(chapter, paths))
        keys.append({"file": docname})
    toc_path = src / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text())
    back = toc["parts"][1]["chapters"]
    at = next(k for k, c in enumerate(back) if c["file"] == TEACHING)
    back[at + 1 : at + 1] = [{"file": name} for name in INSTRUCTOR_ONLY]
    toc["parts"].append({"caption": "Answer keys (instructor edition)", "chapters": keys})
    toc_path.write_text(yaml.safe_dump(toc, sort_keys=False, allow_unicode=True))
    config_path = src / "_config.yml"
    config = yaml.safe_load(config_path.read_text())
    config["title"] += " (instructor edition)"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    print(f"instructor edition: answer keys for {len(keys)} chapters")


def build(edition, src):
    """jupyter-book with warnings as errors; the HTML ends in _build/<edition>/html."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([jupyter_book, "build", src, "--warningiserror", "--keep-going", "-q"], check=True)
    html = ROOT / "_build" / edition / "html"
    shutil.rmtree(html, ignore_errors=True)
    shutil.move(src / "_build" / "html", html)
    print(f"The {edition} edition is in {html.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", choices=["student", "instructor"])
    edition = parser.parse_args().edition
    src = stage(edition)
    {"student": student, "instructor": instructor}[edition](src)
    build(edition, src)


if __name__ == "__main__":
    main()
