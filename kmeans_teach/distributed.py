"""k-means on a Dask cluster: Lloyd's iteration as map and reduce (lesson 10).

The algorithm is the one of :mod:`kmeans_teach.engine`; only the place where
the sums are added up changes. In every iteration each chunk of the data

1. labels its points with the nearest center (the engine's own :func:`~kmeans_teach.engine.assign`),
2. returns its per-cluster sums, counts and inertia part (k x d numbers, whatever
   the chunk's size), and its ``n_far`` farthest points (for clusters that empty;
   so the partial's size is the same for every chunk of at least ``n_far`` points);

the reduce adds the partials up, and the M-step divides, on the client. So the
bytes moved per iteration are about ``n_chunks * (k + n_far) * d`` numbers, not the data.

This is the only module of the package that imports dask.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from numbers import Integral
from typing import NamedTuple

import dask
import dask.array as da
import numpy as np

from . import engine
from ._validation import (
    check_init_array, check_int, check_random_state, check_tol, check_X,
)
from .engine import Step

__all__ = [
    "DaskStep",
    "ChunkPartial",
    "ParallelRound",
    "ParallelInit",
    "ClusterInfo",
    "as_dask_array",
    "chunked_blobs",
    "chunk_partial",
    "add_partials",
    "kmeans_steps",
    "run_kmeans",
    "kmeans_parallel_init",
    "local_cluster",
    "connect_or_start",
    "close",
    "cluster_info",
    "worker_memory",
    "chunks_made",
    "work_memory",
    "kmeans_plusplus_init",
    "partial_bytes",
    "iteration_seconds",
    "worker_peak_memory",
    "tasks_per_worker",
]


@dataclass(frozen=True, eq=False, repr=False)  # the repr of Step
class DaskStep(Step):
    """A :class:`~kmeans_teach.engine.Step` of the distributed run, with what it read.

    It has every attribute of ``Step``; those below are new or differ.

    Attributes
    ----------
    labels : dask array of shape (n_samples,) or None
        Lazy: ``np.asarray(step.labels)`` computes them (one more pass).
    bytes_read : int
        Bytes of data read by the pass over X that made this step (0 for an
        M-step, which reads only the reduced sums).
    chunks_read : int
        Chunks of X read by that pass.
    bytes_moved : int
        Bytes of partial results sent from the chunks to the reduce.
    known_inertia : float or None
        The inertia as the chunks added it up; ``inertia`` returns it, so
        reading it needs no pass over X.
    """

    bytes_read: int = 0
    chunks_read: int = 0
    bytes_moved: int = 0
    known_inertia: float | None = field(default=None, repr=False)

    def __post_init__(self):
        # the inertia was added up by the chunks: no pass is needed to read it
        self.__dict__["inertia"] = self.known_inertia
        self.centers.flags.writeable = False


class ChunkPartial(NamedTuple):
    """What one chunk sends to the reduce: the same size for every chunk of at least ``n_far`` points.

    Attributes
    ----------
    sums : ndarray of shape (n_clusters, n_features)
        Per-cluster sums of the chunk's points.
    counts : ndarray of shape (n_clusters,)
        Points per cluster.
    dist : ndarray of shape (n_clusters,)
        Per-cluster sums of squared distances to the cluster's center.
    n_changed : int
        Points whose label differs from the previous E-step's.
    far_dist : ndarray of shape (m,)
        The chunk's m largest distances to their center.
    far_index : ndarray of shape (m,)
        Their global row numbers.
    far_points : ndarray of shape (m, n_features)
        The points themselves.
    far_labels : ndarray of shape (m,)
        The clusters they are in.
    """

    sums: np.ndarray  # (k, d) per-cluster sums of the points
    counts: np.ndarray  # (k,) points per cluster
    dist: np.ndarray  # (k,) per-cluster squared distances to the cluster's center
    n_changed: int  # points whose label differs from the previous E-step's
    far_dist: np.ndarray  # (m,) the chunk's m largest distances to their center
    far_index: np.ndarray  # (m,) their global row numbers
    far_points: np.ndarray  # (m, d) the points themselves
    far_labels: np.ndarray  # (m,) the clusters they are in


def partial_bytes(partial):
    """Bytes of one chunk's partial result: what crosses the network per chunk.

    Parameters
    ----------
    partial : ChunkPartial
        One chunk's result, from :func:`chunk_partial`.

    Returns
    -------
    n_bytes : int
        The summed ``nbytes`` of its arrays and numbers.
    """
    return int(sum(np.asarray(v).nbytes for v in partial))


# --- the data -----------------------------------------------------------------


def as_dask_array(X, *, chunks=None):
    """X as a 2-D dask array; a NumPy array is cut into ``chunks`` rows (default: 4 chunks).

    Parameters
    ----------
    X : dask array or array-like of shape (n_samples, n_features)
        A dask array is returned as it is, rechunked if its chunks split the
        features; anything else is checked and wrapped.
    chunks : int or None, default=None
        Rows per chunk for an array-like X; None cuts it into 4 chunks.

    Returns
    -------
    X : dask array of shape (n_samples, n_features)
        Every chunk holds whole rows.

    Raises
    ------
    ValueError
        If a dask array X is not 2-D.

    Examples
    --------
    >>> as_dask_array(np.zeros((10, 2)), chunks=3).chunks
    ((3, 3, 3, 1), (2,))
    """
    if _is_dask_dataframe(X):
        raise TypeError(
            f"X is a dask {type(X).__name__}: turning it into an array here would compute all of it "
            "into this process and send it back to the workers. Convert it on the workers instead: "
            "X = X.to_dask_array(lengths=True), which counts each partition's rows on the workers.")
    if isinstance(X, da.Array):
        if any(math.isnan(n) for n in X.chunks[0]):
            raise ValueError("X has chunks of unknown length (nan rows): compute them on the workers "
                             "first, e.g. X.compute_chunk_sizes(), or for a dask DataFrame "
                             "df.to_dask_array(lengths=True).")
        if X.ndim != 2:
            raise ValueError(f"X must be 2-D, of shape (n_samples, n_features), but it has shape {X.shape}.")
        if len(X.chunks[1]) != 1:
            # every chunk must hold whole rows, so that it can label its points alone
            X = X.rechunk({1: -1})
        return X
    X = check_X(X)
    if chunks is None:
        chunks = max(1, math.ceil(len(X) / 4))
    if isinstance(chunks, int):
        chunks = check_int(chunks, "chunks", low=1)
    return da.from_array(X, chunks=(chunks, -1))


def _is_dask_dataframe(X):
    # without importing dask.dataframe (it needs pandas): a dask DataFrame or Series
    return type(X).__module__.startswith(("dask.dataframe", "dask_expr")) and hasattr(X, "to_dask_array")


#: chunks made by _blob_chunk in this process (on a worker: by that worker)
_CHUNKS_MADE = 0


def _blob_chunk(seed, index, size, centers, dtype):
    # One chunk, from its own seed: any worker makes the same chunk, in any order.
    global _CHUNKS_MADE
    _CHUNKS_MADE += 1
    rng = np.random.default_rng([seed, index])
    labels = rng.integers(len(centers), size=size)
    X = rng.standard_normal((size, centers.shape[1]), dtype=dtype)  # float32 or float64
    X += centers.astype(dtype)[labels]
    return X


def chunked_blobs(n_samples, n_features, n_clusters, *, chunk_size, random_state=0,
                  dtype=np.float64, spread=10.0):
    """Gaussian blobs as a lazy dask array, generated chunk by chunk, never whole.

    Each chunk draws its points from ``np.random.default_rng([random_state, i])``,
    so the data are the same on every run and in every chunk order, and a pass
    over X makes the chunks again (nothing is kept in memory).

    Parameters
    ----------
    n_samples : int
        Number of points.
    n_features : int
        Number of features.
    n_clusters : int
        Number of blobs; each point belongs to one drawn at random.
    chunk_size : int
        Rows per chunk (the last chunk holds the rest).
    random_state : int, default=0
        Seed of the data (a seed >= 0, not a RandomState: every chunk derives
        its own generator from it).
    dtype : dtype, default=np.float64
        Type of the points (float32 halves the bytes read per pass).
    spread : float, default=10.0
        The centers are drawn uniformly in ``[-spread, spread]``.

    Returns
    -------
    X : dask array of shape (n_samples, n_features)
        The points: each a center plus standard normal noise.
    centers : ndarray of shape (n_clusters, n_features)
        The blobs' true centers.

    Examples
    --------
    >>> X, centers = chunked_blobs(10, 2, 3, chunk_size=4)
    >>> X.chunks, X.dtype.name, centers.shape
    (((4, 4, 2), (2,)), 'float64', (3, 2))
    """
    n_samples = check_int(n_samples, "n_samples", low=1)
    n_features = check_int(n_features, "n_features", low=1)
    n_clusters = check_int(n_clusters, "n_clusters", low=1)
    chunk_size = check_int(chunk_size, "chunk_size", low=1)
    # an int seed (dask's pure tasks and default_rng need one): None or a RandomState
    # draws it, as scikit-learn's functions draw from them
    rs = check_random_state(random_state)
    seed = int(random_state) if isinstance(random_state, Integral) else int(
        rs.randint(np.iinfo(np.int32).max))
    rng = np.random.default_rng([seed, 2**31])  # the centers' own stream
    centers = rng.uniform(-spread, spread, (n_clusters, n_features))
    sizes = [chunk_size] * (n_samples // chunk_size) + ([n_samples % chunk_size] if n_samples % chunk_size else [])
    blocks = [
        da.from_delayed(dask.delayed(_blob_chunk, pure=True)(seed, i, size, centers, np.dtype(dtype)),
                        shape=(size, n_features), dtype=dtype)
        for i, size in enumerate(sizes)
    ]
    return da.concatenate(blocks, axis=0), centers


# --- one pass: map and reduce ---------------------------------------------------


def _offsets(X):
    return np.concatenate([[0], np.cumsum(X.chunks[0])[:-1]]).astype(np.int64)


def chunk_partial(chunk, centers, *, offset=0, previous=None, n_far=1):
    """The map of one Lloyd iteration, on one chunk: label it and sum it up.

    Parameters
    ----------
    chunk : ndarray of shape (n_chunk, n_features)
        The chunk's points.
    centers : ndarray of shape (n_clusters, n_features)
        The current centers.
    offset : int, default=0
        Global row number of the chunk's first point.
    previous : ndarray of shape (n_clusters, n_features) or None, default=None
        The previous E-step's centers, to count the points that changed label.
    n_far : int, default=1
        How many of the farthest points to send (for clusters that empty).

    Returns
    -------
    partial : ChunkPartial
        The chunk's sums, counts, distances and farthest points.
    """
    X = np.asarray(chunk, dtype=np.float64)
    k = len(centers)
    # 1. assign each point to its nearest center (the engine's E-step)
    labels = engine.assign(X, centers, check_input=False)
    # 2. per-cluster sums and counts (the engine's M-step, before the division)
    sums, counts = engine._sums_and_counts(X, labels, k)
    # 3. each point's squared distance to its center, summed per cluster
    d2 = ((X - centers[labels]) ** 2).sum(axis=1)
    dist = np.bincount(labels, weights=d2, minlength=k)
    n_changed = len(X)
    if previous is not None:
        n_changed = int(np.count_nonzero(labels != engine.assign(X, previous, check_input=False)))
    # 4. the chunk's farthest points: a top-n, merged with the other chunks' in the reduce
    m = min(n_far, len(X))
    far = np.argpartition(d2, -m)[-m:] if m < len(X) else np.arange(len(X))
    return ChunkPartial(sums, counts.astype(np.int64), dist, n_changed,
                        d2[far], far.astype(np.int64) + offset, X[far], labels[far])


def add_partials(partials, n_far=1):
    """The reduce: add the chunks' sums, counts, distances; keep the ``n_far`` farthest points.

    Parameters
    ----------
    partials : iterable of ChunkPartial
        The chunks' results, from :func:`chunk_partial`.
    n_far : int, default=1
        How many of the farthest points to keep over all chunks (ties: the
        smaller row number first).

    Returns
    -------
    total : ChunkPartial
        The sums over all chunks, and the ``n_far`` farthest points.

    Examples
    --------
    >>> a = chunk_partial(np.array([[0.0], [2.0]]), np.array([[0.0], [9.0]]))
    >>> b = chunk_partial(np.array([[9.0]]), np.array([[0.0], [9.0]]), offset=2)
    >>> total = add_partials([a, b])
    >>> total.sums.ravel().tolist(), total.counts.tolist(), total.far_index.tolist()
    ([2.0, 9.0], [2, 1], [1])
    """
    partials = list(partials)
    far_dist = np.concatenate([p.far_dist for p in partials])
    far_index = np.concatenate([p.far_index for p in partials])
    far_points = np.concatenate([p.far_points for p in partials])
    far_labels = np.concatenate([p.far_labels for p in partials])
    # largest distance first; among equal distances the smaller row number
    order = np.lexsort((far_index, -far_dist))[:n_far]
    return ChunkPartial(
        sum(p.sums for p in partials), sum(p.counts for p in partials),
        sum(p.dist for p in partials), sum(p.n_changed for p in partials),
        far_dist[order], far_index[order], far_points[order], far_labels[order],
    )


def _pass(X, func, *args, reduce, **kwargs):
    """Run ``func(chunk, *args, offset=..)`` on every chunk and ``reduce`` the results.

    Returns (reduced, bytes moved from the chunks to the reduce).
    """
    offsets = _offsets(X)
    blocks = X.to_delayed().ravel()
    parts = [dask.delayed(func, pure=True)(b, *args, offset=int(o), **kwargs) for b, o in zip(blocks, offsets)]
    sizes = [dask.delayed(partial_bytes, pure=True)(p) for p in parts]
    reduced, moved = dask.compute(dask.delayed(reduce, pure=True)(parts), dask.delayed(sum)(sizes))
    return reduced, int(moved)


def _var_partial(chunk, offset=0):
    X = np.asarray(chunk, dtype=np.float64)
    mean = X.mean(axis=0)
    return len(X), mean, ((X - mean) ** 2).sum(axis=0)  # centred: no cancellation


def _add_var_partials(parts):
    # Chan et al.'s rule for merging the (count, mean, centred sum of squares) of two parts
    n, mean, m2 = parts[0]
    for nb, mean_b, m2_b in parts[1:]:
        delta = mean_b - mean
        total = n + nb
        mean = mean + delta * nb / total
        m2 = m2 + m2_b + delta**2 * n * nb / total
        n = total
    return n, mean, m2


def _mean_variance(X):
    """Mean over the features of the per-feature variance (one pass)."""
    (n, _, m2), _ = _pass(X, _var_partial, reduce=_add_var_partials)
    return float(np.mean(m2 / n))


def _label_chunk(chunk, centers, moved, offset=0):
    labels = engine.assign(np.asarray(chunk, dtype=np.float64), centers, check_input=False)
    for row, cluster in moved:  # the points an emptied cluster took
        if offset <= row < offset + len(labels):
            labels[row - offset] = cluster
    return labels


def _lazy_labels(X, centers, moved=()):
    offsets = _offsets(X)
    blocks = X.to_delayed().ravel()
    parts = [da.from_delayed(dask.delayed(_label_chunk, pure=True)(b, centers, tuple(moved), offset=int(o)),
                             shape=(n,), dtype=engine.LABEL_DTYPE)
             for b, o, n in zip(blocks, offsets, X.chunks[0])]
    return da.concatenate(parts)


# --- seeding --------------------------------------------------------------------


def _d2_partial(chunk, centers, seed, offset=0):
    """Per chunk: the cost to ``centers`` and one point drawn with probability ~ d^2 in it."""
    X = np.asarray(chunk, dtype=np.float64)
    d2 = engine_min_d2(X, centers)
    total = float(d2.sum())
    rng = np.random.default_rng([seed, offset])
    pick = int(rng.choice(len(X), p=d2 / total)) if total > 0 else 0
    return total, X[pick]


def _add_d2(parts):
    return [p[0] for p in parts], [p[1] for p in parts]


def engine_min_d2(X, centers):
    """Squared distance from each row of X to its nearest row of ``centers``."""
    labels = engine.assign(X, centers, check_input=False)
    return ((X - centers[labels]) ** 2).sum(axis=1)


def kmeans_plusplus_init(X, n_clusters, *, random_state=None):
    """The k-means++ seeding on a dask array, one trial per pick.

    The first center is a row drawn at random (no pass over X); each further
    center is one pass, which draws a point with probability d^2 / cost. This is
    the one-trial k-means++ of Arthur and Vassilvitskii, not scikit-learn's
    greedy variant, which draws ``2 + int(ln k)`` trials per pick and keeps the best.

    Parameters
    ----------
    X : dask array or array-like of shape (n_samples, n_features)
        The data (an array-like is cut into 4 chunks).
    n_clusters : int
        Number of centers.
    random_state : int, RandomState instance or None, default=None
        Seeds the draws.

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        The seeds.
    passes : int
        Full passes over X: ``n_clusters - 1``.
    """
    X = as_dask_array(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=X.shape[0])
    return _kmeans_plusplus(X, n_clusters, check_random_state(random_state))


def _kmeans_plusplus(X, n_clusters, rng):
    """k-means++ on chunks: one pass per pick after the first (D^2 sampling, one trial)."""
    n = X.shape[0]
    first = int(rng.randint(n))
    centers = np.asarray(X[first : first + 1], dtype=np.float64)
    passes = 0
    while len(centers) < n_clusters:
        seed = int(rng.randint(2**31))
        (totals, picks), _ = _pass(X, _d2_partial, centers, seed, reduce=_add_d2)
        passes += 1
        totals = np.asarray(totals)
        # a chunk is chosen with the probability of its share of the cost,
        # then its own pick: together, a point with probability d^2 / cost
        chunk = int(rng.choice(len(totals), p=totals / totals.sum()))
        centers = np.vstack([centers, picks[chunk]])
    return centers, passes


def _random_init(X, n_clusters, rng):
    """The engine's "random": shuffle the rows, keep the first distinct ones."""
    order = rng.permutation(X.shape[0])
    prefix = order[: 8 * n_clusters + 100]
    rows = np.asarray(X[np.sort(prefix)], dtype=np.float64)
    rows = rows[np.argsort(np.argsort(prefix))]  # back in the shuffled order
    _, first = np.unique(rows, axis=0, return_index=True)
    if len(first) < n_clusters:
        raise ValueError(f"X has fewer than n_clusters={n_clusters} distinct points among "
                         f"{len(prefix)} drawn; lower n_clusters.")
    return rows[np.sort(first)[:n_clusters]]


