"""SeedExplorer and PlusPlusExplorer driven from code, as a student's clicks would drive them."""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.cluster import kmeans_plusplus

import kmeans_teach as kt


@pytest.fixture(scope="module")
def seed_app():
    return kt.SeedExplorer(show_progress=False)


def test_seed_explorer_builds_with_no_arguments_on_the_lesson_case():
    app = kt.SeedExplorer(show_progress=False)  # a fresh one: the shared app gets moved
    assert isinstance(app, widgets.VBox)
    np.testing.assert_array_equal(app.X, kt.lesson_blobs()[0])
    assert app.seed_slider.min == 0 and app.seed_slider.max == 199
    assert set(app.scans) == {"random", "k-means++"} and all(len(s) == 200 for s in app.scans.values())
    # it opens on the worst seed, found by the scan (not a number written in the code)
    random = kt.scan_seeds(app.X, 4, range(200), init="random")
    np.testing.assert_allclose(app.scans["random"].inertias, random.inertias)
    assert app.seed_slider.value == random.worst_seed
    assert app.inertia == pytest.approx(random.inertias.max())
    assert app.optimum == pytest.approx(min(random.inertias.min(), app.scans["k-means++"].inertias.min()))
    assert app.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert repr(app).startswith(f"SeedExplorer(n_clusters=4, init='random', seed={random.worst_seed}: ")


def test_seed_slider_changes_image_and_status_without_recomputing(seed_app):
    app = seed_app
    app.init_toggle.value = "random"
    scans = dict(app.scans)
    best = app.scans["random"].best_seed
    app.seed_slider.value = app.scans["random"].worst_seed
    image, status = app.image.value, app.status.value
    app.seed_slider.value = best
    assert app.scans == scans  # the same objects: nothing was run again
    assert app.image.value != image and app.status.value != status
    assert app.status.value.startswith(f"seed {best} · random start · final inertia 212.0, the best found")
    assert f"{int(app.scans['random'].reached().sum())} of 200 random runs reach the best" in app.status.value
    app.seed_slider.value = app.scans["random"].worst_seed
    assert app.image.value == image  # the same state gives the same frame


def test_init_toggle_switches_the_histogram_and_the_run(seed_app):
    app = seed_app
    app.init_toggle.value = "random"
    app.seed_slider.value = app.scans["random"].worst_seed
    image = app.image.value
    app.init_toggle.value = "k-means++"
    assert app.image.value != image
    assert "k-means++ start" in app.status.value
    assert app.inertia == app.scans["k-means++"].inertias[app.seed_slider.value]
    visible = [b.get_visible() for b in app._hists["k-means++"].bars]
    hidden = [b.get_visible() for b in app._hists["random"].bars]
    assert all(visible) and not any(hidden)
    app.init_toggle.value = "random"


def test_a_frame_does_not_depend_on_the_way_it_was_reached():
    # regions drawn on a stale background would blend with the old ones
    direct = kt.SeedExplorer(show_progress=False, init="k-means++", seed=5)
    moved = kt.SeedExplorer(show_progress=False)
    moved.init_toggle.value = "k-means++"
    moved.seed_slider.value = 5
    np.testing.assert_array_equal(pixels(moved.image.value), pixels(direct.image.value))


def test_seed_explorer_takes_other_data_and_refuses_bad_input():
    X = np.random.default_rng(0).normal(size=(40, 2))
    app = kt.SeedExplorer(X, 3, n_seeds=5, seed=2, show_progress=False)
    assert app.seed_slider.max == 4 and app.seed_slider.value == 2
    assert app.scans["random"].labels.shape == (5, 40)
    with pytest.raises(ValueError, match="init must be one of"):
        kt.SeedExplorer(X, 3, init="kmeans++", show_progress=False)
    with pytest.raises(ValueError, match="n_clusters must be between 1 and 40"):
        kt.SeedExplorer(X, 41, n_seeds=2, show_progress=False)
    with pytest.raises(ValueError, match="n_seeds must be at least 1"):
        kt.SeedExplorer(X, 3, n_seeds=0, show_progress=False)
    with pytest.raises(TypeError, match="n_seeds must be an integer"):
        kt.SeedExplorer(X, 3, n_seeds=2.5, show_progress=False)
    with pytest.raises(ValueError, match="seed must be between 0 and 4"):
        kt.SeedExplorer(X, 3, n_seeds=5, seed=5, show_progress=False)
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 2\)"):
        kt.SeedExplorer(np.zeros((10, 3)), 2, show_progress=False)


