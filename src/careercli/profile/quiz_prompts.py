"""The one function that asks the quiz questions (questionary), plus its pure helpers.

`ask(catalog)` returns answers in the schema-v1 mapping of PRODUCT.md, so they go through
`answers.parse_answers` exactly like an answers file. Ctrl-C raises KeyboardInterrupt and
Ctrl-D raises EOFError at every prompt; the caller turns both into "quiz cancelled".
Prompts read and write the current prompt_toolkit app session (tests can swap it).
"""

from __future__ import annotations

import contextlib
import math
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from careercli.common import vocab

if TYPE_CHECKING:
    from questionary import Question

    from careercli.catalog.models import Catalog

SECTIONS = ("Experience", "Education", "Skills", "Interests", "Preferences")
# With an O*NET catalog (`quiz --catalog onet`), two optional sections more.
ONET_SECTIONS = (*SECTIONS, "O*NET skills", "Work values")
ONET_RATE_ONE_BY_ONE_MAX = 8
# O*NET rates levels 0-7 with anchors written for each element (its "Level Scale Anchors",
# not among the tables careercli reads); these hints are careercli's generic reading of the
# scale, shown beside each element's own O*NET description.
ONET_LEVELS = {
    1: "1 - Basic: simple, routine use with guidance",
    2: "2 - Some: everyday tasks on my own",
    3: "3 - Working: regular use in ordinary situations",
    4: "4 - Solid: non-routine problems, others rely on me",
    5: "5 - Advanced: complex, varied situations",
    6: "6 - Very advanced: I set the approach for others",
    7: "7 - Expert: among the best; new methods or the hardest cases",
}
WORK_VALUE_QUESTIONS = {
    "achievement": "Work that uses your abilities and gives a feeling of accomplishment (Achievement)",
    "working-conditions": "Job security and good working conditions (Working Conditions)",
    "recognition": "Advancement, recognition and a chance to lead (Recognition)",
    "relationships": "Friendly co-workers and helping others (Relationships)",
    "support": "Supportive management that stands behind its people (Support)",
    "independence": "Working on your own and making your own decisions (Independence)",
}
IMPORTANCE = {1: "Not important", 2: "Somewhat important", 3: "Neutral", 4: "Important", 5: "Very important"}
RATE_ONE_BY_ONE_MAX = 5  # more picked skills than this are rated in three quick passes
PICK_HELP = "(arrows move, space picks, Enter when done)"

PROFICIENCY = {
    1: "Awareness - I know what it is",
    2: "Basic - I have used it with help",
    3: "Working - I use it on my own",
    4: "Strong - I use it often; others ask me",
    5: "Expert - I could teach it or set the standard",
}
LIKERT = {1: "Strongly dislike", 2: "Dislike", 3: "Not sure", 4: "Like", 5: "Strongly like"}

# Two concrete statements about data work per RIASEC dimension, asked interleaved.
STATEMENTS: tuple[tuple[str, str], ...] = (
    ("realistic", "Setting up the servers, GPUs and clusters that models train and run on"),
    ("investigative", "Digging into why a metric moved until I find the cause"),
    ("artistic", "Designing a chart or dashboard that makes a complex result obvious"),
    ("social", "Teaching a colleague to write their first SQL query"),
    ("enterprising", "Pitching a data project to executives and winning the budget"),
    ("conventional", "Keeping data clean, documented and consistent, every field defined"),
    ("realistic", "Fixing a broken production pipeline so the numbers arrive on time"),
    ("investigative", "Reading a research paper and trying its method on our own data"),
    ("artistic", "Inventing a new feature or product idea that nobody has asked for yet"),
    ("social", "Mentoring junior analysts and helping them grow in their careers"),
    ("enterprising", "Leading a team and deciding what it works on next"),
    ("conventional", "Reconciling two reports line by line until the totals match"),
)

