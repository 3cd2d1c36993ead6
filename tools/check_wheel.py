"""Build the activations library as a wheel and an sdist, install the wheel alone and test it there.

    python tools/check_wheel.py        # or: make wheel (part of make test)

1. Builds _build/dist/activations-<version>-py3-none-any.whl and the .tar.gz from pyproject.toml.
2. Checks the wheel holds the library and nothing of the book (no textbook, notebooks, results or
   tests), and that its Requires-Dist is NumPy and SciPy, with scikit-learn only as an extra.
3. Creates a fresh virtual environment (_build/wheel-venv), installs the wheel non-editable with
   its test extra, at the versions of requirements.txt, and nothing of the book.
4. Runs the library's tests (tests/) and the doctests of the installed copy there, from outside
   the repository, after checking that ``import activations`` finds the installed copy.
"""

import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

from shared import ROOT

DIST = ROOT / "_build" / "dist"
ENV = ROOT / "_build" / "wheel-venv"


def build():
    for stale in (DIST, ROOT / "build", ROOT / "src" / "activations.egg-info"):
        shutil.rmtree(stale, ignore_errors=True)
    DIST.mkdir(parents=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    wheel = [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", DIST, ROOT]
    subprocess.run(wheel, check=True)
    code = f"from setuptools import build_meta; build_meta.build_sdist({str(DIST)!r})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    for scratch in (ROOT / "build", ROOT / "src" / "activations.egg-info"):
        shutil.rmtree(scratch, ignore_errors=True)
    (wheel,) = DIST.glob("activations-*.whl")
    (sdist,) = DIST.glob("activations-*.tar.gz")
    return wheel, sdist


def check_contents(wheel, sdist):
    names = zipfile.ZipFile(wheel).namelist()
    version = re.search(r"activations-([^-]+)-", wheel.name).group(1)
    info = f"activations-{version}.dist-info/"
    outside = [n for n in names if not n.startswith(("activations/", info))]
    assert not outside, f"the wheel holds files outside the library: {outside}"
    book = [n for n in names if re.search(r"textbook|\.ipynb$|\.csv$|/tests?/|conftest", n)]
    assert not book, f"the wheel holds something of the book: {book}"
    metadata = zipfile.ZipFile(wheel).read(info + "METADATA").decode()
    requires = re.findall(r"^Requires-Dist: (.+)$", metadata, flags=re.M)
    plain = sorted(re.match(r"[A-Za-z0-9_.-]+", r).group() for r in requires if "extra ==" not in r)
    assert plain == ["numpy", "scipy"], f"the library's dependencies are {plain}"
    sdist_names = tarfile.open(sdist).getnames()
    assert not [n for n in sdist_names if "textbook" in n or n.endswith(".ipynb")], "the sdist holds the book"
    print(f"{wheel.name}: {len(names)} files")
    for name in names:
        print(f"  {name}")
    print("Requires-Dist:")
    for requirement in requires:
        print(f"  {requirement}")
    print(f"{sdist.name}: {len(sdist_names)} entries, the library's tests included")


def install(wheel):
    shutil.rmtree(ENV, ignore_errors=True)
    venv.EnvBuilder(with_pip=True).create(ENV)
    python = ENV / "bin" / "python"
    pip = [python, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    subprocess.run([*pip, "-c", ROOT / "requirements.txt", f"{wheel}[test,digits]"], check=True)
    return python


def run_tests(python):
    where = subprocess.run(
        [python, "-c", "import activations; print(activations.__file__, activations.__version__)"],
        cwd=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert Path(where[0]).is_relative_to(ENV), f"import activations found {where[0]}, not the wheel"
    print(f"import activations: {where[0]} (version {where[1]})")
    freeze = [python, "-m", "pip", "freeze"]
    freeze = subprocess.run(freeze, check=True, capture_output=True, text=True).stdout
    assert "textbook" not in freeze and "matplotlib" not in freeze, "the book's packages are in the venv"
    # From outside the repository: the tests are given by path, the library comes from the venv.
    # pyproject.toml's settings: --doctest-modules, warnings as errors
    settings = ["-c", ROOT / "pyproject.toml", "-p", "no:cacheprovider"]
    command = [python, "-m", "pytest", "-q", *settings, ROOT / "tests"]
    subprocess.run([*command, "--pyargs", "activations"], cwd=ENV, check=True)


def main():
    wheel, sdist = build()
    check_contents(wheel, sdist)
    run_tests(install(wheel))


if __name__ == "__main__":
    main()
