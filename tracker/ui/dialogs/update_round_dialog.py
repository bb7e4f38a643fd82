"""The update round: a month's progress for every active project in one grid.

Desk staff type row by row without the mouse: typing in a cell starts
editing it, Tab goes to the next editable cell (and on to the next row),
Enter goes down the column. Rows left blank are not updated. Save applies
everything as one undoable step (services.undo.RoundCommand) carrying each
project's version as read when the grid was filled, so a project changed
meanwhile is refused instead of overwritten. Errors are shown on the cells
they concern and in a list; nothing is written then.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.codelists import PROJECT_STATUSES
from tracker.domain.money import format_amount, from_minor, parse_decimal
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services import updates
from tracker.services.undo import RoundCommand
from tracker.ui import i18n
from tracker.ui.i18n import code_label
from tracker.ui.messages import tr_message
from tracker.ui.operations import ProgressPanel, failure_text, run_command

if TYPE_CHECKING:
    from tracker.ui.context import AppContext

# Columns: what the project is now (read-only), then what the user types.
COL_CODE, COL_NAME, COL_STATUS, COL_PROGRESS, COL_DISBURSED = range(5)
COL_NEW_STATUS, COL_NEW_PROGRESS, COL_NEW_DISBURSED, COL_NOTE = range(5, 9)
EDITABLE = (COL_NEW_STATUS, COL_NEW_PROGRESS, COL_NEW_DISBURSED, COL_NOTE)
#: Entry field -> grid column, for showing errors on the cell they concern.
FIELD_COLUMN = {
    "status": COL_NEW_STATUS,
    "progress_pct": COL_NEW_PROGRESS,
    "disbursed": COL_NEW_DISBURSED,
    "note": COL_NOTE,
    "project": COL_CODE,
    "project_id": COL_CODE,
}
ERROR_BRUSH = QBrush(QColor("#F6C4C4"))
INPUT_BRUSH = QBrush(QColor("#FFFFF0"))


def status_names() -> dict[str, str]:
    return {c: code_label(c) for c in PROJECT_STATUSES}


def status_code(text: str) -> str:
    """The status a person typed: a code or a name, or an unambiguous start of one.

    Unknown text is returned as typed, so the service's message names it.
    """
    s = text.strip().casefold()
    names = status_names()
    exact = [c for c in PROJECT_STATUSES if s in (c, names[c].casefold())]
    if exact:
        return exact[0]
    starts = {c for c in PROJECT_STATUSES if c.startswith(s) or names[c].casefold().startswith(s)}
    return starts.pop() if len(starts) == 1 else text.strip()


def field_label(field: str) -> str:
    t = QCoreApplication.translate
    return {
        "status": t("UpdateRound", "new status"),
        "progress_pct": t("UpdateRound", "progress %"),
        "disbursed": t("UpdateRound", "disbursed"),
        "note": t("UpdateRound", "note"),
        "project": t("UpdateRound", "project"),
        "project_id": t("UpdateRound", "project"),
        "as_of": t("UpdateRound", "as of"),
    }.get(field, field)


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Seam for tests: monkeypatch to answer instead of showing a box."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Discard


class StatusDelegate(QStyledItemDelegate):
    """A line editor that completes status names as they are typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:  # fmt: skip
        editor = QLineEdit(parent)
        names = status_names()
        completer = QCompleter([names[c] for c in PROJECT_STATUSES], editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        editor.setCompleter(completer)
        editor.setFrame(False)
        return editor


class RoundGrid(QTableWidget):
    """A table in which Tab skips the read-only columns and Enter goes down."""

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802 - Qt override
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:  # fmt: skip
        A = QAbstractItemView.CursorAction
        cur = self.currentIndex()
        if action in (A.MoveNext, A.MovePrevious) and cur.isValid():
            cells = [(r, c) for r in range(self.rowCount()) for c in EDITABLE]
            here = (cur.row(), cur.column())
            if here in cells:
                i = cells.index(here) + (1 if action == A.MoveNext else -1)
            else:
                after = [k for k, rc in enumerate(cells) if rc > here]
                i = after[0] if action == A.MoveNext and after else len(cells) - 1
            i = max(0, min(i, len(cells) - 1))
            return self.model().index(*cells[i])
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in an editor
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._down()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self._down()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            for item in self.selectedItems():
                if item.flags() & Qt.ItemFlag.ItemIsEditable:
                    item.setText("")
            event.accept()
            return
        super().keyPressEvent(event)

    def _down(self) -> None:
        cur = self.currentIndex()
        if cur.isValid() and cur.row() + 1 < self.rowCount():
            self.setCurrentCell(cur.row() + 1, cur.column())


class UpdateRoundDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 as_of: str | None = None):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("updateRoundDialog")
        self.setWindowTitle(self.tr("Update round"))
        self.ctx = ctx
        #: The Change of the saved round (None until Save succeeded).
        self.saved_change = None
        self.projects: list[dict[str, Any]] = []
        self._marked: set[tuple[int, int]] = set()

        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("as_of")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat(i18n.date_format())  # 27.11.2026 in Russian
        date = QDate.fromString(as_of or ctx.as_of, "yyyy-MM-dd")
        self.as_of_edit.setDate(date if date.isValid() else QDate.currentDate())
        self.as_of_edit.setMinimumWidth(140)
        as_of_label = QLabel(self.tr("&As of:"), self)
        as_of_label.setBuddy(self.as_of_edit)
        form = QHBoxLayout()
        form.addWidget(as_of_label)
        form.addWidget(self.as_of_edit)
        form.addStretch(1)

        hint = QLabel(
            self.tr(
                "Type the new values of each project; rows left blank are not updated. "
                "Tab goes to the next cell, Enter down the column, Ctrl+S saves."
            ),
            self,
        )
        hint.setWordWrap(True)

        self.grid = RoundGrid(0, len(EDITABLE) + 5, self)
        self.grid.setObjectName("roundGrid")
        self.grid.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Status"), self.tr("Progress"),
            self.tr("Disbursed"), self.tr("New status"), self.tr("New progress, %"),
            self.tr("New disbursed"), self.tr("Note"),
        ])  # fmt: skip
        for col, tip in (
            (
                COL_NEW_STATUS,
                self.tr("Type a status or its first letters; blank keeps the current"),
            ),
            (COL_NEW_PROGRESS, self.tr("0 to 100; blank keeps the current progress")),
            (COL_NEW_DISBURSED, self.tr("Total disbursed so far, in the project's currency")),
        ):
            self.grid.horizontalHeaderItem(col).setToolTip(tip)
        self.grid.setItemDelegateForColumn(COL_NEW_STATUS, StatusDelegate(self.grid))
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setTabKeyNavigation(True)
        self.grid.setAlternatingRowColors(False)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setWordWrap(False)
        self.grid.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.grid.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.grid.itemChanged.connect(self._on_item_changed)

        self.errors = QListWidget(self)
        self.errors.setObjectName("roundErrors")
        self.errors.setMaximumHeight(110)
        self.errors.setStyleSheet("color: #9B1C1C;")
        self.errors.hide()
        self.errors.itemActivated.connect(self._go_to_error)
        self.errors.itemClicked.connect(self._go_to_error)

        self.status = QLabel(self)
        self.status.setObjectName("roundSummary")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveRound")
        self.reload_button = self.buttons.addButton(
            self.tr("&Reload projects"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reload_button.setObjectName("reloadRound")
        self.reload_button.setToolTip(
            self.tr("Read the projects again (after someone else changed them); typed values stay")
        )
        self.reload_button.clicked.connect(self.reload)
        for b in self.buttons.buttons():
            b.setAutoDefault(False)  # Enter belongs to the grid, never saves by accident
            b.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.status)
        self.progress = ProgressPanel(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(1240, 680)
        self.op: Any = None
        self.saved: bool | None = None

        if ctx.read_only:
            self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.save_button.setEnabled(False)
            ro = QLabel(
                self.tr(
                    "This file is open read-only ({reason}); the round cannot be saved."
                ).format(reason=ctx.store.read_only_reason or self.tr("read-only")),
                self,
            )
            ro.setObjectName("readOnlyReason")
            ro.setWordWrap(True)
            layout.insertWidget(1, ro)
        self.fill()

    # --- grid -------------------------------------------------------------------------

    def fill(self) -> None:
        """(Re)load the active projects and their versions; clears what was typed."""
        self.projects = updates.round_projects(self.ctx.store)
        names = status_names()
        self.grid.blockSignals(True)
        self.grid.clearContents()
        self.grid.setRowCount(len(self.projects))
        editable = not self.ctx.read_only
        loc = QLocale()  # separators of the window's language
        sep = {"group": loc.groupSeparator(), "point": loc.decimalPoint()}
        for r, p in enumerate(self.projects):
            disbursed = format_amount(from_minor(p["disbursed"] or 0), **sep)
            amount = format_amount(from_minor(p["amount"] or 0), **sep)
            progress = "" if p["progress_pct"] is None else f"{p['progress_pct']} %"
            cells = (
                (p["code"], None),
                (p["name"], p["name"]),
                (names.get(p["status"], p["status"]), None),
                (progress, None),
                (f"{disbursed} {p['currency']}",
                 self.tr("{disbursed} of {amount} {currency} committed").format(
                     disbursed=disbursed, amount=amount, currency=p["currency"])),
            )  # fmt: skip
            for c, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if tip:
                    item.setToolTip(tip)
                if c in (COL_PROGRESS, COL_DISBURSED):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.grid.setItem(r, c, item)
            for c in EDITABLE:
                item = QTableWidgetItem("")
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if editable:
                    flags |= Qt.ItemFlag.ItemIsEditable
                    item.setBackground(INPUT_BRUSH)
                item.setFlags(flags)
                if c in (COL_NEW_PROGRESS, COL_NEW_DISBURSED):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.grid.setItem(r, c, item)
        self.grid.blockSignals(False)
        self.grid.resizeColumnsToContents()
        self.grid.setColumnWidth(COL_NAME, min(self.grid.columnWidth(COL_NAME), 280))
        for c, w in ((COL_NEW_STATUS, 130), (COL_NEW_PROGRESS, 110), (COL_NEW_DISBURSED, 140)):
            self.grid.setColumnWidth(c, max(self.grid.columnWidth(c), w))
        self._clear_errors()
        if self.projects:
            self.grid.setCurrentCell(0, COL_NEW_STATUS)
        self._update_summary()

    def typed(self) -> dict[int, tuple[str, ...]]:
        """Project id -> the texts typed in its editable cells, for rows with any."""
        out = {}
        for r, p in enumerate(self.projects):
            texts = tuple(self.grid.item(r, c).text() for c in EDITABLE)
            if any(t.strip() for t in texts):
                out[p["id"]] = texts
        return out

    def reload(self) -> None:
        """Read the projects and their versions again, keeping what was typed."""
        kept = self.typed()
        self.fill()
        self.grid.blockSignals(True)
        for r, p in enumerate(self.projects):
            for c, text in zip(EDITABLE, kept.get(p["id"], ()), strict=False):
                self.grid.item(r, c).setText(text)
        self.grid.blockSignals(False)
        self._update_summary()

    def reject(self) -> None:
        """Cancel, after asking when typed values would be lost. A save still running is
        cancelled instead (the values stay for another try); once it commits it cannot
        be, and the dialog closes when the round is saved."""
        if self.busy():
            self.op.cancel()
            return
        n = len(self.typed())
        if n and not ask(
            self,
            self.tr("Discard the update round?"),
            self.tr("%n row(s) have new values that are not saved. Discard them?", "", n),
        ):
            return
        super().reject()

    def entries(self) -> tuple[list[dict[str, Any]], list[int]]:
        """What was typed: one entry per filled row, and the grid row of each entry."""
        out: list[dict[str, Any]] = []
        rows: list[int] = []
        for r, p in enumerate(self.projects):
            status, progress, disbursed, note = (
                self.grid.item(r, c).text().strip() for c in EDITABLE
            )
            if not (status or progress or disbursed or note):
                continue
            e: dict[str, Any] = {"project_id": p["id"], "version": p["version"]}
            if status:
                e["status"] = status_code(status)
            if progress:
                e["progress_pct"] = progress.rstrip("%").strip()
            if disbursed:
                e["disbursed"] = disbursed
            if note:
                e["note"] = note
            out.append(e)
            rows.append(r)
        return out, rows

    def as_of(self) -> str:
        return self.as_of_edit.date().toString("yyyy-MM-dd")

    # --- saving -----------------------------------------------------------------------

    def save(self) -> bool:
        """Apply the round as one undoable step, in the background with a progress bar;
        on errors mark the cells and write nothing. False when nothing was started;
        ``saved`` tells the outcome once the work is done."""
        if self.ctx.read_only or self.busy():
            return False
        editor = self.grid.indexWidget(self.grid.currentIndex())
        if editor is not None:
            # Keep the cell being typed in, as a person expects when pressing Ctrl+S.
            self.grid.commitData(editor)
            self.grid.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self._clear_errors()
        self.saved = None
        entries, rows = self.entries()
        if not entries:
            self._show_errors([(None, None, self.tr("Nothing to save: no row has a new value."))])
            self.saved = False
            return False
        as_of = self.as_of()
        if not self._odd_ones_kept(entries, as_of):
            self.saved = False
            return False
        command = RoundCommand(
            as_of=as_of, entries=entries, user=self.ctx.user,
            text=self.tr("Update round {as_of} (%n project(s))", "", len(entries)).format(
                as_of=i18n.format_date(as_of)),
        )  # fmt: skip
        op = run_command(self, self.ctx, command, panel=self.progress, cancellable=True)
        op.success(self._saved).failure(lambda exc: self._not_saved(exc, rows))
        op.on_cancelled(lambda: self._set_saved(False))
        self.op = op.run_in_background()
        self.save_button.setEnabled(False)
        return True

    def _odd_ones_kept(self, entries: list[dict[str, Any]], as_of: str) -> bool:
        """Ask before a round with unusual rows is kept (disbursed going down, …)."""
        from tracker.services.updates import oddities
        from tracker.ui.dialogs.add_update_dialog import confirm_odd, describe_oddity, odd_question

        by_id = {p["id"]: p for p in self.projects}
        found = []
        for e in entries:
            p = by_id[e["project_id"]]
            for o in oddities(self.ctx.store, project_id=p["id"], values={**e, "as_of": as_of}):
                found.append(f"{p['code']}: {describe_oddity(o, currency=p['currency'])}")
        if not found:
            return True
        return confirm_odd(self, self.tr("Unusual updates"),
                           odd_question(self.tr("This round"), found))  # fmt: skip

    def busy(self) -> bool:
        """Whether the round is still being saved."""
        return self.op is not None and not self.op.delivered

    def _set_saved(self, saved: bool) -> None:
        self.saved = saved
        self.save_button.setEnabled(not self.ctx.read_only)

    def _saved(self, change: Any) -> None:
        self.saved_change = change
        self._set_saved(True)
        super().accept()

    def _not_saved(self, exc: BaseException, rows: list[int]) -> None:
        self._set_saved(False)
        if isinstance(exc, ValidationErrors):
            self._show_errors([self._locate(e, rows) for e in exc.errors])
        else:
            self._show_errors([(None, None, self.tr("Not saved: {error}").format(
                error=failure_text(exc)))])  # fmt: skip

    def _locate(self, e: ValidationError, rows: list[int]) -> tuple[int | None, int | None, str]:
        grid_row = rows[e.row - 1] if e.row is not None and 0 < e.row <= len(rows) else None
        col = FIELD_COLUMN.get(e.field)
        what = field_label(e.field)
        if grid_row is None:
            return (
                None,
                None,
                self.tr("{field}: {message}").format(field=what, message=tr_message(e.message)),
            )
        code = self.projects[grid_row]["code"]
        text = self.tr("Row {row} ({code}), {field}: {message}").format(
            row=grid_row + 1, code=code, field=what, message=tr_message(e.message)
        )
        return grid_row, col if col is not None else COL_CODE, text

    def _show_errors(self, errors: list[tuple[int | None, int | None, str]]) -> None:
        self.grid.blockSignals(True)
        for row, col, text in errors:
            item = QListWidgetItem(text)
            if row is not None and col is not None:
                item.setData(Qt.ItemDataRole.UserRole, (row, col))
                cell = self.grid.item(row, col)
                cell.setBackground(ERROR_BRUSH)
                cell.setToolTip(text)
                self._marked.add((row, col))
            self.errors.addItem(item)
        self.grid.blockSignals(False)
        self.errors.show()
        first = next(((r, c) for r, c, _ in errors if r is not None and c is not None), None)
        if first:
            self.grid.setCurrentCell(*first)
            self.grid.scrollToItem(self.grid.item(*first))

    def _clear_errors(self) -> None:
        self.grid.blockSignals(True)
        for r, c in self._marked:
            self._unmark(r, c)
        self.grid.blockSignals(False)
        self._marked.clear()
        self.errors.clear()
        self.errors.hide()

    def _unmark(self, r: int, c: int) -> None:
        item = self.grid.item(r, c)
        if item is None:
            return
        item.setBackground(INPUT_BRUSH if c in EDITABLE and not self.ctx.read_only else QBrush())
        item.setToolTip(self.projects[r]["name"] if c == COL_NAME else "")

    def error_cells(self) -> set[tuple[int, int]]:
        """(row, column) of the cells marked as wrong."""
        return set(self._marked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        self._tidy(item)
        key = (item.row(), item.column())
        if key in self._marked:
            self.grid.blockSignals(True)
            self._unmark(*key)
            self.grid.blockSignals(False)
            self._marked.discard(key)
        self._update_summary()

    def _tidy(self, item: QTableWidgetItem) -> None:
        """Show a typed status by its name and a typed amount with its groups."""
        text = item.text().strip()
        tidy = text
        if text and item.column() == COL_NEW_STATUS:
            code = status_code(text)
            tidy = code_label(code) if code in PROJECT_STATUSES else text
        elif text and item.column() == COL_NEW_DISBURSED:
            try:
                d = parse_decimal(text)
            except ValueError:
                d = None  # left as typed; Save names the problem on this cell
            if d is not None and d == d.quantize(Decimal("0.01")):
                loc = QLocale()  # the window's language: 1 234,50 in Russian
                tidy = format_amount(d, group=loc.groupSeparator(), point=loc.decimalPoint())
        if tidy != item.text():
            self.grid.blockSignals(True)
            item.setText(tidy)
            self.grid.blockSignals(False)

    def _go_to_error(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if where:
            self.grid.setCurrentCell(*where)
            self.grid.setFocus()

    def _update_summary(self) -> None:
        filled = len(self.entries()[0])
        self.status.setText(
            self.tr("{n} active projects; {filled} rows to update.").format(
                n=len(self.projects), filled=filled
            )
        )
