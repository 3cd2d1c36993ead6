"""Binder's environment, built from binder/ the way repo2docker builds it, runs every notebook.

repo2docker (what mybinder.org runs) reads only binder/ when a repository has that folder: it
takes the Python version from runtime.txt (`python-x.y`), runs `pip install --no-cache-dir -r
binder/requirements.txt` from the repository's root (that file includes the lock, requirements.txt),
then `./binder/postBuild` (the library and the textbook package, editable), and starts every
session through `binder/start`. This test does the same in a fresh virtual environment,
_build/binder-venv, and runs nbval over every notebook of the table of contents in it, with the
flags of `make pytest`. The environment is rebuilt only when binder/, the lock, a pyproject.toml
or the Python version changed (a stamp holds their hash). Where the Python here is not the one
runtime.txt names, the test skips, except in CI, where it fails.
"""

import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_site import _missing
from tools.shared import toc_files

from textbook import ROOT

BINDER = ROOT / "binder"
VENV = ROOT / "_build" / "binder-venv"
NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "book/tests/nbval_sanitize.cfg"]


def _lock_python():
    """The Python version the lock was resolved on, from requirements.txt's header (e.g. 3.11.7)."""
    found = re.search(
        r"^# Python (\d+\.\d+\.\d+) by 'make lock'", (ROOT / "requirements.txt").read_text(), re.M
    )
    assert found, "requirements.txt's header does not say which Python resolved the lock"
    return found.group(1)


def _python(version):
    """The major.minor of a version string."""
    return ".".join(version.split(".")[:2])


def clean_env(venv):
    """The environment of a process run in `venv`, as if it were the only Python on the PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def build_venv(venv, inputs, steps):
    """A fresh venv at `venv`, set up by `steps` (commands run in it from the repository's root).

    It is rebuilt only when a file of `inputs`, a step or the Python version changed: a stamp in
    the venv holds their hash. Returns the seconds the build took (0 when nothing changed).
    """
    digest = hashlib.sha256(platform.python_version().encode())
    for path in inputs:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(repr(steps).encode())
    stamp = venv / ".stamp"
    if stamp.is_file() and stamp.read_text() == digest.hexdigest():
        return 0.0
    start = time.perf_counter()
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    for step in steps:
        run = subprocess.run(step, cwd=ROOT, env=clean_env(venv), capture_output=True, text=True)
        assert run.returncode == 0, f"{' '.join(step)} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    stamp.write_text(digest.hexdigest())
    return time.perf_counter() - start


def test_runtime_txt_pins_the_python_the_lock_was_resolved_on():
    # repo2docker takes x.y only (it picks the patch release), so the lock's 3.11.7 is python-3.11
    assert (BINDER / "runtime.txt").read_text() == f"python-{_python(_lock_python())}\n"


def test_binder_installs_the_lock_and_the_packages_as_make_setup_does():
    lines = [line for line in (BINDER / "requirements.txt").read_text().splitlines() if line[:1] not in "#"]
    assert lines == ["-r ../requirements.txt"], "binder/requirements.txt is the lock, nothing else"
    post_build = (BINDER / "postBuild").read_text()
    assert post_build.startswith("#!/bin/bash\n") and "set -euo pipefail" in post_build
    makefile = (ROOT / "Makefile").read_text()
    assert "--no-deps --no-build-isolation -e . -e book" in makefile
    assert "--no-deps --no-build-isolation -e . -e book" in post_build
    for name in ("postBuild", "start"):
        assert os.access(BINDER / name, os.X_OK), f"binder/{name} must be executable"
    assert (BINDER / "start").read_text().rstrip().endswith('exec "$@"')
    assert not (ROOT / ".binder").exists(), "repo2docker refuses both binder/ and .binder/"


@pytest.fixture(scope="module")
def binder_venv():
    if _python(platform.python_version()) != _python(_lock_python()):
        wanted, here = _python(_lock_python()), platform.python_version()
        _missing(f"Binder runs Python {wanted} (binder/runtime.txt); this is {here}")
    inputs = [
        *sorted(BINDER.iterdir()),
        ROOT / "requirements.txt",
        ROOT / "pyproject.toml",
        ROOT / "book/pyproject.toml",
    ]
    steps = [
        ["python", "-m", "pip", "install", "--no-cache-dir", "--quiet", "-r", "binder/requirements.txt"],
        ["./binder/postBuild"],
    ]
    seconds = build_venv(VENV, inputs, steps)
    print(f"Binder environment: installed in {seconds:.0f} s" if seconds else "Binder environment: unchanged")
    return VENV


def test_the_binder_environment_has_the_packages_from_this_repository(binder_venv):
    code = "import activations, textbook; print(activations.__file__); print(textbook.ROOT)"
    run = subprocess.run(
        ["python", "-c", code],
        cwd="/",
        env=clean_env(binder_venv),
        capture_output=True,
        text=True,
        check=True,
    )
    library, root = run.stdout.split()
    assert Path(library) == ROOT / "src" / "activations" / "__init__.py"
    assert Path(root) == ROOT


def test_every_notebook_passes_nbval_in_the_binder_environment(binder_venv):
    notebooks = [f"{name}.ipynb" for name in toc_files() if (ROOT / f"{name}.ipynb").exists()]
    assert len(notebooks) >= 20
    command = ["./binder/start", "python", "-m", "pytest", *NBVAL, "-p", "no:cacheprovider", "-q", *notebooks]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, env=clean_env(binder_venv), capture_output=True, text=True)
    print(f"nbval in the Binder environment: {time.perf_counter() - start:.0f} s")
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    assert re.search(r"\b\d+ passed\b", run.stdout) and " failed" not in run.stdout
