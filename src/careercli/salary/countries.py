"""ISO 3166-1 alpha-2 codes and their common English names, for `--country`.

Covers every country of the aijobs.net salary survey and a few more; a code not listed
here still works as a code, it only has no name to show or to be found by.
"""

from __future__ import annotations

NAMES: dict[str, str] = {
    "AD": "Andorra", "AE": "United Arab Emirates", "AM": "Armenia", "AR": "Argentina",
    "AS": "American Samoa", "AT": "Austria", "AU": "Australia", "BA": "Bosnia and Herzegovina",
    "BD": "Bangladesh", "BE": "Belgium", "BG": "Bulgaria", "BM": "Bermuda", "BO": "Bolivia",
    "BR": "Brazil", "BS": "Bahamas", "CA": "Canada", "CD": "Democratic Republic of the Congo",
    "CF": "Central African Republic", "CH": "Switzerland", "CL": "Chile", "CN": "China",
    "CO": "Colombia", "CR": "Costa Rica", "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany",
    "DK": "Denmark", "DO": "Dominican Republic", "DZ": "Algeria", "EC": "Ecuador",
    "EE": "Estonia", "EG": "Egypt", "ES": "Spain", "FI": "Finland", "FR": "France",
    "GB": "United Kingdom", "GE": "Georgia", "GH": "Ghana", "GI": "Gibraltar", "GR": "Greece",
    "HK": "Hong Kong", "HN": "Honduras", "HR": "Croatia", "HU": "Hungary", "ID": "Indonesia",
    "IE": "Ireland", "IL": "Israel", "IN": "India", "IQ": "Iraq", "IR": "Iran", "IS": "Iceland",
    "IT": "Italy", "JE": "Jersey", "JP": "Japan", "KE": "Kenya", "KR": "South Korea",
    "KW": "Kuwait", "KZ": "Kazakhstan", "LB": "Lebanon", "LK": "Sri Lanka", "LT": "Lithuania",
    "LU": "Luxembourg", "LV": "Latvia", "MA": "Morocco", "MD": "Moldova", "MT": "Malta",
    "MU": "Mauritius", "MX": "Mexico", "MY": "Malaysia", "NG": "Nigeria", "NL": "Netherlands",
    "NO": "Norway", "NZ": "New Zealand", "OM": "Oman", "PE": "Peru", "PH": "Philippines",
    "PK": "Pakistan", "PL": "Poland", "PR": "Puerto Rico", "PT": "Portugal", "QA": "Qatar",
    "RO": "Romania", "RS": "Serbia", "RU": "Russia", "RW": "Rwanda", "SA": "Saudi Arabia",
    "SE": "Sweden", "SG": "Singapore", "SI": "Slovenia", "SK": "Slovakia", "SV": "El Salvador",
    "TH": "Thailand", "TN": "Tunisia", "TR": "Turkey", "TW": "Taiwan", "UA": "Ukraine",
    "UG": "Uganda", "US": "United States", "UY": "Uruguay", "UZ": "Uzbekistan",
    "VE": "Venezuela", "VN": "Vietnam", "ZA": "South Africa",
}  # fmt: skip

# Other spellings people type, lowercased.
ALIASES: dict[str, str] = {
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US",
    "united states of america": "US", "america": "US", "uae": "AE", "holland": "NL",
    "the netherlands": "NL", "czech republic": "CZ", "korea": "KR", "republic of korea": "KR",
    "turkiye": "TR", "türkiye": "TR", "russian federation": "RU", "viet nam": "VN",
    "bosnia": "BA", "drc": "CD",
}  # fmt: skip


def find_country(text: str) -> str | None:
    """The upper-case code for a code, a name or an alias; None when nothing matches.

    Any two letters count as a code (the caller checks whether the data has rows for it).
    """
    key = " ".join(text.strip().casefold().split())
    if key in ALIASES:
        return ALIASES[key]
    if len(key) == 2 and key.isascii() and key.isalpha():
        return key.upper()
    for code, name in NAMES.items():
        if name.casefold() == key:
            return code
    return None


def label(code: str) -> str:
    """'DE (Germany)', or the bare code when it has no name here."""
    name = NAMES.get(code)
    return f"{code} ({name})" if name else code
