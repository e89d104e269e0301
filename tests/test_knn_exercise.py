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


def _argsort_answer(X, k):
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    C = np.zeros((len(X), len(X)))
    C[np.arange(len(X))[:, None], np.argsort(d, axis=1, kind="stable")[:, :k]] = 1
    return C


def _squeezed(X, k):
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    C = np.zeros((len(X), len(X)))
    C[np.arange(len(X))[:, None], np.argsort(d, axis=1)[:, :k].squeeze()] = 1
    return 0.5 * (C + C.T)


def _by_threshold(X, k):
    # right without ties: every point at most as far as the k-th nearest
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    C = (d <= np.sort(d, axis=1)[:, [k - 1]]).astype(float)
    return 0.5 * (C + C.T)


def test_either_side_of_the_tie_is_accepted():
    from kmeans_teach.exercises.knn_graph import _tie

    def later_of_tied(X, k):  # break ties towards the farther index: point 1 picks 2, not 0
        d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
        order = np.lexsort((-np.arange(len(X))[None, :].repeat(len(X), 0), d), axis=1)
        C = np.zeros((len(X), len(X)))
        C[np.arange(len(X))[:, None], order[:, :k]] = 1
        return 0.5 * (C + C.T)

    X = _tie()
    first, second = _argsort_answer(X, 2), later_of_tied(X, 2)
    assert not np.allclose(0.5 * (first + first.T), second)  # the two really differ
    assert kt.check_knn_affinity(lambda X, k: 0.5 * (_argsort_answer(X, k) + _argsort_answer(X, k).T))
    assert kt.check_knn_affinity(later_of_tied)


_TIE = "case 5 of 5 (a tie"


@pytest.mark.parametrize("func, case", [
    # works only on the old single example: scikit-learn's answer for n_neighbors=3 stored
    (lambda X, k: kt.knn_affinity(X, 3) if len(X) == 10 else np.eye(len(X)),
     "case 3 of 5 (three features"),
    # .squeeze() turns the (n, 1) index array of k = 1 into (n,): every point chooses all
    (_squeezed, "case 2 of 5 (n_neighbors=1"),
    # uses the first two features only
    (lambda X, k: 0.5 * (_choice(X[:, :2], k) + _choice(X[:, :2], k).T),
     "case 3 of 5 (three features"),
    # fine on small inputs only
    (lambda X, k: 0.5 * (_choice(X, k) + _choice(X, k).T) if len(X) < 100 else np.eye(len(X)),
     "case 4 of 5 (many points"),
    # a threshold instead of argsort keeps both tied points
    (_by_threshold, _TIE),
])
def test_each_case_can_fail_on_its_own(func, case):
    feedback = kt.check_knn_affinity(func)
    assert not feedback and feedback.message.startswith(case), feedback.message


def test_the_tie_is_explained():
    feedback = kt.check_knn_affinity(_by_threshold)
    assert "point 1 chose 3 points, but it chooses exactly 2" in feedback.message


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
