"""Lesson 05's decision: how many clusters should k-means make of the digits' pixels?"""

from __future__ import annotations

import math
from functools import cache
from numbers import Integral, Real

import numpy as np

from .._threads import limit_threads
from ..metrics import cluster_accuracy
from ._feedback import Feedback

__all__ = ["check_digits_k"]

# The lesson's settings: scikit-learn's KMeans, n_init=10, on the 64 pixels. One
# fit per k is one seed's local minimum, so every score is the mean over the
# seeds 0 to 4; and since the best mean can beat its neighbours by less than the
# seeds move it, every k whose mean is within two standard errors of the best
# (the difference paired by seed) is accepted. Two standard errors is a
# convention, not a test five seeds can settle: with the lesson's fits, one
# standard error rejected 14 at a gap of 1.3 standard errors while accepting 12
# with nearly the same mean (cold read of lesson 05, round 2).
_CANDIDATES = tuple(range(10, 15))
_SEEDS = tuple(range(5))
_N_ERRORS = 2  # how many standard errors of the paired difference count as a tie
# A quoted mean may be off by this much: the lesson prints 3 decimals, and a mean
# that lies near a rounding edge (k = 11's is 0.71448) rounds either way from 4
# decimals or on another BLAS kernel, so half a unit of the third decimal is too tight.
_TOLERANCE = 0.001


@cache
def _runs():
    """{k: array (seed, score)}: ARI, accuracy by the mode, one-to-one accuracy, once."""
    from sklearn.cluster import KMeans
    from sklearn.datasets import load_digits
    from sklearn.metrics import adjusted_rand_score

    X, y = load_digits(return_X_y=True)
    runs = {}
    with limit_threads():  # many small fits: one thread is quicker on a busy machine
        for k in _CANDIDATES:
            rows = []
            for seed in _SEEDS:
                labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
                rows.append((adjusted_rand_score(y, labels),
                             cluster_accuracy(y, labels, method="mode"),
                             cluster_accuracy(y, labels, method="hungarian")))
            runs[k] = np.array(rows)
    return runs


def _scores():
    """{k: (mean ARI, mean accuracy by the mode, mean one-to-one accuracy)} over _SEEDS."""
    return {k: tuple(float(v) for v in rows.mean(axis=0)) for k, rows in _runs().items()}


def _best(index):
    scores = _scores()
    return max(scores, key=lambda k: scores[k][index])


def _within_spread(k):
    """(accepted, gap, standard error): is k's mean ARI within two standard errors of the best?

    The gap is the best k's mean ARI minus k's; its standard error is that of
    the per-seed differences (paired by seed), ``std(ddof=1) / sqrt(n_seeds)``.
    """
    runs, best = _runs(), _best(0)
    differences = runs[best][:, 0] - runs[k][:, 0]
    gap = float(differences.mean())
    error = float(differences.std(ddof=1) / math.sqrt(len(differences)))
    return gap <= _N_ERRORS * error + 1e-12, gap, error


def check_digits_k(n_clusters, ari):
    """Check a decision: a number of clusters (10 to 14) that agrees best with the digits.

    The checker runs k-means itself as the lesson does (``KMeans(k, n_init=10,
    random_state=seed)`` on the 64 pixels, k from 10 to 14, seeds 0 to 4) and
    scores each clustering with the adjusted Rand index (ARI), which needs no
    naming of the clusters; a k's score is its mean ARI over the five seeds.
    Five seeds cannot separate k's whose means differ by less than the seeds
    move them, so it accepts every k whose mean ARI is below the best mean by
    at most two standard errors of the difference (paired by seed; the
    threshold is a convention, not a test that five seeds can settle). It
    answers: is ``ari`` the mean ARI of ``n_clusters`` (within 0.001; a wrong
    value is not corrected, so the checker gives no table away)? Is
    ``n_clusters`` accepted? On a right answer it names the best k when it is
    another one, compares the choice that the accuracy by the mode and the
    one-to-one accuracy would make, and reminds that the ARI needs the true
    labels. The first call fits the 25 clusterings (some seconds).

    Parameters
    ----------
    n_clusters : int
        Your decision: how many clusters (10, 11, 12, 13 or 14).
    ari : float
        Your evidence: the mean ARI, over the seeds 0 to 4, of the clusterings
        with ``n_clusters`` clusters.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the decision is accepted and its number is right.

    Examples
    --------
    >>> check_digits_k(9, 0.6)
    Not yet: choose the number of clusters from 10 to 14, not 9.
    """
    if (isinstance(n_clusters, bool) or not isinstance(n_clusters, Integral)
            or int(n_clusters) not in _CANDIDATES):
        return Feedback(False, f"choose the number of clusters from {_CANDIDATES[0]} to "
                               f"{_CANDIDATES[-1]}, not {n_clusters!r}.")
    if isinstance(ari, bool) or not isinstance(ari, Real) or not math.isfinite(ari):
        return Feedback(False, f"quote the mean ARI as a number, such as 0.666, not {ari!r}.")
    k, scores = int(n_clusters), _scores()
    real = scores[k][0]
    if abs(ari - real) > _TOLERANCE + 1e-12:
        return Feedback(False, f"{ari:g} is not the mean ARI of {k} clusters (within "
                               f"{_TOLERANCE:g}): "
                               "compute adjusted_rand_score(y, labels) for the clusterings "
                               f"with {k} clusters (KMeans with n_init=10) for random_state "
                               "0 to 4, and quote their mean.")
    best = _best(0)
    accepted, gap, error = _within_spread(k)
    if not accepted:
        return Feedback(False, f"{k} clusters give mean ARI {real:.3f} (that number is right), "
                               f"but another k from {_CANDIDATES[0]} to {_CANDIDATES[-1]} "
                               "agrees better with the digits, by more than two standard "
                               "errors of the difference over the seeds: compute the mean "
                               "ARI for each k.")
    by_mode, one_to_one = _best(1), _best(2)
    mode_note = (f"The accuracy by the mode would pick {by_mode} clusters "
                 f"({scores[by_mode][1]:.3f}, against {scores[k][1]:.3f} with {k}): more, "
                 "smaller clusters tend to be purer, so it tends to reward splitting and "
                 "cannot choose k"
                 if by_mode != k else
                 f"The accuracy by the mode picks {k} clusters too")
    hung_note = (f"the one-to-one accuracy also picks {one_to_one} ({scores[one_to_one][2]:.3f})"
                 if one_to_one == k else
                 f"the one-to-one accuracy would pick {one_to_one} "
                 f"({scores[one_to_one][2]:.3f})")
    if k == best:
        verdict = f"{k} clusters agree best with the digits: mean ARI {real:.3f}"
    else:
        verdict = (f"{k} clusters (mean ARI {real:.3f}) are within the seeds' spread of the "
                   f"best, {best} clusters ({scores[best][0]:.3f}): the gap, {gap:.3f}, is "
                   f"at most two standard errors of it over the seeds ({error:.3f} each), "
                   "so by this convention five seeds cannot tell these apart")
    ten = (f"; 10 clusters, one per digit, give {scores[10][0]:.3f}" if k != 10 else "")
    return Feedback(True, f"{verdict}{ten}. {mode_note}; {hung_note}. Only the true labels "
                          "made this choice possible: without them, use a criterion of lesson 03.")
