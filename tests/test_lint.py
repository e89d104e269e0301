"""ruff, configured in pyproject.toml ([tool.ruff]), passes on the code and its tools.

The formatter (``ruff format``) is not adopted: the code keeps its own layout.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINTED = ["kmeans_teach", "tests", "tools", "benchmarks"]


def test_ruff_check_passes():
    # ruff's package puts its binary next to the interpreter's scripts; `python -m ruff`
    # finds it from the running venv, so the test uses the locked version, not one on PATH.
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", *LINTED],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"ruff check found problems:\n{result.stdout}{result.stderr}"
