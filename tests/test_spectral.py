"""Spectral clustering opened up: same graph, embedding and labels as scikit-learn."""

import warnings

import numpy as np
import pytest
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import KMeans, SpectralClustering
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.metrics import adjusted_rand_score

import kmeans_teach as kt


def _sklearn(X, n_clusters, n_neighbors, seed):
    return SpectralClustering(n_clusters, affinity="nearest_neighbors", n_neighbors=n_neighbors,
                              assign_labels="kmeans", random_state=seed).fit(X)


# (data, n_clusters, n_neighbors): all of these give a connected graph
CONNECTED_CASES = [
    (make_moons(200, noise=0.05, random_state=0)[0], 2, 12),
    (make_moons(150, noise=0.1, random_state=3)[0], 2, 8),
    (make_circles(200, noise=0.08, factor=0.5, random_state=0)[0], 2, 10),
    (make_blobs(150, centers=[[0, 0], [4, 0], [2, 3.5]], random_state=2)[0], 3, 10),
]


@pytest.mark.parametrize("X, n_clusters, n_neighbors", CONNECTED_CASES)
def test_affinity_is_the_one_spectral_clustering_builds(X, n_clusters, n_neighbors):
    ours = kt.knn_affinity(X, n_neighbors)
    theirs = _sklearn(X, n_clusters, n_neighbors, 0).affinity_matrix_
    assert abs(ours - theirs).max() == 0
    assert abs(ours - ours.T).max() == 0  # symmetric
    assert set(np.unique(ours.data)) <= {0.5, 1.0}


def test_affinity_by_hand():
    # 0 and 1 choose each other; 2 chooses 1 but 1 does not choose 2
    X = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0]])
    A = kt.knn_affinity(X, 2).toarray()
    np.testing.assert_array_equal(A, [[1, 1, 0], [1, 1, 0.5], [0, 0.5, 1]])


@pytest.mark.parametrize("X, n_clusters, n_neighbors", CONNECTED_CASES)
@pytest.mark.parametrize("seed", [0, 7])
def test_kmeans_on_our_embedding_gives_spectral_clusterings_labels(X, n_clusters, n_neighbors,
                                                                   seed):
    ours = kt.spectral_clustering_of(X, n_clusters, n_neighbors=n_neighbors, random_state=seed)
    theirs = _sklearn(X, n_clusters, n_neighbors, seed)
    # same random stream in the same order: the very same labels
    np.testing.assert_array_equal(ours.labels, theirs.labels_)
    # and k-means run separately on the embedding agrees up to renumbering
    emb = kt.spectral_embedding_of(X, n_neighbors=n_neighbors, n_components=n_clusters,
                                   random_state=seed)
    np.testing.assert_allclose(emb.coords, ours.embedding.coords, atol=1e-10)
    again = KMeans(n_clusters, n_init=10, random_state=123).fit_predict(emb.coords)
    assert adjusted_rand_score(theirs.labels_, again) == pytest.approx(1.0)


def test_same_labels_as_sklearn_on_a_graph_in_pieces_too():
    X, _ = make_moons(200, noise=0.05, random_state=0)
    with pytest.warns(UserWarning, match=kt.GRAPH_WARNING):
        ours = kt.spectral_clustering_of(X, 2, n_neighbors=5, random_state=0)
    with pytest.warns(UserWarning, match=kt.GRAPH_WARNING):
        theirs = _sklearn(X, 2, 5, 0)
    np.testing.assert_array_equal(ours.labels, theirs.labels_)


def test_first_coordinate_is_constant_on_a_connected_graph():
    X, _ = make_moons(200, noise=0.05, random_state=0)
    emb = kt.spectral_embedding_of(X, n_neighbors=12, n_components=3, random_state=0)
    assert emb.connected and emb.n_graph_components == 1
    assert emb.coords.shape == (200, 3)
    c0 = emb.coords[:, 0]
    assert np.ptp(c0) < 1e-6 * np.abs(c0).max()
    assert np.ptp(emb.coords[:, 1]) > 100 * np.ptp(c0)