class ParallelRound(NamedTuple):
    """One round of k-means||: the candidates so far, their cost, the passes so far.

    Attributes
    ----------
    round : int
        0 for the first point drawn, then 1, 2, ...
    candidates : ndarray of shape (n_candidates, n_features)
        Every candidate kept so far.
    cost : float
        phi: the data's summed squared distance to the nearest candidate.
    passes : int
        Full passes over the data so far.
    """

    round: int
    candidates: np.ndarray  # (n_candidates, n_features)
    cost: float  # phi: the data's summed squared distance to the nearest candidate
    passes: int  # full passes over the data so far


class ParallelInit(NamedTuple):
    """The result of :func:`kmeans_parallel_init`.

    Attributes
    ----------
    centers : ndarray of shape (n_clusters, n_features)
        The seeds.
    rounds : tuple of ParallelRound
        One record for round 0 (one point) to ``n_rounds``.
    weights : ndarray of shape (n_candidates,)
        How many points are nearest each candidate.
    passes : int
        Full passes over the data in all.
    """

    centers: np.ndarray  # (n_clusters, n_features)
    rounds: tuple  # ParallelRound for round 0 (one point) to n_rounds
    weights: np.ndarray  # points nearest each candidate
    passes: int  # full passes over the data in all


def _sample_partial(chunk, centers, threshold_factor, seed, offset=0):
    """Per chunk: keep each point with probability min(1, l d^2 / phi)."""
    X = np.asarray(chunk, dtype=np.float64)
    d2 = engine_min_d2(X, centers)
    u = np.random.default_rng([seed, offset]).random(len(X))
    return X[u < d2 * threshold_factor]


