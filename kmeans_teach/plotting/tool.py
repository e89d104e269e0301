"""Lesson 09's figures: accuracy against the number of labels bought."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = ["BudgetCurveArtists", "plot_budget_curves", "update_budget_curves",
           "plot_budget_study"]

# Okabe-Ito colours, as the other lessons use
_RANDOM, _REPRESENTATIVE, _PROPAGATED = "#999999", "#0072B2", "#D55E00"
#: one colour per propagated share in :func:`plot_budget_study` (Okabe-Ito, then repeat)
_SHARE_COLORS = ("#D55E00", "#009E73", "#CC79A7", "#E69F00")


class BudgetCurveArtists(NamedTuple):
    """What :func:`plot_budget_curves` drew.

    Attributes
    ----------
    propagated : Line2D
        The propagated curve for the chosen share.
    markers : Line2D
        The three accuracies at the chosen budget.
    current : Line2D
        The vertical line at the chosen budget.
    curves : BudgetCurves
        The curves drawn, to update from.
    """

    propagated: object  # Line2D: the propagated curve for the chosen share
    markers: object  # Line2D: the three accuracies at the chosen budget
    current: object  # Line2D: the vertical line at the chosen budget
    curves: object  # BudgetCurves, to update from


def plot_budget_curves(ax, curves, budget, share, *, legend_loc="lower right"):
    """Draw test accuracy (%) against labels bought: random, representative, propagated.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    curves : BudgetCurves
        From :func:`kmeans_teach.label_budget_curves`.
    budget : int
        The budget marked (one of ``curves.budgets``).
    share : float
        The propagated curve shown (one of ``curves.shares``).
    legend_loc : str, default="lower right"
        Where the legend goes (fixed, so that it does not jump as the curve changes).

    Returns
    -------
    artists : BudgetCurveArtists
        What was drawn, to pass to :func:`update_budget_curves`.
    """
    x = np.asarray(curves.budgets)
    percent = 100.0 / curves.n_test
    ax.plot(x, curves.random * percent, "o-", color=_RANDOM, label="random labels")
    ax.plot(x, curves.representative * percent, "s-", color=_REPRESENTATIVE,
            label="representatives")
    (propagated,) = ax.plot(x, x * 0.0, "^-", color=_PROPAGATED, label="propagated (share chosen)")
    (markers,) = ax.plot([], [], "o", markersize=11, markerfacecolor="none",
                         markeredgecolor="black", markeredgewidth=1.5)
    current = ax.axvline(budget, color="black", linewidth=1, linestyle=":")
    ax.set_xlabel("labels bought")
    ax.set_ylabel("test accuracy (%)")
    low = min(curves.random.min(), curves.representative.min(), curves.propagated.min())
    ax.set_ylim(max(0.0, low * percent - 5), 100)
    ax.set_xlim(0, x.max() + 5)
    ax.grid(alpha=0.3)
    ax.legend(loc=legend_loc)
    artists = BudgetCurveArtists(propagated, markers, current, curves)
    return update_budget_curves(artists, budget, share)


def update_budget_curves(artists, budget, share):
    """Show the propagated curve of ``share`` and mark ``budget``.

    Parameters
    ----------
    artists : BudgetCurveArtists
        What :func:`plot_budget_curves` returned.
    budget : int
        The budget to mark (one of ``curves.budgets``).
    share : float
        The propagated curve to show (one of ``curves.shares``).

    Returns
    -------
    artists : BudgetCurveArtists
        The same artists, changed in place.
    """
    curves = artists.curves
    percent = 100.0 / curves.n_test
    j = curves.shares.index(share)
    i = curves.budgets.index(budget)
    artists.propagated.set_data(curves.budgets, curves.propagated[:, j] * percent)
    artists.markers.set_data(
        [budget] * 3,
        [curves.random[i] * percent, curves.representative[i] * percent,
         curves.propagated[i, j] * percent])
    artists.current.set_xdata([budget, budget])
    return artists


def plot_budget_study(ax, study, *, target=None, legend_loc="lower right"):
    """Draw mean validation accuracy (%) over the seeds, with the lowest and highest seed as a band.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    study : BudgetStudy
        From :func:`kmeans_teach.label_budget_study`.
    target : float or None, default=None
        A target accuracy (a fraction) drawn as a horizontal line.
    legend_loc : str, default="lower right"
        Where the legend goes.

    Returns
    -------
    lines : list of Line2D
        The mean curves: random, representatives, then one per share.
    """
    x = np.asarray(study.budgets)
    percent = 100.0 / study.n_validation
    plans = [("random", None, "random labels", _RANDOM, "o-"),
             ("representative", None, "representatives", _REPRESENTATIVE, "s-")]
    plans += [("propagated", share, f"propagated to {share:.0%} of each cluster",
               _SHARE_COLORS[j % len(_SHARE_COLORS)], "^-")
              for j, share in enumerate(study.shares)]
    lines = []
    for method, share, label, color, style in plans:
        counts = study.counts(method, share) * percent
        (line,) = ax.plot(x, counts.mean(axis=0), style, color=color, label=label)
        ax.fill_between(x, counts.min(axis=0), counts.max(axis=0), color=color, alpha=0.18,
                        linewidth=0)
        lines.append(line)
    if target is not None:
        ax.axhline(100 * target, color="black", linewidth=1, linestyle=":",
                   label=f"target {target:.0%}")
    ax.set_xlabel("labels bought")
    ax.set_ylabel("validation accuracy (%)")
    low = min(study.random.min(), study.representative.min(), study.propagated.min())
    ax.set_ylim(max(0.0, low * percent - 5), 100)
    ax.set_xlim(0, x.max() + 5)
    ax.grid(alpha=0.3)
    from matplotlib.patches import Patch

    handles, _ = ax.get_legend_handles_labels()
    band = Patch(color="grey", alpha=0.3, label="shaded: lowest to highest seed")
    ax.legend(handles=[*handles, band], loc=legend_loc)
    return lines
