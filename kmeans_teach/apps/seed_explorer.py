"""SeedExplorer: the converged clustering of every seed, and where its inertia falls."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import check_int
from ..datasets import lesson_blobs
from ..plotting.clusters import CLUSTER_COLORS
from ..plotting.seeds import plot_clustering, plot_inertia_histogram
from ..plotting.seeds import update_clustering, update_inertia_histogram
from ..seeding import INITS, scan_seeds
from .base import SliderApp
from .progress import progress

__all__ = ["SeedExplorer"]

_HIST_COLORS = {"random": "#444444", "k-means++": CLUSTER_COLORS[0]}


class SeedExplorer(SliderApp):
    """Slide over the random seed: each seed's final clustering and its inertia.

    All runs (one per seed, for random and for k-means++ starts) are computed
    once when the app is built, with a progress bar; moving the slider or
    switching the start only redraws.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        The data; None means the 300 blobs of lesson 01.
    n_clusters : int, default=4
        Number of clusters of every run.
    n_seeds : int, default=200
        The seeds 0, 1, ..., n_seeds - 1.
    seed : int or None, default=None
        The seed shown first; None means the worst one: the seed whose run
        with the chosen start ended with the largest inertia.
    init : {"random", "k-means++"}, default="random"
        The start shown first (the toggle switches it).
    show_progress : bool, default=True
        Show a progress bar while the runs are computed (False in tests).

    Attributes
    ----------
    scans : dict of {str: SeedScan}
        The runs, for each start.
    optimum : float
        The smallest final inertia of all runs: the best clustering found.

    Examples
    --------
    >>> app = SeedExplorer(show_progress=False)
    >>> app
    SeedExplorer(n_clusters=4, init='random', seed=67: inertia 798.7, 3.77 × the best found (212.0); 161 of 200 runs reach the best)
    >>> app.init_toggle.value = "k-means++"
    >>> app.status.value
    'seed 67 · k-means++ start · final inertia 212.0, the best found · 199 of 200 k-means++ runs reach the best'
    """  # noqa: E501 (a doctest's output, one line)

    def __init__(self, X=None, n_clusters=4, *, n_seeds=200, seed=None, init="random",
                 show_progress=True):
        if init not in INITS:
            raise ValueError(f"init must be one of {INITS}; got {init!r}.")
        self.X = lesson_blobs()[0] if X is None else np.asarray(X, dtype=float)
        if self.X.ndim != 2 or self.X.shape[1] != 2:
            raise ValueError(f"X must have shape (n_samples, 2) to be drawn; got {self.X.shape}.")
        n_seeds = check_int(n_seeds, "n_seeds", low=1)
        seeds = range(n_seeds)
        if seed is not None:
            check_int(seed, "seed", low=0, high=n_seeds - 1,
                      fix=" The slider runs over the seeds 0 .. n_seeds - 1.")
        # the heavy part, once: one run per seed and start
        self.scans = {
            name: scan_seeds(self.X, n_clusters,
                             progress(seeds, f"k-means runs, {name} start", show=show_progress),
                             init=name)
            for name in INITS
        }
        self.optimum = float(min(scan.inertias.min() for scan in self.scans.values()))
        self.n_clusters = n_clusters
        seed = self.scans[init].worst_seed if seed is None else seed

        self.seed_slider = widgets.IntSlider(seed, 0, n_seeds - 1, description="seed",
                                             continuous_update=True)
        self.init_toggle = widgets.ToggleButtons(options=list(INITS), value=init,
                                                 description="start")
        super().__init__([widgets.HBox([self.seed_slider, self.init_toggle])],
                         figsize=(10, 4.2),
                         alt="final clustering for one seed, and the histogram of all final inertias")
        self._ax_map, self._ax_hist = self.figure.subplots(
            1, 2, gridspec_kw=dict(width_ratios=[1, 1.25]))
        self.figure.subplots_adjust(left=0.05, right=0.98, bottom=0.13, top=0.9, wspace=0.22)
        self._build()
        self._watch(self.seed_slider, self.init_toggle)
        self.refresh()

    def _build(self):
        scan = self.scan
        row = scan.position(self.seed_slider.value)
        self._map = plot_clustering(self._ax_map, self.X, scan.labels[row], scan.centers[row])
        self._map_title = self._ax_map.set_title("")
        # both histograms on the same bins, so switching the start compares them
        everything = np.concatenate([s.inertias for s in self.scans.values()])
        span = (everything.min(), everything.max())
        pad = 0.03 * (span[1] - span[0]) or 1.0
        bins = np.linspace(span[0] - pad, span[1] + pad, 41)
        self._hists = {
            name: plot_inertia_histogram(self._ax_hist, s.inertias, bins=bins,
                                         color=_HIST_COLORS[name], label=f"{name} start")
            for name, s in self.scans.items()
        }
        self._ax_hist.set_xlim(bins[0], bins[-1])
        self._ax_hist.axvline(self.optimum, color="#999999", linestyle=":", zorder=1)
        self._hist_title = self._ax_hist.set_title("")
        self._show_init(self.init_toggle.value)
        # the histogram panel is the part that changes with the start: one background each
        self._animate([*self._map, self._map_title,
                       *(a for h in self._hists.values() for a in (h.marker, h.note))],
                      axes_that_change=[self._ax_hist])
        self._precompute_backgrounds(INITS, self._show_init)

    def _show_init(self, init):
        """Show the histogram of one start: the static part that changes."""
        for name, artists in self._hists.items():
            for bar in artists.bars:
                bar.set_visible(name == init)
            artists.marker.set_visible(name == init)
            artists.note.set_visible(name == init)
        self._hist_title.set_text(f"Final inertia of {len(self.scans[init])} runs, {init} start")

    @property
    def scan(self):
        """The SeedScan of the start shown now."""
        return self.scans[self.init_toggle.value]

    @property
    def inertia(self):
        """Final inertia of the run shown now."""
        return float(self.scan.inertias[self.scan.position(self.seed_slider.value)])

    # --- SliderApp hooks --------------------------------------------------------
    def _state_key(self):
        return (self.init_toggle.value, self.seed_slider.value)

    def _background_key(self):
        return self.init_toggle.value

    def _draw(self):
        self._show_init(self.init_toggle.value)
        scan = self.scan
        row = scan.position(self.seed_slider.value)
        update_clustering(self._map, scan.labels[row], scan.centers[row])
        self._map_title.set_text(f"seed {self.seed_slider.value}: inertia {self.inertia:.1f}")
        update_inertia_histogram(self._hists[self.init_toggle.value], self.inertia)

    def _verdict(self):
        if self.inertia <= self.optimum * (1 + 1e-3):
            return "the best found"
        return f"{self.inertia / self.optimum:.2f} × the best found ({self.optimum:.1f})"

    def _status(self):
        scan = self.scan
        n_reached = int(scan.reached(self.optimum).sum())
        return (f"seed {self.seed_slider.value} · {self.init_toggle.value} start · "
                f"final inertia {self.inertia:.1f}, {self._verdict()} · "
                f"{n_reached} of {len(scan)} {self.init_toggle.value} runs reach the best")

    def __repr__(self):
        scan = self.scan
        n_reached = int(scan.reached(self.optimum).sum())
        return self._describe(f"inertia {self.inertia:.1f}, {self._verdict()}; "
                              f"{n_reached} of {len(scan)} runs reach the best",
                              n_clusters=self.n_clusters, init=self.init_toggle.value,
                              seed=self.seed_slider.value)
