"""Lesson 07's decision checker: KMeans or MiniBatchKMeans, defended with the inertia ratio."""

import numpy as np
import pytest
from sklearn.datasets import make_blobs

import kmeans_teach as kt
from kmeans_teach.exercises.minibatch_choice import minibatch_inertia_ratio


@pytest.fixture(scope="module")
def blobs():
    X, _ = make_blobs(6000, n_features=4, centers=8, cluster_std=1.5, random_state=3)
    return X


@pytest.fixture(scope="module")
def truth(blobs):
    ratio = minibatch_inertia_ratio(blobs, 8)
    return ratio, ("MiniBatchKMeans" if ratio <= 1.01 else "KMeans")


def test_the_right_decision_with_its_number_passes(blobs, truth):
    ratio, method = truth
    feedback = kt.check_minibatch_choice(blobs, 8, method, ratio)
    assert feedback, repr(feedback)
    assert repr(feedback).startswith(f"Correct: {method}: ") and f"{ratio:.3f}" in repr(feedback)
    assert "What would change the decision" in repr(feedback)


def test_the_ratio_is_the_same_as_two_fits_by_hand(blobs):
    from sklearn.cluster import KMeans, MiniBatchKMeans
    full = KMeans(8, random_state=0).fit(blobs).inertia_
    mini = MiniBatchKMeans(8, batch_size=1024, random_state=0).fit(blobs).inertia_
    assert minibatch_inertia_ratio(blobs, 8) == pytest.approx(mini / full)


def test_the_wrong_decision_with_the_right_number_fails(blobs, truth):
    ratio, method = truth
    other = "KMeans" if method == "MiniBatchKMeans" else "MiniBatchKMeans"
    feedback = kt.check_minibatch_choice(blobs, 8, other, ratio)
    assert not feedback and f"rule picks {method}" in repr(feedback)


def test_a_number_that_is_not_the_measured_one_fails(blobs, truth):
    ratio, method = truth
    feedback = kt.check_minibatch_choice(blobs, 8, method, ratio + 0.01)
    assert not feedback and f"the inertia ratio is {ratio:.3f}" in repr(feedback)


@pytest.mark.parametrize("tolerance", [0.0, 0.5])
def test_the_tolerance_changes_the_decision(blobs, tolerance):
    ratio = minibatch_inertia_ratio(blobs, 8)
    right = "MiniBatchKMeans" if ratio <= 1 + tolerance else "KMeans"
    assert kt.check_minibatch_choice(blobs, 8, right, ratio, tolerance=tolerance)


def test_both_decisions_occur():
    # KMeans and mini-batch each seed themselves, so either can end lower: the
    # checker must say KMeans on one data set and MiniBatchKMeans on another
    X, _ = make_blobs(n_samples=3 * 10**5, n_features=8, centers=16, cluster_std=2.0, random_state=0)
    assert minibatch_inertia_ratio(X[:20_000], 16) < 1.01  # 0.838 when written
    assert minibatch_inertia_ratio(X[:100_000], 16) > 1.01  # 1.063 when written (lesson 07)


@pytest.mark.parametrize(
    ("method", "ratio", "match"),
    [
        (None, None, r"^Not yet: set my_method to \"KMeans\" or \"MiniBatchKMeans\".*Hint: fit"),
        ("kmeans", 1.0, "not one of the two choices"),
        ("KMeans", None, "my_ratio is None, but the decision needs its number"),
        ("KMeans", "1.06", "my_ratio is '1.06'"),
        ("KMeans", np.nan, "my_ratio is nan"),
        ("KMeans", True, "my_ratio is True"),
    ],
)
def test_bad_input_gets_a_sentence(blobs, method, ratio, match):
    import re
    feedback = kt.check_minibatch_choice(blobs, 8, method, ratio)
    assert not feedback and re.search(match, repr(feedback)), repr(feedback)
