"""Lesson 10's exercises: the per-chunk partial and the reduce; choosing a chunk size."""

from __future__ import annotations

import numpy as np

from ._feedback import Case, Feedback, call_student, check_cases

__all__ = ["check_chunk_sums", "check_chunk_choice"]


class _Problem(str):
    """What went wrong before the totals could be compared (a sentence)."""


def _split(X, sizes):
    edges = np.cumsum([0, *sizes])
    return [X[a:b] for a, b in zip(edges[:-1], edges[1:])]


def _cases():
    rng = np.random.default_rng(10)
    # three decimals: no point is at the same distance from two centers (with one decimal,
    # (2.4, -1.7) was, and rounding then decided which center a right answer picked)
    X = np.round(rng.normal(scale=3.0, size=(40, 2)), 3)
    centers = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, -3.0]])
    far = np.array([[-2.0, 0.0], [2.0, 1.0], [50.0, 50.0]])  # cluster 2 gets no point
    return [
        Case("4 even chunks of 10 points", (_split(X, [10] * 4), centers)),
        Case("uneven chunks of 25, 1 and 14 points", (_split(X, [25, 1, 14]), centers)),
        Case("one chunk: all the data", (_split(X, [40]), centers)),
        Case("a cluster with no point in any chunk", (_split(X, [15, 25]), far)),
        Case("one center (k = 1)", (_split(X, [7, 33]), centers[:1])),
    ]


