"""Lesson 08's decision: k-means or a Gaussian mixture, for which data, defended with the ARI."""

from __future__ import annotations

import math

from functools import lru_cache
from numbers import Real

from .._threads import limit_threads
from ._feedback import Feedback

__all__ = ["check_mixture_choice"]

#: A quoted ARI is "the real one" within this (a value printed to two decimals).
TOLERANCE = 0.005

#: Two methods whose ARIs differ by at most this are a tie. Measured on the "wrong k"
#: case over ten data draws (``failure_cases(random_state=0..9)``): the mixture's ARI
#: minus k-means' ranges from -0.004 to 0.009, its sign changing with the draw, so
#: such a gap is noise; the other cases' gaps in the lesson are 0.16 and more.
TIE = 0.02

_NAMES = {"k-means": "k-means", "kmeans": "k-means", "gmm": "gaussian mixture",
          "gaussian mixture": "gaussian mixture", "mixture": "gaussian mixture"}


_POSSESSIVE = {"k-means": "'", "gaussian mixture": "'s"}


@lru_cache(maxsize=8)
def _scores(case_name):
    """{method: ARI} on one of the lesson's failure cases (computed once)."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score

    from ..datasets import failure_cases
    from ..gmm import run_gmm

    case = {c.name: c for c in failure_cases()}[case_name]
    with limit_threads():
        kmeans = KMeans(case.n_clusters, n_init=10, random_state=0).fit_predict(case.X)
        mixture = run_gmm(case.X, case.n_clusters, random_state=0).final.labels
    return {"k-means": float(adjusted_rand_score(case.y, kmeans)),
            "gaussian mixture": float(adjusted_rand_score(case.y, mixture))}


def check_mixture_choice(case, method, evidence):
    """Judge a choice between k-means and a Gaussian mixture on one failure case.

    The checker fits both itself, as the lesson does:
    ``KMeans(n_clusters, n_init=10, random_state=0)`` and
    ``kt.run_gmm(X, n_clusters, random_state=0)`` (full covariances), on the case
    of :func:`kmeans_teach.failures.failure_cases` named ``case``, and scores
    both against the truth with the adjusted Rand index (ARI). The right
    method has the larger ARI (within 0.02: a tie, either is right, and
    k-means is the cheaper one). ``evidence`` must be the chosen method's ARI
    (within 0.005).

    Parameters
    ----------
    case : {"wrong k", "stretched blobs", "unequal variances", "unequal sizes"}
        The failure case of :func:`kmeans_teach.failures.failure_cases`.
    method : {"k-means", "gaussian mixture"}
        The method you choose for it.
    evidence : float
        The ARI of ``method`` on that case.

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Examples
    --------
    >>> check_mixture_choice("stretched blobs", "gaussian mixture", 1.0)  # doctest: +NORMALIZE_WHITESPACE
    Correct: on the stretched blobs the gaussian mixture scores ARI 1.000 against k-means'
    0.555 (you quoted 1). These data are drawn from Gaussians, the mixture's own model: on
    data that are not, compare again.
    >>> check_mixture_choice("stretched blobs", "k-means", 0.555)  # doctest: +NORMALIZE_WHITESPACE
    Not yet: on the stretched blobs k-means scores ARI 0.555, but the gaussian mixture scores
    1.000: a covariance and a weight for each cluster recover these groups better than
    k-means' nearest center.
    """
    from ..datasets import failure_cases

    names = [c.name for c in failure_cases()]
    if case not in names:
        return Feedback(False, f"case must be one of {names}, but got {case!r}.")
    chosen = _NAMES.get(str(method).lower().strip()) if isinstance(method, str) else None
    if chosen is None:
        return Feedback(False, f"method must be 'k-means' or 'gaussian mixture', but got "
                               f"{method!r}.")
    if isinstance(evidence, bool) or not isinstance(evidence, Real) or not math.isfinite(evidence):
        return Feedback(False, f"evidence must be a number, the ARI of {chosen} on the "
                               f"{case}, but got {evidence!r}.")
    scores = _scores(case)
    other = "k-means" if chosen == "gaussian mixture" else "gaussian mixture"
    mine, theirs = scores[chosen], scores[other]
    if mine < theirs - TIE:
        return Feedback(False, f"on the {case} {chosen} scores ARI {mine:.3f}, but the {other} "
                               f"scores {theirs:.3f}: " + (
                                   "a covariance and a weight for each cluster recover these "
                                   "groups better than k-means' nearest center."
                                   if other == "gaussian mixture" else
                                   "here the mixture's extra freedom does not pay."))
    if abs(evidence - mine) > TOLERANCE:
        return Feedback(False, f"{chosen} is the right choice on the {case}, but its ARI is "
                               f"{mine:.3f}, not {evidence:g}: quote the number you computed.")
    if abs(mine - theirs) <= TIE:
        change = "both score alike, so k-means, the cheaper, is as good."
        return Feedback(True, f"on the {case} {chosen} scores ARI {mine:.3f} (you quoted "
                              f"{evidence:g}) and {other} {theirs:.3f}, within {TIE:g} of "
                              f"each other: {change}")
    change = ("These data are drawn from Gaussians, the mixture's own model: on data that "
              "are not, compare again." if chosen == "gaussian mixture" else
              "The mixture's extra parameters did not pay here: on clusters of other shapes, "
              "spreads or sizes, compare again.")
    return Feedback(True, f"on the {case} the {chosen} scores ARI {mine:.3f} against "
                          f"{other}{_POSSESSIVE[other]} {theirs:.3f} (you quoted {evidence:g}). {change}")
