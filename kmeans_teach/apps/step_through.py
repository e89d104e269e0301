"""StepThrough: watch Lloyd's algorithm one half-step at a time."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..datasets import lesson_blobs
from ..engine import run_kmeans
from ..plotting import plot_inertia, plot_step, update_inertia, update_inertia_curve, update_step
from .._validation import check_int, check_X
from ..plotting._axes import padded_limits
from .base import SliderApp
from .progress import progress

__all__ = ["StepThrough"]

#: why a run stopped, as the status line says it
_STOP_WORDS = {
    "labels unchanged": "converged: no point changed cluster",
    "center shift within tol": "converged: the centers moved less than tol",
    "max_iter reached": "stopped without converging: max_iter reached",
}

_PHASE_WORDS = {
    "init": "initial centers",
    "assign": "assign (E-step)",
    "update": "update (M-step)",
}


class StepThrough(SliderApp):
    """Slide through k-means: initial centers, then each E-step and M-step.

    Every run (each n_clusters and seed of the sliders) is computed once when
    the app is built, with a progress bar; then every slider only redraws.
    For each n_clusters the inertia panel keeps one scale for all seeds, so
    two seeds can be compared by eye.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        The data; None means the 300 blobs of lesson 01.
    n_clusters : int, default=4
        Where the n_clusters slider starts (it runs over 1 .. max_clusters).
    seed : int, default=34
        Where the seed slider starts: the seed of the random initial centers.
    init : {"random", "k-means++"}, default="random"
        How the initial centers are drawn.
    max_iter : int, default=300
        Passed on to :func:`kmeans_teach.run_kmeans`.
    tol : float, default=1e-4
        Passed on to :func:`kmeans_teach.run_kmeans`.
    empty : {"relocate", "keep", "nan"}, default="relocate"
        Passed on to :func:`kmeans_teach.run_kmeans`.
    n_seeds : int, default=100
        The seed slider runs over 0 .. n_seeds - 1.
    max_clusters : int, default=10
        The n_clusters slider runs over 1 .. max_clusters.
    show_progress : bool, default=True
        Show a progress bar while the runs are computed (tests pass False).

    Attributes
    ----------
    traces : dict of {(int, int): Trace}
        ``(n_clusters, seed) -> Trace`` for every slider position.
    trace : Trace
        The run shown now.

    Examples
    --------
    >>> app = StepThrough(show_progress=False)
    >>> app
    StepThrough(n_clusters=4, seed=34, step=0: initial centers, 24 half-steps in all)
    >>> app.step_slider.value = 2
    >>> app.status.value
    'Iteration 1 · update (M-step) · inertia 580.1 · centers moved 4.62 (sum of squares)'
    """

    def __init__(self, X=None, n_clusters=4, *, seed=34, init="random",
                 max_iter=300, tol=1e-4, empty="relocate", n_seeds=100, max_clusters=10,
                 show_progress=True):
        self.X = lesson_blobs()[0] if X is None else check_X(X)
        if self.X.shape[1] != 2:
            raise ValueError(f"StepThrough draws points in the plane, so X needs 2 columns, "
                             f"but it has {self.X.shape[1]}. Project it first, e.g. with PCA.")
        max_clusters = check_int(max_clusters, "max_clusters", low=1, high=len(self.X),
                                 fix=" It cannot exceed the number of points.")
        n_clusters = check_int(n_clusters, "n_clusters", low=1, high=max_clusters,
                               fix=f" The slider runs over 1 .. max_clusters = {max_clusters}.")
        n_seeds = check_int(n_seeds, "n_seeds", low=1)
        seed = check_int(seed, "seed", low=0, high=n_seeds - 1,
                         fix=" The slider runs over the seeds 0 .. n_seeds - 1.")
        options = dict(init=init, max_iter=max_iter, tol=tol, empty=empty)
        # the heavy part, once: every run the sliders can ask for
        pairs = [(k, s) for k in range(1, max_clusters + 1) for s in range(n_seeds)]
        self.traces = {(k, s): run_kmeans(self.X, k, random_state=s, **options)
                       for k, s in progress(pairs, "k-means runs, every n_clusters and seed",
                                            show=show_progress)}
        self._inertia_limits = {k: _inertia_limits([self.traces[k, s] for s in range(n_seeds)])
                                for k in range(1, max_clusters + 1)}

        self.step_slider = widgets.IntSlider(0, 0, 1, description="half-step",
                                             continuous_update=True)
        self.play = widgets.Play(interval=700, min=0, max=1, description="Play")
        widgets.jslink((self.play, "value"), (self.step_slider, "value"))
        self.k_slider = widgets.IntSlider(n_clusters, 1, max_clusters, description="n_clusters",
                                          continuous_update=False)
        self.seed_slider = widgets.IntSlider(seed, 0, n_seeds - 1, description="seed",
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
        self._ax_inertia.set_title("Inertia never goes up")
        self._new_run()
        self._precompute_backgrounds(range(1, max_clusters + 1), self._show_scale)
        self._watch(self.step_slider)
        self._watch(self.k_slider, self.seed_slider, handler=lambda _change: self._new_run())

    # --- a new run: new artists on the data panel, the inertia panel's scale ----
    def _new_run(self):
        self.trace = self.traces[self.k_slider.value, self.seed_slider.value]
        first = not hasattr(self, "_step_artists")
        if first or len(self._step_artists.centers.get_offsets()) != self.k_slider.value:
            if not first:  # the animated artists of the last run (the title is reused)
                for artist in (*self._step_artists[:-1], *self._inertia_artists):
                    if artist is not None:
                        artist.remove()
            # the data panel keeps its limits, so only its (animated) artists are new
            self._step_artists = plot_step(self._ax_step, self.X, self.trace[0])
            self._inertia_artists = plot_inertia(self._ax_inertia, self.trace, current=0)
            self._animate([*self._step_artists, *self._inertia_artists],
                          axes_that_change=[self._ax_inertia], keep_background=not first)
        else:  # same n_clusters: the same artists show the new run
            update_inertia_curve(self._inertia_artists, self.trace)
        last = len(self.trace) - 1
        # one redraw for the whole change, not one per trait (error or not, the
        # app answers moves again afterwards)
        with self._frozen_controls(), self.hold_trait_notifications():
            self.step_slider.value = 0
            self.step_slider.max = last
            self.play.max = last
            self.play.value = 0
        self.refresh()

    # --- SliderApp hooks --------------------------------------------------------
    def _state_key(self):
        return (self.k_slider.value, self.seed_slider.value, self.step_slider.value)

    def _background_key(self):
        return self.k_slider.value  # the inertia panel's scale

    def _draw(self):
        i = self.step_slider.value
        previous = self.trace[i - 1] if i > 0 else None
        update_step(self._step_artists, self.trace[i], previous)
        update_inertia(self._inertia_artists, self.trace, i)
        self._show_scale(self.k_slider.value)

    def _show_scale(self, n_clusters):
        """The inertia panel's scale for n_clusters: the static part that changes."""
        xlim, ylim = self._inertia_limits[n_clusters]
        self._ax_inertia.set_xlim(xlim)
        self._ax_inertia.set_ylim(ylim)

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
            words.append(_STOP_WORDS.get(step.stop_reason, step.stop_reason))
        return " · ".join(words)

    @property
    def step(self):
        """The Step shown now."""
        return self.trace[self.step_slider.value]

    def __repr__(self):
        return self._describe(f"{_PHASE_WORDS[self.step.phase]}, {len(self.trace)} half-steps "
                              f"in all", n_clusters=self.k_slider.value,
                              seed=self.seed_slider.value, step=self.step_slider.value)


def _inertia_limits(traces):
    """One scale for the inertia curves of these runs: (xlim, ylim), 5 % margins.

    Every point of every curve, (half-step, inertia), fits; so does (0, 0) when
    all curves are flat (one cluster, one half-step), so the scale never collapses.
    """
    points = [(i, s.inertia) for t in traces for i, s in enumerate(t) if i > 0]
    return padded_limits(np.array([*points, (0, 0)] if len(points) < 2 else points), pad=0.05)
