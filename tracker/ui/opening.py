"""Opening a database for the window: the file the command line names (or the demo,
or the user's own), an upgrade notice while an older file migrates, and the offer
to restore the newest backup of a damaged file. Used by the start-up (app) and by
File › Open (shell); the message boxes are seams tests replace."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import paths

if TYPE_CHECKING:
    from tracker.store import Store


def error_box(title: str, text: str) -> None:
    """Seam for tests: the message shown when the database cannot be opened."""
    QMessageBox.critical(None, title, text)


def ask_restore(parent: QWidget | None, title: str, text: str) -> bool:
    """Seam for tests: a damaged file; True restores the newest backup."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_foreign_schema(parent: QWidget | None, title: str, text: str) -> str | None:
    """Seam for tests: a file holding objects the program did not make; "read_only",
    "repair" or None (cancel)."""
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    ro = box.addButton(tr("app", "Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    fix = box.addButton(
        tr("app", "Repair (after a backup)"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ro)
    box.exec()
    return {id(ro): "read_only", id(fix): "repair"}.get(id(box.clickedButton()))


def open_foreign(path: Path, exc: Exception, *, title: str,
                 parent: QWidget | None = None) -> Store | None:  # fmt: skip
    """Offer read-only or repair for a file with foreign schema objects; the store, or
    None when the person cancelled (or the repair failed: said)."""
    from tracker.services import maintenance
    from tracker.services.changes import current_user
    from tracker.store import Store, StoreError

    answer = ask_foreign_schema(parent, title, str(exc))
    if answer == "read_only":
        return Store.open(path, read_only=True, backup=False)
    if answer == "repair":
        try:
            maintenance.repair(path, user=current_user())
        except (StoreError, OSError) as again:
            error_box(title, str(again))
            return None
        return Store.open(path)
    return None


def target_path(*, db: str | None, demo: bool) -> Path:
    """The file open_store would open."""
    if db:
        return Path(db)
    return paths.demo_db() if demo else paths.default_db()


def offer_restore(
    path: Path,
    error: Exception,
    *,
    backup_dir: Path | None = None,
    parent: QWidget | None = None,
    title: str = "",
    show_error=None,  # noqa: ANN001 - error_box(title, text), given by the caller
) -> bool:
    """PRODUCT §7: a corrupt, truncated or non-SQLite file gives a clear message and the
    offer to restore the newest backup. True when the backup was restored into ``path``
    (the damaged file is kept beside the backups); False with the message shown otherwise."""
    from tracker.services import maintenance
    from tracker.store import StoreError

    tr = QCoreApplication.translate
    show = show_error or error_box
    title = title or tr("app", "Investment Tracker cannot open the database")
    try:
        found = maintenance.list_backups(path, backup_dir)
    except OSError:
        found = []
    if not found:
        show(title, str(error) + "\n\n" + tr("app", "There is no backup of this file to restore."))
        return False
    newest = found[0]
    when = newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = tr(
        "app",
        "{error}\n\nRestore the newest backup, of {when} ({name})? The damaged file is kept "
        "in the backup folder.",
    ).format(error=str(error), when=when, name=newest.path.name)
    if not ask_restore(parent, title, text):
        return False
    try:
        maintenance.restore(path, source=newest.path, backup_dir=backup_dir)
    except (StoreError, OSError) as exc:
        show(title, tr("app", "The backup could not be restored: {error}").format(error=str(exc)))
        return False
    return True


def upgrade_notice(path: Path, *, read_only: bool = False) -> QWidget | None:
    """A small window saying the file is being upgraded, shown while an older file's
    migrations run (a million projects: several seconds, once); None when there is none."""
    from tracker.store import SCHEMA_VERSION, file_schema_version

    if read_only or not path.is_file():
        return None
    version = file_schema_version(path)
    if version is None or not 0 < version < SCHEMA_VERSION:
        return None
    from PySide6.QtWidgets import QProgressDialog

    notice = QProgressDialog(
        QCoreApplication.translate(
            "app", "Upgrading {name} for this version of Investment Tracker (a backup is made "
            "first). A large file takes a little while; this happens once."
        ).format(name=path.name), "", 0, 0,
    )  # fmt: skip
    from PySide6.QtWidgets import QLabel

    label = QLabel(notice.labelText(), notice)
    label.setWordWrap(True)
    notice.setLabel(label)
    notice.setFixedWidth(440)
    notice.setObjectName("upgradeNotice")
    notice.setWindowTitle(QCoreApplication.translate("app", "Investment Tracker"))
    notice.setCancelButton(None)
    notice.setMinimumDuration(0)
    notice.show()
    for _ in range(3):  # painted before the migrations hold the thread
        QCoreApplication.processEvents()
    return notice


def open_store(*, db: str | None, demo: bool, read_only: bool, backup: bool = True) -> Store:
    """The database the command line asks for; the demo and the user's file are created on first use."""
    from tracker.store import Store
    from tracker.store.opening import is_server

    if db and is_server(db):  # a team server (postgresql://…): the server keeps the copies
        from tracker.ui.dialogs import connect_dialog

        return connect_dialog.open_server(db, read_only=read_only)
    if db:
        return Store.open(Path(db), read_only=read_only, backup=backup)
    if demo:
        path = paths.demo_db()
        if not (path.exists() and path.stat().st_size):
            from tracker.services import demo as demo_service

            with Store.open(path, create=True, backup=False) as s:
                demo_service.load_demo(s)
        return Store.open(path, read_only=read_only, backup=backup)
    path = paths.default_db()
    create = not read_only and not (path.exists() and path.stat().st_size)
    return Store.open(path, read_only=read_only, create=create, backup=backup)


def server_backup_folders(backup_dir: Path | None = None) -> list[Path]:
    """Where copies of a server portfolio are looked for: the Backup folder of the
    settings, and the program's own folder for them (``tracker backup --db URL --to``
    either one)."""
    folders = [Path(backup_dir)] if backup_dir else []
    own = paths.server_backups_dir()
    return folders + ([own] if own not in folders else [])


def ask_open_backup(parent: QWidget | None, title: str, text: str) -> bool:
    """Seam for tests: the server cannot be reached; True opens the newest backup read-only."""
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    yes = box.addButton(tr("app", "Open the backup read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def offer_server_backup(url: str, error: Exception, *, folders: list[Path],
                        parent: QWidget | None = None, title: str = "",
                        show_error=None) -> Store | None:  # noqa: ANN001  # fmt: skip
    """The server cannot be reached: say so, and offer the newest SQLite copy of its
    portfolio (``tracker backup``) read-only. The store of that copy, or None when
    there is none (said, with where it was looked for) or the person declined."""
    from tracker.store import Store, StoreError, backups
    from tracker.store.postgres.urls import database_name

    tr = QCoreApplication.translate
    show = show_error or error_box
    title = title or tr("app", "Investment Tracker cannot open the database")
    dbname = database_name(url)
    found = []
    for folder in folders:
        with contextlib.suppress(OSError):
            found += backups.list_backups(folder, dbname) if folder.is_dir() else []
    found.sort(key=lambda b: b.taken_at, reverse=True)
    if not found:
        where = ", ".join(str(f) for f in folders)
        none = tr("app", "There is no backup copy of {db} to open instead (looked in {where}; "
                  "tracker backup --db URL --to FOLDER makes one).")  # fmt: skip
        show(title, str(error) + "\n\n" + none.format(db=dbname, where=where))
        return None
    newest = found[0]
    when = newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = tr("app", "{error}\n\nOpen the newest backup copy of {db}, of {when} ({name}), "
              "read-only? It shows the portfolio as it was then; nothing can be saved "
              "into it.").format(error=str(error), db=dbname, when=when, name=newest.path.name)  # fmt: skip
    if not ask_open_backup(parent, title, text):
        return None
    try:
        store = Store.open(newest.path, read_only=True, backup=False)
    except (StoreError, OSError) as exc:
        show(title, tr("app", "The backup could not be opened: {error}").format(error=str(exc)))
        return None
    store.read_only_reason = tr(
        "app", "a backup copy of {db} from {when} (the server cannot be reached)"
    ).format(db=dbname, when=when)
    store.stands_in_for = url  # the server stays the last and recent database
    return store


def server_fallback(url: str, error: Exception, *, backup_dir: Path | None,
                    title: str) -> Store | None:  # fmt: skip
    """At start, a server that would not open: a refused login asks in Connect to
    server…; a server that cannot be reached offers the newest backup copy read-only;
    anything else is said. The store to show, or None (everything said already)."""
    from tracker.store.opening import safe_target
    from tracker.store.postgres.session import LoginRefused, ServerUnavailable

    if isinstance(error, LoginRefused):
        from tracker.ui.dialogs import connect_dialog

        dialog = connect_dialog.ConnectDialog(url=safe_target(url), error=str(error))
        try:
            return dialog.store if connect_dialog.run(dialog) else None
        finally:
            dialog.deleteLater()
    if isinstance(error, ServerUnavailable):
        return offer_server_backup(safe_target(url), error, title=title,
                                   folders=server_backup_folders(backup_dir))  # fmt: skip
    error_box(title, str(error))
    return None
