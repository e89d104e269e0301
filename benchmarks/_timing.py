"""Shared timing helpers for the benchmarks (run by `make bench`, not by the tests).

The machine is noisy, so every benchmark measures our code and its baseline
side by side in the same run, and the verdict is about the median and the ratio.
"""

from __future__ import annotations

import statistics
import time


def time_calls(func, args_list, repeat=1):
    """Milliseconds taken by ``func(*args)`` for each args in ``args_list`` (best of ``repeat``)."""
    times = []
    for args in args_list:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            func(*args)
            best = min(best, 1000 * (time.perf_counter() - start))
        times.append(best)
    return times


def slider_latency(app, slider, values, *, cold=True):
    """Milliseconds from setting ``slider.value`` to the app's image being set.

    ``cold=True`` clears the frame cache before each move, so every frame is
    really drawn: the cost of a slider value the app has not shown yet.
    ``cold=False`` keeps the frames the app drew when it was built (an app
    with few states draws them all then): what the user gets.
    (Two values can show the same picture, so what is checked is that a
    frame was rendered and shown, not that the bytes differ.)
    """
    times = []
    render = app.render_png
    rendered = []

    def counting(**options):
        rendered.append(1)
        return render(**options)

    app.render_png = counting
    try:
        for value in values:
            if cold:
                app.clear_cache()
            if slider.value == value:  # not a move: nothing would happen
                continue
            start = time.perf_counter()
            before = len(rendered)
            slider.value = value
            elapsed = time.perf_counter() - start
            if (cold and len(rendered) == before) or app.last_error is not None:
                raise AssertionError(f"moving {slider.description} to {value!r} drew no frame: "
                                     f"{app.status.value}")
            times.append(1000 * elapsed)
    finally:
        del app.render_png
    return times


def compare(app, control, values, naive, naive_args, *, rounds=3, cold=True):
    """Our latency on ``values`` and the naive function's on ``naive_args``, interleaved.

    Each round times a share of both, so that both see the same machine load.
    Returns (ours_ms, naive_ms), lists of milliseconds.
    """
    ours, base = [], []
    for r in range(rounds):
        ours += slider_latency(app, control, values[r::rounds], cold=cold)
        base += time_calls(naive, naive_args[r::rounds])
    return ours, base


def new_figure_like(app):
    """A brand-new figure of the app's size and pixel density (the naive way draws one)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=app.figure.get_size_inches(), dpi=app.figure.dpi)
    FigureCanvasAgg(figure)
    return figure


def report(name, ours_ms, baseline_ms, *, target_ms=None, baseline="naive", min_ratio=2.0):
    """Print one benchmark line: our median, the baseline's, the ratio and the verdicts."""
    ours, base = statistics.median(ours_ms), statistics.median(baseline_ms)
    verdict = ""
    if target_ms is not None:
        verdict = f"  target <= {target_ms:g} ms: {'OK' if ours <= target_ms else 'MISSED'}"
    if min_ratio is not None:
        verdict += f", >= {min_ratio:g}x: {'OK' if base / ours >= min_ratio else 'MISSED'}"
    print(f"{name:<44} median {ours:8.1f} ms   {baseline} {base:8.1f} ms   "
          f"{base / ours:5.1f}x faster{verdict}")
    return ours, base
