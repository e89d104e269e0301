"""Exercise checkers: each takes the student's function or answer and replies in a sentence."""

from ._feedback import Feedback
from .e_step import check_e_step
from .knn_graph import check_knn_affinity

__all__ = ["Feedback", "check_e_step"]
__all__ += ["check_knn_affinity"]
