"""A project's update history (newest first) and the way to add an update."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import updates
from tracker.services.changes import Change
from tracker.ui.context import AppContext
from tracker.ui.i18n import format_date
from tracker.ui.models.lookups import status_label
from tracker.ui.widgets.editors import money_text
from tracker.ui.widgets.number_cells import NumberDelegate


class HistoryPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyPane")
        self.ctx = ctx
        self.project_id: Any = None
        self.dialog = None
        #: The updates shown, newest first (rows of project_updates).
        self.updates: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        self.caption = QLabel(self.tr("Update history"), self)
        f = self.caption.font()
        f.setBold(True)
        self.caption.setFont(f)
        head.addWidget(self.caption)
        head.addStretch(1)
        self.add_button = QPushButton(self.tr("Add update…"), self)
        self.add_button.setObjectName("addUpdateButton")
        self.add_button.clicked.connect(self.open_add_update)
        head.addWidget(self.add_button)
        lay.addLayout(head)
        headers = [self.tr("As of"), self.tr("Status"), self.tr("Progress"), self.tr("Disbursed")]
        t = QTableWidget(0, len(headers), self)
        t.setObjectName("historyTable")
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        row_h = t.fontMetrics().height() + 8
        t.verticalHeader().setDefaultSectionSize(row_h)
        # Room for a few updates (and their notes) without dragging the splitter.
        t.setMinimumHeight(t.horizontalHeader().sizeHint().height() + 4 * row_h + 4)
        hh = t.horizontalHeader()
        # Widths are fitted to the update cells by _fit_columns, not by Qt's ResizeToContents:
        # that counted the notes (spanned across the row, in column 0) after a refresh and
        # made the date column as wide as the longest note.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh.setStretchLastSection(True)  # spare room to the money; a narrow pane scrolls
        numbers = NumberDelegate(t)  # a disbursed sum half past the edge shows "…", not "138,2"
        for col in (2, 3):
            t.setItemDelegateForColumn(col, numbers)
        self.table = t
        lay.addWidget(t, 1)
        self.ctx.changed.connect(self._on_changed)
        self.set_project(None)

    def set_project(self, project_id: Any) -> None:
        self.project_id = project_id
        self.refresh()

    def refresh(self) -> None:
        rows = (
            updates.history(self.ctx.store, self.project_id) if self.project_id is not None else []
        )
        project = self.ctx.store.get("projects", self.project_id) if self.project_id else None
        cur = project["currency"] if project else ""
        self.updates = rows
        self.table.clearSpans()
        self.table.setRowCount(sum(2 if r["note"] else 1 for r in rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        i = 0
        for r in rows:
            cells = (
                (format_date(r["as_of"]), None),
                (status_label(r["status"]), None),
                ("" if r["progress_pct"] is None else f"{r['progress_pct']} %", right),
                (money_text(r["disbursed"]) if r["disbursed"] is not None else "", right),
            )
            who = self.tr("Entered by {author} at {at}").format(
                author=r["author"] or "?", at=(r["entered_at"] or "")[:16].replace("T", " ")
            )
            for j, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                item.setToolTip(who)
                self.table.setItem(i, j, item)
            i += 1
            if r["note"]:
                # The note on its own line under its update, across the columns.
                note = QTableWidgetItem("    " + r["note"].replace("\n", " "))
                note.setToolTip(f"{r['note']}\n\n{who}")
                note.setForeground(self.palette().placeholderText())
                self.table.setItem(i, 0, note)
                self.table.setSpan(i, 0, 1, self.table.columnCount())
                i += 1
        self.caption.setText(self.tr("Update history ({n})").format(n=len(rows)))
        self.table.horizontalHeaderItem(3).setText(
            self.tr("Disbursed, {currency}").format(currency=cur) if cur else self.tr("Disbursed")
        )
        self.add_button.setEnabled(project is not None and not self.ctx.read_only)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column fits its widest cell or header (notes excluded): nothing is cut."""
        t = self.table
        fm = t.fontMetrics()
        hfm = t.horizontalHeader().fontMetrics()
        for col in range(t.columnCount()):
            header = t.horizontalHeaderItem(col)
            width = hfm.horizontalAdvance(header.text() if header else "") + 24
            for row in range(t.rowCount()):
                item = t.item(row, col)
                if item is not None and t.columnSpan(row, 0) == 1:
                    width = max(width, fm.horizontalAdvance(item.text()) + 16)
            t.setColumnWidth(col, width)

    def open_add_update(self) -> None:
        """The small “Add update…” dialog, non-blocking."""
        if self.project_id is None or self.ctx.read_only:
            return
        from tracker.ui.dialogs.add_update_dialog import AddUpdateDialog

        project = self.ctx.store.get("projects", self.project_id)
        if project is None:
            return
        self.dialog = AddUpdateDialog(self.ctx, self, project=project)
        self.dialog.open()

    def _on_changed(self, change: Change) -> None:
        if self.project_id is not None and change.concerns("projects"):
            self.refresh()
