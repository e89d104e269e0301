"""ClusterBrowser: time from a cluster-slider move to the new image, against the naive app.

The naive app refits k-means (n_init=10) on every move, as an ``interact``
callback would, and draws a brand-new figure with the center and the members.
Ours fits once when it is built, and a move only swaps two images and the
captions (blitting). The naive app is timed on fewer moves: each takes seconds.
"""

import io
import sys
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from sklearn.cluster import KMeans

sys.path.insert(0, str(Path(__file__).parent))
from _timing import report, slider_latency, time_calls  # noqa: E402

from kmeans_teach import ClusterBrowser  # noqa: E402
from kmeans_teach.plotting import plot_digit_grid  # noqa: E402


def naive_frame(X, y, cluster):
    model = KMeans(10, n_init=10, random_state=0).fit(X)
    inside = np.flatnonzero(model.labels_ == cluster)[:40]
    figure = Figure(figsize=(10, 4.2), dpi=80)
    FigureCanvasAgg(figure)
    ax_center, ax_members = figure.subplots(1, 2, gridspec_kw=dict(width_ratios=[1, 2.4]))
    plot_digit_grid(ax_center, model.cluster_centers_[cluster:cluster + 1])
    plot_digit_grid(ax_members, X[inside], n_tiles=40, captions=y[inside].tolist())
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = ClusterBrowser(show_progress=False)
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0] * 3
    ours = slider_latency(app, app.cluster_slider, values)
    naive = time_calls(naive_frame, [(app.X, app.y, c) for c in (1, 2, 3)])
    report("ClusterBrowser: cluster slider (1797 digits)", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
