"""Images, palettes and the pixel cloud (lesson 06, colour compression).

Here the data *are* colours, so every point and swatch is drawn in its own
colour: the cluster palette of ``clusters.py`` does not apply.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "CHANNEL_NAMES",
    "plot_image",
    "update_image",
    "plot_palette",
    "update_palette",
    "plot_pixel_cloud",
    "update_pixel_cloud",
]

CHANNEL_NAMES = ("red", "green", "blue")


def _as_rgb01(colors):
    """uint8 (or 0..255) colours of shape (n, 3) as floats in 0..1 for matplotlib."""
    return np.asarray(colors, dtype=float).reshape(-1, 3) / 255.0


def plot_image(ax, image, *, title=None, **kwargs):
    """Show an RGB image without axes ticks.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    image : ndarray of shape (height, width, 3), dtype uint8
        The image.
    title : str or None, default=None
        The Axes title (None: none set).
    **kwargs
        Passed on to ``ax.imshow``. The default ``interpolation="nearest"``
        shows only colours that are in the image (smoothing would blend palette
        colours into new ones) and keeps stored figures small.

    Returns
    -------
    artist : AxesImage
        The image, to pass to :func:`update_image`.
    """
    kwargs.setdefault("interpolation", "nearest")
    artist = ax.imshow(np.asarray(image), **kwargs)
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(title)
    return artist


def update_image(artist, image):
    """Show a new image (of any size) in the AxesImage of :func:`plot_image`.

    Parameters
    ----------
    artist : AxesImage
        What :func:`plot_image` returned; changed in place (and its Axes'
        limits, when the new image has another size).
    image : ndarray of shape (height, width, 3), dtype uint8
        The new image.
    """
    image = np.asarray(image)
    height, width = image.shape[:2]
    if artist.get_array().shape[:2] != (height, width):  # as imshow places a new image
        artist.set_extent((-0.5, width - 0.5, height - 0.5, -0.5))
        artist.axes.set_xlim(-0.5, width - 0.5)
        artist.axes.set_ylim(height - 0.5, -0.5)
    artist.set_data(image)


def plot_palette(ax, palette, **kwargs):
    """Draw a palette as a row of colour swatches filling the Axes.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    palette : ndarray of shape (n_colors, 3), dtype uint8
        The colours, in order.
    **kwargs
        Passed on to ``ax.imshow``.

    Returns
    -------
    artist : AxesImage
        One pixel per swatch, stretched over the Axes; :func:`update_palette`
        can give it a palette of another length.
    """
    kwargs.setdefault("interpolation", "nearest")
    artist = ax.imshow(np.asarray(palette, dtype=np.uint8)[None, :, :], aspect="auto",
                       extent=(0, 1, 0, 1), **kwargs)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([])
    ax.set_yticks([])
    return artist


def update_palette(artist, palette):
    """Show another palette (any number of colours) in the swatches of :func:`plot_palette`.

    Parameters
    ----------
    artist : AxesImage
        What :func:`plot_palette` returned; changed in place.
    palette : ndarray of shape (n_colors, 3), dtype uint8
        The new colours.
    """
    artist.set_data(np.asarray(palette, dtype=np.uint8)[None, :, :])


def plot_pixel_cloud(ax, pixels, colors=None, *, channels=(0, 1), size=2.0, **kwargs):
    """Scatter pixels in colour space, each point painted in a colour of its own.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    pixels : ndarray of shape (n_pixels, 3)
        Positions: the pixels' (red, green, blue) values, 0..255.
    colors : ndarray of shape (n_pixels, 3) or None, default=None
        The colour to paint each point in; None paints each pixel in its own
        colour. Pass the quantised colours to see how k-means split the cloud.
    channels : pair of int, default=(0, 1)
        Which channels go on the x and y axes (0 red, 1 green, 2 blue).
    size : float, default=2.0
        Marker area in points^2.
    **kwargs
        Passed on to ``ax.scatter``.

    Returns
    -------
    points : PathCollection
        The points, to pass to :func:`update_pixel_cloud`.
    """
    pixels = np.asarray(pixels)
    i, j = channels
    kwargs.setdefault("linewidths", 0)
    kwargs.setdefault("rasterized", True)
    points = ax.scatter(pixels[:, i], pixels[:, j], s=size, **kwargs)
    update_pixel_cloud(points, pixels if colors is None else colors)
    ax.set_xlim(0, 255)
    ax.set_ylim(0, 255)
    ax.set_aspect("equal")
    ax.set_xlabel(CHANNEL_NAMES[i])
    ax.set_ylabel(CHANNEL_NAMES[j])
    return points


def update_pixel_cloud(points, colors):
    """Repaint the points of :func:`plot_pixel_cloud` (positions stay).

    Parameters
    ----------
    points : PathCollection
        What :func:`plot_pixel_cloud` returned; changed in place.
    colors : ndarray of shape (n_pixels, 3)
        The new colour of every point, 0..255.
    """
    points.set_facecolor(_as_rgb01(colors))
