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
from .apps import StepThrough  # noqa: E402  (apps come last: they use everything above)
from .apps import PlusPlusExplorer, SeedExplorer  # noqa: E402

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
    # data
    "lesson_blobs",
    # exercises
    "Feedback",
    "check_e_step",
    "check_d2_step",
    # apps
    "StepThrough",
    "SeedExplorer",
    "PlusPlusExplorer",
]
