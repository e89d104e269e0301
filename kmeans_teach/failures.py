"""When k-means' assumptions break, and what to use instead (lesson 08).

* :func:`failure_cases`: the four data sets where plain k-means fails (wrong k,
  stretched blobs, unequal variances, very unequal sizes), after
  scikit-learn's gallery figure, each with the assumption that broke;
* :func:`stretched_blobs`: the lesson's stretched (anisotropic) blobs;
* :func:`wine_scaling`: k-means on the wine data with and without StandardScaler;
* :func:`kmeans_limit`: EM with one shared, fixed spherical variance, the
  k-means limit, compared step by step with :func:`kmeans_steps`;
* :func:`outlier_effect`: one far outlier against k-means, k-medoids,
  sample_weight and trimming;
* :func:`stability`: the ARI between refits on bootstrap resamples and seeds.

NumPy, SciPy and scikit-learn only (kmedoids where it is asked for).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from scipy.special import logsumexp

from ._threads import limit_threads
from ._validation import check_int, check_number, check_random_state, check_X
from .datasets import STRETCH, FailureCase, failure_cases, stretched_blobs  # noqa: F401
from .engine import _prepare_checked, _run_kmeans

__all__ = ["FailureCase", "failure_cases", "stretched_blobs", "WineScaling", "wine_scaling",
           "LimitCheck", "kmeans_limit", "spherical_responsibilities", "OutlierEffect",
           "outlier_effect", "kmedoids_fit", "Stability", "stability"]

def _ari(a, b):
    from sklearn.metrics import adjusted_rand_score  # on use: scikit-learn imports pandas
    return float(adjusted_rand_score(a, b))


class WineScaling(NamedTuple):
    """k-means on the wine data, raw and standardised, scored against the cultivars."""

    ari_raw: float
    ari_scaled: float
    feature_names: tuple
    stds: np.ndarray
    #: the share of the squared distance between two wines, on average, due to each feature
    distance_share: np.ndarray


def wine_scaling(random_state=0):
    """k-means (k = 3) on the 13 wine features, without and with StandardScaler.

    Examples
    --------
    >>> w = wine_scaling()
    >>> w.feature_names[int(w.distance_share.argmax())], w.ari_raw < w.ari_scaled
    ('proline', True)
    """
    from sklearn.cluster import KMeans
    from sklearn.datasets import load_wine
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    wine = load_wine()
    X, y = wine.data, wine.target
    raw = KMeans(3, n_init=10, random_state=random_state).fit_predict(X)
    scaled = make_pipeline(StandardScaler(), KMeans(3, n_init=10, random_state=random_state))
    # the mean squared difference between two random wines, feature by feature, is 2 var
    share = X.var(axis=0) / X.var(axis=0).sum()
    return WineScaling(_ari(y, raw), _ari(y, scaled.fit_predict(X)),
                       tuple(wine.feature_names), X.std(axis=0), share)


def spherical_responsibilities(X, means, sigma2):
    """Responsibilities of equal-weight components with one shared variance sigma2.

    ``r_ik`` is proportional to ``exp(-|x_i - m_k|^2 / (2 sigma2))``: as sigma2
    goes to 0 the nearest mean takes all of it, the E-step of k-means.

    Examples
    --------
    >>> import numpy as np
    >>> X, m = np.array([[0.0], [0.9]]), np.array([[0.0], [2.0]])
    >>> np.round(spherical_responsibilities(X, m, 1.0), 3)
    array([[0.881, 0.119],
           [0.55 , 0.45 ]])
    >>> np.round(spherical_responsibilities(X, m, 1e-3), 3)
    array([[1., 0.],
           [1., 0.]])
    """
    X, means = check_X(X), check_X(means, name="means")
    return _spherical_responsibilities(X, means, _check_sigma2(sigma2))


def _check_sigma2(sigma2):
    return check_number(sigma2, "sigma2", low=0, low_open=True, what="variance",
                        fix=" k-means is the limit as sigma2 goes to 0, for example sigma2=1e-6.")


def _spherical_responsibilities(X, means, sigma2):
    """:func:`spherical_responsibilities` on checked input."""
    # 1. squared distance from every point to every mean
    d2 = ((X[:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    # 2. log of exp(-d2 / (2 sigma2)), normalised over the components (logsumexp: no underflow)
    log_r = -d2 / (2 * sigma2)
    with np.errstate(under="ignore"):
        return np.exp(log_r - logsumexp(log_r, axis=1, keepdims=True))


class LimitCheck(NamedTuple):
    """EM with a shared, fixed variance sigma2 against k-means, from the same means."""

    sigma2: float
    same_steps: bool   # every M-step's means equal k-means' centers (1e-9) and as many steps
    n_steps: int       # M-steps EM took
    n_kmeans: int      # M-steps k-means took
    hardness: float    # mean over points of the largest responsibility at the end (1 = hard)
    means: np.ndarray  # EM's means at the end


def kmeans_limit(X, init, sigma2, *, max_iter=100):
    """Run EM with equal weights and one fixed spherical variance, and compare with k-means.

    Starts from the means ``init`` (an array of shape (n_clusters, n_features));
    stops when the means stop moving, and compares every M-step's means with
    the centers of :func:`kmeans_teach.run_kmeans` (``tol=0``) from the same start.

    Examples
    --------
    >>> import kmeans_teach as kt
    >>> X, _ = kt.lesson_blobs()
    >>> kmeans_limit(X, X[:4], 1e-6).same_steps, kmeans_limit(X, X[:4], 1.0).same_steps
    (True, False)
    """
    # each argument checked once, here; the runs below trust them
    X = check_X(X)
    means = check_X(init, name="init").copy()
    prepared = _prepare_checked(X, len(means), means, None, max_iter, 0.0, "relocate")
    max_iter = prepared[2]
    sigma2 = _check_sigma2(sigma2)
    trace = _run_kmeans(*prepared, "relocate")
    centers = [s.centers for s in trace if s.phase == "update"]
    steps = []
    for _ in range(max_iter):
        r = _spherical_responsibilities(X, means, sigma2)     # E-step, soft
        new = (r.T @ X) / r.sum(axis=0)[:, None]              # M-step, weighted means
        if np.allclose(new, means, rtol=0, atol=1e-12):
            break
        steps.append(new)
        means = new
    same = len(steps) == len(centers) and all(
        np.allclose(a, b, rtol=1e-9, atol=1e-9) for a, b in zip(steps, centers))
    # k-means' last update moves nothing when it converges; EM stops before it
    if not same and len(steps) == len(centers) - 1:
        same = all(np.allclose(a, b, rtol=1e-9, atol=1e-9) for a, b in zip(steps, centers))
    hard = float(_spherical_responsibilities(X, means, sigma2).max(axis=1).mean())
    return LimitCheck(float(sigma2), bool(same), len(steps), len(centers), hard, means)


def kmedoids_fit(X, n_clusters, *, metric="euclidean", random_state=0):
    """k-medoids by FasterPAM (the ``kmedoids`` package): every center is a data point.

    Returns
    -------
    medoids : ndarray of shape (n_clusters,), the indices of the medoid points
    labels : ndarray of shape (n_samples,)
    """
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(X))
    return _kmedoids_fit(X, n_clusters, metric, random_state)


def _kmedoids_fit(X, n_clusters, metric, random_state):
    """:func:`kmedoids_fit` on checked input."""
    try:
        import kmedoids
    except ImportError:
        raise ImportError(
            "k-medoids needs the 'kmedoids' package (FasterPAM), which has no wheel for "
            "this Python and platform (CPython 3.15 on macOS or Windows). Install it with "
            "`pip install kmedoids` on another Python (3.11 to 3.14), or skip this section."
        ) from None
    from sklearn.metrics import pairwise_distances
    result = kmedoids.fasterpam(pairwise_distances(X, metric=metric), n_clusters,
                                random_state=random_state, n_cpu=1)
    return np.asarray(result.medoids), np.asarray(result.labels)


class OutlierEffect(NamedTuple):
    """How far one far outlier moves the nearest center, method by method."""

    shift_kmeans: float     # the k-means center nearest the outlier's cluster, moved by
    shift_medoids: float    # the same for k-medoids (Euclidean)
    shift_weighted: float   # k-means with sample_weight 0 on the outlier
    shift_trimmed: float    # k-means refitted without the 1 % of points farthest from a center
    medoids_on_points: bool
    centers: dict           # method -> centers with the outlier


def _shift(centers, reference):
    """Largest distance from a reference center to its nearest center."""
    d = np.sqrt(((reference[:, None] - centers[None]) ** 2).sum(axis=2))
    return float(d.min(axis=1).max())


def outlier_effect(X, n_clusters, outlier, *, trim=0.01, random_state=0):
    """Add one point ``outlier`` to X and measure how each method's centers move."""
    from sklearn.cluster import KMeans
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(X))
    Xo = np.vstack([X, np.asarray(outlier, dtype=float)[None]])
    fit = lambda data, **kw: KMeans(n_clusters, n_init=10, random_state=random_state).fit(  # noqa: E731
        data, **kw).cluster_centers_
    clean = fit(X)
    with_outlier = fit(Xo)
    weights = np.ones(len(Xo))
    weights[-1] = 0.0
    weighted = fit(Xo, sample_weight=weights)
    # trimming: drop the points farthest from their center, refit on the rest
    d = ((Xo[:, None] - with_outlier[None]) ** 2).sum(axis=2).min(axis=1)
    keep = d <= np.quantile(d, 1 - trim)
    trimmed = fit(Xo[keep])
    med_clean, _ = _kmedoids_fit(X, n_clusters, "euclidean", random_state)
    med, _ = _kmedoids_fit(Xo, n_clusters, "euclidean", random_state)
    return OutlierEffect(_shift(with_outlier, clean), _shift(Xo[med], X[med_clean]),
                         _shift(weighted, clean), _shift(trimmed, clean),
                         bool(np.all(med < len(Xo))),
                         {"k-means": with_outlier, "k-medoids": Xo[med],
                          "weighted": weighted, "trimmed": trimmed})


