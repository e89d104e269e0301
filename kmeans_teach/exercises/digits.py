"""Lesson 05's exercise: name each cluster after its most common digit (the mode)."""

from __future__ import annotations

import numpy as np

from ..metrics import contingency, match_clusters
from ._feedback import Case, Feedback, check_cases

__all__ = ["check_mode_matching"]


def _from_counts(table, seed):
    """(y_true, labels) from rows (cluster, digit, count), shuffled so not sorted by cluster."""
    labels = np.concatenate([np.full(n, c) for c, _, n in table])
    y_true = np.concatenate([np.full(n, d) for _, d, n in table])
    order = np.random.default_rng(seed).permutation(len(labels))
    return y_true[order], labels[order]


# (cluster, digit, count): cluster 0 and cluster 2 are both mostly 1s; no cluster is mostly 3s.
_CASE = [
    (0, 1, 6), (0, 3, 4),
    (1, 0, 8),
    (2, 1, 5), (2, 3, 2), (2, 2, 1),
    (3, 2, 7), (3, 0, 1),
]


_CASE_CLUSTERS = sorted({c for c, _, _ in _CASE})


def _test_case():
    """The lesson's example: the mode names digit 1 twice and leaves digit 3 out."""
    return _from_counts(_CASE, seed=5)


def _many_points():
    """3,000 points in 12 clusters: each cluster's digit is common (30 %) but not a majority."""
    rng = np.random.default_rng(13)
    labels = rng.integers(0, 12, size=3000)
    favourite = rng.integers(0, 10, size=12)  # each cluster's most common digit
    y_true = np.where(rng.random(3000) < 0.3, favourite[labels], rng.integers(0, 10, size=3000))
    return y_true, labels


_CASES = [
    Case(f"the example: {len(_CASE_CLUSTERS)} clusters, {sum(n for *_, n in _CASE)} points",
         _test_case()),
    # one cluster: the whole data set; its digit is the mode of all of y_true
    Case("one cluster (k = 1)", _from_counts([(0, 4, 5), (0, 0, 2), (0, 9, 2)], seed=1)),
    # cluster 1 holds three 3s and three 7s: both are its most common digit
    Case("a tie: cluster 1 holds as many 3s as 7s (either is accepted)",
         _from_counts([(0, 5, 4), (0, 3, 1), (1, 3, 3), (1, 7, 3), (2, 7, 5)], seed=2)),
    Case("many points: 3,000 in 12 clusters", _many_points()),
    Case("3 clusters, digits 6 to 9 only", _from_counts(
        [(0, 9, 3), (0, 6, 2), (1, 8, 4), (1, 9, 1), (2, 6, 6), (2, 7, 5), (2, 8, 1)], seed=3)),
]


def _as_mapping(result, n_clusters):
    """The student's answer as an integer array, or a Feedback saying what is wrong with it."""
    if isinstance(result, dict):
        missing = [c for c in range(n_clusters) if c not in result]
        if missing:
            return Feedback(False, f"your dict has no entry for cluster {missing[0]}: give "
                                   f"every cluster 0..{n_clusters - 1} a digit.")
        result = [result[c] for c in range(n_clusters)]
    if result is None:
        return Feedback(False, "your function returned None: did you forget the return "
                               "statement?")
    mapping = np.asarray(result)
    if mapping.shape != (n_clusters,):
        return Feedback(False, f"expected one digit per cluster, an array of shape "
                               f"({n_clusters},), but got shape {mapping.shape}. Did you "
                               "return one digit per point instead of one per cluster?")
    if np.issubdtype(mapping.dtype, np.floating):
        whole = np.isfinite(mapping) & (mapping == np.round(mapping))
        if not whole.all():
            return Feedback(False, f"the digits must be whole numbers, but got "
                                   f"{mapping[~whole][0]:g}.")
        mapping = mapping.astype(int)  # 1.0 names digit 1 as well as 1 does
    if not np.issubdtype(mapping.dtype, np.integer):
        return Feedback(False, f"the digits must be whole numbers, but got dtype "
                               f"{mapping.dtype}.")
    return mapping


