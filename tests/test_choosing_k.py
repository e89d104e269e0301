"""Choosing k: Kneedle against kneed, the gap statistic by hand, fits against scikit-learn."""

import warnings
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kneed import KneeLocator
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

import kmeans_teach as kt
from kmeans_teach import fit_k, gap_statistic, kneedle, scan_k

SHAPES = [(c, d) for c in ("convex", "concave") for d in ("decreasing", "increasing")]


def kneed_knee(x, y, curve, direction, S=1.0):
    with warnings.catch_warnings():
        # kneed warns "No knee/elbow found" when there is none; we compare the None
        warnings.simplefilter("ignore", UserWarning)
        knee = KneeLocator(x, y, S=S, curve=curve, direction=direction).knee
    return None if knee is None else float(knee)


# --- Kneedle -------------------------------------------------------------------------------

def test_piecewise_linear_knee_is_the_corner():
    # falls steeply (slope -30) up to x = 4, then slowly (slope -1)
    x = np.arange(1, 11)
    y = np.where(x <= 4, 130 - 30 * x, 10 - (x - 4))
    assert kneedle(x, y) == 4.0


@pytest.mark.parametrize("corner", [3, 5, 7])
def test_corner_found_in_every_orientation(corner):
    x = np.arange(0, 12, dtype=float)
    falling = np.where(x <= corner, 100 - 12 * x, 100 - 12 * corner - 0.5 * (x - corner))
    cases = {
        ("convex", "decreasing"): falling,
        ("convex", "increasing"): falling[::-1].copy(),  # mirror: corner at 11 - corner
        ("concave", "increasing"): -falling,
        ("concave", "decreasing"): -falling[::-1],
    }
    for (curve, direction), y in cases.items():
        expected = corner if direction == ("decreasing" if curve == "convex" else "increasing") \
            else 11 - corner
        assert kneedle(x, y, curve=curve, direction=direction) == expected, (curve, direction)


def test_paper_example_matches_kneed():
    # Satopää et al.'s running example: y = -1/x + 5, concave and increasing
    x = np.linspace(0.1, 1.0, 10)
    y = -1 / x + 5
    knee = kneedle(x, y, curve="concave", direction="increasing")
    assert knee is not None
    assert knee == kneed_knee(x, y, "concave", "increasing")


def test_straight_line_has_no_knee():
    x = np.arange(10)
    assert kneedle(x, 5 - 2.0 * x) is None
    assert kneed_knee(x, 5 - 2.0 * x, "convex", "decreasing") is None


@pytest.mark.parametrize("curve,direction", SHAPES)
@pytest.mark.parametrize("S", [0.0, 0.5, 1.0, 3.0])
def test_smooth_curves_match_kneed(curve, direction, S):
    x = np.arange(1, 16, dtype=float)
    for y in (np.exp(-x / 3), 1 / x, np.log(x), x**2, np.sqrt(x), -np.exp(x / 4)):
        assert kneedle(x, y, curve=curve, direction=direction, S=S) == \
            kneed_knee(x, y, curve, direction, S), (curve, direction, S, y[:3])


@settings(max_examples=150, deadline=None)
@given(
    y=st.lists(st.integers(-50, 50), min_size=3, max_size=15),
    shape=st.sampled_from(SHAPES),
    S=st.sampled_from([0.0, 0.5, 1.0, 2.0]),
)
def test_any_curve_matches_kneed(y, shape, S):
    # any curve at all (bumps, plateaus, ties): the same walk must give the same knee
    y = np.array(y, dtype=float)
    if np.ptp(y) == 0:
        return
    x = np.arange(1, len(y) + 1, dtype=float)
    assert kneedle(x, y, curve=shape[0], direction=shape[1], S=S) == kneed_knee(x, y, *shape, S)


def test_elbow_of_lesson_blobs_is_four():
    X, _ = kt.lesson_blobs()
    inertia = [f.inertia for f in scan_k(X, range(1, 11))]
    assert kneedle(range(1, 11), inertia) == 4.0 == kneed_knee(
        list(range(1, 11)), inertia, "convex", "decreasing")


