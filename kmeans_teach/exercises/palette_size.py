"""Lesson 06's decision: how many colours does a photo need to reach a PSNR target?"""

from __future__ import annotations

import math
from functools import cache
from numbers import Integral, Real

from ..quantize import SAMPLE_IMAGES, quantize, sample_image
from .._threads import limit_threads
from ._feedback import Feedback

__all__ = ["check_palette_size"]

# The app's settings (ColorExplorer's defaults): k-means on a fixed sample of
# 4,000 pixels, seed 0. With the same settings the checker's PSNR is the one the
# app's status line shows. With a fixed-width index, k colours cost as many index
# bits as the next power of two, so only powers of two are worth choosing.
_SAMPLE_SIZE, _SEED = 4000, 0
_CHOICES = (2, 4, 8, 16, 32, 64)


@cache
def _result(image, k):
    # each (photo, k) is fitted once per session: the checker is called again and again
    with limit_threads():
        return quantize(sample_image(image), k, sample_size=_SAMPLE_SIZE, random_state=_SEED)


def _fewest(image, target):
    """The fewest colours (a power of two, 2..64) whose PSNR reaches ``target`` dB, or None."""
    return next((k for k in _CHOICES if _result(image, k).psnr >= target), None)


def check_palette_size(n_colors, psnr, *, target=30.0, image="china.jpg"):
    """Check a decision: the fewest colours whose PSNR reaches ``target`` dB, and its PSNR.

    The choices are the powers of two from 2 to 64: with a fixed-width index,
    20 colours take the same 5 bits per pixel as 32, which fit the photo
    better. The checker quantises the photo itself, as the lesson's app does
    (k-means on a fixed sample of 4,000 pixels, seed 0), and answers: does
    ``n_colors`` reach the target? Is it the fewest colours that do? Is
    ``psnr`` the real PSNR of that palette (to the 0.1 dB the app shows)? On a
    right answer it says what would change the decision.

    Parameters
    ----------
    n_colors : int
        Your decision: how many colours to keep (2, 4, 8, 16, 32 or 64).
    psnr : float
        Your evidence: the PSNR in dB of ``image`` with ``n_colors`` colours.
    target : float, default=30.0
        The PSNR the recoloured photo must reach, in dB.
    image : {"china.jpg", "flower.jpg"}, default="china.jpg"
        The sample photo the decision is about.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the decision and its number are right.

    Examples
    --------
    >>> check_palette_size(16, 27.4)
    Not yet: 16 colours give 27.4 dB, below the 30 dB target: keep more colours (the app's status line shows the PSNR of each number of colours).
    >>> check_palette_size(20, 28.3)
    Not yet: 20 colours need a 5-bit index, as 32 colours do, and 32 colours fit the photo better for the same bits per pixel: choose a power of two (2, 4, 8, 16, 32 or 64).
    """  # noqa: E501 (a doctest's output, one line)
    if image not in SAMPLE_IMAGES:
        return Feedback(False, f"image must be one of {SAMPLE_IMAGES}, not {image!r}.")
    if isinstance(target, bool) or not isinstance(target, Real) or not math.isfinite(target):
        return Feedback(False, f"target must be a number of decibels, such as 30, not {target!r}.")
    if (isinstance(n_colors, bool) or not isinstance(n_colors, Integral)
            or not _CHOICES[0] <= n_colors <= _CHOICES[-1]):
        return Feedback(False, f"the number of colours must be a whole number from "
                               f"{_CHOICES[0]} to {_CHOICES[-1]} (the app's slider), not "
                               f"{n_colors!r}.")
    k = int(n_colors)
    if k not in _CHOICES:
        bits = (k - 1).bit_length()
        return Feedback(False, f"{k} colours need a {bits}-bit index, as {2**bits} colours do, "
                               f"and {2**bits} colours fit the photo better for the same bits "
                               "per pixel: choose a power of two (2, 4, 8, 16, 32 or 64).")
    if isinstance(psnr, bool) or not isinstance(psnr, Real) or not math.isfinite(psnr):
        return Feedback(False, f"quote the PSNR as a number of decibels, such as 27.4, not "
                               f"{psnr!r}.")
    got = _result(image, k)
    wrong_number = abs(psnr - got.psnr) > 0.05 + 1e-9  # the app shows one decimal
    if got.psnr < target:
        quoted = f" (not {psnr:g} dB as you wrote)" if wrong_number else ""
        return Feedback(False, f"{k} colours give {got.psnr:.1f} dB{quoted}, below the "
                               f"{target:g} dB target: keep more colours (the app's status "
                               "line shows the PSNR of each number of colours).")
    if wrong_number:
        return Feedback(False, f"{k} colours do reach {target:g} dB, but their PSNR is "
                               f"{got.psnr:.1f} dB, not {psnr:g}: quote the number the app's "
                               "status line (or kt.quantize) prints for them.")
    if _fewest(image, target) < k:
        return Feedback(False, f"{k} colours reach the target ({got.psnr:.1f} dB), but so does "
                               "a smaller power of two, which makes a smaller file: look for "
                               "the fewest colours that reach it.")
    answer = (f"{k} colours are the fewest that reach {target:g} dB: {got.psnr:.1f} dB at "
              f"{got.bits_per_pixel:.2f} bits per pixel (a factor {got.compression_factor:.2f})")
    if k == _CHOICES[0]:
        return Feedback(True, answer + ".")
    fewer = _result(image, k // 2)
    return Feedback(True, f"{answer}, while {k // 2} colours give {fewer.psnr:.1f} dB at "
                          f"{fewer.bits_per_pixel:.2f} bits per pixel. What would change the "
                          f"decision: a target of {math.floor(fewer.psnr * 10) / 10:g} dB or "
                          f"less would let you keep {k // 2} colours.")
