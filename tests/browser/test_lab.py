"""Every notebook in a real JupyterLab: run all cells, then drive every app by keyboard.

For each notebook in notebooks/ (the list is read when the tests are collected,
so new lessons are covered as they land): restart the kernel and run all cells;
no cell may end with an error output and the page may raise no JavaScript error.
Then every control of every app is operated with the keyboard alone: Tab must
reach each slider, dropdown, toggle button and Play button; ArrowRight (or
ArrowLeft at the end of the range) on a slider, Alt+ArrowDown, an arrow and
Enter on a dropdown (plain arrows on a closed dropdown go to the notebook, which
moves between cells), Space on a toggle button and Space on Play must each
change the app's image within 5 seconds. The time from the (last) key press to
the new image is recorded and summarised per notebook; a screenshot of each
notebook is written to build/test-artifacts/.
"""

from __future__ import annotations

import json
import statistics
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import NOTEBOOKS, RELOADS, STARTED, SUMMARY

pytestmark = pytest.mark.browser

NEW_IMAGE_TIMEOUT_MS = 5_000
RUN_ALL_TIMEOUT_S = 240
# Each notebook, its run and keyboard checks, must stay under this on 2 cores: for the
# eleven lessons (00 to 10), about 14 minutes in all, JupyterLab's start aside.
NOTEBOOK_BUDGET_S = 75

# --- JavaScript run in the page ------------------------------------------------------
# The state of the notebook in the current tab: is anything still running, and which
# cells have no execution count or show an error.
NOTEBOOK_STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const state = {kernel: kernel ? kernel.status : 'none', pending: 0, notRun: [], errors: [],
                 firstPending: null};
  panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    const prompt = cell.node.querySelector('.jp-InputPrompt');
    if (prompt && prompt.textContent.includes('*')) {
      state.pending += 1;
      if (state.firstPending === null)  // cells run in order: this one is running
        state.firstPending = {index: i, line: cell.model.sharedModel.getSource().trim()
                                                .split('\\n')[0].slice(0, 80)};
    }
    if (cell.model.executionCount === null && cell.model.sharedModel.getSource().trim())
      state.notRun.push(i);
    for (const out of cell.model.outputs.toJSON()) {
      if (out.output_type === 'error')
        state.errors.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      if (out.output_type === 'stream' && out.name === 'stderr' &&
          /Traceback|Error|Warning/.test(out.text))
        state.errors.push(`cell ${i} wrote to stderr: ${String(out.text).slice(0, 300)}`);
    }
  });
  return state;
}"""

# Tag every app (an output holding a widget <img>) and its keyboard controls with
# data-kt ids, so Python can address them, and return their inventory.
FIND_APPS = """() => {
  const apps = [];
  const outputs = document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output');
  outputs.forEach(out => {
    const img = out.querySelector('img.widget-image');
    if (!img) return;
    const a = apps.length;
    img.dataset.kt = `app${a}-image`;
    const controls = [];
    const tag = (el, kind) => {
      el.dataset.kt = `app${a}-${kind}${controls.length}`;
      const row = el.closest('.widget-inline-hbox');
      const text = row && row.querySelector('.widget-label');
      let label = (text && text.textContent.trim()) || kind;
      if (kind === 'toggle') label += ':' + el.textContent.trim();
      controls.push({id: el.dataset.kt, kind, label});
    };
    out.querySelectorAll('.widget-slider .noUi-handle, .widget-dropdown select, ' +
                         '.widget-toggle-buttons button, .widget-play button')
      .forEach(el => {
        if (el.matches('.noUi-handle')) tag(el, 'slider');
        else if (el.matches('select')) tag(el, 'dropdown');
        else if (el.closest('.widget-toggle-buttons')) tag(el, 'toggle');
        else if (el === el.parentElement.querySelector('button')) tag(el, 'play');  // the first button
      });
    apps.push({index: a, image: img.dataset.kt, controls});
  });
  return apps;
}"""

# How many widget outputs hold an Image widget (from the kernel's widget models),
# and what the rendered widget outputs look like (for the failure message).
WIDGET_VIEWS = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  let images = 0;
  const html = [];
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code') continue;
    for (const out of cell.model.outputs.toJSON()) {
      const view = out.data && out.data['application/vnd.jupyter.widget-view+json'];
      if (view) html.push(cell.node.querySelector('.jp-OutputArea').innerHTML.slice(0, 6000));
    }
  }
  for (const img of document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) img'))
    if (img.closest('.jupyter-widgets')) images += 1;
  return {images, html: html.join(' | ')};
}"""

