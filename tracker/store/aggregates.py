"""Aggregate reads for charts and reports: GROUP BY and ORDER BY … LIMIT in SQL.

Every function takes a :class:`Store` and a :class:`Filter` and returns a few
small dicts — never one row per record. Money stays in integer minor units
per currency; the services convert.

Why a cube: SQLite has no hash aggregate, so any GROUP BY over a million
projects sorts a million rows (seconds). Filters on columns (status, sector,
bank, region, zone, country, kind) are what people change all the time, so
one GROUP BY over every filter column at once (a "cube": a few thousand rows
of count and sums) is computed in SQL when first needed and kept until the
file changes (``total_changes`` of this connection, ``PRAGMA data_version``
for the others, as in :mod:`tracker.store.id_lists`). A filter change then
only picks and adds up cube rows. Filters the cube cannot answer (search
text, a list of ids) go straight to SQL with the filter's WHERE clause.

A team server keeps the same cube in the client (:mod:`tracker.store.postgres.
aggregates`): its GROUP BY over a million rows is fast, but not 200 ms fast per
chart, and its stamp is the server's snapshot (no write began or ended since).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.domain.filters import Filter
from tracker.store.migrations import CUBE_INDEXES
from tracker.store.schema import FILTER_ALIASES, FILTER_COLUMNS, _col, _t
from tracker.store.sqlite_file import _connect

if TYPE_CHECKING:
    from tracker.store.sqlite_store import Store


def _server_aware(fn):  # noqa: ANN001, ANN202
    """A team server's store computes these itself (tracker.store.postgres.aggregates)."""
    import functools

    @functools.wraps(fn)
    def call(store, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if getattr(store, "backend", "sqlite") != "sqlite":
            return getattr(store, fn.__name__)(*args, **kwargs)
        return fn(store, *args, **kwargs)

    return call


#: Columns a project row of the disbursement/timeline charts carries.
PROJECT_BAR_COLUMNS = (
    "id",
    "code",
    "name",
    "status",
    "amount",
    "disbursed",
    "currency",
    "start_date",
    "planned_end",
    "actual_end",
)

_DATED = "start_date IS NOT NULL AND planned_end IS NOT NULL"

#: Per table: the cube's grouping columns and its sums (SQL expression per name).
_CUBES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "projects": (
        ("status", "sector", "bank_id", "region", "currency"),
        {
            "n": "count(*)",
            "amount": "sum(amount)",
            "disbursed": "sum(disbursed)",
            "dated": f"sum({_DATED})",
        },
    ),
    "residents": (
        ("status", "sector", "zone_id", "country", "currency"),
        {"n": "count(*)", "declared": "sum(declared_investment)"},
    ),
    "ventures": (
        ("status", "sector", "region", "kind", "partner_country"),
        {"n": "count(*)"},
    ),
}

#: How many filters' disbursement steps are kept (see disbursement_steps).
_STEPS_KEEP = 8

#: Above this many matching projects, the top-N queries walk the amount index.
_WALK_AMOUNT_INDEX = 2000


def _where(store: Store, table: str, flt: Filter | None, *extra: str) -> tuple[str, list[Any]]:
    where, params = store.where(table, flt or Filter())
    parts = [p for p in (where, *extra) if p]
    return (" WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else "", params


def _rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in store._conn.execute(sql, list(params))]


def _server(store: Store) -> bool:
    return getattr(store, "backend", "sqlite") != "sqlite"


def _stamp(store: Store) -> tuple[int, int]:
    if _server(store):
        return store.order_stamp()  # type: ignore[attr-defined]
    return store._conn.total_changes, store.data_version()


def cube(store: Store, table: str) -> list[dict[str, Any]]:
    """Count and sums per combination of filter columns (cached until the file changes)."""
    cache: dict[str, tuple[tuple[int, int], list[dict[str, Any]]]]
    cache = store.__dict__.setdefault("_aggregate_cubes", {})
    stamp = _stamp(store)
    hit = cache.get(table)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    if _server(store):
        rows = store._all(_cube_sql(table, server=True))  # type: ignore[attr-defined]
    else:
        rows = _rows(store, _cube_sql(table))
    cache[table] = (stamp, rows)
    return rows


