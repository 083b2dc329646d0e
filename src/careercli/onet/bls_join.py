"""US wages and the 2024-34 projection for every O*NET occupation, joined by SOC code.

An O*NET-SOC code's first seven characters are its 2018 SOC code ("15-2051.01" ->
"15-2051"); BLS publishes by SOC, so every O*NET occupation of one SOC shares its figures
(Business Intelligence Analysts, 15-2051.01, share Data Scientists' 15-2051). Each joined
occupation lists the others sharing its figure (`shared_with`), and show says so. An
occupation whose SOC BLS does not publish (an O*NET-only code like 15-1299.08 falls under
"Computer occupations, all other", 15-1299) gets that SOC's figure if BLS has it, else none.

The BLS tables (careercli.bls.tables): `ep_table_1_2_2024_34.csv` (Employment Projections
2024-34, Table 1.2) and `oews_national_M2024.csv` (OEWS May 2024 national), from the folder
given by `data import-onet --bls DIR`, else found beside the O*NET tables (in DIR itself or
a sibling folder named `bls`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careercli.common.errors import DataError

PROJECTIONS_FILE = "ep_table_1_2_2024_34.csv"
WAGES_FILE = "oews_national_M2024.csv"


def find_bls(onet_folder: Path, given: Path | None) -> Path | None:
    """The folder holding both BLS files: `given` (an error if it lacks them), else one
    beside the O*NET tables, else None (the pack then has no US figures)."""
    if given is not None:
        for name in (PROJECTIONS_FILE, WAGES_FILE):
            if not (given / name).is_file():
                raise DataError(
                    f"{given / name}: no such file (--bls expects the BLS folder with {PROJECTIONS_FILE} "
                    f"and {WAGES_FILE})"
                )
        return given
    for folder in (onet_folder, onet_folder.resolve().parent / "bls"):
        if (folder / PROJECTIONS_FILE).is_file() and (folder / WAGES_FILE).is_file():
            return folder
    return None


def join(folder: Path, codes: list[str]) -> dict[str, dict[str, Any]]:
    """O*NET-SOC code -> {"soc", "wages" or None, "projection" or None, "shared_with"}."""
    from careercli.bls.tables import read_projections, read_wages

    projections = read_projections(folder / PROJECTIONS_FILE)
    wages = read_wages(folder / WAGES_FILE)
    by_soc: dict[str, list[str]] = {}
    for code in codes:
        by_soc.setdefault(code[:7], []).append(code)
    out: dict[str, dict[str, Any]] = {}
    for soc, members in by_soc.items():
        projection, pay = projections.get(soc), wages.get(soc)
        if projection is None and pay is None:
            continue
        for code in members:
            out[code] = {
                "soc": soc,
                "wages": _wages(pay),
                "projection": _projection(projection),
                "shared_with": [c for c in members if c != code],
            }
    return out


def _wages(w: Any) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "occupation": w.title, "year": w.year, "p10": w.p10, "p25": w.p25, "p50": w.p50, "p75": w.p75,
        "p90": w.p90, "mean": w.mean, "employment": w.employment, "top_coded": list(w.top_coded),
        "suppressed": list(w.suppressed), "source": w.source, "table": w.table, "date": w.date,
    }  # fmt: skip


def _projection(p: Any) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "occupation": p.title, "period": p.period, "growth_pct": p.growth_pct,
        "employment_start": p.employment_start, "employment_end": p.employment_end,
        "openings_per_year": p.openings_per_year, "band": p.band, "entry_education": p.entry_education,
        "source": p.source, "table": p.table, "date": p.date,
    }  # fmt: skip
