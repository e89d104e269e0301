"""kt.distributed: the same results as the in-memory engine, on any chunking."""

import ast
from pathlib import Path

import numpy as np
import pytest

import kmeans_teach as kt
from kmeans_teach import distributed as kd
from kmeans_teach.exercises import check_chunk_choice, check_chunk_sums

ROOT = Path(__file__).resolve().parents[1]


def _data(n=1500, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 3)) + rng.integers(0, 4, n)[:, None] * 3.0


def _assert_same(ref, run):
    assert len(ref) == len(run)
    for a, b in zip(ref, run):
        assert (a.iteration, a.phase, a.emptied, a.n_changed, a.stop_reason) == \
            (b.iteration, b.phase, b.emptied, b.n_changed, b.stop_reason)
        np.testing.assert_allclose(b.centers, a.centers, rtol=1e-9, atol=0)
        if a.labels is not None:
            assert np.array_equal(np.asarray(b.labels), a.labels)
            np.testing.assert_allclose(b.inertia, a.inertia, rtol=1e-9)


@pytest.mark.parametrize("chunks", [1500, 500, 701, 64])
def test_same_steps_as_run_kmeans_on_even_and_uneven_chunks(chunks):
    X = _data()
    init = X[:5].copy()
    _assert_same(kt.run_kmeans(X, 5, init=init), kd.run_kmeans(X, 5, init=init, chunks=chunks))


def test_an_emptied_cluster_is_relocated_as_the_engine_does():
    X = np.vstack([_data(), [[100.0, 100.0, 100.0]]])
    init = np.vstack([X[:4], [[1000.0, 1000.0, 1000.0]]])  # nobody's nearest center
    ref = kt.run_kmeans(X, 5, init=init)
    run = kd.run_kmeans(X, 5, init=init, chunks=377)
    assert [s.emptied for s in run if s.emptied] == [(4,)]
    _assert_same(ref, run)


def test_random_init_matches_the_engine():
    X = _data()
    _assert_same(kt.run_kmeans(X, 4, init="random", random_state=3),
                 kd.run_kmeans(X, 4, init="random", random_state=3, chunks=400))


def test_steps_record_the_bytes_and_chunks_read():
    X = _data(1000)
    steps = list(kd.kmeans_steps(X, 3, init=X[:3], chunks=300, max_iter=2))
    assign = [s for s in steps if s.phase == "assign"]
    assert all(s.chunks_read == 4 and s.bytes_read == X.nbytes for s in assign)
    assert all(s.chunks_read == 0 and s.bytes_moved == 0 for s in steps if s.phase == "update")
    # the partials are k x d numbers per chunk, whatever the chunk's size
    assert assign[0].bytes_moved == 4 * kd.partial_bytes(kd.chunk_partial(X[:10], X[:3], n_far=3))


def test_kmeans_parallel_init_records_rounds_and_passes():
    X, _ = kd.chunked_blobs(20_000, 4, 6, chunk_size=3000, random_state=0)
    result = kd.kmeans_parallel_init(X, 6, n_rounds=3, random_state=0)
    assert [r.round for r in result.rounds] == [0, 1, 2, 3]
    assert [r.passes for r in result.rounds] == [1, 3, 5, 7]
    assert result.passes == 7
    costs = [r.cost for r in result.rounds]
    assert all(b <= a for a, b in zip(costs, costs[1:]))  # more candidates never cost more
    sizes = [len(r.candidates) for r in result.rounds]
    assert sizes[0] == 1 and sizes == sorted(sizes)
    assert result.weights.sum() == 20_000 and result.centers.shape == (6, 4)
    final = kd.run_kmeans(X, 6, init=result.centers).final.inertia
    assert final / 20_000 < 4 * 1.1  # the blobs are found: about 1 per feature


def test_chunked_blobs_are_the_same_in_any_chunking_order():
    X, _ = kd.chunked_blobs(1000, 2, 3, chunk_size=300, random_state=5)
    a = X.compute()
    assert np.array_equal(a[600:900], X.blocks[2].compute())
    assert np.array_equal(a, kd.chunked_blobs(1000, 2, 3, chunk_size=300, random_state=5)[0].compute())


