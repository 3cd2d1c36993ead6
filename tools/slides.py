"""Lecture slides: one reveal.js deck per chapter, _build/slides/chapterN.html, that works offline.

Which cells a deck shows is the notebooks' own ``slideshow`` metadata, RISE's convention, so the
same notebooks also present live in JupyterLab: ``slide`` and ``subslide`` start a slide,
``fragment`` appears on the next key press, ``-`` continues the slide, ``notes`` becomes speaker
notes (press S), and ``skip`` (or no metadata) leaves the cell out. A chapter's notebooks are
merged into one deck, after a title slide with the chapter's own title.

A static slide has no kernel, so a code cell shows its stored outputs (the figure), or its source
when it has none or the book hides them (the call of a live demo's widget). A prose cell too long
for a slide shows its headings, display equations and lists, from its first heading on (what
stands before a heading ends the previous section), and the whole cell becomes the slide's
speaker notes. MyST's labels and roles become plain Markdown.

reveal.js comes from the sphinx-revealjs package and MathJax 3 from sphinx-mathjax-offline (SVG
output, which the speaker view shows too); both are copied next to the decks, and the figures are
embedded. Usage: ``python tools/slides.py [chapter number ...]`` (all six by default).
"""

import re
import shutil
import sys
from importlib.metadata import distribution
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbconvert import SlidesExporter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "_build" / "slides"
REVEAL = Path(distribution("sphinx-revealjs").locate_file("sphinx_revealjs/_static/revealjs"))
MATHJAX = Path(distribution("sphinx-mathjax-offline").locate_file("sphinx-mathjax-offline/static/mathjax"))
WIDGET = "application/vnd.jupyter.widget-view+json"
NOTES = {"slideshow": {"slide_type": "notes"}}
LINES = 6  # a printout longer than this beside a figure goes to the notes
ROOM = 620  # pixels of a slide's height that its text may fill, roughly (see _height)
LONG = 800  # characters: a prose cell longer than this is shortened on its slide

TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}{% endblock %}
{% block jupyter_widgets %}{% endblock %}
{% block html_head_js_mathjax %}
<script>window.MathJax = {tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], tags: 'none'},
                  svg: {fontCache: 'local'},
                  options: {menuOptions: {settings: {assistiveMml: false}}}};</script>
<script src="mathjax/tex-svg.js" async></script>
<style>
.reveal .slides { text-align: left; }
.reveal .slides section { height: 100%; }
.jp-OutputArea-output img { display: block; margin: 0 auto; max-width: none; }
.reveal h1, .reveal h2, .reveal h3 { text-transform: none !important; }
:root { --jp-content-font-size1: 24px; --jp-code-font-size: 18px; }
.jp-OutputArea-output pre { font-size: 18px; line-height: 1.25; }
.reveal table, .reveal td, .reveal th { font-size: var(--jp-content-font-size1) !important; }
.reveal td, .reveal th { line-height: 1.15; padding-top: 2px !important; padding-bottom: 2px !important; }
.reveal h1 { font-size: 1.6em; } .reveal h2 { font-size: 1.3em; } .reveal h3 { font-size: 1.1em; }
mjx-container[display="true"] { margin: 0.4em 0 !important; }
</style>
{% endblock %}
{% block footer_js %}
<script src="reveal.js/dist/reveal.js"></script>
<script src="reveal.js/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({controls: true, progress: true, hash: true, slideNumber: "c/t",
                   transition: "none", width: 1280, height: 720, margin: 0.04,
                   center: false, plugins: [RevealNotes]});
