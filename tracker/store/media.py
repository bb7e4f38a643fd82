"""Odd media: a database on a read-only mount, disc or share, and the -wal of a
file kept open for days (issue 13)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: The -wal is cut back to this size after a checkpoint (SQLite's journal_size_limit);
#: without it the file keeps the largest size it ever reached.
WAL_LIMIT_BYTES = 32 << 20
#: How often an open window checkpoints (tracker.ui.main_window).
CHECKPOINT_EVERY_MS = 5 * 60 * 1000


def read_only_media(path: Path) -> bool:
    """True when the file system holding ``path`` is mounted read-only (POSIX)."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs: permission checks decide
        return False


def readable(conn: sqlite3.Connection, path: Path, uri: str) -> sqlite3.Connection:
    """A read-only connection that can read the file, or ``conn`` as it is.

    A WAL-mode file needs its -shm file, which SQLite cannot make on read-only media:
    there ``mode=ro`` cannot open it at all ("damaged" it would say). SQLite's
    ``immutable=1`` reads it without one; it is used only where nothing can change the
    file (read-only media, or a folder no one may write)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        if not (read_only_media(path) or not os.access(path.parent, os.W_OK)):
            return conn  # a real error: the caller's first query says which
    except sqlite3.DatabaseError:
        return conn  # damage: the caller's first query says so, in its own words
    conn.close()
    return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False)  # fmt: skip
