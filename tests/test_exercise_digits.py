"""check_mode_matching: right answers pass and name the double naming; each case can fail on its own."""

import numpy as np
import pytest
from scipy import stats

import kmeans_teach as kt
from kmeans_teach.exercises.digits import _CASES, _test_case


def loop_mode(y_true, labels):
    return np.array([np.bincount(y_true[labels == c]).argmax() for c in range(labels.max() + 1)])


def scipy_mode(y_true, labels):
    return np.array([stats.mode(y_true[labels == c]).mode for c in range(labels.max() + 1)])


def dict_mode(y_true, labels):
    return {c: int(np.bincount(y_true[labels == c]).argmax()) for c in np.unique(labels)}


def last_on_a_tie(y_true, labels):
    # the largest of the tied digits: as right as the smallest
    return np.array([len(b) - 1 - np.bincount(y_true[labels == c])[::-1].argmax()
                     for c in range(labels.max() + 1)
                     for b in [np.bincount(y_true[labels == c])]])


@pytest.mark.parametrize("func", [loop_mode, scipy_mode, dict_mode, last_on_a_tie])
def test_correct_answers_pass_and_point_out_the_double_naming(func):
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
    assert mode.accuracy > hung.accuracy  # the example really shows the overstatement
    assert f"({len(_CASES)} cases: " in text


def test_the_cases_cover_k_1_a_tie_many_points_and_digits_not_from_0():
    assert _CASES[0].args[0].tolist() == _test_case()[0].tolist()  # the lesson's example first
    sizes = [int(labels.max()) + 1 for _, labels in (case.args for case in _CASES)]
    assert 1 in sizes
    assert max(len(labels) for _, labels in (case.args for case in _CASES)) >= 1000
    ties = []
    for y, labels in (case.args for case in _CASES):
        counts, _, _ = kt.contingency(y, labels)
        ties.append(any(np.sum(col == col.max()) > 1 for col in counts.T))
    assert ties.count(True) == 1  # exactly one case has a tie, and its name says so
    assert "tie" in _CASES[ties.index(True)].name
    assert any(y.min() > 0 for y, _ in (case.args for case in _CASES))


def test_only_the_tied_digits_are_accepted_on_a_tie():
    def median(y_true, labels):  # the median equals the mode when one digit is a majority
        return np.array([int(np.median(y_true[labels == c])) for c in range(labels.max() + 1)])

    feedback = kt.check_mode_matching(median)
    assert not feedback
    assert feedback.message.startswith("case 3 of 5 (a tie")
    assert "3 or 7 (a tie: either is right)" in feedback.message


def test_a_function_that_knows_only_the_example_is_caught():
    feedback = kt.check_mode_matching(lambda y_true, labels: np.array([1, 0, 1, 2]))
    assert not feedback and feedback.message.startswith("case 2 of 5 (one cluster (k = 1)):")


def breaks_on(index):
    """``loop_mode``, but wrong on one case only (found by its data, not its position)."""
    y0, labels0 = _CASES[index].args

    def func(y_true, labels):
        digits = loop_mode(y_true, labels)
        if len(y_true) == len(y0) and np.array_equal(np.sort(y_true), np.sort(y0)):
            digits[0] = 99  # no case holds the digit 99
        return digits
    return func


@pytest.mark.parametrize("index", range(len(_CASES)))
def test_each_case_can_fail_on_its_own_and_is_named(index):
    feedback = kt.check_mode_matching(breaks_on(index))
    assert not feedback
    assert feedback.message.startswith(f"case {index + 1} of {len(_CASES)} ({_CASES[index].name}): "
                                       "cluster 0 holds")
    assert "but you gave it 99." in feedback.message


def test_the_hungarian_answer_is_told_apart():
    def hungarian(y_true, labels):
        return kt.match_clusters(y_true, labels).classes

    feedback = kt.check_mode_matching(hungarian)
    assert not feedback and "one-to-one (Hungarian)" in feedback.message
    assert feedback.message.startswith("case 1 of 5")


def test_wrong_cluster_is_named_with_its_counts():
    def off_by_one(y_true, labels):
        digits = loop_mode(y_true, labels)
        digits[2] = 3
        return digits

    feedback = kt.check_mode_matching(off_by_one)
    assert not feedback
    assert feedback.message == ("case 1 of 5 (the example: 4 clusters, 34 points): cluster 2 "
                                "holds 5 points of digit 1 and 2 of digit 3, so its most common "
                                "digit is 1, but you gave it 3.")


@pytest.mark.parametrize("func, match", [
    (lambda y, labels: None, "returned None"),
    (lambda y, labels: y, "one digit per point instead of one per cluster"),
    (lambda y, labels: np.full(4, 0.5), "must be whole numbers, but got 0.5"),
    (lambda y, labels: np.full(4, np.nan), "must be whole numbers, but got nan"),
    (lambda y, labels: np.array(["1"] * 4), "must be whole numbers, but got dtype <U1"),
    (lambda y, labels: {0: 1}, "no entry for cluster 1"),
    (lambda y, labels: 1 / 0, "raised ZeroDivisionError"),
    (42, "expected a function"),
])
def test_broken_answers_get_a_sentence(func, match):
    feedback = kt.check_mode_matching(func)
    assert not feedback and match in feedback.message


def test_whole_numbers_as_floats_are_read_as_digits():
    assert kt.check_mode_matching(lambda y, labels: loop_mode(y, labels).astype(float))
    feedback = kt.check_mode_matching(lambda y, labels: np.zeros(4))  # whole, but wrong
    assert not feedback and "but you gave it 0." in feedback.message


def test_the_student_cannot_change_the_cases_in_place():
    def scribble(y_true, labels):
        digits = loop_mode(y_true, labels)
        y_true[:] = 0
        labels[:] = 0
        return digits

    # the cases are handed out as copies, so the judge still sees them whole; but a function
    # that overwrites its input is wrong in itself, and the checker says so (review H40)
    feedback = kt.check_mode_matching(scribble)
    assert not feedback and "changed its input y_true in place" in feedback.message
    assert kt.check_mode_matching(loop_mode)  # and the cases are intact for the next call


def test_the_stub_of_the_notebook_runs_and_fails_politely():
    def mode_matching(y_true, labels):
        digits = np.zeros(labels.max() + 1, dtype=int)
        return digits

    feedback = kt.check_mode_matching(mode_matching)
    assert repr(feedback).startswith("Not yet: case 1 of 5 (the example: 4 clusters, 34 points): "
                                     "cluster 0 holds")


def test_the_example_case_names_its_own_size():
    y_true, labels = _CASES[0].args
    assert len(np.unique(labels)) == 4 and len(y_true) == 34
    assert _CASES[0].name == "the example: 4 clusters, 34 points"
