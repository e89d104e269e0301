"""ClusterBrowser: both controls, against the naive app.

The naive app fits k-means on the 1797 digits (best of 10, as the app does)
and draws a brand-new figure of the same size and pixel density per move.
The app has only 10 clusters x 2 orders to show, so it draws all 20 frames
when it is built: a move then only shows a frame. Both are printed: the move
as the user gets it (the target), and the cost of drawing one frame.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
import time
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
    start = time.perf_counter()
    app = ClusterBrowser(show_progress=False)
    build = time.perf_counter() - start
    clusters = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0] * 3
    orders = list(app.order_buttons.options)[::-1] * 10
    for cold, how in ((False, ""), (True, " (cold)")):
        ours, naive = compare(app, app.cluster_slider, clusters, naive_frame,
                              [(app, c, False) for c in clusters[:6]], cold=cold)
        report("ClusterBrowser: cluster slider" + how, ours, naive,
               target_ms=None if cold else 50)
        ours, naive = compare(app, app.order_buttons, orders, naive_frame,
                              [(app, 0, i % 2 == 0) for i in range(6)], cold=cold)
        report("ClusterBrowser: show toggle" + how, ours, naive, target_ms=None if cold else 50)
    print(f"{'ClusterBrowser: built in':<44} {build:.1f} s (k-means, and the 20 frames)")


if __name__ == "__main__":
    main()
