"""Accessibility of the built website: axe-core (bundled by axe-playwright-python) on every page.

Every page is checked on a desktop (1280 px) and on a phone (390 px), where _static/phone.js
lays tables and figures out differently, with all of axe's rules, its experimental ones included
(label-content-name-mismatch is one). A serious or critical violation fails, and so does any
violation of the rules the theme's markup broke before _static/a11y.js repaired it. Needs the book
built and Debian's chromium; where either is missing these tests skip, except in CI, where they
fail.
"""

import pytest
from test_site import SITE, _missing, browser, server  # noqa: F401 (fixtures)

# Every page but index.html, which only redirects to intro.html.
PAGES = sorted(
    name
    for name in (p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html"))
    if not name.startswith("_") and name != "index.html"
)
WIDTHS = {"desktop": 1280, "phone": 390}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "experimental"]
FAILING_IMPACTS = ("serious", "critical")
# What axe-core found on every page before _static/a11y.js; these fail at any impact.
REPAIRED = {
    "summary-name",
    "label-content-name-mismatch",
    "region",
    "aria-required-children",
    "aria-deprecated-role",
    "aria-allowed-role",
    "focus-order-semantics",
    "landmark-unique",
    "scrollable-region-focusable",
}


def violations(page, context=None):
    """axe-core's violations on the page (or in `context`, a selector), as readable lines."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    options = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": TAGS}}
    found = []
    for rule in axe.run(page, context=context, options=options).response["violations"]:
        if rule["impact"] in FAILING_IMPACTS or rule["id"] in REPAIRED:
            for node in rule["nodes"]:
                found.append(f"{rule['id']} ({rule['impact']}): {node['target']} {node['html'][:120]!r}")
    return found


@pytest.fixture(scope="module", params=list(WIDTHS))
def context(request, browser):  # noqa: F811
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 576)
    yield context
    context.close()


def test_pages_were_found():
    if not PAGES:
        _missing("the book is not built: run `make book` first")
    assert {"intro.html", "back/bibliography.html", "genindex.html", "search.html"} <= set(PAGES)
    assert "chapters/01_linearity/index.html" in PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violation(context, server, name):  # noqa: F811
    page = context.new_page()
    page.goto(f"{server}/{name}", wait_until="networkidle")
    found = violations(page)
    page.close()
    assert not found, f"axe-core on {name}:\n" + "\n".join(found)


def test_sidebar_expanders_say_which_chapter_they_open(context, server):  # noqa: F811
    page = context.new_page()
    page.goto(f"{server}/intro.html", wait_until="networkidle")
    labels = page.eval_on_selector_all(
        "#pst-primary-sidebar summary", "els => els.map(e => e.getAttribute('aria-label'))"
    )
    page.close()
    assert labels, "the sidebar has no expanders"
    assert all(label and label.startswith("Sections of ") and len(label) > 15 for label in labels), labels


def test_colour_mode_button_names_the_mode_it_is_in(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/intro.html", wait_until="networkidle")
    button = page.locator("button.theme-switch-button").first
    names = [button.get_attribute("aria-label")]
    for _ in range(3):
        button.click()
        page.wait_for_timeout(100)
        names.append(button.get_attribute("aria-label"))
    found = violations(page, "button.theme-switch-button")
    page.close()
    assert names[0] == "Color mode: light", names
    assert set(names) == {"Color mode: light", "Color mode: dark", "Color mode: system settings"}, names
    assert not found, "\n".join(found)
