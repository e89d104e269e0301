"""The data sets the lessons use: generated, or bundled with scikit-learn.

* :data:`PLAYGROUND_DATA`, :func:`playground_data`: lesson 00's menu of data sets;
* :func:`lesson_blobs`: lesson 01 to 03's 300 points around 4 centers;
* :func:`lesson_moons`: lesson 04's two interleaved half circles;
* :func:`lesson_digits`: lesson 05's 1,797 handwritten digits, 8×8 pixels;
* :func:`sample_image`: lesson 06's two photos (read-only, loaded once);
* :func:`stretched_blobs`, :func:`failure_cases`: lesson 08's data where k-means fails;
* :func:`digits_split`: lesson 05's digits split into train and test, for lesson 09.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from numbers import Integral
from typing import NamedTuple

import numpy as np

from ._validation import check_choice, check_int, check_random_state, rng_from

__all__ = ["lesson_blobs", "lesson_moons", "lesson_digits", "sample_image", "SAMPLE_IMAGES",
           "PLAYGROUND_DATA", "playground_data", "STRETCH", "stretched_blobs", "FailureCase",
           "failure_cases", "DigitsSplit", "digits_split"]

#: the names :func:`sample_image` knows: scikit-learn's two sample photos
SAMPLE_IMAGES = ("china.jpg", "flower.jpg")


def lesson_blobs(n_samples=300, *, centers=4, cluster_std=0.6, random_state=0):
    """The 2-D blobs of lesson 01: 300 points around 4 centers.

    Parameters
    ----------
    n_samples : int, default=300
        Number of points, passed to :func:`sklearn.datasets.make_blobs`.
    centers : int, default=4
        Number of blobs, passed to ``make_blobs``.
    cluster_std : float, default=0.6
        Standard deviation of every blob, passed to ``make_blobs``.
    random_state : int, RandomState instance or None, default=0
        Seeds the random draws; an int gives the same result on every call.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
        The points.
    y : ndarray of shape (n_samples,)
        The blob each point was drawn from (k-means never sees it).

    Examples
    --------
    >>> X, y = lesson_blobs()
    >>> X.shape, sorted(set(y.tolist()))
    ((300, 2), [0, 1, 2, 3])
    """
    check_random_state(random_state)
    from sklearn.datasets import make_blobs  # on use: scikit-learn imports pandas
    return make_blobs(
        n_samples=n_samples, centers=centers, cluster_std=cluster_std, random_state=random_state
    )


def lesson_moons(n_samples=200, *, noise=0.05, random_state=0):
    """The two moons of lesson 04: :func:`sklearn.datasets.make_moons`.

    Parameters
    ----------
    n_samples : int, default=200
        Number of points, split between the two moons.
    noise : float, default=0.05
        Standard deviation of the Gaussian noise added to the points.
    random_state : int, RandomState instance or None, default=0
        Seeds the random draws; an int gives the same result on every call.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
        The points.
    y : ndarray of shape (n_samples,)
        The moon each point lies on.

    Examples
    --------
    >>> X, y = lesson_moons()
    >>> X.shape, sorted(set(y.tolist()))
    ((200, 2), [0, 1])
    """
    check_random_state(random_state)
    from sklearn.datasets import make_moons  # on use: scikit-learn imports pandas
    return make_moons(n_samples, noise=noise, random_state=random_state)


def lesson_digits():
    """The handwritten digits of lesson 05: :func:`sklearn.datasets.load_digits`.

    Returns
    -------
    X : ndarray of shape (1797, 64)
        Each row an 8×8 image, flattened, with grey levels 0 to 16.
    y : ndarray of shape (1797,)
        The digit each image shows (k-means never sees it).

    Examples
    --------
    >>> X, y = lesson_digits()
    >>> X.shape, sorted(set(y.tolist())) == list(range(10))
    ((1797, 64), True)
    """
    from sklearn.datasets import load_digits

    return load_digits(return_X_y=True)


@cache
def _load_sample(name):
    from sklearn.datasets import load_sample_image

    image = load_sample_image(name)
    image.setflags(write=False)  # shared between callers: nobody may change it
    return image


def sample_image(name="china.jpg"):
    """One of scikit-learn's two sample photos (lesson 06), as a read-only uint8 array.

    Parameters
    ----------
    name : {"china.jpg", "flower.jpg"}, default="china.jpg"
        Which photo.

    Returns
    -------
    image : ndarray of shape (427, 640, 3), dtype uint8
        The photo, read-only (the same array on every call).

    Raises
    ------
    ValueError
        If ``name`` is not one of the two.

    Examples
    --------
    >>> sample_image("flower.jpg").shape
    (427, 640, 3)
    """
    check_choice(name, "name", SAMPLE_IMAGES)
    return _load_sample(name)


# lesson 00: the Playground's menu, all generated here, nothing downloaded. Each is a
# function of random_state only and returns X of shape (n_samples, 2).

def _blobs(random_state):
    # the lesson's own 300 points
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
    check_choice(name, "name", list(PLAYGROUND_DATA))
    return np.ascontiguousarray(PLAYGROUND_DATA[name](random_state), dtype=float)


# lesson 08: where k-means' assumptions break

#: the linear map that stretches the blobs (scikit-learn's gallery uses it)
STRETCH = np.array([[0.6, -0.6], [-0.4, 0.8]])


def stretched_blobs(n_samples=500, *, random_state=170):
    """Three blobs, stretched by one linear map: long, thin, parallel clusters.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = stretched_blobs()
    >>> X.shape, sorted(set(y.tolist()))
    ((500, 2), [0, 1, 2])
    """
    from sklearn.datasets import make_blobs
    X, y = make_blobs(n_samples=n_samples, centers=3, random_state=random_state)
    return X @ STRETCH, y


class FailureCase(NamedTuple):
    """One of the four failures: data, truth, the k given to k-means, what broke."""

    name: str
    X: np.ndarray
    y: np.ndarray
    n_clusters: int
    assumption: str


def failure_cases(random_state=170):
    """The four cases of scikit-learn's "k-means assumptions" figure, as a list.

    Examples
    --------
    >>> [(c.name, len(c.X), c.n_clusters) for c in failure_cases()]
    [('wrong k', 500, 2), ('stretched blobs', 500, 3), ('unequal variances', 500, 3), ('unequal sizes', 660, 3)]
    """
    from sklearn.datasets import make_blobs
    X, y = make_blobs(n_samples=500, centers=3, random_state=random_state)
    Xs, ys = stretched_blobs(500, random_state=random_state)
    Xv, yv = make_blobs(n_samples=500, centers=3, cluster_std=[1.0, 2.5, 0.5],
                        random_state=random_state)
    # one big cluster (600 points, spread 1) and two small tight ones (30, spread 0.3)
    Xz, yz = make_blobs([600, 30, 30], centers=[[0, 0], [4, 0], [0, 4]],
                        cluster_std=[1.0, 0.3, 0.3], random_state=0)
    return [
        FailureCase("wrong k", X, y, 2,
                    "k is yours to choose: given 2 for 3 blobs, k-means must merge two"),
        FailureCase("stretched blobs", Xs, ys, 3,
                    "k-means assumes round clusters: it cuts long, thin ones across"),
        FailureCase("unequal variances", Xv, yv, 3,
                    "k-means assumes equal spread: a loose cluster's points near a tight "
                    "one go to the tight one's center, and the border sits halfway"),
        FailureCase("unequal sizes", Xz, yz, 3,
                    "k-means assumes clusters of similar size: a big cluster's many outer "
                    "points lower the inertia more when they take a small cluster's center"),
    ]


# lesson 09: the digits of lesson 05, split once

@dataclass(frozen=True, repr=False)
class DigitsSplit:
    """The digits, split into a training and a test set (pixels scaled to 0..1).

    Attributes
    ----------
    X_train : ndarray of shape (n_train, 64)
        The training images, one row of 8 x 8 pixels each.
    X_test : ndarray of shape (n_test, 64)
        The test images.
    y_train : ndarray of shape (n_train,)
        The digit shown in each training image.
    y_test : ndarray of shape (n_test,)
        The digit shown in each test image.
    """

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray

    def __repr__(self):
        return (f"DigitsSplit({len(self.X_train)} training images, "
                f"{len(self.X_test)} test images, {self.X_train.shape[1]} pixels each)")


def _int_seed(random_state):
    """An int seed for the caches: an int as it is; otherwise one drawn from it.

    None draws from NumPy's global random state and a RandomState draws from
    itself (so it advances), as scikit-learn's functions do; anything else gets
    :func:`check_random_state`'s error.
    """
    rs = check_random_state(random_state)
    if isinstance(random_state, Integral):
        return int(random_state)
    return int(rs.randint(np.iinfo(np.int32).max))


def digits_split(test_size=450, random_state=0):
    """Lesson 05's digits, split into train and test, pixels divided by 16.

    The split is stratified (each digit in the same proportion on both sides)
    and the pixels go from 0 to 1 instead of 0 to 16, so that the logistic
    regression converges quickly (feature scaling is lesson 08's subject).

    Parameters
    ----------
    test_size : int, default=450
        Images kept aside for the test set.
    random_state : int, RandomState instance or None, default=0
        Seed of the split. The split of an int seed is cached and reused; None
        or a RandomState draws a seed from it (a new split each call).

    Returns
    -------
    DigitsSplit
        The four arrays, read-only (a cached split is shared by every caller).

    Examples
    --------
    >>> digits_split()
    DigitsSplit(1347 training images, 450 test images, 64 pixels each)
    """
    check_int(test_size, "test_size", low=10, high=1787)
    return _digits_split(int(test_size), _int_seed(random_state))


@cache
def _digits_split(test_size, random_state):
    from sklearn.model_selection import train_test_split

    X, y = lesson_digits()
    parts = train_test_split(X / 16.0, y, test_size=test_size, stratify=y,
                             random_state=random_state)
    for part in parts:
        part.setflags(write=False)  # cached and shared: nobody may change it
    return DigitsSplit(*parts)
