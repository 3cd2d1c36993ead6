"""The Japanese edition (tools/i18n.py; `make book-ja`, `make pdf-ja`), from the same source.

- The catalogues are complete and current: every message the English pages have today (extracted
  afresh with Sphinx's gettext builder) is translated in locales/ja/LC_MESSAGES, none fuzzy, checked
  both with babel and with GNU msgfmt --statistics. An English edit without its translation fails.
- Each translation keeps its message's markup, and no rendering the glossary rejects appears.
- The built Japanese site: every page is Japanese (lang="ja"), links to its English twin, which
  links back, no paragraph of prose is left in English, and axe-core finds nothing serious.
- The Japanese PDF holds the Japanese chapter titles, in embedded Japanese fonts.
"""

import re
import shutil
import subprocess
import sys

import pytest
from test_a11y import violations
from test_site import _missing, browser, serve  # noqa: F401  (fixtures)

from textbook import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import i18n

BUILD = ROOT / "_build"
JA = BUILD / "ja" / "html"
EN = BUILD / "html"
PDF = BUILD / "ja" / "pdf" / "book.pdf"
CATALOGUES = sorted(i18n.CATALOGUES.rglob("*.po"))
# the pages that quote rejected renderings, to say they are not used
QUOTING = {"back/glossary.po", "back/misconceptions.po"}


def _pages(site):
    """The content pages (not index.html, which only redirects to intro.html)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(("_", "genindex", "search", "index.html"))
    )


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """The English messages as they are now: Sphinx's gettext builder, run on the sources."""
    return i18n.gettext(tmp_path_factory.mktemp("gettext") / "gettext")


def test_every_page_has_a_catalogue(templates):
    pots = sorted(p.relative_to(templates).with_suffix(".po").as_posix() for p in templates.rglob("*.pot"))
    pos = sorted(p.relative_to(i18n.CATALOGUES).as_posix() for p in CATALOGUES)
    assert pots == pos, "run `make gettext`: the pages and the catalogues differ"


def test_every_message_is_translated_and_none_is_fuzzy(templates):
    rows = i18n.stats(pot=templates)
    stale = [r for r in rows if r["untranslated"] or r["fuzzy"] or r["missing"]]
    assert sum(r["messages"] for r in rows) > 1500
    assert not stale, (
        "messages not translated, fuzzy, or new in the English (run `make gettext`, translate, "
        f"`make book-ja`): {stale}"
    )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.relative_to(i18n.CATALOGUES).as_posix())
def test_msgfmt_counts_no_untranslated_or_fuzzy_message(po, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", str(tmp_path / "out.mo"), str(po)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ translated messages?\.\n", result.stderr), result.stderr


def test_translations_keep_their_markup():
    problems = [
        f"{po.relative_to(i18n.CATALOGUES)}: {m.id[:60]!r}: {problem}"
        for po in CATALOGUES
        for m in i18n.read(po)
        for problem in i18n.lint(m.id, m.string)
    ]
    assert not problems, "\n".join(problems)


def test_lint_catches_a_lost_role_and_lost_maths():
    assert i18n.lint("See {ref}`sec-xor` and $x$.", "{ref}`sec-xor` と $x$ を参照。") == []
    assert i18n.lint("See {ref}`sec-xor`.", "参照。")
    assert i18n.lint("The value $x$.", "値 x。")
    assert i18n.lint("An {term}`activation function`.", "{term}`活性化関数 <activation function>`。") == []


def rejected_renderings():
    """What the glossary says is not used or less common (machine translations, literal renderings)."""
    text = (ROOT / "back" / "glossary.md").read_text()
    kinds = "machine translation|machine rendering|literal rendering"
    return re.findall(rf"[(;]\s*([^\s(),;]+), a (?:{kinds})", text)


def test_the_glossary_names_the_rejected_renderings():
    known = {"アクティベーション機能", "タン", "雨漏りするReLU", "整流線形ユニット"}
    assert known <= set(rejected_renderings())


def test_no_rejected_rendering_appears_outside_the_pages_that_reject_it():
    found = [
        f"{po.relative_to(i18n.CATALOGUES)}: {word} in {m.string[:60]!r}"
        for po in CATALOGUES
        if po.relative_to(i18n.CATALOGUES).as_posix() not in QUOTING
        for m in i18n.read(po)
        for word in rejected_renderings()
        if word in m.string
    ]
    assert not found, found


@pytest.fixture(scope="module")
def built():
    if not (JA / "intro.html").exists() or not (EN / "intro.html").exists():
        _missing("the books are not built: run `make book` (it builds both editions)")
    return _pages(JA)