def _cost_partial(chunk, centers, offset=0):
    X = np.asarray(chunk, dtype=np.float64)
    labels = engine.assign(X, centers, check_input=False)
    d2 = ((X - centers[labels]) ** 2).sum(axis=1)
    return float(d2.sum()), np.bincount(labels, minlength=len(centers))


def _add_costs(parts):
    return sum(p[0] for p in parts), sum(p[1] for p in parts)


def kmeans_parallel_init(X, n_clusters, *, oversampling=2, n_rounds=5, random_state=None):
    """The k-means|| seeding of Bahmani et al. (2012), one record per round.

    1. Draw one point at random; phi is the data's cost to it (one pass).
    2. In each round, keep every point independently with probability
       ``min(1, l * d^2 / phi)``, ``l = oversampling * n_clusters`` (one pass),
       then compute the new phi (one more pass, except after the last round).
    3. Weigh each candidate by the points nearest to it (one pass), and reduce
       the candidates to ``n_clusters`` centers with weighted k-means++ (in memory:
       the candidates are few).

    Parameters
    ----------
    X : dask array or array-like of shape (n_samples, n_features)
        The data (an array-like is cut into 4 chunks).
    n_clusters : int
        Number of centers to return.
    oversampling : float, default=2
        The paper's l / k.
    n_rounds : int, default=5
        Sampling rounds after the first point.
    random_state : int, RandomState instance or None, default=None
        Seeds the draws.

    Returns
    -------
    result : ParallelInit
        The centers, a record per round, the candidates' weights and the passes.

    Examples
    --------
    >>> X = np.repeat(np.eye(3), 5, axis=0) * 10  # 3 distinct points: round 1 finds them all
    >>> result = kmeans_parallel_init(X, 3, n_rounds=2, random_state=0)
    >>> result.centers.shape, result.passes, [r.passes for r in result.rounds]
    ((3, 3), 4, [1, 3])
    """
    X = as_dask_array(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=X.shape[0])
    n_rounds = check_int(n_rounds, "n_rounds", low=0)
    if not oversampling > 0:
        raise ValueError(f"oversampling must be > 0, but got {oversampling!r}; the paper uses 0.5 to 2.")
    rng = check_random_state(random_state)
    first = int(rng.randint(X.shape[0]))
    candidates = np.asarray(X[first : first + 1], dtype=np.float64)
    (cost, _), _ = _pass(X, _cost_partial, candidates, reduce=_add_costs)
    passes = 1
    rounds = [ParallelRound(0, candidates, float(cost), passes)]
    ell = oversampling * n_clusters
    for r in range(1, n_rounds + 1):
        if cost == 0:
            break  # every point is a candidate already
        seed = int(rng.randint(2**31))
        new, _ = _pass(X, _sample_partial, candidates, ell / cost, seed, reduce=np.concatenate)
        passes += 1
        candidates = np.unique(np.vstack([candidates, new]), axis=0)
        if r < n_rounds:
            (cost, _), _ = _pass(X, _cost_partial, candidates, reduce=_add_costs)
            passes += 1
        else:  # the last cost comes with the weights, in the next pass
            cost = None
        rounds.append(ParallelRound(r, candidates, cost, passes))
    (cost, weights), _ = _pass(X, _cost_partial, candidates, reduce=_add_costs)
    passes += 1
    if rounds[-1].cost is None:
        rounds[-1] = rounds[-1]._replace(cost=float(cost), passes=passes)
    from sklearn.cluster import kmeans_plusplus  # on use: scikit-learn imports pandas

    if len(candidates) < n_clusters:
        raise ValueError(f"k-means|| found only {len(candidates)} distinct candidates for "
                         f"n_clusters={n_clusters}: X has fewer distinct points, or raise n_rounds.")
    centers, _ = kmeans_plusplus(candidates, n_clusters, sample_weight=weights.astype(float),
                                 random_state=rng)
    return ParallelInit(centers, tuple(rounds), weights, passes)


