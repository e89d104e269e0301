"""The slides (`make slides`) and static pages (`make html`) built from the notebooks.

These tests build into a temporary folder and read the HTML; the browser tests
(tests/browser/test_pages.py) open the same builds in Chromium with the network
blocked.
"""

from __future__ import annotations

import base64
import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

import kmeans_teach as kt

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
sys.path.insert(0, str(ROOT / "web"))
import build  # noqa: E402  (web/build.py)


@pytest.fixture(scope="module", autouse=True)
def _node_modules():
    if not (build.NODE_MODULES / "reveal.js").exists():
        message = "web/node_modules not found; install it with: make node_modules"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this fails instead of skipping)")
        pytest.skip(message)


@pytest.fixture(scope="module")
def notebooks():
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/ yet")
    return NOTEBOOKS


def expected_slides(nb):
    """(slides, slides + subslides) that the slideshow metadata asks for.

    Cells marked "skip" or "notes" are not shown; the first shown cell always
    starts a slide, whatever its own mark says.
    """
    kinds = [cell.metadata.get("slideshow", {}).get("slide_type", "-") for cell in nb.cells]
    shown = [kind for kind in kinds if kind not in ("skip", "notes")]
    shown[0] = "slide"
    return shown.count("slide"), shown.count("slide") + shown.count("subslide")


class _Sections(HTMLParser):
    """Count reveal.js <section>s: top level (slides) and innermost (what is shown)."""

    def __init__(self):
        super().__init__()
        self.stack, self.top, self.leaves = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            if self.stack:
                self.stack[-1] = True  # the parent has a child section
            else:
                self.top += 1
            self.stack.append(False)

    def handle_endtag(self, tag):
        if tag == "section":
            self.leaves += not self.stack.pop()


class _Page(HTMLParser):
    """Collect a page's <img> tags, script/link URLs and meta tags."""

    def __init__(self):
        super().__init__()
        self.images, self.urls, self.meta, self.links = [], [], [], []
        self.widget_state = None
        self._in_state = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag in ("script", "link") and (attrs.get("src") or attrs.get("href")):
            self.urls.append(attrs.get("src") or attrs.get("href"))
        if tag == "meta":
            self.meta.append(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script" and attrs.get("type") == "application/vnd.jupyter.widget-state+json":
            self._in_state = True

    def handle_data(self, data):
        if self._in_state:
            self.widget_state = (self.widget_state or "") + data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_state = False


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _check_local(urls, page_path: Path):
    """Every script and stylesheet is a local file next to the build."""
    for url in urls:
        assert not re.match(r"(https?:)?//", url), f"{page_path.name} loads {url} from the network"
        local = (page_path.parent / url.split("?")[0]).resolve()
        assert local.exists(), f"{page_path.name} refers to {url}, which was not copied"


# --- slides ----------------------------------------------------------------------------
def test_expected_slides_counts_by_hand():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(metadata={"slideshow": {"slide_type": "skip"}}),
        nbformat.v4.new_markdown_cell("# t", metadata={"slideshow": {"slide_type": "-"}}),
        nbformat.v4.new_markdown_cell("a", metadata={"slideshow": {"slide_type": "subslide"}}),
        nbformat.v4.new_markdown_cell("b", metadata={"slideshow": {"slide_type": "fragment"}}),
        nbformat.v4.new_markdown_cell("c", metadata={"slideshow": {"slide_type": "slide"}}),
        nbformat.v4.new_markdown_cell("d", metadata={"slideshow": {"slide_type": "notes"}}),
    ])
    assert expected_slides(nb) == (2, 3)


def test_slides_match_the_slideshow_metadata(notebooks, tmp_path):
    notebook = notebooks[0]
    [slides] = build.build_slides([notebook], out=tmp_path / "slides")
    assert slides.name == f"{notebook.stem}.slides.html"
    sections = _Sections()
    sections.feed(slides.read_text(encoding="utf-8"))
    n_slides, n_shown = expected_slides(nbformat.read(notebook, as_version=4))
    assert (sections.top, sections.leaves) == (n_slides, n_shown)
    assert n_slides >= 3, "a lesson should have at least a title slide and two sections"


def test_slides_load_nothing_from_the_network(notebooks, tmp_path):
    [slides] = build.build_slides(notebooks[:1], out=tmp_path / "slides")
    page = _parse(slides)
    _check_local(page.urls, slides)
    text = slides.read_text(encoding="utf-8")
    assert "unpkg.com" not in text and "cdnjs" not in text
    for part in ("dist/reveal.js", "plugin/notes/notes.js", "dist/reveal.css"):
        assert (tmp_path / "_static" / "reveal.js" / part).exists()


# --- static pages ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def site(notebooks, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "html"
    build.build_html(notebooks, out=out)
    return out


