"""Plotting functions draw on the Axes they are given, return their artists, and update in place."""

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.path import Path

import kmeans_teach as kt
from kmeans_teach import plotting as ktp


@pytest.fixture
def axes_pair():
    figure = Figure()
    FigureCanvasAgg(figure)
    return figure.subplots(1, 2)


@pytest.fixture
def trace():
    return kt.run_kmeans(kt.lesson_blobs()[0], 4, init="random", random_state=34)


def test_plot_points_colours_and_shapes_by_cluster(axes_pair):
    ax, other = axes_pair
    X, y = kt.lesson_blobs()
    untouched = other.get_children()
    points = ktp.plot_points(ax, X, y)
    assert isinstance(points, PathCollection) and points.axes is ax
    # the other Axes of the figure is left as it was: no new artist, no data
    assert other.get_children() == untouched and not other.collections and not other.has_data()
    colours = points.get_facecolors()
    assert len(np.unique(colours, axis=0)) == 4
    # same label, same colour and marker; different label, different colour and marker
    i, j = np.flatnonzero(y == 0)[:2]
    k = np.flatnonzero(y == 1)[0]
    np.testing.assert_array_equal(colours[i], colours[j])
    assert not np.array_equal(colours[i], colours[k])
    paths = points.get_paths()
    assert paths[i] is paths[j] and paths[i] is not paths[k]
    assert ax.get_aspect() == 1.0


def test_update_points_relabels_in_place(axes_pair):
    X, y = kt.lesson_blobs()
    points = ktp.plot_points(axes_pair[0], X)
    grey = points.get_facecolors().copy()
    assert len(np.unique(grey, axis=0)) == 1
    assert ktp.update_points(points, y) is points
    assert len(np.unique(points.get_facecolors(), axis=0)) == 4
    assert len(axes_pair[0].collections) == 1


def test_palette_is_distinct_in_greyscale_by_marker():
    assert len(set(ktp.CLUSTER_COLORS)) == len(ktp.CLUSTER_COLORS)
    assert len(set(ktp.CLUSTER_MARKERS)) == len(ktp.CLUSTER_MARKERS) == len(ktp.CLUSTER_COLORS)


def test_voronoi_regions_follow_the_nearest_center(axes_pair):
    ax = axes_pair[0]
    centers = np.array([[0.0, 0.0], [10.0, 0.0]])
    regions = ktp.plot_voronoi(ax, centers, xlim=(-5, 15), ylim=(-5, 5))
    assert isinstance(regions, PolyCollection) and regions in ax.collections
    left, right = (Path(p.vertices) for p in regions.get_paths())
    assert left.contains_point((4.9, 0)) and not left.contains_point((5.1, 0))  # border x = 5
    assert right.contains_point((5.1, 4.9)) and not right.contains_point((4.9, -4.9))
    # the border is drawn as a line, in one colour for every cell
    assert regions.get_linewidth()[0] > 0 and len({tuple(c) for c in regions.get_edgecolor()}) == 1
    # the fills are the clusters' colours, see-through
    np.testing.assert_allclose(regions.get_facecolor()[:, 3], 0.18)
    ktp.update_voronoi(regions, centers[::-1])
    first = Path(regions.get_paths()[0].vertices)
    assert first.contains_point((9, 0))  # cell 0 now belongs to the center at x = 10


def test_voronoi_cells_follow_the_e_step_rule():
    """Every point of a fine grid lies in the cell of its nearest center (ties: lower index)."""
    rng = np.random.default_rng(0)
    centers = rng.uniform(-4, 4, size=(6, 2))
    centers[5] = centers[2]  # a repeated center: its cell is empty, as the E-step gives it nothing
    centers[4] = np.nan      # an emptied cluster: no cell
    cells = ktp.voronoi_cells(centers, (-5, 5), (-5, 5))
    assert len(cells[4]) == 0 and len(cells[5]) == 0
    grid = rng.uniform(-5, 5, size=(2000, 2))
    nearest = kt.assign(grid, np.nan_to_num(centers[:4]))
    for j in range(4):
        inside = Path(cells[j]).contains_points(grid, radius=-1e-9)
        assert (inside == (nearest == j)).mean() > 0.995  # only points on a border may differ


def test_plot_step_and_update_step(axes_pair, trace):
    ax, other = axes_pair
    artists = ktp.plot_step(ax, kt.lesson_blobs()[0], trace[0])
    assert isinstance(artists, ktp.StepArtists)
    assert all(a is None or a.axes is ax for a in artists)
    assert not other.has_data()
    assert artists.title.get_text() == "Initial centers"
    assert not artists.old_centers.get_visible()
    ktp.update_step(artists, trace[2], trace[1])
    assert artists.title.get_text() == "Iteration 1: update (M-step)"
    assert artists.old_centers.get_visible()
    np.testing.assert_allclose(artists.centers.get_offsets(), trace[2].centers)
    np.testing.assert_allclose(artists.arrows.U, trace[2].centers[:, 0] - trace[1].centers[:, 0])


