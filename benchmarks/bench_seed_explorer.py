"""SeedExplorer and PlusPlusExplorer: time from a slider move to the new image.

The naive apps are what an ``interact``-decorated function does: on every
move, recompute what the figure needs and draw a brand-new figure.

* SeedExplorer, naive: rerun k-means for the 200 seeds (the histogram needs
  them all), then draw the clustering and the histogram on a new figure.
* PlusPlusExplorer, naive: rerun k-means++ for the seed up to the pick, then
  draw a new figure.
"""

import io
import sys
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

sys.path.insert(0, str(Path(__file__).parent))
from _timing import report, slider_latency, time_calls  # noqa: E402

import kmeans_teach as kt  # noqa: E402
from kmeans_teach.plotting import (  # noqa: E402
    plot_clustering,
    plot_d2_cumulative,
    plot_d2_probabilities,
    plot_inertia_histogram,
)


def _new_figure():
    figure = Figure(figsize=(10, 4.2), dpi=80)
    FigureCanvasAgg(figure)
    return figure, figure.subplots(1, 2)


def naive_seed_frame(X, seed):
    scan = kt.scan_seeds(X, 4, range(200), init="random")
    row = scan.position(seed)
    figure, (ax_map, ax_hist) = _new_figure()
    plot_clustering(ax_map, X, scan.labels[row], scan.centers[row])
    plot_inertia_histogram(ax_hist, scan.inertias, bins=40, current=scan.inertias[row])
    figure.savefig(io.BytesIO(), format="png")


def naive_pick_frame(X, seed, pick):
    picks = list(kt.kmeans_plusplus_steps(X, 4, random_state=seed))
    figure, (ax_map, ax_cum) = _new_figure()
    plot_d2_probabilities(ax_map, X, picks[pick - 1], n_clusters=4)
    plot_d2_cumulative(ax_cum, picks[pick - 1])
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = kt.SeedExplorer(show_progress=False)
    values = list(range(0, 200, 7))
    ours = slider_latency(app, app.seed_slider, values)
    naive = time_calls(naive_seed_frame, [(app.X, s) for s in values[:5]])
    report("SeedExplorer: seed slider (200 runs)", ours, naive, target_ms=50)

    app = kt.PlusPlusExplorer(show_progress=False)
    values = [2, 3, 4, 1] * 6
    ours = slider_latency(app, app.pick_slider, values)
    naive = time_calls(naive_pick_frame, [(app.X, 0, p) for p in values])
    report("PlusPlusExplorer: pick slider", ours, naive, target_ms=50)
    values = list(range(1, 60, 3))
    ours = slider_latency(app, app.seed_slider, values)
    naive = time_calls(naive_pick_frame, [(app.X, s, 4) for s in values])
    report("PlusPlusExplorer: seed slider", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
