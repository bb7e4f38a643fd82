"""Ordered id lists read out of SQLite fast (the table model's sort, filter and search).

Stepping a cursor row by row costs about 0.7 µs of Python per row, so a sorted
1M-row table took over a second just to hand its ids over. Here SQLite builds
one comma-separated string (``group_concat`` over the ordered subquery, which
keeps the subquery's order) and numpy parses it in C; a table read in id order
with no gaps is returned as a ``range`` without reading anything.

Measured on the 1M-project benchmark file (CPU time): row by row 735 ms,
``json_group_array`` + ``json.loads`` 400 ms, this 230 ms (of which SQLite's
index scan and string building are 210 ms).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Sequence
from typing import Any

from tracker.store.api import ByValue

#: Below this many rows the plain cursor is as fast and needs no numpy.
SMALL = 20_000
_NO_LIMIT = 2**62


def ids_from_query(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = (), *,
                   column: str = "id", estimate: int | None = None,
                   stop: Callable[[], bool] | None = None) -> array:  # fmt: skip
    """The integer ``column`` that ``sql`` returns, in its order, as ``array('q')``.

    ``sql`` must not have a LIMIT of its own: one is added so that SQLite never
    drops the subquery's ORDER BY as redundant under the aggregate.
    """
    if estimate is not None and estimate < SMALL:
        return _by_cursor(conn, sql, params)
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with matplotlib
        return _by_cursor(conn, sql, params)
    row = conn.execute(
        f"SELECT count(*), group_concat(q.{column}) FROM ({sql} LIMIT {_NO_LIMIT}) AS q", params
    ).fetchone()
    n, text = row[0], row[1]
    out = array("q")
    if not n or (stop is not None and stop()):
        return out
    parsed = np.fromstring(text, dtype=np.int64, sep=",")
    if len(parsed) != n:  # a NULL or non-integer id: let the exact path decide
        return _by_cursor(conn, sql, params)
    out.frombytes(parsed.tobytes())
    return out


def _by_cursor(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> array:
    cur = conn.execute(sql, params)
    if isinstance(conn, sqlite3.Connection):
        cur.row_factory = None
    out = array("q")
    while True:
        chunk = cur.fetchmany(65536)
        if not chunk:
            return out
        out.extend(r[0] for r in chunk)


def contiguous_ids(conn: sqlite3.Connection, table: str, pk: str, *,
                   descending: bool) -> range | None:  # fmt: skip
    """All ids of ``table`` in id order as a range, when no id is missing (the usual case)."""
    # Three queries: together, min/max lose their O(log n) shortcut and scan the table.
    n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    lo = conn.execute(f"SELECT min({pk}) FROM {table}").fetchone()[0]
    hi = conn.execute(f"SELECT max({pk}) FROM {table}").fetchone()[0]
    if not n:
        return range(0)
    if hi - lo + 1 != n:
        return None
    return range(hi, lo - 1, -1) if descending else range(lo, hi + 1)


class SortCache:
    """Ascending (column, id) order of a whole table, kept while the file is unchanged.

    A filter on a sorted column is answered from it: SQLite lists the ids the
    filter selects through the filter's own index (no table rows are read) and
    a numpy mask keeps the cached order of just those. Letting SQLite do it in
    one query reads one table row per id, 3.5 s for a 1M-row table. Descending
    order is the exact reverse of ascending, since (column, id) orders totally.
    """

    KEEP = 3  # orders kept per table (8 bytes per row each)

    def __init__(self) -> None:
        self._orders: dict[tuple[str, str, Any], tuple[tuple[int, int], Any]] = {}

    def peek(self, conn: sqlite3.Connection, table: str, column: str,
             groups: Groups | None = None) -> Any:  # fmt: skip
        """The cached order if the file is unchanged since it was read, else None."""
        hit = self._orders.get((table, column, groups))
        if hit is not None and hit[0] == _stamp(conn):
            return hit[1]
        return None

    def order(self, conn: sqlite3.Connection, table: str, column: str, pk: str,
              groups: Groups | None = None) -> Any:  # fmt: skip
        """numpy int64 array of every id of ``table`` ascending by (column, pk), or by groups."""
        key = (table, column, groups)
        hit = self.peek(conn, table, column, groups)
        if hit is not None:
            self._orders[key] = self._orders.pop(key)  # most recently used last
            return hit
        arr = ascending_order(conn, table=table, pk=pk, column=column, groups=groups)
        self._keep(key, _stamp(conn), arr)
        return arr

    def keep_if(self, conn: sqlite3.Connection, key: tuple[str, str, Any],
                stamp: tuple[int, int], arr: Any) -> bool:  # fmt: skip
        """Keep an order read elsewhere (a background fill), if nothing was written since
        ``stamp`` (the stamp when its read began)."""
        if stamp != _stamp(conn):
            return False
        self._keep(key, stamp, arr)
        return True

    def _keep(self, key: tuple[str, str, Any], stamp: tuple[int, int], arr: Any) -> None:
        self._orders.pop(key, None)
        self._orders[key] = (stamp, arr)
        mine = [k for k in self._orders if k[0] == key[0]]
        while len(mine) > self.KEEP:
            self._orders.pop(mine.pop(0))

    def clear(self) -> None:
        self._orders.clear()


def _stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes by this connection and by others since it opened: equal stamps, equal data."""
    return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