@pytest.mark.parametrize(
    "kwargs,match",
    [
        (dict(x=[1, 2], y=[2, 1]), "at least 3 points"),
        (dict(x=[1, 2, 3], y=[2, 1]), "same length"),
        (dict(x=[1, 3, 2], y=[3, 2, 1]), "strictly increasing"),
        (dict(x=[1, 2, 3], y=[1, np.nan, 0]), "finite"),
        (dict(x=[1, 2, 3], y=[1, 1, 1]), "constant"),
        (dict(x=[1, 2, 3], y=[3, 2, 1], curve="convx"), "curve must be"),
        (dict(x=[1, 2, 3], y=[3, 2, 1], direction="down"), "direction must be"),
        (dict(x=[1, 2, 3], y=[3, 2, 1], S=-1), "S must be"),
    ],
)
def test_kneedle_bad_input(kwargs, match):
    x, y = kwargs.pop("x"), kwargs.pop("y")
    with pytest.raises(ValueError, match=match):
        kneedle(x, y, **kwargs)


# --- fit_k and scan_k ----------------------------------------------------------------------

def test_fit_k_matches_scikit_learn():
    X, _ = kt.lesson_blobs()
    fit = fit_k(X, 6, n_init=10, random_state=0)
    ref = KMeans(6, n_init=10, random_state=0).fit(X)
    np.testing.assert_array_equal(fit.labels, ref.labels_)
    assert fit.inertia == pytest.approx(ref.inertia_, rel=1e-12)
    assert fit.silhouette_mean == pytest.approx(silhouette_score(X, ref.labels_), rel=1e-12)
    assert fit.silhouette.shape == (300,) and np.all(np.abs(fit.silhouette) <= 1)
    with pytest.raises(ValueError):
        fit.labels[0] = 1  # read-only


def test_one_cluster_has_no_silhouette():
    fit = fit_k(kt.lesson_blobs()[0], 1)
    assert fit.silhouette is None and fit.silhouette_mean is None
    assert "silhouette=None" in repr(fit)


def test_scan_k_inertia_falls_with_k():
    fits = scan_k(kt.lesson_blobs()[0], [1, 2, 3, 4, 6, 8])
    assert [f.n_clusters for f in fits] == [1, 2, 3, 4, 6, 8]
    assert np.all(np.diff([f.inertia for f in fits]) < 0)
    best = max(fits[1:], key=lambda f: f.silhouette_mean)
    assert best.n_clusters == 4


@pytest.mark.parametrize(
    "ks,error,match",
    [
        ([], ValueError, "ks is empty"),
        ([0, 1], ValueError, "between 1 and"),
        ([1, 301], ValueError, "between 1 and 300"),
        ([3, 2], ValueError, "strictly increasing"),
        ([2, 2], ValueError, "strictly increasing"),
        (5, TypeError, "list of values of k"),
        ([1.5], TypeError, "must be an integer"),
    ],
)
def test_scan_k_bad_ks(ks, error, match):
    with pytest.raises(error, match=match):
        scan_k(kt.lesson_blobs()[0], ks)


# --- the gap statistic ---------------------------------------------------------------------

def best_1d_inertia(values, k):
    """Smallest within-cluster sum of squares of 1-D values in k groups, by brute force.

    In one dimension an optimal k-means cluster is a run of neighbouring sorted
    values, so trying every way to cut the sorted list into k runs finds the optimum.
    """
    v = np.sort(values)
    best = np.inf
    for cuts in combinations(range(1, len(v)), k - 1):
        parts = np.split(v, cuts)
        best = min(best, sum(((p - p.mean()) ** 2).sum() for p in parts))
    return best


def test_gap_hand_checked_small_case():
    X = np.array([[0.0], [1.0], [10.0], [11.0]])
    result = gap_statistic(X, [1, 2], n_refs=4, n_init=10, random_state=7)
    # W_1: mean 5.5, squared deviations 30.25 + 20.25 + 20.25 + 30.25 = 101;
    # W_2: clusters {0, 1} and {10, 11}, 4 * 0.5**2 = 1
    np.testing.assert_allclose(result.inertia, [101.0, 1.0])
    # the reference sets, as documented: uniform over [0, 11]
    refs = np.random.default_rng(7).uniform(0.0, 11.0, size=(4, 4, 1))
    ref_log = np.log([[best_1d_inertia(r[:, 0], k) for k in (1, 2)] for r in refs])
    np.testing.assert_allclose(result.ref_log_inertia, ref_log, rtol=1e-10)
    gap = ref_log.mean(axis=0) - np.log([101.0, 1.0])
    sd = np.sqrt(((ref_log - ref_log.mean(axis=0)) ** 2).mean(axis=0))  # 1/B, not 1/(B-1)
    np.testing.assert_allclose(result.gap, gap, rtol=1e-10)
    np.testing.assert_allclose(result.sk, sd * np.sqrt(1 + 1 / 4), rtol=1e-10)
    # two tight pairs far apart: the gap jumps at k = 2 and the 1-SE rule takes it
    assert result.gap[1] > result.gap[0] + result.sk[1]
    assert result.choice == 2
    np.testing.assert_array_equal(result.k, [1, 2])