CATEGORY_TITLES = {
    "programming": "Programming",
    "math-stats": "Math and statistics",
    "machine-learning": "Machine learning",
    "data-engineering": "Data engineering",
    "analytics-bi": "Analytics and BI",
    "cloud-devops": "Cloud and DevOps",
    "ai-specialties": "AI specialties",
    "leadership-business": "Leadership and business",
}
WORK_MODE_TITLES = {
    "any": "No preference",
    "remote": "Remote",
    "hybrid": "Hybrid",
    "onsite": "On-site",
}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_MONEY = re.compile(r"^(?P<amount>\d[\d,_]*(?:\.\d+)?)\s*(?P<k>[kKmM])?$")


# --- pure helpers (tested without a terminal) -------------------------------------------


def parse_years(text: str) -> float | None:
    """Years of experience from what was typed, or None when it is not a number in 0-60."""
    try:
        years = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    if not math.isfinite(years) or not 0 <= years <= vocab.MAX_YEARS:
        return None
    return years


def parse_min_salary(text: str) -> dict[str, Any] | None:
    """The minimum salary typed ("120000 USD", "EUR 90k", "$150,000", "120k" = USD), or None if blank.

    Raises ValueError with a message fit for the prompt when the text is not an amount.
    """
    words = text.strip().replace("$", " $ ").replace("€", " € ").replace("£", " £ ").split()
    if not words:
        return None
    currency = "USD"
    amounts: list[str] = []
    for word in words:
        if word in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[word]
        elif word.isalpha() and len(word) == 3:
            currency = word.upper()
        else:
            amounts.append(word)
    match = _MONEY.match("".join(amounts))
    if len(amounts) != 1 or match is None:
        raise ValueError("Type an amount and a currency, e.g. 120000 USD or 90k EUR")
    amount = float(match["amount"].replace(",", "").replace("_", ""))
    amount *= {"k": 1_000, "m": 1_000_000}.get((match["k"] or "").lower(), 1)
    if not 0 < amount < 100_000_000:
        raise ValueError("Type a yearly amount above 0, e.g. 120000 USD")
    return {"amount": int(amount) if amount.is_integer() else amount, "currency": currency}


def interest_scores(ratings: Sequence[tuple[str, int]]) -> dict[str, int]:
    """A 1-5 score per RIASEC dimension: the mean of its statements, rounded half up (3 if none)."""
    scores: dict[str, int] = {}
    for dim in vocab.INTERESTS:
        mine = [value for d, value in ratings if d == dim]
        scores[dim] = math.floor(sum(mine) / len(mine) + 0.5) if mine else 3
    return scores


def split_list(text: str) -> list[str]:
    """Comma-separated text as a list: "New York, Remote ,," -> ["New York", "Remote"]."""
    return [part.strip() for part in text.split(",") if part.strip()]


def category_title(category: str) -> str:
    return CATEGORY_TITLES.get(category, category.replace("-", " ").capitalize())


# --- the questions ---------------------------------------------------------------------


