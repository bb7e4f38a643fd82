"""The program around the main window: the first-run welcome, File › Open…,
File › New database…, File › Recent files, Help › Keyboard shortcuts, and
rebuilding the window for another database or another language.

Why here and not in MainWindow: the window works on one store and one
language for its whole life (tr() runs when widgets are built); switching
either means a new window, which only something outside the window can do.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from tracker.ui import i18n
from tracker.ui.dialogs import settings_dialog, welcome_dialog
from tracker.ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog
from tracker.ui.resources import icon
from tracker.ui.settings import Settings

if TYPE_CHECKING:
    from tracker.store import Store


def run_welcome(prefs: Settings) -> WelcomeChoice | None:
    """Seam: show the first-run screen modally (tests monkeypatch this)."""
    dialog = WelcomeDialog(settings=prefs)
    try:
        return dialog.choice if dialog.exec() else None
    finally:
        dialog.deleteLater()


def error_box(parent: QWidget | None, title: str, text: str) -> None:
    """Seam: a database that cannot be opened (tests monkeypatch this)."""
    QMessageBox.critical(parent, title, text)


def is_first_run(*, db: str | None, demo: bool) -> bool:
    """No file named, no demo asked for, and the user's database does not exist yet."""
    from tracker import paths

    if db or demo:
        return False
    p = paths.default_db()
    return not (p.exists() and p.stat().st_size)


#: :func:`last_database`'s answer when the file open at the last close is no longer there.
GONE = ""


def last_database(prefs: Settings) -> str | None:
    """The file open when the program last closed, to open again at start; :data:`GONE`
    when it was moved or deleted since (the welcome screen then offers the choices), None
    when none was kept (the default file, or the welcome screen on a first run)."""
    if prefs.last_database is not None:
        return str(prefs.last_database)
    return GONE if prefs.last_database_kept else None


def open_choice(choice: WelcomeChoice, *, read_only: bool = False) -> Store:
    """Open what the welcome screen (or File › Open/New) chose; raises StoreError/OSError."""
    from tracker.store import Store
    from tracker.ui.opening import open_store

    if choice.action == "server":  # the team's server (Connect to server… opened it already)
        if choice.store is not None:
            return choice.store
        from tracker.ui.dialogs import connect_dialog

        return connect_dialog.open_server(choice.url, read_only=read_only)
    if choice.action == "demo":
        return open_store(db=None, demo=True, read_only=read_only)
    if choice.action == "new":
        choice.path.parent.mkdir(parents=True, exist_ok=True)
        return Store.open(choice.path, create=True)
    return open_store(db=str(choice.path), demo=False, read_only=read_only)


