"""The README's counts and lists follow the repository: its lessons, its package tree."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PACKAGE = ROOT / "kmeans_teach"

WORDS = dict(enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split()))


def test_the_opening_counts_the_notebooks():
    text = " ".join(README.split())  # as rendered: a line break is a space
    count = WORDS[len(NOTEBOOKS)].capitalize()
    assert f"{count} short notebooks" in text
    assert f"(00 to {len(NOTEBOOKS) - 1:02d})" in text


def test_the_lessons_table_has_one_row_per_notebook():
    rows = re.findall(r"^\| `(\d\d_\w+)` \|", README, flags=re.MULTILINE)
    assert rows == NOTEBOOKS


def _tree():
    block = re.search(r"```\nkmeans_teach/\n(.*?)```", README, flags=re.DOTALL)
    assert block, "the README's package tree (a code block starting 'kmeans_teach/') is gone"
    return [line.split()[0] for line in block[1].splitlines() if line.strip()]


def test_the_package_tree_lists_every_module_and_subpackage_once():
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    packages = sorted(p.name + "/" for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert sorted(_tree()) == sorted(modules + packages)


def test_no_placeholder_is_left():
    assert "OWNER" not in README
