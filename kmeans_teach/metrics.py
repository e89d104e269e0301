"""Scoring a clustering against known classes: matching clusters to labels.

k-means numbers its clusters arbitrarily: cluster 3 may hold the digit 7. To
compute an accuracy we first decide which class each cluster stands for.
Two ways, and they differ:

* ``"mode"`` (the textbook's way): each cluster takes the class that is most
  common inside it. Two clusters can then take the *same* class, and some
  class none at all, which can make the accuracy look better than any
  one-to-one naming of the clusters allows.
* ``"hungarian"``: the one-to-one naming (each class used at most once) that
  gets the most points right, found by
  :func:`scipy.optimize.linear_sum_assignment` on the confusion matrix.

The adjusted Rand index and the normalised mutual information
(:mod:`sklearn.metrics`) need no matching at all.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = [
    "Matching",
    "ClusterSummary",
    "contingency",
    "match_clusters",
    "cluster_accuracy",
    "cluster_summary",
]

_METHODS = ("hungarian", "mode")


class Matching(NamedTuple):
    """Which class each cluster stands for, and how many points that gets right.

    Attributes
    ----------
    method : str
        "hungarian" or "mode".
    clusters : ndarray of shape (n_clusters,)
        The cluster ids, sorted.
    classes : ndarray of shape (n_clusters,)
        ``classes[i]`` is the class given to cluster ``clusters[i]``. With the
        Hungarian method a cluster left without a class (more clusters than
        classes) gets -1.
    accuracy : float
        Share of points whose cluster's class is their true class.
    duplicated : tuple
        Classes given to more than one cluster (only possible with "mode").
    unused : tuple
        Classes given to no cluster.
    """

    method: str
    clusters: np.ndarray
    classes: np.ndarray
    accuracy: float
    duplicated: tuple
    unused: tuple

    def predict(self, labels):
        """Translate cluster labels into classes (-1 for a cluster without one).

        Parameters
        ----------
        labels : array-like of int
            Cluster ids.

        Returns
        -------
        classes : ndarray of the shape of ``labels``
            The class of each label's cluster; -1 for a cluster the matching does
            not know or did not name.
        """
        labels = np.asarray(labels)
        index = np.searchsorted(self.clusters, labels)
        index = np.clip(index, 0, len(self.clusters) - 1)
        known = self.clusters[index] == labels
        return np.where(known, self.classes[index], -1)


class ClusterSummary(NamedTuple):
    """What one cluster holds, in the true classes.

    Attributes
    ----------
    cluster : int
        The cluster id.
    size : int
        Number of points in the cluster.
    majority : int
        The most common class in it (the smallest such class on a tie).
    purity : float
        Share of the cluster that has the majority class (0.0 when empty).
    others : tuple of (class, count)
        The other classes present, most common first.
    """

    cluster: int
    size: int
    majority: int
    purity: float
    others: tuple


def _check_labels(y_true, labels):
    arrays = []
    for name, values in (("y_true", y_true), ("labels", labels)):
        arr = np.asarray(values)
        if arr.ndim != 1:
            raise ValueError(f"{name} must be 1-D, one entry per sample, but it has shape "
                             f"{arr.shape}. Flatten it with {name}.ravel() if that is what "
                             "you meant.")
        if arr.dtype == object or not (np.issubdtype(arr.dtype, np.integer)
                                       or np.issubdtype(arr.dtype, np.bool_)):
            floating = np.issubdtype(arr.dtype, np.floating)
            # whole numbers stored as floats are fine (an empty array counts as whole)
            if floating and np.isfinite(arr).all() and np.all(arr == np.round(arr)):
                arr = arr.astype(np.int64)
            else:
                raise TypeError(f"{name} must hold integer class or cluster ids, but its dtype "
                                f"is {arr.dtype}. Convert it, for example with "
                                f"np.asarray({name}).astype(int), or encode text labels with "
                                "np.unique(..., return_inverse=True).")
        arrays.append(arr.astype(np.int64))
    y_true, labels = arrays
    if len(y_true) != len(labels):
        raise ValueError(f"y_true and labels must have the same length (one entry per sample), "
                         f"but y_true has {len(y_true)} and labels has {len(labels)}. Did you "
                         "pass the labels of a different data set?")
    if len(y_true) == 0:
        raise ValueError("y_true and labels are empty: an accuracy needs at least one sample.")
    return y_true, labels


def contingency(y_true, labels):
    """Count the points of each class in each cluster.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True classes (integers).
    labels : array-like of shape (n_samples,)
        Cluster ids (integers).

    Returns
    -------
    counts : ndarray of shape (n_classes, n_clusters)
        ``counts[i, j]`` is the number of points of class ``classes[i]`` in
        cluster ``clusters[j]``.
    classes, clusters : ndarray
        The sorted distinct classes and cluster ids.

    Examples
    --------
    >>> counts, classes, clusters = contingency([0, 0, 1, 1], [5, 5, 5, 7])
    >>> counts
    array([[2, 0],
           [1, 1]])
    >>> clusters
    array([5, 7])
    """
    y_true, labels = _check_labels(y_true, labels)
    classes, row = np.unique(y_true, return_inverse=True)
    clusters, col = np.unique(labels, return_inverse=True)
    counts = np.zeros((len(classes), len(clusters)), dtype=np.int64)
    np.add.at(counts, (row, col), 1)
    return counts, classes, clusters


def match_clusters(y_true, labels, method="hungarian"):
    """Give each cluster a class, by the per-cluster mode or one-to-one (Hungarian).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True classes (integers).
    labels : array-like of shape (n_samples,)
        Cluster ids (integers), for example ``KMeans(...).labels_``.
    method : {"hungarian", "mode"}, default="hungarian"
        "mode": each cluster takes its most common class (the smallest on a
        tie), even if another cluster took it already. "hungarian": each class
        goes to at most one cluster, chosen so the most points are right.

    Returns
    -------
    matching : Matching
        The class each cluster is named after, and the accuracy of that naming.

    See Also
    --------
    cluster_accuracy : just the accuracy.

    Examples
    --------
    Two clusters are mostly class 0; class 1 is the minority in both:

    >>> y_true = [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]
    >>> labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    >>> mode = match_clusters(y_true, labels, method="mode")
    >>> mode.classes, mode.duplicated, mode.unused, mode.accuracy
    (array([0, 0]), (0,), (1,), 0.7)
    >>> match_clusters(y_true, labels).classes    # one-to-one
    array([0, 1])
    >>> match_clusters(y_true, labels).accuracy
    0.6
    """
    if method not in _METHODS:
        raise ValueError(f"method must be 'hungarian' or 'mode', but got {method!r}.")
    counts, classes, clusters = contingency(y_true, labels)
    n_samples = int(counts.sum())
    if method == "mode":
        best = counts.argmax(axis=0)  # first (smallest) class on a tie
        assigned = classes[best]
        correct = counts[best, np.arange(len(clusters))].sum()
    else:
        from scipy.optimize import linear_sum_assignment  # on use: a light import

        rows, cols = linear_sum_assignment(counts, maximize=True)
        assigned = np.full(len(clusters), -1, dtype=np.int64)
        assigned[cols] = classes[rows]
        correct = counts[rows, cols].sum()
    used, times = np.unique(assigned[assigned >= 0], return_counts=True)
    duplicated = tuple(int(c) for c in used[times > 1])
    unused = tuple(int(c) for c in np.setdiff1d(classes, used))
    return Matching(method, clusters, assigned.astype(np.int64), float(correct / n_samples),
                    duplicated, unused)


def cluster_accuracy(y_true, labels, method="hungarian"):
    """Share of points whose cluster, named after a class, names their true class.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True classes (integers).
    labels : array-like of shape (n_samples,)
        Cluster ids (integers).
    method : {"hungarian", "mode"}, default="hungarian"
        How clusters get their class; see :func:`match_clusters`. "mode" can
        give two clusters the same class and so score higher than any
        one-to-one naming.

    Returns
    -------
    accuracy : float
        The share of points whose cluster's class is their true class, 0 to 1.

    Examples
    --------
    >>> y_true = [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]
    >>> labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    >>> cluster_accuracy(y_true, labels, method="mode")
    0.7
    >>> cluster_accuracy(y_true, labels, method="hungarian")
    0.6
    >>> cluster_accuracy([1, 1, 2], [7, 7, 3])   # the cluster ids do not matter
    1.0
    """
    return match_clusters(y_true, labels, method).accuracy


def cluster_summary(y_true, labels, cluster):
    """Size, majority class, purity and the other classes of one cluster.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True classes (integers).
    labels : array-like of shape (n_samples,)
        Cluster ids (integers).
    cluster : int
        The cluster id to describe.

    Returns
    -------
    summary : ClusterSummary
        The cluster's size and the true classes it holds.

    Examples
    --------
    >>> cluster_summary([1, 1, 8, 1, 9], [4, 4, 4, 4, 0], cluster=4)
    ClusterSummary(cluster=4, size=4, majority=1, purity=0.75, others=((8, 1),))
    """
    y_true, labels = _check_labels(y_true, labels)
    if isinstance(cluster, bool) or not isinstance(cluster, (int, np.integer)):
        raise TypeError(f"cluster must be an integer cluster id, but got {cluster!r}.")
    inside = y_true[labels == cluster]
    if len(inside) == 0:
        raise ValueError(f"cluster {cluster} has no points; the cluster ids present are "
                         f"{np.unique(labels).tolist()}.")
    classes, counts = np.unique(inside, return_counts=True)
    order = np.lexsort((classes, -counts))  # most common first, smaller class on a tie
    classes, counts = classes[order], counts[order]
    others = tuple((int(c), int(n)) for c, n in zip(classes[1:], counts[1:]))
    return ClusterSummary(int(cluster), int(len(inside)), int(classes[0]),
                          float(counts[0] / len(inside)), others)
