"""The spectral embedding: the points where spectral clustering runs k-means.

Eigenvector coordinates are tiny numbers whose size depends on the graph, so
the picture centres them and divides both axes by the same factor. That
keeps every distance in proportion, and so keeps what k-means sees.
"""

from __future__ import annotations

from typing import NamedTuple

import matplotlib
import numpy as np

from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from .clusters import plot_points, update_points

__all__ = [
    "EmbeddingArtists",
    "plot_embedding",
    "update_embedding",
    "embedding_view",
    "plot_graph",
    "plot_score_map",
]

#: Plot limits of the rescaled embedding (it always fits in [-1, 1]).
_LIMIT = 1.15


def embedding_view(coords, dims=(0, 1)):
    """The two chosen coordinates, centred and scaled (both by one factor) into [-1, 1].

    Parameters
    ----------
    coords : array-like of shape (n_samples, n_components)
        Coordinates of the points, for example ``SpectralEmbedding.coords``.
    dims : (int, int), default=(0, 1)
        Which two columns to keep.

    Returns
    -------
    view : ndarray of shape (n_samples, 2)
        Those columns, moved so that their range is centred on 0 and divided
        by the larger half-range (unchanged if every point is the same).

    Raises
    ------
    ValueError
        If ``coords`` is not 2-D or has no column ``max(dims)``.

    Examples
    --------
    >>> import numpy as np
    >>> embedding_view(np.array([[0.01, 0.0], [0.03, 0.02]]))
    array([[-1., -1.],
           [ 1.,  1.]])
    """
    coords = np.asarray(coords, dtype=float)
    if coords.ndim != 2 or coords.shape[1] <= max(dims):
        raise ValueError(f"coords must have shape (n_samples, > {max(dims)}) to show "
                         f"dimensions {dims}, but has shape {coords.shape}.")
    view = coords[:, list(dims)]
    lo, hi = view.min(axis=0), view.max(axis=0)
    half = (hi - lo).max() / 2
    view = view - (lo + hi) / 2
    return view / half if half > 0 else view


class EmbeddingArtists(NamedTuple):
    """What :func:`plot_embedding` draws.

    Attributes
    ----------
    points : PathCollection
        The points in the embedding, by label.
    title : Text
        The Axes title.
    """

    points: object  # PathCollection: the points in the embedding, by label
    title: object  # Text


def plot_embedding(ax, coords, labels=None, *, dims=(0, 1), title="Spectral embedding",
                   rescale=True, **kwargs):
    """Scatter the points at their eigenvector coordinates, coloured by cluster.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    coords : ndarray of shape (n_samples, n_components)
        For example ``SpectralEmbedding.coords`` (scikit-learn's eigenvectors,
        each divided by the square root of the point's degree).
    labels : ndarray of shape (n_samples,) or None, default=None
        The cluster of every point (None: grey circles).
    dims : (int, int), default=(0, 1)
        Which eigenvectors go on the x and y axes (0 is the first).
    title : str, default="Spectral embedding"
        The Axes title.
    rescale : bool, default=True
        True: centre and scale into [-1, 1] (:func:`embedding_view`), with no
        ticks, since the numbers are not the coordinates' (what the apps
        draw, with fixed limits). False: the coordinates themselves, with
        ticks, on equal axes (a static figure, where the values can be read).
    **kwargs
        Passed on to :func:`plot_points`.

    Returns
    -------
    artists : EmbeddingArtists
        What was drawn, to pass to :func:`update_embedding`.
    """
    if rescale:
        points = plot_points(ax, embedding_view(coords, dims), labels, **kwargs)
        ax.set_xlim(-_LIMIT, _LIMIT)
        ax.set_ylim(-_LIMIT, _LIMIT)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xticks([])
        ax.set_yticks([])
    else:
        view = np.asarray(coords, dtype=float)[:, list(dims)]
        points = plot_points(ax, view, labels, **kwargs)
        ax.set_aspect("equal", adjustable="datalim")
        ax.ticklabel_format(style="plain", useOffset=False)  # no offset text over the title
    points._kt_dims = tuple(dims)
    points._kt_rescale = bool(rescale)
    ax.set_xlabel(f"eigenvector {dims[0] + 1} ÷ √degree")
    ax.set_ylabel(f"eigenvector {dims[1] + 1} ÷ √degree")
    return EmbeddingArtists(points, ax.set_title(title))


def update_embedding(artists, coords, labels=None, *, title=None):
    """Move the points of :func:`plot_embedding` to new coordinates and labels.

    Parameters
    ----------
    artists : EmbeddingArtists
        What :func:`plot_embedding` returned.
    coords : ndarray of shape (n_samples, n_components)
        The new coordinates (the same ``dims`` and ``rescale`` are used).
    labels : ndarray of shape (n_samples,) or None, default=None
        The new cluster of every point (None: grey circles).
    title : str or None, default=None
        A new title (None keeps the old one).

    Returns
    -------
    artists : EmbeddingArtists
        The same artists, changed in place.
    """
    dims = artists.points._kt_dims
    if getattr(artists.points, "_kt_rescale", True):
        artists.points.set_offsets(embedding_view(coords, dims))
    else:
        artists.points.set_offsets(np.asarray(coords, dtype=float)[:, list(dims)])
    update_points(artists.points, labels)
    if title is not None:
        artists.title.set_text(title)
    return artists