# --- Lloyd ----------------------------------------------------------------------


def _init(X, n_clusters, init, rng):
    if isinstance(init, str) and init == "k-means||":
        return kmeans_parallel_init(X, n_clusters, random_state=rng).centers
    if isinstance(init, str) and init == "k-means++":
        return _kmeans_plusplus(X, n_clusters, rng)[0]
    if isinstance(init, str) and init == "random":
        return _random_init(X, n_clusters, rng)
    if isinstance(init, str):
        raise ValueError(f"init must be 'k-means||', 'k-means++', 'random' or an array of shape "
                         f"(n_clusters, n_features); got the string {init!r}.")
    return check_init_array(init, n_clusters, X.shape[1])


def kmeans_steps(X, n_clusters, *, init="k-means++", random_state=None, max_iter=300, tol=1e-4,
                 chunks=None):
    """Lloyd's algorithm on a dask array: the same :class:`Step` records as ``kt.kmeans_steps``.

    Every E-step is one pass over X (map: :func:`chunk_partial`; reduce:
    :func:`add_partials`); the M-step that follows divides the sums it got,
    on the client, and reads no data. Empty clusters are relocated as in
    scikit-learn, to the farthest points, found by a top-n over the chunks.

    Parameters
    ----------
    X : dask array or array-like of shape (n_samples, n_features)
        A NumPy array is cut into ``chunks`` rows.
    n_clusters : int
        Number of clusters.
    init : {"k-means++", "random", "k-means||"} or array-like of shape (n_clusters, n_features), default="k-means++"
        "k-means++" is D^2 sampling with one trial per pick (one pass per
        center); "k-means||" is :func:`kmeans_parallel_init`.
    random_state : int, RandomState instance or None, default=None
        Seeds the initialisation.
    max_iter : int, default=300
        Most Lloyd iterations.
    tol : float, default=1e-4
        Relative to the mean per-feature variance of X, as in ``kt.kmeans_steps``.
    chunks : int or None, default=None
        Rows per chunk when X is a NumPy array.

    Returns
    -------
    steps : generator of DaskStep
        One step per half-step, each with ``bytes_read``, ``chunks_read`` and
        ``bytes_moved`` for the pass that made it. ``labels`` is a lazy dask array.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0]])
    >>> for step in kmeans_steps(X, 2, init=X[[0, 1]], chunks=3):
    ...     print(step, step.chunks_read)
    Step(iteration=0, phase='init', inertia=None, converged=False) 0
    Step(iteration=1, phase='assign', inertia=91, converged=False) 2
    Step(iteration=1, phase='update', inertia=30.67, converged=False) 0
    Step(iteration=2, phase='assign', inertia=11.56, converged=False) 2
    Step(iteration=2, phase='update', inertia=1, converged=False) 0
    Step(iteration=3, phase='assign', inertia=1, converged=True, stop_reason='labels unchanged') 2
    >>> np.asarray(step.labels)
    array([0, 0, 1, 1], dtype=int32)
    """
    return _lloyd(*_prepare(X, n_clusters, init, random_state, max_iter, tol, chunks))


