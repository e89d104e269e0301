"""Lesson 01's decision: of two runs from different random starts, which one to keep."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..engine import run_kmeans
from ._feedback import Feedback

__all__ = ["check_run_choice"]

_RTOL = 1e-3  # a quoted inertia may be rounded (212.0 for 212.006); runs within it tie


def _is_number(value):
    return isinstance(value, Real) and not isinstance(value, bool) and np.isfinite(value)


def check_run_choice(X, seeds, my_seed, my_inertia, *, n_clusters=4):
    """Check a decision: which of several k-means runs to keep, defended by its inertia.

    Every seed in ``seeds`` starts k-means (``init="random"``) from a
    different set of centers on the same data ``X`` with the same
    ``n_clusters``. The student keeps one run, ``my_seed``, and quotes its
    final inertia, ``my_inertia``. The checker runs them all itself and says
    whether the decision is right (the lowest final inertia wins; runs within
    0.1 % of it tie, and then either is right), whether the quoted number is
    the real one, and what would change the decision.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data of the exercise.
    seeds : sequence of int
        The runs to choose from (at least two), e.g. ``(34, 3)``.
    my_seed : int
        The seed of the run you keep.
    my_inertia : float
        Your evidence: the final inertia of that run (rounding is fine).
    n_clusters : int, default=4
        Number of clusters of every run.

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0], [20.0], [21.0]])  # 3 pairs
    >>> check_run_choice(X, (0, 3), 3, 101.0, n_clusters=3)  # doctest: +NORMALIZE_WHITESPACE
    Not yet: seed 3 ends at inertia 101.0, but seed 0 ends lower, at 1.5. For the same data
    and the same n_clusters, the lower inertia is the better clustering by k-means' own
    measure: keep seed 0.
    >>> check_run_choice(X, (0, 3), 0, 1.5, n_clusters=3)  # doctest: +NORMALIZE_WHITESPACE
    Correct: keep seed 0: its final inertia 1.5 is the lowest (seed 3: 101.0, 67.33 times as
    large). Same data, same n_clusters, so the lower inertia is the better clustering. The
    decision would change only if another start ended even lower: compare final inertias
    over many seeds (lesson 02), never the look of one run.
    """
    seeds = [int(s) for s in seeds]
    if len(seeds) < 2:
        return Feedback(False, "give at least two seeds to choose from, e.g. seeds=(34, 3).")
    choices = " or ".join(str(s) for s in seeds)
    if isinstance(my_seed, bool) or not isinstance(my_seed, (int, np.integer)) or my_seed not in seeds:
        return Feedback(False, f"choose one of the runs: set my_seed to {choices}, then quote "
                               "its final inertia as my_inertia (run_kmeans(...).final.inertia).")
    finals = {s: run_kmeans(X, n_clusters, init="random", random_state=s).final.inertia
              for s in seeds}
    best = min(finals.values())
    mine = finals[int(my_seed)]
    if mine > best * (1 + _RTOL):
        better = min(finals, key=finals.get)
        return Feedback(False, f"seed {my_seed} ends at inertia {mine:.1f}, but seed {better} "
                               f"ends lower, at {best:.1f}. For the same data and the same "
                               "n_clusters, the lower inertia is the better clustering by "
                               f"k-means' own measure: keep seed {better}.")
    if not _is_number(my_inertia):
        return Feedback(False, f"seed {my_seed} is a good choice; now defend it with a number: "
                               "set my_inertia to the final inertia of its run "
                               f"(you gave {my_inertia!r}).")
    if abs(my_inertia - mine) > max(0.05, _RTOL * mine):
        return Feedback(False, f"you chose the right run, but you quoted inertia {my_inertia}, "
                               f"and seed {my_seed} ends at {mine:.1f}. Quote the number your "
                               "cell computes (run_kmeans(...).final.inertia), not one typed in.")
    others = [s for s in seeds if s != my_seed]
    ties = [s for s in others if finals[s] <= best * (1 + _RTOL)]
    if ties:
        return Feedback(True, f"seed {my_seed} ends at {mine:.1f}, and so does seed "
                              f"{ties[0]} (within 0.1 %): a tie, either run is right to keep.")
    worst = max(others, key=finals.get)
    return Feedback(True, f"keep seed {my_seed}: its final inertia {mine:.1f} is the lowest "
                          f"(seed {worst}: {finals[worst]:.1f}, {finals[worst] / mine:.2f} times "
                          "as large). Same data, same n_clusters, so the lower inertia is the "
                          "better clustering. The decision would change only if another start "
                          "ended even lower: compare final inertias over many seeds (lesson 02), "
                          "never the look of one run.")
