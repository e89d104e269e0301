"""When k-means' assumptions break, and what to use instead (lesson 08).

* :func:`failure_cases`: the four data sets where plain k-means fails (wrong k,
  stretched blobs, unequal variances, very unequal sizes), after
  scikit-learn's gallery figure, each with the assumption that broke;
* :func:`stretched_blobs`: the lesson's stretched (anisotropic) blobs;
* :func:`wine_scaling`: k-means on the wine data with and without StandardScaler;
* :func:`kmeans_limit`: EM with one shared, fixed spherical variance, the
  k-means limit, compared step by step with :func:`kmeans_steps`;
* :func:`outlier_effect`: one far outlier against k-means and k-medoids, with
  distances and with squared distances;
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
           "outlier_effect", "OutlierCosts", "outlier_costs", "kmedoids_fit", "Stability",
           "stability"]

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
    #: the largest distance from an EM mean to its k-means center, matched one to one, at the end
    max_distance: float = float("nan")
    #: the smallest distance between two of EM's means at the end (0: two means merged)
    closest_pair: float = float("nan")


def kmeans_limit(X, init, sigma2, *, max_iter=100):
    """Run EM with equal weights and one fixed spherical variance, and compare with k-means.

    Starts from the means ``init`` (an array of shape (n_clusters, n_features));
    stops when the means stop moving, and compares every M-step's means with
    the centers of :func:`kmeans_teach.run_kmeans` (``tol=0``) from the same start.
    ``same_steps`` is a strict test (every M-step within 1e-9); ``max_distance``
    says how close EM's final means are to k-means' final centers.

    Examples
    --------
    >>> import kmeans_teach as kt
    >>> X, _ = kt.lesson_blobs()
    >>> kmeans_limit(X, X[:4], 1e-6).same_steps, kmeans_limit(X, X[:4], 1.0).same_steps
    (True, False)
    >>> float(kmeans_limit(X, X[:4], 1e-4).max_distance)
    0.0
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
    final = centers[-1] if centers else check_X(init, name="init")
    apart = _distances(means, means)
    apart[np.diag_indices_from(apart)] = np.inf
    closest = float(apart.min()) if len(means) > 1 else float("nan")
    return LimitCheck(float(sigma2), bool(same), len(steps), len(centers), hard, means,
                      _matched_move(means, final), closest)


def _distances(a, b):
    """Euclidean distance from every row of ``a`` to every row of ``b``."""
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2))


def _matched_move(centers, reference):
    """Largest distance between paired centers, paired one to one to move the least in total."""
    from .metrics import _paired_center_distances
    return float(_paired_center_distances(centers, reference).max())


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
    """What one far outlier does to k-means and to k-medoids, method by method.

    Each dict maps a method (``"k-means"``, ``"k-medoids"``, ``"k-medoids, squared"``)
    to a value; every method is fitted with and without the outlier.
    """

    #: the largest center move, centers paired one to one (clean fit against the fit with the outlier)
    move: dict
    #: the ARI between the clean points' labels with and without the outlier (1: nothing changed)
    ari: dict
    #: whether the outlier is alone in its cluster
    alone: dict
    #: method -> centers of the fit with the outlier
    centers: dict
    #: whether every k-medoids center is a data point
    medoids_on_points: bool


def outlier_effect(X, n_clusters, outlier, *, random_state=0):
    """Add one point ``outlier`` to X and measure what it does to each method.

    The methods: k-means (``KMeans(n_init=10)``, squared distances), k-medoids
    by FasterPAM on Euclidean distances, and k-medoids on squared Euclidean
    distances (k-means' loss with medoids). Each is fitted on X and on X plus
    the outlier.

    Examples
    --------
    >>> import kmeans_teach as kt
    >>> X, _ = kt.lesson_blobs()
    >>> effect = outlier_effect(X, 4, [40.0, 40.0])
    >>> effect.alone
    {'k-means': True, 'k-medoids': False, 'k-medoids, squared': True}
    """
    from sklearn.cluster import KMeans
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(X))
    Xo = np.vstack([X, np.asarray(outlier, dtype=float)[None]])

    def kmeans(data):
        with limit_threads():
            fit = KMeans(n_clusters, n_init=10, random_state=random_state).fit(data)
        return fit.cluster_centers_, fit.labels_

    def medoids(data, metric):
        rows, labels = _kmedoids_fit(data, n_clusters, metric, random_state)
        return data[rows], labels

    fits = {"k-means": kmeans, "k-medoids": lambda d: medoids(d, "euclidean"),
            "k-medoids, squared": lambda d: medoids(d, "sqeuclidean")}
    move, ari, alone, centers = {}, {}, {}, {}
    for name, fit in fits.items():
        clean, clean_labels = fit(X)
        centers[name], labels = fit(Xo)
        move[name] = _matched_move(centers[name], clean)
        ari[name] = _ari(clean_labels, labels[:-1])
        alone[name] = bool(np.sum(labels == labels[-1]) == 1)
    on_points = bool(np.all(np.any(_distances(centers["k-medoids"], Xo) == 0, axis=1)))
    return OutlierEffect(move, ari, alone, centers, on_points)


class OutlierCosts(NamedTuple):
    """The two ways to place one far outlier, and what each adds to a method's loss.

    Each dict maps ``"k-means"`` (squared distances) and ``"k-medoids"``
    (distances) to a cost.
    """

    #: the outlier joins the cluster of its nearest center of the clean fit: what it adds
    share: dict
    #: the outlier gets a center of its own: the clean points lose one center, which adds this
    merge: dict