// Text that does not fit a slide shrinks (down to 22px, still legible from the back of a room);
// then a figure grows to fill the free height, as far as the slide's width allows. The bottom
// 60px stay free for the navigation arrows.
const ROOM = 660;
function used(slide) {
  const top = slide.getBoundingClientRect().top;
  const bottom = Math.max(...[...slide.children].map(e => e.getBoundingClientRect().bottom));
  return (bottom - top) / Reveal.getScale();
}
function fit(slide) {
  // a display equation wider than the slide (its number too) is scaled down to fit
  slide.querySelectorAll('mjx-container[display="true"]').forEach(maths => {
    const ratio = maths.parentElement.clientWidth / maths.scrollWidth;
    if (ratio < 1) maths.style.fontSize = Math.floor(ratio * 97) + "%";
  });
  const figures = [...slide.querySelectorAll(".jp-OutputArea-output img")];
  figures.forEach(img => { img.style.height = img.naturalHeight + "px"; img.style.width = "auto"; });
  for (let size = 24; size > 22 && used(slide) > ROOM; size--) {
    slide.style.setProperty("--jp-content-font-size1", size - 1 + "px");
  }
  const spare = (ROOM - used(slide)) / figures.length;
  figures.forEach(img => {
    const widest = img.naturalHeight * 1180 / img.naturalWidth;
    img.style.height = Math.max(120, Math.min(img.naturalHeight + spare, widest)) + "px";
  });
}
Reveal.on("ready", event => fit(event.currentSlide));
Reveal.on("slidechanged", event => fit(event.currentSlide));
</script>
{% endblock %}
"""


def _labels(notebooks):
    """{label: text} for MyST's roles: section titles, each notebook's title (under its file name,
    for ``{doc}``), and equation numbers counted per notebook and prefixed with its section, so
    that (2.2.3) is unambiguous in a deck that merges several notebooks."""
    found = {}
    for path in notebooks:
        number = 0
        section = f"{int(path.parent.name[:2])}.{int(path.stem.split('_')[0])}"
        for cell in nbformat.read(path, as_version=4).cells:
            if path.stem not in found and (title := re.search(r"^# (.+)$", cell.source, flags=re.M)):
                found[path.stem] = title.group(1)
            for label, title in re.findall(r"^\(([\w-]+)\)=\s*\n#+ (.+)$", cell.source, flags=re.M):
                found[label] = title
            for label in re.findall(r"\$\$\s*\(([\w-]+)\)", cell.source):
                number += 1
                found[label] = f"({section}.{number})"
    return found


def _citations(path=ROOT / "references.bib"):
    """{key: "[Surname year]"} from the book's bibliography."""
    found = {}
    for key, body in re.findall(r"@\w+\{([^,]+),(.*?)\n\}", path.read_text(), flags=re.S):
        author = re.search(r"author\s*=\s*[{\"]+([^,}]+)", body)
        year = re.search(r"year\s*=\s*[{\"]?(\d{4})", body)
        surname = author.group(1).split(" and ")[0].split()[-1] if author else key
        found[key.strip()] = f"[{surname} {year.group(1) if year else 'n.d.'}]"
    return found


def myst_to_markdown(text, labels, citations):
    """Plain Markdown from a MyST cell: no labels, admonitions as bold titles, roles as text."""
    text = re.sub(r"^\([\w-]+\)=\s*$\n?", "", text, flags=re.M)
    text = re.sub(r"^```+\{admonition\} *(.*)\n(?::class:.*\n)?", r"**\1**\n\n", text, flags=re.M)
    text = re.sub(r"^```+\{note\}.*\n(?::class:.*\n)?", "**Note.** ", text, flags=re.M)
    text = re.sub(r"^```+\s*$", "", text, flags=re.M)
    text = re.sub(r"\$\$\s*\(([\w-]+)\)", lambda m: f"\\tag{{{labels.get(m[1], '')[1:-1]}}} $$", text)
    text = re.sub(r"\\tag\{\}", "", text)
    text = re.sub(r"\{eq\}`([\w-]+)`", lambda m: labels.get(m[1], m[1]), text)
    text = re.sub(
        r"\{cite[pt]?\}`([^`]+)`",
        lambda m: ", ".join(citations.get(k.strip(), k) for k in m[1].split(",")),
        text,
    )
    text = re.sub(r"\{\w+\}`([^`<]*?)\s*<[^`]*>`", r"\1", text)
    return re.sub(r"\{\w+\}`([^`]+)`", lambda m: labels.get(m[1].split("/")[-1], m[1]), text)


