"""The decision exercises of lessons 03 (which k) and 04 (which method): right, wrong, misquoted."""

import numpy as np
import pytest
from sklearn.datasets import make_blobs, make_moons

import kmeans_teach as kt

X_BLOBS = kt.lesson_blobs()[0]
KS = range(1, 7)  # small scans keep the tests quick


# --- lesson 03: which k --------------------------------------------------------------------

def test_k_choice_by_the_silhouette_right_wrong_and_misquoted():
    sil = {f.n_clusters: f.silhouette_mean for f in kt.scan_k(X_BLOBS, KS)[1:]}
    best = max(sil, key=sil.get)
    good = kt.check_k_choice(X_BLOBS, best, round(sil[best], 2), ks=KS)
    assert good and repr(good).startswith("Correct: ") and f"k = {best}" in good.message
    assert "runner-up" in good.message  # what would change the decision
    wrong = kt.check_k_choice(X_BLOBS, 5, round(sil[5], 3), ks=KS)
    assert not wrong and f"choose k = {best}" in wrong.message
    misquoted = kt.check_k_choice(X_BLOBS, best, 0.9, ks=KS)
    assert not misquoted and f"{sil[best]:.3f}" in misquoted.message and "quoted 0.9" in misquoted.message
    assert misquoted.message.count(" but ") == 1, misquoted.message  # one "but", not two
    assert "needs k >= 2" in kt.check_k_choice(X_BLOBS, 1, 0.0, ks=KS).message


def test_k_choice_by_the_gap_follows_the_one_se_rule():
    gap = kt.gap_statistic(X_BLOBS, KS, n_refs=10, n_init=3, random_state=0)
    i = list(gap.k).index(gap.choice)
    good = kt.check_k_choice(X_BLOBS, gap.choice, gap.gap[i], criterion="gap", ks=KS)
    assert good and "1-SE rule picks" in good.message
    too_few = kt.check_k_choice(X_BLOBS, gap.choice - 1, 0.0, criterion="gap", ks=KS)
    assert not too_few and "does not stop" in too_few.message
    too_many = kt.check_k_choice(X_BLOBS, gap.choice + 1, 0.0, criterion="gap", ks=KS)
    assert not too_many and "smallest k that passes" in too_many.message
    misquoted = kt.check_k_choice(X_BLOBS, gap.choice, gap.gap[i] + 0.1, criterion="gap", ks=KS)
    assert not misquoted and "quote the number" in misquoted.message
    assert misquoted.message.count(" but ") == 1, misquoted.message  # one "but", not two


def test_k_choice_accepts_a_tie_within_the_tolerance():
    # two far apart pairs of blobs: k = 2 and k = 4 are both plausible; whichever is
    # within 0.005 of the best silhouette is accepted
    X, _ = make_blobs(200, centers=[[0, 0], [0, 3], [30, 0], [30, 3]], cluster_std=0.5,
                      random_state=0)
    sil = {f.n_clusters: f.silhouette_mean for f in kt.scan_k(X, KS)[1:]}
    best = max(sil, key=sil.get)
    for k, s in sil.items():
        assert bool(kt.check_k_choice(X, k, s, ks=KS)) == (s >= sil[best] - 0.005)


@pytest.mark.parametrize("kwargs, words", [
    (dict(k=None, evidence=None), "Hint: kt.scan_k on these data"),
    (dict(k=None, evidence=None, criterion="gap"), "Hint: kt.gap_statistic on these data"),
    (dict(k=4, evidence=0.7, criterion="elbow"), "criterion must be"),
    (dict(k=12, evidence=0.7), "one of the k compared"),
    (dict(k=4.0, evidence=0.7), "one of the k compared"),
    (dict(k=4, evidence="high"), "must be a number"),
])
def test_k_choice_bad_input_gets_a_sentence(kwargs, words):
    feedback = kt.check_k_choice(X_BLOBS, ks=KS, **kwargs)
    assert not feedback and words in feedback.message


# --- lesson 04: which method ---------------------------------------------------------------

MOONS = make_moons(200, noise=0.05, random_state=0)


