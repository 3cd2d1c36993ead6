"""What the book's tools and tests share: its pages in reading order, and how Chromium is launched.

Imported as ``tools.shared`` by the tests and as ``shared`` by the scripts in this folder (run as
``python tools/make_pdf.py``, which puts tools/ on the import path).
"""

import os
import shutil
from pathlib import Path

import yaml

from textbook import ROOT

IN_CI = bool(os.environ.get("CI"))
# Where the book is published and how a hosted notebook (Colab, Binder) gets the book's packages.
# tools/hosted.py writes both into _config.yml's launch buttons and every notebook's install cell.
# REPOSITORY_URL: the book's public git repository on GitHub (https://github.com/<org>/<repo>); while
# it is empty the site has no launch button. INSTALL_SOURCE: what `pip install` takes for the
# library (e.g. "activations @ git+https://github.com/<org>/<repo>", or a wheel's URL); while it is
# empty a notebook opened without the packages says how to install them.
REPOSITORY_URL = ""
INSTALL_SOURCE = ""
# Pages in the instructor edition only (tools/editions.py), left out of _toc.yml: the assessment
# questions with model answers, and how to run a term.
INSTRUCTOR_ONLY = ("back/assessment", "back/term")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a sandboxed root session on a machine without network (see the README).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def toc_entries(toc_path=ROOT / "_toc.yml"):
    """The book's pages in reading order, as (docname, kind, part caption).

    kind is "front" (the root page), "chapter" (a chapter of a part, back matter included) or
    "section" (a section of a chapter).
    """
    toc = yaml.safe_load(Path(toc_path).read_text())
    entries = [(toc["root"], "front", None)]

    def walk(items, kind, caption):
        for item in items:
            entries.append((item["file"], kind, caption))
            walk(item.get("sections", []), "section", caption)

    for part in toc.get("parts", []):
        walk(part.get("chapters", []), "chapter", part.get("caption"))
    walk(toc.get("chapters", []), "chapter", None)
    return entries


def toc_files(toc_path=ROOT / "_toc.yml"):
    """The docnames of every page in _toc.yml, root first, in reading order."""
    return [doc for doc, _, _ in toc_entries(toc_path)]
