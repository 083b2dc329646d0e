"""The few third-party internals careercli relies on, each pinned below its next major (or
minor) in pyproject.toml: these tests fail loudly, naming the internal, when an upgrade
changes one, instead of a quiz or an error message silently degrading."""

from __future__ import annotations

import inspect
import io

import pytest


def test_typer_vendored_click_usage_error_is_shown_through_the_patched_method() -> None:
    from typer._click.exceptions import UsageError

    import careercli.cli.common as common

    assert UsageError.show is common._one_line_usage_error, "typer's vendored UsageError.show moved"
    params = list(inspect.signature(UsageError.__init__).parameters)
    assert params[:3] == ["self", "message", "ctx"], params
    assert callable(UsageError.format_message)


def test_rich_console_still_renders_through_render_buffer() -> None:
    """cli.console strips Rich's padding in pipes by overriding Console._render_buffer."""
    from rich.console import Console

    from careercli.cli.console import console

    assert "_render_buffer" in vars(Console), "rich.console.Console._render_buffer is gone"
    assert list(inspect.signature(Console._render_buffer).parameters) == ["self", "buffer"]
    out = console()
    out.file = io.StringIO()
    out.print("a  ", "b")
    assert out.file.getvalue() == "a   b\n"  # rendered by the override: trailing spaces gone
    out.file = io.StringIO()
    out.print("x" + " " * 10)
    assert out.file.getvalue() == "x\n"


def test_questionary_inquirer_control_has_what_the_quiz_filter_uses() -> None:
    """quiz_prompts._skip_headers_when_filtering wraps InquirerControl.add_search_character."""
    pytest.importorskip("questionary")
    from questionary.prompts.common import InquirerControl

    for name in ("add_search_character", "filtered_choices", "pointed_at"):
        assert (
            hasattr(InquirerControl, name)
            or name in inspect.signature(InquirerControl.__init__).parameters
            or (name in inspect.getsource(InquirerControl))
        ), f"questionary's InquirerControl.{name} is gone"
