"""Redraw every figure in figures/ from kmeans_teach (``make figures``).

    python figures/make_figures.py            # into figures/
    python figures/make_figures.py --out DIR  # elsewhere (tests/test_figures.py does this)

Each figure is a function below, registered in ``FIGURES`` under its file name.
File names start with the number of the notebook that shows the figure
(``01_em_steps.png``). To add one for a new lesson: write ``fig_NN_name()``
returning a matplotlib Figure drawn with kmeans_teach plotting functions,
add it to ``FIGURES``, run ``make figures`` and commit the PNG;
tests/test_figures.py then keeps the committed file in step with the code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matplotlib.figure import Figure

import kmeans_teach as kt

HERE = Path(__file__).resolve().parent
DPI = 100


def fig_01_em_steps() -> Figure:
    """The first eight half-steps of lesson 01's run: init, then E, M, E, M, ..."""
    X = kt.lesson_blobs()[0]
    trace = kt.run_kmeans(X, 4, init="random", random_state=34)
    fig = Figure(figsize=(12, 6.4), layout="constrained")
    axes = fig.subplots(2, 4)
    kt.plotting.plot_steps(axes.flat, X, trace)
    return fig


def fig_02_plusplus_picks() -> Figure:
    """k-means++ on lesson 01's blobs, pick by pick: each point's chance to be next."""
    X = kt.lesson_blobs()[0]
    picks = list(kt.kmeans_plusplus_steps(X, 4, random_state=0))
    fig = Figure(figsize=(13, 3.6), layout="constrained")
    for ax, pick in zip(fig.subplots(1, 4), picks):
        kt.plotting.plot_d2_probabilities(ax, X, pick, n_clusters=4)
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


def fig_06_flower_16_colours() -> Figure:
    """flower.jpg beside its 16-colour version (k-means in colour space) and the palette."""
    flower = kt.sample_image("flower.jpg")
    quantized = kt.quantize(flower, 16, random_state=0)
    fig = Figure(figsize=(10, 4.4), layout="constrained")
    axes = fig.subplots(2, 2, gridspec_kw=dict(height_ratios=[1, 0.08]))
    kt.plotting.plot_image(axes[0, 0], flower, title=f"{kt.count_colors(flower):,} colours")
    kt.plotting.plot_image(axes[0, 1], quantized.image,
                           title=f"16 colours: PSNR {quantized.psnr:.1f} dB")
    axes[1, 0].set_axis_off()
    kt.plotting.plot_palette(axes[1, 1], quantized.palette)
    return fig


# Lesson 07 (scaling) has no entry on purpose: its figures are timings of this
# machine, which no committed PNG could match elsewhere.

#: file name -> function drawing it; one entry (at least) per lesson as lessons land
FIGURES = {
    "01_em_steps.png": fig_01_em_steps,
    "02_plusplus_picks.png": fig_02_plusplus_picks,
    "06_flower_16_colours.png": fig_06_flower_16_colours,
}


def save(figure: Figure, path: Path):
    # no date or version in the PNG's metadata, so an unchanged figure gives the same file
    figure.savefig(path, dpi=DPI, metadata={"Software": None})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    parser.add_argument("names", nargs="*", help="only these figures (file names)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s) {sorted(unknown)}; known: {sorted(FIGURES)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or FIGURES:
        save(FIGURES[name](), args.out / name)
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
