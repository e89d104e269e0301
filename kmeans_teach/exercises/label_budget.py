"""Lesson 09's decision: how many labels to buy for a target test accuracy."""

from __future__ import annotations

import math
from numbers import Integral, Real

from ._feedback import Feedback

__all__ = ["check_label_budget"]

_METHODS = ("representative", "random")


def check_label_budget(n_labels, accuracy, *, target=0.9, method="representative"):
    """Check a decision: the fewest labels (a budget of the curve) that reach ``target``.

    The checker computes the curves itself (:func:`kmeans_teach.label_budget_curves`,
    the same settings as :class:`kmeans_teach.LabelBudgetExplorer`, shared
    with it) and answers: does ``n_labels`` reach the target with ``method``?
    Is it the fewest budget that does? Is ``accuracy`` the real test accuracy
    at that budget (to the 0.1 % the app shows)? What would change the decision?

    Parameters
    ----------
    n_labels : int
        Your decision: one of the budgets (10, 20, 30, 50, 75, 100, 150, 200).
    accuracy : float
        Your evidence: the test accuracy there, as a fraction (0.891 for 89.1 %).
    target : float, default=0.9
        The test accuracy to reach, as a fraction.
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
    from ..semi_supervised import BUDGETS, SHARES, label_budget_curves

    if method not in _METHODS:
        return Feedback(False, f"method must be one of {_METHODS}, not {method!r}.")
    if isinstance(target, bool) or not isinstance(target, Real) or not 0 < target < 1:
        return Feedback(False, f"target must be a fraction between 0 and 1, such as 0.9, "
                               f"not {target!r}.")
    if isinstance(n_labels, bool) or not isinstance(n_labels, Integral) or n_labels not in BUDGETS:
        return Feedback(False, f"{n_labels!r} is not one of the budgets {BUDGETS} (the app's "
                               "slider): choose one of them.")
    if isinstance(accuracy, bool) or not isinstance(accuracy, Real) or not math.isfinite(accuracy):
        return Feedback(False, f"quote the accuracy as a fraction, such as 0.891, not "
                               f"{accuracy!r}.")
    if accuracy > 1:
        return Feedback(False, f"quote the accuracy as a fraction (0.891, not {accuracy:g} "
                               "percent).")
    curves = label_budget_curves(BUDGETS, SHARES)
    got = curves.accuracy(method, n_labels)
    wrong_number = abs(accuracy - got) > 0.0005 + 1e-9  # the app shows 0.1 %
    if got < target:
        quoted = f" (not {accuracy:.1%} as you wrote)" if wrong_number else ""
        return Feedback(False, f"with {n_labels} {method} labels the test accuracy is "
                               f"{got:.1%}{quoted}, below the {target:.0%} target: buy more "
                               "labels (the app's status line shows each budget).")
    if wrong_number:
        return Feedback(False, f"{n_labels} labels do reach {target:.0%}, but the test accuracy "
                               f"there is {got:.1%}, not {accuracy:.1%}: quote the number the "
                               "app's status line shows.")
    reaching = [b for b in BUDGETS if curves.accuracy(method, b) >= target]
    if reaching[0] < n_labels:
        return Feedback(False, f"{n_labels} labels reach the target ({got:.1%}), but so do "
                               f"fewer: look for the smallest budget that reaches it.")
    other = "random" if method == "representative" else "representative"
    other_reaching = [b for b in BUDGETS if curves.accuracy(other, b) >= target]
    compare = (f"with {other} labels you would need {other_reaching[0]}"
               if other_reaching else f"{other} labels never reach it up to {BUDGETS[-1]}")
    i = BUDGETS.index(n_labels)
    change = ""
    if i > 0:
        below = curves.accuracy(method, BUDGETS[i - 1])
        change = (f" What would change the decision: a target of {math.floor(below * 1000) / 10:g} % "
                  f"or less would let you buy {BUDGETS[i - 1]} labels.")
    return Feedback(True, f"{n_labels} labels are the fewest budget whose {method} labelling "
                          f"reaches {target:.0%}: {got:.1%} of the {curves.n_test} test images "
                          f"({curves.accuracy(method, n_labels) * curves.n_test:.0f}); "
                          f"{compare}.{change}")
