"""tsne_embedding: the same map every time, on one thread; separated groups stay apart."""

import numpy as np
import pytest
from sklearn.manifold import TSNE
from threadpoolctl import threadpool_limits

import kmeans_teach as kt


def blobs(seed=0):
    rng = np.random.default_rng(seed)
    return np.vstack([rng.normal(0, 1, (25, 6)), rng.normal(10, 1, (25, 6))])


def test_equals_sklearn_tsne_on_one_thread():
    X = blobs()
    ours = kt.tsne_embedding(X, perplexity=8, max_iter=250, random_state=3)
    with threadpool_limits(limits=1):
        theirs = TSNE(perplexity=8, max_iter=250, random_state=3, init="pca").fit_transform(X)
    np.testing.assert_allclose(ours, theirs)


def test_reproducible_and_keeps_groups_apart():
    X = blobs()
    Y = kt.tsne_embedding(X, perplexity=8, max_iter=250)
    assert Y.shape == (50, 2) and np.isfinite(Y).all()
    np.testing.assert_array_equal(Y, kt.tsne_embedding(X, perplexity=8, max_iter=250))
    a, b = Y[:25], Y[25:]
    gap = np.linalg.norm(a.mean(0) - b.mean(0))
    spread = max(a.std(0).max(), b.std(0).max())
    assert gap > 3 * spread


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(perplexity=60), ValueError, r"perplexity must be a number in \(0, 50\).*below the number of samples"),
    (dict(perplexity="30"), TypeError, "perplexity must be a number"),
    (dict(perplexity=0), ValueError, "perplexity"),
    (dict(max_iter=100), ValueError, "max_iter must be at least 250"),
    (dict(n_components=4), ValueError, "n_components must be between 1 and 3"),
    (dict(random_state=np.random.default_rng(0)), TypeError, "random_state must be None, an int seed"),
])
def test_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        kt.tsne_embedding(blobs(), **kwargs)


def test_bad_X():
    with pytest.raises(ValueError, match="X contains NaN"):
        kt.tsne_embedding(np.full((10, 3), np.nan))
