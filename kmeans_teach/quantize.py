"""Colour quantisation: an image as a cloud of colours, and k-means on that cloud.

Every pixel of an RGB image is a point in a 3-D colour space (red, green,
blue, each 0..255). Quantising to ``k`` colours means choosing a *palette* of
``k`` colours and replacing every pixel by one of them. k-means chooses the
palette that makes the total squared colour error (the inertia) small.

What the arithmetic here counts, honestly:

* the original stores 24 bits per pixel (one byte per channel);
* the quantised image stores, per pixel, an index into the palette of
  ``ceil(log2 k)`` bits (a fixed-width index: no entropy coding, no file
  format), plus the palette itself once: ``24 * k`` bits;
* the compression factor is 24 divided by those bits per pixel;
* the peak signal-to-noise ratio (PSNR) measures what was lost:
  ``10 log10(255**2 / MSE)`` in decibels, infinite when nothing was lost.

The k-means methods use scikit-learn (``KMeans``, ``MiniBatchKMeans``) for the
fit and :func:`kmeans_teach.assign` (the lesson's E-step) to give every pixel
its nearest palette colour. The Pillow methods are the baseline that is not
k-means; they use Pillow's own quantisers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ._threads import limit_threads
# the photos live in datasets.py; re-exported here, where they were
from .datasets import SAMPLE_IMAGES, sample_image  # noqa: F401
from ._validation import check_choice, check_int, check_random_state, rng_from
from .engine import LABEL_DTYPE, assign

__all__ = [
    "KMEANS_METHODS",
    "PILLOW_METHODS",
    "Quantized",
    "bits_per_pixel",
    "compressed_bits",
    "compression_factor",
    "count_colors",
    "palette_png_bytes",
    "pillow_methods_available",
    "psnr",
    "quantize",
    "quantize_series",
    "sample_image",
]

#: methods that fit a palette with k-means (scikit-learn)
KMEANS_METHODS = ("kmeans", "minibatch")
#: Pillow's quantisers; "libimagequant" only exists in some Pillow builds
PILLOW_METHODS = ("median_cut", "max_coverage", "fast_octree", "libimagequant")



def _check_image(image, name="image"):
    """Return ``image`` as a uint8 array of shape (H, W, 3), or say what is wrong."""
    arr = np.asarray(image)
    if arr.ndim != 3 or arr.shape[2] != 3:
        hint = ""
        if arr.ndim == 3 and arr.shape[2] == 4:
            hint = f" It looks like RGBA: drop the alpha channel with {name}[..., :3]."
        elif arr.ndim == 2 and arr.shape[1] == 3:
            hint = (f" It looks like a list of pixels: reshape it to (height, width, 3), "
                    f"for example {name}.reshape(height, width, 3).")
        elif arr.ndim == 2:
            hint = " It looks like a grey-scale image: this lesson needs colour."
        raise ValueError(f"{name} must have shape (height, width, 3), one red, green and blue "
                         f"value per pixel, but it has shape {arr.shape}.{hint}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}): it needs at least one pixel.")
    if arr.dtype != np.uint8:
        hint = ""
        if np.issubdtype(arr.dtype, np.floating):
            hint = (f" If its values run from 0 to 1, use "
                    f"{name} = (np.clip({name}, 0, 1) * 255).round().astype(np.uint8).")
        raise TypeError(f"{name} must have dtype uint8 (values 0..255, as images are stored), "
                        f"but its dtype is {arr.dtype}.{hint}")
    return arr


def _color_codes(pixels):
    """One integer per colour: red * 65536 + green * 256 + blue."""
    pixels = pixels.astype(np.int32)
    return (pixels[:, 0] << 16) | (pixels[:, 1] << 8) | pixels[:, 2]


def count_colors(image):
    """Number of distinct colours present in an RGB image.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), dtype uint8
        The image.

    Returns
    -------
    n_colors : int
        How many different (r, g, b) triples its pixels have.

    Examples
    --------
    >>> import numpy as np
    >>> count_colors(np.array([[[0, 0, 0], [255, 0, 0], [0, 0, 0]]], dtype=np.uint8))
    2
    """
    image = _check_image(image)
    return int(len(np.unique(_color_codes(image.reshape(-1, 3)))))


def psnr(original, recoloured):
    """Peak signal-to-noise ratio of ``recoloured`` against ``original``, in dB.

    ``10 * log10(255**2 / MSE)``, where MSE is the mean squared difference over
    every channel of every pixel. Higher is better; ``inf`` means identical.

    Parameters
    ----------
    original : ndarray of shape (height, width, 3), dtype uint8
        The reference image.
    recoloured : ndarray of shape (height, width, 3), dtype uint8
        The image compared with it, of the same shape.

    Returns
    -------
    psnr : float
        In dB; ``inf`` when the images are identical.

    Examples
    --------
    >>> import numpy as np
    >>> a = np.zeros((1, 2, 3), dtype=np.uint8)
    >>> b = a.copy(); b[0, 0, 0] = 10      # one value off by 10: MSE = 100 / 6
    >>> round(psnr(a, b), 2)
    35.91
    >>> psnr(a, a)
    inf
    """
    original = _check_image(original, "original")
    recoloured = _check_image(recoloured, "recoloured")
    if original.shape != recoloured.shape:
        raise ValueError(f"original has shape {original.shape} but recoloured has shape "
                         f"{recoloured.shape}: compare an image with its own recolouring.")
    diff = original.astype(np.int32) - recoloured.astype(np.int32)
    return _psnr_from_sse(float(np.einsum("ijk,ijk->", diff, diff)), diff.size)


def _psnr_from_sse(sse, n_values):
    # sums of whole squares: exactly 0 when nothing changed, so == is safe
    if sse == 0.0:
        return math.inf
    return 10.0 * math.log10(255.0**2 * n_values / sse)


def _index_bits(n_colors):
    # a fixed-width index that can name every palette entry: ceil(log2 k) bits
    return (n_colors - 1).bit_length()


def compressed_bits(height, width, n_colors):
    """Bits needed to store an image of height x width pixels with a k-colour palette.

    Each pixel stores a fixed-width index of ``ceil(log2 k)`` bits (no entropy
    coding), and the palette is stored once: ``k`` colours of 24 bits.

    Parameters
    ----------
    height, width : int
        Size of the image in pixels.
    n_colors : int
        Number of palette colours, at least 1.

    Returns
    -------
    bits : int
        ``height * width * ceil(log2 n_colors) + 24 * n_colors``.

    Examples
    --------
    >>> compressed_bits(427, 640, 16)        # 4 bits per pixel, plus 16 * 24 bits
    1093504
    >>> compressed_bits(427, 640, 10) == compressed_bits(427, 640, 16) - 6 * 24
    True
    """
    n_colors = check_int(n_colors, "n_colors", low=1)
    height = check_int(height, "height", low=1)
    width = check_int(width, "width", low=1)
    return height * width * _index_bits(n_colors) + 24 * n_colors


def bits_per_pixel(n_pixels, n_colors):
    """Bits per pixel after quantising to ``n_colors``: the index plus the palette's share.

    Parameters
    ----------
    n_pixels : int
        Number of pixels in the image (height * width).
    n_colors : int
        Number of palette colours, at least 1.

    Returns
    -------
    float
        ``ceil(log2 n_colors) + 24 * n_colors / n_pixels``.

    Examples
    --------
    >>> bits_per_pixel(427 * 640, 16)
    4.001405152224824
    >>> bits_per_pixel(100, 1)    # one colour: no index at all, only the palette
    0.24
    """
    n_colors = check_int(n_colors, "n_colors", low=1)
    n_pixels = check_int(n_pixels, "n_pixels", low=1)
    return (n_pixels * _index_bits(n_colors) + 24 * n_colors) / n_pixels


def compression_factor(n_pixels, n_colors):
    """How many times smaller than 24 bits per pixel the quantised image is.

    Parameters
    ----------
    n_pixels, n_colors : int
        As for :func:`bits_per_pixel`.

    Returns
    -------
    float
        ``24 / bits_per_pixel(n_pixels, n_colors)``.

    Examples
    --------
    >>> round(compression_factor(427 * 640, 16), 3)
    5.998
    """
    return 24.0 / bits_per_pixel(n_pixels, n_colors)


@dataclass(frozen=True, repr=False, eq=False)
class Quantized:
    """An image quantised to a palette.

    Attributes
    ----------
    palette : ndarray of shape (n_colors, 3), dtype uint8
        The colours the image is reduced to.
    labels : ndarray of shape (height, width), dtype int32
        The palette index of every pixel.
    psnr : float
        Against the original, in dB (``inf`` if nothing was lost).
    bits_per_pixel : float
        ``ceil(log2 n_colors)`` plus the palette's 24 * n_colors bits spread over the pixels.
    compression_factor : float
        24 / bits_per_pixel.
    method : str
        The quantiser that made it (see :func:`quantize`).
    inertia : float
        Total squared colour error over all pixels and channels (the k-means
        objective, measured with the rounded palette).
    n_iter : int or None
        How long the k-means fit ran: ``KMeans``' passes over its rows
        (``n_iter_``) for "kmeans", ``MiniBatchKMeans``' batch updates
        (``n_steps_``) for "minibatch"; None for Pillow's quantisers.
    n_colors : int
        ``len(palette)``.
    image : ndarray of shape (height, width, 3), dtype uint8
        The recoloured image, ``palette[labels]`` (computed on access).
    """

    palette: np.ndarray
    labels: np.ndarray
    psnr: float
    bits_per_pixel: float
    compression_factor: float
    method: str
    inertia: float = field(default=math.nan)
    n_iter: int | None = None

    @property
    def n_colors(self):
        return len(self.palette)

    @property
    def image(self):
        return self.palette[self.labels]

    def __repr__(self):
        h, w = self.labels.shape
        return (f"Quantized({h}x{w} pixels, n_colors={self.n_colors}, method={self.method!r}, "
                f"psnr={self.psnr:.2f} dB, bits_per_pixel={self.bits_per_pixel:.3f}, "
                f"compression_factor={self.compression_factor:.2f})")


class _Pixels:
    """An image prepared once: its pixels and its distinct colours with their counts."""

    def __init__(self, image):
        self.image = _check_image(image)
        self.shape = self.image.shape[:2]
        self.pixels = self.image.reshape(-1, 3)
        codes, self.inverse, self.counts = np.unique(
            _color_codes(self.pixels), return_inverse=True, return_counts=True)
        self.inverse = self.inverse.reshape(-1)
        self.colors = np.stack([codes >> 16, (codes >> 8) & 255, codes & 255], axis=1)
        self.colors = self.colors.astype(np.float64)

    @property
    def n_colors(self):
        return len(self.colors)

    def check_n_colors(self, n_colors):
        n_colors = check_int(n_colors, "n_colors", low=1)
        if n_colors > self.n_colors:
            raise ValueError(
                f"n_colors={n_colors} is more than the {self.n_colors} distinct colours in "
                f"the image: a palette cannot have more colours than there are. "
                f"Use n_colors <= {self.n_colors}.")
        return n_colors

    def result(self, palette, method, labels=None, n_iter=None):
        """Label every pixel (nearest palette colour unless given) and measure the result."""
        palette_f = palette.astype(np.float64)
        if labels is None:
            # E-step on the distinct colours only, then copied to their pixels
            color_labels = assign(self.colors, palette_f, check_input=False)
            labels = color_labels[self.inverse]
            # squared error of each distinct colour, times how many pixels have it
            diff = self.colors - palette_f[color_labels]
            sse = float(np.einsum("ij,ij,i->", diff, diff, self.counts.astype(np.float64)))
        else:
            labels = np.asarray(labels).reshape(-1).astype(LABEL_DTYPE)  # Pillow's are uint8
            diff = self.pixels.astype(np.float64) - palette_f[labels]
            sse = float(np.einsum("ij,ij->", diff, diff))
        labels = labels.reshape(self.shape)
        palette.setflags(write=False)
        labels.setflags(write=False)
        n_colors = len(palette)
        n_pixels = self.shape[0] * self.shape[1]
        return Quantized(
            palette=palette, labels=labels,
            psnr=_psnr_from_sse(sse, 3 * n_pixels),
            bits_per_pixel=bits_per_pixel(n_pixels, n_colors),
            compression_factor=compression_factor(n_pixels, n_colors),
            method=method, inertia=sse, n_iter=n_iter)


def palette_png_bytes(quantized):
    """The size in bytes of a quantised image saved as a palette PNG, a real lossless file.

    The image is stored as Pillow's "P" mode (one palette index per pixel and the
    palette once) and compressed with ``optimize=True``, in memory. Reading the
    file back must give exactly ``quantized.image``; a ValueError says so if not.

    Parameters
    ----------
    quantized : Quantized
        What :func:`quantize` returned; at most 256 colours (PNG's palette limit).

    Returns
    -------
    n_bytes : int
        The size of the PNG file.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.zeros((64, 64, 3), dtype=np.uint8)
    >>> image[:, 32:] = 255                                 # half black, half white
    >>> q = quantize(image, 2, random_state=0)
    >>> palette_png_bytes(q) < q.labels.size // 8           # less than 1 bit per pixel
    True
    """
    import io

    from PIL import Image

    if not isinstance(quantized, Quantized):
        raise TypeError(f"quantized must be what kt.quantize returns (a Quantized), not "
                        f"{type(quantized).__name__}.")
    if quantized.n_colors > 256:
        raise ValueError(f"a palette PNG holds at most 256 colours, and this image has "
                         f"{quantized.n_colors}: quantise to 256 colours or fewer.")
    height, width = quantized.labels.shape
    png = Image.frombytes("P", (width, height), quantized.labels.astype(np.uint8).tobytes())
    png.putpalette(quantized.palette.astype(np.uint8).ravel().tolist())
    with io.BytesIO() as file:
        png.save(file, format="PNG", optimize=True)
        n_bytes = file.tell()
        file.seek(0)
        back = np.asarray(Image.open(file).convert("RGB"))
    if not np.array_equal(back, quantized.image):
        raise ValueError("the palette PNG did not give back the same pixels.")
    return n_bytes


def _round_palette(centers):
    return np.clip(np.rint(centers), 0, 255).astype(np.uint8)


def _kmeans_palette(prepared, n_colors, method, sample_size, random_state):
    from sklearn.cluster import KMeans, MiniBatchKMeans

    rng = rng_from(random_state)
    seed = int(rng.integers(2**31 - 1))
    if sample_size is None:
        if method == "kmeans":
            # All pixels, but each distinct colour once with its count as weight:
            # the same objective as fitting every pixel, on fewer rows.
            X, weight = prepared.colors, prepared.counts
        else:
            X, weight = prepared.pixels.astype(np.float64), None
    else:
        n = len(prepared.pixels)
        chosen = rng.choice(n, size=min(sample_size, n), replace=False)
        X, weight = prepared.pixels[chosen].astype(np.float64), None
        n_distinct = len(np.unique(_color_codes(prepared.pixels[chosen])))
        if n_distinct < n_colors:
            raise ValueError(
                f"the sample of {len(chosen)} pixels has only {n_distinct} distinct colours, "
                f"fewer than n_colors={n_colors}. Use a larger sample_size, or None for all "
                "pixels.")
    if method == "kmeans":
        model = KMeans(n_clusters=n_colors, n_init=1, random_state=seed)
    else:
        model = MiniBatchKMeans(n_clusters=n_colors, n_init=1, random_state=seed,
                                batch_size=1024)
    with limit_threads():
        model.fit(X, sample_weight=weight)
    n_iter = model.n_iter_ if method == "kmeans" else model.n_steps_
    return _round_palette(model.cluster_centers_), int(n_iter)


def pillow_methods_available():
    """Pillow's quantisers that this Pillow build offers (libimagequant is optional).

    Returns
    -------
    names : tuple of str
        "median_cut", "max_coverage" and "fast_octree", and "libimagequant"
        when this Pillow has it.

    Examples
    --------
    >>> pillow_methods_available()[:3]
    ('median_cut', 'max_coverage', 'fast_octree')
    """
    from PIL import features

    names = list(PILLOW_METHODS[:3])
    if features.check_feature("libimagequant"):
        names.append("libimagequant")
    return tuple(names)


def _pillow_quantize(prepared, n_colors, method):
    from PIL import Image

    if method not in pillow_methods_available():
        raise ValueError(f"method={method!r} is not available in this Pillow build (it was "
                         "compiled without libimagequant). Available: "
                         f"{pillow_methods_available() + KMEANS_METHODS}.")
    codes = {"median_cut": Image.Quantize.MEDIANCUT, "max_coverage": Image.Quantize.MAXCOVERAGE,
             "fast_octree": Image.Quantize.FASTOCTREE, "libimagequant": Image.Quantize.LIBIMAGEQUANT}
    quantised = Image.fromarray(np.ascontiguousarray(prepared.image)).quantize(
        n_colors, method=codes[method], kmeans=0, dither=Image.Dither.NONE)
    # kmeans=0 (Pillow's default) leaves out Pillow's own k-means refinement of the
    # palette: the baseline stays a quantiser that is not k-means
    labels = np.asarray(quantised)
    palette = np.asarray(quantised.getpalette()[: 3 * 256], dtype=np.uint8).reshape(-1, 3)
    # Pillow may pad the palette past n_colors: keep the first n_colors entries,
    # which hold every index it used
    used = int(labels.max()) + 1
    palette = palette[: max(used, min(n_colors, len(palette)))]
    return palette, labels


def _check_method(method):
    check_choice(method, "method", KMEANS_METHODS + PILLOW_METHODS)


def _check_sample_size(sample_size, method):
    if sample_size is not None:
        check_int(sample_size, "sample_size", low=1,
                  fix=" Use None to fit on every pixel.")
        if method in PILLOW_METHODS:
            raise ValueError(
                f"sample_size={sample_size} only applies to the k-means methods "
                f"{KMEANS_METHODS}; Pillow's {method!r} always reads every pixel. Use "
                "sample_size=None with it, or method='kmeans' to fit on a sample.")
    return sample_size


def quantize(image, n_colors, *, method="kmeans", sample_size=None, random_state=None):
    """Reduce an RGB image to ``n_colors`` colours.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), dtype uint8
        The image.
    n_colors : int
        Size of the palette, from 1 to the number of distinct colours in the image.
    method : {"kmeans", "minibatch", "median_cut", "max_coverage", "fast_octree", \
"libimagequant"}, default="kmeans"
        "kmeans": scikit-learn's ``KMeans`` (one k-means++ start). With
        ``sample_size=None`` it fits every distinct colour weighted by its
        pixel count, which is the same objective as fitting every pixel.
        "minibatch": scikit-learn's ``MiniBatchKMeans`` on the pixels.
        The others are Pillow's quantisers, without dithering and without
        Pillow's optional k-means refinement (``kmeans=0``, its default): the
        baseline that is not k-means; "libimagequant" only if Pillow was built with it.
    sample_size : int or None, default=None
        k-means methods only: fit the palette on this many randomly chosen
        pixels instead of all of them (then every pixel still gets its nearest
        palette colour). Pillow's methods always read every pixel, so they
        raise a ValueError for any other value than None.
    random_state : int, RandomState instance or None, default=None
        Seed for the sample and for k-means' initial centers (drawn from
        ``np.random.default_rng(random_state)`` for an int).

    Returns
    -------
    result : Quantized
        ``palette`` (rounded to whole uint8 colours), ``labels`` (each pixel's
        nearest palette colour, by :func:`kmeans_teach.assign`; Pillow's own
        labels for Pillow methods), ``image``, ``psnr``, ``bits_per_pixel``,
        ``compression_factor``, ``inertia`` (total squared colour error),
        ``n_iter`` (how long the k-means fit ran; None for Pillow's methods).

    See Also
    --------
    quantize_series : the same for many values of ``n_colors``, sharing the preparation.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[[255, 0, 0], [250, 0, 0]], [[0, 0, 255], [0, 0, 250]]],
    ...                  dtype=np.uint8)
    >>> q = quantize(image, 2, random_state=0)
    >>> q.palette[np.argsort(q.palette[:, 0])]      # one red and one blue
    array([[  0,   0, 252],
           [252,   0,   0]], dtype=uint8)
    >>> quantize(image, 4, random_state=0).psnr     # as many colours as there are
    inf
    """
    _check_method(method)
    _check_sample_size(sample_size, method)
    check_random_state(random_state)
    prepared = _Pixels(image)
    n_colors = prepared.check_n_colors(n_colors)
    return _quantize_prepared(prepared, n_colors, method, sample_size, random_state)


def _quantize_prepared(prepared, n_colors, method, sample_size, random_state):
    if method in KMEANS_METHODS:
        palette, n_iter = _kmeans_palette(prepared, n_colors, method, sample_size, random_state)
        return prepared.result(palette, method, n_iter=n_iter)
    palette, labels = _pillow_quantize(prepared, n_colors, method)
    return prepared.result(palette, method, labels=labels)


def quantize_series(image, n_colors_list, *, method="kmeans", sample_size=None,
                    random_state=None):
    """Yield :func:`quantize` results for each value in ``n_colors_list``.

    The image is checked and its distinct colours are found once, so this is
    faster than calling :func:`quantize` in a loop. A generator: wrap it in a
    progress bar.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), dtype uint8
        The image.
    n_colors_list : iterable of int
        The palette sizes, one result each, in this order.
    method : str, default="kmeans"
        As in :func:`quantize`.
    sample_size : int or None, default=None
        As in :func:`quantize`.
    random_state : int, RandomState instance or None, default=None
        As in :func:`quantize`, for every result.

    Returns
    -------
    results : generator of Quantized
        One result per value of ``n_colors_list``, computed as it is read.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.random.default_rng(0).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    >>> [q.n_colors for q in quantize_series(image, [2, 3, 4], random_state=0)]
    [2, 3, 4]
    """
    _check_method(method)
    _check_sample_size(sample_size, method)
    check_random_state(random_state)
    prepared = _Pixels(image)
    n_colors_list = [prepared.check_n_colors(k) for k in n_colors_list]
    # checked above, before the first result is asked for; computed lazily below
    return (_quantize_prepared(prepared, k, method, sample_size, random_state)
            for k in n_colors_list)
