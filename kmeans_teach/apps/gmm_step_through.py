"""GMMStepThrough: watch EM fit a Gaussian mixture one half-step at a time."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._threads import limit_threads
from .._validation import check_int, check_X
from ..datasets import stretched_blobs
from ..gmm import COVARIANCE_TYPES, run_gmm
from ..plotting import (plot_gmm_step, plot_log_likelihood, update_gmm_step,
                        update_log_likelihood)
from ..plotting._axes import padded_limits
from .base import SliderApp
from .progress import progress

__all__ = ["GMMStepThrough"]

_STOP_WORDS = {"log-likelihood change below tol": "converged: the log-likelihood changed by less than tol",
               "max_iter reached": "stopped without converging: max_iter reached"}
_PHASE_WORDS = {"init": "initial parameters", "expect": "E-step (responsibilities)",
                "maximize": "M-step (weights, means, covariances)"}


class GMMStepThrough(SliderApp):
    """Slide through EM for a Gaussian mixture: init, then each E-step and M-step.

    Points are coloured by their responsibilities (a point shared by two
    components gets a mix of their colours); each component has an ellipse at 1
    and 2 standard deviations; the right panel is the mean log-likelihood, with
    the current half-step marked. Every run (each n_components, seed and
    covariance_type) is computed once when the app is built; then the controls
    only redraw.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), default=None
        None means the lesson's stretched blobs (where k-means fails).
    n_components : int, default=3
        Where the n_components slider starts.
    seed : int, default=0
        The random_state of the k-means initialisation.
    covariance_type : {"full", "tied", "diag", "spherical"}, default="full"
        The shape of the covariances, as in scikit-learn's ``GaussianMixture``.
    n_seeds : int, default=3
        The seed slider runs over 0 .. n_seeds - 1.
    max_components : int, default=4
        The n_components slider runs over 1 .. max_components.
    max_iter : int, default=100
        Passed on to :func:`kmeans_teach.run_gmm`.
    tol : float, default=1e-3
        Passed on to :func:`kmeans_teach.run_gmm`.
    reg_covar : float, default=1e-6
        Passed on to :func:`kmeans_teach.run_gmm`.
    show_progress : bool, default=True
        Show a progress bar while the runs are computed (tests pass False).

    Examples
    --------
    >>> app = GMMStepThrough(n_seeds=2, max_components=3, show_progress=False)
    >>> app.step_slider.value = 1
    >>> app.status.value
    'Iteration 1 · E-step (responsibilities) · mean log-likelihood -2.933'
    """

    def __init__(self, X=None, n_components=3, *, seed=0, covariance_type="full",
                 n_seeds=3, max_components=4, max_iter=100, tol=1e-3, reg_covar=1e-6,
                 show_progress=True):
        self.X = stretched_blobs()[0] if X is None else check_X(X)
        if self.X.shape[1] != 2:
            raise ValueError(f"GMMStepThrough draws points in the plane, so X needs 2 columns, "
                             f"but it has {self.X.shape[1]}. Project it first, e.g. with PCA.")
        max_components = check_int(max_components, "max_components", low=1, high=len(self.X))
        n_components = check_int(n_components, "n_components", low=1, high=max_components,
                                 fix=f" The slider runs over 1 .. max_components = {max_components}.")
        n_seeds = check_int(n_seeds, "n_seeds", low=1)
        seed = check_int(seed, "seed", low=0, high=n_seeds - 1,
                         fix=" The slider runs over the seeds 0 .. n_seeds - 1.")
        if covariance_type not in COVARIANCE_TYPES:
            raise ValueError(f"covariance_type must be one of {COVARIANCE_TYPES}, "
                             f"but got {covariance_type!r}.")
        options = dict(max_iter=max_iter, tol=tol, reg_covar=reg_covar)
        cases = [(k, s, c) for k in range(1, max_components + 1) for s in range(n_seeds)
                 for c in COVARIANCE_TYPES]
        # the heavy part, once: every run the controls can ask for (on one thread:
        # scikit-learn's k-means start is 20x slower on a busy 2-core machine otherwise)
        with limit_threads():
            self.traces = {(k, s, c): run_gmm(self.X, k, covariance_type=c, random_state=s, **options)
                           for k, s, c in progress(cases, "EM runs, every n_components, seed "
                                                   "and covariance_type", show=show_progress)}
        self._limits = padded_limits(self.X)
        self._ll_limits = {k: _ll_limits([t for key, t in self.traces.items() if key[0] == k])
                           for k in range(1, max_components + 1)}

        self.step_slider = widgets.IntSlider(0, 0, 1, description="half-step")
        self.play = widgets.Play(interval=700, min=0, max=1, description="Play")
        widgets.jslink((self.play, "value"), (self.step_slider, "value"))
        self.k_slider = widgets.IntSlider(n_components, 1, max_components,
                                          description="n_components", continuous_update=False)
        self.seed_slider = widgets.IntSlider(seed, 0, n_seeds - 1, description="seed",
                                             continuous_update=False)
        self.covariance_dropdown = widgets.Dropdown(options=list(COVARIANCE_TYPES),
                                                    value=covariance_type,
                                                    description="covariance")
        controls = [widgets.HBox([self.play, self.step_slider]),
                    widgets.HBox([self.k_slider, self.seed_slider, self.covariance_dropdown])]
        super().__init__(controls, figsize=(10, 4.2),
                         alt="EM for a Gaussian mixture: soft colours, ellipses, log-likelihood")
        self._ax_data, self._ax_ll = self.figure.subplots(
            1, 2, gridspec_kw=dict(width_ratios=[1.3, 1]))
        self.figure.subplots_adjust(left=0.05, right=0.98, bottom=0.13, top=0.92, wspace=0.25)
        self._ax_ll.set_title("The log-likelihood never goes down")
        self._new_run()
        self._precompute_backgrounds(range(1, max_components + 1), self._show_scale)
        self._watch(self.step_slider)
        self._watch(self.k_slider, self.seed_slider, self.covariance_dropdown,
                    handler=lambda _change: self._new_run())

    def _key(self):
        return (self.k_slider.value, self.seed_slider.value, self.covariance_dropdown.value)

    def _new_run(self):
        self.trace = self.traces[self._key()]
        first = not hasattr(self, "_data_artists")
        if (first or len(self._data_artists.ellipses) != 2 * self.k_slider.value
                or self._data_artists.covariance_type != self.covariance_dropdown.value):
            if not first:
                a = self._data_artists
                for artist in (a.points, *a.ellipses, a.means):
                    artist.remove()
            self._data_artists = plot_gmm_step(
                self._ax_data, self.X, self.trace[0], covariance_type=self.covariance_dropdown.value,
                xlim=self._limits[0], ylim=self._limits[1])
            if first:
                self._ll_artists = plot_log_likelihood(self._ax_ll, self.trace, current=0)
            a = self._data_artists
            self._animate([a.points, *a.ellipses, a.means, a.title, *self._ll_artists],
                          axes_that_change=[self._ax_ll], keep_background=not first)
        update_log_likelihood(self._ll_artists, self.trace, 0, new_trace=True)
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
        return (*self._key(), self.step_slider.value)

    def _background_key(self):
        return self.k_slider.value

    def _show_scale(self, n_components):
        xlim, ylim = self._ll_limits[n_components]
        self._ax_ll.set_xlim(xlim)
        self._ax_ll.set_ylim(ylim)

    def _draw(self):
        i = self.step_slider.value
        update_gmm_step(self._data_artists, self.X, self.trace[i])
        update_log_likelihood(self._ll_artists, self.trace, i)
        self._show_scale(self.k_slider.value)

    def _status(self):
        step = self.step
        words = [f"Iteration {step.iteration}", _PHASE_WORDS[step.phase]]
        if step.log_likelihood is not None:
            words.append(f"mean log-likelihood {step.log_likelihood:.3f}")
        if step.stop_reason:
            words.append(_STOP_WORDS.get(step.stop_reason, step.stop_reason))
        return " · ".join(words)

    @property
    def step(self):
        """The GMMStep shown now."""
        return self.trace[self.step_slider.value]

    def __repr__(self):
        return self._describe(f"{_PHASE_WORDS[self.step.phase]}, {len(self.trace)} half-steps in all",
                              n_components=self.k_slider.value, seed=self.seed_slider.value,
                              covariance_type=self.covariance_dropdown.value,
                              step=self.step_slider.value)


def _ll_limits(traces):
    """One scale for the log-likelihood curves of these runs: (xlim, ylim), 5 % margins."""
    points = [(i + 1, v) for t in traces for i, v in enumerate(t.log_likelihoods)]
    return padded_limits(np.array(points + [(0, points[0][1])]), pad=0.05)
