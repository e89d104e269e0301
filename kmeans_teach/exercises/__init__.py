"""Exercise checkers: each takes the student's function or answer and replies in a sentence."""

from ._feedback import Feedback
from .e_step import check_e_step
from .d2_step import check_d2_step
from .scaling import check_loglog_slope
from .compression import check_compressed_size

__all__ = ["Feedback", "check_e_step"]
__all__ += ["check_d2_step"]
__all__ += ["check_loglog_slope"]
__all__ += ["check_compressed_size"]
