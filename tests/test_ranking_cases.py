"""Would a good career adviser agree? Realistic answers files and the roles they rank first."""

from __future__ import annotations

from pathlib import Path

import pytest

from careercli.catalog.loader import load_catalog
from careercli.fit.score import RoleFit, score_roles
from careercli.profile.answers import load_answers

CATALOG = load_catalog(use_cache=False)  # at import, before any test sets CAREERCLI_HOME


def ranking(tmp_path: Path, text: str) -> list[RoleFit]:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return score_roles(load_answers(path, CATALOG), CATALOG)


def top(results: list[RoleFit], k: int = 5) -> list[str]:
    return [f"{r.role} {r.score} ({r.level})" for r in results[:k]]


STATISTICIAN_LEADER = """\
# 15 years, a PhD in statistics, leads a team of statisticians, loves strategy.
schema_version: 1
experience_years: 15
education:
  degree: PhD
  field: Statistics
skills:
  statistics: 5
  R: 5
  leadership: 5
  people management: 4
  strategy: 5
  communication: 5
  business acumen: 4
  Python: 3
  stakeholder-management: 4
  presentation: 4
  data analysis: 4
  data visualization: 4
  experimentation: 4
  machine learning: 3
  SQL: 3
interests:
  investigative: 5
  enterprising: 5
  social: 4
  conventional: 3
  realistic: 2
  artistic: 2
industries: [healthcare, pharma]
"""

ML_ENGINEER = """\
# Eight years shipping production models in Python, C++ and TensorFlow.
schema_version: 1
experience_years: 8
education:
  degree: MSc
  field: computer science
skills:
  python: 5
  C++: 4
  TensorFlow: 5
  machine-learning: 5
  model deployment: 5
  software-engineering: 5
  docker: 4
  deep learning: 4
  keras: 4
  feature engineering: 4
  data preprocessing: 4
  model selection: 4
  git: 4
  unit testing: 4
  sql: 3
  kubernetes: 3
  aws: 3
interests:
  investigative: 5
  realistic: 4
  conventional: 3
  artistic: 3
  enterprising: 2
  social: 2
industries: [technology]
work_mode: hybrid
"""

JUNIOR_ANALYST = """\
# One year out of university, building Excel reports and SQL queries.
schema_version: 1
experience_years: 1
education:
  degree: bachelor
  field: economics
skills:
  sql: 4
  excel: 5
  data-visualization: 3
  tableau: 3
interests:
  conventional: 5
  investigative: 4
  enterprising: 3
  social: 3
  artistic: 2
  realistic: 2
industries: [retail, finance]
work_mode: remote
min_salary: {amount: 55000, currency: USD}
"""

NO_SKILLS = """\
# Just out of school, nothing rated yet.
schema_version: 1
experience_years: 0
education:
  degree: high-school
skills: {}
"""

DATA_ENGINEER = """\
# Four years building batch pipelines on Airflow and Spark into a warehouse.
schema_version: 1
experience_years: 4
education:
  degree: bachelor
  field: CS
skills:
  sql: 5
  python: 4
  etl: 5
  airflow: 4
  pyspark: 4
  data modelling: 4
  data warehouse: 4
  cloud computing: 3
  dbt: 3
  git: 4
  data quality: 3
  docker: 3
interests:
  conventional: 4
  investigative: 4
  realistic: 4
  artistic: 2
  social: 2
  enterprising: 2
industries: [technology, finance]
"""

QUANT = """\
# A physics PhD three years into finance: models, C++ and time series.
schema_version: 1
experience_years: 3
education:
  degree: doctorate
  field: physics
skills:
  mathematics: 5
  statistics: 5
  python: 4
  C++: 4
  forecasting: 4
  optimization: 4
  quantitative finance: 3
  machine learning: 3
  data analysis: 3
  sql: 2
interests:
  investigative: 5
  conventional: 4
  enterprising: 4
  realistic: 2
  artistic: 2
  social: 1
industries: [finance, insurance]
"""

PRODUCT_MINDED = """\
# Seven years between business and data teams, with an MBA; owns a data product.
schema_version: 1
experience_years: 7
level: senior
education:
  degree: bachelor
  field: business
  mba: true
skills:
  product management: 5
  stakeholder management: 5
  communication: 5
  business acumen: 5
  strategy: 4
  presentation: 4
  data analysis: 3
  sql: 3
  a/b testing: 3
  leadership: 3
interests:
  enterprising: 5
  social: 4
  investigative: 3
  conventional: 3
  artistic: 3
  realistic: 1
"""


def test_statistician_who_leads_gets_a_head_role_first(tmp_path: Path) -> None:
    results = ranking(tmp_path, STATISTICIAN_LEADER)
    assert results[0].role in {"head-ds", "head-of-data"}, top(results)


def test_production_ml_engineer_gets_an_mle_role_first(tmp_path: Path) -> None:
    results = ranking(tmp_path, ML_ENGINEER)
    assert results[0].role in {"lead-mle", "ml-engineer"}, top(results)
    assert {"lead-mle", "ml-engineer"} <= {r.role for r in results[:3]}, top(results)


def test_junior_analyst_gets_an_analyst_role_and_no_executive_near_the_top(tmp_path: Path) -> None:
    results = ranking(tmp_path, JUNIOR_ANALYST)
    assert results[0].role in {"data-analyst", "bi-analyst"}, top(results)
    assert all(r.level != "executive" for r in results[:5]), top(results)


def test_no_skills_yet_no_crash_and_no_executive_on_top(tmp_path: Path) -> None:
    results = ranking(tmp_path, NO_SKILLS)
    assert len(results) == len(CATALOG.roles)
    assert results[0].level == "entry", top(results)
    assert all(r.level != "executive" for r in results[:5]), top(results)
    # the last places go to the director roles, far below
    assert {r.role for r in results[-2:]} == {"head-ds", "head-of-data"}, top(results[-5:])


def test_data_engineer_gets_a_data_engineering_role_first(tmp_path: Path) -> None:
    results = ranking(tmp_path, DATA_ENGINEER)
    assert results[0].role in {"data-engineer", "analytics-engineer", "data-architect"}, top(results)
    assert results[1].role in {"data-engineer", "analytics-engineer", "data-architect"}, top(results)


def test_physics_phd_in_finance_gets_quant_first(tmp_path: Path) -> None:
    results = ranking(tmp_path, QUANT)
    assert results[0].role == "quantitative-analyst", top(results)
    assert results[0].score - results[1].score >= 5, top(results)


def test_product_minded_mba_gets_data_product_manager_first(tmp_path: Path) -> None:
    results = ranking(tmp_path, PRODUCT_MINDED)
    assert results[0].role == "data-product-manager", top(results)
    # no engineering or research role near the top for someone without those skills
    families = {CATALOG.roles[r.role].family for r in results[:3]}
    assert families <= {"product", "leadership", "analytics"}, top(results)


@pytest.mark.parametrize(
    "text",
    [STATISTICIAN_LEADER, ML_ENGINEER, JUNIOR_ANALYST, NO_SKILLS, DATA_ENGINEER, QUANT, PRODUCT_MINDED],
)
def test_every_case_is_deterministic(tmp_path: Path, text: str) -> None:
    first = [(r.role, r.score) for r in ranking(tmp_path, text)]
    assert first == [(r.role, r.score) for r in ranking(tmp_path, text)]
