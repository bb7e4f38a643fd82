"""Reads for exports and snapshot compares: rows with their linked records
resolved to the human keys the import understands (bank name, zone name,
project code), streamed from one cursor so memory stays flat."""

from __future__ import annotations

import contextlib
import json
import operator
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from tracker.domain.filters import Filter

if TYPE_CHECKING:
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
    "disbursement_plans": {"project": "(SELECT code FROM projects WHERE id = t.project_id)"},
}
#: Tables of rows that belong to a project: a filter of projects selects their rows.
_OF_PROJECTS = ("project_updates", "disbursement_plans")
#: The same linked records as one join (export_csv_batches): column -> (key column,
#: table, shown column). Aliased columns so the filter's bare ``id`` stays unambiguous.
_JOIN_ONCE = {
    "bank": ("bank_id", "banks", "name"),
    "zone": ("zone_id", "zones", "name"),
    "project": ("project_id", "projects", "code"),
}
_REFERENCE = ("banks", "zones", "countries", "sectors", "regions", "fx_rates")
#: First characters (after any leading quotes) of text a spreadsheet runs as a formula;
#: the same rule as tracker.services.export.neutralise.
_FORMULA_FIRST = "('=', '+', '-', '@', char(9), char(13))"
_QUOTE = "''''"  # one single quote, as an SQL string literal


def export_rows(
    store: Store,
    table: str,
    flt: Filter | None = None,
    *,
    by_key: bool = False,
    project_names: bool = False,
) -> Iterator[dict[str, Any]]:
    """Rows of ``table`` that ``flt`` selects, in id order (or natural-key order with ``by_key``).

    For ``project_updates`` the filter is a filter of *projects*: the updates of
    the projects it selects. ``project_names``: rows of a project also carry its name
    (``project_name``, for people reading the Excel snapshot).
    """
    joined = "".join(f", {sql} AS {name}" for name, sql in _JOINED.get(table, {}).items())
    if project_names and table in _OF_PROJECTS:
        joined += ", (SELECT name FROM projects WHERE id = t.project_id) AS project_name"
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
    cur = _execute(store, table, flt, ", ".join(_cell_exprs(store, table, spec)), by_key=False)
    cur.row_factory = None  # plain tuples for csv.writer
    return iter(cur)


def _cell_exprs(store: Store, table: str, spec: list[tuple[str, str]]) -> list[str]:
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
            # Dates, numbers, timestamps: text there (from a file written elsewhere) is
            # neutralised too, whatever the column's type (OWASP: every cell).
            exprs.append(
                f"CASE WHEN typeof({src}) = 'text' AND substr(ltrim({src}, {_QUOTE}), 1, 1) "
                f"IN {_FORMULA_FIRST} THEN {_QUOTE} || {src} ELSE {src} END"
            )
    return exprs


#: Marks a cell SQLite cannot write exactly as csv.writer would (the batch is then
#: written cell by cell).
_ODD = "char(1)"
_FORMULA_CODES = "(61, 43, 45, 64, 9, 13)"  # = + - @ tab CR


def _line_expr(src: str, how: str, declared: str | None = None) -> str:
    """One cell as CSV text, or the marker when only Python can write it identically.

    Each mention of a column makes SQLite read it again, so the common case (text
    that does not start like a formula) costs two.
    """
    if how == "money":
        # Integer arithmetic, not printf: '1234567.89' for 123456789 minor units.
        return (
            f"CASE WHEN typeof({src}) = 'integer' AND {src} >= 0 "
            f"THEN ({src} / 100) || '.' || substr({src} % 100 + 100, 2) "
            f"WHEN {src} IS NULL THEN '' ELSE {_ODD} END"
        )
    if how == "text":
        # The first character by code point; after leading quotes only when there are some.
        expr = (
            f"CASE WHEN unicode({src}) IN {_FORMULA_CODES[:-1]}, 39) THEN CASE "
            f"WHEN unicode(ltrim({src}, {_QUOTE})) IN {_FORMULA_CODES} THEN {_QUOTE} || {src} "
            f"ELSE {src} END ELSE ifnull({src}, '') END"
        )
        if declared in (None, "TEXT"):  # None: a linked record's name or code (TEXT)
            return expr
        return f"CASE WHEN typeof({src}) IN ('text', 'null') THEN {expr} ELSE {_ODD} END"
    # plain integers and text as they are (csv.writer's str()); anything else via Python.
    if how == "plain" and declared == "pk":
        return src
    # Text in any column that starts like a formula goes through Python's cells, which
    # neutralise it (_cell_exprs): never written as it is (OWASP: every cell).
    formula = f"unicode(ltrim({src}, {_QUOTE})) IN {_FORMULA_CODES}"
    if how == "plain" and declared == "TEXT":
        return f"CASE WHEN {formula} THEN {_ODD} ELSE ifnull({src}, '') END"
    return (
        f"CASE typeof({src}) WHEN 'text' THEN CASE WHEN {formula} THEN {_ODD} ELSE {src} END "
        f"WHEN 'integer' THEN {src} WHEN 'null' THEN '' ELSE {_ODD} END"
    )


