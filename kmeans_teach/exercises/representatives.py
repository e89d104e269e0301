"""Lesson 09's exercise: pick the representative image of each cluster."""

from __future__ import annotations

import numpy as np

from ._feedback import Case, check_cases

__all__ = ["check_representatives"]


def _cases():
    from ..datasets import digits_split
    from ..semi_supervised import representatives

    rng = np.random.default_rng(0)
    split = digits_split()
    return [
        Case("3 images, 2 clusters", (np.array([[0.5, 3.0], [0.2, 2.0], [4.0, 0.1]]),)),
        Case("one cluster (k = 1)", (np.array([[2.0], [0.5], [1.0]]),)),
        Case("a tie: the first of the nearest images", (np.array([[1.0, 2.0], [1.0, 0.5],
                                                                  [3.0, 0.5]]),)),
        Case("random distances, 40 images and 7 clusters", (rng.random((40, 7)),)),
        Case("the digits with 50 clusters",
             (representatives(split.X_train, 50).distances,)),
    ]


def _judge(got, distances):
    expected = distances.argmin(axis=0)
    got = np.asarray(got)
    if got.shape != expected.shape:
        return (f"expected one image index per cluster, shape {expected.shape}, but got shape "
                f"{got.shape}: take the minimum over the images (axis 0), one per column.")
    if not np.issubdtype(got.dtype, np.integer):
        return f"expected integer indices of images, but got dtype {got.dtype}."
    if got.min() < 0 or got.max() >= len(distances):
        return (f"image indices go from 0 to {len(distances) - 1}, but you gave "
                f"{int(got.min()) if got.min() < 0 else int(got.max())}.")
    wrong = np.flatnonzero(got != expected)
    if len(wrong):
        c = int(wrong[0])
        return (f"for cluster {c} you picked image {int(got[c])} (distance "
                f"{distances[int(got[c]), c]:.3f}), but image {int(expected[c])} "
                f"is nearest its center (distance {distances[expected[c], c]:.3f}).")
    return None


def check_representatives(func):
    """Check ``func(distances) -> index``: the image nearest each center.

    ``distances`` has shape (n_images, n_clusters), as ``KMeans.transform``
    gives it; the answer has one image index per cluster (the first one on a tie).

    Parameters
    ----------
    func : callable
        The student's function: ``func(distances)`` returns one image index per cluster.

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the function is right; otherwise the
        sentence names the first case that failed.

    Examples
    --------
    >>> check_representatives(lambda d: d.argmin(axis=0))  # doctest: +ELLIPSIS
    Correct: your function picks the image nearest each center. (5 cases: ...)
    >>> check_representatives(lambda d: d.argmin(axis=1))  # doctest: +ELLIPSIS
    Not yet: case 1 of 5 (3 images, 2 clusters): expected one image index per cluster, ...
    """
    return check_cases(func, _cases(), _judge,
                       "your function picks the image nearest each center.")
