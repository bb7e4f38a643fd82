"""Many new rows at once, each with its own audit entry (the import's bulk path), and
the bulk loads that rebuild indexes and full-text search once at the end.

``Store.insert`` costs a Python round trip, a ``json.dumps`` and two statements
per row: 100k imported projects took over a minute. Here the rows go in with
one ``executemany`` and SQLite writes their audit entries itself
(``INSERT … SELECT json_object(…)`` over the new rows), inside the caller's
transaction, so the import stays all or nothing. The audit entries carry the
same ``{column: [null, value]}`` changes ``Store.insert`` records.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from operator import itemgetter, methodcaller
from typing import TYPE_CHECKING, Any

from tracker.domain.errors import ConstraintViolation, StoreError
from tracker.store.schema import FTS_TABLES, VERSIONED, _col, _t, now_iso, pk_of

if TYPE_CHECKING:
    from tracker.store.sqlite_store import Store

#: Below this many new rows the indexes are kept and updated row by row.
REBUILD_MIN = 5_000
#: Rows per INSERT statement of a bulk insert, and the most parameters a statement binds
#: (999: the lowest limit SQLite builds have had).
ROWS_PER_STATEMENT = 50
MAX_PARAMS = 999
#: Page cache (KiB) while a bulk insert runs; the connection's own size is put back after.
BULK_CACHE_KIB = 128 * 1024
#: A bulk insert reports how far it is every this many rows.
PROGRESS_ROWS = 5000
#: ``progress(rows_done, rows)``; it may raise (a cancel) to stop the insert.
Progress = Callable[[int, int], None]


def insert_audited(store: Store, table: str, rows: Sequence[Mapping[str, Any]], *, user: str,
                   action: str = "insert", progress: Progress | None = None) -> list[int]:  # fmt: skip
    """Insert ``rows`` (all with the same keys, no ``id``) and audit each; returns their new ids.

    Rows with differing keys, or giving their own id, go through ``Store.insert`` one by one.
    """
    if getattr(store, "backend", "sqlite") != "sqlite":  # a server store has its own bulk path
        return store.insert_audited(table, rows, user=user, action=action)
    if not rows:
        return []
    cols = list(rows[0])
    first = rows[0].keys()
    # Same keys in every row (their order does not matter: values are taken by name).
    if "id" in cols or not all(map(first.__eq__, map(methodcaller("keys"), rows))):
        with store._write():
            return [store.insert(table, r, user=user, action=action) for r in rows]
    get = itemgetter(*cols)
    flat = list(chain.from_iterable(map(get, rows))) if len(cols) > 1 else list(map(get, rows))
    return _insert_values(store, table, cols, flat, len(rows), user=user, action=action,
                          progress=progress)  # fmt: skip


def insert_columns(store: Store, table: str, names: Sequence[str], cols: Sequence[Sequence[Any]],
                   *, user: str, action: str = "insert", progress: Progress | None = None,
                   summary: Mapping[str, Any] | None = None) -> list[int]:  # fmt: skip
    """``insert_audited`` for rows given as columns (``cols[j]`` holds ``names[j]`` of every
    row): the rows are bound straight from the columns, no mapping made per row.

    With ``summary`` the lot gets one audit entry (``summary`` and the row count) instead of
    one per row: for generated rows (benchmarks), never for a person's data."""
    if getattr(store, "backend", "sqlite") != "sqlite":
        return store.insert_columns(table, names, cols, user=user, action=action)
    n = len(cols[0]) if cols else 0
    if len(names) != len(cols) or any(len(c) != n for c in cols):
        raise ValueError("one name per column, and every column as long as the first")
    if "id" in names:
        raise ValueError("new rows get their ids from the store")
    if not n:
        return []
    w = len(cols)
    flat: list[Any] = [None] * (n * w)
    for j, col in enumerate(cols):  # row-major, a column at a time (C-level slice assignment)
        flat[j::w] = col
    return _insert_values(store, table, list(names), flat, n, user=user, action=action,
                          progress=progress, summary=summary)  # fmt: skip


