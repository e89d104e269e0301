"""Timing helpers of lesson 07: log-log slopes, fit and E-step timings, their plots."""

import dataclasses
import re
import time

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import pairwise_distances_argmin

import kmeans_teach as kt
from kmeans_teach import plotting as ktp


# ---------------------------------------------------------------- loglog_slope
@pytest.mark.parametrize("power", [0.5, 1.0, 2.0, 3.0, -1.0])
def test_slope_recovers_a_known_power(power):
    x = np.geomspace(10, 1e6, 7)
    assert kt.loglog_slope(x, 4.2 * x**power) == pytest.approx(power, abs=1e-12)


def test_slope_with_multiplicative_noise_is_close():
    rng = np.random.default_rng(1)
    x = np.geomspace(1e3, 1e6, 40)
    y = 3e-8 * x**1.5 * np.exp(rng.normal(0, 0.05, x.size))
    assert kt.loglog_slope(x, y) == pytest.approx(1.5, abs=0.03)


def test_slope_matches_numpy_polyfit_on_logs():
    rng = np.random.default_rng(2)
    x, y = rng.uniform(1, 100, 9), rng.uniform(1, 100, 9)
    expected = np.polyfit(np.log10(x), np.log10(y), 1)[0]
    assert kt.loglog_slope(x, y) == pytest.approx(expected)


def test_slope_of_a_fixed_cost_plus_linear_cost_is_below_one():
    x = np.geomspace(1e2, 1e6, 9)
    slope = kt.loglog_slope(x, 1e-3 + 1e-8 * x)
    assert 0 < slope < 1


@pytest.mark.parametrize(
    ("x", "y", "error", "match"),
    [
        ([1, 2, 3], [1, 2], ValueError, "same length"),
        ([1], [1], ValueError, "at least two points"),
        ([5, 5, 5], [1, 2, 3], ValueError, "all x values are equal"),
        ([1, 0, 3], [1, 2, 3], ValueError, "x must hold positive"),
        ([1, 2, 3], [1, -2, 3], ValueError, "y must hold positive"),
        ([1, 2, 3], [1, np.nan, 3], ValueError, "y must hold positive"),
        ([[1, 2], [3, 4]], [1, 2], ValueError, "x must be 1-D"),
        (["a", "b"], [1, 2], TypeError, "x must be a sequence of numbers"),
    ],
)
def test_slope_bad_input(x, y, error, match):
    with pytest.raises(error, match=match):
        kt.loglog_slope(x, y)


# ---------------------------------------------------------------- time_fits
@pytest.fixture(scope="module")
def blobs():
    X, _ = make_blobs(4000, centers=4, n_features=3, random_state=0)
    return X


@pytest.fixture(scope="module")
def models():
    return {
        "lloyd": KMeans(4, algorithm="lloyd", n_init=1, random_state=0),
        "elkan": KMeans(4, algorithm="elkan", n_init=1, random_state=0),
        "mini-batch": MiniBatchKMeans(4, n_init=1, batch_size=256, random_state=0),
    }


@pytest.fixture(scope="module")
def fit_times(blobs, models):
    return kt.time_fits(models, blobs, [500, 1000, 4000], start=blobs[:4], repeats=2)


def test_fit_times_is_a_tidy_table(fit_times):
    assert len(fit_times) == 9
    assert fit_times.methods == ("lloyd", "elkan", "mini-batch")
    assert fit_times.n_samples == (500,) * 3 + (1000,) * 3 + (4000,) * 3
    assert fit_times.method == ("lloyd", "elkan", "mini-batch") * 3
    for field in dataclasses.fields(fit_times):
        assert len(getattr(fit_times, field.name)) == 9
    assert all(s > 0 for s in fit_times.seconds)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fit_times.seconds = ()


