"""One place for each thing: the exports, the lessons' data, the argument checks."""

import sys
from unittest import mock

import numpy as np
import pytest

import kmeans_teach as kt
from kmeans_teach import _validation, datasets, failures, semi_supervised


def test_every_exported_name_resolves_once():
    assert len(kt.__all__) == len(set(kt.__all__))
    for name in kt.__all__:
        assert getattr(kt, name) is not None, name
    assert set(kt.__all__) <= set(dir(kt))
    # the subpackages that draw, and dask, still load on first use only
    assert {"plotting", "apps", "distributed"} <= set(dir(kt))


def test_the_export_table_names_where_each_thing_is_defined():
    for module, names in kt._EXPORTS.items():
        for name in names:
            assert getattr(kt, name) is getattr(sys.modules[f"kmeans_teach.{module}"], name)


def test_lesson_data_lives_in_datasets_and_is_still_found_where_it_was():
    for name in ("PLAYGROUND_DATA", "playground_data", "lesson_blobs", "lesson_moons",
                 "lesson_digits", "sample_image", "digits_split", "DigitsSplit"):
        assert getattr(kt, name) is getattr(datasets, name)
    for name in ("stretched_blobs", "failure_cases", "FailureCase", "STRETCH"):
        assert getattr(failures, name) is getattr(datasets, name)
    for name in ("digits_split", "DigitsSplit"):
        assert getattr(semi_supervised, name) is getattr(datasets, name)


X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [9.0, 0.0]])

#: (function, a wrong type, a wrong value): the wrong type raises TypeError,
#: the wrong value ValueError, and both messages name the argument
MISTAKES = [
    (lambda v: kt.run_kmeans(X, v), "n_clusters", 2.0, 0),
    (lambda v: kt.run_kmeans(X, 2, tol=v), "tol", "small", -1.0),
    (lambda v: kt.run_kmeans(X, 2, max_iter=v), "max_iter", 3.5, 0),
    (lambda v: kt.run_kmeans(X, 2, random_state=v), "random_state", "seed", -1),
    (lambda v: kt.init_centers(v, 2), "X", np.array([["a", "b"]]), np.zeros(3)),
    (lambda v: kt.d2_pick(X, X[:1], v), "u", "half", 1.0),
    (lambda v: kt.best_of_n_probability(v, 2), "p", "high", 1.5),
    (lambda v: kt.best_of_n_probability(0.5, v), "n_init", 1.5, 0),
    (lambda v: kt.kneedle([1, 2, 3], [3, 2, 1], S=v), "S", None, -1.0),
    (lambda v: kt.format_seconds(v), "seconds", "1 s", -1.0),
    (lambda v: kt.pixel_features(np.zeros((2, 2, 3), np.uint8), v), "position_weight",
     True, -1.0),
    (lambda v: failures.spherical_responsibilities(X, X[:2], v), "sigma2", "1", 0.0),
    (lambda v: kt.run_gmm(X, 2, reg_covar=v), "reg_covar", [1e-6], -1.0),
    (lambda v: kt.compare_on_moons(v), "noise", "low", -0.1),
]


@pytest.mark.parametrize("call, name, wrong_type, wrong_value", MISTAKES,
                         ids=[m[1] for m in MISTAKES])
def test_a_wrong_type_is_a_type_error_and_a_wrong_value_a_value_error(
        call, name, wrong_type, wrong_value):
    with pytest.raises(TypeError, match=name):
        call(wrong_type)
    with pytest.raises(ValueError, match=name):
        call(wrong_value)


def test_a_choice_outside_the_options_is_a_value_error_that_lists_them():
    with pytest.raises(ValueError, match=r"empty must be one of \('relocate'"):
        kt.run_kmeans(X, 2, empty="drop")
    with pytest.raises(ValueError, match="init must be one of"):
        kt.scan_seeds(X, 2, [0], init=np.zeros((2, 2)))  # an array is not one of the names
    with pytest.raises(ValueError, match="name must be one of"):
        kt.playground_data("iris")


def _count_X_checks(func, *args, **kwargs):
    """Call func, counting the calls of check_X on X (not on init or centers)."""
    calls = []

    def spy(value, *a, **kw):
        if kw.get("name", "X") == "X":
            calls.append(value)
        return _validation.check_X(value, *a, **kw)

    patches = [mock.patch.object(module, "check_X", spy)
               for name, module in list(sys.modules.items())
               if name.startswith("kmeans_teach") and getattr(module, "check_X", None)
               is _validation.check_X and module is not _validation]
    for patch in patches:
        patch.start()
    try:
        result = func(*args, **kwargs)
    finally:
        for patch in patches:
            patch.stop()
    return result, len(calls)


@pytest.mark.parametrize("call", [
    lambda: failures.kmeans_limit(X, X[:2], 1e-6),
    lambda: failures.kmeans_limit(X, X[:2], 4.0),
    lambda: kt.run_kmeans(X, 2, random_state=0),
    lambda: list(kt.kmeans_steps(X, 2, init="random", random_state=0)),
    lambda: kt.init_centers(X, 2, random_state=0),
    lambda: kt.scan_seeds(X, 2, range(5)),
    lambda: kt.scan_k(X, [1, 2, 3], n_init=1),
    lambda: kt.spectral_embedding_of(X, n_neighbors=3, n_components=2, random_state=0),
    lambda: kt.spectral_clustering_of(X, 2, n_neighbors=3, random_state=0),
], ids=["kmeans_limit hard", "kmeans_limit soft", "run_kmeans", "kmeans_steps",
        "init_centers", "scan_seeds", "scan_k", "spectral_embedding_of",
        "spectral_clustering_of"])
def test_X_is_checked_once_where_it_enters(call):
    _, n_checks = _count_X_checks(call)
    assert n_checks == 1


def test_outlier_effect_checks_X_once():
    pytest.importorskip("kmedoids")
    _, n_checks = _count_X_checks(failures.outlier_effect, X, 2, [20.0, 20.0])
    assert n_checks == 1
