"""Input checks shared by the engine.

Every check raises an error whose message names the argument and says how to
fix it, so a student who passes the wrong thing learns what to pass instead.
"""

from numbers import Integral, Real

import numpy as np

__all__ = [
    "check_X",
    "check_n_clusters",
    "check_int",
    "check_int_array",
    "check_number",
    "check_choice",
    "check_init_array",
    "check_random_state",
    "rng_from",
    "check_centers",
    "check_labels",
]

def check_random_state(random_state, *, name="random_state"):
    """Turn ``random_state`` into a ``np.random.RandomState``, as scikit-learn does.

    Accepts exactly what :func:`sklearn.utils.check_random_state` accepts:
    None (NumPy's global random state), an int seed from 0 to 2**32 - 1, or a
    ``np.random.RandomState`` (used as it is, so its stream goes on). Anything
    else, a ``np.random.Generator`` included, raises an error that says what
    to pass instead.

    Examples
    --------
    >>> check_random_state(0).randint(100)
    44
    >>> check_random_state(np.random.default_rng(0))
    Traceback (most recent call last):
    ...
    TypeError: random_state must be None, an int seed (0 to 2**32 - 1) or a np.random.RandomState, as in scikit-learn, but got a Generator. To seed from a Generator rng, pass random_state=int(rng.integers(2**32)).
    """
    from sklearn.utils import check_random_state as sklearn_check

    if random_state is None or random_state is np.random:
        return sklearn_check(random_state)
    if isinstance(random_state, np.random.RandomState):
        return random_state
    if isinstance(random_state, Integral):
        if not 0 <= random_state <= 2**32 - 1:
            raise ValueError(
                f"{name} must be an int seed from 0 to 2**32 - 1, but got {random_state}. "
                f"Use a small non-negative number, for example {name}=0."
            )
        return sklearn_check(int(random_state))
    hint = (
        f" To seed from a Generator rng, pass {name}=int(rng.integers(2**32))."
        if isinstance(random_state, np.random.Generator)
        else f" For a reproducible result pass a fixed seed, for example {name}=0."
    )
    raise TypeError(
        f"{name} must be None, an int seed (0 to 2**32 - 1) or a np.random.RandomState, "
        f"as in scikit-learn, but got a {type(random_state).__name__}.{hint}"
    )


def rng_from(random_state, *, name="random_state"):
    """A ``np.random.Generator`` for code that draws with NumPy's newer API.

    ``random_state`` follows :func:`check_random_state`'s convention. An int
    gives ``np.random.default_rng(random_state)``, so results for an int
    seed are the same as before this convention; a RandomState gives a
    Generator seeded with one int drawn from it (so it advances, as
    scikit-learn's functions advance it); None gives a fresh Generator.

    Examples
    --------
    >>> bool(rng_from(0).integers(100) == np.random.default_rng(0).integers(100))
    True
    """
    if isinstance(random_state, Integral):
        check_random_state(random_state, name=name)  # the range check
        return np.random.default_rng(int(random_state))
    if random_state is None:
        return np.random.default_rng()
    rs = check_random_state(random_state, name=name)
    return np.random.default_rng(int(rs.randint(np.iinfo(np.int32).max)))


def check_X(X, *, name="X"):
    """Return X as a C-contiguous float64 array of shape (n_samples, n_features).

    Raises TypeError for non-numeric input and ValueError for the wrong shape,
    for an empty array and for NaN or infinite values.
    """
    arr = np.asarray(X)
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or arr.dtype == bool
    ) or np.iscomplexobj(arr):
        raise TypeError(
            f"{name} must hold real numbers, but its dtype is {arr.dtype}. "
            f"Convert it first, for example {name} = np.asarray({name}, dtype=float)."
        )
    if arr.ndim != 2:
        hint = (
            f" For a single feature use {name}.reshape(-1, 1)."
            if arr.ndim == 1
            else ""
        )
        raise ValueError(
            f"{name} must be 2-D, of shape (n_samples, n_features), "
            f"but it has shape {arr.shape}.{hint}"
        )
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(
            f"{name} is empty (shape {arr.shape}): it needs at least one sample "
            "and one feature."
        )
    arr = np.ascontiguousarray(arr, dtype=np.float64)
    finite = np.isfinite(arr)
    if not finite.all():
        row = int(np.argwhere(~finite)[0, 0])
        raise ValueError(
            f"{name} contains NaN or infinity (first in row {row}). k-means "
            "measures distances, which are undefined there: drop or impute "
            f"those rows first, for example {name} = {name}[np.isfinite({name}).all(axis=1)]."
        )
    return arr


