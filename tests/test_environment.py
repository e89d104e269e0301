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


def test_lock_file_pins_every_direct_dependency():
    pins = {}
    for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split(";")[0].strip().split("==")
            pins.setdefault(name.lower(), []).append(version)
    declared = set(_runtime_requirements()) | set(_test_requirements())
    missing = declared - set(pins)
    assert not missing, f"not pinned in requirements/lock.txt: {missing}; run `make lock`"


def test_lock_file_is_universal():
    header = (ROOT / "requirements" / "lock.txt").read_text().splitlines()[:3]
    assert any("--universal" in line for line in header)


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
