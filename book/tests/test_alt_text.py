"""Every figure has alt text that says what it shows, in the notebooks and on the built website.

A figure cell's alt text lives in its metadata, ``mystnb: {image: {alt: ...}}``, which MyST-NB
puts on the page's ``<img>``. A chapter figure's alt text opens with the figure's headline
title (its suptitle), and states no number that the cell's code does not; an atlas card's is
computed from the card's own figure (:func:`textbook.atlas.figure_alt`), and a slider frame's
from that frame's titles (:func:`textbook.sliders.frame_alt`), so neither can drift from what
it describes.
"""

import ast
import json
import re
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from test_site import SITE, _missing, browser, page, server  # noqa: F401 (fixtures)

import activations as act
from textbook import ROOT, atlas, sliders, widgets

NOTEBOOKS = sorted(
    p.relative_to(ROOT).as_posix() for p in [*ROOT.glob("chapters/*/*.ipynb"), *ROOT.glob("back/*.ipynb")]
)
# Alt text that names the object instead of saying what it shows
GENERIC = re.compile(r"^(a |the )?(figure|fig\.?|plot|image|graph|chart|picture|diagram)\b\s*\d*\.?$", re.I)
NUMBERED = re.compile(r"\b(figure|fig\.)\s*\d", re.I)
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")


def _cells(notebook):
    return json.loads((ROOT / notebook).read_text())["cells"]


def _source(cell):
    return "".join(cell["source"])


def _images(cell):
    return [o for o in cell.get("outputs", []) if any(k.startswith("image/") for k in o.get("data", {}))]


def _alt(cell):
    return cell["metadata"].get("mystnb", {}).get("image", {}).get("alt")


def _figure_cells(prefix):
    return [
        (notebook, cell)
        for notebook in NOTEBOOKS
        if notebook.startswith(prefix)
        for cell in _cells(notebook)
        if cell["cell_type"] == "code" and _images(cell)
    ]


def _words(text):
    return " ".join(text.split())


def assert_describes(alt, where):
    assert alt, f"{where}: no alt text"
    assert not GENERIC.match(alt.strip()), f"{where}: generic alt text {alt!r}"
    assert not NUMBERED.search(alt), f"{where}: the alt text names a figure number: {alt!r}"
    assert len(alt.split()) >= 8, f"{where}: alt text of {len(alt.split())} words says too little: {alt!r}"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", alt.strip()) if s]
    assert len(sentences) <= 3, f"{where}: alt text of {len(sentences)} sentences; keep it to one or two"


def test_the_notebooks_have_figures():
    assert len(_figure_cells("chapters/")) >= 30
    assert len(_figure_cells("back/atlas")) == len(act.ALL) + 3  # and the three gated units


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_figure_has_alt_text_that_says_what_it_shows(notebook):
    for cell in _cells(notebook):
        if cell["cell_type"] != "code":
            continue
        where = f"{notebook}, cell {cell['id']}"
        if _images(cell):
            assert len(_images(cell)) == 1, f"{where}: one figure per cell, so one alt text fits it"
            assert_describes(_alt(cell), where)
        for output in cell.get("outputs", []):
            for img in re.findall(r"<img\b[^>]*>", "".join(output.get("data", {}).get("text/html", ""))):
                found = re.search(r'\balt="([^"]*)"', img)
                assert_describes(found and found.group(1), f"{where}, an <img> in its HTML")


def _titles(tree):
    """The string arguments of the cell's suptitle and set_title calls (and ``set(title=...)``)."""
    headline, panels = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name == "suptitle" and node.args:
                headline.append(node.args[0])
            elif name == "set_title" and node.args:
                panels.append(node.args[0])
            elif name == "set":
                panels += [k.value for k in node.keywords if k.arg == "title"]
    return headline, panels


def _pattern(title):
    """A regular expression for a title: literal text, and any text where an f-string computes a value."""
    if isinstance(title, ast.Constant) and isinstance(title.value, str):
        return re.escape(_words(title.value))
    if isinstance(title, ast.JoinedStr):
        parts = [re.escape(_words(p.value)) if isinstance(p, ast.Constant) else ".+?" for p in title.values]
        return r"\s*".join(parts)
    return None


@pytest.mark.parametrize(
    ("notebook", "cell"), _figure_cells("chapters/"), ids=lambda v: v if isinstance(v, str) else v["id"]
)
def test_a_chapter_figures_alt_text_agrees_with_its_title(notebook, cell):
    alt, tree = _words(_alt(cell) or ""), ast.parse(_source(cell))
    headline, panels = _titles(tree)
    if headline:
        pattern = _pattern(headline[0])
        assert pattern and re.match(pattern, alt), f"{cell['id']}: the alt text does not open with the title"
    else:
        literal = [p for p in map(_pattern, panels) if p]
        assert literal, f"{cell['id']}: a figure without a title in its cell"
        assert any(re.search(p, alt) for p in literal), f"{cell['id']}: the alt text has none of the titles"
    # a number in the alt text comes from the code that draws the figure, never typed beside it
    stated = {float(n) for n in NUMBER.findall(_source(cell))}
    for number in NUMBER.findall(re.sub(r"N\(0, [^)]*\)", "", alt)):  # a distribution's name is no claim
        assert abs(float(number)) in stated | {abs(s) for s in stated}, (
            f"{cell['id']}: the alt text states {number}, which the cell's code does not"
        )


