"""The k-means engine: Lloyd's algorithm one half-step at a time.

``kmeans_steps`` is a generator that yields an immutable :class:`Step` after
every half-step, so a notebook or an app can show each one:

* ``phase="init"``   the initial centers (no labels yet);
* ``phase="assign"`` the E-step: every point takes the label of its nearest center;
* ``phase="update"`` the M-step: every center moves to the mean of its points.

The result is the same as scikit-learn's ``KMeans(algorithm="lloyd")`` started
from the same centers: the same stopping rules, the same handling of empty
clusters. This module uses only NumPy and scikit-learn (no plotting).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ._validation import (
    check_centers, check_choice, check_init_array, check_int, check_labels, check_n_clusters,
    check_random_state, check_tol, check_X,
)

__all__ = [
    "Step",
    "Trace",
    "kmeans_steps",
    "run_kmeans",
    "assign",
    "update",
    "inertia",
    "init_centers",
    "EmptyClusterError",
    "EmptyClusterWarning",
]

EMPTY_POLICIES = ("relocate", "keep", "nan")


class EmptyClusterWarning(UserWarning):
    """A cluster lost all its points and its center was left where it was."""


class EmptyClusterError(ValueError):
    """A center became NaN because its cluster emptied (``empty="nan"``)."""


@dataclass(frozen=True, eq=False)
class Step:
    """One half-step of Lloyd's algorithm (read-only).

    Attributes
    ----------
    iteration : int
        0 for the initial centers, then 1, 2, ... (an E-step and an M-step
        share their iteration number).
    phase : {"init", "assign", "update"}
        What this half-step did.
    centers : ndarray of shape (n_clusters, n_features)
        The centers after this half-step.
    labels : ndarray of shape (n_samples,) or None
        The cluster of every point (None at init), of dtype int32 as
        scikit-learn's labels.
    inertia : float or None
        Sum of squared distances from each point to the center of its
        cluster (None at init). Computed the first time it is read, so a
        long run that never looks at it does not pay for it.
    center_shift : float or None
        For an update: the summed squared distance the centers moved, the
        number compared with the tolerance. None otherwise.
    converged : bool
        True once the run has met a convergence rule.
    emptied : tuple of int
        For an update: the clusters that had no points after the E-step.
    n_changed : int or None
        For an assign: how many points changed cluster (all of them on the
        first E-step).
    stop_reason : str or None
        On the last step only: why the run stopped.
    data : ndarray of shape (n_samples, n_features) or None
        The data X of the run: a read-only copy made once per run (the same
        array for every step), kept so that ``inertia`` can be computed when
        it is read. Changing the caller's X afterwards changes nothing here.
    """

    iteration: int
    phase: str
    centers: np.ndarray
    labels: np.ndarray | None = None
    center_shift: float | None = None
    converged: bool = False
    emptied: tuple = ()
    n_changed: int | None = None
    stop_reason: str | None = None
    data: np.ndarray | None = field(default=None, repr=False)  # X, to compute the inertia

    @cached_property
    def inertia(self):
        if self.labels is None:
            return None
        return inertia(self.data, self.labels, self.centers, check_input=False)

    def __post_init__(self):
        # Freeze the arrays too, so no step can be changed after the fact.
        for arr in (self.centers, self.labels):
            if arr is not None:
                arr.flags.writeable = False

    def __repr__(self):
        inertia = "None" if self.inertia is None else f"{self.inertia:.4g}"
        extra = f", stop_reason={self.stop_reason!r}" if self.stop_reason else ""
        return (
            f"Step(iteration={self.iteration}, phase={self.phase!r}, "
            f"inertia={inertia}, converged={self.converged}{extra})"
        )


class Trace(Sequence):
    """All the steps of one k-means run, in order (an immutable sequence).

    Parameters
    ----------
    steps : iterable of Step
        The steps of the run (read once, into a tuple).
    tol : float
        The absolute tolerance the run used.

    Attributes
    ----------
    final : Step
        The last step: the final centers and the labels that go with them.
    n_iter : int
        Number of Lloyd iterations, counted as scikit-learn's ``n_iter_``.
    tol : float
        The absolute tolerance used: ``tol`` times the mean feature variance of X.
    """

    def __init__(self, steps, *, tol):
        self._steps = tuple(steps)
        self.tol = tol

    def __getitem__(self, index):
        return self._steps[index]

    def __len__(self):
        return len(self._steps)

    @property
    def final(self):
        return self._steps[-1]

    @property
    def n_iter(self):
        return _n_iter(self.final)

    @property
    def inertias(self):
        """Inertia at every half-step after init, as an array."""
        return np.array([s.inertia for s in self._steps[1:]])

    def __repr__(self):
        f = self.final
        return (
            f"Trace({len(self)} steps, n_clusters={len(f.centers)}, n_iter={self.n_iter}, "
            f"inertia={f.inertia:.4g}, stop_reason={f.stop_reason!r})"
        )


#: The dtype of every array of labels the package returns: scikit-learn's.
LABEL_DTYPE = np.int32


def _n_iter(final):
    """The number of Lloyd iterations of a run, counted as scikit-learn's ``n_iter_``, from its last step."""
    # An E-step that changes nothing ends the run at once; the other two
    # rules end it after an M-step, followed by one last E-step.
    return final.iteration if final.stop_reason == "labels unchanged" else final.iteration - 1


