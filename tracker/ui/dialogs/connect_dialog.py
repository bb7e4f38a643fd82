"""File › Connect to server…: the team's portfolio on a PostgreSQL server.

Host, port, database and login make a connection URL (``postgresql://user@host:port/db``)
that may be kept in the recent list; the password typed here is not part of it.
It is handed to the server for this session only (the window keeps it in memory to
reconnect) and never written to the settings or a log. With no password typed,
libpq's own files answer as they do for psql (``~/.pgpass``, ``PGPASSFILE``, a
service file). The dialog connects before it closes, so a server that cannot be
reached or a login refused is said here, and the person can correct what they typed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.services.changes import current_user
from tracker.ui.widgets.editors import ERROR_STYLE

DEFAULT_PORT = 5432

#: Passwords typed in this dialog, by the URL without password: for this session only
#: (a reopen from the recent list, the welcome screen or File › Open uses them), in
#: memory, never written to the settings or a log.
_session_passwords: dict[str, str] = {}


def remember_password(url: str, password: str | None) -> None:
    """Keep a password that connected to ``url`` for the rest of this session."""
    from tracker.store.opening import safe_target

    if password:
        _session_passwords[safe_target(url)] = password


def session_password(url: str) -> str | None:
    """The password typed for ``url`` earlier in this session, or None (libpq's files)."""
    from tracker.store.opening import safe_target

    return _session_passwords.get(safe_target(url))


def open_server(url: str, *, read_only: bool = False) -> Any:
    """The store of a server ``url`` (the recent list, File › Open, the welcome screen, the
    command line): with the password the URL carries, else the one typed earlier in this
    session, else libpq's files. A password the URL carries is then kept for the session
    like a typed one, so the recent list (which holds the URL without it) reopens it."""
    from tracker.store.opening import open_database, url_password

    own = url_password(url)
    store = open_database(url, read_only=read_only, password=own or session_password(url))
    remember_password(url, own)
    return store


def run(dialog: QDialog) -> bool:
    """Seam: show the dialog modally (tests drive it instead); True once connected."""
    return bool(dialog.exec())


def build_url(*, host: str, port: int, database: str, user: str) -> str:
    """A libpq connection URL without a password. A host that starts with / is a
    socket folder (libpq's convention), given as ``?host=``."""
    who = quote(user, safe="") + "@" if user else ""
    db = quote(database, safe="")
    host = host.strip()
    if not host or host.startswith("/"):
        query = ({"host": host} if host else {}) | ({"port": str(port)} if port else {})
        return f"postgresql://{who}/{db}" + ("?" + urlencode(query, safe="/") if query else "")
    name = f"[{host}]" if ":" in host else host
    return f"postgresql://{who}{name}:{port}/{db}"


def split_url(url: str) -> dict[str, Any]:
    """The dialog's fields of a URL (what build_url makes, or one typed by hand)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    port = parts.port or query.get("port") or DEFAULT_PORT
    return {
        "host": parts.hostname or query.get("host", ""),
        "port": int(port),
        "database": unquote(parts.path.lstrip("/")),
        "user": unquote(parts.username or query.get("user", "")),
    }


class ConnectDialog(QDialog):
    """Asks for the server and connects; ``store`` holds the open portfolio on accept."""

    def __init__(self, parent: QWidget | None = None, *, url: str = "", error: str = ""):
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to server"))
        self.store: Any = None
        self.password_used: str | None = None
        intro = QLabel(
            self.tr("The team's portfolio on a PostgreSQL server. Leave the password empty "
                    "when your ~/.pgpass or service file holds it; a password typed here is "
                    "used for this session only and never saved."), self)  # fmt: skip
        intro.setWordWrap(True)
        self.host = QLineEdit(self, objectName="host")
        self.host.setPlaceholderText(self.tr("localhost (or a socket folder)"))
        self.port = QSpinBox(self, objectName="port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self, objectName="database")
        self.user = QLineEdit(self, objectName="user")
        self.user.setPlaceholderText(current_user())
        self.password = QLineEdit(self, objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: from ~/.pgpass or the service file"))
        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        self.error = QLabel(self, objectName="connectError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("&Connect"))
        self.connect_button.setObjectName("connectButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if url:
            fields = split_url(url)
            self.host.setText(fields["host"])
            self.port.setValue(fields["port"])
            self.database.setText(fields["database"])
            self.user.setText(fields["user"])
        if error:
            self.say(error)
        (self.password if url else self.host).setFocus()

    def url(self) -> str:
        return build_url(host=self.host.text(), port=self.port.value(),
                         database=self.database.text().strip(),
                         user=self.user.text().strip() or current_user())  # fmt: skip

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        """Connect; on success close with ``store`` set, else say why and stay open."""
        from tracker.store import StoreError
        from tracker.store.opening import open_database

        if not self.database.text().strip():
            self.say(self.tr("Database: enter the name of the server database."))
            self.database.setFocus()
            return
        password = self.password.text() or None  # None: libpq's ~/.pgpass or service file
        self.say(self.tr("Connecting…"))
        self.connect_button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.repaint()
        try:
            self.store = open_database(self.url(), password=password)
        except (StoreError, OSError) as exc:
            self.say(str(exc))
            self.password.selectAll()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.connect_button.setEnabled(True)
        self.password_used = password
        remember_password(self.store.url, password)
        self.password.clear()
        self.say("")
        super().accept()
