"""A job's fit to a person, from what its posting asks, every point explained.

Out of 100:
- skills, 60: the skills the posting asks that the person has, weighted by how firmly it
  asks (required 3, not said 2, preferred 1) and by the person's proficiency (level / 5).
  Where the posting says little (few skills named in a short text) the fit of the job's
  catalog role fills in as a prior: with skill weight W and text length L, the posting's
  own share is min(1, W/8 + L/4000); a long posting naming no catalog skill is off-field
  and gets little, whatever its title says.
- level, 20: the job's level against the person's, both ways: the same level 20, one
  apart 10, two or more 0 (an intern job for someone with 8 years costs as much as a
  senior job for a student); a job that gives no level 10.
- degree, 10: the least degree asked (a preferred one is not asked): met 10, one below 4,
  else 0; none asked 10.
- years, 10: the years of experience asked: met 10, else 10 x have/asked; none asked 10.
Location, remote and the pay floor stay filters (careercli.jobs.query).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from careercli.common.vocab import DEGREES, LEVEL_LABELS, LEVELS

if TYPE_CHECKING:
    from careercli.jobs.asks import Asks
    from careercli.jobs.model import Job
    from careercli.profile.model import Profile

SKILLS, LEVEL, DEGREE, YEARS = 60.0, 20.0, 10.0, 10.0
WEIGHT = {"required": 3.0, None: 2.0, "preferred": 1.0}
SAYS_ENOUGH_WEIGHT = 8.0  # e.g. two required skills and one not marked
SAYS_ENOUGH_LENGTH = 4000.0  # characters: a full posting
NEUTRAL_PRIOR = 0.5  # a job without a catalog role: neither good nor bad


def weight_and_own(asks: Asks) -> tuple[float, float]:
    """How much a posting asks (the sum of its skills' weights) and the share of the skills
    points its own skills decide (the rest is its role's fit); the job store keeps both."""
    asked = sum(WEIGHT[m] for _, m in asks.skills)
    return asked, min(1.0, asked / SAYS_ENOUGH_WEIGHT + asks.length / SAYS_ENOUGH_LENGTH)


class Point(NamedTuple):
    part: str  # skills | level | degree | years
    points: float
    most: float
    why: str


class JobFit(NamedTuple):
    score: float
    points: tuple[Point, ...]
    have: tuple[tuple[str, int, str | None], ...]  # (skill, your proficiency, required/preferred/None)
    lack: tuple[tuple[str, str | None], ...]  # (skill, required/preferred/None)


class JobFitter:
    """Scores jobs for one person: `score(job)` is cheap (ranking 100,000 stored jobs),
    `explain(job)` gives every point with its reason (the jobs shown)."""

    def __init__(self, profile: Profile, role_fits: Mapping[str, float]) -> None:
        self.profile = profile
        self.role_fits = role_fits
        self.proficiency = {s: min(max(level, 0), 5) / 5.0 for s, level in profile.skills.items()}
        self.level = LEVELS.index(profile.level) if profile.level in LEVELS else 1
        self.degree = DEGREES.index(profile.degree) if profile.degree in DEGREES else 0
        self.years = profile.experience_years

    def __call__(self, job: Job) -> float:
        return self.score(job)

    def score(self, job: Job) -> float:
        asks = job.asks
        total = round(SKILLS * self._skills_share(job, asks), 1) + self._level_points(job.level)
        if asks is not None:
            total += self._degree_points(asks.degree) + round(self._years_points(asks.years), 1)
        else:
            total += DEGREE + YEARS
        return round(total, 1)  # the sum of explain()'s points, each rounded as it shows

    def _skills_share(self, job: Job, asks: Asks | None) -> float:
        prior = self._prior(job)
        if asks is None:
            return prior
        have = 0.0
        prof = self.proficiency
        for skill, mark in asks.skills:
            have += WEIGHT[mark] * prof.get(skill, 0.0)
        asked, own = weight_and_own(asks)
        return own * (have / asked if asked else 0.0) + (1.0 - own) * prior

    def _prior(self, job: Job) -> float:
        fit = self.role_fits.get(job.role) if job.role else None
        return NEUTRAL_PRIOR if fit is None else fit / 100.0

    def _level_points(self, level: str | None) -> float:
        if level not in LEVELS:
            return LEVEL / 2
        gap = abs(LEVELS.index(level) - self.level)
        return LEVEL if gap == 0 else LEVEL / 2 if gap == 1 else 0.0

    def _degree_points(self, degree: str | None) -> float:
        if degree not in DEGREES:
            return DEGREE
        short = DEGREES.index(degree) - self.degree
        return DEGREE if short <= 0 else 4.0 if short == 1 else 0.0

    def _years_points(self, years: int | None) -> float:
        if not years:
            return YEARS
        return YEARS * min(1.0, self.years / years)

    def explain(self, job: Job) -> JobFit:
        """The score with every point and its reason, the skills you have and lack."""
        asks = job.asks
        have: list[tuple[str, int, str | None]] = []
        lack: list[tuple[str, str | None]] = []
        for skill, mark in asks.skills if asks else ():
            if skill in self.profile.skills and self.profile.skills[skill] > 0:
                have.append((skill, self.profile.skills[skill], mark))
            else:
                lack.append((skill, mark))
        points = (
            Point(
                "skills",
                round(SKILLS * self._skills_share(job, asks), 1),
                SKILLS,
                self._skills_why(job, asks),
            ),
            Point("level", self._level_points(job.level), LEVEL, self._level_why(job.level)),
            Point(
                "degree",
                self._degree_points(asks.degree) if asks else DEGREE,
                DEGREE,
                self._degree_why(asks),
            ),
            Point(
                "years",
                round(self._years_points(asks.years) if asks else YEARS, 1),
                YEARS,
                self._years_why(asks),
            ),
        )
        return JobFit(self.score(job), points, tuple(have), tuple(lack))

    def _skills_why(self, job: Job, asks: Asks | None) -> str:
        prior = self._prior(job)
        role = (
            f"the fit of its role {job.role} ({prior * 100:.0f})" if job.role else "a neutral prior (no role)"
        )
        if asks is None:
            return f"the posting was not read for skills: {role}"
        asked, own = weight_and_own(asks)
        have = sum(WEIGHT[m] * self.proficiency.get(s, 0.0) for s, m in asks.skills)
        n = len(asks.skills)
        if not n:
            names = "it names no catalog skill"
        else:
            names = f"you cover {have / asked:.0%} of the {n} skill{'s' if n != 1 else ''} it asks (weighted)"
        if own >= 1.0:
            return f"{names}; the posting says enough to be judged on its own"
        return f"{names}, counted {own:.0%}; the other {1 - own:.0%} is {role}, as the posting says little"

    def _level_why(self, level: str | None) -> str:
        mine = self.profile.level
        years = f"{self.years:g} years"
        if level not in LEVELS:
            return f"the posting gives no level; you are {mine} ({years}): half the points"
        gap = LEVELS.index(level) - self.level
        if gap == 0:
            return f"{'an' if level[0] in 'aeiou' else 'a'} {level}-level job, your level ({years})"
        direction = "above" if gap > 0 else "below"
        steps = f"{abs(gap)} level{'s' if abs(gap) != 1 else ''}"
        article = "an" if level[0] in "aeiou" else "a"
        job = f"{article} {level}-level job ({LEVEL_LABELS[level]})"
        return f"{job} is {steps} {direction} yours, {mine} ({years})"

    def _degree_why(self, asks: Asks | None) -> str:
        if asks is None or asks.degree not in DEGREES:
            return "asks no degree"
        said = f' ("{asks.degree_text}")' if asks.degree_text else ""
        mine = self.profile.degree
        short = DEGREES.index(asks.degree) - self.degree
        if short <= 0:
            return f"asks a {asks.degree} degree{said}; you have {mine}"
        return f"asks a {asks.degree} degree{said}; you have {mine}, {short} below"

    def _years_why(self, asks: Asks | None) -> str:
        if asks is None or not asks.years:
            return "asks no years of experience"
        said = f' ("{asks.years_text}")' if asks.years_text else ""
        if self.years >= asks.years:
            return f"asks {asks.years}+ years{said}; you have {self.years:g}"
        return f"asks {asks.years}+ years{said}; you have {self.years:g}"


def fit_dict(fit: JobFit) -> dict[str, object]:
    """A job's fit in `jobs --json` and `jobs show --json`."""
    return {
        "score": fit.score,
        "points": [{"part": p.part, "points": p.points, "most": p.most, "why": p.why} for p in fit.points],
        "have": [{"skill": s, "proficiency": lv, "requirement": r} for s, lv, r in fit.have],
        "lack": [{"skill": s, "requirement": r} for s, r in fit.lack],
    }


def fit_function(fitter: JobFitter) -> Callable[..., float]:
    """`fit(asked, ask_own, ask_weight, years_asked, degree_asked, role, level, extracted)`
    over a stored row's columns: JobFitter.score of the row's job, the same arithmetic in
    the same order (its skill sum runs over the skills the row asks in the order asked,
    and the ones the person lacks add 0.0, which changes no float), for SQLite to rank by.
    The job store registers it on its connection; only the skills the person has are
    looked at (one regular expression over `asked`), so it costs a few microseconds a row."""
    import re

    have = {s: p for s, p in fitter.proficiency.items() if p > 0}
    marks = {"r": WEIGHT["required"], "": WEIGHT[None], "p": WEIGHT["preferred"]}
    names = "|".join(re.escape(s) for s in sorted(have, key=len, reverse=True))
    found = re.compile(f" ({names}):([^ ]*)(?= )").findall if names else None
    priors: dict[str | None, float] = {role: fit / 100.0 for role, fit in fitter.role_fits.items()}
    levels: dict[str | None, float] = {level: fitter._level_points(level) for level in LEVELS}
    degrees: dict[str | None, float] = {degree: fitter._degree_points(degree) for degree in DEGREES}

    def fit(
        asked: str,
        own: float,
        weight: float,
        years: int | None,
        degree: str | None,
        role: str | None,
        level: str | None,
        extracted: int,
    ) -> float:
        prior = priors.get(role, NEUTRAL_PRIOR) if role else NEUTRAL_PRIOR
        if not extracted:
            return round(round(SKILLS * prior, 1) + levels.get(level, LEVEL / 2) + DEGREE + YEARS, 1)
        sum_ = 0.0
        for skill, mark in found(asked) if found is not None else ():
            sum_ += marks.get(mark, WEIGHT[None]) * have[skill]
        share = own * (sum_ / weight if weight else 0.0) + (1.0 - own) * prior
        total = round(SKILLS * share, 1) + levels.get(level, LEVEL / 2)
        total += degrees.get(degree, DEGREE)
        total += round(fitter._years_points(years), 1)
        return round(total, 1)

    return fit


def bound_sql(fitter: JobFitter, bit: Callable[[str], int]) -> tuple[str, list[object]]:
    """SQL over a `job_asks` row (careercli.jobs.store): a bound on JobFitter.score of its job,
    never below the score less its rounding (at most 0.2: a tenth at most in each of three
    rounded parts and the sum). The skills sum tests the person's skills' bits in the row's
    two masks (a skill's weight is 2 x high + low: required 3, not said 2, preferred 1;
    decode's unknown mark weighs 2, as not said); a skill that shares its bit (one a pack
    adds) may count for one the posting does not ask, which only raises the bound. The rest
    is the score's own formula, so for the catalog's skills the bound is the score, unrounded:
    the job store scores exactly only the rows whose bound can reach the top N."""
    args: list[object] = []
    have: list[str] = []
    for skill, p in fitter.proficiency.items():
        if p <= 0:
            continue
        b = bit(skill)
        have.append("? * (2 * ((high & ?) != 0) + ((low & ?) != 0))")
        args += [p, b, b]
    have_sql = " + ".join(have) or "0"
    prior_arms = " ".join("WHEN ? THEN ?" for _ in fitter.role_fits)
    prior_args: list[object] = []
    for role, fit in fitter.role_fits.items():
        prior_args += [role, fit / 100.0]
    prior = f"(CASE role {prior_arms} ELSE {NEUTRAL_PRIOR} END)" if prior_arms else str(NEUTRAL_PRIOR)
    level_arms = " ".join("WHEN ? THEN ?" for _ in LEVELS)
    level_args: list[object] = []
    for level in LEVELS:
        level_args += [level, fitter._level_points(level)]
    degree_arms = " ".join("WHEN ? THEN ?" for _ in DEGREES)
    degree_args: list[object] = []
    for degree in DEGREES:
        degree_args += [degree, fitter._degree_points(degree)]
    # a row not read yet has ask_own 0 and no years or degree: its share is the prior alone,
    # its degree and years points full, as JobFitter.score gives a job without asks
    share = (
        f"(ask_own * (CASE WHEN ask_weight > 0 THEN min(1.0, ({have_sql}) / ask_weight) ELSE 0 END)"
        f" + (CASE WHEN ask_own < 1 THEN (1 - ask_own) * {prior} ELSE 0 END))"
    )
    years = f"(CASE WHEN years_asked > 0 THEN {YEARS} * min(1.0, ? * 1.0 / years_asked) ELSE {YEARS} END)"
    degree = f"(CASE degree_asked {degree_arms} ELSE {DEGREE} END)"
    level = f"(CASE level {level_arms} ELSE {LEVEL / 2} END)"
    sql = f"({SKILLS} * {share} + {level} + {degree} + {years})"
    # the placeholders in text order: share (have, prior), level, degree, years
    return sql, [*args, *prior_args, *level_args, *degree_args, fitter.years]