def _judge(result, y_true, labels):
    """None if every cluster got one of its most common digits, else what is wrong."""
    n_clusters = int(labels.max()) + 1
    mapping = _as_mapping(result, n_clusters)
    if isinstance(mapping, Feedback):
        return mapping.message
    counts, classes, _ = contingency(y_true, labels)  # counts[digit, cluster]
    for c in range(n_clusters):
        best = classes[counts[:, c] == counts[:, c].max()]  # every most common digit (a tie: several)
        if mapping[c] in best:
            continue
        if np.array_equal(mapping, match_clusters(y_true, labels, method="hungarian").classes):
            return ("you returned the one-to-one (Hungarian) naming; this exercise asks for "
                    "the plain mode: each cluster its own most common digit, even if another "
                    "cluster has it already.")
        present = [(int(classes[i]), int(counts[i, c]))
                   for i in np.argsort(-counts[:, c], kind="stable") if counts[i, c] > 0]
        held = " and ".join(f"{n} of digit {d}" if k else f"{n} points of digit {d}"
                            for k, (d, n) in enumerate(present[:2]))
        answer = (f"{int(best[0])}" if len(best) == 1 else
                  " or ".join(str(int(d)) for d in best) + " (a tie: either is right)")
        return (f"cluster {c} holds {held}, so its most common digit is {answer}, but you "
                f"gave it {int(mapping[c])}.")
    return None


def check_mode_matching(func):
    """Check a student's ``func(y_true, labels) -> digits``, one digit per cluster.

    ``digits[c]`` must be the most common true label among the points of
    cluster ``c`` (clusters are numbered 0, 1, ..., n_clusters - 1). On a tie
    (two digits equally common in a cluster) either of the tied digits is
    accepted. The cases: the lesson's example, one cluster (k = 1), a tie,
    many points in 12 clusters, and digits that do not start at 0. When the
    answer is right, the checker points out what the mode did on the example:
    it gave two clusters the same digit, left another digit out, and so
    reports a higher accuracy than any one-to-one naming allows.

    Parameters
    ----------
    func : callable
        The student's function: ``func(y_true, labels)`` returns one digit per cluster.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right on every case;
        otherwise the sentence names the first case that failed and the cluster.

    Examples
    --------
    >>> import numpy as np
    >>> def mode_matching(y_true, labels):
    ...     return np.array([np.bincount(y_true[labels == c]).argmax()
    ...                      for c in range(labels.max() + 1)])
    >>> check_mode_matching(mode_matching)  # doctest: +NORMALIZE_WHITESPACE
    Correct: every cluster got its most common digit. Look at the example: you named its
    clusters [1, 0, 1, 2], so clusters 0 and 2 both got digit 1 and no cluster got digit 3,
    and this naming scores 0.765, more than the 0.706 of the best one-to-one naming.
    (5 cases: the example: 4 clusters, 34 points; one cluster (k = 1); a tie: cluster 1
    holds as many 3s as 7s (either is accepted); many points: 3,000 in 12 clusters;
    3 clusters, digits 6 to 9 only)
    >>> check_mode_matching(lambda y_true, labels: np.zeros(4, dtype=int))
    Not yet: case 1 of 5 (the example: 4 clusters, 34 points): cluster 0 holds 6 points of digit 1 and 4 of digit 3, so its most common digit is 1, but you gave it 0.
    """  # noqa: E501 (a doctest's output, one line)
    y_true, labels = _test_case()
    mode = match_clusters(y_true, labels, method="mode")
    hungarian = match_clusters(y_true, labels, method="hungarian")
    a, b = np.flatnonzero(mode.classes == mode.duplicated[0])
    success = (f"every cluster got its most common digit. Look at the example: you named its "
               f"clusters {mode.classes.tolist()}, so clusters {a} and {b} both got digit "
               f"{mode.duplicated[0]} and no cluster got digit {mode.unused[0]}, and this "
               f"naming scores {mode.accuracy:.3f}, more than the {hungarian.accuracy:.3f} of "
               "the best one-to-one naming.")
    return check_cases(func, _CASES, _judge, success)
