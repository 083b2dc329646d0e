"""Skill extraction: the Aho-Corasick automaton (ahocorasick_rs) against one compiled regex, in MB/s.

Input: the LinkedIn postings in ../shared/data/job-postings/linkedin-2018-ca/ (about 6 MB
of descriptions), else a synthetic text built from the catalog's own skill names. Both
matchers run alternately on the same text; the mentions they find must be the same.
Also prints precision and recall on the hand-labelled sample (tests/fixtures/skill_labels.json)
when the postings are there.

Usage: python benchmarks/skill_extraction.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts() -> tuple[list[str], str]:
    from tests.skill_labels import postings

    rows = postings()
    if rows:
        return [r.description for r in rows], "LinkedIn 2018 postings"
    from careercli.catalog.loader import load_catalog

    names = [s.name for s in load_catalog().skills.values()]
    filler = "We are a fast growing team that values ownership and craft. "
    return [filler * 30 + ", ".join(names[i : i + 6]) + ". " for i in range(0, 600, 1)], "synthetic text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    opts = parser.parse_args()
    from careercli.catalog.loader import load_catalog
    from careercli.extract.skills import SkillFinder

    catalog = load_catalog()
    texts, what = _texts()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    finders = {b: SkillFinder(catalog.skills, backend=b) for b in ("ahocorasick", "regex")}
    for f in finders.values():
        f.find("warm up")
    times: dict[str, list[float]] = {b: [] for b in finders}
    found: dict[str, list[object]] = {}
    for _ in range(opts.rounds):
        for backend, finder in finders.items():
            t0 = time.perf_counter()
            found[backend] = [finder.find(t) for t in texts]
            times[backend].append(time.perf_counter() - t0)
    print(f"input: {len(texts)} texts, {mb:.1f} MB ({what})")
    for backend, ts in times.items():
        print(f"{backend:<12} {mb / statistics.median(ts):7.1f} MB/s  (median of {len(ts)})")
    ratio = statistics.median(times["regex"]) / statistics.median(times["ahocorasick"])
    print(f"regex / ahocorasick time ratio {ratio:.2f}")
    differ = sum(a != b for a, b in zip(found["regex"], found["ahocorasick"], strict=True))
    print(f"mentions differ in {differ} of {len(texts)} texts (the regex also takes 'machine- learning')")
    _quality()
    return 0


def _quality() -> None:
    from tests.skill_labels import score

    result = score()
    if result is None:
        print("precision/recall: the labelled postings are not here (../shared absent)")
        return
    print(
        f"hand-labelled sample: {result.postings} postings, {result.labelled} skills asked: "
        f"precision {result.precision:.3f}, recall {result.recall:.3f}"
    )
    for skill, (tp, fp, fn) in sorted(result.cases.items()):
        print(f"  {skill:<6} found {tp} right, {fp} wrong, missed {fn}")


if __name__ == "__main__":
    raise SystemExit(main())
