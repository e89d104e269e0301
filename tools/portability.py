"""Strict nbval over every notebook under each OpenBLAS kernel, with 1 and 2 threads.

NumPy's and SciPy's wheels carry OpenBLAS built for many CPUs at once; at start-up it
picks the kernel for the CPU it finds, and ``OPENBLAS_CORETYPE`` forces another one.
Kernels differ in the order they add up a matrix product, and so in the last bits of
a result. A stored output that depends on them fails on someone else's machine. This
runs the notebooks as five CPU families and two thread counts would, and prints one
line per setting. The notebooks whose code reads a clock (their verdicts compare
times) run one setting after the other, alone on the machine; the others run as many
settings side by side as the machine has cores (see ``CLOCKS``).

    python tools/portability.py [--skip-native] [nbval options] [notebooks]
                                                      (make test-portability)

Two settings that make OpenBLAS run the same kernel with the same thread count run
the same instructions in the same order, so the second is not run again: its line
says which setting it repeats and the kernel OpenBLAS reported for both (on an AVX-512
x86-64 CPU, Zen reports Haswell: it runs Haswell's kernels). ``--skip-native`` (used by
``.ci/run``, which also runs ``make test``) leaves out the setting that this machine
uses when nothing is forced, because ``make test``'s strict nbval runs exactly that one;
its line says so and names the kernel and thread count.

Each line says which kernel OpenBLAS really used (Zen runs Haswell's kernels, Prescott
reports itself as Katmai). A kernel that needs instructions this CPU lacks (SkylakeX
needs AVX-512) kills the process with "Illegal instruction": that setting cannot be
run on this machine, and its line says so instead of reporting the notebooks as
failed. The summary counts it apart, so a log never hides that it was not run.
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


def native_setting():
    """(kernel, threads) that OpenBLAS uses here when nothing is forced."""
    env = {k: v for k, v in os.environ.items() if k not in (
        "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    code = ("import numpy, threadpoolctl; a = numpy.ones((300, 300)); a @ a; "
            "info = [i for i in threadpoolctl.threadpool_info() "
            "if i.get('internal_api') == 'openblas']; "
            "print(' '.join(sorted({i.get('architecture') or '?' for i in info})), "
            "max([i.get('num_threads') or 0 for i in info] or [0]))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    kernel, _, threads = out.stdout.strip().rpartition(" ")
    return kernel or "?", int(threads or 0)


def kernel_in_use(env):
    """The kernel OpenBLAS reports for NumPy under this environment, or None if it
    cannot run here (a matrix product with it dies of an illegal instruction)."""
    code = ("import numpy, threadpoolctl; a = numpy.ones((300, 300)); a @ a; "
            "info = threadpoolctl.threadpool_info(); "
            "print(' '.join(sorted({i.get('architecture') or '?' for i in info "
            "if i.get('internal_api') == 'openblas'})))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if out.returncode in (-4, 132):  # SIGILL
        return None
    return out.stdout.strip() or "?"


# A notebook whose stored verdicts are computed from a clock (lessons 06, 07 and 10 time
# fits and passes, and check a ratio of times against a threshold) runs with nothing
# else beside it: a second process on the same cores would slow one of the two timings
# it compares. Its code names one of these. The other notebooks' outputs do not depend
# on time, so several settings run them side by side, one per core.
CLOCKS = ("perf_counter", "process_time", "monotonic", "timeit", "time_call", "time_fits", "time_assign",
          "time_iterations",
          "iteration_seconds", "time.time(")


# Notebooks that read a clock only to print a time that nbval_sanitize.cfg masks, in no
# comparison (tests/test_portability.py checks that no comparison in their code uses a
# clock): their outputs do not depend on time either.
PRINTED_ONLY = {
    "05_digits": "prints how long its t-SNE took; the time is masked and compared with nothing",
}


def code_of(notebook):
    import json
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def is_timed(notebook):
    """True if the notebook's verdicts may read a clock (run it alone, not beside another)."""
    return Path(notebook).stem not in PRINTED_ONLY and any(clock in code_of(notebook) for clock in CLOCKS)


def notebooks_of(targets):
    found = []
    for target in targets:
        path = ROOT / target
        found += sorted(path.glob("*.ipynb")) if path.is_dir() else [path]
    return [str(p.relative_to(ROOT)) for p in found if ".ipynb_checkpoints" not in p.parts]


def start_nbval(nbval, notebooks, env):
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", *nbval, *notebooks, "-q", "--no-header",
         "-p", "no:cacheprovider"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process):
    stdout, stderr = process.communicate()
    lines = stdout.strip().splitlines()
    summary = lines[-1] if lines else stderr.strip()[-200:]
    return process.returncode, summary.strip("= "), stdout


