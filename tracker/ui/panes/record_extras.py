"""Beside a record's form: its history from the audit log (with "Put back"), and for
a project its disbursement plan as a small grid and its one-page brief.

Written as widgets of their own so the form pane only inserts them
(:func:`extras_for`) and tells them which record is shown (``set_record``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import kind_of
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationErrors
from tracker.services import history, plans
from tracker.services.changes import Change
from tracker.store import StoreError
from tracker.ui.context import AppContext
from tracker.ui.formatting import format_count
from tracker.ui.i18n import current_language, field_label, format_date, kind_label
from tracker.ui.messages import tr_error


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Seam for tests: monkeypatch to capture instead of showing a box."""
    QMessageBox.warning(parent, title, text)


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


#: Rows whose text sets a list's column widths.
SIZED_ROWS = 200


def list_table(
    parent: QWidget, name: str, headers: list[str], on_open: Any, *, word_wrap: bool = True
) -> QTableWidget:
    """A read-only list of whole rows (one selected at a time); Enter or a double click
    calls ``on_open``. Filled with :func:`fill_table`."""
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(word_wrap)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    hh.setStretchLastSection(True)
    t.itemActivated.connect(lambda _i: on_open())
    t.itemDoubleClicked.connect(lambda _i: on_open())
    return t


def fill_table(
    t: QTableWidget, rows: list[tuple[str, ...]], *, fixed: tuple[int, ...] = ()
) -> None:
    """Put text rows in a table at once: sizing columns to their contents while filling
    would measure every cell again for every new one (thousands of rows: seconds)."""
    t.setUpdatesEnabled(False)
    hh = t.horizontalHeader()
    try:
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for c, text in enumerate(cells):
                t.setItem(i, c, _item(text))
        # Widths from the first rows (a list may hold thousands).
        t.verticalHeader().setResizeContentsPrecision(SIZED_ROWS)
        for c in range(t.columnCount() - 1):
            if c not in fixed:
                t.resizeColumnToContents(c)
        hh.setStretchLastSection(True)
    finally:
        t.setUpdatesEnabled(True)


_READ_ONLY: Qt.ItemFlag | None = None


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    global _READ_ONLY
    it = QTableWidgetItem(text)
    if _READ_ONLY is None:  # the flags worked out once: enum arithmetic costs more than the item
        _READ_ONLY = it.flags() & ~Qt.ItemFlag.ItemIsEditable
    it.setFlags(_READ_ONLY)
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    return it


def action_label(action: str) -> str:
    t = QCoreApplication.translate
    return {
        "insert": t("Changes", "created"), "update": t("Changes", "edited"),
        "delete": t("Changes", "deleted"), "import": t("Changes", "imported"),
        "undo": t("Changes", "undone"), "redo": t("Changes", "redone"),
        "restore": t("Changes", "restored"), "update_from_progress": t("Changes", "by an update"),
        "undo_update": t("Changes", "update undone"), "import_file": t("Changes", "file imported"),
        "bulk_load": t("Changes", "loaded"),
    }.get(action, action)  # fmt: skip


def when_text(at: str) -> str:
    """An audit time (UTC, ISO) as the window shows dates, with the local time of day."""
    try:
        moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return at
    return f"{format_date(moment.date())} {moment:%H:%M}"


