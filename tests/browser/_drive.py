"""Drive the apps of a page in any front end (JupyterLab, Notebook 7, Voila).

test_lab.py drives every app of every notebook in JupyterLab; the Notebook 7 and
Voila tests (test_notebook7.py, test_voila.py) reuse its key presses through the
functions here, with the page's own root for the outputs (Voila has no notebook
panel), and add what those front ends need on top: the Playground's buttons,
real mouse clicks on its image and its arrow keys, each checked on its status line.
"""

from __future__ import annotations

import re

import pytest

from .test_lab import (ARM, FIND_APPS, NEW_IMAGE_TIMEOUT_MS, _control, _dropdown_keys,
                       _press_and_time, _wait_still)

#: the outputs of the notebook on screen, per front end
LAB_OUTPUTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"
VOILA_OUTPUTS = ".jp-OutputArea-output"
STATUS_TIMEOUT_MS = 5_000

# JupyterLab's (and Notebook 7's) notification toasts, e.g. "Would you like to get
# notified about official Jupyter news?"; Voila draws none
TOASTS = """() => [...document.querySelectorAll('.Toastify__toast, .jp-Notification-Toast')]
  .map(t => t.textContent.trim()).filter(Boolean)"""


def find_apps(page, outputs=LAB_OUTPUTS):
    """Tag and list every app (an output with a widget image), as test_lab.FIND_APPS does."""
    assert f"'{LAB_OUTPUTS}'" in FIND_APPS, "test_lab.FIND_APPS no longer selects LAB_OUTPUTS"
    return page.evaluate(FIND_APPS.replace(f"'{LAB_OUTPUTS}'", f"'{outputs}'"))


def assert_no_toast(page, where):
    toasts = page.evaluate(TOASTS)
    assert not toasts, f"{where} shows a pop-up: {toasts}"


def _where(page, cid, before):
    """For a failure message: where the focus is, and the control's value."""
    return page.evaluate("""([cid, before]) => {
      const el = document.querySelector(`[data-kt="${cid}"]`);
      const a = document.activeElement;
      return ` Focus: ${a.tagName}.${a.className} ${a.dataset.kt || ''}; value ${before} -> ` +
             `${el && el.getAttribute('aria-valuenow')} (max ${el && el.getAttribute('aria-valuemax')}, ` +
             `disabled: ${el && !!el.closest('[disabled], .mod-disabled')}).`;
    }""", [cid, before])


def _click_track(page, image_id, cid, hint) -> float:
    """Click a slider's track away from its handle (the mouse, as a user would); ms to the image.

    Notebook 7 moved the focus from a slider handle to a cell below the app (the
    notebook's own focus handling), so its arrow keys never reached the slider;
    test_lab.py covers the keyboard, in JupyterLab.
    """
    track = page.locator(f'[data-kt="{cid}"]').locator("xpath=ancestor::*[contains(@class,'noUi-target')][1]")
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    handle = _control(page, cid).bounding_box()
    at = 0.25 if handle["x"] + handle["width"] / 2 > box["x"] + box["width"] / 2 else 0.75
    page.evaluate(ARM, image_id)
    page.mouse.click(box["x"] + at * box["width"], box["y"] + box["height"] / 2)
    clicked = page.evaluate("() => performance.now()")
    try:
        page.wait_for_function("() => window.__kt.newImageAt !== null",
                               timeout=NEW_IMAGE_TIMEOUT_MS)
    except Exception:  # noqa: BLE001  (Playwright's TimeoutError: say what did not happen)
        pytest.fail(f"a click on the track of {cid} did not change the app's image within "
                    f"{NEW_IMAGE_TIMEOUT_MS / 1000:.0f} s.{hint()}")
    return max(0.0, page.evaluate("() => window.__kt.newImageAt") - clicked)


def operate_controls(page, app):
    """Operate every slider (a click on its track), dropdown, toggle button and Play of ``app``.

    Each must change the app's image (as in test_lab). Returns "label=ms" strings.
    """
    moved = []
    for control in sorted(app["controls"], key=lambda c: c["kind"] == "play"):
        cid, kind = control["id"], control["kind"]
        if not _control(page, cid).is_visible():
            continue  # e.g. the Playground's Play widget (display: none), run by its button
        if kind == "slider":
            before = _control(page, cid).get_attribute("aria-valuenow")
            ms = _click_track(page, app["image"], cid, lambda: _where(page, cid, before))  # noqa: B023 (called at once)
            assert _control(page, cid).get_attribute("aria-valuenow") != before, (
                f"{cid} ({control['label']}) did not move")
        elif kind == "dropdown":
            before = _control(page, cid).input_value()
            ms = _press_and_time(page, app["image"], cid, _dropdown_keys(page, cid))
            assert _control(page, cid).input_value() != before
        elif kind == "toggle":
            if "mod-active" in (_control(page, cid).get_attribute("class") or ""):
                continue
            ms = _press_and_time(page, app["image"], cid, "Space")
        else:  # Play: Space starts it, Space again pauses
            ms = _press_and_time(page, app["image"], cid, "Space")
            _control(page, cid).focus()
            page.keyboard.press("Space")
            _wait_still(page, app["image"], f"{cid}: Space did not pause the Play")
        moved.append(f"{control['label']}={ms:.0f}ms")
    return moved


