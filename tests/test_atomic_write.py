"""careercli.common.atomic_write: a reader sees the old file or the new one, never half of
one. The write is made to fail part-way by the kernel itself (a file-size limit, as a full
disk would), so the test holds for any implementation: one that wrote in place would leave
a truncated file and fail it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from careercli.common.atomic_write import write_atomic
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        write_atomic(Path(sys.argv[1]), b"new " * 100_000, durable=sys.argv[2] == "1")
    except OSError as exc:
        print("failed", exc.errno)
    else:
        print("written")
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
@pytest.mark.parametrize("durable", ["1", "0"])
def test_a_write_that_fails_part_way_leaves_the_old_file_whole(tmp_path: Path, durable: str) -> None:
    target = tmp_path / "profile.yaml"
    target.write_text("old content\n")
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), durable], check=False, capture_output=True, text=True
    )
    assert run.stdout.startswith("failed"), run.stdout + run.stderr
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.yaml"]  # no temp file left behind


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    from careercli.common.atomic_write import write_atomic

    target = tmp_path / "sub" / "cache.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two", durable=False)
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["cache.json"]
