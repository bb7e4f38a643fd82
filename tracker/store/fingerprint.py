"""A cheap stamp of a portfolio file's contents, to know a saved picture is still true.

The window keeps a picture of each chart it showed when it closed, and shows
it at the next start instead of loading matplotlib and aggregating a million
rows first (PRODUCT.md §9, start-up). That is only honest while the file holds
what it held then. Every write through :class:`Store` appends to the audit log
(append-only, enforced by triggers), so the last audit row names the file's
state; its time and content also tell two histories apart after a backup was
restored and edited again. Files written without an audit trail (the demo and
synthetic generators) are told apart by the file's creation stamp and the
highest row id of each table. All of it is read from indexes (a few
milliseconds on a million projects), never a table scan.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

#: Tables whose contents no chart shows: a write there leaves the pictures true.
_IGNORED = frozenset({"meta", "snapshots", "sqlite_stat1", "sqlite_sequence"})


def data_stamp(conn: sqlite3.Connection) -> str:
    """Hex digest that changes whenever the file's records change (through any connection)."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
        if name not in _IGNORED and "_fts" not in name
    ]
    created = conn.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
    parts: list[object] = [
        conn.execute("PRAGMA schema_version").fetchone()[0],
        created[0] if created else None,
    ]
    for name in tables:
        parts.append([name, conn.execute(f'SELECT max(rowid) FROM "{name}"').fetchone()[0]])
    if "audit_log" in tables:
        last = conn.execute(
            "SELECT id, at, user, table_name, row_id, action, changes"
            " FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        parts.append(list(last) if last else None)
    blob = json.dumps(parts, default=str, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()