def outlier_costs(X, n_clusters, outlier, *, random_state=0):
    """Why a method gives a far outlier its own center, or not: the two costs it weighs.

    ``share``: the outlier joins the nearest cluster of the clean fit. For
    k-means that cluster's mean moves to take it in, which adds
    ``n_j / (n_j + 1) * d**2`` to the inertia (``d``: its distance to that
    center, ``n_j``: the cluster's size); for k-medoids, with the medoid kept,
    it adds ``d``. ``merge``: the outlier has a center of its own, so the clean
    points make do with ``n_clusters - 1``: the best loss with ``n_clusters - 1``
    minus the best with ``n_clusters`` (k-means: ``KMeans(n_init=10)``;
    k-medoids: FasterPAM on Euclidean distances). A method that minimises its
    loss takes the cheaper of the two (both are computed on the clean fits,
    so they are close to, not exactly, the costs of refitting with the outlier).

    Examples
    --------
    >>> import kmeans_teach as kt
    >>> X, _ = kt.lesson_blobs()
    >>> costs = outlier_costs(X, 4, [40.0, 40.0])
    >>> costs.merge["k-means"] < costs.share["k-means"], costs.share["k-medoids"] < costs.merge["k-medoids"]
    (True, True)
    """
    from sklearn.cluster import KMeans
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=2, high=len(X))
    point = np.asarray(outlier, dtype=float).reshape(1, -1)
    if point.shape[1] != X.shape[1]:
        raise ValueError(f"outlier must have {X.shape[1]} coordinates, like the rows of X, "
                         f"but has {point.shape[1]}.")
    with limit_threads():
        fits = [KMeans(k, n_init=10, random_state=random_state).fit(X)
                for k in (n_clusters, n_clusters - 1)]
    d2 = ((fits[0].cluster_centers_ - point) ** 2).sum(axis=1)
    j = int(np.argmin(d2))
    n_j = int(np.sum(fits[0].labels_ == j))
    share = {"k-means": float(n_j / (n_j + 1) * d2[j])}
    merge = {"k-means": float(fits[1].inertia_ - fits[0].inertia_)}
    cost = []
    for k in (n_clusters, n_clusters - 1):
        rows, labels = _kmedoids_fit(X, k, "euclidean", random_state)
        cost.append(float(np.sqrt(((X - X[rows][labels]) ** 2).sum(axis=1)).sum()))
        if k == n_clusters:
            share["k-medoids"] = float(np.sqrt(((X[rows] - point) ** 2).sum(axis=1)).min())
    merge["k-medoids"] = cost[1] - cost[0]
    return OutlierCosts(share, merge)


class Stability(NamedTuple):
    """ARI between refits: on bootstrap resamples, and with different seeds."""

    n_clusters: int
    bootstrap_ari: np.ndarray  # one per resample: refit on it, labels of all X vs the reference
    seed_ari: np.ndarray       # one per pair of consecutive seeds
    n_init: int                # starts of every fit: the reference, each resample's, each seed's
    labels: np.ndarray         # the reference fit's labels of X

    @property
    def worst(self):
        return float(min(self.bootstrap_ari.min(), self.seed_ari.min()))


def stability(X, n_clusters, *, n_resamples=10, n_seeds=10, n_init=10, random_state=0):
    """Refit k-means on bootstrap resamples and with other seeds; the ARIs between runs.

    Every fit, the reference on all of ``X``, each resample's and each seed's,
    keeps the best of ``n_init`` starts. The bootstrap ARIs compare the
    reference with fits on resamples of the data (``len(X)`` points drawn with
    replacement), each fit's labels predicted on all of ``X``. The seed ARIs
    compare fits on the same data from ``n_seeds`` seeds (0, 1, ...),
    consecutive seeds pairwise.

    Both checks see the optimiser too: with too few starts a fit can end in a
    poor local minimum, on a resample as on the full data, and both ARIs drop.
    Only once more starts no longer change the seed ARIs do low bootstrap ARIs
    say that the partition depends on the sample. High values in both do not
    make k right: a k below the number of groups can be stable too.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    n_clusters : int
    n_resamples, n_seeds : int, default=10
    n_init : int, default=10
        Starts of every fit (scikit-learn's ``KMeans(n_init=...)``).
    random_state : int, default=0
        Seeds the resampling and every resample's fit.

    Returns
    -------
    Stability

    Examples
    --------
    >>> import kmeans_teach as kt
    >>> X, _ = kt.lesson_blobs()
    >>> round(stability(X, 4, n_resamples=3, n_seeds=3).worst, 2)
    1.0
    """
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(X))
    n_init = check_int(n_init, "n_init", low=1)
    rng = check_random_state(random_state)
    with limit_threads():  # many small fits: one thread is faster, and the same everywhere
        return _stability(X, n_clusters, n_resamples, n_seeds, n_init, random_state, rng)


def _stability(X, n_clusters, n_resamples, n_seeds, n_init, random_state, rng):
    from sklearn.cluster import KMeans
    reference = KMeans(n_clusters, n_init=n_init, random_state=random_state).fit(X)
    boot = []
    for _ in range(n_resamples):
        rows = rng.randint(len(X), size=len(X))  # draw n points with replacement
        model = KMeans(n_clusters, n_init=n_init, random_state=random_state).fit(X[rows])
        boot.append(_ari(reference.labels_, model.predict(X)))
    runs = [KMeans(n_clusters, n_init=n_init, random_state=s).fit_predict(X)
            for s in range(n_seeds)]
    seeds = [_ari(a, b) for a, b in zip(runs, runs[1:])]
    return Stability(n_clusters, np.array(boot), np.array(seeds), n_init, reference.labels_)
