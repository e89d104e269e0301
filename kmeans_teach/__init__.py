"""kmeans-teach: helpers for learning k-means step by step.

Layers, each using only the ones before it:

* engine (``kmeans_teach.engine`` and the other plain modules): NumPy, SciPy
  and scikit-learn only; arrays in, arrays or small read-only records out;
* ``kmeans_teach.plotting``: draws on the Axes you give it;
* ``kmeans_teach.apps``: slider apps built from the two above;
* ``kmeans_teach.exercises``: checkers that answer a student in a sentence.
  They compute the right answer with the engine only (never plotting or the
  apps: they are imported with the package, which must not pull in widgets).

``import kmeans_teach`` loads only the engine and the exercises: the apps and
``kmeans_teach.plotting`` (ipywidgets, IPython, matplotlib, seaborn) are
imported the first time one of their names is used, and scikit-learn (which
imports pandas) the first time a function needs it.
"""

# one scoped thread limit, used by every fit (and by notebooks that fit directly)
from ._threads import limit_threads
# the lessons' data
from .datasets import (
    lesson_blobs,
    lesson_moons,
    lesson_digits,
    sample_image,
)
# the Playground's data sets (lesson 00)
from .playground_data import (
    PLAYGROUND_DATA,
    playground_data,
)
# Lloyd's algorithm, one half-step at a time (lesson 01)
from .engine import (
    Step,
    Trace,
    kmeans_steps,
    run_kmeans,
    assign,
    update,
    inertia,
    init_centers,
    EmptyClusterError,
    EmptyClusterWarning,
)
# k-means++ pick by pick, seed scans (lesson 02)
from .seeding import (
    SeedingPick,
    kmeans_plusplus_steps,
    d2_probabilities,
    d2_pick,
    SeedScan,
    scan_seeds,
    best_of_n_probability,
    simulate_best_of_n,
)
# elbow, silhouette, gap statistic (lesson 03)
from .choosing_k import (
    kneedle,
    KneedleCurve,
    kneedle_curve,
    KFit,
    fit_k,
    scan_k,
    GapResult,
    gap_statistic,
)
# spectral clustering opened up (lesson 04)
from .spectral import (
    SpectralEmbedding,
    SpectralResult,
    MoonsComparison,
    GRAPH_WARNING,
    knn_affinity,
    spectral_embedding_of,
    spectral_clustering_of,
    compare_on_moons,
)
# matching clusters to labels (lesson 05)
from .metrics import (
    Matching,
    ClusterSummary,
    contingency,
    match_clusters,
    cluster_accuracy,
    cluster_summary,
)
# t-SNE before k-means (lesson 05)
from .tsne import (
    tsne_embedding,
)
# colour quantisation (lesson 06)
from .quantize import (
    KMEANS_METHODS,
    PILLOW_METHODS,
    Quantized,
    bits_per_pixel,
    compressed_bits,
    compression_factor,
    count_colors,
    pillow_methods_available,
    psnr,
    quantize,
    quantize_series,
)
# timing k-means (lesson 07)
from .scaling import (
    FitTimes,
    IterationTimes,
    SweepTimes,
    format_seconds,
    loglog_slope,
    time_assign,
    time_call,
    time_fits,
    time_iterations,
)
# k-means as a tool: labelling with few labels, segmentation (lesson 09)
from .semi_supervised import (
    BUDGETS,
    SHARES,
    DigitsSplit,
    digits_split,
    Representatives,
    representatives,
    propagate,
    fit_classifier,
    count_correct,
    BudgetCurves,
    label_budget_curves,
)
from .segmentation import (
    pixel_features,
    SegmentationData,
    Segmentation,
    segment,
    region_borders,
    with_borders,
)
# Gaussian mixtures step by step, when k-means breaks (lesson 08)
from .gmm import (
    GMMStep,
    GMMTrace,
    gmm_steps,
    run_gmm,
)
# exercise checkers
from .exercises import (
    Feedback,
    check_e_step,
    check_run_choice,
    check_d2_step,
    check_seeding_choice,
    check_inertia,
    check_k_choice,
    check_knn_affinity,
    check_method_choice,
    check_mode_matching,
    check_digits_k,
    check_compressed_size,
    check_palette_size,
    check_loglog_slope,
    check_minibatch_choice,
    check_representatives,
    check_label_budget,
    check_gmm_e_step,
    check_mixture_choice,
    check_chunk_sums,
    check_chunk_choice,
)
# slider apps (last: they use everything above) are imported on first use, in
# __getattr__ below, so that the engine imports without ipywidgets, IPython,
# matplotlib or seaborn
_LAZY_APPS = (
    "StepThrough",
    "ClusterBrowser",
    "ColorExplorer",
    "KExplorer",
    "MoonsExplorer",
    "PlusPlusExplorer",
    "SeedExplorer",
    "Playground",
    "LabelBudgetExplorer",
    "SegmentationExplorer",
    "GMMStepThrough",
    "SigmaExplorer",
)
#: the subpackages that draw, also imported on first use: ``kt.plotting``, ``kt.apps``;
#: and ``kt.distributed`` (lesson 10), the only module that imports dask
_LAZY_SUBPACKAGES = ("plotting", "apps", "distributed")