def shorten(text):
    """A long prose cell's headings, display equations, lists and tables, in order.

    What stands before the cell's first heading ends the previous section and is left out, and
    a wide table keeps its first two columns (for the guide of 6.4: what to use for which task).
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", _from_heading(text))]
    keep = [b for b in blocks if re.match(r"(#|\$\$|[-*] |\d+\. |\||\*\*[^*]+\*\*$)", b)]
    while empty := [i for i in range(len(keep)) if _empty_heading(keep, i)]:
        del keep[empty[0]]
    wide = [b.startswith("|") and b.count("|") > 4 * b.count("\n") + 4 for b in keep]
    return "\n\n".join(_two_columns(b) if w else b for b, w in zip(keep, wide, strict=True))


def _height(block):
    """Roughly how many pixels a Markdown block takes on a slide at 24px: 95 characters a line."""
    if block.startswith("#"):
        return 70
    if block.startswith("$$"):
        return 40 + 30 * block.count("\n")
    if block.startswith("|"):
        return 40 * (block.count("\n") + 1)
    return 16 + 34 * sum(-(-len(line) // 95) for line in re.split(r"\n(?=[-*] |\d+\. )", block))


def _pages(text, room=ROOM):
    """A slide's Markdown cut into slides that fit, between blocks or list items; the slides after
    the first repeat its heading, marked (continued)."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b]
    units = [
        u
        for b in blocks
        for u in (re.split(r"\n(?=[-*] |\d+\. )", b) if re.match(r"[-*] |\d+\. ", b) else [b])
    ]
    heading = units[0] if units and units[0].startswith("#") else None
    pages, used = [[]], 0
    for unit in units:
        if used + _height(unit) > room and used > (_height(heading) if heading else 0):
            pages.append([f"{heading} (continued)"] if heading else [])
            used = _height(heading) if heading else 0
        pages[-1].append(unit)
        used += _height(unit)
    return ["\n\n".join(page) if len(pages) > 1 else text for page in pages]


def _sections(text):
    """A long cell's parts, one per slide: a heading after the first starts a new part, unless
    its section would show nothing but the heading (then it stays with the part before)."""
    parts = []
    for section in re.split(r"\n(?=#)", text):
        if parts and re.match(r"#", section) and shorten(section).count("\n"):
            parts.append(section)
        elif parts:
            parts[-1] += "\n" + section
        else:
            parts.append(section)
    return parts


def _empty_heading(blocks, i):
    """Whether blocks[i] is a heading whose section shows nothing (the last block, or one before a
    heading of the same or a higher level), unless it is all the slide has."""
    if not blocks[i].startswith("#"):
        return False
    if i + 1 == len(blocks):
        return i > 0
    following = blocks[i + 1]
    level = len(blocks[i]) - len(blocks[i].lstrip("#"))
    return following.startswith("#") and len(following) - len(following.lstrip("#")) <= level


def _before_heading(text):
    """The text before a cell's first heading, if the cell has a heading after some text."""
    found = re.search(r"^#", text, flags=re.M)
    return text[: found.start()].strip() if found else ""


def _from_heading(text):
    """A cell from its first heading on: what stands before it ends the previous section."""
    found = re.search(r"^#", text, flags=re.M)
    return text[found.start() :].strip() if found else text.strip()


def _two_columns(table):
    return "\n".join("|".join(row.split("|")[:3]) + "|" for row in table.splitlines())


def _slide_type(cell):
    return cell.metadata.get("slideshow", {}).get("slide_type", "skip")


