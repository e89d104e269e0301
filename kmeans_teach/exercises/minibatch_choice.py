"""Lesson 07's decision: KMeans or MiniBatchKMeans, defended with the inertia ratio."""

from __future__ import annotations

from numbers import Real

import numpy as np
from .._validation import check_random_state
from ._feedback import Feedback

__all__ = ["check_minibatch_choice", "minibatch_inertia_ratio"]

_CHOICES = ("KMeans", "MiniBatchKMeans")


def minibatch_inertia_ratio(X, n_clusters, batch_size=1024, random_state=0, n_init=10):
    """``MiniBatchKMeans``'s inertia divided by ``KMeans``'s, on the same data.

    Both seed themselves with k-means++ ``n_init`` times: ``KMeans`` runs from
    each start and keeps the best run; ``MiniBatchKMeans`` scores each start
    on a small sample and runs once, from the best one (scikit-learn's
    docstring: "only run once, using the best of the n_init initializations").
    Apart from ``batch_size``, ``random_state`` and ``n_init`` they
    use scikit-learn's defaults. Both inertias are over all of ``X``
    (``inertia_``). With a single start each (``n_init=1``) the ratio also
    depends on which local minimum each run happened to land in, and can
    change with ``random_state`` (tests/test_minibatch_choice.py shows two
    seeds on either side of 1 %); the best of several starts leaves less of
    it to where one run ended. Unlike a time, the ratio does not depend on the
    machine's speed.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data of the exercise.
    n_clusters : int
        Number of clusters of both fits.
    batch_size : int, default=1024
    random_state : int, RandomState instance or None, default=0
        Seeds the random draws; an int gives the same result on every call.
    n_init : int, default=10
        Number of k-means++ starts of each method (KMeans: runs from each and keeps
        the best run; MiniBatchKMeans: runs once, from the best start).

    Returns
    -------
    ratio : float

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> X, _ = make_blobs(2000, centers=3, random_state=0)
    >>> 1.0 <= round(minibatch_inertia_ratio(X, 3), 3) < 1.01
    True
    """
    from sklearn.cluster import KMeans, MiniBatchKMeans  # here: importing kmeans_teach stays light

    full = KMeans(n_clusters, n_init=n_init, random_state=random_state).fit(X).inertia_
    mini = MiniBatchKMeans(n_clusters, batch_size=batch_size, n_init=n_init,
                           random_state=random_state).fit(X)
    return mini.inertia_ / full


def check_minibatch_choice(X, n_clusters, my_method, my_ratio, *, tolerance=0.01, batch_size=1024,
                           random_state=0, n_init=10):
    """Check a decision: MiniBatchKMeans if its inertia is within ``tolerance`` of KMeans's.

    The checker fits both itself (:func:`minibatch_inertia_ratio`), then
    says whether ``my_ratio`` is the real inertia ratio (to 4 decimals: a ratio
    rounded to 4 or more decimals passes, a round guess such as 1.0 does not
    unless it is the ratio to 4 decimals) and
    whether ``my_method`` is what the rule picks, and what would change the
    decision. A wrong ``my_ratio`` is answered without the real one: the
    student measures it.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data of the exercise.
    n_clusters : int
        Number of clusters of both fits.
    my_method : {"KMeans", "MiniBatchKMeans"}
        The student's decision.
    my_ratio : float
        The number that defends it: MiniBatchKMeans's inertia divided by KMeans's.
    tolerance : float, default=0.01
        How much higher an inertia is still good enough (0.01: 1 %).
    batch_size : int, default=1024
        MiniBatchKMeans's batch size.
    random_state : int, RandomState instance or None, default=0
        Passed to both fits; an int makes the ratio the same on every run.
    n_init : int, default=10
        Number of k-means++ starts of each method (KMeans: runs from each and keeps
        the best run; MiniBatchKMeans: runs once, from the best start).

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the decision is right and the evidence
        matches it; otherwise the sentence says what the evidence shows.

    Examples
    --------
    >>> import numpy as np
    >>> check_minibatch_choice(np.zeros((10, 2)), 2, None, None)  # doctest: +ELLIPSIS
    Not yet: set my_method to "KMeans" or "MiniBatchKMeans", and my_ratio ...
    """
    check_random_state(random_state)  # the teacher's argument: an error, not feedback
    hint = ('set my_method to "KMeans" or "MiniBatchKMeans", and my_ratio to MiniBatchKMeans\'s '
            f"inertia divided by KMeans's. Hint: fit KMeans({n_clusters}, n_init={n_init}, "
            f"random_state=SEED) and MiniBatchKMeans({n_clusters}, batch_size={batch_size}, "
            f"n_init={n_init}, random_state=SEED) on the same points and divide their inertia_.")
    if my_method not in _CHOICES:
        return Feedback(False, hint if my_method is None else
                        f"my_method is {my_method!r}, not one of the two choices; {hint}")
    if isinstance(my_ratio, (bool, np.bool_)) or not isinstance(my_ratio, Real) or not np.isfinite(my_ratio):
        return Feedback(False, f"my_ratio is {my_ratio!r}, but the decision needs its number: "
                               f"{hint}")
    ratio = minibatch_inertia_ratio(X, n_clusters, batch_size, random_state, n_init)
    right = "MiniBatchKMeans" if ratio <= 1 + tolerance else "KMeans"
    above = f"{ratio - 1:+.2%}"  # how far the mini-batch inertia is above KMeans's
    # The same fits give the same ratio to the last bits. Agreement to 4 decimals tells a
    # measured ratio from a round guess (1.0 passed at 0.001 where the ratio was 1.0002: a
    # cold read) and still takes the measured ratio rounded as a student would print it
    # (1.0002 was refused at a relative 1e-6: the next cold read).
    if not abs(my_ratio - ratio) <= 0.5e-4 + 1e-12:
        return Feedback(False, f"my_ratio is {my_ratio:.5f}, but that is not the inertia ratio the "
                               "checker measured (to 4 decimals): measure it before you decide. "
                               f"{hint[hint.index('Hint: '):]}")
    if my_method != right:
        return Feedback(False, f"the ratio {ratio:.5f} is right, but it puts mini-batch {above} "
                               f"from KMeans's inertia, so the {tolerance:.0%} rule picks {right}.")
    if right == "MiniBatchKMeans":
        change = f"a tolerance below {max(ratio - 1, 0):.2%} would pick KMeans"
    else:
        change = f"only a tolerance of {ratio - 1:.2%} or more would pick MiniBatchKMeans"
    return Feedback(True, f"{right}: mini-batch ends {above} from KMeans's inertia (ratio "
                          f"{ratio:.5f}), and the rule allows {tolerance:.0%}. What would change "
                          f"the decision: {change}.")