def test_gap_one_se_rule():
    X, _ = kt.lesson_blobs()
    result = gap_statistic(X, range(1, 9), n_refs=5)
    i = int(np.flatnonzero(result.k == result.choice)[0])
    assert result.gap[i] >= result.gap[i + 1] - result.sk[i + 1]
    assert all(result.gap[j] < result.gap[j + 1] - result.sk[j + 1] for j in range(i))
    assert result.choice == 4
    assert "choice=4" in repr(result)


def test_gap_on_data_without_clusters_chooses_one():
    X = np.random.default_rng(3).uniform(size=(200, 2))
    assert gap_statistic(X, range(1, 6), n_refs=10, random_state=1).choice == 1


def test_gap_is_reproducible_and_progress_sees_every_k():
    X, _ = kt.lesson_blobs()
    seen = []

    def progress(ks):
        for k in ks:
            seen.append(k)
            yield k

    a = gap_statistic(X, [2, 3, 4], n_refs=3, random_state=5, progress=progress)
    b = gap_statistic(X, [2, 3, 4], n_refs=3, random_state=5)
    assert seen == [2, 3, 4]
    np.testing.assert_array_equal(a.gap, b.gap)


@pytest.mark.parametrize(
    "kwargs,error,match",
    [
        (dict(ks=[]), ValueError, "ks is empty"),
        (dict(ks=[0, 1]), ValueError, "between 1 and"),
        (dict(ks=[1, 300]), ValueError, "at most 299"),
        (dict(ks=[1, 2], n_refs=0), ValueError, "n_refs must be at least 1"),
        (dict(ks=[1, 2], n_refs=2.5), TypeError, "n_refs must be an integer"),
    ],
)
def test_gap_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        gap_statistic(kt.lesson_blobs()[0], **kwargs)


def test_gap_k_limited_by_distinct_points():
    X = np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])  # 3 distinct points
    with pytest.raises(ValueError, match="3 distinct points"):
        gap_statistic(X, [1, 3])


# --- plotting ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fits():
    return scan_k(kt.lesson_blobs()[0], range(1, 7))


@pytest.fixture
def ax():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure()
    FigureCanvasAgg(figure)
    return figure.subplots()


def test_silhouette_diagram_one_sorted_bar_per_point(ax, fits):
    from kmeans_teach.plotting import plot_silhouette, update_silhouette

    fit = fits[3]  # k = 4
    artists = plot_silhouette(ax, fit.silhouette, fit.labels)
    verts = np.asarray(artists.bars.get_paths()[0].vertices)
    assert len(artists.bars.get_paths()) == 300
    widths = np.array([p.vertices[1, 0] for p in artists.bars.get_paths()])
    bottoms = np.array([p.vertices[0, 1] for p in artists.bars.get_paths()])
    assert verts[0, 0] == 0.0
    np.testing.assert_allclose(np.sort(widths), np.sort(fit.silhouette))
    assert np.all(np.diff(bottoms) > 0)  # stacked bottom to top, no overlap
    # within each cluster the bars are sorted, clusters in label order
    sizes = np.bincount(fit.labels)
    for j, block in enumerate(np.split(widths, np.cumsum(sizes)[:-1])):
        np.testing.assert_allclose(block, np.sort(fit.silhouette[fit.labels == j]))
    assert artists.mean.get_xdata()[0] == pytest.approx(fit.silhouette_mean)
    assert f"mean {fit.silhouette_mean:.3f}" in artists.text.get_text()
    ylim = ax.get_ylim()
    update_silhouette(artists, fits[5].silhouette, fits[5].labels)  # k = 6
    assert artists.mean.get_xdata()[0] == pytest.approx(fits[5].silhouette_mean)
    assert ax.get_ylim() == ylim  # fixed axes: blitting keeps working
    update_silhouette(artists, None, fits[0].labels)  # k = 1
    assert not artists.mean.get_visible() and "needs 2 or more clusters" in artists.text.get_text()


