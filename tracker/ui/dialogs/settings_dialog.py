"""Preferences: language, reporting currency, the name in the audit log,
backups and the export folder. All values are checked before any is saved;
a bad one is named in the dialog and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.codelists import COMMON_CURRENCIES
from tracker.services.changes import current_user
from tracker.ui import i18n
from tracker.ui.settings import MAX_KEEP_BACKUPS, Settings, SettingsError


def choose_folder(parent: QWidget | None, title: str, start: str) -> str:
    """Seam: a folder picker (tests monkeypatch this); "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Seam: a yes/no question (tests monkeypatch this)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class _Relay(QObject):
    """Program-wide: whoever owns the window (tracker.ui.shell.Shell) listens here,
    so the dialog needs no reference to it."""

    restartRequested = Signal(str)


relay = _Relay()


class SettingsDialog(QDialog):
    """Edit the preferences; on OK, save them and apply them to the open window."""

    #: Emitted after a successful save.
    settingsChanged = Signal()
    #: The chosen language changed and the user wants the window rebuilt now.
    restartRequested = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None, *, settings: Settings | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.ctx = ctx
        self.settings = settings or Settings()
        self.setWindowTitle(self.tr("Settings"))

        self.language = QComboBox(objectName="language")
        system = i18n.LANGUAGES[i18n.system_language()]
        self.language.addItem(self.tr("System default ({language})").format(language=system), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)

        self.currency = QComboBox(objectName="currency")
        self.currency.setEditable(True)
        self.currency.addItems(list(COMMON_CURRENCIES))
        self.currency.lineEdit().setMaxLength(3)

        self.user_name = QLineEdit(objectName="userName")
        self.user_name.setPlaceholderText(current_user())
        self.user_name.setToolTip(self.tr("Written beside every change in the audit log"))

        self.backup_dir = QLineEdit(objectName="backupFolder")
        self.backup_dir.setPlaceholderText(self.tr("Beside the database"))
        self.keep_backups = QSpinBox(objectName="keepBackups")
        self.keep_backups.setRange(1, MAX_KEEP_BACKUPS)

        self.export_dir = QLineEdit(objectName="exportFolder")
        self.export_dir.setPlaceholderText(self.tr("Beside the database"))

        self.error = QLabel(objectName="errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Reporting &currency:"), self.currency)
        form.addRow(self.tr("&Your name in the audit log:"), self.user_name)
        form.addRow(self.tr("&Backup folder:"), self._with_browse(self.backup_dir, "browseBackup"))
        form.addRow(self.tr("Backups to &keep:"), self.keep_backups)
        form.addRow(self.tr("&Export folder:"), self._with_browse(self.export_dir, "browseExport"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.load()
        self.setMinimumWidth(520)

    def _with_browse(self, edit: QLineEdit, name: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), objectName=name)
        button.clicked.connect(lambda: self._browse(edit))
        row.addWidget(button)
        return box

    def _browse(self, edit: QLineEdit) -> None:
        start = edit.text() or str(Path.home())
        folder = choose_folder(self, self.tr("Choose a folder"), start)
        if folder:
            edit.setText(folder)

    def load(self) -> None:
        """Show the saved values."""
        s = self.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.currency.setCurrentText(s.currency)
        self.user_name.setText(s.user_name)
        self.backup_dir.setText(str(s.backup_dir) if s.backup_dir else "")
        self.keep_backups.setValue(s.keep_backups)
        self.export_dir.setText(str(s.export_dir) if s.export_dir else "")

    def save(self) -> bool:
        """Check and save everything, then apply it to the open program; False
        (with the reason shown, nothing saved) when a value is refused."""
        old_language = i18n.resolve(self.settings.language)
        try:
            self.settings.update(
                language=self.language.currentData() or "",
                currency=self.currency.currentText(),
                user_name=self.user_name.text(),
                backup_dir=self.backup_dir.text(),
                keep_backups=self.keep_backups.value(),
                export_dir=self.export_dir.text(),
            )
        except SettingsError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        self.apply_to_context()
        self.settingsChanged.emit()
        new_language = i18n.resolve(self.settings.language)
        if new_language != old_language and ask(
            self,
            self.tr("Language"),
            self.tr(
                "Rebuild the window now in the new language? Unsaved edits in the form are kept only if you save them first."
            ),
        ):
            self.restartRequested.emit(new_language)
            relay.restartRequested.emit(new_language)
        return True

    def apply_to_context(self) -> None:
        """The open window follows at once: who edits, the currency, the backups."""
        ctx, s = self.ctx, self.settings
        if ctx is None:
            return
        ctx.user = s.user_name or current_user()
        ctx.currency = s.currency
        store = getattr(ctx, "store", None)
        if store is not None and getattr(store, "path", None) is not None:
            from tracker.store import backups

            store.backup_dir = s.backup_dir or backups.default_dir(Path(store.path))
            store.keep_backups = s.keep_backups

    def accept(self) -> None:
        if self.save():
            super().accept()
