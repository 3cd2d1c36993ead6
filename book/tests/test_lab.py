"""The notebooks as a student opens them locally: JupyterLab (`make lab`) in headless Chromium.

MyST must render there (jupyterlab-myst is in the lock), solutions must stay folded, and the
hidden cells that prove them must be folded too, showing only a first line that gives nothing
away. Skipped without Chromium, except in CI.
"""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from test_site import CHROMIUM_ARGS, _missing, browser  # noqa: F401 (a fixture)

from textbook import ROOT

NOTEBOOK = "01_linearity/1_collapse.ipynb"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab():
    port = _free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=", "--allow-root",
               f"--ServerApp.root_dir={ROOT / 'chapters'}", "--LabApp.news_url=",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _scroll_to(page, text):
    """Scroll the (windowed) notebook until a cell containing ``text`` is rendered; return that cell."""
    for _ in range(80):
        cell = page.locator(".jp-Cell", has_text=text)
        if cell.count():
            cell.first.scroll_into_view_if_needed()
            return cell.first
        page.evaluate("document.querySelector('.jp-WindowedPanel-outer').scrollTop += 600")
        time.sleep(0.3)
    raise AssertionError(f"no cell containing {text!r}")


def test_jupyterlab_renders_myst_and_keeps_solutions_folded(lab, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    try:
        page.goto(f"{lab}/lab/tree/{NOTEBOOK}")
        page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", timeout=90_000)
        # jupyterlab-myst renders the first cell's {admonition} as a box with a header
        header = page.locator(
            ".jp-MarkdownCell .myst .myst-admonition-header-text", has_text="You will learn"
        )
        header.first.wait_for(timeout=30_000)
        (ROOT / "_build" / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ROOT / "_build" / "screenshots" / "jupyterlab_top.png")

        solution = _scroll_to(page, "Solution")
        solution.locator(".myst-admonition").first.wait_for(timeout=30_000)
        assert not solution.get_by_text("np.block").first.is_visible(), "a solution is open"
        proof = _scroll_to(page, "# Hidden: proves the published solution passes")
        assert proof.locator(".jp-InputPlaceholder").count() == 1, "a hidden proof cell is not folded"
        assert "solution_augment" not in proof.inner_text()
        # let the markdown cells scrolled into view render before the picture is taken
        page.wait_for_timeout(3000)
        page.screenshot(path=ROOT / "_build" / "screenshots" / "jupyterlab_exercise.png")
    finally:
        page.close()
