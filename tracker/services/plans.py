"""Disbursement plans: dated planned amounts per project, checked, saved as one
audited step (undoable), and compared with what was actually disbursed.

A plan row is the amount planned to be paid out on its date; the plan's running
sum is the planned cumulative disbursement the actual one is measured against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tracker.domain.fields import DISBURSEMENT_PLANS, clean_value
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.changes import Change
from tracker.store import NotFound, Store, keeping

TABLE = "disbursement_plans"
_FIELDS = {f.name: f for f in DISBURSEMENT_PLANS.fields}


def plan_of(store: Store, project_id: int) -> list[dict[str, Any]]:
    """A project's plan rows by date (amounts in minor units)."""
    return keeping.plan_rows(store, project_id)


def check_plan(
    store: Store, *, project_id: int, rows: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Clean a whole plan as typed (dates, amounts in decimal units, currency).

    Rules: each row has a real date and an amount of at least 0; the currency, when
    given, is the project's own; no date twice; the plan adds up to no more than the
    committed amount. Errors name the row (1-based) and the field; nothing is written.
    """
    project = store.get("projects", project_id)
    if project is None:
        raise NotFound("projects", project_id)
    errors: list[ValidationError] = []
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(rows, start=1):
        if all(raw.get(k) in (None, "") for k in ("date", "amount", "note")):
            continue  # a blank grid line
        clean: dict[str, Any] = {"project_id": project_id}
        for name in ("date", "amount", "currency", "note"):
            try:
                clean[name] = clean_value(_FIELDS[name], raw.get(name), None)
            except ValueError as exc:
                errors.append(ValidationError(name, str(exc), i))
        cur = clean.get("currency")
        if cur and cur != project["currency"]:
            errors.append(ValidationError("currency", f"must be the project's currency, "
                                                      f"{project['currency']}", i))  # fmt: skip
        clean["currency"] = project["currency"]
        d = clean.get("date")
        if d:
            if d in seen:
                errors.append(ValidationError("date", f"{d} is planned twice (rows {seen[d]} "
                                                      f"and {i}); put both amounts in one row", i))  # fmt: skip
            seen.setdefault(d, i)
            if project.get("agreement_date") and d < project["agreement_date"]:
                errors.append(ValidationError("date", f"must not be before the agreement date "
                                                      f"{project['agreement_date']}", i))  # fmt: skip
        out.append(clean)
    total = sum(r.get("amount") or 0 for r in out)
    if not errors and total > project["amount"]:
        errors.append(ValidationError(
            "amount", f"the plan adds up to {from_minor(total)} {project['currency']}, more than "
                      f"the committed {from_minor(project['amount'])}", len(out) or None))  # fmt: skip
    if errors:
        raise ValidationErrors(errors)
    return sorted(out, key=lambda r: r["date"])


def check_import(store: Store, plan: Any) -> None:
    """Rows of an import of plans (``plan.planned``, already cleaned): the currency is the
    project's (an empty one takes it), no date before the agreement, and each project's
    plan (stored rows the file keeps, plus the file's) within its committed amount."""
    pids = {p.values["project_id"] for p in plan.planned}
    projects = store.fetch("projects", sorted(pids))
    stored = keeping.plans_for(store, pids)
    totals: dict[int, int] = {}
    last_row: dict[int, int] = {}
    for p in plan.planned:
        v = p.values
        proj = projects[v["project_id"]]
        if v.get("currency") in (None, ""):
            v["currency"] = proj["currency"]
            if p.action == "update":
                p.changes.pop("currency", None)
                p.action = "update" if p.changes else "skip"
        elif v["currency"] != proj["currency"]:
            plan.errors.append(ValidationError(
                "currency", f"must be the currency of {proj['code']}, {proj['currency']}", p.row))  # fmt: skip
        if proj.get("agreement_date") and v["date"] < proj["agreement_date"]:
            plan.errors.append(ValidationError(
                "date", f"is before the agreement date of {proj['code']}, "
                        f"{proj['agreement_date']}", p.row))  # fmt: skip
        totals[v["project_id"]] = totals.get(v["project_id"], 0) + (v["amount"] or 0)
        last_row[v["project_id"]] = p.row
    for pid, total in totals.items():
        in_file = {p.values["date"] for p in plan.planned if p.values["project_id"] == pid}
        total += sum(r["amount"] for r in stored.get(pid, []) if r["date"] not in in_file)
        proj = projects[pid]
        if total > proj["amount"]:
            plan.errors.append(ValidationError(
                "amount", f"the plan of {proj['code']} adds up to {from_minor(total)} "
                          f"{proj['currency']}, more than the committed "
                          f"{from_minor(proj['amount'])}", last_row[pid]))  # fmt: skip


@dataclass
class PlanResult:
    project_id: int
    before: list[dict[str, Any]] = field(default_factory=list)
    after: list[dict[str, Any]] = field(default_factory=list)


def _write(store: Store, project_id: int, rows: Sequence[Mapping[str, Any]], *, user: str,
           action: str) -> list[dict[str, Any]]:  # fmt: skip
    """Make the stored plan equal ``rows`` (clean, minor units): rows kept by date are
    updated, others inserted or deleted; each change has its audit entry."""
    with store.write():
        current = {r["date"]: r for r in keeping.plan_rows(store, project_id)}
        wanted = {r["date"]: r for r in rows}
        for d, r in current.items():
            if d not in wanted:
                store.delete(TABLE, r["id"], expected_version=None, user=user)
        for d, r in wanted.items():
            values = {k: r.get(k) for k in ("project_id", "date", "amount", "currency", "note")}
            old = current.get(d)
            if old is None:
                if r.get("id") and store.get(TABLE, r["id"]) is None:
                    values["id"] = r["id"]  # undo/redo: the row comes back with its own id
                store.insert(
                    TABLE, values, user=user, action=action if action != "update" else "insert"
                )
            else:
                diff = {k: v for k, v in values.items() if old.get(k) != v}
                if diff:
                    store.update(
                        TABLE, old["id"], diff, expected_version=None, user=user, action=action
                    )
        return keeping.plan_rows(store, project_id)


def save_plan(store: Store, *, project_id: int, rows: Sequence[Mapping[str, Any]],
              user: str) -> tuple[Change, PlanResult]:  # fmt: skip
    """Check and save a project's whole plan in one transaction."""
    clean = check_plan(store, project_id=project_id, rows=rows)
    before = keeping.plan_rows(store, project_id)
    after = _write(store, project_id, clean, user=user, action="update")
    return Change(TABLE, (project_id,), "update"), PlanResult(project_id, before, after)


@dataclass
class SavePlanCommand:
    """A plan saved from the form, as one undoable step."""

    project_id: int
    rows: Sequence[Mapping[str, Any]]
    user: str
    text: str = ""
    result: PlanResult | None = None

    def apply(self, store: Store) -> Change:
        if self.result is None:
            change, self.result = save_plan(store, project_id=self.project_id, rows=self.rows,
                                            user=self.user)  # fmt: skip
            return change
        _write(store, self.project_id, self.result.after, user=self.user, action="redo")
        return Change(TABLE, (self.project_id,), "update")

    def revert(self, store: Store) -> Change:
        assert self.result is not None
        _write(store, self.project_id, self.result.before, user=self.user, action="undo")
        return Change(TABLE, (self.project_id,), "update")


# ------------------------------------------------------- plan against actual
def cumulative(points: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """(date, amount) -> (date, running sum)."""
    out, s = [], 0
    for d, a in sorted(points):
        s += a or 0
        out.append((d, s))
    return out


def value_at(series: Sequence[tuple[str, int]], day: str) -> int:
    """The last value of a (date, value) series on or before ``day`` (0 before it starts)."""
    v = 0
    for d, x in series:
        if d > day:
            break
        v = x
    return v


def share_of_plan(*, disbursed: int | None, planned: int | None) -> Decimal | None:
    """Disbursed as a percentage of the amount planned so far (None without a plan due)."""
    if not planned:
        return None
    return (Decimal(disbursed or 0) * 100 / Decimal(planned)).quantize(Decimal("0.1"))


def planned_shares(store: Store, *, as_of: str | None = None) -> dict[int, Decimal | None]:
    """Per project with a plan: disbursed as a % of what the plan foresaw by ``as_of``."""
    as_of = as_of or dt.date.today().isoformat()
    planned = keeping.planned_to_date(store, as_of=as_of)
    if not planned:
        return {}
    rows = store.fetch("projects", sorted(planned), ["id", "disbursed"])
    return {pid: share_of_plan(disbursed=(rows.get(pid) or {}).get("disbursed"), planned=p)
            for pid, p in planned.items()}  # fmt: skip


@dataclass
class PlanVsActual:
    """Cumulative planned and actual disbursement, in one currency (decimal units)."""

    currency: str
    planned: list[tuple[str, Decimal]]
    actual: list[tuple[str, Decimal]]
    title: str = ""
    warning: str | None = None
    missing: frozenset[str] = frozenset()


def missing_in(series: PlanVsActual) -> frozenset[str]:
    """Currencies left out of a converted series for want of a rate."""
    return series.missing


def project_series(store: Store, *, project_id: int) -> PlanVsActual:
    """One project's planned vs actual cumulative disbursement, in its own currency."""
    project = store.get("projects", project_id)
    if project is None:
        raise NotFound("projects", project_id)
    plan = cumulative([(r["date"], r["amount"]) for r in keeping.plan_rows(store, project_id)])
    actual = keeping.update_series(store, [project_id]).get(project_id, [])
    return PlanVsActual(
        project["currency"],
        [(d, from_minor(v)) for d, v in plan],  # type: ignore[misc]
        [(d, from_minor(v)) for d, v in actual],  # type: ignore[misc]
        f"{project['code']}: {project['name']}",
    )


def quarter_end(day: dt.date) -> dt.date:
    q_month = ((day.month - 1) // 3 + 1) * 3
    nxt = dt.date(day.year + (q_month == 12), q_month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def portfolio_series(store: Store, *, flt: Any = None, currency: str = "USD",
                     as_of: str | None = None, today: str | None = None) -> PlanVsActual:  # fmt: skip
    """Planned vs actual cumulative disbursement of the projects a filter selects that
    have a plan, by quarter end, converted into ``currency`` at ``as_of``."""
    from tracker.services import portfolio

    conv = portfolio.converter(store, currency=currency, as_of=as_of)
    currency_of = keeping.planned_projects(store, flt)
    plans = (
        {pid: rows for pid, rows in keeping.plans_for(store).items() if pid in currency_of}
        if currency_of
        else {}
    )
    if not plans:
        return PlanVsActual(conv.target, [], [], "")
    actual = keeping.update_series(store, list(plans))
    first = min(r["date"] for rows in plans.values() for r in rows)
    last = max(r["date"] for rows in plans.values() for r in rows)
    end = today or dt.date.today().isoformat()
    quarters: list[str] = []
    q = quarter_end(dt.date.fromisoformat(first))
    stop = quarter_end(dt.date.fromisoformat(max(last, first)))
    while q <= stop:
        quarters.append(q.isoformat())
        q = quarter_end(q + dt.timedelta(days=1))
    planned_pts, actual_pts = [], []
    cum = {pid: cumulative([(r["date"], r["amount"]) for r in rows]) for pid, rows in plans.items()}
    for qd in quarters:
        p_total = Decimal(0)
        a_total = Decimal(0)
        for pid, series in cum.items():
            cur = currency_of[pid]
            p_total += conv.convert(from_minor(value_at(series, qd)), cur) or 0
            if qd <= quarter_end(dt.date.fromisoformat(end)).isoformat():
                a_total += conv.convert(from_minor(value_at(actual.get(pid, []), qd)), cur) or 0
        planned_pts.append((qd, p_total))
        if qd <= quarter_end(dt.date.fromisoformat(end)).isoformat():
            actual_pts.append((qd, a_total))
    return PlanVsActual(conv.target, planned_pts, actual_pts, "", conv.warning,
                        frozenset(conv.missing))  # fmt: skip
