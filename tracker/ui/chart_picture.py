"""Pictures of the charts as the window last showed them, for the next start.

Drawing the first chart of a million-project file costs about a second and a
half (loading matplotlib, aggregating the portfolio, laying out the figure),
three times the rest of the start-up (PRODUCT.md §9). When the window closes,
each chart on screen is kept here as a PNG, under a key made of everything the
chart was drawn from: the file and a stamp of its contents
(:func:`tracker.store.fingerprint.data_stamp`), the chart, filter, selected
record, currency, as-of and today's date, the language, the pane's size and
pixel ratio, and the program's version. At the next start the chart pane shows
the picture whose key matches exactly, and draws live only when something in
the key changes (a filter, an edit, a resize), so a picture is never stale.

The folder is a cache: a file that cannot be read or written is skipped
without a word to the user, and only the newest :data:`KEEP` pictures stay.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtGui import QPixmap

from tracker import __version__, paths

log = logging.getLogger(__name__)

#: Pictures kept (each chart pane of each file keeps one; a few files, a few kinds).
KEEP = 24


def picture_key(**parts: Any) -> str:
    """Key of a picture: every input of the chart, and the program's version."""
    parts["program"] = __version__
    blob = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


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

    def touch(self, key: str) -> bool:
        """Mark a kept picture as just used; False when there is none under ``key``."""
        try:
            os.utime(self.path(key))
        except OSError:
            return False
        return True

    def save(self, key: str, pixmap: QPixmap) -> bool:
        """Write atomically (a crash never leaves half a PNG under a good key)."""
        if pixmap.isNull():
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.{os.getpid()}.tmp"
            if not pixmap.save(str(tmp), "PNG"):
                tmp.unlink(missing_ok=True)
                return False
            os.replace(tmp, self.path(key))
            self.prune()
        except OSError as exc:
            log.info("chart picture not kept: %s", exc)
            return False
        return True

    def prune(self, keep: int = KEEP) -> None:
        try:
            files = sorted(self.folder.glob("*.png"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in files[keep:]:
            with contextlib.suppress(OSError):
                old.unlink()


_preload_started = False


def preload_matplotlib() -> None:
    """Import matplotlib and the chart builders on a background thread.

    When the first chart came from a picture, the first live draw (after a
    filter change) would otherwise pay for the import, about half a second.
    Only modules that do not touch Qt are imported off the GUI thread.
    """
    global _preload_started
    if _preload_started:
        return
    _preload_started = True

    def work() -> None:
        try:
            import matplotlib.backends.backend_agg  # noqa: F401
            import matplotlib.figure  # noqa: F401

            import tracker.charts  # noqa: F401
        except Exception:  # noqa: BLE001 - the live draw will import (and report) it again
            log.exception("preloading matplotlib failed")

    threading.Thread(target=work, name="preload-matplotlib", daemon=True).start()
