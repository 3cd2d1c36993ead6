"""The lecture decks (`make slides`, tools/slides.py), opened in a headless Chromium offline.

Every deck must load from the local server with no external request and no JavaScript error,
advance with the arrow key, typeset its maths with the MathJax copied beside it, show its figures,
and have 15 to 30 slides (screenshots of a slide with maths and one with a figure go to
_build/screenshots/). Each deck must also follow the teaching page's plan for its chapter:
the widget of the plan's live demonstration and its in-class exercise are on a slide. Needs the
decks built and Debian's chromium; where either is missing these tests skip, except in CI.
"""

import re

import nbformat
import pytest
from test_site import _missing, browser, page, serve  # noqa: F401 (fixtures)
from tools import slides

from textbook import ROOT

SCREENSHOTS = ROOT / "_build" / "screenshots"
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").glob("0*_*"))
KINDS = {"slide", "subslide", "fragment", "-", "notes", "skip"}


# the current slide's smallest prose size, the bottom of its content (px of the 1280x720 slide,
# from its top), its text (MathJax's typeset maths left out) and how many of its display equations
# are wider than the slide
LOOK = """() => { const slide = Reveal.getCurrentSlide(), scale = Reveal.getScale();
  const prose = [...slide.querySelectorAll('p, li, td, th, h1, h2, h3')].filter(e =>
      !e.closest('aside') && e.offsetParent && e.textContent.trim());
  const shown = [...slide.children].filter(e => e.tagName !== 'ASIDE');
  const bottom = Math.max(...shown.map(e => e.getBoundingClientRect().bottom));
  const copy = slide.cloneNode(true);
  copy.querySelectorAll('aside, mjx-container').forEach(e => e.remove());
  return [Math.min(...prose.map(e => parseFloat(getComputedStyle(e).fontSize))),
          Math.round((bottom - slide.getBoundingClientRect().top) / scale), copy.textContent,
          [...slide.querySelectorAll('mjx-container[display="true"]')].filter(m =>
              m.scrollWidth > m.parentElement.clientWidth + 2).length]; }"""


@pytest.fixture(scope="module")
def server():
    if not all((slides.OUT / f"chapter{n}.html").exists() for n in range(1, len(CHAPTERS) + 1)):
        _missing("the decks are not built: run `make slides` first")
    yield from serve(slides.OUT)


def plan(number):
    """The teaching page's 90-minute plan for chapter `number`, as text."""
    cells = nbformat.read(ROOT / "back" / "teaching.ipynb", as_version=4).cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    return re.search(rf"## Chapter {number}\..*?(?=\n## |\Z)", text, flags=re.S).group(0)


def test_slideshow_metadata_uses_rise_kinds_and_every_notebook_has_slides():
    for chapter in CHAPTERS:
        for path in sorted((ROOT / "chapters" / chapter).glob("*.ipynb")):
            kinds = [
                c.metadata.get("slideshow", {}).get("slide_type", "skip")
                for c in nbformat.read(path, 4).cells
            ]
            assert set(kinds) <= KINDS, f"{path.name}: {set(kinds) - KINDS}"
            assert kinds.count("slide") >= 3, f"{path.name} has almost no slides"
            assert "notes" in kinds, f"{path.name} has no speaker notes"


def test_myst_becomes_plain_markdown():
    labels = {"sec-xor": "XOR: what a non-linearity adds", "eq-bce": "(2)"}
    text = "(sec-xor)=\n## XOR\n\nSee {ref}`sec-xor`, {ref}`1.2 <sec-xor>` and {eq}`eq-bce`.\n"
    text += "$$\nL = 0\n$$ (eq-bce)\n\n```{admonition} Solution\n:class: dropdown\n\nTwo.\n```\n"
    got = slides.myst_to_markdown(text, labels, {})
    assert got.startswith("## XOR\n\nSee XOR: what a non-linearity adds, 1.2 and (2).")
    assert "\\tag{2} $$" in got and re.search(r"\*\*Solution\*\*\s+Two\.", got)
    assert not re.search(r"\{\w+\}`|\(sec-|:class:|```", got)


def test_a_long_cell_keeps_its_heading_equations_and_lists_from_its_first_heading_on():
    text = "The end of the last section.\n\n## New\n\n" + "Prose " * 200 + "\n\n$$\na=b\n$$\n\n- one\n- two"
    assert slides.shorten(text) == "## New\n\n$$\na=b\n$$\n\n- one\n- two"
    table = "| a | b | c | d | e |\n| --- | --- | --- | --- | --- |\n| 1 | 2 | 3 | 4 | 5 |"
    assert slides.shorten("## T\n\n" + table) == "## T\n\n| a | b |\n| --- | --- |\n| 1 | 2 |"


def test_equation_numbers_name_their_section_and_doc_links_their_title():
    labels = slides._labels([ROOT / "chapters" / "02_sigmoid_tanh" / "2_vanishing.ipynb"])
    assert labels["eq-backprop"].startswith("(2.2.") and labels["2_vanishing"].startswith("2.2 ")
    got = slides.myst_to_markdown("{doc}`2_vanishing` and {doc}`../x/2_vanishing`", labels, {})
    assert got == f"{labels['2_vanishing']} and {labels['2_vanishing']}"


