"""Choosing k: the elbow (with Kneedle), the silhouette and the gap statistic.

k-means cannot learn k: the lowest inertia that k clusters can reach never
rises when k grows, so "the k with the smallest inertia" is always the
largest k. This module holds three
common ways to pick k instead, each a few readable lines:

* :func:`kneedle` finds the knee ("elbow") of the inertia curve
  (Satopää, Albrecht, Irwin & Raghavan, 2011);
* :func:`fit_k` / :func:`scan_k` fit k-means for each k and keep the labels,
  centers, inertia and silhouette scores (scikit-learn's metrics);
* :func:`gap_statistic` compares the inertia with that of data without any
  clusters (Tibshirani, Walther & Hastie, 2001).

NumPy, SciPy and scikit-learn only (no plotting).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from numbers import Integral

import numpy as np

from ._threads import limit_threads
from ._validation import check_int, check_number, check_random_state, check_X, rng_from

__all__ = [
    "kneedle",
    "KneedleCurve",
    "kneedle_curve",
    "KFit",
    "fit_k",
    "scan_k",
    "GapResult",
    "gap_statistic",
]


# --- the elbow: Kneedle ------------------------------------------------------------------


def _check_curve(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.ndim != 1 or len(x) != len(y):
        raise ValueError(f"x and y must be 1-D and of the same length, but have shapes "
                         f"{x.shape} and {y.shape}.")
    if len(x) < 3:
        raise ValueError(f"a knee needs at least 3 points, but x has {len(x)}.")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("x and y must be finite (no NaN or infinity).")
    if not (np.diff(x) > 0).all():
        raise ValueError("x must be strictly increasing, for example ks = [1, 2, ..., 10].")
    if np.ptp(y) == 0:
        raise ValueError("y is constant, so the curve has no knee.")
    return x, y


def _local_extrema(d, comparator):
    """The indices where ``comparator(d[i], neighbour)`` holds for both neighbours.

    ``scipy.signal.argrelextrema(d, comparator)[0]`` in a few lines of NumPy (so that
    ``import kmeans_teach`` does not load ``scipy.signal``): an end point is compared
    with itself and its one neighbour, as argrelextrema's default ``mode="clip"`` does.
    """
    padded = np.pad(d, 1, mode="edge")  # d[-1] := d[0] and d[n] := d[n - 1], i.e. clip
    return np.flatnonzero(comparator(d, padded[:-2]) & comparator(d, padded[2:]))


def kneedle(x, y, *, curve="convex", direction="decreasing", S=1.0):
    """The knee of a curve, found by the Kneedle rule (Satopää et al., 2011).

    The defaults fit an elbow plot: inertia falls (``"decreasing"``) and
    flattens out (``"convex"``). The rule:

    1. rescale x and y to [0, 1];
    2. turn the curve so that it rises and flattens (concave, increasing);
    3. take the difference ``d = y - x``, the curve's height above the diagonal;
    4. a local maximum of ``d`` is a knee if, before the next local minimum,
       ``d`` falls below ``d[max] - S * (mean step in x)``. The first such
       maximum wins. ``S`` (sensitivity) says how sure we want to be.

    Parameters
    ----------
    x : array-like of shape (n_points,)
        Strictly increasing, for example the values of k.
    y : array-like of shape (n_points,)
        The curve, for example the inertia at each k.
    curve : {"convex", "concave"}, default="convex"
        The curve's bend: an inertia curve is convex.
    direction : {"decreasing", "increasing"}, default="decreasing"
        Whether the curve falls or rises with x.
    S : float, default=1.0
        Sensitivity: larger values wait for a clearer flattening.

    Returns
    -------
    knee : int, float or None
        The x value of the knee (an int when x holds integers), or None if
        the curve has none.

    See Also
    --------
    kneed.KneeLocator : the reference implementation by the authors' group
        (same answers with its default ``interp_method="interp1d"``, ``online=False``).

    Examples
    --------
    >>> ks = [1, 2, 3, 4, 5, 6, 7]
    >>> kneedle(ks, [100, 50, 20, 15, 13, 12, 11])
    3
    """
    check_number(S, "S", low=0, fix=" The usual value is 1.")
    kc = kneedle_curve(x, y, curve=curve, direction=direction)  # steps 1-3
    xn, d, flipped = kc.x, kc.difference, kc.flipped
    x = np.asarray(x)
    # 4. walk along d; each local maximum sets a threshold, each local minimum clears it
    maxima = set(_local_extrema(d, np.greater_equal).tolist())
    minima = set(_local_extrema(d, np.less_equal).tolist())
    step = np.abs(np.diff(xn).mean())
    candidate = threshold = None
    for i in range(len(d) - 1):
        if i in maxima:
            candidate, threshold = i, d[i] - S * step
        if i in minima:
            candidate = None
        if candidate is not None and d[i + 1] < threshold:
            return (x[len(x) - 1 - candidate] if flipped else x[candidate]).item()
    return None


class KneedleCurve(NamedTuple):
    """The curve as Kneedle sees it (steps 1 to 3 of :func:`kneedle`).

    Attributes
    ----------
    x : ndarray of shape (n_points,)
        x rescaled to [0, 1] (reversed when the curve was flipped).
    y : ndarray of shape (n_points,)
        y rescaled to [0, 1] and turned concave and increasing.
    difference : ndarray of shape (n_points,)
        ``y - x``: the knee is where this peaks.
    flipped : bool, default=False
        True when the order was reversed (convex increasing, concave
        decreasing): then point i of this curve is point n - 1 - i of the
        original x.
    """

    x: np.ndarray  # x rescaled to [0, 1] (reversed when the curve was flipped)
    y: np.ndarray  # y rescaled to [0, 1] and turned concave and increasing
    difference: np.ndarray  # y - x: the knee is where this peaks
    #: True when the order was reversed (convex increasing, concave decreasing):
    #: then point i of this curve is point n - 1 - i of the original x
    flipped: bool = False


def kneedle_curve(x, y, *, curve="convex", direction="decreasing"):
    """Steps 1 to 3 of :func:`kneedle`: rescale, turn, subtract the diagonal.

    Parameters
    ----------
    x : array-like of shape (n_points,)
        Strictly increasing, for example the values of k.
    y : array-like of shape (n_points,)
        The curve, for example the inertia at each k.
    curve : {"convex", "concave"}, default="convex"
        The curve's bend, as in :func:`kneedle`.
    direction : {"decreasing", "increasing"}, default="decreasing"
        Whether the curve falls or rises, as in :func:`kneedle`.

    Returns
    -------
    kcurve : KneedleCurve
        The rescaled x and y and their difference.

    Examples
    --------
    >>> c = kneedle_curve([1, 2, 3, 4, 5], [100, 40, 20, 15, 12])
    >>> c.difference.round(2).tolist()
    [0.0, 0.43, 0.41, 0.22, 0.0]
    """
    if curve not in ("convex", "concave"):
        raise ValueError(f"curve must be 'convex' or 'concave', but got {curve!r}.")
    if direction not in ("decreasing", "increasing"):
        raise ValueError(f"direction must be 'decreasing' or 'increasing', but got {direction!r}.")
    x, y = _check_curve(x, y)
    # 1. rescale both axes to [0, 1]
    xn = (x - x.min()) / np.ptp(x)
    yn = (y - y.min()) / np.ptp(y)
    # 2. make the curve concave and increasing: a convex curve is turned upside
    #    down, and the order is reversed when that leaves it falling
    if curve == "convex":
        yn = 1 - yn
    flipped = (curve == "convex") == (direction == "increasing")
    if flipped:
        xn, yn = 1 - xn[::-1], yn[::-1]
    # 3. the height above the diagonal
    return KneedleCurve(xn, yn, yn - xn, flipped)


# --- k-means for one k, and for many ------------------------------------------------------


@dataclass(frozen=True, eq=False)
class KFit:
    """The k-means fit for one value of k, and how good its clusters are (read-only).

    Attributes
    ----------
    n_clusters : int
        The k of this fit.
    labels : ndarray of shape (n_samples,)
        The cluster of every point.
    centers : ndarray of shape (n_clusters, n_features)
        The centers of the best run.
    inertia : float
        Sum of squared distances from each point to its own center.
    silhouette : ndarray of shape (n_samples,) or None
        Each point's silhouette score, between -1 and 1 (None when
        ``n_clusters == 1``: the score compares a point's cluster with the
        next-nearest one, so it needs at least two).
    silhouette_mean : float or None
        The mean of ``silhouette`` (None when ``n_clusters == 1``).
    """

    n_clusters: int
    labels: np.ndarray
    centers: np.ndarray
    inertia: float
    silhouette: np.ndarray | None
    silhouette_mean: float | None

    def __post_init__(self):
        for arr in (self.labels, self.centers, self.silhouette):
            if arr is not None:
                arr.flags.writeable = False

    def __repr__(self):
        s = "None" if self.silhouette_mean is None else f"{self.silhouette_mean:.3f}"
        return f"KFit(n_clusters={self.n_clusters}, inertia={self.inertia:.4g}, silhouette={s})"


def _check_k(k, X, name="n_clusters", *, room=0):
    # room=1: k must leave at least one point to spare (the gap takes log W_k, and
    # W_k is 0 once every distinct point has its own cluster)
    high = len(np.unique(X, axis=0)) - room
    return check_int(k, name, low=1, high=high,
                     fix=f" X has {high + room} distinct points, so k can be at most {high} "
                         "here (and k-means needs k >= 1).")


def fit_k(X, n_clusters, *, n_init=10, random_state=0):
    """Fit scikit-learn's ``KMeans`` with ``n_clusters`` and score it with the silhouette.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_clusters : int
        Between 1 and the number of distinct points of X.
    n_init : int, default=10
        Best of this many k-means++ runs.
    random_state : int, RandomState instance or None, default=0
        Passed to ``KMeans``.

    Returns
    -------
    fit : KFit
        The labels, centers, inertia and silhouette of the best run.

    Examples
    --------
    >>> from kmeans_teach import lesson_blobs
    >>> X, _ = lesson_blobs()
    >>> fit_k(X, 4)
    KFit(n_clusters=4, inertia=212, silhouette=0.682)
    """
    X = check_X(X)
    k = _check_k(n_clusters, X)
    n_init = check_int(n_init, "n_init", low=1)
    check_random_state(random_state)
    return _fit_k(X, k, n_init, random_state)


def _fit_k(X, k, n_init, random_state):
    """:func:`fit_k` on checked input."""
    with limit_threads():  # k-means and the silhouette on one thread
        from sklearn.cluster import KMeans  # on use: scikit-learn imports pandas
        from sklearn.metrics import silhouette_samples
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(X)
        scores = silhouette_samples(X, model.labels_) if k >= 2 else None
    return KFit(k, model.labels_.copy(), model.cluster_centers_.copy(), float(model.inertia_),
                scores, None if scores is None else float(scores.mean()))


def _check_ks(ks, X, *, room=0):
    if isinstance(ks, Integral):
        raise TypeError(f"ks must be a list of values of k, for example range(1, {ks} + 1), "
                        f"not the single number {ks}.")
    ks = list(ks)
    if not ks:
        raise ValueError("ks is empty: give at least one value of k, for example ks=range(1, 11).")
    ks = [_check_k(k, X, name="every k in ks", room=room) for k in ks]
    if any(b <= a for a, b in zip(ks, ks[1:])):
        raise ValueError(f"ks must be strictly increasing without repeats, but got {ks}.")
    return np.array(ks)


def scan_k(X, ks=range(1, 11), *, n_init=10, random_state=0):
    """:func:`fit_k` for every k in ``ks``; a tuple of :class:`KFit`.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    ks : sequence of int, default=range(1, 11)
        Strictly increasing values of k.
    n_init : int, default=10
        Best of this many k-means++ runs for each k.
    random_state : int, RandomState instance or None, default=0
        Passed to every fit; an int gives every k the same seed.

    Returns
    -------
    fits : tuple of KFit
        One per value of ``ks``, in order.

    Examples
    --------
    >>> from kmeans_teach import lesson_blobs
    >>> fits = scan_k(lesson_blobs()[0], [2, 4, 6])
    >>> [round(f.silhouette_mean, 2) for f in fits]
    [0.54, 0.68, 0.49]
    """
    X = check_X(X)
    check_random_state(random_state)
    ks = _check_ks(ks, X)
    n_init = check_int(n_init, "n_init", low=1)
    return tuple(_fit_k(X, int(k), n_init, random_state) for k in ks)


# --- the gap statistic --------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class GapResult:
    """The gap statistic for each k, and the k the 1-SE rule picks (read-only).

    Attributes
    ----------
    k : ndarray of int, shape (n_ks,)
        The values of k, in order.
    gap : ndarray of shape (n_ks,)
        ``mean(log W*_k) - log W_k``: how much tighter the clusters of X are
        than those of data with no clusters.
    sk : ndarray of shape (n_ks,)
        The simulation error of ``gap``: ``sd(log W*_k) * sqrt(1 + 1/B)``.
    inertia : ndarray of shape (n_ks,)
        ``W_k``, the inertia of k-means on X.
    ref_log_inertia : ndarray of shape (n_refs, n_ks)
        ``log W*_k`` for each reference data set.
    choice : int
        The smallest k with ``gap(k) >= gap(k') - sk(k')``, k' the next k in
        the list (the 1-SE rule); the largest k if no k qualifies.
    """

    k: np.ndarray
    gap: np.ndarray
    sk: np.ndarray
    inertia: np.ndarray
    ref_log_inertia: np.ndarray
    choice: int

    def __post_init__(self):
        for arr in (self.k, self.gap, self.sk, self.inertia, self.ref_log_inertia):
            arr.flags.writeable = False

    def __repr__(self):
        rows = "\n".join(f"  {k:>3d}  {g:7.3f}  {s:6.3f}  {w:10.4g}"
                         for k, g, s, w in zip(self.k, self.gap, self.sk, self.inertia))
        return (f"GapResult(choice={self.choice}, n_refs={self.ref_log_inertia.shape[0]})\n"
                f"    k      gap      sk     inertia\n{rows}")


def _one_se_choice(ks, gap, sk):
    for i in range(len(ks) - 1):
        if gap[i] >= gap[i + 1] - sk[i + 1]:
            return int(ks[i])
    return int(ks[-1])


def gap_statistic(X, ks=range(1, 11), *, n_refs=10, n_init=3, random_state=0, progress=None):
    """The gap statistic of Tibshirani, Walther & Hastie (2001).

    1. Cluster X with k-means for each k; ``W_k`` is the inertia (the
       within-cluster sum of squares).
    2. Draw ``n_refs`` (B) reference data sets of the same size, uniform over
       the bounding box of X (each feature between its min and its max), and
       cluster each of them the same way: ``W*_kb``.
    3. ``gap(k) = mean_b(log W*_kb) - log W_k`` and
       ``sk = sd_b(log W*_kb) * sqrt(1 + 1/B)`` (sd with 1/B, as in the paper).
    4. The 1-SE rule: choose the smallest k with ``gap(k) >= gap(k+1) - s(k+1)``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    ks : sequence of int, default=range(1, 11)
        Strictly increasing values of k, each between 1 and the number of
        distinct points of X minus one (``log W_k`` needs ``W_k > 0``).
    n_refs : int, default=10
        B, the number of reference data sets (at least 1).
    n_init : int, default=3
        Best of this many k-means++ runs, on X and on every reference set.
    random_state : int, RandomState instance or None, default=0
        Seeds both the reference data, drawn with
        ``np.random.default_rng(random_state).uniform(X.min(0), X.max(0),
        size=(n_refs, n_samples, n_features))`` for an int, and k-means (with
        the same int). A RandomState or None seeds a Generator with an int
        drawn from it, and k-means with an int drawn from that Generator.
    progress : callable or None, default=None
        Wraps the loop over ``ks`` (for example a progress bar), as in
        ``for k in progress(ks)``.

    Returns
    -------
    result : GapResult
        The gap and its error at every k, and the k the 1-SE rule chooses.

    Examples
    --------
    >>> from kmeans_teach import lesson_blobs
    >>> result = gap_statistic(lesson_blobs()[0], range(1, 7), n_refs=5)
    >>> result.choice
    4
    """
    X = check_X(X)
    ks = _check_ks(ks, X, room=1)
    n_refs = check_int(n_refs, "n_refs", low=1,
                       fix=" The gap statistic needs at least one reference data set; 10 is usual.")
    n_init = check_int(n_init, "n_init", low=1)
    rng = rng_from(random_state)
    refs = rng.uniform(X.min(axis=0), X.max(axis=0), size=(n_refs, *X.shape))
    seed = random_state if isinstance(random_state, Integral) else int(rng.integers(2**31 - 1))

    from sklearn.cluster import KMeans  # on use: scikit-learn imports pandas

    def log_w(data, k):
        return np.log(KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(data).inertia_)

    ks_loop = ks.tolist() if progress is None else progress(ks.tolist())
    log_wk, ref_log_wk = [], []
    with limit_threads():  # k-means and the silhouette on one thread
        for k in ks_loop:
            log_wk.append(log_w(X, k))
            ref_log_wk.append([log_w(ref, k) for ref in refs])
    log_wk = np.array(log_wk)
    ref_log_wk = np.array(ref_log_wk).T  # (n_refs, n_ks)
    gap = ref_log_wk.mean(axis=0) - log_wk
    sk = ref_log_wk.std(axis=0) * np.sqrt(1 + 1 / n_refs)
    return GapResult(ks, gap, sk, np.exp(log_wk), ref_log_wk, _one_se_choice(ks, gap, sk))
