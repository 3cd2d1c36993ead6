"""The book's own machinery, apart from what a student reads to learn.

- ``plotting``: the book's figure style (``plotting.use_style()``), one colour
  per activation, and the figures the chapters draw;
- ``widgets``: the interactive explorers, for JupyterLab, and ``sliders``,
  their precomputed twins that work on the static website;
- ``exercises``: the exercise checkers, one module a chapter;
- chapter helpers: ``linear`` (stacks of affine layers, chapter 1),
  ``descent`` (gradient-descent paths, chapter 2), ``slopes`` (average
  slopes under Gaussian inputs, chapter 2), ``comparison`` (the measured
  comparison and its stored tables, section 6.1), ``normalisation``
  (initialisation pairing and batch normalisation, 6.2), ``cost`` (time in
  copies of the input, 6.3 and the benchmarks), ``checklist`` (a network
  that does not train, 6.4), ``atlas`` (the activation atlas) and
  ``teaching`` (the lecturer's page).

None of them is imported by ``import activations``; a notebook imports what
it uses, e.g. ``from activations.book import plotting``.
"""

from pathlib import Path

# The repository (the package is installed editable from its src/ folder), and the folder of
# the stored experiment results that chapter 6 and the atlas read.
ROOT = Path(__file__).resolve().parents[3]
RESULTS = ROOT / "experiments" / "results"
