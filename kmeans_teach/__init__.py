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

import importlib as _importlib

#: every name the package exports, by the module that defines it, written once:
#: the loop below imports them and ``__all__`` is built from the same table
_EXPORTS = {
    # one scoped thread limit, used by every fit (and by notebooks that fit directly)
    "_threads": (
        "limit_threads",
    ),
    # the lessons' data: the Playground's menu (lesson 00), blobs (01 to 03), moons (04),
    # digits (05, and split for 09), the photos (06)
    "datasets": (
        "PLAYGROUND_DATA", "playground_data", "lesson_blobs", "lesson_moons", "lesson_digits",
        "digits_split", "DigitsSplit", "sample_image",
    ),
    # Lloyd's algorithm, one half-step at a time (lesson 01)
    "engine": (
        "Step", "Trace", "kmeans_steps", "run_kmeans", "assign", "update", "inertia",
        "init_centers", "EmptyClusterError", "EmptyClusterWarning",
    ),
    # k-means++ pick by pick, seed scans (lesson 02)
    "seeding": (
        "SeedingPick", "kmeans_plusplus_steps", "d2_probabilities", "d2_pick", "SeedScan",
        "scan_seeds", "best_of_n_probability", "simulate_best_of_n",
    ),
    # elbow, silhouette, gap statistic (lesson 03)
    "choosing_k": (
        "kneedle", "KneedleCurve", "kneedle_curve", "KFit", "fit_k", "scan_k", "GapResult",
        "gap_statistic",
    ),
    # spectral clustering opened up (lesson 04)
    "spectral": (
        "SpectralEmbedding", "SpectralResult", "MoonsComparison", "GRAPH_WARNING",
        "knn_affinity", "spectral_embedding_of", "spectral_clustering_of", "compare_on_moons",
    ),
    # matching clusters to labels (lesson 05)
    "metrics": (
        "Matching", "ClusterSummary", "contingency", "match_clusters", "cluster_accuracy",
        "cluster_summary",
    ),
    # t-SNE before k-means (lesson 05)
    "tsne": (
        "tsne_embedding",
    ),
    # colour quantisation (lesson 06)
    "quantize": (
        "KMEANS_METHODS", "PILLOW_METHODS", "Quantized", "bits_per_pixel", "compressed_bits",
        "compression_factor", "count_colors", "palette_png_bytes", "pillow_methods_available", "psnr", "quantize",
        "quantize_series",
    ),
    # timing k-means (lesson 07)
    "scaling": (
        "FitTimes", "IterationTimes", "SweepTimes", "format_seconds", "loglog_slope",
        "time_assign", "time_call", "time_fits", "time_iterations",
    ),
    # k-means as a tool: labelling with few labels, segmentation (lesson 09)
    "semi_supervised": (
        "BUDGETS", "SHARES", "Representatives", "representatives", "propagate",
        "fit_classifier", "count_correct", "BudgetCurves", "label_budget_curves",
        "BudgetStudy", "label_budget_study", "pool_and_validation", "STUDY_SHARES",
    ),
    "segmentation": (
        "pixel_features", "SegmentationData", "Segmentation", "segment", "region_borders",
        "with_borders",
    ),
    # Gaussian mixtures step by step, when k-means breaks (lesson 08)
    "gmm": (
        "GMMStep", "GMMTrace", "gmm_steps", "run_gmm",
    ),
    # exercise checkers
    "exercises": (
        "Feedback", "Hint", "hint", "check_start_choice", "check_e_step", "check_run_choice", "check_d2_step",
        "check_seeding_choice", "check_inertia", "check_k_choice", "check_knn_affinity",
        "check_method_choice", "check_mode_matching", "check_digits_k",
        "check_compressed_size", "check_palette_size", "check_loglog_slope",
        "check_minibatch_choice", "check_representatives", "check_label_budget",
        "check_gmm_e_step", "check_mixture_choice", "check_chunk_sums", "check_chunk_choice",
    ),
}
for _module_name, _names in _EXPORTS.items():
    _module = _importlib.import_module(f".{_module_name}", __name__)
    globals().update((_name, getattr(_module, _name)) for _name in _names)
del _importlib, _module_name, _module, _names

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

__all__ = [name for names in _EXPORTS.values() for name in names] + list(_LAZY_APPS)


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
