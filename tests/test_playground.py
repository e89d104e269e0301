"""Playground: clicks land where they are shown, and every button is exact against the engine."""

import threading

import numpy as np
import pytest

import kmeans_teach as kt
from kmeans_teach.apps.playground import HIT_RADIUS


@pytest.fixture(scope="module")
def app():
    return kt.Playground()


def click_at(app, point, css_width):
    """A synthetic ipyevents click on the data point ``point``, the image shown css_width wide."""
    width, height = app.figure.canvas.get_width_height()
    scale = width / css_width
    app.ax.apply_aspect()
    x, y = app.ax.transData.transform(point)
    event = {"type": "click", "relativeX": x / scale, "relativeY": (height - y) / scale,
             "boundingRectWidth": css_width, "boundingRectHeight": height / scale}
    app.handle_event(event)
    assert app.last_error is None, app.status.value


def steps_of(app):
    return list(kt.kmeans_steps(app.X, len(app.placed), init=app.placed))


@pytest.mark.parametrize("css_width", [640, 333])
def test_clicks_add_and_remove_centers_where_clicked(app, css_width):
    app.start_dropdown.value = "click to place"
    app.place([])
    points = [(-2.0, 3.0), (0.5, 4.5), (2.0, 1.0), (-1.5, 8.0)]
    for p in points:
        click_at(app, p, css_width)
    # a CSS pixel is at most a few hundredths of a data unit here: the click lands within one
    data_per_css = np.diff(app.ax.get_xlim())[0] / (app.ax.bbox.width / (1280 / css_width))
    assert np.allclose(app.placed, points, atol=data_per_css)
    assert app.status.value.startswith("centers: 4 placed")
    # a click a few pixels off an existing center removes it
    off = np.array(points[1]) + data_per_css * (HIT_RADIUS / 2)
    click_at(app, off, css_width)
    assert len(app.placed) == 3
    assert not np.isclose(app.placed, points[1], atol=0.1).all(axis=1).any()


def test_a_click_outside_the_plot_says_so(app):
    app.place([])
    app.handle_event({"type": "click", "relativeX": 1, "relativeY": 1,
                      "boundingRectWidth": 640, "boundingRectHeight": 480})
    assert len(app.placed) == 0 and "click inside the plot" in app.status.value


def test_step_back_run_reset_are_exact_against_kmeans_steps(app):
    app.start_dropdown.value = "click to place"
    app.place([(-2.0, 3.0), (0.5, 4.5), (2.0, 1.0), (-1.5, 8.0)])
    truth = steps_of(app)
    shown = []
    for _ in range(len(truth) + 2):  # past the end: stays at the end
        shown.append(app.index)
        step = app.trace[app.index]
        assert np.array_equal(step.centers, truth[app.index].centers)
        assert np.array_equal(app._artists.centers.get_offsets(), truth[app.index].centers)
        app.step()
    assert app.index == len(truth) - 1
    app.back()
    assert app.index == len(truth) - 2
    want = truth[-2]
    assert f"inertia {want.inertia:.1f}" in app.status.value
    app.reset()
    assert app.index == 0 and app.status.value.startswith("centers: 4 placed")
    app.run_to_end()
    final = truth[-1]
    for j, points in enumerate(app._artists.points[1:]):
        assert np.array_equal(points.get_offsets(), app.X[final.labels == j])
    assert "converged" in app.status.value


def test_arrow_keys_step_and_go_back(app):
    app.place([(-2.0, 3.0), (2.0, 1.0)])
    app.handle_event({"type": "keydown", "key": "ArrowRight"})
    app.handle_event({"type": "keydown", "key": "ArrowRight"})
    assert app.index == 2 and app.status.value.startswith("Iteration 1 · update (M-step)")
    app.handle_event({"type": "keydown", "key": "ArrowLeft"})
    assert app.index == 1 and "assign (E-step)" in app.status.value


def test_seeded_centers_are_placed_and_can_be_moved(app):
    app.start_dropdown.value = "k-means++"
    app.k_slider.value = 3
    want = kt.init_centers(app.X, 3, "k-means++", random_state=0)
    assert np.array_equal(app.placed, want)
    click_at(app, want[0], 640)
    assert app.picked == 0 and "picked up" in app.status.value
    click_at(app, (0.0, 0.0), 640)
    assert app.picked is None and np.allclose(app.placed[0], 0.0, atol=0.05)
    assert np.array_equal(app.placed[1:], want[1:])
    assert app.trace[-1].centers.shape == (3, 2)