#: The cube's sums as a server writes them: exact integers, and a count for a condition.
_SERVER_SUMS = {"sum(amount)": "sum(amount)::bigint", "sum(disbursed)": "sum(disbursed)::bigint",
                "sum(declared_investment)": "sum(declared_investment)::bigint",
                f"sum({_DATED})": f"count(*) FILTER (WHERE {_DATED})"}  # fmt: skip


def _cube_sql(table: str, *, server: bool = False) -> str:
    dims, sums = _CUBES[table]
    if server:
        sums = {name: _SERVER_SUMS.get(expr, expr) for name, expr in sums.items()}
        select = ", ".join([*dims, *(f"{expr} AS {name}" for name, expr in sums.items())])
        return f"SELECT {select} FROM {table} GROUP BY {', '.join(dims)}"
    select = ", ".join([*dims, *(f"{expr} AS {name}" for name, expr in sums.items())])
    # With the covering cube index (migration 2): one ordered walk of it, no row read.
    # Without: NOT INDEXED, one sequential pass; walking a one-column index would look up every row.
    hint = "" if table in CUBE_INDEXES else " NOT INDEXED"
    return f"SELECT {select} FROM {table}{hint} GROUP BY {', '.join(dims)}"


def has_cube(table: str) -> bool:
    return table in _CUBES


def cube_stamp(store: Store) -> tuple[int, int]:
    """What a cube read elsewhere must still match to be adopted (see :func:`adopt_cube`)."""
    return _stamp(store)


def read_cube(path: Path, table: str) -> list[dict[str, Any]]:
    """The cube of ``table`` on a read-only connection of its own, for a worker thread.

    SQLite works without the GIL while it walks the index, so the window stays
    responsive while a million rows are summed; :func:`adopt_cube` then hands
    the rows to the store's cache on the GUI thread.
    """
    conn = _connect(path, read_only=True)
    try:
        return [dict(r) for r in conn.execute(_cube_sql(table))]
    finally:
        conn.close()


def adopt_cube(
    store: Store, table: str, rows: list[dict[str, Any]], stamp: tuple[int, int]
) -> bool:
    """Keep a cube read by :func:`read_cube` if the file has not changed since ``stamp``."""
    if _stamp(store) != stamp:
        return False
    cache = store.__dict__.setdefault("_aggregate_cubes", {})
    hit = cache.get(table)
    if hit is None or hit[0] != stamp:
        cache[table] = (stamp, rows)
    return True


_Wanted = tuple[tuple[str, frozenset[Any]], ...]


def _cube_wanted(table: str, flt: Filter | None) -> _Wanted | None:
    """The cube columns and values a filter picks, or None when only SQL can answer it."""
    flt = flt or Filter()
    if flt.text or flt.ids is not None:
        return None
    allowed = FILTER_COLUMNS.get(table, set())
    wanted: list[tuple[str, frozenset[Any]]] = []
    for name in ("status", "sector", "bank_id", "zone_id", "country", "region", "kind"):
        values = getattr(flt, name)
        if values and name in allowed:
            wanted.append((FILTER_ALIASES.get((table, name), name), frozenset(values)))
    return tuple(wanted)


def _cube_positions(store: Store, table: str) -> dict[str, dict[Any, list[int]]]:
    """Per filter column: value → positions of the cube rows holding it (built once per cube)."""
    rows = cube(store, table)
    # Kept with the cube rows themselves: a rebuilt cube (after a write) is a new list.
    cache: dict[str, tuple[list[dict[str, Any]], dict[str, dict[Any, list[int]]]]]
    cache = store.__dict__.setdefault("_aggregate_cube_positions", {})
    hit = cache.get(table)
    if hit is not None and hit[0] is rows:
        return hit[1]
    positions: dict[str, dict[Any, list[int]]] = {}
    for col in _CUBES[table][0]:
        by_value: dict[Any, list[int]] = {}
        for i, r in enumerate(rows):
            by_value.setdefault(r[col], []).append(i)
        positions[col] = by_value
    cache[table] = (rows, positions)
    return positions


