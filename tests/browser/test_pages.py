"""The built slides and static pages in Chromium, with the network blocked.

A lecture hall's network cannot be trusted and a student may read offline, so
every request that is not a local file is aborted and recorded; the slides
must still start reveal.js with the right number of slides, a static page must
still show its app's stored image, and nothing may have needed the network.
axe-core (from web/node_modules) then checks every static page: no critical
or serious accessibility violations.
"""

from __future__ import annotations

import json
import sys

import nbformat
import pytest

from .conftest import NOTEBOOK_DIR, NOTEBOOKS, ROOT, WIDGETS_DRAWN, stored_frames

sys.path.insert(0, str(ROOT / "web"))
sys.path.insert(0, str(ROOT / "tests"))
import build  # noqa: E402  (web/build.py)
from test_web import expected_slides  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory, node_modules):
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/ yet")
    out = tmp_path_factory.mktemp("site")
    build.build_html(NOTEBOOKS, out=out / "html")
    build.build_slides(NOTEBOOKS, out=out / "slides")
    return out


def _offline_page(browser):
    """A page on which every non-file request is aborted; returns (context, page, blocked, errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked, errors = [], []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, blocked, errors


def _with_app(notebooks):
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        if any("application/vnd.jupyter.widget-view+json" in out.get("data", {})
               for cell in nb.cells for out in cell.get("outputs", [])):
            return path
    return None


def _fail_if_broken(page, stem):
    """Fail, with the JavaScript error, when a widget could not be drawn from its state."""
    broken = page.locator(".jupyter-widgets-error-widget")
    if broken.count():
        broken.first.click()  # the error widget shows the JavaScript error when clicked
        pytest.fail(
            f"{stem}.html: {broken.count()} widget(s) failed to render from the stored state: "
            f"{broken.first.inner_text()[:400]!r}. If the notebook was executed before the "
            "Image fix in kmeans_teach/apps/base.py, re-run it: "
            f"make execute NB=notebooks/{stem}.ipynb")


def test_slides_open_offline_with_reveal_ready(site, browser):
    notebook = NOTEBOOKS[0]
    context, page, blocked, errors = _offline_page(browser)
    try:
        page.goto((site / "slides" / f"{notebook.stem}.slides.html").as_uri())
        # reveal.js marks its root "ready" once initialised; it is loaded with
        # require.js, so ask require.js for the same module instance
        page.wait_for_selector(".reveal.ready", state="attached", timeout=20_000)
        page.evaluate("""() => new Promise(resolve => {
          const css = document.querySelector('link[href*="dist/reveal.css"]').getAttribute('href');
          require([css.replace(/reveal\\.css$/, 'reveal.js')], R => { window.__reveal = R; resolve(); });
        })""")
        total = page.evaluate("() => window.__reveal.getTotalSlides()")
        page.keyboard.press("ArrowRight")  # the slides can be moved on
        page.wait_for_function("() => window.__reveal.getIndices().h === 1", timeout=5_000)
    finally:
        context.close()
    _, shown = expected_slides(nbformat.read(notebook, as_version=4))
    assert total == shown
    assert not blocked, f"the slides tried to load from the network: {blocked}"
    assert not errors, f"JavaScript errors in the slides: {errors}"


def test_static_page_shows_the_app_image_offline(site, browser, artifacts):
    notebook = _with_app(NOTEBOOKS)
    if notebook is None:
        pytest.skip("no notebook shows an app yet")
    context, page, blocked, errors = _offline_page(browser)
    try:
        page.goto((site / "html" / f"{notebook.stem}.html").as_uri())
        page.wait_for_function(
            "() => document.querySelector('img.widget-image, .jupyter-widgets-error-widget')",
            timeout=20_000)
        _fail_if_broken(page, notebook.stem)
        image = page.locator("img.widget-image").first
        page.wait_for_function(
            "() => [...document.querySelectorAll('img.widget-image')]"
            ".every(img => img.complete && img.naturalWidth > 100)", timeout=20_000)
        title = image.get_attribute("title")
        page.screenshot(path=str(artifacts / f"{notebook.stem}.static.png"), full_page=True)
    finally:
        context.close()
    assert title, "the app's image has no title (its accessible name)"
    assert not blocked, f"the page tried to load from the network: {blocked}"
    assert not errors, f"JavaScript errors on the static page: {errors}"


def _pages():
    return ["index", *(nb.stem for nb in NOTEBOOKS)]


@pytest.mark.parametrize("name", _pages())
def test_static_pages_pass_axe(name, site, browser, node_modules, artifacts):
    context, page, blocked, errors = _offline_page(browser)
    try:
        page.goto((site / "html" / f"{name}.html").as_uri())
        page.wait_for_load_state("load")
        if page.locator("script[type='application/vnd.jupyter.widget-state+json']").count():
            # the widgets must be drawn before they are checked
            frames = 0 if name == "index" else min(1, stored_frames(NOTEBOOK_DIR / f"{name}.ipynb"))
            page.wait_for_function(WIDGETS_DRAWN, arg=frames, timeout=20_000)
            _fail_if_broken(page, name)
        page.add_script_tag(path=str(node_modules / "axe-core" / "axe.min.js"))
        results = page.evaluate("""async () => {
          const r = await axe.run(document, {resultTypes: ['violations']});
          return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }""")
    finally:
        context.close()
    (artifacts / f"axe-{name}.json").write_text(json.dumps(results, indent=1))
    bad = [v for v in results if v["impact"] in ("critical", "serious")]
    assert not bad, f"{name}.html: " + "; ".join(
        f"{v['impact']} {v['id']} ({v['help']}) at {v['nodes']}" for v in bad)


@pytest.mark.parametrize("name", _pages())
def test_static_pages_fit_a_phone(name, site, browser):
    # 390 x 844 CSS pixels, a common phone: the page must not scroll sideways and no
    # figure may be wider than the screen (long code lines scroll inside their cell)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        page.goto((site / "html" / f"{name}.html").as_uri())
        page.wait_for_load_state("load")
        page_width, screen, too_wide = page.evaluate("""() => [
          document.documentElement.scrollWidth, window.innerWidth,
          [...document.querySelectorAll('img')]
            .filter(img => img.getBoundingClientRect().width > window.innerWidth + 1).length]""")
    finally:
        context.close()
    assert page_width <= screen, f"{name}.html is {page_width}px wide on a {screen}px phone"
    assert too_wide == 0, f"{name}.html: {too_wide} image(s) wider than a phone screen"


@pytest.mark.parametrize("notebook", [nb for nb in NOTEBOOKS if stored_frames(nb)],
                         ids=[nb.stem for nb in NOTEBOOKS if stored_frames(nb)])
def test_every_static_page_shows_its_stored_frames_without_errors(notebook, site, browser):
    # every page with apps, offline: each stored frame drawn, no widget error and no
    # JavaScript error, even for widgets that need a kernel (the Playground's ipyevents
    # Event has no view, and its page says in a sentence that it needs a kernel)
    nb = nbformat.read(notebook, as_version=4)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    stored = sum(m["model_name"] == "ImageModel" for m in state.get("state", {}).values())
    needs_kernel = any(m["model_module"] == "ipyevents" for m in state.get("state", {}).values())
    context, page, blocked, errors = _offline_page(browser)
    try:
        page.goto((site / "html" / f"{notebook.stem}.html").as_uri())
        page.wait_for_function(
            "() => document.querySelector('img.widget-image, .jupyter-widgets-error-widget')",
            timeout=20_000)
        _fail_if_broken(page, notebook.stem)
        page.wait_for_function(
            "() => [...document.querySelectorAll('img.widget-image')]"
            ".every(img => img.complete && img.naturalWidth > 100)", timeout=20_000)
        page.wait_for_timeout(300)  # a late error from a module that failed to load
        shown = page.locator("img.widget-image").count()
        text = page.inner_text("body")
    finally:
        context.close()
    assert shown >= 1 and shown <= stored, f"{notebook.stem}.html shows {shown} of {stored} frames"
    assert not errors, f"JavaScript errors on {notebook.stem}.html: {errors}"
    assert not blocked, f"{notebook.stem}.html tried to load from the network: {blocked}"
    if needs_kernel:
        assert "running kernel" in text, (
            f"{notebook.stem}.html has a widget that needs a kernel, but no sentence says so")
