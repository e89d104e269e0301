"""MoonsExplorer: both sliders, from a move to the new image, against the naive app.

The naive app reruns k-means and spectral clustering for the new slider value
and draws a brand-new three-panel figure (same size and pixel density) per move.
Target: a median of at most 50 ms, and at least 2x faster than naive.
"""

import io
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import MoonsExplorer, compare_on_moons  # noqa: E402
from kmeans_teach.spectral import _moons_and_kmeans  # noqa: E402
from kmeans_teach.plotting import (  # noqa: E402
    plot_centers,
    plot_embedding,
    plot_points,
    plot_voronoi,
)


def naive_frame(app, noise, n_neighbors):
    _moons_and_kmeans.cache_clear()  # the naive app keeps nothing between moves
    case = compare_on_moons(noise, n_neighbors)
    figure = new_figure_like(app)
    ax_k, ax_s, ax_e = figure.subplots(1, 3)
    plot_points(ax_k, case.X, case.kmeans_labels, size=18)
    plot_centers(ax_k, case.kmeans_centers, size=160)
    plot_voronoi(ax_k, case.kmeans_centers)
    ax_k.set_title(f"k-means, k=2 · ARI {case.ari_kmeans:.3f}")
    plot_points(ax_s, case.X, case.spectral_labels, size=18)
    ax_s.set_title(f"spectral clustering · ARI {case.ari_spectral:.3f}")
    plot_embedding(ax_e, case.embedding.coords, case.spectral_labels)
    figure.savefig(io.BytesIO(), format="png")


def main():
    start = time.perf_counter()
    app = MoonsExplorer(show_progress=False)
    build = time.perf_counter() - start
    noises = [v for _, v in app.noise_slider.options]
    neighbours = [k for _, k in app.n_neighbors_slider.options]
    with warnings.catch_warnings():
        # the naive app meets the same "Graph is not fully connected" cases
        warnings.filterwarnings("ignore", message="Graph is not fully connected")
        moves = neighbours[::-1] + neighbours[1:]
        ours, naive = compare(app, app.n_neighbors_slider, moves, naive_frame,
                              [(app, 0.05, k) for k in moves[::2]])
        report("MoonsExplorer: n_neighbors slider", ours, naive, target_ms=50)
        moves = noises[::-1] + noises[1:]
        ours, naive = compare(app, app.noise_slider, moves, naive_frame,
                              [(app, v, 3) for v in moves[::2]])
        report("MoonsExplorer: noise slider", ours, naive, target_ms=50)
    print(f"{'MoonsExplorer: one-time computation':<44} {build:.1f} s for {len(app.cases)} "
          "slider positions (the progress bar in the notebook)")


if __name__ == "__main__":
    main()
