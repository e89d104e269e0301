"""Lesson 09: representatives, propagation, budget curves, segmentation, their apps and checkers."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import kmeans_teach as kt
from kmeans_teach.plotting import plot_budget_curves, plot_budget_study, update_budget_curves

SMALL = dict(budgets=(10, 20), shares=(0.2, 1.0))


@pytest.fixture(scope="module")
def split():
    return kt.digits_split()


@pytest.fixture(scope="module")
def reps(split):
    return kt.representatives(split.X_train, 20)


def test_split_is_stratified_and_read_only(split):
    assert len(split.y_test) == 450 and len(split.y_train) == 1347
    assert np.bincount(split.y_test).min() >= 43  # every digit about 45 times (its share of 1,797)
    assert split.X_train.max() <= 1.0
    with pytest.raises(ValueError):
        split.X_train[0, 0] = 2.0


def test_representatives_are_the_nearest_images(split, reps):
    assert np.array_equal(reps.index, reps.distances.argmin(axis=0))
    # each representative belongs to its own cluster, and is its nearest member
    assert np.array_equal(reps.labels[reps.index], np.arange(20))
    assert np.allclose(reps.distances, np.linalg.norm(
        split.X_train[:, None, :] - reps.centers[None], axis=2))


def test_propagate_shares(split, reps):
    rep_labels = split.y_train[reps.index]
    all_index, all_labels = kt.propagate(reps, rep_labels, 1.0)
    assert np.array_equal(all_index, np.arange(len(split.y_train)))
    assert np.array_equal(all_labels, rep_labels[reps.labels])
    index, labels = kt.propagate(reps, rep_labels, 0.2)
    sizes = np.bincount(reps.labels)
    assert len(index) == int(np.ceil(0.2 * sizes).sum())
    assert np.isin(reps.index, index).all()  # a representative is nearest its own center
    # purer near the centers
    assert (labels == split.y_train[index]).mean() >= (all_labels == split.y_train).mean()


@pytest.mark.parametrize("share, error", [(0, ValueError), (1.5, ValueError),
                                          ("half", TypeError), (True, TypeError)])
def test_propagate_bad_share(reps, share, error):
    with pytest.raises(error, match="share must be"):
        kt.propagate(reps, np.zeros(20, dtype=int), share)


def test_propagate_bad_labels(reps):
    with pytest.raises(ValueError, match="one label per cluster"):
        kt.propagate(reps, np.zeros(3, dtype=int))


def test_curves_are_cached_and_counts(split):
    curves = kt.label_budget_curves(**SMALL)
    assert kt.label_budget_curves(**SMALL) is curves
    assert curves.propagated.shape == (2, 2)
    assert (curves.random <= 450).all() and (curves.representative >= 0).all()
    assert curves.accuracy("representative", 10) == curves.representative[0] / 450
    assert [len(i) for i in curves.representative_index] == [10, 20]


def test_budget_curve_plot_updates(split):
    curves = kt.label_budget_curves(**SMALL)
    ax = Figure().add_subplot()
    artists = plot_budget_curves(ax, curves, 10, 0.2)
    update_budget_curves(artists, 20, 1.0)
    assert artists.markers.get_xdata()[0] == 20
    assert np.allclose(artists.propagated.get_ydata(), curves.propagated[:, 1] / 4.5)


def test_pixel_features():
    image = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
    X = kt.pixel_features(image, 2.0)
    assert X.shape == (6, 5)
    assert np.allclose(X[:, :3], image.reshape(-1, 3) / 255)
    assert np.allclose(X[-1, 3:], [2 * 2 / 3, 2 * 1 / 3])
    with pytest.raises(ValueError, match="position_weight"):
        kt.pixel_features(image, -1)
    with pytest.raises(ValueError, match="RGB array"):
        kt.pixel_features(image.astype(float))


def test_segmentation_cache_and_regions():
    data = kt.SegmentationData(kt.sample_image("china.jpg"), sample_size=500)
    seg = data.segment(4, 1.0)
    assert data.segment(4, 1) is seg
    assert seg.labels.shape == data.shape and seg.sizes.sum() == data.shape[0] * data.shape[1]
    # each region's colour is the mean of its pixels
    pixels = data.image.reshape(-1, 3)[seg.labels.ravel() == 0]
    assert np.abs(seg.mean_colors[0] - pixels.mean(axis=0)).max() <= 0.5
    # more position weight, fewer border pixels
    assert (kt.region_borders(data.segment(4, 8.0).labels).mean()
            < kt.region_borders(data.segment(4, 0.0).labels).mean())


def test_label_budget_explorer_moves():
    app = kt.LabelBudgetExplorer(n_labels=10, **SMALL, show_progress=False)
    before = app.image.value
    app.budget_slider.value = 20
    assert app.image.value != before and app.status.value.startswith("20 labels")
    app.share_slider.value = 1.0
    assert "propagated to 100%" in app.status.value
    with pytest.raises(ValueError, match="n_labels must be one of"):
        kt.LabelBudgetExplorer(n_labels=15, **SMALL, show_progress=False)


def test_segmentation_explorer_moves():
    app = kt.SegmentationExplorer(n_clusters=3, sample_size=500)
    before = app.image.value
    app.k_slider.value = 5
    assert app.image.value != before and app.status.value.startswith("5 regions")
    assert "shown at 160x107" in app.status.value
    with pytest.raises(ValueError, match="position_weight must be one of"):
        kt.SegmentationExplorer(position_weight=3.0)


def test_check_representatives():
    assert kt.check_representatives(lambda d: d.argmin(axis=0))
    wrong = kt.check_representatives(lambda d: np.argsort(d, axis=0)[1])
    assert not wrong and "case 1 of 5" in wrong.message
    # right except on a tie: the last of the nearest instead of the first
    last = lambda d: len(d) - 1 - d[::-1].argmin(axis=0)
    feedback = kt.check_representatives(last)
    assert not feedback and "a tie" in feedback.message
    assert "expected a function" in kt.check_representatives(3).message
    crash = kt.check_representatives(lambda d: d.nope)
    assert "raised AttributeError" in crash.message


def test_check_label_budget_decides_on_the_validation_means():
    study = kt.label_budget_study()
    reach = [b for b in study.budgets if study.mean_accuracy("representative", b) >= 0.9]
    b = reach[0]
    acc = round(study.mean_accuracy("representative", b), 3)
    feedback = kt.check_label_budget(b, acc)
    assert feedback and "mean validation accuracy" in feedback.message
    assert "the test set" in feedback.message  # shown once, after the decision
    # two answers are right: the fewest budget that reaches the target, and the cautious
    # one, the fewest whose mean is two standard errors (seeds and binomial) above it;
    # every budget between them is told that fewer labels do
    def two_errors_above(budget):
        per_seed = study.counts("representative")[:, study.budgets.index(budget)] / study.n_validation
        mean = per_seed.mean()
        error = np.hypot(per_seed.std(ddof=1) / np.sqrt(5), np.sqrt(mean * (1 - mean) / study.n_validation))
        return mean - 0.9 >= 2 * error
    cautious = next(x for x in reach if two_errors_above(x))
    assert cautious != b  # on the lesson's study the two rules differ
    for x in reach:
        feedback = kt.check_label_budget(x, round(study.mean_accuracy("representative", x), 3))
        assert bool(feedback) == (x in (b, cautious)), x
        if x == cautious:
            assert "cautious answer" in feedback.message
        elif x != b:
            assert "fewer" in feedback.message
    assert f"a cautious buyer would take {cautious}" in kt.check_label_budget(b, acc).message
    assert 'study.mean_accuracy("representative"' in kt.check_label_budget(b, acc + 0.01).message
    assert "not" in kt.check_label_budget(b, acc + 0.01).message
    # the test-set accuracy is not the evidence any more
    test_acc = round(kt.label_budget_curves().accuracy("representative", b), 3)
    if abs(test_acc - acc) > 0.0005:
        assert not kt.check_label_budget(b, test_acc)
    assert "not one of the budgets" in kt.check_label_budget(33, 0.9).message
    assert "fraction" in kt.check_label_budget(b, 91.3).message
    assert "method must be" in kt.check_label_budget(b, acc, method="best").message
    assert "target must be" in kt.check_label_budget(b, acc, target=90).message


def test_study_never_touches_the_test_set_and_repeats_over_seeds(split):
    pool = kt.pool_and_validation()
    assert len(pool.y_train) + len(pool.y_test) == len(split.y_train)
    # pool and validation are both drawn from the training images, disjoint
    train = {row.tobytes() for row in split.X_train}
    test = {row.tobytes() for row in split.X_test}
    val = [row.tobytes() for row in pool.X_test]
    assert all(v in train for v in val)
    assert not any(v in test for v in val if v not in train)
    study = kt.label_budget_study((10, 20), (0.2, 1.0), n_seeds=3)
    assert kt.label_budget_study((10, 20), (0.2, 1.0), n_seeds=3) is study
    assert study.seeds == (0, 1, 2) and study.n_validation == len(pool.y_test)
    assert study.representative.shape == (3, 2) and study.propagated.shape == (3, 2, 2)
    assert len({tuple(row) for row in study.random}) > 1  # the seeds differ
    # seed 0 of the study is label_budget_curves' computation on the pool
    assert study.mean_accuracy("representative", 10) == study.representative[:, 0].mean() / len(pool.y_test)
    assert np.array_equal(study.counts("propagated", 1.0), study.propagated[:, :, 1])
    with pytest.raises(ValueError, match="method must be"):
        study.counts("best")
    with pytest.raises(ValueError, match="budgets"):
        kt.label_budget_study((1000,))


def test_budget_study_plot_draws_every_plan_with_a_band(split):
    study = kt.label_budget_study((10, 20), (0.2, 1.0), n_seeds=3)
    ax = Figure().add_subplot()
    lines = plot_budget_study(ax, study, target=0.9)
    assert [line.get_label() for line in lines] == [
        "random labels", "representatives", "propagated to 20% of each cluster",
        "propagated to 100% of each cluster"]
    assert np.allclose(lines[1].get_ydata(), study.representative.mean(axis=0) * 100 / 450)
    assert len(ax.collections) == 4  # one band per plan
    # the legend says what the bands are
    assert "shaded: lowest to highest seed" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_segmentation_sizes_are_written_width_by_height():
    data = kt.SegmentationData(kt.sample_image("china.jpg"), sample_size=500)
    assert repr(data).startswith("SegmentationData(160x107 pixels (width x height)")
    assert repr(data.segment(2)).startswith("Segmentation(160x107 pixels (width x height)")
