"""Small images (8×8 digits, cluster centers) as one tiled picture, and a confusion heatmap.

All tiles go into a single ``AxesImage``: one artist instead of dozens of
Axes, so a slider app can swap the whole grid with one ``set_data``. The
captions are one ``PathCollection`` of text outlines (one path per caption),
for the same reason: forty ``Text`` artists took most of a frame's time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import seaborn as sns
from matplotlib import colormaps
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import IdentityTransform

__all__ = [
    "MISMATCH_COLOR",
    "DigitGridArtists",
    "plot_digit_grid",
    "update_digit_grid",
    "caption_texts",
    "plot_confusion",
]

#: Caption colour for a member whose true digit differs from its cluster's (vermillion).
MISMATCH_COLOR = "#D55E00"
_GAP_COLOR = "#eeeeee"


class DigitGridArtists(NamedTuple):
    """What :func:`plot_digit_grid` drew, and the grid's geometry.

    Attributes
    ----------
    image : AxesImage
        Every tile, gaps in light grey between tiles (the Axes limits cut the
        gap beyond the outer tiles).
    captions : PathCollection or None
        One text outline per tile (None without captions).
    n_rows : int
        Rows of tiles in the grid.
    n_cols : int
        Columns of tiles in the grid.
    shape : tuple of int
        (height, width) of one tile in pixels.
    pitch : tuple of int
        (rows, columns) from one tile's corner to the next, gaps included.
    """

    image: object  # AxesImage: every tile, gaps in light grey
    captions: object  # PathCollection: one text outline per tile (None without captions)
    n_rows: int
    n_cols: int
    shape: tuple  # (height, width) of one tile in pixels
    pitch: tuple  # (rows, columns) from one tile's corner to the next, gaps included


def _mosaic(images, n_rows, n_cols, shape, pitch):
    height, width = shape
    mosaic = np.full((n_rows * pitch[0], n_cols * pitch[1]), np.nan)
    for i, tile in enumerate(images):
        r, c = divmod(i, n_cols)
        top, left = r * pitch[0] + (pitch[0] - height), c * pitch[1]
        mosaic[top:top + height, left:left + width] = tile
    return mosaic


def _as_tiles(images, shape):
    images = np.asarray(images, dtype=float)
    if images.ndim == 1:
        images = images[None, :]
    if images.ndim == 3:
        images = images.reshape(len(images), -1)
    if images.ndim != 2 or images.shape[1] != shape[0] * shape[1]:
        raise ValueError(f"images must have shape (n_images, {shape[0] * shape[1]}) or "
                         f"(n_images, {shape[0]}, {shape[1]}) for tiles of shape {shape}, "
                         f"but got shape {np.shape(images)}.")
    return images.reshape(len(images), *shape)


def plot_digit_grid(ax, images, *, n_cols=None, n_tiles=None, shape=(8, 8), captions=None,
                    caption_colors=None, vmin=0.0, vmax=16.0, cmap="binary", fontsize=9,
                    **kwargs):
    """Draw small images side by side in a grid, with an optional caption above each.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    images : ndarray of shape (n_images, height * width) or (n_images, height, width)
        For example ``load_digits().data`` rows or ``KMeans(...).cluster_centers_``.
    n_cols : int, default=None
        Tiles per row; None means ``min(n_tiles, 10)``.
    n_tiles : int, default=None
        Room to leave in the grid (at least ``len(images)``); a slider app
        reserves room for its largest case and fills in fewer tiles later.
    shape : (int, int), default=(8, 8)
        Height and width of one image in pixels.
    captions : list of str, default=None
        A short text above each tile (for example the true digit).
    caption_colors : list of colours, default=None
        One colour per caption (black if None).
    vmin, vmax : float, default=0, 16
        Pixel values mapped to white and black (digits pixels go from 0 to 16).
    cmap : str, default="binary"
        The colour map of the pixels.
    fontsize : float, default=9
        Size of the captions in points.
    **kwargs
        Passed on to ``ax.imshow``.

    Returns
    -------
    artists : DigitGridArtists
        What was drawn, to pass to :func:`update_digit_grid`.
    """
    tiles = _as_tiles(images, shape)
    n_tiles = len(tiles) if n_tiles is None else max(int(n_tiles), len(tiles))
    if n_tiles == 0:
        raise ValueError("images is empty: give at least one image, or n_tiles > 0.")
    n_cols = min(n_tiles, 10) if n_cols is None else int(n_cols)
    n_rows = -(-n_tiles // n_cols)
    with_captions = captions is not None
    pitch = (shape[0] + (4 if with_captions else 1), shape[1] + 1)
    colormap = colormaps[cmap].with_extremes(bad=_GAP_COLOR)
    kwargs.setdefault("interpolation", "nearest")
    image = ax.imshow(_mosaic(tiles, n_rows, n_cols, shape, pitch), cmap=colormap,
                      vmin=vmin, vmax=vmax, **kwargs)
    # show no gap beyond the outer tiles: cut the last gap column and, without
    # captions, the gap row above the first row of tiles (a grey band there reads as ink)
    top = -0.5 if with_captions else pitch[0] - shape[0] - 0.5
    ax.set_xlim(-0.5, n_cols * pitch[1] - (pitch[1] - shape[1]) - 0.5)
    ax.set_ylim(n_rows * pitch[0] - 0.5, top)
    captions_artist = None
    if with_captions:
        rows, cols = np.divmod(np.arange(n_rows * n_cols), n_cols)
        centres = np.column_stack([cols * pitch[1] + shape[1] / 2 - 0.5, rows * pitch[0] + 1.5])
        captions_artist = PathCollection([_glyph("")], sizes=[fontsize ** 2], offsets=centres,
                                         offset_transform=ax.transData, linewidths=0,
                                         transform=IdentityTransform())  # glyphs in points
        ax.add_collection(captions_artist, autolim=False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    artists = DigitGridArtists(image, captions_artist, n_rows, n_cols, tuple(shape), pitch)
    if with_captions:
        _set_captions(artists, captions, caption_colors)
    return artists


@lru_cache(maxsize=256)
def _glyph(text):
    """The outline of ``text`` at font size 1, centred on (0, 0) (drawn in points, y up)."""
    if not text:
        return Path(np.zeros((1, 2)))
    path = TextPath((0, 0), text, size=1)
    box = path.get_extents()
    vertices = path.vertices - [box.x0 + box.width / 2, box.y0 + box.height / 2]
    return Path(vertices, path.codes)


def caption_texts(artists):
    """The captions currently shown by a grid of :func:`plot_digit_grid`.

    Parameters
    ----------
    artists : DigitGridArtists
        What :func:`plot_digit_grid` returned.

    Returns
    -------
    texts : list of str
        One caption per tile ('' for a tile without one); empty for a grid
        drawn without captions.
    """
    return list(getattr(artists.captions, "_kt_texts", []))


def _set_captions(artists, captions, colors):
    captions = [] if captions is None else [str(c) for c in captions]
    n_slots = len(artists.captions.get_offsets())
    if len(captions) > n_slots:
        raise ValueError(f"got {len(captions)} captions for a grid of {n_slots} tiles.")
    colors = list(colors) if colors is not None else ["black"] * len(captions)
    texts = captions + [""] * (n_slots - len(captions))
    rgba = [to_rgba(c) for c in colors] + [(0.0, 0.0, 0.0, 0.0)] * (n_slots - len(captions))
    artists.captions.set_paths([_glyph(t) for t in texts])
    artists.captions.set_facecolor(rgba)
    artists.captions._kt_texts = texts


def update_digit_grid(artists, images, captions=None, caption_colors=None):
    """Show other images (and captions) in the grid of :func:`plot_digit_grid`.

    Fewer images than tiles leave the remaining tiles blank.

    Parameters
    ----------
    artists : DigitGridArtists
        What :func:`plot_digit_grid` returned.
    images : ndarray of shape (n_images, height * width) or (n_images, height, width)
        The new images, at most as many as the grid has tiles.
    captions : list of str or None, default=None
        The new captions (None: none); ignored by a grid drawn without captions.
    caption_colors : list of colours or None, default=None
        One colour per caption (black if None).

    Returns
    -------
    artists : DigitGridArtists
        The same artists, changed in place.

    Raises
    ------
    ValueError
        If there are more images, or more captions, than tiles.
    """
    tiles = _as_tiles(images, artists.shape) if len(images) else np.zeros((0, *artists.shape))
    capacity = artists.n_rows * artists.n_cols
    if len(tiles) > capacity:
        raise ValueError(f"got {len(tiles)} images for a grid of {capacity} tiles; draw the "
                         f"grid with n_tiles={len(tiles)} or more.")
    artists.image.set_data(_mosaic(tiles, artists.n_rows, artists.n_cols, artists.shape,
                                   artists.pitch))
    if artists.captions is not None:
        _set_captions(artists, captions, caption_colors)
    return artists


def plot_confusion(ax, counts, *, row_labels=None, col_labels=None, xlabel="cluster",
                   ylabel="true class", cmap="Blues", annot=True, **kwargs):
    """Draw a count matrix (true class × cluster) as a seaborn heatmap with the counts.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    counts : ndarray of shape (n_rows, n_cols)
        For example from :func:`kmeans_teach.contingency`.
    row_labels, col_labels : list, default=None
        Tick labels (0, 1, ... if None).
    xlabel : str, default="cluster"
        The x axis label.
    ylabel : str, default="true class"
        The y axis label.
    cmap : str, default="Blues"
        The colour map of the cells.
    annot : bool, default=True
        Write each count in its cell.
    **kwargs
        Passed on to :func:`seaborn.heatmap`.

    Returns
    -------
    mesh : QuadMesh
        The coloured cells (``set_array`` changes them).
    """
    counts = np.asarray(counts)
    if counts.ndim != 2:
        raise ValueError(f"counts must be a 2-D matrix, but it has shape {counts.shape}.")
    row_labels = list(range(counts.shape[0])) if row_labels is None else list(row_labels)
    col_labels = list(range(counts.shape[1])) if col_labels is None else list(col_labels)
    kwargs.setdefault("cbar", False)
    kwargs.setdefault("linewidths", 0.5)
    kwargs.setdefault("linecolor", "white")
    kwargs.setdefault("square", True)
    fmt = "d" if np.issubdtype(counts.dtype, np.integer) else ".2g"
    sns.heatmap(counts, ax=ax, cmap=cmap, annot=annot, fmt=fmt, xticklabels=col_labels,
                yticklabels=row_labels, **kwargs)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="y", rotation=0)
    return ax.collections[-1]
