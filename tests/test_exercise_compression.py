"""check_compressed_size: right answers pass; each case can fail on its own and is named."""

import math

import pytest

import kmeans_teach as kt
from kmeans_teach.exercises.compression import _CASES


def right(h, w, k):
    return h * w * math.ceil(math.log2(k)) + 24 * k


def right_too(h, w, k):
    return h * w * (k - 1).bit_length() + 24 * k


def test_right_answers_pass_and_list_every_case():
    for func in (right, right_too, lambda h, w, k: float(right(h, w, k))):
        feedback = kt.check_compressed_size(func)
        assert feedback and repr(feedback).startswith("Correct: ")
        assert f"({len(_CASES)} cases: " in feedback.message
        assert all(case.name in feedback.message for case in _CASES)


def test_the_cases_cover_k_1_a_non_power_of_two_a_tiny_a_tall_and_a_big_image():
    args = [case.args for case in _CASES]
    assert args[0] == (427, 640, 16)  # the lesson's example comes first
    assert any(k == 1 for _, _, k in args)
    assert any(k & (k - 1) for _, _, k in args)  # not a power of two
    assert any(24 * k > h * w * (k - 1).bit_length() for h, w, k in args)  # the palette dominates
    assert any(h != w and h > w for h, w, _ in args)
    assert any(h * w > 10**7 for h, w, _ in args)


def test_a_function_that_knows_only_the_old_examples_is_caught():
    old = {(427, 640, 16): 4, (427, 640, 64): 6, (427, 640, 10): 4, (4, 4, 5): 3, (10, 10, 1): 0}

    def lookup(h, w, k):
        return h * w * old[h, w, k] + 24 * k

    feedback = kt.check_compressed_size(lookup)
    assert not feedback
    assert feedback.message.startswith("case 3 of 7 (17 colours: not a power of two")
    assert "raised KeyError" in feedback.message


def broken_on(index, func=right):
    """``right`` except on one case: there it is off by one bit."""
    h0, w0, k0 = _CASES[index].args
    return lambda h, w, k: func(h, w, k) + ((h, w, k) == (h0, w0, k0))


@pytest.mark.parametrize("index", range(len(_CASES)))
def test_each_case_can_fail_on_its_own_and_is_named(index):
    feedback = kt.check_compressed_size(broken_on(index))
    assert not feedback
    assert feedback.message.startswith(f"case {index + 1} of {len(_CASES)} ({_CASES[index].name}): ")


@pytest.mark.parametrize("wrong, case, words", [
    (lambda h, w, k: h * w * math.ceil(math.log2(k)), 1, "left out the palette"),
    (lambda h, w, k: h * w * math.log2(k) + 24 * k, 3, "whole number of bits"),
    (lambda h, w, k: right(h, w, k) / 8, 1, "in bytes"),
    (lambda h, w, k: h * w * 24, 1, "size of the original"),
    (lambda h, w, k: h * w * (math.ceil(math.log2(k)) + 24 * k), 1, "not once per pixel"),
    (lambda h, w, k: h * w * (math.ceil(math.log2(k)) + 24), 1, "stores only its palette index"),
    (lambda h, w, k: h * h * math.ceil(math.log2(k)) + 24 * k, 1, "height x height"),
    (lambda h, w, k: None, 1, "expected a number of bits"),
    (lambda h, w: 0, 1, "raised TypeError"),
    (lambda h, w, k: 12345, 1, "for 427x640 pixels and 16 colours you gave 12,345 bits"),
    # log2(1) = 0 is right; a "1 bit at least" rule is wrong only for k = 1
    (lambda h, w, k: h * w * max(1, math.ceil(math.log2(k))) + 24 * k, 2, "10x10 pixels and 1 colour"),
])
def test_slips_are_named_with_their_case(wrong, case, words):
    feedback = kt.check_compressed_size(wrong)
    assert not feedback and repr(feedback).startswith("Not yet: ")
    assert feedback.message.startswith(f"case {case} of {len(_CASES)} ")
    assert words in feedback.message


def test_the_stub_of_the_notebook_fails_on_the_lesson_example():
    def compressed_size(height, width, n_colors):
        index_bits = 0
        palette_bits = 0
        return height * width * index_bits + palette_bits

    feedback = kt.check_compressed_size(compressed_size)
    assert repr(feedback) == ("Not yet: case 1 of 7 (the lesson's photo, 427x640 with 16 colours): "
                              "for 427x640 pixels and 16 colours you gave 0 bits, but the answer is "
                              "1,093,504. Count as section 5 does: each pixel's palette index, plus "
                              "the palette once.")
    assert "log2" not in feedback.message  # the failure names the method, not the formula
