"""File › Compare with snapshot…: pick one of the snapshots the file records (or any
XLSX, JSON or SQLite snapshot by path) and see what was added, removed and changed
since, field by field in the window's words, and how the totals moved; the comparison
can be saved as XLSX, CSV or JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import COUNTRY, ENUM, KINDS, REGION, SECTOR
from tracker.domain.money import format_amount
from tracker.services.compare import (
    ChangeWords,
    CompareResult,
    Snapshot,
    SnapshotUnreadable,
    compare_with_snapshot,
    record_key,
    recorded_snapshots,
    show,
    snapshot_at,
    write_changes,
)
from tracker.store import StoreError
from tracker.ui.context import AppContext
from tracker.ui.dialogs.export_dialog import format_name
from tracker.ui.i18n import code_label, kind_label, label_for, tr_domain
from tracker.ui.operations import ProgressPanel, QueryOp, failure_text
from tracker.ui.settings import Settings

ADDED, REMOVED, CHANGED = QColor("#1E7B34"), QColor("#B00020"), QColor("#8A5A00")
#: Records listed per group in the tree; the saved comparison holds them all.
TREE_LIMIT = 500


def choose_file(parent: QWidget | None, caption: str, start: str) -> str:
    """Seam for tests: the earlier snapshot ('' when cancelled)."""
    filters = QCoreApplication.translate(
        "CompareDialog",
        "Snapshots (*.xlsx *.json *.sqlite3 *.sqlite *.db);;Excel workbooks (*.xlsx);;"
        "JSON files (*.json);;SQLite snapshots (*.sqlite3 *.sqlite *.db);;All files (*)",
    )
    path, _ = QFileDialog.getOpenFileName(parent, caption, start, filters)
    return path


def choose_save_path(parent: QWidget | None, caption: str, suggested: str) -> str:
    """Seam for tests: where to save the comparison ('' when cancelled)."""
    filters = QCoreApplication.translate(
        "CompareDialog", "Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"
    )
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


class CompareDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.ctx = ctx
        self.result: CompareResult | None = None
        self.setWindowTitle(self.tr("Compare with snapshot"))
        self.resize(900, 640)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(self.tr("Snapshots recorded in {name}:").format(name=ctx.store.name), self)
        )
        self.snapshot_list = QTableWidget(0, 5, self)
        self.snapshot_list.setObjectName("snapshotList")
        self.snapshot_list.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Format"), self.tr("What"), self.tr("Who"), self.tr("File")]
        )
        self.snapshot_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.snapshot_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.snapshot_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.snapshot_list.verticalHeader().hide()
        self.snapshot_list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.snapshot_list.horizontalHeader().setStretchLastSection(True)
        self.snapshot_list.setMaximumHeight(self.fontMetrics().height() * 9)
        self.snapshot_list.itemSelectionChanged.connect(self._selection_changed)
        self.snapshot_list.cellDoubleClicked.connect(lambda *_: self.compare_selected())
        lay.addWidget(self.snapshot_list)
        top = QHBoxLayout()
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.setObjectName("compareSelected")
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare_selected)
        top.addWidget(self.compare_button)
        choose = QPushButton(self.tr("Other file…"), self)
        choose.setObjectName("chooseSnapshot")
        choose.clicked.connect(self.choose)
        top.addWidget(choose)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("snapshotPath")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(
            self.tr("Choose a snapshot above, or an Excel, JSON or SQLite snapshot file")
        )
        top.addWidget(self.path_edit, 1)
        lay.addLayout(top)
        self.summary = QLabel(
            self.tr("Compared with the open database, {name}.").format(name=ctx.store.name), self
        )
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("compareTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Record / field"), self.tr("Before"), self.tr("After")])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 220)
        split.addWidget(self.tree)
        self.totals = QTableWidget(0, 4, self)
        self.totals.setObjectName("compareTotals")
        self.totals.setHorizontalHeaderLabels(
            [self.tr("Total"), self.tr("Before"), self.tr("After"), self.tr("Moved")]
        )
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.verticalHeader().hide()
        self.totals.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.totals)
        split.setSizes([400, 200])
        lay.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.progress_panel = ProgressPanel(self)
        bottom.addWidget(self.progress_panel)
        self.message = QLabel(self)
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        bottom.addWidget(self.message, 1)
        self.export_button = QPushButton(self.tr("Save comparison…"), self)
        self.export_button.setObjectName("exportComparison")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_comparison)
        bottom.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        lay.addLayout(bottom)
        self.op: Any = None
        self._names = self._reference_names()
        self.snapshots: list[Snapshot] = []
        self.fill_snapshots()

    # ---------------------------------------------------------------- snapshots
    def fill_snapshots(self) -> None:
        """The snapshots the open file records, newest first (a missing file greyed out)."""
        self.snapshots = recorded_snapshots(self.ctx.store)
        lst = self.snapshot_list
        lst.setRowCount(len(self.snapshots))
        for i, snap in enumerate(self.snapshots):
            cells = [_when(snap.taken_at), format_name(snap.fmt), self._what(snap), snap.user,
                     snap.path.name]  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not snap.exists:
                    item.setForeground(QBrush(QColor("#808080")))
                    item.setToolTip(self.tr("{path} is not there any more").format(path=snap.path))
                else:
                    item.setToolTip(str(snap.path))
                lst.setItem(i, j, item)
        lst.resizeColumnsToContents()
        lst.horizontalHeader().setStretchLastSection(True)

    def _what(self, snap: Snapshot) -> str:
        if snap.fmt == "sqlite" or not snap.kind or snap.kind == "all":
            what = self.tr("Everything")
        else:
            what = kind_label(snap.kind)
        flt = snap.filter
        if flt.is_empty():
            return what
        try:
            from tracker.ui.report import describe_filter  # names, not codes and ids

            shown = describe_filter(self.ctx.store, snap.kind or "projects", flt, with_kind=False)
        except (KeyError, ValueError, StoreError):
            shown = flt.describe()
        return f"{what} — {shown}"

    def _selection_changed(self) -> None:
        rows = self.snapshot_list.selectionModel().selectedRows()
        self.compare_button.setEnabled(bool(rows) and self.snapshots[rows[0].row()].exists)

    def select_snapshot(self, row: int) -> None:
        self.snapshot_list.selectRow(row)

    def compare_selected(self) -> Any:
        rows = self.snapshot_list.selectionModel().selectedRows()
        if not rows:
            return None
        return self.compare_snapshot(self.snapshots[rows[0].row()])

    def choose(self) -> None:
        path = choose_file(self, self.tr("Earlier snapshot"), str(self.ctx.folder))
        if path:
            self.compare_with(path)

    def compare_with(self, path: str | Path) -> Any:
        """Compare the snapshot at ``path`` (old) with the open database (new); the operation
        (None when the file is not a snapshot)."""
        try:
            snap = snapshot_at(self.ctx.store, path)
        except SnapshotUnreadable as exc:
            self._clear(str(path))
            self._error(str(exc))
            return None
        return self.compare_snapshot(snap)

    def compare_snapshot(self, snap: Snapshot) -> Any:
        """Compare a snapshot (old) with the open database (new), over what it holds, in
        the background (an XLSX or JSON snapshot is read in first); returns the operation."""
        if self.busy():
            self.op.cancel()
        self._clear(str(snap.path))
        self.message.setStyleSheet("")
        self.message.setText("")
        currency, as_of = self.ctx.currency, self.ctx.as_of

        def work(store: Any, progress: Any) -> CompareResult:
            return compare_with_snapshot(store, snap, currency=currency, as_of=as_of,
                                         progress=progress)  # fmt: skip

        op = QueryOp(self, self.ctx.store, work, title=self.tr("Compare"), long=True)
        op.success(self._compared).failure(self._failed)
        op.on_cancelled(lambda: self._error(self.tr("cancelled")))
        self.op = op.with_progress(self.progress_panel, cancellable=True).run_in_background()
        return self.op

    def busy(self) -> bool:
        """Whether a comparison of this dialog is still running."""
        return self.op is not None and not self.op.delivered

    def _compared(self, result: CompareResult) -> None:
        self.result = result
        self._show(result)
        self.export_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (StoreError, SnapshotUnreadable)):
            self._error(str(exc))
        else:
            self._error(failure_text(exc))

    def reject(self) -> None:
        """Close; a comparison still running is cancelled."""
        if self.busy():
            self.op.cancel()
        super().reject()

    def _clear(self, path: str) -> None:
        self.path_edit.setText(path)
        self.tree.clear()
        self.totals.setRowCount(0)
        self.result = None
        self.export_button.setEnabled(False)

    # ------------------------------------------------------------- the words
    def _reference_names(self) -> dict[str, dict[str, str]]:
        """code -> name in the window's language, for countries, sectors and regions."""
        out: dict[str, dict[str, str]] = {}
        for kind, table in ((COUNTRY, "countries"), (SECTOR, "sectors"), (REGION, "regions")):
            try:
                out[kind] = {r["code"]: label_for(r) for r in self.ctx.store.rows(table)}
            except StoreError:
                out[kind] = {}
        return out

    def change_words(self) -> ChangeWords:
        """The saved comparison in the window's words: its labels, and names for codes."""
        words = {"kind": self.tr("Kind"), "key": self.tr("Record"), "change": self.tr("Change"),
                 "field": self.tr("Field"), "old": self.tr("Before"), "new": self.tr("After"),
                 "added": self.tr("added"), "removed": self.tr("removed"),
                 "changed": self.tr("changed"), "total": self.tr("total"),
                 "measure": self.tr("Total"), "before": self.tr("Before"), "after": self.tr("After"),
                 "Changes": self.tr("Changes"), "Totals": self.tr("Totals"),
                 "committed": self.tr("committed"), "disbursed": self.tr("disbursed"),
                 "declared investment": self.tr("declared investment"),
                 "invested to date": self.tr("invested to date"),
                 "charter capital": self.tr("charter capital")}  # fmt: skip

        def value(table: str, column: str, v: Any) -> Any:
            f = _field(table, column)
            coded = f is not None and (f.type == ENUM or f.type in self._names)
            return self.value_text(table, column, v) if coded and v not in (None, "") else v

        return ChangeWords(word=lambda s: words.get(s, s), kind=kind_label, label=self.field_label,
                           value=value)  # fmt: skip

    def field_label(self, table: str, column: str) -> str:
        f = _field(table, column)
        return tr_domain("Field", f.label) if f is not None else column

    def value_text(self, table: str, column: str, v: Any) -> str:
        """A value as the window shows it: statuses and kinds in words, codes by name."""
        if isinstance(v, Decimal):
            return _amount(v)
        f = _field(table, column)
        if f is None and column == "kind" and isinstance(v, str):
            return code_label(v)
        if f is not None and v not in (None, ""):
            if f.type == ENUM:
                return code_label(str(v))
            if f.type in self._names:
                return self._names[f.type].get(v, str(v))
        return show(v)

    # ---------------------------------------------------------------- display
    def _show(self, r: CompareResult) -> None:
        self.message.setStyleSheet("")
        self.message.setText("")
        parts = []
        for d in r.kinds.values():
            if not d.is_empty:
                parts.append(self.tr("{kind}: {a} added, {r} removed, {c} changed").format(
                    kind=QCoreApplication.translate("Kind", d.label), a=len(d.added), r=len(d.removed), c=len(d.changed)))  # fmt: skip
        self.summary.setText(
            self.tr("{old} → {new} (open database): {what}").format(
                old=Path(r.old_path).name,
                new=Path(r.new_path).name,
                what="; ".join(parts) if parts else self.tr("no differences"),
            )  # fmt: skip
        )
        bold = QFont(self.font())
        bold.setBold(True)
        for d in r.kinds.values():
            if d.is_empty:
                continue
            top = QTreeWidgetItem(self.tree, [
                self.tr("{kind} — {a} added, {r} removed, {c} changed").format(
                    kind=QCoreApplication.translate("Kind", d.label), a=len(d.added), r=len(d.removed), c=len(d.changed)),
                str(d.count_before), str(d.count_after)])  # fmt: skip
            top.setFont(0, bold)
            for title, rows, colour in ((self.tr("Added"), d.added, ADDED),
                                        (self.tr("Removed"), d.removed, REMOVED)):  # fmt: skip
                if not rows:
                    continue
                group = QTreeWidgetItem(top, [f"{title} ({len(rows)})"])
                group.setForeground(0, QBrush(colour))
                for rec in rows[:TREE_LIMIT]:
                    item = QTreeWidgetItem(group, [record_key(d.table, rec) + _title(rec)])
                    item.setForeground(0, QBrush(colour))
                    for col, v in rec.items():
                        if v not in (None, ""):
                            text = self.value_text(d.table, col, v)
                            QTreeWidgetItem(item, [self.field_label(d.table, col),
                                                   text if rows is d.removed else "",
                                                   text if rows is d.added else ""])  # fmt: skip
                self._more(group, len(rows))
            if d.changed:
                group = QTreeWidgetItem(top, [self.tr("Changed ({n})").format(n=len(d.changed))])
                group.setForeground(0, QBrush(CHANGED))
                for c in d.changed[:TREE_LIMIT]:
                    item = QTreeWidgetItem(group, [c.key])
                    item.setForeground(0, QBrush(CHANGED))
                    for col, (old, new) in c.fields.items():
                        QTreeWidgetItem(item, [self.field_label(d.table, col),
                                               self.value_text(d.table, col, old),
                                               self.value_text(d.table, col, new)])  # fmt: skip
                    item.setExpanded(len(d.changed) <= 20)
                group.setExpanded(True)
                self._more(group, len(d.changed))
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(max(self.tree.columnWidth(0), 360), 520))
        measures = {"committed": self.tr("committed"), "disbursed": self.tr("disbursed"),
                    "declared investment": self.tr("declared investment"),
                    "invested to date": self.tr("invested to date"),
                    "charter capital": self.tr("charter capital")}  # fmt: skip
        self.totals.setRowCount(len(r.totals))
        for i, t in enumerate(r.totals):
            sign = "+" if t.change >= 0 else "−"
            cells = [f"{_kind_label(r, t.table)}, {measures.get(t.measure, t.measure)} ({r.currency})",
                     _amount(t.before), _amount(t.after), f"{sign}{_amount(abs(t.change))}"]  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if j == 3 and t.change:
                    item.setForeground(QBrush(ADDED if t.change > 0 else REMOVED))
                self.totals.setItem(i, j, item)
        self.totals.resizeColumnsToContents()
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if r.warnings:
            self.message.setText("\n".join(r.warnings))

    def _more(self, group: QTreeWidgetItem, n: int) -> None:
        if n > TREE_LIMIT:
            QTreeWidgetItem(group, [self.tr("… and {n} more (save the comparison to see all)").format(
                n=n - TREE_LIMIT)])  # fmt: skip

    def _error(self, text: str) -> None:
        self.message.setStyleSheet("color: #C00000;")
        self.message.setText(self.tr("Cannot compare: {reason}").format(reason=text))

    def export_comparison(self) -> Path | None:
        if self.result is None:
            return None
        suggested = str(
            (Settings().export_dir or self.ctx.folder)
            / f"{self.ctx.stem}-changes-{self.ctx.as_of}.xlsx"
        )
        path = choose_save_path(self, self.tr("Save comparison"), suggested)
        if not path:
            return None
        try:
            out = write_changes(self.result, Path(path), self.change_words())
        except (ValueError, OSError) as exc:
            self.message.setStyleSheet("color: #C00000;")
            self.message.setText(self.tr("Cannot save the comparison: {reason}").format(reason=exc))
            return None
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Comparison saved to {path}").format(path=out))
        return out


def _field(table: str, column: str) -> Any:
    kind = KINDS.get(table)
    if kind is None:
        return None
    return next((f for f in kind.fields if column in (f.column, f.name)), None)


def _amount(v: Decimal) -> str:
    """An exact amount with the locale's separators ("1 234 567,89" in Russian)."""
    loc = QLocale()
    text = format_amount(v)
    return (
        text.replace(",", "\0").replace(".", loc.decimalPoint()).replace("\0", loc.groupSeparator())
    )


def _when(taken_at: str) -> str:
    """When a snapshot was taken, in local time."""
    try:
        t = dt.datetime.fromisoformat(taken_at.replace("Z", "+00:00"))
    except ValueError:
        return taken_at
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


def _title(rec: dict) -> str:
    name = rec.get("name")
    return f" — {name}" if name and rec.get("code") else ""


def _kind_label(r: CompareResult, table: str) -> str:
    return QCoreApplication.translate("Kind", r.kinds[table].label) if table in r.kinds else table
