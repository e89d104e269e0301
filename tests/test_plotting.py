"""Plotting functions draw on the Axes they are given, return their artists, and update in place."""

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

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
    points = ktp.plot_points(ax, X, y)
    assert isinstance(points, PathCollection) and points.axes is ax
    assert other.get_children() == axes_pair[1].get_children() and not other.collections
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
    image = ktp.plot_voronoi(ax, centers, xlim=(-5, 15), ylim=(-5, 5), resolution=41)
    assert isinstance(image, AxesImage) and image in ax.get_images()
    grid = np.asarray(image.get_array())
    assert (grid[:, :20] == 0).all() and (grid[:, 21:] == 1).all()  # border at x = 5
    ktp.update_voronoi(image, centers[::-1])
    assert (np.asarray(image.get_array())[:, :20] == 1).all()


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


def test_plotting_never_touches_pyplot_state(trace):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    figure = Figure()
    ktp.plot_step(figure.subplots(), kt.lesson_blobs()[0], trace[3], trace[2])
    assert plt.get_fignums() == before
    assert matplotlib.get_backend()  # still importable, nothing shown
