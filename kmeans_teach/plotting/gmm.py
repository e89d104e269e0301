"""Drawing a Gaussian mixture's EM (lesson 08): soft colours, covariance ellipses, likelihood."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.patches import Ellipse

from ._axes import padded_limits
from .clusters import CLUSTER_COLORS, UNLABELLED_COLOR

__all__ = ["GMMArtists", "plot_gmm_step", "update_gmm_step", "soft_colors",
           "covariance_ellipse", "LikelihoodArtists", "plot_log_likelihood",
           "update_log_likelihood"]

#: the ellipses drawn per component: 1 and 2 standard deviations
N_SD = (1, 2)
_PHASES = {"init": "initial parameters", "expect": "E-step: responsibilities",
           "maximize": "M-step: weights, means, covariances"}


def soft_colors(responsibilities):
    """RGB of every point: the component colours mixed by its responsibilities.

    Parameters
    ----------
    responsibilities : ndarray of shape (n_samples, n_components) or None
        Each point's probability of belonging to each component (rows sum to 1).

    Returns
    -------
    colors : ndarray of shape (n_samples, 3) or None
        The palette's colours weighted by the responsibilities, clipped to
        [0, 1]; None when ``responsibilities`` is None (before the first E-step).
    """
    if responsibilities is None:
        return None
    palette = np.array([to_rgb(CLUSTER_COLORS[k % len(CLUSTER_COLORS)])
                        for k in range(responsibilities.shape[1])])
    return np.clip(responsibilities @ palette, 0, 1)


def _covariance_2d(step, covariance_type, k):
    """Component k's 2x2 covariance, whatever scikit-learn shape it is kept in."""
    c = np.asarray(step.covariances)
    return {"full": lambda: c[k], "tied": lambda: c, "diag": lambda: np.diag(c[k]),
            "spherical": lambda: np.eye(2) * c[k]}[covariance_type]()


def covariance_ellipse(mean, covariance, n_sd):
    """The ellipse that is ``n_sd`` standard deviations from the mean of a 2-D Gaussian.

    Parameters
    ----------
    mean : array-like of shape (2,)
        The Gaussian's mean.
    covariance : ndarray of shape (2, 2)
        Its covariance matrix (negative eigenvalues from rounding count as 0).
    n_sd : float
        How many standard deviations out the ellipse lies.

    Returns
    -------
    center : tuple of float
        The mean.
    width, height : float
        The ellipse's axes, along the largest and the smallest eigenvector.
    angle : float
        The angle of the width's axis, in degrees from the x axis, as
        ``matplotlib.patches.Ellipse`` takes it.
    """
    values, vectors = np.linalg.eigh(covariance)
    values = np.maximum(values, 0)
    angle = float(np.degrees(np.arctan2(vectors[1, 1], vectors[0, 1])))
    return (tuple(mean), 2 * n_sd * float(np.sqrt(values[1])),
            2 * n_sd * float(np.sqrt(values[0])), angle)


class GMMArtists(NamedTuple):
    """What :func:`plot_gmm_step` draws.

    Attributes
    ----------
    points : PathCollection
        The data, in soft colours.
    ellipses : list of Ellipse
        Two per component, at 1 and at 2 standard deviations.
    means : PathCollection
        The components' means.
    title : Text
        The Axes title: the iteration and the half-step.
    covariance_type : str
        The mixture's covariance type, to read the covariances of later steps.
    """
    points: object
    ellipses: list   # 2 per component: 1 sd, then 2 sd
    means: object
    title: object
    covariance_type: str