def test_fit_times_match_scikit_learn_from_the_same_start(blobs, fit_times):
    for n in (500, 4000):
        km = KMeans(4, init=blobs[:4], n_init=1).fit(blobs[:n])
        row = fit_times.n_samples.index(n)  # the lloyd row of this n
        assert fit_times.n_iter[row] == km.n_iter_
        assert fit_times.inertia[row] == pytest.approx(km.inertia_, rel=1e-9)
    # lloyd and elkan are two routes to the same answer
    np.testing.assert_allclose(fit_times.column("inertia", "lloyd"),
                               fit_times.column("inertia", "elkan"), rtol=1e-9)


def test_relative_inertia_is_one_for_the_best(fit_times):
    rel = np.array(fit_times.relative_inertia).reshape(3, 3)
    assert (rel >= 1).all()
    np.testing.assert_allclose(rel.min(axis=1), 1.0)
    inert = np.array(fit_times.inertia).reshape(3, 3)
    np.testing.assert_allclose(rel, inert / inert.min(axis=1, keepdims=True))


def test_relative_inertia_when_the_best_is_zero():
    times = kt.FitTimes(("a", "b", "a", "b"), (10, 10, 20, 20), (1.0,) * 4, (1,) * 4, (1,) * 4,
                        (1.0,) * 4, (0.0, 0.0, 0.0, 2.5))
    assert times.relative_inertia == (1.0, 1.0, 1.0, float("inf"))


def test_minibatch_rows_count_steps_and_passes(fit_times):
    steps = fit_times.column("n_steps", "mini-batch")
    passes = fit_times.column("n_iter", "mini-batch")
    assert (steps >= passes).all() and steps[-1] > passes[-1]
    np.testing.assert_array_equal(fit_times.column("n_steps", "lloyd"),
                                  fit_times.column("n_iter", "lloyd"))
    per_iter = fit_times.column("seconds_per_iter", "mini-batch")
    np.testing.assert_allclose(per_iter, fit_times.column("seconds", "mini-batch") / passes)


def test_passes_count_the_points_the_updates_used(blobs, fit_times):
    # KMeans: one full pass per iteration; mini-batch: n_steps_ batches of 256 points out of n,
    # where n_iter_ is scikit-learn's rounded-up count (1 at n = 4000 though 256 · steps < 4000 may hold)
    np.testing.assert_array_equal(fit_times.column("passes", "lloyd"),
                                  fit_times.column("n_iter", "lloyd"))
    steps = fit_times.column("n_steps", "mini-batch")
    n = fit_times.column("n_samples", "mini-batch")
    np.testing.assert_allclose(fit_times.column("passes", "mini-batch"), steps * 256 / n)
    np.testing.assert_array_equal(fit_times.column("n_iter", "mini-batch"),
                                  np.ceil(steps * 256 / n).astype(int))
    # a batch larger than n is cut to n by scikit-learn: every update is one pass
    small = kt.time_fits({"mb": MiniBatchKMeans(4, n_init=1, batch_size=1024, random_state=0)},
                         blobs, [500], repeats=1)
    assert small.passes[0] == small.n_steps[0]


def test_column_bad_names(fit_times):
    with pytest.raises(ValueError, match="method must be one of"):
        fit_times.column("seconds", "kmeans")
    with pytest.raises(ValueError, match="is not a column"):
        fit_times.column("methods", "lloyd")
    with pytest.raises(ValueError, match="is not a column"):
        fit_times.column("nope", "lloyd")


def test_without_start_each_model_seeds_itself(blobs):
    times = kt.time_fits({"lloyd": KMeans(4, n_init=1, random_state=3)}, blobs, [4000], repeats=1)
    km = KMeans(4, n_init=1, random_state=3).fit(blobs)
    assert times.inertia[0] == pytest.approx(km.inertia_, rel=1e-9)


def test_time_fits_does_not_change_the_given_models(blobs, models, fit_times):
    assert models["lloyd"].get_params()["init"] == "k-means++"
    assert not hasattr(models["lloyd"], "cluster_centers_")


