"""StepThrough: every control, from a move to the new image, against the naive app.

The naive app (what many tutorials do) reruns k-means from the start and draws
a brand-new figure, of the same size and pixel density, for every move.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import StepThrough, run_kmeans  # noqa: E402
from kmeans_teach.plotting import plot_inertia, plot_step  # noqa: E402


def naive_frame(app, n_clusters, seed, index):
    trace = run_kmeans(app.X, n_clusters, init="random", random_state=seed)
    index = min(index, len(trace) - 1)
    figure = new_figure_like(app)
    ax_step, ax_inertia = figure.subplots(1, 2)
    plot_step(ax_step, app.X, trace[index], trace[index - 1] if index else None)
    plot_inertia(ax_inertia, trace, current=index)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = StepThrough(show_progress=False)
    k, seed = app.k_slider.value, app.seed_slider.value
    steps = list(range(1, len(app.trace))) + list(range(len(app.trace) - 2, -1, -1))
    ours, naive = compare(app, app.step_slider, steps, naive_frame,
                          [(app, k, seed, i) for i in steps])
    report("StepThrough: half-step slider", ours, naive, target_ms=50)
    app.step_slider.value = 0
    ks = [2, 3, 5, 6, 7, 8, 9, 10, 1, 4] * 2
    ours, naive = compare(app, app.k_slider, ks, naive_frame, [(app, v, seed, 0) for v in ks])
    report("StepThrough: n_clusters slider", ours, naive, target_ms=50)
    seeds = list(range(1, 31))
    ours, naive = compare(app, app.seed_slider, seeds, naive_frame,
                          [(app, app.k_slider.value, s, 0) for s in seeds])
    report("StepThrough: seed slider", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