def plot_gmm_step(ax, X, step, *, covariance_type="full", xlim=None, ylim=None):
    """Draw one EM half-step: points in soft colours, ellipses at 1 and 2 sd, means.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    X : ndarray of shape (n_samples, 2)
        The data of the run.
    step : GMMStep
        From :func:`kmeans_teach.gmm_steps`.
    covariance_type : {"full", "tied", "diag", "spherical"}, default="full"
        How the run keeps its covariances (scikit-learn's names).
    xlim, ylim : (float, float) or None, default=None
        Plot limits; default: the data with a margin.

    Returns
    -------
    artists : GMMArtists
        What was drawn, to pass to :func:`update_gmm_step`.
    """
    colors = soft_colors(step.responsibilities)
    points = ax.scatter(X[:, 0], X[:, 1], s=14, c=UNLABELLED_COLOR if colors is None else colors,
                        linewidths=0, alpha=0.8)
    ellipses = []
    for k in range(len(step.weights)):
        color = CLUSTER_COLORS[k % len(CLUSTER_COLORS)]
        for n_sd in N_SD:
            center, w, h, angle = covariance_ellipse(step.means[k], _covariance_2d(step, covariance_type, k), n_sd)
            e = Ellipse(center, w, h, angle=angle, fill=False, edgecolor=color,
                        linewidth=2.0 if n_sd == 1 else 1.2, linestyle="-" if n_sd == 1 else "--")
            ax.add_patch(e)
            ellipses.append(e)
    means = ax.scatter(step.means[:, 0], step.means[:, 1], s=160, marker="X",
                       c=[CLUSTER_COLORS[k % len(CLUSTER_COLORS)] for k in range(len(step.weights))],
                       edgecolors="black", linewidths=1.2, zorder=4)
    if xlim is None or ylim is None:
        xlim, ylim = padded_limits(X)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    title = ax.set_title(_title(step))
    return GMMArtists(points, ellipses, means, title, covariance_type)


def _title(step):
    return f"Iteration {step.iteration} · {_PHASES[step.phase]}"


def update_gmm_step(artists, X, step):
    """Show another half-step of a run with the same number of components.

    Parameters
    ----------
    artists : GMMArtists
        What :func:`plot_gmm_step` returned; changed in place.
    X : ndarray of shape (n_samples, 2)
        The data of the run (not read: the points do not move).
    step : GMMStep
        The half-step to show.
    """
    colors = soft_colors(step.responsibilities)
    if colors is None:
        artists.points.set_facecolor(UNLABELLED_COLOR)
    else:
        artists.points.set_facecolor(colors)
    for k in range(len(step.weights)):
        for j, n_sd in enumerate(N_SD):
            center, w, h, angle = covariance_ellipse(
                step.means[k], _covariance_2d(step, artists.covariance_type, k), n_sd)
            e = artists.ellipses[2 * k + j]
            e.set_center(center)
            e.set_width(w)
            e.set_height(h)
            e.set_angle(angle)
    artists.means.set_offsets(step.means[:, :2])
    artists.title.set_text(_title(step))


class LikelihoodArtists(NamedTuple):
    """What :func:`plot_log_likelihood` draws.

    Attributes
    ----------
    line : Line2D
        The mean log-likelihood at every half-step.
    current : Line2D
        A single marker at the current half-step.
    """
    line: object
    current: object


def plot_log_likelihood(ax, trace, *, current=None):
    """The mean log-likelihood at every half-step, with the current one marked.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes to draw on.
    trace : GMMTrace
        The run.
    current : int or None, default=None
        Index into ``trace`` of the half-step to mark (None or 0: no marker).

    Returns
    -------
    artists : LikelihoodArtists
        The curve and the marker, to pass to :func:`update_log_likelihood`.
    """
    ll = trace.log_likelihoods
    line, = ax.plot(np.arange(1, len(ll) + 1), ll, "-o", color="#444444", markersize=3)
    marker, = ax.plot([], [], "o", color="#D55E00", markersize=9)
    ax.set_xlabel("half-step")
    ax.set_ylabel("mean log-likelihood")
    artists = LikelihoodArtists(line, marker)
    update_log_likelihood(artists, trace, current)
    return artists


def update_log_likelihood(artists, trace, current, *, new_trace=False):
    """Move the marker to half-step ``current`` (none at init); redraw the curve if new.

    Parameters
    ----------
    artists : LikelihoodArtists
        What :func:`plot_log_likelihood` returned; changed in place.
    trace : GMMTrace
        The run.
    current : int or None
        Index into ``trace`` of the half-step to mark (None or 0: no marker).
    new_trace : bool, default=False
        True when ``trace`` is another run than the one drawn: the curve is
        redrawn too.
    """
    ll = trace.log_likelihoods
    if new_trace:
        artists.line.set_data(np.arange(1, len(ll) + 1), ll)
    if current:
        artists.current.set_data([current], [ll[current - 1]])
    else:
        artists.current.set_data([], [])