def _run(question: Question) -> Any:
    """Ask one question; Ctrl-C or SIGINT raises KeyboardInterrupt, Ctrl-D raises EOFError."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent

    extra = KeyBindings()

    @extra.add("c-d", eager=True)
    def _eof(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @extra.add("<sigint>", eager=True)  # a real SIGINT (kill -INT), which select prompts ignore
    def _sigint(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra
    answer = question.unsafe_ask()
    if answer is None:  # questionary's own way of saying "cancelled"
        raise KeyboardInterrupt
    return answer


def _skip_headers_when_filtering(question: Question) -> None:
    """questionary's type-to-filter also matches the category headers ("stat" matches "Math and
    statistics") and leaves the pointer on one, where space would pick nothing. After every
    keystroke of the filter, move the pointer to the first real choice of the filtered list.
    (questionary's own is_selection_valid() looks at the unfiltered list, so it cannot be used.)"""
    from questionary import Separator
    from questionary.prompts.common import InquirerControl

    found = [c for c in question.application.layout.find_all_controls() if isinstance(c, InquirerControl)]
    if not found:  # another questionary version: leave it be
        return
    ic = found[0]
    add = ic.add_search_character

    def add_and_skip(char: Any) -> None:
        add(char)
        shown = ic.filtered_choices
        while ic.pointed_at < len(shown) - 1 and isinstance(shown[ic.pointed_at], Separator):
            ic.pointed_at += 1

    ic.add_search_character = add_and_skip  # type: ignore[method-assign]


def _width() -> int:
    """The columns of the output the prompts are drawn on."""
    from prompt_toolkit.application import get_app_session

    return max(20, get_app_session().output.get_size().columns)


def _say(text: str) -> None:
    """A line between prompts, on the stream the prompts use, wrapped between words to that
    output's width (the terminal itself would cut a word in two)."""
    import textwrap

    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    print_formatted_text(FormattedText([("bold", textwrap.fill(text, _width()))]))


def fold_prompt(qmark: str, message: str, instruction: str, width: int) -> str:
    """`message` with line breaks between its words where the prompt questionary draws,
    "QMARK MESSAGE INSTRUCTION", would pass `width` columns: prompt_toolkit wraps a line at
    the edge, in the middle of a word ("the serv / ers"). A break before the instruction
    ends the message; a word longer than a line is left to be cut. The last column is left
    free: a character there makes some terminals wrap early."""
    width -= 1
    column = len(qmark) + 1  # questionary puts a space between the mark and the message
    out: list[str] = []
    for word in message.split():
        space = 1 if out else 0  # before every word but the first
        if column + space + len(word) > width:
            out.append("\n")
            column = len(word)
        else:
            out.append(" " * space)
            column += space + len(word)
        out.append(word)
    if instruction and column + 1 + len(instruction) > width:
        out.append("\n")  # the instruction starts the next line
    return "".join(out)


class _Asker:
    """Builds each question with the "[k/5 Section]" marker that shows where the person is."""

    def __init__(self, sections: tuple[str, ...] = SECTIONS) -> None:
        import questionary

        self.q = questionary
        self.section = 0
        self.sections = sections

    def start(self, section: int, intro: str = "") -> None:
        self.section = section
        if intro:
            _say(intro)

    def mark(self, detail: str = "") -> str:
        name = self.sections[self.section - 1]
        return f"[{self.section}/{len(self.sections)} {name}{' ' + detail if detail else ''}]"

    def _marked(self, message: str, instruction: str, detail: str = "") -> tuple[str, str]:
        """The question's mark, and its message folded to the output's width beside it."""
        mark = self.mark(detail)
        return mark, fold_prompt(mark, message, instruction, _width())

    def text(
        self,
        message: str,
        validate: Callable[[str], bool | str] | None = None,
        default: str = "",
        instruction: str | None = None,
    ) -> str:
        mark, message = self._marked(message, instruction or "")
        question = self.q.text(
            message, default=default, validate=validate, qmark=mark, instruction=instruction
        )
        return str(_run(question)).strip()

    def select(
        self, message: str, choices: dict[Any, str], default: Any, detail: str = "", shortcuts: bool = False
    ) -> Any:
        options = [
            self.q.Choice(title, value=value, shortcut_key=str(value) if shortcuts else None)
            for value, title in choices.items()
        ]
        instruction = "(1-5 or arrows, then Enter)" if shortcuts else "(arrows, then Enter)"
        mark, message = self._marked(message, instruction, detail)
        question = self.q.select(
            message,
            options,
            default=next(o for o in options if o.value == default),
            qmark=mark,
            use_shortcuts=shortcuts,
            instruction=instruction,
        )
        return _run(question)

    def checkbox(
        self, message: str, choices: Sequence[Any], instruction: str = PICK_HELP, search: bool = False
    ) -> list[Any]:
        mark, message = self._marked(message, instruction)
        question = self.q.checkbox(
            message,
            list(choices),
            qmark=mark,
            instruction=instruction,
            use_search_filter=search,
            use_jk_keys=not search,
        )
        if search:
            _skip_headers_when_filtering(question)
        return list(_run(question))

    def confirm(self, message: str, default: bool = False) -> bool:
        mark, message = self._marked(message, "(Y/n)")
        return bool(_run(self.q.confirm(message, default=default, qmark=mark)))


# Every prompt has a default Enter accepts but one: the years of experience, which nothing
# else can stand in for (unless a résumé gave them). The banner says so
# (tests/test_quiz_pty.py holds it to that).
NEEDS_AN_ANSWER = ("years of experience",)
BANNER = (
    "careercli quiz: about 25 quick questions, about 3 minutes. Enter accepts the default "
    f"on every question but one, your {NEEDS_AN_ANSWER[0]}, which needs a number; Ctrl-C stops."
)
BANNER_ALL_DEFAULTS = (
    "careercli quiz: about 25 quick questions, about 3 minutes. Enter accepts the default; Ctrl-C stops."
)


def ask(catalog: Catalog, prefill: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ask the quiz (about 25 prompts, about 3 minutes) and return schema-v1 answers.
    `prefill` (schema-v1 answers, e.g. from a résumé) gives each question its default.
    With an O*NET catalog (`--catalog onet`), two optional O*NET sections follow."""
    onet = bool(catalog.onet_elements)
    asker = _Asker(ONET_SECTIONS if onet else SECTIONS)
    answers: dict[str, Any] = {"schema_version": 1}
    pre = prefill or {}
    _say(BANNER_ALL_DEFAULTS if "experience_years" in pre else BANNER)
    if pre:
        _say("Pre-filled from your résumé: Enter keeps a value, or change it.")
    answers.update(_ask_experience(asker, pre))
    answers["education"] = _ask_education(asker, pre.get("education", {}))
    answers["skills"] = _ask_skills(asker, catalog, pre.get("skills", {}))
    answers["interests"] = _ask_interests(asker)
    answers.update(_ask_preferences(asker, catalog))
    if onet:
        answers.update(_ask_onet(asker, catalog))
    return answers


def _ask_onet(asker: _Asker, catalog: Catalog) -> dict[str, Any]:
    """The O*NET sections, each optional: O*NET's skills and knowledge grouped as its
    content model groups them, rated on its 0-7 level scale; then its six work values."""
    out: dict[str, Any] = {}
    asker.start(6)
    if asker.confirm(
        "Rate yourself on O*NET's own skills and knowledge too? (about 2 minutes)", default=True
    ):
        levels = _ask_onet_skills(asker, catalog)
        if levels:
            out["onet_skills"] = levels
    asker.start(7)
    if asker.confirm("Say what matters to you in work (O*NET's six work values)?", default=True):
        values = {
            key: asker.select(question, IMPORTANCE, default=3, detail=f"{k}/6", shortcuts=True)
            for k, (key, question) in enumerate(WORK_VALUE_QUESTIONS.items(), 1)
        }
        out["work_values"] = {k: int(v) for k, v in values.items() if v != 3}
    return out


def onet_groups(catalog: Catalog) -> list[tuple[str, list[Any]]]:
    """O*NET's elements by group, skills first ("Basic Skills: Content" ...), then knowledge."""
    groups: dict[str, list[Any]] = {}
    for element in sorted(catalog.onet_elements.values(), key=lambda e: (e.kind != "skill", e.id)):
        title = f"{'Skills' if element.kind == 'skill' else 'Knowledge'}: {element.group or 'other'}"
        groups.setdefault(title, []).append(element)
    return list(groups.items())


def _ask_onet_skills(asker: _Asker, catalog: Catalog) -> dict[str, int]:
    from careercli.fit.onet_fit import element_label

    elements = catalog.onet_elements
    choices: list[Any] = []
    for title, members in onet_groups(catalog):
        choices.append(asker.q.Separator(f"-- {title} --"))
        choices += [asker.q.Choice(element_label(e.id, elements), value=e.id, description=e.description)
                    for e in members]  # fmt: skip
    picked: list[str] = asker.checkbox(
        "Which of O*NET's skills and knowledge areas do you use in your work?",
        choices,
        search=True,
        instruction="(type to filter, arrows move, space picks, Enter when done)",
    )
    picked = [e for e in dict.fromkeys(picked) if e in elements]
    names = {e: element_label(e, elements) for e in picked}
    if len(picked) > ONET_RATE_ONE_BY_ONE_MAX:
        return _rate_onet_in_passes(asker, picked, names)
    _say("Level, on O*NET's 0-7 scale (the hints are careercli's reading of it):")
    levels: dict[str, int] = {}
    for k, e in enumerate(picked, 1):
        question = f"Your level in {names[e]}?"
        levels[names[e]] = int(
            asker.select(question, ONET_LEVELS, default=4, detail=f"{k}/{len(picked)}", shortcuts=True)
        )
    return levels


def _rate_onet_in_passes(asker: _Asker, picked: list[str], names: dict[str, str]) -> dict[str, int]:
    """Many elements: three passes (advanced 5, expert 6 among those, basic 2); the rest 4."""
    _say(f"You picked {len(picked)}. Three quick passes rate them on O*NET's 0-7 scale; the rest count as 4.")
    levels = dict.fromkeys(picked, 4)

    def options(ids: list[str]) -> list[Any]:
        return [asker.q.Choice(names[e], value=e) for e in ids]

    strong = asker.checkbox("Which are advanced: complex, varied situations? (5)", options(picked))
    levels.update(dict.fromkeys(strong, 5))
    if strong:
        levels.update(
            dict.fromkeys(asker.checkbox("Of those, where do you set the approach? (6)", options(strong)), 6)
        )
    rest = [e for e in picked if e not in strong]
    if rest:
        levels.update(dict.fromkeys(asker.checkbox("Which are basic: routine use? (2)", options(rest)), 2))
    return {names[e]: level for e, level in levels.items()}


def _ask_experience(asker: _Asker, pre: dict[str, Any]) -> dict[str, Any]:
    asker.start(1)

    def valid_years(text: str) -> bool | str:
        return parse_years(text) is not None or f"Type a number of years from 0 to {vocab.MAX_YEARS}, e.g. 4"

    years = (
        parse_years(
            asker.text(
                "How many years have you worked in data, analytics or software?"
                + ("" if "experience_years" in pre else " (a number; needed)"),
                validate=valid_years,
                default=str(pre.get("experience_years", "")),
            )
        )
        or 0.0
    )
    from careercli.profile.answers import level_from_years

    level = asker.select(
        "Which level fits you best now?",
        dict(vocab.LEVEL_LABELS),
        default=pre.get("level") or level_from_years(years),
    )
    return {"experience_years": int(years) if years.is_integer() else years, "level": level}


def _ask_education(asker: _Asker, pre: dict[str, Any]) -> dict[str, Any]:
    asker.start(2)
    degree = asker.select(
        "What is your highest degree?", dict(vocab.DEGREE_LABELS), default=pre.get("degree", "bachelor")
    )
    education: dict[str, Any] = {"degree": degree}
    if vocab.degree_rank(degree) >= vocab.degree_rank("associate"):
        field = asker.text("In what field? (e.g. statistics; Enter to skip)", default=pre.get("field", ""))
        if field:
            education["field"] = field
    if vocab.degree_rank(degree) >= vocab.degree_rank("master") and asker.confirm(
        "Do you have an MBA?", default=bool(pre.get("mba"))
    ):
        education["mba"] = True
    return education


def _ask_skills(asker: _Asker, catalog: Catalog, pre: dict[str, int]) -> dict[str, int]:
    asker.start(3, "Skills: pick the ones you have (type to filter the list), then rate them.")
    choices: list[Any] = []
    category = None
    for skill in catalog.skills.values():
        if skill.category != category:
            category = skill.category
            choices.append(asker.q.Separator(f"-- {category_title(category)} --"))
        choices.append(
            asker.q.Choice(skill.name, value=skill.id, description=skill.description, checked=skill.id in pre)
        )
    picked: list[str] = asker.checkbox(
        "Which skills do you have?",
        choices,
        search=True,
        instruction="(type to filter, arrows move, space picks, Enter when done)",
    )
    names = {s.id: s.name for s in catalog.skills.values()}
    picked = [skill for skill in dict.fromkeys(picked) if skill in names]
    if len(picked) <= RATE_ONE_BY_ONE_MAX:
        return {
            skill: asker.select(
                f"How good are you at {names[skill]}?",
                PROFICIENCY,
                default=pre.get(skill, 3),
                detail=f"{k}/{len(picked)}",
                shortcuts=True,
            )
            for k, skill in enumerate(picked, 1)
        }
    return _rate_in_passes(asker, picked, names, pre)


def _rate_in_passes(
    asker: _Asker, picked: list[str], names: dict[str, str], pre: dict[str, int]
) -> dict[str, int]:
    """Many skills: three checkbox passes (strong, expert among strong, basic); the rest are 3."""
    _say(
        f"You picked {len(picked)} skills. Three quick passes rate them; "
        "any you leave out count as 3 (working)."
    )
    ratings = dict.fromkeys(picked, 3)

    def options(skills: list[str], ticked: Callable[[int], bool]) -> list[Any]:
        return [asker.q.Choice(names[s], value=s, checked=ticked(pre.get(s, 3))) for s in skills]

    strong = asker.checkbox(
        "Which are strong: you use them often, unaided? (4)", options(picked, lambda r: r >= 4)
    )
    ratings.update(dict.fromkeys(strong, 4))
    if strong:
        expert = asker.checkbox(
            "Of those, which could you teach or set the standard in? (5)", options(strong, lambda r: r >= 5)
        )
        ratings.update(dict.fromkeys(expert, 5))
    rest = [s for s in picked if s not in strong]
    if rest:
        basic = asker.checkbox(
            "Which are you still learning, using them only with help? (2)", options(rest, lambda r: r <= 2)
        )
        ratings.update(dict.fromkeys(basic, 2))
    return ratings


def _ask_interests(asker: _Asker) -> dict[str, int]:
    asker.start(4, "Interests: how much would you enjoy each of these? Type 1-5 or use the arrows.")
    ratings: list[tuple[str, int]] = []
    for k, (dim, statement) in enumerate(STATEMENTS, 1):
        value = asker.select(statement, LIKERT, default=3, detail=f"{k}/{len(STATEMENTS)}", shortcuts=True)
        ratings.append((dim, int(value)))
    return interest_scores(ratings)


def _ask_preferences(asker: _Asker, catalog: Catalog) -> dict[str, Any]:
    asker.start(5, "Preferences: where and how you want to work. Enter skips any of these.")
    industries = asker.checkbox(
        "Which industries interest you? (none = any)",
        [asker.q.Choice(i.name, value=i.id) for i in catalog.industries.values()],
    )
    mode = asker.select("How do you want to work?", WORK_MODE_TITLES, default="any")
    locations = split_list(asker.text("Where? Cities or countries, comma-separated (Enter to skip)"))

    def valid_salary(text: str) -> bool | str:
        try:
            parse_min_salary(text)
        except ValueError as exc:
            return str(exc)
        return True

    salary = parse_min_salary(
        asker.text("Minimum yearly salary, e.g. 120000 USD (Enter to skip)", validate=valid_salary)
    )
    prefs: dict[str, Any] = {"industries": industries, "work_mode": mode, "locations": locations}
    if salary is not None:
        prefs["min_salary"] = salary
    return prefs


@contextlib.contextmanager
def prompts_on_stderr() -> Iterator[None]:
    """With stdout redirected (`quiz --json > out.json`), ask on the terminal via stderr."""
    if sys.stdout.isatty() or not sys.stderr.isatty():
        yield
        return
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import create_output

    with create_app_session(output=create_output(stdout=sys.stderr)):
        yield