def test_k_curve_marks_choice_and_current(ax):
    from kmeans_teach.plotting import plot_k_curve, update_k_curve

    ks, values = np.arange(2, 8), np.array([5.0, 4.0, 6.0, 3.0, 2.0, 1.0])
    artists = plot_k_curve(ax, ks, values, yerr=np.full(6, 0.1), choice=4,
                           choice_label="largest", current=3)
    np.testing.assert_array_equal(artists.choice.get_data(), ([4], [6.0]))
    np.testing.assert_array_equal(artists.current.get_data(), ([3], [4.0]))
    assert artists.errorbars is not None
    assert "largest: k = 4" in [t.get_text() for t in ax.get_legend().get_texts()]
    update_k_curve(artists, 7)
    np.testing.assert_array_equal(artists.current.get_data(), ([7], [1.0]))
    update_k_curve(artists, 1)  # not on this curve: the line moves, the marker hides
    assert len(artists.current.get_xdata()) == 0 and artists.current_line.get_xdata()[0] == 1


def test_clustering_view_changes_k_in_place(ax, fits):
    from kmeans_teach.plotting import plot_k_clustering, update_k_clustering

    X = kt.lesson_blobs()[0]
    artists = plot_k_clustering(ax, X, fits[5])
    assert len(artists.centers.get_offsets()) == 6
    update_k_clustering(artists, fits[1])
    np.testing.assert_allclose(artists.centers.get_offsets(), fits[1].centers)
    assert len(artists.centers.get_facecolors()) == 2
    assert artists.title.get_text().startswith("k = 2")
    assert len(ax.collections) == 3  # regions, points, centers: the same artists, changed


# --- KExplorer -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def app():
    return kt.KExplorer(show_progress=False)


def test_k_explorer_builds_with_no_arguments_on_the_lesson_case(app):
    import ipywidgets as widgets

    assert isinstance(app, widgets.VBox)
    np.testing.assert_array_equal(app.X, kt.lesson_blobs()[0])
    assert app.k_slider.value == 6 and (app.k_slider.min, app.k_slider.max) == (1, 10)
    assert [f.n_clusters for f in app.fits] == list(range(1, 11))
    reference = KMeans(6, n_init=10, random_state=0).fit(app.X)
    assert app.fits[5].inertia == pytest.approx(reference.inertia_)
    assert app.knee == 4.0 and app.best_silhouette == 4 and app.gap.choice == 4
    assert app.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert repr(app) == ("KExplorer(n_clusters=6: elbow says 4, silhouette says 4, gap says 4 "
                         "(k = 1..10, 300 points))")


def test_k_explorer_slider_changes_image_and_status_without_refitting(app):
    fits, gap = app.fits, app.gap
    app.k_slider.value = 6
    image, status = app.image.value, app.status.value
    for k in (4, 1, 10):
        app.k_slider.value = k
        assert app.image.value != image and app.status.value != status
        image, status = app.image.value, app.status.value
        assert status.startswith(f"k = {k} · inertia {fits[k - 1].inertia:.4g}")
        assert app.fit is fits[k - 1]
    assert "mean silhouette none (k = 1)" not in status
    app.k_slider.value = 1
    assert "mean silhouette none (k = 1)" in app.status.value
    assert app.fits is fits and app.gap is gap  # nothing recomputed
    app.k_slider.value = 6
    assert repr(app).startswith("KExplorer(n_clusters=6: ")


def test_k_explorer_frame_matches_a_fresh_draw(app):
    # blitting must give the same picture as drawing the whole figure
    app.k_slider.value = 3
    app.clear_cache()
    app.k_slider.value = 5
    blitted = app.image.value
    other = kt.KExplorer(n_clusters=5, show_progress=False)
    np.testing.assert_array_equal(pixels(other.image.value), pixels(blitted))


def test_k_explorer_callbacks_print_nothing(app, capsys):
    app.k_slider.value = 2
    app.k_slider.value = 7
    assert capsys.readouterr() == ("", "")


