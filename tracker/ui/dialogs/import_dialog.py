"""File › Import…: choose a file and a kind, see every row with each bad cell
marked and why, then import all or nothing as one undoable step.

Reading and checking the file, and the import itself, run in the background
(tracker.ui.operations) with a progress bar; Cancel (or closing the dialog)
before the import commits writes nothing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import kind_of
from tracker.domain.validation import ValidationError
from tracker.services import importer
from tracker.services.import_command import ImportCommand, ImportOutcome, run_import
from tracker.services.progress import Progress
from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.formatting import format_count
from tracker.ui.messages import tr_message
from tracker.ui.operations import CollectionOp, ProgressPanel, QueryOp, show_failure
from tracker.ui.undo import UndoableCommand

log = logging.getLogger(__name__)

#: Rows shown in the preview; every problem is listed whatever the file's size.
PREVIEW_ROWS = 2000
#: Preview rows filled per turn of the event loop.
PREVIEW_SLICE = 100
BAD_CELL = QColor("#F8D0D0")
BAD_TEXT = QColor("#C00000")
ROW_COLOURS = {"insert": QColor("#E3F2E1"), "update": QColor("#FFF4CC")}


def choose_file(parent: QWidget | None, caption: str, start: str) -> str:
    """Seam for tests: the file to import ('' when cancelled)."""
    filters = QCoreApplication.translate(
        "ImportDialog", "Spreadsheets and data (*.csv *.xlsx *.json);;All files (*)"
    )
    path, _ = QFileDialog.getOpenFileName(parent, caption, start, filters)
    return path


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.ctx = ctx
        self.plan: importer.ImportPlan | None = None
        self.command: ImportCommand | None = None
        self.setWindowTitle(self.tr("Import"))
        self.resize(960, 640)
        lay = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:"), self))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Choose a CSV, XLSX or JSON file"))
        top.addWidget(self.path_edit, 1)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(self.choose)
        top.addWidget(self.choose_button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Kind:"), self))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("importKind")
        for key, label in (
            ("projects", self.tr("Projects")),
            ("project_updates", self.tr("Project updates")),
            ("disbursement_plans", self.tr("Disbursement plans")),
            ("residents", self.tr("Residents")),
            ("ventures", self.tr("Joint ventures")),
            ("banks", self.tr("Banks")),
            ("zones", self.tr("Zones")),
            ("fx_rates", self.tr("FX rates")),
        ):
            self.kind_combo.addItem(label, key)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.kind_combo)
        lay.addLayout(top)
        from tracker.ui.dialogs.import_extras import add_extras

        add_extras(self, lay, top)  # template to fill in; the mapping step for unknown headers

        self.summary = QLabel(self.tr("Choose a file to see what it holds."), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.preview = QTableWidget(self)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(False)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        split.addWidget(self.preview)
        box = QWidget(self)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(self.tr("Problems"), box)
        bl.addWidget(self.problems_label)
        self.problems = QTableWidget(0, 3, box)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Rule")]
        )
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        self.problems.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.problems.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.problems.cellClicked.connect(self._show_problem)
        bl.addWidget(self.problems)
        split.addWidget(box)
        split.setSizes([420, 160])
        lay.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.reason = QLabel(self)
        self.reason.setObjectName("importReason")
        self.reason.setWordWrap(True)
        bottom.addWidget(self.reason, 1)
        self.progress = ProgressPanel(self)
        bottom.addWidget(self.progress, 2)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        bottom.addWidget(self.import_button)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.close_button)
        self.op: Any = None
        self._preview_job: Iterator[None] | None = None
        lay.addLayout(bottom)
        if ctx.read_only:
            self.reason.setText(
                self.tr("Importing is off: {reason}.").format(reason=ctx.store.read_only_reason)
            )

    # ---------------------------------------------------------------- actions
    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def choose(self) -> None:
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        path = choose_file(self, self.tr("Import a file"), start)
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path, kind: str | None = None) -> None:
        """Load ``path`` (and optionally pick the kind) and show the preview."""
        self.path_edit.setText(str(path))
        if kind is not None:
            i = self.kind_combo.findData(kind_of(kind).name)
            if i >= 0:
                self.kind_combo.blockSignals(True)
                self.kind_combo.setCurrentIndex(i)
                self.kind_combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Read and check the file again, in the background (nothing is written)."""
        self._let_go(self.plan)
        self.command = None
        path = self.path_edit.text()
        if not path:
            return
        if self.busy() and self.op.writes:
            return  # an import is under way: its own check decides
        kind = self.kind

        def check(store: Store, progress: Progress) -> importer.ImportPlan:
            return _summed(importer.plan_import(store, kind=kind, path=path, progress=progress))

        self.plan = None
        self._preview_job = None  # the preview of the file checked before
        op = QueryOp(self, self.ctx.store, check, title=self.tr("Import"), long=True)
        op.success(self._show_plan).with_progress(self.progress)
        self.op = op.superseding(("import-check", id(self))).run_in_background()
        self._update_state()

    def busy(self) -> bool:
        """Whether a check or an import of this dialog is still running (or its preview
        still being filled)."""
        return (self.op is not None and not self.op.delivered) or self._preview_job is not None

    def _show_plan(self, plan: importer.ImportPlan) -> None:
        self.plan = plan
        self.mapping_panel.show_plan(plan)
        self._fill_preview(plan)
        self._fill_problems(plan)
        self._update_state()

    def headline(self, plan: importer.ImportPlan) -> str:
        """The summary's first line, as the command line says it (importer.headline), in the
        window's language: what would be written, or why nothing is, and where checking
        stopped out of how many rows."""
        f = plan.facts()
        n = {k: format_count(v) for k, v in f.items() if isinstance(v, int) and k != "kind"}
        if f["stopped_at"] is not None:
            return self.tr(
                "Stopped after {problems} problems at row {row} of {last}; nothing was imported."
            ).format(problems=n["problems"], row=n["stopped_at"], last=n["last_row"])
        if f["problems"] and not f["bad_rows"]:
            return self.tr("{file} cannot be imported: {problem}.").format(
                file=f["file"], problem=tr_message(f["first_problem"])
            )
        if f["problems"]:
            return self.tr(
                "{problems} problem(s) in {bad} of {rows} rows of {file}; nothing was imported."
            ).format(problems=n["problems"], bad=n["bad_rows"], rows=n["rows"], file=f["file"])
        return self.tr(
            "{rows} rows of {file}: {new} new, {changed} changed, {same} unchanged ({source})."
        ).format(rows=n["rows"], file=f["file"], new=n["insert"], changed=n["update"],
                 same=n["skip"], source=plan.source.description)  # fmt: skip

    def _update_state(self) -> None:
        plan = self.plan
        if plan is None or self.busy():
            self.import_button.setEnabled(False)
            return
        c = plan.counts()
        self.summary.setText(self.headline(plan))
        self.summary.setStyleSheet("color: #C00000;" if plan.errors else "")
        self.problems_label.setText(self.tr("Problems: {n}").format(n=len(plan.errors)))
        can = (not plan.errors and (c["insert"] + c["update"]) > 0 and not self.ctx.read_only
               and self.command is None)  # fmt: skip
        self.import_button.setEnabled(can)
        if not plan.errors and not (c["insert"] + c["update"]) and self.command is None:
            self.reason.setText(self.tr("Nothing to import: every row is already in the database."))

    def do_import(self) -> None:
        """Check the file again (the database may have changed since the preview) and
        import it, in the background; the Change is announced when it is committed."""
        if self.plan is None or self.plan.errors or self.busy():
            return
        path, kind, user = self.path_edit.text(), self.kind, self.ctx.user
        name = Path(path).name
        text = self.tr("Import {file}").format(file=name)

        def work(store: Store, progress: Progress) -> ImportOutcome:
            done = run_import(store, kind=kind, path=path, user=user, text=text, progress=progress)
            _summed(done.plan)
            return done

        op = CollectionOp(self, self.ctx, work, title=self.tr("Import refused"))
        op.before_announce = self._push_undo
        op.success(self._imported).on_cancelled(self._import_cancelled)
        op.failure(self._import_failed)
        self.op = op.with_progress(self.progress, cancellable=True).run_in_background()
        self.reason.setText("")
        self._update_state()

    def _let_go(self, plan: importer.ImportPlan | None) -> None:
        """Free a preview's plan on a worker, a bite at a time (ImportPlan.release): dropped
        here at once, its million cells would hold the window for a tenth of a second. The
        plan of a written import stays whole: its undo keeps it."""
        if plan is None or (self.command is not None and plan is self.command.plan):
            return
        self.plan = None
        QueryOp(self, None, lambda _progress: plan.release(), title="release").failure(
            lambda exc: log.info("import preview not released: %s", exc)
        ).run_in_background()

    def _push_undo(self, done: ImportOutcome) -> None:
        if done.command is not None:
            self.ctx.undo_stack.push(UndoableCommand(self.ctx, done.command, applied=True))

    def _imported(self, done: ImportOutcome) -> None:
        self._let_go(self.plan)  # the preview's plan: the import checked the file again
        plan = self.plan = done.plan
        if done.command is None:  # the second check found problems: nothing was written
            self._show_plan(plan)
            return
        self.command = done.command
        c = plan.counts()
        self.reason.setText(
            self.tr(
                "Imported {new} new and {changed} changed rows from {file}. Edit › Undo takes "
                "the whole import back."
            ).format(new=c["insert"], changed=c["update"], file=Path(plan.path).name)  # fmt: skip
        )
        self._update_state()

    def _import_cancelled(self) -> None:
        self.reason.setText(self.tr("Import cancelled; nothing was written."))
        self._update_state()

    def _import_failed(self, exc: BaseException) -> None:
        self._update_state()
        show_failure(self, exc, self.tr("Import refused"))

    def reject(self) -> None:
        """Close; a check or import still running is cancelled first. Once an import
        commits it can no longer be cancelled: the dialog then stays until it is done."""
        if self.busy() and not self.op.cancel():
            return
        self._preview_job = None
        self._let_go(self.plan)
        super().reject()

    # ---------------------------------------------------------------- display
    def _column_of(self, plan: importer.ImportPlan, name: str) -> int | None:
        cols = plan.source.columns
        norm = [c.strip().lower().replace(" ", "_") for c in cols]
        key = name.strip().lower().replace(" ", "_")
        if key in norm:
            return norm.index(key)
        try:
            f = kind_of(plan.kind).field(name)
        except KeyError:
            return None
        for alias in (f.name, f.column):
            if alias in norm:
                return norm.index(alias)
        return None

    def _fill_preview(self, plan: importer.ImportPlan) -> None:
        """Show the plan's first rows, a slice per turn of the event loop (filling 2,000
        rows at once would hold the window for half a second)."""
        self._preview_job = self._preview_slices(plan)
        self._next_preview_slice()

    def _next_preview_slice(self) -> None:
        job = self._preview_job
        if job is None:
            return
        try:
            next(job)
        except StopIteration:
            self._preview_job = None
            self._update_state()
            return
        QTimer.singleShot(0, self, self._next_preview_slice)

    def _preview_slices(self, plan: importer.ImportPlan) -> Iterator[None]:
        src = plan.source
        shown = _Head(src.rows, PREVIEW_ROWS)  # rows made as they are shown, a slice at a time
        t = self.preview
        t.clear()
        t.setColumnCount(len(src.columns) + 1)
        t.setRowCount(len(shown))
        t.setHorizontalHeaderLabels([self.tr("Action"), *src.columns])
        t.setVerticalHeaderLabels([str(src.first_row + i) for i in range(len(shown))])
        head = plan.head(src.first_row + len(shown) - 1)
        actions = {p.row: p.action for p in head}
        labels = {
            "insert": self.tr("new"),
            "update": self.tr("changed"),
            "skip": self.tr("unchanged"),
        }
        bad_rows = {e.row for e in plan.errors if e.row is not None}
        for i, raw in enumerate(shown):
            if i and not i % PREVIEW_SLICE:
                if i == PREVIEW_SLICE:
                    _size_columns(t)  # from the first rows: measuring all would hold the window
                yield
            rownum = src.first_row + i
            action = actions.get(rownum)
            item = QTableWidgetItem(
                self.tr("error") if rownum in bad_rows else labels.get(action or "", "")
            )
            if rownum in bad_rows:
                item.setForeground(QBrush(BAD_TEXT))
            elif action in ROW_COLOURS:
                item.setBackground(QBrush(ROW_COLOURS[action]))
            t.setItem(i, 0, item)
            for j, col in enumerate(src.columns):
                v = raw.get(col)
                t.setItem(i, j + 1, QTableWidgetItem("" if v is None else str(v)))
        for p in head:  # the cells an upsert will change
            i = p.row - src.first_row
            if p.action != "update" or not 0 <= i < len(shown):
                continue
            for name in p.changes:
                j = self._column_of(plan, name)
                if j is not None:
                    t.item(i, j + 1).setBackground(QBrush(ROW_COLOURS["update"]))
                    t.item(i, j + 1).setToolTip(self.tr("changes the stored value"))
        for e in plan.errors:
            j = self._column_of(plan, e.field)
            if e.row is None or e.row < src.first_row:  # a header problem: mark the column
                if j is not None:
                    head = t.horizontalHeaderItem(j + 1)
                    head.setForeground(QBrush(BAD_TEXT))
                    head.setToolTip(e.message)
                continue
            i = e.row - src.first_row
            if not 0 <= i < len(shown):
                continue
            cells = [j + 1] if j is not None else range(1, t.columnCount())
            for c in cells:
                item = t.item(i, c)
                item.setBackground(QBrush(BAD_CELL))
                tip = f"{e.field}: {tr_message(e.message)}"
                item.setToolTip(f"{item.toolTip()}\n{tip}" if item.toolTip() else tip)
        if len(shown) <= PREVIEW_SLICE:
            _size_columns(t)

    def _fill_problems(self, plan: importer.ImportPlan) -> None:
        p = self.problems
        p.setRowCount(len(plan.errors))
        for i, e in enumerate(sorted(plan.errors, key=_problem_order)):
            p.setItem(i, 0, QTableWidgetItem("" if e.row is None else str(e.row)))
            p.setItem(i, 1, QTableWidgetItem(e.field))
            p.setItem(i, 2, QTableWidgetItem(tr_message(e.message)))

    def _show_problem(self, row: int, _col: int) -> None:
        if self.plan is None:
            return
        text = self.problems.item(row, 0).text()
        field = self.problems.item(row, 1).text()
        if not text.isdigit():
            return
        i = int(text) - self.plan.source.first_row
        j = self._column_of(self.plan, field)
        if 0 <= i < self.preview.rowCount():
            self.preview.setCurrentCell(i, (j + 1) if j is not None else 0)


def _problem_order(e: ValidationError) -> tuple[int, str]:
    return (e.row if e.row is not None else 0, e.field)


class _Head:
    """The first ``n`` rows of a file's rows, each made when it is asked for."""

    def __init__(self, rows: Any, n: int):
        self.rows, self.n = rows, min(n, len(rows))

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[Any]:
        return (self.rows[i] for i in range(self.n))


def _size_columns(t: QTableWidget) -> None:
    """The preview's columns as wide as their text in the first rows (at most 260 px)."""
    t.verticalHeader().setResizeContentsPrecision(PREVIEW_SLICE)
    t.resizeColumnsToContents()
    for j in range(t.columnCount()):
        t.setColumnWidth(j, min(t.columnWidth(j), 260))


def _summed(plan: importer.ImportPlan) -> importer.ImportPlan:
    """The plan with what the dialog shows of it counted, on the worker's thread: the
    window's thread then reads the numbers instead of walking every planned row."""
    plan.counts()
    plan.head(plan.source.first_row + PREVIEW_ROWS - 1)
    return plan
