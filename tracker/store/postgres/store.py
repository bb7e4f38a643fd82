"""The PostgreSQL store: the same records, rules and answers as the SQLite file,
on a server a team shares (psycopg 3).

Same public methods as :class:`tracker.store.sqlite_store.Store`; what differs
is how: row locks (``SELECT … FOR UPDATE``) instead of SQLite's one writer,
server privileges instead of file permissions, and an audit log whose author
and time the server writes. psycopg's errors never leave this module: they
become the program's own (:mod:`tracker.store.errors`).
"""

from __future__ import annotations

import contextlib
import json
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import tuple_row

from tracker.domain.fields import RefIndex
from tracker.domain.filters import Filter
from tracker.domain.fx import FxTable
from tracker.store import id_lists
from tracker.store.api import ByValue
from tracker.store.errors import (
    ConstraintViolation,
    ForeignDatabase,
    NewerSchema,
    NotFound,
    ReadOnlyError,
    StaleWrite,
    StoreError,
)
from tracker.store.postgres import schema, urls
from tracker.store.postgres.aggregates import ServerAggregates
from tracker.store.postgres.session import ServerUnavailable, _first_line, connect
from tracker.store.postgres.transfer import _row_id, server_to_file
from tracker.store.sqlite_store import (
    FILTER_ALIASES,
    FILTER_COLUMNS,
    FTS_TABLES,
    VERSIONED,
    _generated,
    _t,
    now_iso,
    pk_of,
)

_QMARK = re.compile(r"\?")


