"""The print edition, _build/pdf/book.pdf (`make pdf`, tools/make_pdf.py), read back with poppler.

What is expected is derived from the sources, not typed here: the titles from _toc.yml and the
first heading of each page, the figures from the notebooks' stored PNG outputs. The PDF is
(re)built when it is missing or older than the book's sources, which needs Debian's chromium;
reading it needs poppler-utils (pdftotext, pdfimages, pdfinfo). Where either is missing these tests
skip, except in CI, where they fail.
"""

import base64
import re
import shutil
import struct
import subprocess
import sys

import nbformat
import pytest
from tools.shared import CHROMIUM, IN_CI, toc_entries, toc_files

from textbook import ROOT

PDF = ROOT / "_build" / "pdf" / "book.pdf"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfimages", "pdfinfo"))
# Measured: 201 pages on A4 (six chapters, five back-matter pages, 62 figures). The range
# leaves room for new material but catches a lost chapter or a layout that runs away.
MIN_PAGES, MAX_PAGES = 140, 340
# Cells whose output the site does not show (the widgets and the cells that check exercises).
REMOVED = {"remove-cell", "remove-output"}


def _missing(reason):
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


PAGES = toc_files()


def _source(name):
    return next(p for p in (ROOT / f"{name}.ipynb", ROOT / f"{name}.md") if p.exists())


def _markdown(path):
    """The Markdown of a page: an .md file, or a notebook's Markdown cells."""
    if path.suffix == ".md":
        return [path.read_text()]
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _normal(text):
    """Whitespace collapsed, typographic quotes and dashes as ASCII (Sphinx's smartquotes)."""
    for fancy, plain in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text).strip()


def _title(name):
    """The first level-1 heading of a page, as the site shows it (inline markup removed)."""
    for block in _markdown(_source(name)):
        match = re.search(r"^# (.+)$", block, flags=re.M)
        if match:
            title = re.sub(r"\{[a-z]+\}`([^`]*)`", r"\1", match.group(1))  # {role}`text`
            return _normal(title.replace("`", "").replace("**", "").replace("*", ""))
    raise AssertionError(f"{name} has no '# ' heading")


TITLES = [_title(name) for name in PAGES]


def _code_corpus():
    """Every text the book shows as code: code cells, their text outputs, code blocks, inline code."""
    parts = []
    for name in PAGES:
        path = _source(name)
        if path.suffix == ".ipynb":
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type != "code":
                    continue
                parts.append(cell.source)
                for output in cell.outputs:
                    parts.append(output.get("text", ""))
                    parts.append(output.get("data", {}).get("text/plain", ""))
        for block in _markdown(path):
            parts += re.findall(r"`([^`\n]+)`", block)
            fence = None
            for line in block.splitlines():
                opening = re.match(r"^\s*(`{3,}|~{3,})(.*)$", line)
                if fence is None and opening and not opening.group(2).strip().startswith("{"):
                    fence = opening.group(1)  # a code block; directives ({math} ...) are not code
                elif fence is not None and line.strip() == fence:
                    fence = None
                elif fence is not None:
                    parts.append(line)
    return _normal("\n".join(parts))


# The order in which myst-nb picks one representation of an output for the HTML builders.
MIME_PRIORITY = [
    "application/vnd.jupyter.widget-view+json",
    "application/javascript",
    "text/html",
    "image/svg+xml",
    "image/png",
    "image/gif",
    "image/jpeg",
    "text/markdown",
    "text/latex",
    "text/plain",
]


def _png_size(data):
    return struct.unpack(">II", base64.b64decode(data)[16:24])  # width, height from the IHDR chunk