@pytest.mark.parametrize("call, match", [
    (lambda: kd.kmeans_steps(_data(), 0), "n_clusters"),
    (lambda: kd.kmeans_steps(_data(), 2, init="kmeans"), "init must be"),
    (lambda: kd.kmeans_steps(_data(), 2, chunks=0), "chunks"),
    (lambda: kd.kmeans_parallel_init(_data(), 2, oversampling=0), "oversampling"),
    (lambda: kd.as_dask_array(np.zeros(3)), "2-D"),
])
def test_bad_input_is_refused_by_name(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_only_kt_distributed_imports_dask():
    offenders = []
    for path in (ROOT / "kmeans_teach").rglob("*.py"):
        if path.name == "distributed.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("dask", "distributed") for n in names):
                offenders.append(path.name)
    assert not offenders


def test_chunk_sums_checker_passes_a_right_answer_and_names_the_failing_case():
    def partial(chunk, centers):
        labels = ((chunk[:, None] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, chunk)
        return sums, np.bincount(labels, minlength=len(centers))

    def reduce(partials):
        return sum(p[0] for p in partials), sum(p[1] for p in partials)

    assert check_chunk_sums(partial, reduce)
    no_minlength = lambda chunk, centers: (partial(chunk, centers)[0], np.bincount(
        ((chunk[:, None] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)))
    feedback = check_chunk_sums(no_minlength, reduce)
    assert not feedback and "a cluster with no point" in feedback.message
    feedback = check_chunk_sums(partial, lambda partials: partials[-1])
    assert not feedback and "case 1 of 5" in feedback.message
    assert "must be a function" in check_chunk_sums(partial(np.zeros((2, 2)), np.zeros((1, 2))), reduce).message
    assert "on chunk 0, your function raised ZeroDivisionError" in check_chunk_sums(lambda c, k: 1 / 0, reduce).message


@pytest.mark.parametrize("choice, evidence, passed, words", [
    (80_000, 5_120_000, True, "keep 2 workers busy"),
    (80_000, 1, False, "you quoted"),
    (2_000_000, 128_000_000, False, "pause line"),
    (1_000, 64_000, False, "scheduler"),
    (5, 1, False, "must be one of"),
    (80_000, "lots", False, "must be a number"),
])
def test_chunk_choice_checker(choice, evidence, passed, words):
    feedback = check_chunk_choice(choice, evidence, n_samples=4_000_000, n_features=8,
                                  memory_limit=232 * 2**20, worker_baseline=150 * 2**20, n_workers=2)
    assert bool(feedback) is passed and words in feedback.message
    if choice in (2_000_000, 1_000):  # a wrong size is told which way to look, not the answer
        assert "80000" not in feedback.message
        assert ("smaller" if choice == 2_000_000 else "larger") in feedback.message


# --- lesson 10's cluster helpers, reading data, k-means++ on chunks ------------------


def test_as_dask_array_refuses_a_dask_dataframe_and_unknown_chunk_sizes():
    import dask.array as da

    class FakeFrame:  # what a dask DataFrame looks like to as_dask_array, without pyarrow
        __module__ = "dask.dataframe.dask_expr._collection"

        def to_dask_array(self, lengths=False):
            raise AssertionError("as_dask_array must not convert it itself")

    with pytest.raises(TypeError, match=r"to_dask_array\(lengths=True\)"):
        kd.as_dask_array(FakeFrame())
    X = da.from_array(_data(), chunks=(500, -1))
    unknown = X[X[:, 0] > 0]  # a boolean index leaves the row counts unknown
    with pytest.raises(ValueError, match="compute_chunk_sizes"):
        kd.as_dask_array(unknown)
    assert kd.as_dask_array(unknown.compute_chunk_sizes()).shape[0] == int((_data()[:, 0] > 0).sum())


def test_data_read_from_npy_files_gives_the_in_memory_result(tmp_path):
    import dask
    import dask.array as da

    X = _data(900)
    da.to_npy_stack(tmp_path / "points", da.from_array(X, chunks=(250, -1)))
    read = da.from_npy_stack(tmp_path / "points")
    assert read.chunks[0] == (250, 250, 250, 150)
    with dask.config.set(scheduler="synchronous"):
        run = kd.run_kmeans(read, 4, init=X[:4])
    ref = kt.run_kmeans(X, 4, init=X[:4])
    assert np.array_equal(np.asarray(run.final.labels), ref.final.labels)
    np.testing.assert_allclose(run.final.centers, ref.final.centers, rtol=1e-9, atol=0)


def test_kmeans_plusplus_init_draws_rows_in_k_minus_1_passes():
    import dask

    X = _data()
    with dask.config.set(scheduler="synchronous"):
        centers, passes = kd.kmeans_plusplus_init(X, 5, random_state=0)
        again, _ = kd.kmeans_plusplus_init(X, 5, random_state=0)
    assert passes == 4
    assert centers.shape == (5, 3)
    assert all((X == c).all(axis=1).any() for c in centers)  # every center is a row of X
    np.testing.assert_array_equal(centers, again)
    with pytest.raises(ValueError, match="n_clusters"):
        kd.kmeans_plusplus_init(X, 0)


def test_work_memory_counts_what_the_e_step_allocates_beside_the_chunk():
    X = _data(20_000)
    extra = kd.work_memory(X, X[:8], n_far=8)
    assert 0 < extra < 4 * X.nbytes


def test_connect_or_start_uses_the_scheduler_it_is_given_and_close_leaves_it_running(monkeypatch):
    from dask.distributed import Client, LocalCluster

    # In-process workers (processes=False) measure the memory of this whole test process,
    # not their own: after the other tests it was 283 MB, over the pause threshold of a
    # 300 MiB limit (0.8), and paused workers leave every task queued: the run hung until
    # CI's time limit. The limit is set far above what the test process holds.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, memory_limit="4GiB",
                      dashboard_address=":0") as outside:
        monkeypatch.setenv("KT_DASK_SCHEDULER", outside.scheduler_address)
        client, cluster = kd.connect_or_start(2, memory_limit="100MiB")
        try:
            assert cluster is None  # not started here
            info = kd.cluster_info(client)
            assert info.nthreads == [1, 1]
            assert info.memory_limit == [4 * 2**30] * 2  # the workers' own limit, not the one asked for
            # a paused worker would leave the run below waiting for ever: fail here instead
            assert set(client.run(lambda dask_worker: dask_worker.status.name).values()) == {"running"}
            assert list(info.thresholds) == ["target", "spill", "pause", "terminate"]
            X, _ = kd.chunked_blobs(4_000, 2, 3, chunk_size=500, random_state=0)
            made = kd.chunks_made(client)
            list(kd.kmeans_steps(X, 3, init="random", random_state=0, max_iter=2))
            # threads of this process: one counter for both workers
            assert sum(set(kd.chunks_made(client).values())) - sum(set(made.values())) >= 2 * X.numblocks[0]
            # the workers release the run's results shortly after it ends: wait for that
            # state (not for a time), with a deadline so that a leak still fails
            import time
            deadline = time.monotonic() + 30
            memory = kd.worker_memory(client)
            while any(m["held"] for m in memory.values()) and time.monotonic() < deadline:
                time.sleep(0.05)
                memory = kd.worker_memory(client)
            assert set(memory) == set(info.workers)
            assert all(m["peak"] > 0 and m["held"] == 0 and m["spilled"] == 0 for m in memory.values())
        finally:
            kd.close(client, cluster)
        with Client(outside) as again:  # still running
            assert len(again.scheduler_info()["workers"]) == 2


def test_chunk_sums_checker_blames_partial_when_a_chunk_is_miscounted():
    # a wrong partial is named before the reduce is judged, and a right reduce is not blamed
    from kmeans_teach.exercises.chunk_sums import check_chunk_sums

    def empty_partial(chunk, centers):
        return np.zeros_like(centers), np.zeros(len(centers))

    def reduce(partials):
        return tuple(sum(p[i] for p in partials) for i in range(2))

    feedback = check_chunk_sums(empty_partial, reduce)
    assert not feedback and "partial must count every point" in feedback.message


def _sum_partial(chunk, centers):
    # a right partial: the lesson's own E-step, then per-cluster sums and counts
    labels = kt.assign(chunk, centers)
    sums = np.zeros_like(centers)
    np.add.at(sums, labels, chunk)
    return sums, np.bincount(labels, minlength=len(centers))


def _sum_reduce(partials):
    return tuple(sum(p[i] for p in partials) for i in range(2))


def test_chunk_sums_checker_sees_a_chunk_changed_in_place():
    # the chunks come in a list: a partial that doubles its chunk in place and then sums
    # it is wrong (found by a cold read: it was accepted), and one that zeroes its chunk
    # after summing is told so, not told that its sums are wrong
    from kmeans_teach.exercises.chunk_sums import check_chunk_sums

    partial, reduce = _sum_partial, _sum_reduce

    def doubles(chunk, centers):
        chunk *= 2
        return partial(chunk, centers)

    def zeroes_after(chunk, centers):
        result = partial(chunk, centers)
        chunk[:] = 0
        return result

    for changes in (doubles, zeroes_after):
        feedback = check_chunk_sums(changes, reduce)
        assert not feedback and "changed its input" in feedback.message, feedback.message
    assert check_chunk_sums(partial, reduce)


def test_chunk_sums_checker_accepts_the_engine_assign_partial_and_a_float32_one():
    # no point of the checker's data is at the same distance from two centers, so the
    # lesson's own E-step (kt.assign) gives the right labels; a float32 sum is judged,
    # not crashed on
    from kmeans_teach.exercises.chunk_sums import check_chunk_sums

    partial, reduce = _sum_partial, _sum_reduce

    assert check_chunk_sums(partial, reduce)
    low = check_chunk_sums(lambda c, m: (partial(c, m)[0].astype(np.float32), partial(c, m)[1]), reduce)
    assert isinstance(low.message, str)


def test_a_worker_started_from_a_process_with_a_high_peak_reports_its_own_peak(tmp_path):
    # ru_maxrss is inherited through fork and exec: a worker started by a notebook that had
    # peaked high would report the notebook's peak. The peak kt.distributed reads must be the
    # started process's own (lesson 10 compares it with the memory limit).
    import subprocess
    import sys
    script = tmp_path / "peak.py"
    script.write_text(
        "import multiprocessing as mp, sys\n"
        "import numpy as np\n"
        "from kmeans_teach.distributed import _peak_rss\n"
        "if __name__ == '__main__':\n"
        "    big = np.ones(400 * 2**20 // 8)  # 400 MiB, touched\n"
        "    del big\n"
        "    ctx = mp.get_context('spawn')\n"
        "    with ctx.Pool(1) as pool:\n"
        "        child = pool.apply(_peak_rss)\n"
        "    print(_peak_rss(), child)\n")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    parent, child = map(int, out.stdout.split())
    assert parent > 400 * 2**20
    assert 0 < child < 250 * 2**20, (parent, child)
