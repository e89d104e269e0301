"""KExplorer: slide over k and see what each way of choosing k says about it."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import check_int, check_X
from ..choosing_k import fit_k, gap_statistic, kneedle
from ..datasets import lesson_blobs
from ..plotting import (
    plot_k_clustering,
    plot_k_curve,
    plot_silhouette,
    update_k_clustering,
    update_k_curve,
    update_silhouette,
)
from .base import SliderApp
from .progress import progress

__all__ = ["KExplorer"]


class KExplorer(SliderApp):
    """A slider over k: the clustering, its silhouette diagram, and k on three curves.

    Top: k-means with the chosen k (points, centers, regions) and the
    silhouette diagram of that clustering. Bottom: the elbow (inertia, with
    the Kneedle knee), the mean silhouette and the gap statistic (with the
    1-SE choice), each with the current k marked.

    Every k is fitted once, when the app is built (with a progress bar);
    moving the slider only redraws.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        The data; None means the 300 blobs of lesson 01.
    n_clusters : int, default=6
        Where the slider starts (lesson 03 opens with k = 6 on 4 blobs).
    max_k : int, default=10
        The slider runs over k = 1 .. max_k.
    n_init : int, default=10
        Best of this many k-means++ runs for each k.
    n_refs : int, default=10
        Reference data sets for the gap statistic.
    random_state : int, RandomState instance or None, default=0
        Seed of the k-means fits and of the gap statistic's reference data.
    show_progress : bool, default=True
        Show progress bars while fitting (tests and benchmarks pass False).

    Attributes
    ----------
    fits : tuple of KFit
        One per k, ``fits[k - 1]``.
    gap : GapResult
        The gap statistic over k = 1 .. max_k.
    knee : int or None
        The elbow's knee found by :func:`kmeans_teach.kneedle`.
    best_silhouette : int
        The k with the largest mean silhouette.

    Examples
    --------
    >>> app = KExplorer(show_progress=False)
    >>> app
    KExplorer(n_clusters=6: elbow says 4, silhouette says 4, gap says 4 (k = 1..10, 300 points))
    >>> app.k_slider.value = 4
    >>> app.status.value
    'k = 4 · inertia 212 · mean silhouette 0.682 · gap 1.412 ± 0.029'
    """

    def __init__(self, X=None, n_clusters=6, *, max_k=10, n_init=10, n_refs=10,
                 random_state=0, show_progress=True):
        self.X = lesson_blobs()[0] if X is None else check_X(X)
        if self.X.shape[1] != 2:
            raise ValueError(f"KExplorer draws points in the plane, so X needs 2 columns, but "
                             f"it has {self.X.shape[1]}. Project it first, e.g. with PCA.")
        n_distinct = len(np.unique(self.X, axis=0))
        max_k = check_int(max_k, "max_k", low=3, high=n_distinct - 1,
                          fix=f" The curves need at least k = 1..3, and the gap statistic "
                              f"needs k below the number of distinct points ({n_distinct}).")
        n_clusters = check_int(n_clusters, "n_clusters", low=1, high=max_k,
                               fix=f" The slider runs over 1..max_k = 1..{max_k}.")
        ks = list(range(1, max_k + 1))

        # --- the one-time computation --------------------------------------------------
        self.fits = tuple(
            fit_k(self.X, k, n_init=n_init, random_state=random_state)
            for k in progress(ks, "k-means for every k", show=show_progress))
        self.gap = gap_statistic(
            self.X, ks, n_refs=n_refs, random_state=random_state,
            progress=lambda items: progress(items, "gap statistic", show=show_progress))
        inertia = np.array([f.inertia for f in self.fits])
        self.knee = kneedle(ks, inertia)
        sil = np.array([f.silhouette_mean for f in self.fits[1:]])
        self.best_silhouette = int(ks[1 + int(np.argmax(sil))])

        # --- controls and figure -------------------------------------------------------
        self.k_slider = widgets.IntSlider(n_clusters, 1, max_k, description="n_clusters",
                                          continuous_update=True)
        super().__init__([self.k_slider], figsize=(10, 6.6),
                         alt="k-means for the chosen k, its silhouette diagram, and the "
                             "elbow, silhouette and gap curves with k marked")
        grid = self.figure.add_gridspec(2, 6, height_ratios=[1.25, 1], left=0.085, right=0.98,
                                        bottom=0.08, top=0.95, hspace=0.35, wspace=0.9)
        ax_points = self.figure.add_subplot(grid[0, :3])
        ax_sil = self.figure.add_subplot(grid[0, 3:])
        ax_elbow, ax_mean, ax_gap = (self.figure.add_subplot(grid[1, 2 * i:2 * i + 2])
                                     for i in range(3))
        fit = self.fit
        self._clustering = plot_k_clustering(ax_points, self.X, fit)
        lows = [f.silhouette.min() for f in self.fits[1:]]
        self._silhouette = plot_silhouette(ax_sil, fit.silhouette, fit.labels,
                                           xlim=(min(-0.2, 1.1 * min(lows)), 1.0))
        knee = self.knee
        self._curves = (
            plot_k_curve(ax_elbow, ks, inertia, choice=knee, choice_label="knee (Kneedle)",
                         current=n_clusters, ylabel="inertia", legend_loc="upper right"),
            plot_k_curve(ax_mean, ks[1:], sil, choice=self.best_silhouette,
                         choice_label="largest", current=n_clusters, ylabel="mean silhouette",
                         legend_loc="upper right"),
            plot_k_curve(ax_gap, self.gap.k, self.gap.gap, yerr=self.gap.sk,
                         choice=self.gap.choice, choice_label="1-SE rule", current=n_clusters,
                         ylabel="gap", legend_loc="lower right"),
        )
        ax_elbow.set_title("Elbow")
        ax_mean.set_title("Silhouette")
        ax_gap.set_title("Gap statistic")
        self._animate([*self._clustering, *self._silhouette,
                       *(a for c in self._curves for a in (c.current, c.current_line))])
        self._watch(self.k_slider)
        self.refresh()

    @property
    def fit(self):
        """The KFit shown now."""
        return self.fits[self.k_slider.value - 1]

    # --- SliderApp hooks -------------------------------------------------------------------
    def _state_key(self):
        return self.k_slider.value

    def _draw(self):
        fit = self.fit
        update_k_clustering(self._clustering, fit)
        update_silhouette(self._silhouette, fit.silhouette, fit.labels)
        for curve in self._curves:
            update_k_curve(curve, fit.n_clusters)

    def _status(self):
        fit = self.fit
        i = fit.n_clusters - 1
        sil = "none (k = 1)" if fit.silhouette_mean is None else f"{fit.silhouette_mean:.3f}"
        return (f"k = {fit.n_clusters} · inertia {fit.inertia:.4g} · mean silhouette {sil} · "
                f"gap {self.gap.gap[i]:.3f} ± {self.gap.sk[i]:.3f}")

    def __repr__(self):
        knee = "nothing" if self.knee is None else self.knee
        return self._describe(f"elbow says {knee}, silhouette says {self.best_silhouette}, "
                              f"gap says {self.gap.choice} (k = 1..{len(self.fits)}, "
                              f"{len(self.X)} points)", n_clusters=self.k_slider.value)