def test_time_fits_measures_wall_clock_time(blobs):
    class SlowKMeans(KMeans):
        def fit(self, X, y=None, sample_weight=None):
            time.sleep(0.02)
            return super().fit(X, y, sample_weight)

    times = kt.time_fits({"slow": SlowKMeans(4, n_init=1, random_state=0)}, blobs, [1000],
                         repeats=1, clock="wall")
    assert times.seconds[0] >= 0.02


def test_cpu_clock_leaves_out_time_spent_waiting(blobs):
    # sleeping takes no CPU time: the default clock ("cpu") does not count it
    class SleepyKMeans(KMeans):
        def fit(self, X, y=None, sample_weight=None):
            time.sleep(0.2)
            return super().fit(X, y, sample_weight)

    times = kt.time_fits({"sleepy": SleepyKMeans(4, n_init=1, random_state=0)}, blobs, [1000],
                         repeats=1)
    assert times.seconds[0] < 0.15
    assert kt.time_call(lambda: time.sleep(0.2), repeats=1) < 0.15
    assert kt.time_call(lambda: time.sleep(0.05), repeats=1, clock="wall") >= 0.05


def test_time_call_keeps_the_best_and_stops_after_max_seconds():
    calls = []

    def work():
        calls.append(1)
        time.sleep(0.05)

    seconds = kt.time_call(work, repeats=50, max_seconds=0.12, clock="wall")
    assert 0.05 <= seconds and 2 <= len(calls) <= 3
    with pytest.raises(TypeError, match="func must be callable"):
        kt.time_call("work")
    with pytest.raises(ValueError, match="clock must be 'cpu'"):
        kt.time_call(work, clock="cpu time")


def test_max_seconds_limits_the_repeats(blobs):
    calls = []

    class CountingKMeans(KMeans):
        def fit(self, X, y=None, sample_weight=None):
            calls.append(len(X))
            time.sleep(0.05)
            return super().fit(X, y, sample_weight)

    kt.time_fits({"c": CountingKMeans(4, n_init=1)}, blobs, [1000], repeats=50, max_seconds=0.12)
    # one warm-up, then at most 3 timed fits of >= 0.05 s each before 0.12 s are spent
    assert 2 <= len(calls) <= 1 + 3


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"models": []}, TypeError, "models must be a non-empty dict"),
        ({"models": {}}, TypeError, "models must be a non-empty dict"),
        ({"models": {"x": "KMeans"}}, TypeError, "must be a scikit-learn estimator"),
        ({"models": {1: KMeans(4)}}, TypeError, "every key of models"),
        ({"n_samples": []}, ValueError, "n_samples is empty"),
        ({"n_samples": [10**6]}, ValueError, "between n_clusters"),
        ({"n_samples": [2]}, ValueError, "between n_clusters"),
        ({"n_samples": [1000.0]}, TypeError, "must be an integer"),
        ({"n_samples": 1000}, TypeError, "n_samples must be a sequence"),
        ({"start": np.zeros((3, 3))}, ValueError, r"start must be finite centers of shape"),
        ({"start": np.full((4, 3), np.nan)}, ValueError, "start must be finite"),
        ({"repeats": 0}, ValueError, "repeats must be at least 1"),
        ({"max_seconds": 0}, ValueError, "max_seconds must be a finite number > 0"),
        ({"max_seconds": "1"}, TypeError, "max_seconds must be a finite number > 0"),
        ({"n_threads": 0}, ValueError, "n_threads must be at least 1"),
        ({"clock": "process"}, ValueError, "clock must be 'cpu'"),
        ({"X": np.zeros(10)}, ValueError, "X must be 2-D"),
    ],
)
def test_time_fits_bad_input(blobs, kwargs, error, match):
    args = {"models": {"lloyd": KMeans(4, n_init=1)}, "X": blobs, "n_samples": [1000]}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        kt.time_fits(args.pop("models"), args.pop("X"), args.pop("n_samples"), **args)


