"""Aggregate reads for charts and reports: GROUP BY and ORDER BY … LIMIT in SQL.

Every function takes a :class:`Store` and a :class:`Filter` and returns a few
small dicts — never one row per record — so a chart over a million projects
costs one indexed query, not a million Python objects. Money stays in integer
minor units per currency; the services convert.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker.domain.filters import Filter
from tracker.store.sqlite_store import Store

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


def _where(store: Store, table: str, flt: Filter | None, *extra: str) -> tuple[str, list[Any]]:
    where, params = store.where(table, flt or Filter())
    parts = [p for p in (where, *extra) if p]
    return (" WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else "", params


def _rows(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute(sql, list(params))]


def currencies(store: Store, table: str, flt: Filter | None = None) -> list[str]:
    """Currencies used by the rows a filter selects (a handful; uses the currency index)."""
    where, params = _where(store, table, flt)
    sql = f"SELECT DISTINCT currency FROM {table}{where} ORDER BY currency"
    return [r["currency"] for r in _rows(store, sql, params)]


def largest_projects(
    store: Store,
    flt: Filter | None,
    *,
    currency: str,
    limit: int,
    dated: bool = False,
) -> list[dict[str, Any]]:
    """The ``limit`` projects with the largest amount in one currency.

    Per currency, because amounts in different currencies cannot be ordered
    in SQL without rates; the caller merges the per-currency top lists after
    converting (the overall top N is always inside their union). ``dated``
    keeps only projects with a start and a planned end (the timeline's bars).
    """
    extra = ["currency = ?"]
    if dated:
        extra.append("start_date IS NOT NULL AND planned_end IS NOT NULL")
    where, params = _where(store, "projects", flt, *extra)
    sql = (
        f"SELECT {', '.join(PROJECT_BAR_COLUMNS)} FROM projects{where}"
        " ORDER BY amount DESC, id LIMIT ?"
    )
    return _rows(store, sql, [*params, currency, int(limit)])


def project_bar(store: Store, project_id: int, flt: Filter | None = None) -> dict[str, Any] | None:
    """One project's chart columns, if the filter selects it."""
    where, params = _where(store, "projects", flt, "id = ?")
    sql = f"SELECT {', '.join(PROJECT_BAR_COLUMNS)} FROM projects{where}"
    rows = _rows(store, sql, [*params, int(project_id)])
    return rows[0] if rows else None


def count_projects(store: Store, flt: Filter | None = None, *, dated: bool = False) -> int:
    """How many projects a filter selects (only dated ones for the timeline)."""
    extra = ("start_date IS NOT NULL AND planned_end IS NOT NULL",) if dated else ()
    where, params = _where(store, "projects", flt, *extra)
    return store.conn.execute(f"SELECT count(*) FROM projects{where}", params).fetchone()[0]


def projects_by_sector(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count, amount and disbursed per (sector, currency), with the sector's names."""
    where, params = _where(store, "projects", flt)
    sql = (
        "SELECT g.grp, g.currency, g.n, g.amount, g.disbursed,"
        " s.name_en, s.name_ru, s.name_zh FROM ("
        "SELECT sector AS grp, currency, count(*) AS n, sum(amount) AS amount,"
        f" sum(disbursed) AS disbursed FROM projects{where} GROUP BY sector, currency"
        ") g LEFT JOIN sectors s ON s.code = g.grp ORDER BY g.grp, g.currency"
    )
    return _rows(store, sql, params)


def projects_by_bank(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count, amount and disbursed per (bank, currency), with the bank's names."""
    where, params = _where(store, "projects", flt)
    sql = (
        "SELECT g.grp, g.currency, g.n, g.amount, g.disbursed, b.name, b.short_name FROM ("
        "SELECT bank_id AS grp, currency, count(*) AS n, sum(amount) AS amount,"
        f" sum(disbursed) AS disbursed FROM projects{where} GROUP BY bank_id, currency"
        ") g LEFT JOIN banks b ON b.id = g.grp ORDER BY g.grp, g.currency"
    )
    return _rows(store, sql, params)


def projects_by_status(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count and amount per (status, currency)."""
    where, params = _where(store, "projects", flt)
    sql = (
        "SELECT status AS grp, currency, count(*) AS n, sum(amount) AS amount,"
        f" sum(disbursed) AS disbursed FROM projects{where}"
        " GROUP BY status, currency ORDER BY status, currency"
    )
    return _rows(store, sql, params)


def disbursement_steps(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Money disbursed per (update date, currency), from the project updates.

    ``project_updates.disbursed`` is the cumulative amount a project reported
    on a date, so what was paid out on that date is the increase over the
    project's previous report (LAG over the project's updates in date order;
    a correction downwards is a negative step). Summing the steps per date
    gives the portfolio's payments by date; the running total of those is the
    cumulative disbursement. Updates without a disbursed figure are skipped.
    """
    where, params = store.where("projects", flt or Filter())
    scope = f" AND project_id IN (SELECT id FROM projects WHERE {where})" if where else ""
    sql = (
        "WITH u AS (SELECT project_id, as_of, disbursed - coalesce(lag(disbursed) OVER"
        " (PARTITION BY project_id ORDER BY as_of, id), 0) AS step"
        f" FROM project_updates WHERE disbursed IS NOT NULL{scope})"
        " SELECT u.as_of AS date, p.currency, sum(u.step) AS step FROM u"
        " JOIN projects p ON p.id = u.project_id"
        " GROUP BY u.as_of, p.currency HAVING sum(u.step) != 0 ORDER BY u.as_of, p.currency"
    )
    return _rows(store, sql, params)


def residents_by_country(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Count and declared investment per (country, currency), with the country's names."""
    where, params = _where(store, "residents", flt)
    sql = (
        "SELECT g.grp, g.currency, g.n, g.declared, c.name_en, c.name_ru, c.name_zh FROM ("
        "SELECT country AS grp, currency, count(*) AS n,"
        f" sum(declared_investment) AS declared FROM residents{where}"
        " GROUP BY country, currency) g LEFT JOIN countries c ON c.code = g.grp"
        " ORDER BY g.grp, g.currency"
    )
    return _rows(store, sql, params)


def residents_by_status(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Number of residents per status."""
    where, params = _where(store, "residents", flt)
    sql = f"SELECT status AS grp, count(*) AS n FROM residents{where} GROUP BY status"
    return _rows(store, sql, params)


def ventures_by_sector_kind(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """Number of ventures per (sector, kind), with the sector's names."""
    where, params = _where(store, "ventures", flt)
    sql = (
        "SELECT g.grp, g.kind, g.n, s.name_en, s.name_ru, s.name_zh FROM ("
        f"SELECT sector AS grp, kind, count(*) AS n FROM ventures{where}"
        " GROUP BY sector, kind) g LEFT JOIN sectors s ON s.code = g.grp ORDER BY g.grp, g.kind"
    )
    return _rows(store, sql, params)
