"""SegmentationExplorer: cut a photo into k regions, by colour and by position."""

from __future__ import annotations

import ipywidgets as widgets

from .._validation import check_int
from ..datasets import sample_image
from ..plotting import plot_image, plot_palette, update_image, update_palette
from ..segmentation import SegmentationData, with_borders
from .base import SliderApp

__all__ = ["SegmentationExplorer", "POSITION_WEIGHTS"]

#: the position weights the slider offers (0: colour only)
POSITION_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


class SegmentationExplorer(SliderApp):
    """Sliders for k and the position weight: the segmented photo, its borders, its colours.

    Left: the photo with the region borders in white. Right: every pixel
    painted in its region's mean colour, and below, the mean colour of each region.
    The photo is shown at a quarter of its size along each side, as lesson 06
    samples its pixels; k-means is fitted on a fixed sample of 2,000 of them
    for each (k, weight) the first time it is shown, and kept (about 30 ms).

    Parameters
    ----------
    image : str or ndarray, default="china.jpg"
        A scikit-learn sample image name, or your own uint8 image of shape
        (height, width, 3).
    n_clusters : int, default=8
        Where the regions slider starts.
    position_weight : float, default=0.0
        One of ``POSITION_WEIGHTS``.
    max_clusters : int, default=16
        The regions slider runs over 1 .. max_clusters.
    step : int, default=4
        As in :class:`kmeans_teach.segmentation.SegmentationData`.
    sample_size : int, default=2000
        As in :class:`kmeans_teach.segmentation.SegmentationData`.
    random_state : int, RandomState instance or None, default=0
        As in :class:`kmeans_teach.segmentation.SegmentationData`.

    Examples
    --------
    >>> app = SegmentationExplorer()
    >>> app.weight_slider.value = 4.0
    >>> app.status.value.split(" · ")[:2]
    ['8 regions', 'position weight 4']
    """

    frame_format = "jpeg"

    def __init__(self, image="china.jpg", n_clusters=8, position_weight=0.0, *,
                 max_clusters=16, step=4, sample_size=2000, random_state=0):
        self.name = image if isinstance(image, str) else "your image"
        photo = sample_image(image) if isinstance(image, str) else image
        self.data = SegmentationData(photo, step=step, sample_size=sample_size,
                                     random_state=random_state)
        max_clusters = check_int(max_clusters, "max_clusters", low=2)
        n_clusters = check_int(n_clusters, "n_clusters", low=1, high=max_clusters)
        if position_weight not in POSITION_WEIGHTS:
            raise ValueError(f"position_weight must be one of {POSITION_WEIGHTS}, but got "
                             f"{position_weight!r}.")
        self.k_slider = widgets.IntSlider(n_clusters, 1, max_clusters, description="regions",
                                          continuous_update=True)
        self.weight_slider = widgets.SelectionSlider(
            options=[(f"{w:g}", w) for w in POSITION_WEIGHTS], value=float(position_weight),
            description="position weight", style={"description_width": "initial"},
            continuous_update=True)
        super().__init__([widgets.HBox([self.k_slider, self.weight_slider])],
                         figsize=(10, 3.6),
                         alt="the photo, the photo cut into regions painted in their mean "
                             "colour with white borders, and the mean colours")
        grid = self.figure.add_gridspec(2, 2, height_ratios=[1, 0.1], left=0.01, right=0.99,
                                        bottom=0.03, top=0.9, wspace=0.04, hspace=0.08)
        ax_photo = self.figure.add_subplot(grid[0, 0])
        ax_seg = self.figure.add_subplot(grid[0, 1])
        ax_colors = self.figure.add_subplot(grid[1, 1])
        seg = self.segmentation
        self._photo = plot_image(ax_photo, with_borders(seg, self.data.image),
                                 title=f"{self.name}, region borders in white")
        self._seg_image = plot_image(ax_seg, seg.image, title="each region in its mean colour")
        self._swatches = plot_palette(ax_colors, seg.mean_colors)
        self._animate([self._photo, self._seg_image, self._swatches])
        self._watch(self.k_slider, self.weight_slider)
        self.refresh()

    @property
    def segmentation(self):
        """The Segmentation shown now."""
        return self.data.segment(self.k_slider.value, self.weight_slider.value)

    # --- SliderApp hooks -------------------------------------------------------------------
    def _state_key(self):
        return self.k_slider.value, self.weight_slider.value

    def _draw(self):
        seg = self.segmentation
        update_image(self._photo, with_borders(seg, self.data.image))
        update_image(self._seg_image, seg.image)
        update_palette(self._swatches, seg.mean_colors)

    def _status(self):
        seg = self.segmentation
        h, w = self.data.shape
        fh, fw = self.data.full_shape
        return (f"{seg.n_clusters} regions · position weight {seg.position_weight:g} · "
                f"largest region {seg.sizes.max() / seg.sizes.sum():.0%} of the pixels · "
                f"shown at {w}x{h} (every {self.data.step}th pixel of {fw}x{fh}), k-means on "
                f"{len(self.data.sample):,} of them")

    def __repr__(self):
        return self._describe(self._status().split(" · ", 2)[2],
                              n_clusters=self.k_slider.value,
                              position_weight=self.weight_slider.value)
