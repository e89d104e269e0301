"""Lesson 02's decision: which seeding to keep for a data set and k, defended by a share."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..seeding import INITS, scan_seeds
from ._feedback import Feedback

__all__ = ["check_seeding_choice"]

_TOL = 0.005  # a quoted share may be rounded: 0.455 or 0.46 for 45.5%
_SLACK = 1e-9  # abs(0.46 - 0.455) is 0.005000000000000004 in floating point: still within _TOL


def _runs_for(p, chance=0.99):
    """Runs needed so that the best of them reaches the optimum with this chance."""
    if p >= 1:
        return 1
    if p <= 0:
        return None  # never
    return int(np.ceil(np.log(1 - chance) / np.log(1 - p)))


def check_seeding_choice(X, n_clusters, my_init, my_share, *, seeds=range(200)):
    """Check a decision: random start or k-means++, defended by the share of good runs.

    The checker runs k-means once per seed with each start (``init="random"``
    and ``init="k-means++"``, as :func:`kmeans_teach.scan_seeds`), takes the
    best inertia found by any run, and counts for each start the share of
    runs that reach it (within 0.1%). The right start is the one with the
    larger share (equal shares tie, and then either is right); the quoted
    ``my_share`` must be that start's share, as a number between 0 and 1.
    The answer also says how many runs (``n_init``) each start needs for a
    99% chance of the best clustering, which is what the decision buys.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data of the exercise.
    n_clusters : int
        Number of clusters of every run.
    my_init : {"random", "k-means++"}
        The start you keep.
    my_share : float
        Your evidence: the share of that start's runs that reach the best inertia.
    seeds : iterable of int, default=range(200)
        The seeds of the runs compared for each start.

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0], [20.0], [21.0]])  # 3 pairs
    >>> check_seeding_choice(X, 3, "random", 0.5, seeds=range(20))  # doctest: +NORMALIZE_WHITESPACE
    Not yet: random starts reach the best inertia 1.5 in 80.0% of the 20 runs, but k-means++
    in 100.0%: keep k-means++.
    >>> check_seeding_choice(X, 3, "k-means++", 1.0, seeds=range(20))  # doctest: +NORMALIZE_WHITESPACE
    Correct: keep k-means++: 100.0% of its 20 runs reach the best inertia 1.5, against 80.0%
    of the random starts. For a 99% chance of the best clustering, k-means++ needs n_init = 1,
    random starts n_init = 3. The decision would change only if both starts reached the best
    equally often; then either will do.
    """
    seeds = list(seeds)
    if not isinstance(my_init, str) or my_init not in INITS:
        return Feedback(False, f"choose a start: set my_init to 'random' or 'k-means++' "
                               f"(you gave {my_init!r}), and quote the share of its runs that "
                               "reach the best inertia as my_share.")
    scans = {init: scan_seeds(X, n_clusters, seeds, init=init) for init in INITS}
    optimum = min(float(scan.inertias.min()) for scan in scans.values())
    share = {init: scan.share_reached(optimum) for init, scan in scans.items()}
    other = INITS[1 - INITS.index(my_init)]
    n = len(seeds)
    if share[my_init] < share[other]:
        return Feedback(False, f"{_name(my_init)} reach the best inertia {optimum:.1f} in "
                               f"{share[my_init]:.1%} of the {n} runs, but {_name(other)} "
                               f"in {share[other]:.1%}: keep {other}.")
    if isinstance(my_share, bool) or not isinstance(my_share, Real) or not np.isfinite(my_share):
        return Feedback(False, f"{my_init} is a good choice; now defend it with a number: set "
                               "my_share to the share of its runs that reach the best inertia "
                               f"(a SeedScan's share_reached; you gave {my_share!r}).")
    if 1 < my_share <= 100:
        return Feedback(False, f"give the share as a number between 0 and 1: {my_share}% is "
                               f"{my_share / 100:g}.")
    if abs(my_share - share[my_init]) > _TOL + _SLACK:
        return Feedback(False, f"you chose well, but you quoted a share of {my_share}, and "
                               f"{share[my_init]:.3f} of the {n} {my_init} runs reach the best "
                               f"inertia {optimum:.1f}. Quote the number your cell computes, "
                               "not one typed in.")
    if share[my_init] == share[other]:
        return Feedback(True, f"both starts reach the best inertia {optimum:.1f} in "
                              f"{share[my_init]:.1%} of the {n} runs: a tie, either start "
                              "is right.")
    need = {init: _runs_for(share[init]) for init in INITS}
    other_need = "no n_init will do" if need[other] is None else f"n_init = {need[other]}"
    return Feedback(True, (f"keep {my_init}: {share[my_init]:.1%} of its {n} runs reach the best "
                           f"inertia {optimum:.1f}, against {share[other]:.1%} of the "
                           f"{_name(other)}. For a 99% chance of the best clustering, {my_init} "
                           f"needs n_init = {need[my_init]}, {_name(other)} {other_need}. "
                           "The decision would change only if both starts reached the best "
                           "equally often; then either will do."))


def _name(init):
    return "random starts" if init == "random" else init
