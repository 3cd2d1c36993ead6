"""The built website on a phone (390 px wide), in headless Chromium.

On every page with a table: no cell's text overflows its cell, the page never scrolls sideways, and
a table wider than its column either is stacked (prose tables of at most five columns, which then
fit, each cell under its column's name) or scrolls in its own keyboard-reachable box under a line
that says so. On every page with a figure: each figure is drawn at least at 80 % of its size (its
11-point text about 12 px instead of the 4 px it had squeezed to the phone's width), in a box that
scrolls sideways under a line that says so. The layout is _static/phone.js and phone.css. Needs
the book built and Debian's chromium; where either is missing these tests skip, except in CI, where
they fail.
"""

import re

import pytest
from test_site import SCREENSHOTS, SITE, _missing, browser, server  # noqa: F401 (fixtures)

PHONE = {"width": 390, "height": 844}
FIGURE_SCALE = 0.8  # _static/phone.js
MAX_STACKED = 5  # _static/phone.js


def _main(path):
    html = path.read_text()
    return html[html.find("<main") : html.find("</main>")]


HTML = {p.relative_to(SITE).as_posix(): _main(p) for p in SITE.rglob("*.html") if not p.name.startswith("_")}
TABLE_PAGES = sorted(name for name, html in HTML.items() if "<table" in html)
FIGURE_PAGES = sorted(name for name, html in HTML.items() if re.search(r"<img\b", html))

# For every table in <main>: its cells that overflow, its width, the box it sits in and how it is shown.
TABLES = """() => [...document.querySelectorAll('main table')].filter(t => t.offsetParent).map(t => {
  const box = t.closest('.pst-scrollable-table-container') || t.parentElement;
  const style = getComputedStyle(box);
  const hint = box.previousElementSibling;
  const cells = [...t.querySelectorAll('td, th')].filter(c => c.offsetParent);
  return {
    caption: (t.closest('section')?.querySelector('h1, h2, h3')?.textContent || '').replace(/#$/, ''),
    columns: t.tHead ? t.tHead.rows[0].cells.length : t.rows[0].cells.length,
    width: t.getBoundingClientRect().width,
    right: t.getBoundingClientRect().right,
    boxWidth: box.clientWidth,
    boxRight: box.getBoundingClientRect().right,
    scrolls: ['auto', 'scroll'].includes(style.overflowX),
    focusable: box.tabIndex >= 0,
    hinted: !!hint && hint.matches('.phone-scroll-hint') && hint.offsetParent !== null,
    stacked: t.classList.contains('phone-stacked'),
    unlabelled: t.classList.contains('phone-stacked')
      ? cells.filter(c => c.tagName === 'TD' && !c.dataset.label).length : 0,
    overflowing: cells.filter(c => c.scrollWidth > c.clientWidth + 1)
      .map(c => c.textContent.trim().slice(0, 60)),
  };
})"""

# For every image in <main>: its drawn (natural) and shown widths, and the box it sits in.
FIGURES = """() => [...document.querySelectorAll('main img')].filter(i => i.offsetParent).map(i => {
  const box = i.parentElement;
  const hint = box.previousElementSibling;
  return {
    src: i.getAttribute('src').split('/').pop(),
    natural: i.naturalWidth,
    shown: i.getBoundingClientRect().width,
    boxWidth: box.clientWidth,
    boxRight: box.getBoundingClientRect().right,
    scrolls: ['auto', 'scroll'].includes(getComputedStyle(box).overflowX),
    focusable: box.tabIndex >= 0,
    hinted: !!hint && hint.matches('.phone-scroll-hint') && hint.offsetParent !== null,
  };
})"""


@pytest.fixture(scope="module")
def phone(browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


def _open(phone, server, name):  # noqa: F811
    page = phone.new_page()
    page.goto(f"{server}/{name}", wait_until="networkidle")
    if page.locator(".math").count():
        page.wait_for_function("document.querySelectorAll('mjx-container').length > 0", timeout=15_000)
        page.evaluate("window.MathJax.startup.promise")
    return page


def _page_does_not_scroll_sideways(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide, wider than the phone"


def test_pages_were_found():
    if not HTML:
        _missing("the book is not built: run `make book` first")
    assert "back/misconceptions.html" in TABLE_PAGES and "back/atlas.html" in TABLE_PAGES
    assert "back/teaching.html" in TABLE_PAGES
    assert "chapters/02_sigmoid_tanh/1_sigmoid_tanh.html" in FIGURE_PAGES


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_tables_are_readable_on_a_phone(phone, server, name):  # noqa: F811
    page = _open(phone, server, name)
    tables = page.evaluate(TABLES)
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / ("phone__" + name.replace("/", "__")[:-5] + ".png"), full_page=True)
    page.close()
    assert tables, f"{name} has no visible table"
    assert scrolled <= PHONE["width"], f"{name} is {scrolled} px wide, wider than the phone"
    for table in tables:
        where = f"{name}, table under {table['caption']!r}"
        assert not table["overflowing"], f"{where}: text overflows its cells: {table['overflowing']}"
        fits = table["width"] <= table["boxWidth"] + 1 and table["right"] <= PHONE["width"]
        if table["columns"] <= MAX_STACKED:
            assert fits, f"{where}: {table['width']:.0f} px wide in {table['boxWidth']} px, not stacked"
            assert not table["unlabelled"], (
                f"{where}: {table['unlabelled']} stacked cells have no column name"
            )
        elif not fits:
            assert table["scrolls"] and table["boxRight"] <= PHONE["width"], (
                f"{where}: cut off, not scrollable"
            )
            assert table["focusable"], f"{where}: its scrolling box cannot be reached with the keyboard"
            assert table["hinted"], f"{where}: nothing says that it scrolls sideways"


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figures_are_readable_on_a_phone(phone, server, name):  # noqa: F811
    page = _open(phone, server, name)
    figures = page.evaluate(FIGURES)
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert figures, f"{name} has no visible figure"
    assert scrolled <= PHONE["width"], f"{name} is {scrolled} px wide, wider than the phone"
    for fig in figures:
        where = f"{name}, {fig['src']}"
        assert fig["natural"] > 0, f"{where} did not load"
        wanted = min(fig["natural"], max(fig["boxWidth"], FIGURE_SCALE * fig["natural"]))
        assert fig["shown"] >= wanted - 1, (
            f"{where}: drawn {fig['natural']} px wide, shown {fig['shown']:.0f} px"
        )
        if fig["shown"] > fig["boxWidth"] + 1:
            assert fig["scrolls"] and fig["boxRight"] <= PHONE["width"], f"{where}: cut off, not scrollable"
            assert fig["focusable"], f"{where}: its scrolling box cannot be reached with the keyboard"
            assert fig["hinted"], f"{where}: nothing says that it scrolls sideways"


def test_desktop_keeps_tables_and_figures_as_they_were(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/back/misconceptions.html", wait_until="networkidle")
    stacked = page.locator("table.phone-stacked").count()
    hints = page.locator(".phone-scroll-hint:visible").count()
    page.goto(f"{server}/chapters/02_sigmoid_tanh/1_sigmoid_tanh.html", wait_until="networkidle")
    styled = page.eval_on_selector_all("main img", "els => els.filter(e => e.style.width).length")
    page.close()
    assert (stacked, hints, styled) == (0, 0, 0)
