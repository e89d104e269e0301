"""The set-up files agree with each other and with the code."""

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

#: PyPI name -> conda-forge name, where they differ. conda-forge's matplotlib and
#: seaborn pull in Qt and other extras; the "-base" packages are the libraries alone.
CONDA_NAMES = {
    "matplotlib": "matplotlib-base",
    "seaborn": "seaborn-base",
    "dask": "dask-core",
}

#: top-level module -> the distribution that provides it, where they differ
DISTRIBUTIONS = {
    "sklearn": "scikit-learn",
    "PIL": "pillow",
    "IPython": "ipython",
    "yaml": "pyyaml",
}

SUPPORTED = ["3.11", "3.12", "3.13", "3.14", "3.15"]


def _name_and_bound(requirement):
    requirement = requirement.split(";")[0]  # an environment marker is not a bound
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*(.*?)\s*", requirement)
    return match[1].lower().replace("_", "-"), match[2].replace(" ", "")


def _project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _runtime_requirements():
    return dict(_name_and_bound(r) for r in _project()["dependencies"])


def _test_requirements():
    return dict(_name_and_bound(r) for r in _project()["optional-dependencies"]["test"])


def _conda_environment():
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _conda_requirements():
    reqs = [d for d in _conda_environment()["dependencies"] if isinstance(d, str)]
    return dict(_name_and_bound(r) for r in reqs if not re.match(r"(python|pip)\b", r))


def test_environment_yml_lists_the_runtime_packages_and_bounds_of_pyproject():
    expected = {CONDA_NAMES.get(name, name): bound
                for name, bound in _runtime_requirements().items()}
    assert _conda_requirements() == expected


def test_environment_yml_keeps_test_tools_out_of_the_binder_image():
    conda_names = set(_conda_requirements())
    test_tools = {CONDA_NAMES.get(name, name) for name in _test_requirements()}
    assert not conda_names & test_tools
    assert _conda_environment()["channels"] == ["conda-forge"]


def test_environment_yml_installs_what_the_lessons_lock_pins():
    # Binder's image is a student's environment from conda-forge: every package it names
    # is one that requirements/lock.txt (make lab) pins, and no test tool
    pypi_names = {conda: pypi for pypi, conda in CONDA_NAMES.items()}
    named = {pypi_names.get(name, name) for name in _conda_requirements()}
    assert named - set(_pins(LESSONS_LOCK)) == set()
    assert not named & TEST_ONLY


def test_environment_yml_pins_python_the_way_repo2docker_reads_it():
    pythons = [d for d in _conda_environment()["dependencies"]
               if isinstance(d, str) and re.match(r"python\b", d)]
    assert len(pythons) == 1
    match = re.fullmatch(r"python=(3\.\d+)", pythons[0])
    assert match, f"{pythons[0]!r}: repo2docker needs 'python=3.x'"
    assert match[1] in SUPPORTED


def test_postbuild_installs_the_package_without_dependencies():
    text = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps -e ." in text


#: The lessons' lock (make lab, make present) and the test lock (make test): the same
#: pins, the second with the test tools added.
LESSONS_LOCK = ROOT / "requirements" / "lock.txt"
TEST_LOCK = ROOT / "requirements" / "lock-test.txt"

#: Packages that only the tests use: none of them may reach a student's environment.
TEST_ONLY = {"pytest", "playwright", "hypothesis", "nbval", "coverage", "uv", "kneed",
             "ruff", "numpydoc", "sphinx", "pluggy", "iniconfig", "greenlet"}


def _pins(lock):
    """{name: {version: [environment markers]}} of a lock file written by uv."""
    pins = {}
    for line in lock.read_text().splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            requirement, _, marker = line.partition(";")
            name, version = requirement.strip().split("==")
            name = name.lower().replace("_", "-")
            pins.setdefault(name, {}).setdefault(version, []).append(marker.strip())
    return pins


def _header(lock):
    return "\n".join(lock.read_text().splitlines()[:3])


@pytest.mark.parametrize("lock, declared", [
    (LESSONS_LOCK, lambda: set(_runtime_requirements())),
    (TEST_LOCK, lambda: set(_runtime_requirements()) | set(_test_requirements())),
], ids=["lessons", "test"])
def test_lock_file_pins_every_direct_dependency(lock, declared):
    missing = declared() - set(_pins(lock))
    assert not missing, f"not pinned in {lock.relative_to(ROOT)}: {missing}; run `make lock`"


@pytest.mark.parametrize("lock", [LESSONS_LOCK, TEST_LOCK], ids=["lessons", "test"])
def test_lock_file_is_universal(lock):
    assert "--universal" in _header(lock)


def test_the_lessons_lock_is_resolved_without_the_test_extra_and_within_the_test_lock():
    header = _header(LESSONS_LOCK)
    assert "--extra" not in header
    assert "-c requirements/lock-test.txt" in header
    assert "--extra test" in _header(TEST_LOCK)


def test_every_pin_of_the_lessons_lock_is_the_test_locks_pin():
    # the notebooks' stored outputs were made with one set of versions: a student's
    # `make lab` and `make test` must run exactly those
    lessons, test = _pins(LESSONS_LOCK), _pins(TEST_LOCK)
    differ = {name: (sorted(versions), sorted(test.get(name, {})))
              for name, versions in lessons.items()
              if set(versions) != set(test.get(name, {}))}
    assert not differ, f"pinned differently (lessons' lock, test lock): {differ}; run `make lock`"
    # and under the same environment markers, so a platform that gets a package from
    # one lock gets the same version from the other
    markers = {name: version for name, versions in lessons.items()
               for version, marker in versions.items() if test[name][version] != marker}
    assert not markers, f"environment markers differ between the two locks: {markers}"


def test_the_lessons_lock_holds_no_test_tool():
    found = TEST_ONLY & set(_pins(LESSONS_LOCK))
    assert not found, f"test tools in requirements/lock.txt, which make lab installs: {found}"
    # the list above is not out of date: each of them is in the test lock
    assert TEST_ONLY <= set(_pins(TEST_LOCK))


def _third_party_imports(folder):
    """Top-level modules imported anywhere under folder, other than the stdlib's."""
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module.split(".")[0])
    # the repository's own modules (tests, tools, scripts import each other) and the
    # Python 3.10 fallback tomli
    local = {p.stem for p in ROOT.glob("*/*.py")} | {"kmeans_teach", "tomli"}
    return {m for m in modules if m not in sys.stdlib_module_names and m not in local}


def _distribution(module):
    return DISTRIBUTIONS.get(module, module).lower().replace("_", "-")


def test_every_module_the_package_imports_is_declared():
    declared = set(_runtime_requirements())
    used = {_distribution(m) for m in _third_party_imports(ROOT / "kmeans_teach")}
    assert used - declared == set(), "declare these in pyproject.toml's dependencies"


@pytest.mark.parametrize("folder", ["tests", "tools", "figures", "benchmarks", "web"])
def test_every_module_the_tests_and_tools_import_is_declared(folder):
    declared = set(_runtime_requirements()) | set(_test_requirements())
    used = {_distribution(m) for m in _third_party_imports(ROOT / folder)}
    assert used - declared == set(), "declare these in pyproject.toml's test extra"


def test_license_file_matches_pyproject():
    assert _project()["license"] == "BSD-3-Clause"
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("BSD 3-Clause License")
    assert "Neither the name of the copyright holder" in text
