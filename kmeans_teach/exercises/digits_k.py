"""Lesson 05's decision: how many clusters should k-means make of the digits' pixels?"""

from __future__ import annotations

import math
from functools import cache
from numbers import Integral, Real

from .._threads import limit_threads
from ..metrics import cluster_accuracy
from ._feedback import Feedback

__all__ = ["check_digits_k"]

# The lesson's settings: scikit-learn's KMeans, n_init=10, on the 64 pixels. One
# fit per k is one seed's local minimum, and the ARI of neighbouring k's differs
# by less than it moves from seed to seed, so every score is the mean over the
# seeds 0 to 4.
_CANDIDATES = tuple(range(10, 15))
_SEEDS = tuple(range(5))


@cache
def _scores():
    """{k: (mean ARI, mean accuracy by the mode, mean one-to-one accuracy)} over _SEEDS, once."""
    from sklearn.cluster import KMeans
    from sklearn.datasets import load_digits
    from sklearn.metrics import adjusted_rand_score

    X, y = load_digits(return_X_y=True)
    scores = {}
    with limit_threads():  # many small fits: one thread is quicker on a busy machine
        for k in _CANDIDATES:
            runs = []
            for seed in _SEEDS:
                labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
                runs.append((adjusted_rand_score(y, labels),
                             cluster_accuracy(y, labels, method="mode"),
                             cluster_accuracy(y, labels, method="hungarian")))
            scores[k] = tuple(float(sum(column) / len(runs)) for column in zip(*runs))
    return scores


def _best(index):
    scores = _scores()
    return max(scores, key=lambda k: scores[k][index])


def check_digits_k(n_clusters, ari):
    """Check a decision: the number of clusters (10 to 14) that agrees best with the digits.

    The checker runs k-means itself as the lesson does (``KMeans(k, n_init=10,
    random_state=seed)`` on the 64 pixels, k from 10 to 14, seeds 0 to 4) and
    scores each clustering with the adjusted Rand index (ARI), which needs no
    naming of the clusters; a k's score is its mean ARI over the five seeds,
    because one seed's ARI moves by as much as neighbouring k's differ. It
    answers: is ``n_clusters`` the k with the highest mean ARI? Is ``ari`` that
    mean (to 3 decimals)? On a right answer it compares the choice that the
    accuracy by the mode and the one-to-one accuracy would make, and reminds
    that the ARI needs the true labels.

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
        ``bool(feedback)`` is True when the decision and its number are right.

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
    if abs(ari - real) > 0.0005 + 1e-12:  # the lesson prints 3 decimals
        return Feedback(False, f"with {k} clusters the mean ARI is {real:.3f}, not {ari:g}: "
                               "compute adjusted_rand_score(y, labels) for the clusterings "
                               f"with {k} clusters (KMeans with n_init=10) for random_state "
                               "0 to 4, and quote their mean.")
    best = _best(0)
    if k != best:
        return Feedback(False, f"{k} clusters give mean ARI {real:.3f} (that number is right), "
                               f"but another k from {_CANDIDATES[0]} to {_CANDIDATES[-1]} "
                               "agrees better with the digits: compute the mean ARI for each k.")
    at_10 = scores[10][0]
    by_mode, one_to_one = _best(1), _best(2)
    mode_note = (f"The accuracy by the mode would pick {by_mode} clusters "
                 f"({scores[by_mode][1]:.3f}, against {scores[k][1]:.3f} with {k}): more, "
                 "smaller clusters tend to be purer, so it rewards splitting and cannot choose k"
                 if by_mode != k else
                 f"The accuracy by the mode picks {k} clusters too")
    hung_note = (f"the one-to-one accuracy also picks {one_to_one} ({scores[one_to_one][2]:.3f})"
                 if one_to_one == k else
                 f"the one-to-one accuracy would pick {one_to_one} "
                 f"({scores[one_to_one][2]:.3f})")
    ten = (f", more than the {at_10:.3f} of 10 clusters, one per digit" if k != 10 else "")
    return Feedback(True, f"{k} clusters agree best with the digits: mean ARI {real:.3f}{ten}. "
                          f"{mode_note}; {hung_note}. Only the true labels made this choice "
                          "possible: without them, use a criterion of lesson 03.")
