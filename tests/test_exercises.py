"""The E-step checker: right answers pass, each kind of wrong answer is named, with its case."""

import numpy as np
import pytest

from kmeans_teach import check_e_step


def nearest(X, centers):
    return ((X[:, None, :] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)


def test_a_correct_e_step_passes_every_case():
    feedback = check_e_step(nearest)
    assert feedback.passed and bool(feedback)
    assert repr(feedback).startswith("Correct: every point got the label of its nearest center. (5 cases:")
    for name in ["a small example", "k = 1", "three features", "many points", "a tie"]:
        assert name in feedback.message


def test_the_other_tied_center_is_also_right():
    def last_of_the_tied(X, centers):  # argmin of the reversed columns: the last nearest center
        d = ((X[:, None, :] - centers[None]) ** 2).sum(axis=2)
        return len(centers) - 1 - d[:, ::-1].argmin(axis=1)

    assert check_e_step(last_of_the_tied)


def test_argmax_is_named():
    feedback = check_e_step(lambda X, c: ((X[:, None] - c[None]) ** 2).sum(axis=2).argmax(axis=1))
    assert not feedback and "case 1 of 5" in feedback.message and "argmin, not argmax" in feedback.message


def test_returning_distances_is_named():
    feedback = check_e_step(lambda X, c: ((X[:, None] - c[None]) ** 2).sum(axis=2))
    assert not feedback and "shape (12,)" in feedback.message and "argmin" in feedback.message


def test_the_first_wrong_point_is_named():
    def off_by_one(X, centers):
        labels = nearest(X, centers)
        labels[5] = (labels[5] + 1) % len(centers)
        return labels

    feedback = check_e_step(off_by_one)
    assert not feedback
    assert feedback.message.startswith("case 1 of 5 (a small example: 12 points, 3 centers): point 5 at")


def test_the_stub_of_the_lesson_gets_the_old_helpful_sentence():
    feedback = check_e_step(lambda X, centers: np.zeros(len(X), dtype=int))
    assert repr(feedback) == (
        "Not yet: case 1 of 5 (a small example: 12 points, 3 centers): point 0 at (3.10, 4.90) "
        "got label 0, but its nearest center is 1 at (2.00, 1.00) (squared distance 16.42 against 50.02).")


# Functions that are right on a small example but wrong elsewhere: each special
# case catches its own mistake, and the feedback names it.
def only_the_example(X, centers):  # the example's answer, typed in
    if X.shape == (12, 2) and len(centers) == 3:
        return nearest(X, centers)
    return np.zeros(len(X), dtype=int) + 1


def breaks_on_one_center(X, centers):  # e.g. np.squeeze drops the only column
    d = np.squeeze(((X[:, None, :] - centers[None]) ** 2).sum(axis=2))
    return d.argmin(axis=-1) if d.ndim == 2 else np.argsort(d)[: len(X)]


def two_features_only(X, centers):  # uses columns 0 and 1, ignores the rest
    return nearest(X[:, :2], centers[:, :2])


def first_thousand_points_only(X, centers):  # e.g. a block loop that forgets the last block
    labels = np.zeros(len(X), dtype=int)
    labels[:1000] = nearest(X[:1000], centers)
    return labels


def wrong_in_a_tie(X, centers):  # a tie goes to a third, farther center
    d = ((X[:, None, :] - centers[None]) ** 2).sum(axis=2)
    labels = d.argmin(axis=1)
    tied = (np.sort(d, axis=1)[:, :2] == d.min(axis=1, keepdims=True)).all(axis=1)
    labels[tied] = len(centers) - 1
    return labels


@pytest.mark.parametrize("func, case", [
    (only_the_example, "case 2 of 5 (one center (k = 1))"),
    (breaks_on_one_center, "case 2 of 5 (one center (k = 1))"),
    (two_features_only, "case 3 of 5 (three features)"),
    (first_thousand_points_only, "case 4 of 5 (many points: 5000 points, 7 centers)"),
    (wrong_in_a_tie, "case 5 of 5 (a tie:"),
])
def test_each_case_can_fail_on_its_own_and_is_named(func, case):
    feedback = check_e_step(func)
    assert not feedback and feedback.message.startswith(case), feedback.message


def test_an_exception_is_reported_not_raised():
    feedback = check_e_step(lambda X, c: X[100])
    assert not feedback and "IndexError" in feedback.message


def test_float_labels_and_out_of_range_labels():
    assert "integers" in check_e_step(lambda X, c: nearest(X, c).astype(float)).message
    assert "between 0 and 2" in check_e_step(lambda X, c: nearest(X, c) + 1).message


def test_passing_the_result_instead_of_the_function():
    feedback = check_e_step(np.zeros(12))
    assert "without calling it" in feedback.message and "case" not in feedback.message


def test_a_function_that_zeroes_its_input_in_place_is_rejected():
    # right labels, computed before X is overwritten: the caller's data is gone (review H40)
    def zeroes_X(X, centers):
        labels = nearest(X, centers)
        X[:] = 0.0
        return labels

    feedback = check_e_step(zeroes_X)
    assert not feedback
    assert feedback.message.startswith("case 1 of 5 (a small example: 12 points, 3 centers): "
                                       "your function changed its input X in place")
    assert "X.copy()" in feedback.message


def test_a_function_that_moves_the_centers_in_place_is_rejected():
    def shifts_centers(X, centers):
        labels = nearest(X, centers)
        centers += 1.0
        return labels

    feedback = check_e_step(shifts_centers)
    assert not feedback and "changed its input centers in place" in feedback.message


def test_inertia_in_float32_is_told_about_precision_not_called_wrong():
    # a float32 sum of the right squared distances agrees only to ~1e-7: the message must
    # not say "you returned 122.51, but the inertia is 122.51"
    import kmeans_teach as kt

    feedback = kt.check_inertia(lambda X, labels, centers: np.float32(
        ((X - centers[labels]) ** 2).sum()))
    assert not feedback and "float64" in feedback.message