class Stability(NamedTuple):
    """ARI between refits: on bootstrap resamples, and with different seeds."""

    n_clusters: int
    bootstrap_ari: np.ndarray  # one per resample: refit on it, labels of all X vs the reference
    seed_ari: np.ndarray       # one per pair of consecutive seeds (n_init=1)

    @property
    def worst(self):
        return float(min(self.bootstrap_ari.min(), self.seed_ari.min()))


def stability(X, n_clusters, *, n_resamples=10, n_seeds=10, random_state=0):
    """Refit k-means on bootstrap resamples and with other seeds; the ARIs between runs.

    Examples
    --------
    >>> import kmeans_teach as kt
    >>> X, _ = kt.lesson_blobs()
    >>> round(stability(X, 4, n_resamples=3, n_seeds=3).worst, 2)
    1.0
    """
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(X))
    rng = check_random_state(random_state)
    with limit_threads():  # many small fits: one thread is faster, and the same everywhere
        return _stability(X, n_clusters, n_resamples, n_seeds, random_state, rng)


def _stability(X, n_clusters, n_resamples, n_seeds, random_state, rng):
    from sklearn.cluster import KMeans
    reference = KMeans(n_clusters, n_init=10, random_state=random_state).fit(X)
    boot = []
    for _ in range(n_resamples):
        rows = rng.randint(len(X), size=len(X))  # draw n points with replacement
        model = KMeans(n_clusters, n_init=3, random_state=random_state).fit(X[rows])
        boot.append(_ari(reference.labels_, model.predict(X)))
    runs = [KMeans(n_clusters, n_init=1, random_state=s).fit_predict(X) for s in range(n_seeds)]
    seeds = [_ari(a, b) for a, b in zip(runs, runs[1:])]
    return Stability(n_clusters, np.array(boot), np.array(seeds))
