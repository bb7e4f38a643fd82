"""What the store knows about its tables: keys, versioned tables, filter columns,
and the guards that keep table and column names out of reach of user text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tracker.domain.fields import KINDS

#: Primary key column of each table.
PK = {"countries": "code", "sectors": "code", "regions": "code"}
#: Tables whose rows carry version/updated_at.
VERSIONED = {"projects", "residents", "ventures", "banks", "zones", "countries", "sectors",
             "regions", "fx_rates", "disbursement_plans"}  # fmt: skip
#: Columns that filters may use, per table.
FILTER_COLUMNS = {
    "projects": {"status", "sector", "bank_id", "region"},
    "residents": {"status", "sector", "zone_id", "country"},
    "ventures": {"status", "sector", "region", "kind", "country"},
    "project_updates": {"status"},
}
#: Filter name -> column where they differ.
FILTER_ALIASES = {("ventures", "country"): "partner_country"}
FTS_TABLES = {"projects", "residents", "ventures"}
TABLES = set(KINDS) | {"audit_log", "snapshots", "meta"}


def now_iso() -> str:
    """The time stamp rows and audit entries carry (UTC, milliseconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def pk_of(table: str) -> str:
    return PK.get(table, "id")


def fts_query(text: str) -> str | None:
    """User text -> a safe FTS5 prefix query: every word quoted, so it is data, never syntax."""
    text = "".join(
        " " if ch == '"' or ord(ch) < 32 else ch for ch in text
    )  # NUL ends an FTS5 string
    words = [w for w in text.split() if w]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def _t(table: str) -> str:
    """``table`` if it is one of the store's tables (names are put into SQL text)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    return table


def _col(table: str, col: str, store: Any = None) -> None:
    """Refuse a column name the table does not have (or, without a store, a non-name)."""
    if store is not None:
        if col not in store._columns(table):
            raise ValueError(f"{table} has no column {col!r}")
    elif not col.isidentifier():
        raise ValueError(f"bad column name {col!r}")


def _generated(table: str) -> set[str]:
    return {"kind"} if table == "ventures" else set()