def _label_dtype(n_clusters):
    """The labels' dtype: signed int32 as in scikit-learn, so ``labels - 1`` is -1, not 255."""
    return LABEL_DTYPE


def assign(X, centers, *, check_input=True):
    """E-step: give every point the label of its nearest center.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    centers : array-like of shape (n_clusters, n_features)
        The centers.
    check_input : bool, default=True
        Check X and centers first (shapes, numbers, finite values). The
        engine's own loop, which has checked them once already, passes False
        (scikit-learn's name for this switch).

    Returns
    -------
    labels : ndarray of shape (n_samples,), dtype int32
        The index of each point's nearest center (the first one on a tie).

    Examples
    --------
    >>> import numpy as np
    >>> assign(np.array([[0.0], [1.0], [9.0]]), np.array([[0.0], [10.0]]))
    array([0, 0, 1], dtype=int32)
    >>> assign([[0, 1]], [[0.0, 0.0], [1.0, 1.0]])  # any array-like
    array([0], dtype=int32)
    """
    if check_input:
        X = check_X(X)
        centers = check_centers(centers, X.shape[1])
    labels = np.empty(len(X), dtype=_label_dtype(len(centers)))
    # 1. squared distance from every point x to every center c:
    #    |x - c|^2 = |x|^2 - 2 x.c + |c|^2. The |x|^2 term is the same for all
    #    centers, so it cannot change which one is nearest: leave it out.
    #    Stack -2 c (one column per center) over a row of |c|^2; then a point
    #    written as [x, 1] times this table gives -2 x.c + |c|^2 in one product.
    table = np.vstack([-2.0 * centers.T, (centers**2).sum(axis=1)])
    # Work through the points in blocks of 1024: a block's distances fit in
    # the CPU cache, which makes the E-step about twice as fast.
    block = np.ones((1024, X.shape[1] + 1))  # rows [x, 1]; the last column stays 1
    for start in range(0, len(X), 1024):
        n = min(1024, len(X) - start)
        block[:n, :-1] = X[start : start + n]
        dist = block[:n] @ table  # -2 x.c + |c|^2, shape (n, n_clusters)
        # 2. each point goes to the center with the smallest distance
        labels[start : start + n] = dist.argmin(axis=1)
    return labels


def update(X, labels, n_clusters, *, check_input=True):
    """M-step: move every center to the mean of the points assigned to it.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    labels : array-like of int, shape (n_samples,)
        Cluster indices from 0 to ``n_clusters - 1``.
    n_clusters : int
        At least 1; clusters without points get NaN centers.
    check_input : bool, default=True
        Check the three arguments first (see :func:`assign`).

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        NaN in the rows of clusters that have no points.
    counts : ndarray of shape (n_clusters,)
        Number of points in each cluster.

    Examples
    --------
    >>> import numpy as np
    >>> update(np.array([[0.0], [2.0], [9.0]]), np.array([0, 0, 1]), 3)[0]
    array([[ 1.],
           [ 9.],
           [nan]])
    """
    if check_input:
        X = check_X(X)
        n_clusters = check_int(n_clusters, "n_clusters", low=1)
        labels = check_labels(labels, len(X), n_clusters)
    sums, counts = _sums_and_counts(X, labels, n_clusters)
    return _means(sums, counts), counts


def _sums_and_counts(X, labels, n_clusters):
    labels = labels.astype(np.intp)  # the index type NumPy's bincount works in
    # 1. count the points in each cluster
    counts = np.bincount(labels, minlength=n_clusters)
    # 2. add up, per cluster, the coordinates of its points (one feature at a time)
    sums = np.stack(
        [np.bincount(labels, weights=column, minlength=n_clusters) for column in X.T],
        axis=1,
    )
    return sums, counts


