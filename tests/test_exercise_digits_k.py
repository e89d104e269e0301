"""check_digits_k: the number of clusters is judged by the ARI the checker computes itself."""

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits
from sklearn.metrics import adjusted_rand_score

import kmeans_teach as kt
from kmeans_teach.exercises.digits_k import _CANDIDATES, _SEEDS, _runs, _scores, _within_spread


def test_the_scores_are_the_means_over_the_seeds_of_the_lessons_fits():
    X, y = load_digits(return_X_y=True)
    runs = [KMeans(n_clusters=10, n_init=10, random_state=seed).fit_predict(X)  # lesson 05, section 2
            for seed in _SEEDS]
    ari, mode, one_to_one = _scores()[10]
    assert len(_SEEDS) >= 3  # one seed's ARI is not evidence for a k
    assert ari == pytest.approx(np.mean([adjusted_rand_score(y, lab) for lab in runs]), abs=1e-12)
    assert mode == pytest.approx(np.mean([kt.cluster_accuracy(y, lab, method="mode") for lab in runs]))
    assert one_to_one <= mode  # the one-to-one naming can never score higher than the mode


def best_k():
    scores = _scores()
    return max(scores, key=lambda k: scores[k][0])


def test_the_best_k_with_its_ari_passes_and_compares_the_accuracies():
    k = best_k()
    feedback = kt.check_digits_k(k, round(_scores()[k][0], 3))
    assert feedback and repr(feedback).startswith(f"Correct: {k} clusters agree best with the digits")
    assert "accuracy by the mode" in feedback.message and "one-to-one accuracy" in feedback.message
    assert "Only the true labels made this choice possible" in feedback.message


def test_another_k_with_its_right_number_is_told_to_compare_without_the_answer():
    k = next(k for k in _CANDIDATES if not _within_spread(k)[0])
    feedback = kt.check_digits_k(k, round(_scores()[k][0], 3))
    assert not feedback and "(that number is right)" in feedback.message
    assert "another k from 10 to 14 agrees better" in feedback.message
    assert str(best_k()) not in feedback.message.replace("from 10 to 14", "")


def test_a_k_within_two_standard_errors_of_the_best_passes_and_names_the_best():
    runs, best = _runs(), best_k()
    for k in _CANDIDATES:
        differences = runs[best][:, 0] - runs[k][:, 0]
        inside = differences.mean() <= 2 * differences.std(ddof=1) / np.sqrt(len(_SEEDS))
        assert _within_spread(k)[0] == inside
        feedback = kt.check_digits_k(k, round(_scores()[k][0], 3))
        assert bool(feedback) == inside
        if inside and k != best:
            assert f"the best, {best} clusters" in feedback.message
            assert "cannot tell these apart" in feedback.message
    assert _within_spread(best)[0]  # the best k is always accepted


def test_one_standard_error_would_reject_a_k_that_two_accept():
    # the reason for two: with one, a k is rejected whose gap is well within the seeds' noise
    assert any(gap > error and accepted for accepted, gap, error in map(_within_spread, _CANDIDATES))


def test_the_quoted_mean_may_be_off_by_a_thousandth_not_more():
    best = best_k()
    real = _scores()[best][0]
    for off in (-0.0009, 0.0009):  # 4 decimals rounded, or a mean at a rounding edge
        assert kt.check_digits_k(best, real + off)
    for off in (-0.0012, 0.0012):
        feedback = kt.check_digits_k(best, real + off)
        assert not feedback and "within 0.001" in feedback.message


def test_a_wrong_ari_is_caught_for_every_k_and_not_corrected():
    for k in _CANDIDATES:  # the true mean of any k is never printed for a wrong value
        real = _scores()[k][0]
        feedback = kt.check_digits_k(k, round(real, 3) + 0.01)
        assert not feedback and f"is not the mean ARI of {k} clusters" in feedback.message
        assert f"{real:.3f}" not in feedback.message


@pytest.mark.parametrize("args, words", [
    ((9, 0.6), "from 10 to 14, not 9"),
    ((10.0, 0.666), "from 10 to 14"),
    ((True, 0.666), "from 10 to 14"),
    ((10, None), "quote the mean ARI as a number"),
    ((10, float("inf")), "quote the mean ARI as a number"),
])
def test_bad_input_gets_a_sentence(args, words):
    feedback = kt.check_digits_k(*args)
    assert not feedback and words in feedback.message
