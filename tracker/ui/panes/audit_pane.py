"""The read-only "Audit log" view: every change, newest first, narrowed by user,
kind, record and date range; exported as CSV or XLSX; a row opens its record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import KINDS
from tracker.domain.validation import ValidationErrors
from tracker.services import history
from tracker.services.changes import Change
from tracker.ui.context import AppContext
from tracker.ui.i18n import kind_label
from tracker.ui.panes.record_extras import action_label, fill_table, list_table, warn, when_text

#: Most entries the view lists at once (the export takes them all).
SHOWN = 1000
#: Kinds whose records the view can open.
OPENABLE = ("projects", "residents", "ventures", "project_updates", "disbursement_plans")


class AuditPane(QWidget):
    #: (table, record id) to open.
    openRecord = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditPane")
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Audit log"), self)
        f = title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        title.setFont(f)
        lay.addWidget(title)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("User:"), self))
        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        bar.addWidget(self.user)
        bar.addWidget(QLabel(self.tr("Kind:"), self))
        self.kind = QComboBox(self)
        self.kind.setObjectName("auditKind")
        bar.addWidget(self.kind)
        bar.addWidget(QLabel(self.tr("Record id:"), self))
        self.record = QLineEdit(self)
        self.record.setObjectName("auditRecord")
        self.record.setMaximumWidth(90)
        self.record.setClearButtonEnabled(True)
        bar.addWidget(self.record)
        self.use_dates = QCheckBox(self.tr("From"), self)
        self.use_dates.setObjectName("auditUseDates")
        bar.addWidget(self.use_dates)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addMonths(-1), self)
        self.since.setObjectName("auditSince")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to"), self))
        self.until = QDateEdit(today, self)
        self.until.setObjectName("auditUntil")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.until)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(lambda: self.export())
        bar.addWidget(self.export_button)
        lay.addLayout(bar)
        for w in (self.user, self.kind):
            w.currentIndexChanged.connect(lambda _i: self.reload())
        self.record.editingFinished.connect(self.reload)
        self.use_dates.toggled.connect(lambda _c: self.reload())
        self.since.dateChanged.connect(lambda _d: self.reload())
        self.until.dateChanged.connect(lambda _d: self.reload())

        headers = [self.tr("When"), self.tr("User"), self.tr("Kind"), self.tr("Record"),
                   self.tr("Action"), self.tr("Changes")]  # fmt: skip
        t = list_table(self, "auditTable", headers, self.open_current, word_wrap=False)
        self.table = t
        lay.addWidget(t, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("auditSummary")
        lay.addWidget(self.summary)
        ctx.changed.connect(self._on_changed)
        self._fill_choices()
        self.reload()

    def _fill_choices(self) -> None:
        for combo, values, first, label in (
            (self.user, history.users_in_log(self.ctx.store), self.tr("Everyone"), lambda v: v),
            (self.kind, history.tables_in_log(self.ctx.store), self.tr("All kinds"),
             lambda v: kind_label(v) if v in KINDS else v),
        ):  # fmt: skip
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for v in values:
                combo.addItem(label(v), v)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)

    def query(self, *, limit: int = SHOWN) -> history.AuditQuery:
        rid: Any = self.record.text().strip() or None
        if rid is not None and rid.isdigit():
            rid = int(rid)
        since = until = None
        if self.use_dates.isChecked():
            since = self.since.date().toString("yyyy-MM-dd")
            until = self.until.date().toString("yyyy-MM-dd")
        return history.AuditQuery(user=self.user.currentData() or None, table=self.kind.currentData() or None,
                                  row_id=rid, since=since, until=until, limit=limit)  # fmt: skip

    def reload(self) -> None:
        self.rows = history.audit_rows(self.ctx.store, self.query())
        labels: dict[tuple[str, Any], str] = {}
        cells = []
        for r in self.rows:
            key = (r["table_name"], r["row_id"])
            if key not in labels:
                labels[key] = history.record_label(self.ctx.store, *key)
            kind = kind_label(r["table_name"]) if r["table_name"] in KINDS else r["table_name"]
            cells.append((when_text(r["at"]), r["user"], kind, labels[key], action_label(r["action"]),
                          r["summary"]))  # fmt: skip
        fill_table(self.table, cells)
        more = len(self.rows) >= SHOWN
        self.summary.setText(
            self.tr("{n} entries (the newest {shown}; Export writes them all)").format(n=len(self.rows), shown=SHOWN)
            if more else self.tr("%n entries", "", len(self.rows))
        )  # fmt: skip

    def open_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        r = self.rows[rows[0].row()]
        table, rid = r["table_name"], r["row_id"]
        if table in ("project_updates", "disbursement_plans"):
            row = self.ctx.store.get(table, rid)
            if row is None:
                return
            table, rid = "projects", row["project_id"]
        if table in OPENABLE and rid is not None and self.ctx.store.get(table, rid) is not None:
            self.openRecord.emit(table, rid)

    def export(self, path: str | None = None) -> int | None:
        if path is None:
            stamp = dt.date.today().isoformat()
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                                  f"audit-log-{stamp}.xlsx",
                                                  self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))  # fmt: skip
            if not path:
                return None
        try:
            return history.export_audit(self.ctx.store, self.query(limit=None), out=path)  # type: ignore[arg-type]
        except (ValidationErrors, OSError) as exc:
            warn(self, self.tr("Not exported"), str(exc))
            return None

    def _on_changed(self, _change: Change) -> None:
        if self.isVisible():
            self._fill_choices()
            self.reload()

    def showEvent(self, event: Any) -> None:
        self._fill_choices()
        self.reload()
        super().showEvent(event)
