"""figures/: every committed figure is what figures/make_figures.py draws now.

The figures are redrawn into a temporary folder and compared pixel by pixel
(matplotlib's image comparison, RMS tolerance below), so a change in the
plotting code that alters a figure fails here until `make figures` is run
and the new PNG committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.testing.compare import compare_images
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "figures"
sys.path.insert(0, str(FIGURES))
import make_figures  # noqa: E402  (figures/make_figures.py)

#: RMS difference allowed, on a 0-255 scale: room for anti-aliasing noise only
TOLERANCE = 1.0


@pytest.fixture(scope="module")
def redrawn(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    assert make_figures.main(["--out", str(out)]) == 0
    return out


def test_every_figure_is_registered_and_committed():
    committed = {p.name for p in FIGURES.glob("*.png")}
    assert committed == set(make_figures.FIGURES), (
        "figures/ and make_figures.FIGURES disagree: "
        f"not drawn by the script {sorted(committed - set(make_figures.FIGURES))}, "
        f"not committed {sorted(set(make_figures.FIGURES) - committed)} (run `make figures`)")
    assert "01_em_steps.png" in committed


@pytest.mark.parametrize("name", sorted(make_figures.FIGURES))
def test_committed_figure_matches_the_code(name, redrawn):
    result = compare_images(str(FIGURES / name), str(redrawn / name), tol=TOLERANCE)
    assert result is None, f"{name} drifted from the code; run `make figures`. {result}"


def test_comparison_catches_a_changed_figure(redrawn, tmp_path):
    # the check above can fail: one changed panel exceeds the tolerance
    name = "01_em_steps.png"
    pixels = np.array(Image.open(redrawn / name).convert("RGB"))
    pixels[: pixels.shape[0] // 2, : pixels.shape[1] // 4] = 255  # blank the first panel
    Image.fromarray(pixels).save(tmp_path / name)
    assert compare_images(str(FIGURES / name), str(tmp_path / name), tol=TOLERANCE) is not None


def test_unknown_figure_name_is_refused(capsys):
    with pytest.raises(SystemExit):
        make_figures.main(["--out", "unused", "99_nothing.png"])
    assert "unknown figure" in capsys.readouterr().err
