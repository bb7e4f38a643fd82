"""The SQLite store: one file, WAL, foreign keys, versioned rows, audit log."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from tracker.domain.fields import KINDS, RefIndex
from tracker.domain.filters import Filter
from tracker.domain.fx import FxTable
from tracker.store import backups, media, perf_ids
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
from tracker.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store"]

BUSY_TIMEOUT_MS = 15_000
_HEADER = b"SQLite format 3\x00"

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


def now_iso() -> str:
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


def check_header(path: Path) -> None:
    """Refuse, with a plain reason, a file that is not a whole SQLite database."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except PermissionError as exc:
        raise StoreError(f"{path.name}: cannot be read (permission denied).") from exc
    except OSError as exc:
        raise StoreError(f"{path.name}: cannot be read ({exc.strerror}).") from exc
    if size == 0:
        raise CorruptDatabase(
            f"{path.name} is empty (0 bytes): it is not an Investment Tracker database."
        )
    if not head.startswith(_HEADER):
        raise CorruptDatabase(
            f"{path.name} is not a SQLite database (its first bytes are not a SQLite header)."
        )
    if len(head) < 100:
        raise CorruptDatabase(f"{path.name} is truncated: it ends inside the SQLite header.")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    wal = Path(str(path) + "-wal")
    if (
        valid_for == change_counter
        and page_count
        and not (wal.exists() and wal.stat().st_size)
        and size < page_count * page_size
    ):
        raise CorruptDatabase(
            f"{path.name} is truncated: {size} bytes where the header promises {page_count * page_size}."
        )
    app_id = struct.unpack(">I", head[68:72])[0]
    if app_id not in (0, APPLICATION_ID):
        raise ForeignDatabase(
            f"{path.name} is a SQLite database of another program (application id {app_id:#x}), "
            "not an Investment Tracker file. Nothing was changed."
        )


