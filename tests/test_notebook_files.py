"""Notebook files diff well: no timestamps, stable widget ids, a size a repository can carry."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import tidy_notebook  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MAX_BYTES = 1_000_000


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return request.param, json.loads(request.param.read_text(encoding="utf-8"))


def test_no_execution_timestamps(notebook):
    path, nb = notebook
    timed = [i for i, cell in enumerate(nb["cells"]) if "execution" in cell.get("metadata", {})]
    assert not timed, f"cells {timed} carry timestamps: run `make execute NB={path.name}`"


def test_widget_model_ids_are_the_stable_ones(notebook):
    path, nb = notebook
    ids = tidy_notebook.widget_ids(nb)
    expected = [tidy_notebook.stable_id(path.name, i) for i in range(len(ids))]
    assert ids == expected, f"random widget ids: run `python tools/tidy_notebook.py {path}`"


def test_every_widget_shown_has_its_state_stored(notebook):
    _, nb = notebook
    state = (nb["metadata"].get("widgets", {})
             .get(tidy_notebook.WIDGET_STATE, {}).get("state", {}))
    shown = [o["data"][tidy_notebook.WIDGET_VIEW]["model_id"]
             for cell in nb["cells"] for o in cell.get("outputs", [])
             if tidy_notebook.WIDGET_VIEW in o.get("data", {})]
    assert set(shown) <= set(state)


def test_file_is_under_one_megabyte(notebook):
    path, _ = notebook
    assert path.stat().st_size < MAX_BYTES, f"{path.name}: {path.stat().st_size:,} bytes"


def test_tidy_is_idempotent_and_leaves_the_file_as_it_is(notebook):
    path, nb = notebook
    tidied = tidy_notebook.tidy(json.loads(json.dumps(nb)), path.name)
    assert json.dumps(tidied, indent=1, ensure_ascii=False) + "\n" == path.read_text(encoding="utf-8")


def test_tidy_renames_random_ids_consistently():
    view = {"model_id": "0123456789abcdef0123456789abcdef", "version_major": 2}
    nb = {"cells": [{"cell_type": "code", "metadata": {"execution": {"x": 1}}, "outputs": [
        {"output_type": "display_data", "data": {tidy_notebook.WIDGET_VIEW: view}}]}],
        "metadata": {"widgets": {tidy_notebook.WIDGET_STATE: {"state": {
            "fedcba9876543210fedcba9876543210": {"state": {}},
            "0123456789abcdef0123456789abcdef": {
                "state": {"children": ["IPY_MODEL_fedcba9876543210fedcba9876543210"]}}}}}}}
    out = tidy_notebook.tidy(nb, "x.ipynb")
    first, second = tidy_notebook.stable_id("x.ipynb", 0), tidy_notebook.stable_id("x.ipynb", 1)
    assert "execution" not in out["cells"][0]["metadata"]
    assert out["cells"][0]["outputs"][0]["data"][tidy_notebook.WIDGET_VIEW]["model_id"] == first
    state = out["metadata"]["widgets"][tidy_notebook.WIDGET_STATE]["state"]
    assert list(state) == [second, first]  # the order the kernel created them in
    assert state[first]["state"]["children"] == [f"IPY_MODEL_{second}"]
