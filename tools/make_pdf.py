"""The print edition: the whole book as one PDF, _build/pdf/book.pdf (`make pdf`).

    python tools/make_pdf.py              # build the single-page HTML, then print it
    python tools/make_pdf.py --no-build   # print the single-page HTML already in _build/singlehtml
    python tools/make_pdf.py --language ja   # the Japanese edition: _build/ja/pdf/book.pdf (make pdf-ja)

How: Jupyter Book's `singlehtml` builder writes every page of the table of contents, in order,
into one HTML page (_build/singlehtml/intro.html), with the same numbered titles, figures and
MathJax as the site. That page is served from 127.0.0.1 and opened in Debian's headless Chromium
through Playwright (as tests/test_site.py does; requests that leave 127.0.0.1 are refused, so
nothing is downloaded). Once MathJax has typeset every formula, a print stylesheet and a few DOM
changes are injected (the website's files are untouched): the site's navigation is hidden, a
title page (with the package's version and CITATION.cff's release date) and a table of contents
are added, every chapter, section and back-matter page starts on a new page, solutions, hints and
hidden code are unfolded, long code lines wrap, sentences written for the screen
(<div class="web-only">) give way to their print twins (<div class="print-only">, hidden on
screen by an inline style). Page breaks: a heading stays with what follows it, a code block,
table or admonition is kept whole only when it is short (under 30 % of a page, measured at the
printed width) and otherwise breaks, leaving at least a few lines on either page. Chromium then
prints it (A4, page numbers in the footer, PDF bookmarks from the headings).

The table of contents carries page numbers: the book is printed twice. After the first print,
`pdftotext` (poppler-utils) finds the page each title starts; the numbers are filled in (the
placeholders have the same width, so nothing moves) and the book is printed again (and again, should
a page start move, until the numbers hold); the lists
that open each chapter get their sections' page numbers the same way. Without pdftotext the
table of contents is printed without page numbers.
"""

import argparse
import datetime
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml
from shared import CHROMIUM, CHROMIUM_ARGS, toc_entries  # tools/shared.py

from textbook import ROOT, teaching