def run_kmeans(X, n_clusters, *, init="k-means++", random_state=None, max_iter=300, tol=1e-4,
               chunks=None):
    """All the steps of :func:`kmeans_steps`, as a ``kt.Trace``.

    Parameters
    ----------
    X : dask array or array-like of shape (n_samples, n_features)
        A NumPy array is cut into ``chunks`` rows.
    n_clusters : int
        Number of clusters.
    init : {"k-means++", "random", "k-means||"} or array-like of shape (n_clusters, n_features), default="k-means++"
        As in :func:`kmeans_steps`.
    random_state : int, RandomState instance or None, default=None
        Seeds the initialisation.
    max_iter : int, default=300
        Most Lloyd iterations.
    tol : float, default=1e-4
        Relative to the mean per-feature variance of X.
    chunks : int or None, default=None
        Rows per chunk when X is a NumPy array.

    Returns
    -------
    trace : Trace
        Every :class:`DaskStep` of the run, in order.
    """
    X, centers, max_iter, tol_abs = _prepare(X, n_clusters, init, random_state, max_iter, tol, chunks)
    return engine.Trace(_lloyd(X, centers, max_iter, tol_abs), tol=tol_abs)


def _prepare(X, n_clusters, init, random_state, max_iter, tol, chunks):
    X = as_dask_array(X, chunks=chunks)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=X.shape[0],
                           fix=f" It cannot exceed the number of samples in X ({X.shape[0]}).")
    max_iter = check_int(max_iter, "max_iter", low=1, fix=" scikit-learn's default is 300.")
    tol = check_tol(tol)
    rng = check_random_state(random_state)
    centers = np.array(_init(X, n_clusters, init, rng), dtype=np.float64)
    # scikit-learn's rule: the tolerance is relative to the spread of the data (one pass)
    tol_abs = _mean_variance(X) * tol if tol else 0.0
    return X, centers, max_iter, tol_abs