def test_every_notebook_has_a_page_listed_in_the_index(notebooks, site):
    index = _parse(site / "index.html")
    for notebook in notebooks:
        assert (site / f"{notebook.stem}.html").exists()
        assert f"{notebook.stem}.html" in index.links
    assert len(index.links) == len(notebooks)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_page_has_its_images_alt_text_and_widget_state(notebook, site):
    nb = nbformat.read(notebook, as_version=4)
    path = site / f"{notebook.stem}.html"
    page = _parse(path)
    # figures are PNG; lesson 06 stores its photographs as JPEG
    stored = [out.data[kind].replace("\n", "")
              for cell in nb.cells if cell.cell_type == "code"
              for out in cell.get("outputs", [])
              for kind in ("image/png", "image/jpeg") if kind in out.get("data", {})]
    shown = [img["src"].split(",", 1)[1] for img in page.images
             if img.get("src", "").startswith(("data:image/png;base64,", "data:image/jpeg;base64,"))]
    assert shown == stored, f"{path.name}: the figures differ from the notebook's stored outputs"
    for img in page.images:
        assert img.get("alt", "").strip() not in ("", "Figure"), f"an image without alt text in {path.name}"
    assert any(m.get("name") == "viewport" for m in page.meta), "no viewport meta: not readable on a phone"
    _check_local(page.urls, path)

    views = [out for cell in nb.cells if cell.cell_type == "code"
             for out in cell.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in out.get("data", {})]
    if views:
        assert page.widget_state, f"{path.name}: the notebook shows widgets, but no state is embedded"
        state = json.loads(page.widget_state)["state"]
        images = [m for m in state.values() if m["model_name"] == "ImageModel"]
        # a notebook that builds an app stores its frame (lesson 10 shows only progress bars)
        source = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
        builds_app = any(f"kt.{app}(" in source for app in kt._LAZY_APPS)
        assert images or not builds_app, f"{path.name}: no stored Image widget"
        for model in images:
            # ipywidgets' front end cannot draw an Image with a tooltip but no description
            # (the fix is in kmeans_teach/apps/base.py; older stored states lack it)
            assert not model["state"].get("tooltip") or "description" in model["state"], (
                f"{path.name}: an app image was stored by an older kmeans_teach and will not "
                f"render; re-run the notebook: make execute NB=notebooks/{notebook.name}")
            [buffer] = [b for b in model.get("buffers", []) if b["path"] == ["value"]]
            # the stored frame is an image in the format the widget says
            signature = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}[model["state"]["format"]]
            assert base64.b64decode(buffer["data"]).startswith(signature)


def test_what_the_notebook_folds_is_folded_on_the_page(tmp_path):
    # the solutions' code (source_hidden) and a prediction's answer (outputs_hidden)
    # stay out of sight on the static page until the reader opens them
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("shown_code = 1", metadata={}),
        nbformat.v4.new_code_cell("answer_code = 2", metadata={"jupyter": {"source_hidden": True}}),
        nbformat.v4.new_code_cell("print(3)", metadata={"jupyter": {"outputs_hidden": True}},
                                  outputs=[nbformat.v4.new_output("stream", text="THE ANSWER\n")]),
    ])
    path = tmp_path / "folds.ipynb"
    nbformat.write(nb, path)
    _index, page = build.build_html([path], tmp_path / "html")
    html = page.read_text(encoding="utf-8")
    folds = re.findall(r'<details class="kt-folded">(.*?)</details>', html, flags=re.S)
    assert len(folds) == 2
    assert "answer_code" in folds[0] and "THE ANSWER" in folds[1]
    assert not any("shown_code" in fold for fold in folds)


def test_alt_text_is_the_sentence_next_to_the_figure():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## 2. Centers\n\nThe figure shows **four** centers. More."),
        nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
            "display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]),
    ])
    assert build.add_alt_text(nb) == 1
    alt = nb.cells[1].outputs[0].metadata["alt"]
    assert alt == "Figure: The figure shows four centers. More."


def test_app_image_state_can_be_drawn_by_the_front_end():
    # ipywidgets' JavaScript reads `description.length` whenever a tooltip is set;
    # an Image without a description fails to render (see kmeans_teach/apps/base.py)
    import kmeans_teach as kt

    state = kt.StepThrough().image.get_state()
    assert state["tooltip"], "the app image should carry its alt text as a tooltip"
    assert state["description"] == ""


def test_slides_wrap_long_lines_at_the_slide_edge(notebooks, tmp_path):
    # the rules that keep code and output inside a projected slide (tests/browser/
    # test_slides.py measures them on every slide in Chromium)
    [slides] = build.build_slides(notebooks[:1], out=tmp_path / "slides")
    text = slides.read_text(encoding="utf-8")
    assert "white-space: pre-wrap" in text and "overflow-wrap: anywhere" in text
    assert "box-sizing: border-box" in text


def test_make_lab_and_present_silence_news_in_the_venv_only():
    makefile = (ROOT / "Makefile").read_text()
    found = re.search(r"^define LAB_SETTINGS\n(.*?)\nendef$", makefile, re.M | re.S)
    settings = json.loads(found.group(1))
    assert settings["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false", "checkForUpdates": False}
    assert "LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.d/" in makefile
    for target in ("lab", "present"):
        recipe = re.search(rf"^{target}: (.*)$", makefile, re.M).group(1)
        assert "$(LAB_OVERRIDES)" in recipe, f"make {target} does not write the settings"
    assert "--Voila.ip=127.0.0.1" in makefile and "--token" in makefile
    assert "--ServerApp.ip=127.0.0.1" in makefile
