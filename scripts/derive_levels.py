"""Derive data/role_levels.json: the levels each role is hired at, from the salary survey's
level mix (the experience_level column of ../shared/data/aijobs-salaries/salaries.csv).

A role's rows are the distinct rows (an exact repeat counted once, as read_survey does) of
its survey titles (data/salary_titles.yaml, the same map
scripts/derive_salaries.py uses; a proxy role's proxy titles included and said so). The
range is the smallest run of levels that holds the role's stated level and every level
with at least MIN_SHARE of the rows. A role with fewer than MIN_ROWS rows gets no range
here, and fit scores it on its stated level alone.

Usage: python scripts/derive_levels.py [--data ../shared/data/aijobs-salaries] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careercli.common import vocab  # noqa: E402
from careercli.common.yamlio import load_yaml  # noqa: E402
from careercli.salary.survey import load_title_map, read_survey  # noqa: E402

MIN_SHARE = 0.20
MIN_ROWS = 30
OUT = ROOT / "data" / "role_levels.json"
RULE = (
    f"the smallest run of levels holding the role's stated level and every level with at least "
    f"{MIN_SHARE:.0%} of the role's survey rows; roles with fewer than {MIN_ROWS} rows "
    "keep their stated level"
)


def stated_levels() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((ROOT / "data" / "roles").glob("*.yaml")):
        data = load_yaml(path)
        out[str(data["id"])] = str(data["level"])
    return out


def derive(survey_dir: Path) -> dict[str, object]:
    survey = read_survey(survey_dir / "salaries.csv")
    title_map = load_title_map(ROOT / "data" / "salary_titles.yaml")
    stated = stated_levels()
    years = sorted({r.year for r in survey.rows})
    roles: dict[str, object] = {}
    for role, entry in sorted(title_map.items()):
        if role not in stated:
            continue
        titles = set(entry.figure_titles)
        counts = Counter(r.level for r in survey.rows if r.title in titles)
        n = sum(counts.values())
        if n < MIN_ROWS:
            continue
        shares = {level: round(counts[level] / n, 3) for level in vocab.LEVELS if counts[level]}
        ranks = [vocab.level_rank(stated[role])]
        ranks += [vocab.level_rank(level) for level, share in shares.items() if share >= MIN_SHARE]
        low, high = vocab.LEVELS[min(ranks)], vocab.LEVELS[max(ranks)]
        mix = ", ".join(f"{level} {share:.0%}" for level, share in shares.items())
        proxy = " (proxy titles: the closest the survey has)" if entry.proxy else ""
        roles[role] = {
            "low": low,
            "high": high,
            "n": n,
            "shares": shares,
            "source": f"aijobs.net salary survey {years[0]}-{years[-1]}, {n:,} distinct rows{proxy}: {mix}",
        }
    return {
        "schema_version": 1,
        "source": {"name": "aijobs.net salary survey", "file": "salaries.csv", "years": [years[0], years[-1]],
                   "derived_by": "scripts/derive_levels.py", "title_map": "data/salary_titles.yaml"},
        "rule": RULE,
        "roles": roles,
    }  # fmt: skip


def render(data: dict[str, object]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "aijobs-salaries")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    args = parser.parse_args()
    text = render(derive(args.data))
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from what the survey gives; rerun without --check")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
