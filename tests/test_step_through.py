"""StepThrough driven from code, as a student's clicks would drive it."""

import ipywidgets as widgets
import numpy as np
import pytest

import kmeans_teach as kt
from kmeans_teach.apps import StepThrough


def test_builds_with_no_arguments_on_the_lesson_case():
    app = StepThrough(show_progress=False)
    assert isinstance(app, widgets.VBox)
    np.testing.assert_array_equal(app.X, kt.lesson_blobs()[0])
    expected = kt.run_kmeans(app.X, 4, init="random", random_state=34)
    assert len(app.trace) == len(expected)
    np.testing.assert_array_equal(app.trace.final.labels, expected.final.labels)
    assert app.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert repr(app) == (f"StepThrough(n_clusters=4, seed=34, step=0: initial centers, "
                         f"{len(expected)} half-steps in all)")
    # every run the sliders can ask for is computed once, here
    assert len(app.traces) == 10 * 100


def test_moving_the_step_slider_changes_image_and_status_but_not_the_trace():
    app = StepThrough(show_progress=False)
    trace, image, status = app.trace, app.image.value, app.status.value
    app.step_slider.value = 2
    assert app.trace is trace  # no recomputation
    assert app.image.value != image
    assert app.status.value != status and app.status.value.startswith("Iteration 1 · update (M-step)")
    assert f"inertia {trace[2].inertia:.1f}" in app.status.value
    assert "step=2: update (M-step)" in repr(app)
    app.step_slider.value = 0
    assert app.image.value == image  # the same state gives the same frame


def test_last_step_says_why_it_stopped():
    app = StepThrough(n_seeds=35, show_progress=False)
    app.step_slider.value = app.step_slider.max
    assert app.status.value.endswith("converged: no point changed cluster")


def test_a_run_cut_short_by_max_iter_does_not_say_converged():
    """Regression: the status said "converged: max_iter reached" for a run that stopped early."""
    app = StepThrough(max_iter=2, n_seeds=35, show_progress=False)
    app.step_slider.value = app.step_slider.max
    assert app.trace.final.stop_reason == "max_iter reached"
    assert "converged" not in app.status.value
    assert app.status.value.endswith("stopped without converging: max_iter reached")


def test_changing_k_or_seed_shows_that_run_and_resets_the_step():
    app = StepThrough(show_progress=False)
    app.step_slider.value = 3
    old = app.trace
    app.k_slider.value = 3
    assert app.trace is not old and len(app.trace.final.centers) == 3
    assert app.step_slider.value == 0 and app.step_slider.max == len(app.trace) - 1
    assert app.play.max == app.step_slider.max
    assert repr(app).startswith("StepThrough(n_clusters=3, seed=34, step=0: ")
    app.seed_slider.value = 5
    expected = kt.run_kmeans(app.X, 3, init="random", random_state=5)
    np.testing.assert_array_equal(app.trace.final.centers, expected.final.centers)


def test_takes_other_data():
    X = np.random.default_rng(0).normal(size=(50, 2))
    app = StepThrough(X, n_clusters=2, seed=1, n_seeds=3, show_progress=False)
    assert len(app.trace.final.centers) == 2 and app.trace.final.labels.shape == (50,)


def test_one_inertia_scale_for_all_seeds_of_an_n_clusters():
    """Two seeds are compared by eye: the inertia panel keeps its limits across seeds."""
    app = StepThrough(n_seeds=6, seed=0, show_progress=False)
    limits = app._ax_inertia.get_xlim(), app._ax_inertia.get_ylim()
    app.seed_slider.value = 5
    assert (app._ax_inertia.get_xlim(), app._ax_inertia.get_ylim()) == limits
    top = max(s.inertia for seed in range(6) for s in list(app.traces[4, seed])[1:])
    assert limits[1][1] > top  # every curve of n_clusters=4 fits
    app.k_slider.value = 2
    assert app._ax_inertia.get_ylim() != limits[1]


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="seed must be between 0 and 9"):
        StepThrough(seed=10, n_seeds=10, show_progress=False)
    with pytest.raises(ValueError, match="X needs 2 columns"):
        StepThrough(np.zeros((10, 3)), show_progress=False)
    with pytest.raises(ValueError, match="n_clusters must be between 1 and 10"):
        StepThrough(n_clusters=11, show_progress=False)


def test_callbacks_print_nothing(capsys):
    app = StepThrough(n_seeds=3, seed=1, show_progress=False)
    app.step_slider.value = 4
    app.k_slider.value = 5
    assert capsys.readouterr() == ("", "")
