"""ColorExplorer: time from a colour-slider move to the new image, against the naive app.

The naive app fits k-means for the chosen number of colours on every slider
move (on the same 4,000-pixel sample the app uses, so the fit itself is as
cheap as it can be) and draws a brand-new figure. ColorExplorer computed every
palette once when it was built; a move only looks the colours up again.
Full-size image: 427 x 640 pixels.
"""

import io
import sys
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

sys.path.insert(0, str(Path(__file__).parent))
from _timing import report, slider_latency, time_calls  # noqa: E402

from kmeans_teach import ColorExplorer, quantize, sample_image  # noqa: E402
from kmeans_teach.plotting import plot_image, plot_palette  # noqa: E402


def naive_frame(image, n_colors):
    result = quantize(image, n_colors, sample_size=4000, random_state=0)
    figure = Figure(figsize=(10, 4.1), dpi=80)
    FigureCanvasAgg(figure)
    grid = figure.add_gridspec(2, 2, height_ratios=[1, 0.09])
    plot_image(figure.add_subplot(grid[0, 0]), image, title="original")
    plot_image(figure.add_subplot(grid[0, 1]), result.image, title=f"{n_colors} colours")
    plot_palette(figure.add_subplot(grid[1, 1]), result.palette)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = ColorExplorer(show_progress=False)
    values = list(range(2, 65)) + list(range(57, 1, -7))
    ours = slider_latency(app, app.k_slider, values)
    image = sample_image(app.image_dropdown.value)
    naive = time_calls(naive_frame, [(image, k) for k in values[::6]])
    report("ColorExplorer: colour slider (427x640 photo)", ours, naive, target_ms=100)


if __name__ == "__main__":
    main()
