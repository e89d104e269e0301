"""Strict nbval over every notebook under each OpenBLAS kernel, with 1 and 2 threads.

NumPy's and SciPy's wheels carry OpenBLAS built for many CPUs at once; at start-up it
picks the kernel for the CPU it finds, and ``OPENBLAS_CORETYPE`` forces another one.
Kernels differ in the order they add up a matrix product, and so in the last bits of
a result. A stored output that depends on them fails on someone else's machine. This
runs the notebooks as five CPU families and two thread counts would, one setting
after the other (in parallel they would disturb the timing verdicts of lesson 07),
and prints one line per setting.

    python tools/portability.py [nbval options]      (make test-portability)

A kernel that needs instructions this CPU lacks (SkylakeX needs AVX-512) falls back
to the nearest one it can run; the line says which kernel OpenBLAS really used.
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KERNELS = ["Prescott", "Sandybridge", "Haswell", "SkylakeX", "Zen"]
THREADS = [1, 2]


def settings_env(kernel, threads):
    env = dict(os.environ, OPENBLAS_CORETYPE=kernel)
    # OpenBLAS, OpenMP (scikit-learn's own loops) and any other BLAS all get the count.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = str(threads)
    return env


def kernel_in_use(env):
    """The kernel OpenBLAS reports for NumPy under this environment."""
    code = ("import numpy, threadpoolctl; "
            "info = threadpoolctl.threadpool_info(); "
            "print(' '.join(sorted({i.get('architecture') or '?' for i in info "
            "if i.get('internal_api') == 'openblas'})))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return out.stdout.strip() or "?"


def main():
    nbval = sys.argv[1:] or ["--nbval", "--nbval-current-env"]
    failed = []
    start = time.perf_counter()
    for kernel in KERNELS:
        for threads in THREADS:
            env = settings_env(kernel, threads)
            t0 = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", *nbval, "notebooks", "-q", "--no-header",
                 "-p", "no:cacheprovider"],
                cwd=ROOT, env=env, capture_output=True, text=True,
            )
            lines = result.stdout.strip().splitlines()
            summary = lines[-1] if lines else result.stderr.strip()[-200:]
            cells = sorted(set(re.findall(r"^FAILED (\S+)", result.stdout, re.M)))
            seconds = time.perf_counter() - t0
            status = "pass" if result.returncode == 0 else "FAIL"
            print(f"{status} {kernel:<11} threads {threads} (OpenBLAS uses {kernel_in_use(env)}):"
                  f" {summary.strip('= ')} [{seconds:.0f} s]", flush=True)
            for cell in cells:
                print("       failed:", cell, flush=True)
            if result.returncode != 0:
                failed.append((kernel, threads))
                # the first mismatch in full, so the log shows what moved
                report = result.stdout
                first = report.find("Notebook cell execution failed")
                first = first if first >= 0 else report.find("mismatch")
                if first >= 0:
                    print("       " + "\n       ".join(report[first:first + 1500].splitlines()))
    n = len(KERNELS) * len(THREADS)
    print(f"portability: {n - len(failed)} of {n} settings pass"
          f" ({time.perf_counter() - start:.0f} s)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
