"""One record at a time: get, insert, update (version-checked), delete, restore,
each with its audit entry; the file's meta values and its snapshot log."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import Any

from tracker.domain.errors import NotFound, StaleWrite
from tracker.domain.filters import Filter
from tracker.store.schema import VERSIONED, _col, _generated, _t, now_iso, pk_of


class Records:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: single-row reads and writes."""

    def get(self, table: str, pk: Any) -> dict[str, Any] | None:
        row = self._conn.execute(
            f"SELECT * FROM {_t(table)} WHERE {pk_of(table)} = ?", (pk,)
        ).fetchone()
        return dict(row) if row else None

    def get_by(self, table: str, column: str, value: Any) -> dict[str, Any] | None:
        _col(table, column)
        row = self._conn.execute(
            f"SELECT * FROM {_t(table)} WHERE {column} = ?", (value,)
        ).fetchone()
        return dict(row) if row else None

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as c:
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _columns(self, table: str) -> list[str]:
        cache = self.__dict__.setdefault("_col_cache", {})
        if table not in cache:
            cache[table] = [r[1] for r in self._conn.execute(f"PRAGMA table_xinfo({_t(table)})")]
        return cache[table]

    def _not_null_defaults(self, table: str) -> dict[str, Any]:
        """Columns that are NOT NULL but have a default, with that default's value:
        an empty (NULL) value there means 'the default' (e.g. disbursed 0)."""
        cache = self.__dict__.setdefault("_nn_default_cache", {})
        if table not in cache:
            from tracker.store.schema_guard import literal

            # Read as a literal, never run: a default is SQL text from the file (issue 13).
            cache[table] = {}
            for r in self._conn.execute(f"PRAGMA table_xinfo({_t(table)})"):
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
        with self._write() as c:
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
        with self._write() as c:
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
        with self._write() as c:
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
        self._conn.execute(
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
        with self._write():
            self._audit(table, pk, action, changes, user)

    def record_snapshot(self, *, fmt: str, path: str, sha256: str, flt: Filter, kind: str | None,
                        rows: int | None, as_of: str, user: str) -> int:  # fmt: skip
        with self._write() as c:
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
