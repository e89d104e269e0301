"""Prove that each lock installs from wheels alone on every supported Python and platform.

For each lock and each of the 5 Pythons x 4 platforms,
``uv pip compile <lock> --only-binary :all:``
resolves the locked pins for that target from the index's wheel metadata. It fails
when a pinned version has no wheel for the target (it would have to be compiled),
when a pin's Requires-Python excludes the target, or when a pin's environment marker
leaves a package out that another pin needs. Nothing is downloaded or installed.

    python tools/check_wheels.py [--uv PATH] requirements/lock-test.txt requirements/lock.txt
"""

import argparse
import subprocess
import sys
import time

PYTHONS = ["3.11", "3.12", "3.13", "3.14", "3.15"]
PLATFORMS = {
    "Linux x86-64": "x86_64-unknown-linux-gnu",
    "Linux aarch64": "aarch64-unknown-linux-gnu",
    "macOS arm64": "aarch64-apple-darwin",
    "Windows x86-64": "x86_64-pc-windows-msvc",
}


def compile_for(uv, lock, python, platform, offline):
    # No --output-file: uv then prints the resolution to stdout, which is captured here.
    # (uv takes "--output-file -" as a file named "-", which it would leave in the folder.)
    command = [uv, "pip", "compile", lock, "--quiet",
               "--python-version", python, "--python-platform", platform,
               "--only-binary", ":all:", "--no-header", "--no-annotate"]
    return subprocess.run(command + ["--offline"] * offline, capture_output=True, text=True)


def check(uv, lock, python, platform, offline):
    """Return (ok, first lines of uv's message) for one target."""
    # Asking the index afresh costs about 10 s per target, so after the first target
    # uv answers from the metadata it has just cached; a failure is always confirmed
    # online, so a stale or missing cache entry cannot make a pass or a failure.
    result = compile_for(uv, lock, python, platform, offline)
    if offline and result.returncode != 0:
        result = compile_for(uv, lock, python, platform, offline=False)
    message = (result.stderr or result.stdout).strip().splitlines()
    return result.returncode == 0, message[:4]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("locks", nargs="+", metavar="lock")
    parser.add_argument("--uv", default="uv")
    args = parser.parse_args()
    failed = False
    for index, lock in enumerate(args.locks):
        failures = 0
        start = time.perf_counter()
        print(lock)
        for python in PYTHONS:
            for name, platform in PLATFORMS.items():
                # the very first target asks the index; every later one, of this lock
                # or the next, starts from the metadata cached so far
                first = (index, python, name) == (0, PYTHONS[0], next(iter(PLATFORMS)))
                ok, message = check(args.uv, lock, python, platform, offline=not first)
                print(f"{'ok  ' if ok else 'FAIL'} Python {python}  {name:<15} ({platform})")
                if not ok:
                    failures += 1
                    print("     " + "\n     ".join(message))
        pairs = len(PYTHONS) * len(PLATFORMS)
        print(f"wheels only, {lock}: {pairs - failures} of {pairs} Python x platform pairs"
              f" resolve ({time.perf_counter() - start:.0f} s)")
        failed = failed or failures > 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
