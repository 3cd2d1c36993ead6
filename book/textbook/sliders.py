"""Sliders that work on the static website: a widget's figure precomputed at several settings.

The website has no Python kernel, so an ipywidgets explorer is dead there.
:func:`slider` runs an explorer from :mod:`textbook.widgets` at each
value of one of its controls, keeps each figure as a PNG, and returns HTML:
a labelled ``<input type="range">`` (keyboard-operable, showing its current
value) and an image that a few lines of inline JavaScript swap when the
slider moves. Nothing is fetched from outside the page, and the output is
deterministic (the element ids come from the ``name`` argument), so nbval
compares it like any other output.

Each frame's alt text is the slider's ``alt`` (what moving the control
shows) followed by the setting and the titles of that frame's own figure, so
a screen reader hears the finding and what the frame on show says.
"""

import base64
import html
import io
import json

from IPython.display import HTML


def titles(figure):
    """A figure's titles, its suptitle first, joined by semicolons (a title over two lines on one)."""
    found = [figure.get_suptitle(), *(ax.get_title() for ax in figure.axes)]
    return "; ".join(" ".join(text.split()) for text in found if text.strip())


def drawn(explorer, control, values, dpi=80):
    """(PNG bytes, titles) of ``explorer``'s figure with ``control`` set to each of ``values``."""
    if control not in explorer.controls:
        raise ValueError(
            f"slider: the explorer has no control {control!r}; it has {', '.join(explorer.controls)}"
        )
    images = []
    for value in values:
        buffer = io.BytesIO()
        figure = explorer.draw(**{control: value})
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        images.append((buffer.getvalue(), titles(figure)))
    return images


def frames(explorer, control, values, dpi=80):
    """PNG bytes of ``explorer``'s figure with ``control`` set to each of ``values``."""
    return [png for png, _ in drawn(explorer, control, values, dpi)]


def frame_alt(alt, label, text, figure_titles):
    """The alt text of one frame: the slider's finding, the setting shown and the frame's titles."""
    lead = f"{alt.strip()} " if alt else ""
    shown = f": {figure_titles}" if figure_titles else ""
    return f"{lead}Shown at {label} = {text}{shown}."


def slider(name, explorer, control, values, label, fmt="{:g}", start=0, args=(), alt=None):
    """An HTML slider over ``values`` of a control of an explorer, showing one precomputed figure each.

    ``explorer`` is an explorer class of :mod:`textbook.widgets`, built
    here with ``args``; only its figure is used, never its widget, so nothing
    else lands in the notebook's output. ``name`` makes the element ids
    (letters, digits and hyphens); ``label`` names the control for readers and
    screen readers; ``start`` is the index shown first. ``alt`` is one
    sentence saying what moving the control shows; each frame's alt text is
    it, the setting and that frame's titles (:func:`frame_alt`).
    """
    if not name.replace("-", "").isalnum():
        raise ValueError(f"slider: name must be letters, digits and hyphens, got {name!r}")
    if not 0 <= start < len(values):
        raise ValueError(f"slider: start {start} is not an index of the {len(values)} values")
    images = drawn(explorer(*args), control, values)
    pngs = [base64.b64encode(png).decode("ascii") for png, _ in images]
    texts = [fmt.format(v) for v in values]
    alts = [frame_alt(alt, label, text, found) for text, (_, found) in zip(texts, images, strict=True)]
    ident = f"slider-{name}"
    sources = ",".join(f'"data:image/png;base64,{png}"' for png in pngs)
    shown = ",".join(f'"{html.escape(t)}"' for t in texts)
    # JSON strings are JavaScript strings; "<" escaped so no title can close the script
    described = ",".join(json.dumps(a).replace("<", "\\u003c") for a in alts)
    return HTML(
        f'<div class="book-slider" id="{ident}">\n'
        f'<label for="{ident}-input">{html.escape(label)}: '
        f'<output id="{ident}-value" for="{ident}-input">{html.escape(texts[start])}</output></label>\n'
        f'<input type="range" id="{ident}-input" min="0" max="{len(values) - 1}" step="1" '
        f'value="{start}" aria-valuetext="{html.escape(texts[start])}" style="width: 60%; display: block;">\n'
        f'<img id="{ident}-image" alt="{html.escape(alts[start])}" '
        f'src="data:image/png;base64,{pngs[start]}" style="max-width: 100%;">\n'
        "<script>\n"
        "(function () {\n"
        f'  const input = document.getElementById("{ident}-input");\n'
        f'  const image = document.getElementById("{ident}-image");\n'
        f'  const value = document.getElementById("{ident}-value");\n'
        f"  const sources = [{sources}];\n"
        f"  const texts = [{shown}];\n"
        f"  const alts = [{described}];\n"
        '  input.addEventListener("input", function () {\n'
        "    const k = Number(input.value);\n"
        "    image.src = sources[k];\n"
        "    value.textContent = texts[k];\n"
        '    input.setAttribute("aria-valuetext", texts[k]);\n'
        "    image.alt = alts[k];\n"
        "  });\n"
        "})();\n"
        "</script>\n"
        "</div>"
    )
