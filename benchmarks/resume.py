"""Wall time of reading a two-page PDF résumé and ranking the roles from it, end to end.

Times `careercli quiz --resume cv.pdf --json --no-save` (Python start-up, pypdf, the skill
extraction, the scoring and the JSON) against `careercli quiz --answers FILE --json
--no-save` (the same ranking from an answers file) in alternating runs, so that machine
noise hits both alike; prints the medians, their ratio, and the résumé run against the
target (at most 1 s, issue #17). Also times `resume cv.pdf --json` alone.

Usage: python benchmarks/resume.py [--runs 11]   (needs fpdf2, from the test extra)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported by tests
from _timing import alternate_many, bench_env

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.0


def two_page_pdf(folder: Path) -> Path:
    """A two-page résumé: the made-up people of tests/resumes.py, one after the other."""
    sys.path.insert(0, str(ROOT))
    from tests import resumes

    path = resumes.long_pdf(folder, 2)
    from pypdf import PdfReader

    assert len(PdfReader(path).pages) == 2
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    opts = parser.parse_args()
    exe = str(Path(sys.executable).with_name("careercli"))
    with tempfile.TemporaryDirectory() as home:
        env = {**bench_env(), "CAREERCLI_HOME": home}
        cv = two_page_pdf(Path(home))
        answers = ROOT / "examples" / "engineer.yaml"
        quiz = [exe, "quiz", "--json", "--no-save"]
        ours, base, alone = alternate_many(
            [
                ([*quiz, "--resume", str(cv)], env),
                ([*quiz, "--answers", str(answers)], env),
                ([exe, "resume", str(cv), "--json"], env),
            ],
            opts.runs,
        )
    o, b, r = statistics.median(ours), statistics.median(base), statistics.median(alone)
    verdict = "ok" if o <= TARGET_S else "OVER TARGET"
    print(f"quiz --resume cv.pdf (2 pages)  median {o * 1000:7.1f} ms  best {min(ours) * 1000:7.1f} ms")
    print(f"quiz --answers FILE             median {b * 1000:7.1f} ms  best {min(base) * 1000:7.1f} ms")
    print(f"resume cv.pdf --json            median {r * 1000:7.1f} ms  best {min(alone) * 1000:7.1f} ms")
    print(f"ratio {o / b:.2f}  ({opts.runs} runs each, alternating)")
    print(f"target <= {TARGET_S:.1f} s end to end: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