def _insert_values(store: Store, table: str, cols: list[str], flat: list[Any], n: int, *,
                   user: str, action: str, progress: Progress | None = None,
                   summary: Mapping[str, Any] | None = None) -> list[int]:  # fmt: skip
    """Insert ``n`` rows of ``cols`` (their values one row after another in ``flat``) and
    audit each."""
    for c in cols:
        _col(table, c, store)
    defaults = store._not_null_defaults(table)
    # Each row goes in as its run of values in ``flat``; the defaults of empty NOT NULL cells
    # and the version/updated_at constants are put in by SQLite (coalesce and
    # literals), not by Python per row.
    slots = [f"coalesce(?, {_literal(defaults[c])})" if c in defaults else "?" for c in cols]
    all_cols = list(cols)
    if table in VERSIONED:
        if "updated_at" in cols:
            raise ValueError("updated_at is set by the store")
        if "version" not in cols:
            all_cols.append("version")
            slots.append("1")
        all_cols.append("updated_at")
        slots.append(_literal(now_iso()))
    audited = [c for c in all_cols if c != "updated_at"]
    changes = _changes_json(audited)
    t = _t(table)
    # The connection's page cache is small (2 MB): 100k rows, their index builds
    # (the sorter works in memory up to the cache size) and full-text pages then
    # spill to the WAL and temp files mid-transaction. A larger cache for this call.
    cache = store._conn.execute("PRAGMA cache_size").fetchone()[0]
    store._conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    # The links are checked once for all new rows after the insert (_check_links) instead of
    # SQLite looking up each row's parents (15 % of the insert). The pragma only takes
    # effect outside a transaction: inside an outer write it stays on, which is as safe.
    fk = store._conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if fk and not store._conn.in_transaction:
        store._conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return _insert(store, table, t, n, all_cols, slots, flat, changes, user, action, progress,
                       summary)  # fmt: skip
    finally:
        store._conn.execute(f"PRAGMA cache_size = {int(cache)}")
        if fk:
            store._conn.execute("PRAGMA foreign_keys = ON")


def _insert(store: Store, table: str, t: str, n: int,
            all_cols: list[str], slots: list[str], flat: list[Any], changes: str, user: str,
            action: str, progress: Progress | None = None,
            summary: Mapping[str, Any] | None = None) -> list[int]:  # fmt: skip
    with store._write() as c:
        before = c.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
        # The full-text insert trigger costs ~100 µs a row; one INSERT … SELECT afterwards ~7 µs.
        trigger = c.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (f"{table}_ai",)
        ).fetchone()
        if trigger:
            c.execute(f'DROP TRIGGER "{table}_ai"')
        # More new rows than old ones (a first import): building each index once, sorted,
        # costs a fraction of inserting 13 index entries per row (4.4 s of 5.6 s for 100k).
        indexes = []
        if n >= REBUILD_MIN and n > c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]:
            indexes = c.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL", (table,)
            ).fetchall()  # fmt: skip
            for name, _ in indexes:
                c.execute(f'DROP INDEX "{name}"')
        _execute_in_batches(c, f"INSERT INTO {t} ({', '.join(all_cols)}) VALUES ",
                            f"({', '.join(slots)})", sum("?" in s for s in slots), flat, n,
                            progress)  # fmt: skip
        after = c.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
        if after - before != n:  # pragma: no cover - ids are max+1 without AUTOINCREMENT gaps
            raise RuntimeError(f"{table}: expected {n} new ids, got {after - before}")
        if not c.execute("PRAGMA foreign_keys").fetchone()[0]:
            _check_links(c, table, t, before)
        if indexes:
            c.execute("PRAGMA threads = 2")  # the sorter may use a second core
            try:
                for _, sql in indexes:
                    c.execute(sql)
            finally:
                c.execute("PRAGMA threads = 0")
        if trigger:
            fts = [r[1] for r in c.execute(f'PRAGMA table_info("{table}_fts")')]
            names = ", ".join(f'"{x}"' for x in fts)
            c.execute(f'INSERT INTO "{table}_fts" (rowid, {names}) SELECT id, {names} FROM {t} '
                      "WHERE id > ?", (before,))  # fmt: skip
            c.execute(trigger[0])
        if summary is not None:
            store._audit(table, None, action, {**summary, "rows": n}, user)
        else:
            c.execute(
                "INSERT INTO audit_log (at, user, table_name, row_id, action, changes) "
                f"SELECT ?, ?, ?, id, ?, {changes} FROM {t} WHERE id > ? ORDER BY id",
                (now_iso(), user, table, action, before),
            )
    return list(range(before + 1, after + 1))


