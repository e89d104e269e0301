"""Lesson 02's exercise: write one D² sampling step of k-means++."""

from __future__ import annotations

import numpy as np

from ..seeding import d2_pick
from ._feedback import Case, _same, call_student, check_cases, fmt

__all__ = ["check_d2_step"]

# Draws that land inside a point's share, never exactly on a border.
_DRAWS = (0.03, 0.21, 0.38, 0.5, 0.64, 0.77, 0.9, 0.985)


def _lesson_example():
    # 10 points in two loose groups, one center already chosen in the first group
    rng = np.random.default_rng(7)
    X = np.round(np.vstack([rng.normal(0, 1.0, (5, 2)), rng.normal(5, 1.0, (5, 2))]), 1)
    return X, X[[0]].copy()


def _cases():
    rng = np.random.default_rng(13)
    X, first = _lesson_example()
    many = rng.normal(scale=3.0, size=(3000, 2))
    X3 = np.round(rng.normal(scale=2.0, size=(15, 3)), 1)
    # a border: around the center (point 0) D² = 1, 1, 2, 4, so the shares are 1/8, 1/8,
    # 2/8, 4/8, exact in binary; u = 0.25 and u = 0.5 fall exactly on a border between two
    # points' shares, and there either point is right (a tie); u = 0 is where the center's
    # empty share ends: the pick is point 1, never the center itself
    border = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, -1.0], [1.0, 1.0], [0.0, 2.0]])
    return [
        Case("a small example, 1 center chosen", (X, first, _DRAWS)),
        Case("a small example, 2 centers chosen", (X, X[[0, 7]].copy(), _DRAWS)),
        Case("all points but one lie on a center", (np.array([[0.0, 0.0], [3.0, 4.0], [0.0, 0.0],
                                                              [1.0, 1.0]]),
                                                    np.array([[0.0, 0.0], [1.0, 1.0]]), (0.1, 0.9))),
        Case("three features", (X3, X3[[2, 9]].copy(), _DRAWS)),
        Case("many points: 3000 points, 4 centers chosen", (many, many[[0, 1, 2, 3]].copy(),
                                                            (0.001, 0.3, 0.6, 0.999))),
        Case("u on the border between two points' shares (either point is right), and u = 0 "
             "(never the center)",
             (border, border[[0]].copy(), (0.0, 0.25, 0.5))),
    ]


def _shares(X, centers):
    squared = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)  # (n_points, n_centers)
    d2 = squared.min(axis=1)
    return squared, d2, d2 / d2.sum()


def _pick_with(weights, u):
    cumulative = np.cumsum(weights) / weights.sum()
    return int(min(np.searchsorted(cumulative, u, side="right"), len(weights) - 1))


def _check_one(index, X, centers, u):
    """None if ``index`` is a right pick for the draw ``u``; else what is wrong."""
    where = f"with u = {u} and {len(centers)} center(s) chosen"
    if isinstance(index, np.ndarray) and index.size == 1:
        index = index.item()
    if isinstance(index, (bool, np.bool_)) or not isinstance(index, (int, np.integer)):
        return (f"{where}, you returned {index!r}; return one whole number, the row of X to "
                "pick (e.g. int(...) of what you computed).")
    index = int(index)
    if not 0 <= index < len(X):
        return f"{where}, you returned {index}, but X has rows 0 .. {len(X) - 1}."
    squared, d2, share = _shares(X, centers)
    cumulative = np.cumsum(share)
    # right: a point with a chance, under position u (on a border, either neighbour)
    if d2[index] > 0 and cumulative[index] - share[index] - 1e-12 <= u <= cumulative[index] + 1e-12:
        return None
    want = d2_pick(X, centers, u)
    if d2[index] == 0:
        return (f"{where}, you returned point {index}, which lies on a center and has D² = 0 "
                f"(probability 0), so it can never be picked; the right pick is point {want}.")
    if index == _pick_with(np.sqrt(d2), u):
        hint = "you weighted the points by their distance D; k-means++ uses its square, D²."
    elif index == _pick_with(squared[:, 0], u) and len(centers) > 1:
        hint = ("you used the distance to the first center only; use the nearest center "
                "(the minimum over all chosen centers).")
    elif index == int(np.argmax(d2)):
        hint = ("you took the farthest point; k-means++ draws at random, so use u to pick "
                "the first point whose cumulative probability is greater than it.")
    else:
        # u exactly on the end of a share (a tie): either point with a chance beside it is right
        ends = np.flatnonzero((np.abs(cumulative - u) <= 1e-12) & (d2 > 0))
        after = np.flatnonzero(d2 > 0)
        if ends.size and u > 0 and ends[0] < after[-1]:
            a = int(ends[0])
            b = int(after[after > a][0])
            return (f"{where}, you picked point {index}, but u is on the border between point {a}'s "
                    f"share and point {b}'s: either of those two is right.")
        hint = (f"point {want} at {fmt(X[want])} is where the cumulative probability first "
                f"passes u (it is {cumulative[want]:.3f} there).")
    return f"{where}, you picked point {index}, but the right pick is point {want}: {hint}"


def check_d2_step(func):
    """Check a student's D² step ``func(X, centers, u) -> index``.

    The function gets the data ``X``, the centers chosen so far, and a
    uniform random number ``u`` in [0, 1). It must give every point the
    squared distance D² to its nearest center, turn those into
    probabilities (D² divided by their sum), and return the index of the
    first point whose cumulative probability is greater than ``u``. The checker
    tries six cases, each with several draws ``u``: a small example
    with one and with two centers chosen, data where only one point is off
    the centers, three features, many points, and draws that fall exactly
    on the border between two points' shares (a tie: either point is
    right) and u = 0 where the first point is a center (D² = 0: never
    picked). It names the first case and draw that go wrong.

    Parameters
    ----------
    func : callable
        The student's function: ``func(X, centers, u)`` returns a row index of X.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> def d2_step(X, centers, u):
    ...     d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).min(axis=1)
    ...     running = np.cumsum(d2)
    ...     return int(np.searchsorted(running / running[-1], u, side="right"))
    >>> check_d2_step(d2_step)  # doctest: +NORMALIZE_WHITESPACE
    Correct: every draw picked a right point, with probabilities proportional to D².
    (6 cases: a small example, 1 center chosen; a small example, 2 centers chosen;
    all points but one lie on a center; three features; many points: 3000 points, 4 centers
    chosen; u on the border between two points' shares (either point is right), and u = 0
    (never the center))
    >>> check_d2_step(lambda X, centers, u: 0)  # doctest: +NORMALIZE_WHITESPACE
    Not yet: case 1 of 6 (a small example, 1 center chosen): with u = 0.03 and 1 center(s)
    chosen, you returned point 0, which lies on a center and has D² = 0 (probability 0), so it
    can never be picked; the right pick is point 5.
    """
    if not callable(func):  # say it once, not "case 1 of 6: ..."
        return call_student(func)[1]

    def every_draw(X, centers, draws):
        # one call per draw on check_cases' own copies: after a call that changed X or
        # centers in place, stop, so that check_cases sees the change and names it
        # (calling on fresh copies each time would hide it)
        before = X.copy(), centers.copy()
        picks = []
        for u in draws:
            picks.append(func(X, centers, u))
            if not (_same(X, before[0]) and _same(centers, before[1])):
                break
        return picks

    def judge(picks, X, centers, draws):
        for index, u in zip(picks, draws):
            complaint = _check_one(index, X, centers, u)
            if complaint is not None:
                return complaint
        return None

    return check_cases(every_draw, _cases(), judge,
                       "every draw picked a right point, with probabilities proportional to D².")
