"""The versioned release (tools/release.py, `make release`): its contents, and every copy of the version.

The version's one source is activations.__version__, dated by its CHANGELOG.md entry; the site's
footer, the PDF's title page, CITATION.cff, book/pyproject.toml and the wheel must all agree.
"""

import datetime
import re
import shutil
import subprocess
import tarfile
import zipfile

import pytest
import yaml
from test_site import _missing
from tools import release

import activations
from textbook import ROOT, version_footer

VERSION = activations.__version__
OUT = ROOT / "dist" / f"activations-{VERSION}"


@pytest.fixture(scope="module")
def out():
    if not (OUT / "README.md").exists():
        _missing(f"no release in {OUT.relative_to(ROOT)}: run `make release`")
    return OUT


def test_the_changelog_dates_this_version_and_has_errata_for_each_version():
    text = (ROOT / "CHANGELOG.md").read_text()
    versions = re.findall(r"^## (\d+\.\d+\.\d+) — \d{4}-\d{2}-\d{2}$", text, flags=re.M)
    assert versions[0] == VERSION, "the newest changelog entry is not the library's version"
    entries = re.split(r"^## ", text, flags=re.M)[1:]
    # every version after the first complete book says what moved in its content
    assert all("### Errata" in entry for entry in entries[: versions.index("0.3.0") + 1])
    assert release.release_date() == re.search(rf"## {VERSION} — (\S+)", text).group(1)


def test_citation_and_the_book_package_carry_the_version_and_its_date():
    assert release.disagreements() == []
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert (str(citation["version"]), str(citation["date-released"])) == (VERSION, release.release_date())


def test_a_stale_copy_of_the_version_is_found(tmp_path, monkeypatch):
    stale = tmp_path / "CITATION.cff"
    stale.write_text((ROOT / "CITATION.cff").read_text().replace(f"version: {VERSION}", "version: 0.0.1"))
    monkeypatch.setattr(release, "CITATION", stale)
    assert release.disagreements() == [f"CITATION.cff version is 0.0.1, not {VERSION}"]


def test_a_version_without_a_changelog_entry_is_refused(tmp_path):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 0.0.1 — 2026-01-01\n")
    with pytest.raises(SystemExit, match=r"CHANGELOG\.md has no entry '## 9\.9\.9"):
        release.release_date("9.9.9", changelog)


def test_the_footer_sentence_names_the_version_and_date():
    sentence = version_footer.version_sentence()
    assert f"Version {VERSION} ({release.release_date()})" in sentence


def test_the_release_holds_every_part(out):
    names = {path.name for path in out.iterdir()}
    expected = {name for name, _, _ in release.PARTS} | {"README.md", "CHANGELOG.md"}
    expected |= {f"activations-{VERSION}-py3-none-any.whl", f"activations-{VERSION}.tar.gz"}
    expected |= {f"activations-book-{VERSION}-source.tar.gz"}
    assert names == expected
    readme = (out / "README.md").read_text()
    assert all(f"`{name}`" in readme for name in expected - {"README.md"})
    slides = sorted(path.name for path in (out / "slides").glob("*.html"))
    assert slides == [f"chapter{n}.html" for n in range(1, 7)]
    with zipfile.ZipFile(out / "student-notebooks.zip") as archive:
        notebooks = [n for n in archive.namelist() if n.endswith(".ipynb")]
    assert len(notebooks) >= 18 and not [n for n in notebooks if "teaching" in n]
    assert (out / "CHANGELOG.md").read_text() == (ROOT / "CHANGELOG.md").read_text(), "a stale release"
    assert "Students in a class:** `student-site.zip` and `student-notebooks.zip`" in readme
    with tarfile.open(out / f"activations-book-{VERSION}-source.tar.gz") as archive:
        source = set(archive.getnames())
    assert {f"activations-book-{VERSION}/{name}" for name in ("Makefile", "_toc.yml", "src")} <= source
    with zipfile.ZipFile(out / "student-site.zip") as archive:
        assert "intro.html" in archive.namelist() and "back/teaching.html" not in archive.namelist()
    with zipfile.ZipFile(out / "assignments-release.zip") as archive:
        assignments = {n.split("/")[0] for n in archive.namelist()}
    assert {f"chapter0{n}-{v}" for n in range(1, 7) for v in "ab"} <= assignments


@pytest.mark.parametrize("site", ["site.zip", "instructor-site.zip"])
def test_every_page_of_the_released_sites_gives_the_version(out, site):
    with zipfile.ZipFile(out / site) as archive:
        pages = {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".html")}
        # every page but the redirect index.html and Sphinx's own (_static, genindex's templates)
        pages = {n: text for n, text in pages.items() if not n.startswith("_") and "<footer" in text}
        stamp = f"Version {VERSION} ({release.release_date()})"
        without = [page for page, text in pages.items() if stamp not in text]
    assert len(pages) >= 30, f"only {len(pages)} pages in {site}"
    assert not without, f"pages without '{stamp}' in their footer: {without}"


def test_the_wheel_and_sdist_carry_the_version(out):
    wheel = out / f"activations-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"activations-{VERSION}.dist-info/METADATA").decode()
        source = archive.read("activations/__init__.py").decode()
    assert re.search(r"^Version: (.+)$", metadata, flags=re.M).group(1) == VERSION
    assert f'__version__ = "{VERSION}"' in source
    with tarfile.open(out / f"activations-{VERSION}.tar.gz") as archive:
        assert f"activations-{VERSION}/PKG-INFO" in archive.getnames()


def test_the_pdf_title_page_gives_the_version_and_date(out):
    if not shutil.which("pdftotext"):
        _missing("pdftotext (poppler-utils) is missing")
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", out / "book.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    date = datetime.date.fromisoformat(release.release_date())
    assert f"Version {VERSION}" in first, first
    assert date.isoformat() in first or f"{date.day} {date:%B %Y}" in first, first