def _truth(chunks, centers):
    X = np.vstack(chunks)
    labels = ((X[:, None, :] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)
    counts = np.bincount(labels, minlength=len(centers))
    sums = np.zeros_like(centers)
    np.add.at(sums, labels, X)
    return sums, counts


def check_chunk_sums(partial, reduce):
    """Check a student's map ``partial(chunk, centers) -> (sums, counts)`` and ``reduce(partials)``.

    ``partial`` labels the chunk's points with their nearest center and returns
    the per-cluster sums of shape (k, d) and counts of shape (k,); ``reduce``
    takes the list of the chunks' results and returns the totals. The checker
    cuts one data set into several chunkings (even, uneven, one chunk, a cluster
    with no point, k = 1) and compares with the sums over all the data.

    Parameters
    ----------
    partial : callable
        The student's map: ``partial(chunk, centers)`` returns ``(sums, counts)``.
    reduce : callable
        The student's reduce: ``reduce(partials)`` takes the list of the
        chunks' results and returns the total ``(sums, counts)``.

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the function is right; otherwise the
        sentence names the first case that failed.

    Examples
    --------
    >>> import numpy as np
    >>> def partial(chunk, centers):
    ...     labels = ((chunk[:, None] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)
    ...     counts = np.bincount(labels, minlength=len(centers))
    ...     sums = np.array([chunk[labels == j].sum(axis=0) for j in range(len(centers))])
    ...     return sums, counts
    >>> def reduce(partials):
    ...     return sum(p[0] for p in partials), sum(p[1] for p in partials)
    >>> bool(check_chunk_sums(partial, reduce))
    True
    >>> check_chunk_sums(partial, lambda partials: partials[0])  # doctest: +ELLIPSIS
    Not yet: case 1 of 5 (4 even chunks of 10 points): the counts add up to 10 points, but the data has 40...
    """
    for func, name in ((partial, "partial"), (reduce, "reduce")):
        if not callable(func):
            return Feedback(False, f"{name} must be a function, but got {type(func).__name__}; "
                                   "pass the function itself, without calling it.")

    def both(chunks, centers):
        partials = []
        for i, chunk in enumerate(chunks):
            result, problem = call_student(partial, chunk, centers)
            if problem is not None:
                return _Problem(f"on chunk {i}, {problem.message}")
            try:
                shapes = tuple(np.shape(r) for r in result)
            except TypeError:
                shapes = None
            want = (centers.shape, (len(centers),))
            if shapes != want:
                return _Problem(f"chunk {i} ({len(chunk)} points) gave (sums, counts) of shapes "
                                 f"{shapes}, expected {want}: one row per cluster, even a cluster "
                                 "with no point in the chunk (np.bincount(..., minlength=k)).")
            try:
                chunk_count = float(np.sum(np.asarray(result[1], dtype=float)))
            except (TypeError, ValueError):
                chunk_count = None
            if chunk_count is not None and chunk_count != len(chunk):
                return _Problem(f"chunk {i} has {len(chunk)} points, but its partial's counts add "
                                 f"up to {chunk_count:g}: partial must count every point of its "
                                 "chunk once, in the cluster of its nearest center.")
            partials.append(result)
        result, problem = call_student(reduce, partials)
        if problem is not None:
            return _Problem(f"in reduce, {problem.message}")
        return result

    def judge(result, chunks, centers):
        if isinstance(result, _Problem):
            return str(result)
        sums, counts = _truth(chunks, centers)
        try:
            got_sums, got_counts = (np.asarray(r, dtype=float) for r in result)
        except (TypeError, ValueError):
            return "return two arrays, (sums, counts), from partial and from reduce."
        if got_sums.shape != sums.shape or got_counts.shape != counts.shape:
            return (f"expected sums of shape {sums.shape} and counts of shape {counts.shape}, "
                    f"but got {got_sums.shape} and {got_counts.shape}: one row per cluster, "
                    "even a cluster with no point (use minlength in np.bincount).")
        if got_counts.sum() != counts.sum():
            return (f"the counts add up to {got_counts.sum():g} points, but the data has "
                    f"{counts.sum()}: does reduce add up every chunk's partial?")
        if not np.array_equal(got_counts, counts):
            return f"the counts are {got_counts.astype(int).tolist()}, expected {counts.tolist()}."
        wrong = ~np.isclose(got_sums, sums, rtol=1e-9, atol=1e-9).all(axis=1)
        if wrong.any():
            j = int(np.flatnonzero(wrong)[0])
            return f"cluster {j}'s sum is {got_sums[j].tolist()}, expected {sums[j].tolist()}."
        return None

    return check_cases(both, _cases(), judge,
                       "the chunks' sums and counts add up to those of all the data.")


#: Dask's default pause line, as a fraction of a worker's memory limit (lesson 10 keeps
#: Dask's thresholds): above it a worker starts no new task, so this is the budget
PAUSE = 0.8

#: chunk sizes allowed per chunk while its E-step runs, the chunk included: a margin
#: over what tracemalloc measures (``kd.work_memory``: the chunk plus about 2 more
#: chunk sizes for k = 8 and d = 8, printed in lesson 10's Decide section)
WORK_COPIES = 4


def check_chunk_choice(my_choice, my_evidence, *, n_samples, n_features, memory_limit,
                       worker_baseline, n_workers, itemsize=8, options=(1_000, 80_000, 2_000_000)):
    """Check a decision: which chunk size (rows) to use, defended with the bytes per chunk.

    The truth, computed here: a chunk fits when ``WORK_COPIES`` times its bytes fit
    in the memory a worker has beside its own baseline up to Dask's pause line
    (80 % of the limit by default, as lesson 10 keeps it: above it the worker
    starts no new task); among the chunk sizes that fit, the right one is the
    largest that still gives every worker at least two chunks, so the fixed
    overhead of each task stays small against its work.

    Parameters
    ----------
    my_choice : int
        The student's chunk size in rows, one of ``options``.
    my_evidence : float
        The bytes per chunk the student quotes for it (within 1 % is accepted).
    n_samples : int
        Rows of the data set.
    n_features : int
        Columns of the data set.
    memory_limit : int
        Each worker's memory limit in bytes.
    worker_baseline : int
        Bytes a worker uses before it holds any chunk.
    n_workers : int
        Number of workers.
    itemsize : int, default=8
        Bytes per number (8 for float64).
    options : tuple of int, default=(1_000, 80_000, 2_000_000)
        The chunk sizes to choose from.

    Returns
    -------
    feedback : Feedback
        True for the right chunk size with the right bytes; otherwise the
        sentence says why the choice fails (or what the evidence should be)
        and whether to look at a larger or a smaller size, never which one.

    Examples
    --------
    >>> kw = dict(n_samples=4_000_000, n_features=8, memory_limit=232 * 2**20,
    ...           worker_baseline=150 * 2**20, n_workers=2)
    >>> check_chunk_choice(80_000, 5_120_000, **kw)  # doctest: +ELLIPSIS
    Correct: 80000 rows per chunk: 5.12 MB, 4 copies fit ...
    >>> check_chunk_choice(2_000_000, 128_000_000, **kw)  # doctest: +ELLIPSIS
    Not yet: a chunk of 2000000 rows is 128 MB, ...
    """
    if my_choice not in options:
        return Feedback(False, f"my_choice must be one of {list(options)} (rows per chunk), "
                               f"but got {my_choice!r}.")
    try:
        evidence = float(my_evidence)
    except (TypeError, ValueError):
        return Feedback(False, f"my_evidence must be a number (bytes per chunk), but got {my_evidence!r}.")
    free = PAUSE * memory_limit - worker_baseline

    def nbytes(rows):
        return rows * n_features * itemsize

    def fits(rows):
        return WORK_COPIES * nbytes(rows) <= free

    def enough(rows):
        return -(-n_samples // rows) >= 2 * n_workers

    good = [r for r in options if fits(r) and enough(r)]
    best = max(good) if good else None
    real = nbytes(my_choice)
    quote = ("" if abs(evidence - real) <= 0.01 * real else
             f" (you quoted {evidence:.3g} bytes per chunk; {my_choice} rows x {n_features} "
             f"features x {itemsize} bytes is {real:.3g})")
    n_chunks = -(-n_samples // my_choice)
    if my_choice == best:
        return Feedback(not quote, f"{my_choice} rows per chunk: {real / 1e6:.3g} MB, "
                        f"{WORK_COPIES} copies fit in the {free / 2**20:.0f} MiB a worker has free, "
                        f"and {n_chunks} chunks keep {n_workers} workers busy{quote}. A lower memory "
                        f"limit or more features would call for smaller chunks.")
    if not fits(my_choice):
        why = (f"a chunk of {my_choice} rows is {real / 1e6:.3g} MB, and its E-step holds about "
               f"{WORK_COPIES} copies: more than the {free / 2**20:.0f} MiB a worker has beside its "
               f"baseline (up to the pause line, {PAUSE * 100:.0f} % of its limit, above which the worker starts "
               "no new task; at 95 % its nanny would restart it)")
    elif not enough(my_choice):
        why = f"{n_chunks} chunks cannot keep {n_workers} workers busy"
    else:
        why = (f"{n_chunks} chunks of {real / 1e3:.3g} kB each: the scheduler's fixed overhead per "
               f"task outweighs the work on so small a chunk")
    # which way to look, not the answer (the feedback once named the right size)
    direction = "larger" if fits(my_choice) and enough(my_choice) else "smaller"
    return Feedback(False, f"{why}{quote}. Look at a {direction} chunk size.")