def _check_links(c: Any, table: str, t: str, before: int) -> None:
    """Every link of the new rows (ids above ``before``) names an existing parent, as the
    foreign keys would have checked row by row; a broken one fails the whole insert."""
    for fk in c.execute(f"PRAGMA foreign_key_list({t})").fetchall():
        parent, child, key = fk[2], fk[3], fk[4]
        key = key or c.execute(f'SELECT name FROM pragma_table_info("{parent}") WHERE pk = 1'
                               ).fetchone()[0]  # fmt: skip
        bad = c.execute(
            f'SELECT id FROM {t} WHERE id > ? AND "{child}" IS NOT NULL AND NOT EXISTS '
            f'(SELECT 1 FROM "{parent}" p WHERE p."{key}" = {t}."{child}") LIMIT 1',
            (before,),
        ).fetchone()
        if bad is not None:
            raise ConstraintViolation(
                f"FOREIGN KEY constraint failed: {table} {bad[0]} {child} names no {parent} row",
                table=table, kind="foreign_key", column=child,
            )  # fmt: skip


_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _changes_json(cols: list[str]) -> str:
    """SQL for a new row's audit changes, ``{"col":[null,value],...}``.

    The text ``json_object('col', json_array(NULL, col), ...)`` gives, built by one
    ``printf`` over ``json_quote`` of each value (the same quoting ``json_array``
    applies): a function call per column fewer for each of 100k rows."""
    if len(cols) < 100 and all(map(_PLAIN_NAME.fullmatch, cols)):
        fmt = "{" + ",".join(f'"{c}":[null,%s]' for c in cols) + "}"
        return f"printf('{fmt}', {', '.join(f'json_quote({c})' for c in cols)})"
    return f"json_object({', '.join(f'{_literal(c)}, json_array(NULL, {c})' for c in cols)})"


