"""What an app shows is what its figure holds: every frame equals a full redraw.

The apps blit (they paste a saved background and draw only what changes) and
cache frames. Both are fast and both can go wrong: a title drawn where only a
full draw would place it, a static artist covered by a moving one, a stale
background. Here, after random sequences of control changes (hypothesis), the
PNG in the app's Image widget is decoded and compared, pixel for pixel, with
a full, non-blitted draw of the same figure.
"""

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import kmeans_teach as kt
from kmeans_teach.apps.base import DISPLAY_DPI, MIN_SHOWN_PT, PIXEL_RATIO
from matplotlib.text import Text


def _small_apps():
    """Every app, on the lesson's data but with fewer precomputed cases (speed)."""
    X, _ = kt.lesson_blobs()
    return {
        "StepThrough": lambda: kt.StepThrough(n_seeds=4, seed=2, max_clusters=6, show_progress=False),
        "SeedExplorer": lambda: kt.SeedExplorer(n_seeds=12, show_progress=False),
        "PlusPlusExplorer": lambda: kt.PlusPlusExplorer(n_seeds=4, show_progress=False),
        "KExplorer": lambda: kt.KExplorer(max_k=6, n_refs=2, show_progress=False),
        "MoonsExplorer": lambda: kt.MoonsExplorer(noise_values=[0.05, 0.1, 0.2],
                                                  n_neighbors_values=[3, 5, 10],
                                                  show_progress=False),
        "ClusterBrowser": lambda: kt.ClusterBrowser(show_progress=False),
        "ColorExplorer": lambda: kt.ColorExplorer(n_colors=4, max_colors=6, show_progress=False),
        "Playground": lambda: kt.Playground(start="random"),
        "LabelBudgetExplorer": lambda: kt.LabelBudgetExplorer(n_labels=10, budgets=(10, 20, 30),
                                                              shares=(0.2, 1.0),
                                                              show_progress=False),
        "SegmentationExplorer": lambda: kt.SegmentationExplorer(n_clusters=3, max_clusters=5,
                                                                sample_size=500),
        "GMMStepThrough": lambda: kt.GMMStepThrough(n_seeds=2, max_components=3, show_progress=False),
        "SigmaExplorer": lambda: kt.SigmaExplorer(show_progress=False),
    }


APPS = {}


def app_named(name):
    """One app per kind for the whole module (building some takes seconds)."""
    if name not in APPS:
        APPS[name] = _small_apps()[name]()
    return APPS[name]


CONTROLS = {}


def controls_of(app):
    """(control, the values it can take) for every slider, toggle and dropdown.

    Found once per app, so that hypothesis always draws from the same lists
    (a slider whose range shrinks later clamps the value to its new maximum).
    """
    if id(app) in CONTROLS:
        return CONTROLS[id(app)]
    found = CONTROLS[id(app)] = []
    for name, control in vars(app).items():
        if name.endswith(("_slider", "_toggle", "_dropdown", "_buttons")):
            if hasattr(control, "options") and control.options:
                values = [v if not isinstance(v, tuple) else v[1] for v in control.options]
                values = list(getattr(control, "_options_values", values))
            else:
                values = list(range(control.min, control.max + 1))
            found.append((control, values))
    return found


def shown_pixels(app):
    return np.asarray(Image.open(io.BytesIO(bytes(app.image.value))).convert("RGB"))


def expected_pixels(app):
    """A full redraw of the figure, encoded as the app encodes its frames."""
    return np.asarray(Image.open(io.BytesIO(app.encode(app.full_redraw()))).convert("RGB"))


def assert_frame_is_the_figure(app, context):
    shown, expected = shown_pixels(app), expected_pixels(app)
    assert shown.shape == expected.shape
    differ = np.any(shown != expected, axis=-1)
    if differ.any():
        rows, cols = np.nonzero(differ)
        pytest.fail(f"{type(app).__name__} after {context}: {differ.sum()} pixels differ "
                    f"from a full redraw, in rows {rows.min()}..{rows.max()}, "
                    f"columns {cols.min()}..{cols.max()}")


NAMES = list(_small_apps())


@pytest.mark.parametrize("name", NAMES)
def test_first_frame_is_the_figure(name):
    assert_frame_is_the_figure(app_named(name), "building")


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_frame_is_the_figure_after_any_moves(name, data):
    app = app_named(name)
    controls = controls_of(app)
    assert controls, f"{name} has no controls the test can find"
    moves = data.draw(st.lists(
        st.integers(0, len(controls) - 1).flatmap(
            lambda i: st.tuples(st.just(i), st.sampled_from(controls[i][1]))),
        min_size=1, max_size=5))
    done = []
    for i, value in moves:
        control = controls[i][0]
        control.value = value
        done.append(f"{control.description}={value!r}")
        assert app.last_error is None, app.status.value
    assert_frame_is_the_figure(app, ", ".join(done))


def test_a_cached_frame_is_still_the_figure():
    """Revisiting a state shows the cached frame; the figure must be in that state too."""
    app = app_named("StepThrough")
    app.step_slider.value = 3
    app.step_slider.value = 5
    app.step_slider.value = 3  # from the cache
    assert_frame_is_the_figure(app, "half-step 3, 5, 3")


@pytest.mark.parametrize("name", NAMES)
def test_frames_are_hidpi_and_the_text_is_readable(name):
    """Twice the pixels of the size shown, and no text under 10 pt as shown."""
    app = app_named(name)
    width_in, height_in = app.figure.get_size_inches()
    shown = shown_pixels(app)
    assert shown.shape[:2] == (round(height_in * DISPLAY_DPI * PIXEL_RATIO),
                               round(width_in * DISPLAY_DPI * PIXEL_RATIO))
    assert app.image.layout.max_width == f"{int(width_in * DISPLAY_DPI)}px"
    # shown at DISPLAY_DPI CSS pixels per figure inch, and a CSS inch is 96 px
    small = sorted({(t.get_text(), round(t.get_fontsize() * DISPLAY_DPI / 96, 1))
                    for t in app.figure.findobj(Text)
                    if t.get_visible() and t.get_text().strip()
                    and t.get_fontsize() * DISPLAY_DPI / 96 < MIN_SHOWN_PT - 1e-9})
    assert not small, f"{name} shows text below {MIN_SHOWN_PT} pt: {small[:5]}"
