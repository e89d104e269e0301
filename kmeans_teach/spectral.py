"""Spectral clustering opened up: the nearest-neighbour graph, its embedding, then k-means.

scikit-learn's ``SpectralClustering(affinity="nearest_neighbors",
assign_labels="kmeans")`` does three things, and this module does them one at
a time so a lesson can show each:

1. connect every point to its ``n_neighbors`` nearest neighbours and make the
   graph symmetric (the *affinity* matrix);
2. place every point at its values in the first eigenvectors of the graph's
   normalised Laplacian ``L = I - D^-1/2 A D^-1/2`` (D: each point's degree,
   the sum of its edge weights), each value then divided by the square root of
   the point's degree (the *spectral embedding*);
3. run k-means on those new coordinates.

The division by ``sqrt(degree)`` is scikit-learn's (``embedding / dd`` in
``sklearn/manifold/_spectral_embedding.py``, "recover u = D^-1/2 x"). It
matters for what the coordinates look like: the first eigenvector of ``L``
itself is proportional to ``sqrt(degree)`` on each piece of the graph, not
constant; only after the division is the first coordinate the same number for
every point of a connected graph (the same on each piece of a graph in pieces).

Points that are well connected in the graph land close together in the
embedding, so two moons that k-means cannot separate with a straight line
become two blobs that it can.

When the graph falls apart into several pieces (its *connected components*),
the first eigenvectors only say which piece a point is in, and scikit-learn
warns "Graph is not fully connected". That is harmless when the pieces are the
clusters, and breaks the method when there are more pieces than clusters.
:class:`SpectralEmbedding` reports the number of pieces so you can tell which.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from numbers import Integral

import numpy as np

from ._threads import limit_threads
from .datasets import lesson_moons
from ._validation import check_int, check_number, check_random_state, check_X
from .metrics import match_clusters

__all__ = [
    "SpectralEmbedding",
    "SpectralResult",
    "MoonsComparison",
    "GRAPH_WARNING",
    "knn_affinity",
    "spectral_embedding_of",
    "spectral_clustering_of",
    "compare_on_moons",
]

#: The start of scikit-learn's warning when the neighbour graph has several pieces.
GRAPH_WARNING = "Graph is not fully connected"


def _check_n_neighbors(n_neighbors, n_samples):
    return check_int(
        n_neighbors, "n_neighbors", low=1, high=n_samples,
        fix=f" Each point needs that many neighbours among the {n_samples} samples "
            "(itself included); 10 is scikit-learn's default.",
    )


def knn_affinity(X, n_neighbors=10):
    """The symmetric nearest-neighbour graph SpectralClustering builds.

    Every point is joined to its ``n_neighbors`` nearest points (itself
    included); the weight is 1 when both points chose each other, 0.5 when
    only one did, 0 otherwise: ``0.5 * (C + C.T)`` for the 0/1 choice matrix C.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_neighbors : int, default=10
        Neighbours per point, the point itself included (as scikit-learn counts them).

    Returns
    -------
    affinity : scipy.sparse CSR matrix of shape (n_samples, n_samples)
        ``0.5 * (C + C.T)``, where ``C[i, j] = 1`` when j is one of the
        ``n_neighbors`` nearest points of i: 1 where both chose each other,
        0.5 where one did.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [3.0]])
    >>> knn_affinity(X, n_neighbors=2).toarray()
    array([[1. , 1. , 0. ],
           [1. , 1. , 0.5],
           [0. , 0.5, 1. ]])
    """
    X = check_X(X)
    return _knn_affinity(X, _check_n_neighbors(n_neighbors, X.shape[0]))


def _knn_affinity(X, n_neighbors):
    """:func:`knn_affinity` on checked input."""
    from sklearn.neighbors import kneighbors_graph  # on use: scikit-learn imports pandas
    choice = kneighbors_graph(X, n_neighbors=n_neighbors, include_self=True)
    return (0.5 * (choice + choice.T)).tocsr()


@dataclass(frozen=True, eq=False)
class SpectralEmbedding:
    """The points in the space where spectral clustering runs k-means (read-only).

    Attributes
    ----------
    coords : ndarray of shape (n_samples, n_components)
        Each point's values in the first ``n_components`` eigenvectors of the
        normalised graph Laplacian, divided by the square root of the point's
        degree, as scikit-learn does (so the first column is constant on each
        piece of the graph; the eigenvector itself is proportional to
        ``sqrt(degree)`` there).
    affinity : scipy.sparse CSR matrix of shape (n_samples, n_samples)
        The symmetric nearest-neighbour graph (see :func:`knn_affinity`).
    n_neighbors : int
        Neighbours per point in the graph.
    n_graph_components : int
        How many separate pieces the graph has. 1 means connected; more
        means scikit-learn warned "Graph is not fully connected".
    graph_labels : ndarray of shape (n_samples,)
        Which piece of the graph each point belongs to.
    """

    coords: np.ndarray
    affinity: object
    n_neighbors: int
    n_graph_components: int
    graph_labels: np.ndarray

    @property
    def connected(self):
        """True when the graph is in one piece."""
        return self.n_graph_components == 1

    def __repr__(self):
        n, d = self.coords.shape
        pieces = "connected" if self.connected else f"{self.n_graph_components} pieces"
        return (f"SpectralEmbedding({n} points in {d} dimensions, "
                f"n_neighbors={self.n_neighbors}, graph: {pieces})")


def spectral_embedding_of(X, *, n_neighbors=10, n_components=2, random_state=None):
    """Embed ``X`` exactly as ``SpectralClustering(affinity="nearest_neighbors")`` does.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_neighbors : int, default=10
        Neighbours per point in the graph (scikit-learn's default).
    n_components : int, default=2
        Eigenvectors to keep. SpectralClustering keeps ``n_clusters`` of them,
        including the first one (constant after the division by
        ``sqrt(degree)`` when the graph is connected).
    random_state : int, RandomState instance or None, default=None
        Starts the eigenvector solver (ARPACK's start vector ``v0``).

    Returns
    -------
    embedding : SpectralEmbedding
        The coordinates, the graph and its pieces. Its ``coords`` are the
        eigenvectors divided by ``sqrt(degree)``, as scikit-learn returns them
        (see the module's docstring).

    Warns
    -----
    UserWarning
        scikit-learn's "Graph is not fully connected, spectral embedding may
        not work as expected" when the graph has several pieces. It is passed
        on unchanged; ``n_graph_components`` of the result says how many.

    See Also
    --------
    spectral_clustering_of : the embedding followed by k-means.

    Examples
    --------
    >>> from sklearn.datasets import make_moons
    >>> X, y = make_moons(200, noise=0.05, random_state=0)
    >>> emb = spectral_embedding_of(X, n_neighbors=12, random_state=0)
    >>> emb
    SpectralEmbedding(200 points in 2 dimensions, n_neighbors=12, graph: connected)
    >>> # the second eigenvector alone tells the moons apart: its sign is the moon
    >>> side = emb.coords[:, 1] > 0
    >>> bool((side == (y == 1)).all() or (side == (y == 0)).all())
    True
    """
    X = check_X(X)
    n_samples = X.shape[0]
    if n_samples < 3:
        raise ValueError(f"X has {n_samples} samples; a spectral embedding needs at least 3.")
    n_neighbors = _check_n_neighbors(n_neighbors, n_samples)
    n_components = check_int(
        n_components, "n_components", low=1, high=n_samples - 2,
        fix=f" The eigenvector solver needs it below the number of samples minus one "
            f"({n_samples - 1}).",
    )
    return _spectral_embedding_of(X, n_neighbors, n_components, check_random_state(random_state))


def _spectral_embedding_of(X, n_neighbors, n_components, rng):
    """:func:`spectral_embedding_of` on checked input; ``rng`` a RandomState."""
    from scipy.sparse.csgraph import connected_components  # on use: a light import

    affinity = _knn_affinity(X, n_neighbors)
    n_pieces, pieces = connected_components(affinity, directed=False)
    from sklearn.manifold import spectral_embedding  # on use: scikit-learn imports pandas
    with limit_threads():  # the eigenvector solver, on one thread as every fit
        coords = spectral_embedding(
            affinity, n_components=n_components, random_state=rng,
            eigen_tol="auto", drop_first=False,
        )
    return SpectralEmbedding(coords, affinity, int(n_neighbors), int(n_pieces), pieces)


@dataclass(frozen=True, eq=False)
class SpectralResult:
    """Spectral clustering, step by step (read-only).

    Attributes
    ----------
    labels : ndarray of shape (n_samples,)
        The clusters k-means found in the embedding.
    embedding : SpectralEmbedding
        Where k-means ran.
    centers : ndarray of shape (n_clusters, n_components)
        The k-means centers, in embedding coordinates.
    """

    labels: np.ndarray
    embedding: SpectralEmbedding
    centers: np.ndarray

    def __repr__(self):
        return (f"SpectralResult(n_clusters={len(self.centers)}, "
                f"{self.embedding!r})")


def spectral_clustering_of(X, n_clusters=2, *, n_neighbors=10, random_state=None, n_init=10):
    """``SpectralClustering(affinity="nearest_neighbors", assign_labels="kmeans")``, opened up.

    Builds the graph, embeds the points in ``n_clusters`` eigenvectors and
    runs k-means there, drawing the random numbers in the same order as
    scikit-learn, so the labels are the same as ``SpectralClustering``'s with
    the same ``random_state``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_clusters : int, default=2
        Number of clusters.
    n_neighbors : int, default=10
        Neighbours per point in the graph (scikit-learn's default).
    random_state : int, RandomState instance or None, default=None
        Seeds the random draws; an int gives the same result on every call.
    n_init : int, default=10
        k-means restarts in the embedding (scikit-learn's default here).

    Returns
    -------
    result : SpectralResult
        The labels, the embedding and the k-means centers in it.

    Warns
    -----
    UserWarning
        scikit-learn's "Graph is not fully connected", passed on (see
        :func:`spectral_embedding_of`).

    Examples
    --------
    >>> from sklearn.cluster import SpectralClustering
    >>> from sklearn.datasets import make_moons
    >>> X, y = make_moons(200, noise=0.08, random_state=1)
    >>> ours = spectral_clustering_of(X, 2, n_neighbors=10, random_state=0)
    >>> theirs = SpectralClustering(2, affinity="nearest_neighbors", random_state=0).fit(X)
    >>> bool((ours.labels == theirs.labels_).all())
    True
    """
    X = check_X(X)
    n_clusters = check_int(n_clusters, "n_clusters", low=1, high=X.shape[0] - 2,
                           fix=" Spectral clustering needs fewer clusters than samples minus one.")
    n_init = check_int(n_init, "n_init", low=1)
    # one random stream for both steps, in scikit-learn's order
    rng = check_random_state(random_state)
    n_neighbors = _check_n_neighbors(n_neighbors, X.shape[0])
    embedding = _spectral_embedding_of(X, n_neighbors, n_clusters, rng)
    with limit_threads():
        from sklearn.cluster import KMeans  # on use: scikit-learn imports pandas
        kmeans = KMeans(n_clusters, n_init=n_init, random_state=rng).fit(embedding.coords)
    return SpectralResult(kmeans.labels_, embedding, kmeans.cluster_centers_)


def _aligned(y_true, labels):
    """Renumber ``labels`` so each cluster takes the true class it overlaps most (one-to-one).

    The Hungarian matching of :func:`kmeans_teach.match_clusters`, completed into
    a permutation of 0 .. k-1 (a cluster left without a class takes a free number).
    """
    k = int(max(labels.max(), y_true.max())) + 1
    matching = match_clusters(y_true, labels)
    mapping = np.full(k, -1, dtype=np.int32)  # the labels' dtype, as scikit-learn's
    mapping[matching.clusters] = matching.classes
    missing = mapping < 0
    mapping[missing] = np.setdiff1d(np.arange(k), mapping[~missing])[: np.count_nonzero(missing)]
    return mapping


@dataclass(frozen=True, eq=False)
class MoonsComparison:
    """The k-means and spectral clusterings of one moons data set (read-only).

    Cluster numbers are matched to the true moons (one-to-one, largest
    overlap) so that colours mean the same in every picture; the adjusted
    Rand index (ARI) does not depend on the numbering.

    Attributes
    ----------
    X : ndarray of shape (n_samples, 2)
        The points.
    y : ndarray of shape (n_samples,)
        Their true moon.
    noise : float
        The noise the moons were made with.
    n_neighbors : int
        Neighbours per point in spectral clustering's graph.
    kmeans_labels : ndarray of shape (n_samples,)
        k-means with k=2 in the original space.
    kmeans_centers : ndarray of shape (2, 2)
        Its centers.
    spectral_labels : ndarray of shape (n_samples,)
        Spectral clustering's labels.
    embedding : SpectralEmbedding
        Where spectral clustering ran k-means.
    ari_kmeans, ari_spectral : float
        Agreement with the true moons: 1 is perfect, about 0 is chance.
    warning : str or None
        scikit-learn's warning text if the graph was not connected.
    """

    X: np.ndarray
    y: np.ndarray
    noise: float
    n_neighbors: int
    kmeans_labels: np.ndarray
    kmeans_centers: np.ndarray
    spectral_labels: np.ndarray
    embedding: SpectralEmbedding
    ari_kmeans: float
    ari_spectral: float
    warning: str | None

    @property
    def spectral_determined(self):
        """Whether spectral clustering's result is determined by the data at all.

        Not when the neighbour graph has more pieces than the 2 clusters: then the
        smallest eigenvalue, 0, is repeated once per piece, and any rotation of its
        eigenvectors is an equally right answer. Which one the solver returns depends
        on the arithmetic (CPU, BLAS kernel, thread count) and on the order of the
        points, and so does which whole pieces k-means puts together, and the ARI.
        Measured on the lesson's moons with 5 neighbours (4 pieces): ARI 0.013 on one
        BLAS kernel, 0.278 on another; on one machine, 5 of 6 random orders of the
        points gave 0.278 and one 0.218, while the solver's seed (0 to 5) changed
        nothing.
        """
        return self.embedding.n_graph_components <= 2

    def spectral_score(self, digits=3):
        """The spectral ARI as text, or "not determined" where it is not (see above).

        Parameters
        ----------
        digits : int, default=3
            Decimals of the ARI.

        Returns
        -------
        text : str
            The ARI rounded, or "not determined" when ``spectral_determined`` is False.
        """
        if not self.spectral_determined:
            return "not determined"
        return f"{self.ari_spectral:.{digits}f}"

    def __repr__(self):
        return (f"MoonsComparison(noise={self.noise:g}, n_neighbors={self.n_neighbors}: "
                f"k-means ARI {self.ari_kmeans:.3f}, spectral ARI {self.ari_spectral:.3f}, "
                f"graph in {self.embedding.n_graph_components} piece(s))")


@lru_cache(maxsize=64)
def _moons_and_kmeans(noise, n_samples, random_state):
    """The moons and k-means on them: the same for every n_neighbors, so computed once."""
    X, y = lesson_moons(n_samples, noise=noise, random_state=random_state)
    with limit_threads():
        from sklearn.cluster import KMeans  # on use: scikit-learn imports pandas
        kmeans = KMeans(2, n_init=10, random_state=random_state).fit(X)
    arrays = (X, y, kmeans.labels_, kmeans.cluster_centers_)
    for array in arrays:
        array.flags.writeable = False  # shared between results: read-only
    return arrays


def compare_on_moons(noise=0.05, n_neighbors=10, *, n_samples=200, random_state=0):
    """Run k-means and spectral clustering (k=2) on ``make_moons`` and score both.

    The lesson's case is the default: 200 points, noise 0.05, seed 0.
    scikit-learn's "Graph is not fully connected" warning is caught here on
    purpose and kept as text in ``warning`` (with the number of pieces in
    ``embedding.n_graph_components``), so an app can state it.

    Parameters
    ----------
    noise : float, default=0.05
        Standard deviation of the Gaussian noise added to the moons (>= 0).
    n_neighbors : int, default=10
        Neighbours per point in spectral clustering's graph.
    n_samples : int, default=200
        Points in the moons data set.
    random_state : int, RandomState instance or None, default=0
        Seed for the data, k-means and the eigenvector solver. A RandomState
        or None is turned into one int seed drawn from it. The moons and
        k-means depend only on (noise, n_samples, random_state), so they are
        computed once and shared (read-only) between calls that differ only
        in ``n_neighbors``.

    Returns
    -------
    comparison : MoonsComparison
        Both clusterings, their ARI and the spectral embedding.

    Examples
    --------
    >>> compare_on_moons()
    MoonsComparison(noise=0.05, n_neighbors=10: k-means ARI 0.256, spectral ARI 1.000, graph in 2 piece(s))
    >>> compare_on_moons().warning
    'Graph is not fully connected, spectral embedding may not work as expected.'
    """
    check_number(noise, "noise", low=0, fix=" The lesson uses 0.05.")
    n_samples = check_int(n_samples, "n_samples", low=4)
    if not isinstance(random_state, Integral):
        # a RandomState or None: draw the int seed the cache is keyed by
        random_state = int(check_random_state(random_state).randint(np.iinfo(np.int32).max))
    check_random_state(random_state)  # the range check
    random_state = int(random_state)
    X, y, k_labels, k_centers_raw = _moons_and_kmeans(float(noise), n_samples, random_state)
    with warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", message=GRAPH_WARNING, category=UserWarning)
        spectral = spectral_clustering_of(X, 2, n_neighbors=n_neighbors, random_state=random_state)
    texts = [str(w.message) for w in caught]
    others = [w for w, t in zip(caught, texts) if not t.startswith(GRAPH_WARNING)]
    for w in others:  # anything unexpected goes on to the caller
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    graph_text = next((t for t in texts if t.startswith(GRAPH_WARNING)), None)
    k_map, s_map = _aligned(y, k_labels), _aligned(y, spectral.labels)
    k_centers = np.empty_like(k_centers_raw)
    k_centers[k_map] = k_centers_raw
    from sklearn.metrics import adjusted_rand_score  # on use: scikit-learn imports pandas
    return MoonsComparison(
        X=X, y=y, noise=float(noise), n_neighbors=int(n_neighbors),
        kmeans_labels=k_map[k_labels], kmeans_centers=k_centers,
        spectral_labels=s_map[spectral.labels], embedding=spectral.embedding,
        ari_kmeans=float(adjusted_rand_score(y, k_labels)),
        ari_spectral=float(adjusted_rand_score(y, spectral.labels)),
        warning=graph_text,
    )
