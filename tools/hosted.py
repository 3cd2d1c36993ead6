"""Running the notebooks without a clone: the install cell and the site's launch buttons.

    python tools/hosted.py           # write both from the settings in tools/shared.py
    python tools/hosted.py --check   # say what differs from the settings; exit 1 if anything does
    python tools/hosted.py --show    # print the install cell and the configuration the settings make

Two settings in tools/shared.py drive everything here:

- INSTALL_SOURCE, what `pip install` takes for the library. Every notebook's first code cell (hidden
  on the site, tag remove-cell) tries `import activations` and `import textbook`; where one fails (a
  notebook opened on Colab, or in a kernel without the book's packages) it installs the library from
  INSTALL_SOURCE, and clones REPOSITORY_URL for the book's textbook package, which reads the book's
  files and so needs a clone. While INSTALL_SOURCE is empty the cell prints one sentence saying how
  to install. Where both packages import, it prints nothing, so its stored output stays empty.
- REPOSITORY_URL, the book's repository on GitHub: Jupyter Book's `repository: url` and the launch
  buttons (Binder, which builds from binder/, and Colab) in _config.yml. While it is empty there is
  no launch button and no launch URL.

Run it under the notebooks' lock, since other tools edit the notebooks too:
`flock /tmp/notebooks.lock python tools/hosted.py`.
"""

import argparse
import json
import re
import sys
import textwrap

import nbformat
from shared import INSTALL_SOURCE, REPOSITORY_URL, ROOT

FIRST_LINE = "# Hidden: installs the book's packages where they are missing (on Colab, say)"
CLONE = "activations-book"
BINDERHUB_URL = "https://mybinder.org"
COLAB_URL = "https://colab.research.google.com"
# The block launch_config writes, or before it is first written, the launch buttons alone.
CONFIG_BLOCK = re.compile(
    r"^(?:# The repository and the launch buttons.*\n(?:#.*\n)*repository:\n(?:[ #].*\n)*\n)?"
    r"launch_buttons:\n(?:[ #].*\n)*",
    re.M,
)


def notebooks():
    """Every notebook of the book: the chapters' sections and the back matter."""
    return sorted((ROOT / "chapters").glob("*/*.ipynb")) + sorted((ROOT / "back").glob("*.ipynb"))


def how_to_install(repository=REPOSITORY_URL):
    """The one sentence a notebook prints when it cannot install the book's packages itself."""
    where = f"the book's repository ({repository})" if repository else "the book's repository"
    return (
        f"This notebook needs the book's two packages, activations and textbook: clone {where}, "
        "run `make setup` in it and open the notebook from the clone (its README says more)."
    )


def _quoted(text):
    """A Python string literal in double quotes, as ruff formats it."""
    return json.dumps(text, ensure_ascii=False)


def _print(text, indent):
    """A print of one sentence, its string split into pieces that fit a notebook's 79 columns."""
    pieces = textwrap.wrap(text, 79 - len(indent) - 6, drop_whitespace=False)
    return [f"{indent}print(", *(f"{indent}    {_quoted(p)}" for p in pieces), f"{indent})"]


def _assign(name, value, indent="    "):
    """`name = "value"`, parenthesised on lines of their own where it is too long, as ruff does."""
    line, inner = f"{indent}{name} = {_quoted(value)}", f"{indent}    {_quoted(value)}"
    return [f"{indent}{name} = (", inner, f"{indent})"] if len(line) > 79 >= len(inner) else [line]


def install_cell(source=INSTALL_SOURCE, repository=REPOSITORY_URL):
    """The source of the install cell that the settings make (as ruff formats it, in 79 columns).

    Where both packages import it deletes them again and binds nothing, so it prints nothing and
    leaves a reader's names as they were.
    """
    lines = [FIRST_LINE, "try:", "    import activations", "    import textbook", "except ImportError:"]
    if not source:
        lines += _print(how_to_install(repository), "    ")
    else:
        lines += ["    import importlib", "    import importlib.util"]
        lines += ["    import os"] if repository else []
        lines += ["    import subprocess", "    import sys", "", *_assign("source", source)]
        lines += _assign("repository", repository) if repository else []
        lines += [
            '    pip = [sys.executable, "-m", "pip", "install", "--quiet"]',
            "    subprocess.run([*pip, source], check=True)",
            '    if importlib.util.find_spec("textbook") is None:',
        ]
        if repository:
            lines += [
                f'        clone = ["git", "clone", "--depth=1", repository, "{CLONE}"]',
                f'        if not os.path.isdir("{CLONE}"):',
                "            subprocess.run(clone, check=True)",
                f'        book = os.path.abspath("{CLONE}/book")',
                '        subprocess.run([*pip, "--editable", book], check=True)',
                "        sys.path.insert(0, book)",
            ]
        else:
            lines += _print(how_to_install(repository), "        ")
        lines += ["    importlib.invalidate_caches()"]
    return "\n".join([*lines, "else:", "    del activations, textbook"])