def _png_sizes():
    """(width, height) of every figure the site shows, in book order, from the notebooks' outputs.

    A figure is an image/png output, or a PNG embedded in an HTML output (<img src="data:...">:
    the static sliders show one such image, the frame their slider starts at).
    """
    sizes = []
    for name in PAGES:
        path = _source(name)
        if path.suffix != ".ipynb":
            continue
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or REMOVED & set(cell.metadata.get("tags", [])):
                continue
            for output in cell.outputs:
                data = output.get("data", {})
                shown = next((mime for mime in MIME_PRIORITY if mime in data), None)
                if shown == "image/png":
                    sizes.append(_png_size(data["image/png"]))
                elif shown == "text/html":
                    html = "".join(data["text/html"])
                    for png in re.findall(r'<img\b[^>]*\bsrc="data:image/png;base64,([^"]+)"', html):
                        sizes.append(_png_size(png))
    return sizes


def _sources_mtime():
    paths = [ROOT / "_toc.yml", ROOT / "_config.yml", ROOT / "references.bib", ROOT / "tools" / "make_pdf.py"]
    paths += [_source(name) for name in PAGES]
    return max(p.stat().st_mtime for p in paths)


@pytest.fixture(scope="module")
def pdf():
    if not POPPLER:
        _missing("poppler-utils is missing (pdftotext, pdfimages, pdfinfo): `apt-get install poppler-utils`")
    if not PDF.exists() or PDF.stat().st_mtime < _sources_mtime():
        if CHROMIUM is None:
            _missing("the PDF is missing or stale and Chromium is missing: `apt-get install chromium`")
        subprocess.run([sys.executable, str(ROOT / "tools" / "make_pdf.py")], cwd=ROOT, check=True)
    return PDF


def _run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pages(pdf):
    """The text of every page, whitespace-normalised (pdftotext separates pages with form feeds)."""
    text = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    return [_normal(page) for page in text.split("\f")[:-1]]


def test_titles_were_found():
    assert len(TITLES) == len(PAGES) > 10
    assert any(re.match(r"\d+\.\d+ ", t) for t in TITLES), "no numbered section title: " + repr(TITLES)


def test_every_page_starts_on_a_page_of_its_own_in_toc_order(pages):
    body = next(i for i, text in enumerate(pages) if TITLES[-1] in text) + 1  # after the contents
    at = body
    for title in TITLES:
        found = next((i for i in range(at, len(pages)) if pages[i].startswith(title)), None)
        assert found is not None, f"no page after page {at + 1} starts with {title!r}"
        at = found + 1


def test_contents_list_every_title_with_its_page_number(pages):
    body = next(i for i, text in enumerate(pages) if TITLES[-1] in text) + 1  # after the contents
    contents = " ".join(pages[:body])
    assert "Contents" in contents
    position = 0
    for title in TITLES:
        match = re.compile(re.escape(title) + r" (\d+)\b").search(contents, position)
        assert match, (
            f"the contents do not list {title!r} with a page number (after {contents[position:][:80]!r})"
        )
        number = int(match.group(1))
        assert number > body, f"{title!r}: page {number} is inside the front matter"
        assert pages[number - 1].startswith(title), f"page {number} does not start with {title!r}"
        position = match.end()


