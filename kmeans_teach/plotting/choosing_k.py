"""Choosing k: one clustering, its silhouette diagram, and a criterion plotted against k.

* :func:`plot_k_clustering` draws a :class:`~kmeans_teach.KFit` (points, centers,
  regions); :func:`update_k_clustering` swaps in the fit for another k (unlike
  lesson 02's ``plot_clustering``, the number of centers may change).
* :func:`plot_silhouette` is the classic silhouette diagram: one horizontal bar
  per point, its silhouette score, sorted within each cluster, clusters stacked.
* :func:`plot_k_curve` draws a criterion against k (inertia, mean silhouette,
  gap with error bars), the k it chooses, and a marker for the k shown now.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.collections import PolyCollection

from ._axes import padded_limits
from .clusters import (
    CLUSTER_COLORS,
    _marker_paths,
    cluster_colors,
    plot_centers,
    plot_points,
    plot_voronoi,
    update_points,
    voronoi_cells,
    update_voronoi,
)

__all__ = [
    "KClusteringArtists",
    "matched_numbers",
    "plot_k_clustering",
    "update_k_clustering",
    "SilhouetteArtists",
    "plot_silhouette",
    "update_silhouette",
    "KCurveArtists",
    "plot_k_curve",
    "update_k_curve",
    "plot_kneedle",
]

#: colour of "the k shown now" on every curve
CURRENT_COLOR = CLUSTER_COLORS[5]  # vermillion
#: colour of "the k this criterion chooses"
CHOICE_COLOR = "#222222"


# --- one clustering -------------------------------------------------------------------------


class KClusteringArtists(NamedTuple):
    """What :func:`plot_k_clustering` draws.

    Attributes
    ----------
    points : PathCollection
        The data, by label.
    centers : PathCollection
        The fit's centers.
    regions : PolyCollection or None
        The shaded cells of the centers (None when drawn without them).
    title : Text
        The Axes title, naming k.
    """

    points: object  # PathCollection
    centers: object  # PathCollection
    regions: object  # AxesImage or None
    title: object  # Text


def _clustering_title(fit):
    return f"k = {fit.n_clusters}: inertia {fit.inertia:.4g}"


def matched_numbers(labels, reference):
    """Renumber clusters after the reference groups they overlap most, for matched colours.

    Each cluster takes the number of the reference group (for example the true
    blobs) it shares the most points with, one-to-one (the Hungarian matching
    of :func:`kmeans_teach.match_clusters`); a cluster left without a group
    takes the smallest number no other cluster uses. Drawn with these numbers,
    a group has the same colour in every panel, whatever k.

    Parameters
    ----------
    labels : array-like of int of shape (n_samples,)
        The cluster of every point, numbered 0 to k - 1.
    reference : array-like of int of shape (n_samples,)
        The reference group of every point (for example the true blobs).

    Returns
    -------
    mapping : ndarray of int
        ``mapping[j]`` is the new number of cluster ``j``: use ``mapping[labels]``.

    Examples
    --------
    >>> matched_numbers([1, 1, 0, 0, 2], [0, 0, 1, 1, 1])
    array([1, 0, 2])
    """
    from ..metrics import match_clusters

    labels = np.asarray(labels, dtype=int)
    reference = np.asarray(reference, dtype=int)
    if labels.shape != reference.shape:
        raise ValueError(f"reference must have one group per point: labels has shape "
                         f"{labels.shape}, reference {reference.shape}.")
    k = int(labels.max()) + 1
    matching = match_clusters(reference, labels)
    mapping = np.full(k, -1, dtype=int)
    given = matching.classes >= 0
    mapping[matching.clusters[given]] = matching.classes[given]
    free = (j for j in range(k + int(reference.max()) + 1) if j not in set(mapping))
    for j in np.flatnonzero(mapping < 0):
        mapping[j] = next(free)
    return mapping


def plot_k_clustering(ax, X, fit, *, xlim=None, ylim=None, regions=True, reference=None):
    """Points coloured by cluster, the centers, and each center's region.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The points.
    fit : KFit
        From :func:`kmeans_teach.fit_k`.
    xlim, ylim : (float, float) or None, default=None
        Plot limits; default: the data's range plus a margin.
    regions : bool, default=True
        Shade the region nearest to each center.
    reference : array-like of shape (n_samples,) or None, default=None
        Groups to match colours to (for example the true blobs): each cluster
        is drawn in the colour of the group it overlaps most (see
        :func:`matched_numbers`), so panels for different k, or the true
        groups beside them, use one colour per group. None: colour j is
        cluster j.

    Returns
    -------
    artists : KClusteringArtists
        What was drawn, to pass to :func:`update_k_clustering`.
    """
    X = np.asarray(X)
    data_xlim, data_ylim = padded_limits(X)
    xlim = data_xlim if xlim is None else xlim
    ylim = data_ylim if ylim is None else ylim
    regions = plot_voronoi(ax, fit.centers, xlim=xlim, ylim=ylim) if regions else None
    labels = np.asarray(fit.labels)
    mapping = np.arange(fit.n_clusters) if reference is None else matched_numbers(labels,
                                                                                   reference)
    points = plot_points(ax, X, mapping[labels])
    centers = plot_centers(ax, fit.centers, size=200)
    if reference is not None:  # center j, and its region, in the colour of its new number
        centers.set_paths(_marker_paths(mapping))
        centers.set_facecolor(cluster_colors(mapping))
        if regions is not None:
            cells = voronoi_cells(fit.centers, xlim, ylim)
            kept = [j for j, cell in enumerate(cells) if len(cell)]
            regions.set_facecolor(cluster_colors(mapping[kept], alpha=regions._kt_box[2]))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal", adjustable="box")
    title = ax.set_title(_clustering_title(fit))
    return KClusteringArtists(points, centers, regions, title)


def update_k_clustering(artists, fit):
    """Show another fit (any k) in the artists of :func:`plot_k_clustering`.

    Parameters
    ----------
    artists : KClusteringArtists
        What :func:`plot_k_clustering` returned.
    fit : KFit
        The fit to show, on the same points.

    Returns
    -------
    artists : KClusteringArtists
        The same artists, changed in place.
    """
    update_points(artists.points, fit.labels)
    k = fit.n_clusters
    artists.centers.set_offsets(np.asarray(fit.centers)[:, :2])
    artists.centers.set_paths(_marker_paths(range(k)))
    artists.centers.set_facecolor(cluster_colors(range(k)))
    if artists.regions is not None:
        update_voronoi(artists.regions, fit.centers)
    artists.title.set_text(_clustering_title(fit))
    return artists


# --- the silhouette diagram ----------------------------------------------------------------


class SilhouetteArtists(NamedTuple):
    """What :func:`plot_silhouette` draws.

    Attributes
    ----------
    bars : PolyCollection
        One bar per point.
    mean : Line2D
        The mean score, a dashed vertical line.
    text : Text
        The Axes title, with the mean in words.
    """

    bars: object  # PolyCollection: one bar per point
    mean: object  # Line2D: the mean score, a dashed vertical line
    text: object  # Text: the Axes title, with the mean in words


def _silhouette_bars(scores, labels):
    """One rectangle per point: clusters bottom to top, scores rising within each."""
    n = len(labels)
    k = int(labels.max()) + 1
    # the stack always fills 1.1 * n, so the y-axis never changes: the space
    # between clusters (0.1 * n in all) is shared out among the k - 1 gaps
    space = 0.1 * n / (k - 1) if k > 1 else 0.0
    order = np.lexsort((scores, labels))  # by cluster, then by score
    bottoms = np.arange(n) + labels[order] * space
    s = scores[order]
    verts = np.stack([
        np.column_stack([np.zeros(n), bottoms]),
        np.column_stack([s, bottoms]),
        np.column_stack([s, bottoms + 1]),
        np.column_stack([np.zeros(n), bottoms + 1]),
    ], axis=1)
    return verts, cluster_colors(labels[order])


def _silhouette_text(scores, labels):
    if scores is None:
        return "k = 1: no silhouette (needs 2 or more clusters)"
    below = int(np.sum(scores < 0))  # a count, not a rounded share: 1 of 300 is not "0 %"
    return f"mean {scores.mean():.3f} · {below} point{'' if below == 1 else 's'} below 0"


def plot_silhouette(ax, scores, labels, *, xlim=(-0.4, 1.0)):
    """The silhouette diagram: a bar per point, sorted within clusters.

    A point's silhouette is ``(b - a) / max(a, b)``, where ``a`` is its mean
    distance to the other points of its own cluster and ``b`` its mean
    distance to the points of the nearest other cluster: near 1 it sits well
    inside its cluster, near 0 it is about as far (on average) from the points
    of its own cluster as from those of the next one, below 0 its mean
    distance to another cluster's points is the smaller one (with k-means
    labels it is still nearest to its own center). The dashed black line is
    the mean over all points.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    scores : ndarray of shape (n_samples,) or None
        From :func:`sklearn.metrics.silhouette_samples` (or ``KFit.silhouette``);
        None for a single cluster, which has no silhouette.
    labels : ndarray of shape (n_samples,)
        The cluster of every point.
    xlim : (float, float), default=(-0.4, 1.0)
        Kept fixed, so that diagrams for different k can be compared.

    Returns
    -------
    artists : SilhouetteArtists
        What was drawn, to pass to :func:`update_silhouette`.
    """
    labels = np.asarray(labels)
    # no antialiasing: bars thinner than a pixel would otherwise blend into pale stripes
    bars = PolyCollection(np.zeros((len(labels), 4, 2)), linewidths=0, antialiased=False)
    ax.add_collection(bars)
    # black, not a cluster colour: the mean line must not look like one of the clusters
    mean = ax.axvline(0.0, color="black", linestyle="--", linewidth=1.5)
    text = ax.set_title(" ")
    ax.axvline(0.0, color="#444444", linewidth=0.8)
    ax.set_xlim(*xlim)
    ax.set_ylim(0, 1.1 * len(labels))
    ax.set_yticks([])
    ax.set_xlabel("silhouette score of each point")
    ax.set_ylabel("points, by cluster")
    artists = SilhouetteArtists(bars, mean, text)
    update_silhouette(artists, scores, labels)
    return artists


def update_silhouette(artists, scores, labels):
    """Show new scores and labels in the artists of :func:`plot_silhouette`.

    Parameters
    ----------
    artists : SilhouetteArtists
        What :func:`plot_silhouette` returned.
    scores : ndarray of shape (n_samples,) or None
        The new silhouettes; None (a single cluster) empties the diagram.
    labels : ndarray of shape (n_samples,)
        The new cluster of every point.

    Returns
    -------
    artists : SilhouetteArtists
        The same artists, changed in place.
    """
    labels = np.asarray(labels, dtype=int)
    if scores is None:
        artists.bars.set_verts(np.zeros((len(labels), 4, 2)))
        artists.mean.set_visible(False)
    else:
        scores = np.asarray(scores, dtype=float)
        verts, colors = _silhouette_bars(scores, labels)
        artists.bars.set_verts(verts)
        artists.bars.set_facecolor(colors)
        artists.mean.set_xdata([scores.mean()] * 2)
        artists.mean.set_visible(True)
    artists.text.set_text(_silhouette_text(scores, labels))
    return artists


# --- a criterion against k -----------------------------------------------------------------


class KCurveArtists(NamedTuple):
    """What :func:`plot_k_curve` draws.

    Attributes
    ----------
    line : Line2D
        The criterion at each k.
    errorbars : ErrorbarContainer or None
        The error bars of the criterion, when it has any.
    choice : Line2D or None
        Ring around the chosen k (None when no k was chosen).
    current : Line2D
        Marker at the k shown now.
    current_line : Line2D
        Vertical line at the k shown now.
    """

    line: object  # Line2D: the criterion at each k
    errorbars: object  # ErrorbarContainer or None
    choice: object  # Line2D: ring around the chosen k, or None
    current: object  # Line2D: marker at the k shown now
    current_line: object  # Line2D: vertical line at the k shown now


def plot_k_curve(ax, ks, values, *, yerr=None, choice=None, choice_label="chosen k",
                 current=None, ylabel=None, legend_loc="best", **kwargs):
    """A criterion plotted against k, the k it chooses, and the k shown now.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    ks : array-like of int
        The numbers of clusters tried.
    values : array-like of float
        The criterion at each k, same length as ``ks``.
    yerr : array-like of float or None, default=None
        Error bars (for the gap statistic: ``sk``).
    choice : int or None, default=None
        The k this criterion picks; ringed and named in the legend.
    choice_label : str, default="chosen k"
        Its legend entry, for example ``"knee (Kneedle)"``.
    current : int or None, default=None
        The k to mark now (see :func:`update_k_curve`).
    ylabel : str or None, default=None
        The y axis label.
    legend_loc : str, default="best"
        Where the legend goes. An app should fix it: "best" is worked out
        when the figure is drawn, so it would depend on where the marker was.
    **kwargs
        Passed on to ``ax.plot`` for the curve.

    Returns
    -------
    artists : KCurveArtists
        What was drawn, to pass to :func:`update_k_curve`.
    """
    ks = np.asarray(ks)
    values = np.asarray(values, dtype=float)
    kwargs.setdefault("color", "#444444")
    kwargs.setdefault("marker", "o")
    kwargs.setdefault("markersize", 4)
    errorbars = None
    if yerr is not None:
        errorbars = ax.errorbar(ks, values, yerr=yerr, fmt="none", ecolor="#888888",
                                capsize=3, linewidth=1)
    (line,) = ax.plot(ks, values, **kwargs)
    ring = None
    if choice is not None:
        at = values[np.flatnonzero(ks == choice)[0]]
        (ring,) = ax.plot([choice], [at], linestyle="none", marker="o", markersize=14,
                          markerfacecolor="none", markeredgecolor=CHOICE_COLOR,
                          markeredgewidth=2, label=f"{choice_label}: k = {choice}")
        ax.legend(loc=legend_loc, fontsize=10, frameon=False)
    # the current k is drawn over everything, the legend too: it is what moves
    current_line = ax.axvline(ks[0], color=CURRENT_COLOR, linewidth=1, alpha=0.6, zorder=6)
    (marker,) = ax.plot([], [], linestyle="none", marker="o", markersize=8, color=CURRENT_COLOR,
                        zorder=6)
    ax.set_xticks(ks if len(ks) <= 12 else ax.get_xticks())
    ax.set_xlabel("k (number of clusters)")
    if ylabel:
        ax.set_ylabel(ylabel)
    line._kt_curve = (ks, values)
    artists = KCurveArtists(line, errorbars, ring, marker, current_line)
    update_k_curve(artists, current)
    return artists


def update_k_curve(artists, current):
    """Move the "now" marker of :func:`plot_k_curve` to k = ``current`` (None: hide it).

    A k the curve has no value for (the silhouette at k = 1) keeps the
    vertical line and hides the marker.

    Parameters
    ----------
    artists : KCurveArtists
        What :func:`plot_k_curve` returned.
    current : int or None
        The k to mark.

    Returns
    -------
    artists : KCurveArtists
        The same artists, changed in place.
    """
    ks, values = artists.line._kt_curve
    at = np.flatnonzero(ks == current)
    artists.current_line.set_visible(current is not None)
    if current is not None:
        artists.current_line.set_xdata([current] * 2)
    if len(at):
        artists.current.set_data([current], [values[at[0]]])
    else:
        artists.current.set_data([], [])
    return artists


# --- how Kneedle sees a curve ----------------------------------------------------------------


def plot_kneedle(ax, kcurve, *, x_values=None):
    """The rescaled curve, the diagonal, and their difference, whose peak is the knee.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    kcurve : KneedleCurve
        From :func:`kmeans_teach.kneedle_curve`.
    x_values : array-like or None, default=None
        The original x values (for example the ks), in their original order,
        written under the points they belong to (in reverse order when
        Kneedle reversed the curve, ``kcurve.flipped``).

    Returns
    -------
    lines : list of Line2D
        The curve, the diagonal, the difference, and the marker at its peak.
    """
    x, y, d = kcurve.x, kcurve.y, kcurve.difference
    (curve,) = ax.plot(x, y, marker="o", markersize=4, color="#444444",
                       label="curve, rescaled and turned")
    (diagonal,) = ax.plot([0, 1], [0, 1], linestyle=":", color="#888888", label="diagonal")
    (difference,) = ax.plot(x, d, marker="o", markersize=4, color=CLUSTER_COLORS[0],
                            label="difference (curve - diagonal)")
    peak = int(np.argmax(d))
    (marker,) = ax.plot([x[peak], x[peak]], [d[peak], y[peak]], marker="o", markersize=9,
                        color=CURRENT_COLOR, label="largest difference")
    if x_values is not None:
        # a flipped curve runs backwards: its first point is the original last one
        x_values = list(x_values)[::-1] if kcurve.flipped else list(x_values)
        for xi, value in zip(x, x_values):
            ax.annotate(f"{value:g}", (xi, 0), xytext=(0, -12), textcoords="offset points",
                        ha="center", fontsize=10, color="#444444")
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.15, 1.05)
    ax.set_xlabel("x rescaled to [0, 1]")
    ax.legend(loc="center right", fontsize=10, frameon=False)
    return [curve, diagonal, difference, marker]