def is_install_cell(cell):
    """Whether a cell is a notebook's install cell (whatever settings it was written with)."""
    return cell.cell_type == "code" and cell.source.startswith(FIRST_LINE)


def new_install_cell(source=INSTALL_SOURCE, repository=REPOSITORY_URL):
    """The install cell, hidden on the site and folded in JupyterLab, stored without output."""
    metadata = {"jupyter": {"source_hidden": True, "outputs_hidden": True}, "tags": ["remove-cell"]}
    cell = nbformat.v4.new_code_cell(install_cell(source, repository), metadata=metadata)
    cell.id = "install-packages"
    return cell


def with_install_cell(nb, source=INSTALL_SOURCE, repository=REPOSITORY_URL):
    """Put the install cell before the first code cell (replacing an old one); True if nb changed.

    Execution counts move up by one after it, as if the notebook had been run top to bottom with
    the install cell printing nothing (what nbval and `make notebooks` see).
    """
    code = [c for c in nb.cells if c.cell_type == "code"]
    wanted = install_cell(source, repository)
    if code and is_install_cell(code[0]):
        if code[0].source == wanted:
            return False
        code[0].source = wanted
        return True
    cell = new_install_cell(source, repository)
    cell.execution_count = 1 if any(c.execution_count for c in code) else None
    for other in code:
        if other.execution_count is not None:
            other.execution_count += 1
        for output in other.get("outputs", []):
            if output.get("execution_count") is not None:
                output.execution_count += 1
    nb.cells.insert(nb.cells.index(code[0]), cell)
    return True


def launch_config(repository=REPOSITORY_URL):
    """The YAML of _config.yml's repository and launch buttons that the settings make."""
    on = bool(repository)
    return (
        "# The repository and the launch buttons are written by tools/hosted.py from REPOSITORY_URL in\n"
        "# tools/shared.py: while it is empty there is no launch button.\n"
        "repository:\n"
        f'  url: "{repository}"\n'
        "  branch: main\n"
        "\n"
        "launch_buttons:\n"
        "  notebook_interface: jupyterlab\n"
        f'  binderhub_url: "{BINDERHUB_URL if on else ""}"\n'
        '  jupyterhub_url: ""\n'
        "  thebe: false\n"
        f'  colab_url: "{COLAB_URL if on else ""}"\n'
    )


def configured(text, repository=REPOSITORY_URL):
    """_config.yml's text with its repository and launch buttons as the settings make them."""
    blocks = CONFIG_BLOCK.findall(text)
    assert len(blocks) == 1, "_config.yml must have one launch_buttons block"
    return CONFIG_BLOCK.sub(lambda _: launch_config(repository), text)


def main():
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything differs")
    group.add_argument("--show", action="store_true", help="print what the settings make")
    args = parser.parse_args()
    if args.show:
        print(f"REPOSITORY_URL = {REPOSITORY_URL!r}\nINSTALL_SOURCE = {INSTALL_SOURCE!r}\n")
        print(f"_config.yml:\n{launch_config()}\ninstall cell:\n{install_cell()}")
        return 0
    stale = []
    config_path = ROOT / "_config.yml"
    text = config_path.read_text()
    if configured(text) != text:
        stale.append("_config.yml")
        if not args.check:
            config_path.write_text(configured(text))
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        if with_install_cell(nb):
            stale.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                nbformat.write(nb, path)
    verb = "differ from" if args.check else "rewritten from"
    print(f"{len(stale)} files {verb} the settings in tools/shared.py" + "".join(f"\n  {s}" for s in stale))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
