"""In-process time to score one profile against a generated 1,000-role catalog.

The roles are the bundled ones varied (level, skill importances, one skill swapped,
interest profile jittered), so
they look like real data. The baseline is turning the same 1,000 roles into `show --json`
dicts and dumping them as JSON: work of the same size that every command already does.
Runs alternate between the two; prints the median (and best) of each, the ratio of the
medians, and the absolute time against the target (under 50 ms for the scoring).

Usage: python benchmarks/fit_scoring.py [--roles 1000] [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable

from careercli.catalog.loader import load_catalog
from careercli.catalog.models import Catalog, Role, SkillNeed
from careercli.catalog.role_data import role_dict
from careercli.common.vocab import LEVELS
from careercli.fit.score import score_roles
from careercli.profile.answers import parse_answers

TARGET_MS = 50.0
PROFILE = {
    "schema_version": 1,
    "experience_years": 8,
    "education": {"degree": "master", "field": "computer science"},
    "skills": {"python": 5, "cpp": 4, "tensorflow": 5, "machine-learning": 5, "model-deployment": 5,
               "software-engineering": 5, "docker": 4, "sql": 3, "statistics": 3, "leadership": 2},
    "interests": {"investigative": 5, "realistic": 4, "enterprising": 2},
    "industries": ["technology", "finance"],
}  # fmt: skip


def generated_catalog(base: Catalog, size: int) -> Catalog:
    """`size` roles made by varying the bundled ones, reproducibly."""
    rng = random.Random(20261128)
    bundled = sorted(base.roles.values(), key=lambda r: r.id)
    skill_ids = sorted(base.skills)
    roles: dict[str, Role] = {}
    for n in range(size):
        role = bundled[n % len(bundled)]
        needs = [
            SkillNeed(s.skill, max(1, min(5, s.importance + rng.choice((-1, 0, 0, 1)))), s.must)
            for s in role.skills
        ]
        # swap one skill for another the role does not list yet
        spare = [s for s in skill_ids if s not in {x.skill for x in needs}]
        needs[rng.randrange(len(needs))] = SkillNeed(rng.choice(spare), rng.randint(1, 5))
        # jitter the interest profile too, so that no two roles share one
        scores = {d: max(1.0, min(7.0, v + rng.uniform(-0.3, 0.3))) for d, v in role.interests.scores.items()}
        new_id = f"{role.id}-{n:04d}"
        roles[new_id] = role._replace(
            id=new_id,
            level=rng.choice(LEVELS),
            skills=tuple(needs),
            aliases=(),
            interests=role.interests._replace(scores=scores),
        )
    return Catalog(roles, base.skills, base.industries, base.salaries, base.salary_source, links=base.links)


def timings_ms(work: Callable[[], object], runs: int) -> list[float]:
    work()  # warm-up: first-call costs are not what we measure
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    opts = parser.parse_args()

    catalog = generated_catalog(load_catalog(), opts.roles)
    profile = parse_answers(PROFILE, catalog, "benchmark profile")
    roles = list(catalog.roles.values())

    # Alternate the two so that noise from other processes hits both alike.
    scoring: list[float] = []
    baseline: list[float] = []
    for _ in range(opts.runs):
        scoring += timings_ms(lambda: score_roles(profile, catalog), 1)
        baseline += timings_ms(lambda: json.dumps([role_dict(catalog, r) for r in roles]), 1)
    s_med, b_med = statistics.median(scoring), statistics.median(baseline)

    verdict = "ok" if s_med < TARGET_MS else "OVER TARGET"
    print(f"roles                 {len(roles):>7}  ({opts.runs} runs each, alternating)")
    print(f"score_roles           median {s_med:7.1f} ms  best {min(scoring):6.1f} ms")
    print(f"baseline (JSON dump)  median {b_med:7.1f} ms  best {min(baseline):6.1f} ms")
    print(f"ratio {s_med / b_med:.2f}")
    print(f"target < {TARGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
