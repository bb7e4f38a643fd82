"""Reads of many rows: filters as WHERE clauses, ordered id lists, keyset pages,
rows by id, sums for footers and charts, lookups of reference data."""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from tracker.domain.fields import RefIndex
from tracker.domain.filters import Filter
from tracker.domain.fx import FxTable
from tracker.store import id_lists
from tracker.store.schema import (
    FILTER_ALIASES,
    FILTER_COLUMNS,
    FTS_TABLES,
    _col,
    _t,
    fts_query,
    pk_of,
)


class Queries:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: reads of many rows."""

    def rows(self, table: str, *, where: Mapping[str, Any] | None = None, order: str = "",
             columns: Sequence[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """Rows of a table (all, or those whose columns equal ``where``'s values; a list,
        tuple or set of values means any of them), in ``order`` (``"col [DESC], ..."``,
        the primary key by default). Only ``columns`` (and the key) when given."""
        cond, params = self._match(table, where)
        cols = "*"
        if columns:
            for c in columns:
                _col(table, c, self)
            cols = ", ".join(dict.fromkeys([pk_of(table), *columns]))
        sql = f"SELECT {cols} FROM {_t(table)}" + (f" WHERE {cond}" if cond else "")
        sql += f" ORDER BY {self._order(table, order)}"
        return [dict(r) for r in self._conn.execute(sql, params)]

    def max_of(self, table: str, column: str, *, where: Mapping[str, Any] | None = None) -> Any:
        """The largest value of ``column`` (None when no row matches)."""
        _col(table, column, self)
        cond, params = self._match(table, where)
        sql = f"SELECT max({column}) FROM {_t(table)}" + (f" WHERE {cond}" if cond else "")
        return self._conn.execute(sql, params).fetchone()[0]

    def _match(self, table: str, where: Mapping[str, Any] | None) -> tuple[str, list[Any]]:
        """``where`` (column -> value, or a collection of values) as SQL and parameters."""
        parts: list[str] = []
        params: list[Any] = []
        for col, value in (where or {}).items():
            _col(table, col, self)
            if value is None:
                parts.append(f"{col} IS NULL")
            elif isinstance(value, (list, tuple, set, frozenset, range)):
                parts.append(f"{col} IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(list(value)))
            else:
                parts.append(f"{col} = ?")
                params.append(value)
        return " AND ".join(parts), params

    def _order(self, table: str, order: str) -> str:
        """``"col [ASC|DESC], ..."`` checked against the table's columns."""
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
            _col(table, words[0], self)
            out.append(" ".join([words[0], *(w.upper() for w in words[1:])]))
        return ", ".join(out)

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
            chunk = self._conn.execute(sql, p).fetchall()
            if not chunk:
                return
            for r in chunk:
                yield dict(r)
            last = chunk[-1][pk]

    def count(self, table: str, flt: Filter | None = None) -> int:
        where, params = self.where(table, flt or Filter())
        sql = f"SELECT count(*) FROM {_t(table)}" + (f" WHERE {where}" if where else "")
        return self._conn.execute(sql, params).fetchone()[0]

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
        large tables take the fast paths of :mod:`tracker.store.id_lists`.
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
            and (self._conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0)
            >= id_lists.SMALL
        ):
            if col == pk and not where:
                whole = id_lists.contiguous_ids(self._conn, table, pk, descending=descending)
                if whole is not None:
                    return whole
            if col != pk:
                cache = self.__dict__.setdefault("_sort_cache", id_lists.SortCache())
                if where:
                    return id_lists.sorted_filtered_ids(self._conn, cache, table=table, pk=pk, column=col,
                                                        where=where, params=params, descending=descending)  # fmt: skip
                return id_lists.whole_order(self._conn, cache, table=table, pk=pk, column=col,
                                            descending=descending)  # fmt: skip
            return id_lists.ids_from_query(self._conn, sql, params, column=pk)
        cur = self._conn.execute(sql, params)
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
        return [dict(r) for r in self._conn.execute(sql, params)]

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
            for r in self._conn.execute(sql, part):
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
        return [dict(r) for r in self._conn.execute(sql, params)]

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
        return [dict(r) for r in self._conn.execute(sql, params)]

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """A read query in SQL, for tests and the store's own modules: not part of the data
        API (:class:`tracker.store.api.PortfolioDB`), which no caller may go around."""
        return [dict(r) for r in self._conn.execute(sql, params)]

    def ref_index(self) -> RefIndex:
        """Codes and names of reference data, for validation and import."""
        r = RefIndex()
        for code, en, ru, zh in self._conn.execute(
            "SELECT code, name_en, name_ru, name_zh FROM countries"
        ):
            for k in (code, en, ru, zh):
                if k:
                    r.countries.setdefault(k.lower(), code)
        for code, en, ru, zh in self._conn.execute(
            "SELECT code, name_en, name_ru, name_zh FROM sectors"
        ):
            for k in (code, en, ru, zh):
                if k:
                    r.sectors.setdefault(k.lower(), code)
        for code, en, ru in self._conn.execute("SELECT code, name_en, name_ru FROM regions"):
            for k in (code, en, ru):
                if k:
                    r.regions.setdefault(k.lower(), code)
        for i, name, short in self._conn.execute("SELECT id, name, short_name FROM banks"):
            r.banks[str(i)] = i
            for k in (name, short):
                if k:
                    r.banks.setdefault(k.lower(), i)
        for i, name in self._conn.execute("SELECT id, name FROM zones"):
            r.zones[str(i)] = i
            r.zones.setdefault(name.lower(), i)
        return r

    def project_ids_by_code(self, codes: Iterable[str] | None = None) -> dict[str, int]:
        if codes is None:
            return {c.lower(): i for i, c in self._conn.execute("SELECT id, code FROM projects")}
        out: dict[str, int] = {}
        codes = list(dict.fromkeys(codes))
        for i in range(0, len(codes), 900):
            part = codes[i : i + 900]
            sql = f"SELECT id, code FROM projects WHERE code IN ({', '.join('?' * len(part))})"
            out.update({c.lower(): pid for pid, c in self._conn.execute(sql, part)})
        # Codes typed in another letter case ('p-1' for 'P-1'): a slower pass, only for misses.
        missed = list({c.lower() for c in codes} - set(out))
        for i in range(0, len(missed), 900):
            part = missed[i : i + 900]
            sql = f"SELECT id, code FROM projects WHERE lower(code) IN ({', '.join('?' * len(part))}) ORDER BY id"
            for pid, c in self._conn.execute(sql, part):
                out.setdefault(c.lower(), pid)
        return out

    def max_id(self, table: str) -> int:
        """The largest id in a table (0 when empty), e.g. to number generated rows after it."""
        return self._conn.execute(f"SELECT coalesce(max(id), 0) FROM {_t(table)}").fetchone()[0]

    def fx_table(self) -> FxTable:
        return FxTable.from_rows(self._conn.execute("SELECT currency, date, per_usd FROM fx_rates"))
