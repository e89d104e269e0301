"""StepThrough: time from a step-slider move to the new image, against the naive app.

The naive app (what many tutorials do) reruns k-means from the start up to the
chosen half-step and draws a brand-new figure for every slider move.
"""

import io
import sys
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

sys.path.insert(0, str(Path(__file__).parent))
from _timing import report, slider_latency, time_calls  # noqa: E402

from kmeans_teach import StepThrough, kmeans_steps  # noqa: E402
from kmeans_teach.plotting import plot_inertia, plot_step  # noqa: E402


def naive_frame(X, n_clusters, seed, index):
    steps = []
    for step in kmeans_steps(X, n_clusters, init="random", random_state=seed):
        steps.append(step)
        if len(steps) > index:
            break
    figure = Figure(figsize=(10, 4.2), dpi=80)
    FigureCanvasAgg(figure)
    ax_step, ax_inertia = figure.subplots(1, 2)
    plot_step(ax_step, X, steps[index], steps[index - 1] if index else None)
    plot_inertia(ax_inertia, steps, current=index)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = StepThrough()
    values = list(range(1, len(app.trace))) * 2
    ours = slider_latency(app, app.step_slider, values)
    naive = time_calls(naive_frame, [(app.X, 4, app.seed_slider.value, i) for i in values])
    report("StepThrough: step slider (300 blobs)", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