def whole_order(conn: sqlite3.Connection, cache: SortCache, *, table: str, pk: str, column: str,
                descending: bool, groups: Groups | None = None) -> array:  # fmt: skip
    """Every id of ``table`` ordered by (column, pk), from the cache when the file is unchanged."""
    order = cache.order(conn, table, column, pk, groups)
    out = array("q")
    out.frombytes((order[::-1] if descending else order).tobytes())
    return out


def sorted_filtered_ids(conn: sqlite3.Connection, cache: SortCache, *, table: str, pk: str,
                        column: str, where: str, params: Sequence[Any],
                        descending: bool, groups: Groups | None = None) -> array:  # fmt: skip
    """Ids the filter ``where`` selects, ordered by (column, pk), via the cached whole order."""
    import numpy as np

    order = cache.order(conn, table, column, pk, groups)
    chosen = ids_from_query(conn, f"SELECT {pk} FROM {table} WHERE {where}", params, column=pk)
    out = array("q")
    if not len(chosen) or not len(order):
        return out
    sel = np.frombuffer(chosen, dtype=np.int64)
    if order.min() < 0 or sel.min() < 0:  # ids below 0 (never written by the program)
        if groups is not None:
            return grouped_ids(conn, table=table, pk=pk, column=column, groups=groups,
                               where=where, params=params, descending=descending)  # fmt: skip
        d = " DESC" if descending else ""
        sql = f"SELECT {pk} FROM {table} WHERE {where} ORDER BY {column}{d}, {pk}{d}"
        return _by_cursor(conn, sql, params)
    top = int(max(order.max(), sel.max()))
    mask = np.zeros(top + 1, dtype=bool)
    mask[sel] = True
    kept = order[mask[order]]
    if descending:
        kept = kept[::-1]
    out.frombytes(kept.tobytes())
    return out


# ------------------------------------------------ sorting without waiting for the whole order
# A header click on a 1M-row table used to wait ~250 ms for the whole ordered id list
# (the index walk and group_concat above). The record view now asks for the first rows
# by LIMIT over the same index (well under a millisecond), and a background read on a
# read-only connection of its own builds the whole list meanwhile (SQLite releases the
# GIL while it steps; tracker.services.record_view.OrderFill). A record's row before the list is there is its rank: counts over the
# index, bounded by one walk of it. Everything below orders exactly like
# ``ORDER BY column, pk`` (NULLs first; descending is the exact reverse), or, with
# ``groups``, by the groups' order and then pk: a linked column sorted by the names
# it shows (the names are few, the column is indexed, so each group is an index range).

Groups = tuple[tuple[Any, ...], ...] | ByValue


def value_key(column: str, order: ByValue) -> tuple[str, list[Any]]:
    """SQL for a row's :class:`~tracker.store.api.ByValue` key and its parameters: the
    amount times its currency's factor (a double), NULL without a factor or an amount."""
    if not order.factors:
        return "(NULL)", []
    cases = " ".join(f"WHEN ? THEN {column} * ?" for _ in order.factors)
    params = [v for code, factor in order.factors for v in (code, float(factor))]
    return f"(CASE {order.currency_column} {cases} END)", params


