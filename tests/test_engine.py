"""The engine against scikit-learn's own Lloyd, its properties, and its errors."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.exceptions import ConvergenceWarning
from sklearn.datasets import load_digits, load_iris, make_blobs

import kmeans_teach as kt
from kmeans_teach import EmptyClusterError, EmptyClusterWarning, kmeans_steps, run_kmeans


def sklearn_lloyd(X, centers, tol=1e-4, max_iter=300):
    return KMeans(len(centers), init=centers, n_init=1, algorithm="lloyd",
                  tol=tol, max_iter=max_iter).fit(X)


def blobs():
    return kt.lesson_blobs()[0]


def datasets():
    rng = np.random.default_rng(1)
    yield "blobs", blobs()
    yield "iris", load_iris().data
    yield "digits", load_digits().data[:600]
    yield "uniform-5d", rng.uniform(size=(500, 5))
    yield "anisotropic", make_blobs(400, random_state=3)[0] @ np.array([[0.6, -0.6], [-0.4, 0.8]])


@pytest.mark.parametrize("name, X", list(datasets()))
@pytest.mark.parametrize("n_clusters", [2, 5, 9])
@pytest.mark.parametrize("seed", [0, 1])
def test_final_result_equals_scikit_learn(name, X, n_clusters, seed):
    rng = np.random.default_rng(seed)
    init = X[rng.choice(len(X), n_clusters, replace=False)]
    trace = run_kmeans(X, n_clusters, init=init)
    ref = sklearn_lloyd(X, init)
    np.testing.assert_array_equal(trace.final.labels, ref.labels_)
    np.testing.assert_allclose(trace.final.centers, ref.cluster_centers_, rtol=1e-9, atol=1e-12)
    assert trace.final.inertia == pytest.approx(ref.inertia_, rel=1e-9)
    assert trace.n_iter == ref.n_iter_


@pytest.mark.parametrize("tol, max_iter", [(0.0, 300), (1e-2, 300), (1e-4, 2), (1e-4, 1)])
def test_stopping_rules_equal_scikit_learn(tol, max_iter):
    X = load_digits().data[:500]
    init = X[:10]
    trace = run_kmeans(X, 10, init=init, tol=tol, max_iter=max_iter)
    ref = sklearn_lloyd(X, init, tol=tol, max_iter=max_iter)
    np.testing.assert_array_equal(trace.final.labels, ref.labels_)
    np.testing.assert_allclose(trace.final.centers, ref.cluster_centers_, rtol=1e-9, atol=1e-12)
    assert trace.n_iter == ref.n_iter_


# These initial centers leave clusters 1 and 3 with no points after the first E-step.
EMPTYING_INIT = np.array([[0.0, 4.0], [100.0, 100.0], [1.0, 1.0], [-100.0, 3.0]])


def test_emptied_cluster_is_relocated_like_scikit_learn():
    X = blobs()
    trace = run_kmeans(X, 4, init=EMPTYING_INIT)
    assert trace[2].phase == "update" and trace[2].emptied == (1, 3)
    ref = sklearn_lloyd(X, EMPTYING_INIT)
    np.testing.assert_array_equal(trace.final.labels, ref.labels_)
    np.testing.assert_allclose(trace.final.centers, ref.cluster_centers_, rtol=1e-9)
    assert trace.final.inertia == pytest.approx(ref.inertia_, rel=1e-9)


def test_empty_keep_warns_and_leaves_the_center():
    with pytest.warns(EmptyClusterWarning, match=r"\[1, 3\]"):
        trace = run_kmeans(blobs(), 4, init=EMPTYING_INIT, empty="keep")
    np.testing.assert_array_equal(trace[2].centers[[1, 3]], EMPTYING_INIT[[1, 3]])


def test_empty_nan_reproduces_the_naive_loop_and_then_fails_clearly():
    steps = kmeans_steps(blobs(), 4, init=EMPTYING_INIT, empty="nan")
    _init, _first_assign, first_update = next(steps), next(steps), next(steps)
    assert np.isnan(first_update.centers[[1, 3]]).all()
    assert not np.isnan(first_update.centers[[0, 2]]).any()
    with pytest.raises(EmptyClusterError, match=r"center\(s\) \[1, 3\] are NaN.*empty='relocate'"):
        next(steps)


def test_step_sequence_and_records():
    trace = run_kmeans(blobs(), 4, init="random", random_state=34)
    phases = [s.phase for s in trace]
    assert phases[0] == "init" and phases[-1] == "assign"
    assert phases[1:] == ["assign", "update"] * ((len(trace) - 2) // 2) + ["assign"]
    assert trace[0].labels is None and trace[0].inertia is None
    assert trace.final.converged and trace.final.stop_reason
    assert all(s.labels.dtype == np.int32 for s in trace[1:])
    with pytest.raises(ValueError, match="read-only"):
        trace.final.centers[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        trace.final.labels[0] = 1
    with pytest.raises(AttributeError):
        trace.final.inertia = 0.0


def test_labels_are_signed_int32_for_every_n_clusters():
    X = np.random.default_rng(0).normal(size=(400, 2))
    for k in (2, 256, 257):
        labels = run_kmeans(X, k, init="random", random_state=0, max_iter=1).final.labels
        assert labels.dtype == np.int32 and (labels - 1).min() == -1


def test_random_init_picks_distinct_data_points():
    X = np.repeat(blobs()[:5], 40, axis=0)  # 5 distinct points, each 40 times
    centers = kt.init_centers(X, 5, "random", random_state=0)
    assert len(np.unique(centers, axis=0)) == 5
    assert all((X == c).all(axis=1).any() for c in centers)


def test_kmeans_plusplus_init_uses_scikit_learn():
    X = blobs()
    expected, _ = kmeans_plusplus(X, 4, random_state=7)
    np.testing.assert_array_equal(run_kmeans(X, 4, random_state=7)[0].centers, expected)


finite = st.floats(-1e3, 1e3, allow_nan=False, width=64)


@settings(max_examples=60, deadline=None)
@given(X=arrays(np.float64, st.tuples(st.integers(5, 60), st.integers(1, 3)), elements=finite),
       n_clusters=st.integers(1, 5), seed=st.integers(0, 1000))
def test_inertia_never_increases_and_labels_point_to_the_nearest_center(X, n_clusters, seed):
    n_distinct = len(np.unique(X, axis=0))
    if n_distinct < n_clusters:
        with pytest.raises(ValueError, match="distinct"):
            run_kmeans(X, n_clusters, init="random", random_state=seed)
        return
    trace = run_kmeans(X, n_clusters, init="random", random_state=seed)
    inertias = np.array(trace.inertias)
    scale = max(1.0, float(inertias[0]))
    assert np.all(np.diff(inertias) <= 1e-9 * scale)
    for step in trace[1:]:
        if step.phase == "assign":
            d = ((X[:, None, :] - step.centers[None]) ** 2).sum(axis=2)
            chosen = d[np.arange(len(X)), step.labels]
            assert np.all(chosen <= d.min(axis=1) + 1e-9 * (1 + d.min(axis=1)))


X_OK = np.arange(20, dtype=float).reshape(10, 2)


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(X=[[0.0, np.nan], [1.0, 2.0]], n_clusters=1), ValueError, "X contains NaN"),
    (dict(X=[[0.0, np.inf], [1.0, 2.0]], n_clusters=1), ValueError, "X contains .*infinity"),
    (dict(X=np.arange(5.0), n_clusters=2), ValueError, "X must be 2-D.*reshape"),
    (dict(X=[["a", "b"], ["c", "d"]], n_clusters=1), TypeError, "X must hold real numbers"),
    (dict(X=np.ones((6, 2)), n_clusters=2), ValueError, "distinct"),
    (dict(X=X_OK, n_clusters=0), ValueError, "n_clusters must be"),
    (dict(X=X_OK, n_clusters=11), ValueError, "n_clusters must be"),
    (dict(X=X_OK, n_clusters=2.5), TypeError, "n_clusters must be an integer"),
    (dict(X=X_OK, n_clusters=2, init=np.zeros((3, 2))), ValueError, "init.*shape"),
    (dict(X=X_OK, n_clusters=2, init=np.zeros((2, 3))), ValueError, "init.*shape"),
    (dict(X=X_OK, n_clusters=2, init="kmeans++"), ValueError, "init must be"),
    (dict(X=X_OK, n_clusters=2, max_iter=0), ValueError, "max_iter must be"),
    (dict(X=X_OK, n_clusters=2, tol=-1), ValueError, "tol"),
    (dict(X=X_OK, n_clusters=2, empty="drop"), ValueError, "empty must be one of"),
])
def test_bad_input_gets_a_clear_error(kwargs, error, match):
    with pytest.raises(error, match=match):
        run_kmeans(**kwargs)
    with pytest.raises(error, match=match):  # at the call, not at the first next()
        kmeans_steps(**kwargs)


def test_no_warning_on_ordinary_runs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run_kmeans(blobs(), 4, init="random", random_state=0)


def test_degenerate_ties_follow_scikit_learn_instead_of_giving_nan():
    # 0 and 1e-256 are distinct, but their squared distance underflows to 0, so
    # both points pick the same center and a cluster empties with nothing to relocate
    # (found by the hypothesis test above).
    X = np.array([[2.0], [7.13834604e-257], [3.0], [0.0], [1.0]])
    init = kt.init_centers(X, 5, "random", random_state=0)
    trace = run_kmeans(X, 5, init=init)
    with pytest.warns(ConvergenceWarning, match="distinct clusters"):
        ref = sklearn_lloyd(X, init)
    assert not np.isnan(trace.final.centers).any()
    np.testing.assert_array_equal(trace.final.labels, ref.labels_)
    # the two centers on 0 and 1e-256 differ from scikit-learn's by about 1e-257
    np.testing.assert_allclose(trace.final.centers, ref.cluster_centers_, rtol=1e-9, atol=1e-250)
    assert trace.final.inertia == pytest.approx(ref.inertia_, abs=1e-300)
