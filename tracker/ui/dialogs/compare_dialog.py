"""File › Compare with snapshot…: pick an earlier SQLite snapshot and see
what was added, removed and changed since, field by field, and how the
totals moved; the comparison can be saved as XLSX, CSV or JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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

from tracker.domain.money import format_amount
from tracker.services.compare import CompareResult, compare_stores, record_key, show, write_changes
from tracker.store import Store, StoreError
from tracker.ui.context import AppContext
from tracker.ui.settings import Settings

ADDED, REMOVED, CHANGED = QColor("#1E7B34"), QColor("#B00020"), QColor("#8A5A00")
#: Records listed per group in the tree; the saved comparison holds them all.
TREE_LIMIT = 500


def choose_file(parent: QWidget | None, caption: str, start: str) -> str:
    """Seam for tests: the earlier snapshot ('' when cancelled)."""
    filters = QCoreApplication.translate(
        "CompareDialog", "SQLite snapshots (*.sqlite3 *.sqlite *.db);;All files (*)"
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
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Earlier snapshot:"), self))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("snapshotPath")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Choose a SQLite snapshot of this portfolio"))
        top.addWidget(self.path_edit, 1)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.setObjectName("chooseSnapshot")
        choose.clicked.connect(self.choose)
        top.addWidget(choose)
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

    def choose(self) -> None:
        path = choose_file(self, self.tr("Earlier snapshot"), str(self.ctx.store.path.parent))
        if path:
            self.compare_with(path)

    def compare_with(self, path: str | Path) -> CompareResult | None:
        """Compare the snapshot at ``path`` (old) with the open database (new)."""
        self.path_edit.setText(str(path))
        self.tree.clear()
        self.totals.setRowCount(0)
        self.result = None
        self.export_button.setEnabled(False)
        try:
            with Store.open(path, read_only=True, backup=False) as old:
                self.result = compare_stores(old, self.ctx.store, currency=self.ctx.currency,
                                             as_of=self.ctx.as_of)  # fmt: skip
        except StoreError as exc:
            self._error(str(exc))
            return None
        self._show(self.result)
        self.export_button.setEnabled(True)
        return self.result

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
                            QTreeWidgetItem(item, [col, show(v) if rows is d.removed else "",
                                                   show(v) if rows is d.added else ""])  # fmt: skip
                self._more(group, len(rows))
            if d.changed:
                group = QTreeWidgetItem(top, [self.tr("Changed ({n})").format(n=len(d.changed))])
                group.setForeground(0, QBrush(CHANGED))
                for c in d.changed[:TREE_LIMIT]:
                    item = QTreeWidgetItem(group, [c.key])
                    item.setForeground(0, QBrush(CHANGED))
                    for col, (old, new) in c.fields.items():
                        QTreeWidgetItem(item, [col, show(old), show(new)])
                    item.setExpanded(len(d.changed) <= 20)
                group.setExpanded(True)
                self._more(group, len(d.changed))
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(max(self.tree.columnWidth(0), 360), 520))
        self.totals.setRowCount(len(r.totals))
        for i, t in enumerate(r.totals):
            sign = "+" if t.change >= 0 else "−"
            cells = [f"{_kind_label(r, t.table)}, {t.measure} ({r.currency})", format_amount(t.before),
                     format_amount(t.after), f"{sign}{format_amount(abs(t.change))}"]  # fmt: skip
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
            (Settings().export_dir or self.ctx.store.path.parent)
            / f"{self.ctx.store.path.stem}-changes-{self.ctx.as_of}.xlsx"
        )
        path = choose_save_path(self, self.tr("Save comparison"), suggested)
        if not path:
            return None
        try:
            out = write_changes(self.result, Path(path))
        except (ValueError, OSError) as exc:
            self.message.setStyleSheet("color: #C00000;")
            self.message.setText(self.tr("Cannot save the comparison: {reason}").format(reason=exc))
            return None
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Comparison saved to {path}").format(path=out))
        return out


def _title(rec: dict) -> str:
    name = rec.get("name")
    return f" — {name}" if name and rec.get("code") else ""


def _kind_label(r: CompareResult, table: str) -> str:
    return QCoreApplication.translate("Kind", r.kinds[table].label) if table in r.kinds else table
