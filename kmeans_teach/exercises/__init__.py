"""Exercise checkers: each takes the student's function or answer and replies in a sentence."""

from ._feedback import Feedback
from .compression import check_compressed_size
from .d2_step import check_d2_step
from .digits import check_mode_matching
from .digits_k import check_digits_k
from .e_step import check_e_step
from .choose_k import check_k_choice
from .choose_method import check_method_choice
from .inertia import check_inertia
from .keep_run import check_run_choice
from .keep_seeding import check_seeding_choice
from .knn_graph import check_knn_affinity
from .palette_size import check_palette_size
from .scaling import check_loglog_slope

__all__ = ["Feedback", *sorted(n for n in dir() if n.startswith("check_"))]
