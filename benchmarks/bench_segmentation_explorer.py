"""SegmentationExplorer: both sliders, against the naive app.

The naive app segments the photo for the chosen (k, weight) from scratch (a
new SegmentationData, k-means on its sample) and draws a brand-new figure of
the same size and pixel density per move.
Target (issue 15): a median of at most 100 ms per move, and at least 2x faster
than naive. "first visit" moves reach (k, weight) values never shown, so they
include the k-means fit; "revisit" moves reach values already fitted (frames
not cached).
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import SegmentationData, SegmentationExplorer, sample_image, with_borders  # noqa: E402
from kmeans_teach.plotting import plot_image, plot_palette  # noqa: E402


def naive_frame(app, k, weight):
    data = SegmentationData(sample_image("china.jpg"))
    seg = data.segment(k, weight)
    figure = new_figure_like(app)
    grid = figure.add_gridspec(2, 2, height_ratios=[1, 0.1])
    plot_image(figure.add_subplot(grid[0, 0]), with_borders(seg, data.image))
    plot_image(figure.add_subplot(grid[0, 1]), seg.image)
    plot_palette(figure.add_subplot(grid[1, 1]), seg.mean_colors)
    figure.savefig(io.BytesIO(), format="jpeg")


def main():
    app = SegmentationExplorer()
    w = app.weight_slider.value
    ks = [3, 12, 5, 16, 2, 9, 14, 4, 11, 7, 15, 6]
    for label in ("first visit", "revisit"):
        ours, naive = compare(app, app.k_slider, ks, naive_frame,
                              [(app, k, w) for k in ks[::3]])
        report(f"SegmentationExplorer: k slider, {label}", ours, naive, target_ms=100)
    app.k_slider.value = 8
    weights = [0.25, 4.0, 1.0, 8.0, 0.5, 2.0, 0.0] * 2
    first, second = weights[:7], weights[7:]
    for label, values in (("first visit", first), ("revisit", second)):
        ours, naive = compare(app, app.weight_slider, values, naive_frame,
                              [(app, 8, v) for v in values[::2]])
        report(f"SegmentationExplorer: weight slider, {label}", ours, naive, target_ms=100)


if __name__ == "__main__":
    main()
