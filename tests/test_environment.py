"""The set-up files agree with each other."""

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name_and_bound(requirement):
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*(.*?)\s*", requirement)
    return match[1].lower().replace("_", "-"), match[2].replace(" ", "")


def _pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_name_and_bound(r) for r in reqs)


def _conda_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    reqs = [d for d in env["dependencies"] if isinstance(d, str)]
    return dict(_name_and_bound(r) for r in reqs if not r.startswith(("python", "pip")))


def test_environment_yml_lists_the_same_packages_and_bounds_as_pyproject():
    assert _conda_requirements() == _pyproject_requirements()


def test_lock_file_pins_every_direct_dependency():
    pins = dict(
        line.split("==")
        for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    pins = {name.lower(): version for name, version in pins.items()}
    missing = set(_pyproject_requirements()) - set(pins)
    assert not missing, f"not pinned in requirements/lock.txt: {missing}; run `make lock`"