def main():
    # arguments ending in .ipynb pick the notebooks (make test-portability NB=...);
    # the rest are nbval's options
    args = sys.argv[1:]
    skip_native = "--skip-native" in args
    args = [a for a in args if a != "--skip-native"]
    targets = [a for a in args if a.endswith(".ipynb")] or ["notebooks"]
    nbval = [a for a in args if not a.endswith(".ipynb")] or ["--nbval", "--nbval-current-env"]
    notebooks = notebooks_of(targets)
    timed = [nb for nb in notebooks if is_timed(nb)]
    untimed = [nb for nb in notebooks if nb not in timed]
    jobs = max(1, os.cpu_count() or 1)
    print(f"portability: {len(notebooks)} notebooks; {len(untimed)} without a clock run {jobs} settings"
          f" side by side, {len(timed)} that read a clock ({', '.join(Path(t).stem[:2] for t in timed)})"
          " run alone", flush=True)
    native = native_setting() if skip_native else None
    failed, cannot, repeated = [], [], []
    ran_as = {}  # (kernel OpenBLAS reports, threads) -> the setting that ran it
    to_run = []  # (kernel, threads, kernel OpenBLAS reports, env)
    start = time.perf_counter()
    for kernel in KERNELS:
        for threads in THREADS:
            env = settings_env(kernel, threads)
            used = kernel_in_use(env)
            if used is None:
                cannot.append((kernel, threads))
                print(f"n/a  {kernel:<11} threads {threads}: this CPU lacks the instructions this"
                      " kernel needs (Illegal instruction); run it on a CPU that has them",
                      flush=True)
                continue
            if (used, threads) in ran_as:
                repeated.append((kernel, threads))
                print(f"same {kernel:<11} threads {threads}: OpenBLAS reports {used}, as for"
                      f" {ran_as[used, threads]} threads {threads}, which ran: the same"
                      " kernel, so the same arithmetic; not run twice", flush=True)
                continue
            if native == (used, threads):
                repeated.append((kernel, threads))
                ran_as[used, threads] = f"{kernel} (make test)"
                print(f"make {kernel:<11} threads {threads}: this machine's own setting"
                      f" (OpenBLAS {used}, {threads} threads), which make test's strict"
                      " nbval runs; not run twice", flush=True)
                continue
            ran_as[used, threads] = kernel
            to_run.append((kernel, threads, used, env))

    results = {}  # (kernel, threads) -> list of (part, returncode, summary, stdout, seconds)

    def record(setting, part, process, t0):
        code, summary, stdout = finish(process)
        results.setdefault(setting, []).append((part, code, summary, stdout, time.perf_counter() - t0))

    # 1. the notebooks without a clock, `jobs` settings at a time
    if untimed:
        waiting = list(to_run)
        running = []
        while waiting or running:
            while waiting and len(running) < jobs:
                kernel, threads, used, env = waiting.pop(0)
                running.append(((kernel, threads), start_nbval(nbval, untimed, env), time.perf_counter()))
            setting, process, t0 = running.pop(0)
            record(setting, "side by side", process, t0)
    # 2. the notebooks that read a clock, one setting at a time
    for kernel, threads, used, env in to_run:
        if timed:
            record((kernel, threads), "alone", start_nbval(nbval, timed, env), time.perf_counter())
        parts = results[kernel, threads]
        ok = all(code == 0 for _, code, _, _, _ in parts)
        status = "pass" if ok else "FAIL"
        print(f"{status} {kernel:<11} threads {threads} (OpenBLAS uses {used}): "
              + "; ".join(f"{part}: {summary}" for part, _, summary, _, _ in parts)
              + f" [{sum(p[4] for p in parts):.0f} s]", flush=True)
        for _part, code, _, stdout, _ in parts:
            for cell in sorted(set(re.findall(r"^FAILED (\S+)", stdout, re.M))):
                print("       failed:", cell, flush=True)
            if code != 0:
                # the first mismatch in full, so the log shows what moved
                first = stdout.find("Notebook cell execution failed")
                first = first if first >= 0 else stdout.find("mismatch")
                if first >= 0:
                    print("       " + "\n       ".join(stdout[first:first + 1500].splitlines()))
        if not ok:
            failed.append((kernel, threads))
    n = len(KERNELS) * len(THREADS)
    ran = n - len(cannot) - len(repeated)
    print(f"portability: {ran - len(failed)} of {ran} settings run pass"
          + (f", {len(repeated)} repeat a setting run once" if repeated else "")
          + (f", {len(cannot)} cannot run on this CPU" if cannot else "")
          + f" ({time.perf_counter() - start:.0f} s)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
