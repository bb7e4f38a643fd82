"""The daily automatic copy of a team server's portfolio.

A file is backed up on open and close; a server portfolio is too large for that
(a million projects take minutes to copy), so a window on a server makes one SQLite
copy a day: at open, when the backup folder holds no copy of that database younger
than :data:`INTERVAL`. The copy is made by the operations runner on a connection of
its own, off the window's thread; closing the window cancels it (the server's
statement is interrupted and the half-written file removed), so it never holds the
close up. The copies land where the read-only offer for an unreachable server looks
(:func:`tracker.ui.opening.server_backup_folders`), named like the file's automatic
copies ('<db>-<stamp>-open.sqlite3'), and the newest ``keep`` of them are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from tracker.store import backups
from tracker.ui import operations

#: A server is copied again when its newest copy is older than this.
INTERVAL = dt.timedelta(days=1)
#: Reason in the copies' names (one of the automatic ones, which rotate).
REASON = "open"


def due(folder: Path, dbname: str, *, now: dt.datetime | None = None) -> bool:
    """No copy of ``dbname`` in ``folder`` (automatic or made by hand) younger than a day."""
    now = now or dt.datetime.now(dt.UTC)
    found = backups.list_backups(Path(folder), dbname)
    return not found or now - found[0].taken_at >= INTERVAL


def _rotate(folder: Path, dbname: str, keep: int) -> None:
    if keep <= 0:
        return
    mine = [b for b in backups.list_backups(folder, dbname) if b.reason in backups.AUTOMATIC]
    for old in mine[keep:]:
        old.path.unlink(missing_ok=True)


def start_daily(win: Any, store: Any, *, keep: int) -> operations.QueryOp | None:
    """Start the day's copy of the server ``win`` shows, when one is due; the running
    operation, or None when none is due (or the store is not a server)."""
    folder = getattr(store, "backup_dir", None)
    dbname = getattr(store, "dbname", "")
    if store.path is not None or folder is None or not dbname:
        return None
    with contextlib.suppress(OSError):
        if not due(folder, dbname):
            return None
    tr = QCoreApplication.translate
    status = win.statusBar()

    def work(worker: Any, progress: Any) -> Path:
        made = worker.make_backup(folder, reason=REASON, progress=progress)
        _rotate(Path(folder), dbname, keep)
        return made

    def done(made: Path) -> None:
        status.showMessage(tr("app", "Daily backup copy of {db} made: {path}").format(
            db=dbname, path=made), 10_000)  # fmt: skip

    def failed(exc: BaseException) -> None:
        status.showMessage(tr("app", "The daily backup copy of {db} could not be made: "
                              "{error}").format(db=dbname, error=exc), 20_000)  # fmt: skip

    status.showMessage(tr("app", "Making the daily backup copy of {db} in {folder}…").format(
        db=dbname, folder=folder), 10_000)  # fmt: skip
    op = operations.QueryOp(win, store, work, title="server-backup", long=True)
    return op.success(done).failure(failed).on_cancelled(lambda: None).run_in_background()
