"""Lesson 02's exercise: write one D² sampling step of k-means++."""

from __future__ import annotations

import numpy as np

from ..seeding import d2_pick
from ._feedback import Feedback, call_student, fmt

__all__ = ["check_d2_step"]

# Draws that land inside a point's share, never exactly on a border.
_DRAWS = (0.03, 0.21, 0.38, 0.5, 0.64, 0.77, 0.9, 0.985)


def _test_case():
    # 10 points in two loose groups, one center already chosen in the first group
    rng = np.random.default_rng(7)
    X = np.round(np.vstack([rng.normal(0, 1.0, (5, 2)), rng.normal(5, 1.0, (5, 2))]), 1)
    centers = X[[0]].copy()
    return X, centers


def _pick_with(weights, u):
    cumulative = np.cumsum(weights) / weights.sum()
    return int(min(np.searchsorted(cumulative, u), len(weights) - 1))


def check_d2_step(func):
    """Check a student's D² step ``func(X, centers, u) -> index``.

    The function gets the data ``X``, the centers chosen so far, and a
    uniform random number ``u`` in [0, 1). It must give every point the
    squared distance D² to its nearest center, turn those into
    probabilities (D² divided by their sum), and return the index of the
    first point whose cumulative probability reaches ``u``. The checker
    tries several ``u`` and two sets of centers, and names the first case
    that goes wrong.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> def d2_step(X, centers, u):
    ...     d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).min(axis=1)
    ...     return int(np.searchsorted(np.cumsum(d2 / d2.sum()), u))
    >>> check_d2_step(d2_step)
    Correct: all 16 draws picked the right point, with probabilities proportional to D².
    >>> check_d2_step(lambda X, centers, u: 0)
    Not yet: with u = 0.03 and 1 center(s) chosen, you returned point 0, which lies on a center and has D² = 0 (probability 0), so it can never be picked; the right pick is point 5.
    """
    X, first = _test_case()
    cases = [(first, u) for u in _DRAWS]
    second = X[[0, 7]].copy()
    cases += [(second, u) for u in _DRAWS]
    for centers, u in cases:
        index, problem = call_student(func, X.copy(), centers.copy(), u)
        if problem is not None:  # (a Feedback that failed is falsy, so test for None)
            return problem
        where = f"with u = {u} and {len(centers)} center(s) chosen"
        if isinstance(index, np.ndarray) and index.size == 1:
            index = index.item()
        if isinstance(index, (bool, np.bool_)) or not isinstance(index, (int, np.integer)):
            return Feedback(False, f"{where}, you returned {index!r}; return one whole number, "
                                   "the row of X to pick (e.g. int(np.searchsorted(...))).")
        index = int(index)
        if not 0 <= index < len(X):
            return Feedback(False, f"{where}, you returned {index}, but X has rows 0 .. "
                                   f"{len(X) - 1}.")
        want = d2_pick(X, centers, u)
        if index == want:
            continue
        squared = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        d2 = squared.min(axis=1)
        if d2[index] == 0:
            return Feedback(False, f"{where}, you returned point {index}, which lies on a center "
                                   f"and has D² = 0 (probability 0), so it can never be picked; "
                                   f"the right pick is point {want}.")
        if index == _pick_with(np.sqrt(d2), u):
            hint = "you weighted the points by their distance D; k-means++ uses its square, D²."
        elif index == _pick_with(squared[:, 0], u) and len(centers) > 1:
            hint = ("you used the distance to the first center only; use the nearest center "
                    "(the minimum over all chosen centers).")
        elif index == int(np.argmax(d2)):
            hint = ("you took the farthest point; k-means++ draws at random, so use u to pick "
                    "the first point whose cumulative probability reaches it.")
        else:
            share = d2 / d2.sum()
            hint = (f"point {want} at {fmt(X[want])} is where the cumulative probability first "
                    f"reaches u (it reaches {np.cumsum(share)[want]:.3f} there).")
        return Feedback(False, f"{where}, you picked point {index}, but the right pick is point "
                               f"{want}: {hint}")
    return Feedback(True, f"all {len(cases)} draws picked the right point, with probabilities "
                          "proportional to D².")