def test_the_japanese_site_has_every_page_of_the_english_one(built):
    assert built == _pages(EN)
    for name in built:
        assert '<html lang="ja"' in (JA / name).read_text(), name


@pytest.fixture(scope="module")
def both(built):
    """Both editions served from _build, laid out as they are published: html/ and ja/html/."""
    yield from serve(BUILD)


# Latin letters and Japanese characters (kana, kanji, full-width forms)
LATIN = re.compile(r"[A-Za-z]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
PROSE_JS = """() => [...document.querySelectorAll(
    'article.bd-article :is(p, h1, h2, h3, h4, dt, th, summary, .admonition-title)')].map(p => {
  const clone = p.cloneNode(true);
  clone.querySelectorAll(
    'code, pre, .math, mjx-container, .xref, .cite, .bibtex-citation, cite, a.reference.external')
    .forEach(e => e.remove());
  return clone.textContent;
})"""


def english_paragraphs(paragraphs):
    """Paragraphs (and headings, terms, titles) still in English: 30 Latin letters or more, and
    under a tenth of the letters Japanese (a Japanese sentence full of Latin names passes; an
    English one that names a Japanese term does not)."""
    left = []
    for text in paragraphs:
        latin, japanese = len(LATIN.findall(text)), len(JAPANESE.findall(text))
        if latin >= 30 and japanese < 0.1 * (latin + japanese):
            left.append(text.strip()[:80])
    return left


def test_the_english_check_finds_english_and_passes_japanese():
    assert english_paragraphs(["The sigmoid saturates for large inputs, so its slope vanishes."])
    assert english_paragraphs(["活性化関数 (kasseika kansū). A fixed function applied to a layer's inputs."])
    assert not english_paragraphs(["ReLU、Leaky ReLU、ELU、Swish、Mish、GELU が 2 つの小さな問題で示す結果"])
    assert not english_paragraphs(["シグモイド関数は入力が大きいと飽和し、傾きが 0 に近づきます。ReLU。"])


@pytest.mark.parametrize("name", _pages(JA) if JA.exists() else ["intro.html"])
def test_japanese_page_is_japanese_and_links_to_its_english_twin(both, browser, name):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"console error: {msg.text}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(both) else r.abort())
    page.goto(f"{both}/ja/html/{name}", wait_until="networkidle")
    if name != "back/bibliography.html":  # the references are cited as published
        assert not english_paragraphs(page.evaluate(PROSE_JS)), f"{name}: paragraphs left in English"
    assert not problems, problems
    # (axe-core re-fetches the stylesheets itself, once from a wrong base: after the check above)
    assert not violations(page), f"{name}: axe-core"
    switch = page.locator("nav.language-switch a[hreflang=en]")
    assert switch.count() == 1, f"{name}: no link to the English edition"
    switch.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{both}/html/{name}", page.url
    back = page.locator("nav.language-switch a[hreflang=ja]")
    assert back.count() == 1, f"{name}: the English page has no link to the Japanese one"
    back.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{both}/ja/html/{name}"
    context.close()


@pytest.fixture(scope="module")
def pdf_text():
    if not PDF.exists():
        _missing("the Japanese PDF is missing: run `make pdf-ja`")
    if not shutil.which("pdftotext"):
        _missing("poppler-utils is missing: `apt-get install poppler-utils`")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(PDF), "-"], capture_output=True, text=True)
    return text.stdout


def chapter_titles():
    """The Japanese titles of the chapters, from their catalogues (the first message of each)."""
    titles = []
    for po in sorted((i18n.CATALOGUES / "chapters").glob("*/index.po")):
        first = i18n.read(po)[0]
        assert re.match(r"\d\. ", first.id), first.id
        titles.append(first.string.replace("\\.", "."))  # "4\. ..." keeps a title from being a list
    return titles


def test_the_japanese_pdf_holds_the_japanese_chapter_titles(pdf_text):
    titles = chapter_titles()
    assert len(titles) == 6
    text = re.sub(r"\s+", "", pdf_text)
    for title in titles:
        assert re.sub(r"\s+", "", title) in text, title
    assert "活性化関数" in pdf_text


def test_the_japanese_pdf_embeds_a_japanese_font(pdf_text):
    fonts = subprocess.run(["pdffonts", str(PDF)], capture_output=True, text=True).stdout
    assert re.search(r"CJK|IPA|Gothic|JP", fonts), fonts
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert all(" yes " in row for row in rows), "a font is not embedded:\n" + fonts
