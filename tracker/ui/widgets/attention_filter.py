"""The Projects view's "Needs attention" filter: a toggle beside the other filters
that narrows the table to the projects on the worklist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from tracker.domain.filters import Filter
from tracker.services import attention
from tracker.services.changes import Change
from tracker.ui.operations import QueryOp, show_failure

#: Up to this many projects the worklist is computed at once (a few ms); above, on a
#: worker (a million projects take 14 s here), the table waiting empty meanwhile.
AT_ONCE_UP_TO = 20_000


class AttentionFilter(QToolButton):
    #: The worklist's projects, computed in the background, are there: filter again.
    ready = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attentionFilter")
        self.ctx = ctx
        self.setText(self.tr("Needs attention"))  # shown as its icon; the text for screen readers
        self.setAccessibleName(self.text())
        from tracker.ui import resources

        self.setIcon(resources.icon("attention"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Show only the projects on the needs-attention worklist"))
        self.setCheckable(True)
        self._ids: tuple[int, ...] | None = None
        self._op: QueryOp[dict[int, list[str]]] | None = None
        self.reasons: dict[int, list[str]] = {}
        ctx.changed.connect(self._on_changed)

    def ids(self) -> tuple[int, ...] | None:
        """The worklist's projects (computed when first asked after a change); None while
        they are computed in the background (a large file), :attr:`ready` follows."""
        if self._ids is None and self._op is None:
            today = dt.date.today().isoformat()
            if self.ctx.store.count("projects") <= AT_ONCE_UP_TO:
                self._take(attention.worklist(self.ctx.store, today=today).project_reasons())
                return self._ids

            def work(store: Any, _progress: Any) -> dict[int, list[str]]:
                return attention.worklist(store, today=today).project_reasons()

            op: QueryOp[dict[int, list[str]]] = QueryOp(
                self, self.ctx.store, work, title=self.tr("Finding what needs attention"))  # fmt: skip
            # (A cancelled one may end after its successor started: only the current one counts.)
            op.success(lambda reasons: self._computed(op, reasons))
            op.failure(lambda error: self._failed(op, error))
            op.on_cancelled(lambda: self._dropped(op))
            panel = getattr(self.window(), "progress_panel", None)
            self._op = op.with_progress(panel).run_in_background()
        return self._ids

    def busy(self) -> bool:
        """Whether the worklist's projects are being computed in the background."""
        return self._op is not None

    def _take(self, reasons: dict[int, list[str]]) -> None:
        self.reasons = reasons
        self._ids = tuple(sorted(reasons))

    def _computed(self, op: Any, reasons: dict[int, list[str]]) -> None:
        if op is self._op:
            self._op = None
            self._take(reasons)
            self.ready.emit()

    def _failed(self, op: Any, error: BaseException) -> None:
        if op is self._op:
            self._op = None
            show_failure(self, error, self.tr("Needs attention"))

    def _dropped(self, op: Any) -> None:
        if op is self._op:
            self._op = None

    def narrow(self, flt: Filter) -> Filter:
        """``flt`` with the worklist's projects only, when the toggle is on (none while
        they are being computed)."""
        if not self.isChecked():
            return flt
        from dataclasses import replace

        ids = self.ids()
        return replace(flt, ids=ids if ids is not None else ())

    def _on_changed(self, change: Change) -> None:
        self._ids = None
        if self._op is not None:  # computed from data that has changed since: again
            self._op.cancel()
            self._op = None
            if self.isChecked():
                self.ids()
