"""Rotating backups with SQLite's backup API, and restoring one."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tracker.safe_files import exclusive_part
from tracker.store.sqlite_file import check_header, translate


class OpenFile(Protocol):
    """What a backup needs of an open store (its path and connection): no import of the
    store class, which itself backs up on open and close."""

    path: Path
    _conn: sqlite3.Connection
    backup_failure: str


DEFAULT_KEEP = 10
#: Who hears that an automatic backup failed (the CLI prints it on stderr, the window in
#: its status bar): a failed copy is never silent (issue 13).
_FAILURE_LISTENERS: list[Callable[[str], None]] = []


def on_failure(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener(message)`` when an automatic backup fails; returns the undo."""
    _FAILURE_LISTENERS.append(listener)
    return lambda: _FAILURE_LISTENERS.remove(listener) if listener in _FAILURE_LISTENERS else None


def failed(store: OpenFile, folder: Path, exc: BaseException) -> str:
    """Say that an automatic backup of ``store`` could not be made; returns the message."""
    why = getattr(exc, "strerror", None) or str(exc)
    msg = (f"the automatic backup of {store.path.name} could not be made in {folder} ({why}); "
           "the file itself is unchanged, but there is no new copy of it")  # fmt: skip
    store.backup_failure = msg
    for listener in list(_FAILURE_LISTENERS):
        listener(msg)
    return msg


#: Reasons of the copies made on open and close, which rotate (keep the newest N).
AUTOMATIC = frozenset({"open", "close"})
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}(?:\d{6})?Z)-(?P<reason>[\w.-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def default_dir(db_path: Path) -> Path:
    """Backups live beside the database, in '<name>-backups/'."""
    return db_path.parent / f"{db_path.stem}-backups"


#: Pages copied per step of a backup that reports its progress.
PAGES_PER_STEP = 1024


def copy_database(conn: sqlite3.Connection, target: Path,
                  progress: Callable[[int, int], None] | None = None) -> Path:  # fmt: skip
    """A consistent copy of an open database, made with the backup API, owner-only.

    ``progress(pages_done, pages)`` is called between steps; if it raises (a cancel),
    the copy stops and its part file is removed.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = exclusive_part(
        target
    )  # owner-only, created exclusively: a planted link can't redirect it
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            if progress is None:
                conn.backup(dst)
            else:
                conn.backup(dst, pages=PAGES_PER_STEP, sleep=0,
                            progress=lambda _s, left, total: progress(total - left, total))  # fmt: skip
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return target


def list_backups(folder: Path, stem: str | None = None) -> list[Backup]:
    """Backups in a folder, newest first."""
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if not m or (stem is not None and m["stem"] != stem):
            continue
        stamp = m["stamp"]
        fmt = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
        taken = dt.datetime.strptime(stamp, fmt).replace(tzinfo=dt.UTC)
        try:
            size = p.stat().st_size
        except FileNotFoundError:
            continue  # another process rotated it away just now
        out.append(Backup(p, taken, m["reason"], size))
    out.sort(key=lambda b: b.taken_at, reverse=True)
    return out


def make_backup(
    store: OpenFile,
    folder: Path,
    *,
    keep: int = DEFAULT_KEEP,
    reason: str = "manual",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Copy the database into ``folder`` and keep only the newest ``keep`` automatic copies."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{store.path.stem}-{stamp}-{reason}.sqlite3"
    copy_database(store._conn, target, progress)
    if keep > 0:
        # Only the automatic copies rotate: one made by hand or before an upgrade or a
        # restore is the way back from that step and stays until the person removes it.
        mine = [b for b in list_backups(folder, store.path.stem) if b.reason in AUTOMATIC]
        for old in mine[keep:]:
            old.path.unlink(missing_ok=True)
    return target


def _last_audit_id(conn: sqlite3.Connection) -> int | None:
    try:
        return conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    except sqlite3.Error:
        return None


def auto_backup(
    store: OpenFile, folder: Path, *, keep: int = DEFAULT_KEEP, reason: str = "open"
) -> Path | None:
    """Back up on open unless the newest backup already holds the same data.

    Every change writes an audit row, so the last audit id tells whether the
    file moved on since that backup; this keeps an open cheap when nothing did.
    """
    newest = list_backups(Path(folder), store.path.stem)
    if newest:
        try:
            other = sqlite3.connect(f"{newest[0].path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                same = _last_audit_id(other) == _last_audit_id(store._conn)
            finally:
                other.close()
        except sqlite3.Error:
            same = False
        if same:
            return None
    try:
        return make_backup(store, folder, keep=keep, reason=reason)
    except (OSError, sqlite3.Error) as exc:
        # A backup folder we cannot write must not stop the person from working; said.
        failed(store, Path(folder), exc)
        return None


def copy_file_over(src: Path, dst: Path, *, live: bool) -> None:
    """Replace the database ``dst`` with a copy of ``src`` (a checked backup).

    ``live``: ``dst`` is a healthy database, written through SQLite's locks (safe even
    while another window has it open); otherwise a new file replaces it whole.
    """
    try:
        src_conn = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if live:
                dst_conn = sqlite3.connect(str(dst), timeout=15)
                try:
                    src_conn.backup(dst_conn)
                finally:
                    dst_conn.close()
            else:
                tmp = dst.with_name(dst.name + ".restoring")
                copy_database(src_conn, tmp)
                for suffix in ("-wal", "-shm"):
                    Path(str(dst) + suffix).unlink(missing_ok=True)
                os.replace(tmp, dst)
        finally:
            src_conn.close()
    except sqlite3.Error as exc:
        raise translate(exc, dst) from exc
    check_header(dst)
