"""Start the window: the QApplication, the database (user's, demo or given),
clear messages for files that cannot be opened, and the --smoke run."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker import paths

if TYPE_CHECKING:
    from tracker.store import Store

ORG = APP = "InvestmentTracker"
SMOKE_TIMEOUT_MS = 60_000


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
    import sqlite3

    from tracker.store import SCHEMA_VERSION

    if read_only or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # opening it will say what is wrong
    if not 0 < version < SCHEMA_VERSION:
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
    from tracker.store.opening import is_server, open_database

    if db and is_server(db):  # a team server (postgresql://…): the server keeps the copies
        return open_database(db, read_only=read_only)
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


def import_store_lean() -> None:
    """Import sqlite-utils without pandas and numpy.

    sqlite-utils imports both when they are installed, only to accept DataFrame and
    numpy values, which the window never passes; that costs over a second before the
    window can appear. They are hidden during that one import and available again
    afterwards (matplotlib needs numpy when the charts load)."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [m for m in ("pandas", "numpy") if m not in sys.modules]
    for m in hidden:
        sys.modules[m] = None  # type: ignore[assignment]
    try:
        import tracker.store  # noqa: F401
    finally:
        for m in hidden:
            sys.modules.pop(m, None)


def run_gui(*, db: str | None, demo: bool, read_only: bool, smoke: bool) -> int:
    t0 = time.perf_counter()
    import_store_lean()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    from tracker.ui import i18n
    from tracker.ui.resources import app_icon
    from tracker.ui.settings import Settings

    prefs = Settings()
    i18n.install(prefs.language, app)
    app.setWindowIcon(app_icon())
    title = QCoreApplication.translate("app", "Investment Tracker cannot open the database")
    from tracker.store import CorruptDatabase, ForeignSchema, StoreError
    from tracker.ui import shell

    choice = None
    if not smoke and shell.is_first_run(db=db, demo=demo):
        choice = shell.run_welcome(prefs)  # demo, a new empty file, or an existing one
        if choice is None:
            return 0
    try:
        if choice is not None:
            store = shell.open_choice(choice, read_only=read_only)
        else:
            notice = None if smoke else upgrade_notice(target_path(db=db, demo=demo),
                                                       read_only=read_only)  # fmt: skip
            try:
                store = open_store(db=db, demo=demo, read_only=read_only, backup=not smoke)
            finally:
                if notice is not None:
                    notice.close()
    except CorruptDatabase as exc:
        if smoke:
            print(f"tracker: {exc}", file=sys.stderr)
            return 1
        if read_only:  # a restore writes the file: not when it was opened read-only
            error_box(title, str(exc))
            return 1
        if choice is not None:
            damaged = paths.demo_db() if choice.action == "demo" else Path(choice.path)
        else:
            damaged = target_path(db=db, demo=demo)
        if not offer_restore(damaged, exc, backup_dir=prefs.backup_dir):
            return 1
        try:
            store = open_store(db=str(damaged), demo=False, read_only=read_only)
        except (StoreError, OSError) as again:
            error_box(title, str(again))
            return 1
    except ForeignSchema as exc:
        if smoke:
            print(f"tracker: {exc}", file=sys.stderr)
            return 1
        foreign = Path(choice.path) if choice is not None and choice.action != "demo" else (
            target_path(db=db, demo=demo))  # fmt: skip
        try:
            opened = open_foreign(foreign, exc, title=title)
        except (StoreError, OSError) as again:
            error_box(title, str(again))
            return 1
        if opened is None:
            return 1
        store = opened
    except (StoreError, OSError) as exc:
        if smoke:
            print(f"tracker: {exc}", file=sys.stderr)
        else:
            error_box(title, str(exc))
        return 1
    t_open = time.perf_counter()
    if not smoke:  # the shell builds the window, and rebuilds it for another file or language
        host = shell.Shell(app, prefs, read_only=read_only)
        host.show(store)
        try:
            return app.exec()
        finally:
            host.close()
    from tracker.services.changes import current_user
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow

    ctx = AppContext(store, user=prefs.user_name or current_user(), currency=prefs.currency)
    if prefs.backup_dir is not None:
        store.backup_dir = prefs.backup_dir
    store.keep_backups = prefs.keep_backups
    win = MainWindow(ctx, view="projects")
    win.check_on_open = False  # the smoke run measures start-up and quits at the chart
    win.skip_settings = True  # app.quit() closes the window too (Qt 6): never save its layout
    return _smoke(app, win, store, t0, t_open)


class _PaintWatch(QObject):
    """Notes when the table's viewport and the chart canvas are first painted."""

    def __init__(self, win, t0: float):  # noqa: ANN001
        super().__init__()
        self.win, self.t0 = win, t0
        self.first_page: float | None = None
        self.chart: float | None = None
        #: Whether the chart came from the picture kept at the last close, or was drawn live.
        self.chart_from: str | None = None
        self.rows = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            page = self.win.record_page()
            now = time.perf_counter()
            if page is not None:
                if self.first_page is None and obj is page.table.view.viewport():
                    self.first_page = now
                    self.rows = page.table.model.rowCount()
                elif (
                    self.chart is None
                    and page.chart is not None
                    and (obj is page.chart.picture or obj is page.chart.host.canvas())
                ):
                    self.chart = now
                    self.chart_from = "picture" if obj is page.chart.picture else "live"
            if self.first_page is not None and self.chart is not None:
                QTimer.singleShot(0, QCoreApplication.instance().quit)
        return False

    def chart_failed(self) -> str | None:
        page = self.win.record_page()
        return getattr(page.chart, "last_error", None) if page is not None else None


def _smoke(app: QApplication, win, store: Store, t0: float, t_open: float) -> int:  # noqa: ANN001
    watch = _PaintWatch(win, t0)
    app.installEventFilter(watch)
    errors: list[str] = []
    old_hook = sys.excepthook

    def hook(kind, exc, tb) -> None:  # noqa: ANN001
        # An exception inside a Qt slot: report it as the smoke failure rather than wait.
        errors.append(f"{kind.__name__}: {exc}")
        app.quit()

    sys.excepthook = hook

    def check_error() -> None:
        if watch.chart is None and watch.chart_failed():
            app.quit()

    poll = QTimer()
    poll.timeout.connect(check_error)
    poll.start(50)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    win.show()
    t_shown = time.perf_counter()
    app.exec()
    poll.stop()
    sys.excepthook = old_hook
    app.removeEventFilter(watch)
    ms = lambda t: round((t - t0) * 1000, 1)  # noqa: E731
    ok = watch.first_page is not None and watch.chart is not None
    result = {
        "open_db_ms": ms(t_open),
        "window_shown_ms": ms(t_shown),
        "first_page_ms": ms(watch.first_page) if watch.first_page else None,
        "chart_ms": ms(watch.chart) if watch.chart else None,
        "chart_from": watch.chart_from,
        "total_ms": ms(time.perf_counter()),
        "rows": watch.rows,
        "db": store.name,
        "ok": ok,
    }
    if not ok:
        result["error"] = (
            "; ".join(errors)
            or watch.chart_failed()
            or "the table or chart was not painted in time"
        )
    print(json.dumps(result), flush=True)
    win.skip_settings = True
    win.close()
    win.deleteLater()
    store.close(backup=False)
    return 0 if ok else 1
