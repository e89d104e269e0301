"""Lesson 07's exercise: measure how fast a cost grows (the log-log slope)."""

from __future__ import annotations

import numpy as np

from ..scaling import loglog_slope
from ._feedback import Case, check_cases

__all__ = ["check_loglog_slope"]


def _cases():
    """The cases tried, in order: a plain power law first, then one special case each."""
    x = np.array([1e3, 1e4, 1e5, 1e6])
    noisy_x = np.geomspace(1e3, 1e6, 8)
    noise = np.random.default_rng(7).normal(0.0, 0.3, noisy_x.size)
    sizes = np.array([2.0, 4, 8, 16, 32, 64])
    return [
        Case("y = 5e-8 · x, linear: slope 1", (x, 5e-8 * x)),
        Case("y = 3e-12 · x², quadratic: slope 2", (x, 3e-12 * x**2)),
        Case("y = 0.01 · √x: slope 0.5", (x, 0.01 * np.sqrt(x))),
        Case("y = 40 / x, time that falls: slope -1", (sizes, 40 / sizes)),
        Case("constant times, y = 0.003 for every x: slope 0", (x, np.full(x.size, 0.003))),
        Case("only two points", (np.array([100.0, 400.0]), np.array([0.02, 0.5]))),
        Case("8 noisy timings that grow about like x", (noisy_x, 2e-7 * noisy_x * np.exp(noise))),
        Case("x not sorted (the same noisy timings, shuffled)",
             (noisy_x[[3, 0, 7, 5, 1, 6, 2, 4]], (2e-7 * noisy_x * np.exp(noise))[[3, 0, 7, 5, 1, 6, 2, 4]])),
    ]


def _judge(result, x, y):
    """None if ``result`` is the least-squares slope of log y against log x, else what is wrong."""
    try:
        got = float(np.squeeze(result))
    except (TypeError, ValueError):
        return (f"expected one number (the slope), but your function returned {result!r}. "
                "If you used np.polyfit, its result is [slope, intercept]: take element 0.")
    want = loglog_slope(x, y)
    if not np.isfinite(got):
        return (f"the slope is {want:.2f}, but your function gave {got}. Every x and y here is "
                "positive, so log(x) and log(y) are finite: look for a division by zero.")
    if np.isclose(got, want, rtol=1e-6, atol=1e-6):
        return None
    lx, ly = np.log(x), np.log(y)
    order = np.argsort(x)
    if np.isclose(got, np.polyfit(lx, ly, 1)[1], rtol=1e-6):
        hint = " That is the intercept; the slope is the other number polyfit returns."
    elif np.isclose(got, np.polyfit(x, y, 1)[0], rtol=1e-6, atol=1e-12):
        hint = " That is the slope of y against x: take the logarithm of both first."
    elif np.isclose(got, (ly[order[-1]] - ly[order[0]]) / (lx[order[-1]] - lx[order[0]]), rtol=1e-6) or \
            np.isclose(got, (ly[-1] - ly[0]) / (lx[-1] - lx[0]), rtol=1e-6):
        hint = (" You used only the smallest and largest x (or the first and last points); fit "
                "a line through all of them (least squares, for example np.polyfit): a slope "
                "through two points rests entirely on those two timings.")
    else:
        hint = ' For a hint: kt.hint("loglog_slope").'
    return f"the slope is {want:.2f}, but your function gave {got:.2f}.{hint}"


def check_loglog_slope(func):
    """Check a student's ``func(x, y) -> slope`` of log(y) against log(x).

    The checker tries exact power laws ``y = c · x**p`` (the answer is ``p``),
    among them a falling one (p = -1) and constant times (p = 0), a line
    through only two points, and 8 noisy timings, in order and shuffled:
    there the answer is the least-squares slope over all of them (what
    :func:`kmeans_teach.loglog_slope` gives). The feedback names the first
    case that fails.

    Parameters
    ----------
    func : callable
        The student's function: ``func(x, y)`` returns the slope.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> check_loglog_slope(lambda x, y: np.polyfit(np.log(x), np.log(y), 1)[0])  # doctest: +ELLIPSIS
    Correct: your slopes match the least-squares slope in every case (8 cases: ...)
    >>> check_loglog_slope(lambda x, y: 0.0)
    Not yet: case 1 of 8 (y = 5e-8 · x, linear: slope 1): the slope is 1.00, but your function gave 0.00. For a hint: kt.hint("loglog_slope").
    """  # noqa: E501 (a doctest's output, one line)
    return check_cases(func, _cases(), _judge,
                       "your slopes match the least-squares slope in every case")
