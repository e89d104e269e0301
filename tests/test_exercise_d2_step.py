"""The D² step checker of lesson 02: right answers pass, each usual mistake is named, with its case."""

import numpy as np
import pytest

import kmeans_teach as kt


def _d2(X, centers):
    return ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).min(axis=1)


def correct(X, centers, u):
    running = np.cumsum(_d2(X, centers))
    return int(np.searchsorted(running / running[-1], u, side="right"))


def test_the_first_point_that_reaches_u_is_rejected_at_u_0_where_it_is_a_center():
    # side="left" picks the first point whose running sum reaches u: at u = 0 that is a
    # point with D² = 0 when one comes first (the border case's center, point 0)
    def reaches(X, centers, u):
        d2 = _d2(X, centers)
        return int(np.searchsorted(np.cumsum(d2 / d2.sum()), u))

    feedback = kt.check_d2_step(reaches)
    assert not feedback and "case 6 of 6" in feedback.message and "with u = 0.0" in feedback.message
    assert "has D² = 0" in feedback.message and "the right pick is point 1" in feedback.message


def test_right_answers_pass():
    assert kt.check_d2_step(correct)
    assert kt.check_d2_step(kt.d2_pick)

    def with_argmax(X, centers, u):  # another correct way: first cumulative share above u
        running = np.cumsum(_d2(X, centers))
        return np.argmax(running / running[-1] > u)  # a NumPy integer is fine

    feedback = kt.check_d2_step(with_argmax)
    assert feedback.passed and repr(feedback).startswith("Correct: every draw picked a right point")
    assert "(6 cases:" in feedback.message


def test_distance_instead_of_squared_distance_is_named():
    def with_d(X, centers, u):
        d = np.sqrt(_d2(X, centers))
        return int(np.searchsorted(np.cumsum(d / d.sum()), u))

    feedback = kt.check_d2_step(with_d)
    assert not feedback and "uses its square, D²" in feedback.message


def test_first_center_only_is_named():
    def first_only(X, centers, u):
        d2 = ((X - centers[0]) ** 2).sum(axis=1)
        return int(np.searchsorted(np.cumsum(d2 / d2.sum()), u))

    feedback = kt.check_d2_step(first_only)
    assert not feedback and "2 center(s) chosen" in feedback.message
    assert "nearest center" in feedback.message


def test_farthest_point_is_named():
    feedback = kt.check_d2_step(lambda X, centers, u: int(_d2(X, centers).argmax()))
    assert not feedback and "you took the farthest point" in feedback.message


def test_stub_and_broken_functions_get_a_sentence():
    feedback = kt.check_d2_step(lambda X, centers, u: 0)
    assert repr(feedback).startswith("Not yet: case 1 of 6 (a small example, 1 center chosen): "
                                     "with u = 0.03")
    assert "lies on a center" in feedback.message
    assert "raised ZeroDivisionError" in kt.check_d2_step(lambda X, c, u: 1 / 0).message
    assert "return one whole number" in kt.check_d2_step(lambda X, c, u: np.zeros(3)).message
    assert "return one whole number" in kt.check_d2_step(lambda X, c, u: 2.0).message
    assert "X has rows 0 .. 9" in kt.check_d2_step(lambda X, c, u: 10).message
    feedback = kt.check_d2_step(correct(np.eye(2), np.eye(2)[:1], 0.5))
    assert "pass the function itself" in feedback.message and "case" not in feedback.message


def test_an_off_by_one_pick_is_located():
    feedback = kt.check_d2_step(lambda X, centers, u: (correct(X, centers, u) + 1) % len(X))
    assert not feedback and "cumulative probability first passes u" in feedback.message


def test_student_cannot_change_the_checkers_data():
    # a right pick on data it then overwrites is still wrong, and the checker says so
    def scribbler(X, centers, u):
        index = correct(X, centers, u)
        X[:] = 0
        centers[:] = 0
        return index

    feedback = kt.check_d2_step(scribbler)
    assert not feedback and "case 1 of 6" in feedback.message
    assert "changed its input X in place" in feedback.message


def test_on_a_border_either_neighbour_is_right():
    # correct() takes the next point on a border (side="right"); kt.d2_pick the one whose
    # share ends there
    from kmeans_teach.exercises.d2_step import _cases

    assert kt.check_d2_step(correct)
    assert kt.check_d2_step(kt.d2_pick)
    # the checker's border case still draws u on a border, where the two differ
    X, centers, draws = _cases()[-1].args
    assert {0.25, 0.5} <= set(draws)
    assert [(correct(X, centers, u), kt.d2_pick(X, centers, u)) for u in (0.25, 0.5)] == [(3, 2), (4, 3)]


def test_a_pick_two_shares_off_a_border_is_told_both_neighbours():
    def two_off(X, centers, u):
        index = correct(X, centers, u)
        return index - 2 if u == 0.5 and X.shape == (5, 2) else index  # the border case only

    feedback = kt.check_d2_step(two_off)
    assert not feedback and "with u = 0.5" in feedback.message
    assert "on the border between point 3's share and point 4's: either of those two is right" in \
        feedback.message


# Functions that are right on the small example but wrong elsewhere: each special
# case catches its own mistake, and the feedback names it.
def only_the_example(X, centers, u):
    if X.shape == (10, 2):
        return correct(X, centers, u)
    return 0


def two_features_only(X, centers, u):
    return correct(X[:, :2], centers[:, :2], u)


def a_thousand_points_only(X, centers, u):  # e.g. draws among the first 1000 points only
    return correct(X[:1000], centers, u)


def off_on_a_border(X, centers, u):  # a point two shares away when u is on a border (not at 0)
    index = correct(X, centers, u)
    running = np.cumsum(_d2(X, centers))
    return index - 2 if u > 0 and np.isclose(running / running[-1], u).any() else index


@pytest.mark.parametrize("func, case", [
    (only_the_example, "case 3 of 6 (all points but one lie on a center)"),
    (two_features_only, "case 4 of 6 (three features)"),
    (a_thousand_points_only, "case 5 of 6 (many points: 3000 points, 4 centers chosen)"),
    (off_on_a_border, "case 6 of 6 (u on the border between two points' shares"),
])
def test_each_case_can_fail_on_its_own_and_is_named(func, case):
    feedback = kt.check_d2_step(func)
    assert not feedback and feedback.message.startswith(case), feedback.message


def test_a_function_that_changes_X_in_place_is_named():
    # the right pick, but X zeroed afterwards: the caller's data is lost
    def zeroes_X(X, centers, u):
        pick = correct(X, centers, u)
        X[:] = 0
        return pick

    def moves_centers(X, centers, u):
        pick = correct(X, centers, u)
        centers += 1
        return pick

    for func, name in [(zeroes_X, "X"), (moves_centers, "centers")]:
        feedback = kt.check_d2_step(func)
        assert not feedback and f"changed its input {name} in place" in feedback.message
