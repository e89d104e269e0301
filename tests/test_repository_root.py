"""The repository's root holds only what a commit put there or .gitignore names.

A tool that writes a file by accident (``uv pip compile --output-file -`` once left a
file named ``-`` there on every ``make test-wheels``) fails this test, which ``.ci/run``
runs after the wheel and portability checks, in a fresh clone.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _git(*args):
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)


def _in_a_git_checkout():
    if shutil.which("git") is None:
        return False
    result = _git("rev-parse", "--show-toplevel")
    return result.returncode == 0 and Path(result.stdout.strip()).resolve() == ROOT


pytestmark = pytest.mark.skipif(
    not _in_a_git_checkout(),
    reason="not a git checkout of the project (e.g. an unpacked sdist): nothing to compare with",
)


def untracked_root_entries():
    """Entries of the root that git neither tracks nor ignores ("dir/" for a folder)."""
    # --directory lists an untracked folder once, as "name/", instead of its files
    result = _git("ls-files", "--others", "--exclude-standard", "--directory", "-z")
    assert result.returncode == 0, result.stderr
    paths = [p for p in result.stdout.split("\0") if p]
    # the root's own entries only: a new file in a tracked folder (a test being drafted)
    # is listed as "folder/file" and is not this test's business
    return sorted(p for p in paths if "/" not in p.rstrip("/"))


def test_the_root_holds_no_file_or_folder_that_no_commit_meant():
    stray = untracked_root_entries()
    assert stray == [], (
        f"{stray} at the repository's root: neither tracked by git nor in .gitignore. "
        "Remove it and the command that wrote it, or commit it, or add it to .gitignore."
    )


def test_the_check_sees_a_stray_file(tmp_path):
    # the check itself can fail: a file made at the root shows up, and only it
    probe = ROOT / f"stray-probe-{tmp_path.name}"
    probe.write_text("made by tests/test_repository_root.py; removed at once\n")
    try:
        assert probe.name in untracked_root_entries()
    finally:
        probe.unlink()
    assert probe.name not in untracked_root_entries()
