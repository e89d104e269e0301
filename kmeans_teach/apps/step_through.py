"""StepThrough: watch Lloyd's algorithm one half-step at a time."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..datasets import lesson_blobs
from ..engine import run_kmeans
from ..plotting import plot_inertia, plot_step, update_inertia, update_step
from .base import SliderApp

__all__ = ["StepThrough"]

_PHASE_WORDS = {
    "init": "initial centers",
    "assign": "assign (E-step)",
    "update": "update (M-step)",
}


class StepThrough(SliderApp):
    """Slide through k-means: initial centers, then each E-step and M-step.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        The data; None means the 300 blobs of lesson 01.
    n_clusters : int, default=4
    random_state : int, default=34
        Seed for the random initial centers (the seed slider starts here).
    init : {"random", "k-means++"}, default="random"
    max_iter, tol, empty :
        Passed on to :func:`kmeans_teach.run_kmeans`.

    Attributes
    ----------
    trace : Trace
        The run being shown. It is computed once per (n_clusters, seed);
        moving the step slider only redraws.

    Examples
    --------
    >>> app = StepThrough()
    >>> app
    StepThrough(n_clusters=4, seed=34, step 0/23: initial centers)
    >>> app.step_slider.value = 2
    >>> app.status.value
    'Iteration 1 · update (M-step) · inertia 580.1 · centers moved 4.62 (sum of squares)'
    """

    def __init__(self, X=None, n_clusters=4, *, random_state=34, init="random",
                 max_iter=300, tol=1e-4, empty="relocate"):
        self.X = lesson_blobs()[0] if X is None else np.asarray(X, dtype=float)
        self._options = dict(init=init, max_iter=max_iter, tol=tol, empty=empty)
        self.step_slider = widgets.IntSlider(0, 0, 1, description="half-step",
                                             continuous_update=True)
        self.play = widgets.Play(interval=700, min=0, max=1, description="Play")
        widgets.jslink((self.play, "value"), (self.step_slider, "value"))
        self.k_slider = widgets.IntSlider(n_clusters, 1, 10, description="n_clusters",
                                          continuous_update=False)
        self.seed_slider = widgets.IntSlider(random_state, 0, 99, description="seed",
                                             continuous_update=False)
        controls = [
            widgets.HBox([self.play, self.step_slider]),
            widgets.HBox([self.k_slider, self.seed_slider]),
        ]
        super().__init__(controls, figsize=(10, 4.2),
                         alt="k-means step by step: data, centers and inertia curve")
        self._ax_step, self._ax_inertia = self.figure.subplots(
            1, 2, gridspec_kw=dict(width_ratios=[1.3, 1]))
        self.figure.subplots_adjust(left=0.05, right=0.98, bottom=0.13, top=0.92, wspace=0.2)
        self._new_run()
        self._watch(self.step_slider)
        self.k_slider.observe(self._on_run_change, names="value")
        self.seed_slider.observe(self._on_run_change, names="value")

    # --- a new run: recompute the trace once, redraw the axes -------------------
    def _new_run(self):
        self.trace = run_kmeans(self.X, self.k_slider.value,
                                random_state=self.seed_slider.value, **self._options)
        for ax in (self._ax_step, self._ax_inertia):
            ax.clear()
        self._step_artists = plot_step(self._ax_step, self.X, self.trace[0])
        self._inertia_artists = plot_inertia(self._ax_inertia, self.trace, current=0)
        self._ax_inertia.set_title("Inertia never goes up")
        self._animate([*self._step_artists, self._inertia_artists.current])
        last = len(self.trace) - 1
        self._frozen = True  # one redraw for the whole change, not one per trait
        with self.hold_trait_notifications():
            self.step_slider.value = 0
            self.step_slider.max = last
            self.play.max = last
            self.play.value = 0
        self._frozen = False
        self.refresh()

    def _on_run_change(self, _change):
        self._new_run()

    # --- SliderApp hooks --------------------------------------------------------
    def _state_key(self):
        return (self.k_slider.value, self.seed_slider.value, self.step_slider.value)

    def _draw(self):
        i = self.step_slider.value
        previous = self.trace[i - 1] if i > 0 else None
        update_step(self._step_artists, self.trace[i], previous)
        update_inertia(self._inertia_artists, self.trace, i)

    def _status(self):
        step = self.trace[self.step_slider.value]
        words = [f"Iteration {step.iteration}", _PHASE_WORDS[step.phase]]
        if step.inertia is not None:
            words.append(f"inertia {step.inertia:.1f}")
        if step.phase == "assign" and step.iteration > 1:
            words.append(f"{step.n_changed} points changed cluster")
        if step.phase == "update":
            words.append(f"centers moved {step.center_shift:.3g} (sum of squares)")
        if step.emptied:
            words.append(f"cluster(s) {list(step.emptied)} emptied")
        if step.stop_reason:
            words.append(f"converged: {step.stop_reason}")
        return " · ".join(words)

    @property
    def step(self):
        """The Step shown now."""
        return self.trace[self.step_slider.value]

    def __repr__(self):
        return (f"StepThrough(n_clusters={self.k_slider.value}, seed={self.seed_slider.value}, "
                f"step {self.step_slider.value}/{len(self.trace) - 1}: "
                f"{_PHASE_WORDS[self.step.phase]})")
