"""Lesson 05's exercise: name each cluster after its most common digit (the mode)."""

from __future__ import annotations

import numpy as np

from ..metrics import contingency, match_clusters
from ._feedback import Feedback, call_student

__all__ = ["check_mode_matching"]

# (cluster, digit, count): cluster 0 and cluster 2 are both mostly 1s; no cluster is mostly 3s.
_CASE = [
    (0, 1, 6), (0, 3, 4),
    (1, 0, 8),
    (2, 1, 5), (2, 3, 2), (2, 2, 1),
    (3, 2, 7), (3, 0, 1),
]


def _test_case():
    labels = np.concatenate([np.full(n, c) for c, _, n in _CASE])
    y_true = np.concatenate([np.full(n, d) for _, d, n in _CASE])
    order = np.random.default_rng(5).permutation(len(labels))  # not sorted by cluster
    return y_true[order], labels[order]


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
    if not np.issubdtype(mapping.dtype, np.integer):
        return Feedback(False, f"the digits must be integers, but got dtype {mapping.dtype}.")
    return mapping


def check_mode_matching(func):
    """Check a student's ``func(y_true, labels) -> digits``, one digit per cluster.

    ``digits[c]`` must be the most common true label among the points of
    cluster ``c`` (clusters are numbered 0, 1, ..., n_clusters - 1). When the
    answer is right, the checker points out what the mode did: it gave two
    clusters the same digit, left another digit out, and so reports a higher
    accuracy than any one-to-one naming allows.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> def mode_matching(y_true, labels):
    ...     return np.array([np.bincount(y_true[labels == c]).argmax()
    ...                      for c in range(labels.max() + 1)])
    >>> check_mode_matching(mode_matching)
    Correct: every cluster got its most common digit, [1, 0, 1, 2]. Look: clusters 0 and 2 both got digit 1 and no cluster got digit 3, so this naming scores 0.765, more than the 0.706 of the best one-to-one naming.
    >>> check_mode_matching(lambda y_true, labels: np.zeros(4, dtype=int))
    Not yet: cluster 0 holds 6 points of digit 1 and 4 of digit 3, so its most common digit is 1, but you gave it 0.
    """
    y_true, labels = _test_case()
    n_clusters = int(labels.max()) + 1
    result, problem = call_student(func, y_true.copy(), labels.copy())
    if problem is not None:  # (a Feedback that failed is falsy, so test for None)
        return problem
    mapping = _as_mapping(result, n_clusters)
    if isinstance(mapping, Feedback):
        return mapping
    mode = match_clusters(y_true, labels, method="mode")
    hungarian = match_clusters(y_true, labels, method="hungarian")
    if np.array_equal(mapping, hungarian.classes) and not np.array_equal(mapping, mode.classes):
        return Feedback(False, "you returned the one-to-one (Hungarian) naming; this exercise "
                               "asks for the plain mode: each cluster its own most common "
                               "digit, even if another cluster has it already.")
    counts, classes, _ = contingency(y_true, labels)
    wrong = np.flatnonzero(mapping != mode.classes)
    if len(wrong) == 0:
        a, b = (c for c in range(n_clusters) if mode.classes[c] == mode.duplicated[0])
        return Feedback(True, f"every cluster got its most common digit, {mapping.tolist()}. "
                              f"Look: clusters {a} and {b} both got digit {mode.duplicated[0]} "
                              f"and no cluster got digit {mode.unused[0]}, so this naming "
                              f"scores {mode.accuracy:.3f}, more than the "
                              f"{hungarian.accuracy:.3f} of the best one-to-one naming.")
    c = int(wrong[0])
    present = [(int(classes[i]), int(counts[i, c])) for i in np.argsort(-counts[:, c],
                                                                        kind="stable")
               if counts[i, c] > 0]
    held = " and ".join(f"{n} of digit {d}" if k else f"{n} points of digit {d}"
                        for k, (d, n) in enumerate(present[:2]))
    return Feedback(False, f"cluster {c} holds {held}, so its most common digit is "
                           f"{int(mode.classes[c])}, but you gave it {int(mapping[c])}.")