def _m_step(total, centers):
    """Divide the reduced sums; relocate emptied clusters to the farthest points."""
    sums, counts, dist = total.sums.copy(), total.counts.copy(), total.dist.copy()
    reference = centers.copy()  # the center each cluster's distances were measured to
    emptied = tuple(int(j) for j in np.flatnonzero(counts == 0))
    moved = []
    if emptied and total.far_dist[0] > 0:
        # scikit-learn's rule: each empty cluster takes one of the farthest points,
        # which leaves its own cluster (taken in order: farthest first)
        for cluster, d2, row, point, donor in zip(emptied, total.far_dist, total.far_index,
                                                  total.far_points, total.far_labels):
            sums[donor] -= point
            counts[donor] -= 1
            dist[donor] -= d2
            sums[cluster], counts[cluster], dist[cluster] = point, 1, 0.0
            reference[cluster] = point
            moved.append((int(row), cluster))
    new_centers = engine._means(sums, counts)
    if not counts.all():
        new_centers = engine._fill_still_empty(new_centers, sums, counts)
    # the inertia about the new centers, from the sums (no pass over X):
    # sum |x - c|^2 = D - 2 (c - r).(S - n r) + n |c - r|^2, r the reference center
    live = counts > 0
    delta = new_centers - reference
    parts = dist - 2 * np.einsum("ij,ij->i", delta, sums - counts[:, None] * reference) \
        + counts * np.einsum("ij,ij->i", delta, delta)
    return new_centers, emptied, moved, float(parts[live].sum())


def _lloyd(X, centers, max_iter, tol):
    n_chunks = len(X.chunks[0])
    nbytes = int(X.nbytes)
    yield DaskStep(iteration=0, phase="init", centers=centers)
    previous = None
    done = False
    n_far = len(centers)
    for it in range(1, max_iter + 1):
        # E-step: one pass; each chunk labels its points and sends its sums
        total, moved_bytes = _pass(X, chunk_partial, centers, previous=previous, n_far=n_far,
                                   reduce=add_partials)
        read = dict(bytes_read=nbytes, chunks_read=n_chunks, bytes_moved=moved_bytes)
        labels = _lazy_labels(X, centers)
        inertia = float(total.dist.sum())
        if total.n_changed == 0:
            yield DaskStep(it, "assign", centers, labels, converged=True, n_changed=0,
                           stop_reason="labels unchanged", known_inertia=inertia, **read)
            return
        yield DaskStep(it, "assign", centers, labels, n_changed=int(total.n_changed),
                       known_inertia=inertia, **read)
        # M-step: divide the sums (on the client: no data read)
        new_centers, emptied, moved, new_inertia = _m_step(total, centers)
        shift = float(((new_centers - centers) ** 2).sum())
        done = shift <= tol
        yield DaskStep(it, "update", new_centers, _lazy_labels(X, centers, moved) if moved else labels,
                       center_shift=shift, converged=done, emptied=emptied, known_inertia=new_inertia)
        previous, centers = centers, new_centers
        if done:
            break
    # one last E-step, so that the labels belong to the final centers
    total, moved_bytes = _pass(X, chunk_partial, centers, previous=previous, n_far=1, reduce=add_partials)
    yield DaskStep(it + 1, "assign", centers, _lazy_labels(X, centers), converged=done,
                   n_changed=int(total.n_changed), known_inertia=float(total.dist.sum()),
                   stop_reason="center shift within tol" if done else "max_iter reached",
                   bytes_read=nbytes, chunks_read=n_chunks, bytes_moved=moved_bytes)