class ChangesPanel(QWidget):
    """A record's history, newest first: when, who, field, old → new; Put back."""

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.ctx = ctx
        self.kind = kind_of(kind).name
        self.pk: Any = None
        self.steps: list[history.Step] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        self.table = _table(self, "changesTable", [self.tr("When"), self.tr("Who"),
                                                   self.tr("Field"), self.tr("Change")])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setColumnWidth(2, 120)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self.put_back())
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.note = QLabel(self)
        self.note.setObjectName("changesNote")
        row.addWidget(self.note, 1)
        self.put_back_button = QPushButton(self.tr("Put back the earlier value"), self)
        self.put_back_button.setObjectName("putBackButton")
        self.put_back_button.setToolTip(
            self.tr("Save the value this field had before the selected change (undoable)")
        )
        self.put_back_button.clicked.connect(self.put_back)
        row.addWidget(self.put_back_button)
        lay.addLayout(row)
        ctx.changed.connect(self._on_changed)
        self._update_buttons()

    def set_record(self, pk: Any) -> None:
        self.pk = pk
        self.reload()

    def reload(self) -> None:
        self.steps = (
            []
            if self.pk is None
            else history.record_history(self.ctx.store, kind=self.kind, pk=self.pk)
        )
        row = self.ctx.store.get(self.kind, self.pk) if self.pk is not None else None
        names: dict = {}
        cells = []
        for s in self.steps:
            label = "—" if s.field == "*" else field_label(s.table, s.field)
            if s.table != self.kind:
                label = f"{kind_label(s.table, singular=True)}: {label}"
            old = history.display(self.ctx.store, s.table, s.field, s.old, record=row, names=names)
            new = history.display(self.ctx.store, s.table, s.field, s.new, record=row, names=names)
            if s.field == "*":
                change = action_label(s.action)
            elif s.action in history.MADE:
                change = f"{new}  ({action_label(s.action)})"
            else:
                change = f"{old} → {new}"
                if s.action != "update":
                    change += f"  ({action_label(s.action)})"
            cells.append((when_text(s.at), s.user, label, change))
        fill_table(self.table, cells, fixed=(2,))
        self.note.setText(
            self.tr("%n change(s)", "", len(self.steps)) if self.pk is not None else ""
        )
        self._update_buttons()

    def selected_step(self) -> history.Step | None:
        rows = self.table.selectionModel().selectedRows()
        return self.steps[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        s = self.selected_step()
        ok = s is not None and s.can_put_back and s.table == self.kind and not self.ctx.read_only
        self.put_back_button.setEnabled(ok)

    def put_back(self) -> bool:
        s = self.selected_step()
        if s is None or not s.can_put_back or s.table != self.kind or self.ctx.read_only:
            return False
        form = self.parent_form()
        if form is not None and not form.maybe_leave():
            return False
        try:
            cmd = history.put_back(self.ctx.store, kind=self.kind, pk=self.pk, field=s.field,
                                   value=s.old, user=self.ctx.user)  # fmt: skip
            cmd.text = self.tr("Put back {field}").format(field=field_label(self.kind, s.field))
            self.ctx.run(cmd)
        except ValidationErrors as exc:
            warn(self, self.tr("Not put back"), "\n".join(tr_error(e) for e in exc.errors))
            return False
        except StoreError as exc:
            warn(self, self.tr("Not put back"), str(exc))
            return False
        return True

    def parent_form(self) -> Any:
        w = self.parentWidget()
        while w is not None and not hasattr(w, "maybe_leave"):
            w = w.parentWidget()
        return w

    def _on_changed(self, change: Change) -> None:
        if self.pk is not None and (
            change.concerns(self.kind) or change.table == "disbursement_plans"
        ):
            self.reload()


class PlanPanel(QWidget):
    """A project's disbursement plan as a small grid: date, amount, note; saved as one
    undoable step after the plan's rules are checked."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.ctx = ctx
        self.pk: Any = None
        self.currency = ""
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        self.grid = _table(self, "planGrid", [self.tr("Date"), self.tr("Amount"), self.tr("Note")])
        self.grid.setWordWrap(False)
        self.grid.itemChanged.connect(self._on_edited)
        lay.addWidget(self.grid, 1)
        self.message = QLabel(self)
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add row"), self)
        self.add_button.setObjectName("planAddRow")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove row"), self)
        self.remove_button.setObjectName("planRemoveRow")
        self.remove_button.clicked.connect(self.remove_row)
        self.save_button = QPushButton(self.tr("Save plan"), self)
        self.save_button.setObjectName("planSave")
        self.save_button.clicked.connect(self.save)
        for b in (self.add_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        ctx.changed.connect(self._on_changed)
        self.dirty = False
        self._update_buttons()

    def set_record(self, pk: Any) -> None:
        self.pk = pk
        self.reload()

    def reload(self) -> None:
        self._loading = True
        try:
            row = self.ctx.store.get("projects", self.pk) if self.pk is not None else None
            self.currency = row["currency"] if row else ""
            rows = plans.plan_of(self.ctx.store, self.pk) if row else []
            self.grid.setHorizontalHeaderLabels([
                self.tr("Date"), self.tr("Amount, {currency}").format(currency=self.currency),
                self.tr("Note")])  # fmt: skip
            self.grid.setRowCount(len(rows))
            for i, r in enumerate(rows):
                self.grid.setItem(i, 0, QTableWidgetItem(r["date"]))
                self.grid.setItem(i, 1, QTableWidgetItem(str(from_minor(r["amount"]))))
                self.grid.setItem(i, 2, QTableWidgetItem(r.get("note") or ""))
            self._show_total()
        finally:
            self._loading = False
        self.dirty = False
        self._update_buttons()

    def values(self) -> list[dict[str, Any]]:
        out = []
        for i in range(self.grid.rowCount()):
            cells = [self.grid.item(i, c) for c in range(3)]
            date, amount, note = (c.text().strip() if c is not None else "" for c in cells)
            out.append({"date": date, "amount": amount, "note": note})
        return out

    def _show_total(self) -> None:
        from tracker.domain.money import parse_decimal

        total = Decimal(0)
        for v in self.values():
            with contextlib.suppress(ValueError, ArithmeticError):
                total += parse_decimal(v["amount"]) if v["amount"] else 0
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Planned in total: {amount} {currency}").format(
            amount=f"{total:,.2f}", currency=self.currency) if self.pk is not None else "")  # fmt: skip

    def _on_edited(self, _item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self.dirty = True
        self._show_total()
        self._update_buttons()

    def add_row(self) -> None:
        self.grid.insertRow(self.grid.rowCount())
        r = self.grid.rowCount() - 1
        self.grid.setCurrentCell(r, 0)
        self.grid.editItem(self.grid.item(r, 0) or self._blank(r, 0))
        self.dirty = True
        self._update_buttons()

    def _blank(self, r: int, c: int) -> QTableWidgetItem:
        it = QTableWidgetItem("")
        self.grid.setItem(r, c, it)
        return it

    def remove_row(self) -> None:
        r = self.grid.currentRow()
        if r >= 0:
            self.grid.removeRow(r)
            self.dirty = True
            self._show_total()
            self._update_buttons()

    def _update_buttons(self) -> None:
        can = self.pk is not None and not self.ctx.read_only
        self.add_button.setEnabled(can)
        self.remove_button.setEnabled(can and self.grid.rowCount() > 0)
        self.save_button.setEnabled(can and self.dirty)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers if can
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )  # fmt: skip

    def save(self) -> bool:
        if self.pk is None or self.ctx.read_only:
            return False
        cmd = plans.SavePlanCommand(self.pk, self.values(), self.ctx.user,
                                    text=self.tr("Save disbursement plan"))  # fmt: skip
        try:
            self.ctx.run(cmd)
        except ValidationErrors as exc:
            lines = []
            for e in exc.errors:
                label = {"date": self.tr("Date"), "amount": self.tr("Amount"),
                         "currency": field_label("projects", "currency"), "note": self.tr("Note")}.get(
                    e.field, e.field)  # fmt: skip
                where = self.tr("Row {n}").format(n=e.row) + ", " if e.row else ""
                lines.append(f"{where}{tr_error(e, label)}")
            self.message.setText("\n".join(lines))
            self.message.setStyleSheet("color: #B00020")
            return False
        except StoreError as exc:
            self.message.setText(str(exc))
            return False
        self.reload()
        return True

    def _on_changed(self, change: Change) -> None:
        if (
            self.pk is not None
            and change.table in ("disbursement_plans", "projects")
            and not self.dirty
        ):
            self.reload()


#: A brief of at most this many projects at once (a page takes about 0.3 s to draw).
MAX_BRIEFS = 50


class ExtrasTabs(QTabWidget):
    """The tabs under a form: Updates (projects), Plan (projects), Changes; and Brief…"""

    def __init__(
        self, ctx: AppContext, kind: str, updates: QWidget | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("recordExtras")
        self.setDocumentMode(True)  # no frame: the tables keep the form's whole width
        self.ctx = ctx
        self.kind = kind
        self.pk: Any = None
        #: The last brief's print preview and PDF file (set when they are ready).
        self.brief_preview: Any = None
        self.brief_saved: str | None = None
        self.plan: PlanPanel | None = None
        if updates is not None:
            self.addTab(updates, self.tr("Updates"))
        if kind == "projects":
            self.plan = PlanPanel(ctx, self)
            self.addTab(self.plan, self.tr("Plan"))
        self.changes = ChangesPanel(ctx, kind, self)
        self.addTab(self.changes, self.tr("Changes"))
        if kind == "projects":
            corner = QWidget(self)
            cl = QHBoxLayout(corner)
            cl.setContentsMargins(0, 0, 0, 0)
            self.brief_button = QPushButton(self.tr("Brief…"), corner)
            self.brief_button.setObjectName("briefButton")
            self.brief_button.setToolTip(self.tr("Print preview of the project's one-page brief"))
            self.brief_button.clicked.connect(self.print_brief)
            self.brief_pdf_button = QPushButton(self.tr("Brief PDF…"), corner)
            self.brief_pdf_button.setObjectName("briefPdfButton")
            self.brief_pdf_button.clicked.connect(lambda: self.save_brief_pdf())
            cl.addWidget(self.brief_button)
            cl.addWidget(self.brief_pdf_button)
            self.setCornerWidget(corner)

    def set_record(self, pk: Any) -> None:
        self.pk = pk
        if self.plan is not None:
            self.plan.set_record(pk)
        self.changes.set_record(pk)
        if self.kind == "projects":
            self.brief_button.setEnabled(pk is not None)
            self.brief_pdf_button.setEnabled(pk is not None)

    def brief_ids(self) -> list[Any]:
        """The projects a brief is made of: those selected in the table (a page each), else
        the one shown; none, said so, when more than MAX_BRIEFS are selected."""
        w = self.parentWidget()
        while w is not None and not hasattr(w, "table"):
            w = w.parentWidget()
        ids: list[Any] = []
        table = getattr(w, "table", None)
        if table is not None and callable(getattr(table, "selected_ids", None)):
            n = table.selected_count()
            if n > MAX_BRIEFS:
                warn(self, self.tr("Brief"),
                     self.tr("{n} projects are selected; a brief is made of at most {max} at a "
                             "time. Select fewer.").format(n=format_count(n), max=MAX_BRIEFS))  # fmt: skip
                return []
            ids = table.selected_ids(MAX_BRIEFS)
        if self.pk is not None and self.pk not in ids:
            ids = [self.pk] if len(ids) <= 1 else ids
        return ids

    def _pdf_name(self, ids: list[Any]) -> str:
        """The file a brief is offered as: brief-CODE-<as-of>.pdf (briefs-… for several) in the
        export folder of Settings or beside the database."""
        from tracker.ui.printing import suggested_pdf

        code = (self.ctx.store.get("projects", ids[0]) or {}).get("code", "")
        stem = f"brief-{code}" if len(ids) == 1 and code else "briefs"
        try:
            return str(suggested_pdf(self.ctx, stem))
        except (AttributeError, TypeError, OSError):  # a server database: no folder beside it
            return f"{stem}.pdf"

    def print_brief(self) -> Any:
        """Print preview of the briefs, drawn in the background (the operation, or None)."""
        from pathlib import Path

        from tracker.ui.brief_print import print_briefs

        ids = self.brief_ids()
        if not ids:
            return None
        self.brief_preview = None

        def shown(dialog: Any) -> None:
            self.brief_preview = dialog

        return print_briefs(self.ctx, self, ids, pdf_name=Path(self._pdf_name(ids)), shown=shown)

    def save_brief_pdf(self, path: str | None = None) -> Any:
        """The briefs as one PDF, written in the background (the operation, or None); the
        status bar says where when it is written."""
        from tracker.services import brief
        from tracker.ui.brief_print import run_briefs

        ids = self.brief_ids()
        if not ids:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save brief as PDF"),
                                                  self._pdf_name(ids), self.tr("PDF (*.pdf)"))  # fmt: skip
            if not path:
                return None
        out, currency, as_of, language = path, self.ctx.currency, self.ctx.as_of, current_language()
        self.brief_saved = None

        def work(store: Any, progress: Any) -> int:
            return brief.write_briefs(store, project_ids=ids, out=out, currency=currency,
                                      as_of=as_of, language=language, progress=progress)  # fmt: skip

        def written(pages: int) -> None:
            self.brief_saved = out
            bar = getattr(self.window(), "statusBar", None)
            if callable(bar):
                bar().showMessage(self.tr("Brief written: {file} (%n page(s))", "", pages)
                                  .format(file=out), 10000)  # fmt: skip

        return run_briefs(self, self.ctx, work, written)


def extras_for(
    ctx: AppContext, kind: str, updates: QWidget | None, parent: QWidget
) -> ExtrasTabs | None:
    """The tabs a form of ``kind`` shows under it (None for reference data)."""
    if kind not in ("projects", "residents", "ventures"):
        return None
    return ExtrasTabs(ctx, kind, updates, parent)
