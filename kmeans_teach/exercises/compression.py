"""Lesson 06's exercise: how many bits does an image with a k-colour palette take?"""

from __future__ import annotations

import math
from numbers import Real

from ..quantize import compressed_bits
from ._feedback import Case, check_cases

__all__ = ["check_compressed_size"]


def _bits(value):
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def _colours(k):
    return f"{k} colour" if k == 1 else f"{k} colours"

# (height, width, n_colors), each with what it tests: the lesson's photo first
_CASES = [
    Case("the lesson's photo, 427x640 with 16 colours", (427, 640, 16)),
    Case("one colour (k = 1): no index at all, only the palette", (10, 10, 1)),
    Case("17 colours: not a power of two, so 5 index bits", (427, 640, 17)),
    Case("a tiny image, 4x4 with 5 colours: the palette outweighs the pixels", (4, 4, 5)),
    Case("a tall image, 7x3 with 2 colours: height and width differ", (7, 3, 2)),
    Case("many pixels, 6000x4000 with 256 colours", (6000, 4000, 256)),
    Case("427x640 with 64 colours", (427, 640, 64)),
]


def _judge(answer, height, width, k):
    """None if ``answer`` is the number of bits, else what is wrong (and the slip, if known)."""
    if isinstance(answer, bool) or not isinstance(answer, Real):
        return f"expected a number of bits, but got {answer!r} of type {type(answer).__name__}."
    expected = compressed_bits(height, width, k)
    if math.isclose(answer, expected, rel_tol=1e-12, abs_tol=1e-9):
        return None
    n = height * width
    case = (f"for {height}x{width} pixels and {_colours(k)} you gave {_bits(answer)} bits, "
            f"but the answer is {expected:,}")
    index_bits = math.ceil(math.log2(k))
    slips = [
        (n * index_bits, f"you left out the palette, which is stored once ({_colours(k)} x 24 "
                         f"bits = {24 * k:,} bits)."),
        (n * math.log2(k) + 24 * k, f"an index is a whole number of bits: {_colours(k)} need "
                                    f"ceil(log2 {k}) = {index_bits} bits per pixel, not "
                                    f"{math.log2(k):.3g}."),
        (expected / 8, "that is the size in bytes; the question asks for bits."),
        (n * 24, "that is the size of the original (24 bits per pixel), before quantising."),
        (n * index_bits + 24 * k * n, "the palette is stored once for the image, not once "
                                      "per pixel."),
        (n * (index_bits + 24), "each pixel stores only its palette index; the 24-bit "
                                "colours are stored once, in the palette."),
        (height * height * index_bits + 24 * k, "that counts height x height pixels: an image "
                                                "has height x width."),
    ]
    for value, why in slips:
        if value != expected and math.isclose(answer, value, rel_tol=1e-9):
            return f"{case}: {why}"
    # the method, not its formula: the stub's output must not hand over the answer
    return f"{case}. Count as section 5 does: each pixel's palette index, plus the palette once."


def check_compressed_size(func):
    """Check a student's ``func(height, width, n_colors) -> bits``.

    The answer counts, in bits, a fixed-width palette index for every pixel
    (``ceil(log2 n_colors)`` bits: a whole number of bits that can name every
    palette colour; 0 bits for a single colour) plus the palette itself, stored
    once (24 bits a colour). The cases: the lesson's photo with 16 colours,
    one colour (k = 1), 17 colours (not a power of two), a tiny image where the
    palette outweighs the pixels, an image whose height and width differ, a
    large photo (many pixels) and the photo with 64 colours.

    Parameters
    ----------
    func : callable
        The student's function: ``func(height, width, n_colors)`` returns the
        size in bits.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when every case is right; otherwise the
        sentence names the first wrong case and, if it recognises it, the slip.

    Examples
    --------
    >>> import math
    >>> def size(height, width, n_colors):
    ...     return height * width * math.ceil(math.log2(n_colors)) + 24 * n_colors
    >>> check_compressed_size(size)  # doctest: +NORMALIZE_WHITESPACE
    Correct: every size matches; the lesson's photo with 16 colours takes 1,093,504 bits
    instead of 6,558,720. (7 cases: the lesson's photo, 427x640 with 16 colours; one colour
    (k = 1): no index at all, only the palette; 17 colours: not a power of two, so 5 index
    bits; a tiny image, 4x4 with 5 colours: the palette outweighs the pixels; a tall image,
    7x3 with 2 colours: height and width differ; many pixels, 6000x4000 with 256 colours;
    427x640 with 64 colours)
    >>> check_compressed_size(lambda h, w, k: h * w * math.ceil(math.log2(k)))
    Not yet: case 1 of 7 (the lesson's photo, 427x640 with 16 colours): for 427x640 pixels and 16 colours you gave 1,093,120 bits, but the answer is 1,093,504: you left out the palette, which is stored once (16 colours x 24 bits = 384 bits).
    """  # noqa: E501 (a doctest's output, one line)
    height, width, k = _CASES[0].args
    success = (f"every size matches; the lesson's photo with {_colours(k)} takes "
               f"{compressed_bits(height, width, k):,} bits instead of {24 * height * width:,}.")
    return check_cases(func, _CASES, _judge, success)