__all__ = [
    # one scoped thread limit
    "limit_threads",
    # the lessons' data
    "lesson_blobs",
    "lesson_moons",
    "lesson_digits",
    "sample_image",
    # the Playground's data sets (lesson 00)
    "PLAYGROUND_DATA",
    "playground_data",
    # Lloyd's algorithm, one half-step at a time (lesson 01)
    "Step",
    "Trace",
    "kmeans_steps",
    "run_kmeans",
    "assign",
    "update",
    "inertia",
    "init_centers",
    "EmptyClusterError",
    "EmptyClusterWarning",
    # k-means++ pick by pick, seed scans (lesson 02)
    "SeedingPick",
    "kmeans_plusplus_steps",
    "d2_probabilities",
    "d2_pick",
    "SeedScan",
    "scan_seeds",
    "best_of_n_probability",
    "simulate_best_of_n",
    # elbow, silhouette, gap statistic (lesson 03)
    "kneedle",
    "KneedleCurve",
    "kneedle_curve",
    "KFit",
    "fit_k",
    "scan_k",
    "GapResult",
    "gap_statistic",
    # spectral clustering opened up (lesson 04)
    "SpectralEmbedding",
    "SpectralResult",
    "MoonsComparison",
    "GRAPH_WARNING",
    "knn_affinity",
    "spectral_embedding_of",
    "spectral_clustering_of",
    "compare_on_moons",
    # matching clusters to labels (lesson 05)
    "Matching",
    "ClusterSummary",
    "contingency",
    "match_clusters",
    "cluster_accuracy",
    "cluster_summary",
    # t-SNE before k-means (lesson 05)
    "tsne_embedding",
    # colour quantisation (lesson 06)
    "KMEANS_METHODS",
    "PILLOW_METHODS",
    "Quantized",
    "bits_per_pixel",
    "compressed_bits",
    "compression_factor",
    "count_colors",
    "pillow_methods_available",
    "psnr",
    "quantize",
    "quantize_series",
    # timing k-means (lesson 07)
    "FitTimes",
    "IterationTimes",
    "SweepTimes",
    "format_seconds",
    "loglog_slope",
    "time_assign",
    "time_call",
    "time_fits",
    "time_iterations",
    # k-means as a tool (lesson 09)
    "BUDGETS",
    "SHARES",
    "DigitsSplit",
    "digits_split",
    "Representatives",
    "representatives",
    "propagate",
    "fit_classifier",
    "count_correct",
    "BudgetCurves",
    "label_budget_curves",
    "pixel_features",
    "SegmentationData",
    "Segmentation",
    "segment",
    "region_borders",
    "with_borders",
    # Gaussian mixtures step by step, when k-means breaks (lesson 08)
    "GMMStep",
    "GMMTrace",
    "gmm_steps",
    "run_gmm",
    # exercise checkers
    "Feedback",
    "check_e_step",
    "check_run_choice",
    "check_d2_step",
    "check_seeding_choice",
    "check_inertia",
    "check_k_choice",
    "check_knn_affinity",
    "check_method_choice",
    "check_mode_matching",
    "check_digits_k",
    "check_compressed_size",
    "check_palette_size",
    "check_loglog_slope",
    "check_minibatch_choice",
    "check_representatives",
    "check_label_budget",
    "check_gmm_e_step",
    "check_mixture_choice",
    "check_chunk_sums",
    "check_chunk_choice",
    # slider apps (imported on first use)
    *_LAZY_APPS,
]


def __getattr__(name):
    """Import the apps and the drawing subpackages when first asked for (PEP 562)."""
    import importlib

    if name in _LAZY_APPS:
        value = getattr(importlib.import_module(".apps", __name__), name)
        globals()[name] = value  # next time, a plain lookup
        return value
    if name in _LAZY_SUBPACKAGES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__) | set(_LAZY_SUBPACKAGES))
