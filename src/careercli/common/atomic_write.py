"""Writing a file so that a reader sees the old one or the new one, never half of one.

The one writer for every file careercli writes: the saved profile and the caches (private,
0600) and the files a user names (`quiz --save-answers`, `jobs import --rejects`: the mode
the user's umask gives, or the mode of the file replaced). A symlink at the target is
written through (the file it points to is replaced, the link stays); a device or a pipe
(`--rejects /dev/stdout`) is written to as it is, never replaced; a folder is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from careercli.common.errors import DataError


def write_atomic(path: Path, data: bytes, durable: bool = True, private: bool = True) -> None:
    """Write `data` to a temp file beside `path`, then rename it over `path`; OSError on
    failure, with no temp file left behind. `durable` fsyncs the file and its folder (the
    saved profile); a cache that can be rebuilt skips that cost. `private` files are 0600;
    others get the replaced file's mode, or the umask's."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "is a folder", str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):  # /dev/stdout, a pipe: write as it is
        with open(target, "wb") as handle:
            handle.write(data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if not private:
            os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_folder(target.parent)


def write_text_atomic(path: Path, text: str, what: str = "cannot write", private: bool = True) -> None:
    """`write_atomic` of UTF-8 text; a failure is one DataError naming the file."""
    try:
        write_atomic(path, text.encode("utf-8"), private=private)
    except OSError as exc:
        raise DataError(f"{path}: {what}: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a folder (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