def _from_cube(store: Store, table: str, flt: Filter | None) -> list[dict[str, Any]] | None:
    """The cube rows a filter selects (in cube order), or None when only SQL can answer it.

    Each filter column's values give their rows' positions at once (no pass
    over the thousands of cube rows per filter change).
    """
    wanted = _cube_wanted(table, flt)
    if wanted is None:
        return None
    rows = cube(store, table)
    if not wanted:
        return rows
    positions = _cube_positions(store, table)
    chosen: set[int] | None = None
    for col, values in sorted(wanted, key=lambda w: len(w[1])):
        found = {i for v in values for i in positions[col].get(v, ())}
        chosen = found if chosen is None else chosen & found
        if not chosen:
            return []
    return [rows[i] for i in sorted(chosen or ())]


#: How many grouped answers from the cube are kept (filters go back and forth).
_GROUPED_KEEP = 32


def _cube_group(
    store: Store, table: str, flt: Filter | None, keys: Sequence[str], sums: Sequence[str]
) -> list[dict[str, Any]] | None:
    """:func:`_group` of the cube rows a filter selects, kept until the file changes.

    Charts ask for the same figures more than once per draw (the per-project
    charts count the matching projects twice) and people go back to an earlier
    filter; each caller gets its own copies of the rows.
    """
    wanted = _cube_wanted(table, flt)
    if wanted is None:
        return None
    rows = cube(store, table)
    cache: dict[tuple[Any, ...], tuple[list[dict[str, Any]], list[dict[str, Any]]]]
    cache = store.__dict__.setdefault("_aggregate_grouped", {})
    key = (table, frozenset(wanted), tuple(keys), tuple(sums))
    hit = cache.pop(key, None)
    if hit is None or hit[0] is not rows:  # the cube was rebuilt after a write
        picked = _from_cube(store, table, flt)
        hit = (rows, _group(picked or [], keys, sums))
    cache[key] = hit  # most recently used last
    while len(cache) > _GROUPED_KEEP:
        cache.pop(next(iter(cache)))
    return [dict(r) for r in hit[1]]


