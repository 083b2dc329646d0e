"""What a big import's postings ask, read in a worker process while this one goes on.

`jobs import` of a large file spends most of its time in skill extraction
(careercli.jobs.asks.read_asks), which needs nothing but the posting's text. With
`Extraction`, the importer (careercli.jobs.record.RowMaker) hands each posting's text to
one forked worker process and keeps a `PendingAsks` in its place; the worker reads the
postings in chunks while this process goes on cleaning rows and then storing them, and
the store (careercli.jobs.store) takes each row's columns from `PendingAsks.columns()`,
waiting only when the worker is behind. On a machine with two free cores the extraction
then costs little more than the import without it (benchmarks/job_store.py --asks).

The worker only reads text and sends back the store's columns; it never touches the job
store, so a cancelled import still leaves the store as it was. It ignores Ctrl-C (this
process handles it and the worker, a daemon, ends with it) and ends by itself after the
last chunk. Where `fork` is not available (Windows, macOS's default) or the file is small,
extraction runs in this process as before (`worker_available`). The columns are the same
either way: the worker runs the same read_asks.
"""

from __future__ import annotations

import queue
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
CHUNK = 250  # postings sent to the worker at a time (about 0.75 MB of text)

Columns = tuple[object, ...]  # careercli.jobs.asks.store_columns
_Item = tuple[str, str, str, list[str], list[str]]  # title, description, qualifications, tags, tag skills


def worker_available() -> bool:
    """True where a worker process can be forked (Linux, and POSIX systems offering fork)."""
    import multiprocessing

    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


class PendingAsks:
    """A posting's asks being read by the worker: `columns()` waits for them."""

    __slots__ = ("_index", "_owner")

    def __init__(self, owner: Extraction, index: int) -> None:
        self._owner = owner
        self._index = index

    def columns(self) -> Columns:
        return self._owner.columns(self._index)


class Extraction:
    """One worker process reading postings' asks, in the order they are added."""

    def __init__(self, finder: SkillFinder) -> None:
        import multiprocessing

        finder.find("warm up")  # the automaton compiled here, before the fork, once
        context = multiprocessing.get_context("fork")
        into_worker, self._to_worker = context.Pipe(duplex=False)
        self._from_worker, out_of_worker = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve, args=(finder, into_worker, out_of_worker), name="careercli-extraction", daemon=True
        )
        _start_ignoring_sigint(self._process)
        into_worker.close()
        out_of_worker.close()
        self._batch: list[_Item] = []
        self._added = 0
        self._results: list[Columns] = []
        self._failure: str | None = None
        self._done = threading.Condition()
        self._outbox: queue.SimpleQueue[list[_Item] | None] = queue.SimpleQueue()
        # threads, so that neither this process nor the worker ever waits on a full pipe
        threading.Thread(target=self._send, name="careercli-extraction-send", daemon=True).start()
        threading.Thread(target=self._receive, name="careercli-extraction-receive", daemon=True).start()

    def add(
        self, title: str, description: str, qualifications: str, tags: Sequence[str], skills: Sequence[str]
    ) -> PendingAsks:
        self._batch.append((title, description, qualifications, list(tags), list(skills)))
        if len(self._batch) >= CHUNK:
            self._flush()
        self._added += 1
        return PendingAsks(self, self._added - 1)

    def finish(self) -> None:
        """No more postings: the worker ends after the last chunk."""
        self._flush()
        self._outbox.put(None)

    def abort(self) -> None:
        """Stop the worker now (the import was cancelled or failed)."""
        self._outbox.put(None)
        if self._process.is_alive():
            self._process.terminate()
        with self._done:
            self._failure = self._failure or "the import was stopped"
            self._done.notify_all()

    def columns(self, index: int) -> Columns:
        results = self._results
        if index < len(results):
            return results[index]
        if self._batch and index >= self._added - len(self._batch):
            self._flush()  # asked before finish(): send what is waiting
        with self._done:
            while index >= len(results):
                if self._failure is not None:
                    raise DataError(f"skill extraction stopped: {self._failure}; nothing was imported")
                self._done.wait(1.0)
        return results[index]

    def _flush(self) -> None:
        if self._batch:
            self._outbox.put(self._batch)
            self._batch = []

    def _send(self) -> None:
        try:
            while (batch := self._outbox.get()) is not None:
                self._to_worker.send(batch)
            self._to_worker.send(None)
        except (OSError, ValueError):  # the worker has gone: _receive reports it
            pass
        finally:
            self._to_worker.close()

    def _receive(self) -> None:
        failure = "the worker process ended early"
        try:
            while (message := self._from_worker.recv()) is not None:
                kind, body = message
                if kind == "error":
                    failure = str(body)
                    break
                with self._done:
                    self._results.extend(body)
                    self._done.notify_all()
            else:
                failure = "the worker process ended before reading every posting"
        except (EOFError, OSError):
            pass
        finally:
            self._from_worker.close()
            self._process.join(5)
            with self._done:
                self._failure = failure  # read only while results are missing
                self._done.notify_all()


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

    try:
        while (batch := inputs.recv()) is not None:
            outputs.send(("ok", [store_columns(read_asks(finder, *item)) for item in batch]))
        outputs.send(None)
    except EOFError:  # this process has gone
        pass
    except Exception as exc:  # a bug: said once in this process, which stops the import
        outputs.send(("error", f"{type(exc).__name__}: {exc}"))
