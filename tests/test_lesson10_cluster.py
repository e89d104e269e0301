"""Lesson 10 on a Dask cluster started apart from the notebook, as a real cluster would be.

The test starts ``dask scheduler`` and two ``dask worker`` processes from this
environment's own command-line tools, on 127.0.0.1, on free ports, each in its own
working folder (as on separate machines), with the thread count and memory limit
the lesson uses. It runs the lesson against them with strict nbval, with
``KT_DASK_SCHEDULER`` set, so the stored outputs must be the same as with the
lesson's own cluster; then it asks the workers what they ran, and stops every
process it started, whatever happened.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "10_beyond_one_machine.ipynb"


def _lesson_memory_limit():
    """The lesson's MEMORY_LIMIT (MiB), read from its code, so the workers match it."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    found = re.search(r"^MEMORY_LIMIT = (\d+) \* 2\*\*20", code, re.M)
    assert found, "lesson 10 no longer sets MEMORY_LIMIT = <MiB> * 2**20; update this test"
    return int(found.group(1))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args, folder, log):
    folder.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "KT_DASK_SCHEDULER"}
    return subprocess.Popen(args, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)  # its own process group, to stop it whole


def _stop(proc):
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            pass


def test_lesson_10_runs_on_a_separately_started_scheduler_and_workers(tmp_path):
    from dask.distributed import Client

    from kmeans_teach import distributed as kd

    limit = f"{_lesson_memory_limit()}MiB"
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs, logs = [], []
    try:
        log = open(tmp_path / "scheduler.log", "wb")
        logs.append(log)
        procs.append(_start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                             "--dashboard-address", "127.0.0.1:0", "--no-show"],
                            tmp_path / "scheduler", log))
        for name in ("worker-a", "worker-b"):
            log = open(tmp_path / f"{name}.log", "wb")
            logs.append(log)
            procs.append(_start([str(BIN / "dask"), "worker", address, "--name", name,
                                 "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                                 "--memory-limit", limit, "--no-dashboard",
                                 "--local-directory", str(tmp_path / name)],
                                tmp_path / name, log))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout="120s")
            names = {w["name"] for w in client.scheduler_info(n_workers=-1)["workers"].values()}
            assert names == {"worker-a", "worker-b"}
            before = kd.tasks_per_worker(client)  # functions of the package: the workers import it

        lesson = subprocess.run(
            [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-cell-timeout=300",
             "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "-p", "no:randomly", "-q",
             str(NOTEBOOK.relative_to(ROOT))],
            cwd=ROOT, env={**os.environ, "KT_DASK_SCHEDULER": address},
            capture_output=True, text=True, timeout=900)
        assert lesson.returncode == 0, lesson.stdout[-6000:] + lesson.stderr[-2000:]

        with Client(address, timeout="60s") as client:
            workers = client.scheduler_info(n_workers=-1)["workers"]
            assert {w["name"] for w in workers.values()} == {"worker-a", "worker-b"}, \
                "a worker was restarted or replaced during the lesson"
            ran = kd.tasks_per_worker(client)
            made = kd.chunks_made(client)
            # the lesson's tasks ran on both separately started workers, which made the data
            assert all(ran[w] - before.get(w, 0) > 100 for w in workers), ran
            assert all(made[w] > 0 for w in workers), made
            # the lesson closed its own client: only this one is connected
            assert len(client.scheduler_info()["workers"]) == 2
    finally:
        for proc in reversed(procs):
            _stop(proc)
        for log in logs:
            log.close()
    assert all(p.poll() is not None for p in procs)
