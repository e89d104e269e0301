"""Lesson 08's checkers: the E-step of a Gaussian mixture, and k-means or a mixture."""

import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal

import kmeans_teach as kt


def _right(X, weights, means, covariances):
    log_p = np.column_stack([np.log(w) + multivariate_normal(m, c).logpdf(X)
                             for w, m, c in zip(weights, means, covariances)])
    return np.exp(log_p - logsumexp(log_p, axis=1, keepdims=True))


def _naive(X, weights, means, covariances):  # densities, not logs: underflows far away
    p = np.column_stack([w * multivariate_normal(m, c).pdf(X)
                         for w, m, c in zip(weights, means, covariances)])
    with np.errstate(invalid="ignore"):  # 0 / 0, as a student's code would meet it
        return p / p.sum(axis=1, keepdims=True)


def test_a_right_e_step_passes():
    assert kt.check_gmm_e_step(_right)


def test_an_e_step_without_logs_fails_on_the_far_points():
    fb = kt.check_gmm_e_step(_naive)
    assert not fb and "case 4 of 4" in fb.message and 'kt.hint("gmm_e_step")' in fb.message


def test_an_e_step_without_weights_names_the_first_case():
    fb = kt.check_gmm_e_step(lambda X, w, m, c: _right(X, np.ones(len(w)) / len(w), m, c))
    assert not fb and "case 1 of 4" in fb.message and "forget the weights" in fb.message


def test_the_hint_names_the_mistake_made():
    stub = kt.check_gmm_e_step(lambda X, w, m, c: np.full((len(X), len(w)), 1 / len(w)))
    assert "Every row is the same" in stub.message and "weights" not in stub.message
    inverse = kt.check_gmm_e_step(lambda X, w, m, c: _right(X, w, m, np.linalg.inv(c)))
    assert "precision" in inverse.message


def test_unnormalised_rows_and_wrong_shapes_are_explained():
    assert "sum to" in kt.check_gmm_e_step(lambda X, w, m, c: 2 * _right(X, w, m, c)).message
    assert "shape" in kt.check_gmm_e_step(lambda X, w, m, c: _right(X, w, m, c).T).message
    assert "raised" in kt.check_gmm_e_step(lambda X, w, m, c: 1 / 0).message
    assert "expected a function" in kt.check_gmm_e_step(3).message


def test_mixture_choice_sentences_claim_no_rule():
    right = kt.check_mixture_choice("unequal sizes", "gaussian mixture", 0.990)
    assert "drawn from Gaussians" in right.message and "round" not in right.message


def test_mixture_choice_right_wrong_and_bad_input():
    assert kt.check_mixture_choice("unequal sizes", "gaussian mixture", 0.990)
    wrong = kt.check_mixture_choice("unequal sizes", "k-means", 0.135)
    assert not wrong and "0.990" in wrong.message
    quoted = kt.check_mixture_choice("unequal sizes", "gaussian mixture", 0.5)
    assert not quoted and "not 0.5" in quoted.message
    assert "case must be one of" in kt.check_mixture_choice("moons", "k-means", 1).message
    assert "method must be" in kt.check_mixture_choice("unequal sizes", "dbscan", 1).message
    assert "evidence must be a number" in kt.check_mixture_choice(
        "unequal sizes", "k-means", "high").message


def test_mixture_choice_a_gap_within_noise_is_a_tie():
    # on the wrong k the mixture beats k-means by less than 0.01: either answer passes,
    # and neither sentence says the mixture recovers the groups better
    from kmeans_teach.exercises.mixture_choice import TIE, _scores
    scores = _scores("wrong k")
    assert 0 < scores["gaussian mixture"] - scores["k-means"] <= TIE
    for method in ("k-means", "gaussian mixture"):
        feedback = kt.check_mixture_choice("wrong k", method, scores[method])
        assert feedback and "both score alike" in feedback.message
    assert not kt.check_mixture_choice("stretched blobs", "k-means", _scores("stretched blobs")["k-means"])


def test_mixture_choice_rejects_evidence_that_is_not_a_finite_number():
    # NaN compares False with everything, so a tolerance test alone would let it pass
    for bad in (float("nan"), float("inf")):
        feedback = kt.check_mixture_choice("unequal sizes", "gaussian mixture", bad)
        assert not feedback and "evidence must be a number" in feedback.message
