"""The data sets the lessons use: generated, or bundled with scikit-learn."""

from sklearn.datasets import make_blobs

from ._validation import check_random_state

__all__ = ["lesson_blobs"]


def lesson_blobs(n_samples=300, *, centers=4, cluster_std=0.6, random_state=0):
    """The 2-D blobs of lesson 01: 300 points around 4 centers.

    Parameters
    ----------
    n_samples, centers, cluster_std :
        Passed to :func:`sklearn.datasets.make_blobs`.
    random_state : int, RandomState instance or None, default=0

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)
        The blob each point was drawn from (k-means never sees it).

    Examples
    --------
    >>> X, y = lesson_blobs()
    >>> X.shape, sorted(set(y.tolist()))
    ((300, 2), [0, 1, 2, 3])
    """
    check_random_state(random_state)
    return make_blobs(
        n_samples=n_samples, centers=centers, cluster_std=cluster_std, random_state=random_state
    )
