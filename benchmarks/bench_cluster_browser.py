"""ClusterBrowser: both controls, against the naive app.

The naive app fits k-means on the 1797 digits (best of 10, as the app does)
and draws a brand-new figure of the same size and pixel density per move.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import ClusterBrowser  # noqa: E402
from kmeans_teach.plotting import plot_digit_grid  # noqa: E402


def naive_frame(app, cluster, farthest):
    model = KMeans(10, n_init=10, random_state=0).fit(app.X)
    inside = np.flatnonzero(model.labels_ == cluster)
    if farthest:
        distance = ((app.X[inside] - model.cluster_centers_[cluster]) ** 2).sum(axis=1)
        inside = inside[np.argsort(-distance)]
    inside = inside[:40]
    figure = new_figure_like(app)
    ax_center, ax_members = figure.subplots(1, 2, gridspec_kw=dict(width_ratios=[1, 2.4]))
    plot_digit_grid(ax_center, model.cluster_centers_[cluster:cluster + 1])
    plot_digit_grid(ax_members, app.X[inside], n_tiles=40, captions=app.y[inside].tolist())
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = ClusterBrowser(show_progress=False)
    clusters = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0] * 3
    ours, naive = compare(app, app.cluster_slider, clusters, naive_frame,
                          [(app, c, False) for c in clusters[:6]])
    report("ClusterBrowser: cluster slider", ours, naive, target_ms=50)
    orders = list(app.order_buttons.options)[::-1] * 10
    ours, naive = compare(app, app.order_buttons, orders, naive_frame,
                          [(app, 0, i % 2 == 0) for i in range(6)])
    report("ClusterBrowser: show toggle", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
