"""Wall time of `careercli quiz --answers FILE --catalog onet --json`: every O*NET occupation,
and of `careercli data import-onet DIR` that builds the pack.

Imports the O*NET tables (default: ../shared/data/onet-29.2, with the BLS tables beside
them) into a temporary CAREERCLI_HOME, timing the import (at most 10 s, issue 18), then
times the quiz over the whole pack end to end (Python start-up included) against the same
quiz over the 20 bundled roles. Runs alternate so that machine noise hits both alike;
prints the median (and best) of each, the ratio of the medians, and the O*NET run against
the target (at most 0.5 s, issue 18).

Usage: python benchmarks/onet_quiz.py [--tables DIR] [--answers FILE] [--runs 11]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported by tests
from _timing import alternate, bench_env

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.5
IMPORT_TARGET_S = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tables", type=Path, default=ROOT.parent / "shared" / "data" / "onet-29.2")
    parser.add_argument("--answers", type=Path, default=ROOT / "examples" / "statistician.yaml")
    parser.add_argument("--runs", type=int, default=11)
    opts = parser.parse_args()
    if not opts.tables.is_dir():
        print(f"{opts.tables}: no O*NET tables there (pass --tables DIR)", file=sys.stderr)
        return 1
    exe = str(Path(sys.executable).with_name("careercli"))
    quiz = [exe, "quiz", "--answers", str(opts.answers), "--json", "--no-save"]
    with tempfile.TemporaryDirectory() as home:
        env = {**bench_env(), "CAREERCLI_HOME": home}
        started = time.perf_counter()
        subprocess.run([exe, "data", "import-onet", str(opts.tables)], check=True, env=env,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        imported = time.perf_counter() - started
        onet, bundled = alternate(([*quiz, "--catalog", "onet"], env), (quiz, env), opts.runs)
    o, b = statistics.median(onet), statistics.median(bundled)
    verdict = "ok" if o <= TARGET_S else "OVER TARGET"
    print(f"quiz --catalog onet   median {o * 1000:7.1f} ms  best {min(onet) * 1000:7.1f} ms")
    print(f"quiz (20 bundled)     median {b * 1000:7.1f} ms  best {min(bundled) * 1000:7.1f} ms")
    print(f"ratio {o / b:.2f}  ({opts.runs} runs each, alternating)")
    print(f"target <= {TARGET_S:.1f} s end to end: {verdict}")
    verdict = "ok" if imported <= IMPORT_TARGET_S else "OVER TARGET"
    print(f"data import-onet      {imported:7.2f} s (one run)  target <= {IMPORT_TARGET_S:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
