"""Lesson 09: representatives, propagation, budget curves, segmentation, their apps and checkers."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import kmeans_teach as kt
from kmeans_teach.plotting import plot_budget_curves, update_budget_curves

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


def test_check_label_budget():
    curves = kt.label_budget_curves()
    reach = [b for b in curves.budgets if curves.accuracy("representative", b) >= 0.9]
    b = reach[0]
    acc = round(curves.accuracy("representative", b), 3)
    assert kt.check_label_budget(b, acc)
    assert "fewer" in kt.check_label_budget(reach[1], round(
        curves.accuracy("representative", reach[1]), 3)).message
    assert "not" in kt.check_label_budget(b, acc + 0.01).message
    assert "not one of the budgets" in kt.check_label_budget(33, 0.9).message
    assert "fraction" in kt.check_label_budget(b, 91.3).message
    assert "method must be" in kt.check_label_budget(b, acc, method="best").message
    assert "target must be" in kt.check_label_budget(b, acc, target=90).message
