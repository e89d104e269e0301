"""check_mode_matching: right answers pass and name the double assignment; wrong ones say where."""

import numpy as np
import pytest
from scipy import stats

import kmeans_teach as kt
from kmeans_teach.exercises.digits import _test_case


def loop_mode(y_true, labels):
    return np.array([np.bincount(y_true[labels == c]).argmax() for c in range(labels.max() + 1)])


def scipy_mode(y_true, labels):
    return np.array([stats.mode(y_true[labels == c]).mode for c in range(labels.max() + 1)])


def dict_mode(y_true, labels):
    return {c: int(np.bincount(y_true[labels == c]).argmax()) for c in np.unique(labels)}


@pytest.mark.parametrize("func", [loop_mode, scipy_mode, dict_mode])
def test_correct_answers_pass_and_point_out_the_double_assignment(func):
    feedback = kt.check_mode_matching(func)
    assert feedback.passed and bool(feedback)
    y, labels = _test_case()
    mode = kt.match_clusters(y, labels, method="mode")
    hung = kt.match_clusters(y, labels)
    text = repr(feedback)
    assert text.startswith("Correct: ")
    assert f"both got digit {mode.duplicated[0]}" in text
    assert f"no cluster got digit {mode.unused[0]}" in text
    assert f"{mode.accuracy:.3f}" in text and f"{hung.accuracy:.3f}" in text
    assert mode.accuracy > hung.accuracy  # the case really shows the overstatement


def test_the_hungarian_answer_is_told_apart():
    def hungarian(y_true, labels):
        return kt.match_clusters(y_true, labels).classes

    feedback = kt.check_mode_matching(hungarian)
    assert not feedback and "one-to-one (Hungarian)" in feedback.message


def test_wrong_cluster_is_named_with_its_counts():
    def off_by_one(y_true, labels):
        digits = loop_mode(y_true, labels)
        digits[2] = 3
        return digits

    feedback = kt.check_mode_matching(off_by_one)
    assert not feedback
    assert feedback.message == ("cluster 2 holds 5 points of digit 1 and 2 of digit 3, so its "
                                "most common digit is 1, but you gave it 3.")


@pytest.mark.parametrize("func, match", [
    (lambda y, labels: None, "returned None"),
    (lambda y, labels: y, "one digit per point instead of one per cluster"),
    (lambda y, labels: np.zeros(4), "must be integers"),
    (lambda y, labels: {0: 1}, "no entry for cluster 1"),
    (lambda y, labels: 1 / 0, "raised ZeroDivisionError"),
    (42, "expected a function"),
])
def test_broken_answers_get_a_sentence(func, match):
    feedback = kt.check_mode_matching(func)
    assert not feedback and match in feedback.message


def test_the_stub_of_the_notebook_runs_and_fails_politely():
    def mode_matching(y_true, labels):
        digits = np.zeros(labels.max() + 1, dtype=int)
        return digits

    feedback = kt.check_mode_matching(mode_matching)
    assert repr(feedback).startswith("Not yet: cluster 0 holds")