class Store:
    """One open database file.

    Writes go through :meth:`write` (one short ``BEGIN IMMEDIATE`` transaction),
    every row change is recorded in ``audit_log``, and edits carry the row
    ``version`` so a stale save is refused.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool):
        self.conn = conn
        self._db: Any = None
        self.path = path
        self.read_only = read_only
        self.read_only_reason = ""
        self._depth = 0
        self.changed = False
        #: True when this session made the file (init, first start): nothing to back up yet.
        self.created = False
        #: An existing file not yet in WAL mode: switched at its first write (see _prepare).
        self._wal_pending = False
        #: Why the last automatic backup failed (said by backups.failed), or "".
        self.backup_failure = ""
        #: What the file's schema has that the program did not make (schema_guard).
        self.schema_problems: list[Any] = []
        self._repairing = False

    @property
    def db(self) -> Any:
        """The sqlite-utils view of the connection, for migrations.

        Imported on first use: sqlite-utils (and pandas, when installed) cost 0.3-2 s
        of start-up that opening a current file never needs.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # ---------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> Store:
        p = Path(path)
        if p.exists() and p.stat().st_size > 0:
            raise StoreError(f"{p.name} already exists; open it instead of creating it.")
        return cls.open(p, create=True, backup=False)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        create: bool = False,
        backup: bool = True,
        backup_dir: str | os.PathLike[str] | None = None,
        keep_backups: int = backups.DEFAULT_KEEP,
        repair_schema: bool = False,
    ) -> Store:
        """Open (or with ``create`` make) a database; migrate an older one after a backup.

        A file whose schema holds objects the program did not make opens read-only only
        (``schema_problems`` names them); ``repair_schema`` opens it for
        :meth:`repair_schema` alone (see :mod:`tracker.store.schema_guard`)."""
        p = Path(path)
        existed = p.exists() and p.stat().st_size > 0
        if p.exists() and p.is_dir():
            raise StoreError(f"{p} is a folder, not a database file.")
        if not existed and not create:
            if p.exists():
                check_header(p)  # gives the 'empty file' message
            raise StoreError(f"{p} does not exist.")
        if existed:
            check_header(p)
        elif read_only:
            raise StoreError(f"{p} does not exist (cannot create a file read-only).")
        reason = ""
        if existed and media.read_only_media(p):
            read_only, reason = True, "it is on read-only media (a read-only mount, disc or share)"
        if existed and not read_only and not os.access(p, os.W_OK):
            read_only, reason = True, "the file is read-only (no write permission)"
        if existed and not read_only and not os.access(p.parent, os.W_OK):
            read_only, reason = True, "its folder is read-only"
        if not existed:
            p.parent.mkdir(parents=True, exist_ok=True)
            _touch_private(p)
        conn = _connect(p, read_only=read_only)
        store = cls(conn, p, read_only=read_only)
        store.created = not existed
        store.read_only_reason = reason or ("opened read-only" if read_only else "")
        store._repairing = repair_schema
        try:
            store._prepare(existed=existed, backup=backup, backup_dir=backup_dir, keep=keep_backups)
        except sqlite3.DatabaseError as exc:
            conn.close()
            plain = _plain(exc, p)  # locked/busy, read-only or full is not damage: say which
            if plain is not exc:
                raise plain from exc
            raise CorruptDatabase(f"{p.name} is damaged and cannot be read ({exc}).") from exc
        except BaseException:
            conn.close()
            raise
        store.backup_dir = Path(backup_dir) if backup_dir else backups.default_dir(p)
        store.keep_backups = keep_backups
        return store

    def _prepare(self, *, existed: bool, backup: bool, backup_dir: Any, keep: int) -> None:
        c = self.conn
        app_id = c.execute("PRAGMA application_id").fetchone()[0]
        version = c.execute("PRAGMA user_version").fetchone()[0]
        n_tables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if existed and app_id != APPLICATION_ID and n_tables:
            raise ForeignDatabase(
                f"{self.path.name} is a SQLite database of another program, not an Investment "
                "Tracker file. Nothing was changed."
            )
        if version > SCHEMA_VERSION:
            raise NewerSchema(
                f"{self.path.name} was written by a newer Investment Tracker (schema {version}; "
                f"this program knows up to {SCHEMA_VERSION}). Update the program; the file was not changed."
            )
        if existed and version:
            self._guard_schema(version)
        if not self.read_only and not self.schema_problems:
            c.execute("PRAGMA trusted_schema = ON")  # ours alone: our full-text triggers need it
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(
                    f"{self.path.name} uses an older schema ({version}) and must be upgraded, "
                    "which cannot be done read-only. Open it without --read-only."
                )
            if existed and version > 0:  # always, even when automatic backups are off
                try:
                    backups.make_backup(self, backup_dir or backups.default_dir(self.path), keep=keep,
                                        reason=f"before-upgrade-v{version}")  # fmt: skip
                except (OSError, sqlite3.Error) as exc:
                    raise StoreError(
                        f"{self.path.name} must be upgraded from schema {version}, but no backup could "
                        f"be made first ({exc}); the file was not changed."
                    ) from exc
            try:
                self._migrate(version)
            except StoreError:
                raise
            except Exception as exc:
                raise StoreError(
                    f"The upgrade of {self.path.name} from schema {version} to {SCHEMA_VERSION} failed "
                    f"({exc}); the file was left at schema {version}."
                ) from exc
        if not self.read_only:
            # WAL is switched on at the first write of an existing file, not at open: an
            # open that only reads must leave the file byte-for-byte as it was (a backup
            # copy, in rollback-journal mode, would otherwise have its header rewritten).
            mode = c.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                if existed and version == SCHEMA_VERSION:
                    self._wal_pending = True
                else:
                    c.execute("PRAGMA journal_mode=WAL")
            c.execute("PRAGMA synchronous=FULL")
            if existed and backup:
                backups.auto_backup(self, backup_dir or backups.default_dir(self.path), keep=keep,
                                    reason="open")  # fmt: skip

    def _guard_schema(self, version: int) -> None:
        """Compare the file's schema with the program's own before anything is written."""
        from tracker.store import schema_guard

        self.schema_problems = schema_guard.differences(self.conn, version)
        if not self.schema_problems:
            return
        if self.read_only:
            self.read_only_reason = "it holds database objects this program did not make"
        elif not self._repairing:
            raise ForeignSchema(schema_guard.message(self.path.name, self.schema_problems),
                                self.schema_problems)  # fmt: skip

    def repair_schema(self, *, user: str) -> list[str]:
        """Remove what the program did not make (after a backup), in one transaction."""
        from tracker.store import schema_guard

        if not self.schema_problems:
            return []
        backups.make_backup(self, self.backup_dir, keep=0, reason="before-repair")
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.write() as c:
                done = schema_guard.repair(c, self.schema_version)
                broken = c.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        f"{self.path.name}: after the repair {len(broken)} row(s) point to missing "
                        "records; nothing was changed."
                    )
                self._audit("schema", None, "repair", {"done": done}, user)
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")
        self.__dict__.pop("_col_cache", None)
        self.__dict__.pop("_nn_default_cache", None)
        self.schema_problems = []
        self._repairing = False
        self.conn.execute("PRAGMA trusted_schema = ON")
        return done

    def _migrate(self, from_version: int) -> None:
        with self.write():
            if from_version == 0:
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute("PRAGMA page_size = 4096")
            for i in range(from_version, SCHEMA_VERSION):
                MIGRATIONS[i](self.db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            if from_version == 0:
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('created_at', ?)",
                    (now_iso(),),
                )
                made = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
                for t in sorted(VERSIONED & made):
                    self.conn.execute(
                        f"UPDATE {t} SET updated_at = ? WHERE updated_at = ''", (now_iso(),)
                    )

    def close(self, *, backup: bool = True) -> None:
        if self.conn is None:
            return
        try:
            if backup and self.changed and not self.read_only:
                try:
                    backups.make_backup(
                        self, self.backup_dir, keep=self.keep_backups, reason="close"
                    )
                except (StoreError, OSError, sqlite3.Error) as exc:
                    backups.failed(self, self.backup_dir, exc)
            if self.changed and not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA optimize")
        finally:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def open_again(self, *, read_only: bool | None = None) -> Store:
        """A second connection to the same file with the same settings, for a worker thread.

        The window's own connection is never used from two threads at once: work in the
        background gets its own store, and WAL lets the window read committed data while
        it writes (see tracker.ui.operations). Never backs up or migrates.
        """
        other = Store.open(self.path, read_only=self.read_only if read_only is None else read_only,
                           backup=False, backup_dir=self.backup_dir,
                           keep_backups=self.keep_backups)  # fmt: skip
        if self.read_only_reason and other.read_only:
            other.read_only_reason = self.read_only_reason
        return other

    def interrupt(self) -> None:
        """Stop the statement running on this connection now (safe from any thread);
        an interrupted write transaction is rolled back."""
        conn = self.conn
        if conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile
                conn.interrupt()

    @property
    def closed(self) -> bool:
        return self.conn is None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @property
    def name(self) -> str:
        return self.path.name

    # ------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction (nested calls join the outer one)."""
        if self.read_only:
            raise ReadOnlyError(
                f"{self.path.name} is open read-only ({self.read_only_reason or 'read-only'}); "
                "editing is off."
            )
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            if self._wal_pending:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self._wal_pending = False
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            plain = _plain(exc, self.path)
            if plain is exc:
                raise
            raise plain from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                plain = _plain(exc, self.path)
                if plain is not exc:
                    raise plain from exc
            raise
        else:
            self._depth = 0
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                plain = _plain(exc, self.path)
                if plain is exc:
                    raise
                raise plain from exc
            self.changed = True

    # ------------------------------------------------------------------ reads
    def get(self, table: str, pk: Any) -> dict[str, Any] | None:
        row = self.conn.execute(
            f"SELECT * FROM {_t(table)} WHERE {pk_of(table)} = ?", (pk,)
        ).fetchone()
        return dict(row) if row else None

    def get_by(self, table: str, column: str, value: Any) -> dict[str, Any] | None:
        _col(table, column)
        row = self.conn.execute(
            f"SELECT * FROM {_t(table)} WHERE {column} = ?", (value,)
        ).fetchone()
        return dict(row) if row else None

    def rows(
        self, table: str, *, where: str = "", params: Sequence[Any] = (), order: str = ""
    ) -> list[dict[str, Any]]:
        """All rows of a (small) table; ``where``/``order`` are written by the store's callers in code, never user text."""
        sql = f"SELECT * FROM {_t(table)}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order or pk_of(table)}"
        return [dict(r) for r in self.conn.execute(sql, params)]

    def iter_rows(self, table: str, flt: Filter | None = None, *, order: str | None = None,
                  batch: int = 5000) -> Iterator[dict[str, Any]]:  # fmt: skip
        """Stream rows (for exports) in id order without holding them all."""
        where, params = self.where(table, flt or Filter())
        last = None
        pk = pk_of(table)
        while True:
            w = where
            p = list(params)
            if last is not None:
                w = f"({w}) AND {pk} > ?" if w else f"{pk} > ?"
                p.append(last)
            sql = (
                f"SELECT * FROM {_t(table)}"
                + (f" WHERE {w}" if w else "")
                + f" ORDER BY {pk} LIMIT {batch}"
            )
            chunk = self.conn.execute(sql, p).fetchall()
            if not chunk:
                return
            for r in chunk:
                yield dict(r)
            last = chunk[-1][pk]

    def count(self, table: str, flt: Filter | None = None) -> int:
        where, params = self.where(table, flt or Filter())
        sql = f"SELECT count(*) FROM {_t(table)}" + (f" WHERE {where}" if where else "")
        return self.conn.execute(sql, params).fetchone()[0]

    def where(self, table: str, flt: Filter) -> tuple[str, list[Any]]:
        """A filter as a parameterised WHERE clause. Column names come from a whitelist."""
        parts: list[str] = []
        params: list[Any] = []
        allowed = FILTER_COLUMNS.get(table, set())
        for name in ("status", "sector", "bank_id", "zone_id", "country", "region", "kind"):
            values = getattr(flt, name)
            if not values:
                continue
            if name not in allowed:
                continue
            col = FILTER_ALIASES.get((table, name), name)
            parts.append(f"{col} IN ({', '.join('?' * len(values))})")
            params.extend(values)
        if flt.text and table in FTS_TABLES:
            q = fts_query(flt.text)
            if q:
                parts.append(f"id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)")
                params.append(q)
        if flt.ids is not None:
            parts.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(flt.ids)))
        return " AND ".join(parts), params

    def sort_columns(self, table: str) -> set[str]:
        return set(self._columns(table))

    def query_ids(self, table: str, flt: Filter | None = None, *, sort: str | None = None,
                  descending: bool = False) -> Sequence[int]:  # fmt: skip
        """Ids of the rows a filter selects, in sort order (SQL sorts; Python holds only ids).

        An ``array('q')``, or a ``range`` for a whole gap-free table in id order;
        large tables take the fast paths of :mod:`tracker.store.perf_ids`.
        """
        pk = pk_of(table)
        col = sort or pk
        _col(table, col, self)
        where, params = self.where(table, flt or Filter())
        d = " DESC" if descending else ""
        order = f"{col}{d}, {pk}{d}" if col != pk else f"{pk}{d}"
        sql = (
            f"SELECT {pk} FROM {_t(table)}"
            + (f" WHERE {where}" if where else "")
            + f" ORDER BY {order}"
        )
        if (
            pk == "id"
            and (self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0)
            >= perf_ids.SMALL
        ):
            if col == pk and not where:
                whole = perf_ids.contiguous_ids(self.conn, table, pk, descending=descending)
                if whole is not None:
                    return whole
            if col != pk:
                cache = self.__dict__.setdefault("_sort_cache", perf_ids.SortCache())
                if where:
                    return perf_ids.sorted_filtered_ids(self.conn, cache, table=table, pk=pk, column=col,
                                                        where=where, params=params, descending=descending)  # fmt: skip
                return perf_ids.whole_order(self.conn, cache, table=table, pk=pk, column=col,
                                            descending=descending)  # fmt: skip
            return perf_ids.ids_from_query(self.conn, sql, params, column=pk)
        cur = self.conn.execute(sql, params)
        out = array("q")
        while True:
            chunk = cur.fetchmany(65536)
            if not chunk:
                return out
            out.extend(r[0] for r in chunk)

    def page(self, table: str, flt: Filter | None = None, *, sort: str | None = None,
             descending: bool = False, after: tuple[Any, Any] | None = None,
             limit: int = 200, before: tuple[Any, Any] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """A keyset page: rows after the (sort value, id) key of the last row seen.

        With ``before`` instead, the ``limit`` rows just before that key (scrolling
        back up), still in display order. NULLs sort first ascending, last descending.
        """
        if before is not None:
            if after is not None:
                raise ValueError("page: give either after or before, not both")
            rows = self.page(table, flt, sort=sort, descending=not descending, after=before,
                             limit=limit)  # fmt: skip
            rows.reverse()
            return rows
        pk = pk_of(table)
        col = sort or pk
        _col(table, col, self)
        where, params = self.where(table, flt or Filter())
        cmp = "<" if descending else ">"
        d = " DESC" if descending else ""
        if after is not None:
            if col == pk:
                key = f"{pk} {cmp} ?"
                params.append(after[1])
            else:
                # NULLs sort first ascending; (col, id) > (v, id) needs care for NULL v.
                if after[0] is None:
                    key = (
                        f"(({col} IS NULL AND {pk} {cmp} ?) OR {col} IS NOT NULL)"
                        if not descending
                        else f"({col} IS NULL AND {pk} {cmp} ?)"
                    )
                    params.append(after[1])
                else:
                    key = f"({col} {cmp} ? OR ({col} = ? AND {pk} {cmp} ?))"
                    if descending:
                        key = f"({key} OR {col} IS NULL)"
                    params.extend([after[0], after[0], after[1]])
            where = f"({where}) AND {key}" if where else key
        order = f"{col}{d}, {pk}{d}" if col != pk else f"{pk}{d}"
        sql = (
            f"SELECT * FROM {_t(table)}"
            + (f" WHERE {where}" if where else "")
            + f" ORDER BY {order} LIMIT ?"
        )
        params.append(int(limit))
        return [dict(r) for r in self.conn.execute(sql, params)]

    def fetch(
        self, table: str, ids: Sequence[Any], columns: Sequence[str] | None = None
    ) -> dict[Any, dict[str, Any]]:
        """Rows by primary key, as a dict pk -> row (a page for the table model)."""
        if not ids:
            return {}
        pk = pk_of(table)
        cols = "*"
        if columns:
            for c in columns:
                _col(table, c, self)
            cols = ", ".join(dict.fromkeys([pk, *columns]))
        out: dict[Any, dict[str, Any]] = {}
        for i in range(0, len(ids), 900):
            part = list(ids[i : i + 900])
            sql = f"SELECT {cols} FROM {_t(table)} WHERE {pk} IN ({', '.join('?' * len(part))})"
            for r in self.conn.execute(sql, part):
                out[r[pk]] = dict(r)
        return out

    def sums_by_currency(
        self, table: str, columns: Sequence[str], flt: Filter | None = None
    ) -> list[dict[str, Any]]:
        """SUM of money columns per currency, for footers and key figures (exact integers)."""
        for c in columns:
            _col(table, c, self)
        where, params = self.where(table, flt or Filter())
        sums = ", ".join(f"SUM({c}) AS {c}" for c in columns)
        sql = (f"SELECT currency, COUNT(*) AS n, {sums} FROM {_t(table)}"
               + (f" WHERE {where}" if where else "") + " GROUP BY currency ORDER BY currency")  # fmt: skip
        return [dict(r) for r in self.conn.execute(sql, params)]

    def group_sums(
        self, table: str, by: str, columns: Sequence[str], flt: Filter | None = None
    ) -> list[dict[str, Any]]:
        """COUNT and SUM of money columns per (group, currency) for charts."""
        _col(table, by, self)
        for c in columns:
            _col(table, c, self)
        where, params = self.where(table, flt or Filter())
        sums = "".join(f", SUM({c}) AS {c}" for c in columns)
        cur_col = ", currency" if "currency" in self._columns(table) else ""
        sql = (f"SELECT {by} AS grp{cur_col}, COUNT(*) AS n{sums} FROM {_t(table)}"
               + (f" WHERE {where}" if where else "") + f" GROUP BY {by}{cur_col} ORDER BY {by}")  # fmt: skip
        return [dict(r) for r in self.conn.execute(sql, params)]

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """A read query written in code by a service (never user text)."""
        return [dict(r) for r in self.conn.execute(sql, params)]

    # ------------------------------------------- ordered ids (the record view's data path)
    # Thin names over tracker.store.perf_ids, which reads a million ordered ids fast; the
    # record view service (tracker.services.record_view) asks only these, never SQL.
    def order_stamp(self) -> tuple[int, int]:
        """Equal stamps, equal data: what a kept or background-read order is checked against."""
        return perf_ids.stamp(self.conn)

    def filters_rows(self, table: str, flt: Filter) -> bool:
        """Whether ``flt`` leaves out any row of ``table`` (an empty WHERE does not)."""
        return bool(self.where(table, flt)[0])

    def distinct_values(self, table: str, column: str) -> list[Any]:
        perf_ids.check_names(self, table, column)
        return perf_ids.distinct_values(self.conn, table, column)

    def head_ids(self, table: str, *, column: str, descending: bool, limit: int, offset: int = 0,
                 groups: perf_ids.Groups | None = None) -> array:  # fmt: skip
        """Ids at positions ``offset`` … ``offset + limit`` of the whole table's order."""
        perf_ids.check_names(self, table, column)
        return perf_ids.head_ids(self.conn, table=table, pk=pk_of(table), column=column,
                                 descending=descending, limit=limit, offset=offset,
                                 groups=groups)  # fmt: skip

    def rank_of(self, table: str, *, column: str, key: Any,
                groups: perf_ids.Groups | None = None) -> int | None:  # fmt: skip
        perf_ids.check_names(self, table, column)
        return perf_ids.rank_of(self.conn, table=table, pk=pk_of(table), column=column, key=key,
                                groups=groups)  # fmt: skip

    def ascending_order(self, table: str, *, column: str, groups: perf_ids.Groups | None = None,
                        stop: Callable[[], bool] | None = None) -> Any:  # fmt: skip
        """Every id of ``table`` ascending by (column, id) or by groups (numpy int64)."""
        perf_ids.check_names(self, table, column)
        return perf_ids.ascending_order(self.conn, table=table, pk=pk_of(table), column=column,
                                        groups=groups, stop=stop)  # fmt: skip

    def kept_order(self, table: str, column: str, groups: perf_ids.Groups | None = None) -> Any:
        """The whole ascending order kept from before, if the file is unchanged since."""
        return perf_ids.sort_cache(self).peek(self.conn, table, column, groups)

    def keep_order(self, table: str, column: str, groups: perf_ids.Groups | None,
                   stamp: tuple[int, int], order: Any) -> bool:  # fmt: skip
        """Keep an order read elsewhere (a worker) if nothing was written since ``stamp``."""
        return perf_ids.sort_cache(self).keep_if(self.conn, (table, column, groups), stamp, order)

    def ordered_ids_by_groups(self, table: str, flt: Filter, *, column: str,
                              groups: perf_ids.Groups, descending: bool) -> array:  # fmt: skip
        """Ids a filter selects, ordered by ``groups`` of ``column`` (a linked column by name)."""
        return perf_ids.ordered_ids(self, table, flt, pk=pk_of(table), column=column,
                                    groups=groups, descending=descending)  # fmt: skip

    def ref_index(self) -> RefIndex:
        """Codes and names of reference data, for validation and import."""
        r = RefIndex()
        for code, en, ru, zh in self.conn.execute(
            "SELECT code, name_en, name_ru, name_zh FROM countries"
        ):
            for k in (code, en, ru, zh):
                if k:
                    r.countries.setdefault(k.lower(), code)
        for code, en, ru, zh in self.conn.execute(
            "SELECT code, name_en, name_ru, name_zh FROM sectors"
        ):
            for k in (code, en, ru, zh):
                if k:
                    r.sectors.setdefault(k.lower(), code)
        for code, en, ru in self.conn.execute("SELECT code, name_en, name_ru FROM regions"):
            for k in (code, en, ru):
                if k:
                    r.regions.setdefault(k.lower(), code)
        for i, name, short in self.conn.execute("SELECT id, name, short_name FROM banks"):
            r.banks[str(i)] = i
            for k in (name, short):
                if k:
                    r.banks.setdefault(k.lower(), i)
        for i, name in self.conn.execute("SELECT id, name FROM zones"):
            r.zones[str(i)] = i
            r.zones.setdefault(name.lower(), i)
        return r

    def project_ids_by_code(self, codes: Iterable[str] | None = None) -> dict[str, int]:
        if codes is None:
            return {c.lower(): i for i, c in self.conn.execute("SELECT id, code FROM projects")}
        out: dict[str, int] = {}
        codes = list(dict.fromkeys(codes))
        for i in range(0, len(codes), 900):
            part = codes[i : i + 900]
            sql = f"SELECT id, code FROM projects WHERE code IN ({', '.join('?' * len(part))})"
            out.update({c.lower(): pid for pid, c in self.conn.execute(sql, part)})
        # Codes typed in another letter case ('p-1' for 'P-1'): a slower pass, only for misses.
        missed = list({c.lower() for c in codes} - set(out))
        for i in range(0, len(missed), 900):
            part = missed[i : i + 900]
            sql = f"SELECT id, code FROM projects WHERE lower(code) IN ({', '.join('?' * len(part))}) ORDER BY id"
            for pid, c in self.conn.execute(sql, part):
                out.setdefault(c.lower(), pid)
        return out

    def max_id(self, table: str) -> int:
        """The largest id in a table (0 when empty), e.g. to number generated rows after it."""
        return self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {_t(table)}").fetchone()[0]

    def fx_table(self) -> FxTable:
        return FxTable.from_rows(self.conn.execute("SELECT currency, date, per_usd FROM fx_rates"))

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as c:
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _columns(self, table: str) -> list[str]:
        cache = self.__dict__.setdefault("_col_cache", {})
        if table not in cache:
            cache[table] = [r[1] for r in self.conn.execute(f"PRAGMA table_xinfo({_t(table)})")]
        return cache[table]

    def _not_null_defaults(self, table: str) -> dict[str, Any]:
        """Columns that are NOT NULL but have a default, with that default's value:
        an empty (NULL) value there means 'the default' (e.g. disbursed 0)."""
        cache = self.__dict__.setdefault("_nn_default_cache", {})
        if table not in cache:
            from tracker.store.schema_guard import literal

            # Read as a literal, never run: a default is SQL text from the file (issue 13).
            cache[table] = {}
            for r in self.conn.execute(f"PRAGMA table_xinfo({_t(table)})"):
                if r[3] and r[4] is not None:
                    with contextlib.suppress(ValueError):
                        cache[table][r[1]] = literal(r[4])
        return cache[table]

    # ----------------------------------------------------------------- writes
    def insert(
        self, table: str, values: Mapping[str, Any], *, user: str, action: str = "insert"
    ) -> Any:
        """Insert one row with its audit entry; returns the primary key."""
        vals = dict(values)
        for k, default in self._not_null_defaults(table).items():
            if k in vals and vals[k] is None:
                vals[k] = (
                    default  # an empty optional cell takes the column's default (e.g. disbursed 0)
                )
        if table in VERSIONED:
            vals.setdefault("version", 1)
            vals["updated_at"] = now_iso()
        cols = list(vals)
        for c in cols:
            _col(table, c, self)
        with self.write() as c:
            cur = c.execute(
                f"INSERT INTO {_t(table)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [vals[k] for k in cols],
            )
            pk = vals.get(pk_of(table), cur.lastrowid) if pk_of(table) != "id" else cur.lastrowid
            self._audit(
                table,
                pk,
                action,
                {k: [None, v] for k, v in vals.items() if k not in ("updated_at",)},
                user,
            )
        return pk

    def update(self, table: str, pk: Any, values: Mapping[str, Any], *, expected_version: int | None,
               user: str, action: str = "update") -> dict[str, Any]:  # fmt: skip
        """Change some fields of one row if it is still at ``expected_version``.

        Returns the row after the change. A stale version raises StaleWrite and
        writes nothing; fields equal to the stored values are not recorded.
        """
        with self.write() as c:
            before = self.get(table, pk)
            if before is None:
                raise NotFound(table, pk)
            if (
                table in VERSIONED
                and expected_version is not None
                and before["version"] != expected_version
            ):
                raise StaleWrite(table, pk, expected_version, before)
            defaults = self._not_null_defaults(table)
            values = {
                k: defaults[k] if v is None and k in defaults else v for k, v in values.items()
            }
            diff = {k: v for k, v in values.items() if k in before and before[k] != v}
            for k in values:
                _col(table, k, self)
            if not diff:
                return before
            sets = dict(diff)
            if table in VERSIONED:
                sets["updated_at"] = now_iso()
                sql = (f"UPDATE {_t(table)} SET {', '.join(f'{k} = ?' for k in sets)}, version = version + 1 "
                       f"WHERE {pk_of(table)} = ? AND version = ?")  # fmt: skip
                cur = c.execute(sql, [*sets.values(), pk, before["version"]])
            else:
                sql = f"UPDATE {_t(table)} SET {', '.join(f'{k} = ?' for k in sets)} WHERE {pk_of(table)} = ?"
                cur = c.execute(sql, [*sets.values(), pk])
            if cur.rowcount != 1:  # pragma: no cover - guarded by the IMMEDIATE lock
                raise StaleWrite(table, pk, expected_version or 0, self.get(table, pk) or {})
            new_pk = diff.get(pk_of(table), pk)
            self._audit(table, pk, action, {k: [before[k], v] for k, v in diff.items()}, user)
            return self.get(table, new_pk)  # type: ignore[return-value]

    def delete(
        self, table: str, pk: Any, *, expected_version: int | None, user: str
    ) -> dict[str, Any]:
        """Delete one row (version-checked); returns the row as it was."""
        with self.write() as c:
            before = self.get(table, pk)
            if before is None:
                raise NotFound(table, pk)
            if (
                table in VERSIONED
                and expected_version is not None
                and before["version"] != expected_version
            ):
                raise StaleWrite(table, pk, expected_version, before)
            c.execute(f"DELETE FROM {_t(table)} WHERE {pk_of(table)} = ?", (pk,))
            self._audit(
                table,
                pk,
                "delete",
                {k: [v, None] for k, v in before.items() if k != "updated_at"},
                user,
            )
            return before

    def restore_row(self, table: str, row: Mapping[str, Any], *, user: str) -> Any:
        """Put a deleted row back with its own primary key (undo of a delete)."""
        vals = {k: v for k, v in row.items() if k not in _generated(table)}
        if table in VERSIONED:
            vals["version"] = int(vals.get("version") or 0) + 1
        return self.insert(table, vals, user=user, action="restore")

    def _audit(
        self, table: str, pk: Any, action: str, changes: Mapping[str, Any], user: str
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (at, user, table_name, row_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)",
            (
                now_iso(),
                user,
                table,
                pk,
                action,
                json.dumps(changes, ensure_ascii=False, default=str),
            ),
        )

    def audit(
        self, table: str, action: str, changes: Mapping[str, Any], *, user: str, pk: Any = None
    ) -> None:
        """An audit entry for a change that is not one row (an import, a bulk load)."""
        with self.write():
            self._audit(table, pk, action, changes, user)

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
        with self.write() as c:
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

    def bulk_load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Fast load of generated rows (synthetic portfolios); one audit entry for the lot."""
        for c in columns:
            _col(table, c, self)
        sql = f"INSERT INTO {_t(table)} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        with self.write() as c:
            before = c.total_changes
            c.executemany(sql, rows)
            n = c.total_changes - before
            self._audit(table, None, "bulk_load", {"rows": n}, "generator")
            return n

    def fill_synthetic(self, *, projects: int = 0, residents: int = 0, ventures: int = 0,
                       seed: int = 20261127) -> dict[str, int]:  # fmt: skip
        """Add generated rows (benchmarks) with ids after the existing ones; one audit
        entry per table. Deterministic: the same arguments give the same rows."""
        from tracker.store import synthetic

        ts = now_iso()
        counts = {"projects": 0, "residents": 0, "ventures": 0}
        with self.write() as c:
            wanted = {"projects": projects, "residents": residents, "ventures": ventures}
            for table, n in wanted.items():
                if not n:
                    continue
                offset = self.max_id(table)
                if table == "projects":
                    banks = [r[0] for r in c.execute("SELECT id FROM banks ORDER BY id")]
                    sql = synthetic.projects_sql(
                        n, offset=offset, seed=seed, banks=banks, updated_at=ts
                    )
                elif table == "residents":
                    zones = [r[0] for r in c.execute("SELECT id FROM zones ORDER BY id")]
                    sql = synthetic.residents_sql(
                        n, offset=offset, seed=seed, zones=zones, updated_at=ts
                    )
                else:
                    sql = synthetic.ventures_sql(n, offset=offset, seed=seed, updated_at=ts)
                before = c.total_changes
                c.execute(sql)
                counts[table] = c.total_changes - before
                audit = {"rows": counts[table], "seed": seed}
                self._audit(table, None, "bulk_load", audit, "generator")
        return counts

    @contextlib.contextmanager
    def fts_suspended(self, table: str) -> Iterator[None]:
        """Bulk loads: drop the full-text triggers, then rebuild the index once."""
        if table not in FTS_TABLES:
            yield
            return
        with self.write() as c:
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
        c = self.conn
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
            with self.write():
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

    def record_snapshot(self, *, fmt: str, path: str, sha256: str, flt: Filter, kind: str | None,
                        rows: int | None, as_of: str, user: str) -> int:  # fmt: skip
        with self.write() as c:
            cur = c.execute(
                "INSERT INTO snapshots (taken_at, format, path, sha256, filter, kind, rows, as_of, user) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now_iso(),
                    fmt,
                    path,
                    sha256,
                    json.dumps(flt.to_dict(), ensure_ascii=False),
                    kind,
                    rows,
                    as_of,
                    user,
                ),
            )
            return cur.lastrowid  # type: ignore[return-value]

    # ------------------------------------------------------------ maintenance
    def integrity_check(self, *, quick: bool = False) -> list[str]:
        """Problems SQLite finds in the file (empty list: all well), plus broken links."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            rows = [r[0] for r in self.conn.execute(f"PRAGMA {pragma}")]
            fk = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc):
                raise  # stopped (the window closed, or Cancel): no verdict either way
            return [f"the file is damaged: {exc}"]
        problems = [] if rows == ["ok"] else rows
        problems += [f"{r[0]} row {r[1]} points to a missing {r[2]} record" for r in fk]
        return problems

    def broken_cells(self, kinds: Sequence[Any], *, limit: int = 10_000) -> list[Any]:
        """Stored values that break their field's rule (tracker.store.row_rules)."""
        from tracker.store import row_rules

        return row_rules.broken_cells(self.conn, list(kinds), limit=limit)

    def backup_to(self, target: str | os.PathLike[str],
                  progress: Callable[[int, int], None] | None = None) -> Path:  # fmt: skip
        """A consistent copy made with SQLite's backup API (``progress``: see copy_database)."""
        return backups.copy_database(self.conn, Path(target), progress)

    def checkpoint(self) -> None:
        """Copy the -wal back into the file without waiting for anyone (a window open for
        days calls it now and then); journal_size_limit then keeps the -wal small."""
        if not self.read_only and self.conn is not None and not self._depth:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def data_version(self) -> int:
        """Changes made by other connections since ours opened (cheap to poll)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]


# ---------------------------------------------------------------------- helpers
def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)  # fmt: skip
        conn = media.readable(conn, path, uri)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)  # fmt: skip
    conn.row_factory = sqlite3.Row
    # SQLite's advice for files from elsewhere (README, Reliability): nothing in the schema
    # runs functions with side effects until schema_guard found it to be the program's own,
    # damaged pages are caught early, and no memory map onto a file that may change.
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:  # the -wal is cut back to this after each checkpoint (a window open for days)
        conn.execute(f"PRAGMA journal_size_limit = {media.WAL_LIMIT_BYTES}")
    return conn


def _touch_private(path: Path) -> None:
    """Create the file readable by its owner only (POSIX)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