def _value_ids(conn: sqlite3.Connection, *, table: str, pk: str, column: str, order: ByValue,
               descending: bool, where: str = "", params: Sequence[Any] = (),
               tail: str = "", tail_params: Sequence[Any] = ()) -> array:  # fmt: skip
    """Ids ordered by their ByValue key then pk (NULL keys first ascending), read fast."""
    key, key_params = value_key(column, order)
    d = " DESC" if descending else ""
    sql = (f"SELECT {pk} FROM {table}" + (f" WHERE {where}" if where else "")
           + f" ORDER BY {key}{d}, {pk}{d}{tail}")  # fmt: skip
    args = [*params, *key_params, *tail_params]
    if tail:
        return _by_cursor(conn, sql, args)
    return ids_from_query(conn, sql, args, column=pk)


def has_index(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether an index of ``table`` leads with ``column`` (a range of it is then cheap)."""
    for row in conn.execute(f"PRAGMA index_list({table})").fetchall():
        first = conn.execute(f"PRAGMA index_info({row[1]})").fetchone()
        if first is not None and first[2] == column:
            return True
    return False


def distinct_values(conn: sqlite3.Connection, table: str, column: str) -> list[Any]:
    """The non-NULL values of ``column``, ascending: one index seek per value when indexed."""
    if not isinstance(conn, sqlite3.Connection):  # a server's statements: it has its own way
        return conn.distinct_values(table, column)
    if not has_index(conn, table, column):
        sql = f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY 1"
        return [r[0] for r in conn.execute(sql).fetchall()]
    out: list[Any] = []
    row = conn.execute(f"SELECT min({column}) FROM {table}").fetchone()
    while row is not None and row[0] is not None:
        out.append(row[0])
        row = conn.execute(
            f"SELECT min({column}) FROM {table} WHERE {column} > ?", (row[0],)
        ).fetchone()
    return out


def name_groups(values: Sequence[Any], name_of: Callable[[Any], str]) -> Groups:
    """``values`` grouped by the name each shows, the groups in name order (case-blind).

    Values showing the same name form one group, so their rows interleave by id.
    """
    named: dict[tuple[str, str], list[Any]] = {}
    for v in values:
        name = name_of(v)
        named.setdefault((name.casefold(), name), []).append(v)
    return tuple(tuple(named[k]) for k in sorted(named))


def _in(column: str, group: Sequence[Any]) -> str:
    return f"{column} = ?" if len(group) == 1 else f"{column} IN ({', '.join('?' * len(group))})"


def head_ids(conn: sqlite3.Connection, *, table: str, pk: str, column: str, descending: bool,
             limit: int, offset: int = 0, groups: Groups | None = None) -> array:  # fmt: skip
    """Ids at positions ``offset`` … ``offset + limit`` of the whole table's order (no filter).

    Without ``groups`` it is one LIMIT/OFFSET over the column's index (skipping a
    million index entries takes ~25 ms); with ``groups``, group by group, the groups
    before ``offset`` counted over the index and skipped.
    """
    d = " DESC" if descending else ""
    if groups is None:
        sql = f"SELECT {pk} FROM {table} ORDER BY {column}{d}, {pk}{d} LIMIT ? OFFSET ?"
        return _by_cursor(conn, sql, (int(limit), int(offset)))
    if isinstance(groups, ByValue):
        return _value_head(conn, table=table, pk=pk, column=column, order=groups,
                           descending=descending, limit=int(limit), offset=int(offset))  # fmt: skip
    parts: list[tuple[str, Sequence[Any]]] = [(f"{column} IS NULL", ())]
    parts += [(_in(column, g), g) for g in groups]
    if descending:
        parts.reverse()
    out = array("q")
    skip = int(offset)
    for cond, params in parts:
        need = limit - len(out)
        if need <= 0:
            break
        if skip:
            size = conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}", params).fetchone()[0]
            if size <= skip:
                skip -= size
                continue
        sql = f"SELECT {pk} FROM {table} WHERE {cond} ORDER BY {pk}{d} LIMIT {int(need)} OFFSET {skip}"
        out.extend(_by_cursor(conn, sql, params))
        skip = 0
    return out


def rank_of(conn: sqlite3.Connection, *, table: str, pk: str, column: str, key: Any,
            groups: Groups | None = None) -> int | None:  # fmt: skip
    """Ascending position of row ``key`` in the whole table's order: -1 if there is no such
    row, None if its value is in no group (the caller then waits for the whole list).

    Counts over the column's index: at most one walk of it (~25 ms for 1M rows).
    """
    if isinstance(groups, ByValue):
        return _value_rank(conn, table=table, pk=pk, column=column, key=key, order=groups)
    row = conn.execute(f"SELECT {column} FROM {table} WHERE {pk} = ?", (key,)).fetchone()
    if row is None:
        return -1
    value = row[0]

    def count(cond: str, params: Sequence[Any] = ()) -> int:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}", params).fetchone()[0]

    if value is None:
        return count(f"{column} IS NULL AND {pk} < ?", (key,))
    before = count(f"{column} IS NULL")
    if groups is None:
        return (before + count(f"{column} < ?", (value,))
                + count(f"{column} = ? AND {pk} < ?", (value, key)))  # fmt: skip
    for g in groups:
        if value in g:
            return before + count(f"{_in(column, g)} AND {pk} < ?", (*g, key))
        before += count(_in(column, g), g)
    return None


# ------------------------------------------------ money by its value (ByValue)
# Within one currency the key (amount × factor) rises with the amount, so the order by
# value is a merge of each currency's run in the amount index's order: the head is a
# LIMIT per currency over that index (a few ms for 1M rows, where SQLite's own ORDER BY
# of the product took 400 ms), the whole order one walk of it merged by numpy (0.6 s
# instead of 10 s), and a row's rank one count with exact amount bounds per currency.


def _unkeyed(conn: sqlite3.Connection, table: str, pk: str, column: str,
             order: ByValue) -> tuple[str, list[Any]]:  # fmt: skip
    """SQL (a UNION of index lookups) listing the ids of the rows without a key: no
    amount, or a currency without a factor."""
    cur = order.currency_column
    codes = {code for code, _ in order.factors}
    missing = [c for c in distinct_values(conn, table, cur) if c not in codes]
    parts = [f"SELECT {pk} FROM {table} WHERE {column} IS NULL",
             f"SELECT {pk} FROM {table} WHERE {cur} IS NULL"]  # fmt: skip
    if missing:
        parts.append(f"SELECT {pk} FROM {table} WHERE {cur} IN ({', '.join('?' * len(missing))})")
    return " UNION ".join(parts), missing


def _value_head(conn: sqlite3.Connection, *, table: str, pk: str, column: str, order: ByValue,
                descending: bool, limit: int, offset: int) -> array:  # fmt: skip
    """Ids at positions offset … offset + limit of the ByValue order: each currency's first
    rows by the amount index (``+currency``: SQLite walks that index, not the currency's)."""
    need = offset + limit
    d = " DESC" if descending else ""
    union, params = _unkeyed(conn, table, pk, column, order)
    nulls = [r[0] for r in conn.execute(
        f"SELECT {pk} FROM ({union}) AS u ORDER BY {pk}{d} LIMIT ?", (*params, need))]  # fmt: skip
    valued: list[tuple[float, int]] = []
    for code, factor in order.factors:
        sql = (f"SELECT {pk}, {column} FROM {table} WHERE {_plain(conn, order.currency_column)} = ? "
               f"AND {column} IS NOT NULL ORDER BY {column}{d}, {pk}{d} LIMIT ?")  # fmt: skip
        valued += [(float(v) * float(factor), i) for i, v in conn.execute(sql, (code, need))]
    valued.sort(reverse=descending)
    ids = [i for _, i in valued]
    merged = ids + nulls if descending else nulls + ids
    return array("q", merged[offset:need])


def _plain(conn: sqlite3.Connection, column: str) -> str:
    """``column`` kept off its own index where the planner needs telling: SQLite would
    walk the currency's index and sort, where the amount index gives the order; a
    server's planner weighs the (currency, amount) index itself."""
    return f"+{column}" if isinstance(conn, sqlite3.Connection) else column


def _first_at_least(key: float, factor: float, *, strict: bool) -> int:
    """The least integer amount whose key (amount × factor, a double) is >= ``key``
    (> ``key`` when ``strict``)."""
    import math

    def past(a: int) -> bool:
        v = float(a) * factor
        return v > key if strict else v >= key

    a = math.ceil(key / factor)
    while past(a - 1):
        a -= 1
    while not past(a):
        a += 1
    return a


def _value_rank(conn: sqlite3.Connection, *, table: str, pk: str, column: str, key: Any,
                order: ByValue) -> int:  # fmt: skip
    """Ascending position of row ``key`` in the ByValue order: one count, with each
    currency's amounts below the row's key (and its ties before it) as integer bounds."""
    cur = order.currency_column
    row = conn.execute(f"SELECT {column}, {cur} FROM {table} WHERE {pk} = ?", (key,)).fetchone()
    if row is None:
        return -1
    factors = dict(order.factors)
    union, params = _unkeyed(conn, table, pk, column, order)
    if row[0] is None or row[1] not in factors:
        sql = f"SELECT count(*) FROM ({union}) AS u WHERE {pk} < ?"
        return conn.execute(sql, (*params, key)).fetchone()[0]
    before = conn.execute(f"SELECT count(*) FROM ({union}) AS u", params).fetchone()[0]
    mine = float(row[0]) * float(factors[row[1]])
    # Per currency, the rows whose key is below the row's (amount < below) and its ties
    # before it (below <= amount < above, lower id): range counts on the (currency, amount)
    # index of migration 6.
    total = before
    for code, factor in order.factors:
        below = _first_at_least(mine, float(factor), strict=False)
        above = _first_at_least(mine, float(factor), strict=True)
        total += conn.execute(
            f"SELECT count(*) FROM {table} WHERE {cur} = ? AND {column} < ?", (code, below)
        ).fetchone()[0]
        if above > below:
            total += conn.execute(
                f"SELECT count(*) FROM {table} WHERE {cur} = ? AND {column} >= ? "
                f"AND {column} < ? AND {pk} < ?", (code, below, above, key)
            ).fetchone()[0]  # fmt: skip
    return total


def _value_order(conn: sqlite3.Connection, *, table: str, pk: str, column: str, order: ByValue,
                 stop: Callable[[], bool] | None = None) -> Any:  # fmt: skip
    """numpy int64 array of every id ascending by ByValue key then pk: the amount index
    walked once (ids and amounts), each currency's ids from its index, merged by numpy."""
    import numpy as np

    def exact() -> Any:
        ids = _value_ids(conn, table=table, pk=pk, column=column, order=order, descending=False)
        return np.frombuffer(ids, dtype=np.int64)

    row = conn.execute(
        f"SELECT count(*), group_concat(q.{pk}), group_concat(q.{column}) FROM "
        f"(SELECT {pk}, {column} FROM {table} WHERE {column} IS NOT NULL "
        f"ORDER BY {column}, {pk} LIMIT {_NO_LIMIT}) AS q"
    ).fetchone()
    n = row[0] or 0
    if stop is not None and stop():
        return np.zeros(0, dtype=np.int64)
    ids = np.fromstring(row[1] or "", dtype=np.int64, sep=",")
    amounts = np.fromstring(row[2] or "", dtype=np.int64, sep=",")  # (money is whole minor units)
    if len(ids) != n or len(amounts) != n or (n and (ids.min() < 0 or ids.max() > 4 * n + SMALL)):
        return exact()  # a value that is not a number, or ids far apart: let SQL order them
    factor_of = np.full(int(ids.max()) + 1 if n else 1, np.nan)
    for code, factor in order.factors:
        sql = f"SELECT {pk} FROM {table} WHERE {order.currency_column} = ?"  # (its index only)
        mine = np.frombuffer(
            ids_from_query(conn, sql, (code,), column=pk, stop=stop), dtype=np.int64
        )
        if len(mine) and mine.max() >= len(factor_of):
            return exact()
        factor_of[mine] = float(factor)
    keys = amounts.astype(np.float64) * factor_of[ids]
    keyed = ~np.isnan(keys)
    nulls = np.frombuffer(ids_from_query(conn, f"SELECT {pk} FROM {table} WHERE {column} IS NULL",
                                         (), column=pk), dtype=np.int64)  # fmt: skip
    nulls = np.sort(np.concatenate([nulls, ids[~keyed]]))
    valued, vkeys = ids[keyed], keys[keyed]
    # A stable sort by key keeps the walk's (amount, id) order among equal keys: right
    # within a currency; equal keys of different currencies (zero above all) then go
    # by id, one sort of (run of equal keys, id) over what is now nearly in order.
    by_key = np.argsort(vkeys, kind="stable")
    valued, vkeys = valued[by_key], vkeys[by_key]
    if len(vkeys) > 1 and (vkeys[1:] == vkeys[:-1]).any():
        run = np.concatenate([[0], np.cumsum(vkeys[1:] != vkeys[:-1])])
        valued = valued[np.argsort(run * (int(valued.max()) + 1) + valued, kind="stable")]
    return np.concatenate([nulls, valued])


def ascending_order(conn: sqlite3.Connection, *, table: str, pk: str, column: str,
                    groups: Groups | None = None,
                    stop: Callable[[], bool] | None = None) -> Any:  # fmt: skip
    """numpy int64 array of every id of ``table`` ascending by (column, pk), or by groups.

    ``stop`` is asked between steps (a cancelled background fill skips the rest).
    """
    import numpy as np

    if groups is None:
        sql = f"SELECT {pk} FROM {table} ORDER BY {column}, {pk}"
        return np.frombuffer(ids_from_query(conn, sql, (), column=pk, stop=stop), dtype=np.int64)
    if isinstance(groups, ByValue):
        return _value_order(conn, table=table, pk=pk, column=column, order=groups, stop=stop)
    conds: list[tuple[str, Sequence[Any]]] = [(f"{column} IS NULL", ())]
    conds += [(_in(column, g), g) for g in groups]
    parts = []
    for cond, params in conds:
        if stop is not None and stop():
            break
        sql = f"SELECT {pk} FROM {table} WHERE {cond} ORDER BY {pk}"
        part = np.frombuffer(
            ids_from_query(conn, sql, params, column=pk, stop=stop), dtype=np.int64
        )
        parts.append(np.sort(part) if len(params) > 1 else part)
    return np.concatenate(parts)


def grouped_ids(conn: sqlite3.Connection, *, table: str, pk: str, column: str, groups: Groups,
                where: str, params: Sequence[Any], descending: bool) -> array:  # fmt: skip
    """Ids a filter selects, ordered by ``groups`` then pk, in one SQL query (small tables)."""
    if isinstance(groups, ByValue):
        return _value_ids(conn, table=table, pk=pk, column=column, order=groups,
                          descending=descending, where=where, params=params)  # fmt: skip
    cases = " ".join(f"WHEN {_in(column, g)} THEN {i}" for i, g in enumerate(groups))
    rank = f"CASE WHEN {column} IS NULL THEN -1 {cases} ELSE {len(groups)} END"
    d = " DESC" if descending else ""
    sql = (f"SELECT {pk} FROM {table}" + (f" WHERE {where}" if where else "")
           + f" ORDER BY {rank}{d}, {pk}{d}")  # fmt: skip
    flat = [v for g in groups for v in g]
    return _by_cursor(conn, sql, [*params, *flat])  # WHERE comes before ORDER BY


def stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """The data stamp the sort cache keys on (see :func:`_stamp`)."""
    return _stamp(conn)


def sort_cache(store: Any) -> SortCache:
    """The store's sort cache (the one :meth:`Store.query_ids` uses)."""
    return store.__dict__.setdefault("_sort_cache", SortCache())


def ordered_ids(store: Any, table: str, flt: Any, *, pk: str, column: str, groups: Groups,
                descending: bool) -> array:  # fmt: skip
    """Ids a filter selects, ordered by ``groups`` of ``column`` then pk (a linked column by
    name, or money by value)."""
    check_order(store, table, column, groups)
    where, params = store.where(table, flt)
    conn = store.conn
    large = (conn.execute(f"SELECT max({pk}) FROM {table}").fetchone()[0] or 0) >= SMALL
    if not large or pk != "id":
        return grouped_ids(conn, table=table, pk=pk, column=column, groups=groups, where=where,
                           params=params, descending=descending)  # fmt: skip
    cache = sort_cache(store)
    if where:
        return sorted_filtered_ids(conn, cache, table=table, pk=pk, column=column, where=where,
                                   params=params, descending=descending, groups=groups)  # fmt: skip
    return whole_order(conn, cache, table=table, pk=pk, column=column, descending=descending,
                       groups=groups)  # fmt: skip


def check_order(store: Any, table: str, column: str, groups: Any) -> None:
    """:func:`check_names` of the sorted column, and of a ByValue order's currency column."""
    if isinstance(groups, ByValue):
        check_names(store, table, column, groups.currency_column)
    else:
        check_names(store, table, column)


def check_names(store: Any, table: str, *columns: str) -> None:
    """Table and column names go into SQL text: only the store's own are let through."""
    known = store._columns(table)  # raises for an unknown table
    for c in columns:
        if c not in known:
            raise ValueError(f"{table} has no column {c!r}")
