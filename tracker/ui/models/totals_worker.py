"""Footer totals computed off the window's thread.

Summing the money of a million rows takes SQLite a second or two; done on the
window's thread it would freeze scrolling and typing. A single worker thread
with its own read-only connection (WAL lets it read while the window writes)
computes services.portfolio.totals and hands the result back by a queued
signal; a result for a filter that is no longer shown is dropped.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from tracker.domain.filters import Filter
from tracker.services import portfolio
from tracker.store import Store, StoreError


class TotalsWorker(QObject):
    #: (request number, Totals) — or (request number, Exception) when the sums failed.
    done = Signal(int, object)

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="totals")
        self._store: Store | None = None
        self._serial = 0
        self._closing = False

    def request(self, *, kind: str, flt: Filter, currency: str, as_of: str) -> int:
        """Ask for totals; returns the request number the answer will carry."""
        self._serial += 1
        n = self._serial
        self._pool.submit(self._run, n, kind, flt, currency, as_of)
        return n

    def latest(self) -> int:
        return self._serial

    def _run(self, n: int, kind: str, flt: Filter, currency: str, as_of: str) -> None:
        if n != self._serial:
            return  # a newer request is queued behind this one
        try:
            if self._store is None:
                self._store = Store.open(self.path, read_only=True, backup=False)
            result: Any = portfolio.totals(self._store, kind=kind, flt=flt, currency=currency,
                                           as_of=as_of)  # fmt: skip
        except (StoreError, OSError, ValueError) as exc:
            result = exc
        except Exception as exc:  # noqa: BLE001 - sqlite3 errors must reach the footer, not kill the thread
            result = exc
        if self._closing:
            return
        with contextlib.suppress(RuntimeError):  # the window may be gone already
            self.done.emit(n, result)

    def close(self) -> None:
        """Stop the running sum (if any) and close the worker's connection."""
        self._closing = True
        self._serial += 1
        store = self._store
        if store is not None and store.conn is not None:
            store.conn.interrupt()  # thread-safe: the running SUM stops at once
        self._pool.submit(self._close_store)
        self._pool.shutdown(wait=True)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close(backup=False)
            self._store = None
