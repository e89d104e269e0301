"""A reproducible t-SNE map: scikit-learn's ``TSNE`` on one thread.

scikit-learn's Barnes-Hut t-SNE adds up its forces on all the cores it finds;
a different number of threads adds them in a different order, and after a few
hundred iterations the map comes out slightly different. On one thread the
same data and seed give the same map on the same computer; elsewhere the map
also depends on the library versions (scikit-learn, and the numerical libraries
under it) and on the processor routines those choose, so it can differ in its
details (and on a busy shared machine one thread is faster than fighting over two).
"""

from __future__ import annotations

from ._threads import limit_threads
from ._validation import check_int, check_number, check_random_state, check_X

__all__ = ["tsne_embedding"]


def tsne_embedding(X, *, n_components=2, perplexity=30.0, max_iter=500, random_state=0):
    """Map the rows of X to 2-D with t-SNE, on one thread, so the result is reproducible.

    Reproducible means: the same map for the same data and seed on the same
    computer; other library versions, or other processor routines of the
    numerical libraries, can draw a map that differs in its details.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_components : int, default=2
        Dimensions of the map.
    perplexity : float, default=30.0
        Roughly how many neighbours each point tries to keep close; it must
        be smaller than the number of samples.
    max_iter : int, default=500
        Gradient steps (at least 250). scikit-learn's default is 1000; fewer
        steps take less time (lesson 05 uses 500).
    random_state : int, RandomState instance or None, default=0
        Passed to ``TSNE``, which uses it only for its PCA start. For data with
        at most 1,000 features and at least ten times as many samples, that
        PCA's "auto" solver is the exact, non-random "covariance_eigh"
        (``sklearn/decomposition/_pca.py``), so there the seed changes nothing.

    Returns
    -------
    embedding : ndarray of shape (n_samples, n_components)
        The map: one row of coordinates per point.

    Notes
    -----
    t-SNE has no ``transform``: it places the points it was given and cannot
    place a new one. Distances between far-apart groups in the map mean little.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> X = np.vstack([rng.normal(0, 1, (30, 5)), rng.normal(8, 1, (30, 5))])
    >>> Y = tsne_embedding(X, perplexity=10, max_iter=250)
    >>> Y.shape
    (60, 2)
    >>> np.array_equal(Y, tsne_embedding(X, perplexity=10, max_iter=250))
    True
    """
    X = check_X(X)
    n_components = check_int(n_components, "n_components", low=1, high=3,
                             fix=" Barnes-Hut t-SNE makes maps of 1 to 3 dimensions.")
    max_iter = check_int(max_iter, "max_iter", low=250,
                         fix=" scikit-learn's TSNE needs at least 250 iterations.")
    check_random_state(random_state)
    check_number(perplexity, "perplexity", low=0, high=len(X), low_open=True, high_open=True,
                 fix=f" It must stay below the number of samples ({len(X)}); values from 5 "
                     "to 50 are usual.")
    from sklearn.manifold import TSNE  # on use: scikit-learn imports pandas
    model = TSNE(n_components=n_components, perplexity=float(perplexity), max_iter=max_iter,
                 init="pca", random_state=random_state)
    with limit_threads():
        return model.fit_transform(X).astype(float)
