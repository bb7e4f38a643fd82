"""The only place that writes SQL: open, migrate, query, audit, back up."""

from tracker.store.errors import (
    CorruptDatabase,
    DiskFull,
    ForeignDatabase,
    ForeignSchema,
    NewerSchema,
    NotFound,
    ReadOnlyError,
    StaleWrite,
    StoreError,
)
from tracker.store.sqlite_store import SCHEMA_VERSION, Store

__all__ = [
    "SCHEMA_VERSION",
    "CorruptDatabase",
    "DiskFull",
    "ForeignDatabase",
    "ForeignSchema",
    "NewerSchema",
    "NotFound",
    "ReadOnlyError",
    "StaleWrite",
    "Store",
    "StoreError",
]