# Before a key press: remember the image's src, clear the marks.
ARM = """(imageId) => {
  const img = document.querySelector(`[data-kt="${imageId}"]`);
  window.__kt = {keyAt: null, newImageAt: null, oldSrc: img.src};
  if (!window.__ktKeyListener) {
    window.__ktKeyListener = true;
    document.addEventListener('keydown', () => {  // the last key before the new image
      if (window.__kt && window.__kt.newImageAt === null) window.__kt.keyAt = performance.now();
    }, true);
  }
  const observer = new MutationObserver(() => {
    if (img.src !== window.__kt.oldSrc && window.__kt.newImageAt === null) {
      window.__kt.newImageAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(img, {attributes: true, attributeFilter: ['src']});
}"""


def _control(page, cid):
    return page.locator(f'[data-kt="{cid}"]')


def _slider_key(page, cid) -> str:
    """ArrowRight, unless the slider is at its maximum (then ArrowLeft)."""
    handle = _control(page, cid)
    now, top = handle.get_attribute("aria-valuenow"), handle.get_attribute("aria-valuemax")
    return "ArrowLeft" if now is not None and now == top else "ArrowRight"


def _tab_reaches(page, first_id, wanted) -> set:
    """Focus the app's first control, press Tab until focus leaves the app; return ids seen."""
    _control(page, first_id).focus()
    seen = {page.evaluate("() => document.activeElement.dataset.kt || ''")}
    for _ in range(4 * len(wanted) + 8):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("() => document.activeElement.dataset.kt || ''"))
        if wanted <= seen:
            break
    return seen


def _dropdown_keys(page, cid) -> list:
    """Open the list (Alt+ArrowDown), go to the next option (or the previous one), Enter.

    A closed dropdown's plain arrow keys do not reach it in JupyterLab: in command
    mode the notebook takes them to move between cells.
    """
    last = _control(page, cid).evaluate("s => s.selectedIndex === s.options.length - 1")
    return ["Alt+ArrowDown", "ArrowUp" if last else "ArrowDown", "Enter"]


