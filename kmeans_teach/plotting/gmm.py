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
    """RGB of every point: the component colours mixed by its responsibilities."""
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
    """(center, width, height, angle in degrees) of the n_sd ellipse of a 2x2 covariance."""
    values, vectors = np.linalg.eigh(covariance)
    values = np.maximum(values, 0)
    angle = float(np.degrees(np.arctan2(vectors[1, 1], vectors[0, 1])))
    return (tuple(mean), 2 * n_sd * float(np.sqrt(values[1])),
            2 * n_sd * float(np.sqrt(values[0])), angle)


class GMMArtists(NamedTuple):
    points: object
    ellipses: list   # 2 per component: 1 sd, then 2 sd
    means: object
    title: object
    covariance_type: str


def plot_gmm_step(ax, X, step, *, covariance_type="full", xlim=None, ylim=None):
    """Draw one EM half-step: points in soft colours, ellipses at 1 and 2 sd, means.

    Returns
    -------
    GMMArtists
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
    """Show another half-step of a run with the same number of components."""
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
    line: object
    current: object


def plot_log_likelihood(ax, trace, *, current=None):
    """The mean log-likelihood at every half-step, with the current one marked."""
    ll = trace.log_likelihoods
    line, = ax.plot(np.arange(1, len(ll) + 1), ll, "-o", color="#444444", markersize=3)
    marker, = ax.plot([], [], "o", color="#D55E00", markersize=9)
    ax.set_xlabel("half-step")
    ax.set_ylabel("mean log-likelihood")
    artists = LikelihoodArtists(line, marker)
    update_log_likelihood(artists, trace, current)
    return artists


def update_log_likelihood(artists, trace, current, *, new_trace=False):
    """Move the marker to half-step ``current`` (none at init); redraw the curve if new."""
    ll = trace.log_likelihoods
    if new_trace:
        artists.line.set_data(np.arange(1, len(ll) + 1), ll)
    if current:
        artists.current.set_data([current], [ll[current - 1]])
    else:
        artists.current.set_data([], [])
