"""ColorExplorer: pick an image and a number of colours, see what k-means keeps."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._threads import limit_threads
from .._validation import check_int
from ..plotting import plot_image, plot_palette, update_image, update_palette
from ..quantize import SAMPLE_IMAGES, _check_image, count_colors, quantize_series, sample_image
from .base import SliderApp
from .progress import progress

__all__ = ["ColorExplorer"]


class ColorExplorer(SliderApp):
    """Original and quantised image side by side, with the palette, PSNR and compression.

    Frames are JPEG: they show photographs.

    The palettes for every slider value of every image are computed once, when
    the app is built (with a progress bar): scikit-learn's ``KMeans`` fitted on
    a fixed random sample of pixels, then every pixel given its nearest palette
    colour (see :func:`kmeans_teach.quantize_series`). Moving the slider only
    looks the colours up again (``palette[labels]``) and redraws two images.

    Parameters
    ----------
    images : sequence of str, or dict of str to ndarray, default=("china.jpg", "flower.jpg")
        scikit-learn sample image names, or your own ``{name: uint8 image of shape
        (height, width, 3)}``.
    n_colors : int, default=16
        Where the slider starts (the textbook's example).
    max_colors : int, default=64
        The slider runs from 2 to this.
    sample_size : int or None, default=4000
        Pixels the palettes are fitted on (None: all of them, much slower).
    random_state : int, RandomState instance or None, default=0
        Seed of the pixel sample and of k-means.
    show_progress : bool, default=True
        Show a progress bar while the palettes are computed (False in tests).

    Attributes
    ----------
    results : dict of str to list of Quantized
        ``results[name][k - 2]`` is the image ``name`` quantised to ``k`` colours.

    Examples
    --------
    >>> app = ColorExplorer(show_progress=False)
    >>> app
    ColorExplorer(image='china.jpg', n_colors=16: PSNR 27.4 dB, compression factor 6.00)
    >>> app.k_slider.value = 2
    >>> app.status.value
    'china.jpg · 2 colours (the photo has 96,615) · PSNR 17.0 dB · 1.00 bits per pixel instead of 24 · 24.00x smaller'
    """

    frame_format = "jpeg"

    def __init__(self, images=SAMPLE_IMAGES, n_colors=16, *, max_colors=64, sample_size=4000,
                 random_state=0, show_progress=True):
        if isinstance(images, dict):
            self.images = {str(name): _check_image(img, f"images[{name!r}]")
                           for name, img in images.items()}
        else:
            self.images = {name: sample_image(name) for name in images}
        if not self.images:
            raise ValueError("images is empty: give at least one image name or array.")
        self.n_distinct = {name: count_colors(img) for name, img in self.images.items()}
        smallest = min(self.n_distinct.values())
        check_int(max_colors, "max_colors", low=2, high=smallest,
                  fix=" It cannot exceed the fewest distinct colours of the images.")
        check_int(n_colors, "n_colors", low=2, high=max_colors,
                  fix=f" The slider runs from 2 to max_colors={max_colors}.")
        self.n_colors_range = range(2, max_colors + 1)
        self.results = self._compute(sample_size, random_state, show_progress)

        self.image_dropdown = widgets.Dropdown(options=list(self.images), description="image")
        self.k_slider = widgets.IntSlider(n_colors, 2, max_colors, description="colours",
                                          continuous_update=True)
        super().__init__([widgets.HBox([self.image_dropdown, self.k_slider])],
                         figsize=(10, 4.1),
                         alt="original photo, the same photo with fewer colours, and the palette")
        grid = self.figure.add_gridspec(2, 2, height_ratios=[1, 0.09], hspace=0.08,
                                        left=0.01, right=0.99, bottom=0.02, top=0.93, wspace=0.03)
        self._ax_original = self.figure.add_subplot(grid[0, 0])
        self._ax_quantised = self.figure.add_subplot(grid[0, 1])
        self._ax_palette = self.figure.add_subplot(grid[1, 1])
        self._ax_legend = self.figure.add_subplot(grid[1, 0])
        self._ax_legend.axis("off")
        self._ax_legend.text(0.99, 0.5, "palette →", ha="right", va="center",
                             transform=self._ax_legend.transAxes)
        self._build_artists()
        self._watch(self.k_slider, self.image_dropdown)
        self.refresh()

    # --- computed once -------------------------------------------------------
    def _compute(self, sample_size, random_state, show_progress):
        jobs = [(name, k) for name in self.images for k in self.n_colors_range]
        series = {name: quantize_series(img, self.n_colors_range, sample_size=sample_size,
                                        random_state=random_state)
                  for name, img in self.images.items()}
        results = {name: [] for name in self.images}
        # Many small fits: on a busy machine extra threads mostly wait for
        # each other (measured: ~10x slower on 2 shared cores), so use one.
        with limit_threads():
            for name, _k in progress(jobs, "computing palettes", show=show_progress):
                results[name].append(next(series[name]))
        return results

    def _build_artists(self):
        name = self.image_dropdown.value
        self._original = plot_image(self._ax_original, self.images[name], title="")
        result = self.result
        self._quantised = plot_image(self._ax_quantised, result.image, title="")
        self._palette = plot_palette(self._ax_palette, result.palette)
        # a new image changes both photo panels (the original, and the box's shape):
        # one background per image, drawn at build
        self._animate([self._quantised, self._palette, self._ax_quantised.title],
                      axes_that_change=[self._ax_original, self._ax_quantised])
        self._precompute_backgrounds(self.images, self._show_image)

    def _show_image(self, name):
        """The static part that changes with the image: the original and both boxes."""
        image = self.images[name]
        update_image(self._original, image)
        self._ax_original.set_title(f"original: {self.n_distinct[name]:,} colours")
        if self._quantised.get_array().shape[:2] != image.shape[:2]:
            update_image(self._quantised, np.zeros_like(image))  # the box's shape; _draw fills it

    # --- SliderApp hooks --------------------------------------------------------
    @property
    def result(self):
        """The Quantized result shown now."""
        return self.results[self.image_dropdown.value][self.k_slider.value - 2]

    def _state_key(self):
        return (self.image_dropdown.value, self.k_slider.value)

    def _background_key(self):
        return self.image_dropdown.value

    def _draw(self):
        self._show_image(self.image_dropdown.value)
        result = self.result
        update_image(self._quantised, result.image)
        update_palette(self._palette, result.palette)
        self._ax_quantised.title.set_text(f"{result.n_colors} colours")

    def _status(self):
        r, name = self.result, self.image_dropdown.value
        return (f"{name} · {r.n_colors} colours (the photo has {self.n_distinct[name]:,}) · "
                f"PSNR {r.psnr:.1f} dB · {r.bits_per_pixel:.2f} bits per pixel instead of 24 · "
                f"{r.compression_factor:.2f}x smaller")

    def __repr__(self):
        r = self.result
        return self._describe(f"PSNR {r.psnr:.1f} dB, compression factor "
                              f"{r.compression_factor:.2f}", image=self.image_dropdown.value,
                              n_colors=r.n_colors)
