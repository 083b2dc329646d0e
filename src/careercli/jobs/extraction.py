"""What a big import's postings ask, read by worker processes while this one goes on.

`jobs import` of a large file spends most of its time in skill extraction
(careercli.jobs.asks.read_asks), which needs nothing but the posting's text. With
`Extraction`, the importer (careercli.jobs.record.RowMaker) hands each posting's text over
and keeps a `PendingAsks` in its place; forked worker processes read the postings, a chunk
at a time, while this process goes on cleaning rows and then storing them, and the store
(careercli.jobs.store) takes each row's columns from `PendingAsks.columns()`. A worker is
given its next chunk only when it is nearly done with the last, so when the store needs a
chunk no worker has taken, this process reads it itself instead of waiting: the work is
shared, and with no free core the import is no slower than with extraction all here. On
a machine with a second free core the extraction costs a fraction of the import
(benchmarks/job_store.py --asks gives the figures).

The workers only read text and send back the store's columns; they never touch the job
store, so a cancelled import still leaves the store as it was. They ignore Ctrl-C (this
process handles it, stops them, and they are daemons that end with it) and end by
themselves after the last chunk. Off Linux (no fork on Windows; macOS's system libraries
may not survive one) or for a small file, extraction runs in this process as before
(`worker_available`). The
columns are the same either way: the workers run the same read_asks.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from careercli.common.errors import DataError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from careercli.extract.skills import SkillFinder

MIN_ROWS = 2000  # fewer postings: extraction in this process (a fork costs about 10 ms)
CHUNK = 250  # postings in a chunk, at most (about 0.75 MB of text) ...
CHUNK_CHARS = 600_000  # ... or fewer when their text is longer: a chunk fits in a pipe
AHEAD = 2  # chunks a worker holds at most (the one it reads and the next)
PIPE_BYTES = 1 << 20  # Linux's pipe-max-size default: a chunk written in one go

Columns = tuple[object, ...]  # careercli.jobs.asks.store_columns
_Item = tuple[str, str, str, list[str], list[str]]  # title, description, qualifications, tags, tag skills


def worker_available() -> bool:
    """True on Linux with two cores or more, where a worker is forked safely and cheaply
    (macOS offers fork, but its system libraries may not survive one; Windows has none)."""
    import multiprocessing

    return (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1  # one core: a worker would only take turns with this process
        and "fork" in multiprocessing.get_all_start_methods()
    )


def workers() -> int:
    """Worker processes: one core left for this process, at least one and at most two."""
    return max(1, min(2, (os.cpu_count() or 2) - 1))


class PendingAsks:
    """A posting's asks being read by a worker: `columns()` gives them (waiting, or reading
    them here)."""

    __slots__ = ("_columns", "_index", "_owner")

    def __init__(self, owner: Extraction, index: int) -> None:
        self._owner = owner
        self._index = index
        self._columns: Columns | None = None  # kept: a repeated posting shares them

    def columns(self) -> Columns:
        if self._columns is None:
            self._columns = self._owner.columns(self._index)
        return self._columns


class Extraction:
    """Chunks of postings read by worker processes, or here when none has taken one yet;
    `columns(i)` gives the i-th posting's store columns, in the order they were added."""

    def __init__(
        self, finder: SkillFinder, count: int | None = None, unchanged: str = "nothing was imported"
    ) -> None:
        finder.find("warm up")  # the automaton compiled here, before the fork, once
        self._finder = finder
        self._unchanged = unchanged  # what a failure leaves, said in its error
        self._batch: list[_Item] = []
        self._chars = 0
        self._added = 0
        self._starts: list[int] = []  # the first posting of each chunk
        self._waiting: collections.deque[tuple[int, list[_Item]]] = collections.deque()  # not yet taken
        self._answers: dict[int, list[Columns]] = {}  # chunk -> its columns
        self._taken: dict[int, int] = {}  # chunk -> the worker reading it
        self._current: tuple[int, int, list[Columns]] = (0, 0, [])  # the last chunk read
        self._ended: dict[int, str] = {}  # worker -> why it ended (a failure if it held a chunk)
        self._finished = False
        self._lock = threading.Condition()
        self._pool = [_Worker(finder, self, number) for number in range(count or workers())]

    def add(
        self, title: str, description: str, qualifications: str, tags: Sequence[str], skills: Sequence[str]
    ) -> PendingAsks:
        self._batch.append((title, description, qualifications, list(tags), list(skills)))
        self._chars += len(description) + len(qualifications)
        self._added += 1
        if len(self._batch) >= CHUNK or self._chars >= CHUNK_CHARS:
            self._flush()
        return PendingAsks(self, self._added - 1)

    def finish(self) -> None:
        """No more postings: the workers end when none is left."""
        self._flush()
        with self._lock:
            self._finished = True
            self._lock.notify_all()

    def abort(self) -> None:
        """Stop the workers now (the import was cancelled or failed)."""
        with self._lock:
            self._finished = True
            self._waiting.clear()
            self._lock.notify_all()
        for worker in self._pool:
            if worker.process.is_alive():
                worker.process.terminate()
            self.ended(worker.number, "the import was stopped")

    def columns(self, index: int) -> Columns:
        lo, hi, answers = self._current
        if lo <= index < hi:
            return answers[index - lo]
        if self._batch and index >= self._added - len(self._batch):
            self._flush()  # asked before finish(): what is waiting becomes a chunk
        chunk = bisect.bisect_right(self._starts, index) - 1
        answers = self._answers_to(chunk)
        lo = self._starts[chunk]
        self._current = (lo, lo + len(answers), answers)
        return answers[index - lo]

    def _answers_to(self, chunk: int) -> list[Columns]:
        """The chunk's columns: a worker's, or read here when no worker has taken it. While
        a worker still reads it, this process reads the last chunk no worker has taken (the
        workers take the first), so that neither side waits while work is left."""
        while True:
            with self._lock:
                if chunk in self._answers:
                    return self._answers.pop(chunk)
                worker = self._taken.get(chunk)
                if self._waiting and self._waiting[0][0] == chunk:
                    number, batch = self._waiting.popleft()
                elif worker is not None and worker in self._ended:
                    raise DataError(f"skill extraction stopped: {self._ended[worker]}; {self._unchanged}")
                elif self._waiting:
                    number, batch = self._waiting.pop()
                else:
                    self._lock.wait(1.0)
                    continue
            answers = self._read_here(batch)
            if number == chunk:
                return answers
            self.answered(number, answers)

    def _read_here(self, batch: list[_Item]) -> list[Columns]:
        from careercli.jobs.asks import read_asks, store_columns

        return [store_columns(read_asks(self._finder, *item)) for item in batch]

    def next_chunk(self, worker: int) -> tuple[int, list[_Item]] | None:
        """The next chunk for a worker (waiting until there is one), None: no more."""
        with self._lock:
            while not self._waiting:
                if self._finished:
                    return None
                self._lock.wait()
            chunk, batch = self._waiting.popleft()
            self._taken[chunk] = worker
            return chunk, batch

    def answered(self, chunk: int, answers: list[Columns]) -> None:
        with self._lock:
            self._answers[chunk] = answers
            self._lock.notify_all()

    def ended(self, worker: int, why: str) -> None:
        with self._lock:
            self._ended.setdefault(worker, why)
            self._lock.notify_all()

    def _flush(self) -> None:
        if self._batch:
            with self._lock:
                self._waiting.append((len(self._starts), self._batch))
                self._lock.notify_all()
            self._starts.append(self._added - len(self._batch))
            self._batch = []
            self._chars = 0


