"""What every checker returns: a verdict in one plain sentence."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Feedback", "call_student", "fmt"]


@dataclass(frozen=True)
class Feedback:
    """The answer of an exercise checker.

    ``passed`` says whether the student's code is right; ``message`` says so
    in a sentence and, when it is wrong, where. The notebook shows the
    message (its repr is the sentence, so a cell that ends with the check
    prints just that).
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
