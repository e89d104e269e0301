"""LabelBudgetExplorer: both sliders, against the naive app.

The naive app computes the chosen budget's point from scratch (k-means with
that many clusters, the representatives' and the propagated classifier; the
rest of the curves given for free) and draws a brand-new figure of the same
size and pixel density per move.
Target: a median of at most 50 ms, and at least 2x faster than naive. The app renders
its few frames (budgets x shares) when it is built, so the moves are timed warm
(cold=False: what the user gets); the cold line shows the cost of drawing a frame.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compare, new_figure_like, report  # noqa: E402

import kmeans_teach as kt  # noqa: E402
from kmeans_teach.plotting import plot_budget_curves, plot_digit_grid  # noqa: E402


def naive_frame(app, budget, share):
    split = app.split
    reps = kt.representatives(split.X_train, budget)
    rep_labels = split.y_train[reps.index]
    kt.count_correct(kt.fit_classifier(split.X_train[reps.index], rep_labels), split)
    index, labels = kt.propagate(reps, rep_labels, share)
    kt.count_correct(kt.fit_classifier(split.X_train[index], labels), split)
    figure = new_figure_like(app)
    grid = figure.add_gridspec(1, 2)
    plot_budget_curves(figure.add_subplot(grid[0]), app.curves, budget, share)
    plot_digit_grid(figure.add_subplot(grid[1]), split.X_train[reps.index] * 16, n_tiles=200,
                    n_cols=20)
    figure.savefig(io.BytesIO(), format="png")


def main():
    app = kt.LabelBudgetExplorer(show_progress=False)
    budgets = [10, 200, 30, 150, 20, 100, 75, 50] * 3
    s = app.share_slider.value
    ours, naive = compare(app, app.budget_slider, budgets, naive_frame,
                          [(app, b, s) for b in budgets[:6]], cold=False)
    report("LabelBudgetExplorer: labels slider, warm", ours, naive, target_ms=50)
    shares = [1.0, 0.5, 0.2] * 6
    b = app.budget_slider.value
    ours, naive = compare(app, app.share_slider, shares, naive_frame,
                          [(app, b, v) for v in shares[:6]], cold=False)
    report("LabelBudgetExplorer: share slider, warm", ours, naive, target_ms=50)
    # last: cold moves clear the frame cache
    ours, naive = compare(app, app.budget_slider, budgets, naive_frame,
                          [(app, b, s) for b in budgets[:6]])
    report("LabelBudgetExplorer: labels slider, cold", ours, naive, target_ms=50)


if __name__ == "__main__":
    main()
