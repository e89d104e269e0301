"""Colour quantisation (lesson 06): arithmetic, k-means palettes, bad input, ColorExplorer."""

import math

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.cluster import KMeans

import kmeans_teach as kt
from kmeans_teach.apps import ColorExplorer
from kmeans_teach.plotting import (
    plot_image,
    plot_palette,
    plot_pixel_cloud,
    update_image,
    update_palette,
    update_pixel_cloud,
)


def few_colour_image(n_colors, shape=(12, 9), seed=0):
    """An image made of exactly ``n_colors`` random colours, scattered at random."""
    rng = np.random.default_rng(seed)
    palette = rng.choice(256**3, size=n_colors, replace=False)
    palette = np.stack([palette >> 16, (palette >> 8) & 255, palette & 255], axis=1)
    labels = np.concatenate([np.arange(n_colors),  # every colour at least once
                             rng.integers(0, n_colors, shape[0] * shape[1] - n_colors)])
    rng.shuffle(labels)
    return palette.astype(np.uint8)[labels].reshape(*shape, 3)


def blob_image(seed=1, shape=(30, 40)):
    """Pixels scattered around three colours, so k-means has clear clusters to find."""
    rng = np.random.default_rng(seed)
    centers = np.array([[200, 40, 40], [30, 160, 60], [40, 60, 210]])
    labels = rng.integers(0, 3, shape[0] * shape[1])
    pixels = centers[labels] + rng.normal(scale=12, size=(len(labels), 3))
    return np.clip(np.rint(pixels), 0, 255).astype(np.uint8).reshape(*shape, 3)


# --- arithmetic ----------------------------------------------------------------
@pytest.mark.parametrize("k, index_bits", [(1, 0), (2, 1), (3, 2), (4, 2), (10, 4), (16, 4),
                                           (17, 5), (64, 6), (65, 7), (256, 8)])
def test_bits_per_pixel_is_a_whole_index_plus_the_palette_share(k, index_bits):
    n = 427 * 640
    assert kt.compressed_bits(427, 640, k) == n * index_bits + 24 * k
    assert kt.bits_per_pixel(n, k) == pytest.approx(index_bits + 24 * k / n, rel=1e-15)
    assert kt.compression_factor(n, k) == pytest.approx(24 / (index_bits + 24 * k / n))


def test_the_textbook_16_colour_numbers():
    n = 427 * 640
    assert kt.bits_per_pixel(n, 16) == pytest.approx(4.0014, abs=1e-4)
    assert kt.compression_factor(n, 16) == pytest.approx(5.998, abs=1e-3)


def test_quantized_image_uses_only_its_palette():
    # 16 colours instead of the 256**3 an 8-bit RGB image can hold: every pixel of
    # the result is one of the palette's colours
    image = blob_image()
    q = kt.quantize(image, 16, random_state=0)
    assert q.image.shape == image.shape and q.image.dtype == np.uint8
    used = np.unique(q.image.reshape(-1, 3), axis=0)
    assert len(used) <= 16
    assert all((q.palette == colour).all(axis=1).any() for colour in used)
    np.testing.assert_array_equal(q.image, q.palette[q.labels])


def test_arithmetic_rejects_bad_numbers():
    with pytest.raises(ValueError, match="n_colors must be at least 1"):
        kt.bits_per_pixel(100, 0)
    with pytest.raises(ValueError, match="n_pixels must be at least 1"):
        kt.compression_factor(0, 16)
    with pytest.raises(TypeError, match="height must be an integer"):
        kt.compressed_bits(4.5, 10, 2)


def test_psnr_by_hand():
    a = np.zeros((2, 2, 3), dtype=np.uint8)
    b = a.copy()
    b[0, 0] = [3, 4, 0]  # squared error 25 over 12 values
    assert kt.psnr(a, b) == pytest.approx(10 * math.log10(255**2 * 12 / 25))
    assert kt.psnr(b, a) == kt.psnr(a, b)
    assert kt.psnr(a, a) == math.inf
    full = np.full((2, 2, 3), 255, dtype=np.uint8)
    assert kt.psnr(a, full) == pytest.approx(0.0, abs=1e-12)  # the worst case: 0 dB


def test_psnr_does_not_wrap_around_uint8():
    a = np.array([[[0, 0, 0]]], dtype=np.uint8)
    b = np.array([[[255, 255, 255]]], dtype=np.uint8)  # a - b would wrap to 1 in uint8
    assert kt.psnr(a, b) == pytest.approx(0.0, abs=1e-12)


def test_psnr_rejects_images_of_different_sizes():
    with pytest.raises(ValueError, match="original has shape"):
        kt.psnr(np.zeros((2, 2, 3), np.uint8), np.zeros((2, 3, 3), np.uint8))


