"""StepThrough driven from code, as a student's clicks would drive it."""

import ipywidgets as widgets
import numpy as np

import kmeans_teach as kt
from kmeans_teach.apps import StepThrough


def test_builds_with_no_arguments_on_the_lesson_case():
    app = StepThrough()
    assert isinstance(app, widgets.VBox)
    np.testing.assert_array_equal(app.X, kt.lesson_blobs()[0])
    expected = kt.run_kmeans(app.X, 4, init="random", random_state=34)
    assert len(app.trace) == len(expected)
    np.testing.assert_array_equal(app.trace.final.labels, expected.final.labels)
    assert app.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert repr(app) == f"StepThrough(n_clusters=4, seed=34, step 0/{len(expected) - 1}: initial centers)"


def test_moving_the_step_slider_changes_image_and_status_but_not_the_trace():
    app = StepThrough()
    trace, image, status = app.trace, app.image.value, app.status.value
    app.step_slider.value = 2
    assert app.trace is trace  # no recomputation
    assert app.image.value != image
    assert app.status.value != status and app.status.value.startswith("Iteration 1 · update (M-step)")
    assert f"inertia {trace[2].inertia:.1f}" in app.status.value
    assert repr(app).endswith("step 2/%d: update (M-step))" % (len(trace) - 1))
    app.step_slider.value = 0
    assert app.image.value == image  # the same state gives the same frame


def test_last_step_says_why_it_stopped():
    app = StepThrough()
    app.step_slider.value = app.step_slider.max
    assert "converged: labels unchanged" in app.status.value


def test_changing_k_or_seed_recomputes_once_and_resets_the_step():
    app = StepThrough()
    app.step_slider.value = 3
    old = app.trace
    app.k_slider.value = 3
    assert app.trace is not old and len(app.trace.final.centers) == 3
    assert app.step_slider.value == 0 and app.step_slider.max == len(app.trace) - 1
    assert app.play.max == app.step_slider.max
    assert repr(app).startswith("StepThrough(n_clusters=3, seed=34, step 0/")
    app.seed_slider.value = 5
    expected = kt.run_kmeans(app.X, 3, init="random", random_state=5)
    np.testing.assert_array_equal(app.trace.final.centers, expected.final.centers)


def test_takes_other_data():
    X = np.random.default_rng(0).normal(size=(50, 2))
    app = StepThrough(X, n_clusters=2, random_state=1)
    assert len(app.trace.final.centers) == 2 and app.trace.final.labels.shape == (50,)


def test_callbacks_print_nothing(capsys):
    app = StepThrough()
    app.step_slider.value = 4
    app.k_slider.value = 5
    assert capsys.readouterr() == ("", "")
