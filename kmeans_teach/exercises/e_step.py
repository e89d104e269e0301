"""Lesson 01's exercise: write the E-step."""

from __future__ import annotations

import numpy as np

from ..engine import assign
from ._feedback import Feedback, call_student, fmt

__all__ = ["check_e_step"]


def _test_case():
    # 12 points and 3 centers, no point halfway between two centers (no ties)
    rng = np.random.default_rng(2024)
    X = np.round(rng.normal(scale=3.0, size=(12, 2)), 1)
    centers = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, -3.0]])
    return X, centers


def check_e_step(func):
    """Check a student's E-step ``func(X, centers) -> labels``.

    The function must return, for every row of ``X``, the index of the nearest
    row of ``centers``. The checker answers in one sentence, and when the
    answer is wrong it names the first point that got a wrong label.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> def e_step(X, centers):
    ...     d = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    ...     return d.argmin(axis=1)
    >>> check_e_step(e_step)
    Correct: all 12 points got the label of their nearest center.
    >>> check_e_step(lambda X, centers: np.zeros(len(X), dtype=int))
    Not yet: point 0 at (3.10, 4.90) got label 0, but its nearest center is 1 at (2.00, 1.00) (squared distance 16.42 against 50.02).
    """
    X, centers = _test_case()
    labels, problem = call_student(func, X.copy(), centers.copy())
    if problem is not None:  # (a Feedback that failed is falsy, so test for None)
        return problem
    labels = np.asarray(labels)
    if labels.shape != (len(X),):
        return Feedback(False, f"expected one label per point, an array of shape ({len(X)},), "
                               f"but got shape {labels.shape}. Did you return the distances "
                               "instead of the index of the smallest one (argmin)?")
    if not np.issubdtype(labels.dtype, np.integer):
        return Feedback(False, f"labels must be integers (center indices), but got dtype "
                               f"{labels.dtype}.")
    if labels.min() < 0 or labels.max() >= len(centers):
        return Feedback(False, f"labels must lie between 0 and {len(centers) - 1} (one per "
                               f"center), but got {labels.min()} .. {labels.max()}.")
    expected = assign(X, centers)
    wrong = np.flatnonzero(labels != expected)
    if len(wrong) == 0:
        return Feedback(True, f"all {len(X)} points got the label of their nearest center.")
    d = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    if len(wrong) == len(X) and np.array_equal(labels, d.argmax(axis=1)):
        return Feedback(False, "every point got its farthest center: use argmin, not argmax.")
    i = int(wrong[0])
    got, want = int(labels[i]), int(expected[i])
    return Feedback(
        False,
        f"point {i} at {fmt(X[i])} got label {got}, but its nearest center is {want} at "
        f"{fmt(centers[want])} (squared distance {d[i, want]:.2f} against {d[i, got]:.2f}).",
    )
