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
from .exercises import Feedback, check_e_step
from .exercises import check_mode_matching
from .tsne import tsne_embedding
from .metrics import ClusterSummary, Matching, cluster_accuracy, cluster_summary, contingency, match_clusters
from .apps import StepThrough  # noqa: E402  (apps come last: they use everything above)
from .apps import ClusterBrowser  # noqa: E402

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
    # metrics
    "ClusterSummary",
    "Matching",
    "cluster_accuracy",
    "cluster_summary",
    "contingency",
    "match_clusters",
    "tsne_embedding",
    # data
    "lesson_blobs",
    # exercises
    "Feedback",
    "check_e_step",
    "check_mode_matching",
    # apps
    "StepThrough",
    "ClusterBrowser",
]
