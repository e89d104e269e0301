"""kmeans-teach: helpers for learning k-means step by step."""

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

__all__ = [
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
]