def _means(sums, counts):
    # 3. mean = sum / count. An empty cluster has no mean: 0 / 0 is NaN.
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts[:, None]


def inertia(X, labels, centers, *, check_input=True):
    """Sum of squared distances from each point to the center of its cluster.

    The arguments come in the order of the M-step's result and of lesson
    03's exercise, ``my_inertia(X, labels, centers)``: the data, which
    cluster each point is in, where the clusters' centers are.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    labels : array-like of int, shape (n_samples,)
        The cluster of every point.
    centers : array-like of shape (n_clusters, n_features)
        The centers.
    check_input : bool, default=True
        Check the three arguments first (see :func:`assign`).

    Returns
    -------
    inertia : float
        The sum over the points of the squared distance to their own
        cluster's center.

    Examples
    --------
    >>> import numpy as np
    >>> inertia(np.array([[0.0], [2.0]]), np.array([0, 0]), np.array([[1.0]]))
    2.0
    """
    if check_input:
        X = check_X(X)
        centers = check_centers(centers, X.shape[1])
        labels = check_labels(labels, len(X), len(centers))
    diff = X - centers.take(labels, axis=0)  # from each point to its own center
    return float(np.einsum("ij,ij->", diff, diff))  # sum of squares, without a temporary


def _relocate_empty(X, labels, old_centers, sums, counts, empty_clusters):
    """Give each empty cluster one of the points farthest from their center.

    This is what scikit-learn does: the farthest point becomes the new center
    of the empty cluster and is taken out of the cluster it was in.
    """
    labels = labels.copy()
    far_dist = ((X - old_centers[labels]) ** 2).sum(axis=1)
    if far_dist.max() == 0:
        # every point sits on its center (only possible when rounding makes
        # distinct points look equal): moving one would change nothing
        return labels
    n_empty = len(empty_clusters)
    farthest = np.argpartition(far_dist, -n_empty)[: -n_empty - 1 : -1]
    for cluster, point in zip(empty_clusters, farthest):
        donor = labels[point]
        sums[donor] -= X[point]
        counts[donor] -= 1
        sums[cluster] = X[point]
        counts[cluster] = 1
        labels[point] = cluster
    return labels


def _fill_still_empty(centers, sums, counts):
    """Where a cluster is still empty after relocation, copy scikit-learn's choice.

    This happens only on degenerate data (a donor cluster gave away its last
    point). scikit-learn averages the clusters in order and puts an empty one
    on the biggest cluster's row as it is at that moment: already a mean if
    that row came earlier, still a sum if it comes later.
    """
    empty = np.flatnonzero(counts == 0)
    biggest = int(np.argmax(counts))
    for j in empty:
        centers[j] = centers[biggest] if biggest < j else sums[biggest]
    return centers


def _m_step(X, labels, old_centers, empty):
    """The M-step with the chosen policy for clusters that lost every point."""
    n_clusters = len(old_centers)
    sums, counts = _sums_and_counts(X, labels, n_clusters)
    emptied = tuple(int(j) for j in np.flatnonzero(counts == 0))
    if emptied and empty == "relocate":
        labels = _relocate_empty(X, labels, old_centers, sums, counts, emptied)
    centers = _means(sums, counts)
    if emptied and empty == "relocate" and not counts.all():
        centers = _fill_still_empty(centers, sums, counts)
    if emptied and empty == "keep":
        centers[list(emptied)] = old_centers[list(emptied)]
        warnings.warn(
            f"cluster(s) {list(emptied)} lost all their points; their centers stay "
            "where they were (empty='keep'). Use empty='relocate' to move them, "
            "as scikit-learn does.",
            EmptyClusterWarning,
            stacklevel=4,
        )
    return centers, labels, emptied


def _checked_assign(X, centers, iteration):
    """Run the E-step, refusing NaN centers with an explanation."""
    bad = np.flatnonzero(np.isnan(centers).any(axis=1))
    if len(bad):
        raise EmptyClusterError(
            f"center(s) {bad.tolist()} are NaN at iteration {iteration}: their "
            "clusters had no points, and the mean of no points is undefined "
            "(this is how the naive textbook loop breaks). Use empty='relocate' "
            "(scikit-learn's choice) or empty='keep'."
        )
    return assign(X, centers, check_input=False)


def _first_distinct(X, order, n):
    """Indices of the first ``n`` distinct rows of X, visited in ``order``.

    Looks at a short prefix of ``order`` first, so a large X (an image) is
    only sorted in full when it has very few distinct points.
    """
    for size in (8 * n + 100, len(order)):
        prefix = order[:size]
        _, first = np.unique(X[prefix], axis=0, return_index=True)
        if len(first) >= n or size >= len(order):
            return prefix[np.sort(first)[:n]]


