"""Canaries: the collection against the newest releases, or against its lower bounds.

    python tools/canary.py latest --python python3 --uv .venv/3.11/bin/uv   (make test-latest)
    python tools/canary.py oldest --python python3 --uv .venv/3.11/bin/uv   (make test-oldest)

Each builds a fresh environment in .venv/<mode>-<python version>, without the lock:

* latest: the newest release of every dependency, as a new student would get today;
* oldest: every direct dependency at the lower bound pyproject.toml states
  (``uv pip compile --resolution lowest-direct``), so the bounds are true.

then runs the unit tests, runs every notebook with nbval's lax mode (any error
fails, outputs are not compared) and lists the cells whose stored text output
drifted, with the first line that moved. Drift is reported, not failed: it tells
what to look at before the lock is moved. The exit status is that of the tests.
"""

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
FIGURE_TEST = "tests/test_figures.py::test_committed_figure_matches_the_code"
SHOWN = ["numpy", "scipy", "scikit-learn", "matplotlib", "pillow", "ipywidgets",
         "jupyterlab", "seaborn", "threadpoolctl"]


def run(command, **kwargs):
    print("$", " ".join(map(str, command)), flush=True)
    return subprocess.run(command, cwd=ROOT, **kwargs)


def python_version(python):
    out = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def build(mode, python, uv):
    venv = ROOT / ".venv" / f"{mode}-{python_version(python)}"
    shutil.rmtree(venv, ignore_errors=True)
    run([uv, "venv", "--quiet", "--python", python, venv], check=True)
    target = ["--python", venv / "bin" / "python"]
    if mode == "latest":
        # --refresh: ask the index again, so a release of this morning is seen
        run([uv, "pip", "install", "--quiet", "--refresh", *target, "-e", ".[test]"], check=True)
    else:
        pins = venv / "lowest.txt"
        run([uv, "pip", "compile", "--quiet", "pyproject.toml", "--extra", "test",
             "--resolution", "lowest-direct", "--only-binary", ":all:",
             "--python-version", python_version(python), "-o", pins], check=True)
        run([uv, "pip", "install", "--quiet", *target, "--only-binary", ":all:", "-r", pins],
            check=True)
        run([uv, "pip", "install", "--quiet", *target, "--no-deps", "-e", "."], check=True)
    return venv / "bin" / "python"


def versions(python):
    code = ("import importlib.metadata as m\n"
            f"for name in {SHOWN!r}:\n"
            "    print(f'{name} {m.version(name)}', end='   ')\n")
    return subprocess.run([python, "-c", code], capture_output=True, text=True).stdout.strip()


def pytest_summary(python, *args):
    result = run([python, "-m", "pytest", "-q", "--no-header", "-p", "no:cacheprovider", *args],
                 capture_output=True, text=True)
    lines = result.stdout.strip().splitlines()
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return result.returncode, (lines[-1] if lines else result.stderr[-300:]), failed


def drift(python):
    """Execute every notebook in the canary environment and diff its text outputs."""
    script = (
        "import sys, json; sys.path.insert(0, 'tools'); import notebook_outputs as o\n"
        "rules = o.sanitize_rules(); out = {}\n"
        "for p in sys.argv[1:]:\n"
        "    out[p] = o.differing_cells(o.text_outputs(o.stored(p), rules),\n"
        "                               o.text_outputs(o.execute(p), rules))\n"
        "print(json.dumps(out))\n")
    notebooks = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb"))
    result = run([python, "-c", script, *notebooks], capture_output=True, text=True)
    if result.returncode:
        return [f"(could not execute: {result.stderr.strip().splitlines()[-1:]})"]
    import json
    lines = []
    for notebook, cells in json.loads(result.stdout).items():
        for cell, old, new in cells:
            first = next(((a, b) for a, b in zip("\n".join(old or []).splitlines(),
                                                  "\n".join(new or []).splitlines()) if a != b),
                         ("(outputs added or removed)", ""))
            lines.append(f"{notebook} cell {cell}: stored {first[0].strip()!r}"
                         f" -> now {first[1].strip()!r}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["latest", "oldest"])
    parser.add_argument("--python", default="python3")
    parser.add_argument("--uv", default="uv")
    args = parser.parse_args()
    start = time.perf_counter()
    python = build(args.mode, args.python, args.uv)
    # The committed figures are drawn with the lock's matplotlib and compared pixel by
    # pixel; another matplotlib moves titles and text by a pixel or more (seen at 3.10.7:
    # RMS 37), so under a canary a changed figure is drift to report, not a failure.
    unit_rc, unit, unit_failed = pytest_summary(
        python, "kmeans_teach", "tests", "-m", "not browser", "--deselect", FIGURE_TEST)
    _, _, figures_drifted = pytest_summary(python, FIGURE_TEST)
    lax_rc, lax, lax_failed = pytest_summary(
        python, "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300", "notebooks")
    drifted = drift(python)
    print(f"\n== test-{args.mode} report (Python {python_version(args.python)},"
          f" {time.perf_counter() - start:.0f} s)")
    print("versions:", versions(python))
    print("unit tests:", unit)
    for line in unit_failed:
        print("   ", line)
    print("notebooks, nbval-lax (errors only):", lax)
    for line in lax_failed:
        print("   ", line)
    print(f"committed figures that drifted: {len(figures_drifted)}")
    for line in figures_drifted:
        print("   ", line.split(" - ")[0].split("[")[-1].rstrip("]"))
    print(f"stored text outputs that drifted: {len(drifted)} cell(s)")
    for line in drifted:
        print("   ", line)
    sys.exit(1 if unit_rc or lax_rc else 0)


if __name__ == "__main__":
    main()
