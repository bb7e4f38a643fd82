"""The Projects view's "Needs attention" filter: a toggle beside the other filters
that narrows the table to the projects on the worklist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from tracker.domain.filters import Filter
from tracker.services import attention
from tracker.services.changes import Change


class AttentionFilter(QToolButton):
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
        self.reasons: dict[int, list[str]] = {}
        ctx.changed.connect(self._on_changed)

    def ids(self) -> tuple[int, ...]:
        """The worklist's projects (computed when first asked after a change)."""
        if self._ids is None:
            wl = attention.worklist(self.ctx.store, today=dt.date.today().isoformat())
            self.reasons = wl.project_reasons()
            self._ids = tuple(sorted(self.reasons))
        return self._ids

    def narrow(self, flt: Filter) -> Filter:
        """``flt`` with the worklist's projects only, when the toggle is on."""
        if not self.isChecked():
            return flt
        from dataclasses import replace

        return replace(flt, ids=self.ids())

    def _on_changed(self, change: Change) -> None:
        self._ids = None
