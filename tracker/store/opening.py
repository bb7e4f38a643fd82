"""One door for every backend: a database file path or a ``postgresql://`` URL.

The file is the default for one desk; a URL opens the team's portfolio on a
PostgreSQL server (:mod:`tracker.store.postgres`, imported only then, so a
file never loads psycopg).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCHEMES = ("postgresql://", "postgres://")


def is_server(target: object) -> bool:
    """True for a PostgreSQL connection URL."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def display_name(target: str | os.PathLike[str]) -> str:
    """What to call a database in a message: a file's name, or 'db on host' (no password)."""
    if is_server(target):
        from tracker.store.postgres.urls import describe

        return describe(str(target))
    return Path(target).name


def safe_target(target: str | os.PathLike[str]) -> str:
    """The target as it may be stored in settings or logs: a URL without its password."""
    if is_server(target):
        from tracker.store.postgres.urls import redact

        return redact(str(target))
    return str(target)


def url_password(target: str | os.PathLike[str]) -> str | None:
    """The password a server URL carries in itself; None for a file or a URL without one."""
    if is_server(target):
        from tracker.store.postgres.urls import password_in

        return password_in(str(target))
    return None


def open_database(target: str | os.PathLike[str], *, read_only: bool = False,
                  create: bool = False, backup: bool = True, password: str | None = None,
                  **kwargs: Any) -> Any:  # fmt: skip
    """The store of ``target``: ``Store`` for a file, ``PgStore`` for a server URL."""
    if is_server(target):
        from tracker.store.postgres import PgStore

        return PgStore.open(str(target), read_only=read_only, create=create, password=password)
    from tracker.store.sqlite_store import Store

    return Store.open(target, read_only=read_only, create=create, backup=backup, **kwargs)


@contextlib.contextmanager
def local_copy(target: str | os.PathLike[str], *, password: str | None = None) -> Iterator[Path]:
    """A database file to read from: the file itself, or for a server a SQLite copy of its
    portfolio made in one snapshot transaction (removed afterwards).

    Exports, reports, IATI, charts and comparisons of a server portfolio read such a
    copy, so they give exactly what they give for a file, from one consistent moment.
    """
    if not is_server(target):
        yield Path(target)
        return
    from tracker.store.postgres import PgStore

    folder = Path(tempfile.mkdtemp(prefix="tracker-snapshot-"))
    try:
        path = folder / "portfolio.sqlite3"
        with PgStore.open(str(target), read_only=True, password=password) as store:
            store.backup_to(path)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
