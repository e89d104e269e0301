"""MoonsExplorer: time from a slider move to the new image, against the naive app.

The naive app reruns k-means and spectral clustering for the new slider value
and draws a brand-new three-panel figure for every move.
"""

import io
import sys
import time
import warnings
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

sys.path.insert(0, str(Path(__file__).parent))
from _timing import report, slider_latency, time_calls  # noqa: E402

from kmeans_teach import MoonsExplorer, compare_on_moons  # noqa: E402
from kmeans_teach.spectral import _moons_and_kmeans  # noqa: E402
from kmeans_teach.plotting import (  # noqa: E402
    plot_centers,
    plot_embedding,
    plot_points,
    plot_voronoi,
)


def naive_frame(noise, n_neighbors):
    _moons_and_kmeans.cache_clear()  # the naive app keeps nothing between moves
    case = compare_on_moons(noise, n_neighbors)
    figure = Figure(figsize=(12, 4.2), dpi=80)
    FigureCanvasAgg(figure)
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
    ours_k = slider_latency(app, app.n_neighbors_slider, neighbours[::-1] + neighbours[1:])
    ours_n = slider_latency(app, app.noise_slider, noises[::-1] + noises[1:])
    with warnings.catch_warnings():
        # the naive app meets the same "Graph is not fully connected" cases
        warnings.filterwarnings("ignore", message="Graph is not fully connected")
        naive_k = time_calls(naive_frame, [(0.05, k) for k in neighbours])
        naive_n = time_calls(naive_frame, [(v, 3) for v in noises])
    report("MoonsExplorer: n_neighbors slider", ours_k, naive_k, target_ms=50)
    report("MoonsExplorer: noise slider", ours_n, naive_n, target_ms=50)
    print(f"{'MoonsExplorer: one-time computation':<44} {build:.1f} s for {len(app.cases)} "
          "slider positions (the progress bar in the notebook)")


if __name__ == "__main__":
    main()
