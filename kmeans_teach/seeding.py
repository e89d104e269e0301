"""Where k-means starts: k-means++ seeding one pick at a time, and seed scans.

* :func:`kmeans_plusplus_steps` yields every pick of k-means++ together with
  the chance every point had of being that pick (the "D² distribution"). It
  draws the same random numbers as scikit-learn's ``kmeans_plusplus`` with
  ``n_local_trials=1``, so it picks the same points for the same seed.
* :func:`d2_probabilities` and :func:`d2_pick` are one D² sampling step,
  written to be read.
* :func:`scan_seeds` runs k-means once per seed and keeps every final
  clustering, so bad seeds are found by searching, not by luck.
* :func:`best_of_n_probability` and :func:`simulate_best_of_n`: the odds that
  the best of ``n_init`` runs is good, by arithmetic and by simulation.

This module uses only NumPy and scikit-learn (no plotting).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._validation import (
    check_choice, check_int, check_int_array, check_n_clusters, check_number, check_random_state, check_X,
)
from .engine import _first_distinct, _lloyd, _n_iter, _prepare_checked

__all__ = [
    "SeedingPick",
    "kmeans_plusplus_steps",
    "d2_probabilities",
    "d2_pick",
    "SeedScan",
    "scan_seeds",
    "best_of_n_probability",
    "simulate_best_of_n",
]


def _freeze(*arrays):
    for arr in arrays:
        if arr is not None:
            arr.flags.writeable = False


@dataclass(frozen=True, eq=False)
class SeedingPick:
    """One pick of k-means++ seeding (read-only).

    Attributes
    ----------
    pick : int
        0 for the first center, 1 for the second, ...
    index : int
        The row of X that became this center.
    center : ndarray of shape (n_features,)
        ``X[index]``.
    chosen : tuple of int
        Rows of X picked before this one (empty for the first pick).
    d2 : ndarray of shape (n_samples,) or None
        Squared distance from every point to its nearest center among
        ``chosen`` (None for the first pick, when there is no center yet).
    probabilities : ndarray of shape (n_samples,)
        The chance every point had of being this pick: ``d2 / d2.sum()``, or
        ``1 / n_samples`` for every point at the first pick.
    draw : float
        The uniform random number u in [0, 1) that made the choice. The first
        pick is the first point whose cumulative probability is greater than u
        (as ``rng.choice`` picks); each later pick is the first point whose
        running sum of D² reaches u times their total, clipped to the last row,
        as scikit-learn's ``_kmeans_plusplus`` searches, with D² computed as
        |x|² − 2 x·c + |c|², as scikit-learn computes them. Lesson 02's rule (the
        first point whose cumulative probability is greater than u, with D²
        computed as |x − c|²) can give another point in two kinds of draws:
        (i) a draw exactly at the end of a share (u = 0 when row 0 lies on a
        center is one), where the engine takes the point whose share ends there
        and lesson 02 the next one with a chance; (ii) a draw that rounding
        moves across the end of a share: the running sums round, and the
        formula's D² carries an error of about 1e-16 times |x|² + |c|² (more
        with many features), which matters more the larger that is compared
        with the points' D² (scaling the data by a power of two leaves the
        rounding unchanged, as long as no square or product underflows or
        overflows); subtracting the mean first,
        as ``KMeans.fit`` does, reduces it when the data as a whole sit far from
        the origin. In both kinds the engine, like scikit-learn, can pick a
        point with D² = 0 again.
    """

    pick: int
    index: int
    center: np.ndarray
    chosen: tuple
    d2: np.ndarray | None
    probabilities: np.ndarray = field(repr=False)
    draw: float = 0.0

    def __post_init__(self):
        _freeze(self.center, self.d2, self.probabilities)

    def __repr__(self):
        return (f"SeedingPick(pick={self.pick}, index={self.index}, "
                f"probability={self.probabilities[self.index]:.4f}, draw={self.draw:.4f})")


def _squared_distances(centers, X, x_squared_norms):
    # |x - c|^2 computed as |x|^2 - 2 x.c + |c|^2, exactly as scikit-learn
    # does, so that the random draws below land on the same points.
    from sklearn.metrics.pairwise import euclidean_distances  # on use: scikit-learn imports pandas
    return euclidean_distances(centers, X, Y_norm_squared=x_squared_norms, squared=True)


def kmeans_plusplus_steps(X, n_clusters, *, random_state=None):
    """The k-means++ seeding, yielding every pick with the chances that produced it.

    1. The first center is a data point chosen uniformly at random.
    2. Every point gets the squared distance D² to its nearest chosen center.
    3. The next center is drawn at random with probability proportional to D²:
       far points are likely, points on top of a center impossible (but for
       the draws that ``SeedingPick.draw`` describes).
    4. Repeat 2-3 until there are ``n_clusters`` centers.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    n_clusters : int
        Number of centers to pick, from 1 to the number of distinct points in X.
    random_state : int, RandomState instance or None, default=None
        Seed for the random draws.

    Returns
    -------
    picks : generator of SeedingPick
        One pick per center, in the order they were chosen, computed as they
        are read (the arguments are checked at the call).

    See Also
    --------
    sklearn.cluster.kmeans_plusplus : with ``n_local_trials=1`` it picks the
        same points for the same ``random_state``.

    Notes
    -----
    scikit-learn's ``KMeans`` uses *greedy* k-means++ by default: at every
    pick it draws ``2 + int(log(n_clusters))`` candidates and keeps the one
    that lowers the inertia most. ``n_local_trials=1`` is the plain
    algorithm of Arthur & Vassilvitskii (2007), shown here.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0]])
    >>> picks = list(kmeans_plusplus_steps(X, 2, random_state=0))
    >>> [p.index for p in picks]
    [2, 1]
    >>> picks[1].probabilities.round(3)  # D² from center 2: 100, 81, 0, 1
    array([0.549, 0.445, 0.   , 0.005])
    """
    X = check_X(X)
    check_n_clusters(n_clusters, X)
    n_distinct = len(_first_distinct(X, np.arange(len(X)), n_clusters))
    check_n_clusters(n_clusters, X, n_distinct=n_distinct)
    rng = check_random_state(random_state)
    return _plusplus(X, n_clusters, rng)


def _plusplus(X, n_clusters, rng):
    n_samples = len(X)
    weights = np.ones(n_samples)  # scikit-learn's sample_weight, all 1 here
    x_squared_norms = np.einsum("ij,ij->i", X, X)

    # 1. the first center: uniform. scikit-learn calls
    #    rng.choice(n_samples, p=weights / weights.sum()); these are its steps.
    uniform = weights / weights.sum()
    cdf = np.cumsum(uniform)
    cdf /= cdf[-1]
    draw = float(rng.random_sample())
    index = int(cdf.searchsorted(draw, side="right"))
    chosen = []
    yield SeedingPick(0, index, X[index].copy(), (), None, uniform, draw)
    chosen.append(index)

    # 2. squared distance to the nearest center, and their total ("potential")
    d2 = _squared_distances(X[[index]], X, x_squared_norms)[0]
    total = d2 @ weights
    for pick in range(1, n_clusters):
        if not np.all(total > 0):  # cannot happen with enough distinct points
            raise ValueError("every point lies on a chosen center; reduce n_clusters.")
        # 3. draw u in [0, 1): the pick is the first point where the running
        #    sum of D² reaches u * total, searched and clipped as scikit-learn's
        #    _kmeans_plusplus does, so that the picks are the same as its. ("Greater
        #    than u", lesson 02's rule, can give another point at the end of a share,
        #    at u = 0, or where rounding matters; see SeedingPick.draw.)
        u = rng.uniform(size=1)
        cumulative = np.cumsum(weights * d2, dtype=np.float64)
        index = int(np.clip(np.searchsorted(cumulative, u * total), None, n_samples - 1)[0])
        # (the |x|^2 - 2 x.c + |c|^2 formula can leave a residue on a center
        # itself, growing with |x|^2; the record shows the chosen rows' true value, 0)
        shown = d2.copy()
        shown[chosen] = 0.0
        yield SeedingPick(pick, index, X[index].copy(), tuple(chosen), shown,
                          shown / float(np.asarray(total).item()), float(u[0]))
        chosen.append(index)
        # 4. the new center is nearer to some points: update their D²
        new = _squared_distances(X[[index]], X, x_squared_norms)
        np.minimum(d2, new, out=new)
        total = (new @ weights.reshape(-1, 1))[0]
        d2 = new[0]


def d2_probabilities(X, centers):
    """The D² distribution: each point's chance of being the next k-means++ center.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    centers : array-like of shape (n_centers, n_features)
        The centers chosen so far (at least one).

    Returns
    -------
    probabilities : ndarray of shape (n_samples,)
        Squared distance to the nearest center, divided by the sum of those.

    Examples
    --------
    >>> import numpy as np
    >>> d2_probabilities(np.array([[0.0], [1.0], [3.0]]), np.array([[0.0]]))
    array([0. , 0.1, 0.9])
    """
    X, centers = _check_points_and_centers(X, centers)
    # 1. squared distance from every point to every center
    squared = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    # 2. keep the nearest center's: this is D²
    d2 = squared.min(axis=1)
    total = d2.sum()
    if total == 0:
        raise ValueError("every point of X lies on a center, so no point can be picked next; "
                         "there are no more distinct points to choose.")
    # 3. proportional to D², summing to 1
    return d2 / total


def d2_pick(X, centers, u):
    """One D² sampling step: the index of the next center for the uniform draw ``u``.

    The points are laid end to end, each with a length equal to its chance;
    the pick is the point under position ``u``, i.e. the first point with a
    chance (D² > 0) whose cumulative probability reaches ``u`` (on a border
    between two shares, the one that ends there).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    centers : array-like of shape (n_centers, n_features)
        The centers chosen so far.
    u : float
        A uniform random number in [0, 1), e.g. ``rng.uniform()``.

    Returns
    -------
    index : int
        The row of X picked (never a point with D² = 0).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [3.0]])
    >>> d2_pick(X, np.array([[0.0]]), 0.05), d2_pick(X, np.array([[0.0]]), 0.5)
    (1, 2)
    """
    check_number(u, "u", low=0, high=1, high_open=True, fix=" Draw one with rng.uniform().")
    probabilities = d2_probabilities(X, centers)
    # only points with a chance can be picked (a center has D² = 0)
    candidates = np.flatnonzero(probabilities > 0)
    cumulative = np.cumsum(probabilities)[candidates]
    return int(candidates[min(np.searchsorted(cumulative, u), len(candidates) - 1)])


def _check_points_and_centers(X, centers):
    X = check_X(X)
    centers = check_X(centers, name="centers")
    if centers.shape[1] != X.shape[1]:
        raise ValueError(f"centers has {centers.shape[1]} features (columns) but X has "
                         f"{X.shape[1]}: they must match.")
    return X, centers


INITS = ("random", "k-means++")


@dataclass(frozen=True, eq=False)
class SeedScan:
    """Final k-means clusterings, one per seed (read-only).

    Attributes
    ----------
    seeds : ndarray of shape (n_seeds,)
        The seed of every run, in order.
    init : {"random", "k-means++"}
        How every run picked its starting centers.
    inertias : ndarray of shape (n_seeds,)
        Final inertia of every run.
    labels : ndarray of shape (n_seeds, n_samples)
        The final labels of every run.
    centers : ndarray of shape (n_seeds, n_clusters, n_features)
        The final centers of every run.
    n_iter : ndarray of shape (n_seeds,)
        Lloyd iterations of every run.
    stop_reasons : ndarray of shape (n_seeds,)
        Why every run stopped: "labels unchanged" (a fixed point: no point
        changed cluster), "center shift within tol" (the centers moved less
        than the tolerance; a point may still have changed cluster) or
        "max_iter reached".
    """

    seeds: np.ndarray
    init: str
    inertias: np.ndarray
    labels: np.ndarray = field(repr=False)
    centers: np.ndarray = field(repr=False)
    n_iter: np.ndarray = field(repr=False)
    stop_reasons: np.ndarray = field(repr=False)

    def __post_init__(self):
        _freeze(self.seeds, self.inertias, self.labels, self.centers, self.n_iter,
                self.stop_reasons)

    def __len__(self):
        return len(self.seeds)

    def position(self, seed):
        """Row of this scan that holds ``seed``.

        Parameters
        ----------
        seed : int
            One of the scan's seeds.

        Returns
        -------
        row : int
            The index into ``inertias``, ``labels``, ``centers`` and ``n_iter``.

        Raises
        ------
        ValueError
            If the scan has no run with that seed.
        """
        where = np.flatnonzero(self.seeds == seed)
        if len(where) == 0:
            raise ValueError(f"seed {seed!r} is not in this scan; it has seeds "
                             f"{int(self.seeds.min())} .. {int(self.seeds.max())}.")
        return int(where[0])

    @property
    def worst_seed(self):
        """The seed whose run ended with the largest inertia (the first, if tied)."""
        return int(self.seeds[np.argmax(self.inertias)])

    @property
    def best_seed(self):
        """The seed whose run ended with the smallest inertia (the first, if tied)."""
        return int(self.seeds[np.argmin(self.inertias)])

    def reached(self, optimum=None, *, rtol=1e-3):
        """Which runs reached the optimum: inertia at most ``optimum * (1 + rtol)``.

        A run stops when its centers move less than ``tol``, so runs that found
        the same clustering can differ in the last digits; ``rtol`` absorbs that.

        Parameters
        ----------
        optimum : float or None, default=None
            The best inertia (positive); None takes the smallest in this scan.
        rtol : float, default=1e-3
            The relative margin above ``optimum`` that still counts as reached.

        Returns
        -------
        reached : ndarray of bool of shape (n_seeds,)
            One verdict per run, in the scan's order.
        """
        optimum = float(self.inertias.min()) if optimum is None else optimum
        check_number(optimum, "optimum", low=0, low_open=True, what="inertia",
                     fix=" Leave it None for this scan's smallest inertia.")
        return self.inertias <= optimum * (1 + rtol)

    def share_reached(self, optimum=None, *, rtol=1e-3):
        """The share of runs that reached the optimum (see :meth:`reached`).

        Parameters
        ----------
        optimum : float or None, default=None
            The best inertia; None takes the smallest in this scan.
        rtol : float, default=1e-3
            The relative margin above ``optimum`` that still counts as reached.

        Returns
        -------
        share : float
            Between 0 and 1.
        """
        return float(np.mean(self.reached(optimum, rtol=rtol)))

    def __repr__(self):
        return (f"SeedScan({len(self)} seeds, init={self.init!r}, inertia "
                f"{self.inertias.min():.4g} .. {self.inertias.max():.4g})")


def _check_seeds(seeds):
    if isinstance(seeds, (str, bytes)) or not np.iterable(seeds):
        raise TypeError(f"seeds must be a sequence of integers such as range(200); got {seeds!r}.")
    for seed in seeds:
        check_int(seed, "each seed", low=0, high=2**32 - 1)
        yield int(seed)


def scan_seeds(X, n_clusters, seeds, *, init="random", max_iter=300, tol=1e-4):
    """Run k-means once per seed and keep every final clustering.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    n_clusters : int
        Number of clusters.
    seeds : iterable of int
        One run per seed, e.g. ``range(200)``. (Any iterable: wrap it in a
        progress bar to watch the runs go by.)
    init : {"random", "k-means++"}, default="random"
        How every run picks its starting centers (see :func:`kmeans_teach.kmeans_steps`).
    max_iter : int, default=300
        Passed on to :func:`kmeans_teach.kmeans_steps`.
    tol : float, default=1e-4
        Passed on to :func:`kmeans_teach.kmeans_steps`.

    Returns
    -------
    scan : SeedScan
        The final inertia, labels, centers and iterations of every run.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0], [20.0], [21.0]])  # 3 pairs
    >>> scan = scan_seeds(X, 3, range(6))
    >>> scan
    SeedScan(6 seeds, init='random', inertia 1.5 .. 101)
    >>> scan.inertias.tolist(), scan.worst_seed, scan.share_reached()
    ([1.5, 1.5, 1.5, 101.0, 101.0, 101.0], 3, 0.5)
    >>> sorted(set(scan.stop_reasons.tolist()))
    ['labels unchanged']
    """
    check_choice(init, "init", INITS)
    X = check_X(X)
    check_n_clusters(n_clusters, X)
    runs = []
    for seed in _check_seeds(seeds):
        # X is checked once above: each run checks only its other arguments
        *_, final = _lloyd(*_prepare_checked(X, n_clusters, init, seed, max_iter, tol,
                                             "relocate"), "relocate")
        runs.append((seed, final.inertia, final.labels, final.centers, _n_iter(final),
                     final.stop_reason))
    if not runs:
        raise ValueError("seeds is empty: give at least one seed, e.g. range(200).")
    seeds_, inertias, labels, centers, n_iter, stop_reasons = zip(*runs)
    return SeedScan(np.array(seeds_), init, np.array(inertias), np.array(labels),
                    np.array(centers), np.array(n_iter), np.array(stop_reasons))


def best_of_n_probability(p, n_init):
    """Chance that at least one of ``n_init`` independent runs succeeds: 1 - (1 - p)^n.

    Parameters
    ----------
    p : float
        Chance that one run succeeds, in [0, 1].
    n_init : int or array of int
        Number of runs (at least 1).

    Returns
    -------
    probability : float or ndarray
        ``1 - (1 - p) ** n_init``, of the shape of ``n_init``.

    Examples
    --------
    >>> best_of_n_probability(0.8, [1, 2, 3]).round(3)
    array([0.8  , 0.96 , 0.992])
    """
    check_number(p, "p", low=0, high=1, what="probability")
    n = check_int_array(n_init, "n_init", low=1, fix=" For example n_init=[1, 2, 5, 10].")
    # all n runs fail with chance (1 - p)^n; otherwise at least one succeeds
    return 1 - (1 - p) ** n


def simulate_best_of_n(reached, n_init, *, n_groups=2000, random_state=None):
    """Simulate ``n_init``: draw groups of runs and count the groups with a success.

    Every group is ``n_init`` different runs drawn from ``reached`` (as
    ``KMeans(n_init=n)`` runs n times and keeps the best); the result is the
    share of groups in which at least one run reached the optimum.

    Parameters
    ----------
    reached : array-like of bool, shape (n_runs,)
        Which runs reached the optimum (e.g. :meth:`SeedScan.reached`).
    n_init : int
        Runs per group, from 1 to ``n_runs``.
    n_groups : int, default=2000
        How many groups to draw.
    random_state : int, RandomState instance or None, default=None
        Seeds the random draws; an int gives the same result on every call.

    Returns
    -------
    share : float
        The share of the groups in which at least one run reached the optimum.

    Examples
    --------
    >>> simulate_best_of_n([True, False, False, False], 4, n_groups=10, random_state=0)
    1.0
    """
    reached = np.asarray(reached)
    if reached.ndim != 1 or reached.dtype != bool or reached.size == 0:
        raise ValueError("reached must be a non-empty 1-D array of True/False, one per run.")
    n_init = check_int(n_init, "n_init", low=1, high=len(reached),
                       fix=" A group cannot hold more runs than there are.")
    n_groups = check_int(n_groups, "n_groups", low=1)
    rng = check_random_state(random_state)
    # each row: n_init different runs, taken as the first n_init of a shuffle
    keys = rng.random_sample((n_groups, len(reached)))
    groups = np.argsort(keys, axis=1)[:, :n_init]
    return float(reached[groups].any(axis=1).mean())