_TABLES = set(KINDS) | {"audit_log", "snapshots", "meta"}


def _t(table: str) -> str:
    if table not in _TABLES:
        raise ValueError(f"unknown table {table!r}")
    return table


def _col(table: str, col: str, store: Store | None = None) -> None:
    if store is not None:
        if col not in store._columns(table):
            raise ValueError(f"{table} has no column {col!r}")
    elif not col.isidentifier():
        raise ValueError(f"bad column name {col!r}")


def _generated(table: str) -> set[str]:
    return {"kind"} if table == "ventures" else set()


def _plain(exc: sqlite3.Error, path: Path) -> StoreError | sqlite3.Error:
    msg = str(exc)
    if "database or disk is full" in msg or "disk I/O error" in msg:
        return DiskFull(
            f"The disk holding {path.name} is full (or the file reached its size limit); nothing was written."
        )
    if "locked" in msg or "busy" in msg:
        return StoreError(f"{path.name} is busy: another program has held it for over "
                          f"{BUSY_TIMEOUT_MS // 1000} s. Try again; nothing was written.")  # fmt: skip
    if "readonly" in msg or "read-only" in msg:
        return ReadOnlyError(
            f"{path.name} cannot be written (read-only file or folder); nothing was written."
        )
    if "append-only" in msg:
        return StoreError("The audit log is append-only: its entries cannot be changed or deleted.")
    return exc