def test_plot_inertia_marks_the_current_step(axes_pair, trace):
    artists = ktp.plot_inertia(axes_pair[0], trace, current=3)
    np.testing.assert_allclose(artists.line.get_ydata(), trace.inertias)
    assert artists.current.get_ydata()[0] == trace[3].inertia
    ktp.update_inertia(artists, trace, 5)
    assert artists.current.get_xdata()[0] == 5


def test_plot_steps_small_multiples(trace):
    figure = Figure()
    axes = figure.subplots(2, 3)
    drawn = ktp.plot_steps(axes, kt.lesson_blobs()[0], trace)
    assert len(drawn) == 6
    assert [a.title.get_text() for a in drawn][:2] == ["Initial centers", "Iteration 1: assign (E-step)"]


def test_plotting_never_touches_pyplot_state(trace, monkeypatch):
    import matplotlib.pyplot as plt

    # Any use of pyplot's global state fails the test: a plotting function that asked
    # pyplot for "the current Axes" would draw on the student's last figure instead of
    # the Axes it was given.
    def forbidden(*args, **kwargs):
        raise AssertionError("a plotting function used pyplot's global state")

    for name in ("gca", "gcf", "sca", "figure", "subplots", "subplot", "axes", "title", "plot", "scatter"):
        monkeypatch.setattr(plt, name, forbidden)
    before, rc = plt.get_fignums(), dict(matplotlib.rcParams)
    X = kt.lesson_blobs()[0]
    figure = Figure()
    axs = figure.subplots(2, 3)
    ktp.plot_step(axs[0, 0], X, trace[3], trace[2])
    ktp.plot_points(axs[0, 1], X, trace.final.labels)
    ktp.plot_centers(axs[0, 1], trace.final.centers)
    ktp.plot_voronoi(axs[0, 2], trace.final.centers, xlim=(-4, 4), ylim=(-1.5, 10))
    ktp.plot_inertia(axs[1, 0], trace, current=3)
    ktp.plot_steps(axs[1, 1:], X, trace)
    assert plt.get_fignums() == before  # no figure was opened
    assert dict(matplotlib.rcParams) == rc  # no style was changed for later figures


def test_inertia_histogram_log_axis_and_counts(axes_pair):
    # review H11: one run among a hundred must stay visible, and its count readable
    ax = axes_pair[0]
    inertias = [212.0] * 161 + [524.0] * 37 + [798.7]
    hist = ktp.plot_inertia_histogram(ax, inertias, bins=np.linspace(200, 810, 41), log=True,
                                      counts=True, fontsize=11)
    assert ax.get_yscale() == "log"
    texts = [t.get_text() for t in hist.counts if t.get_text()]
    assert texts == ["161", "37", "1"]
    assert all(t.get_fontsize() == 11 for t in hist.counts)
    plain = ktp.plot_inertia_histogram(axes_pair[1], inertias)
    assert axes_pair[1].get_yscale() == "linear" and plain.counts == ()


def test_d2_cumulative_in_a_given_order(axes_pair):
    # review H12: laid end to end blob by blob, a blob that holds a center is a flat stretch
    X, y = kt.lesson_blobs()
    pick = list(kt.kmeans_plusplus_steps(X, 4, random_state=0))[1]
    order = np.argsort(y, kind="stable")
    drawn = ktp.plot_d2_cumulative(axes_pair[0], pick, order=order)
    curve = drawn.curve.get_ydata()
    assert np.allclose(curve, np.cumsum(np.asarray(pick.probabilities)[order]))
    assert order[int(drawn.pick.get_xdata()[0])] == pick.index  # the line marks the chosen point
    assert np.isclose(curve[-1], 1.0)
    # the draw u ran over X's rows: reordered, the line at u misses the pick, so it is not drawn
    where = int(drawn.pick.get_xdata()[0])
    assert not (curve[where - 1] < pick.draw <= curve[where])  # it would mislead here
    assert np.isnan(drawn.draw.get_ydata()).all() and "draw u" not in drawn.note.get_text()
    assert f"point {pick.index}" in drawn.note.get_text()
    rows = ktp.plot_d2_cumulative(axes_pair[1], pick)  # default: the rows of X
    assert drawn.order is not None and rows.order is None
    assert rows.pick.get_xdata()[0] == pick.index
    row_curve = rows.curve.get_ydata()  # in X's order, u meets the curve at the pick
    assert row_curve[pick.index - 1] < pick.draw <= row_curve[pick.index]
    assert rows.draw.get_ydata()[0] == pick.draw and "draw u" in rows.note.get_text()
    later = list(kt.kmeans_plusplus_steps(X, 4, random_state=0))[2]
    ktp.update_d2_cumulative(drawn, later)
    assert order[int(drawn.pick.get_xdata()[0])] == later.index
    with pytest.raises(ValueError, match="order must list each of the 300 points once"):
        ktp.plot_d2_cumulative(axes_pair[0], pick, order=order[:-1])
