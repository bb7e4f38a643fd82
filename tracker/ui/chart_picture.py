"""Pictures of the charts as the window last showed them, for the next start.

Drawing the first chart of a million-project file costs about a second and a
half (loading matplotlib, aggregating the portfolio, laying out the figure),
three times the rest of the start-up (PRODUCT.md §9). When the window closes,
each chart on screen is kept here as a PNG, under a key made of everything the
chart was drawn from: the file and a stamp of its contents
(:meth:`Store.data_stamp`), the chart, filter, selected
record, currency, as-of and today's date, the language, the pane's size and
pixel ratio, and the program's version. At the next start the chart pane shows
the picture whose key matches exactly, and draws live only when something in
the key changes (a filter, an edit, a resize), so a picture is never stale.

The folder is a cache: a file that cannot be read or written is skipped
without a word to the user, and only the newest :data:`KEEP` pictures stay.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QPixmap

from tracker import __version__, paths
from tracker.safe_files import exclusive_part
from tracker.services.progress import Progress
from tracker.store import Store, StoreError
from tracker.ui.operations import QueryOp

log = logging.getLogger(__name__)

#: Files kept (each chart pane of each file keeps one picture, the dashboard four and its
#: figures; a few files, a few kinds).
KEEP = 48


def picture_key(**parts: Any) -> str:
    """Key of a picture: every input of the chart, and the program's version."""
    parts["program"] = __version__
    blob = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def file_parts(store: Store, *, currency: str, as_of: str) -> dict[str, Any] | None:
    """The key parts every picture of a file shares: the file, a stamp of its contents,
    the reporting currency and date, today and the language (None when the file cannot
    be read: then nothing is shown from a picture)."""
    from tracker.ui.i18n import current_language

    if getattr(store, "backend", "sqlite") != "sqlite":
        return None  # a team server's charts change with others' saves: always drawn live
    try:
        stamp = store.data_stamp()
    except StoreError:
        return None
    return {
        "file": str(store.path.resolve()), "stamp": stamp, "currency": currency, "as_of": as_of,
        "today": dt.date.today(), "language": current_language(),
    }  # fmt: skip


class PictureCache:
    def __init__(self, folder: Path | None = None):
        self.folder = folder if folder is not None else paths.cache_dir() / "chart-pictures"

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.png"

    def load(self, key: str) -> QPixmap | None:
        path = self.path(key)
        if not path.is_file():
            return None
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            log.info("chart picture %s cannot be read; drawing live", path.name)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept longest
        return pixmap

    def load_text(self, key: str) -> str | None:
        """A small text kept beside the pictures (the dashboard's figures), or None."""
        path = self.folder / f"{key}.json"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return text

    def save_text(self, key: str, text: str) -> bool:
        def write(tmp: Path) -> bool:
            tmp.write_text(text, encoding="utf-8")
            return True

        return self._write(self.folder / f"{key}.json", write)

    def _write(self, target: Path, write: Callable[[Path], bool]) -> bool:
        """Write ``target`` atomically through ``write(tmp)`` (a crash never leaves half a
        file under a good key), then keep only the newest files. Never raises."""
        try:
            # Owner-only, like the database: the pictures show the portfolio. The part file
            # is made exclusively (a planted link cannot redirect the write).
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(self.folder, 0o700)
            if self.folder.parent == paths.cache_dir():
                os.chmod(self.folder.parent, 0o700)
            tmp = exclusive_part(target)
            try:
                if not write(tmp):
                    tmp.unlink(missing_ok=True)
                    return False
                os.replace(tmp, target)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            self.prune()
        except OSError as exc:
            log.info("%s not kept: %s", target.name, exc)
            return False
        return True

    def touch(self, key: str) -> bool:
        """Mark a kept picture as just used; False when there is none under ``key``."""
        try:
            os.utime(self.path(key))
        except OSError:
            return False
        return True

    def save(self, key: str, pixmap: QPixmap) -> bool:
        if pixmap.isNull():
            return False
        return self._write(self.path(key), lambda tmp: pixmap.save(str(tmp), "PNG"))

    def prune(self, keep: int = KEEP) -> None:
        try:
            files = sorted(
                (*self.folder.glob("*.png"), *self.folder.glob("*.json")),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
        except OSError:
            return
        for old in files[keep:]:
            with contextlib.suppress(OSError):
                old.unlink()


_preload_started = False


def preload_matplotlib() -> None:
    """Import matplotlib and the chart builders in the background (a QueryOp without a store).

    When the first chart came from a picture, the first live draw (after a
    filter change) would otherwise pay for the import, about half a second.
    Only modules that do not touch Qt are imported off the GUI thread.
    """
    global _preload_started
    if _preload_started:
        return
    _preload_started = True

    def work(_progress: Progress) -> None:
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.figure  # noqa: F401

        import tracker.charts  # noqa: F401

    # A failure is only logged: the live draw will import (and report) it again.
    QueryOp(None, None, work, title="matplotlib").failure(
        lambda exc: log.error("preloading matplotlib failed", exc_info=exc)
    ).run_in_background()


class CubeReader(QObject):
    """Reads the chart cubes of some tables in the background while a picture is up.

    A :class:`~tracker.ui.operations.QueryOp` reads them on its own read-only
    connection (SQLite walks the index without the GIL) and hands them to the
    store's cache on the GUI thread, only if the file has not changed since the
    read began (:meth:`Store.adopt_aggregates`); a closed or replaced
    file cancels the read (``operations.stop_all``), so nothing is handed over.
    ``done`` is set when all are handed over (or given up), for tests and benchmarks.
    """

    def __init__(self, store: Store, tables: tuple[str, ...], parent: QObject | None = None, *,
                 then: Callable[[], None] | None = None):  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.tables = tables
        self.done = threading.Event()
        #: Called on the window's thread when the cubes are handed over (or given up).
        self.then = then
        self.op: QueryOp[dict[str, list]] | None = None

    def start(self) -> None:
        tables = tuple(t for t in self.tables if self.store.has_aggregates(t))
        if not tables:
            self._finished()
            return
        stamp = self.store.aggregates_stamp()

        def work(store: Store, progress: Progress) -> dict[str, list]:
            rows: dict[str, list] = {}
            for i, table in enumerate(tables):
                progress(i, len(tables))
                try:
                    rows.update(store.chart_aggregates((table,)))
                except Exception as exc:  # noqa: BLE001 - a live draw reads (and reports) it again
                    log.info("background chart data of %s not read: %s", table, exc)
            return rows

        self.op = QueryOp(self, self.store, work, title="chart data")
        self.op.success(lambda rows: self._adopt(rows, stamp)).on_cancelled(self.done.set)
        self.op.failure(lambda exc: (log.info("chart data not read: %s", exc), self._finished()))
        self.op.run_in_background()

    def _adopt(self, rows: dict[str, list], stamp: tuple[int, int]) -> None:
        self.store.adopt_aggregates(rows, stamp)
        self._finished()

    def _finished(self) -> None:
        self.done.set()
        if self.then is not None:
            self.then()


def warm_up(store: Store, tables: tuple[str, ...], parent: QObject) -> CubeReader:
    """matplotlib and the chart data of ``tables`` loaded in the background."""
    preload_matplotlib()
    reader = CubeReader(store, tables, parent)
    reader.start()
    return reader
