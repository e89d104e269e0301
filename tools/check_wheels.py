"""Prove that the locks install from wheels alone on every supported Python and platform.

The first lock (the test lock, which holds every pin) is checked on each of the 5
Pythons x 4 platforms: ``uv pip compile <lock> --only-binary :all:`` resolves the
locked pins for that target from the index's wheel metadata. It fails when a pinned
version has no wheel for the target (it would have to be compiled), when a pin's
Requires-Python excludes the target, or when a pin's environment marker leaves a
package out that another pin needs.

Every further lock (the lessons' lock) must lie within the first: each of its pins,
with its environment marker, is a line of the first lock, so on every target it
installs a subset of what the first lock installs, and every wheel it needs has just
been checked. It must also be complete on its own: one universal resolve of it adds
no package and widens no marker (a dependency it forgot would show up there). That
takes a second, where checking it on the 20 targets again took over a minute.
Nothing is downloaded or installed.

The "within" check compares whole lines, so it is strict: should a `make lock` ever
give a package a narrower marker in the lessons' lock than in the test lock (a test
tool needing everywhere what the lessons need on one platform only), it fails though
both locks may be fine. Then check the lessons' lock on the 20 targets as well, by
running this tool once more with it as the first lock.

    python tools/check_wheels.py [--uv PATH] requirements/lock-test.txt requirements/lock.txt
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

PYTHONS = ["3.11", "3.12", "3.13", "3.14", "3.15"]
PLATFORMS = {
    "Linux x86-64": "x86_64-unknown-linux-gnu",
    "Linux aarch64": "aarch64-unknown-linux-gnu",
    "macOS arm64": "aarch64-apple-darwin",
    "Windows x86-64": "x86_64-pc-windows-msvc",
}


def _compile(uv, lock, options, offline):
    # No --output-file: uv then prints the resolution to stdout, which is captured here.
    # (uv takes "--output-file -" as a file named "-", which it would leave in the folder.)
    command = [uv, "pip", "compile", lock, "--quiet", "--no-header", "--no-annotate", *options]
    return subprocess.run(command + ["--offline"] * offline, capture_output=True, text=True)


def _confirmed(uv, lock, options, offline):
    # Asking the index afresh costs about 10 s per target, so after the first target
    # uv answers from the metadata it has just cached; a failure is always confirmed
    # online, so a stale or missing cache entry cannot make a pass or a failure.
    result = _compile(uv, lock, options, offline)
    if offline and result.returncode != 0:
        result = _compile(uv, lock, options, offline=False)
    return result


def _message(result):
    return (result.stderr or result.stdout).strip().splitlines()[:4]


def check(uv, lock, python, platform, offline):
    """Return (ok, first lines of uv's message) for one target."""
    options = ["--python-version", python, "--python-platform", platform,
               "--only-binary", ":all:"]
    result = _confirmed(uv, lock, options, offline)
    return result.returncode == 0, _message(result)


def pin_lines(lock):
    """The lock's requirement lines (name==version ; marker), as uv writes them."""
    return [line for line in Path(lock).read_text().splitlines()
            if line[:1].isalnum() and "==" in line]


def check_within(uv, lock, first):
    """Return the problems of a lock that must lie within the first and be complete."""
    problems = [f"not in {first}: {line}" for line in pin_lines(lock)
                if line not in set(pin_lines(first))]
    result = _confirmed(uv, lock, ["--universal", "--python-version", PYTHONS[0]], offline=True)
    if result.returncode != 0:
        return problems + _message(result)
    resolved = [line for line in result.stdout.splitlines() if line[:1].isalnum()]
    problems += [f"a universal resolve adds or widens: {line}"
                 for line in resolved if line not in set(pin_lines(lock))]
    problems += [f"a universal resolve drops: {line}"
                 for line in pin_lines(lock) if line not in set(resolved)]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lock", help="checked on every Python x platform pair")
    parser.add_argument("within", nargs="*", help="locks that must lie within the first")
    parser.add_argument("--uv", default="uv")
    args = parser.parse_args()
    failures = 0
    start = time.perf_counter()
    for python in PYTHONS:
        for name, platform in PLATFORMS.items():
            first = python == PYTHONS[0] and platform == next(iter(PLATFORMS.values()))
            ok, message = check(args.uv, args.lock, python, platform, offline=not first)
            print(f"{'ok  ' if ok else 'FAIL'} Python {python}  {name:<15} ({platform})")
            if not ok:
                failures += 1
                print("     " + "\n     ".join(message))
    pairs = len(PYTHONS) * len(PLATFORMS)
    print(f"wheels only, {args.lock}: {pairs - failures} of {pairs} Python x platform pairs"
          f" resolve ({time.perf_counter() - start:.0f} s)")
    failed = failures > 0
    for lock in args.within:
        start = time.perf_counter()
        problems = check_within(args.uv, lock, args.lock)
        verdict = "FAIL" if problems else "ok  "
        print(f"{verdict} {lock}: every pin is a line of {args.lock}, and a universal"
              f" resolve reproduces it ({time.perf_counter() - start:.0f} s)")
        for problem in problems[:10]:
            print("     " + problem)
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
