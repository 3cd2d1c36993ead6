"""Sliders that work on the static website: a widget's figure precomputed at several settings.

The website has no Python kernel, so an ipywidgets explorer is dead there.
:func:`slider` runs an explorer from :mod:`textbook.widgets` at each
value of one of its controls, keeps each figure as a PNG, and returns HTML:
a labelled ``<input type="range">`` (keyboard-operable, showing its current
value) and an image that a few lines of inline JavaScript swap when the
slider moves. Nothing is fetched from outside the page, and the output is
deterministic (the element ids come from the ``name`` argument), so nbval
compares it like any other output.
"""

import base64
import html
import io

from IPython.display import HTML


def frames(explorer, control, values, dpi=80):
    """PNG bytes of ``explorer``'s figure with ``control`` set to each of ``values``."""
    if control not in explorer.controls:
        raise ValueError(
            f"slider: the explorer has no control {control!r}; it has {', '.join(explorer.controls)}"
        )
    images = []
    for value in values:
        buffer = io.BytesIO()
        explorer.draw(**{control: value}).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        images.append(buffer.getvalue())
    return images


def slider(name, explorer, control, values, label, fmt="{:g}", start=0, args=()):
    """An HTML slider over ``values`` of a control of an explorer, showing one precomputed figure each.

    ``explorer`` is an explorer class of :mod:`textbook.widgets`, built
    here with ``args``; only its figure is used, never its widget, so nothing
    else lands in the notebook's output. ``name`` makes the element ids
    (letters, digits and hyphens); ``label`` names the control for readers and
    screen readers; ``start`` is the index shown first.
    """
    if not name.replace("-", "").isalnum():
        raise ValueError(f"slider: name must be letters, digits and hyphens, got {name!r}")
    if not 0 <= start < len(values):
        raise ValueError(f"slider: start {start} is not an index of the {len(values)} values")
    pngs = [base64.b64encode(png).decode("ascii") for png in frames(explorer(*args), control, values)]
    texts = [fmt.format(v) for v in values]
    ident = f"slider-{name}"
    sources = ",".join(f'"data:image/png;base64,{png}"' for png in pngs)
    shown = ",".join(f'"{html.escape(t)}"' for t in texts)
    return HTML(
        f'<div class="book-slider" id="{ident}">\n'
        f'<label for="{ident}-input">{html.escape(label)}: '
        f'<output id="{ident}-value" for="{ident}-input">{html.escape(texts[start])}</output></label>\n'
        f'<input type="range" id="{ident}-input" min="0" max="{len(values) - 1}" step="1" '
        f'value="{start}" aria-valuetext="{html.escape(texts[start])}" style="width: 60%; display: block;">\n'
        f'<img id="{ident}-image" alt="{html.escape(label)} = {html.escape(texts[start])}" '
        f'src="data:image/png;base64,{pngs[start]}" style="max-width: 100%;">\n'
        "<script>\n"
        "(function () {\n"
        f'  const input = document.getElementById("{ident}-input");\n'
        f'  const image = document.getElementById("{ident}-image");\n'
        f'  const value = document.getElementById("{ident}-value");\n'
        f"  const sources = [{sources}];\n"
        f"  const texts = [{shown}];\n"
        '  input.addEventListener("input", function () {\n'
        "    const k = Number(input.value);\n"
        "    image.src = sources[k];\n"
        "    value.textContent = texts[k];\n"
        '    input.setAttribute("aria-valuetext", texts[k]);\n'
        f'    image.alt = "{html.escape(label)} = " + texts[k];\n'
        "  });\n"
        "})();\n"
        "</script>\n"
        "</div>"
    )
