"""MoonsExplorer driven from code, and the embedding plot it uses."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

import kmeans_teach as kt  # noqa: E402
from kmeans_teach.plotting import embedding_view, plot_embedding, update_embedding  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"
SMALL = dict(noise_values=[0.05, 0.1], n_neighbors_values=[5, 10, 14], show_progress=False)


@pytest.fixture(scope="module")
def default_app():
    return kt.MoonsExplorer(show_progress=False)


def test_builds_with_no_arguments_on_the_lesson_case(default_app):
    app = default_app
    assert (app.noise_slider.value, app.n_neighbors_slider.value) == (0.05, 10)
    assert app.image.value[:8] == PNG
    assert repr(app) == ("MoonsExplorer(noise=0.05, n_neighbors=10: k-means ARI 0.256, "
                         "spectral ARI 1.000, graph in 2 pieces)")
    # every slider position was computed once, up front
    assert len(app.cases) == 9 * 18
    assert app.noise_slider.options[0][1] == 0.0 and app.noise_slider.options[-1][1] == 0.2
    # the lesson's case is what compare_on_moons gives
    case = kt.compare_on_moons()
    assert app.case.ari_kmeans == case.ari_kmeans and app.case.ari_spectral == case.ari_spectral


def test_status_states_the_graph_warning_on_the_lesson_case(default_app):
    status = default_app.status.value
    assert "spectral ARI 1.000" in status
    assert 'scikit-learn warns "Graph is not fully connected"' in status
    assert "2 pieces, the two moons" in status


def test_moving_a_slider_changes_image_and_status_without_recomputing():
    app = kt.MoonsExplorer(**SMALL)
    cases = dict(app.cases)
    image, status = app.image.value, app.status.value
    app.n_neighbors_slider.value = 5
    assert app.image.value != image and app.image.value[:8] == PNG
    assert app.status.value != status
    assert "4 pieces, more than 2 clusters" in app.status.value
    assert "spectral clustering breaks" in app.status.value
    assert app.case.ari_spectral < 0.5
    app.noise_slider.value = 0.1
    app.n_neighbors_slider.value = 14
    assert "graph connected" in app.status.value and "warns" not in app.status.value
    assert app.cases == cases  # nothing was recomputed
    for key, case in cases.items():
        assert app.cases[key] is case
    # going back shows the same frame (from the cache) and the same words
    app.noise_slider.value, app.n_neighbors_slider.value = 0.05, 10
    assert app.image.value == image and app.status.value == status


def test_status_words_agree_with_pieces_and_ari_at_every_position():
    app = kt.MoonsExplorer(0.05, 3, noise_values=[0.025, 0.05, 0.075],
                           n_neighbors_values=[3, 4, 5, 6], show_progress=False)
    for (noise, k), case in app.cases.items():
        app.noise_slider.value, app.n_neighbors_slider.value = noise, k
        status, pieces = app.status.value, case.embedding.n_graph_components
        assert f"noise {noise:.3f} · n_neighbors {k} ·" in status
        assert ("warns" in status) == (pieces > 1)
        if pieces > 2:
            assert ("breaks" in status) == (case.ari_spectral < 0.9)
        if pieces == 2:
            moons = "the two moons" in status and "not the two moons" not in status
            assert moons == (adjusted_rand_score(case.y, case.embedding.graph_labels) == 1)


def test_frames_drawn_anew_match_the_first_ones():
    app = kt.MoonsExplorer(**SMALL)
    first = app.image.value
    app.n_neighbors_slider.value = 5
    app.n_neighbors_slider.value = 10
    app.clear_cache()
    app.refresh()
    # blitting redraws exactly what a fresh draw shows
    np.testing.assert_array_equal(pixels(app.image.value), pixels(first))


@pytest.mark.parametrize("moves", [[("noise", 0.1)], [("noise", 0.1), ("k", 5)],
                                   [("k", 14), ("noise", 0.1), ("k", 5), ("noise", 0.05)]])
def test_artists_follow_the_case(moves):
    app = kt.MoonsExplorer(**SMALL)
    for which, value in moves:
        slider = app.noise_slider if which == "noise" else app.n_neighbors_slider
        slider.value = value
    case = app.case
    np.testing.assert_allclose(app._kmeans_points.get_offsets(), case.X)
    np.testing.assert_allclose(app._spectral_points.get_offsets(), case.X)
    np.testing.assert_allclose(app._centers.get_offsets(), case.kmeans_centers)
    np.testing.assert_allclose(app._embedding.points.get_offsets(),
                               embedding_view(case.embedding.coords))
    assert f"ARI {case.ari_kmeans:.3f}" in app._kmeans_title.get_text()
    assert f"ARI {case.ari_spectral:.3f}" in app._spectral_title.get_text()


def test_bad_arguments():
    with pytest.raises(ValueError, match="noise=0.07 is not one of noise_values"):
        kt.MoonsExplorer(noise=0.07, **SMALL)
    with pytest.raises(ValueError, match="n_neighbors=11 is not one of n_neighbors_values"):
        kt.MoonsExplorer(n_neighbors=11, **SMALL)
    with pytest.raises(ValueError, match="at least one value"):
        kt.MoonsExplorer(noise_values=[], show_progress=False)


def test_callbacks_print_nothing(capsys):
    app = kt.MoonsExplorer(**SMALL)
    capsys.readouterr()
    app.n_neighbors_slider.value = 14
    app.noise_slider.value = 0.1
    assert capsys.readouterr() == ("", "")


# --- the embedding plot ---------------------------------------------------------


def test_embedding_view_centres_and_scales_by_one_factor():
    coords = np.array([[0.0, 10.0, 0.0], [2.0, 10.5, 1.0], [4.0, 11.0, 5.0]])
    view = embedding_view(coords, dims=(0, 1))
    # the x range (4) is the larger one: it becomes [-1, 1]; y keeps its proportion
    np.testing.assert_allclose(view, [[-1, -0.25], [0, 0], [1, 0.25]])
    d_before = np.linalg.norm(coords[0, :2] - coords[2, :2])
    d_after = np.linalg.norm(view[0] - view[2])
    assert d_after == pytest.approx(d_before / 2)
    np.testing.assert_allclose(embedding_view(np.ones((3, 2))), 0)  # all on one spot
    with pytest.raises(ValueError, match="dimensions"):
        embedding_view(coords, dims=(1, 3))


def test_plot_and_update_embedding():
    fig, ax = plt.subplots()
    try:
        emb = kt.spectral_embedding_of(kt.compare_on_moons(0.1, 10).X, n_neighbors=10,
                                       n_components=3, random_state=0)
        labels = (emb.coords[:, 1] > 0).astype(int)
        artists = plot_embedding(ax, emb.coords, labels, dims=(1, 2), title="here")
        assert artists.title.get_text() == "here"
        assert ax.get_xlabel() == "eigenvector 2 ÷ √degree" and ax.get_ylabel() == "eigenvector 3 ÷ √degree"
        assert len(ax.collections) == 1 and len(fig.axes) == 1
        np.testing.assert_allclose(artists.points.get_offsets(),
                                   embedding_view(emb.coords, (1, 2)))
        colours = artists.points.get_facecolors().copy()
        update_embedding(artists, emb.coords[::-1], 1 - labels, title="there")
        np.testing.assert_allclose(artists.points.get_offsets(),
                                   embedding_view(emb.coords[::-1], (1, 2)))
        assert not np.allclose(artists.points.get_facecolors(), colours)
        assert artists.title.get_text() == "there"
    finally:
        plt.close(fig)


def test_status_says_when_the_spectral_result_is_not_determined():
    app = kt.MoonsExplorer(**SMALL)
    app.n_neighbors_slider.value = 5
    assert not app.case.spectral_determined
    assert "not determined" in app.status.value
    assert "not determined" in app._spectral_title.get_text()


def pixels(frame):
    """The RGB pixels of a frame (the first frame is encoded smaller, with the same pixels)."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(bytes(frame))).convert("RGB"))


def test_plot_embedding_unscaled_keeps_the_values_and_ticks():
    fig, ax = plt.subplots()
    try:
        emb = kt.spectral_embedding_of(kt.compare_on_moons(0.1, 10).X, n_neighbors=10,
                                       n_components=2, random_state=0)
        artists = plot_embedding(ax, emb.coords, None, rescale=False)
        np.testing.assert_allclose(artists.points.get_offsets(), emb.coords)
        fig.canvas.draw()
        assert len(ax.get_xticks()) > 1 and len(ax.get_yticks()) > 1
        update_embedding(artists, emb.coords[::-1])
        np.testing.assert_allclose(artists.points.get_offsets(), emb.coords[::-1])
    finally:
        plt.close(fig)