# --- the cluster ----------------------------------------------------------------


def _quiet_logs():
    for name in ("distributed", "distributed.scheduler", "distributed.worker", "distributed.nanny",
                 "distributed.core", "distributed.client", "distributed.http.proxy"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def local_cluster(n_workers=2, *, memory_limit="auto", processes=True):
    """A quiet ``dask.distributed`` cluster on this machine and a client for it.

    One thread per worker, the dashboard on a free port (``client.dashboard_link``),
    logging off, so that nothing that changes from run to run is printed.
    ``memory_limit`` (bytes or a string such as "192MiB") is watched with Dask's
    own thresholds (``distributed.worker.memory``, unchanged here): at 60 % of it
    in held data a worker starts to spill that data to disk, at 70 % of it in
    process memory it spills more, at 80 % it pauses (runs no new task), and at
    95 % its nanny restarts it. Close both at the end (:func:`close`).

    Parameters
    ----------
    n_workers : int, default=2
        Number of worker processes (or threads, if ``processes=False``).
    memory_limit : int or str, default="auto"
        Memory per worker, in bytes or as a string such as "192MiB", watched
        with Dask's thresholds as above.
    processes : bool, default=True
        Workers in processes of their own (False: threads of this process).

    Returns
    -------
    client : distributed.Client
        Connected to the cluster.
    cluster : distributed.LocalCluster
        The cluster itself.
    """
    from dask.distributed import Client, LocalCluster

    _quiet_logs()
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                           memory_limit=memory_limit, dashboard_address=":0",
                           silence_logs=logging.CRITICAL)
    return Client(cluster), cluster


def connect_or_start(n_workers=2, *, memory_limit="auto", env="KT_DASK_SCHEDULER"):
    """Connect to the scheduler named by the environment variable ``env``, or start a local cluster.

    When ``KT_DASK_SCHEDULER`` is set (e.g. ``tcp://127.0.0.1:8786``), a client
    connects to that scheduler, waits for ``n_workers`` of its workers, and
    uses them as they are (their threads and memory limits were set when they
    were started); otherwise :func:`local_cluster` starts ``n_workers`` workers
    of ``memory_limit`` each on this machine.

    Parameters
    ----------
    n_workers : int, default=2
        Workers to start, or to wait for on a scheduler started elsewhere.
    memory_limit : int or str, default="auto"
        Memory per worker of a local cluster (ignored when connecting).
    env : str, default="KT_DASK_SCHEDULER"
        The environment variable that holds the scheduler's address.

    Returns
    -------
    client : distributed.Client
        Connected to the scheduler.
    cluster : distributed.LocalCluster or None
        The local cluster, or None when the client connected to a scheduler
        it did not start.
    """
    import os

    address = os.environ.get(env, "").strip()
    if not address:
        return local_cluster(n_workers, memory_limit=memory_limit)
    from dask.distributed import Client

    _quiet_logs()
    client = Client(address, timeout="30s")
    client.wait_for_workers(n_workers, timeout="60s")
    return client, None


def close(client, cluster=None):
    """Close the client, and the cluster only if this process started it.

    Parameters
    ----------
    client : distributed.Client
        The client to close.
    cluster : distributed.LocalCluster or None, default=None
        The cluster :func:`connect_or_start` started, or None (a scheduler
        started elsewhere keeps running).
    """
    client.close()
    if cluster is not None:
        cluster.close()


class ClusterInfo(NamedTuple):
    """What the scheduler says about its workers (:func:`cluster_info`).

    Attributes
    ----------
    workers : list of str
        The workers' addresses, sorted.
    nthreads : list of int
        Threads per worker, in the same order.
    memory_limit : list of int
        Memory limit per worker in bytes, in the same order.
    thresholds : dict of str to float
        Dask's ``target``, ``spill``, ``pause`` and ``terminate`` memory
        thresholds, as fractions of the limit (the same on every worker).
    """

    workers: list  # addresses, sorted
    nthreads: list  # threads per worker
    memory_limit: list  # bytes per worker
    thresholds: dict  # {"target", "spill", "pause", "terminate"}: fractions of the limit, per worker config


def _memory_thresholds():
    return {name: dask.config.get(f"distributed.worker.memory.{name}")
            for name in ("target", "spill", "pause", "terminate")}


