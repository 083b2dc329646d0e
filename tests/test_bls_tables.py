"""careercli.bls.tables: the BLS Table 1.2 and OEWS readers, on small files and on ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED_DATA, needs_shared

from careercli.bls.tables import growth_band, read_projections, read_wages
from careercli.common.errors import DataError

BLS = SHARED_DATA / "bls"
PROJ_HEADER = (
    "2024 National Employment Matrix title,2024 National Employment Matrix code,Occupation type,"
    '"Employment, 2024","Employment, 2034","Employment change, percent, 2024-34",'
    '"Occupational openings, 2024-34 annual average",Typical education needed for entry\n'
)
WAGE_HEADER = "OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_MEAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90\n"


def test_projection_in_jobs_with_band(tmp_path: Path) -> None:
    path = tmp_path / "ep.csv"
    path.write_text(
        PROJ_HEADER + "Data scientists,15-2051,Line item,245.9,328.3,33.5,23.4,Bachelor's degree\n"
    )
    proj = read_projections(path)["15-2051"]
    assert (proj.employment_start, proj.employment_end, proj.openings_per_year) == (245900, 328300, 23400)
    assert proj.growth_pct == 33.5 and proj.band == "Much faster than average"
    assert proj.period == "2024-2034" and proj.date == "2025-08-28" and proj.line_item


def test_bad_number_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "ep.csv"
    path.write_text(PROJ_HEADER + "Data scientists,15-2051,Line item,lots,328.3,33.5,23.4,—\n")
    with pytest.raises(DataError, match=r"ep.csv: line 2: column 'Employment, 2024': expected a number"):
        read_projections(path)


def test_missing_column_and_bad_soc(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("OCC_CODE,OCC_TITLE\n15-2051,Data Scientists\n")
    with pytest.raises(DataError, match=r"w.csv: line 1: missing column 'O_GROUP'"):
        read_wages(path)
    path.write_text(WAGE_HEADER + "152051,X,detailed,1,1,1,1,1,1,1\n")
    with pytest.raises(DataError, match=r"line 2: column 'OCC_CODE': expected a SOC code"):
        read_wages(path)
    with pytest.raises(DataError, match="cannot read"):
        read_wages(tmp_path / "absent.csv")


def test_top_coded_and_suppressed_are_named(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text(
        WAGE_HEADER
        + "11-1011,Chief Executives,detailed,211850,262930,73710,126080,206420,#,#\n"
        + "11-1031,Legislators,detailed,26510,67390,*,*,*,*,*\n"
    )
    wages = read_wages(path)
    assert wages["11-1011"].p75 is None and wages["11-1011"].top_coded == ("p75", "p90")
    assert wages["11-1031"].suppressed == ("p10", "p25", "p50", "p75", "p90")
    assert wages["11-1031"].mean == 67390


@pytest.mark.parametrize(
    ("pct", "band"),
    [
        (33.5, "Much faster than average"),
        (7.9, "Much faster than average"),
        (6.6, "Faster than average"),
        (3.1, "As fast as average"),
        (1.5, "Slower than average"),
        (0.4, "Little or no change"),
        (-0.7, "Little or no change"),
        (-4.7, "Decline"),
    ],
)
def test_growth_band(pct: float, band: str) -> None:
    assert growth_band(pct) == band


@needs_shared
def test_shared_tables_read() -> None:
    proj = read_projections(BLS / "ep_table_1_2_2024_34.csv")
    wages = read_wages(BLS / "oews_national_M2024.csv")
    assert proj["15-2051"].employment_end == 328300 and proj["00-0000"].growth_pct == 3.1
    assert wages["15-2051"].p50 == 112590 and wages["15-2051"].employment == 233440
    assert wages["13-1020"].group == "detailed"