def check_int(value, name, *, low, high=None, fix=""):
    """Check that ``value`` is an integer with low <= value <= high."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(
            f"{name} must be an integer, but got {value!r} of type "
            f"{type(value).__name__}."
        )
    if value < low or (high is not None and value > high):
        span = f"at least {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{name} must be {span}, but got {value}.{fix}")
    return int(value)


def check_number(value, name, *, low=None, high=None, low_open=False, high_open=False,
                 what="number", fix=""):
    """Check that ``value`` is a finite real number within the bounds; return it as a float.

    A wrong type (a string, an array, a bool) raises TypeError; NaN, infinity
    or a number out of bounds raises ValueError. ``low_open`` / ``high_open``
    exclude the bound itself; ``fix`` ends the message with what to pass.

    Examples
    --------
    >>> check_number(0.5, "share", low=0, high=1, low_open=True)
    0.5
    >>> check_number(0, "share", low=0, high=1, low_open=True)
    Traceback (most recent call last):
    ...
    ValueError: share must be a number in (0, 1], but got 0.
    """
    if low is not None and high is not None:
        span = (f"between {low} and {high}" if not (low_open or high_open) else
                f"in {'(' if low_open else '['}{low}, {high}{')' if high_open else ']'}")
    elif low is not None:
        span = f"{'>' if low_open else '>='} {low}"
    elif high is not None:
        span = f"{'<' if high_open else '<='} {high}"
    else:
        span = ""
    kind = what if low is not None and high is not None else f"finite {what}"
    kind_span = f"{kind} {span}".rstrip()
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{name} must be a {kind_span}, but got {value!r} of type "
            f"{type(value).__name__}.{fix}"
        )
    bad = not np.isfinite(float(value))
    if low is not None:
        bad = bad or (value <= low if low_open else value < low)
    if high is not None:
        bad = bad or (value >= high if high_open else value > high)
    if bad:
        raise ValueError(f"{name} must be a {kind_span}, but got {value!r}.{fix}")
    return float(value)


def check_choice(value, name, options, *, fix=""):
    """Check that ``value`` is one of ``options``; return it.

    Any value outside the options (a misspelt name, a number, an array) is a
    wrong value: ValueError, with the options listed.
    """
    try:
        ok = value in options
    except (TypeError, ValueError):  # an array or an unhashable value
        ok = False
    if not ok:
        raise ValueError(f"{name} must be one of {options}, but got {value!r}.{fix}")
    return value


def check_int_array(values, name, *, low, fix=""):
    """Check that ``values`` holds whole numbers, at least one, each >= low; return the array."""
    arr = np.asarray(values)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name} must be whole numbers >= {low}; got {values!r}.{fix}")
    if arr.size == 0 or (arr < low).any():
        raise ValueError(f"{name} must be whole numbers >= {low}; got {values!r}.{fix}")
    return arr


def check_tol(tol):
    return check_number(tol, "tol", low=0, fix=" The default, 1e-4, is scikit-learn's.")


def check_n_clusters(n_clusters, X, *, n_distinct=None):
    """Check n_clusters against the data; optionally against its distinct points."""
    n_samples = X.shape[0]
    check_int(
        n_clusters,
        "n_clusters",
        low=1,
        high=n_samples,
        fix=f" It cannot exceed the number of samples in X ({n_samples}).",
    )
    if n_distinct is not None and n_distinct < n_clusters:
        raise ValueError(
            f"X has only {n_distinct} distinct points, fewer than "
            f"n_clusters={n_clusters}, so some clusters would have to be empty. "
            f"Use n_clusters <= {n_distinct}."
        )
    return int(n_clusters)


def check_init_array(init, n_clusters, n_features):
    """Check an explicit array of initial centers."""
    try:
        centers = np.array(init, dtype=np.float64)  # a copy we own
    except (TypeError, ValueError):
        raise TypeError(
            "init must be 'k-means++', 'random' or an array of numbers of shape "
            f"(n_clusters, n_features) = ({n_clusters}, {n_features}); got {init!r}."
        ) from None
    if centers.shape != (n_clusters, n_features):
        raise ValueError(
            f"init has shape {centers.shape}, but initial centers must have shape "
            f"(n_clusters, n_features) = ({n_clusters}, {n_features}): one row per "
            "cluster, one column per feature of X."
        )
    if not np.isfinite(centers).all():
        raise ValueError("init contains NaN or infinity: every initial center must be finite.")
    return centers


def check_centers(centers, n_features, *, name="centers"):
    """Return centers as a float64 array of shape (n_clusters, n_features), or say what is wrong."""
    try:
        arr = np.asarray(centers, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be an array of numbers of shape (n_clusters, n_features), "
            f"but got {type(centers).__name__}."
        ) from None
    if arr.ndim == 1 and n_features == 1:
        hint = f" For one feature use {name}.reshape(-1, 1)."
    elif arr.ndim == 1:
        hint = f" For a single center use {name}.reshape(1, -1)."
    else:
        hint = ""
    if arr.ndim != 2 or arr.shape[0] == 0:
        raise ValueError(
            f"{name} must be 2-D, of shape (n_clusters, n_features) with at least one "
            f"center, but it has shape {arr.shape}.{hint}"
        )
    if arr.shape[1] != n_features:
        raise ValueError(
            f"{name} has {arr.shape[1]} features (columns) but X has {n_features}: "
            f"every center needs one coordinate per feature of X, shape (n_clusters, "
            f"{n_features}). Did you pass centers.T, or the centers of other data?"
        )
    if not np.isfinite(arr).all():
        row = int(np.argwhere(~np.isfinite(arr))[0, 0])
        raise ValueError(
            f"{name} contains NaN or infinity (first in row {row}), as the mean of an empty "
            "cluster gives: every center must be finite. Drop that center or move it "
            "onto a data point."
        )
    return arr


def check_labels(labels, n_samples, n_clusters, *, name="labels"):
    """Return labels as an intp array of shape (n_samples,) with 0 <= label < n_clusters."""
    arr = np.asarray(labels)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be 1-D, one cluster index per sample, but it has shape "
            f"{arr.shape}. Flatten it with {name}.ravel() if that is what you meant."
        )
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(
            f"{name} must hold integer cluster indices, but its dtype is {arr.dtype}. "
            f"Convert whole numbers with {name}.astype(int)."
        )
    if len(arr) != n_samples:
        raise ValueError(
            f"{name} has {len(arr)} entries but X has {n_samples} samples: give one "
            "cluster index per row of X (did you pass the labels of other data?)."
        )
    if n_samples and (arr.min() < 0 or arr.max() >= n_clusters):
        raise ValueError(
            f"{name} must be cluster indices from 0 to n_clusters - 1 = {n_clusters - 1}, "
            f"but they range from {arr.min()} to {arr.max()}. Use labels from the E-step "
            f"with these centers, or a larger n_clusters."
        )
    return arr.astype(np.intp, copy=False)
