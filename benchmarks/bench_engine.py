"""One Lloyd iteration of our readable NumPy engine against scikit-learn's compiled one.

Data: the china image as 273,280 RGB points, k=64 (the case of lesson 06).
Both are timed through their public APIs: a run of N iterations minus a run
of 1, divided by N-1, so the initialisation and set-up cancel out.
Target: ours within 3x of scikit-learn. Our steps compute their inertia only
when it is read, so, like scikit-learn's loop, an iteration here is one E-step
and one M-step.
"""

import statistics
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import load_sample_image
from threadpoolctl import threadpool_info, threadpool_limits

from kmeans_teach import run_kmeans

N_ITER = 6


def per_iteration(fit):
    start = time.perf_counter()
    fit(1)
    one = time.perf_counter() - start
    start = time.perf_counter()
    fit(N_ITER)
    many = time.perf_counter() - start
    return 1000 * (many - one) / (N_ITER - 1)


def main():
    X = load_sample_image("china.jpg").reshape(-1, 3).astype(float) / 255
    rng = np.random.default_rng(0)
    init = X[rng.choice(len(X), 64, replace=False)]

    def ours(max_iter):
        run_kmeans(X, 64, init=init, max_iter=max_iter, tol=0)

    def sklearn(max_iter):
        KMeans(64, init=init, n_init=1, max_iter=max_iter, tol=0, algorithm="lloyd").fit(X)

    def sklearn_one_thread(max_iter):
        with threadpool_limits(1):
            sklearn(max_iter)

    threads = max(info["num_threads"] for info in threadpool_info())
    times = {"ours": [], "sklearn": [], "sklearn_1": []}
    for _ in range(5):  # interleaved, so all three see the same machine load
        times["ours"].append(per_iteration(ours))
        times["sklearn"].append(per_iteration(sklearn))
        times["sklearn_1"].append(per_iteration(sklearn_one_thread))
    a = statistics.median(times["ours"])
    for key, label in (("sklearn", f"{threads} threads"), ("sklearn_1", "1 thread")):
        b = statistics.median(times[key])
        verdict = "OK" if a <= 3 * b else "MISSED"
        print(f"{'Engine: one Lloyd iteration, china k=64':<44} median {a:8.1f} ms   "
              f"scikit-learn {b:8.1f} ms   ratio {a / b:4.2f}  target <= 3: {verdict}"
              f"  (scikit-learn on {label})")

if __name__ == "__main__":
    main()