def test_count_colors():
    assert kt.count_colors(few_colour_image(7)) == 7
    assert kt.count_colors(kt.sample_image("china.jpg")) == 96615
    assert kt.count_colors(kt.sample_image("flower.jpg")) == 62941


# --- quantize --------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("k", [1, 3, 8])
def test_exact_when_the_palette_can_hold_every_colour(k, seed):
    image = few_colour_image(k, seed=seed)
    q = kt.quantize(image, k, random_state=seed)
    assert q.psnr == math.inf
    np.testing.assert_array_equal(q.image, image)
    assert q.inertia == 0.0
    n = image.shape[0] * image.shape[1]
    assert q.bits_per_pixel == pytest.approx(math.ceil(math.log2(k)) + 24 * k / n)
    assert q.compression_factor == pytest.approx(24 / q.bits_per_pixel)
    assert q.n_colors == k and q.palette.dtype == np.uint8 and q.image.dtype == np.uint8


def test_result_fields_agree_with_each_other():
    image = blob_image()
    q = kt.quantize(image, 5, random_state=0)
    assert q.labels.shape == image.shape[:2]
    assert q.psnr == pytest.approx(kt.psnr(image, q.image))
    diff = image.astype(float) - q.image
    assert q.inertia == pytest.approx((diff**2).sum())
    assert q.bits_per_pixel == kt.bits_per_pixel(image.shape[0] * image.shape[1], 5)
    assert "n_colors=5" in repr(q) and "method='kmeans'" in repr(q)
    with pytest.raises(ValueError):
        q.palette[0, 0] = 1  # results are read-only


def test_every_pixel_gets_its_nearest_palette_colour():
    image = blob_image()
    q = kt.quantize(image, 6, random_state=3)
    pixels = image.reshape(-1, 3).astype(float)
    d = ((pixels[:, None, :] - q.palette[None, :, :].astype(float)) ** 2).sum(axis=2)
    chosen = d[np.arange(len(d)), q.labels.reshape(-1)]
    np.testing.assert_allclose(chosen, d.min(axis=1))


def test_kmeans_palette_is_the_mean_of_its_pixels_and_matches_scikit_learn():
    image = blob_image()
    q = kt.quantize(image, 3, random_state=0)
    pixels = image.reshape(-1, 3).astype(float)
    for j, colour in enumerate(q.palette):
        mine = pixels[q.labels.reshape(-1) == j]
        # a converged k-means center is the mean of its pixels, rounded to a whole
        # colour: at most 0.5 off per channel (measured: at most 0.494 over 10 images
        # x 5 seeds); 1e-9 for the floating-point sum
        np.testing.assert_allclose(colour, mine.mean(axis=0), rtol=0, atol=0.5 + 1e-9)
    reference = KMeans(3, n_init=10, random_state=0).fit(pixels)
    ours = np.sort(q.palette.astype(float), axis=0)
    theirs = np.sort(np.rint(reference.cluster_centers_), axis=0)
    # Measured: equal over 10 images x 5 seeds. One unit is allowed because a center
    # within rounding error of a half-integer may round either way under another BLAS.
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1.0)
    # Rounding moves each palette channel by at most 0.5, which changes a pixel's
    # squared error by at most 3 x 0.5**2 = 0.75 on top of the same clustering
    # (measured: 0.38 per pixel at most, 10 images x 5 seeds).
    assert abs(q.inertia - reference.inertia_) <= 0.75 * len(pixels)


def test_more_colours_lose_less_on_the_photo():
    image = kt.sample_image("flower.jpg")
    psnrs = [kt.quantize(image, k, sample_size=3000, random_state=0).psnr for k in (2, 8, 32)]
    assert psnrs[0] < psnrs[1] < psnrs[2] < 60


def test_sample_size_and_minibatch_give_sensible_results():
    image = blob_image()
    full = kt.quantize(image, 3, random_state=0)
    for q in (kt.quantize(image, 3, sample_size=200, random_state=0),
              kt.quantize(image, 3, method="minibatch", random_state=0)):
        # a sample of 200 of the 1200 pixels, or mini-batches, find nearly the same
        # palette: measured at most 0.13 dB off over 10 images x 5 seeds
        assert q.psnr == pytest.approx(full.psnr, abs=0.3)


def test_random_state_makes_it_reproducible():
    image = blob_image()
    a = kt.quantize(image, 7, sample_size=300, random_state=5)
    b = kt.quantize(image, 7, sample_size=300, random_state=5)
    np.testing.assert_array_equal(a.palette, b.palette)
    np.testing.assert_array_equal(a.labels, b.labels)


@pytest.mark.parametrize("method", ["median_cut", "max_coverage", "fast_octree"])
def test_pillow_baselines(method):
    image = blob_image()
    q = kt.quantize(image, 8, method=method)
    assert q.method == method and q.labels.shape == image.shape[:2]
    assert q.labels.max() < len(q.palette) <= 8
    assert 15 < q.psnr < 60
    assert q.psnr == pytest.approx(kt.psnr(image, q.image))


