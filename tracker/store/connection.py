"""Opening a database: its checks, migrations, the connection, transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from tracker.domain.errors import (
    CorruptDatabase,
    ForeignDatabase,
    ForeignSchema,
    NewerSchema,
    ReadOnlyError,
    StoreError,
)
from tracker.store import backups, media
from tracker.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tracker.store.schema import VERSIONED, now_iso
from tracker.store.sqlite_file import _connect, _plain, _touch_private, check_header, translate


class Connection:
    """The open file and its one connection (private: only the store's modules use it).

    Writes go through :meth:`write` (one short ``BEGIN IMMEDIATE`` transaction).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool):
        self._conn: sqlite3.Connection = conn
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
        #: What the file's schema has that the program did not make (schema_guard).
        self.schema_problems: list[Any] = []
        self._repairing = False
        #: Why the last automatic backup failed (said by backups.failed), or "".
        self.backup_failure = ""

    @property
    def _utils_db(self) -> Any:
        """The sqlite-utils view of the connection, for migrations.

        Imported on first use: sqlite-utils (and pandas, when installed) cost 0.3-2 s
        of start-up that opening a current file never needs.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    # ---------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> Self:
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
    ) -> Self:
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
        try:
            conn = _connect(p, read_only=read_only)
        except sqlite3.DatabaseError as exc:
            plain = _plain(exc, p)
            if plain is not exc:
                raise plain from exc
            raise CorruptDatabase(f"{p.name} is damaged and cannot be read ({exc}).") from exc
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
        c = self._conn
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

        self.schema_problems = schema_guard.differences(self._conn, version)
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
        self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._write() as c:
                done = schema_guard.repair(c, self.schema_version)
                broken = c.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        f"{self.path.name}: after the repair {len(broken)} row(s) point to missing "
                        "records; nothing was changed."
                    )
                self._audit("schema", None, "repair", {"done": done}, user)  # type: ignore[attr-defined]
        finally:
            self._conn.execute("PRAGMA foreign_keys = ON")
        self.__dict__.pop("_col_cache", None)
        self.__dict__.pop("_nn_default_cache", None)
        self.schema_problems = []
        self._repairing = False
        self._conn.execute("PRAGMA trusted_schema = ON")
        return done

    def _migrate(self, from_version: int) -> None:
        with self._write():
            if from_version == 0:
                self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._conn.execute("PRAGMA page_size = 4096")
            for i in range(from_version, SCHEMA_VERSION):
                MIGRATIONS[i](self._utils_db)
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            if from_version == 0:
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('created_at', ?)",
                    (now_iso(),),
                )
                made = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master")}
                for t in sorted(VERSIONED & made):
                    self._conn.execute(
                        f"UPDATE {t} SET updated_at = ? WHERE updated_at = ''", (now_iso(),)
                    )

    def close(self, *, backup: bool = True) -> None:
        if self._conn is None:
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
                    self._conn.execute("PRAGMA optimize")
        finally:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    def open_again(self, *, read_only: bool | None = None) -> Self:
        """A second connection to the same file with the same settings, for a worker thread.

        The window's own connection is never used from two threads at once: work in the
        background gets its own store, and WAL lets the window read committed data while
        it writes (see tracker.ui.operations). Never backs up or migrates.
        """
        other = type(self).open(self.path, read_only=self.read_only if read_only is None else read_only,
                                backup=False, backup_dir=self.backup_dir,
                                keep_backups=self.keep_backups)  # fmt: skip
        if self.read_only_reason and other.read_only:
            other.read_only_reason = self.read_only_reason
        return other

    def interrupt(self) -> None:
        """Stop the statement running on this connection now (safe from any thread);
        an interrupted write transaction is rolled back."""
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile
                conn.interrupt()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` ran (a background reader checks before it reads)."""
        return self._conn is None

    @property
    def conn(self) -> sqlite3.Connection:
        """The SQLite connection, for the store's own modules and its tests; nothing outside
        tracker/store may use it (import-linter and tests/test_architecture.py keep it so)."""
        return self._conn

    # ------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One short write transaction (nested calls join the outer one); all or nothing."""
        with self._write():
            yield

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """:meth:`write` for the store's own modules: yields the connection.

        SQLite's errors raised inside leave as the program's own (:func:`translate`),
        at every nesting level, so a caller may catch them inside an outer write.
        """
        if self.read_only:
            raise ReadOnlyError(
                f"{self.path.name} is open read-only ({self.read_only_reason or 'read-only'}); "
                "editing is off."
            )
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc
            finally:
                self._depth -= 1
            return
        try:
            if self._wal_pending:
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._wal_pending = False
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc
        self._depth = 1
        try:
            yield self._conn
        except BaseException as exc:
            self._depth = 0
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise translate(exc, self.path) from exc
            raise
        else:
            self._depth = 0
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise translate(exc, self.path) from exc
            self.changed = True

    def checkpoint(self) -> None:
        """Copy the -wal back into the file without waiting for anyone (a window open for
        days calls it now and then); journal_size_limit then keeps the -wal small."""
        if not self.read_only and self._conn is not None and not self._depth:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def data_version(self) -> int:
        """Changes made by other connections since ours opened (cheap to poll)."""
        return self._conn.execute("PRAGMA data_version").fetchone()[0]
