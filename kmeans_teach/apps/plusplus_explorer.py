"""PlusPlusExplorer: k-means++ seeding, one pick at a time."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import check_int
from ..datasets import lesson_blobs
from ..plotting.seeds import plot_d2_cumulative, plot_d2_probabilities
from ..plotting.seeds import update_d2_cumulative, update_d2_probabilities
from ..seeding import kmeans_plusplus_steps
from .base import SliderApp
from .progress import progress

__all__ = ["PlusPlusExplorer"]


class PlusPlusExplorer(SliderApp):
    """Slide through the picks of k-means++: every point's chance before each pick.

    Left: the points, bigger and darker the likelier they are to be the next
    center, with the centers chosen so far and a ring on the point that was
    picked. Right: the chances laid end to end; the random draw u (dashed)
    picks the point where the running sum first goes past it.

    The picks for every seed are computed once when the app is built (the
    same picks as scikit-learn's ``kmeans_plusplus`` with ``n_local_trials=1``);
    the sliders only redraw.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        The data; None means the 300 blobs of lesson 01.
    n_clusters : int, default=4
        Number of centers k-means++ picks.
    n_seeds : int, default=200
        The seed slider runs over 0 .. n_seeds - 1.
    seed : int, default=0
        The seed shown first.
    show_progress : bool, default=True
        Show a progress bar while the picks are computed (tests pass False).

    Attributes
    ----------
    picks : dict of {int: tuple of SeedingPick}
        The picks of every seed.

    Examples
    --------
    >>> app = PlusPlusExplorer(show_progress=False)
    >>> app
    PlusPlusExplorer(n_clusters=4, seed=0, pick=1: point 164, chance 0.33%)
    >>> app.pick_slider.value = 2
    >>> app.status.value
    'seed 0 · pick 2 of 4 · draw u = 0.715 → point 220, chance 0.47% (the likeliest point had 1.03%)'
    """

    def __init__(self, X=None, n_clusters=4, *, n_seeds=200, seed=0, show_progress=True):
        self.X = lesson_blobs()[0] if X is None else np.asarray(X, dtype=float)
        if self.X.ndim != 2 or self.X.shape[1] != 2:
            raise ValueError(f"X must have shape (n_samples, 2) to be drawn; got {self.X.shape}.")
        n_seeds = check_int(n_seeds, "n_seeds", low=1)
        check_int(seed, "seed", low=0, high=n_seeds - 1,
                  fix=" The slider runs over the seeds 0 .. n_seeds - 1.")
        # check the arguments once, with the engine's own messages
        kmeans_plusplus_steps(self.X, n_clusters, random_state=0)
        self.n_clusters = n_clusters
        self.picks = {
            s: tuple(kmeans_plusplus_steps(self.X, n_clusters, random_state=s))
            for s in progress(range(n_seeds), "k-means++ picks, every seed", show=show_progress)
        }
        self.pick_slider = widgets.IntSlider(1, 1, n_clusters, description="pick",
                                             continuous_update=True)
        self.seed_slider = widgets.IntSlider(seed, 0, n_seeds - 1, description="seed",
                                             continuous_update=True)
        super().__init__([widgets.HBox([self.pick_slider, self.seed_slider])],
                         figsize=(10, 4.2),
                         alt="k-means++: each point's chance of being the next center")
        self._ax_map, self._ax_cum = self.figure.subplots(
            1, 2, gridspec_kw=dict(width_ratios=[1, 1.15]))
        self.figure.subplots_adjust(left=0.05, right=0.98, bottom=0.13, top=0.9, wspace=0.2)
        self._map = plot_d2_probabilities(self._ax_map, self.X, self.pick, n_clusters=n_clusters)
        self._cum = plot_d2_cumulative(self._ax_cum, self.pick)
        self._ax_cum.set_title("The draw u picks where the running sum passes it")
        self._animate([*self._map, *self._cum])
        self._watch(self.pick_slider, self.seed_slider)
        self.refresh()

    @property
    def pick(self):
        """The SeedingPick shown now."""
        return self.picks[self.seed_slider.value][self.pick_slider.value - 1]

    # --- SliderApp hooks --------------------------------------------------------
    def _state_key(self):
        return (self.seed_slider.value, self.pick_slider.value)

    def _draw(self):
        update_d2_probabilities(self._map, self.X, self.pick)
        update_d2_cumulative(self._cum, self.pick)

    def _status(self):
        pick = self.pick
        chance = pick.probabilities[pick.index]
        return (f"seed {self.seed_slider.value} · pick {pick.pick + 1} of {self.n_clusters} · "
                f"draw u = {pick.draw:.3f} → point {pick.index}, chance {chance:.2%} "
                f"(the likeliest point had {pick.probabilities.max():.2%})")

    def __repr__(self):
        pick = self.pick
        return self._describe(f"point {pick.index}, chance {pick.probabilities[pick.index]:.2%}",
                              n_clusters=self.n_clusters, seed=self.seed_slider.value,
                              pick=pick.pick + 1)