def test_start_needs_one_number_of_clusters(blobs):
    with pytest.raises(ValueError, match="different n_clusters"):
        kt.time_fits({"a": KMeans(4), "b": KMeans(3)}, blobs, [1000], start=blobs[:4])


# ---------------------------------------------------------------- time_iterations
@pytest.fixture(scope="module")
def spread():
    """Overlapping blobs, so that Lloyd from the first 6 points runs many iterations."""
    X, _ = make_blobs(6000, centers=6, n_features=4, cluster_std=4.0, random_state=1)
    return X


def test_time_iterations_fits_m_and_2m_iterations_from_the_start(spread, monkeypatch):
    seen = []
    fit = KMeans.fit

    def recording_fit(self, X, y=None, sample_weight=None):
        result = fit(self, X, y, sample_weight)
        seen.append((len(X), self.max_iter, self.tol, self.n_init, result.n_iter_,
                     np.array_equal(self.init, spread[:6])))
        return result

    monkeypatch.setattr(KMeans, "fit", recording_fit)
    iters = kt.time_iterations(KMeans(6), spread, [2000, 6000], start=spread[:6], max_iter=3,
                               repeats=2)
    assert iters.n_samples == (2000, 6000) and iters.max_iter == 3
    timed = seen[1:]  # after one untimed warm-up fit
    assert [(n, m) for n, m, *_ in timed] == [(2000, 3), (2000, 6)] * 2 + [(6000, 3), (6000, 6)] * 2
    assert all(tol == 0 and n_init == 1 and ran == m and same_start
               for _, m, tol, n_init, ran, same_start in seen)


def test_iteration_times_difference_the_two_fits():
    iters = kt.IterationTimes((1000, 2000), 10, (0.030, 0.050), (0.040, 0.070))
    np.testing.assert_allclose(iters.seconds_per_iter, (0.001, 0.002))
    np.testing.assert_allclose(iters.fixed_seconds, (0.020, 0.030))
    # the two parts add up to each measured time
    for short, long, one, once in zip(iters.seconds_short, iters.seconds_long,
                                      iters.seconds_per_iter, iters.fixed_seconds):
        assert once + 10 * one == pytest.approx(short) and once + 20 * one == pytest.approx(long)


def test_time_iterations_separates_a_per_fit_cost(spread):
    # a fit that sleeps 0.1 s once: on the wall clock, the once-per-fit part holds it,
    # and the time of one iteration does not
    class SlowStart(KMeans):
        def fit(self, X, y=None, sample_weight=None):
            time.sleep(0.1)
            return super().fit(X, y, sample_weight)

    iters = kt.time_iterations(SlowStart(6), spread, [6000], start=spread[:6], max_iter=3,
                               repeats=2, clock="wall")
    assert iters.fixed_seconds[0] > 0.08
    assert iters.seconds_per_iter[0] < 0.02


def test_time_iterations_refuses_a_fit_that_converged_early(spread):
    # from the converged centers no label changes: scikit-learn stops, even with tol=0
    X, _ = make_blobs(2000, centers=3, random_state=0)
    centers = KMeans(3, n_init=1, random_state=0).fit(X).cluster_centers_
    with pytest.raises(ValueError, match=r"stopped after \d iterations, before max_iter = 5"):
        kt.time_iterations(KMeans(3), X, [2000], start=centers, max_iter=5, repeats=1)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"model": "KMeans"}, TypeError, "must be a scikit-learn estimator"),
        ({"n_samples": []}, ValueError, "n_samples is empty"),
        ({"n_samples": [10**6]}, ValueError, "between n_clusters"),
        ({"n_samples": [100.0]}, TypeError, "must be an integer"),
        ({"n_samples": 1000}, TypeError, "n_samples must be a sequence"),
        ({"start": np.zeros((5, 4))}, ValueError, "start must be finite centers of shape"),
        ({"max_iter": 0}, ValueError, "max_iter must be at least 1"),
        ({"repeats": 0}, ValueError, "repeats must be at least 1"),
        ({"clock": "wallclock"}, ValueError, "clock must be 'cpu'"),
    ],
)
def test_time_iterations_bad_input(spread, kwargs, error, match):
    args = {"model": KMeans(6), "X": spread, "n_samples": [1000], "start": spread[:6], "max_iter": 2}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        kt.time_iterations(args.pop("model"), args.pop("X"), args.pop("n_samples"), **args)


