"""GMMStepThrough: every control, from a move to the new image, against the naive app.

The naive app reruns scikit-learn's GaussianMixture (to the half-step shown) and
draws a brand-new figure, of the same size and pixel density, for every move.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.mixture import GaussianMixture  # noqa: E402

from kmeans_teach import GMMStepThrough, run_gmm  # noqa: E402
from kmeans_teach.plotting import plot_gmm_step, plot_log_likelihood  # noqa: E402


def naive_frame(app, k, seed, covariance_type, index):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        GaussianMixture(k, covariance_type=covariance_type, random_state=seed).fit(app.X)
    trace = run_gmm(app.X, k, covariance_type=covariance_type, random_state=seed)  # the steps
    index = min(index, len(trace) - 1)
    figure = new_figure_like(app)
    ax_data, ax_ll = figure.subplots(1, 2)
    plot_gmm_step(ax_data, app.X, trace[index], covariance_type=covariance_type)
    plot_log_likelihood(ax_ll, trace, current=index)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = GMMStepThrough(show_progress=False)
    k, seed, cov = app.k_slider.value, app.seed_slider.value, app.covariance_dropdown.value
    steps = list(range(1, len(app.trace)))
    ours, naive = compare(app, app.step_slider, steps, naive_frame,
                          [(app, k, seed, cov, i) for i in steps])
    report("GMMStepThrough: half-step slider", ours, naive, target_ms=50)
    app.step_slider.value = 0
    ks = [2, 4, 1, 3] * 2
    ours, naive = compare(app, app.k_slider, ks, naive_frame, [(app, v, seed, cov, 0) for v in ks])
    report("GMMStepThrough: n_components slider", ours, naive, target_ms=50)
    seeds = [1, 2, 0] * 2
    ours, naive = compare(app, app.seed_slider, seeds, naive_frame,
                          [(app, app.k_slider.value, s, cov, 0) for s in seeds])
    report("GMMStepThrough: seed slider", ours, naive, target_ms=50)
    covs = ["tied", "diag", "spherical", "full"] * 2
    ours, naive = compare(app, app.covariance_dropdown, covs, naive_frame,
                          [(app, app.k_slider.value, app.seed_slider.value, c, 0) for c in covs])
    report("GMMStepThrough: covariance_type dropdown", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
