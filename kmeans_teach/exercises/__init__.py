"""Exercise checkers: each takes the student's function or answer and replies in a sentence."""

from ._feedback import Feedback
from .compression import check_compressed_size
from .d2_step import check_d2_step
from .digits import check_mode_matching
from .e_step import check_e_step
from .inertia import check_inertia
from .knn_graph import check_knn_affinity
from .scaling import check_loglog_slope
from .method_choice import check_method_choice

__all__ = ["Feedback", "check_compressed_size", "check_d2_step", "check_mode_matching", "check_e_step", "check_inertia", "check_knn_affinity", "check_loglog_slope", "check_method_choice"]
