"""Make an executed notebook diff well: the same bytes for the same content.

``make execute`` runs this after nbconvert on each notebook. It

* drops the execution timestamps of every cell (``metadata.execution``), which
  change on every run even when nothing else does;
* renames every widget model id, a random UUID per run, to a name derived from the
  notebook's file name and the order in which the ids first appear, so a re-run
  that shows the same widgets stores the same ids;
* writes the JSON the way JupyterLab does (1-space indent, a final newline).

    python tools/tidy_notebook.py notebooks/01_kmeans_on_blobs.ipynb [...]

``tests/test_notebook_files.py`` checks every notebook against these rules.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def stable_id(notebook_name, index):
    """The index-th widget model id of a notebook: 32 hex digits, like a UUID's."""
    return hashlib.sha256(f"{notebook_name}:{index}".encode()).hexdigest()[:32]


def widget_ids(nb):
    """Every widget model id, in the order it first appears (outputs, then state)."""
    ids = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            model_id = output.get("data", {}).get(WIDGET_VIEW, {}).get("model_id")
            if model_id and model_id not in ids:
                ids.append(model_id)
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    # the state's order is the order the kernel created the widgets in: the same
    # from run to run, for the same code
    for model_id in state:
        if model_id not in ids:
            ids.append(model_id)
    return ids


def tidy(nb, notebook_name):
    for cell in nb.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
    text = json.dumps(nb, ensure_ascii=False)
    ids = widget_ids(nb)
    renames = {old: stable_id(notebook_name, i) for i, old in enumerate(ids)}
    if renames:
        # an id appears as a dict key, as a model_id value and as "IPY_MODEL_<id>"
        text = MODEL_ID.sub(lambda m: renames.get(m[0], m[0]), text)
    # The state keeps its order: the widget manager of a static page creates the
    # models in that order, and a model must come after the ones it refers to
    # (a VBox after its children), which is the order the kernel created them in.
    return json.loads(text)


def main(paths):
    for path in map(Path, paths):
        nb = json.loads(path.read_text(encoding="utf-8"))
        nb = tidy(nb, path.name)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
