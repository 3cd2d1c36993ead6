"""What a student finds on opening the package: one activation in one place, no side effects."""

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


def test_importing_the_package_imports_no_plotting_and_no_book():
    code = (
        "import sys, activations, activations.nn, activations.data, activations.gradcheck; "
        "loaded = {m.split('.')[0] for m in sys.modules}; "
        "assert not loaded & {'matplotlib', 'textbook', 'IPython', 'ipywidgets', 'sklearn'}, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_module_the_package_imports_is_a_declared_dependency():
    """Installing the package brings everything `import activations.<anything>` needs.

    Read from the installed copy's own metadata: imports at the top of a module must be
    dependencies; an import inside a function (scikit-learn, for the digits) may be an extra.
    """
    import ast
    import re
    from importlib.metadata import packages_distributions, requires
    from pathlib import Path

    normalise = lambda name: re.sub(r"[-_.]+", "-", name).lower()  # noqa: E731
    required, extras = set(), set()
    for requirement in requires("activations"):
        name = normalise(re.match(r"[A-Za-z0-9_.-]+", requirement).group())
        (extras if "extra ==" in requirement else required).add(name)
    top, inside = set(), set()
    for path in Path(act.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = {node.module.split(".")[0]}
            else:
                continue
            (top if node in tree.body else inside).update(names)
    standard = set(sys.stdlib_module_names) | {"activations"}
    providers = packages_distributions()
    provided = lambda module: {normalise(d) for d in providers.get(module, [])}  # noqa: E731
    assert top - standard == {"numpy", "scipy"}
    assert not {m for m in top - standard if not provided(m) & required}
    assert not {m for m in inside - standard if not provided(m) & (required | extras)}
