"""Clusters, centers, Voronoi regions, one Lloyd half-step, and the inertia curve.

* Cluster ``j`` always has colour ``CLUSTER_COLORS[j]`` and marker
  ``CLUSTER_MARKERS[j]``: a colour-blind-safe palette (Okabe & Ito, with two
  more from Paul Tol) plus a shape, so clusters stay apart in greyscale and on
  a washed-out projector.
* 2-D data is drawn with equal aspect, so distances look like distances.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.markers import MarkerStyle

from ._axes import padded_limits

__all__ = [
    "CLUSTER_COLORS",
    "CLUSTER_MARKERS",
    "UNLABELLED_COLOR",
    "cluster_colors",
    "plot_points",
    "update_points",
    "plot_centers",
    "update_centers",
    "voronoi_cells",
    "plot_voronoi",
    "update_voronoi",
    "plot_step",
    "plot_steps",
    "update_step",
    "plot_inertia",
    "update_inertia",
    "update_inertia_curve",
    "StepArtists",
    "InertiaArtists",
]

#: One colour per cluster, colour-blind safe (Okabe-Ito, then Tol's wine and green).
CLUSTER_COLORS = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#882255",  # wine
    "#999933",  # olive
    "#F0E442",  # yellow
    "#117733",  # green
)
#: One marker shape per cluster, so clusters differ without colour too.
CLUSTER_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "<", ">", "h")
#: Points that have no cluster yet.
UNLABELLED_COLOR = "#7f7f7f"

# Each marker as a path of unit size, so one scatter can give every point its own shape.
_MARKER_PATHS = tuple(
    MarkerStyle(m).get_path().transformed(MarkerStyle(m).get_transform())
    for m in CLUSTER_MARKERS
)


def cluster_colors(labels, *, alpha=1.0):
    """RGBA colours for an array of cluster labels (cycling past 10 clusters).

    Parameters
    ----------
    labels : array-like of int
        Cluster labels; label ``j`` gets colour ``j`` of the palette, modulo its length.
    alpha : float, default=1.0
        Opacity of every colour.

    Returns
    -------
    colors : ndarray of shape (len(labels), 4)
        One RGBA row per label.
    """
    palette = np.array([to_rgba(c, alpha) for c in CLUSTER_COLORS])
    return palette[np.asarray(labels, dtype=int) % len(palette)]


def _marker_paths(labels):
    return [_MARKER_PATHS[int(j) % len(_MARKER_PATHS)] for j in labels]


def _equal_aspect(ax, X):
    if np.shape(X)[1] == 2:
        ax.set_aspect("equal", adjustable="datalim")


def plot_points(ax, X, labels=None, *, size=28, alpha=0.75, **kwargs):
    """Scatter 2-D points, coloured and shaped by cluster (grey circles if unlabelled).

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The points.
    labels : ndarray of shape (n_samples,) or None, default=None
        The cluster of every point; None draws them all as grey circles.
    size : float, default=28
        Marker area in points^2.
    alpha : float, default=0.75
        Opacity of the markers (kept for :func:`update_points`).
    **kwargs
        Passed on to ``ax.scatter``.

    Returns
    -------
    points : PathCollection
        The scatter, to pass to :func:`update_points`.
    """
    X = np.asarray(X)
    kwargs.setdefault("linewidths", 0)
    points = ax.scatter(X[:, 0], X[:, 1], s=size, **kwargs)
    points._kt_alpha = alpha
    update_points(points, labels)
    _equal_aspect(ax, X)
    return points


def update_points(points, labels):
    """Recolour and reshape the points of :func:`plot_points` for new labels.

    Parameters
    ----------
    points : PathCollection
        What :func:`plot_points` returned.
    labels : ndarray of shape (n_samples,) or None
        The new cluster of every point; None makes them grey circles.

    Returns
    -------
    points : PathCollection
        The same artist, changed in place.
    """
    alpha = getattr(points, "_kt_alpha", 0.75)
    n = len(points.get_offsets())
    if labels is None:
        points.set_paths([_MARKER_PATHS[0]])
        points.set_facecolor(to_rgba(UNLABELLED_COLOR, alpha))
    else:
        points.set_paths(_marker_paths(labels))
        points.set_facecolor(cluster_colors(labels, alpha=alpha))
    assert n == len(points.get_offsets())
    return points


def plot_centers(ax, centers, *, size=260, alpha=1.0, **kwargs):
    """Draw cluster centers: large markers in the cluster's colour and shape, black edge.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    centers : ndarray of shape (n_clusters, 2)
        The centers; center ``j`` takes cluster ``j``'s colour and marker.
    size : float, default=260
        Marker area in points^2.
    alpha : float, default=1.0
        Opacity of the fill.
    **kwargs
        Passed on to ``ax.scatter`` (defaults: black edges 2 points wide, zorder 4).

    Returns
    -------
    artist : PathCollection
        The centers, to pass to :func:`update_centers`.
    """
    centers = np.asarray(centers)
    kwargs.setdefault("edgecolors", "black")
    kwargs.setdefault("linewidths", 2)
    kwargs.setdefault("zorder", 4)
    artist = ax.scatter(centers[:, 0], centers[:, 1], s=size, **kwargs)
    k = len(centers)
    artist.set_paths(_marker_paths(range(k)))
    artist.set_facecolor(cluster_colors(range(k), alpha=alpha))
    return artist


def update_centers(artist, centers):
    """Move the centers drawn by :func:`plot_centers`.

    Parameters
    ----------
    artist : PathCollection
        What :func:`plot_centers` returned.
    centers : ndarray of shape (n_clusters, n_features)
        The new centers (their first two coordinates are drawn).

    Returns
    -------
    artist : PathCollection
        The same artist, moved in place.
    """
    artist.set_offsets(np.asarray(centers)[:, :2])
    return artist


def _clip(polygon, normal, offset):
    """The part of a convex polygon where ``point @ normal <= offset`` (one half-plane)."""
    inside = polygon @ normal <= offset
    if inside.all() or not inside.any():
        return polygon if inside.all() else polygon[:0]
    out = []
    for a, b, a_in, b_in in zip(polygon, np.roll(polygon, -1, axis=0),
                                inside, np.roll(inside, -1)):
        if a_in:
            out.append(a)
        if a_in != b_in:  # the edge crosses the border: keep the crossing point
            t = (offset - a @ normal) / ((b - a) @ normal)
            out.append(a + t * (b - a))
    return np.array(out)


def voronoi_cells(centers, xlim, ylim):
    """The Voronoi cell of every center, cut to the box ``xlim`` x ``ylim``.

    Cell ``j`` holds the points nearer to center ``j`` than to any other: the
    E-step's rule. It is the box cut by one straight border per other center,
    halfway between the two. Ties go to the lower index, as in the E-step, so
    a repeated center has an empty cell. A NaN center (an empty cluster) has
    no cell.

    Parameters
    ----------
    centers : array-like of shape (n_clusters, n_features)
        The centers (their first two coordinates are used).
    xlim, ylim : (float, float)
        The box to cut the cells to.

    Returns
    -------
    cells : list of ndarray of shape (n_vertices, 2)
        The polygon of each center's cell, in order (empty if it has no cell).
    """
    centers = np.asarray(centers, dtype=float)[:, :2]
    box = np.array([[xlim[0], ylim[0]], [xlim[1], ylim[0]], [xlim[1], ylim[1]],
                    [xlim[0], ylim[1]]])
    cells = []
    for j, c in enumerate(centers):
        cell = box[:0] if np.isnan(c).any() else box
        for i, other in enumerate(centers):
            if i == j or np.isnan(other).any() or len(cell) == 0:
                continue
            if np.array_equal(other, c):
                cell = cell if i > j else box[:0]  # the lower index wins the tie
                continue
            # nearer to c than to other  <=>  x @ (other - c) <= (|other|^2 - |c|^2) / 2
            cell = _clip(cell, other - c, (other @ other - c @ c) / 2)
        cells.append(cell)
    return cells


def plot_voronoi(ax, centers, *, xlim=None, ylim=None, alpha=0.18, **kwargs):
    """Shade the region of the plane nearest to each center (its Voronoi cell).

    These cells are exactly the decisions k-means makes: their borders are
    straight lines halfway between two centers, and they are drawn as lines
    (sharp at any resolution, and visible on a washed-out projector).

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    centers : ndarray of shape (n_clusters, 2)
        The centers whose cells are shaded.
    xlim, ylim : (float, float) or None, default=None
        The box to shade; None takes the Axes' current limits.
    alpha : float, default=0.18
        Opacity of the shading (the borders are opaque).
    **kwargs
        Passed on to the PolyCollection.

    Returns
    -------
    regions : PolyCollection
        The cells, to pass to :func:`update_voronoi`.
    """
    xlim = ax.get_xlim() if xlim is None else xlim
    ylim = ax.get_ylim() if ylim is None else ylim
    kwargs.setdefault("edgecolor", "#555555")
    kwargs.setdefault("linewidth", 1.0)
    kwargs.setdefault("zorder", 0)
    regions = PolyCollection([], **kwargs)
    regions._kt_box = (tuple(xlim), tuple(ylim), alpha)
    ax.add_collection(regions, autolim=False)
    update_voronoi(regions, centers)
    # keep the limits and shrink the box instead, so the shaded cells fill the plot
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    ax.set_autoscale_on(False)
    return regions


def update_voronoi(regions, centers):
    """Recompute the cells of :func:`plot_voronoi` for new centers.

    Parameters
    ----------
    regions : PolyCollection
        What :func:`plot_voronoi` returned (it keeps its box and opacity).
    centers : ndarray of shape (n_clusters, 2)
        The new centers.

    Returns
    -------
    regions : PolyCollection
        The same artist, changed in place.
    """
    xlim, ylim, alpha = regions._kt_box
    cells = voronoi_cells(centers, xlim, ylim)
    kept = [j for j, cell in enumerate(cells) if len(cell)]
    regions.set_verts([cells[j] for j in kept])
    regions.set_facecolor(cluster_colors(kept, alpha=alpha))
    return regions


class StepArtists(NamedTuple):
    """What :func:`plot_step` draws.

    Attributes
    ----------
    regions : PolyCollection or None
        Voronoi cells of the current centers (None when drawn without them).
    points : PathCollection
        The data, by label.
    old_centers : PathCollection
        The centers before an M-step (faded).
    centers : PathCollection
        The current centers.
    arrows : Quiver
        How far each center moved in an M-step.
    title : Text
        What this half-step did.
    """

    regions: object  # PolyCollection: Voronoi cells of the current centers
    points: object  # PathCollection: the data, by label
    old_centers: object  # PathCollection: centers before an M-step (faded)
    centers: object  # PathCollection: current centers
    arrows: object  # Quiver: how far each center moved in an M-step
    title: object  # Text: what this half-step did


def _step_title(step):
    if step.phase == "init":
        return "Initial centers"
    if step.phase == "assign":
        return f"Iteration {step.iteration}: assign (E-step)"
    return f"Iteration {step.iteration}: update (M-step)"


def _arrow_data(step, previous):
    """Old centers and the move to the new ones (zero unless this is an M-step)."""
    new = np.asarray(step.centers)[:, :2]
    if previous is None or step.phase != "update":
        return new, np.zeros_like(new)
    old = np.asarray(previous.centers)[:, :2]
    return old, np.nan_to_num(new - old)


def plot_step(ax, X, step, previous=None, *, xlim=None, ylim=None, regions=True):
    """Draw one half-step: points by label, centers, and for an M-step the move.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The data of the run.
    step : Step
        From :func:`kmeans_teach.kmeans_steps`.
    previous : Step or None, default=None
        The step before, whose centers are shown faded with arrows to the
        new ones when ``step`` is an update.
    xlim, ylim : (float, float) or None, default=None
        Plot limits; default: the data with a margin.
    regions : bool, default=True
        Shade the Voronoi cells of the centers.

    Returns
    -------
    artists : StepArtists
        What was drawn, to pass to :func:`update_step`.
    """
    X = np.asarray(X)
    if xlim is None or ylim is None:
        xlim, ylim = padded_limits(X)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    region_img = plot_voronoi(ax, step.centers, xlim=xlim, ylim=ylim) if regions else None
    if region_img is not None:
        region_img.set_visible(step.phase != "init")
    points = plot_points(ax, X, step.labels)
    old, move = _arrow_data(step, previous)
    old_centers = plot_centers(ax, old, alpha=0.35, size=160, linewidths=1)
    old_centers.set_visible(step.phase == "update")
    arrows = ax.quiver(
        old[:, 0], old[:, 1], move[:, 0], move[:, 1],
        angles="xy", scale_units="xy", scale=1, width=0.006, color="black", zorder=5,
    )
    centers = plot_centers(ax, step.centers)
    title = ax.set_title(_step_title(step))
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    return StepArtists(region_img, points, old_centers, centers, arrows, title)


def update_step(artists, step, previous=None):
    """Show another step of the same run on the artists of :func:`plot_step`.

    Parameters
    ----------
    artists : StepArtists
        What :func:`plot_step` returned.
    step : Step
        The step to show.
    previous : Step or None, default=None
        The step before, for the faded old centers and arrows of an update.

    Returns
    -------
    artists : StepArtists
        The same artists, changed in place.
    """
    if artists.regions is not None:
        artists.regions.set_visible(step.phase != "init")
        if step.phase != "init" and not np.isnan(step.centers).any():
            update_voronoi(artists.regions, step.centers)
    update_points(artists.points, step.labels)
    old, move = _arrow_data(step, previous)
    update_centers(artists.old_centers, old)
    artists.old_centers.set_visible(step.phase == "update")
    artists.arrows.set_offsets(old)
    artists.arrows.set_UVC(move[:, 0], move[:, 1])
    update_centers(artists.centers, step.centers)
    artists.title.set_text(_step_title(step))
    return artists


class InertiaArtists(NamedTuple):
    """What :func:`plot_inertia` draws.

    Attributes
    ----------
    line : Line2D
        The inertia at every half-step.
    current : Line2D
        A single marker at the current step.
    """

    line: object  # Line2D: inertia at every half-step
    current: object  # Line2D: a single marker at the current step


def plot_inertia(ax, trace, *, current=None, **kwargs):
    """Inertia after every half-step of a run, with the current one marked.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    trace : Trace or sequence of Step
        The run.
    current : int or None, default=None
        Index into ``trace`` of the step to mark (None: no marker).
    **kwargs
        Passed on to ``ax.plot`` for the curve (default colour: dark grey).

    Returns
    -------
    artists : InertiaArtists
        The curve and the marker, to pass to :func:`update_inertia`.
    """
    kwargs.setdefault("color", "#444444")
    (line,) = ax.plot(*_inertia_curve(trace), marker=".", **kwargs)
    (marker,) = ax.plot([], [], marker="o", markersize=11, color=CLUSTER_COLORS[5], zorder=3)
    ax.set_xlabel("half-step (assign, update, assign, ...)")
    ax.set_ylabel("inertia")
    update_inertia(InertiaArtists(line, marker), trace, current)
    return InertiaArtists(line, marker)


def _inertia_curve(trace):
    """x: half-steps 1, 2, ...; y: the inertia after each (step 0 has none)."""
    steps = list(trace)
    return np.arange(1, len(steps)), np.array([s.inertia for s in steps[1:]], dtype=float)


def update_inertia_curve(artists, trace, current=None):
    """Show another run (another trace) on the artists of :func:`plot_inertia`.

    Parameters
    ----------
    artists : InertiaArtists
        What :func:`plot_inertia` returned.
    trace : Trace or sequence of Step
        The new run.
    current : int or None, default=None
        Index into ``trace`` of the step to mark (None: no marker).

    Returns
    -------
    artists : InertiaArtists
        The same artists, changed in place.
    """
    artists.line.set_data(*_inertia_curve(trace))
    return update_inertia(artists, trace, current)


def update_inertia(artists, trace, current):
    """Move the marker of :func:`plot_inertia` to step ``current`` (index into trace).

    Parameters
    ----------
    artists : InertiaArtists
        What :func:`plot_inertia` returned.
    trace : Trace or sequence of Step
        The run the curve shows.
    current : int or None
        Index into ``trace`` of the step to mark; None, 0 (the initial centers,
        which have no inertia) or a step without inertia hide the marker.

    Returns
    -------
    artists : InertiaArtists
        The same artists, changed in place.
    """
    if current is None or current == 0 or trace[current].inertia is None:
        artists.current.set_data([], [])
    else:
        artists.current.set_data([current], [trace[current].inertia])
    return artists


def plot_steps(axes, X, trace, indices=None):
    """Small multiples: one half-step of a run per Axes, on the same limits.

    Parameters
    ----------
    axes : sequence of matplotlib Axes
        The Axes to draw on (e.g. ``axs.flat``), one step each.
    X : ndarray of shape (n_samples, 2)
        The data of the run.
    trace : Trace or sequence of Step
        The run.
    indices : sequence of int or None, default=None
        Which steps to draw, one per Axes; default: the first ``len(axes)``.

    Returns
    -------
    drawn : list of StepArtists
        What was drawn on each Axes.
    """
    axes = list(np.ravel(axes))
    steps = list(trace)
    indices = range(len(axes)) if indices is None else indices
    X = np.asarray(X)
    xlim, ylim = padded_limits(X)
    limits = dict(xlim=xlim, ylim=ylim)
    drawn = []
    for ax, i in zip(axes, indices):
        drawn.append(plot_step(ax, X, steps[i], steps[i - 1] if i > 0 else None, **limits))
        ax.set_xticks([])
        ax.set_yticks([])
    return drawn
