"""Lesson 04's checker (one sentence per typical mistake); plot_graph and plot_score_map."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.neighbors import kneighbors_graph  # noqa: E402

import kmeans_teach as kt  # noqa: E402
from kmeans_teach.plotting import plot_graph, plot_score_map  # noqa: E402


def _choice(X, k, include_self=True):
    return kneighbors_graph(X, k, include_self=include_self).toarray()


def test_right_answers_pass_dense_and_sparse():
    assert kt.check_knn_affinity(lambda X, k: 0.5 * (_choice(X, k) + _choice(X, k).T))
    assert kt.check_knn_affinity(lambda X, k: csr_matrix(0.5 * (_choice(X, k) + _choice(X, k).T)))
    assert kt.check_knn_affinity(kt.knn_affinity)


@pytest.mark.parametrize("func, words", [
    (lambda X, k: np.zeros((len(X), len(X))), "all zeros"),
    (lambda X, k: _choice(X, k), "not symmetric"),
    (lambda X, k: np.maximum(_choice(X, k), _choice(X, k).T), "the average 0.5 * (C + C.T)"),
    (lambda X, k: 0.5 * (_choice(X, k, False) + _choice(X, k, False).T), "diagonal is 0"),
    (lambda X, k: 0.5 * (_choice(X, k + 1) + _choice(X, k + 1).T), "exactly its 3 nearest"),
    (lambda X, k: np.zeros((3, 3)), "expected an (10, 10) matrix"),
    (lambda X, k: 1 / 0, "raised ZeroDivisionError"),
    (np.zeros(3), "expected a function"),
])
def test_each_mistake_is_named(func, words):
    feedback = kt.check_knn_affinity(func)
    assert not feedback
    assert repr(feedback).startswith("Not yet: ")
    assert words in feedback.message


def test_plot_graph_draws_each_edge_once():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0]])
    fig, ax = plt.subplots()
    try:
        edges = plot_graph(ax, X, kt.knn_affinity(X, 2))
        segments = edges.get_segments()
        assert len(segments) == 2  # 0-1 (both chose) and 1-2 (only 2 chose 1)
        alphas = edges.get_colors()[:, 3]
        assert alphas[0] > alphas[1]  # the one-sided edge is fainter
        assert list(ax.collections) == [edges] and len(fig.axes) == 1
        with pytest.raises(ValueError, match="affinity must have shape"):
            plot_graph(ax, X, np.eye(2))
    finally:
        plt.close(fig)


def test_plot_score_map_writes_every_value_and_marks_cells():
    fig, ax = plt.subplots()
    try:
        scores = np.array([[0.1, 0.9], [1.0, 0.25]])
        image = plot_score_map(ax, scores, [0.0, 0.1], [5, 10],
                               marks=np.array([[True, False], [False, False]]))
        assert np.array_equal(image.get_array(), scores)
        assert sorted(t.get_text() for t in ax.texts) == ["0.10", "0.25", "0.90", "1.00"]
        assert len(ax.patches) == 1
        assert [t.get_text() for t in ax.get_xticklabels()] == ["5", "10"]
        with pytest.raises(ValueError, match="scores has shape"):
            plot_score_map(ax, scores, [0.0], [5, 10])
    finally:
        plt.close(fig)
