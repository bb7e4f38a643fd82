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


def _q(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows of a query on the file or the team server (``?`` placeholders; both stores'
    ``query`` take them), as dicts."""
    return store.query(sql, list(params))


def _in(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """``column IN (?, ?, …)`` for a list of values (never empty: a false condition then)."""
    values = list(values)
    if not values:
        return "1 = 0", []
    return f"{column} IN ({', '.join('?' * len(values))})", values


#: Tables whose rows carry an amount and a currency (the "currencies in use").
_MONEY_TABLES = ("projects", "residents", "ventures", "disbursement_plans")


def latest_updates(store: Store, *, project_ids: Sequence[int] | None = None) -> dict[int, dict]:
    """Per project: the as-of date and disbursed amount of its latest update and the
    disbursed amount of the update before it (None when there is none)."""
    where, params = "", []
    if project_ids is not None:
        cond, params = _in("project_id", project_ids)
        where = f"WHERE {cond}"
    sql = f"""
        SELECT project_id, as_of, disbursed, note, prev_disbursed, prev_as_of FROM (
            SELECT project_id, as_of, disbursed, note,
                   lag(disbursed) OVER w AS prev_disbursed, lag(as_of) OVER w AS prev_as_of,
                   row_number() OVER (PARTITION BY project_id ORDER BY as_of DESC, id DESC) AS rn
            FROM project_updates {where}
            WINDOW w AS (PARTITION BY project_id ORDER BY as_of, id)) AS latest
        WHERE rn = 1"""
    return {r["project_id"]: r for r in _q(store, sql, params)}


def projects_for_attention(store: Store, flt: Filter | None = None) -> list[dict[str, Any]]:
    """The project columns the worklist rules read, for the projects a filter selects."""
    where, params = store.where("projects", flt or Filter())
    sql = (
        "SELECT id, code, name, status, amount, disbursed, currency, planned_end, actual_end, "
        "progress_pct, updated_at, version FROM projects"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY code"
    )
    return _q(store, sql, params)


def planned_projects(store: Store, flt: Filter | None = None) -> dict[int, str]:
    """Id → currency of the projects a filter selects that have a disbursement plan (the
    plan chart reads these alone, not every project of a million-row file)."""
    where, params = store.where("projects", flt or Filter())
    sql = (
        "SELECT id, currency FROM projects WHERE id IN "
        "(SELECT DISTINCT project_id FROM disbursement_plans)"
        + (f" AND ({where})" if where else "")
    )
    return {r["id"]: r["currency"] for r in _q(store, sql, params)}


def idle_residents(store: Store, *, changed_before: str) -> list[dict[str, Any]]:
    """Residents (not withdrawn) whose record has not changed since ``changed_before``."""
    sql = (
        "SELECT id, name, status, updated_at FROM residents "
        "WHERE status != 'withdrawn' AND substr(updated_at, 1, 10) < ? ORDER BY updated_at, name"
    )
    return _q(store, sql, (changed_before,))


def currencies_in_use(store: Store) -> dict[str, int]:
    """Currency -> how many records (projects, residents, ventures, plan rows) hold it."""
    parts = " UNION ALL ".join(
        f"SELECT upper(currency) AS c, count(*) AS n FROM {t} GROUP BY upper(currency)"
        for t in _MONEY_TABLES
    )
    sql = f"SELECT c, sum(n) AS n FROM ({parts}) AS u GROUP BY c ORDER BY c"
    return {r["c"]: int(r["n"]) for r in _q(store, sql) if r["c"]}


# ------------------------------------------------------------------- plans
def plan_rows(store: Store, project_id: int) -> list[dict[str, Any]]:
    """One project's planned disbursements, by date."""
    sql = "SELECT * FROM disbursement_plans WHERE project_id = ? ORDER BY date, id"
    return _q(store, sql, (project_id,))


def plans_for(store: Store, project_ids: Iterable[int] | None = None) -> dict[int, list[dict]]:
    """Planned disbursements (date, amount) of many projects (all with None), by date."""
    sql = "SELECT project_id, date, amount, currency FROM disbursement_plans"
    params: list[Any] = []
    if project_ids is not None:
        cond, params = _in("project_id", list(project_ids))
        sql += f" WHERE {cond}"
    out: dict[int, list[dict]] = {}
    for r in _q(store, sql + " ORDER BY project_id, date", params):
        out.setdefault(r["project_id"], []).append(r)
    return out


def planned_to_date(store: Store, *, as_of: str,
                    project_ids: Sequence[int] | None = None) -> dict[int, int]:  # fmt: skip
    """Per project with a plan (of ``project_ids``, or all): the amount planned on or
    before ``as_of`` (minor units)."""
    where, params = "", [as_of]
    if project_ids is not None:
        cond, ids = _in("project_id", project_ids)
        where, params = f"WHERE {cond} ", [as_of, *ids]
    sql = (
        "SELECT project_id, coalesce(sum(CASE WHEN date <= ? THEN amount END), 0) AS due "
        f"FROM disbursement_plans {where}GROUP BY project_id"
    )
    return {r["project_id"]: int(r["due"]) for r in _q(store, sql, params)}


def update_series(store: Store, project_ids: Iterable[int] | None = None) -> dict[int, list]:
    """Per project: (as_of, disbursed) of its updates in date order (actual disbursement)."""
    sql = "SELECT project_id, as_of, disbursed FROM project_updates WHERE disbursed IS NOT NULL"
    params: list[Any] = []
    if project_ids is not None:
        cond, params = _in("project_id", list(project_ids))
        sql += f" AND {cond}"
    out: dict[int, list] = {}
    for r in _q(store, sql + " ORDER BY project_id, as_of, id", params):
        out.setdefault(r["project_id"], []).append((r["as_of"], r["disbursed"]))
    return out


def recent_updates(store: Store, project_id: int, *, limit: int = 5) -> list[dict[str, Any]]:
    sql = "SELECT * FROM project_updates WHERE project_id = ? ORDER BY as_of DESC, id DESC LIMIT ?"
    return _q(store, sql, (project_id, limit))


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
    if row_id is not None:  # text on the server, a number or text in a file
        parts.append("CAST(row_id AS TEXT) = ?")
        params.append(str(row_id))
    if user:
        parts.append('"user" = ?')
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
    return _q(store, sql, params)


def audit_users(store: Store) -> list[str]:
    return [r["u"] for r in _q(store, 'SELECT DISTINCT "user" AS u FROM audit_log ORDER BY u')]


def audit_tables(store: Store) -> list[str]:
    sql = "SELECT DISTINCT table_name FROM audit_log ORDER BY table_name"
    return [r["table_name"] for r in _q(store, sql)]


def plan_history_ids(store: Store, project_id: int) -> list[Any]:
    """Ids (current and deleted) of plan rows that ever belonged to a project, from the audit
    log (the rows that made or removed them name their project)."""
    sql = (
        "SELECT DISTINCT row_id, changes FROM audit_log WHERE table_name = 'disbursement_plans' "
        "AND action IN ('insert', 'import', 'restore', 'delete')"
    )
    ids = []
    for r in _q(store, sql):
        try:
            pair = json.loads(r["changes"]).get("project_id")
        except (ValueError, AttributeError):
            continue
        if isinstance(pair, list) and project_id in pair and r["row_id"] not in ids:
            ids.append(r["row_id"])
    return ids
