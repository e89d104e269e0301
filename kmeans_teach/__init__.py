"""kmeans-teach: helpers for learning k-means step by step.

Layers, each using only the ones before it:

* engine (``kmeans_teach.engine`` and the other plain modules): NumPy, SciPy
  and scikit-learn only; arrays in, arrays or small read-only records out;
* ``kmeans_teach.plotting``: draws on the Axes you give it;
* ``kmeans_teach.apps``: slider apps built from the two above;
* ``kmeans_teach.exercises``: checkers that answer a student in a sentence.
"""

from .datasets import lesson_blobs
from .engine import (
    EmptyClusterError,
    EmptyClusterWarning,
    Step,
    Trace,
    assign,
    inertia,
    init_centers,
    kmeans_steps,
    run_kmeans,
    update,
)
from .quantize import (
    Quantized,
    bits_per_pixel,
    compressed_bits,
    compression_factor,
    count_colors,
    pillow_methods_available,
    psnr,
    quantize,
    quantize_series,
    sample_image,
)
from .seeding import (
    SeedingPick,
    SeedScan,
    best_of_n_probability,
    d2_pick,
    d2_probabilities,
    kmeans_plusplus_steps,
    scan_seeds,
    simulate_best_of_n,
)
from .exercises import Feedback, check_e_step
from .exercises import check_d2_step
from .exercises import check_compressed_size
from .scaling import FitTimes, SweepTimes, format_seconds, loglog_slope, time_assign, time_fits
from .exercises import check_loglog_slope
from .apps import StepThrough  # noqa: E402  (apps come last: they use everything above)
from .apps import PlusPlusExplorer, SeedExplorer  # noqa: E402
from .apps import ColorExplorer  # noqa: E402

__all__ = [
    # engine
    "EmptyClusterError",
    "EmptyClusterWarning",
    "Step",
    "Trace",
    "assign",
    "inertia",
    "init_centers",
    "kmeans_steps",
    "run_kmeans",
    "update",
    # seeding (lesson 02)
    "SeedingPick",
    "SeedScan",
    "best_of_n_probability",
    "d2_pick",
    "d2_probabilities",
    "kmeans_plusplus_steps",
    "scan_seeds",
    "simulate_best_of_n",
    # scaling (lesson 07)
    "FitTimes",
    "SweepTimes",
    "format_seconds",
    "loglog_slope",
    "time_assign",
    "time_fits",
    # data
    "lesson_blobs",
    # colour quantisation
    "Quantized",
    "bits_per_pixel",
    "compressed_bits",
    "compression_factor",
    "count_colors",
    "pillow_methods_available",
    "psnr",
    "quantize",
    "quantize_series",
    "sample_image",
    # exercises
    "Feedback",
    "check_e_step",
    "check_d2_step",
    "check_compressed_size",
    "check_loglog_slope",
    # apps
    "StepThrough",
    "SeedExplorer",
    "PlusPlusExplorer",
    "ColorExplorer",
]
