"""Exercise checkers: each takes the student's function or answer and replies in a sentence."""

from ._feedback import Feedback
from .e_step import check_e_step
from .digits import check_mode_matching

__all__ = ["Feedback", "check_e_step", "check_mode_matching"]