SINGLE = ROOT / "_build" / "singlehtml"
OUT = ROOT / "_build" / "pdf" / "book.pdf"
# The Japanese edition (tools/i18n.py) is printed from its own single page into its own folder.
JA = ROOT / "_build" / "ja"
# The words the print edition adds, per language.
WORDS = {
    "en": {"contents": "Contents", "pageref": " (p. {})"},
    "ja": {"contents": "目次", "pageref": "（{} ページ）"},
}
BIN = Path(sys.executable).parent
# Print-only style, injected into the page just before printing.
PRINT_CSS = r"""
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
html, body { background: #fff !important; }
/* shadows would be printed as grey raster images: the figures must be the only images */
/* (:not(#id) outweighs the theme's own !important rules on .admonition and others) */
:not(#print-no-id), :not(#print-no-id)::before, :not(#print-no-id)::after {
  box-shadow: none !important; text-shadow: none !important;
}
html { font-size: 10.5pt !important; }
body { font-size: 10.5pt; line-height: 1.42; }
/* the site's chrome */
.bd-header, .bd-header-announcement, .bd-sidebar-primary, .bd-sidebar-secondary,
.bd-header-article, .header-article-items, .bd-footer, .bd-footer-article, .bd-footer-content,
.footer-items__start, .prev-next-area, .prev-next-footer, #jb-print-docs-body, .search-button,
.search-button-field, .skip-link, .bd-search, .theme-switch-button, .sidebar-toggle,
a.headerlink, button.toggle-button, button.copybtn, .primary-toggle, .secondary-toggle,
#pst-back-to-top, .pst-scrollable-table-container::after, .dropdown-toggle { display: none !important; }
.bd-page-width, .bd-container, .bd-container__inner, .bd-main, .bd-main .bd-content,
.bd-article-container, .bd-article {
  max-width: none !important; width: auto !important; margin: 0 !important; padding: 0 !important;
  display: block !important; overflow: visible !important; height: auto !important;
}
/* the theme's print style hides the first h1 of the page (here: the preface's title) */
.bd-main .bd-content .bd-article h1:first-of-type { display: block !important; }
/* headings: chapters, back matter and sections of the table of contents start a page */
.print-doc { break-before: page; }
.print-front { break-before: page; }
h1, h2, h3, h4, h5, h6 { color: #000 !important; break-after: avoid; break-inside: avoid; }
.print-title { margin: 0 0 0.8em 0 !important; font-weight: 600 !important; }
.print-title-front, .print-title-chapter { font-size: 2.1em !important; }
.print-title-section { font-size: 1.6em !important; }
section > h2 { font-size: 1.35em !important; }
section > h3:not(.print-title), section > h4:not(.print-title) { font-size: 1.2em !important; }
section > h5, section > h6 { font-size: 1.08em !important; }
/* code: wrap long lines instead of cutting them at the page edge */
pre, .highlight pre, div.highlight, .output pre {
  white-space: pre-wrap !important; overflow-wrap: anywhere !important; word-break: break-word;
  overflow: visible !important; max-height: none !important; font-size: 8.6pt !important;
  line-height: 1.35 !important;
}
code { overflow-wrap: anywhere; }
div.cell, div.cell_input, div.cell_output, div.highlight { overflow: visible !important; }
/* page breaks. The theme keeps every code block, table and admonition whole, which pushes a long
   one to the next page and leaves most of a page empty (or a heading alone on it). Here every
   block may break; PREPARE_JS keeps whole (an inline break-inside: avoid) only the blocks short
   enough to move to the next page without leaving much of this one empty. A broken code block
   leaves at least 4 lines on either page, a paragraph 3, and a heading stays with what follows. */
div.cell, div.cell_input, div.cell_output, div.highlight, div[class*="highlight-"], pre,
table, .pst-scrollable-table-container, .admonition, div.admonition, details, figure, .book-slider {
  break-inside: auto !important;
}
pre { orphans: 4; widows: 4; }
p, li, dd, dt, td { orphans: 3; widows: 3; }
/* figures and tables */
img { max-width: 100% !important; height: auto !important; break-inside: avoid; }
div.cell_output img { max-height: 200mm; object-fit: contain; }
.pst-scrollable-table-container { overflow: visible !important; }
table { font-size: 0.92em; break-inside: auto; }
tr { break-inside: avoid; }
tbody > tr:last-child { break-before: avoid; }  /* no table ends with one row on a page of its own */
mjx-container[display="true"] { overflow: visible !important; }
a, a:visited { color: inherit !important; text-decoration: none !important; }
/* a link to a page of the book prints its title in italics, so that in a chapter's opening list
   ("1.1 Stacked linear layers collapse into one derives ...") the title stands apart from the
   sentence it starts; the page number follows it (filled in like the contents' numbers) */
a.reference.internal > span.doc { font-style: italic; }
.print-pageref { white-space: nowrap; }
/* text written for one reading mode: the website's and JupyterLab's (a <div class="web-only">)
   or the paper's (a <div class="print-only" style="display: none">, hidden on screen) */
.web-only { display: none !important; }
.print-only { display: block !important; }
/* the static sliders (textbook.sliders): paper shows the labelled start frame, no slider */
.book-slider input[type="range"] { display: none !important; }
.book-slider label { display: block; font-size: 0.92em; margin-bottom: 0.3em; }
/* admonitions and unfolded solutions/hints */
/* the last block of a page of the book carries no bottom margin: a page filled to its foot would
   otherwise push that margin alone onto a blank page before the next page starts */
section:last-child > :last-child, section:last-child > :last-child > :last-child {
  margin-bottom: 0 !important; padding-bottom: 0 !important;
}
.admonition-title { break-after: avoid; }
details.hide > summary { display: none !important; }
details > summary { list-style: none; }
/* title page and table of contents */
#print-title-page { break-after: page; text-align: center; padding-top: 70mm; }
#print-title-page .print-book-title { font-size: 2.6em; font-weight: 700; line-height: 1.2; }
#print-title-page .print-book-author { font-size: 1.3em; margin-top: 2em; }
#print-title-page .print-book-edition { font-size: 1.05em; margin-top: 1.2em; }
#print-title-page .print-book-note { font-size: 0.95em; margin-top: 6em; color: #444; }
#print-toc { break-after: page; }
#print-toc h1 { font-size: 2.1em !important; margin-bottom: 1em; }
#print-toc .toc-part { font-weight: 700; margin: 1.1em 0 0.3em 0; font-size: 1.1em; }
#print-toc .toc-line { display: flex; align-items: baseline; margin: 0.18em 0; }
#print-toc .toc-line .toc-title { flex: 0 1 auto; }
#print-toc .toc-line .toc-dots { flex: 1 1 auto; border-bottom: 1px dotted #888; margin: 0 0.4em; }
#print-toc .toc-line .toc-page {
  flex: 0 0 auto; min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums;
}
#print-toc .toc-chapter, #print-toc .toc-front { font-weight: 600; margin-top: 0.55em; }
#print-toc .toc-section { margin-left: 1.6em; }
"""

