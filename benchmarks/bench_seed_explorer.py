"""SeedExplorer and PlusPlusExplorer: every control, against the naive app.

The naive app reruns k-means (or k-means++ seeding) for the state shown and
draws a brand-new figure of the same size and pixel density for every move.
(It is even given the 200 final inertias for the histogram for free.)
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

import kmeans_teach as kt  # noqa: E402
from kmeans_teach.plotting import (  # noqa: E402
    plot_clustering,
    plot_d2_cumulative,
    plot_d2_probabilities,
    plot_inertia_histogram,
)


def naive_seed_frame(app, seed, init):
    final = kt.run_kmeans(app.X, app.n_clusters, init=init, random_state=seed).final
    figure = new_figure_like(app)
    ax_map, ax_hist = figure.subplots(1, 2)
    plot_clustering(ax_map, app.X, final.labels, final.centers)
    plot_inertia_histogram(ax_hist, app.scans[init].inertias, bins=40, current=final.inertia)
    figure.savefig(io.BytesIO(), format="png")


def naive_pick_frame(app, seed, pick):
    picks = list(kt.kmeans_plusplus_steps(app.X, app.n_clusters, random_state=seed))
    figure = new_figure_like(app)
    ax_map, ax_cum = figure.subplots(1, 2)
    plot_d2_probabilities(ax_map, app.X, picks[pick - 1], n_clusters=app.n_clusters)
    plot_d2_cumulative(ax_cum, picks[pick - 1])
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = kt.SeedExplorer(show_progress=False)
    seeds = list(range(0, 200, 7))
    ours, naive = compare(app, app.seed_slider, seeds, naive_seed_frame,
                          [(app, s, "random") for s in seeds])
    report("SeedExplorer: seed slider", ours, naive, target_ms=50)
    starts = ["k-means++", "random"] * 8
    ours, naive = compare(app, app.init_toggle, starts, naive_seed_frame,
                          [(app, app.seed_slider.value, s) for s in starts])
    report("SeedExplorer: start toggle", ours, naive, target_ms=50)

    app = kt.PlusPlusExplorer(show_progress=False)
    picks = [2, 3, 4, 1] * 6
    ours, naive = compare(app, app.pick_slider, picks, naive_pick_frame,
                          [(app, 0, p) for p in picks])
    report("PlusPlusExplorer: pick slider", ours, naive, target_ms=50)
    seeds = list(range(1, 60, 3))
    ours, naive = compare(app, app.seed_slider, seeds, naive_pick_frame,
                          [(app, s, app.pick_slider.value) for s in seeds])
    report("PlusPlusExplorer: seed slider", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