def test_k_explorer_other_data_and_bad_input():
    X = np.random.default_rng(0).normal(size=(40, 2))
    app = kt.KExplorer(X, max_k=4, n_clusters=2, n_refs=2, show_progress=False)
    assert len(app.fits) == 4 and app.k_slider.max == 4
    with pytest.raises(ValueError, match="needs 2 columns"):
        kt.KExplorer(np.zeros((10, 3)), show_progress=False)
    with pytest.raises(ValueError, match="n_clusters must be between 1 and 4"):
        kt.KExplorer(X, max_k=4, n_clusters=5, show_progress=False)
    with pytest.raises(ValueError, match="max_k must be between 3"):
        kt.KExplorer(X, max_k=2, show_progress=False)


# --- the exercise --------------------------------------------------------------------------

def test_check_inertia_accepts_right_answers():
    def by_loop(X, labels, centers):
        total = 0.0
        for x, j in zip(X, labels):
            total += ((x - centers[j]) ** 2).sum()
        return total

    assert kt.check_inertia(by_loop)
    assert kt.check_inertia(lambda X, l, c: np.sum((X - c[l]) ** 2))
    assert repr(kt.check_inertia(by_loop)).startswith("Correct: ")


@pytest.mark.parametrize(
    "func,words",
    [
        (lambda X, l, c: np.linalg.norm(X - c[l], axis=1).sum(), "sum of the distances"),
        (lambda X, l, c: ((X - c[l]) ** 2).sum(axis=1).mean(), "not the mean"),
        (lambda X, l, c: ((X[:, None] - c[None]) ** 2).sum(2).min(1).sum(), "nearest center"),
        (lambda X, l, c: ((X[:, None] - c[None]) ** 2).sum(), "every center"),
        (lambda X, l, c: ((X - c[l]) ** 2).sum(axis=1), "array of shape (15,)"),
        (lambda X, l, c: "many", "expected a number"),
        (lambda X, l, c: 1 / 0, "raised ZeroDivisionError"),
        (lambda X, l, c: 1.0, "you returned 1.00, but the inertia"),
    ],
)
def test_check_inertia_names_the_mistake(func, words):
    feedback = kt.check_inertia(func)
    assert not feedback and words in feedback.message
    assert repr(feedback).startswith("Not yet: ")
    assert feedback.message.startswith("case 1 of 5 (the checker's own 15 points")


def _lesson_answer():
    from kmeans_teach.exercises.inertia import _lesson_case
    X, labels, centers = _lesson_case()
    return X, kt.inertia(X, labels, centers)


def _right(X, l, c):
    return float(((X - c[l]) ** 2).sum())


@pytest.mark.parametrize("func, case", [
    # works only on the old single example: the answer typed in
    (lambda X, l, c: _lesson_answer()[1] if np.array_equal(X, _lesson_answer()[0])
     else 0.0, "case 2 of 5 (one center (k = 1))"),
    # fails only with k = 1: squeezes the centers to 1-D
    (lambda X, l, c: _right(X, l, np.atleast_2d(c.squeeze())) if len(c) > 1 else 0.0,
     "case 2 of 5 (one center (k = 1))"),
    # two features written out: fails only with three
    (lambda X, l, c: float(((X[:, 0] - c[l][:, 0]) ** 2 + (X[:, 1] - c[l][:, 1]) ** 2).sum()),
     "case 3 of 5 (three features)"),
    # fine on small inputs only
    (lambda X, l, c: _right(X, l, c) if len(X) < 1000 else 0.0,
     "case 4 of 5 (many points: 2000 points, 8 centers)"),
    # a mean over each cluster's points: NaN for an empty cluster
    (lambda X, l, c: float(sum(((X[l == j] - c[j]) ** 2).sum(axis=1).mean() * (l == j).sum()
                               for j in range(len(c)))), "case 5 of 5 (an empty cluster"),
])
def test_check_inertia_each_case_can_fail_on_its_own(func, case):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the mean of an empty cluster
        feedback = kt.check_inertia(func)
    assert not feedback and feedback.message.startswith(case), feedback.message


def test_check_inertia_names_the_two_feature_slip():
    feedback = kt.check_inertia(lambda X, l, c: float(((X - c[l])[:, :2] ** 2).sum()))
    assert not feedback and "first two features only" in feedback.message


