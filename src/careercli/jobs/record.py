"""One job row from a file or feed, made into an `ImportedJob`: the cleaning every format shares.

HTML descriptions become text, dates become ISO dates, level and employment type words
become the vocabulary, salary text becomes figures (salary_text), the title is linked to
the closest catalog role, and a missing level is inferred from the title (and marked so).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.catalog.lookup import find_skill
from careercli.catalog.models import Catalog
from careercli.common import vocab
from careercli.common.untrusted import clean as clean_untrusted
from careercli.common.untrusted import clean_value
from careercli.jobs import pay_text as salary_text
from careercli.jobs.model import find_employment_type

if TYPE_CHECKING:
    from careercli.jobs.asks import Asks
    from careercli.jobs.extraction import Extraction, PendingAsks

MAX_TEXT = 200_000  # characters kept of a description


class Rejected(Exception):
    """A row that cannot become a job; the message is the reason."""


class ImportedJob(NamedTuple):
    source_id: str | None
    title: str
    company: str
    location: str
    remote: bool | None  # None: the row does not say
    employment_type: tuple[str, ...]
    level: str | None
    level_inferred: bool
    salary: salary_text.ParsedSalary | None  # with a currency, or None
    salary_text: str
    role: str | None
    skills: tuple[str, ...]  # tags: catalog skill ids where they resolve, else the tag lowercased
    posted: str | None
    url: str | None
    description: str
    asks: Asks | PendingAsks | None = None  # what the posting asks for; None when extraction is off
    # (PendingAsks: being read by the import's worker process, careercli.jobs.extraction)

    @property
    def level_source(self) -> str:
        return level_source(self.level_inferred, self.title)

    def dedup_key(self) -> str:
        """Same title, company, location and description (normalised) = the same job."""
        parts = (self.title, self.company, self.location, self.description)
        text = "\x1f".join(" ".join(p.casefold().split()) for p in parts)
        return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


# Level words job boards use that the vocabulary does not spell (LinkedIn, Arbeitnow, ...).
_LEVEL_WORDS = {
    "internship": "entry",
    "intern": "entry",
    "entry level": "entry",
    "junior": "entry",
    "associate": "mid",
    "mid senior": "senior",
    "mid-senior": "senior",
    "mid senior level": "senior",
    "mid-senior level": "senior",
    "senior": "senior",
    "lead": "senior",
    "executive": "executive",
    "director": "executive",
}
_TITLE_LEVELS = (
    (re.compile(r"\b(?:head|director|vp|vice president|chief|c[a-z]o)\b", re.I), "executive"),
    (re.compile(r"\b(?:senior|sr|lead|principal|staff)\b", re.I), "senior"),
    (re.compile(r"\b(?:intern|internship|junior|jr|trainee|graduate|entry)\b", re.I), "entry"),
)
_WORK_MODES = {"remote": True, "onsite": False, "on-site": False, "hybrid": False, "on site": False}


def find_level_word(text: str) -> str | None:
    key = " ".join(text.strip().lower().replace("_", " ").split())
    return vocab.find_level(key) or _LEVEL_WORDS.get(key) or _LEVEL_WORDS.get(key.removesuffix(" level"))


def infer_level(title: str) -> str:
    """intern/junior: entry; senior/lead/principal/staff: senior; head/director/VP/chief:
    executive; else mid (a default: see level_source)."""
    return title_level(title) or "mid"


def title_level(title: str) -> str | None:
    """The level a title's words say, or None."""
    for pattern, level in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    return None


def level_source(inferred: bool, title: str) -> str:
    """'stated' by the listing, guessed from the 'title', or the 'default' (mid: nothing said)."""
    if not inferred:
        return "stated"
    return "title" if title_level(title) else "default"


