"""The spectral embedding: the points where spectral clustering runs k-means.

Eigenvector coordinates are tiny numbers whose size depends on the graph, so
the picture centres them and divides both axes by the same factor. That
keeps every distance in proportion, and so keeps what k-means sees.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .clusters import plot_points, update_points

__all__ = ["EmbeddingArtists", "plot_embedding", "update_embedding", "embedding_view"]

#: Plot limits of the rescaled embedding (it always fits in [-1, 1]).
_LIMIT = 1.15


def embedding_view(coords, dims=(0, 1)):
    """The two chosen coordinates, centred and scaled (both by one factor) into [-1, 1].

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
    """What :func:`plot_embedding` draws."""

    points: object  # PathCollection: the points in the embedding, by label
    title: object  # Text


def plot_embedding(ax, coords, labels=None, *, dims=(0, 1), title="Spectral embedding",
                   **kwargs):
    """Scatter the points at their eigenvector coordinates, coloured by cluster.

    Parameters
    ----------
    ax : matplotlib Axes
    coords : ndarray of shape (n_samples, n_components)
        For example ``SpectralEmbedding.coords``.
    labels : ndarray of shape (n_samples,) or None
    dims : (int, int), default=(0, 1)
        Which eigenvectors go on the x and y axes (0 is the first).
    title : str
    **kwargs : passed on to :func:`plot_points`

    Returns
    -------
    EmbeddingArtists
    """
    points = plot_points(ax, embedding_view(coords, dims), labels, **kwargs)
    points._kt_dims = tuple(dims)
    ax.set_xlim(-_LIMIT, _LIMIT)
    ax.set_ylim(-_LIMIT, _LIMIT)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(f"eigenvector {dims[0] + 1}")
    ax.set_ylabel(f"eigenvector {dims[1] + 1}")
    return EmbeddingArtists(points, ax.set_title(title))


def update_embedding(artists, coords, labels=None, *, title=None):
    """Move the points of :func:`plot_embedding` to new coordinates and labels."""
    artists.points.set_offsets(embedding_view(coords, artists.points._kt_dims))
    update_points(artists.points, labels)
    if title is not None:
        artists.title.set_text(title)
    return artists
