"""Playground: every action, from the click or key to the new image, against the naive app.

The naive app reruns k-means from the placed centers up to the half-step
shown and draws a brand-new figure, of the same size and pixel density, for
every action. The frame cache is cleared before each action (cold: every
frame is really drawn). Target: a median of at most 50 ms, and at least 2x
faster than naive.
"""

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import new_figure_like, report  # noqa: E402

import numpy as np  # noqa: E402

from kmeans_teach import Playground, kmeans_steps, playground_data  # noqa: E402
from kmeans_teach.plotting import plot_playground, update_playground  # noqa: E402
from kmeans_teach.plotting._axes import padded_limits  # noqa: E402

CENTERS = [(-2.0, 3.0), (0.5, 4.5), (2.0, 1.0), (-1.5, 8.0)]


def naive_frame(app, X, centers, index):
    """Rerun k-means from the centers to half-step ``index`` and draw a new figure."""
    steps = []
    if len(centers):
        for step in kmeans_steps(X, len(centers), init=np.asarray(centers)):
            steps.append(step)
            if len(steps) > index:
                break
    figure = new_figure_like(app)
    ax = figure.subplots()
    xlim, ylim = padded_limits(X)
    artists = plot_playground(ax, X, xlim=xlim, ylim=ylim)
    step = steps[-1] if steps else None
    update_playground(artists, X, step, steps[-2] if len(steps) > 1 else None, title="")
    figure.savefig(io.BytesIO(), format="png")


def action_latency(app, actions):
    """Milliseconds from each action (a callable) to the new image, frames cleared first."""
    times = []
    for act in actions:
        app.clear_cache()
        before = app.image.value
        start = time.perf_counter()
        act()
        times.append(1000 * (time.perf_counter() - start))
        if app.last_error is not None or app.image.value is before:
            raise AssertionError(f"no new frame: {app.status.value}")
    return times


def click(app, point):
    width, height = app.figure.canvas.get_width_height()
    x, y = app.ax.transData.transform(point)
    return lambda: app.handle_event({"type": "click", "relativeX": x / 2,
                                     "relativeY": (height - y) / 2,
                                     "boundingRectWidth": width / 2,
                                     "boundingRectHeight": height / 2})


def interleaved(app, actions, naive_args, rounds=3):
    ours, base = [], []
    for r in range(rounds):
        ours += action_latency(app, actions[r::rounds])
        for args in naive_args[r::rounds]:
            start = time.perf_counter()
            naive_frame(*args)
            base.append(1000 * (time.perf_counter() - start))
    return ours, base


def main():
    app = Playground()
    X = app.X
    app.place(CENTERS)
    n = len(app.trace)
    key = {"ArrowRight": lambda: app.handle_event({"type": "keydown", "key": "ArrowRight"}),
           "ArrowLeft": lambda: app.handle_event({"type": "keydown", "key": "ArrowLeft"})}

    # Step forward to the end, then Back to the start (buttons and arrow keys alike)
    actions = [app.buttons["Step"].click] * (n - 1) + [key["ArrowLeft"]] * (n - 1)
    indices = list(range(1, n)) + list(range(n - 2, -1, -1))
    ours, naive = [], []
    for _ in range(2):
        o, b = interleaved(app, actions, [(app, X, CENTERS, i) for i in indices], rounds=1)
        ours, naive = ours + o, naive + b
    report("Playground: Step / Back (buttons, keys)", ours, naive, target_ms=50)

    runs = []
    for _ in range(8):
        runs += [app.buttons["Run to the end"].click, app.buttons["Reset"].click]
    ours, naive = interleaved(app, runs, [(app, X, CENTERS, n - 1 if i % 2 == 0 else 0)
                                          for i in range(len(runs))])
    report("Playground: Run to the end / Reset", ours, naive, target_ms=50)

    # clicks: add a center at a new place, then remove it again
    spots = [(x, y) for x in (-6.0, -3.0, 4.0) for y in (-2.0, 10.0)]
    clicks, naive_args = [], []
    for spot in spots:
        clicks += [click(app, spot), click(app, spot)]
        naive_args += [(app, X, CENTERS + [spot], 0), (app, X, CENTERS, 0)]
    ours, naive = interleaved(app, clicks, naive_args)
    report("Playground: click to add / remove a center", ours, naive, target_ms=50)

    # the menus: another data set (its background is drawn at build), random start
    app.start_dropdown.value = "random"
    names = list(app.data_dropdown.options)[1:] + list(app.data_dropdown.options)[:1]
    menu = [lambda v=v: setattr(app.data_dropdown, "value", v) for v in names]
    naive_args = []
    for name in names:
        data = playground_data(name)
        naive_args.append((app, data, data[:4], 0))
    ours, naive = interleaved(app, menu, naive_args, rounds=2)
    report("Playground: data menu", ours, naive, target_ms=50)
    ks = [2, 3, 5, 6, 7, 8, 9, 10, 1, 4]
    sliders = [lambda v=v: setattr(app.k_slider, "value", v) for v in ks]
    ours, naive = interleaved(app, sliders, [(app, X, X[:k], 0) for k in ks])
    report("Playground: n_clusters slider (random start)", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
