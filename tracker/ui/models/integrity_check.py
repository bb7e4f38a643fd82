"""The integrity check on open, off the window's thread.

``PRAGMA quick_check`` reads every page of the file: on a large portfolio that
takes seconds, which start-up must not wait for. The check runs once, after
the window is on screen, in a worker thread with its own read-only connection
(the window's connection is never touched from the thread), and reports back
by a queued signal. Closing the window interrupts it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from tracker.store import CorruptDatabase, Store, StoreError


class IntegrityCheck(QObject):
    #: The problems found (an empty list: the file is healthy).
    problemsFound = Signal(list)
    #: The check finished: the problems (possibly none), or None if it could not run.
    finished = Signal(object)

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.result: list[str] | None = None
        self.done = False
        self._cancelled = False
        self._store: Store | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        self._pool.start(self._run)

    def _run(self) -> None:
        problems: list[str] | None
        try:
            store = Store.open(self.path, read_only=True, backup=False)
        except CorruptDatabase as exc:
            problems = [str(exc)]
        except (StoreError, OSError, sqlite3.Error):
            problems = None  # locked, vanished, no read access: not damage, nothing to say
        else:
            self._store = store
            try:
                problems = None if self._cancelled else store.integrity_check(quick=True)
            finally:
                self._store = None
                store.close(backup=False)
        if self._cancelled:
            return
        with contextlib.suppress(RuntimeError):  # the window may be gone already
            self._finish(problems)

    def _finish(self, problems: list[str] | None) -> None:
        self.result = problems
        self.done = True
        self.finished.emit(problems)
        if problems:
            self.problemsFound.emit(list(problems))

    def cancel(self, *, wait_ms: int = 5000) -> None:
        """Stop a running check (the window is closing) and wait for its thread."""
        self._cancelled = True
        store = self._store
        conn = store.conn if store is not None else None
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.interrupt()  # thread-safe: quick_check stops at once
        self._pool.waitForDone(wait_ms)
