"""What a student finds on opening the package: one activation in one place, no side effects."""

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import activations as act


@pytest.mark.parametrize("f", act.ALL, ids=lambda f: f.name)
def test_getsource_shows_exactly_that_activation(f):
    source = inspect.getsource(f)
    assert source.startswith(f"class {type(f).__name__}(")
    assert f'name = "{f.name}"' in source
    assert "def function(" in source
    assert "def derivative(" in source


@pytest.mark.parametrize("f", act.ALL, ids=lambda f: f.name)
def test_function_and_derivative_take_the_same_settings(f):
    function = inspect.signature(f.function)
    derivative = inspect.signature(f.derivative)
    assert function == derivative
    assert set(f.defaults) == set(f.settings)


def test_settings_are_visible_in_the_signature():
    assert str(inspect.signature(act.leaky_relu)) == "(x, /, *, alpha=0.01)"
    assert str(inspect.signature(act.prelu)) == "(x, /, *, alpha)"
    assert str(inspect.signature(act.gelu)) == "(x, /, *, approximate='none')"
    assert str(inspect.signature(act.sigmoid)) == "(x, /)"


def test_no_module_shadows_the_standard_library():
    names = {m.name.rsplit(".", 1)[-1] for m in pkgutil.walk_packages(act.__path__, "activations.")}
    assert not names & set(sys.stdlib_module_names)


def test_importing_the_package_leaves_matplotlib_alone():
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); "
        "import activations, activations.book.plotting, activations.book.widgets; "
        "assert dict(mpl.rcParams) == before, 'rcParams changed'; "
        "activations.book.plotting.use_style(); assert mpl.rcParams['axes.grid']"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_core_does_not_import_the_book():
    code = "import sys, activations; assert not any(m.startswith('activations.book') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


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
def test_book_modules_live_in_the_book_subpackage(name):
    assert importlib.import_module(f"activations.book.{name}")
    assert not hasattr(act, name)


def test_every_module_the_package_imports_is_a_declared_dependency():
    """`pip install .` must bring everything `import activations.<anything>` needs."""
    import ast
    import re
    from importlib.metadata import packages_distributions
    from pathlib import Path

    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later
    root = Path(__file__).resolve().parents[1]
    declared = tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
    normalise = lambda name: re.sub(r"[-_.]+", "-", name).lower()  # noqa: E731
    declared = {normalise(re.match(r"[A-Za-z0-9_.-]+", d).group()) for d in declared}
    imported = set()
    for path in (root / "src" / "activations").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"activations"}
    assert third_party >= {"numpy", "scipy", "matplotlib"}  # the walk found the imports
    providers = packages_distributions()
    undeclared = {m for m in third_party if not {normalise(d) for d in providers.get(m, [])} & declared}
    assert not undeclared, f"imported by src/activations but not in pyproject's dependencies: {undeclared}"
