"""Lesson 08's exercise: write the E-step of a Gaussian mixture."""

from __future__ import annotations

import numpy as np

from ..gmm import gmm_responsibilities
from ._feedback import Case, call_student, check_cases

__all__ = ["check_gmm_e_step"]


def _cases():
    rng = np.random.default_rng(8)
    X = np.round(rng.normal(scale=2.0, size=(12, 2)), 1)
    means = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, -3.0]])
    covs = np.array([[[1.0, 0.5], [0.5, 2.0]], [[0.5, 0.0], [0.0, 0.5]], [[3.0, -1.0], [-1.0, 1.0]]])
    weights = np.array([0.5, 0.3, 0.2])
    X3 = rng.normal(size=(20, 3))
    covs3 = np.stack([np.eye(3), np.diag([1.0, 4.0, 0.25])])
    far = np.array([[0.0, 0.0], [60.0, 0.0], [0.0, 80.0]])  # 60 and 80 sd from every mean
    return [
        Case("the lesson's example: 12 points, 3 components", (X, weights, means, covs)),
        Case("one component (k = 1): every responsibility is 1",
             (X, np.array([1.0]), means[:1], covs[:1])),
        Case("three features", (X3, np.array([0.25, 0.75]), np.array([[0.0] * 3, [1.0] * 3]), covs3)),
        Case("points far from every mean: the densities underflow to 0 (work in logs)",
             (far, np.array([0.5, 0.5]), np.array([[0.0, 0.0], [1.0, 0.0]]),
              np.stack([np.eye(2), np.eye(2)]))),
    ]


def _diagnose(resp, X, weights, means, covs):
    """The one mistake that explains ``resp``, if it is one of the common ones."""
    k = len(weights)
    if k > 1 and np.allclose(resp, resp[:1]):
        return "Every row is the same: the responsibilities must depend on the point."
    guesses = {
        "Did you forget the weights?": (np.full(k, 1 / k), covs),
        "Did you use the precision (the inverse) for the covariance?":
            (weights, np.linalg.inv(covs)),
    }
    for sentence, (w, c) in guesses.items():
        if np.allclose(resp, gmm_responsibilities(X, w, means, c), atol=1e-6):
            return sentence
    return "Check the weights, the means and the covariances you use for each column."


def _judge(resp, X, weights, means, covs):
    want = gmm_responsibilities(X, weights, means, covs)
    resp = np.asarray(resp, dtype=float) if np.ndim(resp) else np.asarray([resp], dtype=float)
    if resp.shape != want.shape:
        return (f"expected responsibilities of shape (n_samples, n_components) = {want.shape}, "
                f"but got shape {resp.shape}. One row per point, one column per component.")
    if not np.isfinite(resp).all():
        row = int(np.argwhere(~np.isfinite(resp))[0, 0])
        return (f"row {row} holds NaN or infinity (densities that all underflow to 0 give "
                '0 / 0). For a hint: kt.hint("gmm_e_step").')
    sums = resp.sum(axis=1)
    if not np.allclose(sums, 1, atol=1e-8):
        i = int(np.argmax(np.abs(sums - 1)))
        return (f"the responsibilities of point {i} sum to {sums[i]:.4f}, not 1: divide each "
                "row by its sum (the responsibilities are probabilities over the components).")
    wrong = np.abs(resp - want) > 1e-6
    if wrong.any():
        i, k = (int(v) for v in np.argwhere(wrong)[0])
        return (f"point {i}'s responsibility for component {k} is {resp[i, k]:.4f}, but "
                f"weight_k N(x | mean_k, cov_k) / sum_j (...) gives {want[i, k]:.4f}. "
                + _diagnose(resp, X, weights, means, covs))
    return None


def check_gmm_e_step(func):
    """Check a student's E-step ``func(X, weights, means, covariances) -> responsibilities``.

    ``covariances`` has shape (n_components, n_features, n_features) (scikit-learn's
    "full"). The result must be the matrix of responsibilities: row i, column k is
    the probability that component k produced point i. Four cases: the lesson's
    example, one component, three features, and points so far from every mean that
    their densities underflow to 0 (only an E-step computed in logs survives).

    Parameters
    ----------
    func : callable
        The student's function: ``func(X, weights, means, covariances)``
        returns the responsibilities, of shape (n_samples, n_components).

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the function is right; otherwise the
        sentence names the first case that failed.

    Examples
    --------
    >>> import numpy as np
    >>> from scipy.stats import multivariate_normal
    >>> from scipy.special import logsumexp
    >>> def e_step(X, weights, means, covariances):
    ...     log_p = np.column_stack([np.log(w) + multivariate_normal(m, c).logpdf(X)
    ...                              for w, m, c in zip(weights, means, covariances)])
    ...     return np.exp(log_p - logsumexp(log_p, axis=1, keepdims=True))
    >>> check_gmm_e_step(e_step)  # doctest: +NORMALIZE_WHITESPACE
    Correct: every point's responsibilities are weight_k N(x | mean_k, cov_k), normalised
    over the components. (4 cases: the lesson's example: 12 points, 3 components; one
    component (k = 1): every responsibility is 1; three features; points far from every
    mean: the densities underflow to 0 (work in logs))
    >>> check_gmm_e_step(lambda X, w, m, c: np.full((len(X), len(w)), 1 / len(w)))
    ... # doctest: +NORMALIZE_WHITESPACE
    Not yet: case 1 of 4 (the lesson's example: 12 points, 3 components): point 0's
    responsibility for component 0 is 0.3333, but weight_k N(x | mean_k, cov_k) / sum_j (...)
    gives 0.7984. Every row is the same: the responsibilities must depend on the point.
    """
    if not callable(func):
        return call_student(func)[1]
    return check_cases(func, _cases(), _judge,
                       "every point's responsibilities are weight_k N(x | mean_k, cov_k), "
                       "normalised over the components.")
