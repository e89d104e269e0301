"""Lesson 00's decision: keep the run from your own start, or the random one?"""

from __future__ import annotations

import numpy as np

from .._validation import check_int
from ..engine import init_centers, run_kmeans
from ._feedback import Feedback

__all__ = ["check_start_choice"]

_RTOL = 1e-3  # final inertias within 0.1 % of each other tie


def check_start_choice(X, my_centers, keep, *, seed=0):
    """Check a decision: keep the run from your own centers, or the one from a random start.

    The student places centers (``my_centers``, one row per center), and the
    checker runs k-means from them and from a random start of as many centers
    (``init="random"`` with ``seed``) on the same data. The student keeps one
    run: ``keep="mine"`` or ``keep="random"``. The checker computes both final
    inertias itself, so the evidence cannot be typed in, and says whether the
    choice is the run with the lower final inertia (within 0.1 % the runs tie
    and either answer is right).

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The data, e.g. ``kt.playground_data("Gaussian blobs")``.
    my_centers : array-like of shape (n_clusters, 2)
        Your starting centers, e.g. the playground's ``app.placed``.
    keep : {"mine", "random"}
        The run you keep.
    seed : int, default=0
        The seed of the random start to compare with.

    Returns
    -------
    Feedback
        Its ``passed`` is True when the kept run ends with the lower (or a
        tied) final inertia; its message says both inertias.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0], [20.0], [21.0]])  # three pairs
    >>> check_start_choice(X, [[0.5], [10.5], [20.5]], "random", seed=3)
    ... # doctest: +NORMALIZE_WHITESPACE
    Not yet: your start ends at inertia 1.5 and the random start (seed 3) at 101.0. With the
    same data and the same number of centers, k-means' own measure prefers the lower final
    inertia: keep yours, or place centers that end lower.
    >>> check_start_choice(X, [[0.5], [10.5], [20.5]], "mine", seed=0)
    ... # doctest: +NORMALIZE_WHITESPACE
    Correct: your start ends at inertia 1.5 and the random start (seed 0) at 1.5: a tie
    (within 0.1 %), so either run is right to keep.
    """
    seed = check_int(seed, "seed", low=0, high=2**32 - 1)
    X = np.asarray(X, dtype=float)
    try:
        mine = np.asarray(my_centers, dtype=float)
    except (TypeError, ValueError):
        mine = np.empty((0, 0))
    if mine.ndim != 2 or mine.shape[1] != X.shape[1] or not 2 <= len(mine) <= len(X):
        return Feedback(False, f"my_centers must hold at least two centers, one row of "
                               f"{X.shape[1]} coordinates each (got shape {np.shape(mine)}): "
                               "place them in the playground and use app.placed, or type "
                               "(x, y) pairs.")
    if not np.isfinite(mine).all():
        return Feedback(False, "my_centers holds a NaN or an infinite coordinate: place every "
                               "center inside the plot.")
    if keep not in ("mine", "random"):
        return Feedback(False, f'set keep to "mine" or "random" (you gave {keep!r}).')
    k = len(mine)
    ours = run_kmeans(X, k, init=mine).final.inertia
    theirs = run_kmeans(X, k, init=init_centers(X, k, "random", random_state=seed)).final.inertia
    both = (f"your start ends at inertia {ours:.1f} and the random start (seed {seed}) at "
            f"{theirs:.1f}")
    if abs(ours - theirs) <= _RTOL * min(ours, theirs):
        return Feedback(True, f"{both}: a tie (within 0.1 %), so either run is right to keep.")
    better = "mine" if ours < theirs else "random"
    if keep == better:
        return Feedback(True, f"{both}, so keep {'yours' if keep == 'mine' else 'the random one'}"
                              ": the lower final inertia is the better fit by k-means' own "
                              "measure (not always the true groups: lesson 08 shows a case).")
    return Feedback(False, f"{both}. With the same data and the same number of centers, "
                           "k-means' own measure prefers the lower final inertia: keep "
                           f"{'yours' if better == 'mine' else 'the random one'}, or place "
                           "centers that end lower.")