def test_embedding_turns_the_moons_into_two_separable_groups():
    X, y = make_moons(200, noise=0.05, random_state=0)
    emb = kt.spectral_embedding_of(X, n_neighbors=12, random_state=0)
    fiedler = emb.coords[:, 1]
    # the moons sit on opposite sides of a gap in the second eigenvector
    a, b = fiedler[y == 0], fiedler[y == 1]
    assert a.max() < b.min() or b.max() < a.min()
    # whereas k-means on the raw points gets them badly wrong
    raw = KMeans(2, n_init=10, random_state=0).fit_predict(X)
    assert adjusted_rand_score(y, raw) < 0.5


def test_lesson_case_graph_has_two_pieces_and_sklearn_warns():
    X, y = make_moons(200, noise=0.05, random_state=0)
    with pytest.warns(UserWarning, match=kt.GRAPH_WARNING):
        emb = kt.spectral_embedding_of(X, n_neighbors=10, random_state=0)
    assert emb.n_graph_components == 2 and not emb.connected
    # the two pieces are exactly the two moons ...
    assert adjusted_rand_score(y, emb.graph_labels) == 1.0
    # ... and every point of a piece lands on the same spot of the embedding
    for piece in range(2):
        spot = emb.coords[emb.graph_labels == piece]
        assert np.ptp(spot, axis=0).max() < 1e-6 * np.abs(emb.coords).max()
    assert "2 pieces" in repr(emb)


def test_graph_pieces_match_scipy():
    X, _ = make_moons(200, noise=0.05, random_state=0)
    with pytest.warns(UserWarning, match=kt.GRAPH_WARNING):
        emb = kt.spectral_embedding_of(X, n_neighbors=4, random_state=0)
    n, labels = connected_components(kt.knn_affinity(X, 4), directed=False)
    assert emb.n_graph_components == n > 2
    np.testing.assert_array_equal(emb.graph_labels, labels)


def test_compare_on_moons_lesson_case():
    case = kt.compare_on_moons()
    X, y = make_moons(200, noise=0.05, random_state=0)
    np.testing.assert_array_equal(case.X, X)
    assert case.ari_spectral == 1.0
    assert case.ari_kmeans == pytest.approx(
        adjusted_rand_score(y, KMeans(2, n_init=10, random_state=0).fit_predict(X)))
    assert case.ari_kmeans < 0.5
    assert case.warning.startswith(kt.GRAPH_WARNING)
    assert case.embedding.n_graph_components == 2


def test_compare_on_moons_aligns_labels_and_centers_to_the_truth():
    case = kt.compare_on_moons(0.1, 10)
    assert case.warning is None and case.embedding.connected
    # after renumbering, more than half of the points carry their true moon's number
    assert (case.kmeans_labels == case.y).mean() > 0.5
    assert (case.spectral_labels == case.y).mean() > 0.5
    # each center is still the mean of its (renumbered) cluster
    for j in range(2):
        np.testing.assert_allclose(case.kmeans_centers[j], case.X[case.kmeans_labels == j].mean(0))
    # ARI is unchanged by renumbering
    assert case.ari_kmeans == pytest.approx(adjusted_rand_score(case.y, case.kmeans_labels))
    assert case.ari_spectral == pytest.approx(adjusted_rand_score(case.y, case.spectral_labels))


def test_compare_on_moons_breaks_with_too_few_neighbours():
    case = kt.compare_on_moons(0.05, 4)
    assert case.embedding.n_graph_components > 2
    assert case.warning is not None
    assert case.ari_spectral < 0.5


def test_compare_on_moons_lets_other_warnings_through(monkeypatch):
    import kmeans_teach.spectral as spectral

    real = spectral.spectral_clustering_of

    def noisy(*args, **kwargs):
        warnings.warn("something else", RuntimeWarning, stacklevel=2)
        return real(*args, **kwargs)

    monkeypatch.setattr(spectral, "spectral_clustering_of", noisy)
    with pytest.warns(RuntimeWarning, match="something else"):
        spectral.compare_on_moons(0.1, 10)


@pytest.mark.parametrize("bad, match", [
    (0, "n_neighbors must be between 1 and 200"),
    (201, "n_neighbors must be between 1 and 200"),
])
def test_bad_n_neighbors(bad, match):
    X, _ = make_moons(200, noise=0.05, random_state=0)
    with pytest.raises(ValueError, match=match):
        kt.spectral_embedding_of(X, n_neighbors=bad)
    with pytest.raises(ValueError, match=match):
        kt.knn_affinity(X, bad)


