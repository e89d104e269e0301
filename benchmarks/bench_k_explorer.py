"""KExplorer: the n_clusters slider, against the naive app.

The naive app fits k-means for the chosen k (best of 10, as the app does)
and draws a brand-new figure of the same size and pixel density; it is even
given the curves (every k's inertia, silhouette and gap) for free.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import KExplorer, fit_k  # noqa: E402
from kmeans_teach.plotting import plot_k_clustering, plot_k_curve, plot_silhouette  # noqa: E402


def naive_frame(app, k):
    fit = fit_k(app.X, k)
    figure = new_figure_like(app)
    grid = figure.add_gridspec(2, 6)
    plot_k_clustering(figure.add_subplot(grid[0, :3]), app.X, fit)
    plot_silhouette(figure.add_subplot(grid[0, 3:]), fit.silhouette, fit.labels)
    ks = [f.n_clusters for f in app.fits]
    axes = [figure.add_subplot(grid[1, 2 * i:2 * i + 2]) for i in range(3)]
    plot_k_curve(axes[0], ks, [f.inertia for f in app.fits], choice=app.knee, current=k)
    plot_k_curve(axes[1], ks[1:], [f.silhouette_mean for f in app.fits[1:]], current=k)
    plot_k_curve(axes[2], app.gap.k, app.gap.gap, yerr=app.gap.sk, choice=app.gap.choice,
                 current=k)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = KExplorer(show_progress=False)
    ks = [3, 8, 1, 5, 10, 2, 7, 4, 9, 6] * 3
    ours, naive = compare(app, app.k_slider, ks, naive_frame, [(app, k) for k in ks[:12]])
    report("KExplorer: n_clusters slider", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