def _group(
    rows: Iterable[dict[str, Any]], keys: Sequence[str], sums: Sequence[str]
) -> list[dict[str, Any]]:
    """Add up cube rows per ``keys``; a sum stays None only if every part is None."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        key = tuple(r[k] for k in keys)
        g = out.get(key)
        if g is None:
            g = out[key] = {**dict(zip(keys, key, strict=True)), **dict.fromkeys(sums)}
        for s in sums:
            if r[s] is not None:
                g[s] = (g[s] or 0) + r[s]
    return [out[k] for k in sorted(out, key=lambda k: tuple((v is None, v) for v in k))]


def _grouped(
    store: Store,
    table: str,
    flt: Filter | None,
    keys: Sequence[str],
    sums: Sequence[str],
) -> list[dict[str, Any]]:
    """Sums per ``keys`` from the cube, or from one GROUP BY when the cube cannot answer."""
    grouped = _cube_group(store, table, flt, keys, sums)
    if grouped is not None:
        return grouped
    exprs = _CUBES[table][1]
    where, params = _where(store, table, flt)
    cols = ", ".join(keys)
    select = ", ".join([cols, *(f"{exprs[s]} AS {s}" for s in sums)])
    sql = f"SELECT {select} FROM {table}{where} GROUP BY {cols} ORDER BY {cols}"
    return _rows(store, sql, params)


def _names(store: Store, table: str, key: str, columns: str) -> dict[Any, dict[str, Any]]:
    """A small reference table by key (sectors, countries, banks)."""
    return {r[key]: r for r in _rows(store, f"SELECT {key}, {columns} FROM {table}")}


# --- projects -------------------------------------------------------------------------


@_server_aware
def project_counts_by_currency(
    store: Store, flt: Filter | None = None, *, dated: bool = False
) -> dict[str, int]:
    """How many projects a filter selects, per currency (only dated ones for the timeline)."""
    col = "dated" if dated else "n"
    grouped = _cube_group(store, "projects", flt, ["currency"], [col])
    if grouped is not None:
        return {g["currency"]: g[col] or 0 for g in grouped}
    where, params = _where(store, "projects", flt, *((_DATED,) if dated else ()))
    sql = f"SELECT currency, count(*) AS n FROM projects{where} GROUP BY currency"
    return {r["currency"]: r["n"] for r in _rows(store, sql, params)}


def _has_index(store: Store, name: str) -> bool:
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"
    return store._conn.execute(sql, (name,)).fetchone() is not None


@_server_aware
def largest_projects(
    store: Store,
    flt: Filter | None,
    *,
    currency: str,
    limit: int,
    dated: bool = False,
    matching: int | None = None,
) -> list[dict[str, Any]]:
    """The ``limit`` projects with the largest amount in one currency.

    Per currency, because amounts in different currencies cannot be ordered
    in SQL without rates; the caller merges the per-currency top lists after
    converting (the overall top N is always inside their union). ``dated``
    keeps only projects with a start and a planned end (the timeline's bars).
    ``matching`` (how many rows the filter selects in this currency) picks the
    plan: many → walk the amount index from the top and stop after ``limit``
    hits; few → let SQLite use the filter's index and sort the few.
    """
    extra = ["currency = ?", *((_DATED,) if dated else ())]
    where, params = _where(store, "projects", flt, *extra)
    walk = (matching is None or matching > _WALK_AMOUNT_INDEX) and _has_index(
        store, "idx_projects_amount"
    )
    hint = " INDEXED BY idx_projects_amount" if walk else ""
    sql = (
        f"SELECT {', '.join(PROJECT_BAR_COLUMNS)} FROM projects{hint}{where}"
        " ORDER BY amount DESC, id LIMIT ?"
    )
    return _rows(store, sql, [*params, currency, int(limit)])


@_server_aware
def project_bar(store: Store, project_id: int, flt: Filter | None = None) -> dict[str, Any] | None:
    """One project's chart columns, if the filter selects it."""
    where, params = _where(store, "projects", flt, "id = ?")
    sql = f"SELECT {', '.join(PROJECT_BAR_COLUMNS)} FROM projects{where}"
    rows = _rows(store, sql, [*params, int(project_id)])
    return rows[0] if rows else None


@_server_aware
def projects_by_status(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count, amount and disbursed per (status, currency)."""
    return _grouped(store, "projects", flt, ["status", "currency"], ["n", "amount", "disbursed"])


@_server_aware
def projects_by_sector(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count, amount and disbursed per (sector, currency), with the sector's names."""
    names = _names(store, "sectors", "code", "name_en, name_ru, name_zh")
    rows = _grouped(store, "projects", flt, ["sector", "currency"], ["n", "amount", "disbursed"])
    return [{**names.get(r["sector"], {}), **r} for r in rows]


@_server_aware
def projects_by_bank(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count, amount and disbursed per (bank, currency), with the bank's names."""
    names = _names(store, "banks", "id", "name, short_name")
    rows = _grouped(store, "projects", flt, ["bank_id", "currency"], ["n", "amount", "disbursed"])
    return [{"name": None, "short_name": None, **names.get(r["bank_id"], {}), **r} for r in rows]


@_server_aware
def disbursement_steps(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Money disbursed per (update date, currency), from the project updates.

    ``project_updates.disbursed`` is the cumulative amount a project reported
    on a date, so what was paid out on that date is the increase over the
    project's previous report (LAG over the project's updates in date order;
    a correction downwards is a negative step). Summing the steps per date
    gives the portfolio's payments by date; their running total is the
    cumulative disbursement. Updates without a disbursed figure are skipped.

    The window function costs about 3 µs per update (1.5 s for 500,000), so the
    last few filters' results are kept until the file changes: redraws,
    resizes and going back to an earlier filter cost nothing.
    """
    flt = flt or Filter()
    cache: dict[Filter, tuple[tuple[int, int], list[dict[str, Any]]]]
    cache = store.__dict__.setdefault("_steps_cache", {})
    stamp = _stamp(store)
    hit = cache.pop(flt, None)
    if hit is not None and hit[0] == stamp:
        cache[flt] = hit  # most recently used last
        return hit[1]
    rows = _steps(store, flt)
    cache[flt] = (stamp, rows)
    while len(cache) > _STEPS_KEEP:
        cache.pop(next(iter(cache)))
    return rows


def _steps(store: Store, flt: Filter) -> list[dict[str, Any]]:
    where, params = store.where("projects", flt)
    chosen = f"(SELECT id, currency FROM projects WHERE {where})" if where else "projects"
    sql = (
        "WITH s AS (SELECT u.as_of, p.currency, u.disbursed - coalesce(lag(u.disbursed) OVER"
        " (PARTITION BY u.project_id ORDER BY u.as_of, u.id), 0) AS step"
        f" FROM project_updates u JOIN {chosen} p ON p.id = u.project_id"
        " WHERE u.disbursed IS NOT NULL)"
        " SELECT as_of AS date, currency, sum(step) AS step FROM s"
        " GROUP BY as_of, currency HAVING sum(step) != 0 ORDER BY as_of, currency"
    )
    return _rows(store, sql, params)


# --- residents and ventures -----------------------------------------------------------


@_server_aware
def residents_by_country(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count and declared investment per (country, currency), with the country's names."""
    names = _names(store, "countries", "code", "name_en, name_ru, name_zh")
    rows = _grouped(store, "residents", flt, ["country", "currency"], ["n", "declared"])
    return [{**names.get(r["country"], {}), **r} for r in rows]


@_server_aware
def residents_by_status(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Number of residents per status."""
    return _grouped(store, "residents", flt, ["status"], ["n"])


@_server_aware
def ventures_by_sector_kind(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Number of ventures per (sector, kind), with the sector's names."""
    names = _names(store, "sectors", "code", "name_en, name_ru, name_zh")
    rows = _grouped(store, "ventures", flt, ["sector", "kind"], ["n"])
    return [{**names.get(r["sector"], {}), **r} for r in rows]


def sums_by_currency(
    store: Store, table: str, columns: Sequence[str], flt: Filter | None = None
) -> list[dict[str, Any]] | None:
    """:meth:`Store.sums_by_currency` from the chart cube: None when the cube lacks a column.

    The footer and the dashboard ask for these sums on every filter change and
    edit; the cube answers from a walk of its covering index (a million
    projects: 0.4 s once, then microseconds per filter) where the plain SUM
    reads every row (1.1 s each time).
    """
    spec = _CUBES.get(table)
    if spec is None or "currency" not in spec[0] or not set(columns) <= set(spec[1]):
        return None
    return _grouped(store, table, flt, ["currency"], ["n", *columns])


# --- the data API's methods -------------------------------------------------------------


class Aggregates:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: counts and sums for charts,
    footers and key figures (from the chart cube when it can answer)."""

    def totals_by_currency(self, table: str, columns: Sequence[str],
                           flt: Filter | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """Count (``n``) and sums of money ``columns`` per currency of what ``flt`` selects."""
        cubed = sums_by_currency(self, table, columns, flt)  # type: ignore[arg-type]
        return cubed if cubed is not None else self.sums_by_currency(table, columns, flt)  # type: ignore[attr-defined]

    def projects_by_status(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return projects_by_status(self, flt)  # type: ignore[arg-type]

    def projects_by_sector(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return projects_by_sector(self, flt)  # type: ignore[arg-type]

    def projects_by_bank(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return projects_by_bank(self, flt)  # type: ignore[arg-type]

    def project_counts_by_currency(self, flt: Filter | None = None, *,
                                   dated: bool = False) -> dict[str, int]:  # fmt: skip
        return project_counts_by_currency(self, flt, dated=dated)  # type: ignore[arg-type]

    def largest_projects(self, flt: Filter | None, *, currency: str, limit: int,
                         dated: bool = False, matching: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
        return largest_projects(self, flt, currency=currency, limit=limit, dated=dated,  # type: ignore[arg-type]
                                matching=matching)  # fmt: skip

    def project_bar(self, project_id: int, flt: Filter | None = None) -> dict[str, Any] | None:
        return project_bar(self, project_id, flt)  # type: ignore[arg-type]

    def disbursement_steps(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return disbursement_steps(self, flt)  # type: ignore[arg-type]

    def residents_by_country(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return residents_by_country(self, flt)  # type: ignore[arg-type]

    def residents_by_status(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return residents_by_status(self, flt)  # type: ignore[arg-type]

    def ventures_by_sector_kind(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return ventures_by_sector_kind(self, flt)  # type: ignore[arg-type]

    def residents_by_zone(self) -> list[dict[str, Any]]:
        """Residents per zone (``zone`` name, ``n``, ``countries``), largest first."""
        return _rows(self, "SELECT z.name AS zone, count(*) AS n, count(DISTINCT r.country) AS "  # type: ignore[arg-type]
                     "countries FROM residents r JOIN zones z ON z.id = r.zone_id GROUP BY z.name "
                     "ORDER BY n DESC")  # fmt: skip

    def distinct_count(self, table: str, column: str) -> int:
        """How many different non-empty values ``column`` holds."""
        _t(table)
        _col(table, column, self)
        return _rows(self, f"SELECT count(DISTINCT {column}) AS n FROM {table}")[0]["n"]  # type: ignore[arg-type]

    def counts_by(self, table: str, column: str) -> dict[Any, int]:
        """How many rows hold each value of ``column``."""
        _t(table)
        _col(table, column, self)
        sql = f"SELECT {column} AS v, count(*) AS n FROM {table} GROUP BY {column}"
        return {r["v"]: r["n"] for r in _rows(self, sql)}  # type: ignore[arg-type]

    def distinct_values(self, tables: str | Sequence[str], column: str) -> Any:
        """For one table, its non-NULL values of ``column`` ascending (a list, as the record
        view asks); for several, the set of values any of them holds (key figures)."""
        if isinstance(tables, str):
            from tracker.store import id_lists

            id_lists.check_names(self, tables, column)
            return id_lists.distinct_values(self._conn, tables, column)  # type: ignore[attr-defined]
        for t in tables:
            _t(t)
            _col(t, column, self)
        sql = " UNION ".join(f"SELECT DISTINCT {column} AS v FROM {t}" for t in tables)
        return {r["v"] for r in _rows(self, sql)}  # type: ignore[arg-type]

    def projects_disbursed_over_amount(self, *, limit: int = 20) -> list[str]:
        """Codes of projects whose disbursed sum exceeds the committed amount (a broken rule)."""
        sql = (
            "SELECT code FROM projects WHERE typeof(disbursed) = 'integer' AND "
            "typeof(amount) = 'integer' AND disbursed > amount ORDER BY code LIMIT ?"
        )
        return [r["code"] for r in _rows(self, sql, [int(limit)])]  # type: ignore[arg-type]

    # Chart data read on a worker thread while a picture is up, then adopted.
    def aggregates_stamp(self) -> tuple[int, int]:
        """What aggregates read apart must still match to be adopted."""
        return cube_stamp(self)  # type: ignore[arg-type]

    def has_aggregates(self, table: str) -> bool:
        """Whether ``table``'s chart data is kept (and worth reading ahead)."""
        return has_cube(table)

    def chart_aggregates(self, tables: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The chart data of ``tables`` (those that have it), e.g. read on a worker's own
        connection and handed to the window's store with :meth:`adopt_aggregates`."""
        return {t: cube(self, t) for t in tables if has_cube(t)}  # type: ignore[arg-type]

    def adopt_aggregates(
        self, rows: dict[str, list[dict[str, Any]]], stamp: tuple[int, int]
    ) -> None:
        """Keep chart data read by :meth:`chart_aggregates` elsewhere if the file has not changed."""
        for table, cube_rows in rows.items():
            adopt_cube(self, table, cube_rows, stamp)  # type: ignore[arg-type]
