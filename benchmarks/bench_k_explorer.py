"""KExplorer: time from a k-slider move to the new image, against two naive apps.

* naive: what an ``interact``-style app does on every move: refit k-means for
  every k (the elbow and silhouette curves need them all), recompute the gap
  statistic, and draw a brand-new figure;
* redraw only: the fits are kept, but every move still draws a brand-new
  figure (no in-place updates, no blitting).

KExplorer fits everything once, when it is built, and a move only updates
the artists that change.
"""

import io
import sys
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

sys.path.insert(0, str(Path(__file__).parent))
from _timing import report, slider_latency, time_calls  # noqa: E402

from kmeans_teach import KExplorer, gap_statistic, kneedle, scan_k  # noqa: E402
from kmeans_teach.plotting import plot_k_clustering, plot_k_curve, plot_silhouette  # noqa: E402


def draw_frame(X, fits, gap, k):
    figure = Figure(figsize=(11, 7.2), dpi=80)
    FigureCanvasAgg(figure)
    grid = figure.add_gridspec(2, 6)
    fit = fits[k - 1]
    plot_k_clustering(figure.add_subplot(grid[0, :3]), X, fit)
    plot_silhouette(figure.add_subplot(grid[0, 3:]), fit.silhouette, fit.labels)
    ks = [f.n_clusters for f in fits]
    inertia = [f.inertia for f in fits]
    axes = [figure.add_subplot(grid[1, 2 * i:2 * i + 2]) for i in range(3)]
    plot_k_curve(axes[0], ks, inertia, choice=kneedle(ks, inertia), current=k)
    plot_k_curve(axes[1], ks[1:], [f.silhouette_mean for f in fits[1:]], current=k)
    plot_k_curve(axes[2], gap.k, gap.gap, yerr=gap.sk, choice=gap.choice, current=k)
    figure.savefig(io.BytesIO(), format="png")


def naive_frame(X, k):
    fits = scan_k(X, range(1, 11))
    draw_frame(X, fits, gap_statistic(X, range(1, 11)), k)


def main():
    app = KExplorer(show_progress=False)
    values = [3, 8, 1, 5, 10, 2, 7, 4, 9, 6]
    ours, redraw, naive = [], [], []
    for i in range(3):  # interleaved, so all three see the same machine load
        ours += slider_latency(app, app.k_slider, values)
        redraw += time_calls(draw_frame, [(app.X, app.fits, app.gap, k) for k in values])
        naive += time_calls(naive_frame, [(app.X, k) for k in values[2 * i:2 * i + 2]])
    report("KExplorer: k slider (300 blobs, k = 1..10)", ours, naive, target_ms=50)
    report("KExplorer: k slider, vs new figure per move", ours, redraw,
           target_ms=50, baseline="redraw")


if __name__ == "__main__":
    main()
