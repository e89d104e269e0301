"""What every checker returns: a verdict in one plain sentence."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from collections.abc import Callable

import numpy as np

__all__ = ["Case", "Feedback", "call_student", "check_cases", "fmt"]


@dataclass(frozen=True)
class Feedback:
    """The answer of an exercise checker.

    ``passed`` says whether the student's code is right; ``message`` says so
    in a sentence and, when it is wrong, where. The notebook shows the
    message (its repr is the sentence, so a cell that ends with the check
    prints just that).

    Attributes
    ----------
    passed : bool
        Whether the student's answer is right (also the truth value of the record).
    message : str
        The sentence for the student, without the "Correct: " or "Not yet: "
        that the repr puts in front.
    """

    passed: bool
    message: str

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return ("Correct: " if self.passed else "Not yet: ") + self.message


def call_student(func, *args):
    """Call the student's function; return (result, None) or (None, Feedback)."""
    if not callable(func):
        return None, Feedback(False, f"expected a function, but got {type(func).__name__}; "
                                     "pass the function itself, without calling it.")
    try:
        return func(*args), None
    except Exception as error:  # the student's bug is the lesson, so report it
        return None, Feedback(False, f"your function raised {type(error).__name__}: {error}")


def fmt(values, digits=2):
    """Format a point or a number compactly for a feedback sentence."""
    values = np.atleast_1d(np.asarray(values, dtype=float))
    text = ", ".join(f"{v:.{digits}f}" for v in values)
    return f"({text})" if len(values) > 1 else text


@dataclass(frozen=True)
class Case:
    """One test case of a checker: what it tests, in words, and the arguments."""

    name: str  # e.g. "one center (k = 1)": the feedback names the case that failed
    args: tuple  # the arguments the student's function is called with


def _copy(a):
    # arrays are copied, also inside lists and tuples (a list of chunks, say)
    if isinstance(a, np.ndarray):
        return a.copy()
    if isinstance(a, (list, tuple)):
        return type(a)(_copy(x) for x in a)
    return a


def _fresh(args):
    # a copy of every array, so that a function that changes its input in place
    # cannot change what the judge then compares with
    return tuple(_copy(a) for a in args)


def _has_array(a):
    return isinstance(a, np.ndarray) or (isinstance(a, (list, tuple)) and any(map(_has_array, a)))


def _same(a, b):
    if isinstance(b, (list, tuple)):  # arrays inside a list: each compared
        return (isinstance(a, (list, tuple)) and len(a) == len(b)
                and all(_same(x, y) for x, y in zip(a, b)))
    if not isinstance(b, np.ndarray):
        return True
    try:  # a NaN that was there before is not a change
        return np.array_equal(a, b, equal_nan=True)
    except TypeError:  # equal_nan needs numbers (strings, objects: compare plainly)
        return np.array_equal(a, b)


def _changed_input(func, given, original):
    """A sentence if ``func`` changed one of its array arguments in place; else None."""
    for position, (after, before) in enumerate(zip(given, original)):
        if _has_array(before) and not _same(after, before):
            try:
                name = list(inspect.signature(func).parameters)[position]
            except (TypeError, ValueError, IndexError):  # no signature, or *args
                name = f"argument {position + 1}"
            return (f"your function changed its input {name} in place, so the caller's data "
                    f"is no longer what it was. Compute new arrays instead (or work on "
                    f"{name}.copy()).")
    return None


def check_cases(func, cases, judge: Callable, success: str) -> Feedback:
    """Run ``func`` on every case and judge each result; stop at the first wrong one.

    ``judge(result, *case.args)`` returns None when the result is right, or a
    sentence saying what is wrong. One fixed example is not enough: a function
    that works only on it (or forgets k = 1, or a tie, or a third feature) is
    caught by another case, and the feedback says which.

    Examples
    --------
    >>> cases = [Case("two numbers", (1, 2)), Case("a negative number", (-3, 1))]
    >>> judge = lambda got, a, b: None if got == a + b else f"expected {a + b}, got {got}"
    >>> check_cases(lambda a, b: a + b, cases, judge, "your function adds.")
    Correct: your function adds. (2 cases: two numbers; a negative number)
    >>> check_cases(lambda a, b: abs(a) + b, cases, judge, "your function adds.")
    Not yet: case 2 of 2 (a negative number): expected -2, got 4
    """
    cases = list(cases)
    for number, case in enumerate(cases, start=1):
        where = f"case {number} of {len(cases)} ({case.name})"
        given = _fresh(case.args)
        result, problem = call_student(func, *given)
        if problem is not None:  # the function raised, or was not a function
            return Feedback(False, f"{where}: {problem.message}")
        changed = _changed_input(func, given, case.args)
        if changed is not None:  # a right answer on data it has overwritten is still wrong
            return Feedback(False, f"{where}: {changed}")
        complaint = judge(result, *_fresh(case.args))
        if complaint is not None:
            return Feedback(False, f"{where}: {complaint}")
    names = "; ".join(case.name for case in cases)
    return Feedback(True, f"{success} ({len(cases)} cases: {names})")