# Prepares the page for print; returns the table of contents it made: [{id, title, kind}].
PREPARE_JS = r"""
([entries, book]) => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main');
  // unfold what the site folds: solutions and hints (sphinx-togglebutton), hidden code cells
  document.querySelectorAll('.toggle-hidden').forEach(e => e.classList.remove('toggle-hidden'));
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  document.querySelectorAll('button.toggle-button').forEach(b => b.remove());
  // a cell whose output is removed (the widgets) must not leave an empty box
  document.querySelectorAll('div.cell_output').forEach(o => {
    if (!o.textContent.trim() && !o.querySelector('img, svg, table, mjx-container')) o.remove();
  });
  // a heading whose section holds nothing but the inlined pages ("Contents" in the preface)
  document.querySelectorAll('section').forEach(s => {
    const kids = [...s.children];
    if (kids.length > 1 && /^H[1-6]$/.test(kids[0].tagName)
        && kids.slice(1).every(k => k.matches('.toctree-wrapper, span:empty'))) {
      kids[0].style.display = 'none';
    }
  });
  const toc = [];
  for (const [doc, kind, part] of entries) {
    let section;
    if (kind === 'front') {
      section = article.querySelector('section');
    } else {
      const anchor = document.getElementById('document-' + doc);
      if (!anchor) throw new Error('page ' + doc + ' is not in the single-page HTML');
      section = anchor.nextElementSibling;
      while (section && section.tagName !== 'SECTION') section = section.nextElementSibling;
    }
    if (!section) throw new Error('no section for ' + doc);
    const heading = section.querySelector('h1, h2, h3, h4, h5, h6');
    const clone = heading.cloneNode(true);
    clone.querySelectorAll('.headerlink').forEach(e => e.remove());
    heading.classList.add('print-title', 'print-title-' + kind);
    section.classList.add(kind === 'front' ? 'print-front' : 'print-doc');
    if (!section.id) section.id = 'print-' + doc.replace(/\W/g, '-');
    toc.push({doc, kind, part, id: section.id, title: clone.textContent.trim(), html: clone.innerHTML});
  }
  // title page and table of contents, in front of the preface
  const title = document.createElement('div');
  title.id = 'print-title-page';
  const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  title.innerHTML = `<div class="print-book-title">${esc(book.title)}</div>` +
    `<div class="print-book-author">${esc(book.author)}</div>` +
    `<div class="print-book-edition">${esc(book.edition)}</div>` +
    `<div class="print-book-note">${esc(book.note)}</div>`;
  const contents = document.createElement('nav');
  contents.id = 'print-toc';
  let html = `<h1>${esc(book.contents)}</h1>`;
  let part = null;
  toc.forEach((e, i) => {
    if (e.part && e.part !== part) { part = e.part; html += `<div class="toc-part">${esc(part)}</div>`; }
    html += `<div class="toc-line toc-${e.kind}"><a class="toc-title" href="#${e.id}">${e.html}</a>` +
      `<span class="toc-dots"></span><span class="toc-page" data-entry="${i}">000</span></div>`;
  });
  contents.innerHTML = html;
  article.prepend(title, contents);
  document.querySelectorAll('#print-toc .toc-page').forEach(e => { e.style.visibility = 'hidden'; });
  // a chapter's opening list links to its sections: each link gets the section's page number,
  // filled in with the contents' numbers (these pages end before a new page starts, so the
  // placeholder's width moves nothing that follows)
  const entry = new Map(toc.map((e, i) => [e.doc, i]));
  toc.filter(e => e.kind === 'chapter').forEach(e => {
    const links = document.getElementById(e.id).querySelectorAll(
      ':scope > ul > li > p > a.reference.internal:first-child[href^="#document-"]');
    links.forEach(a => {
      const i = entry.get(decodeURIComponent(a.getAttribute('href').slice('#document-'.length)));
      if (i === undefined) return;
      const ref = document.createElement('span');
      ref.className = 'print-pageref';
      ref.dataset.entry = String(i);
      ref.textContent = ' (p. 000)';
      ref.style.visibility = 'hidden';
      a.after(ref);
    });
  });
  // keep whole only what is short: a block at most KEEP tall moves to the next page whole (leaving
  // at most that much of this page empty); a taller one breaks. Measured in the print layout's
  // width (the viewport is set to it), outermost first, so a block inside a kept one is skipped.
  const KEEP = 0.3 * (297 - 16 - 18) * 96 / 25.4;
  const blocks = article.querySelectorAll('div.cell, div.cell_input, div.cell_output, .admonition, ' +
    'details, div.highlight, div[class*="highlight-"], .pst-scrollable-table-container, table, ' +
    'figure, .book-slider, mjx-container[display="true"]');
  // the last page of a page of the book holds more than a stray box: its last paragraph and the
  // blocks after it (as a rule the last exercise, its cells and its solution) move together when
  // they fill less than KEEP_END of a page
  const KEEP_END = 0.45 * (297 - 16 - 18) * 96 / 25.4;
  document.querySelectorAll('.print-doc').forEach(doc => {
    let box = doc;
    while (box.lastElementChild && box.lastElementChild.tagName === 'SECTION') box = box.lastElementChild;
    const kids = [...box.children];
    const last = kids.map(k => k.tagName).lastIndexOf('P');
    if (last <= 0 || last === kids.length - 1) return;
    const tail = kids.slice(last);
    const height = tail.at(-1).getBoundingClientRect().bottom - tail[0].getBoundingClientRect().top;
    if (height > KEEP_END) {  // too tall to move whole: its last paragraph leaves 6 lines at least
      const paragraphs = doc.querySelectorAll('p');
      if (paragraphs.length) paragraphs[paragraphs.length - 1].style.setProperty('widows', '6', 'important');
      return;
    }
    const end = document.createElement('div');
    end.className = 'print-kept print-end';
    end.style.setProperty('break-inside', 'avoid', 'important');
    box.insertBefore(end, tail[0]);
    tail.forEach(k => end.appendChild(k));
  });
  for (const block of blocks) {
    if (block.parentElement.closest('.print-kept')) continue;
    if (block.getBoundingClientRect().height <= KEEP) {
      block.classList.add('print-kept');
      block.style.setProperty('break-inside', 'avoid', 'important');
    }
  }
  return toc.map(({doc, kind, id, title}) => ({doc, kind, id, title}));
}
"""

