"""k-means++ step by step, D² sampling, seed scans and the n_init odds."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.datasets import make_blobs

import kmeans_teach as kt


def _datasets():
    yield "lesson", kt.lesson_blobs()[0]
    for i in range(4):
        X, _ = make_blobs(n_samples=60 + 70 * i, centers=3 + 2 * i, n_features=2 + i,
                          cluster_std=0.5 + 0.4 * i, random_state=10 + i)
        yield f"blobs{i}", X
    yield "uniform", np.random.default_rng(3).uniform(-1, 1, size=(150, 3))
    yield "integers", np.random.default_rng(4).integers(0, 20, size=(80, 2)).astype(float)


@pytest.mark.parametrize("name,X", list(_datasets()), ids=[n for n, _ in _datasets()])
def test_picks_equal_scikit_learn_with_one_local_trial(name, X):
    for seed in range(25):
        k = 2 + seed % 8
        picks = list(kt.kmeans_plusplus_steps(X, k, random_state=seed))
        centers, indices = kmeans_plusplus(X, k, random_state=seed, n_local_trials=1)
        assert [p.index for p in picks] == indices.tolist(), (name, seed, k)
        np.testing.assert_array_equal(np.array([p.center for p in picks]), centers)


def test_same_random_state_object_continues_the_same_stream():
    X = kt.lesson_blobs()[0]
    ours_rng, ref_rng = np.random.RandomState(5), np.random.RandomState(5)
    for _ in range(3):  # consecutive calls must consume the stream identically
        ours = [p.index for p in kt.kmeans_plusplus_steps(X, 4, random_state=ours_rng)]
        _, ref = kmeans_plusplus(X, 4, random_state=ref_rng, n_local_trials=1)
        assert ours == ref.tolist()


def test_each_pick_carries_the_d2_distribution_that_produced_it():
    X = kt.lesson_blobs()[0]
    picks = list(kt.kmeans_plusplus_steps(X, 5, random_state=11))
    first = picks[0]
    assert first.pick == 0 and first.chosen == () and first.d2 is None
    np.testing.assert_allclose(first.probabilities, 1 / len(X))
    for i, pick in enumerate(picks[1:], start=1):
        assert pick.pick == i
        assert pick.chosen == tuple(p.index for p in picks[:i])
        centers = X[list(pick.chosen)]
        d2 = ((X[:, None, :] - centers[None]) ** 2).sum(axis=2).min(axis=1)
        np.testing.assert_allclose(pick.d2, d2, atol=1e-9)
        np.testing.assert_allclose(pick.probabilities, kt.d2_probabilities(X, centers), atol=1e-12)
        assert pick.probabilities.sum() == pytest.approx(1.0)
        assert np.all(pick.probabilities[list(pick.chosen)] == 0)  # a center cannot be picked again
        assert pick.probabilities[pick.index] > 0
        # the draw explains the pick: first point whose cumulative probability reaches it
        assert kt.d2_pick(X, centers, pick.draw) == pick.index
        assert 0 <= pick.draw < 1


def test_picks_are_read_only_and_readable():
    X = kt.lesson_blobs()[0]
    pick = list(kt.kmeans_plusplus_steps(X, 2, random_state=0))[1]
    with pytest.raises(ValueError):
        pick.probabilities[0] = 1.0
    with pytest.raises(AttributeError):
        pick.index = 3
    assert repr(pick).startswith("SeedingPick(pick=1, index=")


def test_distinct_points_are_always_picked_with_duplicates_in_X():
    X = np.repeat(np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 4.0]]), 20, axis=0)
    for seed in range(20):
        picks = list(kt.kmeans_plusplus_steps(X, 3, random_state=seed))
        assert len({tuple(p.center) for p in picks}) == 3


@pytest.mark.parametrize("k,match", [(0, "n_clusters must be between 1 and 300"),
                                     (301, "cannot exceed the number of samples")])
def test_plusplus_refuses_k_out_of_range(k, match):
    with pytest.raises(ValueError, match=match):
        kt.kmeans_plusplus_steps(kt.lesson_blobs()[0], k)


def test_plusplus_refuses_bad_input():
    X = np.repeat([[1.0, 1.0], [2.0, 2.0]], 5, axis=0)
    with pytest.raises(ValueError, match="only 2 distinct points"):
        kt.kmeans_plusplus_steps(X, 3)  # checked at the call, before any pick
    with pytest.raises(TypeError, match="n_clusters must be an integer"):
        kt.kmeans_plusplus_steps(X, 2.0)
    with pytest.raises(ValueError, match="X must be 2-D"):
        kt.kmeans_plusplus_steps(np.arange(5.0), 2)
    with pytest.raises(ValueError, match="NaN or infinity"):
        kt.kmeans_plusplus_steps([[0.0, np.nan], [1.0, 1.0]], 1)


def test_d2_probabilities_and_pick_by_hand():
    X = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 1.0], [10.0, 0.0]])
    centers = np.array([[0.0, 0.0], [10.0, 0.0]])
    # D² = 0, 9, 1, 0 -> probabilities 0, 0.9, 0.1, 0
    np.testing.assert_allclose(kt.d2_probabilities(X, centers), [0, 0.9, 0.1, 0])
    assert kt.d2_pick(X, centers, 0.0) == 1  # cumulative 0, 0.9, 1.0, 1.0
    assert kt.d2_pick(X, centers, 0.89) == 1
    assert kt.d2_pick(X, centers, 0.95) == 2
    assert kt.d2_pick(X, centers, 0.999999) == 2  # never a zero-probability point at the end


def test_d2_functions_refuse_bad_input():
    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    with pytest.raises(ValueError, match="u must be a number in \\[0, 1\\)"):
        kt.d2_pick(X, X[:1], 1.0)
    with pytest.raises(TypeError, match="u must be"):  # a bool is not a number here
        kt.d2_pick(X, X[:1], True)
    with pytest.raises(ValueError, match="centers has 3 features"):
        kt.d2_probabilities(X, np.zeros((1, 3)))
    with pytest.raises(ValueError, match="every point of X lies on a center"):
        kt.d2_probabilities(X, X)
    with pytest.raises(ValueError, match="centers must be 2-D"):
        kt.d2_probabilities(X, np.zeros(2))


def test_scan_seeds_matches_scikit_learn_runs():
    X = kt.lesson_blobs()[0]
    scan = kt.scan_seeds(X, 4, range(12), init="random")
    assert len(scan) == 12 and scan.labels.shape == (12, 300) and scan.centers.shape == (12, 4, 2)
    for row, seed in enumerate(range(12)):
        # scikit-learn draws its random start differently (choice without
        # replacement), so start it from the same centers as our run
        start = kt.init_centers(X, 4, "random", seed)
        ref = KMeans(4, init=start, n_init=1, algorithm="lloyd").fit(X)
        assert scan.inertias[row] == pytest.approx(ref.inertia_, rel=1e-9)
        assert scan.n_iter[row] == ref.n_iter_
        np.testing.assert_array_equal(scan.labels[row], ref.labels_)


def test_plusplus_scan_equals_kmeans_with_the_same_seed():
    X = kt.lesson_blobs()[0]
    scan = kt.scan_seeds(X, 4, range(10), init="k-means++")
    for row, seed in enumerate(range(10)):
        ref = KMeans(4, init="k-means++", n_init=1, random_state=seed, algorithm="lloyd").fit(X)
        np.testing.assert_array_equal(scan.labels[row], ref.labels_)
        assert scan.inertias[row] == pytest.approx(ref.inertia_, rel=1e-9)


def test_scan_finds_the_worst_and_best_seed():
    X = kt.lesson_blobs()[0]
    scan = kt.scan_seeds(X, 4, range(40, 80))
    assert scan.worst_seed in range(40, 80)
    worst = scan.inertias[scan.position(scan.worst_seed)]
    assert worst == scan.inertias.max() and worst > 1.5 * scan.inertias.min()
    assert scan.inertias[scan.position(scan.best_seed)] == scan.inertias.min()
    reached = scan.reached()
    assert reached[scan.position(scan.best_seed)] and not reached[scan.position(scan.worst_seed)]
    assert 0 < scan.share_reached() < 1
    assert scan.share_reached(optimum=scan.inertias.max()) == 1.0
    # runs counted as "reached" found the same clustering as the best run
    best_labels = scan.labels[scan.position(scan.best_seed)]
    for labels in scan.labels[reached]:
        pairs = set(zip(labels.tolist(), best_labels.tolist()))
        assert len(pairs) == 4  # the same partition, up to renaming the clusters


def test_plusplus_scan_is_better_than_random_on_the_lesson_data():
    X = kt.lesson_blobs()[0]
    random = kt.scan_seeds(X, 4, range(100), init="random")
    plus = kt.scan_seeds(X, 4, range(100), init="k-means++")
    optimum = min(random.inertias.min(), plus.inertias.min())
    assert plus.share_reached(optimum) > random.share_reached(optimum)
    assert repr(plus).startswith("SeedScan(100 seeds, init='k-means++', inertia 212")


def test_scan_is_read_only():
    scan = kt.scan_seeds(kt.lesson_blobs()[0], 4, [1, 2])
    with pytest.raises(ValueError):
        scan.inertias[0] = 0.0


def test_scan_refuses_bad_input():
    X = kt.lesson_blobs()[0]
    with pytest.raises(ValueError, match="seeds is empty"):
        kt.scan_seeds(X, 4, [])
    with pytest.raises(TypeError, match="seeds must be a sequence"):
        kt.scan_seeds(X, 4, 200)
    with pytest.raises(ValueError, match="each seed must be between 0"):
        kt.scan_seeds(X, 4, [-1])
    with pytest.raises(TypeError, match="each seed must be an integer"):
        kt.scan_seeds(X, 4, [1.5])
    with pytest.raises(ValueError, match="init must be one of"):
        kt.scan_seeds(X, 4, [1], init="kmeans++")
    with pytest.raises(ValueError, match="n_clusters must be between 1 and 300"):
        kt.scan_seeds(X, 0, [1])
    scan = kt.scan_seeds(X, 4, [1])
    with pytest.raises(ValueError, match="seed 7 is not in this scan"):
        scan.position(7)
    with pytest.raises(ValueError, match="optimum must be a finite inertia > 0"):
        scan.reached(optimum=-1.0)


def test_best_of_n_arithmetic():
    np.testing.assert_allclose(kt.best_of_n_probability(0.5, [1, 2, 3]), [0.5, 0.75, 0.875])
    assert kt.best_of_n_probability(0.0, 10) == 0.0
    assert kt.best_of_n_probability(1.0, 1) == 1.0
    with pytest.raises(ValueError, match="p must be a probability"):
        kt.best_of_n_probability(1.5, 2)
    with pytest.raises(ValueError, match="n_init must be whole numbers >= 1"):
        kt.best_of_n_probability(0.5, 0)
    with pytest.raises(TypeError, match="n_init must be whole numbers"):
        kt.best_of_n_probability(0.5, 1.5)


def test_simulation_agrees_with_the_arithmetic():
    reached = np.zeros(400, dtype=bool)
    reached[:120] = True  # p = 0.3
    for n in (1, 2, 5):
        simulated = kt.simulate_best_of_n(reached, n, n_groups=4000, random_state=0)
        # A group takes n different runs of the 400, so it misses the best with
        # probability (280/400)(279/399)... (without replacement), a little less than
        # 0.7**n: it reaches the best with 0.834 against 1 - 0.7**5 = 0.832 for n = 5.
        exact = 1 - np.prod([(280 - i) / (400 - i) for i in range(n)])
        assert exact >= kt.best_of_n_probability(0.3, n)
        # The share over 4000 groups has standard deviation sqrt(p (1 - p) / 4000),
        # at most 0.008 (measured over 30 seeds: 0.006 to 0.008); allow 4 of them.
        assert simulated == pytest.approx(exact, abs=4 * np.sqrt(exact * (1 - exact) / 4000))
    assert kt.simulate_best_of_n(reached, 281, random_state=0) == 1.0  # 281 > 280 failures
    assert kt.simulate_best_of_n(reached, 1, n_groups=50, random_state=1) == \
        kt.simulate_best_of_n(reached, 1, n_groups=50, random_state=1)


def test_simulation_refuses_bad_input():
    with pytest.raises(ValueError, match="n_init must be between 1 and 3"):
        kt.simulate_best_of_n([True, False, True], 4)
    with pytest.raises(ValueError, match="reached must be a non-empty 1-D array of True/False"):
        kt.simulate_best_of_n([1, 0, 1], 2)
    with pytest.raises(ValueError, match="n_groups must be at least 1"):
        kt.simulate_best_of_n([True, False], 1, n_groups=0)


@settings(max_examples=40, deadline=None)
@given(
    n_samples=st.integers(5, 60),
    n_features=st.integers(1, 4),
    data_seed=st.integers(0, 10_000),
    seed=st.integers(0, 2**32 - 1),
    scale=st.sampled_from([1e-3, 1.0, 1e3]),
    k=st.integers(1, 5),
)
def test_picks_equal_scikit_learn_on_random_data(n_samples, n_features, data_seed, seed, scale, k):
    X = np.random.default_rng(data_seed).normal(scale=scale, size=(n_samples, n_features))
    picks = list(kt.kmeans_plusplus_steps(X, k, random_state=seed))
    _, indices = kmeans_plusplus(X, k, random_state=seed, n_local_trials=1)
    assert [p.index for p in picks] == indices.tolist()
    assert len({p.index for p in picks}) == k  # never the same point twice


def test_scan_keeps_why_every_run_stopped():
    # lesson 02: with scikit-learn's tol=1e-4 the two worst random runs stop on a slow
    # plateau (centers moving less than tol); with tol=0 every run reaches a fixed point
    X, _ = kt.lesson_blobs()
    scan = kt.scan_seeds(X, 4, [1, 34, 67, 117], init="random")
    assert scan.stop_reasons.tolist() == ["labels unchanged", "labels unchanged",
                                          "center shift within tol", "center shift within tol"]
    exact = kt.scan_seeds(X, 4, [1, 34, 67, 117], init="random", tol=0)
    assert set(exact.stop_reasons.tolist()) == {"labels unchanged"}
    assert (exact.inertias[2:] < scan.inertias[2:] - 200).all()
    assert not exact.stop_reasons.flags.writeable
