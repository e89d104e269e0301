"""Gaussian mixtures fitted by EM, one half-step at a time (lesson 08).

``gmm_steps`` is a generator in the same form as :func:`kmeans_steps`: it
yields an immutable :class:`GMMStep` after every half-step,

* ``phase="init"``     the initial weights, means and covariances;
* ``phase="expect"``   the E-step: every point's responsibilities, the
  probability that each component made it (soft labels);
* ``phase="maximize"`` the M-step: weights, means and covariances from the
  responsibility-weighted points.

k-means is the hard limit of this: equal, round (spherical) components whose
variance shrinks to 0 make every responsibility 0 or 1, and the M-step's
weighted means become plain cluster means.

The arithmetic is scikit-learn's ``GaussianMixture`` (same ``reg_covar``, same
Cholesky factors of the precisions, same stopping rule: the change of the mean
log-likelihood is below ``tol``), so from the same start the two agree to
rounding. This module uses only NumPy, SciPy and scikit-learn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ._validation import (
    check_choice, check_int, check_n_clusters, check_number, check_random_state, check_X,
)

__all__ = ["GMMStep", "GMMTrace", "gmm_steps", "run_gmm", "gmm_responsibilities",
           "COVARIANCE_TYPES", "GMM_INITS"]

COVARIANCE_TYPES = ("full", "tied", "diag", "spherical")
GMM_INITS = ("k-means", "k-means++", "random")
_ILL_DEFINED = (
    "a component's covariance became singular (for instance a component "
    "holding one point, or points on a line). Use fewer components, a larger "
    "reg_covar, or scale the data."
)


@dataclass(frozen=True, eq=False)
class GMMStep:
    """One half-step of EM for a Gaussian mixture (read-only).

    Attributes
    ----------
    iteration : int
        0 at init, then 1, 2, ... (an E-step and the M-step after it share it).
    phase : {"init", "expect", "maximize"}
        What this half-step did: the start, an E-step or an M-step.
    weights : ndarray of shape (n_components,)
        The mixing weight of every component (they sum to 1).
    means : ndarray of shape (n_components, n_features)
        The mean of every component.
    covariances : ndarray
        Shape (n_components, n_features, n_features) for "full",
        (n_features, n_features) for "tied", (n_components, n_features) for
        "diag", (n_components,) for "spherical" (scikit-learn's shapes).
    responsibilities : ndarray of shape (n_samples, n_components) or None
        For an E-step: the probability of each component given each point
        (rows sum to 1). For an M-step: those it was computed from. None at init.
    log_likelihood : float or None
        Mean log-likelihood per sample of the parameters of this step
        (for an E-step: of the parameters it used). None at init.
    converged : bool
        True once the change of the mean log-likelihood is below tol.
    stop_reason : str or None
        On the last step only: why the run stopped.
    precisions_cholesky : ndarray
        scikit-learn's ``precisions_cholesky_`` of these covariances.
    """

    iteration: int
    phase: str
    weights: np.ndarray
    means: np.ndarray
    covariances: np.ndarray
    responsibilities: np.ndarray | None = None
    log_likelihood: float | None = None
    converged: bool = False
    stop_reason: str | None = None
    precisions_cholesky: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self):
        for arr in (self.weights, self.means, self.covariances, self.responsibilities,
                    self.precisions_cholesky):
            if arr is not None:
                arr.flags.writeable = False

    @property
    def labels(self):
        """The most probable component of every point (None at init)."""
        r = self.responsibilities
        return None if r is None else r.argmax(axis=1).astype(np.int32)

    def __repr__(self):
        ll = "None" if self.log_likelihood is None else f"{self.log_likelihood:.4f}"
        extra = f", stop_reason={self.stop_reason!r}" if self.stop_reason else ""
        return (f"GMMStep(iteration={self.iteration}, phase={self.phase!r}, "
                f"log_likelihood={ll}, converged={self.converged}{extra})")


class GMMTrace(Sequence):
    """All the half-steps of one EM run, in order (an immutable sequence).

    Parameters
    ----------
    steps : iterable of GMMStep
        The half-steps of the run (read once, into a tuple).
    covariance_type : {"full", "tied", "diag", "spherical"}
        How the run kept its covariances.

    Attributes
    ----------
    final : GMMStep
        The last step: an E-step with the final parameters, whose
        responsibilities are scikit-learn's ``predict_proba(X)``.
    n_iter : int
        EM iterations, counted as scikit-learn's ``n_iter_``.
    converged : bool
        Whether the run met the tolerance before ``max_iter``.
    covariance_type : str
        How the run kept its covariances.
    """

    def __init__(self, steps, *, covariance_type):
        self._steps = tuple(steps)
        self.covariance_type = covariance_type

    def __getitem__(self, index):
        return self._steps[index]

    def __len__(self):
        return len(self._steps)

    @property
    def final(self):
        return self._steps[-1]

    @property
    def n_iter(self):
        return self.final.iteration - 1 if len(self) > 2 else 0

    @property
    def converged(self):
        return self.final.converged

    @property
    def log_likelihoods(self):
        """Mean log-likelihood at every half-step after init, as an array."""
        return np.array([s.log_likelihood for s in self._steps[1:]])

    def __repr__(self):
        f = self.final
        return (f"GMMTrace({len(self)} steps, n_components={len(f.weights)}, "
                f"covariance_type={self.covariance_type!r}, n_iter={self.n_iter}, "
                f"log_likelihood={f.log_likelihood:.4f}, stop_reason={f.stop_reason!r})")


# --- the M-step: parameters from responsibilities (scikit-learn's arithmetic) -----
def _estimate_parameters(X, resp, reg_covar, covariance_type):
    """Weights (unnormalised: the soft counts), means and covariances."""
    # 1. soft count of every component (plus a tiny amount, so none is 0)
    nk = resp.sum(axis=0) + 10 * np.finfo(resp.dtype).eps
    # 2. mean = responsibility-weighted average of the points
    means = (resp.T @ X) / nk[:, None]
    # 3. covariance = responsibility-weighted spread around that mean, + reg_covar
    if covariance_type == "full":
        covariances = np.empty((len(nk), X.shape[1], X.shape[1]))
        for k in range(len(nk)):
            diff = X - means[k]
            covariances[k] = ((resp[:, k] * diff.T) @ diff) / nk[k]
            covariances[k].flat[:: X.shape[1] + 1] += reg_covar
    elif covariance_type == "tied":  # one covariance shared by all components
        covariances = (X.T @ X - nk * means.T @ means) / nk.sum()
        covariances.flat[:: X.shape[1] + 1] += reg_covar
    else:
        diag = (resp.T @ (X * X)) / nk[:, None] - means**2 + reg_covar
        covariances = diag if covariance_type == "diag" else diag.mean(axis=1)
    return nk, means, covariances


def _precision_cholesky(covariances, covariance_type):
    """Cholesky factor of the precision (inverse covariance), as scikit-learn keeps it.

    With cov = C C^T (C lower triangular), the precision is C^-T C^-1, and
    scikit-learn keeps its factor (C^-1)^T. All components at once (NumPy's
    batched linear algebra): the same numbers as scikit-learn's triangular
    solves, to rounding, and much faster on small matrices.
    """
    if covariance_type in ("full", "tied"):
        try:
            chol = np.linalg.cholesky(covariances)
        except np.linalg.LinAlgError:
            raise ValueError(f"EM cannot go on: {_ILL_DEFINED}") from None
        return np.swapaxes(np.linalg.inv(chol), -1, -2)
    if np.any(covariances <= 0.0):
        raise ValueError(f"EM cannot go on: {_ILL_DEFINED}")
    return 1.0 / np.sqrt(covariances)


def _from_precisions(precisions, covariance_type):
    """(covariances, precision Cholesky) from given precisions (scikit-learn's precisions_init)."""
    if covariance_type in ("full", "tied"):
        flip = lambda a: a[..., ::-1, ::-1]  # noqa: E731 - scikit-learn's _flipudlr
        precs = precisions[None] if covariance_type == "tied" else precisions
        chol = np.stack([flip(np.linalg.cholesky(flip(p))) for p in precs])
        covs = np.stack([np.linalg.inv(p) for p in precs])
        return (covs[0], chol[0]) if covariance_type == "tied" else (covs, chol)
    return 1.0 / precisions, np.sqrt(precisions)


# --- the E-step: responsibilities from parameters ---------------------------------
def _log_gaussian(X, means, prec_chol, covariance_type):
    """log N(x | mean_k, cov_k) for every point and component, shape (n, k)."""
    n_features = X.shape[1]
    if covariance_type in ("full", "tied"):
        chols = prec_chol if covariance_type == "full" else [prec_chol] * len(means)
        # log det of the precision's Cholesky factor = -1/2 log det(covariance)
        log_det = np.array([np.log(np.diag(c)).sum() for c in chols])
        # squared Mahalanobis distance: |(x - mean) L|^2 with L the factor
        maha = np.column_stack([((X @ c - mu @ c) ** 2).sum(axis=1)
                                for mu, c in zip(means, chols)])
    elif covariance_type == "diag":
        precisions = prec_chol**2
        log_det = np.log(prec_chol).sum(axis=1)
        maha = ((means**2 * precisions).sum(axis=1) - 2.0 * (X @ (means * precisions).T)
                + (X**2 @ precisions.T))
    else:
        precisions = prec_chol**2
        log_det = n_features * np.log(prec_chol)
        maha = ((means**2).sum(axis=1) * precisions - 2 * (X @ means.T * precisions)
                + np.outer(np.einsum("ij,ij->i", X, X), precisions))
    return -0.5 * (n_features * math.log(2 * math.pi) + maha) + log_det


def _e_step(X, weights, means, prec_chol, covariance_type):
    """(mean log-likelihood, responsibilities) of these parameters."""
    # 1. log of weight_k * N(x | component k), for every point and component
    weighted = _log_gaussian(X, means, prec_chol, covariance_type) + np.log(weights)
    # 2. log p(x) = log of the sum over the components (logsumexp: no underflow)
    from scipy.special import logsumexp  # on use: a light import

    log_px = logsumexp(weighted, axis=1)
    # 3. responsibility = weight_k N(x | k) / p(x): each row sums to 1
    with np.errstate(under="ignore"):
        resp = np.exp(weighted - log_px[:, None])
    return float(np.mean(log_px)), resp


def gmm_responsibilities(X, weights, means, covariances, *, covariance_type="full"):
    """The E-step on its own: responsibilities from weights, means and covariances.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    weights : array-like of shape (n_components,)
    means : array-like of shape (n_components, n_features)
    covariances : array-like, shape as in :class:`GMMStep`
    covariance_type : {"full", "tied", "diag", "spherical"}, default="full"

    Returns
    -------
    responsibilities : ndarray of shape (n_samples, n_components)

    Examples
    --------
    >>> import numpy as np
    >>> r = gmm_responsibilities([[0.0], [1.0], [2.0]], [0.5, 0.5], [[0.0], [2.0]],
    ...                          [[[1.0]], [[1.0]]])
    >>> np.round(r, 3)
    array([[0.881, 0.119],
           [0.5  , 0.5  ],
           [0.119, 0.881]])
    """
    X = check_X(X)
    covariance_type = _check_covariance_type(covariance_type)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covariances = np.asarray(covariances, dtype=float)
    prec_chol = _precision_cholesky(covariances, covariance_type)
    return _e_step(X, weights, means, prec_chol, covariance_type)[1]


# --- input checks -----------------------------------------------------------------
def _check_covariance_type(covariance_type):
    return check_choice(covariance_type, "covariance_type", COVARIANCE_TYPES,
                        fix=" These are scikit-learn's names.")


def _check_positive(value, name, default, *, zero=False):
    return check_number(value, name, low=0, low_open=not zero,
                        fix=f" scikit-learn's default is {default}.")


def _initial(X, n_components, init, random_state, covariance_type, reg_covar):
    """(weights, means, covariances, precision Cholesky) to start from."""
    n_samples = len(X)
    if isinstance(init, dict):
        return _given_start(X, n_components, init, covariance_type)
    if not isinstance(init, str) or init not in GMM_INITS:
        raise ValueError(f"init must be one of {GMM_INITS} or a dict with keys 'weights', "
                         f"'means' and 'precisions', but got {init!r}.")
    rng = check_random_state(random_state)
    # responsibilities to start from, as scikit-learn's init_params make them
    if init == "random":
        resp = rng.uniform(size=(n_samples, n_components))
        resp /= resp.sum(axis=1)[:, None]
    else:
        resp = np.zeros((n_samples, n_components))
        if init == "k-means":
            from sklearn.cluster import KMeans  # on use: scikit-learn imports pandas
            labels = KMeans(n_clusters=n_components, n_init=1, random_state=rng).fit(X).labels_
            resp[np.arange(n_samples), labels] = 1
        else:
            from sklearn.cluster import kmeans_plusplus
            _, indices = kmeans_plusplus(X, n_components, random_state=rng)
            resp[indices, np.arange(n_components)] = 1
    nk, means, covariances = _estimate_parameters(X, resp, reg_covar, covariance_type)
    return nk / n_samples, means, covariances, _precision_cholesky(covariances, covariance_type)


def _given_start(X, n_components, init, covariance_type):
    keys = {"weights", "means", "precisions"}
    if set(init) != keys:
        raise ValueError(f"an init dict needs exactly the keys {sorted(keys)} (scikit-learn's "
                         f"weights_init, means_init, precisions_init), but has {sorted(init)}.")
    n_features = X.shape[1]
    weights = np.array(init["weights"], dtype=float)
    means = np.array(init["means"], dtype=float)
    precisions = np.array(init["precisions"], dtype=float)
    shapes = {"full": (n_components, n_features, n_features), "tied": (n_features, n_features),
              "diag": (n_components, n_features), "spherical": (n_components,)}
    for name, arr, shape in (("weights", weights, (n_components,)),
                             ("means", means, (n_components, n_features)),
                             ("precisions", precisions, shapes[covariance_type])):
        if arr.shape != shape:
            raise ValueError(f"init[{name!r}] has shape {arr.shape}, but covariance_type="
                             f"{covariance_type!r} with {n_components} components and "
                             f"{n_features} features needs shape {shape}.")
        if not np.isfinite(arr).all():
            raise ValueError(f"init[{name!r}] contains NaN or infinity.")
    if weights.min() < 0 or abs(weights.sum() - 1) > 1e-8:
        raise ValueError(f"init['weights'] must be >= 0 and sum to 1, but they sum to "
                         f"{weights.sum():.6g}. Divide them by their sum.")
    try:
        covariances, prec_chol = _from_precisions(precisions, covariance_type)
    except np.linalg.LinAlgError:
        raise ValueError("init['precisions'] must be symmetric positive definite "
                         "(inverse covariances).") from None
    if covariance_type in ("diag", "spherical") and precisions.min() <= 0:
        raise ValueError("init['precisions'] must be > 0 (inverse variances).")
    return weights, means, covariances, prec_chol


def _prepare(X, n_components, covariance_type, init, random_state, max_iter, tol, reg_covar):
    X = check_X(X)
    if len(X) < 2:
        raise ValueError("X needs at least 2 samples to fit a Gaussian mixture "
                         "(scikit-learn's minimum).")
    check_n_clusters(n_components, X)  # the same message as kmeans_steps, named n_clusters
    n_components = check_int(n_components, "n_components", low=1, high=len(X))
    covariance_type = _check_covariance_type(covariance_type)
    max_iter = check_int(max_iter, "max_iter", low=1, fix=" scikit-learn's default is 100.")
    tol = _check_positive(tol, "tol", "1e-3", zero=True)
    reg_covar = _check_positive(reg_covar, "reg_covar", "1e-6", zero=True)
    start = _initial(X, n_components, init, random_state, covariance_type, reg_covar)
    return X, start, covariance_type, max_iter, tol, reg_covar


def _em(X, start, covariance_type, max_iter, tol, reg_covar):
    """The loop itself: yields one GMMStep per half-step."""
    weights, means, covariances, prec_chol = start
    yield GMMStep(0, "init", weights, means, covariances, precisions_cholesky=prec_chol)
    previous = -np.inf
    ll, resp = _e_step(X, weights, means, prec_chol, covariance_type)
    converged = False
    for it in range(1, max_iter + 1):
        # E-step: responsibilities from the current parameters
        yield GMMStep(it, "expect", weights, means, covariances, resp, ll,
                      precisions_cholesky=prec_chol)
        # M-step: new parameters from the responsibilities
        nk, means, covariances = _estimate_parameters(X, resp, reg_covar, covariance_type)
        weights = nk / nk.sum()
        prec_chol = _precision_cholesky(covariances, covariance_type)
        # scikit-learn's rule: stop when the mean log-likelihood of the parameters
        # the E-step used changed by less than tol
        converged = abs(ll - previous) < tol
        previous = ll
        ll, new_resp = _e_step(X, weights, means, prec_chol, covariance_type)
        yield GMMStep(it, "maximize", weights, means, covariances, resp, ll, converged,
                      precisions_cholesky=prec_chol)
        resp = new_resp
        if converged:
            break
    # One last E-step so that the responsibilities belong to the final parameters.
    yield GMMStep(it + 1, "expect", weights, means, covariances, resp, ll, converged,
                  stop_reason="log-likelihood change below tol" if converged
                  else "max_iter reached", precisions_cholesky=prec_chol)


def gmm_steps(X, n_components, *, covariance_type="full", init="k-means", random_state=None,
              max_iter=100, tol=1e-3, reg_covar=1e-6):
    """Fit a Gaussian mixture by EM and yield every half-step.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    n_components : int
        Number of Gaussian components, from 1 to n_samples.
    covariance_type : {"full", "tied", "diag", "spherical"}, default="full"
        The shape of the covariances, as in scikit-learn's ``GaussianMixture``.
    init : {"k-means", "k-means++", "random"} or dict, default="k-means"
        As scikit-learn's ``init_params`` ("kmeans" there): the responsibilities
        of a k-means fit, of k-means++ seeds, or random ones; or a dict with
        keys "weights", "means", "precisions", meaning what scikit-learn's
        ``weights_init``, ``means_init`` and ``precisions_init`` mean.
    random_state : int, RandomState instance or None, default=None
        Seeds the random draws; an int gives the same result on every call.
    max_iter : int, default=100
        Most EM iterations.
    tol : float, default=1e-3
        Stop when the mean log-likelihood changes by less than this.
    reg_covar : float, default=1e-6
        Added to the diagonal of every covariance, so none is singular.

    Returns
    -------
    steps : generator of GMMStep
        ``init``, then ``expect`` and ``maximize`` in turn, and a last
        ``expect`` with the final parameters, computed as they are read (the
        arguments are checked at the call).

    See Also
    --------
    run_gmm : the same, collected into a :class:`GMMTrace`.
    sklearn.mixture.GaussianMixture : the same result from the same start.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [0.2], [0.4], [5.0], [5.3], [5.5]])
    >>> start = dict(weights=[0.5, 0.5], means=[[0.0], [1.0]], precisions=[[[1.0]], [[1.0]]])
    >>> for step in gmm_steps(X, 2, init=start, max_iter=3):
    ...     print(step)
    GMMStep(iteration=0, phase='init', log_likelihood=None, converged=False)
    GMMStep(iteration=1, phase='expect', log_likelihood=-5.9073, converged=False)
    GMMStep(iteration=1, phase='maximize', log_likelihood=-1.9292, converged=False)
    GMMStep(iteration=2, phase='expect', log_likelihood=-1.9292, converged=False)
    GMMStep(iteration=2, phase='maximize', log_likelihood=-1.3095, converged=False)
    GMMStep(iteration=3, phase='expect', log_likelihood=-1.3095, converged=False)
    GMMStep(iteration=3, phase='maximize', log_likelihood=-0.7409, converged=False)
    GMMStep(iteration=4, phase='expect', log_likelihood=-0.7409, converged=False, stop_reason='max_iter reached')
    """
    return _em(*_prepare(X, n_components, covariance_type, init, random_state, max_iter,
                         tol, reg_covar))


def run_gmm(X, n_components, *, covariance_type="full", init="k-means", random_state=None,
            max_iter=100, tol=1e-3, reg_covar=1e-6):
    """Fit a Gaussian mixture by EM and return every half-step as a :class:`GMMTrace`.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    n_components : int
        Number of Gaussian components, from 1 to n_samples.
    covariance_type : {"full", "tied", "diag", "spherical"}, default="full"
        The shape of the covariances, as in scikit-learn's ``GaussianMixture``.
    init : {"k-means", "k-means++", "random"} or dict, default="k-means"
        The start, as in :func:`gmm_steps`.
    random_state : int, RandomState instance or None, default=None
        Seeds the random draws; an int gives the same result on every call.
    max_iter : int, default=100
        Most EM iterations.
    tol : float, default=1e-3
        Stop when the mean log-likelihood changes by less than this.
    reg_covar : float, default=1e-6
        Added to the diagonal of every covariance, so none is singular.

    Returns
    -------
    trace : GMMTrace
        Every half-step of the run, in order.

    See Also
    --------
    gmm_steps : the same steps, one at a time.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [0.2], [0.4], [5.0], [5.3], [5.5]])
    >>> trace = run_gmm(X, 2, random_state=0)
    >>> trace.final.labels, trace.n_iter, trace.converged
    (array([1, 1, 1, 0, 0, 0], dtype=int32), 2, True)
    """
    prepared = _prepare(X, n_components, covariance_type, init, random_state, max_iter,
                        tol, reg_covar)
    return GMMTrace(_em(*prepared), covariance_type=covariance_type)
