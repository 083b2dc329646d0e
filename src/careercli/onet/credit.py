"""The credit O*NET's licence asks for (onetcenter.org/license_db), in O*NET's words.

careercli derives figures from O*NET (interest profiles, skills mapped from technologies,
levels from work experience), so the modification notice applies. The full text is shown
by `show`, in every --json result that holds O*NET data and in data/SOURCES.md; views on a
terminal narrower than FULL_CREDIT_WIDTH print the short form, which keeps the release,
the licence and the notice that careercli modified the data.
"""

from __future__ import annotations

import re

BUNDLED_RELEASE = "29.2"  # the release the bundled interest profiles are derived from
FULL_CREDIT_WIDTH = 80


def credit_line(release: str) -> str:
    """O*NET's full credit, naming the release used."""
    return (
        f"This product includes information from the O*NET {release} Database by the "
        "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). "
        "Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. careercli "
        "has modified all or some of this information. USDOL/ETA has not approved, "
        "endorsed, or tested these modifications."
    )


def short_credit(release: str) -> str:
    """The credit for a narrow terminal."""
    return f"Includes O*NET {release} data by USDOL/ETA (CC BY 4.0), modified by careercli."


def release_of(credit: str) -> str:
    """The release a credit line names ("29.2"); the bundled one when it names none."""
    found = re.search(r"O\*NET (\S+) (?:Database|data)", credit)
    return found[1] if found else BUNDLED_RELEASE


def credit_for_width(credit: str, width: int) -> str:
    """The full credit on a terminal of FULL_CREDIT_WIDTH columns or more, else the short."""
    return credit if width >= FULL_CREDIT_WIDTH else short_credit(release_of(credit))


ONET_CREDIT = credit_line(BUNDLED_RELEASE)
