"""The fixed vocabulary of PRODUCT.md: levels, degrees, RIASEC interests, work modes."""

from __future__ import annotations

from collections.abc import Callable

from careercli.common.errors import CareerError, UsageProblem, closest, did_you_mean

LEVELS: tuple[str, ...] = ("entry", "mid", "senior", "executive")
LEVEL_LABELS: dict[str, str] = {
    "entry": "Entry-level / Junior",
    "mid": "Mid-level / Intermediate",
    "senior": "Senior-level / Expert",
    "executive": "Executive-level / Director",
}
LEVEL_CODES: dict[str, str] = {"entry": "EN", "mid": "MI", "senior": "SE", "executive": "EX"}
_LEVEL_SPELLINGS: dict[str, str] = {}
for _level, _label in LEVEL_LABELS.items():
    for _spelling in (_level, LEVEL_CODES[_level], _label, *_label.split(" / ")):
        _LEVEL_SPELLINGS[_spelling.lower()] = _level
_LEVEL_SPELLINGS.update({"intermediate": "mid", "mid-level": "mid", "director": "executive"})

DEGREES: tuple[str, ...] = ("none", "high-school", "associate", "bachelor", "master", "phd")
DEGREE_LABELS: dict[str, str] = {
    "none": "No degree",
    "high-school": "High school",
    "associate": "Associate's degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "phd": "Doctorate (PhD)",
}
_DEGREE_SPELLINGS: dict[str, str] = {
    "no degree": "none",
    "highschool": "high-school",
    "high school": "high-school",
    "hs": "high-school",
    "ged": "high-school",
    "associates": "associate",
    "associate's": "associate",
    "associate degree": "associate",
    "bachelors": "bachelor",
    "bachelor's": "bachelor",
    "ba": "bachelor",
    "bs": "bachelor",
    "bsc": "bachelor",
    "beng": "bachelor",
    "undergraduate": "bachelor",
    "masters": "master",
    "master's": "master",
    "ma": "master",
    "ms": "master",
    "msc": "master",
    "meng": "master",
    "mba": "master",
    "ph.d.": "phd",
    "ph.d": "phd",
    "doctorate": "phd",
    "doctoral": "phd",
    "dphil": "phd",
}

INTERESTS: tuple[str, ...] = (
    "realistic",
    "investigative",
    "artistic",
    "social",
    "enterprising",
    "conventional",
)
WORK_MODES: tuple[str, ...] = ("remote", "hybrid", "onsite", "any")
MAX_YEARS = 60  # years of experience an answers file or the quiz accepts: 0..MAX_YEARS
# Pay periods: how many of each make a year (a job's salary, the pay text of a posting).
PAY_PERIODS: dict[str, int] = {"year": 1, "month": 12, "hour": 2080}
# Role families, in the order the catalog lists them.
FAMILIES: tuple[str, ...] = (
    "leadership",
    "data-science",
    "ml-engineering",
    "research",
    "data-engineering",
    "analytics",
    "product",
)
_WORK_MODE_SPELLINGS = {"on-site": "onsite", "office": "onsite", "in-office": "onsite"}


def _resolver(
    what: str, canonical: tuple[str, ...], spellings: dict[str, str]
) -> Callable[[str], str | None]:
    table = {c: c for c in canonical} | spellings

    def resolve(text: str) -> str | None:
        key = " ".join(text.strip().lower().replace("_", "-").split())
        return table.get(key) or table.get(key.replace("-", " ")) or table.get(key.replace(" ", "-"))

    resolve.__doc__ = f"The canonical {what} for any accepted spelling, or None."
    return resolve


find_level = _resolver("level", LEVELS, _LEVEL_SPELLINGS)
find_degree = _resolver("degree", DEGREES, _DEGREE_SPELLINGS)
find_interest = _resolver("interest", INTERESTS, {})
find_work_mode = _resolver("work mode", WORK_MODES, _WORK_MODE_SPELLINGS)


def parse_level(text: str, where: str = "--level", error: type[CareerError] = UsageProblem) -> str:
    """A level from any spelling PRODUCT.md accepts ("SE", "expert", "Senior-level / Expert")."""
    level = find_level(text)
    if level is None:
        raise error(
            f"{where}: unknown level '{text}'; expected one of {', '.join(LEVELS)}"
            f"{did_you_mean(text, [*LEVELS, *LEVEL_CODES.values()])}"
        )
    return level


def parse_degree(text: str, where: str = "--degree", error: type[CareerError] = UsageProblem) -> str:
    """A degree from any accepted spelling ("PhD", "MSc", "masters", "Doctorate")."""
    degree = find_degree(text)
    if degree is None:
        raise error(
            f"{where}: unknown degree '{text}'; expected one of {', '.join(DEGREES)}{_closest_degree(text)}"
        )
    return degree


def _closest_degree(spelled: str) -> str:
    # Compare with the labels too ("Doctorate (PhD)"), so "doctorat" still finds 'phd'.
    names = {name: d for d in DEGREES for name in (d, DEGREE_LABELS[d])}
    hits = list(dict.fromkeys(names[n] for n in closest(spelled, names)))
    return " (did you mean " + " or ".join(f"'{h}'" for h in hits) + "?)" if hits else ""


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def degree_rank(degree: str) -> int:
    return DEGREES.index(degree)
