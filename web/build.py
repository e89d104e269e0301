"""Build reveal.js slides and static HTML pages from the executed notebooks.

    python web/build.py slides [NOTEBOOK ...]   -> build/slides/NN_name.slides.html
    python web/build.py html   [NOTEBOOK ...]   -> build/html/NN_name.html + index.html

(`make slides` and `make html` call this after `npm ci` in web/.) The notebooks
are converted as committed, with their stored outputs and widget state; nothing is
executed here.

Everything a page loads comes from build/_static/, copied from web/node_modules
(reveal.js, require.js, jQuery, MathJax 2, @jupyter-widgets/html-manager), so the
slides work in a lecture hall without network and the pages work offline. nbconvert
would otherwise load all of these from CDNs.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "web" / "node_modules"
TEMPLATES = ROOT / "web" / "templates"
BUILD = ROOT / "build"

# what to copy from node_modules into build/_static (MathJax: only the CommonHTML
# output and TeX fonts that the nbconvert configuration uses, 6 MB instead of 73 MB)
_MATHJAX_PARTS = [
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions",
    "jax/input/TeX", "jax/element", "jax/output/CommonHTML", "jax/output/PreviewHTML",
    "fonts/HTML-CSS/TeX/woff", "fonts/HTML-CSS/TeX/otf", "localization/en",
]


def _copy(src: Path, dst: Path):
    if not src.exists():
        raise FileNotFoundError(
            f"{src} is missing: run `make node_modules` (npm ci in web/) first")
    if src.is_dir():
        shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map"))
    else:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)


def copy_static(build: Path = BUILD) -> Path:
    """Copy the JavaScript the pages need into ``build/_static`` and return it."""
    static = build / "_static"
    nm = NODE_MODULES
    _copy(nm / "reveal.js" / "dist", static / "reveal.js" / "dist")
    _copy(nm / "reveal.js" / "plugin" / "notes", static / "reveal.js" / "plugin" / "notes")
    _copy(nm / "requirejs" / "require.js", static / "require.js")
    _copy(nm / "jquery" / "dist" / "jquery.min.js", static / "jquery.min.js")
    _copy(nm / "@jupyter-widgets" / "html-manager" / "dist", static / "html-manager")
    for part in _MATHJAX_PARTS:
        if (nm / "mathjax" / part).exists():
            _copy(nm / "mathjax" / part, static / "mathjax" / part)
    return static


def _config(prefix: str) -> Config:
    """nbconvert settings that point every script at build/_static (``prefix``)."""
    c = Config()
    for exporter in ("HTMLExporter", "SlidesExporter"):
        c[exporter].require_js_url = f"{prefix}/require.js"
        c[exporter].jquery_url = f"{prefix}/jquery.min.js"
        c[exporter].mathjax_url = f"{prefix}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
        c[exporter].widget_renderer_url = f"{prefix}/html-manager/embed-amd.js"
    c.SlidesExporter.reveal_url_prefix = f"{prefix}/reveal.js"
    c.SlidesExporter.reveal_scroll = True
    # "white": its font ships with reveal.js; the default "simple" loads Google Fonts
    c.SlidesExporter.reveal_theme = "white"
    return c


def _exporter(cls, template: str, prefix: str):
    exporter = cls(config=_config(prefix), template_file=str(TEMPLATES / template))
    # not configurable (no config tag) in nbconvert 7.17, so set on the instance
    # the slide template imports mermaid.js on every page, but no lesson draws a
    # mermaid diagram: a stand-in module (a data: URL, since browsers refuse module
    # scripts from file://) keeps the slides free of network requests
    exporter.mermaid_js_url = "data:text/javascript,export default {initialize() {}};"
    exporter.mermaid_layout_elk_js_url = ""
    return exporter


# --- alt text ----------------------------------------------------------------------
def _plain(markdown: str) -> str:
    text = re.sub(r"`([^`]*)`", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*{1,2}([^*]+)\*{1,2}", r"\1", text)
    return " ".join(text.split())


def _first_sentence(markdown: str) -> str:
    lines = [ln for ln in markdown.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    text = _plain(" ".join(lines))
    if not text:  # a heading only
        return _plain(re.sub(r"^#+\s*(\d+\.\s*)?", "", markdown.strip().splitlines()[0]))
    # a sentence ends at . ! or ? followed by a capital letter or the end;
    # a very short first sentence ("Now the same run as pictures.") takes the next one too
    sentences = re.findall(r".+?[.!?](?=\s+[A-Z]|$)|.+$", text)
    sentence = ""
    for part in sentences:
        sentence = f"{sentence} {part.strip()}".strip()
        if len(sentence) >= 60:
            break
    return sentence if len(sentence) <= 250 else sentence[:250].rsplit(" ", 1)[0] + " ..."


def add_alt_text(nb) -> int:
    """Give each image output an alt text: the sentence that introduces its figure.

    The house style puts a sentence saying what a figure shows next to it;
    the nearest markdown cell above (or, failing that, below) is used. The text
    goes into the output's metadata (``alt``), which the page template writes
    into the ``<img>``. Returns the number of images labelled.
    """
    cells = nb.cells
    n = 0
    for i, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        above = [c for c in cells[:i] if c.cell_type == "markdown"]
        below = [c for c in cells[i + 1:] if c.cell_type == "markdown"]
        source = above[-1].source if above else (below[0].source if below else "")
        alt = _first_sentence(source) if source.strip() else "Figure"
        for output in cell.get("outputs", []):
            if {"image/png", "image/jpeg"} & set(output.get("data", {})):
                output.setdefault("metadata", {})["alt"] = "Figure: " + alt
                n += 1
    return n


def title_of(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return _plain(line[2:])
    return fallback


def _read(path: Path):
    nb = nbformat.read(path, as_version=4)
    add_alt_text(nb)
    nb.metadata["title"] = title_of(nb, path.stem)
    return nb


# --- builders ----------------------------------------------------------------------
def build_slides(notebooks, out: Path = BUILD / "slides") -> list[Path]:
    """reveal.js slides, one file per notebook, loading reveal.js from ../_static."""
    out.mkdir(parents=True, exist_ok=True)
    copy_static(out.parent)
    exporter = _exporter(SlidesExporter, "kt_slides.html.j2", "../_static")
    written = []
    for path in map(Path, notebooks):
        body, _ = exporter.from_notebook_node(_read(path), resources={"metadata": {"name": path.stem}})
        target = out / f"{path.stem}.slides.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def build_html(notebooks, out: Path = BUILD / "html") -> list[Path]:
    """One static page per notebook (stored outputs and widget state) and an index."""
    out.mkdir(parents=True, exist_ok=True)
    copy_static(out.parent)
    exporter = _exporter(HTMLExporter, "kt_page.html.j2", "../_static")
    written, entries = [], []
    for path in map(Path, notebooks):
        nb = _read(path)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
        target = out / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
        entries.append((target.name, nb.metadata["title"]))
    index = out / "index.html"
    index.write_text(_index_page(entries), encoding="utf-8")
    return [index, *written]


def _index_page(entries) -> str:
    items = "\n".join(
        f'    <li><a href="{html.escape(name)}">{html.escape(title)}</a></li>'
        for name, title in entries)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>kmeans-teach: the lessons</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto;
         padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }}
  a {{ color: #0b5394; }}
  li {{ margin: 0.4rem 0; }}
</style>
</head>
<body>
<main>
  <h1>kmeans-teach: the lessons</h1>
  <p>Read each lesson with its stored results; the sliders show the frames that were
  saved with the notebook. To move them freely, open the notebooks in JupyterLab.</p>
  <ol>
{items}
  </ol>
</main>
</body>
</html>
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["slides", "html"])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not notebooks:
        print("no notebooks found in notebooks/", file=sys.stderr)
        return 1
    build = build_slides if args.what == "slides" else build_html
    out = args.out or BUILD / args.what
    for path in build(notebooks, out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
