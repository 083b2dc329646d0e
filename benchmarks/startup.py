"""Wall time of `careercli compare head-ds lead-mle` against the import floor.

The floor is `python -c "import typer, rich.console, rich.table, yaml"`: what any CLI built
on these libraries pays before doing anything. Runs alternate so that machine noise hits
both sides alike; the result is the ratio of medians (target: at most 1.25).

Usage: python benchmarks/startup.py [--runs 21] [-- extra careercli args]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table, yaml"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("args", nargs="*", default=["compare", "head-ds", "lead-mle"])
    opts = parser.parse_args()
    exe = Path(sys.executable).with_name("careercli")
    cmd = [str(exe), *opts.args]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CAREERCLI_HOME": home, "COLUMNS": "100"}
        # An installed wheel has .pyc files (pip compiles them); so do typer and rich
        # here. Without this, a PYTHONDONTWRITEBYTECODE shell would recompile only our
        # source on every run and measure the compiler, not careercli.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        import careercli

        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(Path(careercli.__file__).parent)],
            check=True,
            env=env,
        )
        for _ in range(2):  # warm the page cache and .pyc files
            timed(FLOOR, env)
            timed(cmd, env)
        floor: list[float] = []
        ours: list[float] = []
        for _ in range(opts.runs):
            floor.append(timed(FLOOR, env))
            ours.append(timed(cmd, env))
    f, o = statistics.median(floor), statistics.median(ours)
    print(f"import floor      median {f * 1000:7.1f} ms  ({len(floor)} runs)")
    print(f"careercli {' '.join(opts.args):<8} median {o * 1000:7.1f} ms")
    print(f"ratio {o / f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
