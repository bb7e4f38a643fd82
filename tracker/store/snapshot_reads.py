"""Read queries for snapshots (export and compare): rows with their linked
records resolved to the human keys the import understands (bank name, zone
name, project code), streamed from one cursor so memory stays flat."""

from __future__ import annotations

import contextlib
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
#: Linked records by their human key: column name in exports -> SQL over the row ``t``.
_JOINED = {
    "projects": {"bank": "(SELECT name FROM banks WHERE id = t.bank_id)"},
    "residents": {"zone": "(SELECT name FROM zones WHERE id = t.zone_id)"},
    "ventures": {},
    "project_updates": {"project": "(SELECT code FROM projects WHERE id = t.project_id)"},
}
_REFERENCE = ("banks", "zones", "countries", "sectors", "regions", "fx_rates")
#: First characters (after any leading quotes) of text a spreadsheet runs as a formula;
#: the same rule as tracker.services.export.neutralise.
_FORMULA_FIRST = "('=', '+', '-', '@', char(9), char(13))"
_QUOTE = "''''"  # one single quote, as an SQL string literal


def export_rows(
    store: Store, table: str, flt: Filter | None = None, *, by_key: bool = False
) -> Iterator[dict[str, Any]]:
    """Rows of ``table`` that ``flt`` selects, in id order (or natural-key order with ``by_key``).

    For ``project_updates`` the filter is a filter of *projects*: the updates of
    the projects it selects.
    """
    joined = "".join(f", {sql} AS {name}" for name, sql in _JOINED.get(table, {}).items())
    cur = _execute(store, table, flt, f"t.*{joined}", by_key=by_key)
    while True:
        chunk = cur.fetchmany(2000)
        if not chunk:
            return
        for r in chunk:
            yield dict(r)


def export_text_rows(
    store: Store, table: str, flt: Filter | None, spec: list[tuple[str, str]]
) -> Iterator[tuple[Any, ...]]:
    """Rows as CSV cells, formatted by SQLite in C (id order).

    ``spec`` lists (column, how): ``money`` (minor units -> '1234567.89'),
    ``text`` (text a spreadsheet would run as a formula gets a leading quote)
    or ``plain``.
    """
    joined = _JOINED.get(table, {})
    known = set(store._columns(table)) | set(joined)
    exprs = []
    for col, how in spec:
        if col not in known:
            raise ValueError(f"{table} has no column {col!r}")
        src = joined.get(col, f"t.{col}")
        if how == "money":
            exprs.append(
                f"CASE WHEN {src} IS NULL THEN NULL WHEN {src} < 0 "
                f"THEN printf('-%d.%02d', -{src} / 100, -{src} % 100) "
                f"ELSE printf('%d.%02d', {src} / 100, {src} % 100) END"
            )
        elif how == "text":
            exprs.append(
                f"CASE WHEN substr(ltrim({src}, {_QUOTE}), 1, 1) IN {_FORMULA_FIRST} "
                f"THEN {_QUOTE} || {src} ELSE {src} END"
            )
        else:
            exprs.append(src)
    cur = _execute(store, table, flt, ", ".join(exprs), by_key=False)
    cur.row_factory = None  # plain tuples for csv.writer
    return iter(cur)


def _execute(store: Store, table: str, flt: Filter | None, select: str, *, by_key: bool) -> Any:
    flt = flt or Filter()
    if table not in _REFERENCE and table not in _JOINED:
        raise ValueError(f"unknown table {table!r}")
    sql = f"SELECT {select} FROM {table} t"
    if table in _REFERENCE:
        where, params = "", []
    elif table == "project_updates":
        where, params = store.where("projects", flt)
        if where:
            where = f"t.project_id IN (SELECT id FROM projects WHERE {where})"
    else:
        where, params = store.where(table, flt)
    if where:
        sql += f" WHERE {where}"
    if by_key and table in NATURAL_KEY:
        sql += f" ORDER BY t.{NATURAL_KEY[table]}"
    elif table == "fx_rates":
        sql += " ORDER BY t.currency, t.date"
    elif table == "project_updates" and by_key:
        sql += f" ORDER BY {_JOINED[table]['project']}, t.as_of, t.id"
    else:
        sql += (
            " ORDER BY t.code" if table in ("countries", "sectors", "regions") else " ORDER BY t.id"
        )
    return store.conn.execute(sql, params)


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


@contextlib.contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """Every read inside sees the database at one moment (a WAL read transaction), so a
    snapshot's sheets agree even while another window saves."""
    conn = store.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
