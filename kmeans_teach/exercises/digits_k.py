"""Lesson 05's decision: how many clusters should k-means make of the digits' pixels?"""

from __future__ import annotations

import math
from functools import cache
from numbers import Integral, Real

from .._threads import limit_threads
from ..metrics import cluster_accuracy
from ._feedback import Feedback

__all__ = ["check_digits_k"]

# The lesson's settings: scikit-learn's KMeans, n_init=10, seed 0, on the 64 pixels.
_CANDIDATES = tuple(range(10, 15))
_SEED = 0


@cache
def _scores():
    """{k: (ARI, accuracy by the mode, one-to-one accuracy)} for every candidate k, once."""
    from sklearn.cluster import KMeans
    from sklearn.datasets import load_digits
    from sklearn.metrics import adjusted_rand_score

    X, y = load_digits(return_X_y=True)
    scores = {}
    with limit_threads():  # many small fits: one thread is quicker on a busy machine
        for k in _CANDIDATES:
            labels = KMeans(n_clusters=k, n_init=10, random_state=_SEED).fit_predict(X)
            scores[k] = (adjusted_rand_score(y, labels),
                         cluster_accuracy(y, labels, method="mode"),
                         cluster_accuracy(y, labels, method="hungarian"))
    return scores


def _best(index):
    scores = _scores()
    return max(scores, key=lambda k: scores[k][index])


def check_digits_k(n_clusters, ari):
    """Check a decision: the number of clusters (10 to 14) that agrees best with the digits.

    The checker runs k-means itself as the lesson does (``KMeans(k, n_init=10,
    random_state=0)`` on the 64 pixels, k from 10 to 14) and scores each
    clustering with the adjusted Rand index (ARI), which needs no naming of
    the clusters. It answers: is ``n_clusters`` the k with the highest ARI? Is
    ``ari`` its real ARI (to 3 decimals)? On a right answer it compares the
    choice that the accuracy by the mode and the one-to-one accuracy would make.

    Parameters
    ----------
    n_clusters : int
        Your decision: how many clusters (10, 11, 12, 13 or 14).
    ari : float
        Your evidence: the ARI of the clustering with ``n_clusters`` clusters.

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
        return Feedback(False, f"quote the ARI as a number, such as 0.666, not {ari!r}.")
    k, scores = int(n_clusters), _scores()
    real = scores[k][0]
    if abs(ari - real) > 0.0005 + 1e-12:  # the lesson prints 3 decimals
        return Feedback(False, f"with {k} clusters the ARI is {real:.3f}, not {ari:g}: compute "
                               "it with adjusted_rand_score(y, labels) on the clustering with "
                               f"{k} clusters (KMeans with n_init=10, random_state=0).")
    best = _best(0)
    if k != best:
        return Feedback(False, f"{k} clusters give ARI {real:.3f} (that number is right), but "
                               f"another k from {_CANDIDATES[0]} to {_CANDIDATES[-1]} agrees "
                               "better with the digits: compute the ARI for each k.")
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
    return Feedback(True, f"{k} clusters agree best with the digits: ARI {real:.3f}{ten}. "
                          f"{mode_note}; {hung_note}.")
