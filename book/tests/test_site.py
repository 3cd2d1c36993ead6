"""The built website, opened in a real headless Chromium with the network cut off.

Every page must load from localhost with no JavaScript error, no failed or
external request, typeset math (MathJax served by the site itself), and
figures that loaded. One screenshot per page goes to _build/screenshots/ for
a human to look at. Needs the book built (`make book`) and Debian's chromium;
where either is missing these tests skip, except in CI, where they fail.
"""

import functools
import http.server
import threading
from urllib.parse import urlparse

import pytest
from tools.shared import CHROMIUM, CHROMIUM_ARGS, IN_CI

from textbook import ROOT

SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"


def _missing(reason):
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


PAGES = sorted(
    p.relative_to(SITE).as_posix()
    for p in SITE.rglob("*.html")
    if not p.relative_to(SITE).as_posix().startswith(("_", "genindex"))
)


def serve(folder):
    """Serve a built site from a local port in a thread; yields its address (a fixture's body)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server():
    if not (SITE / "intro.html").exists():
        _missing("the book is not built: run `make book` first")
    yield from serve(SITE)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        _missing("Chromium is missing: install Debian's package with `apt-get install chromium`")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(server, browser):
    """A page that may only talk to the local server; everything it tried is recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []

    def route(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            page.problems.append(f"external request: {route.request.url}")
            route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: page.problems.append(f"JavaScript error: {error}"))
    page.on(
        "console",
        lambda msg: msg.type == "error" and page.problems.append(f"console error: {msg.text}"),
    )
    page.on("requestfailed", lambda req: page.problems.append(f"failed request: {req.url}"))
    page.on(
        "response",
        lambda resp: resp.status >= 400 and page.problems.append(f"HTTP {resp.status}: {resp.url}"),
    )
    yield page
    context.close()


def test_pages_were_found():
    if not PAGES:
        _missing("the book is not built: run `make book` first")
    assert "intro.html" in PAGES
    assert any(p.startswith("chapters/") for p in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_with_math_and_figures(page, server, name):
    page.goto(f"{server}/{name}", wait_until="networkidle")
    if page.locator(".math").count():
        page.wait_for_function("document.querySelectorAll('mjx-container').length > 0", timeout=15_000)
        assert page.evaluate("window.MathJax.version").startswith("3")
        assert page.locator("mjx-merror").count() == 0, "MathJax could not typeset some formula"
        assert page.locator(".math").count() == page.locator(".math mjx-container").count()
    images = page.eval_on_selector_all(
        "img", "els => els.map(e => [e.getAttribute('src'), e.complete, e.naturalWidth])"
    )
    for src, complete, width in images:
        assert complete, f"image {src} did not load"
        assert width > 0, f"image {src} is empty"
    html = page.content()
    for widget_loader in ("require.min.js", "require.js", "embed-amd", "html-manager"):
        assert widget_loader not in html, f"the page loads a widget manager ({widget_loader})"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / (name.replace("/", "__").removesuffix(".html") + ".png")
    page.screenshot(path=shot, full_page=True)
    assert not page.problems, "\n".join(page.problems)


def test_figures_are_on_the_chapter_pages(page, server):
    page.goto(f"{server}/chapters/01_linearity/2_xor.html", wait_until="networkidle")
    assert page.locator("img").count() >= 1


def test_search_finds_a_chapter_one_word(page, server):
    page.goto(f"{server}/search.html?q=XOR", wait_until="networkidle")
    page.wait_for_selector("ul.search li", timeout=15_000)
    hits = page.eval_on_selector_all("ul.search li a", "els => els.map(e => e.getAttribute('href'))")
    assert any("01_linearity/2_xor" in h for h in hits), hits
    assert not page.problems, "\n".join(page.problems)


# The pages whose notebooks draw a static-website slider (textbook.sliders).
SLIDER_PAGES = sorted(
    p.relative_to(ROOT).with_suffix(".html").as_posix()
    for p in ROOT.glob("chapters/*/*.ipynb")
    if "sliders.slider(" in p.read_text()
)


def test_every_widget_has_a_slider_twin():
    widget_pages = sorted(
        p.relative_to(ROOT).with_suffix(".html").as_posix()
        for p in ROOT.glob("chapters/*/*.ipynb")
        if "remove-output" in p.read_text() and "from textbook import widgets" in p.read_text()
    )
    assert widget_pages
    assert widget_pages == SLIDER_PAGES


@pytest.mark.parametrize("name", SLIDER_PAGES)
def test_sliders_change_the_figure_with_the_keyboard_and_the_mouse(page, server, name):
    page.goto(f"{server}/{name}", wait_until="networkidle")
    sliders = page.locator(".book-slider")
    assert sliders.count() >= 1, f"{name} has no slider"
    for k in range(sliders.count()):
        box = sliders.nth(k)
        slider, image, value = box.locator("input[type=range]"), box.locator("img"), box.locator("output")
        assert box.locator(f"label[for='{slider.get_attribute('id')}']").count() == 1, (
            "the slider has no label"
        )
        first_src, first_value = image.get_attribute("src"), value.inner_text()
        slider.focus()
        page.keyboard.press("ArrowRight")
        assert image.get_attribute("src") != first_src, "the arrow key did not change the figure"
        assert value.inner_text() != first_value, "the shown value did not change"
        assert slider.get_attribute("aria-valuetext") == value.inner_text()
        second_src = image.get_attribute("src")
        last = slider.get_attribute("max")
        slider.evaluate(
            "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }", last
        )
        assert image.get_attribute("src") not in (first_src, second_src), (
            "the last position shows no new figure"
        )
    assert not page.problems, "\n".join(page.problems)


def test_the_glossary_names_japanese_fonts_and_shows_its_japanese_terms(page, server):
    page.goto(f"{server}/back/glossary.html", wait_until="networkidle")
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK JP" in family and "IPAGothic" in family, family
    assert page.locator("text=活性化関数").count() > 0
    assert not page.problems, page.problems


def test_every_page_names_a_favicon_that_is_served(page, server):
    page.goto(f"{server}/intro.html", wait_until="networkidle")
    href = page.get_attribute('link[rel="icon"]', "href")
    assert href and page.request.get(f"{server}/{href}").status == 200
    # index.html is Jupyter Book's redirect to the first page
    assert all('rel="icon"' in (SITE / name).read_text() for name in PAGES if name != "index.html")
