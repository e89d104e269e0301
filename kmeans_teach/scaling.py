"""How the cost of k-means grows: timing fits and E-steps, and log-log slopes.

Everything here measures wall-clock time, so the numbers change from run to
run and from machine to machine. What does *not* change much is how the time
grows with the size of the problem: the slope of log(time) against log(size).
A slope of 1 means "twice the data, twice the time".

Timings run on one thread by default (``n_threads=1``): on a shared or busy
machine, several threads spend much of their time waiting for each other, and
the numbers then measure the machine's load rather than the algorithm.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from numbers import Integral

import numpy as np

from ._threads import limit_threads
from ._validation import check_choice, check_int, check_number, check_X, rng_from
from .engine import assign, inertia

__all__ = ["FitTimes", "SweepTimes", "format_seconds", "loglog_slope", "time_assign", "time_fits"]


def loglog_slope(x, y):
    """Slope of the straight line through log(y) against log(x) (least squares).

    If ``y`` grows like ``x ** p``, the slope is ``p``: 1 for linear growth,
    2 for quadratic. Natural and base-10 logarithms give the same slope.

    Parameters
    ----------
    x, y : array-like of shape (n_points,)
        Positive, finite numbers, at least two points, ``x`` not all equal.

    Returns
    -------
    slope : float
        The least-squares slope of ``log(y)`` against ``log(x)``.

    Examples
    --------
    >>> x = [10, 100, 1000]
    >>> round(loglog_slope(x, [3 * v**2 for v in x]), 6)
    2.0
    """
    xs = _positive_1d(x, "x")
    ys = _positive_1d(y, "y")
    if len(xs) != len(ys):
        raise ValueError(
            f"x and y must have the same length, but got {len(xs)} and {len(ys)} values: "
            "one time (y) per problem size (x)."
        )
    if len(xs) < 2:
        raise ValueError(f"a slope needs at least two points, but got {len(xs)}.")
    lx, ly = np.log(xs), np.log(ys)
    if np.ptp(lx) == 0:
        raise ValueError(
            "all x values are equal, so there is no slope: time at least two different sizes."
        )
    lx = lx - lx.mean()
    return float((lx * (ly - ly.mean())).sum() / (lx * lx).sum())


def format_seconds(seconds):
    """A duration with 3 significant digits and a unit a person reads at a glance.

    Parameters
    ----------
    seconds : float
        A duration in seconds, at least 0.

    Returns
    -------
    str
        For example ``"312 ms"``, ``"1.25 s"`` or ``"48.0 µs"``.

    Examples
    --------
    >>> format_seconds(0.3124), format_seconds(1.2549), format_seconds(4.8e-5)
    ('312 ms', '1.25 s', '48.0 µs')
    """
    check_number(seconds, "seconds", low=0)
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):  # noqa: B007 (unit is read after the loop)
        if seconds >= scale:
            break
    value = float(f"{seconds / scale:.3g}")
    if value >= 1000 and unit != "s":  # 999.96 ms rounds to 1000 ms: say 1.00 s instead
        return format_seconds(value * scale)
    if value >= 1000:  # long runs: whole seconds
        return f"{seconds:.0f} s"
    return f"{value:#.3g}".rstrip(".") + f" {unit}"


def _positive_1d(values, name):
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers, but got {values!r}.") from None
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one number per point), but has shape {arr.shape}.")
    if not (np.isfinite(arr).all() and (arr > 0).all()):
        raise ValueError(
            f"{name} must hold positive, finite numbers (a logarithm needs them), "
            f"but got {arr.tolist()}."
        )
    return arr


def _check_repeats(repeats, max_seconds):
    check_int(repeats, "repeats", low=1, fix=" Use 1 to time every case once.")
    check_number(max_seconds, "max_seconds", low=0, low_open=True,
                 fix=" Use a large number to always repeat.")


def _check_n_threads(n_threads):
    if n_threads is not None:
        check_int(n_threads, "n_threads", low=1, fix=" Use None to let the libraries decide.")


def _best_time(func, repeats, max_seconds):
    """Best of up to ``repeats`` runs of ``func()``; stop once ``max_seconds`` are spent.

    The best (smallest) time is the one least disturbed by other programs:
    noise only ever adds time.
    """
    best, spent, result = float("inf"), 0.0, None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - start
        best, spent = min(best, elapsed), spent + elapsed
        if spent >= max_seconds:
            break
    return best, result


@dataclass(frozen=True)
class FitTimes:
    """Fit times of several k-means variants at several sample sizes, one row per fit.

    The columns are tuples of equal length (a tidy table); row ``i`` is method
    ``method[i]`` fitted on the first ``n_samples[i]`` points.

    Attributes
    ----------
    method : tuple of str
        The variant fitted in each row.
    n_samples : tuple of int
        The number of points it was fitted on.
    seconds : tuple of float
        Wall-clock time of ``fit`` (the best of the repeats).
    n_iter : tuple of int
        Iterations run (``n_iter_``); for MiniBatchKMeans, passes over the data.
    n_steps : tuple of int
        Center updates made: ``n_steps_`` for MiniBatchKMeans (one per
        mini-batch), ``n_iter_`` for KMeans (one per full pass).
    inertia : tuple of float
        Inertia of the fitted centers on the same points, computed afterwards
        the same way for every method.
    """

    method: tuple
    n_samples: tuple
    seconds: tuple
    n_iter: tuple
    n_steps: tuple
    inertia: tuple

    def __len__(self):
        return len(self.method)

    @property
    def methods(self):
        """The method names, each once, in the order they were timed."""
        return tuple(dict.fromkeys(self.method))

    @property
    def seconds_per_iter(self):
        """``seconds / n_iter`` for every row: the cost of one pass over the data."""
        return tuple(s / i for s, i in zip(self.seconds, self.n_iter))

    @property
    def seconds_per_step(self):
        """``seconds / n_steps`` for every row: the cost of one center update."""
        return tuple(s / i for s, i in zip(self.seconds, self.n_steps))

    @property
    def relative_inertia(self):
        """Inertia divided by the smallest inertia any method reached at the same n.

        When the best inertia is 0 (every point sits on a center), a method
        that also reached 0 gets 1.0 and any other gets infinity, not NaN.
        """
        best = {}
        for n, value in zip(self.n_samples, self.inertia):
            best[n] = min(best.get(n, np.inf), value)

        def ratio(value, low):
            if low > 0:
                return value / low
            return 1.0 if value == 0 else float("inf")

        return tuple(ratio(value, best[n]) for n, value in zip(self.n_samples, self.inertia))

    def column(self, name, method):
        """One column (a field or property name) for one method, as an array in n order.

        Parameters
        ----------
        name : str
            One of "n_samples", "seconds", "n_iter", "n_steps", "inertia",
            "seconds_per_iter", "seconds_per_step", "relative_inertia".
        method : str
            One of ``methods``.

        Returns
        -------
        values : ndarray of shape (n_sizes,)
            That column's values for that method, one per size.

        Raises
        ------
        ValueError
            If ``method`` or ``name`` is not one of those.
        """
        if method not in self.methods:
            raise ValueError(f"method must be one of {list(self.methods)}, but got {method!r}.")
        if name not in _FIT_COLUMNS:
            raise ValueError(f"{name!r} is not a column; use one of {list(_FIT_COLUMNS)}.")
        values = getattr(self, name)
        return np.array([v for m, v in zip(self.method, values) if m == method])


_FIT_COLUMNS = ("n_samples", "seconds", "n_iter", "n_steps", "inertia",
                "seconds_per_iter", "seconds_per_step", "relative_inertia")


def _check_models(models):
    if not isinstance(models, dict) or not models:
        raise TypeError(
            "models must be a non-empty dict from a name to an unfitted estimator, for "
            "example {'lloyd': KMeans(8, algorithm='lloyd')}; got "
            f"{type(models).__name__}."
        )
    ks = set()
    for name, model in models.items():
        if not isinstance(name, str):
            raise TypeError(f"every key of models must be a name (str), but got {name!r}.")
        if not (hasattr(model, "fit") and hasattr(model, "get_params")):
            raise TypeError(
                f"models[{name!r}] must be a scikit-learn estimator such as KMeans(...), "
                f"but got {model!r}."
            )
        params = model.get_params()
        if "n_clusters" not in params:
            raise TypeError(f"models[{name!r}] has no n_clusters: it must be a k-means estimator.")
        ks.add(params["n_clusters"])
    return ks


def time_fits(models, X, n_samples, *, start=None, repeats=3, max_seconds=1.0,
              n_threads=1):
    """Time ``fit`` of every model on the first ``n`` points of X, for every n.

    Parameters
    ----------
    models : dict of str to estimator
        Unfitted k-means estimators (KMeans, MiniBatchKMeans, ...), each
        copied with :func:`sklearn.base.clone` before every fit.
    X : ndarray of shape (n_points, n_features)
        The data; fits use its first rows, so shuffle it first (``make_blobs``
        does).
    n_samples : sequence of int
        The sizes to time, each at most ``len(X)``.
    start : ndarray of shape (n_clusters, n_features) or None, default=None
        If given, every model starts from these centers (``init=start,
        n_init=1``), so all methods do the same job and the time is the
        iterations alone. If None, every model seeds itself as configured, and
        that seeding is part of the time.
    repeats : int, default=3
        Each fit is timed up to this many times; the best time is kept.
    max_seconds : float, default=1.0
        Stop repeating a fit once this much time has been spent on it.
    n_threads : int or None, default=1
        Threads the numerical libraries may use (None: their own choice).

    Returns
    -------
    FitTimes
        One row per (n, model), in the order of ``n_samples`` then ``models``.

    Examples
    --------
    >>> from sklearn.cluster import KMeans
    >>> from sklearn.datasets import make_blobs
    >>> X, _ = make_blobs(2000, centers=3, random_state=0)
    >>> times = time_fits({"lloyd": KMeans(3, n_init=1, random_state=0)}, X, [500, 2000],
    ...                   repeats=1)
    >>> times.n_samples, times.methods, times.relative_inertia
    ((500, 2000), ('lloyd',), (1.0, 1.0))
    """
    ks = _check_models(models)
    X = check_X(X)
    try:
        sizes = [int(n) if isinstance(n, Integral) and not isinstance(n, bool) else n
                 for n in n_samples]
    except TypeError:
        raise TypeError(f"n_samples must be a sequence of integers, but got {n_samples!r}.") from None
    if not sizes:
        raise ValueError("n_samples is empty: give at least one sample size to time.")
    k_max = max(ks)
    for n in sizes:
        check_int(n, "every n_samples value", low=k_max, high=len(X),
                  fix=f" Sizes must lie between n_clusters ({k_max}) and len(X) ({len(X)}).")
    _check_repeats(repeats, max_seconds)
    _check_n_threads(n_threads)
    if start is not None:
        if len(ks) != 1:
            raise ValueError(
                f"start gives one set of centers, but the models ask for different "
                f"n_clusters {sorted(ks)}; give them all the same n_clusters."
            )
        start = np.array(start, dtype=np.float64)
        if start.shape != (k_max, X.shape[1]) or not np.isfinite(start).all():
            raise ValueError(
                f"start must be finite centers of shape (n_clusters, n_features) = "
                f"({k_max}, {X.shape[1]}), but got shape {start.shape}."
            )

    def fresh(model):
        from sklearn.base import clone  # on use: scikit-learn imports pandas
        model = clone(model)
        if start is not None:
            model.set_params(init=start, n_init=1)
        return model

    rows = []
    with limit_threads(n_threads):
        # One untimed fit per model first: the first call pays for imports and
        # thread start-up, which would otherwise land on the smallest n.
        for model in models.values():
            fresh(model).fit(X[: min(sizes)])
        for n in sizes:
            Xn = X[:n]
            for name, model in models.items():
                seconds, fitted = _best_time(lambda m=model: fresh(m).fit(Xn), repeats, max_seconds)  # noqa: B023 (called at once)
                centers = fitted.cluster_centers_
                n_iter = int(fitted.n_iter_)
                n_steps = int(getattr(fitted, "n_steps_", n_iter))
                value = inertia(Xn, assign(Xn, centers, check_input=False), centers, check_input=False)
                rows.append((name, n, seconds, n_iter, n_steps, float(value)))
    return FitTimes(*(tuple(col) for col in zip(*rows)))


@dataclass(frozen=True)
class SweepTimes:
    """Time of one E-step while one size varies and the others stay fixed.

    Attributes
    ----------
    vary : str
        Which size varies: "n_samples", "n_clusters" or "n_features".
    values : tuple of int
        Its values, one per timing.
    seconds : tuple of float
        The best time of one E-step at each value.
    fixed : tuple of (str, int)
        The sizes that stay fixed, as (name, value) pairs.
    """

    vary: str
    values: tuple
    seconds: tuple
    fixed: tuple

    @property
    def slope(self):
        """Log-log slope of seconds against the varied size (1: time grows in proportion)."""
        return loglog_slope(self.values, self.seconds)


_SIZES = ("n_samples", "n_clusters", "n_features")


def time_assign(values, *, vary, n_samples=100_000, n_clusters=8, n_features=8,
                func=assign, repeats=3, max_seconds=1.0, n_threads=1, random_state=0):
    """Time the E-step (label every point with its nearest center) as one size grows.

    The E-step compares each of n points with each of k centers over d
    features: about n·k·d multiply-adds, so its time should grow in proportion
    to each of the three sizes.

    Parameters
    ----------
    values : sequence of int
        The values of the size that varies.
    vary : {"n_samples", "n_clusters", "n_features"}
        Which size varies; the other two keep the values given below.
    n_samples : int, default=100_000
        Points, when they do not vary.
    n_clusters : int, default=8
        Centers, when they do not vary.
    n_features : int, default=8
        Features, when they do not vary.
    func : callable, default=assign
        ``func(X, centers)`` that returns the labels, for example
        :func:`kmeans_teach.assign` or
        :func:`sklearn.metrics.pairwise_distances_argmin`.
    repeats : int, default=3
        As in :func:`time_fits`.
    max_seconds : float, default=1.0
        As in :func:`time_fits`.
    n_threads : int or None, default=1
        As in :func:`time_fits`.
    random_state : int, RandomState instance or None, default=0
        Seed of the random points and centers (standard normal numbers,
        drawn from ``np.random.default_rng(random_state)`` for an int).

    Returns
    -------
    sweep : SweepTimes
        The best time of the E-step for every value.

    Examples
    --------
    >>> sweep = time_assign([2, 4], vary="n_clusters", n_samples=1000, repeats=1)
    >>> sweep.vary, sweep.values, dict(sweep.fixed)
    ('n_clusters', (2, 4), {'n_samples': 1000, 'n_features': 8})
    """
    check_choice(vary, "vary", list(_SIZES))
    if not callable(func):
        raise TypeError(f"func must be callable as func(X, centers), but got {func!r}.")
    sizes = {"n_samples": n_samples, "n_clusters": n_clusters, "n_features": n_features}
    for name, value in sizes.items():
        if name != vary:
            check_int(value, name, low=1)
    try:
        values = list(values)
    except TypeError:
        raise TypeError(f"values must be a sequence of integers, but got {values!r}.") from None
    if not values:
        raise ValueError(f"values is empty: give at least one {vary} to time.")
    values = [check_int(v, f"every value of {vary}", low=1) for v in values]
    _check_repeats(repeats, max_seconds)
    _check_n_threads(n_threads)

    rng = rng_from(random_state)
    seconds = []
    with limit_threads(n_threads):
        for value in values:
            n, k, d = ({**sizes, vary: value}[s] for s in _SIZES)
            X = rng.standard_normal((n, d))
            centers = rng.standard_normal((k, d))
            func(X[: min(n, 1000)], centers)  # untimed warm-up
            best, labels = _best_time(lambda: func(X, centers), repeats, max_seconds)  # noqa: B023 (called at once)
            if np.shape(labels) != (n,):
                raise ValueError(
                    f"func returned shape {np.shape(labels)}, but an E-step must return one "
                    f"label per point, shape ({n},)."
                )
            seconds.append(best)
    fixed = tuple((s, sizes[s]) for s in _SIZES if s != vary)
    return SweepTimes(vary, tuple(values), tuple(seconds), fixed)
