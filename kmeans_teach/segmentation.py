"""Image segmentation with k-means (lesson 09): cluster pixels on colour, and on position.

Each pixel becomes a point (r, g, b) with values 0..1, or (r, g, b, w·x, w·y)
with its position scaled to 0..1 along the longer side and weighted by ``w``.
With ``w = 0`` k-means groups pixels by colour only (regions may be scattered
over the whole photo); a large ``w`` makes compact regions whatever their
colour. The weight is a choice of units, lesson 08's subject made visible.

As lesson 06 does for colours, the photo is prepared once
(:class:`SegmentationData`: downsampled, features ready) and k-means is fitted
on a fixed sample of its pixels; every pixel then gets its nearest center.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._threads import limit_threads
from ._validation import check_int, check_number, check_random_state, rng_from
from .engine import assign

__all__ = ["pixel_features", "SegmentationData", "Segmentation", "segment", "region_borders",
           "with_borders"]


def _check_weight(weight):
    return check_number(weight, "position_weight", low=0,
                        fix=" Use 0 to segment by colour only.")


def pixel_features(image, position_weight=0.0):
    """The pixels of an RGB image as rows (r, g, b) or (r, g, b, w·x, w·y), all 0..1 scaled.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), dtype uint8
        The photo.
    position_weight : float, default=0.0
        0 gives the three colour columns only; otherwise two position columns
        are added, x and y divided by the longer side, times this weight.

    Returns
    -------
    features : ndarray of shape (height * width, 3 or 5)
        One row per pixel, row by row: its colour divided by 255, then its
        weighted position when ``position_weight`` is not 0.

    Examples
    --------
    >>> image = np.zeros((2, 4, 3), dtype=np.uint8)
    >>> pixel_features(image).shape, pixel_features(image, 1.0)[-1].tolist()
    ((8, 3), [0.0, 0.0, 0.0, 0.75, 0.25])
    """
    image = np.asarray(image)
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"image must be an RGB array of shape (height, width, 3) and dtype "
                         f"uint8, but got shape {image.shape} and dtype {image.dtype}.")
    weight = _check_weight(position_weight)
    height, width = image.shape[:2]
    colour = image.reshape(-1, 3) / 255.0
    if weight == 0:
        return colour
    y, x = np.divmod(np.arange(height * width), width)
    side = max(height, width)
    return np.column_stack([colour, weight * x / side, weight * y / side])


@dataclass(frozen=True, repr=False, eq=False)
class Segmentation:
    """A photo cut into ``n_clusters`` regions.

    Attributes
    ----------
    labels : ndarray of shape (height, width)
        The region of every pixel.
    mean_colors : ndarray of shape (n_clusters, 3), dtype uint8
        The mean colour of each region (over all its pixels).
    sizes : ndarray of shape (n_clusters,)
        Pixels in each region.
    position_weight : float
        The weight of the pixels' positions against their colours.
    n_clusters : int
        The number of regions.
    image : ndarray of shape (height, width, 3), dtype uint8
        Every pixel painted in its region's mean colour.
    """

    labels: np.ndarray
    mean_colors: np.ndarray
    sizes: np.ndarray
    position_weight: float

    @property
    def n_clusters(self):
        return len(self.mean_colors)

    @property
    def image(self):
        """Every pixel painted in its region's mean colour."""
        return self.mean_colors[self.labels]

    def __repr__(self):
        h, w = self.labels.shape
        return (f"Segmentation({h}x{w} pixels, n_clusters={self.n_clusters}, "
                f"position_weight={self.position_weight:g})")


