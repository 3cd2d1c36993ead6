"""The book's machinery sits beside the activations library: importable on its own, outside it."""

import importlib
import subprocess
import sys

import pytest

import activations as act


@pytest.mark.parametrize(
    "name",
    [
        "plotting",
        "widgets",
        "exercises",
        "linear",
        "descent",
        "slopes",
        "comparison",
        "normalisation",
        "cost",
        "checklist",
        "atlas",
        "teaching",
        "sliders",
    ],
)
def test_book_modules_live_in_the_textbook_package_not_the_library(name):
    assert importlib.import_module(f"textbook.{name}")
    assert not hasattr(act, name)


def test_importing_the_book_leaves_matplotlib_alone_until_its_style_is_asked_for():
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); "
        "import activations, textbook.plotting, textbook.widgets; "
        "assert dict(mpl.rcParams) == before, 'rcParams changed'; "
        "textbook.plotting.use_style(); assert mpl.rcParams['axes.grid']"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
