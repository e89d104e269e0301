"""SigmaExplorer: the sigma² slider, from a move to the new image, against the naive app.

The naive app reruns EM with the fixed variance (and k-means, for the check)
and draws a brand-new figure, of the same size and pixel density, per move.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import SigmaExplorer  # noqa: E402
from kmeans_teach.apps.sigma_explorer import SIGMA2_VALUES  # noqa: E402
from kmeans_teach.failures import kmeans_limit, spherical_responsibilities  # noqa: E402
from kmeans_teach.plotting import soft_colors  # noqa: E402


def naive_frame(app, sigma2):
    check = kmeans_limit(app.X, app.init, sigma2)
    figure = new_figure_like(app)
    ax_points, ax_hard = figure.subplots(1, 2)
    r = spherical_responsibilities(app.X, check.means, sigma2)
    ax_points.scatter(*app.X.T, s=14, c=soft_colors(r), linewidths=0)
    ax_points.scatter(*check.means.T, s=90, marker="X", edgecolors="black")
    hardness = [kmeans_limit(app.X, app.init, s).hardness for s in SIGMA2_VALUES]
    ax_hard.semilogx(SIGMA2_VALUES, hardness, "o-")
    ax_hard.plot([sigma2], [check.hardness], "o", markersize=12)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = SigmaExplorer(show_progress=False)
    values = list(SIGMA2_VALUES[1:]) + list(SIGMA2_VALUES[::-1])
    naive_args = [(app, v) for v in values[:6]]
    # what the user gets: every frame was rendered when the app was built
    ours, naive = compare(app, app.sigma2_slider, values, naive_frame, naive_args, cold=False)
    report("SigmaExplorer: sigma² slider (frames built with the app)", ours, naive, target_ms=50)
    # and the cost of drawing a frame, had it not been rendered in advance
    ours, naive = compare(app, app.sigma2_slider, values, naive_frame, naive_args)
    report("SigmaExplorer: sigma² slider, cold (frame drawn)", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