def test_a_click_after_steps_starts_from_the_centers_shown(app):
    app.start_dropdown.value = "click to place"
    app.place([(-2.0, 3.0), (2.0, 1.0)])
    app.run_to_end()
    final = app.trace[-1].centers.copy()
    click_at(app, (0.0, 10.0), 640)
    assert app.index == 0 and np.allclose(app.placed[:2], final) and len(app.placed) == 3


@pytest.mark.parametrize("name", list(kt.PLAYGROUND_DATA))
def test_every_data_set_runs_and_its_frame_is_the_figure(app, name):
    from test_app_frames import assert_frame_is_the_figure

    app.data_dropdown.value = name
    app.start_dropdown.value = "random"
    app.run_to_end()
    assert app.last_error is None, app.status.value
    assert len(app.X) == len(kt.playground_data(name))
    assert_frame_is_the_figure(app, f"data={name!r}, run to the end")


def test_an_error_in_a_handler_shows_in_the_status_line(app):
    app.handle_event({"type": "click"})  # no coordinates at all
    assert app.last_error is not None and app.status.value.startswith("⚠")
    app.handle_event({"type": "keydown", "key": "ArrowRight"})
    assert app.last_error is None


def test_bad_arguments_get_a_sentence():
    with pytest.raises(ValueError, match="data must be one of"):
        kt.Playground(data="iris")
    with pytest.raises(ValueError, match="start must be one of"):
        kt.Playground(start="manual")


def test_buttons_and_event_source_follow_the_contract(app):
    assert [b.description for b in app.buttons.values()] == [
        "Step", "Back", "Run to the end", "Play", "Reset"]
    assert "kt-playground" in app.image._dom_classes
    assert app.events is not None and app.events.source is app.image
    assert set(app.events.watched_events) == {"click", "keydown"}


@pytest.mark.parametrize("css_width", [640, 333])
def test_a_click_on_a_drawn_center_lands_on_it(app, css_width):
    """Independent of the app's transforms: find the center in the PNG shown, click there."""
    from test_app_frames import shown_pixels

    app.start_dropdown.value = "click to place"
    app.data_dropdown.value = "Gaussian blobs"
    app.place([(0.0, 4.0)])
    pixels = shown_pixels(app).astype(int)
    rows, cols = np.nonzero(np.abs(pixels - (0x00, 0x72, 0xB2)).sum(axis=-1) == 0)
    assert len(rows) > 50  # the marker's fill, in cluster 0's colour
    height, width = pixels.shape[:2]
    scale = width / css_width  # rendered pixels per CSS pixel
    event = {"type": "click", "relativeX": cols.mean() / scale, "relativeY": rows.mean() / scale,
             "boundingRectWidth": css_width, "boundingRectHeight": height / scale}
    app.place([])
    app.handle_event(event)  # adds a center where the old one was drawn
    data_per_pixel = np.diff(app.ax.get_xlim())[0] / app.ax.bbox.width
    assert np.allclose(app.placed, [(0.0, 4.0)], atol=3 * scale * data_per_pixel)
    app.handle_event(event)  # and the same click again removes it
    assert len(app.placed) == 0 and "center removed" in app.status.value


def test_close_closes_every_widget_of_the_app():
    app = kt.Playground()
    parts = [app.image, app.status, app.events, *app.buttons.values()]
    app.close()
    assert all(part.comm is None for part in parts)


def _in_a_loop_of_its_own(coroutine):
    """Run ``coroutine`` with asyncio.run in a thread of its own, and wait for it.

    The browser tests' Playwright keeps an event loop running in this thread when
    the whole suite runs (asyncio.run would refuse here).
    """
    import asyncio

    failed = []

    def run():
        try:
            asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            failed.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "Play did not stop within 60 s"
    if failed:
        raise failed[0]


