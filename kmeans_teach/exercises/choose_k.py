"""Lesson 03's decision: which k, defended with the mean silhouette or the gap statistic.

The two criteria can disagree (on lesson 03's 400 points the silhouette prefers 4
clusters and the gap's 1-SE rule 5). A k is accepted when the criterion the student
cites chooses it and the quoted number is the real one; the verdict always says what
the *other* criterion chooses, so a disagreement is seen, not hidden, and a k that only
the other criterion supports is pointed to that criterion instead of being marked wrong.
"""

from __future__ import annotations

from functools import lru_cache
from numbers import Integral, Real

import numpy as np

from .._validation import check_random_state, check_X
from ..choosing_k import gap_statistic, scan_k
from ._feedback import Feedback

__all__ = ["check_k_choice"]

#: A quoted number is "the real one" when it is this close (it rounds to the same 2 decimals,
#: give or take the last digit); two values of k this close in silhouette are a tie.
TOLERANCE = 0.005

_WHAT = {"silhouette": "mean silhouette", "gap": "gap"}

_HINT = {
    "silhouette": "kt.scan_k on these data with ks = range(1, 11), n_init=10 and random_state=0 "
                  "gives one fit per k, and fits[k - 1].silhouette_mean its mean silhouette",
    "gap": "kt.gap_statistic on these data with ks = range(1, 11), n_refs=10, n_init=3 and "
           "random_state=0 gives gap.gap for each k in gap.k, and gap.choice, the k of the "
           "1-SE rule",
}


@lru_cache(maxsize=8)
def _silhouettes(data, shape, ks, n_init, random_state):
    X = np.frombuffer(data).reshape(shape)
    return np.array([f.silhouette_mean for f in scan_k(X, ks, n_init=n_init,
                                                       random_state=random_state)[1:]])


@lru_cache(maxsize=8)
def _gap(data, shape, ks, n_refs, n_init, random_state):
    X = np.frombuffer(data).reshape(shape)
    return gap_statistic(X, ks, n_refs=n_refs, n_init=n_init, random_state=random_state)


def _number(value):
    return (not isinstance(value, bool) and isinstance(value, (Real, np.floating, np.integer))
            and np.isfinite(value))


