"""Read queries for snapshots (export and compare): rows with their linked
records resolved to the human keys the import understands (bank name, zone
name, project code), streamed from one cursor so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.domain.filters import Filter
from tracker.store.sqlite_store import Store

#: Natural key of each table, the order compare walks them in.
NATURAL_KEY = {
    "projects": "code",
    "residents": "name",
    "ventures": "name",
    "banks": "name",
    "zones": "name",
    "countries": "code",
    "sectors": "code",
    "regions": "code",
}

_SELECT = {
    "projects": "SELECT t.*, (SELECT name FROM banks WHERE id = t.bank_id) AS bank FROM projects t",
    "residents": "SELECT t.*, (SELECT name FROM zones WHERE id = t.zone_id) AS zone FROM residents t",
    "ventures": "SELECT t.* FROM ventures t",
    "project_updates": "SELECT t.*, (SELECT code FROM projects WHERE id = t.project_id) AS project "
    "FROM project_updates t",
}
_REFERENCE = ("banks", "zones", "countries", "sectors", "regions", "fx_rates")


def export_rows(
    store: Store, table: str, flt: Filter | None = None, *, by_key: bool = False
) -> Iterator[dict[str, Any]]:
    """Rows of ``table`` that ``flt`` selects, in id order (or natural-key order with ``by_key``).

    For ``project_updates`` the filter is a filter of *projects*: the updates of
    the projects it selects.
    """
    flt = flt or Filter()
    if table in _REFERENCE:
        sql = f"SELECT * FROM {table} t"
        where, params = "", []
    elif table == "project_updates":
        sql = _SELECT[table]
        where, params = store.where("projects", flt)
        if where:
            where = f"t.project_id IN (SELECT id FROM projects WHERE {where})"
    else:
        sql = _SELECT[table]
        where, params = store.where(table, flt)
    if where:
        sql += f" WHERE {where}"
    if by_key and table in NATURAL_KEY:
        sql += f" ORDER BY t.{NATURAL_KEY[table]}"
    elif table == "fx_rates":
        sql += " ORDER BY t.currency, t.date"
    elif table == "project_updates" and by_key:
        sql += " ORDER BY project, t.as_of, t.id"
    else:
        sql += (
            " ORDER BY t.code" if table in ("countries", "sectors", "regions") else " ORDER BY t.id"
        )
    cur = store.conn.execute(sql, params)
    while True:
        chunk = cur.fetchmany(2000)
        if not chunk:
            return
        for r in chunk:
            yield dict(r)


def count_rows(store: Store, table: str, flt: Filter | None = None) -> int:
    """How many rows :func:`export_rows` will give."""
    flt = flt or Filter()
    if table in _REFERENCE:
        return store.count(table)
    if table == "project_updates":
        where, params = store.where("projects", flt)
        sql = "SELECT count(*) FROM project_updates"
        if where:
            sql += f" WHERE project_id IN (SELECT id FROM projects WHERE {where})"
        return store.conn.execute(sql, params).fetchone()[0]
    return store.count(table, flt)