FOOTER = (
    '<div style="width:100%; font-size:8.5pt; color:#444; text-align:center; '
    'font-family:sans-serif;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_singlehtml():
    command = [str(BIN / "jupyter-book"), "build", ".", "--builder", "singlehtml"]
    subprocess.run(
        [*command, "--warningiserror", "--keep-going"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,  # the per-image progress lines; warnings go to stderr
    )


def _bare(text):
    """Without any whitespace: pdftotext breaks and spaces Japanese lines where Chromium wrapped them."""
    return re.sub(r"\s+", "", text)


def _starts_with(page, title):
    """The page starts with the title, its characters in any order: where a title mixes Japanese
    and Latin letters, pdftotext may give its runs of either script in another order."""
    return page.startswith(title) or sorted(page[: len(title)]) == sorted(title)


def find_pages(pdf, toc):
    """The page (1-based) on which each title starts, from pdftotext; None where not found."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True)
    pages = [_bare(p) for p in text.stdout.split("\f")]
    # the contents list every title: the text of the book starts after the page holding the last one
    last = _bare(toc[-1]["title"])
    start = next((i + 1 for i, text in enumerate(pages) if last in text), 0)
    found = []
    for entry in toc:
        title = _bare(entry["title"])
        page = next((i for i in range(start, len(pages)) if _starts_with(pages[i], title)), None)
        if page is None:
            found.append(None)
        else:
            found.append(page + 1)
            start = page + 1
    return found


def print_pdf(page, path):
    page.pdf(
        path=str(path),
        format="A4",
        print_background=True,
        prefer_css_page_size=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
        margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        outline=True,
        tagged=True,
    )


def _typeset(page, url):
    """Open the book and wait until MathJax (the site's own copy) has typeset every formula."""
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("MathJax.startup.promise")
    page.wait_for_function(
        "document.querySelectorAll('.math').length"
        " === document.querySelectorAll('.math mjx-container').length",
        timeout=120_000,
    )
    if page.locator("mjx-merror").count():
        sys.exit("MathJax could not typeset some formula")
    page.evaluate("document.fonts.ready")


def _number_contents(page, out, toc, pageref, prints=4):
    """Fill in the page numbers of the contents from the last print and print again, until they hold.

    Chromium does not always break the pages of the same document alike twice: where several
    break-avoiding rules compete, its first layout may move a heading to the next page that the
    next layout keeps (seen once in 2.1). So the numbers are read back after each print and the
    book is printed again with the numbers found, until a print confirms them.
    """
    numbers = find_pages(out, toc)
    missing = [entry["title"] for entry, number in zip(toc, numbers, strict=True) if number is None]
    if missing:
        print(f"warning: no page starts with {missing}", file=sys.stderr)
    for _ in range(prints - 1):
        page.evaluate(
            """([numbers, pageref]) => {
                document.querySelectorAll('#print-toc .toc-page').forEach((e, i) => {
                    e.textContent = numbers[i] === null ? '' : String(numbers[i]);
                    e.style.visibility = 'visible';
                });
                document.querySelectorAll('.print-pageref').forEach(e => {
                    const number = numbers[Number(e.dataset.entry)];
                    e.textContent = number === null ? '' : pageref.replace('{}', number);
                    e.style.visibility = 'visible';
                });
            }""",
            [numbers, pageref],
        )
        print_pdf(page, out)
        found = find_pages(out, toc)
        if found == numbers:
            return
        numbers = found
    sys.exit(f"the page numbers still moved after {prints} prints")


def edition(citation=ROOT / "CITATION.cff", language="en"):
    """The title page's edition line: the package's version and the release date of CITATION.cff."""
    import activations

    released = yaml.safe_load(Path(citation).read_text())["date-released"]
    if isinstance(released, str):
        released = datetime.date.fromisoformat(released)
    if language == "ja":
        day = f"{released.year} 年 {released.month} 月 {released.day} 日"
        return f"バージョン {activations.__version__}（{day}公開）"
    return f"Version {activations.__version__}, released {released.day} {released:%B %Y}"


def book_front(language="en"):
    """The title page's lines and the print edition's own words, in the edition's language."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    citation = teaching.citation()[0]
    if language == "ja":
        import i18n

        note = (
            f"ウェブサイトの印刷版 © {config.get('copyright', '')}。"
            "本文と図: CC BY 4.0、コード: MIT ライセンス（LICENSE を参照）。"
            "コード、コードの出力と図の中の文字は英語版と同じものです。"
            f"引用: {citation}"
        )
        title, author = i18n.TITLE, i18n.AUTHOR
    else:
        note = (
            f"Print edition of the website, © {config.get('copyright', '')}. "
            f"Text and figures: CC BY 4.0; code: MIT licence (see LICENSE). Cite as: {citation}"
        )
        title, author = config.get("title", ""), config.get("author", "")
    return {
        "title": title,
        "author": author,
        "edition": edition(language=language),
        "note": note,
        **WORDS[language],
    }


def make_pdf(out=OUT, single=SINGLE, language="en"):
    from playwright.sync_api import sync_playwright

    if not (single / "intro.html").exists():
        sys.exit(f"no single-page HTML in {single}: run without --no-build")
    book = book_front(language)
    # the Japanese edition's table of contents has its parts' captions translated (tools/i18n.py)
    toc_path = JA / "_toc.yml" if language == "ja" else ROOT / "_toc.yml"
    out.parent.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(single))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{httpd.server_port}/"
    errors = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1100, "height": 1400})
            # nothing leaves this machine: a request anywhere but the local server is refused
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(local) else r.abort())
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            _typeset(page, local + "intro.html")
            page.emulate_media(media="print")
            page.add_style_tag(content=PRINT_CSS)
            # the width of A4 inside the page margins, so that PREPARE_JS measures blocks as printed
            page.set_viewport_size({"width": round((210 - 32) * 96 / 25.4), "height": 1400})
            toc = page.evaluate(PREPARE_JS, [toc_entries(toc_path), book])
            page.wait_for_function("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
            print_pdf(page, out)
            if shutil.which("pdftotext"):
                _number_contents(page, out, toc, book["pageref"])
            else:
                print("pdftotext (poppler-utils) is missing: contents without page numbers", file=sys.stderr)
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    if errors:
        sys.exit("JavaScript errors on the page:\n" + "\n".join(errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the single-page HTML already built")
    parser.add_argument(
        "--optional",
        action="store_true",
        help="without Chromium, say so and succeed, except in CI (`make test` uses this)",
    )
    parser.add_argument("--language", choices=sorted(WORDS), default="en", help="ja: the Japanese edition")
    args = parser.parse_args()
    if CHROMIUM is None:
        message = "Chromium is missing: install Debian's package with `apt-get install chromium`"
        if args.optional and not os.environ.get("CI"):
            print(f"{message}; no PDF was made", file=sys.stderr)
            return
        sys.exit(message)
    start = time.perf_counter()
    if args.language == "ja":
        import i18n

        single, out, site = JA / "singlehtml", JA / "pdf" / "book.pdf", JA / "html"
        if not args.no_build:
            i18n.build(JA, builder="singlehtml")
    else:
        single, out, site = SINGLE, OUT, ROOT / "_build" / "html"
        if not args.no_build:
            build_singlehtml()
    make_pdf(out, single, args.language)
    if site.is_dir():  # the website links to the PDF from its first page
        shutil.copyfile(out, site / out.name)
    print(f"The book is in {out.relative_to(ROOT)} ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