def _atlas_cells():
    cells = []
    for cell in _cells("back/atlas.ipynb"):
        found = re.search(r"atlas\.(gated_)?figure\(act\.(\w+)\)", _source(cell))
        if cell["cell_type"] == "code" and found:
            cells.append((cell, bool(found.group(1)), found.group(2)))
    return cells


def test_the_atlas_alt_texts_are_computed_from_their_figures():
    cells = _atlas_cells()
    assert len(cells) == len(act.ALL) + 3
    for cell, gated, name in cells:
        f = getattr(act, name)
        figure = atlas.gated_figure(f) if gated else atlas.figure(f)
        expected = atlas.gated_figure_alt(figure, f) if gated else atlas.figure_alt(figure, f)
        titles = [ax.get_title() for ax in figure.axes if ax.get_title()]
        plt.close(figure)
        assert _alt(cell) == expected, f"the atlas card of {name}: regenerate its alt text"
        assert all(title in expected for title in titles)


def test_an_atlas_alt_text_states_the_cards_facts():
    figure = atlas.figure(act.swish)
    alt = atlas.figure_alt(figure, act.swish)
    plt.close(figure)
    found = atlas.facts(act.swish)
    assert alt.startswith("swish and derivative of swish, side by side for x from -5 to 5")
    assert f"minimum of {atlas.number(found.minimum[1])}" in alt
    figure = atlas.figure(act.relu)
    alt = atlas.figure_alt(figure, act.relu)
    plt.close(figure)
    assert "[0, infinity)" in alt and "slope jumps at x = 0" in alt and "undefined" in alt


def _slider_alts(html):
    return json.loads("[" + re.search(r"const alts = \[(.*?)\];", html).group(1) + "]")


def test_each_slider_frame_has_the_sliders_finding_and_its_own_titles():
    values = [0.0, 1.0, 5.0]
    finding = "As beta grows, Swish moves toward ReLU."
    html = sliders.slider("alt", widgets.SwishBetaExplorer, "beta", values, "beta", start=1, alt=finding).data
    alts = _slider_alts(html)
    assert len(alts) == len(values)
    for value, alt in zip(values, alts, strict=True):
        assert alt.startswith(finding + f" Shown at beta = {value:g}: ")
        assert f"swish, beta = {value:g}" in alt  # the frame's own, computed, title
    shown = re.search(r'<img id="slider-alt-image" alt="([^"]*)"', html).group(1)
    assert shown.replace("&#x27;", "'") == alts[1]
    assert "image.alt = alts[k];" in html


def test_every_stored_slider_has_one_alt_text_per_frame():
    found = 0
    for notebook in NOTEBOOKS:
        for cell in _cells(notebook):
            for output in cell.get("outputs", []):
                html = "".join(output.get("data", {}).get("text/html", ""))
                if "book-slider" in html:
                    found += 1
                    frames = re.search(r"const sources = \[(.*?)\];", html).group(1).count("data:image/png")
                    alts = _slider_alts(html)
                    assert len(alts) == frames, f"{notebook}, cell {cell['id']}"
                    for alt in alts:
                        assert_describes(alt, f"{notebook}, cell {cell['id']}, a slider frame")
    assert found >= 8


class _Images(HTMLParser):
    """The ``<img>`` tags of an HTML text, their attributes unescaped."""

    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def _content_images(path):
    """The ``<img>`` tags inside a built page's article: the content, not the theme's logo or icons."""
    text = path.read_text()
    start, end = text.find("<article"), text.rfind("</article>")
    if not 0 <= start < end:  # a redirect, such as index.html
        return []
    parser = _Images()
    parser.feed(text[start:end])
    return parser.images


def _page(notebook):
    return SITE / notebook.replace(".ipynb", ".html")


@pytest.fixture(scope="module")
def built():
    if not (SITE / "intro.html").exists():
        _missing("the book is not built: run `make book` first")
    return SITE


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_image_on_the_built_page_has_the_notebooks_alt_text(built, notebook):
    if not _page(notebook).exists():
        pytest.skip(f"{notebook} is not a page of this build")
    images = _content_images(_page(notebook))
    for image in images:
        assert image.get("alt", "").strip(), f"{notebook}: an <img> without alt text"
    alts = [image["alt"] for image in images]
    for cell in _cells(notebook):
        shown = "remove-output" not in cell["metadata"].get("tags", [])
        if cell["cell_type"] == "code" and _images(cell) and shown:
            assert _alt(cell) in alts, f"{notebook}, cell {cell['id']}: its alt text is not on the page"


def test_every_content_image_on_the_site_has_alt_text(built):
    pages = [p for p in built.rglob("*.html") if not p.relative_to(built).as_posix().startswith("_")]
    images = 0
    for path in pages:
        for image in _content_images(path):
            images += 1
            assert image.get("alt", "").strip(), f"{path.relative_to(built)}: an <img> without alt text"
    assert images >= 60


def test_a_slider_on_the_site_changes_its_alt_text_with_its_figure(page, server):  # noqa: F811
    page.goto(f"{server}/chapters/05_smooth/1_softplus_swish.html", wait_until="networkidle")
    box = page.locator(".book-slider").first
    slider, image = box.locator("input[type=range]"), box.locator("img")
    before = image.get_attribute("alt")
    slider.focus()
    page.keyboard.press("ArrowRight")
    after = image.get_attribute("alt")
    assert after != before
    assert f"Shown at beta = {box.locator('output').inner_text()}: " in after
    assert "swish, beta = " + box.locator("output").inner_text() in after
