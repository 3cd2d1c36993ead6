"""The book's own machinery, beside the ``activations`` library and apart from it.

- ``plotting``: the book's figure style (``plotting.use_style()``), one colour
  per activation, and the figures the chapters draw;
- ``widgets``: the interactive explorers, for JupyterLab, and ``sliders``,
  their precomputed twins that work on the static website;
- ``exercises``: the exercise checkers, one module a chapter;
- chapter helpers: ``linear`` (stacks of affine layers, chapter 1),
  ``descent`` (gradient-descent paths, chapter 2), ``slopes`` (average
  slopes under Gaussian inputs, chapter 2), ``comparison`` (the rules of the
  measured comparison and its stored tables, section 6.1), ``normalisation``
  (initialisation pairing and batch normalisation, 6.2), ``cost`` (time in
  copies of the input, 6.3 and the benchmarks), ``checklist`` (a network
  that does not train, 6.4), ``atlas`` (the activation atlas) and
  ``teaching`` (the lecturer's page).

A notebook imports what it uses, e.g. ``from textbook import plotting``.
This package is installed editable from the book's repository (``make
setup``); the files it reads are found once, here.
"""

from pathlib import Path


def _repository():
    """The book's repository: the folder above this package's project folder that holds _toc.yml."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "_toc.yml").is_file() and (folder / "experiments").is_dir():
            return folder
    raise ImportError(
        f"textbook: cannot find the book's repository above {here}; the textbook package reads the "
        "book's notebooks and stored results, so install it editable from a clone of the book "
        "(make setup) instead of copying it"
    )


ROOT = _repository()
# The stored experiment results that chapter 6 and the atlas read (written by experiments/*.py).
RESULTS = ROOT / "experiments" / "results"
