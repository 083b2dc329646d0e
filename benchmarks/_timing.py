"""What the command-line benchmarks share: a fair environment and alternating runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def bench_env() -> dict[str, str]:
    """The environment to time careercli in, with its modules compiled.

    An installed wheel has .pyc files (pip compiles them); so do typer and rich here.
    Without this, a PYTHONDONTWRITEBYTECODE shell would recompile only our source on
    every run and measure the compiler, not careercli.
    """
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import careercli

    package = str(Path(careercli.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, env=env)
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run of `cmd`, its output discarded."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def alternate(
    ours: tuple[list[str], dict[str, str]],
    base: tuple[list[str], dict[str, str]],
    runs: int,
    warmup: int = 2,
) -> tuple[list[float], list[float]]:
    """Time two commands in turn, so machine noise hits both alike; warm-up runs dropped."""
    for _ in range(warmup):
        timed(*ours)
        timed(*base)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(timed(*ours))
        b.append(timed(*base))
    return a, b


def alternate_many(
    commands: list[tuple[list[str], dict[str, str]]], runs: int, warmup: int = 2
) -> list[list[float]]:
    """`alternate` for any number of commands, timed in turn, warm-up runs dropped."""
    for _ in range(warmup):
        for cmd in commands:
            timed(*cmd)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            times[i].append(timed(*cmd))
    return times