def init_centers(X, n_clusters, init="k-means++", random_state=None, *, check_input=True):
    """Initial centers: "random" data points, "k-means++", or an explicit array.

    "random" shuffles the points with ``random_state.permutation`` and keeps
    the first ``n_clusters`` distinct ones. (scikit-learn's ``init="random"``
    draws with ``choice`` and may pick repeated points, so the same seed gives
    other centers there; started from the *same* centers, the two runs agree.)

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    n_clusters : int
        From 1 to the number of distinct points in X.
    init : {"k-means++", "random"} or array-like of shape (n_clusters, n_features), default="k-means++"
        scikit-learn's ``kmeans_plusplus``, ``n_clusters`` distinct data points
        at random, or the given centers.
    random_state : int, RandomState instance or None, default=None
        Seeds the random draws; an int gives the same result on every call.
    check_input : bool, default=True
        Check X and n_clusters first (see :func:`assign`).

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        The initial centers.

    Examples
    --------
    >>> init_centers([[0.0], [0.0], [1.0], [2.0]], 2, "random", random_state=0)
    array([[1.],
           [2.]])
    """
    if check_input:
        X = check_X(X)
        _check_n_clusters_distinct(n_clusters, X)
    return _init_centers(X, n_clusters, init, check_random_state(random_state))


def _init_centers(X, n_clusters, init, rng):
    """:func:`init_centers` on checked input: X from ``check_X``, n_clusters checked, rng a RandomState."""
    if isinstance(init, str) and init == "random":
        # shuffle the points and keep the first n_clusters distinct ones
        order = rng.permutation(len(X))
        return X[_first_distinct(X, order, n_clusters)].copy()
    if isinstance(init, str) and init == "k-means++":
        from sklearn.cluster import kmeans_plusplus  # on use: scikit-learn imports pandas
        centers, _ = kmeans_plusplus(X, n_clusters, random_state=rng)
        return centers
    if isinstance(init, str):
        raise ValueError(
            f"init must be 'k-means++', 'random' or an array of shape "
            f"(n_clusters, n_features); got the string {init!r}."
        )
    return check_init_array(init, n_clusters, X.shape[1])


def _lloyd(X, centers, max_iter, tol, empty):
    """The loop itself: yields one Step per half-step."""
    yield Step(iteration=0, phase="init", centers=centers)
    old_labels = None
    done = False
    for it in range(1, max_iter + 1):
        # E-step: assign every point to its nearest center
        labels = _checked_assign(X, centers, it)
        n_changed = len(X) if old_labels is None else int(np.count_nonzero(labels != old_labels))
        if n_changed == 0:
            # no point changed cluster, so the centers cannot move: done
            yield Step(it, "assign", centers, labels, data=X,
                       converged=True, n_changed=0, stop_reason="labels unchanged")
            return
        yield Step(it, "assign", centers, labels, data=X, n_changed=n_changed)

        # M-step: move every center to the mean of its points
        new_centers, step_labels, emptied = _m_step(X, labels, centers, empty)
        shift = float(((new_centers - centers) ** 2).sum())
        done = shift <= tol  # NaN (an emptied center with empty="nan") is never <= tol
        yield Step(it, "update", new_centers, step_labels, data=X,
                   center_shift=shift, converged=done, emptied=emptied)
        centers, old_labels = new_centers, labels
        if done:
            break
    # One last E-step so that the labels belong to the final centers.
    labels = _checked_assign(X, centers, it + 1)
    yield Step(it + 1, "assign", centers, labels, data=X,
               converged=done, n_changed=int(np.count_nonzero(labels != old_labels)),
               stop_reason="center shift within tol" if done else "max_iter reached")


def _check_n_clusters_distinct(n_clusters, X):
    check_n_clusters(n_clusters, X)
    n_distinct = len(_first_distinct(X, np.arange(len(X)), n_clusters))
    check_n_clusters(n_clusters, X, n_distinct=n_distinct)


def _prepare(X, n_clusters, init, random_state, max_iter, tol, empty):
    original = X
    X = check_X(X)
    if np.may_share_memory(X, original):
        # the steps keep X to compute their inertia when it is read: keep a copy
        # of our own, so that changing the caller's array cannot change the trace
        X = X.copy()
    X.flags.writeable = False
    return _prepare_checked(X, n_clusters, init, random_state, max_iter, tol, empty)