def _play_until(app, *, key_at=None):
    """Press Play on a real event loop; return once Play has stopped, and each tick's index.

    The test waits for a state, never for a time: every tick of Play goes through a
    wrapper that records the index it reached; at ``key_at`` the wrapper sends a key
    (so the key arrives at exactly that index), and the first tick after which Play
    has stopped ends the wait. (A tick that Play booked before it stopped may still
    run before the loop closes, or not: it is not recorded, and must change nothing.)
    """
    import asyncio

    ticked = []
    real_tick = app._tick

    async def play():
        stopped = asyncio.get_running_loop().create_future()

        def tick():
            live, before = app.playing, app.index
            real_tick()
            if not live:  # a tick booked before Play stopped: it must change nothing
                assert app.index == before and not app.playing, "Play stepped after a stop"
                return
            ticked.append(app.index)
            if key_at is not None and app.playing and app.index == key_at:
                app.handle_event({"type": "keydown", "key": "ArrowLeft"})
            if not app.playing and not stopped.done():
                stopped.set_result(None)

        app._tick = tick  # Play books self._tick, so every tick comes here
        app.buttons["Play"].click()
        await asyncio.wait_for(stopped, timeout=30)  # a guard against a hang, not a wait

    try:
        _in_a_loop_of_its_own(play())
    finally:
        del app._tick
    return ticked


def test_play_steps_on_the_event_loop_to_the_end_and_a_key_stops_it():
    app = kt.Playground()
    app.place([(-2.0, 3.0), (2.0, 1.0)])
    app.play_interval = 0.001
    assert app.last_index >= 4  # room to stop in the middle
    ticked = _play_until(app)
    assert ticked == list(range(1, app.last_index + 1))  # one half-step per tick
    assert app.index == app.last_index and not app.playing and app.last_error is None
    ticked = _play_until(app, key_at=2)  # from the end: starts again at 0
    assert ticked == [1, 2]  # and at 2 ArrowLeft went back to 1
    assert app.index == 1 and not app.playing and app.last_error is None
    app.reset()
    # no event loop running: one step (in a thread of its own, which has no loop; the
    # suite's main thread has Playwright's running)
    worker = threading.Thread(target=app.buttons["Play"].click)
    worker.start()
    worker.join(timeout=30)
    assert app.index == 1 and not app.playing


class _HandLoop:
    """An event loop run by hand: call_later only books; the test runs what is booked."""

    def __init__(self):
        self.booked = []

    class Handle:
        def __init__(self, callback, args):
            self.callback, self.args, self.cancelled = callback, args, False

        def cancel(self):
            self.cancelled = True

    def call_later(self, delay, callback, *args):
        handle = self.Handle(callback, args)
        self.booked.append(handle)
        return handle

    def run_next(self):
        handle = self.booked.pop(0)
        if not handle.cancelled:
            handle.callback(*handle.args)

    def run_all(self, limit=1000):
        for _ in range(limit):
            if not self.booked:
                return
            self.run_next()
        raise AssertionError(f"still booking after {limit} callbacks")


@pytest.mark.parametrize("stop", ["ArrowLeft", "ArrowRight", "click", *["Step", "Back",
                                  "Run to the end", "Reset"]])
def test_after_a_stop_play_books_nothing_and_moves_nothing(stop, monkeypatch):
    """The event loop driven by hand: Play stops at exactly the index the stop came at."""
    import types

    import kmeans_teach.apps.playground as playground

    loop = _HandLoop()
    monkeypatch.setattr(playground, "asyncio", types.SimpleNamespace(get_running_loop=lambda: loop))
    app = kt.Playground()
    app.place([(-2.0, 3.0), (2.0, 1.0)])
    app.buttons["Play"].click()
    assert app.last_error is None, app.status.value
    for want in (1, 2, 3):
        assert app.playing and len(loop.booked) == 1
        loop.run_next()
        assert app.index == want
    if stop.startswith("Arrow"):
        app.handle_event({"type": "keydown", "key": stop})
    elif stop == "click":
        app.handle_event({"type": "click", "relativeX": 0, "relativeY": 0,
                          "boundingRectWidth": 10, "boundingRectHeight": 10})
    else:
        app.buttons[stop].click()
    after = app.index
    assert not app.playing and app.last_error is None, app.status.value
    assert after == {"ArrowLeft": 2, "ArrowRight": 4, "click": 3, "Step": 4, "Back": 2,
                     "Run to the end": app.last_index, "Reset": 0}[stop]
    loop.run_all()  # what Play had booked runs, and neither steps nor books again
    assert app.index == after and not app.playing and not loop.booked