def check_k_choice(X, k, evidence, *, criterion="silhouette", ks=range(1, 11), n_init=None,
                   n_refs=10, random_state=0):
    """Judge a choice of k for ``X``, defended by one criterion and the number it gives.

    The checker computes the criterion itself, with the lesson's settings:
    ``kt.scan_k(X, ks, n_init=10, random_state=random_state)`` for the
    silhouette, ``kt.gap_statistic(X, ks, n_refs=n_refs, n_init=3,
    random_state=random_state)`` for the gap (``n_init`` changes the 10 or 3).
    Then it answers: is ``k`` the choice of that criterion, is ``evidence``
    the real number (within 0.005), what would change the decision, and what
    the other criterion chooses. More than one k can be defended: a k the
    cited criterion does not choose, but the other one does, is not called
    wrong; the verdict says which criterion supports it.

    * ``criterion="silhouette"``: ``k`` must have the largest mean silhouette;
      a k within 0.005 of the largest is a tie and is accepted too.
      ``evidence`` is the mean silhouette at ``k``.
    * ``criterion="gap"``: ``k`` must be the k of the 1-SE rule (the smallest k
      with ``gap(k) >= gap(k+1) - sk(k+1)``). ``evidence`` is ``gap(k)``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data of the exercise.
    k : int
        The number of clusters you choose.
    evidence : float
        The number that defends it (mean silhouette or gap at ``k``).
    criterion : {"silhouette", "gap"}, default="silhouette"
        The criterion that defends the choice.
    ks : sequence of int, default=range(1, 11)
        The values of k to compare (strictly increasing, starting at 1).
    n_init : int or None, default=None
        k-means runs per fit; None means the lesson's: 10 for the silhouette,
        3 for the gap.
    n_refs : int, default=10
        Reference data sets of the gap statistic.
    random_state : int, RandomState instance or None, default=0
        Passed to ``kt.scan_k`` or ``kt.gap_statistic``; the results are
        computed once per data set only for an int (the lesson's seed).

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Raises
    ------
    TypeError, ValueError
        When ``random_state`` is not None, an int seed or a RandomState (the
        teacher's argument: an error naming the fix, not a student's feedback).

    Examples
    --------
    >>> from kmeans_teach import lesson_blobs
    >>> X, _ = lesson_blobs()
    >>> check_k_choice(X, 4, 0.68, ks=range(1, 7))  # doctest: +NORMALIZE_WHITESPACE
    Correct: k = 4 has the largest mean silhouette, 0.682 (you quoted 0.68, the real number).
    The runner-up, k = 5 at 0.592, would need 0.090 more to win. The gap chooses k = 4 too.
    >>> check_k_choice(X, 5, 0.59, ks=range(1, 7))  # doctest: +NORMALIZE_WHITESPACE
    Not yet: k = 5 has mean silhouette 0.592, but k = 4 has more, 0.682: by the silhouette,
    choose k = 4. The gap's 1-SE rule does not choose k = 5 either (it chooses k = 4).
    """
    check_random_state(random_state)  # the teacher's argument: an error, not feedback
    if criterion not in _HINT:
        return Feedback(False, f"criterion must be 'silhouette' or 'gap', but got {criterion!r}.")
    if k is None or evidence is None:
        return Feedback(False, f"set my_k to the number of clusters you choose and my_evidence "
                               f"to the {_WHAT[criterion]} at that k, the number that defends it. "
                               f"Hint: {_HINT[criterion]}.")
    try:
        X = np.ascontiguousarray(check_X(X), dtype=float)
        ks = tuple(int(v) for v in ks)
    except (TypeError, ValueError) as error:
        return Feedback(False, f"the data or ks are not usable: {error}")
    if isinstance(k, bool) or not isinstance(k, Integral) or int(k) not in ks:
        return Feedback(False, f"my_k must be one of the k compared, {ks[0]} to {ks[-1]}, but "
                               f"got {k!r}.")
    if not _number(evidence):
        return Feedback(False, f"my_evidence must be a number (the {criterion} at k = {k}), "
                               f"but got {evidence!r}.")
    k, evidence = int(k), float(evidence)
    key = (X.tobytes(), X.shape, ks)
    cached = isinstance(random_state, Integral)  # a RandomState or None: no cache
    silhouettes = _silhouettes if cached else _silhouettes.__wrapped__
    gap_of = _gap if cached else _gap.__wrapped__
    n_refs = int(n_refs)

    def sil():
        return silhouettes(*key, 10 if n_init is None else int(n_init), random_state)

    def gap():
        return gap_of(*key, n_refs, 3 if n_init is None else int(n_init), random_state)

    if criterion == "silhouette":
        return _judge_silhouette(k, evidence, ks, sil, gap)
    return _judge_gap(k, evidence, gap(), sil if ks[0] == 1 else None)


def _quoted(evidence, real, what):
    """None if the quoted number is the real one, else the sentence that says it is not."""
    if abs(evidence - real) <= TOLERANCE:
        return None
    return f"you quoted {evidence:g}, but {what} is {real:.3f}: quote the number the fit gives."


def _silhouette_choices(ks, sil):
    """The silhouette's scores by k, and the ks it accepts (the largest, and its ties)."""
    score = dict(zip(ks[1:], sil))
    best = max(score, key=score.get)
    return score, best, [j for j, s in score.items() if s >= score[best] - TOLERANCE]


