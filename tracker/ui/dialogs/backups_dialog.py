"""The Backups dialog: the file's automatic and manual copies, newest first;
back up now, or restore one (the current file is itself backed up first).

Restoring replaces the database under the open window: the dialog clears the
undo history (it belongs to the replaced file), tells every pane to re-read
(``ctx.changed``) and emits ``restored(path)`` so the window can reopen the file
(needed when a damaged file was replaced rather than restored into).

Backing up and restoring run in the background (tracker.ui.operations) with a
progress bar; Cancel stops a backup (no file is left) or a restore while it
checks the backup and copies the current file (the file is then unchanged).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import maintenance
from tracker.services.changes import Change
from tracker.services.progress import Progress
from tracker.store import Store
from tracker.ui.operations import CollectionOp, ProgressPanel, QueryOp, failure_text

DATE_COL, REASON_COL, SIZE_COL = range(3)
#: Everything a restore may have changed, announced so open panes re-read it.
RESTORED_TABLES = ("countries", "sectors", "regions", "banks", "zones", "fx_rates", "projects",
                   "project_updates", "residents", "ventures")  # fmt: skip
PathRole = Qt.ItemDataRole.UserRole


# ------------------------------------------------------------------ seams for tests
def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No question; tests monkeypatch this instead of clicking a box."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def reason_text(reason: str) -> str:
    """The backup's reason as the person reads it."""
    tr = QCoreApplication.translate
    m = re.fullmatch(r"before-upgrade-v(\d+)", reason)
    if m:
        return tr("BackupsDialog", "Before upgrade from schema {n}").format(n=m[1])
    known = {
        "open": tr("BackupsDialog", "On open"),
        "close": tr("BackupsDialog", "On close"),
        "manual": tr("BackupsDialog", "Made by hand"),
        "before-restore": tr("BackupsDialog", "Before a restore"),
    }
    return known.get(reason, reason)


