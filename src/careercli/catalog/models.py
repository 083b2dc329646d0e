"""Typed models of the catalog. Built once by the loader, read everywhere else.

NamedTuples rather than dataclasses: they are immutable and typed alike, and creating
fifteen of them costs a fraction of what dataclasses cost at every start-up.

No `from __future__ import annotations` here: typing.NamedTuple compiles every string
annotation into a ForwardRef, which made importing this module cost 3 ms instead of 1.5 ms
on every run. Each class refers only to the classes above it.
"""

from typing import Any, NamedTuple


class Skill(NamedTuple):
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    description: str


class Industry(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]


class SkillNeed(NamedTuple):
    """A skill a role asks for, with its importance 1 (nice to have) .. 5 (essential)."""

    skill: str
    importance: int


class Education(NamedTuple):
    typical: str
    minimum: str
    fields: tuple[str, ...]
    notes: tuple[str, ...]


class Tool(NamedTuple):
    name: str
    category: str
    hot: bool = False  # O*NET: a Hot Technology (often in job postings across occupations)
    in_demand: bool = False  # O*NET: In Demand (often in this occupation's job postings)


class Interests(NamedTuple):
    """A RIASEC profile on O*NET's OI scale (1-7), from the occupation `onet_soc`."""

    onet_soc: str
    onet_title: str
    scores: dict[str, float]  # empty when the profile has not been derived yet
    reason: str = ""  # why this occupation stands for the role (careercli's judgement)


class SeedOutlook(NamedTuple):
    """An older projection a seed article quoted, kept as what the article says."""

    growth_pct: float
    period: str
    occupation: str
    source: str
    date: str
    summary: str


class Outlook(NamedTuple):
    """The BLS projection for the occupation a role is counted in (scripts/derive_bls.py)."""

    summary: str
    growth_pct: float | None
    period: str
    occupation: str
    source: str
    date: str
    soc: str = ""  # BLS SOC code, "15-2051"
    employment_start: int | None = None  # jobs at the start of the period
    employment_end: int | None = None  # projected jobs at its end
    openings_per_year: int | None = None
    band: str = ""  # the OOH's wording: "Much faster than average"
    entry_education: str = ""  # BLS's typical education for entry
    table: str = ""  # the BLS table the figures come from
    note: str = ""  # why this occupation stands for the role (careercli's judgement)
    seed: SeedOutlook | None = None  # head-ds, lead-mle: the seed article's older figure


class UsWages(NamedTuple):
    """BLS OEWS national annual wages for a role's occupation (scripts/derive_bls.py);
    a figure BLS top-codes or suppresses is None and named in top_coded/suppressed."""

    soc: str
    occupation: str
    year: int
    p10: int | None
    p25: int | None
    p50: int | None
    p75: int | None
    p90: int | None
    mean: int | None
    employment: int | None
    top_coded: tuple[str, ...]
    suppressed: tuple[str, ...]
    top_code_limit: int | None  # the wage BLS's '#' stands for "at or above"
    source: str
    table: str
    date: str


class Source(NamedTuple):
    name: str
    url: str
    date: str


class Percentiles(NamedTuple):
    n: int
    p10: float
    p25: float
    p50: float
    p75: float
    p90: float


class RoleSalary(NamedTuple):
    """What the salary survey holds for one role. `overall` is None when n is 0."""

    titles: tuple[str, ...]
    proxy: bool
    proxy_titles: tuple[str, ...]
    note: str
    n: int
    years: tuple[int, int] | None
    overall: Percentiles | None
    by_level: dict[str, Percentiles]
    n_direct: int = 0  # rows with the role's own titles (n itself unless proxy)
    title_n: dict[str, int] = {}  # rows per survey title counted (read-only)  # noqa: RUF012
    duplicates_dropped: int = 0  # exact repeats of counted rows left out of n


class SalarySource(NamedTuple):
    name: str
    url: str
    licence: str
    snapshot: str
    currency: str


class JobZone(NamedTuple):
    """A row of O*NET's Job Zone Reference: how much preparation a zone's occupations need."""

    zone: int  # 1 (little or no preparation) .. 5 (extensive)
    name: str  # "Job Zone Four: Considerable Preparation Needed"
    experience: str
    education: str
    training: str