def plot_graph(ax, X, affinity, *, color="#555555", linewidth=0.6, alpha=0.5, **kwargs):
    """Draw the edges of a neighbour graph between 2-D points.

    An edge chosen by both of its points (weight 1) is drawn solid; one chosen
    by only one of them (weight 0.5) is drawn fainter.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The points.
    affinity : sparse or dense matrix of shape (n_samples, n_samples)
        For example :func:`kmeans_teach.knn_affinity`.
    color : color, default="#555555"
        The edges' colour.
    linewidth : float, default=0.6
        The edges' width in points.
    alpha : float, default=0.5
        Opacity of an edge of weight 1 (an edge of weight 0.5 is fainter).
    **kwargs
        Passed on to ``LineCollection``.

    Returns
    -------
    edges : LineCollection
        The edges.
    """
    X = np.asarray(X, dtype=float)
    dense = affinity.toarray() if hasattr(affinity, "toarray") else np.asarray(affinity)
    if dense.shape != (len(X), len(X)):
        raise ValueError(f"affinity must have shape ({len(X)}, {len(X)}), one row and column "
                         f"per point of X, but has shape {dense.shape}.")
    i, j = np.nonzero(np.triu(dense, k=1))  # each edge once, no self-loops
    weights = dense[i, j]
    edges = LineCollection(np.stack([X[i], X[j]], axis=1), colors=color,
                           linewidths=linewidth, zorder=1, **kwargs)
    edges.set_alpha(None)
    rgba = edges.get_colors()
    rgba = np.repeat(rgba[:1], len(weights), axis=0) if len(rgba) else rgba
    if len(rgba):
        rgba[:, 3] = alpha * np.where(weights >= 1, 1.0, 0.45)
        edges.set_color(rgba)
    ax.add_collection(edges)
    ax.update_datalim(X)
    ax.autoscale_view()
    if X.shape[1] == 2:
        ax.set_aspect("equal", adjustable="datalim")
    return edges


def plot_score_map(ax, scores, row_values, col_values, *, marks=None, row_label="",
                   col_label="", cmap="viridis", vmin=0.0, vmax=1.0, fmt="{:.2f}", fontsize=10,
                   **kwargs):
    """A table of scores as coloured cells, each with its value written in.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    scores : ndarray of shape (n_rows, n_cols)
        NaN marks a cell whose score is not determined: it is drawn grey, with "?".
    row_values, col_values : sequence
        The values labelling the rows (y axis) and the columns (x axis).
    marks : ndarray of bool of shape (n_rows, n_cols) or None, default=None
        Cells to outline (for example: the graph was not connected there).
    row_label, col_label : str, default=""
        The axis labels.
    cmap : str, default="viridis"
        The colour map.
    vmin, vmax : float, default=0.0, 1.0
        The scores mapped to the ends of the colour map.
    fmt : str, default="{:.2f}"
        Format of the number written in each cell.
    fontsize : float, default=10
        Size of the numbers in the cells, in points (10 or more stays legible on a
        projector when the figure is shown at its own size).
    **kwargs
        Passed on to ``ax.imshow``.

    Returns
    -------
    image : AxesImage
        The coloured cells.
    """
    scores = np.asarray(scores, dtype=float)
    if scores.shape != (len(row_values), len(col_values)):
        raise ValueError(f"scores has shape {scores.shape}, but there are {len(row_values)} "
                         f"row values and {len(col_values)} column values.")
    cmap = matplotlib.colormaps[cmap] if isinstance(cmap, str) else cmap
    image = ax.imshow(scores, origin="lower", cmap=cmap.with_extremes(bad="0.85"), vmin=vmin,
                      vmax=vmax, aspect="auto", **kwargs)
    cm = image.get_cmap()
    for r in range(scores.shape[0]):
        for c in range(scores.shape[1]):
            value = scores[r, c]
            shade = cm((value - vmin) / (vmax - vmin) if vmax > vmin else 0.5)
            light = np.isnan(value) or 0.299 * shade[0] + 0.587 * shade[1] + 0.114 * shade[2] > 0.55
            ax.text(c, r, "?" if np.isnan(value) else fmt.format(value), ha="center",
                    va="center", fontsize=fontsize, color="black" if light else "white")
    if marks is not None:
        for r, c in zip(*np.nonzero(np.asarray(marks, dtype=bool))):
            ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, edgecolor="#D55E00",
                                   linewidth=1.5))
    ax.set_xticks(range(len(col_values)), [str(v) for v in col_values])
    ax.set_yticks(range(len(row_values)), [str(v) for v in row_values])
    ax.set_xlabel(col_label)
    ax.set_ylabel(row_label)
    return image