class Shell(QObject):
    """Owns the main window and its store; builds a new window when either changes."""

    def __init__(self, app: QApplication, prefs: Settings, *, read_only: bool = False):
        super().__init__()
        self.app = app
        self.prefs = prefs
        self.read_only = read_only
        self.window = None
        self.store: Store | None = None
        self._help: QWidget | None = None
        # queued: the dialog finishes its accept() before its window is replaced
        settings_dialog.relay.restartRequested.connect(
            self.rebuild, Qt.ConnectionType.QueuedConnection
        )

    # --- building ---------------------------------------------------------------------

    def show(self, store: Store):
        """Build the window for a store (the settings applied), show it, remember the file."""
        from tracker.services.changes import current_user
        from tracker.store import backups
        from tracker.ui.context import AppContext
        from tracker.ui.main_window import MainWindow

        self.store = store
        ctx = AppContext(
            store, user=self.prefs.user_name or current_user(), currency=self.prefs.currency
        )
        on_server = store.path is None  # a team server: its copies are made on demand
        if not on_server:
            store.backup_dir = self.prefs.backup_dir or backups.default_dir(Path(store.path))
        else:
            from tracker.ui.opening import server_backup_folders

            store.backup_dir = server_backup_folders(self.prefs.backup_dir)[0]
        store.keep_backups = self.prefs.keep_backups
        win = MainWindow(ctx)
        win.storeReplaced.connect(self._store_replaced)
        self.install(win)
        self.window = win
        win.show()
        with contextlib.suppress(OSError):
            if getattr(store, "stands_in_for", None):
                pass  # a backup copy shown while its server is away: the server stays listed
            elif not on_server:
                self.prefs.add_recent_file(store.path)
                self.prefs.last_database = store.path
            elif getattr(store, "url", ""):
                self.prefs.add_recent_file(store.url)  # the URL without any password
                self.prefs.last_database = store.url
        if on_server:  # the day's copy of the server, off the window's thread
            from tracker.ui import server_backups

            win.server_backup = server_backups.start_daily(win, store,
                                                           keep=self.prefs.keep_backups)  # fmt: skip
        return win

    def _store_replaced(self, store: Store) -> None:
        """The window reopened its file after a restore: the shell closes that store at exit."""
        self.store = store

    def _replace_window(self, build) -> bool:  # noqa: ANN001
        """Close the current window (it may refuse: unsaved edits), then build the next."""
        old = self.window
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            if old is not None:
                if not old.close():
                    return False
                old.deleteLater()
                self.window = None
            build()
            return True
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)

    def rebuild(self, language: str | None = None) -> bool:
        """The same database in a new window, after installing a language."""
        if self.store is None:
            return False
        previous = i18n.current_language()
        if language is not None:
            i18n.install(language, self.app)
        store = self.store
        if not self._replace_window(lambda: self.show(store)):
            i18n.install(previous, self.app)
            return False
        return True

    def open_choice(self, choice: WelcomeChoice) -> bool:
        """Open or create another database and show it in place of the current one."""
        from tracker.store import CorruptDatabase, StoreError

        if choice.action == "server":
            if choice.store is not None:
                return self._switch_to(choice.store)
            return self.open_server(choice.url)
        if (
            self.store is not None
            and self.store.path is not None
            and Path(choice.path).resolve() == Path(self.store.path).resolve()
        ):
            return True
        try:
            new = open_choice(choice, read_only=self.read_only)
        except CorruptDatabase as exc:
            from tracker.ui import opening

            if choice.action != "open":
                error_box(self.window, self.tr("Cannot open the database"), str(exc))
                return False
            if not opening.offer_restore(Path(choice.path), exc, backup_dir=self.prefs.backup_dir,
                                     parent=self.window, title=self.tr("Cannot open the database"),
                                     show_error=lambda title, text:
                                     error_box(self.window, title, text)):  # fmt: skip
                self.prefs.remove_recent_file(choice.path)
                return False
            try:
                new = open_choice(choice, read_only=self.read_only)
            except (StoreError, OSError) as again:
                error_box(self.window, self.tr("Cannot open the database"), str(again))
                return False
        except (StoreError, OSError) as exc:
            error_box(self.window, self.tr("Cannot open the database"), str(exc))
            if choice.action == "open":
                self.prefs.remove_recent_file(choice.path)
            return False
        return self._switch_to(new)

    def _switch_to(self, new: Store) -> bool:
        """Show ``new`` in place of the current window and store (closed with their window)."""
        old, old_window = self.store, self.window

        def build() -> None:
            if old is not None:
                # the old window's timers may still read its store until it is deleted
                if old_window is not None:
                    old_window.destroyed.connect(lambda *_: old.close())
                else:
                    old.close()
            self.show(new)

        if not self._replace_window(build):
            new.close(backup=False)
            return False
        return True

    # --- team servers -------------------------------------------------------------------

    def ask_connect(self, win=None, *, url: str = "", error: str = "") -> bool:  # noqa: ANN001
        """File › Connect to server…: ask, connect, and show the server's portfolio."""
        from tracker.ui.dialogs import connect_dialog

        if not url and self.store is not None and getattr(self.store, "url", ""):
            url = self.store.url
        if not url:
            url = next((u for u in self.prefs.recent_databases if isinstance(u, str)), "")
        dialog = connect_dialog.ConnectDialog(win or self.window, url=url, error=error)
        try:
            if not connect_dialog.run(dialog) or dialog.store is None:
                return False
            store, password = dialog.store, dialog.password_used
        finally:
            dialog.deleteLater()
        connect_dialog.remember_password(store.url, password)
        return self._switch_to(store)

    def open_server(self, url: str) -> bool:
        """A server from the recent list or File › Open: the password typed earlier in this
        session, else libpq's files; a refused login asks in Connect to server…; a server
        that cannot be reached offers the newest backup copy read-only."""
        from tracker.store import StoreError
        from tracker.store.opening import safe_target
        from tracker.store.postgres.session import LoginRefused, ServerUnavailable
        from tracker.ui import opening
        from tracker.ui.dialogs import connect_dialog

        safe = safe_target(url)
        if self.store is not None and getattr(self.store, "url", None) == safe:
            return True
        title = self.tr("Cannot open the database")
        try:
            new = connect_dialog.open_server(url)
        except LoginRefused as exc:
            return self.ask_connect(url=safe, error=str(exc))
        except ServerUnavailable as exc:
            new = opening.offer_server_backup(
                safe, exc, folders=opening.server_backup_folders(self.prefs.backup_dir),
                parent=self.window, title=title,
                show_error=lambda t, text: error_box(self.window, t, text))  # fmt: skip
            if new is None:
                return False
        except (StoreError, OSError) as exc:
            error_box(self.window, title, str(exc))
            return False
        return self._switch_to(new)

    def close(self) -> None:
        # A closed shell no longer answers a language change (another shell may).
        with contextlib.suppress(RuntimeError, TypeError):
            settings_dialog.relay.restartRequested.disconnect(self.rebuild)
        if self.store is not None:
            self.store.close()

    # --- the window's extra menu entries ---------------------------------------------------

    def install(self, win) -> None:  # noqa: ANN001
        """Add File › Open…/New database…/Recent files and Help › Keyboard shortcuts."""
        file_menu = _menu_with(win, getattr(win, "actionQuit", None))
        help_menu = _menu_with(win, getattr(win, "actionAbout", None))
        win.actionOpenDatabase = self._action(win, "actionOpenDatabase", self.tr("&Open database…"),
                                              lambda: self.ask_open(win), QKeySequence.StandardKey.Open, "open")  # fmt: skip
        win.actionNewDatabase = self._action(win, "actionNewDatabase", self.tr("New &database…"),
                                             lambda: self.ask_new(win))  # fmt: skip
        win.actionConnectServer = self._action(win, "actionConnectServer",
                                               self.tr("Connect to &server…"),
                                               lambda: self.ask_connect(win))  # fmt: skip
        win.menuRecent = QMenu(self.tr("Recent &files"), win)
        win.menuRecent.setObjectName("menuRecent")
        win.menuRecent.aboutToShow.connect(lambda: self.fill_recent(win))
        self.fill_recent(win)
        win.actionShortcuts = self._action(win, "actionShortcuts", self.tr("&Keyboard shortcuts"),
                                           lambda: self.show_shortcuts(win), QKeySequence.StandardKey.HelpContents)  # fmt: skip
        if file_menu is not None:
            first = file_menu.actions()[0] if file_menu.actions() else None
            file_menu.insertAction(first, win.actionNewDatabase)
            file_menu.insertAction(first, win.actionOpenDatabase)
            file_menu.insertAction(first, win.actionConnectServer)
            file_menu.insertMenu(first, win.menuRecent)
            file_menu.insertSeparator(first)
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, win.actionShortcuts)

    def _action(self, win, name: str, text: str, slot, keys=None, icon_name: str = "") -> QAction:  # noqa: ANN001
        a = QAction(text, win)
        a.setObjectName(name)
        if keys is not None:
            a.setShortcut(QKeySequence(keys))
        if icon_name:
            a.setIcon(icon(icon_name))
        a.triggered.connect(slot)
        win.addAction(a)
        return a

    def fill_recent(self, win) -> None:  # noqa: ANN001
        menu: QMenu = win.menuRecent
        menu.clear()
        from tracker.store.opening import display_name

        if self.store is None:
            current = None
        elif self.store.path is not None:
            current = Path(self.store.path).resolve()
        else:
            current = getattr(self.store, "url", None)
        files = [p for p in self.prefs.recent_databases
                 if (p if isinstance(p, str) else p.resolve()) != current]  # fmt: skip
        for i, p in enumerate(files, start=1):
            a = menu.addAction(f"&{i} {p.name if isinstance(p, Path) else display_name(p)}")
            a.setToolTip(str(p))
            a.setStatusTip(str(p))
            a.setData(str(p))
            if isinstance(p, str):  # a team server (its URL, no password)
                a.triggered.connect(lambda _=False, u=p: self.open_server(u))
            else:
                a.triggered.connect(lambda _=False, p=p: self.open_choice(WelcomeChoice("open", p)))
        if not files:
            none = menu.addAction(self.tr("No recent files"))
            none.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear the list"))
        clear.setObjectName("actionClearRecent")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.prefs.clear_recent_files)

    def ask_open(self, win) -> bool:  # noqa: ANN001
        start = (str(Path(self.store.path).parent)
                 if self.store is not None and self.store.path is not None else "")  # fmt: skip
        # A file, or a connection URL typed as its name (the team's server).
        name = welcome_dialog.open_file_name(win, self.tr("Open database"), start, self._filters(),
                                             True)  # fmt: skip
        from tracker.store.opening import is_server

        if is_server(name):  # a connection URL typed as the name: the team's server
            return self.open_server(name)
        return bool(name) and self.open_choice(WelcomeChoice("open", Path(name)))

    def ask_new(self, win) -> bool:  # noqa: ANN001
        start = (str(Path(self.store.path).parent)
                 if self.store is not None and self.store.path is not None else "")  # fmt: skip
        name = welcome_dialog.save_file_name(win, self.tr("New database"), start, self._filters())
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(welcome_dialog.DB_SUFFIX)
        if path.exists() and path.stat().st_size:
            error_box(win, self.tr("Cannot create the database"),
                      self.tr("{path} already exists; choose another name.").format(path=path))  # fmt: skip
            return False
        return self.open_choice(WelcomeChoice("new", path))

    def _filters(self) -> str:
        return self.tr("Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)")

    def show_shortcuts(self, win):  # noqa: ANN001
        from tracker.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(win, tab=AboutDialog.SHORTCUTS)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._help = dialog
        return dialog


def _menu_with(win, action: QAction | None) -> QMenu | None:  # noqa: ANN001
    """The window's menu holding an action (menus have no stable names)."""
    if action is None:
        return None
    for menu in win.findChildren(QMenu):
        if action in menu.actions():
            return menu
    return None