def test_method_choice_right_wrong_and_misquoted():
    X, y = MOONS
    good = kt.check_method_choice(X, y, "spectral", 1.0)
    assert good and "k-means would win only if" in good.message
    wrong = kt.check_method_choice(X, y, "k-means", 0.256)
    assert not wrong and "choose spectral clustering" in wrong.message
    misquoted = kt.check_method_choice(X, y, "Spectral clustering", 0.9)
    assert not misquoted and "quote the number" in misquoted.message


def test_method_choice_tie_accepts_both_and_says_so():
    X, y = kt.lesson_blobs()  # both methods find the 4 round blobs
    for method in ("k-means", "spectral"):
        feedback = kt.check_method_choice(X, y, method, 1.0, n_clusters=4)
        assert feedback and "either is defensible" in feedback.message


def test_method_choice_refuses_an_undetermined_spectral_answer():
    X, y = MOONS
    feedback = kt.check_method_choice(X, y, "k-means", 0.256, n_neighbors=5)
    assert not feedback and "not determined" in feedback.message and "4 pieces" in feedback.message


@pytest.mark.parametrize("method, evidence, y, words", [
    (None, None, MOONS[1], "Hint: run both"),
    ("dbscan", 1.0, MOONS[1], "must be 'k-means' or 'spectral'"),
    ("k-means", "good", MOONS[1], "must be a number"),
    ("k-means", 0.3, MOONS[1][:10], "one group per point"),
])
def test_method_choice_bad_input_gets_a_sentence(method, evidence, y, words):
    feedback = kt.check_method_choice(MOONS[0], y, method, evidence)
    assert not feedback and words in feedback.message


def test_decision_checkers_are_exported():
    from kmeans_teach import exercises
    for name in ("check_k_choice", "check_method_choice"):
        assert name in kt.__all__ and name in exercises.__all__
        assert getattr(kt, name) is getattr(exercises, name)


def test_a_random_state_instance_is_computed_without_the_cache():
    rs = np.random.RandomState(0)
    feedback = kt.check_k_choice(X_BLOBS, 4, 0.68, ks=KS, random_state=rs)
    assert feedback and "k = 4" in feedback.message
    X, y = MOONS
    assert kt.check_method_choice(X, y, "spectral", 1.0, random_state=np.random.RandomState(0))


def test_k_choice_accepts_the_k_each_criterion_defends_and_says_they_disagree():
    # lesson 03's Decide data: 5 blobs, of which two lie close. The silhouette prefers 4,
    # the gap's 1-SE rule 5 (the number of blobs): both are defensible, each by its own
    # criterion, and each verdict names the other criterion's choice.
    X, _ = make_blobs(n_samples=400, centers=5, random_state=4)
    sil = {f.n_clusters: f.silhouette_mean for f in kt.scan_k(X)[1:]}
    gap = kt.gap_statistic(X, range(1, 11), n_refs=10, n_init=3, random_state=0)
    assert max(sil, key=sil.get) == 4 and gap.choice == 5  # the disagreement itself
    five = kt.check_k_choice(X, 5, gap.gap[4], criterion="gap")
    assert five and "silhouette chooses k = 4" in five.message and "disagree" in five.message
    four = kt.check_k_choice(X, 4, sil[4])
    assert four and "gap chooses k = 5" in four.message and "disagree" in four.message
    # k = 5 quoted with its silhouette is not marked wrong-and-forgotten: it is pointed to
    # the criterion that supports it
    five_by_sil = kt.check_k_choice(X, 5, sil[5])
    assert not five_by_sil and "does choose k = 5" in five_by_sil.message
    assert "my_criterion = 'gap'" in five_by_sil.message
    four_by_gap = kt.check_k_choice(X, 4, gap.gap[3], criterion="gap")
    assert not four_by_gap and "my_criterion = 'silhouette'" in four_by_gap.message
    # a k that neither criterion chooses is wrong, and the verdict says both choices
    three = kt.check_k_choice(X, 3, sil[3])
    assert not three and "choose k = 4" in three.message and "it chooses k = 5" in three.message


def test_k_choice_says_when_the_criteria_agree():
    sil = {f.n_clusters: f.silhouette_mean for f in kt.scan_k(X_BLOBS, KS)[1:]}
    feedback = kt.check_k_choice(X_BLOBS, 4, sil[4], ks=KS)
    assert feedback and "The gap chooses k = 4 too." in feedback.message