def deck(chapter):
    """The merged notebook of one chapter folder (e.g. chapters/03_relu), its cells as slides.

    Speaker notes go with the slide they speak about: what stands before a cell's first heading
    ends the previous slide; notes just before a figure's slide introduce that figure; and a
    slide with no notes gets the prose beside it in the book that the deck leaves out.
    """
    notebooks = sorted(chapter.glob("*.ipynb"))
    labels, citations = _labels(sorted((ROOT / "chapters").glob("*/*.ipynb"))), _citations()
    title = re.search(r"^# (.+)$", (chapter / "index.md").read_text(), flags=re.M).group(1)
    cells = [nbformat.v4.new_markdown_cell(f"# {title}", metadata={"slideshow": {"slide_type": "slide"}})]
    spare = []  # the prose the book shows beside the current slide but the deck leaves out
    intro = []  # notes cells since the last shown cell: a figure's slide takes them
    heading = None  # the book's latest heading, if no slide shows it: a figure's slide takes it
    section = title  # the book's latest heading
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            kind = _slide_type(cell)
            text = myst_to_markdown(cell.source, labels, citations) if cell.cell_type == "markdown" else ""
            if re.search(r"^#{2,} ", text, flags=re.M):
                section = re.findall(r"^#{2,} .+$", text, flags=re.M)[-1]
            if kind in ("skip", "notes") and re.search(r"^#{2,} ", text, flags=re.M):
                heading = section
            elif text:
                heading = None
            if kind == "skip":
                if text and "web-only" not in text:
                    spare.append(text)
                continue
            if kind == "notes" and "web-only" in text:  # the website's hint about its slider
                continue
            if kind == "notes":
                intro.append(nbformat.v4.new_markdown_cell(text, metadata=NOTES))
                cells.append(intro[-1])
                continue
            meta = {"slideshow": {"slide_type": kind}}
            starts = kind in ("slide", "subslide")
            if text and _before_heading(text):  # it ends the previous slide: its notes
                cells.append(nbformat.v4.new_markdown_cell(_before_heading(text), metadata=NOTES))
                text = _from_heading(text)
            moved = intro if starts and cell.cell_type == "code" else []
            cells = [c for c in cells if all(c is not m for m in moved)]
            if starts:
                _notes_from(cells, spare)
                spare = []
            intro = []
            outputs = cell.get("outputs", [])
            shown = [o for o in outputs if o.output_type != "error" and WIDGET not in o.get("data", {})]
            if starts and cell.cell_type == "code" and not heading and not shown:  # a live demo's call
                heading = re.sub(r"^(#+) ", r"\1 Explore: ", section)
            if starts and cell.cell_type == "code" and heading:  # its section's heading is in notes
                cells.append(nbformat.v4.new_markdown_cell(heading, metadata=meta))
                meta, heading = {"slideshow": {"slide_type": "-"}}, None
            if cell.cell_type == "code" and (not shown or "remove-output" in cell.metadata.get("tags", [])):
                cells.append(nbformat.v4.new_markdown_cell(f"```python\n{cell.source}\n```", metadata=meta))
            elif cell.cell_type == "code":
                printed = "".join(o.get("text", "") for o in shown if o.output_type == "stream")
                if printed.count("\n") > LINES and any("image/png" in o.get("data", {}) for o in shown):
                    # a long printout would squeeze the figure beside it: it goes to the notes
                    shown = [o for o in shown if o.output_type != "stream"]
                    moved = [*moved, nbformat.v4.new_markdown_cell(f"```\n{printed}```", metadata=NOTES)]
                cells.append(nbformat.v4.new_code_cell(cell.source, metadata=meta, outputs=shown))
            else:
                for part in _sections(text) if len(text) > LONG else [text]:
                    shown = shorten(part) if len(part) > LONG else part
                    pages = _pages(shown)
                    if len(pages) > 1 or shown != part.strip():
                        cells.append(nbformat.v4.new_markdown_cell(pages[0], metadata=meta))
                        cells.append(nbformat.v4.new_markdown_cell(part, metadata=NOTES))
                        meta = {"slideshow": {"slide_type": "slide"}}
                        cells.extend(nbformat.v4.new_markdown_cell(page, metadata=meta) for page in pages[1:])
                    else:
                        cells.append(nbformat.v4.new_markdown_cell(part, metadata=meta))
                    meta = {"slideshow": {"slide_type": "slide"}}
            cells.extend(moved)
    _notes_from(cells, spare)
    return nbformat.v4.new_notebook(cells=cells, metadata={"title": title})


def _notes_from(cells, spare):
    """Give the last slide of `cells` the prose beside it as notes, if it has no notes of its own
    (a figure's reading, an exercise's solution)."""
    start = max(i for i, c in enumerate(cells) if _slide_type(c) in ("slide", "subslide"))
    if len(cells) > 1 and spare and not any(_slide_type(c) == "notes" for c in cells[start:]):
        cells.append(nbformat.v4.new_markdown_cell("\n\n".join(spare), metadata=NOTES))


def build(numbers=range(1, 7)):
    """Write _build/slides/chapterN.html for the given chapter numbers, with reveal.js and MathJax."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, source in (("reveal.js", REVEAL), ("mathjax", MATHJAX)):
        shutil.copytree(source, OUT / name, dirs_exist_ok=True)
    exporter = SlidesExporter(
        template_file="deck.html.j2",
        extra_loaders=[DictLoader({"deck.html.j2": TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
        reveal_url_prefix="reveal.js",
        reveal_theme="white",
    )
    written = []
    for number in numbers:
        chapter = next((ROOT / "chapters").glob(f"{number:02d}_*"))
        notebook = deck(chapter)
        html, _ = exporter.from_notebook_node(notebook)
        target = OUT / f"chapter{number}.html"
        target.write_text(html, encoding="utf-8")
        written.append(target)
        count = sum(_slide_type(c) in ("slide", "subslide") for c in notebook.cells)
        print(f"{target.relative_to(ROOT)}: {count} slides")
    return written


if __name__ == "__main__":
    build([int(n) for n in sys.argv[1:]] or range(1, 7))
