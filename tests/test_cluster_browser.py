"""ClusterBrowser driven from code, and the digit plotting functions it uses."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

import kmeans_teach as kt  # noqa: E402
from kmeans_teach.plotting import (  # noqa: E402
    MISMATCH_COLOR,
    caption_texts,
    plot_confusion,
    plot_digit_grid,
    update_digit_grid,
)


@pytest.fixture(scope="module")
def built_app():
    return kt.ClusterBrowser(show_progress=False)  # fitted once for the whole module


@pytest.fixture()
def app(built_app):
    """The module's app, back at cluster 0 and a random sample (tests may run in any order)."""
    built_app.cluster_slider.value = 0
    built_app.order_buttons.value = "random sample"
    return built_app


@pytest.fixture()
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


# --- plotting ------------------------------------------------------------------------
def test_digit_grid_puts_every_tile_in_one_image(ax):
    images = np.arange(3 * 64, dtype=float).reshape(3, 64) % 17
    art = plot_digit_grid(ax, images, n_cols=2, captions=["a", "b", "c"])
    assert len(ax.images) == 1 and art.image is ax.images[0]
    assert (art.n_rows, art.n_cols) == (2, 2)
    data = np.asarray(art.image.get_array())
    assert data.shape == (2 * art.pitch[0], 2 * art.pitch[1])
    top = art.pitch[0] - 8  # tiles sit below their caption strip
    np.testing.assert_array_equal(data[top:top + 8, :8], images[0].reshape(8, 8))
    np.testing.assert_array_equal(data[top:top + 8, 9:17], images[1].reshape(8, 8))
    assert caption_texts(art) == ["a", "b", "c", ""]
    assert len(art.captions.get_paths()) == 4 and art.captions.get_facecolor()[3][3] == 0
    assert np.ma.getmaskarray(data)[:, 8].all() or np.isnan(data[:, 8]).all()  # gap column


def test_a_single_tile_shows_no_gap_band_around_it(ax):
    """The Axes show the tile and nothing of the grey gap beyond it (cold read 05: an
    L-shaped grey band along the top and right of a lone center read as faint ink)."""
    art = plot_digit_grid(ax, np.full((1, 64), 3.0))
    data = np.asarray(art.image.get_array(), dtype=float)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    shown = data[int(y1 + 0.5):int(y0 + 0.5), int(x0 + 0.5):int(x1 + 0.5)]
    assert shown.shape == (8, 8) and not np.isnan(shown).any()
    art = plot_digit_grid(ax, np.full((4, 64), 3.0), n_cols=2)  # between tiles the gaps stay
    data = np.asarray(art.image.get_array(), dtype=float)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    shown = data[int(y1 + 0.5):int(y0 + 0.5), int(x0 + 0.5):int(x1 + 0.5)]
    assert shown.shape == (17, 17) and np.isnan(shown[8]).all() and np.isnan(shown[:, 8]).all()
    assert np.isnan(shown[0]).sum() == 1 and np.isnan(shown[:, -1]).sum() == 1  # outer edge: tiles


def test_update_digit_grid_swaps_images_and_blanks_the_rest(ax):
    art = plot_digit_grid(ax, np.zeros((0, 64)), n_tiles=4, captions=[])
    update_digit_grid(art, np.full((1, 64), 5.0), captions=[7], caption_colors=[MISMATCH_COLOR])
    data = np.asarray(art.image.get_array(), dtype=float)
    assert np.nansum(data) == 5.0 * 64
    assert caption_texts(art) == ["7", "", "", ""]
    np.testing.assert_allclose(art.captions.get_facecolor()[0], to_rgba(MISMATCH_COLOR))
    assert (art.captions.get_facecolor()[1:, 3] == 0).all()  # blank tiles: invisible
    with pytest.raises(ValueError, match="5 images for a grid of 4 tiles"):
        update_digit_grid(art, np.zeros((5, 64)))


def test_captions_are_drawn(ax):
    """The caption outlines really reach the canvas (they are drawn in points)."""
    fig = ax.figure
    art = plot_digit_grid(ax, np.zeros((2, 64)), captions=["8", "8"])
    fig.canvas.draw()
    with_text = np.asarray(fig.canvas.buffer_rgba()).copy()
    update_digit_grid(art, np.zeros((2, 64)))
    fig.canvas.draw()
    assert (np.asarray(fig.canvas.buffer_rgba()) != with_text).any()
    assert caption_texts(art) == ["", ""]


