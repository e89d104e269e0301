"""The data sets the lessons use: generated, or bundled with scikit-learn.

* :func:`lesson_blobs`: lesson 01 to 03's 300 points around 4 centers;
* :func:`lesson_moons`: lesson 04's two interleaved half circles;
* :func:`lesson_digits`: lesson 05's 1,797 handwritten digits, 8×8 pixels;
* :func:`sample_image`: lesson 06's two photos (read-only, loaded once).
"""

from functools import cache

from ._validation import check_random_state

__all__ = ["lesson_blobs", "lesson_moons", "lesson_digits", "sample_image", "SAMPLE_IMAGES"]

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
    if name not in SAMPLE_IMAGES:
        raise ValueError(f"name must be one of {SAMPLE_IMAGES}, but got {name!r}.")
    return _load_sample(name)
