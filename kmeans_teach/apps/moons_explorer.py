"""MoonsExplorer: k-means against spectral clustering on two moons, with sliders."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..plotting import (
    plot_centers,
    plot_embedding,
    plot_points,
    plot_voronoi,
    update_centers,
    update_embedding,
    update_points,
    update_voronoi,
)
from ..spectral import GRAPH_WARNING, compare_on_moons
from ..plotting._axes import padded_limits
from .base import SliderApp
from .progress import progress

__all__ = ["MoonsExplorer"]

#: The sliders' values: every pair is computed once, when the app is built.
NOISE_VALUES = tuple(round(0.025 * i, 3) for i in range(9))  # 0.0 ... 0.2
N_NEIGHBORS_VALUES = tuple(range(3, 21))


def _graph_words(case, n_clusters=2):
    """One clause on the neighbour graph: connected, or in how many pieces and what that does."""
    emb = case.embedding
    pieces = emb.n_graph_components
    if pieces == 1:
        if case.ari_spectral < 0.9:
            return "graph connected, but the moons touch, so the graph joins them"
        return "graph connected"
    said = f"scikit-learn warns \"{GRAPH_WARNING}\": the graph has {pieces} pieces"
    if pieces == n_clusters:
        same = len(np.unique(emb.graph_labels * 2 + case.y)) == n_clusters
        what = "the two moons" if same else "not the two moons"
        return (f"{said}, {what}; each piece sits on one spot of the embedding, "
                f"so k-means only has to tell {n_clusters} spots apart")
    # which whole pieces k-means joins is not determined (see
    # MoonsComparison.spectral_determined), so say so rather than judge this one outcome
    return (f"{said}, more than {n_clusters} clusters, so k-means can only group whole pieces, "
            "and which it groups is not determined (it changes with the CPU's arithmetic): "
            "spectral clustering breaks (raise n_neighbors)")


class MoonsExplorer(SliderApp):
    """Two moons: k-means, spectral clustering and the spectral embedding, side by side.

    Left, k-means with k=2 and its decision regions (the Voronoi cells of its
    two centers: a straight border). Middle, spectral clustering. Right, the
    spectral embedding where spectral clustering runs k-means, coloured as in
    the middle. Titles carry the adjusted Rand index (ARI) with the true moons;
    the status line says whether the neighbour graph is connected.

    Every (noise, n_neighbors) pair of the sliders is computed once, when the
    app is built (a progress bar shows it); moving a slider only redraws.

    Parameters
    ----------
    noise : float, default=0.05
        Starting noise (the lesson's case); must be one of ``noise_values``.
    n_neighbors : int, default=10
        Starting n_neighbors (scikit-learn's default); one of ``n_neighbors_values``.
    noise_values : sequence of float, default=0, 0.025, ..., 0.2
        The noise levels the noise slider offers.
    n_neighbors_values : sequence of int, default=3, 4, ..., 20
        The values the n_neighbors slider offers.
    n_samples : int, default=200
        Points in each two-moons data set.
    random_state : int, RandomState instance or None, default=0
        Seed for the data, k-means and the eigenvector solver.
    show_progress : bool, default=True
        Show a progress bar while the cases are computed (tests pass False).

    Attributes
    ----------
    cases : dict
        ``(noise, n_neighbors) -> MoonsComparison`` for every slider position.

    Examples
    --------
    >>> app = MoonsExplorer(noise_values=[0.05, 0.1], n_neighbors_values=[5, 10],
    ...                     show_progress=False)
    >>> app
    MoonsExplorer(noise=0.05, n_neighbors=10: k-means ARI 0.256, spectral ARI 1.000, graph in 2 pieces)
    >>> app.noise_slider.value = 0.1
    >>> app.status.value
    'noise 0.100 · n_neighbors 10 · k-means ARI 0.227 · spectral ARI 0.607 · graph connected, but the moons touch, so the graph joins them'
    """  # noqa: E501 (a doctest's output, one line)

    def __init__(self, noise=0.05, n_neighbors=10, *, noise_values=NOISE_VALUES,
                 n_neighbors_values=N_NEIGHBORS_VALUES, n_samples=200, random_state=0,
                 show_progress=True):
        noise_values = tuple(sorted({float(v) for v in noise_values}))
        n_neighbors_values = tuple(sorted({int(v) for v in n_neighbors_values}))
        if not noise_values or not n_neighbors_values:
            raise ValueError("noise_values and n_neighbors_values must each hold at least "
                             "one value.")
        if noise not in noise_values:
            raise ValueError(f"noise={noise!r} is not one of noise_values {noise_values}; "
                             "start the slider on one of them.")
        if n_neighbors not in n_neighbors_values:
            raise ValueError(f"n_neighbors={n_neighbors!r} is not one of n_neighbors_values "
                             f"{n_neighbors_values}; start the slider on one of them.")
        pairs = [(v, k) for v in noise_values for k in n_neighbors_values]
        self.cases = {
            (v, k): compare_on_moons(v, k, n_samples=n_samples, random_state=random_state)
            for v, k in progress(pairs, "k-means and spectral clustering for every slider "
                                        "position", show=show_progress)
        }
        self.noise_slider = widgets.SelectionSlider(
            options=[(f"{v:.3f}", v) for v in noise_values], value=float(noise),
            description="noise", continuous_update=True)
        self.n_neighbors_slider = widgets.SelectionSlider(
            options=[(str(k), k) for k in n_neighbors_values], value=int(n_neighbors),
            description="n_neighbors", continuous_update=True)
        controls = [widgets.HBox([self.noise_slider, self.n_neighbors_slider])]
        super().__init__(controls, figsize=(12, 4.2),
                         alt="two moons: k-means regions, spectral clustering, and the "
                             "spectral embedding")
        self._build_figure()
        self._watch(self.noise_slider, self.n_neighbors_slider)
        self.refresh()

    def _build_figure(self):
        axes = self.figure.subplots(1, 3)
        self.figure.subplots_adjust(left=0.045, right=0.99, bottom=0.1, top=0.88, wspace=0.2)
        self._ax_kmeans, self._ax_spectral, self._ax_embedding = axes
        # one frame for every noise level, so the axes never have to change
        allX = np.concatenate([c.X for c in self.cases.values()])
        xlim, ylim = padded_limits(allX, pad=0.06)
        case = self.case
        for ax in (self._ax_kmeans, self._ax_spectral):
            ax.set_xlim(xlim)
            ax.set_ylim(ylim)
        self._regions = plot_voronoi(self._ax_kmeans, case.kmeans_centers, xlim=xlim, ylim=ylim)
        self._kmeans_points = plot_points(self._ax_kmeans, case.X, case.kmeans_labels, size=18)
        self._centers = plot_centers(self._ax_kmeans, case.kmeans_centers, size=160)
        self._kmeans_title = self._ax_kmeans.set_title("")
        self._kmeans_noise = None  # the noise level the k-means panel shows
        self._spectral_points = plot_points(self._ax_spectral, case.X, case.spectral_labels,
                                            size=18)
        self._spectral_title = self._ax_spectral.set_title("")
        self._embedding = plot_embedding(self._ax_embedding, case.embedding.coords,
                                         case.spectral_labels, size=18)
        for ax in (self._ax_kmeans, self._ax_spectral):
            ax.set_xlim(xlim)
            ax.set_ylim(ylim)
            ax.set_aspect("equal", adjustable="box")  # fixed limits: shrink the box instead
        self._animate([self._regions, self._kmeans_points, self._centers, self._kmeans_title,
                       self._spectral_points, self._spectral_title, *self._embedding])

    # --- SliderApp hooks --------------------------------------------------------
    @property
    def case(self):
        """The MoonsComparison shown now."""
        return self.cases[self._state_key()]

    def _state_key(self):
        return (self.noise_slider.value, self.n_neighbors_slider.value)

    def _draw(self):
        case = self.case
        if case.noise != self._kmeans_noise:  # k-means does not depend on n_neighbors
            self._kmeans_noise = case.noise
            update_voronoi(self._regions, case.kmeans_centers)
            self._kmeans_points.set_offsets(case.X)
            update_points(self._kmeans_points, case.kmeans_labels)
            update_centers(self._centers, case.kmeans_centers)
            self._kmeans_title.set_text(f"k-means, k=2 · ARI {case.ari_kmeans:.3f}")
        self._spectral_points.set_offsets(case.X)
        update_points(self._spectral_points, case.spectral_labels)
        undetermined = "" if case.spectral_determined else "\n(this run's: not determined)"
        self._spectral_title.set_text(
            f"spectral clustering · ARI {case.ari_spectral:.3f}{undetermined}")
        pieces = case.embedding.n_graph_components
        where = "connected graph" if pieces == 1 else f"graph in {pieces} pieces"
        update_embedding(self._embedding, case.embedding.coords, case.spectral_labels,
                         title=f"spectral embedding · {where}")

    def _status(self):
        case = self.case
        return (f"noise {case.noise:.3f} · n_neighbors {case.n_neighbors} · "
                f"k-means ARI {case.ari_kmeans:.3f} · spectral ARI {case.ari_spectral:.3f} · "
                + _graph_words(case))

    def __repr__(self):
        case = self.case
        pieces = case.embedding.n_graph_components
        graph = "connected graph" if pieces == 1 else f"graph in {pieces} pieces"
        return self._describe(f"k-means ARI {case.ari_kmeans:.3f}, spectral ARI "
                              f"{case.ari_spectral:.3f}, {graph}",
                              noise=case.noise, n_neighbors=case.n_neighbors)