# ---------------------------------------------------------------- time_assign
@pytest.mark.parametrize("vary", ["n_samples", "n_clusters", "n_features"])
def test_time_assign_records_the_sweep(vary):
    sweep = kt.time_assign([2, 4, 8], vary=vary, n_samples=500, n_clusters=3, n_features=2,
                           repeats=1)
    assert sweep.vary == vary and sweep.values == (2, 4, 8)
    assert len(sweep.seconds) == 3 and all(s > 0 for s in sweep.seconds)
    assert vary not in dict(sweep.fixed) and len(sweep.fixed) == 2
    assert sweep.slope == pytest.approx(kt.loglog_slope(sweep.values, sweep.seconds))


def test_time_assign_calls_func_with_the_right_shapes():
    shapes = []

    def spy(X, centers):
        shapes.append((X.shape, centers.shape))
        return pairwise_distances_argmin(X, centers)

    kt.time_assign([3, 5], vary="n_clusters", n_samples=1500, n_features=4, func=spy, repeats=1)
    assert ((1500, 4), (3, 4)) in shapes and ((1500, 4), (5, 4)) in shapes


def test_time_assign_grows_with_n():
    # 100 times more points cannot take less time (robust even on a busy machine).
    sweep = kt.time_assign([1_000, 100_000], vary="n_samples", n_clusters=8, n_features=8)
    assert sweep.seconds[1] > 5 * sweep.seconds[0]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"vary": "k"}, ValueError, "vary must be one of"),
        ({"values": []}, ValueError, "values is empty"),
        ({"values": [0, 2]}, ValueError, "at least 1"),
        ({"values": 5}, TypeError, "values must be a sequence"),
        ({"n_clusters": 0}, ValueError, "n_clusters must be at least 1"),
        ({"func": "assign"}, TypeError, "func must be callable"),
        ({"func": lambda X, c: np.zeros(3)}, ValueError, "one label per point"),
        ({"repeats": 1.5}, TypeError, "repeats must be an integer"),
    ],
)
def test_time_assign_bad_input(kwargs, error, match):
    args = {"values": [10, 20], "vary": "n_samples", "repeats": 1}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        kt.time_assign(args.pop("values"), **args)


# ---------------------------------------------------------------- plotting
@pytest.fixture
def ax():
    figure = Figure()
    FigureCanvasAgg(figure)
    return figure.subplots()


def test_plot_fit_times_draws_one_line_per_method(ax, fit_times):
    artists = ktp.plot_fit_times(ax, fit_times, y="seconds_per_iter")
    assert len(artists.lines) == 3 and artists.guide is not None
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    x, y = artists.lines[0].get_data()
    np.testing.assert_array_equal(x, [500, 1000, 4000])
    np.testing.assert_allclose(y, fit_times.column("seconds_per_iter", "lloyd"))
    assert artists.lines[0].get_label().startswith("lloyd (slope ")
    # the guide has slope 1
    gx, gy = artists.guide.get_data()
    assert kt.loglog_slope(gx, gy) == pytest.approx(1.0)
    assert artists.lines[0].get_color() != artists.lines[1].get_color()
    assert artists.lines[0].get_marker() != artists.lines[1].get_marker()


def test_plot_relative_inertia_is_linear_in_y_without_guide(ax, fit_times):
    artists = ktp.plot_fit_times(ax, fit_times, y="relative_inertia")
    assert artists.guide is None and ax.get_yscale() == "linear"
    assert artists.lines[0].get_label() == "lloyd"


