"""``tracker copy``: a whole portfolio between any two databases (file → server, server →
file, file → file, server → server); the copy itself is :mod:`.transfer`."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tracker.store.errors import StoreError
from tracker.store.postgres import schema
from tracker.store.postgres.store import PgStore
from tracker.store.postgres.transfer import (  # noqa: F401 - the copy's tables, for callers
    MONEY,
    RECORD_TABLES,
    AnyStore,
    CopyReport,
    _load,
    _to_file,
)
from tracker.store.postgres.urls import is_url, redact
from tracker.store.sqlite_store import Store


def open_any(target: str | os.PathLike[str], *, read_only: bool = False, create: bool = False,
             password: str | None = None, backup: bool = True) -> AnyStore:  # fmt: skip
    """A file path or a ``postgresql://`` URL -> the store of that backend."""
    if is_url(target):
        return PgStore.open(str(target), read_only=read_only, create=create, password=password)
    return Store.open(target, read_only=read_only, create=create, backup=backup)


def copy_portfolio(source: str, target: str, *, source_password: str | None = None,
                   target_password: str | None = None) -> CopyReport:  # fmt: skip
    """Copy the portfolio at ``source`` to ``target`` (file path or URL), verified."""
    if not is_url(source) and not Path(source).exists():
        raise StoreError(f"{source} does not exist.")
    if not is_url(source) and not is_url(target):
        with contextlib.suppress(OSError):
            if Path(target).exists() and Path(source).samefile(target):
                raise StoreError("The source and the target are the same file.")
    if is_url(source) and is_url(target) and redact(source) == redact(target):
        raise StoreError("The source and the target are the same database.")
    src = open_any(source, read_only=True, password=source_password, backup=False)
    try:
        if is_url(target):
            return _to_server(src, target, password=target_password)
        return _to_file(src, Path(target))
    finally:
        src.close(backup=False)


def _to_server(src: AnyStore, url: str, *, password: str | None) -> CopyReport:
    dst = PgStore.open(url, create=True, password=password)
    try:
        tables = [t for t in schema.TABLES if t != "meta"]
        with dst.bulk_loading(tables):
            report = _load(src, dst, target=dst.name)
        dst.settle(tables)
        return report
    finally:
        dst.close()