def test_kneedle_curve_peaks_at_the_knee_and_is_drawn(ax):
    from kmeans_teach.plotting import plot_kneedle

    ks = np.arange(1, 11)
    inertia = [f.inertia for f in scan_k(kt.lesson_blobs()[0], ks)]
    c = kt.kneedle_curve(ks, inertia)
    assert c.x[0] == 0 and c.x[-1] == 1 and c.y[0] == 0 and c.y[-1] == 1
    np.testing.assert_allclose(c.difference, c.y - c.x)
    assert ks[np.argmax(c.difference)] == kneedle(ks, inertia) == 4
    lines = plot_kneedle(ax, c, x_values=ks)
    assert len(lines) == 4 and lines[3].get_xdata()[0] == c.x[3]
    with pytest.raises(ValueError, match="curve must be"):
        kt.kneedle_curve(ks, inertia, curve="elbow")


def pixels(frame):
    """The RGB pixels of a frame (the first frame is encoded smaller, with the same pixels)."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(bytes(frame))).convert("RGB"))


# --- matched colours (review R5) and legible text (R3) --------------------------------------

def test_matched_numbers_give_each_true_group_its_colour_whatever_k():
    from kmeans_teach.plotting import matched_numbers

    y = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2])
    labels = np.array([2, 2, 2, 0, 0, 1, 1, 1, 1])  # group 1 split, groups 1-2 share cluster 1
    mapping = matched_numbers(labels, y)
    assert mapping[2] == 0 and mapping[1] == 2 and mapping[0] == 1
    assert sorted(mapping) == [0, 1, 2]
    # more clusters than groups: the extra cluster takes a number no one else uses
    mapping = matched_numbers(np.array([3, 3, 0, 0, 1, 1]), np.array([1, 1, 0, 0, 0, 0]))
    assert mapping[3] == 1 and mapping[0] == 0 and len(set(mapping)) == len(mapping)
    with pytest.raises(ValueError, match="one group per point"):
        matched_numbers(labels, y[:3])


def test_plot_k_clustering_with_a_reference_colours_points_and_centers_alike(ax):
    from kmeans_teach.plotting import CLUSTER_COLORS, plot_k_clustering
    from matplotlib.colors import to_rgba

    X, y = kt.lesson_blobs()
    fit = kt.fit_k(X, 4, n_init=1, random_state=3)
    artists = plot_k_clustering(ax, X, fit, reference=y)
    faces = artists.points.get_facecolors()
    for b in range(4):  # every point of true blob b is drawn in colour b
        expected = to_rgba(CLUSTER_COLORS[b], 0.75)
        assert np.allclose(faces[y == b], expected, atol=1e-6)
    mapping = kt.plotting.matched_numbers(fit.labels, y)
    np.testing.assert_allclose(artists.centers.get_facecolors()[:, :3],
                               [to_rgba(CLUSTER_COLORS[m])[:3] for m in mapping])


def test_silhouette_title_counts_points_below_zero(ax):
    from kmeans_teach.plotting import plot_silhouette

    scores = np.array([0.5, 0.4, -0.01] + [0.6] * 297)
    labels = np.repeat([0, 1, 2], 100)
    artists = plot_silhouette(ax, scores, labels)
    assert "1 point below 0" in artists.text.get_text()  # not a rounded "0 %"


def test_kneedle_text_is_at_least_10_points(ax):
    from kmeans_teach.plotting import plot_kneedle

    ks = np.arange(1, 11)
    plot_kneedle(ax, kt.kneedle_curve(ks, 100.0 / ks), x_values=ks)
    sizes = [t.get_fontsize() for t in ax.texts] + [t.get_fontsize()
                                                    for t in ax.get_legend().get_texts()]
    assert sizes and min(sizes) >= 10


def test_silhouette_mean_line_is_not_a_cluster_colour(ax):
    # the dashed mean line once had the vermillion of the sixth cluster: a reader took it for one
    from matplotlib.colors import same_color

    from kmeans_teach.plotting import CLUSTER_COLORS, plot_silhouette

    artists = plot_silhouette(ax, np.array([0.5, 0.4, 0.6, 0.7]), np.array([0, 0, 1, 1]))
    assert not any(same_color(artists.mean.get_color(), c) for c in CLUSTER_COLORS)
