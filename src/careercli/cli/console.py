"""Consoles and plain output helpers shared by every command, and how a run ends when its
output cannot be written or Ctrl-C stops it (only the standard library is imported here:
`main()` uses this before typer has been imported)."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from careercli.common.currency import is_unicode as _is_unicode  # no third-party import there
from careercli.common.errors import EXIT_DATA, EXIT_INTERRUPTED, one_line

if TYPE_CHECKING:
    from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A Rich console that honours NO_COLOR, TERM=dumb, COLUMNS and pipes."""
    from rich.console import Console

    class PlainTailConsole(Console):
        """Rich pads every line to the full width; in a pipe or a file that is noise."""

        def _render_buffer(self, buffer: Any) -> str:
            text = super()._render_buffer(buffer)
            if self.is_terminal:
                return text
            return "\n".join(line.rstrip(" ") for line in text.split("\n"))

        def on_broken_pipe(self) -> None:
            # Rich exits 1 here; the reader (`| head`) simply stopped: the CLI maps this to 0.
            self.quiet = True
            raise BrokenPipeError

    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    out = PlainTailConsole(
        stderr=stderr, no_color=no_color, highlight=False, soft_wrap=False, emoji=False, markup=False
    )
    out.push_render_hook(_printable_hook())
    return out


def _printable_hook() -> Any:
    """A render hook (Rich's public API) that is every table's and line's last guard against
    untrusted text: a control or bidi character left in a cell reaches the terminal as U+FFFD,
    never as itself (Rich's own colour codes are control segments and pass)."""
    from rich.console import RenderHook
    from rich.segment import Segment

    from careercli.common.untrusted import has_unsafe, printable

    class Printable:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def __rich_console__(self, out: Any, options: Any) -> Any:
            for segment in out.render(self.inner, options):
                if segment.control or not has_unsafe(segment.text):
                    yield segment
                else:
                    yield Segment(printable(segment.text), segment.style)

    class Guard(RenderHook):
        def process_renderables(self, renderables: list[Any]) -> list[Any]:
            return [Printable(r) for r in renderables]

    return Guard()


def emit_text(text: str) -> None:
    """Plain text or Markdown on stdout, with the renderers' last guard (untrusted.printable)."""
    from careercli.common.untrusted import printable

    sys.stdout.write(printable(text))


def emit_json(data: Any, indent: int | None = 2) -> None:
    """`indent=None`: one line, for very large outputs (json's C encoder only runs unindented,
    and the quiz over a thousand O*NET occupations is 5 MB: ten times faster written so)."""
    import json

    # \u escapes where the output cannot carry the text itself (LANG=C): the data is intact.
    # C0 controls are escaped by json.dumps; C1 and bidi characters by escape_json.
    from careercli.common.untrusted import escape_json

    ascii_only = not _is_unicode(sys.stdout)
    sys.stdout.write(escape_json(json.dumps(data, indent=indent, ensure_ascii=ascii_only)) + "\n")


# What a character the output cannot encode (LANG=C, an ASCII terminal) is shown as: one
# character for one, so tables stay aligned; only currency signs say their code.
ASCII_FALLBACK = {
    "·": "-",
    "•": "*",
    "→": ">",
    "←": "<",
    "≈": "~",
    "≥": ">",
    "≤": "<",
    "±": "+",
    "×": "x",
    "…": ".",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "€": "EUR ",
    "£": "GBP ",
    "¥": "JPY ",
    "█": "#",
    "▉": "+",
    "▊": "+",
    "▋": "+",
    "▌": "+",
    "▍": "+",
    "▎": "+",
    "▏": "+",
    "▓": "#",
    "░": ":",
    "▒": ":",
    "┃": "|",
    "│": "|",
    "─": "-",
    "├": "|",
    "┤": "|",
    "┼": "+",
    "✓": "v",
    "✗": "x",
    "®": "(R)",  # O*NET's credit line: "O*NET(R) is a trademark of USDOL/ETA"
    "\u00a0": " ",
}
ERRORS_HANDLER = "careercli-ascii"


def _ascii_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    import unicodedata  # only once a character cannot be encoded (LANG=C)

    out = []
    for char in exc.object[exc.start : exc.end]:
        if char in ASCII_FALLBACK:
            out.append(ASCII_FALLBACK[char])
            continue
        # accents dropped ("Zürich" -> "Zurich"), blocks and symbols as "?"
        plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(plain or "?")
    return "".join(out), exc.end


codecs.register_error(ERRORS_HANDLER, _ascii_fallback)


def prepare_streams() -> None:
    """Make stdout and stderr safe to print anything to: where their encoding cannot carry
    a character (LANG=C gives ASCII), it is printed as its nearest ASCII instead of ending
    the command with a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or _is_unicode(stream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ERRORS_HANDLER)


def error_line(message: str, exit_code: int) -> str:
    """The one line on stderr a run that failed ends with. Ctrl-C (exit 130: "interrupted",
    "import cancelled; ...") is not an error, and does not say it is."""
    if exit_code == EXIT_INTERRUPTED:
        return f"careercli: {message}"
    return f"careercli: error: {message}"


def warning_line(message: str) -> str:
    """A line on stderr about something left out of a run that still succeeds."""
    return f"careercli: warning: {message}"


def ended_by(exc: KeyboardInterrupt | OSError) -> tuple[int, str | None]:
    """How a run ends when Ctrl-C or a failed read or write stops it, inside a command
    (cli.common.handles_errors) or outside one (cli.app.main: help, the version, start-up):
    the exit code, and the message for error_line or None for none.

    Ctrl-C: 130, "interrupted". A reader that stopped early (`| head`): 0, quietly. Output
    that cannot be written (a full disk, EIO): 1, saying why. In those two cases stdout is
    pointed at the null device, so that the buffered rest is not written (and does not fail
    again) at exit. An OSError naming a file: 1, naming the file.
    """
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED, "interrupted"
    if isinstance(exc, BrokenPipeError):
        silence_stdout()
        return 0, None
    if exc.filename is not None:
        return EXIT_DATA, one_line(f"{exc.filename}: {exc.strerror or exc}")
    silence_stdout()
    return EXIT_DATA, one_line(f"cannot write the output: {exc.strerror or exc}")


def silence_stdout() -> None:
    """Point stdout at the null device so the buffered rest is not written at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
