"""check_palette_size: the decision (fewest colours for a PSNR target) and its number are both checked."""

import pytest

import kmeans_teach as kt
from kmeans_teach.exercises.palette_size import _CHOICES, _result


def psnr(k, image="china.jpg"):
    return _result(image, k).psnr


def fewest(target, image="china.jpg"):
    return min(k for k in _CHOICES if psnr(k, image) >= target)


def test_the_checker_uses_the_apps_palettes():
    app = kt.ColorExplorer(images=("china.jpg",), max_colors=16, show_progress=False)
    for k in (2, 16):
        assert psnr(k) == app.results["china.jpg"][k - 2].psnr


def test_the_right_decision_with_its_number_passes_and_says_what_would_change_it():
    k = fewest(30)
    feedback = kt.check_palette_size(k, round(psnr(k), 1), target=30)
    assert feedback and repr(feedback).startswith(f"Correct: {k} colours are the fewest that reach 30 dB")
    assert f"{k // 2} colours give {psnr(k // 2):.1f} dB" in feedback.message
    assert "would let you keep" in feedback.message
    assert psnr(k // 2) < 30 <= psnr(k)  # the truth the answer rests on


def test_too_few_colours_are_told_to_grow_without_being_given_the_answer():
    feedback = kt.check_palette_size(16, round(psnr(16), 1), target=30)
    assert not feedback and "below the 30 dB target: keep more colours" in feedback.message
    assert str(fewest(30)) not in feedback.message.split("colours give")[1]


def test_too_many_colours_are_told_a_smaller_palette_suffices():
    k = fewest(25)
    assert k < 64
    feedback = kt.check_palette_size(64, round(psnr(64), 1), target=25)
    assert not feedback and "so does a smaller power of two" in feedback.message


def test_a_wrong_number_is_caught_even_for_the_right_decision():
    k = fewest(30)
    feedback = kt.check_palette_size(k, round(psnr(k), 1) + 0.5, target=30)
    assert not feedback and f"their PSNR is {psnr(k):.1f} dB" in feedback.message


def test_a_palette_that_is_not_a_power_of_two_is_explained():
    feedback = kt.check_palette_size(20, 28.3)
    assert not feedback and "5-bit index, as 32 colours do" in feedback.message


def test_the_other_photo_and_another_target_are_judged_on_their_own_numbers():
    k = fewest(28, "flower.jpg")
    assert kt.check_palette_size(k, round(psnr(k, "flower.jpg"), 1), target=28, image="flower.jpg")


@pytest.mark.parametrize("args, kwargs, words", [
    ((1, 17.0), {}, "a whole number from 2 to 64"),
    ((65, 32.0), {}, "a whole number from 2 to 64"),
    ((16.0, 27.4), {}, "a whole number from 2 to 64"),
    ((True, 27.4), {}, "a whole number from 2 to 64"),
    ((16, "27.4"), {}, "quote the PSNR as a number"),
    ((16, float("nan")), {}, "quote the PSNR as a number"),
    ((16, 27.4), {"image": "moon.jpg"}, "image must be one of"),
    ((16, 27.4), {"target": "high"}, "target must be a number of decibels"),
])
def test_bad_input_gets_a_sentence(args, kwargs, words):
    feedback = kt.check_palette_size(*args, **kwargs)
    assert not feedback and words in feedback.message
