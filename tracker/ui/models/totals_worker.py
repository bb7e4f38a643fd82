"""Footer totals computed off the window's thread.

Summing the money of a million rows takes SQLite a second or two; done on the
window's thread it would freeze scrolling and typing. Each request is a
:class:`~tracker.ui.operations.QueryOp` (its own read-only connection; WAL lets
it read while the window writes) computing services.portfolio.totals; a newer
request cancels the one before (its SUM is interrupted), so a result for a
filter that is no longer shown never arrives.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from tracker.domain.filters import Filter
from tracker.services import portfolio
from tracker.services import progress as steps
from tracker.services.progress import Progress
from tracker.store import Store
from tracker.ui.operations import QueryOp


class TotalsWorker(QObject):
    #: (request number, Totals) — or (request number, Exception) when the sums failed.
    done = Signal(int, object)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._serial = 0
        self._op: QueryOp[Any] | None = None

    def request(self, *, kind: str, flt: Filter, currency: str, as_of: str) -> int:
        """Ask for totals; returns the request number the answer will carry."""
        self._serial += 1
        n = self._serial

        def sums(store: Store, progress: Progress) -> portfolio.Totals:
            progress(0, 0, steps.SUMMING)
            return portfolio.totals(store, kind=kind, flt=flt, currency=currency, as_of=as_of)

        self._op = QueryOp(self, self.store, sums, title="totals")
        self._op.success(lambda t: self._answer(n, t)).failure(lambda e: self._answer(n, e))
        self._op.superseding(("totals", id(self))).run_in_background()
        return n

    def _answer(self, n: int, result: object) -> None:
        if n == self._serial:
            self.done.emit(n, result)

    def latest(self) -> int:
        return self._serial

    def close(self) -> None:
        """Stop the running sum (if any) and wait for it."""
        self._serial += 1
        op, self._op = self._op, None
        if op is not None:
            op.cancel()
            op.wait(5)
