"""tools/portability.py: which notebooks run alone (their verdicts read a clock)."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import portability  # noqa: E402


def test_every_notebook_whose_code_reads_a_clock_runs_alone_unless_it_only_prints_it():
    notebooks = portability.notebooks_of(["notebooks"])
    reads = {Path(nb).stem for nb in notebooks if any(c in portability.code_of(nb) for c in portability.CLOCKS)}
    timed = {Path(nb).stem for nb in notebooks if portability.is_timed(nb)}
    assert timed == reads - set(portability.PRINTED_ONLY)
    assert {"06_color_compression", "07_scaling", "10_beyond_one_machine"} <= timed
    assert set(portability.PRINTED_ONLY) <= reads  # an exemption that no longer applies goes


@pytest.mark.parametrize("stem", sorted(portability.PRINTED_ONLY))
def test_a_notebook_that_only_prints_a_time_compares_nothing_with_it(stem):
    (path,) = ROOT.glob(f"notebooks/{stem}.ipynb")
    code = portability.code_of(str(path.relative_to(ROOT)))
    # IPython's magics and shell lines are not Python
    tree = ast.parse("\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))))
    clock_names = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   and any(c in ast.unparse(node.value) for c in portability.CLOCKS)
                   for t in node.targets if isinstance(t, ast.Name)}
    assert clock_names  # it does read a clock
    for node in ast.walk(tree):
        if isinstance(node, (ast.Compare, ast.If, ast.Assert)):
            text = ast.unparse(node)
            assert not any(c in text for c in portability.CLOCKS), text
            used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            assert not used & clock_names, text