def test_digit_grid_bad_shape(ax):
    with pytest.raises(ValueError, match=r"images must have shape \(n_images, 64\)"):
        plot_digit_grid(ax, np.zeros((2, 10)))


def test_confusion_heatmap_writes_the_counts(ax):
    counts = np.array([[3, 0], [1, 2]])
    mesh = plot_confusion(ax, counts)
    np.testing.assert_array_equal(np.asarray(mesh.get_array()).ravel(), counts.ravel())
    assert sorted(t.get_text() for t in ax.texts) == ["0", "1", "2", "3"]
    assert ax.get_xlabel() == "cluster" and ax.get_ylabel() == "true class"
    with pytest.raises(ValueError, match="counts must be a 2-D matrix"):
        plot_confusion(ax, [1, 2])


# --- the app ---------------------------------------------------------------------------
def test_builds_with_no_arguments_on_the_lesson_case(app):
    X, y = load_digits(return_X_y=True)
    expected = KMeans(10, n_init=10, random_state=0).fit(X)
    np.testing.assert_array_equal(app.labels, expected.labels_)
    assert app.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    s = kt.cluster_summary(y, expected.labels_, 0)
    assert repr(app) == (f"ClusterBrowser(n_clusters=10, cluster=0, show='random sample': "
                         f"{s.size} of 1797 digits, mostly {s.majority}, purity {s.purity:.3f})")


def test_slider_changes_image_and_status_without_refitting(app):
    labels, image, status = app.labels, app.image.value, app.status.value
    app.cluster_slider.value = 3
    assert app.labels is labels
    assert app.image.value != image and app.status.value != status
    s = kt.cluster_summary(app.y, app.labels, 3)
    assert app.status.value.startswith(f"Cluster 3 of 10 · {s.size} digits")
    assert f"purity {s.purity:.0%}" in app.status.value
    d, n = s.others[0]
    assert f"{d} ×{n}" in app.status.value  # the digit it mixes up most
    assert caption_texts(app._grid)[:3] == [str(d) for d in app.y[app._members[3, "random"][:3]]]
    app.cluster_slider.value = 0
    assert app.image.value == image


def test_order_buttons_show_the_farthest_members(app):
    app.cluster_slider.value = 8
    sample = app.image.value
    app.order_buttons.value = "farthest from center"
    assert app.image.value != sample
    shown = app._members[8, "farthest"]
    d = ((app.X[app.labels == 8] - app.centers[8]) ** 2).sum(axis=1)
    assert ((app.X[shown[0]] - app.centers[8]) ** 2).sum() == pytest.approx(d.max())
    app.order_buttons.value = "random sample"


def test_tie_and_hungarian_name_are_reported(app):
    """Every cluster's status says when two digits tie and when the one-to-one name differs."""
    flagged = 0
    for c in range(10):
        app.cluster_slider.value = c
        s = app.summary
        top = round(s.purity * s.size)
        tie = any(n == top for _, n in s.others)
        assert ("tie" in app.status.value) == tie
        named = int(app.matching.predict([c])[0])
        assert (f"names it {named}" in app.status.value) == (named != s.majority)
        flagged += tie or named != s.majority
    # the lesson's case: cluster 1 holds as many 1s as 8s, and the one-to-one naming calls it 8
    assert flagged >= 1


def test_works_on_other_square_images():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (20, 16)), rng.normal(5, 1, (20, 16))])
    y = np.repeat([0, 1], 20)
    small = kt.ClusterBrowser(X, y, n_clusters=2, n_members=6, show_progress=False)
    assert small.summary.purity == 1.0
    assert "nothing mixed in" in small.status.value


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(X=np.zeros((5, 64))), ValueError, "X was given without y"),
    (dict(y=np.zeros(5)), ValueError, "y was given without X"),
    (dict(X=np.zeros((5, 10)), y=np.zeros(5)), ValueError, "square images"),
    (dict(X=np.zeros((5, 64)), y=np.zeros(4)), ValueError, "one label per row of X"),
    (dict(n_clusters=1), ValueError, "n_clusters must be between 2"),
])
def test_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        kt.ClusterBrowser(show_progress=False, **kwargs)
