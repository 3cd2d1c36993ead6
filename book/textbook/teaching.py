"""The lecturer's page (back/teaching.ipynb): outcomes read from the chapters, and the citation.

The outcomes a chapter promises are the "You will learn" admonitions at the
top of its notebooks; :func:`outcomes` reads them, so the teaching page
cannot drift from the chapters. :func:`misconception_sections` lists the
sections of a chapter that the misconceptions page links to, which the
page's plans must name. :func:`citation` renders CITATION.cff.
"""

import re
from pathlib import Path

import nbformat
import yaml

from . import ROOT

CHAPTERS = ROOT / "chapters"
MISCONCEPTIONS = ROOT / "back" / "misconceptions.md"


def sections(chapter):
    """The notebooks of a chapter folder (e.g. "01_linearity"), in order."""
    paths = sorted((CHAPTERS / chapter).glob("*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"teaching.sections: no notebooks in chapters/{chapter}")
    return paths


def outcomes(chapter):
    """{section title: [outcome, ...]} from the "You will learn" admonition of each notebook."""
    found = {}
    for path in sections(chapter):
        first = nbformat.read(path, as_version=4).cells[0].source
        title = re.search(r"^# (.+)$", first, flags=re.M).group(1)
        box = re.search(r"```\{admonition\} You will learn\n(.*?)```", first, flags=re.S)
        if box is None:
            raise ValueError(f"teaching.outcomes: {path.name} has no 'You will learn' admonition")
        items = re.split(r"^- ", box.group(1), flags=re.M)[1:]
        found[title] = [" ".join(item.split()) for item in items]
    return found


def outcomes_markdown(chapter):
    """The outcomes of a chapter as a Markdown list, one sub-list per section."""
    lines = []
    for title, items in outcomes(chapter).items():
        lines.append(f"- **{title}**")
        lines += [f"  - {item}" for item in items]
    return "\n".join(lines)


def section_labels(chapter):
    """The section labels (``sec-...``) of a chapter's notebooks, in reading order."""
    found = []
    for path in sections(chapter):
        for cell in nbformat.read(path, as_version=4).cells:
            found += re.findall(r"^\((sec-[\w-]+)\)=", cell.source, flags=re.M)
    return found


def misconception_sections(chapter, path=MISCONCEPTIONS):
    """The chapter's sections that the misconceptions page links to, in the chapter's order."""
    linked = set(re.findall(r"\{ref\}`(?:[^`<]*<)?(sec-[\w-]+)>?`", Path(path).read_text()))
    return [label for label in section_labels(chapter) if label in linked]


def citation(path=ROOT / "CITATION.cff"):
    """(plain text, BibTeX) for the book, from its CITATION.cff."""
    data = yaml.safe_load(Path(path).read_text())
    for key in ("cff-version", "message", "title", "authors", "version", "date-released", "license"):
        if key not in data:
            raise ValueError(f"teaching.citation: CITATION.cff has no {key!r}")
    authors = " and ".join(
        a.get("name") or f"{a['given-names']} {a['family-names']}" for a in data["authors"]
    )
    year = str(data["date-released"])[:4]
    text = f"{authors} ({year}). {data['title']} (version {data['version']})."
    bibtex = (
        "@book{activations_textbook,\n"
        f"  title = {{{data['title']}}},\n"
        f"  author = {{{{{authors}}}}},\n"
        f"  year = {{{year}}},\n"
        f"  note = {{Version {data['version']}}}\n"
        "}"
    )
    return text, bibtex
