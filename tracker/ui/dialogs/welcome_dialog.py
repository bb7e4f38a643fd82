"""The first-run screen: there is no database yet, so offer the demo
portfolio, a new empty database, or an existing file (and the recent ones).

The dialog only chooses; the caller opens or creates the database, so the
same choice works from the command line, the welcome screen and File › Open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import paths
from tracker.ui.resources import app_icon
from tracker.ui.settings import Settings

DB_SUFFIX = ".sqlite3"


def open_file_name(parent: QWidget | None, title: str, start: str, filters: str,
                   urls: bool = False) -> str:  # fmt: skip
    """Seam: an Open dialog (tests monkeypatch this); "" when cancelled. With ``urls``
    a connection URL typed as the file name (postgresql://…) is returned as typed."""
    if not urls:
        return QFileDialog.getOpenFileName(parent, title, start, filters)[0]
    dialog = _OpenOrUrl(parent, title, start, filters)
    try:
        return dialog.name if dialog.exec() else ""
    finally:
        dialog.deleteLater()


class _OpenOrUrl(QFileDialog):
    """An existing file, or a server's connection URL typed in the name field (Qt's own
    dialog: a platform's native one cannot be asked what was typed)."""

    def __init__(self, parent: QWidget | None, title: str, start: str, filters: str):
        super().__init__(parent, title, start, filters)
        self.setOption(QFileDialog.Option.DontUseNativeDialog)
        self.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.name = ""

    def typed(self) -> str:
        from PySide6.QtWidgets import QLineEdit

        edit = self.findChild(QLineEdit, "fileNameEdit")
        return edit.text().strip() if edit is not None else ""

    def accept(self) -> None:
        from tracker.store.opening import is_server

        if is_server(self.typed()):
            self.name = self.typed()
            QDialog.accept(self)  # not a file: the dialog's file checks do not apply
            return
        super().accept()
        files = self.selectedFiles()
        self.name = files[0] if files and self.result() else ""


def save_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    """Seam: a Save-as dialog for a new file (tests monkeypatch this); "" when cancelled."""
    return QFileDialog.getSaveFileName(parent, title, start, filters)[0]


@dataclass(frozen=True)
class WelcomeChoice:
    """What the user picked: "demo" (create it if missing), "new" (create an
    empty database at path), "open" (an existing file) or "server" (the team's
    server at ``url``, without password; ``store`` when Connect to server… opened it)."""

    action: str
    path: Path
    url: str = ""
    store: Any = None


class WelcomeDialog(QDialog):
    """Three big choices and the recent files; ``choice`` is set on accept."""

    def __init__(self, parent: QWidget | None = None, *, settings: Settings | None = None):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.settings = settings or Settings()
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle(self.tr("Welcome to Investment Tracker"))
        self.setWindowIcon(app_icon())

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        heading = QLabel(
            "<h2>{title}</h2><p>{text}</p>".format(
                title=self.tr("Welcome"),
                text=self.tr(
                    "Projects, park residents and ventures are kept in one database file on this "
                    "computer. Start with the demo portfolio to look around, or with your own file."
                ),
            )
        )
        heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(heading, 1)

        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo portfolio"),
            self.tr(
                "Belarus–China projects, Great Stone residents and ventures, to try things out"
            ),
            objectName="openDemo",
        )
        self.new_button = QCommandLinkButton(
            self.tr("New empty database…"),
            self.tr(
                "Start your own portfolio; reference data (countries, sectors, banks) is included"
            ),
            objectName="newDatabase",
        )
        self.open_button = QCommandLinkButton(
            self.tr("Open a file…"),
            self.tr("A database file you or a colleague already have"),
            objectName="openFile",
        )
        self.server_button = QCommandLinkButton(
            self.tr("Connect to a server…"),
            self.tr("The team's portfolio on a PostgreSQL server"),
            objectName="connectServer",
        )
        self.demo_button.clicked.connect(self.choose_demo)
        self.new_button.clicked.connect(self.choose_new)
        self.open_button.clicked.connect(self.choose_open)
        self.server_button.clicked.connect(self.choose_server)

        self.recent = QListWidget(objectName="recentFiles")
        self.recent_label = QLabel(self.tr("Recent files:"))
        self.recent_label.setBuddy(self.recent)
        from tracker.store.opening import display_name

        for p in self.settings.recent_databases:
            if isinstance(p, str):  # a team server (its URL, no password)
                item = QListWidgetItem(display_name(p))
            else:
                item = QListWidgetItem(f"{p.name}  —  {p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
            self.recent.addItem(item)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.setMaximumHeight(180)
        has_recent = self.recent.count() > 0
        self.recent.setVisible(has_recent)
        self.recent_label.setVisible(has_recent)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.new_button)
        layout.addWidget(self.open_button)
        layout.addWidget(self.server_button)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _filters(self) -> str:
        return self.tr("Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)")

    def _done(self, action: str, path: Path) -> None:
        self.choice = WelcomeChoice(action, path)
        self.accept()

    def choose_demo(self) -> None:
        self._done("demo", paths.demo_db())

    def choose_new(self) -> None:
        start = str(paths.default_db())
        name = save_file_name(self, self.tr("New database"), start, self._filters())
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(DB_SUFFIX)
        self._done("new", path)

    def choose_open(self) -> None:
        start = str(
            self.settings.recent_files[0].parent if self.settings.recent_files else paths.data_dir()
        )
        # A file, or a connection URL typed as its name (the team's server).
        name = open_file_name(self, self.tr("Open database"), start, self._filters(), True)
        if name:
            self._open_name(name)

    def choose_server(self) -> None:
        """Connect to server…: connected before the dialog closes (its password, if one
        was typed, kept for this session only)."""
        from tracker.ui.dialogs import connect_dialog

        url = next((u for u in self.settings.recent_databases if isinstance(u, str)), "")
        dialog = connect_dialog.ConnectDialog(self, url=url)
        try:
            if not connect_dialog.run(dialog) or dialog.store is None:
                return
            store = dialog.store
        finally:
            dialog.deleteLater()
        self.choice = WelcomeChoice("server", Path(), url=store.url, store=store)
        self.accept()

    def _open_name(self, name: str) -> None:
        from tracker.store.opening import is_server

        if is_server(name):
            self.choice = WelcomeChoice("server", Path(), url=name)
            self.accept()
            return
        self._done("open", Path(name))

    def _open_recent(self, item: QListWidgetItem) -> None:
        self._open_name(item.data(Qt.ItemDataRole.UserRole))
