"""A versioned release: everything a course pins for a term, in dist/activations-<version>/.

    python tools/release.py --stamp   # copy the version and its date into CITATION.cff, book/pyproject.toml
    python tools/release.py           # or: make release (which first builds everything it packs)

The version has one source, ``activations.__version__``; its date is the heading of its entry in
CHANGELOG.md ("## 0.4.0 — 2026-12-03"). ``--stamp`` writes both into CITATION.cff and the version
into book/pyproject.toml; the site's footer (textbook.version_footer), the PDF's title page and the
wheel read them from there. A release is refused while any of them disagrees.

The release folder holds the website and the instructor edition as zip files, the PDF, the
library's wheel and sdist, the student notebooks, the slides, and the nbgrader course's release
folder (the assignments as students get them), with a README naming each.
"""

import argparse
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

import activations
from textbook import ROOT

CHANGELOG = ROOT / "CHANGELOG.md"
CITATION = ROOT / "CITATION.cff"
BOOK_PROJECT = ROOT / "book" / "pyproject.toml"
# what a release packs: (name in the release, built file or folder, what it is)
PARTS = [
    ("site.zip", "_build/html", "the website (open index.html)"),
    ("book.pdf", "_build/pdf/book.pdf", "the print edition"),
    (
        "ja-site.zip",
        "_build/ja/html",
        "the Japanese edition's website (日本語版); unpacked into ja/html/ beside site.zip's pages in "
        "html/, each page's language link finds its twin",
    ),
    ("ja-book.pdf", "_build/ja/pdf/book.pdf", "the Japanese edition's print edition"),
    ("student-site.zip", "_build/student/html", "the student edition's website: no solutions"),
    ("student-notebooks.zip", "_build/student/notebooks", "the student edition's notebooks: no solutions"),
    ("instructor-site.zip", "_build/instructor/html", "the instructor edition, with answer keys"),
    ("slides", "_build/slides", "one reveal.js deck per chapter, offline (open chapterN.html)"),
    ("assignments-release.zip", "_build/assignments/release", "nbgrader's release: the graded assignments"),
]


def version():
    return activations.__version__


def release_date(v=None, changelog=CHANGELOG):
    """The date of version v's entry in the changelog (a heading '## v — YYYY-MM-DD')."""
    v = v or version()
    match = re.search(rf"^## {re.escape(v)} — (\d{{4}}-\d{{2}}-\d{{2}})$", Path(changelog).read_text(), re.M)
    if not match:
        sys.exit(f"release: CHANGELOG.md has no entry '## {v} — YYYY-MM-DD' for the version {v}")
    return match.group(1)


def stamp():
    """Write the version and its date into CITATION.cff and book/pyproject.toml."""
    v, date = version(), release_date()
    text = CITATION.read_text()
    text = re.sub(r"^version: .*$", f"version: {v}", text, flags=re.M)
    text = re.sub(r"^date-released: .*$", f"date-released: {date}", text, flags=re.M)
    CITATION.write_text(text)
    project = BOOK_PROJECT.read_text()
    BOOK_PROJECT.write_text(re.sub(r'^version = ".*"$', f'version = "{v}"', project, flags=re.M))
    print(f"stamped version {v} ({date}) into CITATION.cff and book/pyproject.toml")


def disagreements():
    """Every place whose version or date differs from activations.__version__ and the changelog."""
    v, date = version(), release_date()
    citation = yaml.safe_load(CITATION.read_text())
    book = re.search(r'^version = "(.*)"$', BOOK_PROJECT.read_text(), re.M).group(1)
    found = {
        "CITATION.cff version": str(citation["version"]),
        "CITATION.cff date-released": str(citation["date-released"]),
        "book/pyproject.toml version": book,
    }
    wanted = {where: date if "date" in where else v for where in found}
    return [f"{where} is {got}, not {wanted[where]}" for where, got in found.items() if got != wanted[where]]


GUIDE = """## What to give whom

- **Readers on their own:** `site.zip` (solutions folded under each exercise) or `book.pdf`
  (solutions printed unfolded); in Japanese, `ja-site.zip` or `ja-book.pdf`.
- **Students in a class:** `student-site.zip` and `student-notebooks.zip`, which hold no
  solutions. The notebooks import the book's own package, `textbook`, which reads the book's files,
  so they run inside the book's source: unpack `{source}`, run `make setup` there, unpack
  `student-notebooks.zip` over it (it replaces `chapters/` with the solution-free notebooks) and
  run `make lab`. Do not give a graded class `site.zip`, `book.pdf` or the source's own notebooks:
  they hold the solutions.
- **Graded work:** `assignments-release.zip` is nbgrader's release folder; the instructor edition's
  page "Running a term with this book" says how to collect and grade it.
- **Lecturers:** `instructor-site.zip` (the book, the assessment questions with model answers, an
  answer key per chapter) and `slides/` (open `chapterN.html`; S shows the speaker notes). The
  notes of an exercise's slide hold its solution: do not hand the decks to a graded class.
- **Pinning a term:** keep this folder; `CHANGELOG.md` says what moved in later versions.
"""


def _source_archive(out, v):
    """The repository's committed files at HEAD as a .tar.gz; (its name, the commit)."""
    name = f"activations-book-{v}-source.tar.gz"
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    prefix = f"--prefix=activations-book-{v}/"
    subprocess.run([*git, "archive", "--format=tar.gz", prefix, "-o", str(out / name), "HEAD"], check=True)
    return name, commit.stdout.strip() or "unknown"


def _zip(folder, target):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder))


def build(dist=ROOT / "dist"):
    wrong = disagreements()
    if wrong:
        sys.exit("release: the version's copies differ (run tools/release.py --stamp):\n" + "\n".join(wrong))
    v = version()
    wheels = sorted((ROOT / "_build" / "dist").glob(f"activations-{v}*"))
    missing = [source for _, source, _ in PARTS if not (ROOT / source).exists()]
    if len(wheels) != 2 or missing:
        missing = missing or "the wheel and sdist (make wheel)"
        sys.exit(f"release: build these first (make release does): {missing}")
    out = dist / f"activations-{v}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    lines = [f"# activations {v} ({release_date()})", "", "What this release holds:", ""]
    for name, source, what in PARTS:
        source = ROOT / source
        if name.endswith(".zip"):
            _zip(source, out / name)
        elif source.is_dir():
            shutil.copytree(source, out / name)
        else:
            shutil.copyfile(source, out / name)
        lines.append(f"- `{name}`: {what}")
    for wheel in wheels:
        shutil.copyfile(wheel, out / wheel.name)
        kind = "wheel (pip install it)" if wheel.suffix == ".whl" else "source distribution"
        lines.append(f"- `{wheel.name}`: the activations library alone, its {kind}")
    source, commit = _source_archive(out, v)
    lines.append(f"- `{source}`: the book's repository at this version (commit {commit})")
    shutil.copyfile(CHANGELOG, out / CHANGELOG.name)
    lines += ["- `CHANGELOG.md`: what changed, with the errata between versions", ""]
    lines += GUIDE.format(source=source).splitlines()
    (out / "README.md").write_text("\n".join(lines) + "\n")
    print(f"The release is in {out.relative_to(ROOT)}: {', '.join(sorted(p.name for p in out.iterdir()))}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stamp", action="store_true", help="copy the version into CITATION.cff and book/")
    args = parser.parse_args()
    if args.stamp:
        stamp()
    else:
        build()


if __name__ == "__main__":
    main()