def test_libimagequant_only_if_pillow_has_it():
    from PIL import features

    if features.check_feature("libimagequant"):
        assert "libimagequant" in kt.pillow_methods_available()
        assert kt.quantize(blob_image(), 4, method="libimagequant").psnr > 15
    else:
        assert "libimagequant" not in kt.pillow_methods_available()
        with pytest.raises(ValueError, match="not available in this Pillow build"):
            kt.quantize(blob_image(), 4, method="libimagequant")


def test_quantize_series_matches_quantize():
    image = blob_image()
    series = list(kt.quantize_series(image, [2, 4], sample_size=500, random_state=1))
    for q in series:
        alone = kt.quantize(image, q.n_colors, sample_size=500, random_state=1)
        np.testing.assert_array_equal(q.palette, alone.palette)


# --- bad input -------------------------------------------------------------------
@pytest.mark.parametrize("image, error, match", [
    (np.zeros((4, 4), np.uint8), ValueError, "grey-scale"),
    (np.zeros((4, 4, 4), np.uint8), ValueError, "RGBA"),
    (np.zeros((16, 3), np.uint8), ValueError, "list of pixels"),
    (np.zeros((0, 4, 3), np.uint8), ValueError, "empty"),
    (np.zeros((4, 4, 3), float), TypeError, "uint8.*np.clip"),
    (np.zeros((4, 4, 3), np.int64), TypeError, "dtype uint8"),
])
def test_bad_images_are_explained(image, error, match):
    with pytest.raises(error, match=match):
        kt.quantize(image, 2)


@pytest.mark.parametrize("n_colors, error, match", [
    (0, ValueError, "n_colors must be at least 1"),
    (-3, ValueError, "n_colors must be at least 1"),
    (5, ValueError, "more than the 4 distinct colours.*n_colors <= 4"),
    (2.0, TypeError, "n_colors must be an integer"),
    (True, TypeError, "n_colors must be an integer"),
])
def test_bad_n_colors_are_explained(n_colors, error, match):
    with pytest.raises(error, match=match):
        kt.quantize(few_colour_image(4), n_colors)


def test_other_bad_arguments():
    image = blob_image()
    with pytest.raises(ValueError, match="method must be one of"):
        kt.quantize(image, 2, method="kmeans++")
    with pytest.raises(ValueError, match="sample_size must be at least 1"):
        kt.quantize(image, 2, sample_size=0)
    with pytest.raises(ValueError, match="sample of 3 pixels has only"):
        kt.quantize(image, 5, sample_size=3, random_state=0)
    with pytest.raises(ValueError, match="more than the 4 distinct"):  # checked at once, not lazily
        kt.quantize_series(few_colour_image(4), [2, 9])
    with pytest.raises(ValueError, match="name must be one of"):
        kt.sample_image("lena.png")


# --- plotting --------------------------------------------------------------------
def test_plotting_functions_draw_on_their_axes_and_update_in_place():
    fig = Figure()
    ax1, ax2, ax3 = fig.subplots(1, 3)
    image = blob_image()
    q = kt.quantize(image, 4, random_state=0)
    shown = plot_image(ax1, image, title="original")
    update_image(shown, q.image)
    np.testing.assert_array_equal(np.asarray(shown.get_array()), q.image)
    swatches = plot_palette(ax2, q.palette)
    update_palette(swatches, q.palette[:2])
    assert np.asarray(swatches.get_array()).shape == (1, 2, 3)
    pixels = image.reshape(-1, 3)[:50]
    cloud = plot_pixel_cloud(ax3, pixels, channels=(0, 2))
    np.testing.assert_allclose(cloud.get_facecolors()[:, :3], pixels / 255)
    np.testing.assert_array_equal(cloud.get_offsets(), pixels[:, [0, 2]])
    assert ax3.get_xlabel() == "red" and ax3.get_ylabel() == "blue"
    update_pixel_cloud(cloud, q.image.reshape(-1, 3)[:50])
    np.testing.assert_allclose(cloud.get_facecolors()[:, :3], q.image.reshape(-1, 3)[:50] / 255)
    assert len(fig.axes) == 3  # nothing added elsewhere


# --- ColorExplorer -----------------------------------------------------------------
@pytest.fixture(scope="module")
def lesson_app():
    return ColorExplorer(show_progress=False)


