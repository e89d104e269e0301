"""Lesson 00's decision: the checker computes both runs itself and judges the choice."""

import numpy as np
import pytest

import kmeans_teach as kt

PAIRS = np.array([[0.0], [1.0], [10.0], [11.0], [20.0], [21.0]])
GOOD = [[0.5], [10.5], [20.5]]  # one center per pair: inertia 1.5
BAD = [[0.0], [1.0], [15.0]]    # two centers in one pair: ends higher


def test_the_lower_run_is_right_whichever_it_is():
    # seed 3's random start ends at 101.0 here (two centers share a pair)
    assert kt.check_start_choice(PAIRS, GOOD, "mine", seed=3).passed
    assert not kt.check_start_choice(PAIRS, GOOD, "random", seed=3).passed
    bad_end = kt.run_kmeans(PAIRS, 3, init=np.array(BAD)).final.inertia
    random_end = kt.run_kmeans(PAIRS, 3, init=kt.init_centers(PAIRS, 3, "random",
                                                              random_state=0)).final.inertia
    assert bad_end > random_end  # the premise of the next two lines
    assert kt.check_start_choice(PAIRS, BAD, "random", seed=0).passed
    assert not kt.check_start_choice(PAIRS, BAD, "mine", seed=0).passed


def test_a_tie_accepts_either_answer():
    for keep in ("mine", "random"):
        feedback = kt.check_start_choice(PAIRS, GOOD, keep, seed=0)
        assert feedback.passed and "tie" in feedback.message


def test_the_evidence_is_computed_not_typed():
    # the message quotes the inertias the checker computed from the starts
    feedback = kt.check_start_choice(PAIRS, GOOD, "mine", seed=3)
    assert "1.5" in feedback.message and "101.0" in feedback.message


@pytest.mark.parametrize("centers", [None, [[0.5]], [[0.5, 1.0], [2.0, 3.0]], [[np.nan], [1.0]]])
def test_bad_centers_get_a_sentence(centers):
    feedback = kt.check_start_choice(PAIRS, centers, "mine")
    assert not feedback.passed and "my_centers" in feedback.message


@pytest.mark.parametrize("keep", [None, "yours", 1, True])
def test_keep_must_name_a_run(keep):
    feedback = kt.check_start_choice(PAIRS, GOOD, keep)
    assert not feedback.passed and '"mine" or "random"' in feedback.message


def test_the_centers_are_not_changed():
    centers = np.array(GOOD)
    kt.check_start_choice(PAIRS, centers, "mine")
    assert np.array_equal(centers, GOOD)
