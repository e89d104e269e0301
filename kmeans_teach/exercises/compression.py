"""Lesson 06's exercise: how many bits does an image with a k-colour palette take?"""

from __future__ import annotations

import math
from numbers import Real

from ..quantize import compressed_bits
from ._feedback import Feedback, call_student

__all__ = ["check_compressed_size"]


def _bits(value):
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def _colours(k):
    return f"{k} colour" if k == 1 else f"{k} colours"

# (height, width, n_colors): the lesson's photo at 16 and 64 colours, a palette
# that is not a power of two, and a tiny image where the palette dominates
_CASES = ((427, 640, 16), (427, 640, 64), (427, 640, 10), (4, 4, 5), (10, 10, 1))


def check_compressed_size(func):
    """Check a student's ``func(height, width, n_colors) -> bits``.

    The answer counts, in bits, a fixed-width palette index for every pixel
    (``ceil(log2 n_colors)`` bits: a whole number of bits that can name every
    palette colour) plus the palette itself, stored once (24 bits a colour).

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
    >>> check_compressed_size(size)
    Correct: all 5 cases match, from 427x640 with 16 colours (1,093,504 bits) to 10x10 with 1 colour (24 bits).
    >>> check_compressed_size(lambda h, w, k: h * w * math.ceil(math.log2(k)))
    Not yet: for 427x640 pixels and 16 colours you gave 1,093,120 bits, but the answer is 1,093,504: you left out the palette, which is stored once (16 colours x 24 bits = 384 bits).
    """
    for height, width, k in _CASES:
        answer, problem = call_student(func, height, width, k)
        if problem is not None:  # (a failing Feedback is falsy: test for None)
            return problem
        if isinstance(answer, bool) or not isinstance(answer, Real):
            return Feedback(False, f"expected a number of bits, but got {answer!r} of type "
                                   f"{type(answer).__name__}.")
        expected = compressed_bits(height, width, k)
        if math.isclose(answer, expected, rel_tol=1e-12, abs_tol=1e-9):
            continue
        n = height * width
        case = (f"for {height}x{width} pixels and {_colours(k)} you gave {_bits(answer)} bits, "
                f"but the answer is {expected:,}")
        index_bits = math.ceil(math.log2(k))
        slips = [
            (n * index_bits, f"you left out the palette, which is stored once ({k} colours x 24 "
                             f"bits = {24 * k:,} bits)."),
            (n * math.log2(k) + 24 * k, f"an index is a whole number of bits: {k} colours need "
                                        f"ceil(log2 {k}) = {index_bits} bits per pixel, not "
                                        f"{math.log2(k):.3g}."),
            (expected / 8, "that is the size in bytes; the question asks for bits."),
            (n * 24, "that is the size of the original (24 bits per pixel), before quantising."),
            (n * index_bits + 24 * k * n, "the palette is stored once for the image, not once "
                                          "per pixel."),
            (n * (index_bits + 24), "each pixel stores only its palette index; the 24-bit "
                                    "colours are stored once, in the palette."),
        ]
        for value, why in slips:
            if math.isclose(answer, value, rel_tol=1e-9):
                return Feedback(False, f"{case}: {why}")
        return Feedback(False, f"{case}. Count ceil(log2 k) bits per pixel, plus 24 bits for "
                               "each palette colour.")
    first, last = _CASES[0], _CASES[-1]
    return Feedback(True, f"all {len(_CASES)} cases match, from {first[0]}x{first[1]} with "
                          f"{_colours(first[2])} ({compressed_bits(*first):,} bits) to "
                          f"{last[0]}x{last[1]} with {_colours(last[2])} "
                          f"({compressed_bits(*last):,} bits).")
