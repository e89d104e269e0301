"""SigmaExplorer: a Gaussian mixture with one shared variance sigma², hardening into k-means."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..datasets import lesson_blobs
from ..engine import run_kmeans
from ..failures import kmeans_limit, spherical_responsibilities
from ..plotting import soft_colors
from ..plotting.clusters import CLUSTER_COLORS
from .base import SliderApp
from .progress import progress

__all__ = ["SigmaExplorer"]

#: the slider's variances, from soft (4) to hard (1e-6), as in lesson 08's table
SIGMA2_VALUES = (4.0, 1.0, 0.5, 0.1, 1e-2, 1e-4, 1e-6)


class SigmaExplorer(SliderApp):
    """A slider over the shared spherical variance sigma² of an equal-weight mixture.

    Left: the points in soft colours (each point mixes the components' colours
    by its responsibilities) after EM with that fixed sigma², EM's means (x)
    and k-means' centers from the same start (rings). Right: the hardness (the
    mean, over the points, of the largest responsibility) against sigma², the
    value shown marked. As sigma² falls the colours harden into k-means'
    assignment, and EM's means land on k-means' centers; the status line says
    whether EM then took the same steps as k-means (``failures.kmeans_limit``).

    Every sigma² is run and its frame rendered once, when the app is built.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        The data; None means the lesson's blobs.
    init : ndarray of shape (n_clusters, 2), default=None
        The initial centers (the means of EM, the centers of k-means);
        None means the first 4 points of X.
    sigma2 : float, default=1.0
        Where the slider starts (one of ``SIGMA2_VALUES``).
    show_progress : bool, default=True
        Show a progress bar while the runs are computed (tests pass False).

    Examples
    --------
    >>> app = SigmaExplorer(show_progress=False)
    >>> app.sigma2_slider.value = 1e-6
    >>> app.status.value.split(" · ")[-1]
    'same steps as k-means: True'
    """

    def __init__(self, X=None, init=None, *, sigma2=1.0, show_progress=True):
        if X is None:
            X = lesson_blobs()[0]
        self.X = np.asarray(X, dtype=float)
        if self.X.ndim != 2 or self.X.shape[1] != 2:
            raise ValueError(f"X must be 2-D points of shape (n_samples, 2) to be drawn, "
                             f"but got shape {self.X.shape}.")
        self.init = self.X[:4] if init is None else np.asarray(init, dtype=float)
        if sigma2 not in SIGMA2_VALUES:
            raise ValueError(f"sigma2 must be one of {SIGMA2_VALUES}, but got {sigma2!r}.")
        # 1. EM with each fixed variance, and k-means, from the same start (the engine's truth)
        self.checks = {s: kmeans_limit(self.X, self.init, s)
                       for s in progress(SIGMA2_VALUES, "EM per variance", show=show_progress)}
        self.kmeans_centers = self._kmeans_centers()
        self.sigma2_slider = widgets.SelectionSlider(
            options=[(f"{s:g}", s) for s in SIGMA2_VALUES], value=sigma2,
            description="σ²", continuous_update=True)
        super().__init__([self.sigma2_slider], figsize=(10, 4.2),
                         alt="points in soft colours for a shared variance sigma squared, "
                             "and the hardness of the responsibilities against sigma squared")
        ax_points, ax_hard = self.figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1]})
        # 2. left: soft colours, EM's means, k-means' centers
        self._points = ax_points.scatter(*self.X.T, s=14, linewidths=0)
        ax_points.scatter(*self.kmeans_centers.T, s=220, facecolors="none", edgecolors="black",
                          linewidths=1.5, label="k-means' centers")
        colors = [CLUSTER_COLORS[k % len(CLUSTER_COLORS)] for k in range(len(self.init))]
        self._means = ax_points.scatter(*self.init.T, s=90, marker="X", c=colors,
                                        edgecolors="black", linewidths=1, label="EM's means")
        ax_points.legend(loc="lower left", fontsize="small")
        ax_points.set(xlabel="x1", ylabel="x2")
        ax_points.set_title("EM with one fixed variance σ²")
        # 3. right: hardness against sigma², the value shown marked
        hardness = [self.checks[s].hardness for s in SIGMA2_VALUES]
        ax_hard.semilogx(SIGMA2_VALUES, hardness, "o-", color="0.4")
        (self._marker,) = ax_hard.plot([], [], "o", color="crimson", markersize=12)
        ax_hard.invert_xaxis()  # soft on the left, hard on the right
        ax_hard.set(xlabel="σ² (shared variance)", ylabel="hardness", ylim=(0, 1.05))
        ax_hard.set_title("Hardness: mean largest responsibility")
        self.figure.tight_layout()
        self._animate([self._points, self._means, self._marker])
        self._watch(self.sigma2_slider)
        self.refresh()
        self._prerender([{self.sigma2_slider: s} for s in SIGMA2_VALUES])
        self.refresh()

    def _kmeans_centers(self):
        return run_kmeans(self.X, len(self.init), init=self.init, tol=0.0).final.centers

    # --- SliderApp hooks -------------------------------------------------------------------
    def _state_key(self):
        return self.sigma2_slider.value

    def _draw(self):
        check = self.checks[self.sigma2_slider.value]
        r = spherical_responsibilities(self.X, check.means, check.sigma2)
        self._points.set_facecolors(soft_colors(r))
        self._means.set_offsets(check.means)
        self._marker.set_data([check.sigma2], [check.hardness])

    def _status(self):
        c = self.checks[self.sigma2_slider.value]
        return (f"σ² = {c.sigma2:g} · hardness {c.hardness:.3f} · EM {c.n_steps} M-steps, "
                f"k-means {c.n_kmeans} · same steps as k-means: {c.same_steps}")

    def __repr__(self):
        return self._describe(self._status().split(" · ", 1)[1], sigma2=self.sigma2_slider.value)
