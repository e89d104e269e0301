"""The E-step checker: right answers pass, each kind of wrong answer is named."""

import numpy as np

from kmeans_teach import check_e_step


def nearest(X, centers):
    return ((X[:, None, :] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)


def test_a_correct_e_step_passes():
    feedback = check_e_step(nearest)
    assert feedback.passed and bool(feedback)
    assert repr(feedback).startswith("Correct:")


def test_argmax_is_named():
    feedback = check_e_step(lambda X, c: ((X[:, None] - c[None]) ** 2).sum(axis=2).argmax(axis=1))
    assert not feedback and "argmin, not argmax" in feedback.message


def test_returning_distances_is_named():
    feedback = check_e_step(lambda X, c: ((X[:, None] - c[None]) ** 2).sum(axis=2))
    assert not feedback and "shape (12,)" in feedback.message and "argmin" in feedback.message


def test_the_first_wrong_point_is_named():
    def off_by_one(X, centers):
        labels = nearest(X, centers)
        labels[5] = (labels[5] + 1) % 3
        return labels

    feedback = check_e_step(off_by_one)
    assert not feedback and feedback.message.startswith("point 5 at")


def test_an_exception_is_reported_not_raised():
    feedback = check_e_step(lambda X, c: X[100])
    assert not feedback and "IndexError" in feedback.message


def test_float_labels_and_out_of_range_labels():
    assert "integers" in check_e_step(lambda X, c: nearest(X, c).astype(float)).message
    assert "between 0 and 2" in check_e_step(lambda X, c: nearest(X, c) + 1).message


def test_passing_the_result_instead_of_the_function():
    assert "without calling it" in check_e_step(np.zeros(12)).message
