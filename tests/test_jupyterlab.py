"""Chapters 2 and 3 as a reader meets them in JupyterLab: Run All, then move a slider.

A JupyterLab server (the ``jupyterlab`` pinned in requirements.txt) is started on
127.0.0.1 with a random token, serving a scratch copy of the reader notebooks
(``notebooks/``); Debian's Chromium, through Playwright, opens a chapter on a laptop-sized
window, runs all its cells, waits for the kernel, and checks: no cell shows an error or
writes to stderr, every player is drawn at its natural size (not stretched to the page)
and fits the window, and moving a slider with the keyboard redraws the picture.  The
server is stopped at the end.  Screenshots land in ``_build/jupyterlab/``.

Chromium comes from the session's ``browser`` fixture (tests/conftest.py): without it the
test is skipped with the reason; ``GCNN_TEACH_REQUIRE_BROWSER=1`` (set by ``.ci/run``)
makes that a failure.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import browser_support as bs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "_build" / "jupyterlab"
LAPTOP = {"width": 1366, "height": 768}
CHAPTERS = ["part1/02_what_is_equivariance.ipynb", "part1/03_translation_equivariance.ipynb"]
RUN_TIMEOUT_S = 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """``(url, token)`` of a JupyterLab serving a scratch copy of notebooks/; stopped afterwards."""
    home = tmp_path_factory.mktemp("lab")
    root = home / "notebooks"
    shutil.copytree(ROOT / "notebooks", root)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
    env.pop("GCNN_TEACH_STATIC", None)  # a reader's kernel: live sliders
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    labconfig = home / "config" / "labconfig"  # no "news" notification over the notebook
    labconfig.mkdir(parents=True)
    (labconfig / "page_config.json").write_text(
        '{"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}}')
    log = open(home / "lab.log", "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"JupyterLab did not start: {(home / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.5)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


# JavaScript run in the page, through the application JupyterLab exposes (expose_app_in_browser)
# the chapter's notebook panel, found by its path (not "the current widget", which a restored
# layout may change under the test)
NOTEBOOK = ("Array.from(window.jupyterapp.shell.widgets('main'))"
            ".find(w => w.context && w.context.path === window.gcnnChapter)")
STATE = f"""() => {{
  const panel = {NOTEBOOK};
  if (!panel || !panel.content || !panel.sessionContext.session) return null;
  const cells = panel.content.widgets.filter(c => c.model.type === "code");
  const outputs = cells.flatMap(c => c.model.outputs.toJSON());
  return {{
    kernel: panel.sessionContext.session.kernel ? panel.sessionContext.session.kernel.status : "none",
    cells: cells.length,
    pending: cells.filter(c => c.model.executionCount === null).map(c => panel.content.widgets.indexOf(c)),
    errors: outputs.filter(o => o.output_type === "error").map(o => o.ename + ": " + o.evalue),
    stderr: outputs.filter(o => o.output_type === "stream" && o.name === "stderr").map(o => o.text),
    images: outputs.filter(o => o.data && o.data["image/png"]).length,
  }};
}}"""


def _open_and_run_all(page, url: str, token: str, chapter: str) -> dict:
    # a workspace of its own, reset: only this chapter open
    page.goto(f"{url}/lab/workspaces/{Path(chapter).stem}/tree/{chapter}?reset&token={token}")
    page.wait_for_function("() => !!window.jupyterapp", timeout=120_000)
    page.evaluate("path => { window.gcnnChapter = path; }", chapter)
    page.wait_for_function(f"() => {{ const p = {NOTEBOOK}; return p && p.sessionContext.session && "
                           "p.sessionContext.session.kernel && p.sessionContext.session.kernel.status === 'idle'; }",
                           timeout=120_000)
    run_all = (f"() => {{ const p = {NOTEBOOK}; window.jupyterapp.shell.activateById(p.id);"
               " return window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.evaluate(run_all)
    # done when every cell has run, or when one failed (Run All stops there)
    start = time.monotonic()
    deadline, state, started = start + RUN_TIMEOUT_S, None, False
    while time.monotonic() < deadline:
        page.wait_for_timeout(1000)
        state = page.evaluate(STATE)
        started = started or state["kernel"] != "idle" or len(state["pending"]) < state["cells"]
        if started and state["kernel"] == "idle" and (not state["pending"] or state["errors"]):
            return state
        if not started and time.monotonic() > start + 20:
            pytest.fail(f"{chapter}: Run All started nothing in 20 s; state {state}")
    page.screenshot(path=str(SHOTS / f"{Path(chapter).stem}-timeout.png"))
    pytest.fail(f"{chapter}: Run All did not finish in {RUN_TIMEOUT_S} s; last state {state}")


def _picture(slider_handle) -> str:
    return slider_handle.evaluate(
        "h => { const box = h.closest('.widget-vbox'); const img = box && box.querySelector('img');"
        " return img ? img.src : ''; }")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_in_jupyterlab_and_its_slider_redraws(browser, lab, chapter):
    url, token = lab
    context = browser.new_context(viewport=LAPTOP, device_scale_factor=2)
    page = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = Path(chapter).stem
    try:
        state = _open_and_run_all(page, url, token, chapter)
        page.screenshot(path=str(SHOTS / f"{name}-run.png"))
        assert state["errors"] == [], f"{chapter}: cells show errors {state['errors']}"
        assert state["stderr"] == [], f"{chapter}: cells wrote to stderr {state['stderr']}"
        assert state["images"] > 0, f"{chapter}: no figure drawn"

        handle = page.locator(".widget-slider .noUi-handle, .widget-slider input[type=range]").first
        handle.scroll_into_view_if_needed()
        box = handle.evaluate_handle("h => h.closest('.widget-vbox')")
        image = box.evaluate_handle("b => b.querySelector('img')")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image, timeout=60_000)
        shown, natural = image.evaluate("img => [img.getBoundingClientRect().width, img.naturalWidth]")
        # drawn at twice its size for sharpness, shown at its natural size: never stretched
        assert shown <= natural / 2 + 1, f"{chapter}: the player's picture is stretched ({shown} px for {natural} px)"
        player_height = box.evaluate("b => b.getBoundingClientRect().height")
        assert player_height <= LAPTOP["height"] - 60, f"{chapter}: the player is {player_height} px tall"
        label = box.evaluate("b => b.querySelector('.widget-label, label').textContent")
        assert label.strip() and label.strip() != "frame", f"{chapter}: the slider is labelled {label!r}"
        page.screenshot(path=str(SHOTS / f"{name}-before.png"))

        before = _picture(handle)
        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([h, before]) => { const img = h.closest('.widget-vbox').querySelector('img');"
            " return img && img.src !== before; }", arg=[handle.element_handle(), before], timeout=60_000)
        page.screenshot(path=str(SHOTS / f"{name}-after.png"))
        after = page.evaluate(STATE)
        assert after["errors"] == [] and after["stderr"] == [], f"{chapter}: moving the slider gave {after}"
    finally:
        context.close()
