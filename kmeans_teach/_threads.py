"""One scoped limit on the threads of NumPy's BLAS and scikit-learn's OpenMP.

The lessons' data sets are small (hundreds to a few hundred thousand rows), so
threads mostly add overhead; on a busy machine, OpenMP threads that wait for
each other made a gap statistic 250 times slower (51 s instead of 0.2 s).
Every fit in the engine runs inside :func:`limit_threads`, and the limit ends
with the ``with`` block: nothing changes the limits for the whole kernel.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["limit_threads"]


@contextmanager
def limit_threads(limits=1):
    """Run the ``with`` block on at most ``limits`` threads (BLAS and OpenMP).

    Parameters
    ----------
    limits : int or None, default=1
        The most threads each thread pool may use; None leaves them as they are.

    Yields
    ------
    None
        The ``with`` block runs under the limit; the old limits come back
        when it ends.

    Notes
    -----
    Unlike ``threadpoolctl.threadpool_limits``, which sets the limit as soon as
    it is called, this only acts inside ``with``: calling it alone does nothing,
    so the limit cannot leak to the rest of a notebook.

    Examples
    --------
    >>> from threadpoolctl import threadpool_info
    >>> with limit_threads():
    ...     all(pool["num_threads"] == 1 for pool in threadpool_info())
    True
    """
    from threadpoolctl import threadpool_limits  # on use: a light `import kmeans_teach`

    with threadpool_limits(limits=limits):
        yield