# --- the Playground ----------------------------------------------------------------------
# Its image carries the CSS class "kt-playground" (ipyevents listens on it); its status
# line reads "centers: N placed ..." before a step and "iteration ..." after one.
PLAYGROUND_STATUS = """(outputs) => {
  const img = document.querySelector(outputs.split(',').map(s => s + ' img.kt-playground').join(','));
  if (!img) return null;
  const out = img.closest('.jp-OutputArea-output');
  const labels = [...out.querySelectorAll('.widget-label, .widget-html-content, .widget-html')]
    .map(el => el.textContent.trim()).filter(t => /^(centers:|iteration)/i.test(t));
  return labels.length ? labels[0] : '';
}"""


def has_playground(page, outputs=LAB_OUTPUTS) -> bool:
    return page.evaluate(PLAYGROUND_STATUS, outputs) is not None


def _status(page, outputs):
    return page.evaluate(PLAYGROUND_STATUS, outputs)


def _await_status(page, outputs, before, what, pattern=None):
    """Wait until the status line differs from ``before`` (and matches ``pattern``)."""
    try:
        page.wait_for_function(
            """([outputs, before, pattern, js]) => {
                 const now = (new Function('return ' + js))()(outputs);
                 return now !== before && (!pattern || new RegExp(pattern, 'i').test(now));
               }""", arg=[outputs, before, pattern, PLAYGROUND_STATUS],
            timeout=STATUS_TIMEOUT_MS)
    except Exception:  # noqa: BLE001  (Playwright's TimeoutError: say what did not happen)
        pytest.fail(f"{what}: the Playground's status did not change within "
                    f"{STATUS_TIMEOUT_MS / 1000:.0f} s (still {_status(page, outputs)!r}"
                    + (f", expected /{pattern}/" if pattern else "") + ")")
    return _status(page, outputs)


def drive_playground(page, outputs=LAB_OUTPUTS, clicks=4, arrow_left=True):
    """Real mouse clicks on the Playground's image, its buttons and its arrow keys.

    Each action must change the status line: a click adds a center ("centers: N
    placed" counts up), a click on that center again removes it, Step shows
    "iteration", ArrowRight / ArrowLeft with the image focused step forward and
    back, and Back, Run to the end and Reset each answer. Returns the statuses seen.
    """
    image = page.locator(", ".join(f"{o} img.kt-playground" for o in outputs.split(","))).first
    image.scroll_into_view_if_needed()
    status = _status(page, outputs)
    assert re.match(r"centers:", status, re.I), f"the Playground opens with status {status!r}"
    seen = [status]
    spots = [(0.35, 0.35), (0.65, 0.35), (0.35, 0.65), (0.65, 0.65), (0.5, 0.5)][:clicks]

    def count(text):
        found = re.search(r"centers:\s*(\d+)", text, re.I)
        return int(found.group(1)) if found else None

    def click(fx, fy, what):
        box = image.bounding_box()
        page.mouse.click(box["x"] + fx * box["width"], box["y"] + fy * box["height"])
        return _await_status(page, outputs, seen[-1], what)

    # a fifth center, then a click on it again: added, then removed
    for fx, fy in [*spots, (0.5, 0.5)]:
        before = count(seen[-1])
        seen.append(click(fx, fy, f"a click at ({fx}, {fy}) of the image"))
        assert count(seen[-1]) == before + 1, f"a click did not add a center: {seen[-2:]}"
    seen.append(click(0.5, 0.5, "a click on the center just placed"))
    assert count(seen[-1]) == count(seen[-3]), f"a click on a center did not remove it: {seen[-3:]}"

    def button(name, pattern=None):
        before = seen[-1]
        page.locator(", ".join(f"{o} button.widget-button" for o in outputs.split(",")),
                     has_text=re.compile(rf"^\s*{re.escape(name)}\s*$")).first.click()
        seen.append(_await_status(page, outputs, before, f"the {name!r} button", pattern))

    def key(name, pattern=None):
        before = seen[-1]
        # ipyevents gives the image the keyboard while the pointer is over it (it listens
        # from mouseenter to mouseleave and focuses the image), as a presenter's remote
        # does once the mouse rests on the plot; out and in again, so each key starts
        # from a fresh mouseenter; the box is measured again (a longer status line
        # wraps and moves the image down)
        box = image.bounding_box()
        page.mouse.move(box["x"] + 0.5 * box["width"], box["y"] - 12)
        page.mouse.move(box["x"] + 0.5 * box["width"], box["y"] + 0.05 * box["height"], steps=3)
        page.keyboard.press(name)
        seen.append(_await_status(page, outputs, before, f"{name} on the focused image", pattern))

    button("Step", r"iteration")
    key("ArrowRight", r"iteration")
    if arrow_left:
        key("ArrowLeft")
    else:  # see test_notebook7.py: one step back with the button instead
        button("Back", r"iteration")
    button("Back")
    button("Run to the end", r"iteration")
    button("Back")
    button("Play", r"iteration")  # plays on to the end (or until paused)
    _wait_still_status(page, outputs)
    seen.append(_status(page, outputs))
    button("Reset")
    return seen


def _wait_still_status(page, outputs, quiet_ms=1_000, timeout_ms=8_000):
    """Wait until the status line has not changed for ``quiet_ms`` (a Play has ended)."""
    still = page.evaluate("""async ([outputs, js, quietMs, timeoutMs]) => {
      const status = (new Function('return ' + js))();
      const start = performance.now();
      let last = status(outputs), since = performance.now();
      while (performance.now() - start < timeoutMs) {
        await new Promise(r => setTimeout(r, 100));
        const now = status(outputs);
        if (now !== last) { last = now; since = performance.now(); }
        if (performance.now() - since >= quietMs) return true;
      }
      return false;
    }""", [outputs, PLAYGROUND_STATUS, quiet_ms, timeout_ms])
    assert still, "the Playground's Play did not come to rest within 8 s"
