"""`make present`: the notebook served by Voila, as a lecturer starts it.

The fixture runs `make present NB=... PORT=... PRESENT_FLAGS=--no-browser` itself
(the venv already made: `-o` the stamp, so make installs nothing) and reads the
URL Voila prints: it must be on 127.0.0.1 and carry a token, and the server must
refuse a request without it. The page must show the apps and no code cell, raise
no JavaScript error and show no pop-up; the widget front end Voila serves must be
the locked one (ipywidgets' jupyterlab-manager of the installed jupyterlab_widgets,
ipyevents as locked in requirements/lock.txt). Then every control is operated and,
in 00, the Playground is clicked (see _drive.py).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from . import _drive
from .conftest import NOTEBOOKS, ROOT, SUMMARY, _free_port

pytestmark = pytest.mark.browser

#: the playground when it exists, else the first lesson (the app a lecturer projects)
PRESENTED = next((nb for stem in ("00_playground", "01_kmeans_on_blobs")
                  for nb in NOTEBOOKS if nb.stem == stem), None)
FONT_AWESOME_CDN = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@"
URL = re.compile(r"(http://[^\s/]+:\d+/)\?token=([0-9a-f]+)")


def _locked(name: str) -> str:
    found = re.search(rf"^{re.escape(name)}==([^\s;]+)", (ROOT / "requirements" / "lock.txt")
                      .read_text(), re.M)
    assert found, f"{name} is not in requirements/lock.txt"
    return found.group(1)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


@pytest.fixture(scope="module")
def present(artifacts):
    if PRESENTED is None:
        pytest.skip("neither 00_playground nor 01_kmeans_on_blobs is in notebooks/")
    stamp = Path(sys.prefix) / ".installed"
    log = artifacts / "voila.log"
    command = ["make", "--no-print-directory", "-o", str(stamp), "present",
               f"PYTHON={sys.executable}", f"NB={PRESENTED.relative_to(ROOT)}",
               f"PORT={_free_port()}", "PRESENT_FLAGS=--no-browser"]
    with open(log, "wb") as out:  # a session of its own, so the test ends make and Voila
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    deadline = time.monotonic() + 60
    try:
        while not (found := URL.search(log.read_text(errors="replace"))):
            if process.poll() is not None:
                pytest.fail(f"make present exited with code {process.returncode}: "
                            f"{log.read_text(errors='replace')[-1500:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"make present printed no URL within 60 s; see {log}")
            time.sleep(0.2)
        yield found.group(1), found.group(2)
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the session started above: make and Voila
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_present_serves_on_localhost_with_a_token(present):
    base, token = present
    assert base.startswith("http://127.0.0.1:"), f"Voila listens on {base}, not 127.0.0.1"
    assert len(token) >= 32, "the token is too short to guess-proof"
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None  # a redirect is an answer here (to the login page)

    opener = urllib.request.build_opener(NoRedirect)
    for path in ("", "api/kernels"):  # no token: sent to the login page, or refused
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(base + path, timeout=30)
        where = refused.value.headers.get("Location", "")
        refused.value.close()
        assert refused.value.code in (401, 403) or (
            refused.value.code == 302 and "/login" in where), (
            f"{base}{path} without the token answered {refused.value.code} {where}")


def test_present_serves_the_locked_widget_front_end(present):
    base, token = present
    page = _get(f"{base}?token={token}").decode()
    config = json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">'
                                  r"(.*?)</script>", page, re.S).group(1))
    served = {ext["name"]: ext for ext in config.get("federated_extensions", [])}
    assert "@jupyter-widgets/jupyterlab-manager" in served and "ipyevents" in served, (
        f"Voila does not load the widget front ends: {sorted(served)}")
    versions = {}
    for name in ("@jupyter-widgets/jupyterlab-manager", "ipyevents"):
        url = f"{base}voila/labextensions/{name}/package.json?token={token}"
        versions[name] = json.loads(_get(url))["version"]
    assert versions["ipyevents"] == _locked("ipyevents") == importlib.metadata.version("ipyevents")
    # jupyterlab-manager is the front end of ipywidgets, shipped by jupyterlab_widgets
    import jupyterlab_widgets

    shipped = Path(jupyterlab_widgets.__file__).parent / "labextension" / "package.json"
    if not shipped.exists():
        shipped = (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter-widgets"
                   / "jupyterlab-manager" / "package.json")
    assert versions["@jupyter-widgets/jupyterlab-manager"] == json.loads(shipped.read_text())["version"]
    assert _locked("jupyterlab-widgets") == importlib.metadata.version("jupyterlab_widgets")
    assert _locked("ipywidgets") == importlib.metadata.version("ipywidgets")


def test_present_shows_the_apps_and_they_answer(present, browser, artifacts):
    base, token = present
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []

    def route(r):
        if r.request.url.startswith((base, "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.monotonic()
    try:
        # Voila streams the page while the kernel runs the cells: "load" comes at the end
        page.goto(f"{base}?token={token}", wait_until="commit")
        page.wait_for_load_state("load", timeout=120_000)
        page.wait_for_function(
            "() => document.querySelector('img.widget-image, .jupyter-widgets-error-widget')",
            timeout=60_000)
        # Voila renders cell by cell: wait for the last output, then for the widgets
        page.wait_for_function("() => !document.querySelector('.voila-spinner, #loading') ||"
                               " getComputedStyle(document.querySelector('.voila-spinner, "
                               "#loading')).display === 'none'", timeout=60_000)
        broken = page.locator(".jupyter-widgets-error-widget")
        assert not broken.count(), f"{broken.count()} widget(s) failed to render in Voila"
        code = page.evaluate("""() => [...document.querySelectorAll(
            '.jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .jp-InputArea-editor')]
            .filter(el => el.getBoundingClientRect().height > 0).length""")
        assert code == 0, f"Voila shows {code} code cell(s); make present must show only outputs"
        apps = _drive.find_apps(page, _drive.VOILA_OUTPUTS)
        assert apps, "no app rendered in Voila"
        # the Playground first: its menus change how a click acts ("random" places centers)
        statuses = []
        if _drive.has_playground(page, _drive.VOILA_OUTPUTS):
            statuses = _drive.drive_playground(page, _drive.VOILA_OUTPUTS)
        moved = []
        for app in apps:
            moved += _drive.operate_controls(page, app)
        _drive.assert_no_toast(page, "make present (Voila)")
        assert not errors, f"JavaScript errors in Voila: {errors}"
        # Voila 0.5.13's lab template links Font Awesome's CSS from jsdelivr (icons of
        # ipywidgets' Play and icon buttons); blocked here, and the Playground's buttons are
        # text. Anything else from the network fails.
        fonts = [u for u in outside if u.startswith(FONT_AWESOME_CDN)]
        assert not [u for u in outside if u not in fonts], (
            f"Voila tried to reach the network: {outside}")
        SUMMARY.append(f"{PRESENTED.stem} in Voila (make present): {len(apps)} app(s), "
                       f"{len(moved)} control(s) moved, {max(len(statuses) - 1, 0)} Playground "
                       f"action(s); {time.monotonic() - started:.1f} s; "
                       f"{len(fonts)} Font Awesome CDN request(s) blocked")
    finally:
        try:
            page.screenshot(path=str(artifacts / f"{PRESENTED.stem}.voila.png"))
        except Exception as error:  # noqa: BLE001  (a failed screenshot must not hide the failure)
            print(f"no screenshot: {error}")
        context.close()