def test_every_figure_is_in_the_pdf(pdf):
    """One PDF image per PNG the site shows, same pixel size, same order.

    Expected: the image/png outputs of the notebooks in _toc.yml, leaving out cells tagged
    remove-cell or remove-output (the site does not show those). Counting the notebooks, not the
    built HTML, means a figure lost anywhere between notebook and paper is caught. pdfimages lists
    each drawn image; soft masks (a PNG's alpha channel) are listed as "smask" and are not counted.
    The print removes every shadow, which Chromium would otherwise draw as grey raster images.
    """
    rows = [line.split() for line in _run("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    images = [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]
    expected = _png_sizes()
    assert len(expected) > 20
    assert len(images) == len(expected), (
        f"{len(images)} images in the PDF, {len(expected)} figures on the site"
    )
    assert images == expected, "the figures differ in size or order from the notebooks' PNG outputs"


def test_no_raw_tex_outside_code(pdf):
    """MathJax typeset every formula: what looks like TeX in the text comes from code.

    A line of pdftotext's output that holds $, \\frac, \\begin, \\( or \\[ must be a piece of the
    code the book shows (code cells and their outputs, code blocks, inline code), such as a
    Matplotlib label r"$x$".
    """
    corpus = _code_corpus()
    text = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    raw = [
        line.strip()
        for line in text.splitlines()
        if re.search(r"\$|\\frac|\\begin|\\\(|\\\[", line) and _normal(line) not in corpus
    ]
    assert not raw, "raw TeX in the text:\n" + "\n".join(raw[:20])


def test_page_count(pdf):
    info = _run("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))
    assert MIN_PAGES <= pages <= MAX_PAGES, f"{pages} pages, expected {MIN_PAGES} to {MAX_PAGES}"
    assert re.search(r"^Page size:.*\(A4\)$", info, flags=re.M), info


def test_every_page_is_numbered_and_none_is_blank(pdf, pages):
    """The footer of page n reads "n / total"; every page has text or an image."""
    # only the bottom margin of each page, where Chromium draws the footer (A4: 842 pt high)
    crop = ["-x", "0", "-y", "790", "-W", "595", "-H", "52"]
    footers = _run("pdftotext", "-enc", "UTF-8", *crop, str(pdf), "-").split("\f")[:-1]
    footers = [_normal(text) for text in footers]
    total = len(pages)
    assert len(footers) == total
    with_images = {int(row.split()[0]) for row in _run("pdfimages", "-list", str(pdf)).splitlines()[2:]}
    for number, (footer, text) in enumerate(zip(footers, pages, strict=True), start=1):
        assert footer == f"{number} / {total}", f"page {number}: the footer reads {footer!r}"
        body = text.replace(footer, "").strip()
        assert len(body) > 20 or number in with_images, f"page {number} is (nearly) blank: {body!r}"


def test_the_licence_and_citation_are_printed_and_the_site_links_to_the_pdf(pdf, pages):
    front = _normal(pages[0])
    assert "CC BY 4.0" in front
    assert "MIT" in front
    assert "Cite as:" in front
    assert 'href="book.pdf"' in (ROOT / "intro.md").read_text()
    site_copy = ROOT / "_build" / "html" / "book.pdf"
    if site_copy.exists():  # make pdf copies it next to the website's pages
        assert site_copy.read_bytes() == pdf.read_bytes()


def test_the_glossary_s_japanese_is_printed_in_a_japanese_font(pdf, pages):
    """Without a font that has the glyphs, Chromium prints empty boxes (the text layer survives)."""
    assert any("活性化関数" in page for page in pages)
    fonts = _run("pdffonts", str(pdf))
    if "IPAGothic" not in _run("fc-list") and not IN_CI:
        pytest.skip("no Japanese font here: apt-get install fonts-ipafont-gothic")
    assert re.search(r"IPA.?P?Gothic|CJK|JP", fonts), fonts


# A page of the book's body is at least this full: the text, code, figures and tables on it reach
# at least this far down its text block. Only the last page of a page of the book (a chapter's,
# a section's or a back-matter page's, each of which starts a new sheet) may be emptier.
MIN_FILL = 0.15


def _pgm(data):
    """A binary greyscale PGM (pdftoppm -gray) as rows of pixel values."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    pixels = data[match.end() : match.end() + width * height]
    return [pixels[row * width : (row + 1) * width] for row in range(height)]


def _fills(pdf, tmp_path, dpi=30):
    """How far down its text block each page is used: 0 for empty, 1 for ink down to the foot.

    Each page is rendered at low resolution; the text block is the page without its margins
    (16 mm at the top, 18 mm at the foot, where the page number is). The fill is the height from
    the top of the text block to its lowest non-white pixel (light code and table backgrounds
    count as ink), over the text block's height: a page holding one heading and nothing else
    has a fill of about 0.05, a page whose content stops halfway 0.5.
    """
    _run("pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(tmp_path / "page"))
    fills = []
    for path in sorted(tmp_path.glob("page-*.pgm")):
        rows = _pgm(path.read_bytes())
        top, foot = round(len(rows) * 16 / 297), round(len(rows) * (297 - 18) / 297)
        block = rows[top:foot]
        inked = [i for i, row in enumerate(block) if min(row) < 250]
        fills.append((inked[-1] + 1) / len(block) if inked else 0.0)
    return fills


def _starts(pages):
    """The index (0-based) of the page on which each page of the book starts, in toc order."""
    body = next(i for i, text in enumerate(pages) if TITLES[-1] in text) + 1  # after the contents
    starts, at = [], body
    for title in TITLES:
        at = next(i for i in range(at, len(pages)) if pages[i].startswith(title))
        starts.append(at)
        at += 1
    return starts


def test_no_page_is_nearly_empty_except_the_last_of_a_page_of_the_book(pdf, pages, tmp_path):
    """A heading alone on a page, a page left empty by a code cell or table pushed whole to the
    next one, a lone line: all fail. The last page of a chapter, a section or a back-matter page
    (the page before a new one starts) may hold a few lines, and so may the book's last page."""
    fills = _fills(pdf, tmp_path)
    assert len(fills) == len(pages)
    ends = {start - 1 for start in _starts(pages)} | {len(pages) - 1}
    measured = sorted((fill, number) for number, fill in enumerate(fills, start=1) if number - 1 not in ends)
    print("least-full pages (page, fill):", ", ".join(f"{n}: {f:.2f}" for f, n in measured[:8]))
    empty = [f"page {number}: {fill:.0%}" for fill, number in measured if fill < MIN_FILL]
    assert not empty, f"pages less than {MIN_FILL:.0%} full: " + ", ".join(empty)
    assert 0.0 < min(fills[i] for i in ends) and max(fills) > 0.9  # the measure sees ink at all


def _mode_blocks(mode):
    """The text of every <div class="web-only"> or <div class="print-only" ...> in the book's Markdown.

    Such a div holds a sentence written for one reading mode: the screen's (the website and
    JupyterLab, where the static slider moves) or the paper's (which shows one frame of it).
    """
    blocks = []
    for name in PAGES:
        for markdown in _markdown(_source(name)):
            pattern = rf'<div class="{mode}"([^>]*)>\n(.*?)\n</div>'
            blocks += [(attrs, _normal(text)) for attrs, text in re.findall(pattern, markdown, flags=re.S)]
    return blocks


def test_print_shows_the_paper_s_wording_and_not_the_screen_s(pages):
    """The PDF's stylesheet hides the screen's sentences and shows their print twins.

    A print twin carries an inline display: none, which hides it on the website and in
    JupyterLab (jupyterlab-myst keeps the style of raw HTML), and follows its screen twin.
    """
    screen, paper = _mode_blocks("web-only"), _mode_blocks("print-only")
    assert len(paper) == len(screen) >= 7
    text = _normal(" ".join(pages))
    for attrs, sentence in paper:
        assert re.search(r'style="display: ?none;?"', attrs), (
            f"a print-only div is shown on screen: {attrs!r}"
        )
        assert sentence[:70] in text, f"not printed: {sentence[:70]!r}"
    for _, sentence in screen:
        assert sentence[:70] not in text, f"printed, though written for the screen: {sentence[:70]!r}"
    assert "the mouse or the arrow keys" not in text


def test_chapter_lists_give_each_section_s_page(pages):
    """A chapter's opening list names its sections, each followed by the page it starts on."""
    starts = _starts(pages)
    kinds = [kind for _, kind, _ in toc_entries()]
    sections = [
        (title, start) for title, start, kind in zip(TITLES, starts, kinds, strict=True) if kind == "section"
    ]
    assert len(sections) > 10
    for title, start in sections:
        assert f"{title} (p. {start + 1})" in " ".join(pages[:start]), (
            f"no chapter list gives {title!r} its page"
        )


def test_the_title_page_gives_the_version_and_release_date(pages):
    import datetime

    import yaml

    import activations

    released = yaml.safe_load((ROOT / "CITATION.cff").read_text())["date-released"]
    if isinstance(released, str):
        released = datetime.date.fromisoformat(released)
    assert f"Version {activations.__version__}, released {released.day} {released:%B %Y}" in pages[0]