def test_app_builds_with_no_arguments_on_the_lesson_case(lesson_app):
    app = lesson_app
    assert isinstance(app, widgets.VBox)
    assert list(app.image_dropdown.options) == ["china.jpg", "flower.jpg"]
    assert (app.k_slider.min, app.k_slider.max, app.k_slider.value) == (2, 64, 16)
    assert [r.n_colors for r in app.results["china.jpg"]] == list(range(2, 65))
    assert app.image.format == "jpeg" and app.image.value[:3] == b"\xff\xd8\xff"  # photos
    r = app.result
    assert repr(app) == (f"ColorExplorer(image='china.jpg', n_colors=16: PSNR {r.psnr:.1f} dB, "
                         "compression factor 6.00)")
    assert 25 < r.psnr < 30


def test_app_slider_only_reindexes_and_changes_image_and_status(lesson_app, monkeypatch):
    app = lesson_app
    results = app.results
    import kmeans_teach.apps.color_explorer as module

    def no_fitting(*args, **kwargs):
        raise AssertionError("a slider move must not fit k-means again")

    monkeypatch.setattr(module, "quantize_series", no_fitting)
    app.k_slider.value = 16
    image, status = app.image.value, app.status.value
    app.k_slider.value = 40
    assert app.results is results
    assert app.image.value != image and app.status.value != status
    expected = results["china.jpg"][38]
    assert f"PSNR {expected.psnr:.1f} dB" in app.status.value
    assert "40 colours (the photo has 96,615)" in app.status.value
    np.testing.assert_array_equal(np.asarray(app._quantised.get_array()), expected.image)
    app.k_slider.value = 16
    assert app.image.value == image and app.status.value == status


def test_app_image_dropdown(lesson_app):
    app = lesson_app
    app.k_slider.value = 16
    before = app.image.value
    app.image_dropdown.value = "flower.jpg"
    assert app.image.value != before
    assert app.status.value.startswith("flower.jpg · 16 colours (the photo has 62,941)")
    assert repr(app).startswith("ColorExplorer(image='flower.jpg', n_colors=16")
    app.image_dropdown.value = "china.jpg"
    assert app.image.value == before


def test_app_psnr_grows_with_the_number_of_colours(lesson_app):
    for name, results in lesson_app.results.items():
        psnrs = np.array([r.psnr for r in results])
        assert (np.diff(psnrs) > -0.3).all(), name  # sampled fits: small wobbles at most
        assert psnrs[-1] - psnrs[0] > 10


def test_app_takes_your_own_images_and_checks_its_arguments():
    images = {"blobs": blob_image(), "few": few_colour_image(6, shape=(20, 30))}
    app = ColorExplorer(images, n_colors=3, max_colors=6, sample_size=None, show_progress=False)
    assert app.k_slider.max == 6
    app.image_dropdown.value = "few"
    app.k_slider.value = 6
    assert app.result.psnr == math.inf and "PSNR inf dB" in app.status.value
    with pytest.raises(ValueError, match="max_colors must be between 2 and 6.*fewest distinct"):
        ColorExplorer(images, max_colors=7, show_progress=False)
    with pytest.raises(ValueError, match="n_colors must be between 2 and 6.*max_colors=6"):
        ColorExplorer(images, n_colors=9, max_colors=6, show_progress=False)
    with pytest.raises(ValueError, match=r"images\['bad'\] must have shape"):
        ColorExplorer({"bad": np.zeros((5, 5), np.uint8)}, show_progress=False)
    with pytest.raises(TypeError, match="n_colors must be an integer"):
        ColorExplorer(images, n_colors="16", max_colors=6, show_progress=False)
    with pytest.raises(ValueError, match="images is empty"):
        ColorExplorer({}, show_progress=False)


def test_app_callbacks_print_nothing(lesson_app, capsys):
    lesson_app.k_slider.value = 5
    lesson_app.image_dropdown.value = "flower.jpg"
    lesson_app.image_dropdown.value = "china.jpg"
    assert capsys.readouterr() == ("", "")


def test_n_iter_says_how_long_the_kmeans_fit_ran():
    image = blob_image()
    full = kt.quantize(image, 3, random_state=0)
    mini = kt.quantize(image, 3, method="minibatch", random_state=0)
    pillow = kt.quantize(image, 3, method="median_cut")
    assert isinstance(full.n_iter, int) and 1 <= full.n_iter <= 300  # KMeans' passes
    assert isinstance(mini.n_iter, int) and mini.n_iter >= 1  # MiniBatchKMeans' batch updates
    assert pillow.n_iter is None


def test_palette_png_bytes_is_a_lossless_file_smaller_than_the_raw_pixels():
    image = blob_image(shape=(60, 80))
    q = kt.quantize(image, 3, random_state=0)
    n_bytes = kt.palette_png_bytes(q)
    assert 0 < n_bytes < image.size  # a real file, smaller than 3 bytes a pixel
    two = kt.quantize(image, 2, random_state=0)
    assert kt.palette_png_bytes(two) != n_bytes  # it measures the image given, not a constant
    with pytest.raises(TypeError, match="quantized must be what kt.quantize returns"):
        kt.palette_png_bytes(image)