def export_csv_batches(
    store: Store, table: str, flt: Filter | None, spec: list[tuple[str, str]], *, size: int = 2000
) -> Iterator[tuple[int, str | list[tuple[Any, ...]]]]:
    """Rows as CSV (id order), in batches: ``(n, text)`` with ``n`` lines ready to write
    (``\r\n`` after each), or ``(n, cells)`` for csv.writer.

    ``spec`` is as for :func:`export_text_rows`, plus ``real`` for REAL columns: SQLite
    writes each line's other cells in C, joined by commas; the REAL cells come back as
    numbers and get Python's ``repr`` as csv.writer gives them. A batch whose text holds
    a character csv.writer would quote (``"`` CR LF, or a comma inside a cell, seen as
    a wrong comma count) or a cell SQLite cannot write as Python does is checked line
    by line, and the rows that fail are read again as cells (as :func:`export_text_rows`
    gives them), so the file is byte for byte what csv.writer writes. Tables not in id order always come as cells.
    """
    cells = _cell_exprs(store, table, spec)
    if table not in _JOINED and table not in ("banks", "zones"):
        cur = _execute(store, table, flt, ", ".join(cells), by_key=False)
        cur.row_factory = None
        while chunk := cur.fetchmany(size):
            yield len(chunk), chunk
        return
    joined = {col: "j.j_value" for col in _JOINED.get(table, {}) if col in {c for c, _ in spec}}
    join = ""
    for col in joined:  # at most one linked record per table
        key, other, shown = _JOIN_ONCE[col]
        join = (
            f" LEFT JOIN (SELECT id AS j_id, {shown} AS j_value FROM {other}) j ON j.j_id = t.{key}"
        )
    # Declared types: a TEXT column holds only text or NULL, an INTEGER PRIMARY KEY only
    # integers, so those need no type check (one column read less per cell).
    info = store._conn.execute(f"PRAGMA table_info({table})").fetchall()
    rowid_pk = [r[1] for r in info if r[5]] == ["id"] and all(
        r[2].upper() == "INTEGER" for r in info if r[5]
    )
    declared = {r[1]: "pk" if r[5] and rowid_pk else r[2].upper() for r in info}
    # Result columns: t.id, then text runs (consecutive non-REAL cells joined by SQLite)
    # and REAL cells, in CSV order.
    parts: list[str] = []
    run: list[str] = []
    reals: list[bool] = []
    for col, how in spec:
        src = joined.get(col, f"t.{col}")
        if how == "real":
            if run:
                parts.append(" || ',' || ".join(run))
                reals.append(False)
                run = []
            parts.append(src)
            reals.append(True)
        else:
            run.append(_line_expr(src, how, declared.get(col)))
    if run:
        parts.append(" || ',' || ".join(run))
        reals.append(False)
    cur = _execute(store, table, flt, "t.id, " + ", ".join(parts), by_key=False, join=join)
    cur.row_factory = None
    commas = len(spec) - 1
    to_line = _line_maker(reals)
    while chunk := cur.fetchmany(size):
        n = len(chunk)
        try:
            text = "\r\n".join(map(to_line, chunk)) + "\r\n"
        except TypeError:  # a REAL column holding something else
            text = ""
        if (
            text.count(",") == n * commas
            and text.count("\n") == n
            and text.count("\r") == n
            and '"' not in text
            and "\x01" not in text
        ):
            yield n, text
            continue
        yield from _mend(store, table, flt, cells, chunk, to_line, commas)


def _mend(
    store: Store,
    table: str,
    flt: Filter | None,
    cells: list[str],
    chunk: list[tuple[Any, ...]],
    to_line: Callable[[tuple[Any, ...]], str],
    commas: int,
) -> Iterator[tuple[int, str | list[tuple[Any, ...]]]]:
    """A batch that failed the check, row by row: good lines as text, the others read
    again as cells (in order), so one comma in a description costs one row, not 2000."""
    seq: list[str | int] = []
    bad: list[int] = []
    for r in chunk:
        try:
            line = to_line(r)
        except TypeError:  # a REAL column holding something else
            line = None
        if (
            line is None
            or line.count(",") != commas
            or '"' in line
            or "\r" in line
            or "\n" in line
            or "\x01" in line
        ):
            bad.append(r[0])
            seq.append(r[0])
        else:
            seq.append(line)
    again = _execute(store, table, flt, "t.id, " + ", ".join(cells), by_key=False, ids=bad)
    again.row_factory = None
    by_id = {r[0]: r[1:] for r in again}
    if len(by_id) != len(bad):  # the read transaction keeps the rows still; never expected
        raise RuntimeError(f"{table}: {len(by_id)} rows read again instead of {len(bad)}")
    text: list[str] = []
    rows: list[tuple[Any, ...]] = []
    for item in seq:
        if isinstance(item, str):
            if rows:
                yield len(rows), rows
                rows = []
            text.append(item)
        else:
            if text:
                yield len(text), "\r\n".join(text) + "\r\n"
                text = []
            rows.append(by_id[item])
    if rows:
        yield len(rows), rows
    if text:
        yield len(text), "\r\n".join(text) + "\r\n"