class OnetInfo(NamedTuple):
    """What an occupation of an imported O*NET pack carries beyond a Role's facets.

    A Role built from O*NET leaves empty what O*NET does not hold (responsibilities,
    industries, outlook, tips) and has `level` "" when O*NET has no related work
    experience for it, `education.typical` "" when it has no education data: nothing is
    filled in, and fit leaves those components out (see careercli.fit.score).
    """

    release: str  # "29.2"
    credit: str  # the credit line O*NET's licence asks for, with that release
    job_zone: JobZone | None
    education_source: str  # "ete" (Required Level of Education), "job-zone" or "" (none)
    education_shares: dict[str, float]  # degree -> % of respondents (ETE only)
    experience: str  # the median Related Work Experience category or the job zone's name; ""
    experience_share: float | None  # % of respondents in that category (None: from the job zone)
    experience_source: str  # "ete" (Related Work Experience), "job-zone" or "" (none)
    skill_sources: dict[str, tuple[str, ...]]  # skill id -> the O*NET technologies it maps from
    # How many of its technologies are no careercli skill (the quiz cannot ask about them):
    # fit's skills part counts each with weight 1, unearned.
    unassessed: int = 0
    # O*NET skills and knowledge: element id -> (importance 1-5, level 0-7 or None when O*NET
    # recommends suppressing it); empty when O*NET rates none for this occupation.
    ratings: dict[str, tuple[float, float | None]] = {}  # noqa: RUF012 (read-only)
    work_values: dict[str, float] = {}  # noqa: RUF012 (read-only) work value -> extent 1-7
    high_points: tuple[str, ...] = ()  # its first, second and third work values
    related: tuple[tuple[str, str], ...] = ()  # (O*NET-SOC code, tier), in O*NET's order
    # When O*NET rates none itself: the related occupations whose mean ratings stand in
    ratings_from: tuple[str, ...] = ()
    # BLS figures for its SOC (careercli.onet.bls_join): {"soc", "wages", "projection",
    # "shared_with"}; empty when the pack was imported without the BLS tables
    bls: dict[str, Any] = {}  # noqa: RUF012 (read-only)
    # Worked out from the ratings once, at load (careercli.onet.pack.centred_ratings), so the
    # quiz's loop over a thousand occupations visits only the elements you have a level on:
    # element -> importance/5 x (level - the element's mean level), and the sum of
    # importance/5 x (level - mean)² over all rated elements.
    centred: dict[str, float] = {}  # noqa: RUF012 (read-only)
    ratings_norm: float = 0.0
    # the important elements (importance >= 3, level >= 2), most important first: the only
    # ones you can be flagged under-qualified on without a level of yours
    important: tuple[str, ...] = ()


class OnetElement(NamedTuple):
    """One of O*NET's 35 skills or 33 knowledge areas."""

    id: str  # "2.B.3.e"
    name: str  # "Programming"
    kind: str  # "skill" | "knowledge"
    group: str  # "Technical Skills"
    description: str
    mean_level: float = 0.0  # its mean level over the occupations O*NET rates (for centring)


class Role(NamedTuple):
    id: str
    title: str
    aliases: tuple[str, ...]
    level: str
    family: str
    summary: str
    responsibilities: tuple[str, ...]
    skills: tuple[SkillNeed, ...]
    education: Education
    tools: tuple[Tool, ...]
    industries: tuple[str, ...]
    interests: Interests
    outlook: Outlook
    tips: tuple[str, ...]
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    path: str  # the file it came from, for messages
    onet: OnetInfo | None = None  # set for an occupation of an imported O*NET pack
    us_wages: UsWages | None = None  # BLS OEWS wages for the role's occupation


class Catalog:
    """Everything the loader validated; filled in place while loading, read-only after."""

    __slots__ = (
        "ambiguous",
        "industries",
        "name_index",
        "onet_elements",
        "roles",
        "salaries",
        "salary_source",
        "skills",
    )

    def __init__(
        self,
        roles: dict[str, Role],
        skills: dict[str, Skill],
        industries: dict[str, Industry],
        salaries: dict[str, RoleSalary] | None = None,
        salary_source: SalarySource | None = None,
        ambiguous: dict[str, tuple[str, ...]] | None = None,
        onet_elements: dict[str, OnetElement] | None = None,
    ) -> None:
        self.roles = roles
        self.skills = skills
        self.industries = industries
        self.salaries: dict[str, RoleSalary] = salaries if salaries is not None else {}
        self.salary_source = salary_source
        # An imported O*NET pack's alternate titles that name several occupations (normalised
        # name -> their codes): such a name resolves to none of them, with a message.
        self.ambiguous: dict[str, tuple[str, ...]] = ambiguous if ambiguous is not None else {}
        # An imported O*NET pack's skills and knowledge elements (id -> element), for the
        # ratings its occupations carry; empty without one.
        self.onet_elements: dict[str, OnetElement] = onet_elements if onet_elements is not None else {}
        # (how many roles it was built for, normalised name -> role id): built by
        # careercli.catalog.lookup on the first look-up, rebuilt if roles were added since
        self.name_index: tuple[int, dict[str, str]] | None = None
