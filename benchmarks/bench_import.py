"""`import kmeans_teach` against `import sklearn.cluster`, each in fresh interpreters.

A student's first cell imports the package; scikit-learn's clustering module is
the baseline (the lessons import it beside ours). Both are timed in the same run,
interleaved so that both see the same machine load: wall-clock time of a fresh
``python -c "import X"`` minus that of ``python -c "pass"`` (the interpreter's
own start-up), median of REPEATS, and the number of modules each import loads.
Target: ours no slower than sklearn.cluster.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 7
MODULES = {"kmeans_teach": "import kmeans_teach", "sklearn.cluster": "import sklearn.cluster"}


def run(code):
    """Milliseconds taken by a fresh interpreter running ``code``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return 1000 * (time.perf_counter() - start)


def module_count(code):
    out = subprocess.run([sys.executable, "-c", f"{code}; import sys; print(len(sys.modules))"],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout)


def main():
    bare = module_count("pass")
    for code in MODULES.values():
        run(code)  # warm the file system cache once
    times = {name: [] for name in MODULES}
    for _ in range(REPEATS):  # interleaved: the same load for both
        empty = run("pass")
        for name, code in MODULES.items():
            times[name].append(run(code) - empty)
    ours, base = (statistics.median(times[name]) for name in MODULES)
    for name, code in MODULES.items():
        print(f"{'Import: ' + code:<44} median {statistics.median(times[name]):8.1f} ms   "
              f"{module_count(code) - bare:4d} modules   (of {REPEATS} fresh interpreters)")
    verdict = "OK" if ours <= base else "MISSED"
    print(f"{'Import: kmeans_teach / sklearn.cluster':<44} ratio {ours / base:5.2f}   "
          f"target <= 1: {verdict}")


if __name__ == "__main__":
    main()