def _line_maker(reals: list[bool]) -> Callable[[tuple[Any, ...]], str]:
    """row -> CSV line for rows ``(id, part, ...)``: text runs as they are, REAL cells as
    csv.writer writes them ('' for NULL, ``repr``; TypeError for anything but a float).

    One f-string per row (compiled from the column positions only) instead of a call
    per cell: a million rows of projects cost ~0.8 s rather than ~1.4 s.
    """
    if reals == [False]:
        return operator.itemgetter(1)  # type: ignore[return-value]
    parts = [
        f"{{'' if r[{i}] is None else R(r[{i}])}}" if real else f"{{r[{i}]}}"
        for i, real in enumerate(reals, start=1)
    ]
    code = 'lambda r: f"' + ",".join(parts) + '"'
    return eval(code, {"R": float.__repr__})  # type: ignore[no-any-return]  # noqa: S307


def _execute(
    store: Store,
    table: str,
    flt: Filter | None,
    select: str,
    *,
    by_key: bool,
    ids: list[int] | None = None,
    join: str = "",
) -> Any:
    flt = flt or Filter()
    if table not in _REFERENCE and table not in _JOINED:
        raise ValueError(f"unknown table {table!r}")
    sql = f"SELECT {select} FROM {table} t{join}"
    if table in _REFERENCE:
        where, params = "", []
    elif table in _OF_PROJECTS:
        where, params = store.where("projects", flt)
        if where:
            where = f"t.project_id IN (SELECT id FROM projects WHERE {where})"
    else:
        where, params = store.where(table, flt)
    if ids is not None:
        only = "t.id IN (SELECT value FROM json_each(?))"
        where = f"({where}) AND {only}" if where else only
        params = [*params, json.dumps(ids)]
    if where:
        sql += f" WHERE {where}"
    if by_key and table in NATURAL_KEY:
        sql += f" ORDER BY t.{NATURAL_KEY[table]}"
    elif table == "fx_rates":
        sql += " ORDER BY t.currency, t.date"
    elif table == "project_updates" and by_key:
        sql += f" ORDER BY {_JOINED[table]['project']}, t.as_of, t.id"
    elif table == "disbursement_plans" and by_key:
        sql += f" ORDER BY {_JOINED[table]['project']}, t.date, t.id"
    else:
        sql += (
            " ORDER BY t.code" if table in ("countries", "sectors", "regions") else " ORDER BY t.id"
        )
    return store._conn.execute(sql, params)


def count_rows(store: Store, table: str, flt: Filter | None = None) -> int:
    """How many rows :func:`export_rows` will give."""
    flt = flt or Filter()
    if table in _REFERENCE:
        return store.count(table)
    if table in _OF_PROJECTS:
        where, params = store.where("projects", flt)
        sql = f"SELECT count(*) FROM {table}"
        if where:
            sql += f" WHERE project_id IN (SELECT id FROM projects WHERE {where})"
        return store._conn.execute(sql, params).fetchone()[0]
    return store.count(table, flt)


@contextlib.contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """Every read inside sees the database at one moment (a WAL read transaction), so a
    snapshot's sheets agree even while another window saves."""
    conn = store._conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


class ExportReads:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: reads for exports."""

    def export_rows(self, table: str, flt: Filter | None = None, *,
                    by_key: bool = False) -> Iterator[dict[str, Any]]:  # fmt: skip
        """Rows with linked records by their human keys (see :func:`export_rows`)."""
        yield from export_rows(self, table, flt, by_key=by_key)  # type: ignore[arg-type]

    def export_text_rows(self, table: str, flt: Filter | None,
                         spec: list[tuple[str, str]]) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        """Rows as CSV cells (see :func:`export_text_rows`)."""
        yield from export_text_rows(self, table, flt, spec)  # type: ignore[arg-type]

    def export_csv_batches(self, table: str, flt: Filter | None, spec: list[tuple[str, str]], *,
                           size: int = 2000) -> Iterator[tuple[int, str | list[tuple[Any, ...]]]]:  # fmt: skip
        """Rows as CSV text in batches (see :func:`export_csv_batches`)."""
        yield from export_csv_batches(self, table, flt, spec, size=size)  # type: ignore[arg-type]

    def count_export_rows(self, table: str, flt: Filter | None = None) -> int:
        """How many rows :meth:`export_rows` will give."""
        return count_rows(self, table, flt)  # type: ignore[arg-type]

    def read_snapshot(self) -> contextlib.AbstractContextManager[None]:
        """Every read inside sees the database at one moment."""
        return read_snapshot(self)  # type: ignore[arg-type]