def test_update_fit_times_moves_the_lines(ax, fit_times):
    artists = ktp.plot_fit_times(ax, fit_times)
    doubled = dataclasses.replace(fit_times, seconds=tuple(2 * s for s in fit_times.seconds))
    ktp.update_fit_times(artists, doubled)
    np.testing.assert_allclose(artists.lines[2].get_data()[1],
                               2 * fit_times.column("seconds", "mini-batch"))
    fewer = dataclasses.replace(fit_times, method=("a",) * 9)
    with pytest.raises(ValueError, match="draw a new plot"):
        ktp.update_fit_times(artists, fewer)


def test_plot_fit_times_a_subset_keeps_each_methods_colour(ax, fit_times):
    everything = ktp.plot_fit_times(ax, fit_times)
    figure = Figure()
    FigureCanvasAgg(figure)
    subset = ktp.plot_fit_times(figure.subplots(), fit_times, methods=["mini-batch"])
    assert len(subset.lines) == 1
    assert subset.lines[0].get_color() == everything.lines[2].get_color()
    with pytest.raises(ValueError, match="methods must be a non-empty list"):
        ktp.plot_fit_times(ax, fit_times, methods=["kmeans"])


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.3124, "312 ms"), (1.2549, "1.25 s"), (4.8e-5, "48.0 µs"), (0.99996, "1.00 s"),
     (0.0009999, "1.00 ms"), (12.345, "12.3 s"), (4321.0, "4321 s")],
)
def test_format_seconds(seconds, text):
    assert kt.format_seconds(seconds) == text


@pytest.mark.parametrize("bad, error", [(-1.0, ValueError), (np.nan, ValueError),
                                        (np.inf, ValueError), ("1 s", TypeError),
                                        (True, TypeError)])
def test_format_seconds_bad_input(bad, error):
    with pytest.raises(error, match="seconds must be a finite number"):
        kt.format_seconds(bad)


def test_plot_fit_times_bad_column(ax, fit_times):
    with pytest.raises(ValueError, match="y must be one of"):
        ktp.plot_fit_times(ax, fit_times, y="inertia_ratio")


def test_plot_sweep_and_update(ax):
    sweep = kt.SweepTimes("n_clusters", (2, 4, 8), (1e-3, 2e-3, 4e-3), (("n_samples", 10),
                                                                        ("n_features", 2)))
    artists = ktp.plot_sweep(ax, sweep, label="kt.assign")
    x, y = artists.fit.get_data()
    assert kt.loglog_slope(x, y) == pytest.approx(1.0)
    assert artists.fit.get_label() == "kt.assign fit: slope 1.00"
    assert ax.get_xlabel().startswith("k") and "n = 10" in ax.get_title()
    ktp.update_sweep(artists, dataclasses.replace(sweep, seconds=(1e-3, 4e-3, 16e-3)))
    assert artists.fit.get_label() == "kt.assign fit: slope 2.00"
    np.testing.assert_allclose(artists.points.get_data()[1], [1e-3, 4e-3, 16e-3])
    one = dataclasses.replace(sweep, values=(2,), seconds=(1e-3,))
    with pytest.raises(ValueError, match="at least two values"):
        ktp.plot_sweep(ax, one)


def test_plot_sweep_without_fit_joins_the_points(ax):
    sweep = kt.SweepTimes("n_clusters", (2, 4, 8), (1e-3, 1.5e-3, 4e-3), (("n_samples", 10),
                                                                          ("n_features", 2)))
    artists = ktp.plot_sweep(ax, sweep, label="kt.assign", fit=False)
    np.testing.assert_allclose(artists.fit.get_data()[1], sweep.seconds)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["kt.assign", "slope 1"]  # no fitted slope in the legend
    ktp.update_sweep(artists, dataclasses.replace(sweep, seconds=(1e-3, 2e-3, 8e-3)))
    np.testing.assert_allclose(artists.fit.get_data()[1], [1e-3, 2e-3, 8e-3])
    assert artists.fit.get_label() == "_nolegend_"


