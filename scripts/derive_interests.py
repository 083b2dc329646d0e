"""Fill each role's RIASEC profile from O*NET 29.2 Interests.txt (scale OI, 1-7).

Usage: python scripts/derive_interests.py [--onet DIR] [--roles data/roles] [--check]

Each role file names its closest occupation as `interests.onet_soc`; this script writes
that occupation's title and its six OI values into the role's `interests:` block, so the
figures in data/ can always be rebuilt from the public source. `--check` changes nothing
and exits 1 when a file differs from what the source gives.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import textwrap
from pathlib import Path

import yaml

from role_files import update

RIASEC = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^interests:[^\n]*\n(?:[ \t]+[^\n]*\n)+", re.MULTILINE)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def onet_profiles(onet: Path) -> dict[str, tuple[str, dict[str, float]]]:
    """O*NET-SOC code -> (title, RIASEC OI scores)."""
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in read_tsv(onet / "Occupation Data.txt")}
    scores: dict[str, dict[str, float]] = {}
    for row in read_tsv(onet / "Interests.txt"):
        if row["Scale ID"] == "OI":
            dim = row["Element Name"].lower()
            scores.setdefault(row["O*NET-SOC Code"], {})[dim] = float(row["Data Value"])
    return {code: (titles.get(code, ""), s) for code, s in scores.items() if len(s) == len(RIASEC)}


def interests_block(code: str, title: str, scores: dict[str, float], reason: str = "") -> str:
    """The role's `interests:` block; `reason` (hand-written: why this occupation stands
    for the role) is kept as it was."""
    lines = [
        "interests:                      # O*NET 29.2 Interests.txt, scale OI 1-7 "
        "(scripts/derive_interests.py)",
        f"  onet_soc: {code}",
        f"  onet_title: {json.dumps(title) if re.search(r': |#|^[^A-Za-z]', title) else title}",
    ]
    if reason:
        lines += [
            "  onet_reason: >-",
            *(f"    {line}" for line in textwrap.wrap(" ".join(reason.split()), 84, break_on_hyphens=False)),
        ]
    lines += [f"  {dim}: {scores[dim]:.2f}" for dim in RIASEC]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", type=Path, default=ROOT.parent / "shared" / "data" / "onet-29.2")
    parser.add_argument("--roles", type=Path, default=ROOT / "data" / "roles")
    parser.add_argument("--check", action="store_true", help="report differences, change nothing")
    args = parser.parse_args(argv)
    profiles = onet_profiles(args.onet)
    stale = 0
    for path in sorted(args.roles.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        interests = yaml.safe_load(text)["interests"]
        code, reason = str(interests["onet_soc"]), str(interests.get("onet_reason") or "")
        if code not in profiles:
            print(f"{path}: interests.onet_soc: {code} has no OI profile in {args.onet}", file=sys.stderr)
            return 1
        title, scores = profiles[code]
        block = interests_block(code, title, scores, reason)
        found = BLOCK.search(text)
        if found is None:
            print(f"{path}: no `interests:` block to fill", file=sys.stderr)
            return 1
        new = text[: found.start()] + block + text[found.end() :]
        stale += update(path, text, new, args.check, f"interests differ from O*NET {code}", f"{code} {title}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
