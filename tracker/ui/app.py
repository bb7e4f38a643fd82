"""Start the window: the QApplication, the database (user's, demo or given),
clear messages for files that cannot be opened, and the --smoke run."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tracker import paths
from tracker.ui import opening

if TYPE_CHECKING:
    from tracker.store import Store

ORG = APP = "InvestmentTracker"
SMOKE_TIMEOUT_MS = 60_000


def run_gui(*, db: str | None, demo: bool, read_only: bool, smoke: bool) -> int:
    t0 = time.perf_counter()
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
    from_last = not smoke and not db and not demo
    if from_last:
        db = shell.last_database(prefs)  # the file open at the last close, while it is there
    if not smoke and (db == shell.GONE or shell.is_first_run(db=db, demo=demo)):
        choice = shell.run_welcome(prefs)  # demo, a new empty file, or an existing one
        if choice is None:
            return 0
    try:
        if choice is not None:
            store = shell.open_choice(choice, read_only=read_only)
        else:
            notice = None if smoke else opening.upgrade_notice(opening.target_path(db=db, demo=demo),
                                                       read_only=read_only)  # fmt: skip
            try:
                store = opening.open_store(db=db, demo=demo, read_only=read_only, backup=not smoke)
            finally:
                if notice is not None:
                    notice.close()
    except CorruptDatabase as exc:
        if smoke:
            print(f"tracker: {exc}", file=sys.stderr)
            return 1
        if read_only:  # a restore writes the file: not when it was opened read-only
            opening.error_box(title, str(exc))
            return 1
        if choice is not None:
            damaged = paths.demo_db() if choice.action == "demo" else Path(choice.path)
        else:
            damaged = opening.target_path(db=db, demo=demo)
        if not opening.offer_restore(damaged, exc, backup_dir=prefs.backup_dir):
            return 1
        try:
            store = opening.open_store(db=str(damaged), demo=False, read_only=read_only)
        except (StoreError, OSError) as again:
            opening.error_box(title, str(again))
            return 1
    except ForeignSchema as exc:
        if smoke:
            print(f"tracker: {exc}", file=sys.stderr)
            return 1
        foreign = Path(choice.path) if choice is not None and choice.action != "demo" else (
            opening.target_path(db=db, demo=demo))  # fmt: skip
        try:
            opened = opening.open_foreign(foreign, exc, title=title)
        except (StoreError, OSError) as again:
            opening.error_box(title, str(again))
            return 1
        if opened is None:
            return 1
        store = opened
    except (StoreError, OSError) as exc:
        from tracker.store.opening import is_server

        if smoke:
            print(f"tracker: {exc}", file=sys.stderr)
            return 1
        server = choice.url if choice is not None and choice.action == "server" else db
        if server and is_server(server):  # the team's server: a password, or a backup copy?
            opened = opening.server_fallback(server, exc, backup_dir=prefs.backup_dir,
                                             title=title)  # fmt: skip
            if opened is None and from_last:  # the last server is gone: never locked out
                opened = _welcome_instead(prefs, read_only=read_only, title=title)
            if opened is None:
                return 1
            store = opened
        else:
            opening.error_box(title, str(exc))
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


def _welcome_instead(prefs, *, read_only: bool, title: str) -> Store | None:  # noqa: ANN001
    """The server open at the last close cannot be opened (said already): the welcome
    screen's choices, as when the last file is gone."""
    from tracker.store import StoreError
    from tracker.ui import shell

    choice = shell.run_welcome(prefs)
    if choice is None:
        return None
    try:
        return shell.open_choice(choice, read_only=read_only)
    except (StoreError, OSError) as exc:
        opening.error_box(title, str(exc))
        return None


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
