"""Currency conversion with a bundled, dated table of reference rates (`exchange_rates.yaml`).

The table quotes every currency against one base (the ECB's: units per euro); converting
between two currencies goes through the base. The rates are for comparing salaries only.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

from careercli.common.errors import DataError, UsageProblem, did_you_mean

# The rate table's readers are imported where the table is read: renderers import this module
# for `money` at every start-up, and most commands never convert a currency.

RATES_FILE = "exchange_rates.yaml"
_CODE = re.compile(r"^[A-Z]{3}$")
# Currency signs as written (lower case) -> ISO code: for `--currency`, the rate table and the
# pay text of job postings alike.
SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "s$": "SGD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": "JPY",
}
# The signs careercli prints, where the output can carry them (else the code is shown).
DISPLAY_SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£"}


class RateTable(NamedTuple):
    base: str
    date: str
    source: str
    short_source: str  # for footnotes, e.g. "ECB reference rate"
    url: str
    note: str
    rates: dict[str, float]  # units of each currency for one unit of `base`

    def codes(self) -> list[str]:
        return sorted(self.rates)

    def factor(self, source: str, target: str) -> float:
        """How many `target` one `source` buys; both codes must be in the table."""
        return self.rates[target] / self.rates[source]

    def convert(self, amount: float, source: str, target: str) -> float | None:
        """`amount` in `source` expressed in `target`; None when either is not in the table."""
        if source == target:
            return amount
        if source not in self.rates or target not in self.rates:
            return None
        return amount * self.factor(source, target)

    def parse_code(self, text: str, where: str = "--currency") -> str:
        """A currency code from the table ("usd", "$" and "€" work); else exit 2 naming them."""
        code = SYMBOLS.get(text.strip().lower(), text.strip().upper())
        if code not in self.rates:
            raise UsageProblem(
                f"{where}: unknown currency '{text}'; expected one of {', '.join(self.codes())}"
                f"{did_you_mean(code, self.codes())}"
            )
        return code

    def describe(self, source: str, target: str) -> str:
        """'1 EUR = 1.0411 USD (ECB reference rate of 2025-02-28)'."""
        return f"1 {source} = {self.factor(source, target):.4g} {target} ({self.short_source} of {self.date})"


def parse_amount(text: str, where: str) -> float:
    """A yearly amount as typed: 100000, 100,000, 100K, 1.2M, $90k; never negative, NaN or infinite."""
    raw = text.strip().replace(",", "").replace("_", "").lstrip("$€£")
    scale = {"k": 1e3, "m": 1e6}.get(raw[-1:].lower(), 1.0)
    number = raw[:-1] if scale != 1.0 else raw
    try:
        value = float(number) * scale
    except ValueError:
        value = float("nan")
    if value < 0:
        raise UsageProblem(f"{where}: '{text}' is negative; expected an amount of at least 0")
    if not math.isfinite(value) or not number.strip():
        raise UsageProblem(
            f"{where}: '{text}' is not an amount; expected a number of at least 0, e.g. 100000 or 100K"
        )
    return value


def load_rates(data_dir: Path | None = None) -> RateTable:
    """The user pack's rate table when it has one, else the bundled one."""
    from careercli.common.paths import bundled_data_dir, user_pack_dir
    from careercli.common.yamlio import load_yaml

    pack = user_pack_dir(str(data_dir) if data_dir else None)
    for folder in (pack, bundled_data_dir()):
        if folder is not None and (folder / RATES_FILE).is_file():
            path = folder / RATES_FILE
            return parse_rates(path, load_yaml(path))
    raise DataError(f"{bundled_data_dir() / RATES_FILE}: no such file; reinstall careercli")


def parse_rates(path: Path, data: Any) -> RateTable:
    from careercli.common.fields import Fields

    f = Fields(data, str(path))
    f.only(["schema_version", "base", "date", "source", "short_source", "url", "note", "rates"])
    version = f.raw("schema_version")
    if version is not None and version != 1:
        raise f.fail("schema_version", f"unsupported version {version!r}; expected 1")
    base = f.text("base").upper()
    r = f.sub("rates")
    rates: dict[str, float] = {}
    for key in r.data:
        code = str(key).upper()
        if not isinstance(key, str) or not _CODE.match(code):
            raise r.fail(str(key), "is not a three-letter currency code like USD")
        rates[code] = r.number(key, 1e-9, 1e12)
    if rates.get(base) != 1:
        raise r.fail(base, f"the base currency {base} must be listed with rate 1")
    return RateTable(
        base=base,
        date=f.text("date"),
        source=f.text("source"),
        short_source=f.text("short_source", "reference rate"),
        url=f.text("url", ""),
        note=f.text("note", ""),
        rates=rates,
    )


def is_unicode(stream: Any) -> bool:
    encoding = str(getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding.startswith(("utf", "ucs"))


def currency_symbol(currency: str) -> str:
    """'$', '€' or '£' for USD, EUR, GBP, or '' (then the code is shown): '€' and '£' only
    where stdout can print them, so an ASCII terminal reads "EUR 70K" and tables keep their
    widths."""
    symbol = DISPLAY_SYMBOLS.get(currency, "")
    return symbol if symbol.isascii() or is_unicode(sys.stdout) else ""


def money(amount: float | None, currency: str = "USD", compact: bool = True) -> str:
    """$185K / $185,000 / EUR 70K: short enough for a table cell."""
    if amount is None:
        return "-"
    symbol = currency_symbol(currency)
    prefix = symbol or f"{currency} "
    if compact and abs(amount) >= 1000:
        return f"{prefix}{amount / 1000:,.0f}K"
    return f"{prefix}{amount:,.0f}"
