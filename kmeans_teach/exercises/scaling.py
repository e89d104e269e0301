"""Lesson 07's exercise: measure how fast a cost grows (the log-log slope)."""

from __future__ import annotations

import numpy as np

from ..scaling import loglog_slope
from ._feedback import Feedback, call_student

__all__ = ["check_loglog_slope"]


def _cases():
    """(description, x, y) test cases: exact power laws first, then a noisy one."""
    x = np.array([1e3, 1e4, 1e5, 1e6])
    rng = np.random.default_rng(7)
    noisy_x = np.geomspace(1e3, 1e6, 8)
    noisy_y = 2e-7 * noisy_x * np.exp(rng.normal(0.0, 0.3, noisy_x.size))
    return [
        ("y = 5e-8 · x (linear)", x, 5e-8 * x),
        ("y = 3e-12 · x² (quadratic)", x, 3e-12 * x**2),
        ("y = 0.01 · √x", x, 0.01 * np.sqrt(x)),
        ("8 noisy timings that grow about like x", noisy_x, noisy_y),
    ]


def check_loglog_slope(func):
    """Check a student's ``func(x, y) -> slope`` of log(y) against log(x).

    The checker tries exact power laws ``y = c · x**p`` (the answer is ``p``)
    and then 8 noisy points, where the answer is the least-squares slope over
    all of them (what :func:`kmeans_teach.loglog_slope` gives).

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> check_loglog_slope(lambda x, y: np.polyfit(np.log(x), np.log(y), 1)[0])
    Correct: your slopes match on 3 exact power laws and on 8 noisy timings (least squares).
    >>> check_loglog_slope(lambda x, y: 0.0)
    Not yet: for y = 5e-8 · x (linear) the slope is 1.00, but your function gave 0.00.
    """
    for description, x, y in _cases():
        result, problem = call_student(func, x.copy(), y.copy())
        if problem is not None:  # (a Feedback that failed is falsy, so test for None)
            return problem
        try:
            got = float(np.squeeze(result))
        except (TypeError, ValueError):
            return Feedback(False, f"expected one number (the slope), but your function returned "
                                   f"{result!r}. If you used np.polyfit, its result is "
                                   "[slope, intercept]: take element 0.")
        want = loglog_slope(x, y)
        if np.isclose(got, want, rtol=1e-6, atol=1e-6):
            continue
        lx, ly = np.log(x), np.log(y)
        if np.isclose(got, np.polyfit(lx, ly, 1)[1], rtol=1e-6):
            hint = " That is the intercept; the slope is the other number polyfit returns."
        elif np.isclose(got, np.polyfit(x, y, 1)[0], rtol=1e-6):
            hint = " That is the slope of y against x: take the logarithm of both first."
        elif np.isclose(got, (ly[-1] - ly[0]) / (lx[-1] - lx[0]), rtol=1e-6):
            hint = (" You used only the first and last points; fit a line through all of them "
                    "(least squares, for example np.polyfit), so one noisy timing cannot "
                    "swing the answer.")
        else:
            hint = ""
        return Feedback(False, f"for {description} the slope is {want:.2f}, but your function "
                               f"gave {got:.2f}.{hint}")
    return Feedback(True, "your slopes match on 3 exact power laws and on 8 noisy timings "
                          "(least squares).")
