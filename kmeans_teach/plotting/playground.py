"""The Playground's one panel: points, centers (any number of them), cells and moves.

Unlike :func:`plot_step`, the number of centers changes as the user clicks,
so every artist here can show any number of them, zero included.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.collections import LineCollection

from .clusters import (
    CLUSTER_COLORS, _MARKER_PATHS,
    _marker_paths, cluster_colors, plot_centers, plot_points, plot_voronoi,
    voronoi_cells,
)

#: the cells' tint: each cluster's colour at this strength over a white background
REGION_TINT = 0.18
#: the most clusters drawn (one colour and shape each)
MAX_CLUSTERS = len(CLUSTER_COLORS)

__all__ = ["PlaygroundArtists", "plot_playground", "update_playground"]


class PlaygroundArtists(NamedTuple):
    """What :func:`plot_playground` draws.

    Attributes
    ----------
    regions : PolyCollection
        Voronoi cells of the centers (hidden before the first step).
    points : tuple of PathCollection
        [0] the unlabelled points (grey), [1 + j] cluster j.
    old_centers : PathCollection
        The centers before an M-step (faded).
    moves : LineCollection
        From each old center to its new place.
    centers : PathCollection
        The centers shown.
    picked : PathCollection
        A ring around the center picked up to be moved.
    title : Text
        The Axes title (empty when drawn).
    """

    regions: object  # PolyCollection: Voronoi cells of the centers (hidden before the first step)
    points: tuple  # PathCollections: [0] the unlabelled points (grey), [1 + j] cluster j
    old_centers: object  # PathCollection: the centers before an M-step (faded)
    moves: object  # LineCollection: from each old center to its new place
    centers: object  # PathCollection: the centers shown
    picked: object  # PathCollection: a ring around the center picked up to be moved
    title: object  # Text


def _set_centers(artist, centers):
    centers = np.asarray(centers, dtype=float).reshape(-1, 2)
    artist.set_offsets(centers)
    artist.set_paths(_marker_paths(range(len(centers))))
    artist.set_facecolor(cluster_colors(range(len(centers)), alpha=artist._kt_alpha))


def _update_cells(regions, centers):
    """As update_voronoi, but opaque tints (a white Axes below): Agg fills them 2x faster."""
    xlim, ylim, _ = regions._kt_box
    cells = voronoi_cells(centers, xlim, ylim)
    kept = [j for j, cell in enumerate(cells) if len(cell)]
    regions.set_verts([cells[j] for j in kept])
    tint = 1 - REGION_TINT * (1 - cluster_colors(kept)[:, :3])
    regions.set_facecolor(np.column_stack([tint, np.ones(len(kept))]))


def _cluster_points(ax, j):
    points = plot_points(ax, np.empty((0, 2)))
    points.set_paths([_MARKER_PATHS[j % len(_MARKER_PATHS)]])
    points.set_facecolor(cluster_colors([j], alpha=points._kt_alpha))
    return points


def plot_playground(ax, X, *, xlim, ylim):
    """Draw the empty Playground for the data X: grey points, no centers yet.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The points.
    xlim, ylim : (float, float)
        The plot limits, which the cells are cut to.

    Returns
    -------
    artists : PlaygroundArtists
        What was drawn, to pass to :func:`update_playground`.
    """
    none = np.empty((0, 2))
    regions = plot_voronoi(ax, none, xlim=xlim, ylim=ylim)
    # one scatter per cluster, each of one marker and one colour: Agg then stamps a
    # marker drawn once (draw_markers), 4x faster than 300 points of mixed shapes
    points = (plot_points(ax, X),) + tuple(
        _cluster_points(ax, j) for j in range(MAX_CLUSTERS))
    old_centers = plot_centers(ax, none, alpha=0.35, size=160, linewidths=1)
    old_centers._kt_alpha = 0.35
    moves = LineCollection([], colors="black", linewidths=2, zorder=5)
    ax.add_collection(moves, autolim=False)
    centers = plot_centers(ax, none)
    centers._kt_alpha = 1.0
    picked = ax.scatter([], [], s=900, facecolors="none", edgecolors="black",
                        linewidths=2.5, linestyles="--", zorder=6)
    title = ax.set_title("")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    ax.set_autoscale_on(False)
    return PlaygroundArtists(regions, points, old_centers, moves, centers, picked, title)


def update_playground(artists, X, step, previous=None, *, picked=None, title=None,
                      xlim=None, ylim=None):
    """Show a step of a run (or no centers at all) on the artists of :func:`plot_playground`.

    Parameters
    ----------
    artists : PlaygroundArtists
        What :func:`plot_playground` returned.
    X : ndarray of shape (n_samples, 2)
        The points (new data may be given with new limits).
    step : Step or None
        A step of :func:`kmeans_teach.kmeans_steps`; None shows no centers and
        grey points.
    previous : Step or None, default=None
        The step before: its centers are shown faded, with a line to the new
        ones, when ``step`` is an update.
    picked : int or None, default=None
        The index of a center to ring (one being moved).
    title : str or None, default=None
        A new title (None keeps the old one).
    xlim, ylim : (float, float) or None, default=None
        New limits for the cells (for new data); None keeps the old ones.

    Returns
    -------
    artists : PlaygroundArtists
        The same artists, changed in place.
    """
    if xlim is not None:
        _, _, alpha = artists.regions._kt_box
        artists.regions._kt_box = (tuple(xlim), tuple(ylim), alpha)
    centers = np.empty((0, 2)) if step is None else step.centers
    labels = None if step is None else step.labels
    X = np.asarray(X)
    artists.points[0].set_offsets(X if labels is None else X[:0])
    for j, points in enumerate(artists.points[1:]):
        points.set_offsets(X[:0] if labels is None else X[labels == j])
    artists.regions.set_visible(labels is not None)
    _update_cells(artists.regions, centers)
    moved = step is not None and previous is not None and step.phase == "update"
    old = previous.centers if moved else np.empty((0, 2))
    _set_centers(artists.old_centers, old)
    artists.moves.set_segments([np.array([a, b]) for a, b in zip(old, centers)] if moved else [])
    _set_centers(artists.centers, centers)
    ring = np.asarray(centers)[[picked]] if picked is not None else np.empty((0, 2))
    artists.picked.set_offsets(ring)
    if title is not None:
        artists.title.set_text(title)
    return artists