def test_bad_inputs():
    X, _ = make_moons(50, noise=0.05, random_state=0)
    with pytest.raises(TypeError, match="n_neighbors must be an integer"):
        kt.spectral_embedding_of(X, n_neighbors=2.5)
    with pytest.raises(ValueError, match="n_components must be between 1 and 48"):
        kt.spectral_embedding_of(X, n_components=49)
    with pytest.raises(ValueError, match="X must be 2-D"):
        kt.spectral_embedding_of(X[:, 0])
    with pytest.raises(ValueError, match="NaN or infinity"):
        kt.spectral_embedding_of(np.where(np.arange(100).reshape(50, 2) == 7, np.nan, X))
    with pytest.raises(ValueError, match="at least 3"):
        kt.spectral_embedding_of(X[:2], n_neighbors=1)
    with pytest.raises(ValueError, match="n_clusters must be between 1 and 48"):
        kt.spectral_clustering_of(X, 49)
    with pytest.raises(ValueError, match="noise must be a finite number >= 0"):
        kt.compare_on_moons(-0.1)
    with pytest.raises(ValueError, match="noise must be a finite number >= 0"):
        kt.compare_on_moons(float("nan"))
    with pytest.raises(TypeError, match="random_state must be None, an int seed"):
        kt.compare_on_moons(random_state=np.random.default_rng(0))


def test_compare_on_moons_shares_the_kmeans_part_read_only():
    a, b = kt.compare_on_moons(0.1, 5), kt.compare_on_moons(0.1, 12)
    assert a.X is b.X and not a.X.flags.writeable
    np.testing.assert_array_equal(a.kmeans_labels, b.kmeans_labels)
    with pytest.raises(ValueError, match="read-only"):
        a.X[0, 0] = 1.0
    c = kt.compare_on_moons(0.1, 5, random_state=1)
    assert not np.array_equal(c.X, a.X)


# --- properties, on random point sets -------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(5, 40), k=st.integers(1, 5))
def test_affinity_properties(seed, n, k):
    X = np.random.default_rng(seed).normal(size=(n, 2))
    A = kt.knn_affinity(X, k).toarray()
    assert np.array_equal(A, A.T)  # symmetric
    assert set(np.unique(A)) <= {0.0, 0.5, 1.0}
    assert np.all(np.diag(A) == 1)  # every point is its own neighbour
    assert np.all((A > 0).sum(axis=1) >= k)  # at least the k it chose
    # the edges a point chose itself are its k nearest points
    d = ((X[:, None] - X[None]) ** 2).sum(axis=2)
    chosen = (A == 1) | ((A == 0.5) & (d <= np.sort(d, axis=1)[:, [k - 1]]))
    assert np.all(chosen.sum(axis=1) == k)


def test_spectral_result_is_not_determined_when_the_graph_has_more_pieces_than_clusters():
    broken, fine = kt.compare_on_moons(0.05, 5), kt.compare_on_moons(0.05, 10)
    assert broken.embedding.n_graph_components > 2 and not broken.spectral_determined
    assert broken.spectral_score() == "not determined"
    assert fine.embedding.n_graph_components == 2 and fine.spectral_determined
    assert fine.spectral_score() == f"{fine.ari_spectral:.3f}" == "1.000"
    assert fine.spectral_score(2) == "1.00"


def test_coords_are_eigenvectors_divided_by_sqrt_degree():
    # the docstrings' claim (review H17): the first eigenvector of the normalised
    # Laplacian is proportional to sqrt(degree), not constant; scikit-learn divides by
    # sqrt(degree), and only then is the first coordinate constant on a connected graph
    from scipy.sparse.csgraph import laplacian
    from sklearn.datasets import make_moons

    X, _ = make_moons(200, noise=0.05, random_state=0)
    emb = kt.spectral_embedding_of(X, n_neighbors=14, n_components=2, random_state=0)
    assert emb.connected
    L, sqrt_degree = laplacian(emb.affinity, normed=True, return_diag=True)
    values, vectors = np.linalg.eigh(L.toarray())
    first = vectors[:, 0]
    assert values[0] < 1e-10
    assert np.ptp(first) > 0.05 * np.abs(first).max()  # not constant
    assert np.allclose(first / sqrt_degree, (first / sqrt_degree)[0])  # prop. to sqrt(degree)
    assert np.ptp(emb.coords[:, 0]) < 1e-9 * np.abs(emb.coords[:, 0]).max()
