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


def test_spherical_responsibilities_reject_a_bad_variance():
    with pytest.raises(ValueError, match="sigma2"):
        failures.spherical_responsibilities([[0.0]], [[1.0]], 0.0)


def test_medoids_are_data_points_and_resist_the_outlier():
    X, _ = kt.lesson_blobs()
    effect = failures.outlier_effect(X, 4, [40.0, 40.0])
    assert effect.medoids_on_points
    assert effect.shift_medoids < 0.5 < effect.shift_kmeans


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
