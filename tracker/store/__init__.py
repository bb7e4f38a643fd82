"""The data API (:mod:`tracker.store.api`) and its SQLite backend: the only place
that knows SQL. Errors are the program's own (:mod:`tracker.domain.errors`)."""

from tracker.domain.errors import (
    ConstraintViolation,
    CorruptDatabase,
    DatabaseError,
    DiskFull,
    ForeignDatabase,
    ForeignSchema,
    Interrupted,
    NewerSchema,
    NotFound,
    ReadOnlyError,
    StaleWrite,
    StoreError,
)
from tracker.store.api import PortfolioDB
from tracker.store.schema import VERSIONED, now_iso, pk_of
from tracker.store.sqlite_file import file_schema_version
from tracker.store.sqlite_store import SCHEMA_VERSION, Store

__all__ = [
    "SCHEMA_VERSION",
    "VERSIONED",
    "ConstraintViolation",
    "CorruptDatabase",
    "DatabaseError",
    "DiskFull",
    "ForeignDatabase",
    "ForeignSchema",
    "Interrupted",
    "NewerSchema",
    "NotFound",
    "PortfolioDB",
    "ReadOnlyError",
    "StaleWrite",
    "Store",
    "StoreError",
    "file_schema_version",
    "now_iso",
    "pk_of",
]
