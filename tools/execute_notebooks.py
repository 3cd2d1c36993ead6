"""Execute every notebook (chapters, then back matter) in a fresh kernel and print how long each takes.

    python tools/execute_notebooks.py           # time them; the stored notebooks are untouched
    python tools/execute_notebooks.py --write   # also store the new outputs (after editing a notebook)
    python tools/execute_notebooks.py --write chapters/04_softmax/2_cross_entropy.ipynb  # only these

The book never executes notebooks itself: what is stored is what the site shows,
and nbval (in `make test`) proves that the stored outputs are what the code
produces today. `--write` is how outputs are refreshed.
"""

import os
import platform
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from shared import ROOT

# The kernels inherit this: OpenBLAS's Haswell kernels on every x86-64 CPU, as in the Makefile and
# conftest.py, so that stored outputs do not depend on which CPU stored them.
if platform.machine() in ("x86_64", "AMD64"):
    os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")


def execute(path, write):
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    resources = {"metadata": {"path": str(path.parent)}}  # run in the notebook's folder
    NotebookClient(nb, kernel_name="python3", timeout=120, resources=resources).execute()
    seconds = time.perf_counter() - start
    if write:
        nb.metadata.pop("widgets", None)  # widget state would make the site load a widget manager
        nbformat.write(nb, path)
    return seconds


def main():
    write = "--write" in sys.argv[1:]
    paths = [Path(arg).resolve() for arg in sys.argv[1:] if arg != "--write"]
    if not paths:
        paths = sorted((ROOT / "chapters").glob("*/*.ipynb")) + sorted((ROOT / "back").glob("*.ipynb"))
    total = 0.0
    print(f"{'notebook':<45} {'seconds':>8}")
    for path in paths:
        seconds = execute(path, write)
        total += seconds
        print(f"{path.relative_to(ROOT).as_posix():<45} {seconds:8.1f}")
    print(f"{'total':<45} {total:8.1f}")


if __name__ == "__main__":
    main()
