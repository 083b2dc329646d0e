"""What stops a run outside any command (cli/app.py main()) ends it as inside one: help and
the version to a full disk or a reader that has gone, and Ctrl-C while starting up.

Ctrl-C is sent by the program to itself (signal.raise_signal) at a chosen point of start-up,
so the tests do not depend on timing: while typer is being imported, while the command's
module is, and while typer parses the options (where typer itself would exit 130 silently).
Each child first puts back Python's own Ctrl-C handler: a child of a background job (`pytest
&`) starts with SIGINT ignored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.test_bad_input import careercli

from careercli.common.errors import EXIT_DATA, EXIT_INTERRUPTED

FULL = "careercli: error: cannot write the output: No space left on device\n"


def run(args: list[str], stdout: int, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREERCLI_HOME": str(home)}
    return subprocess.run(
        [*careercli(), *args], stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, check=False
    )


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["roles", "--help"], ["jobs", "--help"]])
def test_help_and_version_to_a_full_disk_are_one_line(args: list[str], tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = run(args, full.fileno(), tmp_path)
    assert (proc.returncode, proc.stderr) == (EXIT_DATA, FULL)


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["roles", "--help"]])
def test_help_and_version_to_a_reader_that_has_gone_end_quietly(args: list[str], tmp_path: Path) -> None:
    read, write_end = os.pipe()
    os.close(read)  # the reader has gone before the first byte (typer alone exits 1 here)
    try:
        proc = run(args, write_end, tmp_path)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_help_into_head_ends_quietly(tmp_path: Path) -> None:
    shell = subprocess.run(
        f"{' '.join(careercli())} --help | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env={**os.environ, "CAREERCLI_HOME": str(tmp_path)},
        check=False,
    )
    assert (shell.returncode, shell.stderr) == (0, "")
    assert shell.stdout.startswith("Usage: careercli")


CTRL_C_WHILE_IMPORTING = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.argv = ["careercli", "compare", "head-ds", "lead-mle"]

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            signal.raise_signal(signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
from careercli.cli.app import main
main()
"""

CTRL_C_WHILE_PARSING = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.argv = ["careercli", "--data-dir", ".", "roles"]
from careercli.cli import common

def ctrl_c(self, data_dir=None):  # the root options' callback: typer is parsing, no command yet
    signal.raise_signal(signal.SIGINT)

common.AppState.__init__ = ctrl_c
from careercli.cli.app import main
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to itself needs a POSIX platform")
@pytest.mark.parametrize(
    "code",
    [
        CTRL_C_WHILE_IMPORTING.format(module="typer"),
        CTRL_C_WHILE_IMPORTING.format(module="careercli.cli.catalog_cmds"),
        CTRL_C_WHILE_PARSING,
    ],
    ids=["importing-typer", "importing-the-command", "parsing-options"],
)
def test_ctrl_c_while_starting_up_is_one_line_and_130(code: str, tmp_path: Path) -> None:
    env = {**os.environ, "CAREERCLI_HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert (proc.returncode, proc.stderr, proc.stdout) == (EXIT_INTERRUPTED, "careercli: interrupted\n", "")


def test_ctrl_c_inside_a_command_is_still_one_line(tmp_path: Path) -> None:
    """The command's own handling (handles_errors) says it once; main() adds nothing."""
    code = (
        "import signal, sys\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "sys.argv = ['careercli', 'roles']\n"
        "from careercli.cli import common\n"
        "common.AppState.catalog = lambda *a, **k: signal.raise_signal(signal.SIGINT)\n"
        "from careercli.cli.app import main\n"
        "main()\n"
    )
    env = {**os.environ, "CAREERCLI_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert (proc.returncode, proc.stderr) == (EXIT_INTERRUPTED, "careercli: interrupted\n")