def _execute_in_batches(c: Any, head: str, row: str, width: int, flat: list[Any], n: int,
                        progress: Progress | None = None) -> None:  # fmt: skip
    """``head`` + ``row`` for each of ``n`` rows (``width`` values each, one row after
    another in ``flat``), several rows per statement.

    A statement per row repeats its set-up for every row (SQLite opens the parent
    tables' cursors for the foreign keys and builds the CHECK's ``IN`` list each time):
    with 50 rows a statement the 100k-row insert takes about half the time.
    ``progress(rows_done, n)`` is called every :data:`PROGRESS_ROWS` rows (it may raise to
    stop the insert: the transaction around it is then rolled back).
    """
    k = max(1, min(ROWS_PER_STATEMENT, MAX_PARAMS // max(width, 1)))
    full, rest = divmod(n, k)
    step = k * width
    if full:
        batch = head + ", ".join([row] * k)
        starts = range(0, full * step, step)
        if progress is not None:
            every = max(1, PROGRESS_ROWS // k)
            starts = _reporting(starts, every, lambda i: progress(i * k, n))  # type: ignore[assignment]
        c.executemany(batch, (flat[a : a + step] for a in starts))
    if rest:
        c.execute(head + ", ".join([row] * rest), flat[full * step :])


def _reporting(items: Iterable[int], every: int, report: Callable[[int], None]) -> Iterator[int]:
    for i, item in enumerate(items):
        if i % every == 0:
            report(i)
        yield item


def is_empty(store: Store, table: str) -> bool:
    """Whether ``table`` holds no row (one probe, not a count)."""
    if getattr(store, "backend", "sqlite") != "sqlite":
        return store.is_empty(table)
    return store._conn.execute(f"SELECT 1 FROM {_t(table)} LIMIT 1").fetchone() is None


def rows_by_key(store: Store, table: str, column: str, values: Collection[Any]) -> dict[Any, dict]:
    """The stored rows whose ``column`` holds one of ``values``, by that value.

    An import asks this for every key of its file (100k): an empty table answers
    with one probe instead of a query per 900 keys.
    """
    if getattr(store, "backend", "sqlite") != "sqlite":
        return store.rows_by_key(table, column, values)
    t = _t(table)
    _col(table, column, store)
    if not values or is_empty(store, table):
        return {}
    keys = list(values)
    out: dict[Any, dict] = {}
    for i in range(0, len(keys), 900):
        part = keys[i : i + 900]
        sql = f"SELECT * FROM {t} WHERE {column} IN ({', '.join('?' * len(part))})"
        for r in store._conn.execute(sql, part):
            out[r[column]] = dict(r)
    return out


def _literal(v: Any) -> str:
    """A constant as SQL text (a column default, a time stamp): numbers as is, text quoted."""
    if v is None:
        return "NULL"
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise TypeError(f"no SQL literal for {v!r}")
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    return repr(v)


class BulkInsert:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: many rows at once."""

    def insert_audited(self, table: str, rows: Sequence[Mapping[str, Any]], *, user: str,
                       action: str = "insert", progress: Progress | None = None) -> list[int]:  # fmt: skip
        """New rows (no ids), each audited like :meth:`Records.insert`; their new ids.
        ``progress(rows_done, rows)`` may raise (a cancel) to stop before anything is kept."""
        return insert_audited(self, table, rows, user=user, action=action, progress=progress)  # type: ignore[arg-type]

    def insert_columns(self, table: str, names: Sequence[str], cols: Sequence[Sequence[Any]], *,
                       user: str, action: str = "insert", progress: Progress | None = None,
                       summary: Mapping[str, Any] | None = None) -> list[int]:  # fmt: skip
        """:meth:`insert_audited` for rows given as columns (``cols[j]`` holds ``names[j]``);
        ``summary``: one audit entry for the lot (generated rows only)."""
        return insert_columns(self, table, names, cols, user=user, action=action,  # type: ignore[arg-type]
                              progress=progress, summary=summary)  # fmt: skip

    def is_empty(self, table: str) -> bool:
        """Whether ``table`` holds no row."""
        return is_empty(self, table)  # type: ignore[arg-type]

    def rows_by_key(self, table: str, column: str, values: Collection[Any]) -> dict[Any, dict]:
        """The stored rows whose ``column`` holds one of ``values``, by that value."""
        return rows_by_key(self, table, column, values)  # type: ignore[arg-type]

    def insert_many(self, table: str, rows: Iterable[Mapping[str, Any]], *, columns: Sequence[str],
                    user: str | None = None, audit_action: str = "insert") -> int:  # fmt: skip
        """Bulk insert inside the caller's (or a new) transaction; audited per row when ``user`` is given."""
        for c in columns:
            _col(table, c, self)
        ts = now_iso()
        cols = list(columns)
        versioned = table in VERSIONED
        if versioned:
            cols += [c for c in ("version", "updated_at") if c not in cols]
        sql = f"INSERT INTO {_t(table)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        n = 0
        with self._write() as c:
            for r in rows:
                vals = [r.get(k) for k in columns]
                if versioned:  # the added columns, by name (a caller may give one of them)
                    vals += [1 if k == "version" else ts for k in cols[len(columns) :]]
                cur = c.execute(sql, vals)
                n += 1
                if user is not None:
                    pk = r.get(pk_of(table)) if pk_of(table) != "id" else cur.lastrowid
                    self._audit(
                        table, pk, audit_action, {k: [None, r.get(k)] for k in columns}, user
                    )
        return n

    @contextlib.contextmanager
    def fts_suspended(self, table: str) -> Iterator[None]:
        """Bulk loads: drop the full-text triggers, then rebuild the index once."""
        if table not in FTS_TABLES:
            yield
            return
        with self._write() as c:
            triggers = c.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)",
                (f"{table}_ai", f"{table}_ad", f"{table}_au"),
            ).fetchall()
            for name, _ in triggers:
                c.execute(f'DROP TRIGGER "{name}"')
            yield
            for _, sql in triggers:
                c.execute(sql)
            c.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")

    @contextlib.contextmanager
    def bulk_loading(self, tables: Sequence[str]) -> Iterator[None]:
        """Loading many rows into ``tables``: secondary indexes and full-text
        triggers go away during the load and are rebuilt once after it.

        On a file this session created, durability is relaxed for the load
        (rollback journal, ``synchronous=OFF``, a large cache): a crash leaves
        a half-made file that ``init`` removes anyway. Settings are put back
        (WAL, ``synchronous=FULL``) before returning.
        """
        for t in tables:
            _t(t)
        if not tables:
            yield
            return
        if self._depth:
            raise StoreError("bulk_loading must not run inside another transaction")
        fast = self.created and not self.read_only
        c = self._conn
        if fast:
            c.execute("PRAGMA journal_mode=DELETE")
            c.execute("PRAGMA synchronous=OFF")
            # Index builds sort faster in small runs than in one big one.
            c.execute("PRAGMA cache_size=-32000")
            c.execute("PRAGMA temp_store=MEMORY")
            c.execute("PRAGMA threads=2")  # index builds sort on a second core when there is one
            c.execute("PRAGMA foreign_keys=OFF")  # a new file: the loader draws links from it
        marks = ", ".join("?" * len(tables))
        try:
            with self._write():
                saved = c.execute(
                    f"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name IN ({marks}) "
                    "AND sql IS NOT NULL AND (type = 'trigger' OR (type = 'index' AND name NOT LIKE "
                    "'sqlite_autoindex%'))",
                    list(tables),
                ).fetchall()
                for typ, name, _tbl, _sql in saved:
                    c.execute(f'DROP {typ.upper()} "{name}"')
                yield
                for typ, _name, _tbl, sql in saved:
                    if typ == "index":
                        c.execute(sql)
                for typ, _name, _tbl, sql in saved:
                    if typ == "trigger":
                        c.execute(sql)
                for t in tables:
                    if t in FTS_TABLES:
                        # A large in-memory hash writes the index as one segment instead of
                        # thousands merged over and over (a third of the time); the settings
                        # are stored in the index, so they go back to SQLite's defaults after.
                        fts = f"{t}_fts"
                        config = f"INSERT INTO {fts} ({fts}, rank) VALUES"
                        c.execute(f"{config} ('hashsize', {128 << 20})")
                        c.execute(f"{config} ('automerge', 0)")
                        c.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
                        c.execute(f"{config} ('hashsize', {1 << 20})")
                        c.execute(f"{config} ('automerge', 4)")
        finally:
            if fast:
                c.execute("PRAGMA foreign_keys=ON")
                c.execute("PRAGMA threads=0")
                c.execute("PRAGMA cache_size=-2000")
                c.execute("PRAGMA synchronous=FULL")
                c.execute("PRAGMA journal_mode=WAL")
