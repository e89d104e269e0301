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
from .spectral import (
    GRAPH_WARNING,
    MoonsComparison,
    SpectralEmbedding,
    SpectralResult,
    compare_on_moons,
    knn_affinity,
    spectral_clustering_of,
    spectral_embedding_of,
)
from .exercises import Feedback, check_e_step
from .exercises import check_knn_affinity
from .apps import MoonsExplorer  # noqa: E402
from .apps import StepThrough  # noqa: E402  (apps come last: they use everything above)

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
    # spectral clustering, opened up
    "GRAPH_WARNING",
    "MoonsComparison",
    "SpectralEmbedding",
    "SpectralResult",
    "compare_on_moons",
    "knn_affinity",
    "spectral_clustering_of",
    "spectral_embedding_of",
    # data
    "lesson_blobs",
    # exercises
    "Feedback",
    "check_e_step",
    "check_knn_affinity",
    # apps
    "StepThrough",
    "MoonsExplorer",
]
