"""Lesson 01's exercise: write the E-step."""

from __future__ import annotations

import numpy as np

from ._feedback import Case, call_student, check_cases, fmt

__all__ = ["check_e_step"]


def _lesson_example():
    # 12 points and 3 centers, no point halfway between two centers (no ties)
    rng = np.random.default_rng(2024)
    X = np.round(rng.normal(scale=3.0, size=(12, 2)), 1)
    centers = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, -3.0]])
    return X, centers


def _cases():
    rng = np.random.default_rng(13)
    X, centers = _lesson_example()
    # whole numbers, so that the tied squared distances are exactly equal
    tie_X = np.array([[1.0, 0.0], [1.0, 5.0], [-3.0, 0.0], [4.0, 1.0]])
    tie_centers = np.array([[0.0, 0.0], [2.0, 0.0], [9.0, 9.0]])
    return [
        Case("the lesson's example: 12 points, 3 centers", (X, centers)),
        Case("one center (k = 1)", (X, centers[:1])),
        Case("three features", (np.round(rng.normal(scale=3.0, size=(20, 3)), 1),
                                np.array([[0.0, 0.0, 0.0], [3.0, 0.0, -2.0],
                                          [0.0, 4.0, 1.0], [-3.0, -3.0, 3.0]]))),
        Case("many points: 5000 points, 7 centers",
             (rng.normal(scale=4.0, size=(5000, 2)), rng.normal(scale=4.0, size=(7, 2)))),
        Case("a tie: points 0 and 1 lie halfway between centers 0 and 1 (either is right)",
             (tie_X, tie_centers)),
    ]


def _judge(labels, X, centers):
    """None if every point got a nearest center (either one, in a tie); else what is wrong."""
    labels = np.asarray(labels)
    if labels.shape != (len(X),):
        return (f"expected one label per point, an array of shape ({len(X)},), but got shape "
                f"{labels.shape}. Did you return the distances instead of the index of the "
                "smallest one (argmin)?")
    if not np.issubdtype(labels.dtype, np.integer):
        return f"labels must be integers (center indices), but got dtype {labels.dtype}."
    if labels.min() < 0 or labels.max() >= len(centers):
        return (f"labels must lie between 0 and {len(centers) - 1} (one per center), but got "
                f"{labels.min()} .. {labels.max()}.")
    d = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)  # (n_points, n_centers)
    own = d[np.arange(len(X)), labels]
    # right when the own center is as near as the nearest (a tie accepts every tied center)
    wrong = np.flatnonzero(own > d.min(axis=1) * (1 + 1e-12))
    if len(wrong) == 0:
        return None
    if len(wrong) == len(X) and np.array_equal(labels, d.argmax(axis=1)):
        return "every point got its farthest center: use argmin, not argmax."
    i = int(wrong[0])
    got, want = int(labels[i]), int(d[i].argmin())
    return (f"point {i} at {fmt(X[i])} got label {got}, but its nearest center is {want} at "
            f"{fmt(centers[want])} (squared distance {d[i, want]:.2f} against {d[i, got]:.2f}).")


def check_e_step(func):
    """Check a student's E-step ``func(X, centers) -> labels``.

    The function must return, for every row of ``X``, the index of the nearest
    row of ``centers``. The checker tries five cases: the lesson's example,
    one center (k = 1), three features, many points, and a tie (a point
    exactly halfway between two centers, where either center is right). It
    answers in one sentence; when the function is wrong, it names the case
    and the first point that got a wrong label.

    Parameters
    ----------
    func : callable
        The student's function: ``func(X, centers)`` returns one label per row of X.

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
    >>> check_e_step(e_step)  # doctest: +NORMALIZE_WHITESPACE
    Correct: every point got the label of its nearest center. (5 cases: the lesson's example:
    12 points, 3 centers; one center (k = 1); three features; many points: 5000 points,
    7 centers; a tie: points 0 and 1 lie halfway between centers 0 and 1 (either is right))
    >>> check_e_step(lambda X, centers: np.zeros(len(X), dtype=int))  # doctest: +NORMALIZE_WHITESPACE
    Not yet: case 1 of 5 (the lesson's example: 12 points, 3 centers): point 0 at (3.10, 4.90)
    got label 0, but its nearest center is 1 at (2.00, 1.00) (squared distance 16.42 against 50.02).
    """
    if not callable(func):  # say it once, not "case 1 of 5: ..."
        return call_student(func)[1]
    return check_cases(func, _cases(), _judge,
                       "every point got the label of its nearest center.")
