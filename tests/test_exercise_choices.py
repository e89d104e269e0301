"""The decision checkers of lessons 01 and 02: the right decision with the real number
passes; a wrong decision, a missing or typed-in number, and bad input each get a sentence."""

import numpy as np
import pytest

import kmeans_teach as kt

# 3 pairs of points on a line: with 3 clusters, some random starts find the pairs
# (inertia 1.5), others put two centers in one pair (inertia 101)
PAIRS = np.array([[0.0], [1.0], [10.0], [11.0], [20.0], [21.0]])


def final_inertia(seed, X=PAIRS, k=3):
    return kt.run_kmeans(X, k, init="random", random_state=seed).final.inertia


# --- lesson 01: which of two runs to keep -----------------------------------------------

def test_the_lower_run_with_its_real_inertia_is_correct():
    assert final_inertia(0) == pytest.approx(1.5) and final_inertia(3) == pytest.approx(101.0)
    feedback = kt.check_run_choice(PAIRS, (0, 3), 0, final_inertia(0), n_clusters=3)
    assert feedback and repr(feedback).startswith("Correct: keep seed 0")
    assert "67.33 times as large" in feedback.message  # 101 / 1.5
    assert "would change only if another start ended even lower" in feedback.message


def test_a_rounded_inertia_is_accepted():
    assert kt.check_run_choice(PAIRS, (3, 0), 0, 1.5, n_clusters=3)


def test_keeping_the_worse_run_is_wrong_and_says_which_to_keep():
    feedback = kt.check_run_choice(PAIRS, (0, 3), 3, final_inertia(3), n_clusters=3)
    assert not feedback
    assert "seed 3 ends at inertia 101.0, but seed 0 ends lower, at 1.5" in feedback.message
    assert feedback.message.endswith("keep seed 0.")


def test_a_typed_in_or_missing_number_is_caught():
    feedback = kt.check_run_choice(PAIRS, (0, 3), 0, 2.5, n_clusters=3)
    assert not feedback and "you quoted inertia 2.5, and seed 0 ends at 1.5" in feedback.message
    for missing in [None, "1.5", float("nan"), True]:
        feedback = kt.check_run_choice(PAIRS, (0, 3), 0, missing, n_clusters=3)
        assert not feedback and "defend it with a number" in feedback.message


def test_a_tie_accepts_either_run():
    feedback = kt.check_run_choice(PAIRS, (0, 1), 1, final_inertia(1), n_clusters=3)
    assert feedback and "a tie, either run is right to keep" in feedback.message


def test_no_decision_or_a_seed_not_offered_gets_a_hint():
    for choice in [None, 7, "0", True]:
        feedback = kt.check_run_choice(PAIRS, (0, 3), choice, 1.5, n_clusters=3)
        assert not feedback and "set my_seed to 0 or 3" in feedback.message
    assert "at least two seeds" in kt.check_run_choice(PAIRS, (0,), 0, 1.5, n_clusters=3).message


def test_the_lesson_01_decision():
    X, _ = kt.lesson_blobs()
    feedback = kt.check_run_choice(X, (34, 0), 34, 212.0)
    assert feedback and "keep seed 34: its final inertia 212.0 is the lowest (seed 0: 527.2" in feedback.message
    assert not kt.check_run_choice(X, (34, 0), 0, 527.2)


# --- lesson 02: which start to keep -----------------------------------------------------

def test_the_start_with_the_larger_share_and_its_real_share_is_correct():
    feedback = kt.check_seeding_choice(PAIRS, 3, "k-means++", 1.0, seeds=range(20))
    assert feedback and repr(feedback).startswith("Correct: keep k-means++: 100.0% of its 20 runs")
    assert "against 80.0% of the random starts" in feedback.message
    assert "k-means++ needs n_init = 1, random starts n_init = 3" in feedback.message  # 0.2**3 < 0.01


def test_the_start_with_the_smaller_share_is_wrong():
    feedback = kt.check_seeding_choice(PAIRS, 3, "random", 0.8, seeds=range(20))
    assert not feedback and feedback.message.endswith("keep k-means++.")


def test_the_share_must_be_the_real_one_and_a_fraction():
    feedback = kt.check_seeding_choice(PAIRS, 3, "k-means++", 0.9, seeds=range(20))
    assert not feedback and "you quoted a share of 0.9, and 1.000 of the 20" in feedback.message
    feedback = kt.check_seeding_choice(PAIRS, 3, "k-means++", 100, seeds=range(20))
    assert not feedback and "between 0 and 1: 100% is 1" in feedback.message
    feedback = kt.check_seeding_choice(PAIRS, 3, "k-means++", None, seeds=range(20))
    assert not feedback and "defend it with a number" in feedback.message


def test_a_tie_accepts_either_start():
    # two far-apart pairs, 2 clusters: every start of either kind finds them
    X = np.array([[0.0], [1.0], [50.0], [51.0]])
    for init in ["random", "k-means++"]:
        feedback = kt.check_seeding_choice(X, 2, init, 1.0, seeds=range(5))
        assert feedback and "a tie, either start is right" in feedback.message


def test_no_decision_gets_a_hint_without_running_anything():
    for choice in [None, "kmeans++", 1]:
        feedback = kt.check_seeding_choice(PAIRS, 3, choice, 0.5, seeds=range(20))
        assert not feedback and "set my_init to 'random' or 'k-means++'" in feedback.message


def test_a_share_rounded_by_at_most_half_a_percent_passes():
    # 1.0 - 0.995 is 0.0050000000000000044 in floating point: still a rounding of 1.0
    assert kt.check_seeding_choice(PAIRS, 3, "k-means++", 0.995, seeds=range(20))
    feedback = kt.check_seeding_choice(PAIRS, 3, "k-means++", 0.994, seeds=range(20))
    assert not feedback and "you quoted a share of 0.994" in feedback.message
