"""ColorExplorer: both controls, against the naive app.

The naive app quantises the photo for the chosen number of colours and draws
a brand-new figure of the same size and pixel density per move.
Target: a median of at most 100 ms (photos), and at least 2x faster than naive.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

from kmeans_teach import ColorExplorer, quantize  # noqa: E402
from kmeans_teach.plotting import plot_image, plot_palette  # noqa: E402


def naive_frame(app, name, n_colors):
    image = app.images[name]
    result = quantize(image, n_colors, sample_size=4000, random_state=0)
    figure = new_figure_like(app)
    grid = figure.add_gridspec(2, 2, height_ratios=[1, 0.09])
    plot_image(figure.add_subplot(grid[0, 0]), image, title="original")
    plot_image(figure.add_subplot(grid[0, 1]), result.image, title=f"{n_colors} colours")
    plot_palette(figure.add_subplot(grid[1, 1]), result.palette)
    figure.savefig(io.BytesIO(), format="jpeg")


def main():
    app = ColorExplorer(show_progress=False)
    name = app.image_dropdown.value
    ks = list(range(2, 65, 3)) + list(range(60, 1, -7))
    ours, naive = compare(app, app.k_slider, ks, naive_frame, [(app, name, k) for k in ks[::3]])
    report("ColorExplorer: colours slider", ours, naive, target_ms=100)
    names = [n for n in app.images if n != name] + [name]
    images = names * 5
    k = app.k_slider.value
    ours, naive = compare(app, app.image_dropdown, images, naive_frame,
                          [(app, n, k) for n in images[:6]])
    report("ColorExplorer: image dropdown", ours, naive, target_ms=100)


if __name__ == "__main__":
    main()
