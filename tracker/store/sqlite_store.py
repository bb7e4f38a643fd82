"""The SQLite backend of the data API: one file, WAL, foreign keys, versioned rows,
audit log. The class is put together from one mixin per concern, each in its own module:

- :mod:`~tracker.store.sqlite_file`: the file's header, connecting, SQLite's errors translated;
- :mod:`~tracker.store.connection`: opening, migrating, closing, transactions;
- :mod:`~tracker.store.records`: one record at a time, with its audit;
- :mod:`~tracker.store.queries`: filters, ordered ids, pages, sums, lookups;
- :mod:`~tracker.store.ordered_ids`: the record view's ordered ids, kept orders;
- :mod:`~tracker.store.aggregates`: counts and sums for charts and totals;
- :mod:`~tracker.store.bulk_insert`: many rows at once;
- :mod:`~tracker.store.export_reads`: rows for exports, read at one moment;
- :mod:`~tracker.store.integrity`: checks, backups and copies of the file.
"""

from __future__ import annotations

from tracker.store.aggregates import Aggregates
from tracker.store.bulk_insert import BulkInsert
from tracker.store.connection import Connection
from tracker.store.export_reads import ExportReads
from tracker.store.integrity import Integrity
from tracker.store.migrations import SCHEMA_VERSION
from tracker.store.ordered_ids import OrderedIds
from tracker.store.queries import Queries
from tracker.store.records import Records
from tracker.store.schema import (
    FILTER_ALIASES,
    FILTER_COLUMNS,
    FTS_TABLES,
    PK,
    VERSIONED,
    _generated,
    _t,
    fts_query,
    now_iso,
    pk_of,
)
from tracker.store.sqlite_file import BUSY_TIMEOUT_MS, _connect, check_header, translating

__all__ = [
    "BUSY_TIMEOUT_MS",
    "FILTER_ALIASES",
    "FILTER_COLUMNS",
    "FTS_TABLES",
    "PK",
    "SCHEMA_VERSION",
    "VERSIONED",
    "Store",
    "_generated",
    "_t",
    "_connect",
    "check_header",
    "fts_query",
    "now_iso",
    "pk_of",
]


class Store(Connection, Records, Queries, OrderedIds, Aggregates, BulkInsert, ExportReads,
            Integrity):  # fmt: skip
    """One open database file (see :class:`tracker.store.api.PortfolioDB` for the API).

    Writes go through :meth:`write` (one short ``BEGIN IMMEDIATE`` transaction),
    every row change is recorded in ``audit_log``, and edits carry the row
    ``version`` so a stale save is refused. SQLite's errors leave its public
    methods as the program's own (:mod:`tracker.domain.errors`).
    """

    backend = "sqlite"


def _translate_public_methods(cls: type) -> None:
    import inspect

    for klass in cls.__mro__[1:-1]:
        for name, fn in vars(klass).items():
            if name.startswith("_") or not inspect.isfunction(fn) or name in vars(cls):
                continue
            if name in ("write",):  # context managers translate inside (see Connection._write)
                continue
            setattr(cls, name, translating(fn))


_translate_public_methods(Store)
