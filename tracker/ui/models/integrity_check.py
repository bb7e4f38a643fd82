"""The integrity check on open, off the window's thread.

``PRAGMA quick_check`` reads every page of the file: on a large portfolio that
takes seconds, which start-up must not wait for. The check runs once, after
the window is on screen, as a :class:`~tracker.ui.operations.QueryOp` (its own
read-only connection; the status bar shows it with Cancel when it lasts), and
reports back by a signal. Closing the window cancels it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from tracker.services import progress as steps
from tracker.services.progress import Progress
from tracker.store import CorruptDatabase, Store
from tracker.ui.operations import ProgressPanel, QueryOp


def _check(store: Store, progress: Progress) -> tuple[list[str], list[Any]]:
    """The file's integrity, then (when it is whole) the stored values that break the
    rules (services.row_check: another program may have written 'abc' as an amount)."""
    from tracker.services import row_check

    progress(0, 0, steps.VERIFYING)
    problems = store.integrity_check(quick=True)
    return problems, ([] if problems else row_check.broken_cells(store))


class IntegrityCheck(QObject):
    #: The problems found (an empty list: the file is healthy).
    problemsFound = Signal(list)
    #: The check finished: the problems (possibly none), or None if it could not run.
    finished = Signal(object)
    #: Stored values that break the rules (services.row_check), said before ``finished``.
    brokenFound = Signal(list)

    def __init__(self, store: Store, parent: QObject | None = None, *,
                 panel: ProgressPanel | None = None):  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.panel = panel
        self.result: list[str] | None = None
        self.broken: list[Any] = []
        self.done = False
        self.op: QueryOp[tuple[list[str], list[Any]]] | None = None

    def start(self) -> None:
        self.op = QueryOp(self, self.store, _check, title=self.tr("Integrity check"), long=True)
        self.op.success(self._checked).failure(self._failed).with_progress(self.panel)
        self.op.run_in_background()

    def _failed(self, exc: BaseException) -> None:
        # A file that cannot even be opened for reading is damaged; locked, vanished or
        # unreadable is not damage: nothing to say.
        self._finish([str(exc)] if isinstance(exc, CorruptDatabase) else None)

    def _checked(self, result: tuple[list[str], list[Any]]) -> None:
        problems, self.broken = result
        self._finish(problems)

    def _finish(self, problems: Any) -> None:
        self.result = problems
        self.done = True
        if self.broken:
            self.brokenFound.emit(list(self.broken))
        self.finished.emit(problems)
        if problems:
            self.problemsFound.emit(list(problems))

    def cancel(self, *, wait_ms: int = 5000) -> None:
        """Stop a running check (the window is closing) and wait for its thread."""
        if self.op is not None:
            self.op.cancel()
            self.op.wait(wait_ms / 1000)
