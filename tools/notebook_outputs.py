"""Execute notebooks and compare their text outputs with the stored ones, as nbval does.

Used by ``tools/canary.py`` for its drift report, and by hand to measure which
printed numbers move between machines:

    python tools/notebook_outputs.py run OUT.json notebooks/*.ipynb   # execute, save text
    python tools/notebook_outputs.py diff A.json B.json [...]         # cells that differ

Text outputs are stdout, stderr, ``text/plain`` results and errors, after the rules in
``tests/nbval_sanitize.cfg``: exactly what strict nbval compares.
"""

import configparser
import difflib
import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def sanitize_rules(path=SANITIZE):
    parser = configparser.ConfigParser()
    parser.read(path)
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def sanitize(text, rules):
    for regex, replace in rules:
        text = regex.sub(replace, text)
    return text


def text_outputs(nb, rules):
    """{cell index: [text of each output]} for the code cells, as nbval sees them."""
    found = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        texts = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                # consecutive writes to one stream are one output, as nbval merges them
                if texts and texts[-1].startswith(output.name + ": "):
                    texts[-1] += output.text
                else:
                    texts.append(f"{output.name}: {output.text}")
            elif output.output_type in ("execute_result", "display_data"):
                if "text/plain" in output.get("data", {}):
                    texts.append("text/plain: " + output.data["text/plain"])
            elif output.output_type == "error":
                texts.append(f"error: {output.ename}: {output.evalue}")
        found[str(index)] = [sanitize(t, rules) for t in texts]
    return found


def execute(path, timeout=600):
    """Run a notebook in a fresh python3 kernel; return it with its new outputs."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute()
    return nb


def stored(path):
    return nbformat.read(path, as_version=4)


def differing_cells(old, new):
    """Cells of one notebook whose text outputs differ: [(cell, old texts, new texts)]."""
    cells = sorted(set(old) | set(new), key=int)
    return [(c, old.get(c), new.get(c)) for c in cells if old.get(c) != new.get(c)]


def changed_lines(old, new):
    """The lines that differ between two lists of output texts, as '- old' / '+ new'."""
    old_lines = "\n".join(old or []).splitlines()
    new_lines = "\n".join(new or []).splitlines()
    return [line for line in difflib.ndiff(old_lines, new_lines) if line[:1] in "-+"]


def main(argv):
    rules = sanitize_rules()
    if argv[0] == "run":
        out, paths = argv[1], argv[2:]
        result = {Path(p).name: text_outputs(execute(p), rules) for p in paths}
        Path(out).write_text(json.dumps(result, indent=1))
    elif argv[0] == "stored":
        out, paths = argv[1], argv[2:]
        result = {Path(p).name: text_outputs(stored(p), rules) for p in paths}
        Path(out).write_text(json.dumps(result, indent=1))
    elif argv[0] == "diff":
        base, *others = [json.loads(Path(p).read_text()) for p in argv[1:]]
        for name, other in zip(argv[2:], others):
            for notebook in sorted(base):
                for cell, a, b in differing_cells(base[notebook], other.get(notebook, {})):
                    print(f"== {name}: {notebook} cell {cell}")
                    for line in changed_lines(a, b):
                        print("  ", line)


if __name__ == "__main__":
    main(sys.argv[1:])