class SegmentationData:
    """A photo prepared once for many segmentations: downsampled, pixels and a sample.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), dtype uint8
        The photo.
    step : int, default=4
        Keep every ``step``-th pixel along each side (427 x 640 becomes 107 x 160).
    sample_size : int, default=2000
        k-means is fitted on this many pixels, the same ones for every (k, weight).
    random_state : int, RandomState instance or None, default=0
        Seeds the sample and the k-means fits; an int gives the same result on
        every call.

    Attributes
    ----------
    image : ndarray of shape (ceil(height / step), ceil(width / step), 3)
        The downsampled photo (every ``step``-th pixel).
    shape : tuple of int
        Its (height, width).
    full_shape : tuple of int
        The (height, width) of the photo as given.
    step : int
        As given.
    sample : ndarray of shape (sample_size,)
        Indices of the sampled pixels, sorted.
    random_state : int
        The seed of the k-means fits.

    Examples
    --------
    >>> from kmeans_teach.datasets import sample_image
    >>> data = SegmentationData(sample_image("china.jpg"))
    >>> data.shape, data.full_shape
    ((107, 160), (427, 640))
    """

    def __init__(self, image, *, step=4, sample_size=2000, random_state=0):
        image = np.asarray(image)
        pixel_features(image[:1, :1])  # checks the image
        step = check_int(step, "step", low=1)
        check_random_state(random_state)
        self.full_shape = image.shape[:2]
        self.image = np.ascontiguousarray(image[::step, ::step])
        self.shape = self.image.shape[:2]
        self.step = step
        n = self.shape[0] * self.shape[1]
        sample_size = check_int(sample_size, "sample_size", low=2)
        rng = rng_from(random_state)
        self.sample = np.sort(rng.choice(n, size=min(sample_size, n), replace=False))
        self.random_state = (int(rng.integers(2**31 - 1)) if random_state is None or not isinstance(random_state, int)
                             else random_state)
        self._cache = {}

    def features(self, position_weight):
        """The pixels of the downsampled photo as rows, for :func:`pixel_features`.

        Parameters
        ----------
        position_weight : float
            The weight of the pixels' positions (0: colour only).

        Returns
        -------
        features : ndarray of shape (n_pixels, 3 or 5)
            One row per pixel.
        """
        return pixel_features(self.image, position_weight)

    def segment(self, n_clusters, position_weight=0.0):
        """The segmentation for ``(n_clusters, position_weight)``, computed once and kept.

        Parameters
        ----------
        n_clusters : int
            Number of regions, from 1 to the sample size.
        position_weight : float, default=0.0
            The weight of the pixels' positions against their colours.

        Returns
        -------
        segmentation : Segmentation
            The same object on every call with the same arguments.
        """
        n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(self.sample))
        weight = _check_weight(position_weight)
        key = (n_clusters, weight)
        if key not in self._cache:
            self._cache[key] = self._segment(n_clusters, weight)
        return self._cache[key]

    def _segment(self, n_clusters, weight):
        from sklearn.cluster import KMeans

        X = self.features(weight)
        model = KMeans(n_clusters=n_clusters, n_init=1, random_state=self.random_state)
        with limit_threads():
            model.fit(X[self.sample])  # 1. fit the centers on the sample
            labels = assign(X, model.cluster_centers_, check_input=False)  # 2. every pixel
        sizes = np.bincount(labels, minlength=n_clusters)
        colour = self.image.reshape(-1, 3).astype(np.float64)
        sums = np.zeros((n_clusters, 3))
        np.add.at(sums, labels, colour)
        # an empty region (possible after assigning all pixels) keeps its center's colour
        mean = np.where(sizes[:, None] > 0, sums / np.maximum(sizes, 1)[:, None],
                        255.0 * model.cluster_centers_[:, :3])
        mean_colors = np.clip(np.rint(mean), 0, 255).astype(np.uint8)
        labels = labels.reshape(self.shape)
        for array in (labels, mean_colors, sizes):
            array.setflags(write=False)
        return Segmentation(labels, mean_colors, sizes, weight)

    def __repr__(self):
        return (f"SegmentationData({self.shape[0]}x{self.shape[1]} pixels, every "
                f"{self.step}th of {self.full_shape[0]}x{self.full_shape[1]}; k-means on "
                f"{len(self.sample)} of them)")


def segment(image, n_clusters, *, position_weight=0.0, step=4, sample_size=2000,
            random_state=0):
    """Segment ``image`` into ``n_clusters`` regions (see :class:`SegmentationData`).

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), dtype uint8
        The photo.
    n_clusters : int
        Number of regions.
    position_weight : float, default=0.0
        The weight of the pixels' positions against their colours (see
        :func:`pixel_features`).
    step : int, default=4
        Keep every ``step``-th pixel along each side.
    sample_size : int, default=2000
        k-means is fitted on this many pixels.
    random_state : int, RandomState instance or None, default=0
        Seeds the random draws; an int gives the same result on every call.

    Returns
    -------
    segmentation : Segmentation
        The region of every pixel of the downsampled photo, with their colours.

    Examples
    --------
    >>> from kmeans_teach.datasets import sample_image
    >>> seg = segment(sample_image("china.jpg"), 4)
    >>> seg.labels.shape, seg.n_clusters, int(seg.sizes.sum())
    ((107, 160), 4, 17120)
    """
    data = SegmentationData(image, step=step, sample_size=sample_size,
                            random_state=random_state)
    return data.segment(n_clusters, position_weight)


def region_borders(labels):
    """True on every pixel whose right or lower neighbour is in another region.

    Parameters
    ----------
    labels : array-like of shape (height, width)
        The region of every pixel.

    Returns
    -------
    border : ndarray of bool of shape (height, width)
        The border pixels.

    Examples
    --------
    >>> region_borders(np.array([[0, 0, 1], [0, 0, 1]])).astype(int).tolist()
    [[0, 1, 0], [0, 1, 0]]
    """
    labels = np.asarray(labels)
    border = np.zeros(labels.shape, dtype=bool)
    border[:, :-1] |= labels[:, :-1] != labels[:, 1:]
    border[:-1, :] |= labels[:-1, :] != labels[1:, :]
    return border


def with_borders(seg, image=None, color=(255, 255, 255)):
    """An image with the region borders of ``seg`` painted in ``color``.

    Parameters
    ----------
    seg : Segmentation
        The regions.
    image : ndarray of shape (height, width, 3) or None, default=None
        The photo the borders are drawn on (of the segmentation's shape); None
        draws them on the segmented image (mean colour per region).
    color : tuple of int, default=(255, 255, 255)
        The RGB colour of the borders.

    Returns
    -------
    picture : ndarray of shape (height, width, 3), dtype uint8
        A new image; ``image`` is not changed.

    Examples
    --------
    >>> from kmeans_teach.datasets import sample_image
    >>> picture = with_borders(segment(sample_image("china.jpg"), 3))
    >>> picture.shape, picture.dtype
    ((107, 160, 3), dtype('uint8'))
    """
    picture = (seg.image if image is None else np.asarray(image, dtype=np.uint8)).copy()
    if picture.shape[:2] != seg.labels.shape:
        raise ValueError(f"image has shape {picture.shape[:2]} but the segmentation "
                         f"{seg.labels.shape}: draw the borders on the image it was made from.")
    picture[region_borders(seg.labels)] = color
    return picture