def _press_and_time(page, image_id, cid, keys, hint="") -> float:
    """Press ``keys`` on control ``cid``; return ms from the last key to the new image."""
    keys = [keys] if isinstance(keys, str) else keys
    page.evaluate(ARM, image_id)
    _control(page, cid).focus()
    for i, key in enumerate(keys):
        if i:
            page.wait_for_timeout(150)  # let an opened list appear
        page.keyboard.press(key)
    key = ", ".join(keys)
    try:
        page.wait_for_function("() => window.__kt.newImageAt !== null",
                               timeout=NEW_IMAGE_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        pytest.fail(f"{key} on {cid} did not change the app's image within "
                    f"{NEW_IMAGE_TIMEOUT_MS / 1000:.0f} s.{hint() if callable(hint) else hint}")
    marks = page.evaluate("() => window.__kt")
    assert marks["keyAt"] is not None, f"the key press on {cid} never reached the page"
    assert marks["newImageAt"] >= marks["keyAt"], (
        f"the image changed before {key} on {cid}: something else is moving it")
    return marks["newImageAt"] - marks["keyAt"]


def _wait_still(page, image_id, message, quiet_ms=1_500, timeout_ms=6_000):
    """Wait until the image has not changed for ``quiet_ms``; fail with ``message``."""
    still = page.evaluate("""async ([imageId, quietMs, timeoutMs]) => {
      const img = document.querySelector(`[data-kt="${imageId}"]`);
      const start = performance.now();
      let src = img.src, since = performance.now();
      while (performance.now() - start < timeoutMs) {
        await new Promise(r => setTimeout(r, 100));
        if (img.src !== src) { src = img.src; since = performance.now(); }
        if (performance.now() - since >= quietMs) return true;
      }
      return false;
    }""", [image_id, quiet_ms, timeout_ms])
    assert still, message


IDLE = """() => window.jupyterapp && window.jupyterapp.shell.currentWidget &&
  window.jupyterapp.shell.currentWidget.sessionContext &&
  window.jupyterapp.shell.currentWidget.sessionContext.session &&
  window.jupyterapp.shell.currentWidget.sessionContext.session.kernel &&
  window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'"""
# A stall: the server says the kernel is idle while the page still shows cells pending
# ([*]) for this long. The kernel has nothing to do, so no reply is coming: the request or
# its reply was lost on the way. Only then is the page reloaded and everything run again.
STALL_S = 15
# A hang: the server says the kernel is busy and no cell has finished for this long. A
# cell is still running; running it again would hide a cell that hangs only sometimes,
# so this fails at once and names the cell.
HANG_S = 60
MAX_RELOADS = 2  # stalls recovered per notebook before the test fails


def _cell(state) -> str:
    """The first pending cell (the one running, or the next to run), for messages."""
    cell = state and state.get("firstPending")
    return f"cell {cell['index']} ({cell['line']!r})" if cell else "no cell pending"


def _reload(page, lab, notebook, why, state=None):
    """Reload the page, and record it (with the pending cell and the server's state)."""
    if state is None:
        state = page.evaluate(NOTEBOOK_STATE)
    server = lab.kernel_state(notebook.name)
    RELOADS.append(f"{notebook.stem} at {time.strftime('%H:%M:%S', time.gmtime())} UTC: {why}; "
                   f"pending: {_cell(state)} ({state['pending']} cell(s) with [*]); "
                   f"server: {server}, page: {state['kernel']}")
    print(RELOADS[-1])
    page.reload()


def _wait_idle(page, lab, notebook):
    """Wait for the kernel to read "idle" in the page; reload the page once if it never does.

    A status message sent while the page was (re)connecting is not sent again:
    on a fresh clone the first kernels once stayed "starting" for minutes. A
    reload reconnects and reads the status anew.
    """
    try:
        page.wait_for_function(IDLE, timeout=20_000)
    except PlaywrightTimeoutError:
        _reload(page, lab, notebook, "the page did not read the kernel as idle within 20 s")
        page.wait_for_function(IDLE, timeout=40_000)


def _run_all(page, lab, notebook):
    """Restart the kernel and run all cells; wait until nothing is pending.

    Whether a run that makes no progress is stuck in the kernel or in the page is
    decided from the server's kernel state (REST API), not from the page. (The
    server's state follows the main shell only: conftest.SUBSHELL_MESSAGES. Without
    that, a subshell request answered during a long cell made both the server and
    the page say "idle", and a 600 s sleep was taken for a stall.)
    - the server says "idle" for STALL_S while the page shows cells pending: a
      stall (a lost request or reply). Reload the page, record it, run all again
      (at most MAX_RELOADS times);
    - the server says "busy" and no cell finishes for HANG_S: a hang. Fail, naming
      the running cell.
    Returns the page's final state and the number of reloads.
    """
    reloads = 0
    while True:
        page.evaluate("() => { window.__ktRun = window.jupyterapp.commands"
                      ".execute('notebook:restart-run-all'); }")
        page.locator(".jp-Dialog .jp-mod-accept").click(timeout=30_000)
        deadline = time.monotonic() + RUN_ALL_TIMEOUT_S
        quiet, progress = 0, None
        last_change = idle_since = time.monotonic()
        while quiet < 3:  # three quiet polls in a row: done
            state = page.evaluate(NOTEBOOK_STATE)
            server = lab.kernel_state(notebook.name)
            now = time.monotonic()
            if (state["pending"], len(state["notRun"])) != progress:
                progress, last_change = (state["pending"], len(state["notRun"])), now
            quiet = quiet + 1 if state["pending"] == 0 and state["kernel"] == "idle" else 0
            if not (state["pending"] and server == "idle"):
                idle_since = now
            if now - idle_since > STALL_S:
                break
            if server == "busy" and now - last_change > HANG_S:
                pytest.fail(f"{notebook.name}: the kernel is busy and no cell has finished for "
                            f"{HANG_S} s: {_cell(state)} hangs (page state: {state})")
            if now > deadline:
                pytest.fail(f"{notebook.name}: run all did not finish within "
                            f"{RUN_ALL_TIMEOUT_S} s; running: {_cell(state)}; server: {server}; "
                            f"page: {state}")
            time.sleep(0.4)
        else:
            return state, reloads
        if reloads == MAX_RELOADS:
            pytest.fail(f"{notebook.name}: run all stalled {reloads + 1} times (the server said "
                        f"idle for {STALL_S} s while {_cell(state)} showed [*]): {state}")
        reloads += 1
        _reload(page, lab, notebook, f"stall {reloads}: server idle for {STALL_S} s, "
                                     f"cells still [*]", state)
        _wait_idle(page, lab, notebook)


def _screenshot(page, path):
    height = page.evaluate("""() => {
      const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
      const outer = panel && panel.querySelector('.jp-WindowedPanel-outer');
      if (!outer) return document.body.scrollHeight;
      outer.scrollTop = 0;  // from the title down
      return outer.scrollHeight;
    }""")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 200, 16000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_in_jupyterlab(notebook, lab, browser, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []  # JupyterLab must not reach the internet (news and update checks are off)

    def route(r):
        if r.request.url.startswith((lab.url, "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page_errors = []
    console_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and console_errors.append(msg.text))
    started = time.monotonic()
    STARTED.append(notebook.stem)
    try:
        # a workspace of its own, so the tabs of earlier notebooks are not restored
        page.goto(f"{lab.url}/lab/workspaces/kt-{notebook.stem}/tree/{notebook.name}"
                  f"?token={lab.token}")
        page.wait_for_function(
            """(name) => window.jupyterapp && window.jupyterapp.shell.currentWidget &&
                 window.jupyterapp.shell.currentWidget.context &&
                 window.jupyterapp.shell.currentWidget.context.path.endsWith(name) &&
                 window.jupyterapp.shell.currentWidget.sessionContext.session &&
                 window.jupyterapp.shell.currentWidget.sessionContext.session.kernel &&
                 window.jupyterapp.shell.currentWidget.sessionContext.session.kernel
                   .connectionStatus === 'connected'""",
            arg=notebook.name, timeout=60_000)
        _wait_idle(page, lab, notebook)
        state, reloads = _run_all(page, lab, notebook)
        run_seconds = time.monotonic() - started
        assert not state["errors"], f"{notebook.name}: error outputs: {state['errors']}"
        assert not state["notRun"], f"{notebook.name}: cells that did not run: {state['notRun']}"

        broken = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jupyter-widgets-error-widget")
        if broken.count():
            broken.first.click()  # the error widget shows the JavaScript error when clicked
            pytest.fail(f"{notebook.name}: {broken.count()} widget(s) failed to render: "
                        f"{broken.first.inner_text()[:600]!r}; console errors: {console_errors[-3:]}")
        in_model, in_page = page.evaluate("""() => {
          const panel = window.jupyterapp.shell.currentWidget;
          return [panel.content.widgets.length, panel.node.querySelectorAll('.jp-Cell').length];
        }""")
        assert in_page == in_model, (
            f"only {in_page} of {in_model} cells are in the page: windowingMode is not 'none'")
        apps = page.evaluate(FIND_APPS)
        views = page.evaluate(WIDGET_VIEWS)
        assert len(apps) >= views["images"], (
            f"{notebook.name}: {views['images']} widget image(s) in the outputs, but only "
            f"{len(apps)} rendered app(s) found; the outputs look like: {views['html'][:1500]}")
        timings, moved = [], []
        for app in apps:
            controls = app["controls"]
            assert controls, f"app {app['index']} has an image but no slider, dropdown or Play"
            wanted = {c["id"] for c in controls}
            reached = _tab_reaches(page, controls[0]["id"], wanted)
            assert wanted <= reached, (
                f"app {app['index']}: Tab never reaches {sorted(wanted - reached)}")
            # Play last: it keeps changing the image until it is paused
            for control in sorted(controls, key=lambda c: c["kind"] == "play"):
                cid, kind = control["id"], control["kind"]
                if kind == "slider":
                    before = _control(page, cid).get_attribute("aria-valuenow")
                    ms = _press_and_time(page, app["image"], cid, _slider_key(page, cid))
                    after = _control(page, cid).get_attribute("aria-valuenow")
                    assert after != before, f"{cid} ({control['label']}) did not move"
                elif kind == "dropdown":
                    before = _control(page, cid).input_value()
                    ms = _press_and_time(
                        page, app["image"], cid, _dropdown_keys(page, cid),
                        lambda: " The dropdown's value did not change."
                        if _control(page, cid).input_value() == before  # noqa: B023 (called at once)
                        else " The dropdown's value did change: the app is too slow.")
                    assert _control(page, cid).input_value() != before
                elif kind == "toggle":  # Space on a button that is not the chosen one
                    if "mod-active" in (_control(page, cid).get_attribute("class") or ""):
                        continue
                    ms = _press_and_time(page, app["image"], cid, "Space")
                    assert "mod-active" in _control(page, cid).get_attribute("class")
                else:  # Play: Space starts it and the image must change; Space again pauses
                    ms = _press_and_time(page, app["image"], cid, "Space")
                    _control(page, cid).focus()
                    page.keyboard.press("Space")
                    _wait_still(page, app["image"], f"{cid}: Space did not pause the Play")
                timings.append(ms)
                prefix = f"app{app['index']}:" if len(apps) > 1 else ""
                moved.append(f"{prefix}{control['label']}={ms:.0f}ms")
        page.wait_for_timeout(300)
        state = page.evaluate(NOTEBOOK_STATE)
        assert not state["errors"], f"{notebook.name}: errors after moving sliders: {state['errors']}"
        assert not page_errors, f"{notebook.name}: JavaScript errors: {page_errors}"
        assert not outside, f"JupyterLab tried to reach the network: {outside}"

        total = time.monotonic() - started
        assert total < NOTEBOOK_BUDGET_S, (
            f"{notebook.name} took {total:.0f} s in the browser (budget {NOTEBOOK_BUDGET_S} s "
            f"per notebook); run all took {run_seconds:.0f} s")
        if timings:
            line = (f"{notebook.stem}: {len(apps)} app(s), {len(timings)} control(s) moved; "
                    f"key -> new image median {statistics.median(timings):.0f} ms, "
                    f"max {max(timings):.0f} ms; run all {run_seconds:.1f} s, "
                    f"{reloads} reload(s)  [{', '.join(moved)}]")
        else:
            line = f"{notebook.stem}: no app; run all {run_seconds:.1f} s, {reloads} reload(s)"
        SUMMARY.append(line)
        (artifacts / f"{notebook.stem}.timings.json").write_text(json.dumps(
            {"run_all_s": run_seconds, "reloads": reloads,
             "key_to_image_ms": {m.rsplit("=", 1)[0]: t for m, t in zip(moved, timings)}},
            indent=1))
        print(line)
    finally:
        try:  # also after a failure: the picture often says what went wrong
            _screenshot(page, artifacts / f"{notebook.stem}.png")
        except Exception as error:  # noqa: BLE001  (a failed screenshot must not hide the failure)
            print(f"no screenshot of {notebook.name}: {error}")
        context.close()
        lab.shutdown_kernels()
