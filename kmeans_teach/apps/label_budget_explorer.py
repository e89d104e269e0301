"""LabelBudgetExplorer: how many labels to buy, and which images to label."""

from __future__ import annotations

import ipywidgets as widgets

from ..plotting import plot_budget_curves, plot_digit_grid, update_budget_curves, update_digit_grid
from ..datasets import digits_split
from ..semi_supervised import BUDGETS, SHARES, label_budget_curves
from .base import SliderApp
from .progress import progress

__all__ = ["LabelBudgetExplorer"]


class LabelBudgetExplorer(SliderApp):
    """Sliders over the labels bought and the share propagated, with the accuracy curves.

    Left: test accuracy against labels bought, for random labelled images,
    for the representatives of k-means with that many clusters, and for the
    representatives' labels propagated to the chosen share of each cluster;
    the chosen budget is marked. Right: the representative images, the ones
    you would label.

    Every budget is computed once, when the app is built (with a progress
    bar); the curves are shared with :func:`kmeans_teach.label_budget_curves`
    and the lesson's checkers. Every frame is rendered then too (there are
    only budgets x shares of them): moving a slider only shows it.

    Parameters
    ----------
    n_labels : int, default=50
        Where the budget slider starts (one of ``budgets``).
    share : float, default=0.2
        Where the share slider starts (one of ``shares``).
    budgets : tuple of int, default=BUDGETS
        The label budgets the budget slider offers.
    shares : tuple of float, default=SHARES
        The shares of each cluster that the labels are propagated to.
    random_state : int, RandomState instance or None, default=0
        Passed on to :func:`kmeans_teach.label_budget_curves`.
    show_progress : bool, default=True
        Show a progress bar while the curves are computed (tests pass False).

    Examples
    --------
    >>> app = LabelBudgetExplorer(budgets=(10, 50), shares=(0.2, 1.0), show_progress=False)
    >>> app.budget_slider.value = 10
    >>> app.status.value.split(" · ")[0]
    '10 labels'
    """

    def __init__(self, n_labels=50, share=0.2, *, budgets=BUDGETS, shares=SHARES,
                 random_state=0, show_progress=True):
        budgets, shares = tuple(budgets), tuple(float(s) for s in shares)
        if n_labels not in budgets:
            raise ValueError(f"n_labels must be one of the budgets {budgets}, but got "
                             f"{n_labels!r}.")
        if share not in shares:
            raise ValueError(f"share must be one of the shares {shares}, but got {share!r}.")
        self.split = digits_split()
        self.curves = label_budget_curves(
            budgets, shares, random_state=random_state,
            progress=lambda items: progress(items, "k-means and classifiers per budget",
                                            show=show_progress))
        self.budget_slider = widgets.SelectionSlider(
            options=list(budgets), value=n_labels, description="labels",
            continuous_update=True)
        self.share_slider = widgets.SelectionSlider(
            options=[(f"{s:.0%}", s) for s in shares], value=float(share),
            description="propagated to", style={"description_width": "initial"},
            continuous_update=True)
        super().__init__([widgets.HBox([self.budget_slider, self.share_slider])],
                         figsize=(10, 4.4),
                         alt="test accuracy against labels bought for random, representative "
                             "and propagated labels, and the representative images")
        grid = self.figure.add_gridspec(1, 2, width_ratios=[1.1, 1], left=0.08, right=0.99,
                                        bottom=0.12, top=0.9, wspace=0.12)
        ax_curves = self.figure.add_subplot(grid[0])
        ax_images = self.figure.add_subplot(grid[1])
        self._curves = plot_budget_curves(ax_curves, self.curves, n_labels, float(share))
        ax_curves.set_title("Test accuracy")
        self._grid = plot_digit_grid(ax_images, self._images(), n_tiles=max(budgets),
                                     n_cols=20)
        ax_images.set_title("The images you would label (representatives)")
        self._animate([self._curves.propagated, self._curves.markers, self._curves.current,
                       self._grid.image])
        self._watch(self.budget_slider, self.share_slider)
        self.refresh()
        # few states (budgets x shares): render every frame now, so a move only shows it
        self._prerender([{self.budget_slider: b, self.share_slider: s}
                         for b in budgets for s in shares])
        self.refresh()  # the artists back to the state shown (its frame is cached)

    def _images(self):
        index = self.curves.representative_index[self.curves.budgets.index(
            self.budget_slider.value)]
        return self.split.X_train[index] * 16.0  # back to the 0..16 grey levels of the grid

    # --- SliderApp hooks -------------------------------------------------------------------
    def _state_key(self):
        return self.budget_slider.value, self.share_slider.value

    def _draw(self):
        update_budget_curves(self._curves, self.budget_slider.value, self.share_slider.value)
        update_digit_grid(self._grid, self._images())

    def _status(self):
        b, s = self.budget_slider.value, self.share_slider.value
        c = self.curves
        i, j = c.budgets.index(b), c.shares.index(s)
        n = c.n_test
        return (f"{b} labels · test accuracy: random {c.random[i] / n:.1%}, "
                f"representatives {c.representative[i] / n:.1%}, propagated to {s:.0%} "
                f"{c.propagated[i, j] / n:.1%} ({c.propagated_right[i, j]:.1%} of the "
                f"propagated labels right) · {n} test images")

    def __repr__(self):
        b, s = self.budget_slider.value, self.share_slider.value
        return self._describe(self._status().split(" · ", 1)[1], n_labels=b, share=s)
