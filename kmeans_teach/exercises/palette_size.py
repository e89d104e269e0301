"""Lesson 06's decision: how many colours does a photo need to reach a PSNR target?"""

from __future__ import annotations

import math
from functools import cache
from numbers import Integral, Real

from ..quantize import SAMPLE_IMAGES, quantize, sample_image
from .._threads import limit_threads
from ._feedback import Feedback

__all__ = ["check_palette_size"]

# The lesson's way of quantising (sections 4 to 6): k-means on all pixels,
# kt.quantize(image, k, random_state=seed). One fit is one seed's local minimum,
# so the checker fits every k with several seeds and grades against all of them:
# a k "reaches" the target when every seed's PSNR does, and a k that reaches it
# with some seeds but not others is accepted either way. The app's palettes come
# from a 4,000-pixel sample (ColorExplorer's default); the feedback names what
# that sample loses, but it is not the truth graded here. With a fixed-width
# index, k colours cost as many index bits as the next power of two, so only
# powers of two are worth choosing.
_SEEDS = (0, 1, 2, 3, 4)
_APP_SAMPLE_SIZE, _APP_SEED = 4000, 0
_CHOICES = (2, 4, 8, 16, 32, 64)


@cache
def _psnr(image, k, seed):
    """The PSNR of ``image`` with ``k`` colours, k-means on all pixels with one seed."""
    # each fit runs once per session: the checker is called again and again
    with limit_threads():
        return quantize(sample_image(image), k, random_state=seed).psnr


def _psnrs(image, k):
    """The PSNRs of ``image`` with ``k`` colours, one per seed in _SEEDS."""
    return tuple(_psnr(image, k, seed) for seed in _SEEDS)


def _reaches_with_every_seed(image, k, target):
    # stops at the first seed below the target: small palettes cost one fit each
    return all(_psnr(image, k, seed) >= target for seed in _SEEDS)


@cache
def _app_psnr(image, k):
    """The PSNR the app's status line shows: k-means on a fixed sample of 4,000 pixels."""
    with limit_threads():
        return quantize(sample_image(image), k, sample_size=_APP_SAMPLE_SIZE,
                        random_state=_APP_SEED).psnr


def _reaches(image, k, target):
    """True if every seed reaches ``target``, False if none does, None if it depends on the seed."""
    values = _psnrs(image, k)
    if min(values) >= target:
        return True
    if max(values) < target:
        return False
    return None


def _span(image, k, target):
    low, high = min(_psnrs(image, k)), max(_psnrs(image, k))
    digits = 1
    # a PSNR just below the target (29.99 dB for 30) must not print as the target itself
    while digits < 3 and any(v < target <= round(v, digits) for v in (low, high)):
        digits += 1
    low_text, high_text = f"{low:.{digits}f}", f"{high:.{digits}f}"
    text = f"{low_text} dB" if low_text == high_text else f"{low_text} to {high_text} dB"
    return f"{text} (k-means on all pixels, seeds {_SEEDS[0]} to {_SEEDS[-1]})"


def check_palette_size(n_colors, psnr, *, target=30.0, image="china.jpg"):
    """Check a decision: the fewest colours whose PSNR reaches ``target`` dB, and its PSNR.

    The choices are the powers of two from 2 to 64: with a fixed-width index,
    20 colours take the same 5 bits per pixel as 32, which fit the photo
    better. The checker quantises the photo itself as the lesson does, with
    k-means on all pixels (``kt.quantize(image, k, random_state=seed)``), once
    for each of the seeds 0 to 4, because each fit is one local minimum.
    It answers: does ``n_colors`` reach the target with every seed? Is it the
    fewest colours that do (a smaller number that reaches it with only some
    seeds is accepted too)? Is ``psnr`` the PSNR of one of these fits (to the
    0.1 dB the lesson prints), and does it reach the target? On a right answer it says what the app's
    4,000-pixel sample would have given.

    Parameters
    ----------
    n_colors : int
        Your decision: how many colours to keep (2, 4, 8, 16, 32 or 64).
    psnr : float
        Your evidence: the PSNR in dB of ``image`` with ``n_colors`` colours,
        from k-means on all pixels.
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
    values = _psnrs(image, k)
    # the lesson prints one decimal, so a quoted value within 0.05 dB of a seed's fit is that fit
    wrong_number = not min(values) - 0.05 - 1e-9 <= psnr <= max(values) + 0.05 + 1e-9
    reaches = _reaches(image, k, target)
    if reaches is False:
        quoted = f" (not {psnr:g} dB as you wrote)" if wrong_number else ""
        return Feedback(False, f"{k} colours give {_span(image, k, target)}{quoted}, below the "
                               f"{target:g} dB target: keep more colours.")
    if wrong_number:
        app = abs(psnr - _app_psnr(image, k)) <= 0.05 + 1e-9
        hint = (" That is the app's number: its palettes come from a sample of 4,000 pixels, "
                "which loses a little."
                if app else "")
        return Feedback(False, f"with k-means on all pixels {k} colours give "
                               f"{_span(image, k, target)}, not {psnr:g} dB: quote the PSNR that "
                               f"kt.quantize(image, {k}) prints.{hint}")
    if psnr < target:
        # a k that reaches the target with some seeds only: the evidence must be a fit that does
        return Feedback(False, f"{k} colours give {_span(image, k, target)}, and the "
                               f"{psnr:g} dB you quote is below the {target:g} dB target: "
                               "quote a fit that reaches it, or keep more colours.")
    smaller = [c for c in _CHOICES if c < k and _reaches_with_every_seed(image, c, target)]
    if smaller:
        return Feedback(False, f"{k} colours reach the target, but so does a smaller power of "
                               "two with every seed, which makes a smaller file: look for the "
                               "fewest colours that reach it.")
    depends = " with some seeds and not others" if reaches is None else ""
    answer = f"{k} colours are the fewest that reach {target:g} dB{depends}: {_span(image, k, target)}"
    if k == _CHOICES[0]:
        return Feedback(True, answer + ".")
    fewer = k // 2
    sample_note = (f" The app's 4,000-pixel sample gives {k} colours "
                   f"{_app_psnr(image, k):.1f} dB"
                   + (", below the target: fitting on a sample costs a little PSNR."
                      if _app_psnr(image, k) < target else "."))
    fewer_note = (f", which reaches the target with some seeds only: {fewer} would be a "
                  "defensible answer too" if _reaches(image, fewer, target) is None else "")
    return Feedback(True, f"{answer}, while {fewer} colours give {_span(image, fewer, target)}"
                          f"{fewer_note}." + sample_note)
