"""Fixtures for the browser tests: a real JupyterLab and a headless Chromium.

JupyterLab is started the way JupyterLab's own UI-test tool (Galata) starts it:
on 127.0.0.1, a free port, a fresh token (authentication stays on), temporary
workspaces and settings folders, no update checks, no news, and the notebook's
``windowingMode`` set to "none" so every cell and widget is in the page. The
server's kernel ``execution_state`` (which the tests trust more than the page)
ignores the kernel's subshell requests, and comms do not use subshells (see
SUBSHELL_MESSAGES). It
serves a temporary copy of notebooks/, so running the cells never touches the
committed notebooks.

Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright. Without it,
these tests are skipped with the command to install it; when the environment
variable ``CI`` is set, they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# KT_NOTEBOOKS_DIR: run the harness on other notebooks (to try it on a draft lesson)
NOTEBOOK_DIR = Path(os.environ.get("KT_NOTEBOOKS_DIR", ROOT / "notebooks")).resolve()
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
ARTIFACTS = Path(os.environ.get("KT_ARTIFACTS", ROOT / "build" / "test-artifacts"))
NODE_MODULES = ROOT / "web" / "node_modules"
CHROMIUM = os.environ.get("KT_CHROMIUM", "/usr/bin/chromium")
INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]

#: one line per notebook, printed at the end of the run (see pytest_terminal_summary)
SUMMARY: list[str] = []
#: one line per page reload made to recover a stalled run (see test_lab._reload)
RELOADS: list[str] = []
#: the notebooks whose JupyterLab test started (so "no reloads" is printed after failures too)
STARTED: list[str] = []


def missing(what: str, how: str):
    """Skip, or fail under CI, because ``what`` is not installed."""
    message = f"{what} not found; install it with: {how}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this fails instead of skipping)")
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("browser: key press to new image, per notebook")
        for line in SUMMARY:
            terminalreporter.write_line(line)
    if STARTED:  # printed even when there were none, so "none" is visible
        terminalreporter.section(f"browser: page reloads ({len(RELOADS)})")
        for line in RELOADS or [f"none in {len(STARTED)} notebook(s)"]:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        missing(f"Chromium ({CHROMIUM})", INSTALL_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def node_modules() -> Path:
    if not (NODE_MODULES / "axe-core").exists():
        missing("web/node_modules", "make node_modules")
    return NODE_MODULES


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: requests the kernel answers on its control channel, beside the main shell: their
#: busy/idle status says nothing about the running cell (ipykernel issue 799).
#: jupyter_server already leaves debug_request and kernel_info_request out of the
#: kernel's execution_state, but not the subshell requests, so after JupyterLab's
#: create/delete_subshell_request GET /api/kernels/<id> said "idle" during a long cell
#: (and so did the page, which takes the same list from the server).
SUBSHELL_MESSAGES = [f"{verb}_subshell_{kind}" for verb in ("create", "delete", "list")
                     for kind in ("request", "reply")]


def _write_server_config(folder: Path):
    """Server config: execution_state follows the main shell only (see SUBSHELL_MESSAGES)."""
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    untracked = MappingKernelManager.class_traits()["untracked_message_types"].default()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "jupyter_server_config.json").write_text(json.dumps(
        {"MappingKernelManager": {"untracked_message_types": untracked + SUBSHELL_MESSAGES}}))


def make_lab_settings() -> dict:
    """The settings `make lab` and `make present` put in the venv (the Makefile's LAB_SETTINGS).

    Read from the Makefile, so the browser tests run with exactly the lecture defaults
    a user gets (no news or update pop-ups; comms not over subshells), and a test that
    finds no news toast proves those settings, not a copy of them.
    """
    found = re.search(r"^define LAB_SETTINGS\n(.*?)\nendef$", (ROOT / "Makefile").read_text(),
                      re.M | re.S)
    assert found, "the Makefile no longer defines LAB_SETTINGS (the lecture defaults)"
    # "plugin-id:plugin" in settings files; user settings are stored as plugin-id/plugin
    return {key.replace(":", "/"): value for key, value in json.loads(found.group(1)).items()}


def _write_settings(folder: Path):
    """User settings that make JupyterLab quiet and fully rendered (as Galata sets them)."""
    settings = {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        # as `make lab` sets them (settings/overrides.d/kmeans-teach.json in the venv):
        # no news or update checks, and comm messages go to the main shell, not to
        # subshells, whose create/delete requests report the kernel "idle" while a cell
        # still runs (see SUBSHELL_MESSAGES)
        **make_lab_settings(),
    }
    for plugin, values in settings.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


class Lab:
    """A running JupyterLab server."""

    def __init__(self, url: str, token: str, root: Path, process, log: Path):
        self.url, self.token, self.root, self.process, self.log = url, token, root, process, log

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method,
            headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_state(self, path: str) -> str:
        """The server's execution_state of the kernel of the notebook at ``path``.

        The server reads it from the kernel's own status messages, over its own
        connection, so it does not depend on what the page has received.
        """
        try:
            for session in self.api("/api/sessions"):
                if session["path"].endswith(path) and session.get("kernel"):
                    kernel = self.api(f"/api/kernels/{session['kernel']['id']}")
                    return kernel["execution_state"]
        except OSError as error:  # a timeout: 07's timing cells once starved the server 10 s
            return f"no answer ({error})"
        return "no kernel"

    def shutdown_kernels(self):
        for session in self.api("/api/sessions"):
            self.api(f"/api/sessions/{session['id']}", method="DELETE")


@pytest.fixture(scope="session")
def lab(tmp_path_factory, artifacts, browser):
    yield from serve(tmp_path_factory, artifacts, "lab")


def serve(tmp_path_factory, artifacts, name):
    """Start a Jupyter server (JupyterLab and Notebook 7) on a copy of the notebooks.

    A generator for a fixture: yields the running server, stops it after. The
    Notebook 7 tests get a server of their own (``name``): after JupyterLab ran
    on the same server, Notebook 7 raised "Command 'filebrowser:open-path' not
    registered" on opening a notebook (found in make test; a fresh server does not).
    """
    tmp = tmp_path_factory.mktemp(name)
    root = tmp / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    _write_settings(tmp / "settings")
    _write_server_config(tmp / "config")  # the JUPYTER_CONFIG_DIR below
    port, token = _free_port(), secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
        f"--LabApp.user_settings_dir={tmp / 'settings'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp, to run commands
        # the same server also serves the Notebook 7 interface (/tree, /notebooks/...:
        # the notebook package's server extension), with the same quiet settings
        f"--JupyterNotebookApp.workspaces_dir={tmp / 'workspaces'}",
        f"--JupyterNotebookApp.user_settings_dir={tmp / 'settings'}",
        "--JupyterNotebookApp.expose_app_in_browser=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_PLATFORM_DIRS="1")
    log = artifacts / f"{name}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                                   cwd=tmp)
    server = Lab(f"http://127.0.0.1:{port}", token, root, process, log)
    deadline = time.monotonic() + 90
    while True:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with code {process.returncode}; see {log}")
        try:
            server.api("/api/status")
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"JupyterLab did not answer within 90 s; see {log}")
            time.sleep(0.3)
    yield server
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stored_frames(notebook) -> int:
    """How many app frames (Image widgets) the notebook's saved widget state holds.

    A page draws them from that state; a notebook whose only widgets are progress
    bars (lesson 10 has no app) holds none, and its page has nothing to wait for.
    """
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return sum(m["model_name"] == "ImageModel" for m in state.get("state", {}).values())


#: JavaScript: true once the page's widgets are drawn (at least n app frames, or an error)
WIDGETS_DRAWN = ("(n) => document.querySelector('.jupyter-widgets-error-widget') || "
                 "(document.querySelector('.jupyter-widgets') && "
                 "document.querySelectorAll('img.widget-image').length >= n)")

