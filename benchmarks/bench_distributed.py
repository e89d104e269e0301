"""Time per Lloyd iteration on a local Dask cluster (1 and 2 workers) beside the in-memory engine.

The naive baseline here is the in-memory engine (kt.assign + kt.update on a NumPy
array), which is what to use while the data fits; the cluster's numbers show the
price of distributing (scheduling, pickling, making the chunks again on every pass).
Run by `make bench`; not by the tests.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kmeans_teach as kt  # noqa: E402
from kmeans_teach import distributed as kd  # noqa: E402


def in_memory_ms(X, centers, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        kt.update(X, kt.assign(X, centers, check_input=False), len(centers), check_input=False)
        times.append(1000 * (time.perf_counter() - start))
    return times


def main(n=1_000_000, d=8, k=8, chunk_size=62_500, repeat=3):
    client, cluster = kd.local_cluster(2, memory_limit="1GiB")
    try:
        X, centers = kd.chunked_blobs(n, d, k, chunk_size=chunk_size, random_state=0)
        X_mem = X.compute()
        kd.iteration_seconds(X, centers)  # warm up: the workers import the package
        workers = list(client.scheduler_info()["workers"])
        one, two = [], []
        for _ in range(repeat):  # interleaved, so both see the same machine load
            one.append(1000 * kd.iteration_seconds(X, centers, workers=workers[:1]))
            two.append(1000 * kd.iteration_seconds(X, centers))
        mem = in_memory_ms(X_mem, centers, repeat)
        print(f"Lloyd iteration, n={n:,} d={d} k={k}, {X.numblocks[0]} chunks (median of {repeat}):")
        for name, times in (("dask, 1 worker", one), ("dask, 2 workers", two)):
            ours, base = statistics.median(times), statistics.median(mem)
            print(f"  {name:<20} median {ours:8.1f} ms   in-memory engine {base:8.1f} ms   "
                  f"{ours / base:5.1f}x slower than in memory")
        print(f"  2 workers / 1 worker: {statistics.median(two) / statistics.median(one):.2f} "
              f"({'faster' if statistics.median(two) < statistics.median(one) else 'NOT faster'})")
    finally:
        client.close()
        cluster.close()


if __name__ == "__main__":
    main()
