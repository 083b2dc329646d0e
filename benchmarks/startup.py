"""Wall time of `careercli compare head-ds lead-mle` against the import floor.

The floor is `python -c "import typer, rich.console, rich.table, yaml"`: what any CLI built
on these libraries pays before doing anything. Runs alternate so that machine noise hits
both sides alike; the result is the ratio of medians (target: at most 1.25).

Usage: python benchmarks/startup.py [--runs 21] [-- extra careercli args]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported by tests
from _timing import alternate, bench_env

FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table, yaml"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("args", nargs="*", default=["compare", "head-ds", "lead-mle"])
    opts = parser.parse_args()
    exe = Path(sys.executable).with_name("careercli")
    cmd = [str(exe), *opts.args]
    with tempfile.TemporaryDirectory() as home:
        env = {**bench_env(), "CAREERCLI_HOME": home}
        ours, floor = alternate((cmd, env), (FLOOR, env), opts.runs)
    f, o = statistics.median(floor), statistics.median(ours)
    print(f"import floor      median {f * 1000:7.1f} ms  ({len(floor)} runs)")
    print(f"careercli {' '.join(opts.args):<8} median {o * 1000:7.1f} ms")
    print(f"ratio {o / f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
