"""k-means as a tool for labelling (lesson 09): representative images and label propagation.

Labelling costs money; k-means does not. Cluster the training images, label
only the image nearest each center (its *representative*), then copy that
label to the rest of its cluster (*propagation*), or only to the share of the
cluster nearest its center, where the clusters are purest.

* :func:`digits_split`: lesson 05's digits, split once into train and test;
* :func:`representatives`: k-means, the distances to the centers, the representatives;
* :func:`propagate`: each representative's label to the nearest share of its cluster;
* :func:`label_budget_curves`: test accuracy against the number of labels bought.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._threads import limit_threads
from ._validation import check_int, check_number, check_random_state, check_X
from .datasets import DigitsSplit, _int_seed, digits_split  # noqa: F401

__all__ = [
    "DigitsSplit",
    "digits_split",
    "Representatives",
    "representatives",
    "propagate",
    "fit_classifier",
    "count_correct",
    "BudgetCurves",
    "label_budget_curves",
    "BUDGETS",
    "SHARES",
]

#: the label budgets the lesson and its app scan: 10 to 200 labels
BUDGETS = (10, 20, 30, 50, 75, 100, 150, 200)
#: the shares of each cluster the labels are propagated to (1.0: the whole cluster)
SHARES = (0.2, 0.5, 1.0)


@dataclass(frozen=True, repr=False)
class Representatives:
    """The k-means clusters of the training images, and the image nearest each center.

    Attributes
    ----------
    centers : ndarray of shape (n_clusters, n_features)
        The k-means centers.
    labels : ndarray of shape (n_samples,)
        The cluster of every training image.
    distances : ndarray of shape (n_samples, n_clusters)
        ``KMeans.transform``: the distance of every image to every center.
    index : ndarray of shape (n_clusters,)
        The representative of each cluster: ``distances.argmin(axis=0)``.
    n_clusters : int
        The number of clusters.
    """

    centers: np.ndarray
    labels: np.ndarray
    distances: np.ndarray
    index: np.ndarray

    @property
    def n_clusters(self):
        return len(self.centers)

    def __repr__(self):
        return (f"Representatives(n_clusters={self.n_clusters}, "
                f"{len(self.labels)} images)")


def representatives(X, n_clusters, *, n_init=1, random_state=0):
    """Cluster ``X`` with k-means and find the image nearest each center.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_clusters : int
        How many labels you can buy: one per cluster.
    n_init : int, default=1
        k-means runs (the best is kept), as ``KMeans(n_init=...)``.
    random_state : int, RandomState instance or None, default=0
        Seeds the random draws; an int gives the same result on every call.

    Returns
    -------
    reps : Representatives
        The clusters, every image's distance to every center, and the
        representative of each cluster.

    Examples
    --------
    >>> split = digits_split()
    >>> reps = representatives(split.X_train, 50)
    >>> reps.index.shape, bool((reps.labels[reps.index] == np.arange(50)).all())
    ((50,), True)
    """
    from sklearn.cluster import KMeans

    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=len(X),
                           fix=" One label per cluster: at most one cluster per image.")
    check_random_state(random_state)
    model = KMeans(n_clusters=n_clusters, n_init=n_init, random_state=random_state)
    with limit_threads():
        distances = model.fit_transform(X)  # 1. cluster; 2. distance to every center
    index = distances.argmin(axis=0)  # 3. the image nearest each center
    return Representatives(model.cluster_centers_, model.labels_, distances, index)


def propagate(reps, rep_labels, share=1.0):
    """Give each representative's label to the ``share`` of its cluster nearest its center.

    Parameters
    ----------
    reps : Representatives
        From :func:`representatives`.
    rep_labels : ndarray of shape (n_clusters,)
        The label bought for each representative, ``y[reps.index]``.
    share : float in (0, 1], default=1.0
        1.0 labels every image of every cluster; 0.2 only the closest 20 %
        of each cluster (at least its representative).

    Returns
    -------
    index : ndarray of shape (n_labelled,)
        The images that get a label, sorted.
    labels : ndarray of shape (n_labelled,)
        Their propagated labels.

    Examples
    --------
    >>> split = digits_split()
    >>> reps = representatives(split.X_train, 50)
    >>> index, labels = propagate(reps, split.y_train[reps.index], share=0.2)
    >>> len(index) < len(split.X_train), bool(np.isin(reps.index, index).all())
    (True, True)
    """
    check_number(share, "share", low=0, high=1, low_open=True,
                 fix=" For example 0.2 for the closest 20 % of each cluster.")
    rep_labels = np.asarray(rep_labels)
    if rep_labels.shape != (reps.n_clusters,):
        raise ValueError(f"rep_labels must hold one label per cluster, shape "
                         f"({reps.n_clusters},), but has shape {rep_labels.shape}: "
                         "use y[reps.index].")
    own = reps.distances[np.arange(len(reps.labels)), reps.labels]  # distance to own center
    keep = np.zeros(len(own), dtype=bool)
    for cluster in range(reps.n_clusters):
        members = np.flatnonzero(reps.labels == cluster)
        n_keep = max(1, int(np.ceil(share * len(members))))
        # the closest members first; ties broken by index, so the result is stable
        keep[members[np.argsort(own[members], kind="stable")[:n_keep]]] = True
    index = np.flatnonzero(keep)
    return index, rep_labels[reps.labels[index]]


def fit_classifier(X, y):
    """The lesson's classifier: a logistic regression (lbfgs), fitted on one thread.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The training images.
    y : ndarray of shape (n_samples,)
        Their labels.

    Returns
    -------
    model : sklearn.linear_model.LogisticRegression
        Fitted (``max_iter=2000``).

    Examples
    --------
    >>> split = digits_split()
    >>> model = fit_classifier(split.X_train[:100], split.y_train[:100])
    >>> model.classes_.tolist() == list(range(10))
    True
    """
    from sklearn.linear_model import LogisticRegression

    with limit_threads():
        return LogisticRegression(max_iter=2000).fit(X, y)


def count_correct(model, split):
    """How many test images ``model`` gets right.

    Parameters
    ----------
    model : fitted classifier
        Anything with ``predict``, e.g. from :func:`fit_classifier`.
    split : DigitsSplit
        The images; the test set is scored.

    Returns
    -------
    count : int
        Test images predicted right.
    share : float
        The same as a share of the test set.
    """
    with limit_threads():
        right = int((model.predict(split.X_test) == split.y_test).sum())
    return right, right / len(split.y_test)


@dataclass(frozen=True, repr=False)
class BudgetCurves:
    """Test accuracy against the number of labels bought.

    Attributes
    ----------
    budgets : tuple of int
        The numbers of labels bought.
    shares : tuple of float
        The shares of each cluster the labels were propagated to.
    random : ndarray of shape (n_budgets,)
        Correct test images with that many randomly chosen labelled images.
    representative : ndarray of shape (n_budgets,)
        ... with the representatives of that many clusters.
    propagated : ndarray of shape (n_budgets, n_shares)
        ... with the representatives' labels propagated to each share.
    propagated_right : ndarray of shape (n_budgets, n_shares)
        The share of propagated labels that are right.
    n_test : int
        The number of test images (the accuracies' denominator).
    representative_index : tuple of ndarray
        For each budget, the training images that were labelled (the representatives).
    """

    budgets: tuple
    shares: tuple
    random: np.ndarray
    representative: np.ndarray
    propagated: np.ndarray
    propagated_right: np.ndarray
    n_test: int
    representative_index: tuple = ()

    def accuracy(self, method, budget, share=None):
        """The accuracy (0..1) of ``method`` at ``budget`` labels.

        Parameters
        ----------
        method : {"random", "representative", "propagated"}
            Which labelling.
        budget : int
            One of ``budgets``.
        share : float or None, default=None
            One of ``shares``; needed for "propagated" only.

        Returns
        -------
        accuracy : float
            Correct test images divided by ``n_test``.
        """
        i = self.budgets.index(budget)
        if method == "propagated":
            return self.propagated[i, self.shares.index(share)] / self.n_test
        return getattr(self, method)[i] / self.n_test

    def __repr__(self):
        return (f"BudgetCurves(budgets {self.budgets[0]}..{self.budgets[-1]}, "
                f"shares {self.shares}, {self.n_test} test images)")


def label_budget_curves(budgets=BUDGETS, shares=SHARES, *, random_state=0, progress=None):
    """Accuracy curves of random, representative and propagated labelling on the digits.

    For each budget ``b``: a logistic regression on ``b`` random training
    images; on the ``b`` representatives of k-means with ``b`` clusters; and
    on the representatives' labels propagated to each share of their
    clusters. Results are cached: the app and the checkers share them.

    Parameters
    ----------
    budgets : tuple of int, default=BUDGETS
        The numbers of labels bought (2 to 1347, the training set's size).
    shares : tuple of float, default=SHARES
        The shares of each cluster that the labels are propagated to.
    random_state : int, RandomState instance or None, default=0
        Seed of the random draws and of k-means. The curves of an int seed are
        cached; None or a RandomState draws an int seed from it first (so a
        RandomState advances and None gives new draws each call).
    progress : callable, default=None
        Wraps the budgets, e.g. a progress bar (``progress(iterable)``).

    Returns
    -------
    curves : BudgetCurves
        The count of correct test images for every budget, method and share.
    """
    budgets = tuple(check_int(b, "budgets", low=2, high=1347) for b in budgets)
    shares = tuple(float(s) for s in shares)
    random_state = _int_seed(random_state)  # the cache key, and default_rng's seed below
    if progress is None:
        return _curves(budgets, shares, random_state)
    key = (budgets, shares, random_state)
    if key in _CACHE:
        return _CACHE[key]
    # the same computation, one budget at a time so that the bar moves
    rows = [_budget_row(b, shares, random_state) for b in progress(budgets)]
    _CACHE[key] = _assemble(budgets, shares, rows)
    return _CACHE[key]


_CACHE = {}


def _curves(budgets, shares, random_state):
    key = (budgets, shares, random_state)
    if key not in _CACHE:
        rows = [_budget_row(b, shares, random_state) for b in budgets]
        _CACHE[key] = _assemble(budgets, shares, rows)
    return _CACHE[key]


def _budget_row(budget, shares, random_state):
    split = digits_split()
    rng = np.random.default_rng([random_state, budget])
    chosen = rng.choice(len(split.y_train), size=budget, replace=False)
    random_right = count_correct(fit_classifier(split.X_train[chosen],
                                                split.y_train[chosen]), split)[0]
    reps = representatives(split.X_train, budget, random_state=random_state)
    rep_labels = split.y_train[reps.index]  # the labels we buy
    rep_right = count_correct(fit_classifier(split.X_train[reps.index], rep_labels), split)[0]
    prop_right, label_right = [], []
    for share in shares:
        index, labels = propagate(reps, rep_labels, share)
        model = fit_classifier(split.X_train[index], labels)
        prop_right.append(count_correct(model, split)[0])
        label_right.append(float((labels == split.y_train[index]).mean()))
    return random_right, rep_right, prop_right, label_right, reps.index


def _assemble(budgets, shares, rows):
    random_right, rep_right, prop_right, label_right, index = zip(*rows)
    arrays = [np.array(a) for a in (random_right, rep_right, prop_right, label_right)]
    for a in (*arrays, *index):
        a.setflags(write=False)
    return BudgetCurves(budgets, shares, *arrays, n_test=len(digits_split().y_test),
                        representative_index=tuple(index))