def test_progress_bars_are_shown_once_per_start(capsys):
    kt.SeedExplorer(np.random.default_rng(1).normal(size=(20, 2)), 2, n_seeds=3)
    out = capsys.readouterr().out
    assert out.count("IntProgress(") == 2 and "random start" in out and "k-means++ start" in out


@pytest.fixture(scope="module")
def plus_app():
    return kt.PlusPlusExplorer(show_progress=False)


def test_plusplus_explorer_builds_with_no_arguments():
    app = kt.PlusPlusExplorer(show_progress=False)  # a fresh one: the shared app gets moved
    assert app.pick_slider.min == 1 and app.pick_slider.max == 4
    assert app.seed_slider.max == 199 and len(app.picks) == 200
    _, indices = kmeans_plusplus(app.X, 4, random_state=0, n_local_trials=1)
    assert [p.index for p in app.picks[0]] == indices.tolist()
    assert repr(app) == (f"PlusPlusExplorer(n_clusters=4, seed=0, pick=1: point {indices[0]}, "
                         f"chance {1 / 300:.2%})")


def test_pick_and_seed_sliders_change_image_and_status(plus_app):
    app = plus_app
    app.seed_slider.value, app.pick_slider.value = 0, 1
    image, status = app.image.value, app.status.value
    picks = app.picks
    app.pick_slider.value = 3
    assert app.picks is picks
    assert app.image.value != image and app.status.value != status
    pick = app.picks[0][2]
    assert app.status.value.startswith(f"seed 0 · pick 3 of 4 · draw u = {pick.draw:.3f} → point {pick.index}")
    # the figure shows that pick: the ring sits on the chosen point, the colours are its chances
    np.testing.assert_array_equal(app._map.pick.get_offsets()[0], app.X[pick.index])
    np.testing.assert_allclose(app._map.points.get_array(), pick.probabilities)
    assert np.isfinite(app._map.chosen.get_offsets()).all(axis=1).sum() == 2
    image = app.image.value
    app.seed_slider.value = 7
    assert app.image.value != image and app.status.value.startswith("seed 7 · pick 3 of 4")
    _, indices = kmeans_plusplus(app.X, 4, random_state=7, n_local_trials=1)
    assert app.pick.index == indices[2]


def test_plusplus_explorer_refuses_bad_input():
    with pytest.raises(ValueError, match="n_clusters must be between 1 and 300"):
        kt.PlusPlusExplorer(n_clusters=0, show_progress=False)
    with pytest.raises(ValueError, match="n_seeds must be at least 1"):
        kt.PlusPlusExplorer(n_seeds=0, show_progress=False)
    with pytest.raises(ValueError, match="seed must be between 0 and 9"):
        kt.PlusPlusExplorer(n_seeds=10, seed=10, show_progress=False)
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 2\)"):
        kt.PlusPlusExplorer(np.zeros((5, 3)), 2, show_progress=False)


def test_callbacks_print_nothing(capsys, seed_app, plus_app):
    seed_app.seed_slider.value = 3
    seed_app.init_toggle.value = "k-means++"
    seed_app.init_toggle.value = "random"
    plus_app.pick_slider.value = 2
    plus_app.seed_slider.value = 9
    assert capsys.readouterr() == ("", "")


def test_plotting_draws_only_on_the_given_axes():
    from matplotlib.figure import Figure

    before = plt.get_fignums()
    fig = Figure()
    ax = fig.subplots()
    X = kt.lesson_blobs()[0]
    pick = list(kt.kmeans_plusplus_steps(X, 3, random_state=1))[1]
    artists = kt.plotting.plot_d2_probabilities(ax, X, pick, n_clusters=3)
    assert artists.title.get_text() == "Pick 2: chance ∝ D²"
    hist = kt.plotting.plot_inertia_histogram(ax, [1.0, 2.0, 2.5], current=2.0)
    assert list(hist.marker.get_xdata()) == [2.0, 2.0] and hist.note.get_text().strip() == "2.0"
    kt.plotting.update_inertia_histogram(hist, None)
    assert hist.note.get_text() == ""
    assert plt.get_fignums() == before


def pixels(frame):
    """The RGB pixels of a frame (the first frame is encoded smaller, with the same pixels)."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(bytes(frame))).convert("RGB"))
