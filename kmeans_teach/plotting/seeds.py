"""Lesson 02: final clusterings of many seeds, their inertias, and k-means++ picks.

* :func:`plot_clustering`: one final clustering (regions, points, centers);
* :func:`plot_inertia_histogram`: how the final inertias of many runs spread,
  with one run marked;
* :func:`plot_d2_probabilities`: every point's chance of being the next
  k-means++ center (bigger and darker = more likely);
* :func:`plot_d2_cumulative`: the same chances laid end to end, and where the
  random draw lands.

Each has an ``update_*`` partner that changes the artists in place.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._axes import padded_limits
from .clusters import CLUSTER_COLORS, plot_centers, plot_points, plot_voronoi, update_centers
from .clusters import update_points, update_voronoi

__all__ = [
    "ClusteringArtists",
    "plot_clustering",
    "update_clustering",
    "HistogramArtists",
    "plot_inertia_histogram",
    "update_inertia_histogram",
    "ProbabilityArtists",
    "plot_d2_probabilities",
    "update_d2_probabilities",
    "CumulativeArtists",
    "plot_d2_cumulative",
    "update_d2_cumulative",
]

#: colour map for probabilities: light (unlikely) to dark (likely)
PROBABILITY_CMAP = "viridis_r"
_MARK_COLOR = CLUSTER_COLORS[5]  # vermillion: "you are here"


class ClusteringArtists(NamedTuple):
    """What :func:`plot_clustering` draws.

    Attributes
    ----------
    regions : PolyCollection
        Voronoi cells of the centers (None if regions=False).
    points : PathCollection
        The data, by label.
    centers : PathCollection
        The centers.
    """

    regions: object  # PolyCollection: Voronoi cells of the centers (None if regions=False)
    points: object  # PathCollection: the data, by label
    centers: object  # PathCollection: the centers


def plot_clustering(ax, X, labels, centers, *, xlim=None, ylim=None, regions=True):
    """Draw one clustering: points by label, the centers, and their regions.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The points.
    labels : ndarray of shape (n_samples,)
        The cluster of every point.
    centers : ndarray of shape (n_clusters, 2)
        The centers.
    xlim, ylim : (float, float) or None, default=None
        Plot limits; default: the data with a margin.
    regions : bool, default=True
        Shade the region nearest to each center.

    Returns
    -------
    artists : ClusteringArtists
        What was drawn, to pass to :func:`update_clustering`.
    """
    if xlim is None or ylim is None:
        xlim, ylim = padded_limits(X)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    image = plot_voronoi(ax, centers, xlim=xlim, ylim=ylim) if regions else None
    points = plot_points(ax, X, labels)
    drawn = plot_centers(ax, centers)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    return ClusteringArtists(image, points, drawn)


def update_clustering(artists, labels, centers):
    """Show another clustering of the same points on :func:`plot_clustering`'s artists.

    Parameters
    ----------
    artists : ClusteringArtists
        What :func:`plot_clustering` returned.
    labels : ndarray of shape (n_samples,)
        The new cluster of every point.
    centers : ndarray of shape (n_clusters, 2)
        The new centers.

    Returns
    -------
    artists : ClusteringArtists
        The same artists, changed in place.
    """
    if artists.regions is not None:
        update_voronoi(artists.regions, centers)
    update_points(artists.points, labels)
    update_centers(artists.centers, centers)
    return artists


class HistogramArtists(NamedTuple):
    """What :func:`plot_inertia_histogram` draws.

    Attributes
    ----------
    bars : BarContainer
        How many runs ended in each inertia bin.
    marker : Line2D
        A vertical line at the current run's inertia.
    note : Text
        The current run's inertia, beside the line.
    counts : tuple of Text
        The count above each non-empty bar (empty unless ``counts=True``).
    """

    bars: object  # BarContainer: how many runs ended in each inertia bin
    marker: object  # Line2D: a vertical line at the current run's inertia
    note: object  # Text: the current run's inertia, beside the line
    counts: tuple = ()  # Text: the count above each non-empty bar (counts=True)


def plot_inertia_histogram(ax, inertias, *, bins=30, range=None, current=None,
                           color="#444444", label=None, log=False, counts=False,
                           fontsize=None, **kwargs):
    """Histogram of final inertias of many runs, with one run marked.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    inertias : array-like of shape (n_runs,)
        The final inertia of every run.
    bins : int or sequence, default=30
        The bins, as ``ax.hist`` takes them.
    range : (float, float) or None, default=None
        The span of the bins; give two histograms the same one to compare them.
    current : float or None, default=None
        An inertia to mark with a vertical line (None: no mark).
    color : color, default="#444444"
        The bars' colour.
    label : str or None, default=None
        The bars' legend label.
    log : bool, default=False
        A logarithmic count axis, so that a bin with one run stays visible
        beside a bin with a hundred.
    counts : bool, default=False
        Write the number of runs above every non-empty bar.
    fontsize : float or None, default=None
        Size of those numbers (None: matplotlib's default).
    **kwargs
        Passed on to ``ax.hist``.

    Returns
    -------
    artists : HistogramArtists
        What was drawn, to pass to :func:`update_inertia_histogram`.
    """
    inertias = np.asarray(inertias, dtype=float)
    heights, _, bars = ax.hist(inertias, bins=bins, range=range, color=color, label=label,
                               log=log, **kwargs)
    labels = ()
    if counts:
        labels = tuple(ax.bar_label(bars, labels=[f"{h:.0f}" if h else "" for h in heights],
                                    padding=2, fontsize=fontsize))
    marker = ax.axvline(np.nan, color=_MARK_COLOR, linewidth=2.5, zorder=3)
    note = ax.text(0, 0.97, "", transform=marker.get_transform(), color=_MARK_COLOR,
                   ha="left", va="top", fontweight="bold", zorder=4)
    ax.set_xlabel("final inertia")
    ax.set_ylabel("number of runs")
    artists = HistogramArtists(bars, marker, note, labels)
    update_inertia_histogram(artists, current)
    return artists


def update_inertia_histogram(artists, current):
    """Move the mark of :func:`plot_inertia_histogram` to the inertia ``current``.

    Parameters
    ----------
    artists : HistogramArtists
        What :func:`plot_inertia_histogram` returned.
    current : float or None
        The inertia to mark, written beside the line on the side with more
        room; None hides the mark.

    Returns
    -------
    artists : HistogramArtists
        The same artists, changed in place.
    """
    if current is None:
        artists.marker.set_xdata([np.nan, np.nan])
        artists.note.set_text("")
    else:
        artists.marker.set_xdata([current, current])
        artists.note.set_x(current)
        # write on the side with more room
        left, right = artists.marker.axes.get_xlim()
        on_left = current > (left + right) / 2
        artists.note.set_horizontalalignment("right" if on_left else "left")
        artists.note.set_text(f"{current:.1f} " if on_left else f" {current:.1f}")
    return artists


class ProbabilityArtists(NamedTuple):
    """What :func:`plot_d2_probabilities` draws.

    Attributes
    ----------
    points : PathCollection
        Every point, sized and coloured by its chance.
    chosen : PathCollection
        The centers chosen before this pick.
    pick : PathCollection
        The point this pick chose (a ring).
    title : Text
        The Axes title: which pick this is.
    """

    points: object  # PathCollection: every point, sized and coloured by its chance
    chosen: object  # PathCollection: the centers chosen before this pick
    pick: object  # PathCollection: the point this pick chose (a ring)
    title: object  # Text


def _pick_title(pick):
    if pick.pick == 0:
        return "Pick 1: every point equally likely"
    return f"Pick {pick.pick + 1}: chance ∝ D²"


def _probability_sizes(probabilities, size):
    # area grows with the chance: a point as likely as under a uniform pick
    # gets ``size / 10``; capped so one point cannot cover the plot
    relative = probabilities * len(probabilities)
    return np.minimum(4 + size / 10 * relative, 2.5 * size)


def _probability_clim(probabilities):
    # never stretch the colours over a tiny range (a uniform pick stays mid-scale)
    return 0, max(probabilities.max(), 2 / len(probabilities))


def plot_d2_probabilities(ax, X, pick, *, n_clusters=None, xlim=None, ylim=None, size=160):
    """Every point's chance of being a k-means++ pick, and the point chosen.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The points.
    pick : SeedingPick
        From :func:`kmeans_teach.kmeans_plusplus_steps`.
    n_clusters : int or None, default=None
        Room for this many centers, so later picks can be shown by
        :func:`update_d2_probabilities`; default: the centers up to this pick.
    xlim, ylim : (float, float) or None, default=None
        Plot limits; default: the data with a margin.
    size : float, default=160
        Marker area (points²) of a point 10 times as likely as under a uniform pick.

    Returns
    -------
    artists : ProbabilityArtists
        What was drawn, to pass to :func:`update_d2_probabilities`.
    """
    X = np.asarray(X)
    if xlim is None or ylim is None:
        xlim, ylim = padded_limits(X)
    probabilities = np.asarray(pick.probabilities)
    points = ax.scatter(X[:, 0], X[:, 1], c=probabilities, cmap=PROBABILITY_CMAP,
                        s=_probability_sizes(probabilities, size), linewidths=0.3,
                        edgecolors="white")
    points._kt_size = size
    n_slots = len(pick.chosen) + 1 if n_clusters is None else n_clusters
    chosen = plot_centers(ax, np.full((n_slots, 2), np.nan), size=200)
    ring = ax.scatter([X[pick.index, 0]], [X[pick.index, 1]], s=520, facecolors="none",
                      edgecolors=_MARK_COLOR, linewidths=3, zorder=6)
    title = ax.set_title(_pick_title(pick))
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    artists = ProbabilityArtists(points, chosen, ring, title)
    update_d2_probabilities(artists, X, pick)
    return artists


def update_d2_probabilities(artists, X, pick):
    """Show another pick on the artists of :func:`plot_d2_probabilities`.

    Parameters
    ----------
    artists : ProbabilityArtists
        What :func:`plot_d2_probabilities` returned.
    X : ndarray of shape (n_samples, 2)
        The points (to place the chosen centers and the pick).
    pick : SeedingPick
        The pick to show, from the same run.

    Returns
    -------
    artists : ProbabilityArtists
        The same artists, changed in place.
    """
    X = np.asarray(X)
    probabilities = np.asarray(pick.probabilities)
    artists.points.set_array(probabilities)
    artists.points.set_clim(*_probability_clim(probabilities))
    artists.points.set_sizes(_probability_sizes(probabilities, artists.points._kt_size))
    # one slot per center; the ones not chosen yet are NaN (not drawn)
    n_slots = len(artists.chosen.get_offsets())
    centers = np.full((n_slots, 2), np.nan)
    centers[: len(pick.chosen)] = X[list(pick.chosen), :2]
    artists.chosen.set_offsets(centers)
    artists.pick.set_offsets(X[[pick.index], :2])
    artists.title.set_text(_pick_title(pick))
    return artists


class CumulativeArtists(NamedTuple):
    """What :func:`plot_d2_cumulative` draws.

    Attributes
    ----------
    curve : Line2D
        Cumulative probability over the points, in ``order``.
    draw : Line2D
        Horizontal line at the random draw u (not shown when ``order`` is given).
    pick : Line2D
        Vertical line at the chosen point.
    note : Text
        The words in the Axes' top-left corner.
    order : ndarray or None
        The points in the order laid end to end (None: the rows of X).
    """

    curve: object  # Line2D: cumulative probability over the points, in ``order``
    draw: object  # Line2D: horizontal line at the random draw u
    pick: object  # Line2D: vertical line at the chosen point
    note: object  # Text
    order: object = None  # ndarray: the points in the order laid end to end (None: X's rows)


def plot_d2_cumulative(ax, pick, *, order=None):
    """The chances laid end to end: the pick is where the running sum first goes past u.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    pick : SeedingPick
        From :func:`kmeans_teach.kmeans_plusplus_steps`.
    order : array-like of int or None, default=None
        The points in the order to lay them end to end, e.g. grouped by
        blob, so that a blob with a center shows as a flat stretch. The draw
        itself always runs over the rows of X, so in any other order the
        line at u would not meet the curve at the pick: it is left out, and
        only the chosen point is marked. None: the rows of X, with the line
        at u.

    Returns
    -------
    artists : CumulativeArtists
        What was drawn, to pass to :func:`update_d2_cumulative`.
    """
    n = len(pick.probabilities)
    if order is not None:
        order = np.asarray(order)
        if sorted(order.tolist()) != list(np.arange(n)):
            raise ValueError(f"order must list each of the {n} points once (a permutation "
                             f"of 0 .. {n - 1}), e.g. np.argsort(labels, kind='stable').")
    (curve,) = ax.plot(np.arange(n), np.zeros(n), drawstyle="steps-post", color="#444444")
    draw = ax.axhline(np.nan, color=CLUSTER_COLORS[0], linewidth=1.5, linestyle="--")
    line = ax.axvline(np.nan, color=_MARK_COLOR, linewidth=2)
    note = ax.text(0.02, 0.96, "", transform=ax.transAxes, va="top", fontsize=10)
    ax.set_xlim(-1, n)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("point (row of X)" if order is None else "point (in the order given)")
    ax.set_ylabel("cumulative probability")
    artists = CumulativeArtists(curve, draw, line, note, order)
    update_d2_cumulative(artists, pick)
    return artists


def update_d2_cumulative(artists, pick):
    """Show another pick on the artists of :func:`plot_d2_cumulative`.

    Parameters
    ----------
    artists : CumulativeArtists
        What :func:`plot_d2_cumulative` returned.
    pick : SeedingPick
        The pick to show, of a run on the same points.

    Returns
    -------
    artists : CumulativeArtists
        The same artists, changed in place.
    """
    probabilities = np.asarray(pick.probabilities)
    where = pick.index
    if artists.order is not None:
        probabilities = probabilities[artists.order]
        where = int(np.flatnonzero(artists.order == pick.index)[0])
    artists.curve.set_ydata(np.cumsum(probabilities))
    artists.pick.set_xdata([where, where])
    chance = f"(chance {pick.probabilities[pick.index]:.2%})"
    if artists.order is None:
        artists.draw.set_ydata([pick.draw, pick.draw])
        artists.note.set_text(f"draw u = {pick.draw:.3f}\n→ point {pick.index} {chance}")
    else:  # the draw ran over X's rows: in another order, u does not meet the curve at the pick
        artists.draw.set_ydata([np.nan, np.nan])
        artists.note.set_text(f"chosen: point {pick.index}\n{chance}")
    return artists
