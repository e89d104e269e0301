"""`import kmeans_teach` stays light: no SciPy submodule, no threadpoolctl, until a function needs them.

It loaded 932 modules (530 of them SciPy's, scipy.signal alone 40 %) for one
argrelextrema call; the import time is measured against ``import sklearn.cluster``
by ``benchmarks/bench_import.py``.
"""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent

#: modules `import kmeans_teach` used to load and does not need until a function runs
HEAVY = ("scipy", "scipy.signal", "scipy.stats", "scipy.optimize", "scipy.sparse",
         "scipy.special", "threadpoolctl", "sklearn", "pandas", "dask", "matplotlib",
         "ipywidgets")


def _loaded_after(code):
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\n"
                          "print(len(sys.modules)); print(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    count, names = out.stdout.strip().splitlines()[-2:]
    return int(count), set(names.split())


def test_importing_kmeans_teach_loads_no_heavy_module():
    count, names = _loaded_after("import kmeans_teach")
    assert not names & set(HEAVY), sorted(names & set(HEAVY))
    assert not any(n.startswith("scipy.") for n in names)
    assert count < 400, count  # 250 when written (932 before)


def test_each_lazy_import_arrives_when_its_function_runs():
    code = ("import kmeans_teach as kt, numpy as np\n"
            "kt.kneedle([1, 2, 3, 4, 5], [10, 5, 3, 2.5, 2.2])\n"
            "import sys; assert 'scipy.signal' not in sys.modules\n"
            "kt.match_clusters([0, 0, 1], [1, 1, 0])\n"
            "assert 'scipy.optimize' in sys.modules\n"
            "X = kt.lesson_blobs()[0][:40]\n"
            "kt.spectral_embedding_of(X, n_neighbors=5, random_state=0)\n"
            "assert 'scipy.sparse.csgraph' in sys.modules\n"
            "kt.run_gmm(X, 2, max_iter=2, random_state=0)\n"
            "assert 'scipy.special' in sys.modules\n"
            "with kt.limit_threads(): pass\n"
            "assert 'threadpoolctl' in sys.modules\n")
    _loaded_after(code)  # check=True: an assert failing in the child fails here


# --- kneedle's local extrema: the same indices as scipy.signal.argrelextrema ---------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=12),  # small ints: many ties
       st.sampled_from(["greater_equal", "less_equal", "greater", "less"]))
def test_local_extrema_equal_argrelextrema(values, comparator):
    from scipy.signal import argrelextrema

    from kmeans_teach.choosing_k import _local_extrema

    d = np.array(values, dtype=float)
    compare = getattr(np, comparator)
    np.testing.assert_array_equal(_local_extrema(d, compare), argrelextrema(d, compare)[0])


@pytest.mark.parametrize("seed", range(5))
def test_local_extrema_equal_argrelextrema_on_kneedle_curves(seed):
    from scipy.signal import argrelextrema

    import kmeans_teach as kt
    from kmeans_teach.choosing_k import _local_extrema

    rng = np.random.default_rng(seed)
    y = np.sort(rng.uniform(0, 100, 10))[::-1]
    d = kt.kneedle_curve(np.arange(1, 11), y).difference
    for compare in (np.greater_equal, np.less_equal):
        np.testing.assert_array_equal(_local_extrema(d, compare), argrelextrema(d, compare)[0])
