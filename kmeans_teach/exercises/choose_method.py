"""Lesson 04's decision: k-means or spectral clustering, defended with the adjusted Rand index."""

from __future__ import annotations

import warnings
from functools import lru_cache
from numbers import Integral, Real

import numpy as np

from .._threads import limit_threads
from .._validation import check_random_state, check_X
from ..spectral import GRAPH_WARNING, spectral_clustering_of
from ._feedback import Feedback

__all__ = ["check_method_choice"]

#: A quoted ARI is "the real one" within this; two ARIs this close are a tie.
TOLERANCE = 0.005

_NAMES = {"k-means": "k-means", "kmeans": "k-means", "spectral": "spectral clustering",
          "spectral clustering": "spectral clustering"}


@lru_cache(maxsize=8)
def _scores(data, shape, y_data, n_clusters, n_neighbors, random_state):
    """(k-means ARI, spectral ARI, pieces of the neighbour graph)."""
    from sklearn.cluster import KMeans  # on use: scikit-learn imports pandas
    from sklearn.metrics import adjusted_rand_score

    X, y = np.frombuffer(data).reshape(shape), np.frombuffer(y_data, dtype=np.int64)
    with limit_threads():
        kmeans = KMeans(n_clusters, n_init=10, random_state=random_state).fit_predict(X)
    with warnings.catch_warnings():  # the graph's pieces are counted and reported instead
        warnings.filterwarnings("ignore", message=GRAPH_WARNING, category=UserWarning)
        spectral = spectral_clustering_of(X, n_clusters, n_neighbors=n_neighbors,
                                          random_state=random_state)
    return (float(adjusted_rand_score(y, kmeans)), float(adjusted_rand_score(y, spectral.labels)),
            spectral.embedding.n_graph_components)


def check_method_choice(X, y, method, evidence, *, n_clusters=2, n_neighbors=10, random_state=0):
    """Judge a choice between k-means and spectral clustering, defended with the ARI.

    The checker runs both itself, as the lesson does:
    ``KMeans(n_clusters, n_init=10, random_state=random_state)`` and
    ``kt.spectral_clustering_of(X, n_clusters, n_neighbors=n_neighbors,
    random_state=random_state)`` (the same labels as scikit-learn's
    ``SpectralClustering(affinity="nearest_neighbors")``), and scores both
    against the true groups ``y`` with the adjusted Rand index (ARI). The right
    method is the one with the larger ARI; two ARIs within 0.005 are a tie, and
    either method is accepted. ``evidence`` must be the ARI of the chosen method
    (within 0.005). When the neighbour graph has more pieces than clusters,
    spectral clustering's result is not determined (lesson 04, section 7), and
    the checker says so instead of judging it.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data of the exercise.
    y : array-like of int, shape (n_samples,)
        The true groups (only to score; neither method sees them).
    method : {"k-means", "spectral"}
        The method you choose.
    evidence : float
        The ARI of ``method`` on these data.
    n_clusters : int, default=2
        Number of clusters for both methods.
    n_neighbors : int, default=10
        Neighbours per point in spectral clustering's graph.
    random_state : int, RandomState instance or None, default=0
        Passed to both methods; the scores are computed once per data set only
        for an int (the lesson's seed).

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Examples
    --------
    >>> from sklearn.datasets import make_moons
    >>> X, y = make_moons(200, noise=0.05, random_state=0)
    >>> check_method_choice(X, y, "spectral", 1.0)  # doctest: +NORMALIZE_WHITESPACE
    Correct: spectral clustering scores ARI 1.000 against k-means' 0.256 (you quoted 1, the real
    number). k-means would win only if its ARI rose by 0.744.
    >>> check_method_choice(X, y, "k-means", 0.256)  # doctest: +NORMALIZE_WHITESPACE
    Not yet: k-means scores ARI 0.256, but spectral clustering scores 1.000: by the ARI, choose
    spectral clustering.
    """
    check_random_state(random_state)  # the teacher's argument: an error, not feedback
    if method is None or evidence is None:
        return Feedback(False, "set my_method to 'k-means' or 'spectral' and my_evidence to its "
                               "adjusted Rand index on these data. Hint: run both (KMeans and "
                               "SpectralClustering as in sections 2 and 3, random_state=0) and "
                               "score each with adjusted_rand_score(y, labels).")
    name = _NAMES.get(str(method).strip().lower()) if isinstance(method, str) else None
    if name is None:
        return Feedback(False, f"my_method must be 'k-means' or 'spectral', but got {method!r}.")
    if isinstance(evidence, bool) or not isinstance(evidence, (Real, np.floating, np.integer)) \
            or not np.isfinite(evidence):
        return Feedback(False, f"my_evidence must be a number (the ARI of {name}), but got "
                               f"{evidence!r}.")
    try:
        X = np.ascontiguousarray(check_X(X), dtype=float)
        y = np.ascontiguousarray(y, dtype=np.int64)
        if y.shape != (len(X),):
            raise ValueError(f"y must hold one group per point, shape ({len(X)},), but has "
                             f"shape {y.shape}")
        n_clusters, n_neighbors = int(n_clusters), int(n_neighbors)
        scores_of = _scores if isinstance(random_state, Integral) else _scores.__wrapped__
        ari_k, ari_s, pieces = scores_of(X.tobytes(), X.shape, y.tobytes(), n_clusters,
                                         n_neighbors, random_state)
    except (TypeError, ValueError) as error:
        return Feedback(False, f"the data are not usable: {error}")
    if pieces > n_clusters:
        return Feedback(False, f"with n_neighbors={n_neighbors} the neighbour graph has {pieces} "
                               f"pieces, more than the {n_clusters} clusters, so spectral "
                               "clustering's answer is not determined (section 7): raise "
                               "n_neighbors before you compare.")
    score = {"k-means": ari_k, "spectral clustering": ari_s}
    other = "spectral clustering" if name == "k-means" else "k-means"
    if score[name] < score[other] - TOLERANCE:
        return Feedback(False, f"{name} scores ARI {score[name]:.3f}, but {other} scores "
                               f"{score[other]:.3f}: by the ARI, choose {other}.")
    if abs(float(evidence) - score[name]) > TOLERANCE:
        return Feedback(False, f"{name} is the better choice here, but you quoted "
                               f"{float(evidence):g} and its ARI is {score[name]:.3f}: quote the "
                               "number the fit gives.")
    margin = score[name] - score[other]
    change = (f"{other} ties with it (within {TOLERANCE}): either is defensible."
              if margin <= TOLERANCE else
              f"{other} would win only if its ARI rose by {margin:.3f}.")
    whose = other + ("'" if other.endswith("s") else "'s")  # k-means', spectral clustering's
    return Feedback(True, f"{name} scores ARI {score[name]:.3f} against {whose} "
                          f"{score[other]:.3f} (you quoted {float(evidence):g}, the real number). "
                          f"{change}")