def cluster_info(client):
    """The workers' addresses, threads, memory limits (from ``scheduler_info``) and memory thresholds.

    The thresholds are read from each worker's own Dask configuration; they must
    agree across workers (else ValueError, naming them).

    Parameters
    ----------
    client : distributed.Client
        A client of the cluster.

    Returns
    -------
    info : ClusterInfo
        The workers, their threads and limits, and the thresholds.
    """
    workers = client.scheduler_info(n_workers=-1)["workers"]
    addresses = sorted(workers)
    thresholds = client.run(_memory_thresholds)
    distinct = {tuple(sorted(t.items())) for t in thresholds.values()}
    if len(distinct) != 1:
        raise ValueError(f"the workers' memory thresholds differ: {thresholds}; start them with the same "
                         "Dask configuration.")
    same = dict(distinct.pop())
    return ClusterInfo(addresses, [workers[a]["nthreads"] for a in addresses],
                       [workers[a]["memory_limit"] for a in addresses],
                       {name: same[name] for name in ("target", "spill", "pause", "terminate")})


def iteration_seconds(X, centers, *, workers=None, repeat=1):
    """Wall-clock seconds of one Lloyd iteration's pass over X (best of ``repeat``).

    Parameters
    ----------
    X : dask array of shape (n_samples, n_features)
        The data.
    centers : array-like of shape (n_clusters, n_features)
        The centers the pass labels the points with.
    workers : sequence of str or None, default=None
        Worker addresses that must run every task, to time 1 worker against 2
        on the same cluster; None lets the scheduler choose.
    repeat : int, default=1
        How many passes to time.

    Returns
    -------
    seconds : float
        The fastest pass's duration.
    """
    import time

    centers = np.asarray(centers, dtype=np.float64)
    best = math.inf
    for _ in range(check_int(repeat, "repeat", low=1)):
        start = time.perf_counter()
        if workers is None:
            _pass(X, chunk_partial, centers, reduce=add_partials)
        else:
            with dask.annotate(workers=list(workers), allow_other_workers=False):
                _pass(X, chunk_partial, centers, reduce=add_partials)
        best = min(best, time.perf_counter() - start)
    return best


def _peak_rss():
    """This process's peak resident bytes since it started (Linux: VmHWM)."""
    # Not getrusage's ru_maxrss: a process started by fork and exec (a nanny's worker)
    # inherits in it the peak of the process it was forked from, so a worker started from
    # a notebook would report the notebook's peak. VmHWM is the high-water mark of this
    # process's own memory map, which exec starts afresh.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # in kB
    except OSError:
        pass
    import resource  # no /proc (macOS): ru_maxrss, in bytes there, and possibly inherited

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker_peak_memory(client):
    """The peak resident memory of every worker process so far.

    Parameters
    ----------
    client : distributed.Client
        A client of the cluster.

    Returns
    -------
    peaks : dict of str to int
        Worker address -> its process's peak resident bytes since that process
        started: ``VmHWM`` in ``/proc/self/status`` on Linux. Where there is no
        ``/proc`` (macOS), ``ru_maxrss``, which a process started from another one
        can inherit from it, so it can be the larger peak of the process that
        started the worker.
    """
    return client.run(_peak_rss)


def _memory_now(dask_worker):
    spilled = getattr(getattr(dask_worker, "data", None), "slow", {})
    # the worker's own monitor reads its process's resident memory (no import of ours)
    return {"rss": int(dask_worker.monitor.get_process_memory()), "peak": _peak_rss(),
            "held": int(dask_worker.state.nbytes),
            "spilled": len(spilled)}


def worker_memory(client):
    """Each worker process's memory now and at its peak, and the results it holds.

    Parameters
    ----------
    client : distributed.Client
        A client of the cluster.

    Returns
    -------
    memory : dict of str to dict
        Worker address -> ``{"rss", "peak", "held", "spilled"}``: ``rss`` its
        resident bytes now, ``peak`` the largest since it started (as
        :func:`worker_peak_memory` measures it), ``held`` the bytes of task results it keeps,
        ``spilled`` how many of those it has written to disk.
    """
    return client.run(_memory_now)


def _chunks_made():
    return _CHUNKS_MADE


def chunks_made(client):
    """How many chunks of :func:`chunked_blobs` each worker has generated so far.

    Parameters
    ----------
    client : distributed.Client
        A client of the cluster.

    Returns
    -------
    counts : dict of str to int
        Worker address -> chunks that worker's process has made.
    """
    return client.run(_chunks_made)


def work_memory(chunk, centers, n_far=1):
    """Peak bytes that NumPy allocates while :func:`chunk_partial` runs on ``chunk`` (tracemalloc).

    The chunk itself is not counted: it is what the E-step allocates beside it.

    Parameters
    ----------
    chunk : array-like of shape (n_rows, n_features)
        One chunk of the data.
    centers : array-like of shape (n_clusters, n_features)
        The centers it is labelled with.
    n_far : int, default=1
        Farthest points the partial keeps.

    Returns
    -------
    nbytes : int
        The peak of the allocations traced while the partial ran.
    """
    import tracemalloc

    chunk = np.asarray(chunk, dtype=np.float64)
    tracemalloc.start()
    try:
        chunk_partial(chunk, centers, n_far=n_far)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _executed(dask_worker):
    return dask_worker.state.executed_count


def tasks_per_worker(client):
    """How many tasks each worker has run so far.

    Parameters
    ----------
    client : distributed.Client
        A client of the cluster.

    Returns
    -------
    counts : dict of str to int
        Worker address -> tasks it has executed.
    """
    return client.run(_executed)
