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


# --- exercises and their solutions ------------------------------------------------
# The conventions every lesson follows (issue 13):
#   "## Exercise: <title>"   an exercise in the lesson: the task, a stub, its checker;
#   "## Decide: <question>"  an exercise where the student makes a clustering decision
#                            and defends it with a number; its checker answers in words;
#   "## Solutions"           the last section; in it "### Solution: <title>" for each
#                            exercise, its code collapsed in JupyterLab and every cell
#                            of the section skipped in the slides.

def _heading(cell, level):
    first = "".join(cell["source"]).split("\n", 1)[0]
    return first[level + 1 :].strip() if first.startswith("#" * level + " ") else None


def _sections(nb):
    """(cells before "## Solutions", cells from it on)."""
    cells = nb["cells"]
    starts = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and _heading(c, 2) == "Solutions"]
    assert len(starts) == 1, 'expected exactly one "## Solutions" section'
    return cells[: starts[0]], cells[starts[0] :]


def _titles(cells, prefix, level):
    titles = []
    for c in cells:
        heading = _heading(c, level) if c["cell_type"] == "markdown" else None
        if heading and heading.startswith(prefix):
            titles.append(heading[len(prefix) :].strip())
    return titles


def test_solutions_come_last_collapsed_and_out_of_the_slides(notebook):
    _, nb = notebook
    lesson, solutions = _sections(nb)
    exercises = _titles(lesson, "Exercise:", 2) + _titles(lesson, "Decide:", 2)
    assert exercises, "a lesson has at least one exercise"
    assert _titles(solutions, "Solution:", 3) == exercises, "one solution per exercise, in the same order"
    for c in solutions:
        assert c["metadata"].get("slideshow", {}).get("slide_type") == "skip", "solutions stay out of the slides"
        if c["cell_type"] == "code":
            assert c["metadata"].get("jupyter", {}).get("source_hidden") is True, "solution code starts collapsed"
    for c in lesson:  # no solution is left right below its exercise
        assert "possible solution" not in "".join(c["source"]).lower()


def test_every_lesson_has_a_decision_exercise(notebook):
    _, nb = notebook
    lesson, _ = _sections(nb)
    assert _titles(lesson, "Decide:", 2), 'expected a "## Decide: ..." exercise'