def test_plot_sweep_names_what_was_timed(ax):
    sweep = kt.SweepTimes("n_samples", (10, 20), (1e-3, 2e-3), (("n_clusters", 2), ("n_features", 2)))
    ktp.plot_sweep(ax, sweep)
    assert ax.get_ylabel() == "time of one E-step (s)"
    ax.clear()
    ktp.plot_sweep(ax, sweep, ylabel="time of one iteration (s)")
    assert ax.get_ylabel() == "time of one iteration (s)"


def test_plotting_touches_only_its_axes(fit_times):
    figure = Figure()
    FigureCanvasAgg(figure)
    ax, other = figure.subplots(1, 2)
    ktp.plot_fit_times(ax, fit_times)
    assert not other.lines and other.get_legend() is None


# ---------------------------------------------------------------- exercise checker
def test_checker_accepts_least_squares_in_any_base():
    assert kt.check_loglog_slope(lambda x, y: np.polyfit(np.log10(x), np.log10(y), 1)[0])
    assert kt.check_loglog_slope(kt.loglog_slope)
    assert "8 cases" in repr(kt.check_loglog_slope(kt.loglog_slope))


def _only_for(slope_value):
    """A 'solution' that knows one answer: right only on the cases with that slope."""
    return lambda x, y: slope_value


@pytest.mark.parametrize(
    ("func", "match"),
    [
        (lambda x, y: 0.0, r"^Not yet: case 1 of 8 \(y = 5e-8 · x, linear: slope 1\): the slope is 1.00, but .* 0.00"),
        (lambda x, y: np.polyfit(np.log(x), np.log(y), 1), "take element 0"),
        (lambda x, y: np.polyfit(np.log(x), np.log(y), 1)[1], "That is the intercept"),
        (lambda x, y: np.polyfit(x, y, 1)[0], "take the logarithm"),
        (lambda x, y: np.log(y[-1] / y[0]) / np.log(x[-1] / x[0]), "only the smallest and largest"),
        (lambda x, y: 1 / 0, "raised ZeroDivisionError"),
        (lambda x, y: np.nan, "gave nan"),
        ("slope", "expected a function"),
    ],
)
def test_checker_says_what_is_wrong(func, match):
    feedback = kt.check_loglog_slope(func)
    assert not feedback
    assert re.search(match, repr(feedback))


def test_checker_catches_a_function_that_knows_only_the_old_example():
    feedback = kt.check_loglog_slope(_only_for(1.0))  # right on y = 5e-8 x only
    assert not feedback and "case 2 of 8 (y = 3e-12 · x², quadratic" in repr(feedback)


@pytest.mark.parametrize(
    ("func", "case"),
    [
        # each special case can fail on its own: a function right everywhere else
        (lambda x, y: -kt.loglog_slope(x, y) if kt.loglog_slope(x, y) < 0 else kt.loglog_slope(x, y),
         "case 4 of 8 (y = 40 / x, time that falls"),
        # a 'slope' of log y / log x is right for c·x**p only if c = 1; constant times catch it early
        (lambda x, y: 1.0 if np.ptp(y) == 0 else kt.loglog_slope(x, y), "case 5 of 8 (constant times"),
        (lambda x, y: 0.0 if len(x) == 2 else kt.loglog_slope(x, y), "case 6 of 8 (only two points"),
        # the slope through the smallest and largest x: right on exact power laws, not on noise
        (lambda x, y: np.log(y[np.argmax(x)] / y[np.argmin(x)]) / np.log(x.max() / x.min()),
         "case 7 of 8 (8 noisy timings"),
        # assumes x is sorted: first and last point of the noisy, then shuffled, timings
        (lambda x, y: kt.loglog_slope(x, y) if np.all(np.diff(x) > 0) else 1.0,
         "case 8 of 8 (x not sorted"),
    ],
)
def test_each_case_can_fail_on_its_own(func, case):
    feedback = kt.check_loglog_slope(func)
    assert not feedback
    assert case in repr(feedback), repr(feedback)