def _prepare_checked(X, n_clusters, init, random_state, max_iter, tol, empty):
    """Check the other arguments against an X already checked (by ``check_X``): X is not checked again."""
    _check_n_clusters_distinct(n_clusters, X)
    max_iter = check_int(max_iter, "max_iter", low=1, fix=" scikit-learn's default is 300.")
    tol = check_tol(tol)
    check_choice(empty, "empty", EMPTY_POLICIES)
    centers = _init_centers(X, n_clusters, init, check_random_state(random_state))
    # scikit-learn's rule: the tolerance is relative to the spread of the data
    tol_abs = float(np.mean(np.var(X, axis=0)) * tol) if tol else 0.0
    return X, centers, max_iter, tol_abs


def kmeans_steps(X, n_clusters, *, init="k-means++", random_state=None,
                 max_iter=300, tol=1e-4, empty="relocate"):
    """Run k-means (Lloyd's algorithm) and yield every half-step.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data. Must be finite and numeric.
    n_clusters : int
        Number of clusters, from 1 to the number of distinct points in X.
    init : {"k-means++", "random"} or array-like of shape (n_clusters, n_features), default="k-means++"
        How to choose the initial centers: scikit-learn's ``kmeans_plusplus``,
        ``n_clusters`` distinct data points at random, or the given centers.
    random_state : int, RandomState instance or None, default=None
        Seed for the initialisation.
    max_iter : int, default=300
        Most iterations (E-step + M-step) to run.
    tol : float, default=1e-4
        Stop when the summed squared movement of the centers is at most
        ``tol`` times the mean per-feature variance of X.
    empty : {"relocate", "keep", "nan"}, default="relocate"
        What to do with a cluster that loses all its points: move its center
        to the point farthest from its center (scikit-learn), keep it where it
        was (with an :class:`EmptyClusterWarning`), or set it to NaN as the
        naive textbook loop does (the next E-step then raises
        :class:`EmptyClusterError`).

    Returns
    -------
    steps : generator of Step
        The half-steps, computed as they are read: ``init`` first, then
        ``assign`` and ``update`` in turn; the last step is always an
        ``assign`` whose labels belong to the final centers. The arguments
        are checked when this function is called, not at the first step.

    See Also
    --------
    run_kmeans : the same, collected into a :class:`Trace`.
    sklearn.cluster.KMeans : gives the same result from the same initial centers.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0]])
    >>> for step in kmeans_steps(X, 2, init=X[[0, 1]]):
    ...     print(step.iteration, step.phase, step.inertia)
    0 init None
    1 assign 91.0
    1 update 30.666666666666668
    2 assign 11.555555555555554
    2 update 1.0
    3 assign 1.0
    """
    prepared = _prepare(X, n_clusters, init, random_state, max_iter, tol, empty)
    return _lloyd(*prepared, empty)


def run_kmeans(X, n_clusters, *, init="k-means++", random_state=None,
               max_iter=300, tol=1e-4, empty="relocate"):
    """Run k-means and return every half-step as a :class:`Trace`.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data. Must be finite and numeric.
    n_clusters : int
        Number of clusters, from 1 to the number of distinct points in X.
    init : {"k-means++", "random"} or array-like of shape (n_clusters, n_features), default="k-means++"
        How to choose the initial centers, as in :func:`kmeans_steps`.
    random_state : int, RandomState instance or None, default=None
        Seed for the initialisation.
    max_iter : int, default=300
        Most iterations (E-step + M-step) to run.
    tol : float, default=1e-4
        Stop when the summed squared movement of the centers is at most
        ``tol`` times the mean per-feature variance of X.
    empty : {"relocate", "keep", "nan"}, default="relocate"
        What to do with a cluster that loses all its points, as in
        :func:`kmeans_steps`.

    Returns
    -------
    trace : Trace
        Every half-step of the run, in order.

    See Also
    --------
    kmeans_steps : the same steps, one at a time.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0]])
    >>> trace = run_kmeans(X, 2, init=X[[0, 1]])
    >>> trace.final.labels, trace.final.inertia, trace.n_iter
    (array([0, 0, 1, 1], dtype=int32), 1.0, 3)
    """
    return _run_kmeans(*_prepare(X, n_clusters, init, random_state, max_iter, tol, empty), empty)


def _run_kmeans(X, centers, max_iter, tol_abs, empty):
    """:func:`run_kmeans` on checked input (from ``_prepare`` or ``_prepare_checked``)."""
    return Trace(_lloyd(X, centers, max_iter, tol_abs, empty), tol=tol_abs)