class _Worker:
    """One forked process reading chunks in turn, with a thread feeding it (AHEAD chunks at
    most) and one taking its answers, so that neither side waits on a full pipe."""

    def __init__(self, finder: SkillFinder, owner: Extraction, number: int) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        into_worker, self._to_worker = context.Pipe(duplex=False)
        self._from_worker, out_of_worker = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_serve, args=(finder, into_worker, out_of_worker), name="careercli-extraction", daemon=True
        )
        _start_ignoring_sigint(self.process)
        into_worker.close()
        out_of_worker.close()
        for end in (self._to_worker, self._from_worker):
            _widen(end)
        self._owner = owner
        self.number = number
        self._room = threading.Semaphore(AHEAD)  # a chunk sent takes one, its answer gives it back
        threading.Thread(target=self._send, name="careercli-extraction-send", daemon=True).start()
        threading.Thread(target=self._receive, name="careercli-extraction-receive", daemon=True).start()

    def _send(self) -> None:
        try:
            while True:
                self._room.acquire()
                work = self._owner.next_chunk(self.number)
                self._to_worker.send(work)
                if work is None:
                    break
        except (OSError, ValueError):  # the worker has gone: _receive reports it
            pass
        finally:
            self._to_worker.close()

    def _receive(self) -> None:
        why = "the worker process ended early"
        try:
            while (message := self._from_worker.recv()) is not None:
                kind, chunk, body = message
                if kind == "error":
                    why = str(body)
                    break
                self._owner.answered(chunk, body)
                self._room.release()
            else:
                why = "the worker process ended"
        except (EOFError, OSError):
            pass
        finally:
            self._from_worker.close()
            self._room.release()  # a sender waiting for room sees the pipe closed
            self.process.join(5)
            self._owner.ended(self.number, why)  # a failure only if it held a chunk


def _widen(end: Connection) -> None:
    """A pipe of PIPE_BYTES where Linux allows it (64 KB otherwise): a chunk then goes in one
    write, not dozens, each of which would wait for this process's busy thread to let go of
    the interpreter lock, which kept the worker waiting for its input."""
    import fcntl

    with contextlib.suppress(OSError):  # not Linux, or a smaller limit: slower, not wrong
        fcntl.fcntl(end.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)


def _start_ignoring_sigint(process: Any) -> None:
    """Start the worker with Ctrl-C ignored from its first instruction on: this process
    handles Ctrl-C (and the worker, a daemon, ends with it)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: it cannot handle signals anyway
        process.start()
        return
    try:
        process.start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _serve(finder: SkillFinder, inputs: Connection, outputs: Connection) -> None:
    """The worker: read chunks of postings, send back their store columns, until None."""
    from careercli.jobs.asks import read_asks, store_columns

    chunk = -1
    try:
        while (work := inputs.recv()) is not None:
            chunk, batch = work
            outputs.send(("ok", chunk, [store_columns(read_asks(finder, *item)) for item in batch]))
        outputs.send(None)
    except (EOFError, BrokenPipeError):  # the importing process has gone
        pass
    except Exception as exc:  # a bug: said once in the importing process, which stops the import
        with contextlib.suppress(OSError):
            outputs.send(("error", chunk, f"{type(exc).__name__}: {exc}"))
