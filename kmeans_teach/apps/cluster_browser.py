"""ClusterBrowser: look inside each k-means cluster of the handwritten digits."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from sklearn.cluster import KMeans

from .._threads import limit_threads
from .._validation import check_int, check_random_state, check_X, rng_from
from ..datasets import lesson_digits
from ..metrics import cluster_summary, match_clusters
from ..plotting import MISMATCH_COLOR, plot_digit_grid, update_digit_grid
from .base import SliderApp
from .progress import progress

__all__ = ["ClusterBrowser"]

_ORDERS = {
    "random sample": "random",
    "farthest from center": "farthest",
}


class ClusterBrowser(SliderApp):
    """Slide over the clusters: each one's center, a grid of its members, its purity.

    k-means is fitted once, when the app is built; the slider and the order
    buttons only swap images. A member's caption is its true digit, in
    vermillion when that is not the cluster's most common digit.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 64), default=None
        Flattened 8×8 images; None means :func:`kmeans_teach.lesson_digits` (1,797 digits).
    y : ndarray of shape (n_samples,), default=None
        The true digits (needed when X is given).
    n_clusters : int, default=10
        Number of clusters k-means makes.
    random_state : int, RandomState instance or None, default=0
        Seed of ``KMeans(n_clusters, n_init=10, random_state=...)`` and of the
        random sample of members.
    n_members : int, default=40
        How many members the grid shows.
    show_progress : bool, default=True
        Show a progress bar while k-means runs (tests pass False).

    Attributes
    ----------
    labels : ndarray of shape (n_samples,)
        The cluster of every image.
    centers : ndarray of shape (n_clusters, 64)
        The k-means centers, as 8x8 images.
    summaries : list of ClusterSummary
        Size, majority digit, purity and the other digits of each cluster.
    matching : Matching
        The one-to-one (Hungarian) naming of the clusters.

    Examples
    --------
    >>> app = ClusterBrowser(show_progress=False)
    >>> app
    ClusterBrowser(n_clusters=10, cluster=0, show='random sample': 178 of 1797 digits, mostly 0, purity 0.989)
    >>> app.cluster_slider.value = 1
    >>> app.status.value.startswith("Cluster 1 of 10")
    True
    """

    def __init__(self, X=None, y=None, n_clusters=10, *, random_state=0, n_members=40,
                 show_progress=True):
        if X is None:
            if y is not None:
                raise ValueError("y was given without X: pass both, or neither for the digits.")
            X, y = lesson_digits()
        elif y is None:
            raise ValueError("X was given without y: the browser needs the true labels y to "
                             "compute each cluster's purity.")
        self.X = check_X(X)
        side = int(round(np.sqrt(self.X.shape[1])))
        if side * side != self.X.shape[1]:
            raise ValueError(f"X must hold square images flattened into rows (64 = 8×8 "
                             f"columns for the digits), but it has {self.X.shape[1]} columns.")
        self.y = np.asarray(y)
        if self.y.shape != (len(self.X),):
            raise ValueError(f"y must have one label per row of X, shape ({len(self.X)},), "
                             f"but it has shape {self.y.shape}.")
        n_clusters = check_int(n_clusters, "n_clusters", low=2, high=len(self.X))
        n_members = check_int(n_members, "n_members", low=1, high=200)
        check_random_state(random_state)  # a clear error now, not deep inside KMeans
        self.random_state = random_state

        for _ in progress(["k-means"], "fitting k-means (n_init=10)", show=show_progress):
            with limit_threads():  # the same labels on every machine and thread count
                model = KMeans(n_clusters, n_init=10, random_state=random_state).fit(self.X)
        self.labels = model.labels_
        self.centers = model.cluster_centers_
        self.summaries = [cluster_summary(self.y, self.labels, c) for c in range(n_clusters)]
        self.matching = match_clusters(self.y, self.labels, method="hungarian")
        self._members = self._choose_members(n_members)

        self.cluster_slider = widgets.IntSlider(0, 0, n_clusters - 1, description="cluster",
                                                continuous_update=True)
        self.order_buttons = widgets.ToggleButtons(options=list(_ORDERS), description="show",
                                                   style={"button_width": "150px"})
        super().__init__([widgets.HBox([self.cluster_slider, self.order_buttons])],
                         figsize=(10, 4.2),
                         alt="one k-means cluster of digits: its center and some members")
        ax_center, ax_members = self.figure.subplots(
            1, 2, gridspec_kw=dict(width_ratios=[1, 2.4]))
        self.figure.subplots_adjust(left=0.02, right=0.99, bottom=0.03, top=0.88, wspace=0.06)
        self._center = plot_digit_grid(ax_center, self.centers[:1], shape=(side, side))
        self._grid = plot_digit_grid(ax_members, self.X[:0], n_tiles=n_members,
                                     n_cols=min(n_members, 10), shape=(side, side),
                                     captions=[], fontsize=12)
        self._center_title = ax_center.set_title("center")
        self._grid_title = ax_members.set_title("members")
        self._animate([self._center.image, self._grid.image, self._grid.captions,
                       self._center_title, self._grid_title])
        self._watch(self.cluster_slider, self.order_buttons)
        # only n_clusters x 2 pictures: draw them all now, so that every move is instant
        if len(_ORDERS) * n_clusters <= self.cache_size:
            self._prerender([{self.cluster_slider: c, self.order_buttons: order}
                             for c in range(n_clusters) for order in _ORDERS])
        self.refresh()

    def _choose_members(self, n_members):
        """For each cluster and order: the indices of the members to show."""
        rng = rng_from(self.random_state)
        members = {}
        for c in range(len(self.centers)):
            inside = np.flatnonzero(self.labels == c)
            sample = np.sort(rng.choice(inside, min(n_members, len(inside)), replace=False))
            distance = ((self.X[inside] - self.centers[c]) ** 2).sum(axis=1)
            farthest = inside[np.argsort(-distance, kind="stable")[:n_members]]
            members[c, "random"] = sample
            members[c, "farthest"] = farthest
        return members

    # --- SliderApp hooks --------------------------------------------------------
    @property
    def summary(self):
        """The ClusterSummary of the cluster shown now."""
        return self.summaries[self.cluster_slider.value]

    def _order(self):
        return _ORDERS[self.order_buttons.value]

    def _state_key(self):
        return (self.cluster_slider.value, self.order_buttons.value)

    def _draw(self):
        c = self.cluster_slider.value
        s = self.summary
        shown = self._members[c, self._order()]
        digits = self.y[shown]
        colors = ["black" if d == s.majority else MISMATCH_COLOR for d in digits]
        update_digit_grid(self._center, self.centers[c:c + 1])
        update_digit_grid(self._grid, self.X[shown], captions=digits.tolist(),
                          caption_colors=colors)
        self._center_title.set_text(f"center of cluster {c}")
        self._grid_title.set_text(f"{len(shown)} of its {s.size} members "
                                  f"({self.order_buttons.value}); in vermillion: not digit "
                                  f"{s.majority}")

    def _status(self):
        s = self.summary
        words = [f"Cluster {s.cluster} of {len(self.summaries)}", f"{s.size} digits",
                 f"mostly {s.majority} (purity {s.purity:.0%})"]
        top = round(s.purity * s.size)
        tied = [d for d, n in s.others if n == top]
        if tied:
            words[-1] = (f"{' and '.join(map(str, [s.majority, *tied]))} tie with {top} each "
                         f"(purity {s.purity:.0%})")
        if s.others:
            mixed = ", ".join(f"{d} ×{n}" for d, n in s.others[:4])
            more = f" and {len(s.others) - 4} more" if len(s.others) > 4 else ""
            words.append(f"mixed up with {mixed}{more}")
        else:
            words.append("nothing mixed in")
        named = int(self.matching.predict([s.cluster])[0])
        if named != s.majority:
            words.append(f"the one-to-one matching names it {named}" if named >= 0
                         else "the one-to-one matching leaves it unnamed")
        return " · ".join(words)

    def __repr__(self):
        s = self.summary
        return self._describe(f"{s.size} of {len(self.X)} digits, mostly {s.majority}, "
                              f"purity {s.purity:.3f}", n_clusters=len(self.summaries),
                              cluster=s.cluster, show=self.order_buttons.value)
