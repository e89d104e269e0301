"""Every slide of every built deck fits a projector, and a clicker reaches every slide.

A lecturer projects the reveal.js decks (`make slides`) at 1280x720 or 1024x768.
On every slide of every deck, at both sizes, each code cell, text output and
figure must lie inside the slide's box (reveal.js scales the whole slide to the
window), and no code or output line may be cut off inside its own box (a <pre>
wider than its box hides the end of its lines). A slide taller than the window
scrolls (web/build.py: reveal_scroll), so below the slide's bottom edge an
element counts as cut only when the slide cannot be scrolled to it.

A presenter's remote sends Space or Page Down (reveal.js's "next"), not the down
arrow: both must walk through the vertical subslides too, to the last slide.
"""

from __future__ import annotations

import nbformat
import pytest

from .conftest import NOTEBOOK_DIR, NOTEBOOKS, ROOT, WIDGETS_DRAWN, stored_frames

import sys

sys.path.insert(0, str(ROOT / "web"))
sys.path.insert(0, str(ROOT / "tests"))
import build  # noqa: E402  (web/build.py)
from test_web import expected_slides  # noqa: E402

pytestmark = pytest.mark.browser

SCREENS = [(1280, 720), (1024, 768)]

# reveal.js as loaded by the page (through require.js, so the same instance)
REVEAL = """() => new Promise(resolve => {
  const css = document.querySelector('link[href*="dist/reveal.css"]').getAttribute('href');
  require([css.replace(/reveal\\.css$/, 'reveal.js')], R => { window.__reveal = R; resolve(); });
})"""

# Visit every slide (no transition) and list what is cut: an element outside the
# slide's box (horizontally always; vertically unless the slide scrolls to it), or a
# <pre> whose text is wider than its own box.
CUT = """() => {
  const R = window.__reveal;
  R.configure({transition: 'none', backgroundTransition: 'none'});
  const cut = [];
  const what = '.jp-InputArea pre, .jp-OutputArea-output pre, .jp-OutputArea-output img, ' +
               '.jp-OutputArea-output .jupyter-widgets, .jp-RenderedHTMLCommon table';
  const slides = R.getSlides();
  slides.forEach(section => {
    const {h, v} = R.getIndices(section);
    R.slide(h, v === undefined ? 0 : v);
    // the scroll set-up of web/build.py runs on 'slidechanged'; the box is the section's
    const box = section.getBoundingClientRect();
    const screen = document.querySelector('.reveal').getBoundingClientRect();
    const scrolls = section.scrollHeight > section.clientHeight + 1 &&
                    /(auto|scroll)/.test(getComputedStyle(section).overflowY);
    const left = Math.max(box.left, screen.left), right = Math.min(box.right, screen.right);
    const top = Math.max(box.top, screen.top), bottom = Math.min(box.bottom, screen.bottom);
    const name = `slide ${h}/${v || 0}`;
    section.querySelectorAll(what).forEach(el => {
      if (el.closest('section') !== section) return;  // a child subslide is measured itself
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) return;
      const text = (el.textContent || el.getAttribute('alt') || el.tagName).trim()
                     .split('\\n')[0].slice(0, 60);
      if (r.left < left - 1 || r.right > right + 1)
        cut.push(`${name}: ${el.tagName.toLowerCase()} ${Math.round(r.left - left)}..` +
                 `${Math.round(r.right - left)} px of a ${Math.round(right - left)} px wide ` +
                 `slide: ${JSON.stringify(text)}`);
      if (r.top < top - 1 || (r.bottom > bottom + 1 && !scrolls))
        cut.push(`${name}: ${el.tagName.toLowerCase()} below the slide's bottom edge ` +
                 `(${Math.round(r.bottom - top)} of ${Math.round(bottom - top)} px) and the ` +
                 `slide does not scroll: ${JSON.stringify(text)}`);
      if (el.tagName === 'PRE' && el.scrollWidth > el.clientWidth + 1)
        cut.push(`${name}: a line of ${el.scrollWidth} px in a ${el.clientWidth} px box: ` +
                 JSON.stringify(text));
    });
  });
  return {cut, slides: slides.length};
}"""


@pytest.fixture(scope="module")
def decks(tmp_path_factory, node_modules):
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/ yet")
    out = tmp_path_factory.mktemp("decks") / "slides"
    return dict(zip((nb.stem for nb in NOTEBOOKS), build.build_slides(NOTEBOOKS, out=out)))


def _open(browser, deck, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(deck.as_uri())
    page.wait_for_selector(".reveal.ready", state="attached", timeout=20_000)
    page.evaluate(REVEAL)
    return context, page, errors


@pytest.mark.parametrize("screen", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
@pytest.mark.parametrize("stem", [nb.stem for nb in NOTEBOOKS])
def test_nothing_is_cut_at_the_slide_edge(stem, screen, decks, browser):
    context, page, errors = _open(browser, decks[stem], *screen)
    try:
        # the widgets (stored app frames) are drawn from the embedded state: wait for them
        if page.locator("script[type='application/vnd.jupyter.widget-state+json']").count():
            frames = min(1, stored_frames(NOTEBOOK_DIR / f"{stem}.ipynb"))
            page.wait_for_function(WIDGETS_DRAWN, arg=frames, timeout=20_000)
        page.wait_for_function("() => [...document.images].every(img => img.complete)",
                               timeout=20_000)
        result = page.evaluate(CUT)
    finally:
        context.close()
    assert result["slides"] > 2
    assert not result["cut"], (
        f"{stem}.slides.html at {screen[0]}x{screen[1]}: {len(result['cut'])} cut element(s): "
        + "; ".join(result["cut"][:8]))
    assert not errors, f"JavaScript errors in {stem}.slides.html: {errors}"


@pytest.mark.parametrize("key", ["Space", "PageDown"])
def test_the_next_key_reaches_every_subslide(key, decks, browser):
    # the deck with the most vertical subslides
    counts = {stem: expected_slides(nbformat.read(nb, as_version=4))
              for stem, nb in zip((n.stem for n in NOTEBOOKS), NOTEBOOKS)}
    stem = max(counts, key=lambda s: counts[s][1] - counts[s][0])
    n_slides, n_shown = counts[stem]
    if n_shown == n_slides:
        pytest.skip("no deck has vertical subslides")
    context, page, errors = _open(browser, decks[stem], 1280, 720)
    try:
        page.evaluate("() => window.__reveal.configure({transition: 'none'})")
        seen = {(0, 0)}
        for _ in range(4 * n_shown):  # fragments take a press each, too
            page.keyboard.press(key)
            indices = page.evaluate("() => window.__reveal.getIndices()")
            seen.add((indices["h"], indices.get("v") or 0))
            if page.evaluate("() => window.__reveal.isLastSlide()") and \
                    len(seen) == n_shown:
                break
        vertical = sum(1 for _, v in seen if v > 0)
    finally:
        context.close()
    assert len(seen) == n_shown, (
        f"{key} reached {len(seen)} of the {n_shown} slides of {stem} "
        f"({vertical} of {n_shown - n_slides} subslides)")
    assert not errors, f"JavaScript errors: {errors}"
