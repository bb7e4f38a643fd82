"""Reads for keeping the portfolio current: the needs-attention worklist, the
disbursement plans, a record's history and the audit-log view.

All SQL of those features lives here (the services only ask); every function
takes a :class:`Store` and returns small dicts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from tracker.domain.filters import Filter
from tracker.store.sqlite_store import Store

#: Tables whose rows carry an amount and a currency (the "currencies in use").
_MONEY_TABLES = ("projects", "residents", "ventures", "disbursement_plans")


def latest_updates(store: Store, *, project_ids: Sequence[int] | None = None) -> dict[int, dict]:
    """Per project: the as-of date and disbursed amount of its latest update and the
    disbursed amount of the update before it (None when there is none)."""
    where, params = "", []
    if project_ids is not None:
        where = "WHERE project_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(project_ids)))
    sql = f"""
        SELECT project_id, as_of, disbursed, note, prev_disbursed, prev_as_of FROM (
            SELECT project_id, as_of, disbursed, note,
                   lag(disbursed) OVER w AS prev_disbursed, lag(as_of) OVER w AS prev_as_of,
                   row_number() OVER (PARTITION BY project_id ORDER BY as_of DESC, id DESC) AS rn
            FROM project_updates {where}
            WINDOW w AS (PARTITION BY project_id ORDER BY as_of, id))
        WHERE rn = 1"""
    return {r["project_id"]: dict(r) for r in store.conn.execute(sql, params)}


def projects_for_attention(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """The project columns the worklist rules read, for the projects a filter selects."""
    where, params = store.where("projects", flt or Filter())
    sql = (
        "SELECT id, code, name, status, amount, disbursed, currency, planned_end, actual_end, "
        "progress_pct, updated_at, version FROM projects"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY code"
    )
    return [dict(r) for r in store.conn.execute(sql, params)]


def idle_residents(store: Store, *, changed_before: str) -> list[dict[str, Any]]:
    """Residents (not withdrawn) whose record has not changed since ``changed_before``."""
    sql = (
        "SELECT id, name, status, updated_at FROM residents "
        "WHERE status != 'withdrawn' AND substr(updated_at, 1, 10) < ? ORDER BY updated_at, name"
    )
    return [dict(r) for r in store.conn.execute(sql, (changed_before,))]


def currencies_in_use(store: Store) -> dict[str, int]:
    """Currency -> how many records (projects, residents, ventures, plan rows) hold it."""
    parts = " UNION ALL ".join(
        f"SELECT upper(currency) AS c, count(*) AS n FROM {t} GROUP BY upper(currency)"
        for t in _MONEY_TABLES
    )
    sql = f"SELECT c, sum(n) FROM ({parts}) GROUP BY c ORDER BY c"
    return {c: n for c, n in store.conn.execute(sql) if c}


# ------------------------------------------------------------------- plans
def plan_rows(store: Store, project_id: int) -> list[dict[str, Any]]:
    """One project's planned disbursements, by date."""
    sql = "SELECT * FROM disbursement_plans WHERE project_id = ? ORDER BY date, id"
    return [dict(r) for r in store.conn.execute(sql, (project_id,))]


def plans_for(store: Store, project_ids: Iterable[int] | None = None) -> dict[int, list[dict]]:
    """Planned disbursements (date, amount) of many projects (all with None), by date."""
    sql = "SELECT project_id, date, amount, currency FROM disbursement_plans"
    params: list[Any] = []
    if project_ids is not None:
        sql += " WHERE project_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(project_ids)))
    out: dict[int, list[dict]] = {}
    for r in store.conn.execute(sql + " ORDER BY project_id, date", params):
        out.setdefault(r["project_id"], []).append(dict(r))
    return out


def planned_to_date(store: Store, *, as_of: str) -> dict[int, int]:
    """Per project with a plan: the amount planned on or before ``as_of`` (minor units)."""
    sql = (
        "SELECT project_id, coalesce(sum(CASE WHEN date <= ? THEN amount END), 0) "
        "FROM disbursement_plans GROUP BY project_id"
    )
    return dict(store.conn.execute(sql, (as_of,)).fetchall())


def update_series(store: Store, project_ids: Iterable[int] | None = None) -> dict[int, list]:
    """Per project: (as_of, disbursed) of its updates in date order (actual disbursement)."""
    sql = "SELECT project_id, as_of, disbursed FROM project_updates WHERE disbursed IS NOT NULL"
    params: list[Any] = []
    if project_ids is not None:
        sql += " AND project_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(project_ids)))
    out: dict[int, list] = {}
    for pid, as_of, d in store.conn.execute(sql + " ORDER BY project_id, as_of, id", params):
        out.setdefault(pid, []).append((as_of, d))
    return out


def recent_updates(store: Store, project_id: int, *, limit: int = 5) -> list[dict[str, Any]]:
    sql = "SELECT * FROM project_updates WHERE project_id = ? ORDER BY as_of DESC, id DESC LIMIT ?"
    return [dict(r) for r in store.conn.execute(sql, (project_id, limit))]


# ------------------------------------------------------------- audit log
def audit_entries(
    store: Store,
    *,
    table: str | None = None,
    row_id: Any = None,
    user: str | None = None,
    since: str | None = None,
    until: str | None = None,
    tables: Sequence[str] | None = None,
    limit: int | None = 5000,
) -> list[dict[str, Any]]:
    """Audit-log entries, newest first, narrowed by table, record, user and date range
    (``since``/``until`` are ISO dates, both included)."""
    parts: list[str] = []
    params: list[Any] = []
    if table:
        parts.append("table_name = ?")
        params.append(table)
    if tables:
        parts.append(f"table_name IN ({', '.join('?' * len(tables))})")
        params.extend(tables)
    if row_id is not None:
        parts.append("row_id = ?")
        params.append(row_id)
    if user:
        parts.append("user = ?")
        params.append(user)
    if since:
        parts.append("substr(at, 1, 10) >= ?")
        params.append(since)
    if until:
        parts.append("substr(at, 1, 10) <= ?")
        params.append(until)
    sql = "SELECT * FROM audit_log" + (f" WHERE {' AND '.join(parts)}" if parts else "")
    sql += " ORDER BY at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [dict(r) for r in store.conn.execute(sql, params)]


def audit_users(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT DISTINCT user FROM audit_log ORDER BY user")]


def audit_tables(store: Store) -> list[str]:
    sql = "SELECT DISTINCT table_name FROM audit_log ORDER BY table_name"
    return [r[0] for r in store.conn.execute(sql)]


def plan_history_ids(store: Store, project_id: int) -> list[int]:
    """Ids (current and deleted) of plan rows that ever belonged to a project, from the audit log."""
    sql = (
        "SELECT DISTINCT row_id FROM audit_log WHERE table_name = 'disbursement_plans' "
        "AND json_valid(changes) AND (json_extract(changes, '$.project_id[0]') = ? "
        "OR json_extract(changes, '$.project_id[1]') = ?)"
    )
    return [r[0] for r in store.conn.execute(sql, (project_id, project_id))]
