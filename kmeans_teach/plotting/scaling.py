"""How the cost grows: fit times against n, and E-step sweeps, on log-log axes.

On log-log axes a power law ``time = c * size ** p`` is a straight line of
slope ``p``; a grey guide line of slope 1 ("twice the size, twice the time")
is drawn for comparison. Each method keeps one colour and one marker from the
shared palette.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..scaling import loglog_slope
from .clusters import CLUSTER_COLORS, CLUSTER_MARKERS

__all__ = [
    "FitTimesArtists",
    "SweepArtists",
    "plot_fit_times",
    "update_fit_times",
    "plot_sweep",
    "update_sweep",
]

_GUIDE_COLOR = "#999999"

#: Axis labels for the columns of FitTimes that can be plotted.
_Y_LABELS = {
    "seconds": "fit time (s)",
    "seconds_per_iter": "time per pass over the data (s)",
    "seconds_per_step": "time per center update (s)",
    "relative_inertia": "inertia / best inertia at this n",
}
_X_LABELS = {
    "n_samples": "n, number of points",
    "n_clusters": "k, number of clusters",
    "n_features": "d, number of features",
}


class FitTimesArtists(NamedTuple):
    """What :func:`plot_fit_times` draws.

    Attributes
    ----------
    lines : tuple
        One Line2D per method, in FitTimes.methods order.
    guide : Line2D or None
        A line of slope 1 through the first method's middle point.
    """

    lines: tuple  # one Line2D per method, in FitTimes.methods order
    guide: object  # Line2D of slope 1 through the first method's middle point, or None


def _guide_data(x, y):
    """A line of slope 1 on log-log axes through the geometric middle of (x, y)."""
    x = np.asarray(x, dtype=float)
    middle = np.exp(np.log(y).mean() - np.log(x).mean())
    return x, middle * x


def _label(method, x, y, show_slope):
    if show_slope and len(x) >= 2:
        return f"{method} (slope {loglog_slope(x, y):.2f})"
    return method


def _check_y(y):
    if y not in _Y_LABELS:
        raise ValueError(f"y must be one of {list(_Y_LABELS)}, but got {y!r}.")


def _check_methods(times, methods):
    if methods is None:
        return times.methods
    if isinstance(methods, str):
        methods = [methods]
    unknown = [m for m in methods if m not in times.methods]
    if unknown or not methods:
        raise ValueError(
            f"methods must be a non-empty list drawn from {list(times.methods)}, "
            f"but got {list(methods)}."
        )
    return tuple(methods)


def plot_fit_times(ax, times, *, y="seconds", methods=None, slopes=True, guide=True, **kwargs):
    """One line per method: a column of a FitTimes against n.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    times : FitTimes
        From :func:`kmeans_teach.time_fits`.
    y : {"seconds", "seconds_per_iter", "seconds_per_step", "relative_inertia"}, default="seconds"
        What to plot. Times go on log-log axes; relative inertia on a log x axis.
    methods : sequence of str, optional
        Which methods to draw (default: all, in ``times.methods`` order).
        Each method keeps its colour and marker whichever subset is drawn.
    slopes : bool, default=True
        Put each line's log-log slope in the legend (times only).
    guide : bool, default=True
        Draw a grey line of slope 1 for comparison (times only).
    **kwargs
        Passed on to every ``ax.plot`` call of the method lines.

    Returns
    -------
    artists : FitTimesArtists
        What was drawn, to pass to :func:`update_fit_times`.
    """
    _check_y(y)
    methods = _check_methods(times, methods)
    is_time = y != "relative_inertia"
    lines = []
    for method in methods:
        i = times.methods.index(method)
        x, v = times.column("n_samples", method), times.column(y, method)
        style = {"color": CLUSTER_COLORS[i % len(CLUSTER_COLORS)],
                 "marker": CLUSTER_MARKERS[i % len(CLUSTER_MARKERS)], **kwargs}
        (line,) = ax.plot(x, v, label=_label(method, x, v, slopes and is_time), **style)
        lines.append(line)
    guide_line = None
    if guide and is_time and lines:
        gx, gy = _guide_data(*lines[0].get_data())
        (guide_line,) = ax.plot(gx, gy, color=_GUIDE_COLOR, linestyle="--", linewidth=1,
                                label="slope 1 (time ∝ n)", zorder=0)
    ax.set_xscale("log")
    if is_time:
        ax.set_yscale("log")
    ax.set_xlabel(_X_LABELS["n_samples"])
    ax.set_ylabel(_Y_LABELS[y])
    ax.legend(fontsize="small")
    return FitTimesArtists(tuple(lines), guide_line)


def update_fit_times(artists, times, *, y="seconds", methods=None, slopes=True):
    """Give the lines of :func:`plot_fit_times` new timings (same methods, same order).

    Parameters
    ----------
    artists : FitTimesArtists
        What :func:`plot_fit_times` returned.
    times : FitTimes
        The new timings.
    y : {"seconds", "seconds_per_iter", "seconds_per_step", "relative_inertia"}, default="seconds"
        What to plot, as in :func:`plot_fit_times`.
    methods : sequence of str, optional
        The methods drawn (default: all), as many as the plot has lines.
    slopes : bool, default=True
        Put each line's log-log slope in the legend (times only).

    Returns
    -------
    artists : FitTimesArtists
        The same artists, changed in place (the Axes rescaled).

    Raises
    ------
    ValueError
        If the number of methods differs from the number of lines drawn.
    """
    _check_y(y)
    methods = _check_methods(times, methods)
    if len(methods) != len(artists.lines):
        raise ValueError(
            f"times has {len(methods)} methods to draw but the plot has {len(artists.lines)} "
            "lines: draw a new plot for a different set of methods."
        )
    is_time = y != "relative_inertia"
    for line, method in zip(artists.lines, methods):
        x, v = times.column("n_samples", method), times.column(y, method)
        line.set_data(x, v)
        line.set_label(_label(method, x, v, slopes and is_time))
    if artists.guide is not None:
        artists.guide.set_data(*_guide_data(*artists.lines[0].get_data()))
    ax = artists.lines[0].axes
    ax.relim()
    ax.autoscale_view()
    if ax.get_legend() is not None:
        ax.legend(fontsize="small")
    return artists


class SweepArtists(NamedTuple):
    """What :func:`plot_sweep` draws.

    Attributes
    ----------
    points : Line2D
        The measured times.
    fit : Line2D
        The least-squares line on log-log axes.
    guide : Line2D or None
        A line of slope 1.
    """

    points: object  # Line2D: the measured times
    fit: object  # Line2D: the least-squares line on log-log axes
    guide: object  # Line2D of slope 1, or None


def _fit_data(sweep):
    x = np.asarray(sweep.values, dtype=float)
    lx, ly = np.log(x), np.log(sweep.seconds)
    slope = sweep.slope
    return x, np.exp(ly.mean() + slope * (lx - lx.mean())), slope


def _fit_label(label, slope):
    prefix = "fit" if label in (None, "measured") else f"{label} fit"
    return f"{prefix}: slope {slope:.2f}"


def plot_sweep(ax, sweep, *, color=None, marker=None, label=None, guide=True,
               ylabel="time of one E-step (s)", fit=True):
    """E-step times as one size grows, with their fitted log-log line.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    sweep : SweepTimes
        From :func:`kmeans_teach.time_assign`; needs at least two values.
    color, marker : matplotlib colour and marker, optional
        Default: the palette's first colour and marker.
    label : str, optional
        Legend name of the measured points; the fitted line's label gives its slope.
    guide : bool, default=True
        Draw a grey line of slope 1 for comparison.
    ylabel : str, default="time of one E-step (s)"
        What the times are, for the y axis.
    fit : bool, default=True
        Draw the least-squares line through all the points, its slope in the
        legend. With False the points are joined by a thin line instead: for
        data that bend, where one straight line would mislead.

    Returns
    -------
    artists : SweepArtists
        What was drawn, to pass to :func:`update_sweep`.
    """
    if len(sweep.values) < 2:
        raise ValueError("a sweep needs at least two values to show how time grows.")
    color = CLUSTER_COLORS[0] if color is None else color
    marker = CLUSTER_MARKERS[0] if marker is None else marker
    x, fitted, slope = _fit_data(sweep)
    (points,) = ax.plot(x, sweep.seconds, linestyle="none", marker=marker, color=color,
                        label=label or "measured")
    if fit:
        (fit,) = ax.plot(x, fitted, color=color, linewidth=1.5, label=_fit_label(label, slope))
    else:  # joined, not fitted; the SweepArtists field keeps the joining line
        (fit,) = ax.plot(x, sweep.seconds, color=color, linewidth=1, label="_nolegend_")
    guide_line = None
    if guide:
        (guide_line,) = ax.plot(*_guide_data(x, sweep.seconds), color=_GUIDE_COLOR,
                                linestyle="--", linewidth=1, label="slope 1", zorder=0)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(_X_LABELS[sweep.vary])
    ax.set_ylabel(ylabel)
    fixed = ", ".join(f"{_X_LABELS[k].split(',')[0]} = {v:,}" for k, v in sweep.fixed)
    ax.set_title(fixed, fontsize="medium")
    ax.legend(fontsize="small")
    return SweepArtists(points, fit, guide_line)


def update_sweep(artists, sweep):
    """Give the artists of :func:`plot_sweep` a new sweep of the same size.

    Parameters
    ----------
    artists : SweepArtists
        What :func:`plot_sweep` returned.
    sweep : SweepTimes
        The new timings (at least two values).

    Returns
    -------
    artists : SweepArtists
        The same artists, changed in place (the Axes rescaled).

    Raises
    ------
    ValueError
        If the sweep has fewer than two values.
    """
    if len(sweep.values) < 2:
        raise ValueError("a sweep needs at least two values to show how time grows.")
    x, fitted, slope = _fit_data(sweep)
    artists.points.set_data(x, sweep.seconds)
    if artists.fit.get_label() == "_nolegend_":  # drawn with fit=False: joins the points
        artists.fit.set_data(x, sweep.seconds)
    else:
        artists.fit.set_data(x, fitted)
        artists.fit.set_label(_fit_label(artists.points.get_label(), slope))
    if artists.guide is not None:
        artists.guide.set_data(*_guide_data(x, sweep.seconds))
    ax = artists.points.axes
    ax.relim()
    ax.autoscale_view()
    if ax.get_legend() is not None:
        ax.legend(fontsize="small")
    return artists
