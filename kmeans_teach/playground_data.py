"""The data sets of the Playground's menu: all generated here, nothing downloaded.

Each is a function of ``random_state`` only and returns ``X`` of shape
(n_samples, 2). :data:`PLAYGROUND_DATA` maps the menu's plain names to them;
:func:`playground_data` returns one by name.
"""

from __future__ import annotations

import numpy as np

from ._validation import rng_from

__all__ = ["PLAYGROUND_DATA", "playground_data"]


def _blobs(random_state):
    from .datasets import lesson_blobs  # the lesson's own 300 points
    return lesson_blobs(random_state=random_state)[0]


def _uniform(random_state):
    # 300 points spread evenly over a square: no clusters at all
    return rng_from(random_state).uniform(-5, 5, size=(300, 2))


def _stretched(random_state):
    # the lesson's blobs, sheared and squeezed: long thin clusters
    return _blobs(random_state) @ np.array([[0.6, -0.64], [-0.41, 0.85]])


def _unequal(random_state):
    # one big wide blob and two small tight ones
    rng = rng_from(random_state)
    parts = [rng.normal((0, 0), 1.6, size=(240, 2)),
             rng.normal((6, 5), 0.35, size=(30, 2)),
             rng.normal((6, -4), 0.35, size=(30, 2))]
    return np.vstack(parts)


def _on_circle(rng, n, radius, noise, center=(0.0, 0.0), arc=(0.0, 2 * np.pi)):
    angle = rng.uniform(*arc, size=n)
    r = radius + rng.normal(0, noise, size=n)
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)]) + center


def _rings(random_state):
    # two concentric rings: k-means cuts them like a pie
    rng = rng_from(random_state)
    return np.vstack([_on_circle(rng, 100, 1.0, 0.08), _on_circle(rng, 200, 3.0, 0.1)])


def _smiley(random_state):
    # a face, two eyes and a smile
    rng = rng_from(random_state)
    return np.vstack([
        _on_circle(rng, 160, 4.0, 0.1),
        rng.normal((-1.5, 1.3), 0.3, size=(30, 2)),
        rng.normal((1.5, 1.3), 0.3, size=(30, 2)),
        _on_circle(rng, 80, 2.2, 0.1, arc=(1.15 * np.pi, 1.85 * np.pi)),
    ])


def _moons(random_state):
    from .datasets import lesson_moons
    return lesson_moons(n_samples=300, noise=0.06, random_state=random_state)[0]


def _packed_circles(random_state):
    # a 3 x 3 grid of touching discs, points uniform inside each
    rng = rng_from(random_state)
    grid = np.array([(i, j) for i in range(3) for j in range(3)], dtype=float) * 2.0
    n = 35
    angle = rng.uniform(0, 2 * np.pi, size=(9, n))
    r = np.sqrt(rng.uniform(0, 1, size=(9, n)))  # sqrt: uniform over the disc's area
    offsets = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=-1)
    return (grid[:, None, :] + offsets).reshape(-1, 2)


#: menu name -> function of random_state returning X of shape (n_samples, 2)
PLAYGROUND_DATA = {
    "Gaussian blobs": _blobs,
    "uniform points": _uniform,
    "stretched blobs": _stretched,
    "unequal sizes": _unequal,
    "concentric rings": _rings,
    "smiley face": _smiley,
    "two moons": _moons,
    "packed circles": _packed_circles,
}


def playground_data(name="Gaussian blobs", *, random_state=0):
    """One of the Playground's data sets, by its menu name.

    Parameters
    ----------
    name : str, default="Gaussian blobs"
        One of ``PLAYGROUND_DATA``'s keys.
    random_state : int, RandomState instance or None, default=0
        Seeds the random draws; an int gives the same result on every call.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
        The points of that data set.

    Examples
    --------
    >>> playground_data("smiley face").shape
    (300, 2)
    >>> sorted(len(playground_data(name)) for name in PLAYGROUND_DATA)
    [300, 300, 300, 300, 300, 300, 300, 315]
    """
    if name not in PLAYGROUND_DATA:
        raise ValueError(f"name must be one of {list(PLAYGROUND_DATA)}, but got {name!r}.")
    return np.ascontiguousarray(PLAYGROUND_DATA[name](random_state), dtype=float)
