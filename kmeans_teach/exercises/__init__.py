"""Exercise checkers: each takes the student's function or answer and replies in a sentence.

Each lesson has an exercise (write a piece of k-means) and a decision (choose, and
defend the choice with a number). ``hint(name)`` gives the coding exercises' hints on
request, a stronger one at each call. Every checker tries several cases and names the
one that failed (``_feedback.check_cases``).
"""

from ._feedback import Feedback
from .hints import Hint, hint
# 00 · the playground
from .keep_start import check_start_choice
# 01 · k-means on blobs
from .e_step import check_e_step
from .keep_run import check_run_choice
# 02 · bad seeds
from .d2_step import check_d2_step
from .keep_seeding import check_seeding_choice
# 03 · choosing k
from .inertia import check_inertia
from .choose_k import check_k_choice
# 04 · moons vs spectral
from .knn_graph import check_knn_affinity
from .choose_method import check_method_choice
# 05 · digits
from .digits import check_mode_matching
from .digits_k import check_digits_k
# 06 · colour compression
from .compression import check_compressed_size
from .palette_size import check_palette_size
# 07 · scaling
from .scaling import check_loglog_slope
from .minibatch_choice import check_minibatch_choice
# 08 · when k-means breaks
from .gmm_e_step import check_gmm_e_step
from .mixture_choice import check_mixture_choice
# 09 · k-means as a tool
from .representatives import check_representatives
from .label_budget import check_label_budget
# 10 · beyond one machine
from .chunk_sums import check_chunk_sums, check_chunk_choice

__all__ = [
    "Feedback", "Hint", "hint",
    "check_start_choice",
    "check_e_step", "check_run_choice",
    "check_d2_step", "check_seeding_choice",
    "check_inertia", "check_k_choice",
    "check_knn_affinity", "check_method_choice",
    "check_mode_matching", "check_digits_k",
    "check_compressed_size", "check_palette_size",
    "check_loglog_slope", "check_minibatch_choice",
    "check_gmm_e_step", "check_mixture_choice",
    "check_representatives", "check_label_budget",
    "check_chunk_sums", "check_chunk_choice",
]