def test_closing_text_is_the_previous_slides_notes_and_long_slides_are_cut():
    assert slides._before_heading("Ends the last.\n\n## New\n\nText") == "Ends the last."
    items = "\n".join(f"- item {i} " + "word " * 40 for i in range(12))
    pages = slides._pages("## Summary\n\n" + items)
    assert len(pages) > 1 and pages[1].startswith("## Summary (continued)")
    assert sum(part.count("- item") for part in pages) == 12


@pytest.mark.parametrize("number", range(1, len(CHAPTERS) + 1))
def test_deck_numbers_equations_once_and_gives_exercises_notes(number):
    notebook = slides.deck(next((ROOT / "chapters").glob(f"{number:02d}_*")))
    tags = [
        t
        for c in notebook.cells
        if c.metadata.slideshow.slide_type != "notes"
        for t in re.findall(r"\\tag\{([^}]*)\}", c.source)
    ]
    assert len(tags) == len(set(tags)), f"an equation number appears twice: {tags}"
    groups = []
    for cell in notebook.cells:
        kind = cell.metadata.slideshow.slide_type
        if kind in ("slide", "subslide"):
            groups.append([])
        groups[-1].append((kind, cell.source))
    for group in groups:
        if re.search(r"\*\*Exercise \d\.\d\.\d\*\*", group[0][1]):
            assert any(kind == "notes" for kind, _ in group), f"no notes: {group[0][1][:60]}"


@pytest.mark.parametrize("number", range(1, len(CHAPTERS) + 1))
def test_deck_follows_the_teaching_plan(number):
    path = slides.OUT / f"chapter{number}.html"
    if not path.exists():
        _missing("the decks are not built: run `make slides` first")
    html = path.read_text()
    deck = re.sub(r"<[^>]+>", "", html)
    text = plan(number)
    for widget in re.findall(r"widgets\.\w+\(", text):
        assert widget in deck, f"chapter {number}: the plan's live demonstration {widget})"
    for exercise in re.findall(r"exercise (\d\.\d\.\d)", text):
        assert f"Exercise {exercise} (" in deck, f"chapter {number}: the plan's exercise {exercise}"
    assert html.count('<aside class="notes">') >= 10, "too few speaker notes"


@pytest.mark.parametrize("number", range(1, len(CHAPTERS) + 1))
def test_deck_presents_offline_with_maths_figures_and_keys(page, server, number):  # noqa: F811
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server}/chapter{number}.html", wait_until="networkidle")
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=15_000)
    page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=15_000)
    page.evaluate("MathJax.startup.promise")
    assert 15 <= page.evaluate("Reveal.getTotalSlides()") <= 30
    assert page.locator(".slides mjx-container").count() > 0, "no typeset maths"
    assert page.locator(".slides mjx-merror").count() == 0, "MathJax could not typeset some formula"
    raw = page.evaluate(
        """() => [...document.querySelectorAll('.slides section')].flatMap(s =>
            [...s.childNodes].filter(n => !(n.matches && n.matches('aside.notes')))
            .map(n => n.textContent)).filter(t => t.includes('$$'))"""
    )
    assert not raw, f"raw TeX left on a slide: {raw[:1]}"
    images = page.eval_on_selector_all(".slides img", "els => els.map(e => [e.complete, e.naturalWidth])")
    assert images and all(complete and width > 0 for complete, width in images), "a figure did not load"
    # every slide, fitted as shown: text of 22px or more, equations within the slide, clear of
    # the arrows, no raw MyST
    for index in range(page.evaluate("Reveal.getTotalSlides()")):
        page.evaluate(f"Reveal.slide({index})")
        page.wait_for_timeout(50)
        smallest, bottom, text, wide = page.evaluate(LOOK)
        where = f"chapter {number}, slide {index + 1}"
        assert smallest >= 22, f"{where}: text of {smallest}px"
        assert not wide, f"{where}: an equation (or its number) runs off the slide"
        assert bottom <= 665, f"{where}: content reaches {bottom}px, under the arrows"
        assert not re.search(r"\{(doc|ref|eq|term|cite)\}|\(\(\d", text), f"{where}: {text[:80]}"
    page.evaluate("Reveal.slide(0)")
    before = page.evaluate("JSON.stringify(Reveal.getIndices())")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"JSON.stringify(Reveal.getIndices()) !== {before!r}", timeout=5_000)
    # for a human to look at: the first slide with maths and the first with a figure
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for what, selector in (("maths", "mjx-container"), ("figure", "img")):
        page.evaluate(
            """selector => { const slides = Reveal.getSlides();
            Reveal.slide(slides.findIndex(s => s.querySelector(':scope > :not(aside) ' + selector))); }""",
            selector,
        )
        page.wait_for_timeout(300)
        page.screenshot(path=SCREENSHOTS / f"slides_chapter{number}_{what}.png")
    assert not page.problems, "\n".join(page.problems)
