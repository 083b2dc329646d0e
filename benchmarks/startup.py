"""Wall time of `careercli compare head-ds lead-mle` against the import floor.

The floor is `python -c "import typer, rich.console, rich.table, yaml"`: what any CLI built
on these libraries pays before doing anything. Runs alternate so that machine noise hits
both sides alike; the result is the ratio of medians (target: at most 1.25).

Usage: python benchmarks/startup.py [--runs 21] [--against DIR] [-- extra careercli args]

`--against DIR` also times another checkout of careercli (e.g. `git worktree add /tmp/old
REV`), run from its own src/ with this venv's libraries, in the same alternation: both
checkouts are then run as `python -m careercli`, so that they are started alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported by tests
from _timing import alternate, alternate_many, bench_env

FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table, yaml"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--against", type=Path, help="another checkout to time side by side")
    parser.add_argument("args", nargs="*", default=["compare", "head-ds", "lead-mle"])
    opts = parser.parse_args()
    if opts.against is not None:
        return _against(opts.against.resolve(), opts.args, opts.runs)
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


def _against(other: Path, args: list[str], runs: int) -> int:
    """This checkout, another one and the floor, alternating; each checkout's bytecode compiled."""
    import subprocess

    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as home:
        base = {**bench_env(), "CAREERCLI_HOME": home}
        envs = []
        for tree in (here, other):
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True, env=base
            )
            envs.append({**base, "PYTHONPATH": str(tree / "src")})
        cmd = [sys.executable, "-m", "careercli", *args]
        ours, theirs, floor = alternate_many([(cmd, envs[0]), (cmd, envs[1]), (FLOOR, base)], runs)
    f = statistics.median(floor)
    print(f"import floor       median {f * 1000:7.1f} ms  ({len(floor)} runs)")
    for label, times in ((f"this ({here.name})", ours), (f"other ({other.name})", theirs)):
        m = statistics.median(times)
        print(f"{label:<18} median {m * 1000:7.1f} ms  ratio {m / f:.2f}")
    print(f"this / other {statistics.median(ours) / statistics.median(theirs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
