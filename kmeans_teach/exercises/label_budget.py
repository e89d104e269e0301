"""Lesson 09's decision: how many labels to buy for a target accuracy, decided on validation."""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

from ._feedback import Feedback

__all__ = ["check_label_budget"]

_METHODS = ("representative", "random")


def check_label_budget(n_labels, accuracy, *, target=0.9, method="representative"):
    """Check a decision: the fewest labels (a budget of the study) that reach ``target``.

    The decision is made on validation images, averaged over seeds, never on
    the test set: the checker computes :func:`kmeans_teach.label_budget_study`
    itself (cached, shared with the lesson) and answers: does ``n_labels``
    reach the target in mean validation accuracy with ``method``? Is it the
    fewest budget that does? Is ``accuracy`` that mean, to 0.1 %
    (``study.mean_accuracy(method, n_labels)``)? What would change the
    decision, and what does the test set, looked at once, say about it?

    Two answers can be right: the fewest budget whose mean reaches the target
    (the rule), and the cautious one, the fewest budget whose mean is at least
    two standard errors above the target. The standard error of a mean
    combines the standard error of the mean over the seeds and the validation
    images' own sampling error (binomial), which no seed shows.

    Parameters
    ----------
    n_labels : int
        Your decision: one of the budgets (10, 20, 30, 50, 75, 100, 150, 200).
    accuracy : float
        Your evidence: the mean validation accuracy there, as a fraction (0.885 for 88.5 %),
        to 0.1 %.
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
    wrong_number = abs(accuracy - got) > 0.0005 + 1e-9  # to 0.1 %
    if got < target:
        quoted = f" (not {accuracy:.1%} as you wrote)" if wrong_number else ""
        return Feedback(False, f"with {n_labels} {method} labels the mean validation accuracy "
                               f"over {n_seeds} seeds is {got:.1%}{quoted}, below the "
                               f"{target:.0%} target: " + (
                                   "buy more labels." if n_labels != BUDGETS[-1] else
                                   "no budget of the study reaches it."))
    if wrong_number:
        return Feedback(False, f"{n_labels} labels do reach {target:.0%}, but {accuracy:.1%} is "
                               f"not the mean validation accuracy there: quote "
                               f'study.mean_accuracy("{method}", {n_labels}), to 0.1 %.')
    reaching = [b for b in BUDGETS if study.mean_accuracy(method, b) >= target]
    errors = {b: _standard_errors(study, method, b) for b in BUDGETS}
    safe = [b for b in reaching
            if study.mean_accuracy(method, b) - target >= 2 * float(np.hypot(*errors[b]))]
    fewest, cautious = reaching[0], (safe[0] if safe else None)
    if n_labels not in (fewest, cautious):
        seed_error, split_error = errors[n_labels]
        above = (got - target) / float(np.hypot(seed_error, split_error))
        return Feedback(False, f"{n_labels} labels reach the target ({got:.1%}, {above:.1f} "
                               "standard errors above it), but so do fewer: look for the "
                               "smallest budget that reaches it (or, to be cautious, the "
                               "smallest whose mean is at least two standard errors above it).")
    seed_error, split_error = errors[n_labels]
    error = float(np.hypot(seed_error, split_error))
    margin = got - target
    noise = (f"its mean is {100 * margin:.1f} points above the target, {margin / error:.1f} "
             f"standard errors; the standard error of that mean is about {100 * error:.1f} "
             f"points (the square root of the sum of the squares of {100 * seed_error:.1f} from "
             f"the seeds and {100 * split_error:.1f} from the {study.n_validation} validation "
             "images' own sampling, binomial at that mean)")
    if n_labels == fewest:
        verdict = (f"{n_labels} labels are the fewest budget whose {method} labelling reaches "
                   f"{target:.0%} in mean validation accuracy over {n_seeds} seeds: {noise}.")
        verdict += (" That is less than two standard errors, so other seeds or another split "
                    "could move it below: a cautious buyer would take "
                    + (f"{cautious}, the fewest budget two standard errors above." if cautious
                       else "more labels than this study tried.")
                    if n_labels != cautious else " That is two standard errors or more.")
    else:
        verdict = (f"{n_labels} labels are the cautious answer, the fewest budget whose mean is "
                   f"at least two standard errors above {target:.0%}: {noise}. The fewest "
                   f"that reaches it at all is {fewest}.")
    other = "random" if method == "representative" else "representative"
    other_reaching = [b for b in BUDGETS if study.mean_accuracy(other, b) >= target]
    compare = (f"with {other} labels you would need {other_reaching[0]} to reach it"
               if other_reaching else f"{other} labels never reach it up to {BUDGETS[-1]}")
    curves = label_budget_curves(BUDGETS, SHARES)  # the test set, looked at once
    test = curves.accuracy(method, n_labels)
    return Feedback(True, f"{verdict} For comparison, {compare}. And the test set: {n_labels} "
                          f"{method} labels chosen from all the training images (a larger pool "
                          f"than the study's) score {test:.1%} of its {curves.n_test} images "
                          "(one seed).")


def _standard_errors(study, method, budget):
    """(standard error of the mean over the seeds, binomial standard error of that mean)."""
    per_seed = study.counts(method)[:, study.budgets.index(budget)] / study.n_validation
    mean = float(per_seed.mean())
    return (float(np.std(per_seed, ddof=1) / np.sqrt(len(per_seed))),
            float(np.sqrt(mean * (1 - mean) / study.n_validation)))
