"""Lesson 08's helpers: failure cases, wine scaling, the k-means limit, outliers, stability."""

import numpy as np
import pytest

import kmeans_teach as kt
from kmeans_teach import failures


def test_four_cases_with_their_assumption():
    cases = failures.failure_cases()
    assert [c.name for c in cases] == ["wrong k", "stretched blobs", "unequal variances",
                                       "unequal sizes"]
    for c in cases:
        assert len(c.X) == len(c.y) and c.assumption


def test_the_k_means_limit_is_reached_only_for_a_small_variance():
    X, _ = kt.lesson_blobs()
    hard = failures.kmeans_limit(X, X[:4], 1e-6)
    soft = failures.kmeans_limit(X, X[:4], 4.0)
    assert hard.same_steps and hard.hardness == pytest.approx(1.0)
    assert not soft.same_steps and soft.hardness < 0.9


def test_the_limit_reports_how_far_em_ends_from_k_means():
    X, _ = kt.lesson_blobs()
    # at sigma2 = 1e-4 the strict step test fails, yet EM ends on k-means' centers
    close = failures.kmeans_limit(X, X[:4], 1e-4)
    assert not close.same_steps and close.max_distance == 0.0
    # at sigma2 = 1 two of EM's four means merge
    merged = failures.kmeans_limit(X, X[:4], 1.0)
    assert merged.closest_pair < 1e-6 < merged.max_distance


def test_spherical_responsibilities_reject_a_bad_variance():
    with pytest.raises(ValueError, match="sigma2"):
        failures.spherical_responsibilities([[0.0]], [[1.0]], 0.0)


def test_medoids_are_data_points_and_resist_the_outlier():
    X, _ = kt.lesson_blobs()
    effect = failures.outlier_effect(X, 4, [40.0, 40.0])
    assert effect.medoids_on_points
    assert effect.move["k-medoids"] < 0.5 < 40 < effect.move["k-means"]
    assert effect.alone == {"k-means": True, "k-medoids": False, "k-medoids, squared": True}
    assert effect.ari["k-medoids"] == 1.0 > 0.9 > effect.ari["k-means"]


def test_squared_distances_make_medoids_as_fragile_as_k_means():
    X, _ = kt.lesson_blobs()
    effect = failures.outlier_effect(X, 4, [40.0, 40.0])
    assert effect.move["k-medoids, squared"] > 40 and effect.ari["k-medoids, squared"] < 0.9


def test_missing_kmedoids_gets_a_sentence(monkeypatch):
    import builtins
    real = builtins.__import__

    def fake(name, *args, **kwargs):
        if name == "kmedoids":
            raise ImportError("no wheel")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(ImportError, match="pip install kmedoids"):
        failures.kmedoids_fit(np.zeros((3, 2)), 1)


def test_k_4_is_stable_and_k_5_is_not():
    X, _ = kt.lesson_blobs()
    assert failures.stability(X, 4, n_resamples=4, n_seeds=4).worst >= 0.95
    assert failures.stability(X, 5, n_resamples=4, n_seeds=4).worst < 0.95


def test_stability_is_not_enough_k_2_passes_with_enough_starts():
    X, _ = kt.lesson_blobs()
    single = failures.stability(X, 2, n_init=1)   # one start per fit: the optimiser varies
    many = failures.stability(X, 2, n_init=10)    # ten starts per fit: it does not
    assert single.seed_ari.min() < 0.5
    assert many.worst >= 0.95                     # stable, though the data hold four blobs
    assert many.n_init == 10 and len(many.labels) == len(X)


def test_stability_uses_n_init_for_the_resamples_too():
    # With one start, k = 3's resample fits can end in a poor local minimum; with
    # fifty, every resample agrees with the reference: the low value was the optimiser's.
    X, _ = kt.lesson_blobs()
    assert failures.stability(X, 3, n_seeds=2, n_init=1).bootstrap_ari.min() < 0.9
    assert failures.stability(X, 3, n_seeds=2, n_init=50).bootstrap_ari.min() >= 0.95


def test_k_5_stays_unstable_on_resamples_with_many_starts():
    # the seeds agree once each fit has fifty starts, the resamples still do not
    fifty = failures.stability(kt.lesson_blobs()[0], 5, n_init=50)
    assert fifty.seed_ari.min() >= 0.99 and fifty.bootstrap_ari.min() < 0.9


def test_stability_rejects_a_bad_n_init():
    with pytest.raises(ValueError, match="n_init"):
        failures.stability([[0.0], [1.0]], 1, n_init=0)


def test_outlier_costs_explain_which_method_isolates_the_outlier():
    X, _ = kt.lesson_blobs()
    costs = failures.outlier_costs(X, 4, [40.0, 40.0])
    effect = failures.outlier_effect(X, 4, [40.0, 40.0])
    for method in ("k-means", "k-medoids"):
        assert costs.merge[method] > 0 and costs.share[method] > 0
        # the cheaper way is the one the method took
        assert (costs.merge[method] < costs.share[method]) == effect.alone[method]
    # k-medoids' share is the plain distance to the nearest clean medoid, k-means' nearly its square
    assert costs.share["k-means"] == pytest.approx(costs.share["k-medoids"] ** 2, rel=0.05)


def test_outlier_costs_reject_bad_input():
    X, _ = kt.lesson_blobs()
    with pytest.raises(ValueError, match="outlier must have 2 coordinates"):
        failures.outlier_costs(X, 4, [40.0, 40.0, 1.0])
    with pytest.raises(ValueError, match="n_clusters"):
        failures.outlier_costs(X, 1, [40.0, 40.0])