class PgStore(ServerAggregates):
    """One portfolio database on a PostgreSQL server."""

    backend = "postgresql"

    def __init__(self, conn: psycopg.Connection, url: str, *, read_only: bool):
        self._conn = conn
        self.url = urls.redact(url)
        self.path: Path | None = None  # not a file: backups go where the caller says
        self.backup_dir: Path | None = None  # where make_backup() writes when given no folder
        self.keep_backups = 0  # copies of a server are never rotated away
        self.read_only = read_only
        self.read_only_reason = ""
        self.login = ""
        self.role = ""
        self._depth = 0
        self.changed = False
        self.created = False
        self._col_cache: dict[str, list[str]] = {}
        self._dial: tuple[str, str | None] = (url, None)
        self._ids_cache: OrderedDict[tuple[str, str], tuple[tuple[str, int], array]] = OrderedDict()
        self._writes = 0
        self._orders: dict[tuple[Any, ...], tuple[tuple[int, int], Any]] = {}
        #: How many times the connection was made again after the server went away.
        self.reconnects = 0

    def reconnect(self) -> None:
        """A new connection after the old one broke (server restarted, network back);
        ServerUnavailable while the server is still away."""
        with contextlib.suppress(psycopg.Error):
            self._conn.close()
        url, password = self._dial
        self._conn = connect(url, password=password)
        self._depth = 0
        self.reconnects += 1

    def open_again(self, *, read_only: bool | None = None) -> PgStore:
        """A second connection to the same portfolio, for a worker thread."""
        url, password = self._dial
        other = type(self).open(url, password=password,
                                read_only=self.read_only if read_only is None else read_only)  # fmt: skip
        if self.read_only_reason and other.read_only:
            other.read_only_reason = self.read_only_reason
        return other

    def interrupt(self) -> None:
        """Stop the statement running on this connection now (safe from any thread); an
        interrupted write transaction is rolled back."""
        conn = self._conn
        if conn is not None and not conn.closed:
            with contextlib.suppress(psycopg.Error):
                conn.cancel_safe(timeout=5)

    def data_stamp(self) -> str:
        """Changes whenever the portfolio's records change, through any connection: the
        audit log's last entry (every change writes one) and the portfolio's birth."""
        row = self._one("SELECT (SELECT coalesce(max(id), 0) FROM audit_log) AS a, "
                        "(SELECT value FROM meta WHERE key = 'created_at') AS c")  # fmt: skip
        return f"{row['c']}:{row['a']}"

    @property
    def backend_pid(self) -> int:
        """The server process of this connection (a ChangeNotice with it is our own save)."""
        return self._conn.info.backend_pid

    def change_feed(self) -> Any:
        """A :class:`~tracker.store.postgres.listen.ChangeFeed` on this portfolio."""
        from tracker.store.postgres.listen import ChangeFeed

        url, password = self._dial
        return ChangeFeed(url, password=password)

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed and not self._conn.broken

    # ---------------------------------------------------------------- opening
    @classmethod
    def create(cls, url: str, *, password: str | None = None) -> PgStore:
        """Make the schema in an empty database (owned by the connecting role)."""
        return cls.open(url, create=True, password=password)

    @classmethod
    def open(cls, url: str, *, read_only: bool = False, create: bool = False,
             password: str | None = None, **_ignored: Any) -> PgStore:  # fmt: skip
        """Connect and check the schema: ours, not newer, migrated when older.

        ``backup``/``backup_dir`` of the file store have no meaning here (the server's
        own backups, or ``tracker backup``, keep copies) and are accepted and ignored.
        """
        conn = connect(url, password=password)
        store = cls(conn, url, read_only=read_only)
        store._dial = (url, password)  # in memory only, to reconnect after an outage
        try:
            store._prepare(create=create)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, *, create: bool) -> None:
        with self._errors():
            row = self._one(
                "SELECT session_user AS login, current_database() AS db, "
                "(SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS n_tables, "
                "to_regclass('public.meta') IS NOT NULL AS has_meta"
            )
        self.login, self.dbname = row["login"], row["db"]
        version = 0
        if row["has_meta"]:
            app = self._scalar("SELECT value FROM meta WHERE key = 'application'")
            if app != schema.APPLICATION:
                raise ForeignDatabase(
                    f"{self.name} holds another program's tables, not an Investment Tracker "
                    "portfolio. Nothing was changed."
                )
            version = int(self._scalar("SELECT value FROM meta WHERE key = 'schema_version'") or 0)
        elif row["n_tables"]:
            raise ForeignDatabase(
                f"{self.name} already holds tables of another program; give the tracker an "
                "empty database of its own. Nothing was changed."
            )
        if version == 0 and not create:
            raise StoreError(
                f"{self.name} holds no portfolio yet. Create one with "
                f"'tracker init --db {self.url}' (or copy a file there with 'tracker copy')."
            )
        if version > schema.SCHEMA_VERSION:
            raise NewerSchema(
                f"{self.name} was set up by a newer Investment Tracker (schema {version}; this "
                f"program knows up to {schema.SCHEMA_VERSION}). Update the program; nothing "
                "was changed."
            )
        if version < schema.SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(
                    f"{self.name} uses an older schema ({version}) and must be upgraded, which "
                    "cannot be done read-only."
                )
            self._migrate(version)
            self.created = version == 0
        self._find_role()

    def _migrate(self, from_version: int) -> None:
        """All pending migrations in one transaction (PostgreSQL's DDL is transactional)."""
        try:
            with self.write(), self._conn.cursor(row_factory=tuple_row) as cur:
                cur.execute("SELECT pg_advisory_xact_lock(4242424242)")  # one upgrader at a time
                if from_version:
                    cur.execute("SELECT value FROM meta WHERE key = 'schema_version' FOR UPDATE")
                    row = cur.fetchone()
                    if row and int(row[0]) != from_version:
                        return  # another program upgraded it meanwhile
                for i in range(from_version, schema.SCHEMA_VERSION):
                    schema.MIGRATIONS[i](cur)
                stamp = now_iso()
                rows = [("schema_version", str(schema.SCHEMA_VERSION)),
                        ("application", schema.APPLICATION)]  # fmt: skip
                if from_version == 0:
                    # Roles are named after the database they were made for; the name is kept
                    # so a renamed or template-copied database still finds its roles.
                    rows += [("created_at", stamp), ("role_prefix", self.dbname)]
                    for t in VERSIONED:
                        cur.execute(f"UPDATE {t} SET updated_at = %s WHERE updated_at = ''",
                                    (stamp,))  # fmt: skip
                    for stmt in schema.roles_sql(self.dbname):
                        cur.execute(stmt)
                cur.executemany(
                    "INSERT INTO meta (key, value) VALUES (%s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    rows,
                )
        except pg_errors.InsufficientPrivilege as exc:
            raise StoreError(
                f"{self.name}: the login '{self.login}' may not create the portfolio's tables "
                f"and roles ({exc.diag.message_primary}). Connect as the database's owner, a "
                "role with CREATEROLE. Nothing was changed."
            ) from exc

    def _find_role(self) -> None:
        """Which of viewer/editor/admin this login is, and read-only when it may not write."""
        row = self._one(
            "SELECT has_table_privilege('projects', 'INSERT') AS edit, "
            "has_table_privilege('fx_rates', 'INSERT') AS admin"
        )
        self.role = "admin" if row["admin"] else "editor" if row["edit"] else "viewer"
        if self.role == "viewer" and not self.read_only:
            self.read_only = True
            self.read_only_reason = (
                f"your server login '{self.login}' has the viewer role (read and print only)"
            )
        elif self.read_only:
            self.read_only_reason = "opened read-only"

    def close(self, *, backup: bool = True) -> None:
        if self._conn is None:
            return
        with contextlib.suppress(psycopg.Error):
            self._conn.close()
        self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return urls.describe(self.url)

    @property
    def schema_version(self) -> int:
        return int(self.meta("schema_version") or 0)

    @property
    def closed(self) -> bool:
        """Closed by the program (a connection the server dropped is made again instead)."""
        return self._conn is None

    # ------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def write(self) -> Iterator[_Statements]:
        """One write transaction (nested calls join the outer one).

        Yields an object with ``execute(sql, params)`` (``?`` placeholders, rows as tuples),
        what services that still write SQL of their own expect of the file's connection.
        """
        if self.read_only:
            raise ReadOnlyError(
                f"{self.name} is open read-only ({self.read_only_reason or 'read-only'}); "
                "editing is off."
            )
        if self._depth:
            self._depth += 1
            try:
                yield _Statements(self)
            finally:
                self._depth -= 1
            return
        with self._errors():
            tx = self._conn.transaction()
            tx.__enter__()
            self._depth = 1
            try:
                yield _Statements(self)
            except BaseException as exc:
                self._depth = 0
                with contextlib.suppress(psycopg.Error):
                    tx.__exit__(type(exc), exc, exc.__traceback__)
                raise
            self._depth = 0
            tx.__exit__(None, None, None)
        self.changed = True
        self._writes += 1

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """psycopg's errors -> the program's, with a plain message. Outside a transaction,
        a connection that broke (the server went away and came back) is made again first."""
        if self._depth == 0 and self._conn is not None and (self._conn.closed or self._conn.broken):
            self.reconnect()
        try:
            yield
        except pg_errors.InsufficientPrivilege as exc:
            msg = exc.diag.message_primary or str(exc)
            if "append-only" in msg:
                raise StoreError(
                    "The audit log is append-only: its entries cannot be changed or deleted."
                ) from exc
            raise ReadOnlyError(
                f"The server refused: your login '{self.login}' ({self.role or 'no'} role) may "
                f"not make this change ({msg}). Nothing was written."
            ) from exc
        except pg_errors.IntegrityError as exc:
            raise _constraint(exc) from exc
        except pg_errors.LockNotAvailable as exc:
            raise StoreError(
                f"{self.name} is busy: the change waited too long for another user's. "
                "Try again; nothing was written."
            ) from exc
        except pg_errors.QueryCanceled as exc:
            raise StoreError(
                f"{self.name}: the server stopped the work after its time limit (or it was "
                "cancelled). Nothing was written."
            ) from exc
        except psycopg.OperationalError as exc:
            raise ServerUnavailable(
                f"The server of {self.name} cannot be reached ({_first_line(exc)}). "
                "Nothing was written; your edits are kept."
            ) from exc
        except psycopg.InterfaceError as exc:
            raise ServerUnavailable(
                f"The connection to {self.name} is closed ({_first_line(exc)})."
            ) from exc

    # ------------------------------------------------------------------ reads
    def _exec(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Any:
        with self._errors():
            return self._conn.execute(sql, params)

    def _all(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        with self._errors():
            return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Any = None) -> dict[str, Any] | None:
        with self._errors():
            return self._conn.execute(sql, params).fetchone()

    def _scalar(self, sql: str, params: Any = None) -> Any:
        row = self._one(sql, params)
        return None if row is None else next(iter(row.values()))

    def get(self, table: str, pk: Any) -> dict[str, Any] | None:
        return self._one(f"SELECT * FROM {_t(table)} WHERE {pk_of(table)} = %s", (pk,))

    def get_by(self, table: str, column: str, value: Any) -> dict[str, Any] | None:
        self._check_col(table, column)
        return self._one(f"SELECT * FROM {_t(table)} WHERE {column} = %s LIMIT 1", (value,))

    def rows(self, table: str, *, where: str | Mapping[str, Any] | None = None,
             params: Sequence[Any] = (), order: str = "",
             columns: Sequence[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """Rows of a (small) table: all, or those whose columns equal ``where``'s values (a
        list, tuple or set means any of them); ``order`` is ``"col [ASC|DESC], ..."``.
        (A ``where`` string with ``?`` placeholders, written in code, is accepted too.)"""
        if isinstance(where, str):
            cond, args = _QMARK.sub("%s", where), list(params)
        else:
            cond, args = self._match(table, where)
        cols = "*"
        if columns:
            for c in columns:
                self._check_col(table, c)
            cols = _names(dict.fromkeys([pk_of(table), *columns]))
        sql = f"SELECT {cols} FROM {_t(table)}" + (f" WHERE {cond}" if cond else "")
        return self._all(sql + f" ORDER BY {self._order_by(table, order)}", args)

    def max_of(self, table: str, column: str, *,
               where: Mapping[str, Any] | None = None) -> Any:  # fmt: skip
        """The largest value of ``column`` (None when no row matches)."""
        self._check_col(table, column)
        cond, args = self._match(table, where)
        return self._scalar(f'SELECT max("{column}") AS m FROM {_t(table)}'
                            + (f" WHERE {cond}" if cond else ""), args)  # fmt: skip

    def _match(self, table: str, where: Mapping[str, Any] | None) -> tuple[str, list[Any]]:
        parts: list[str] = []
        args: list[Any] = []
        for col, value in (where or {}).items():
            self._check_col(table, col)
            if value is None:
                parts.append(f'"{col}" IS NULL')
            elif isinstance(value, (list, tuple, set, frozenset, range)):
                parts.append(f'"{col}" = ANY(%s)')
                args.append(list(value))
            else:
                parts.append(f'"{col}" = %s')
                args.append(value)
        return " AND ".join(parts), args

    def _order_by(self, table: str, order: str) -> str:
        """``"col [ASC|DESC], ..."`` checked against the table's columns; NULLs as the
        file sorts them (first ascending, last descending)."""
        if not order:
            return pk_of(table)
        out = []
        for part in order.split(","):
            words = part.split()
            if (
                not words
                or len(words) > 2
                or (len(words) == 2 and words[1].upper() not in ("ASC", "DESC"))
            ):
                raise ValueError(f"bad order {order!r}")
            self._check_col(table, words[0])
            desc = len(words) == 2 and words[1].upper() == "DESC"
            out.append(f'"{words[0]}"' + (" DESC NULLS LAST" if desc else " NULLS FIRST"))
        return ", ".join(out)

    def iter_rows(self, table: str, flt: Filter | None = None, *, order: str | None = None,
                  batch: int = 5000) -> Iterator[dict[str, Any]]:  # fmt: skip
        """Stream rows in primary-key order (keyset batches), never the whole table at once."""
        where, params = self.where(table, flt or Filter())
        pk = pk_of(table)
        last = None
        while True:
            w, p = where, list(params)
            if last is not None:
                w = f"({w}) AND {pk} > %s" if w else f"{pk} > %s"
                p.append(last)
            chunk = self._all(
                f"SELECT * FROM {_t(table)}" + (f" WHERE {w}" if w else "")
                + f" ORDER BY {pk} LIMIT {int(batch)}", p,
            )  # fmt: skip
            if not chunk:
                return
            yield from chunk
            last = chunk[-1][pk]

    def count(self, table: str, flt: Filter | None = None) -> int:
        where, params = self.where(table, flt or Filter())
        return self._scalar(
            f"SELECT count(*) FROM {_t(table)}" + (f" WHERE {where}" if where else ""), params
        )

    def where(self, table: str, flt: Filter) -> tuple[str, list[Any]]:
        """A filter as a parameterised WHERE clause (``%s``); columns from a whitelist."""
        parts: list[str] = []
        params: list[Any] = []
        allowed = FILTER_COLUMNS.get(table, set())
        for name in ("status", "sector", "bank_id", "zone_id", "country", "region", "kind"):
            values = getattr(flt, name)
            if not values or name not in allowed:
                continue
            col = FILTER_ALIASES.get((table, name), name)
            parts.append(f"{col} = ANY(%s)")
            params.append(list(values))
        if flt.text and table in FTS_TABLES:
            patterns = self.search_patterns(flt.text)
            if patterns is not None:
                if not patterns:
                    parts.append("FALSE")
                else:
                    like = " AND ".join("doc LIKE %s" for _ in patterns)
                    parts.append(f"id IN (SELECT id FROM {table}_fts WHERE {like})")
                    params.extend(patterns)
        if flt.ids is not None:
            parts.append("id = ANY(%s)")
            params.append([int(i) for i in flt.ids])
        return " AND ".join(parts), params

    def search_patterns(self, text: str) -> list[str] | None:
        """User text -> LIKE patterns over the folded search text, the same match as the
        file's FTS5 query (:func:`tracker.store.sqlite_store.fts_query`): every word is a
        phrase of its tokens, the last one a prefix; words with no token are ignored.

        None: no words at all (no condition); []: words, but none with a token (no match).
        """
        text = "".join(" " if ch == '"' or ord(ch) < 32 else ch for ch in text)
        words = [w for w in text.split() if w]
        if not words:
            return None
        folded = self._all("SELECT tracker_fold(w) AS f FROM unnest(%s::text[]) AS w", (words,))
        return ["%" + r["f"].rstrip() + "%" for r in folded if r["f"]]

    def sort_columns(self, table: str) -> set[str]:
        return set(self._columns(table))

    def _order(self, table: str, col: str, descending: bool) -> str:
        """SQLite's order: NULLs first ascending, last descending; ties by primary key."""
        pk = pk_of(table)
        d = " DESC NULLS LAST" if descending else " NULLS FIRST"
        if col == pk:
            return f"{pk}{' DESC' if descending else ''}"
        return f"{col}{d}, {pk}{' DESC' if descending else ''}"

    def query_ids(self, table: str, flt: Filter | None = None, *, sort: str | None = None,
                  descending: bool = False) -> Sequence[int]:  # fmt: skip
        """Ids of the rows a filter selects, in sort order: the server sorts, the client
        receives one compact stream of ids (COPY), an ``array('q')``."""
        pk = pk_of(table)
        col = sort or pk
        self._check_col(table, col)
        where, params = self.where(table, flt or Filter())
        order = self._order(table, col, descending)
        sql = (f"SELECT {pk} FROM {_t(table)}" + (f" WHERE {where}" if where else "")
               + f" ORDER BY {order}")  # fmt: skip
        if pk != "id":
            return [r[pk] for r in self._all(sql, params)]
        # A kept order holds while no transaction that could have written has begun or
        # ended since: the server's snapshot (xmin:xmax:in-progress) says so in one call.
        key = (sql, repr(params))
        stamp = (self._scalar("SELECT pg_current_snapshot()::text AS s"), self._writes)
        kept = self._ids_cache.get(key)
        if kept is not None and kept[0] == stamp:
            self._ids_cache.move_to_end(key)
            return kept[1]
        out = self._ids_from(table, where, params, order)
        self._ids_cache[key] = (stamp, out)
        while len(self._ids_cache) > 6:
            self._ids_cache.popitem(last=False)
        return out

    def _ids_from(self, table: str, where: str, params: list[Any], order: str,
                  order_params: Sequence[Any] = ()) -> array:  # fmt: skip
        """The ids ``where`` selects in ``order``, as one comma-separated text the server
        builds and numpy parses (as the file's :func:`tracker.store.id_lists.ids_from_query`).

        A million ids streamed by COPY cost 1.6-1.9 s of the client's CPU (a Python step
        per row, the interpreter lock held against the window); this, about 30 ms. The
        ORDER BY is the aggregate's own, so the order is the server's promise, not a plan's.
        """
        import numpy as np

        pk = pk_of(table)
        row = self._one(
            f"SELECT count(*) AS n, string_agg({pk}::text, ',' ORDER BY {order}) AS ids "
            f"FROM {_t(table)}" + (f" WHERE {where}" if where else ""),
            [*order_params, *params],  # the ORDER BY comes first in the text
        )  # fmt: skip
        out = array("q")
        n = row["n"] if row else 0
        if not n:
            return out
        parsed = np.fromstring(row["ids"], dtype=np.int64, sep=",")
        if len(parsed) != n:
            raise StoreError(f"{self.name}: the ids of {table} did not read back whole.")
        out.frombytes(parsed.tobytes())
        return out

    # ------------------------------------------- ordered ids (the record view's data path)
    # What tracker.services.record_view asks of a store. The server sorts; a whole
    # table's order is read in the background on a second connection (open_again) and
    # kept here while the server's snapshot shows no commit since it was read.
    def order_stamp(self) -> tuple[int, int]:
        """Equal stamps, equal data (no transaction began or ended in between)."""
        snap = self._scalar("SELECT pg_current_snapshot()::text AS s")
        return (hash(snap), self._writes)

    def filters_rows(self, table: str, flt: Filter) -> bool:
        return bool(self.where(table, flt)[0])

    def _rank(self, column: str, groups: Any) -> tuple[str, list[Any]]:
        """The sort key of a row: the column itself (NULLs first), or the index of the
        group holding its value (-1 for NULL, after every group for a value in none)."""
        self._check_col_any(column)
        if groups is None:
            return f'"{column}"', []
        if isinstance(groups, ByValue):  # money by its value: the same double product as SQLite's
            self._check_col_any(groups.currency_column)
            if not groups.factors:
                return "(NULL::float8)", []
            cases = " ".join(
                f'WHEN %s THEN "{column}"::float8 * %s::float8' for _ in groups.factors
            )
            params = [v for code, factor in groups.factors for v in (code, float(factor))]
            return f'(CASE "{groups.currency_column}" {cases} END)', params
        index = {str(v): i for i, g in enumerate(groups) for v in g}
        return (f'CASE WHEN "{column}" IS NULL THEN -1 ELSE coalesce((%s::jsonb ->> '
                f'"{column}"::text)::int, {len(groups)}) END', [json.dumps(index)])  # fmt: skip

    def _check_col_any(self, column: str) -> None:
        if not column.isidentifier():
            raise ValueError(f"bad column name {column!r}")

    def head_ids(self, table: str, *, column: str, descending: bool, limit: int,
                 offset: int = 0, groups: Any = None) -> array:  # fmt: skip
        """Ids at positions ``offset`` … ``offset + limit`` of the whole table's order.

        By a column: one LIMIT/OFFSET over its (column NULLS FIRST, id) index. By groups
        (names, money by value): the file's way (:func:`tracker.store.id_lists.head_ids`),
        group by group or currency by currency over the indexes, never the expression
        sorted over every row (0.3-0.5 s at a million projects)."""
        self._check_col(table, column)
        pk = pk_of(table)
        if groups is not None:
            id_lists.check_order(self, table, column, groups)
            return id_lists.head_ids(_Statements(self), table=table, pk=pk, column=column,
                                     descending=descending, limit=int(limit),
                                     offset=int(offset), groups=groups)  # fmt: skip
        d = " DESC NULLS LAST" if descending else " NULLS FIRST"
        sql = (f'SELECT {pk} FROM {_t(table)} ORDER BY "{column}"{d}, {pk}'
               f"{' DESC' if descending else ''} LIMIT %s OFFSET %s")  # fmt: skip
        return array("q", (r[pk] for r in self._all(sql, [int(limit), int(offset)])))

    def rank_of(self, table: str, *, column: str, key: Any, groups: Any = None) -> int | None:
        """Ascending position of row ``key`` in the whole table's order: -1 if there is no
        such row, None if its value is in no group. Range counts over the indexes, as the
        file counts (:func:`tracker.store.id_lists.rank_of`), where one count of a row
        comparison read every row (0.15-0.3 s at a million projects)."""
        id_lists.check_order(self, table, column, groups)
        return id_lists.rank_of(_Statements(self), table=table, pk=pk_of(table), column=column,
                                key=key, groups=groups)  # fmt: skip

    def ascending_order(self, table: str, *, column: str, groups: Any = None,
                        stop: Any = None) -> Any:  # fmt: skip
        """Every id of ``table`` ascending by (column, id) or by groups (numpy int64)."""
        import numpy as np

        self._check_col(table, column)
        rank, args = self._rank(column, groups)
        pk = pk_of(table)
        ids = self._ids_from(table, "", [], f"{rank} NULLS FIRST, {pk}", args)
        return np.frombuffer(ids.tobytes(), dtype=np.int64)

    def kept_order(self, table: str, column: str, groups: Any = None) -> Any:
        hit = self._orders.get((table, column, groups))
        if hit is not None and hit[0] == self.order_stamp():
            return hit[1]
        return None

    def keep_order(self, table: str, column: str, groups: Any, stamp: tuple[int, int],
                   order: Any) -> bool:  # fmt: skip
        if stamp != self.order_stamp():
            return False
        self._orders[(table, column, groups)] = (stamp, order)
        while len(self._orders) > 4:
            self._orders.pop(next(iter(self._orders)))
        return True

    def ordered_ids_by_groups(self, table: str, flt: Filter, *, column: str, groups: Any,
                              descending: bool) -> array:  # fmt: skip
        """Ids a filter selects, ordered by ``groups`` of ``column`` then id."""
        self._check_col(table, column)
        rank, args = self._rank(column, groups)
        where, params = self.where(table, flt)
        pk = pk_of(table)
        d = " DESC" if descending else ""
        nulls = " NULLS LAST" if descending else " NULLS FIRST"  # as SQLite orders NULLs
        return self._ids_from(table, where, params, f"{rank}{d}{nulls}, {pk}{d}", args)

    def page(self, table: str, flt: Filter | None = None, *, sort: str | None = None,
             descending: bool = False, after: tuple[Any, Any] | None = None,
             limit: int = 200, before: tuple[Any, Any] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """A keyset page, exactly as the file's (see ``Store.page``)."""
        if before is not None:
            if after is not None:
                raise ValueError("page: give either after or before, not both")
            rows = self.page(table, flt, sort=sort, descending=not descending, after=before,
                             limit=limit)  # fmt: skip
            rows.reverse()
            return rows
        pk = pk_of(table)
        col = sort or pk
        self._check_col(table, col)
        where, params = self.where(table, flt or Filter())
        cmp = "<" if descending else ">"
        order = self._order(table, col, descending)
        head = f"SELECT * FROM {_t(table)} WHERE " + (f"({where}) AND " if where else "")
        n = int(limit)
        if after is not None and col != pk and after[0] is not None:
            # A row comparison is one range scan of the (col NULLS FIRST, id) index. The NULLs
            # come first ascending (already passed) and last descending (still to come).
            key = f"({col}, {pk}) {cmp} (%s, %s)"
            if not descending:
                return self._all(f"{head}{key} ORDER BY {order} LIMIT %s",
                                 [*params, after[0], after[1], n])  # fmt: skip
            sql = (f"SELECT * FROM (({head}{key} ORDER BY {order} LIMIT %s) UNION ALL "
                   f"({head}{col} IS NULL ORDER BY {order} LIMIT %s)) AS u "
                   f"ORDER BY {order} LIMIT %s")  # fmt: skip
            return self._all(sql, [*params, after[0], after[1], n, *params, n, n])
        if after is not None:
            if col == pk:
                key = f"{pk} {cmp} %s"
            elif not descending:  # in the NULLs, ascending: the rest of them, then every value
                key = f"(({col} IS NULL AND {pk} {cmp} %s) OR {col} IS NOT NULL)"
            else:
                key = f"({col} IS NULL AND {pk} {cmp} %s)"
            params.append(after[1])
            where = f"({where}) AND {key}" if where else key
        sql = (f"SELECT * FROM {_t(table)}" + (f" WHERE {where}" if where else "")
               + f" ORDER BY {order} LIMIT %s")  # fmt: skip
        params.append(n)
        return self._all(sql, params)

    def fetch(self, table: str, ids: Sequence[Any],
              columns: Sequence[str] | None = None) -> dict[Any, dict[str, Any]]:  # fmt: skip
        """Rows by primary key, as a dict pk -> row (a page for the table model)."""
        if not ids:
            return {}
        pk = pk_of(table)
        cols = "*"
        if columns:
            for c in columns:
                self._check_col(table, c)
            cols = _names(dict.fromkeys([pk, *columns]))
        rows = self._all(f"SELECT {cols} FROM {_t(table)} WHERE {pk} = ANY(%s)", (list(ids),))
        return {r[pk]: r for r in rows}

    def sums_by_currency(self, table: str, columns: Sequence[str],
                         flt: Filter | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """SUM of money columns per currency, computed by the server (exact integers)."""
        for c in columns:
            self._check_col(table, c)
        where, params = self.where(table, flt or Filter())
        sums = ", ".join(f"sum({c})::bigint AS {c}" for c in columns)
        return self._all(
            f"SELECT currency, count(*) AS n, {sums} FROM {_t(table)}"
            + (f" WHERE {where}" if where else "")
            + " GROUP BY currency ORDER BY currency", params,
        )  # fmt: skip

    def group_sums(self, table: str, by: str, columns: Sequence[str],
                   flt: Filter | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """COUNT and SUM of money columns per (group, currency) for charts."""
        self._check_col(table, by)
        for c in columns:
            self._check_col(table, c)
        where, params = self.where(table, flt or Filter())
        sums = "".join(f", sum({c})::bigint AS {c}" for c in columns)
        cur_col = ", currency" if "currency" in self._columns(table) else ""
        return self._all(
            f"SELECT {by} AS grp{cur_col}, count(*) AS n{sums} FROM {_t(table)}"
            + (f" WHERE {where}" if where else "")
            + f" GROUP BY {by}{cur_col} ORDER BY {by} NULLS FIRST{cur_col}", params,
        )  # fmt: skip

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """A read query written in code by a service (``?`` placeholders accepted)."""
        if isinstance(params, Mapping):
            return self._all(re.sub(r":(\w+)", r"%(\1)s", sql), params)
        return self._all(_QMARK.sub("%s", sql), list(params))

    def ref_index(self) -> RefIndex:
        """Codes and names of reference data, for validation and import."""
        r = RefIndex()
        for row in self._all("SELECT code, name_en, name_ru, name_zh FROM countries ORDER BY code"):
            for k in (row["code"], row["name_en"], row["name_ru"], row["name_zh"]):
                if k:
                    r.countries.setdefault(k.lower(), row["code"])
        for row in self._all("SELECT code, name_en, name_ru, name_zh FROM sectors ORDER BY code"):
            for k in (row["code"], row["name_en"], row["name_ru"], row["name_zh"]):
                if k:
                    r.sectors.setdefault(k.lower(), row["code"])
        for row in self._all("SELECT code, name_en, name_ru FROM regions ORDER BY code"):
            for k in (row["code"], row["name_en"], row["name_ru"]):
                if k:
                    r.regions.setdefault(k.lower(), row["code"])
        for row in self._all("SELECT id, name, short_name FROM banks ORDER BY id"):
            r.banks[str(row["id"])] = row["id"]
            for k in (row["name"], row["short_name"]):
                if k:
                    r.banks.setdefault(k.lower(), row["id"])
        for row in self._all("SELECT id, name FROM zones ORDER BY id"):
            r.zones[str(row["id"])] = row["id"]
            r.zones.setdefault(row["name"].lower(), row["id"])
        return r

    def project_ids_by_code(self, codes: Iterable[str] | None = None) -> dict[str, int]:
        if codes is None:
            rows = self._all("SELECT id, code FROM projects ORDER BY id")
            return {r["code"].lower(): r["id"] for r in rows}
        codes = list(dict.fromkeys(codes))
        out = {r["code"].lower(): r["id"] for r in self._all(
            "SELECT id, code FROM projects WHERE code = ANY(%s)", (codes,))}  # fmt: skip
        missed = list({c.lower() for c in codes} - set(out))
        if missed:
            for r in self._all(
                "SELECT id, code FROM projects WHERE lower(code) = ANY(%s) ORDER BY id", (missed,)
            ):
                out.setdefault(r["code"].lower(), r["id"])
        return out

    def max_id(self, table: str) -> int:
        return self._scalar(f"SELECT coalesce(max(id), 0) AS m FROM {_t(table)}")

    def fx_table(self) -> FxTable:
        rows = self._all("SELECT currency, date, per_usd FROM fx_rates")
        return FxTable.from_rows((r["currency"], r["date"], r["per_usd"]) for r in rows)

    def meta(self, key: str) -> str | None:
        return self._scalar("SELECT value FROM meta WHERE key = %s", (key,))

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self._exec(
                "INSERT INTO meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, value),
            )

    def _columns(self, table: str) -> list[str]:
        if table not in self._col_cache:
            rows = self._all(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "AND NOT attisdropped ORDER BY attnum",
                (_t(table),),
            )
            self._col_cache[table] = [r["attname"] for r in rows]
        return self._col_cache[table]

    def _check_col(self, table: str, col: str) -> None:
        if col not in self._columns(table):
            raise ValueError(f"{table} has no column {col!r}")

    def _not_null_defaults(self, table: str) -> dict[str, Any]:
        cache = self.__dict__.setdefault("_nn_default_cache", {})
        if table not in cache:
            rows = self._all(
                "SELECT a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS expr "
                "FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid "
                "AND d.adnum = a.attnum WHERE a.attrelid = %s::regclass AND a.attnotnull "
                "AND a.attgenerated = '' AND a.attidentity = ''",
                (_t(table),),
            )
            cache[table] = {
                r["name"]: self._scalar(f"SELECT {r['expr']} AS v") for r in rows
            }  # the schema's own literals
        return cache[table]

    # ----------------------------------------------------------------- writes
    def insert(self, table: str, values: Mapping[str, Any], *, user: str,
               action: str = "insert") -> Any:  # fmt: skip
        """Insert one row with its audit entry; returns the primary key."""
        vals = dict(values)
        for k, default in self._not_null_defaults(table).items():
            if k in vals and vals[k] is None:
                vals[k] = default
        if table in VERSIONED:
            vals.setdefault("version", 1)
            vals["updated_at"] = now_iso()
        cols = list(vals)
        for c in cols:
            self._check_col(table, c)
        pk_col = pk_of(table)
        with self.write():
            row = self._one(
                f"INSERT INTO {_t(table)} ({_names(cols)}) "
                f"VALUES ({', '.join(['%s'] * len(cols))}) RETURNING {pk_col}",
                [vals[k] for k in cols],
            )
            pk = row[pk_col]
            if pk_col == "id" and "id" in vals:
                self._follow_sequence(table)
            self._audit(table, pk, action,
                        {k: [None, v] for k, v in vals.items() if k != "updated_at"}, user)  # fmt: skip
        return pk

    def _follow_sequence(self, table: str) -> None:
        """After rows with explicit ids, the next generated id comes after them."""
        self._exec(
            f"SELECT setval(pg_get_serial_sequence('{_t(table)}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
        )

    def update(self, table: str, pk: Any, values: Mapping[str, Any], *,
               expected_version: int | None, user: str, action: str = "update") -> dict[str, Any]:  # fmt: skip
        """Change some fields of one row if it is still at ``expected_version``; the row is
        locked while checked, so two users saving at once cannot both win."""
        for k in values:
            self._check_col(table, k)
        pk_col = pk_of(table)
        with self.write():
            before = self._one(f"SELECT * FROM {_t(table)} WHERE {pk_col} = %s FOR UPDATE", (pk,))
            if before is None:
                raise NotFound(table, pk)
            if (table in VERSIONED and expected_version is not None
                    and before["version"] != expected_version):  # fmt: skip
                raise StaleWrite(table, pk, expected_version, before)
            defaults = self._not_null_defaults(table)
            values = {k: defaults[k] if v is None and k in defaults else v
                      for k, v in values.items()}  # fmt: skip
            diff = {k: v for k, v in values.items() if k in before and before[k] != v}
            if not diff:
                return before
            sets = dict(diff)
            assign = ", ".join(f'"{k}" = %s' for k in sets)
            if table in VERSIONED:
                sets["updated_at"] = now_iso()
                assign = ", ".join(f'"{k}" = %s' for k in sets) + ", version = version + 1"
            after = self._one(
                f"UPDATE {_t(table)} SET {assign} WHERE {pk_col} = %s RETURNING *",
                [*sets.values(), pk],
            )
            self._audit(table, pk, action, {k: [before[k], v] for k, v in diff.items()}, user)
            return after

    def delete(self, table: str, pk: Any, *, expected_version: int | None,
               user: str) -> dict[str, Any]:  # fmt: skip
        """Delete one row (version-checked, locked); returns the row as it was."""
        pk_col = pk_of(table)
        with self.write():
            before = self._one(f"SELECT * FROM {_t(table)} WHERE {pk_col} = %s FOR UPDATE", (pk,))
            if before is None:
                raise NotFound(table, pk)
            if (table in VERSIONED and expected_version is not None
                    and before["version"] != expected_version):  # fmt: skip
                raise StaleWrite(table, pk, expected_version, before)
            self._exec(f"DELETE FROM {_t(table)} WHERE {pk_col} = %s", (pk,))
            self._audit(table, pk, "delete",
                        {k: [v, None] for k, v in before.items() if k != "updated_at"}, user)  # fmt: skip
            return before

    def restore_row(self, table: str, row: Mapping[str, Any], *, user: str) -> Any:
        """Put a deleted row back with its own primary key (undo of a delete)."""
        vals = {k: v for k, v in row.items() if k not in _generated(table)}
        if table in VERSIONED:
            vals["version"] = int(vals.get("version") or 0) + 1
        return self.insert(table, vals, user=user, action="restore")

    def _audit(self, table: str, pk: Any, action: str, changes: Mapping[str, Any],
               user: str) -> None:  # fmt: skip
        """One audit entry; the server writes who (its login, not ``user``) and when."""
        self._exec(
            "INSERT INTO audit_log (table_name, row_id, action, changes) VALUES (%s, %s, %s, %s)",
            (table, None if pk is None else str(pk), action,
             json.dumps(changes, ensure_ascii=False, default=str)),
        )  # fmt: skip

    def audit(self, table: str, action: str, changes: Mapping[str, Any], *, user: str,
              pk: Any = None) -> None:  # fmt: skip
        with self.write():
            self._audit(table, pk, action, changes, user)

    def audit_rows(self, *, after_id: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
        """Audit entries in order, ``row_id`` as the file has it (an integer id or a code)."""
        rows = self._all(
            'SELECT id, at, "user", table_name, row_id, action, changes FROM audit_log '
            "WHERE id > %s ORDER BY id LIMIT %s",
            (after_id, limit),
        )
        for r in rows:
            r["row_id"] = _row_id(r["row_id"])
        return rows

    def insert_many(self, table: str, rows: Iterable[Mapping[str, Any]], *,
                    columns: Sequence[str], user: str | None = None,
                    audit_action: str = "insert") -> int:  # fmt: skip
        """Bulk insert in one transaction (COPY when unaudited); audited per row with ``user``."""
        for c in columns:
            self._check_col(table, c)
        ts = now_iso()
        cols = list(columns)
        versioned = table in VERSIONED
        if versioned:
            cols += [c for c in ("version", "updated_at") if c not in cols]
        extra = [1 if k == "version" else ts for k in cols[len(columns) :]]
        n = 0
        with self.write(), self._errors(), self._conn.cursor() as cur:
            if user is None:
                with cur.copy(f"COPY {_t(table)} ({_names(cols)}) FROM STDIN") as copy:
                    for r in rows:
                        copy.write_row([r.get(k) for k in columns] + extra)
                        n += 1
            else:
                pk_col = pk_of(table)
                sql = (f"INSERT INTO {_t(table)} ({_names(cols)}) "
                       f"VALUES ({', '.join(['%s'] * len(cols))}) RETURNING {pk_col}")  # fmt: skip
                for r in rows:
                    cur.execute(sql, [r.get(k) for k in columns] + extra)
                    pk = cur.fetchone()[pk_col]
                    n += 1
                    self._audit(table, pk, audit_action,
                                {k: [None, r.get(k)] for k in columns}, user)  # fmt: skip
            if "id" in columns:
                self._follow_sequence(table)
        return n

    # The import's bulk path (tracker.store.bulk_insert hands these to the server store).
    def is_empty(self, table: str) -> bool:
        return not self._scalar(f"SELECT EXISTS (SELECT 1 FROM {_t(table)}) AS e")

    def rows_by_key(self, table: str, column: str, values: Iterable[Any]) -> dict[Any, dict]:
        self._check_col(table, column)
        keys = list(values)
        if not keys:
            return {}
        rows = self._all(f'SELECT * FROM {_t(table)} WHERE "{column}" = ANY(%s)', (keys,))
        return {r[column]: r for r in rows}

    def insert_columns(self, table: str, names: Sequence[str], cols: Sequence[Sequence[Any]],
                       *, user: str, action: str = "insert",
                       progress: Any = None) -> list[int]:  # fmt: skip
        n = len(cols[0]) if cols else 0
        if len(names) != len(cols) or any(len(c) != n for c in cols):
            raise ValueError("one name per column, and every column as long as the first")
        if "id" in names:
            raise ValueError("new rows get their ids from the store")
        rows = [dict(zip(names, vals, strict=True)) for vals in zip(*cols, strict=True)]
        return self.insert_audited(table, rows, user=user, action=action)

    def insert_audited(self, table: str, rows: Sequence[Mapping[str, Any]], *, user: str,
                       action: str = "insert", progress: Any = None) -> list[int]:  # fmt: skip
        """Many new rows, each audited as ``insert`` audits one, in one transaction:
        the rows in one pipelined batch, their audit entries in one COPY."""
        if not rows:
            return []
        if any("id" in r for r in rows) or any(r.keys() != rows[0].keys() for r in rows):
            with self.write():
                return [self.insert(table, r, user=user, action=action) for r in rows]
        defaults = self._not_null_defaults(table)
        cols = list(rows[0])
        for c in cols:
            self._check_col(table, c)
        extra: dict[str, Any] = {}
        if table in VERSIONED:
            extra = {"version": 1, "updated_at": now_iso()}
            cols = [c for c in cols if c not in extra]
        names = cols + list(extra)
        sql = (f"INSERT INTO {_t(table)} ({_names(names)}) "
               f"VALUES ({', '.join(['%s'] * len(names))}) RETURNING id")  # fmt: skip
        values = []
        for r in rows:
            v = {k: defaults[k] if r[k] is None and k in defaults else r[k] for k in cols}
            values.append({**v, **extra})
        ids: list[int] = []
        with self.write(), self._errors(), self._conn.cursor(row_factory=tuple_row) as cur:
            cur.executemany(sql, [[v[k] for k in names] for v in values], returning=True)
            while True:
                ids.append(cur.fetchone()[0])
                if not cur.nextset():
                    break
            with cur.copy("COPY audit_log (table_name, row_id, action, changes) FROM STDIN") as cp:
                for pk, v in zip(ids, values, strict=True):
                    changes = {k: [None, x] for k, x in v.items() if k != "updated_at"}
                    cp.write_row((table, str(pk), action,
                                  json.dumps(changes, ensure_ascii=False, default=str)))  # fmt: skip
        return ids

    def bulk_load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Fast load (COPY) of generated or copied rows; one audit entry for the lot."""
        for c in columns:
            self._check_col(table, c)
        n = 0
        with self.write(), self._errors(), self._conn.cursor() as cur:
            with cur.copy(f"COPY {_t(table)} ({_names(columns)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
                    n += 1
            if "id" in columns and table in schema.IDENTITY_TABLES:
                self._follow_sequence(table)
            self._audit(table, None, "bulk_load", {"rows": n}, "generator")
        return n

    @contextlib.contextmanager
    def bulk_loading(self, tables: Sequence[str]) -> Iterator[None]:
        """Loading many rows into ``tables`` in one transaction. Into a portfolio this
        session created (nobody else reads it yet), the secondary indexes go away during
        the load and are built once after it, inside the same transaction."""
        for t in tables:
            _t(t)
        with self.write():
            if not self.created:
                yield
                return
            saved = self._all(
                "SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                "WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
                (list(tables),),
            )
            for r in saved:
                self._exec(f'DROP INDEX "{r["name"]}"')
            yield
            self._exec("SET LOCAL maintenance_work_mem = '256MB'")
            for r in saved:
                self._exec(r["def"])

    def settle(self, tables: Sequence[str]) -> None:
        """After a bulk load: the planner's statistics and the visibility map brought up to
        date (``VACUUM (ANALYZE)``), so that counts and sorts read the indexes alone at once
        instead of when autovacuum comes round (a first sort of a freshly copied million
        projects took 0.2-2.4 s before)."""
        if self.read_only or self._depth:
            return
        for t in tables:
            self._exec(f"VACUUM (ANALYZE) {_t(t)}")

    @contextlib.contextmanager
    def fts_suspended(self, table: str) -> Iterator[None]:
        with self.write():
            yield

    def record_snapshot(self, *, fmt: str, path: str, sha256: str, flt: Filter,
                        kind: str | None, rows: int | None, as_of: str, user: str) -> int:  # fmt: skip
        with self.write():
            row = self._one(
                "INSERT INTO snapshots (taken_at, format, path, sha256, filter, kind, rows, as_of) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (now_iso(), fmt, path, sha256, json.dumps(flt.to_dict(), ensure_ascii=False),
                 kind, rows, as_of),
            )  # fmt: skip
            return row["id"]

    # ------------------------------------------------------------------ users
    def grant(self, login: str, role: str, *, password: str | None = None) -> str:
        """Create the login ``login`` (or change it) with one role: viewer, editor or admin.

        Returns 'created' or 'changed'. The server checks that this session may manage
        roles (the owner or an admin, with CREATEROLE); the password, when given, is
        sent to the server only (never logged or stored by the program).
        """
        if role not in schema.ROLES:
            raise ValueError(f"role must be one of {', '.join(schema.ROLES)}, not {role!r}")
        if not login or len(login) > 63 or "\x00" in login:
            raise ValueError("a login name has 1 to 63 characters")
        if login == self.login:
            raise StoreError("You cannot change your own role; ask another admin.")
        q = schema.quote_ident
        prefix = self.meta("role_prefix") or self.dbname
        groups = {r: schema.group_role(prefix, r) for r in schema.ROLES}
        with self.write(), self._errors(), self._conn.cursor() as cur:
            cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", (login,))
            row = cur.fetchone()
            if row and row["rolsuper"]:
                raise StoreError(f"'{login}' is a superuser of the server; its rights cannot be "
                                 "narrowed to a role.")  # fmt: skip
            existed = row is not None
            opts = "LOGIN" + (" CREATEROLE" if role == "admin" else " NOCREATEROLE")
            cur.execute(f"{'ALTER' if existed else 'CREATE'} ROLE {q(login)} {opts}")
            if password:
                from psycopg import sql as pgsql

                cur.execute(pgsql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    pgsql.Identifier(login), pgsql.Literal(password)))  # fmt: skip
            for r, g in groups.items():
                if r != role:
                    cur.execute(f"REVOKE {q(g)} FROM {q(login)}")
            # An admin's CREATEROLE lets it create logins and grant these roles in turn.
            cur.execute(f"GRANT {q(groups[role])} TO {q(login)}")
            self._audit("users", login, "grant", {"role": [None, role]}, self.login)
        return "changed" if existed else "created"

    def users(self) -> list[dict[str, str]]:
        """Logins with a role on this portfolio: [{'login', 'role'}], by name."""
        prefix = self.meta("role_prefix") or self.dbname
        groups = {schema.group_role(prefix, r): r for r in schema.ROLES}
        rows = self._all(
            "SELECT m.rolname AS login, g.rolname AS grp FROM pg_auth_members a "
            "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
            "WHERE g.rolname = ANY(%s) AND m.rolcanlogin ORDER BY m.rolname",
            (list(groups),),
        )
        rank = {"viewer": 0, "editor": 1, "admin": 2}
        best: dict[str, str] = {}
        for r in rows:
            role = groups[r["grp"]]
            if rank[role] >= rank.get(best.get(r["login"], "viewer"), 0):
                best[r["login"]] = role
        return [{"login": k, "role": v} for k, v in sorted(best.items())]

    # ------------------------------------------------------------ maintenance
    def integrity_check(self, *, quick: bool = False) -> list[str]:
        """What the server's rules cannot have let in is not checked again; what can go
        wrong across tables is: the search index and the schema marks."""
        problems: list[str] = []
        for table in schema.FTS_COLUMNS:
            missing = self._scalar(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                f"(SELECT 1 FROM {table}_fts f WHERE f.id = t.id)"
            )
            if missing:
                problems.append(f"{missing} {table} record(s) are missing from the search index")
            if not quick:
                stale = self._scalar(
                    f"SELECT count(*) FROM {table} t JOIN {table}_fts f ON f.id = t.id "
                    f"WHERE f.doc <> {table}_fts_doc(t)"
                )
                if stale:
                    problems.append(f"{stale} {table} record(s) have a stale search index entry")
        if self.meta("application") != schema.APPLICATION:
            problems.append("the database is not marked as an Investment Tracker portfolio")
        return problems

    def backup_to(self, target: str | Path, progress: Any = None) -> Path:
        """A consistent SQLite copy of the whole portfolio (one snapshot transaction)."""
        return server_to_file(self, Path(target), progress)

    def make_backup(self, folder: str | Path | None = None, *, reason: str = "manual",
                    keep: int | None = None, progress: Any = None) -> Path:  # fmt: skip
        """A SQLite copy named like the file store's backups ('<db>-<stamp>-<reason>.sqlite3'),
        so the folder's newest copy can be found and opened read-only when the server is gone.
        Copies of a server are never rotated away by the program (``keep`` is ignored)."""
        import datetime as dt

        if folder is None:
            folder = getattr(self, "backup_dir", None)
            if folder is None:
                raise StoreError("A server portfolio is backed up into a folder you name.")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return self.backup_to(folder / f"{self.dbname}-{stamp}-{reason}.sqlite3", progress)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[PgStore]:
        """Reads inside see one consistent state of the database (REPEATABLE READ, read-only)."""
        with self._errors():
            self._conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            self._depth += 1000  # writes inside a snapshot would join it: refuse them
            yield self
        finally:
            self._depth -= 1000
            with self._errors():
                self._conn.execute("COMMIT")

    def data_version(self) -> int:
        """Changes made by anyone (the audit log only grows): cheap to poll."""
        return int(self._scalar("SELECT coalesce(max(id), 0) AS v FROM audit_log"))


class _Statements:
    """The transaction's statements for code written against the file's connection."""

    def __init__(self, store: PgStore):
        self._store = store

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._store._errors():
            cur = self._store._conn.cursor(row_factory=tuple_row)
            return cur.execute(_QMARK.sub("%s", sql), list(params))

    def distinct_values(self, table: str, column: str) -> list[Any]:
        return self._store.distinct_values(table, column)


# ---------------------------------------------------------------------- helpers
_CONSTRAINT_KIND = {
    pg_errors.UniqueViolation: "unique",
    pg_errors.ForeignKeyViolation: "foreign_key",
    pg_errors.CheckViolation: "check",
    pg_errors.NotNullViolation: "not_null",
}


def _constraint(exc: pg_errors.IntegrityError) -> ConstraintViolation:
    """A server constraint error in the words SQLite uses ('UNIQUE constraint failed:
    projects.code'), so the services' field messages work for both backends."""
    kind = next((k for t, k in _CONSTRAINT_KIND.items() if isinstance(exc, t)), "check")
    table = exc.diag.table_name or ""
    column = exc.diag.column_name
    detail = exc.diag.message_detail or ""
    if kind == "unique" and not column:
        m = re.search(r"Key \(([^)]*)\)", detail)
        column = m.group(1).split(",")[-1].strip() if m else None
    msg = {
        "unique": f"UNIQUE constraint failed: {table}.{column}",
        "foreign_key": "FOREIGN KEY constraint failed",
        "check": f"CHECK constraint failed: {exc.diag.constraint_name or ''}",
        "not_null": f"NOT NULL constraint failed: {table}.{column}",
    }[kind]
    return ConstraintViolation(msg, table=table, kind=kind, column=column)


def _names(columns: Iterable[str]) -> str:
    """Column names quoted (the audit log has a column named ``user``, a keyword here)."""
    return ", ".join(f'"{c}"' for c in columns)