class BackupsDialog(QDialog):
    #: A backup was restored into this file: the window must reopen it.
    restored = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Backups"))
        store = ctx.store

        self.intro = QLabel(objectName="introLabel")
        self.intro.setWordWrap(True)
        if ctx.on_server:  # SQLite copies of the server portfolio, made by hand here
            self.intro.setText(self.tr(
                "SQLite copies of {name} in {folder}, each of one consistent moment. When "
                "the server cannot be reached, the program offers the newest one read-only. "
                "A server portfolio is not restored from here: copy a backup into a new "
                "database with tracker copy.").format(name=store.name, folder=str(self.folder)))  # fmt: skip
        else:
            self.intro.setText(
                self.tr(
                    "Copies of {name} in {folder}. One is made when the file is opened "
                    "(if it changed) and when it is closed after edits; the newest {keep} "
                    "automatic copies are kept."
                ).format(name=store.path.name, folder=str(self.folder), keep=store.keep_backups)
            )

        self.table = QTableWidget(0, 3, objectName="backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DATE_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SIZE_COL, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.status = QLabel(objectName="statusLabel")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backup_button = QPushButton(self.tr("Back up now"), objectName="backupNowButton")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"), objectName="restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeButton")
        self.close_button.clicked.connect(self.reject)
        if ctx.read_only:
            self.restore_button.setToolTip(
                self.tr("Restoring is off: {reason}").format(reason=store.read_only_reason)
            )

        self.progress = ProgressPanel(self)
        self.op: Any = None
        self.last_backup: Path | None = None
        self.last_safety: Path | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(560, 380)
        self.refresh()

    # ------------------------------------------------------------------ state
    @property
    def folder(self) -> Path:
        if getattr(self.ctx.store, "backup_dir", None) is None and self.ctx.on_server:
            from tracker import paths

            return paths.server_backups_dir()
        return Path(self.ctx.store.backup_dir)

    def backups(self) -> list[maintenance.Backup]:
        """Newest first."""
        db = self.ctx.store.path or Path(f"{self.ctx.stem}.sqlite3")  # a server's copies
        return maintenance.list_backups(db, self.folder)

    def refresh(self, *, select: Path | None = None) -> None:
        items = self.backups()
        loc = QLocale()
        self.table.setRowCount(len(items))
        for row, b in enumerate(items):
            when = QTableWidgetItem(b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
            when.setData(PathRole, str(b.path))
            when.setToolTip(str(b.path))
            size = QTableWidgetItem(loc.formattedDataSize(b.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, DATE_COL, when)
            self.table.setItem(row, REASON_COL, QTableWidgetItem(reason_text(b.reason)))
            self.table.setItem(row, SIZE_COL, size)
            if select is not None and b.path == select:
                self.table.selectRow(row)
        if not items:
            self.status.setText(self.tr("No backups yet."))
        self._update_buttons()

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Path(self.table.item(rows[0].row(), DATE_COL).data(PathRole))

    def _update_buttons(self) -> None:
        self._set_busy()

    # ---------------------------------------------------------------- actions
    def busy(self) -> bool:
        """Whether a backup or restore of this dialog is still running."""
        return self.op is not None and not self.op.delivered

    def _set_busy(self) -> None:
        self.backup_button.setEnabled(not self.busy())
        self.restore_button.setEnabled(
            not self.busy() and not self.ctx.read_only and not self.ctx.on_server
            and self.selected_path() is not None
        )  # fmt: skip

    def back_up_now(self) -> Any:
        """Copy the file now, in the background (SQLite's backup API, page by page);
        returns the operation. ``last_backup`` is the copy once it is written."""
        if self.busy():
            return None
        folder = self.folder

        def work(store: Store, progress: Progress) -> Path:
            return maintenance.backup(store, to=folder, progress=progress)

        self.last_backup = None
        op = QueryOp(self, self.ctx.store, work, title=self.tr("Backup"), long=True)
        op.success(self._backed_up).failure(self._backup_failed).on_cancelled(self._stopped)
        self.op = op.with_progress(self.progress).run_in_background()
        self._set_busy()
        return self.op

    def _backed_up(self, target: Path) -> None:
        self.last_backup = target
        self.refresh(select=target)
        self.status.setText(self.tr("Backup written: {name}").format(name=target.name))
        self._set_busy()

    def _backup_failed(self, exc: BaseException) -> None:
        self._set_busy()
        self.status.setText(self.tr("No backup was made: {error}").format(error=failure_text(exc)))
        warn(self, self.tr("Backup failed"), self.status.text())

    def _stopped(self) -> None:
        self._set_busy()
        self.status.setText(self.tr("Cancelled; nothing was changed."))

    def restore_selected(self) -> Any:
        """Restore the selected backup after asking, in the background; returns the
        operation (None if nothing was started). ``last_safety`` is then the safety copy
        of the replaced file."""
        source = self.selected_path()
        if source is None or self.ctx.read_only or self.ctx.on_server or self.busy():
            return None
        row = self.table.currentRow()
        when = self.table.item(row, DATE_COL).text() if row >= 0 else source.name
        text = self.tr(
            "Replace {name} with the backup of {when}?\n\nThe current file is backed up first, "
            "so this can be taken back by restoring that copy."
        ).format(name=self.ctx.store.path.name, when=when)
        if not ask(self, self.tr("Restore backup"), text):
            return None
        db, folder, user = self.ctx.store.path, self.folder, self.ctx.user

        def work(progress: Progress) -> Path | None:
            return maintenance.restore(db, source=source, backup_dir=folder, progress=progress,
                                       user=user)  # fmt: skip

        self.last_safety = None
        op = CollectionOp(self, self.ctx, work, title=self.tr("Restore"), store=False)
        op.success(lambda safety: self._restored(db, when, safety))
        op.failure(self._restore_failed).on_cancelled(self._stopped)
        self.op = op.with_progress(self.progress, cancellable=True).run_in_background()
        self._set_busy()
        return self.op

    def _restore_failed(self, exc: BaseException) -> None:
        self._set_busy()
        self.status.setText(self.tr("Not restored: {error}").format(error=failure_text(exc)))
        warn(self, self.tr("Restore failed"), self.status.text())

    def _restored(self, db: Path, when: str, safety: Path | None) -> None:
        self.last_safety = safety
        self.refresh(select=safety)
        self._set_busy()
        if safety is not None:
            self.status.setText(
                self.tr("Restored from the backup of {when}. The file it replaced was kept as {name}.")
                .format(when=when, name=safety.name)
            )  # fmt: skip
        else:
            self.status.setText(self.tr("Restored from the backup of {when}.").format(when=when))
        # The undo history belongs to the file that was replaced; every pane shows old rows.
        self.ctx.undo_stack.clear()
        for table in RESTORED_TABLES:
            self.ctx.changed.emit(Change(table, (), "import"))
        self.restored.emit(str(db))

    def reject(self) -> None:
        """Close; a backup or restore still running is cancelled first (a restore that has
        begun replacing the file cannot be: the dialog then stays until it is done)."""
        if self.busy() and not self.op.cancel():
            return
        super().reject()