def _judge_silhouette(k, evidence, ks, sil_of, gap_of):
    if k == 1 or ks[0] != 1:
        return Feedback(False, "the silhouette compares each point's cluster with the next "
                               "nearest one, so it needs k >= 2 (and ks starting at 1, as in "
                               "the lesson).")
    score, best, _ = _silhouette_choices(ks, sil_of())
    gap_choice = gap_of().choice
    if score[k] < score[best] - TOLERANCE:
        if k == gap_choice:  # defensible, but not by the number quoted
            return Feedback(False, f"k = {k} has mean silhouette {score[k]:.3f}, but k = {best} "
                                   f"has more, {score[best]:.3f}, so the silhouette does not "
                                   f"defend k = {k}. The gap's 1-SE rule does choose k = {k}: "
                                   f"to report it, defend it with the gap (my_criterion = "
                                   f"'gap') and look at the clusters of k = {best} and k = {k}.")
        return Feedback(False, f"k = {k} has mean silhouette {score[k]:.3f}, but k = {best} has "
                               f"more, {score[best]:.3f}: by the silhouette, choose k = {best}. "
                               f"The gap's 1-SE rule does not choose k = {k} either (it chooses "
                               f"k = {gap_choice}).")
    wrong = _quoted(evidence, score[k], f"the mean silhouette at k = {k}")
    if wrong:
        return Feedback(False, f"k = {k} is the silhouette's choice; {wrong}")
    others = {j: s for j, s in score.items() if j != k}
    runner = max(others, key=others.get)
    tie = (f" k = {runner} ties with it at {others[runner]:.3f} (within {TOLERANCE}): either "
           "is defensible, look at the clusters." if score[k] - others[runner] <= TOLERANCE
           else f" The runner-up, k = {runner} at {others[runner]:.3f}, would need "
                f"{score[k] - others[runner]:.3f} more to win.")
    return Feedback(True, f"k = {k} has the largest mean silhouette, {score[k]:.3f} (you quoted "
                          f"{evidence:g}, the real number).{tie}{_other('gap', k, gap_choice)}")


def _other(name, k, choice):
    """The sentence that says whether the other criterion agrees."""
    if choice == k:
        return f" The {name} chooses k = {k} too."
    return (f" The {name} chooses k = {choice}: the criteria disagree, so look at the clusters "
            f"of both k before you report one, and say why you chose yours.")


def _judge_gap(k, evidence, gap, sil_of=None):
    ks, g, sk = gap.k.tolist(), gap.gap, gap.sk
    # the silhouette's choices (None when the ks do not start at 1, as it needs)
    sil_best = _silhouette_choices(ks, sil_of()) if sil_of is not None else None
    i = ks.index(k)

    def passes(j):  # the 1-SE test at position j, in words
        if j == len(ks) - 1:
            return f"k = {ks[j]} is the last k compared"
        return (f"gap({ks[j]}) = {g[j]:.3f} "
                f"{'>=' if g[j] >= g[j + 1] - sk[j + 1] else '<'} "
                f"gap({ks[j + 1]}) - sk({ks[j + 1]}) = {g[j + 1] - sk[j + 1]:.3f}")

    elsewhere = ""
    if sil_best is not None and k != gap.choice and k in sil_best[2]:
        elsewhere = (f" The silhouette does choose k = {k}: to report it, defend it with the "
                     f"silhouette (my_criterion = 'silhouette') and look at the clusters of "
                     f"k = {gap.choice} and k = {k}.")
    if k < gap.choice:
        return Feedback(False, f"the 1-SE rule does not stop at k = {k}: {passes(i)}, so one "
                               f"more cluster still helps by more than chance. It picks k = "
                               f"{gap.choice} ({passes(ks.index(gap.choice))}).{elsewhere}")
    if k > gap.choice:
        return Feedback(False, f"the 1-SE rule takes the smallest k that passes, and k = "
                               f"{gap.choice} already does ({passes(ks.index(gap.choice))}): "
                               f"by the gap, choose k = {gap.choice}.{elsewhere}")
    wrong = _quoted(evidence, g[i], f"gap({k})")
    if wrong:
        return Feedback(False, f"k = {k} is the gap's choice; {wrong}")
    before = (f"; no smaller k passes ({passes(i - 1)})" if i > 0 else "")
    agree = ""
    if sil_best is not None:
        agree = _other("silhouette", k, k if k in sil_best[2] else sil_best[1])
    return Feedback(True, f"the 1-SE rule picks k = {k}: {passes(i)}{before}. You quoted gap({k}) "
                          f"= {evidence:g}, the real number.{agree}")
