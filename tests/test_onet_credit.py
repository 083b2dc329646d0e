"""O*NET's credit in O*NET's words wherever O*NET-derived data shows: every command that
shows it, text, Markdown and JSON, curated roles (interest profiles derived from O*NET
29.2) and an imported pack's occupations alike."""

from __future__ import annotations

import json

import pytest
from tests.conftest import ROOT, Invoke
from tests.test_onet import imported, tables  # noqa: F401  (the fixtures)

from careercli.onet.credit import ONET_CREDIT, credit_line, short_credit

ANSWERS = str(ROOT / "examples" / "statistician.yaml")
FULL = " ".join(ONET_CREDIT.split())
CURATED = [
    ["show", "data-scientist"],
    ["show", "data-scientist", "--json"],
    ["show", "data-scientist", "--markdown"],
    ["compare", "head-ds", "lead-mle"],
    ["compare", "head-ds", "lead-mle", "--facet", "interests"],
    ["compare", "head-ds", "lead-mle", "--json"],
    ["compare", "head-ds", "lead-mle", "--markdown"],
    ["quiz", "--answers", ANSWERS, "--no-save"],
    ["quiz", "--answers", ANSWERS, "--no-save", "--json"],
    ["fit", "statistician", "--answers", ANSWERS],
    ["fit", "statistician", "--answers", ANSWERS, "--json"],
]
PACK = [
    ["data", "import-onet", "{tables}"],
    ["data", "import-onet", "{tables}", "--json"],
    ["roles", "--catalog", "onet"],
    ["roles", "--catalog", "onet", "--json"],
    ["show", "15-2041.00"],
    ["show", "15-2041.00", "--json"],
    ["compare", "15-2041.00", "data-scientist"],
    ["compare", "15-2041.00", "data-scientist", "--json"],
    ["quiz", "--answers", ANSWERS, "--no-save", "--catalog", "onet"],
    ["quiz", "--answers", ANSWERS, "--no-save", "--catalog", "onet", "--json"],
    ["fit", "15-2041.00", "--answers", ANSWERS],
    ["plan", "15-2041.00", "--answers", ANSWERS],
]


def credited(output: str) -> bool:
    """The full credit in the output, however the text wrapped (JSON: in any string)."""
    flat = " ".join(output.split())
    if flat.startswith("{"):
        flat = " ".join(json.dumps(json.loads(output), ensure_ascii=False).split())
    return FULL in flat.replace("\\u00ae", "®")


def test_the_credit_is_o_net_s_own_wording() -> None:
    assert ONET_CREDIT == (
        "This product includes information from the O*NET 29.2 Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET® is a trademark of USDOL/ETA. careercli has modified all or some of this "
        "information. USDOL/ETA has not approved, endorsed, or tested these modifications."
    )
    assert credit_line("29.1").startswith("This product includes information from the O*NET 29.1 Database")


@pytest.mark.parametrize("args", CURATED, ids=" ".join)
def test_every_command_showing_curated_o_net_figures_credits_o_net(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args, width=100)
    assert result.exit_code == 0, result.output
    assert credited(result.output), result.output[-600:]


@pytest.mark.usefixtures("imported")
@pytest.mark.parametrize("args", PACK, ids=" ".join)
def test_every_command_showing_an_o_net_pack_credits_o_net(
    invoke: Invoke,
    tables: object,  # noqa: F811  (the fixture)
    args: list[str],
) -> None:
    result = invoke(*[a.format(tables=tables) for a in args], width=100)
    assert result.exit_code == 0, result.output
    assert credited(result.output), result.output[-600:]


def test_a_narrow_terminal_gets_the_short_form(invoke: Invoke) -> None:
    short = short_credit("29.2")
    assert "modified by careercli" in short and "CC BY 4.0" in short and "USDOL/ETA" in short
    out = invoke("compare", "head-ds", "lead-mle", "--facet", "interests", width=60).output
    assert short in " ".join(out.split()) and not credited(out)
    assert credited(invoke("show", "head-ds", width=60).output)  # show: always in full