class RoleLinker:
    """A job title -> the catalog role whose title or alias it names (longest, leftmost)."""

    def __init__(self, catalog: Catalog) -> None:
        names: dict[str, str] = {}
        for role in catalog.roles.values():
            for name in (role.title, *role.aliases):
                key = " ".join(name.casefold().split())
                if len(key) >= 2:
                    names.setdefault(key, role.id)
        self._names = names
        ordered = sorted(names, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
        self._cache: dict[str, str | None] = {}

    def link(self, title: str) -> str | None:
        key = " ".join(title.casefold().split())
        if key not in self._cache:
            exact = self._names.get(key)
            if exact is not None:
                self._cache[key] = exact
            else:
                found = self._pattern.search(key) if self._names else None
                self._cache[key] = self._names[found.group(0)] if found else None
        return self._cache[key]


class _Text(HTMLParser):
    _BREAKS = frozenset({"p", "br", "li", "div", "h1", "h2", "h3", "h4", "tr", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(text: str) -> str:
    """HTML -> plain text (stdlib html.parser); text without tags passes through, spaces tidied."""
    if "<" in text or "&" in text:
        parser = _Text()
        try:
            parser.feed(text[:MAX_TEXT])
            parser.close()
        except Exception:  # html.parser is lenient; anything it still trips on stays as text
            return " ".join(text[:MAX_TEXT].split())
        text = "".join(parser.parts)
    text = clean_untrusted(text[:MAX_TEXT], multiline=True)  # `&#27;` is an ESC once decoded
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def parse_date(value: Any) -> str | None:
    """ISO dates and date-times, Unix seconds, M/D/YYYY -> 'YYYY-MM-DD'; anything else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return dt.datetime.fromtimestamp(float(value), dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if re.fullmatch(r"\d{9,11}", text):
        return parse_date(int(text))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None
    return None


def text_list(value: Any) -> list[str]:
    """A list, or list-like text ("['a', 'b']", "a, b") -> its items as text."""
    if isinstance(value, list | tuple):
        return [str(x).strip() for x in value if str(x).strip() and not isinstance(x, dict | list)]
    text = clean(value)
    if not text:
        return []
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    items = re.split(r"[,;|]", text) if "[" not in text else [text]
    return [i.strip().strip("'\"").strip() for i in items if i.strip().strip("'\"").strip()]


def clean(value: Any) -> str:
    """A cell as text: None, NaN and Glassdoor's -1 are empty."""
    if value is None or isinstance(value, dict | list):
        return ""
    text = str(value).strip()
    return "" if text in {"-1", "nan", "NaN", "None", "null"} else text


class RowMaker:
    """Turns field->value mappings into ImportedJob, with the catalog for roles and skills."""

    def __init__(
        self,
        catalog: Catalog,
        currency: str | None = None,
        remote_default: bool = False,
        extract: bool = True,
    ) -> None:
        self.catalog = catalog
        self.extract = extract
        self.currency = currency
        self.remote_default = remote_default
        self.linker = RoleLinker(catalog)
        self._skills: dict[str, str] = {}
        self.no_currency = 0  # salaries read but left empty: no currency named, none given
        self.dropped: Counter[str] = Counter()  # "field: why" -> values read but left empty
        self.worker: Extraction | None = None  # set by parse_rows for a big file: asks read there
        # a file's postings repeated word for word (LinkedIn: 1,950 rows, 1,678 descriptions)
        # are read once; parse_rows empties it after each file
        self.seen: dict[tuple[str, str, str, tuple[str, ...]], Asks | PendingAsks] = {}

    def make(self, fields: Mapping[str, Any]) -> ImportedJob:
        # untrusted text: control and bidi characters shown as escapes before anything else
        fields = {name: clean_value(value) for name, value in fields.items()}
        title = " ".join(clean(fields.get("title")).split())
        if not title:
            raise Rejected("no title")
        if len(title) > 500:
            raise Rejected(f"title is {len(title)} characters long; at most 500")
        company = self._company(fields.get("company")).split("\n")[0].strip()  # Glassdoor: "Acme\n3.9"
        location = " ".join(clean(fields.get("location")).split())
        remote, types = self._types(fields)
        level_text = clean(fields.get("level"))
        level = find_level_word(level_text) if level_text else None
        if level_text and level is None:
            self.dropped["level: not a level word"] += 1
        salary, raw_salary = self._pay(fields.get("salary"))
        posted = parse_date(fields.get("posted"))
        if posted is None and clean(fields.get("posted")):
            self.dropped["posted: not a date"] += 1
        url = clean(fields.get("url")) or None
        source_id = clean(fields.get("id")) or url
        description = html_to_text(clean(fields.get("description")))
        tags = text_list(fields.get("tags"))[:50]
        skills = self._tags(tags)
        asks = self._asks(fields, title, description, tags) if self.extract else None
        return ImportedJob(
            source_id=source_id[:500] if source_id else None,
            title=title,
            company=" ".join(company.split()),
            location=location,
            remote=True if "remote" in location.casefold() or self.remote_default else remote,
            employment_type=types,
            level=level or infer_level(title),
            level_inferred=level is None,
            salary=salary,
            salary_text=raw_salary[:200],
            role=self.linker.link(title),
            skills=skills,
            posted=posted,
            url=url,
            description=description,
            asks=asks,
        )

    def _asks(
        self, fields: Mapping[str, Any], title: str, description: str, tags: list[str]
    ) -> Asks | PendingAsks:
        """What the posting asks: read here, or by the worker process when there is one."""
        qualifications = html_to_text(clean(fields.get("qualifications")))
        resolved = [(tag, self._skills[tag.casefold()]) for tag in tags]
        known = [(tag, s) for tag, s in resolved if s in self.catalog.skills]
        names, skills = [t for t, _ in known], [s for _, s in known]
        key = (title, description, qualifications, tuple(names))  # the tags decide the skills
        if (same := self.seen.get(key)) is not None:
            return same
        if self.worker is not None:
            asks: Asks | PendingAsks = self.worker.add(title, description, qualifications, names, skills)
        else:
            from careercli.extract.skills import finder_for
            from careercli.jobs.asks import read_asks

            asks = read_asks(finder_for(self.catalog), title, description, qualifications, names, skills)
        self.seen[key] = asks
        return asks

    def _types(self, fields: Mapping[str, Any]) -> tuple[bool | None, tuple[str, ...]]:
        """Whether the row says the job is remote (True), says it is not (False: onsite,
        hybrid, a false `remote` field) or says nothing (None), and its employment types."""
        remote = _said(fields.get("remote"))
        types: list[str] = []
        for item in text_list(fields.get("type")):
            for word in re.split(r"\s+and\s+|/", item):
                key = word.strip().lower()
                if key in _WORK_MODES:
                    remote = True if remote else _WORK_MODES[key]
                    continue
                kind = find_employment_type(word)
                if kind and kind not in types:
                    types.append(kind)
        return remote, tuple(types)

    def _company(self, value: Any) -> str:
        if isinstance(value, dict):  # {"name": "Acme", "url": ...}, as some feeds give it
            name = clean(value.get("name") or value.get("display_name"))
            if not name:
                self.dropped["company: an object without a name"] += 1
            return name
        return clean(value)

    def _pay(self, value: Any) -> tuple[salary_text.ParsedSalary | None, str]:
        """The salary and its text as quoted: from text ("$100K-150K") or from an object
        ({"min", "max", "currency", "period"}, the shape of the bundled jobs.yaml)."""
        if isinstance(value, dict):
            return self._salary_object(value)
        text = clean(value)
        if not text:
            return None, ""
        if _NEGATIVE.match(text):
            self.dropped["salary: a negative amount"] += 1
            return None, text
        parsed = salary_text.parse(text)
        if parsed is None:
            self.dropped["salary: no figures read from the text"] += 1
            return None, text
        return self._with_currency(parsed), text

    def _salary_object(self, value: dict[str, Any]) -> tuple[salary_text.ParsedSalary | None, str]:
        low, high = _amount(value.get("min")), _amount(value.get("max"))
        period = clean(value.get("period")).lower() or "year"
        text = ", ".join(f"{k}: {clean(v)}" for k, v in value.items() if not isinstance(v, dict | list))
        reason = None
        if low is None and high is None:
            reason = "salary: an object without min or max"
        elif any(x is not None and x < 0 for x in (low, high)):
            reason = "salary: a negative amount"
        elif low is not None and high is not None and low > high:
            reason = "salary: min above max"
        elif any(x is not None and x > salary_text.MAX_AMOUNT for x in (low, high)):
            reason = "salary: more than a billion"
        elif period not in vocab.PAY_PERIODS:
            reason = "salary: period is not year, month or hour"
        if reason is not None:
            self.dropped[reason] += 1
            return None, text
        code = clean(value.get("currency")).upper() or None
        if code is not None and not re.fullmatch(r"[A-Z]{3}", code):
            self.dropped["salary: currency is not a 3-letter code"] += 1
            return None, text
        return self._with_currency(salary_text.ParsedSalary(low, high, code, period)), text

    def _with_currency(self, parsed: salary_text.ParsedSalary) -> salary_text.ParsedSalary | None:
        """The salary with its currency: named, or --currency's; None (and counted) without."""
        if parsed.currency is None:
            if self.currency is None:
                self.no_currency += 1
                return None
            return parsed._replace(currency=self.currency)
        return parsed

    def _tags(self, tags: list[str]) -> tuple[str, ...]:
        out: list[str] = []
        for tag in tags:
            key = tag.casefold()
            if key not in self._skills:
                self._skills[key] = find_skill(self.catalog, tag) or " ".join(key.split())
            if self._skills[key] not in out:
                out.append(self._skills[key])
        return tuple(out)


_NEGATIVE = re.compile(r"^\s*[-\u2212]\s*[$€£¥₹]?\s*\d")


def _amount(value: Any) -> float | None:
    """A number, or numeric text ("100000", "100,000"); anything else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(clean(value).replace(",", "").replace("_", ""))
        except ValueError:
            return None
    return number if math.isfinite(number) else None


_YES = {"true", "yes", "1", "y", "remote"}
_NO = {"false", "no", "0", "n", "onsite", "on-site", "on site", "hybrid"}


def _said(value: Any) -> bool | None:
    """A `remote` field: True or False where it says so, None where it is empty or unclear."""
    if isinstance(value, bool):
        return value
    text = clean(value).lower()
    return True if text in _YES else (False if text in _NO else None)
