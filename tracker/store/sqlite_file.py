"""The SQLite file itself: checking its header, connecting to it, and translating
SQLite's errors into the program's own (tracker.domain.errors) at the store's boundary."""

from __future__ import annotations

import functools
import inspect
import os
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.domain.errors import (
    ConstraintViolation,
    CorruptDatabase,
    DatabaseError,
    DiskFull,
    ForeignDatabase,
    Interrupted,
    ReadOnlyError,
    StoreError,
)
from tracker.store import media
from tracker.store.migrations import APPLICATION_ID

BUSY_TIMEOUT_MS = 15_000
_HEADER = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Refuse, with a plain reason, a file that is not a whole SQLite database."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except PermissionError as exc:
        raise StoreError(f"{path.name}: cannot be read (permission denied).") from exc
    except OSError as exc:
        raise StoreError(f"{path.name}: cannot be read ({exc.strerror}).") from exc
    if size == 0:
        raise CorruptDatabase(
            f"{path.name} is empty (0 bytes): it is not an Investment Tracker database."
        )
    if not head.startswith(_HEADER):
        raise CorruptDatabase(
            f"{path.name} is not a SQLite database (its first bytes are not a SQLite header)."
        )
    if len(head) < 100:
        raise CorruptDatabase(f"{path.name} is truncated: it ends inside the SQLite header.")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    wal = Path(str(path) + "-wal")
    if (
        valid_for == change_counter
        and page_count
        and not (wal.exists() and wal.stat().st_size)
        and size < page_count * page_size
    ):
        raise CorruptDatabase(
            f"{path.name} is truncated: {size} bytes where the header promises {page_count * page_size}."
        )
    app_id = struct.unpack(">I", head[68:72])[0]
    if app_id not in (0, APPLICATION_ID):
        raise ForeignDatabase(
            f"{path.name} is a SQLite database of another program (application id {app_id:#x}), "
            "not an Investment Tracker file. Nothing was changed."
        )


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)  # fmt: skip
        conn = media.readable(conn, path, uri)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)  # fmt: skip
    conn.row_factory = sqlite3.Row
    # SQLite's advice for files from elsewhere (README, Reliability): nothing in the schema
    # runs functions with side effects until schema_guard found it to be the program's own,
    # damaged pages are caught early, and no memory map onto a file that may change.
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:  # the -wal is cut back to this after each checkpoint (a window open for days)
        conn.execute(f"PRAGMA journal_size_limit = {media.WAL_LIMIT_BYTES}")
    return conn


def _touch_private(path: Path) -> None:
    """Create the file readable by its owner only (POSIX)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def _plain(exc: sqlite3.Error, path: Path) -> StoreError | sqlite3.Error:
    msg = str(exc)
    if "database or disk is full" in msg or "disk I/O error" in msg:
        return DiskFull(
            f"The disk holding {path.name} is full (or the file reached its size limit); nothing was written."
        )
    if "locked" in msg or "busy" in msg:
        return StoreError(f"{path.name} is busy: another program has held it for over "
                          f"{BUSY_TIMEOUT_MS // 1000} s. Try again; nothing was written.")  # fmt: skip
    if "readonly" in msg or "read-only" in msg:
        return ReadOnlyError(
            f"{path.name} cannot be written (read-only file or folder); nothing was written."
        )
    if "append-only" in msg:
        return StoreError("The audit log is append-only: its entries cannot be changed or deleted.")
    return exc


_RULES = (("UNIQUE", "unique"), ("FOREIGN KEY", "foreign_key"), ("CHECK", "check"),
          ("NOT NULL", "not_null"))  # fmt: skip


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's error as the program's own, said plainly (the store's boundary)."""
    plain = _plain(exc, path)
    if isinstance(plain, StoreError):
        return plain
    msg = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "interrupt" in msg:
        return Interrupted(f"{path.name}: stopped before the end; nothing was written.")
    if isinstance(exc, sqlite3.IntegrityError):
        kind = next((k for word, k in _RULES if msg.startswith(word)), "")
        table = column = ""
        if kind in ("unique", "not_null") and ":" in msg:
            # "UNIQUE constraint failed: projects.code" (the last column of a composite key)
            place = msg.split(":", 1)[1].split(",")[-1].strip()
            table, _, column = place.rpartition(".")
        return ConstraintViolation(
            f"{path.name}: the change breaks a rule of the database ({msg}); nothing was written.",
            table=table, kind=kind, column=column or None,
        )  # fmt: skip
    return DatabaseError(
        f"{path.name}: the database could not be used ({msg}); nothing was written."
    )


def translating(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` (a store method) with SQLite's errors translated as they leave it."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def generator(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

        return generator

    @functools.wraps(fn)
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    return method


def file_schema_version(path: Path) -> int | None:
    """The schema version written in a database file, read without opening it for use
    (None when it cannot be read: opening it will say why)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
