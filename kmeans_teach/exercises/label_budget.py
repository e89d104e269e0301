"""Lesson 09's decision: how many labels to buy for a target accuracy, decided on validation."""

from __future__ import annotations

import math
from numbers import Integral, Real

from ._feedback import Feedback

__all__ = ["check_label_budget"]

_METHODS = ("representative", "random")


def check_label_budget(n_labels, accuracy, *, target=0.9, method="representative"):
    """Check a decision: the fewest labels (a budget of the study) that reach ``target``.

    The decision is made on validation images, averaged over seeds, never on
    the test set: the checker computes :func:`kmeans_teach.label_budget_study`
    itself (cached, shared with the lesson) and answers: does ``n_labels``
    reach the target in mean validation accuracy with ``method``? Is it the
    fewest budget that does? Is ``accuracy`` that mean (to the 0.1 % the
    lesson prints)? What would change the decision, and what does the test
    set, looked at once, say about it?

    Parameters
    ----------
    n_labels : int
        Your decision: one of the budgets (10, 20, 30, 50, 75, 100, 150, 200).
    accuracy : float
        Your evidence: the mean validation accuracy there, as a fraction (0.885 for 88.5 %).
    target : float, default=0.9
        The accuracy to reach, as a fraction.
    method : {"representative", "random"}, default="representative"
        Which labelling the budget is for: the k-means representatives or
        images drawn at random.

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Examples
    --------
    >>> check_label_budget(33, 0.9)  # doctest: +ELLIPSIS
    Not yet: 33 is not one of the budgets ...
    """
    from ..semi_supervised import BUDGETS, SHARES, label_budget_curves, label_budget_study

    if method not in _METHODS:
        return Feedback(False, f"method must be one of {_METHODS}, not {method!r}.")
    if isinstance(target, bool) or not isinstance(target, Real) or not 0 < target < 1:
        return Feedback(False, f"target must be a fraction between 0 and 1, such as 0.9, "
                               f"not {target!r}.")
    if isinstance(n_labels, bool) or not isinstance(n_labels, Integral) or n_labels not in BUDGETS:
        return Feedback(False, f"{n_labels!r} is not one of the budgets {BUDGETS}: choose one "
                               "of them.")
    if isinstance(accuracy, bool) or not isinstance(accuracy, Real) or not math.isfinite(accuracy):
        return Feedback(False, f"quote the accuracy as a fraction, such as 0.885, not "
                               f"{accuracy!r}.")
    if accuracy > 1:
        return Feedback(False, f"quote the accuracy as a fraction (0.885, not {accuracy:g} "
                               "percent).")
    study = label_budget_study(BUDGETS)
    n_seeds = len(study.seeds)
    got = study.mean_accuracy(method, n_labels)
    wrong_number = abs(accuracy - got) > 0.0005 + 1e-9  # the table shows 0.1 %
    if got < target:
        quoted = f" (not {accuracy:.1%} as you wrote)" if wrong_number else ""
        return Feedback(False, f"with {n_labels} {method} labels the mean validation accuracy "
                               f"over {n_seeds} seeds is {got:.1%}{quoted}, below the "
                               f"{target:.0%} target: buy more labels.")
    if wrong_number:
        return Feedback(False, f"{n_labels} labels do reach {target:.0%}, but the mean "
                               f"validation accuracy there is {got:.1%}, not {accuracy:.1%}: "
                               "quote the mean the table prints.")
    reaching = [b for b in BUDGETS if study.mean_accuracy(method, b) >= target]
    if reaching[0] < n_labels:
        return Feedback(False, f"{n_labels} labels reach the target ({got:.1%}), but so do "
                               "fewer: look for the smallest budget that reaches it.")
    other = "random" if method == "representative" else "representative"
    other_reaching = [b for b in BUDGETS if study.mean_accuracy(other, b) >= target]
    compare = (f"with {other} labels you would need {other_reaching[0]}"
               if other_reaching else f"{other} labels never reach it up to {BUDGETS[-1]}")
    i = BUDGETS.index(n_labels)
    worst = study.counts(method)[:, i].min() / study.n_validation
    change = (f" What would change the decision: the worst of the {n_seeds} seeds scores "
              f"{worst:.1%} there, so a target every seed must reach "
              f"{'holds too' if worst >= target else 'needs more labels'}")
    if i > 0:
        below = study.mean_accuracy(method, BUDGETS[i - 1])
        change += (f"; a target of {math.floor(below * 1000) / 10:g} % or less would let you "
                   f"buy {BUDGETS[i - 1]}")
    curves = label_budget_curves(BUDGETS, SHARES)  # the test set, looked at once
    test = curves.accuracy(method, n_labels)
    return Feedback(True, f"{n_labels} labels are the fewest budget whose {method} labelling "
                          f"reaches {target:.0%} in mean validation accuracy over {n_seeds} "
                          f"seeds ({got:.1%}); {compare}.{change}. Only now, once, the test "
                          f"set: {n_labels} {method} labels chosen from all the training "
                          f"images score {test:.1%} of its {curves.n_test} images (one seed).")
