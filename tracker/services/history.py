"""What changed: a record's history and the audit-log view, read from ``audit_log``,
and putting a field's earlier value back as a new, audited, undoable edit."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.fields import MONEY, REF, kind_of
from tracker.domain.money import format_amount, from_minor
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.undo import EditCommand
from tracker.store import Store, keeping

#: Columns the program keeps itself: never shown as a change nor put back.
_HIDDEN = frozenset({"version", "updated_at", "id", "entered_at"})


@dataclass(frozen=True)
class Step:
    """One field's change in one audit entry."""

    entry_id: int
    at: str
    user: str
    action: str
    table: str
    row_id: Any
    field: str
    old: Any
    new: Any

    @property
    def can_put_back(self) -> bool:
        """An edit of a record field whose earlier value was a value (not a new record)."""
        return self.action not in (
            "insert",
            "import",
            "restore",
            "delete",
        ) and self.field in _editable(self.table)


def _editable(table: str) -> frozenset[str]:
    try:
        return frozenset(kind_of(table).names)
    except KeyError:
        return frozenset()


def _changes(entry: Mapping[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(entry["changes"] or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


#: Actions that make a record: one step ("created"), not one per field.
MADE = frozenset({"insert", "import", "restore"})


def steps_of(entry: Mapping[str, Any], *, fields: frozenset[str] | None = None) -> list[Step]:
    """The field changes one audit entry records (a bulk entry gives none); a record
    made (inserted, imported, restored) is one step with the field "*"."""
    if entry["action"] in MADE and fields is None:
        return [Step(entry["id"], entry["at"], entry["user"], entry["action"], entry["table_name"],
                     entry["row_id"], "*", None, None)]  # fmt: skip
    out = []
    for name, pair in _changes(entry).items():
        if name in _HIDDEN or not isinstance(pair, list) or len(pair) != 2:
            continue
        if fields is not None and name not in fields:
            continue
        old, new = pair
        if old == new:
            continue
        out.append(Step(entry["id"], entry["at"], entry["user"], entry["action"],
                        entry["table_name"], entry["row_id"], name, old, new))  # fmt: skip
    return out


def record_history(store: Store, *, kind: str, pk: Any, limit: int = 500) -> list[Step]:
    """Every field change of one record, newest first (for a project, its plan's too)."""
    table = kind_of(kind).name
    entries = keeping.audit_entries(store, table=table, row_id=pk, limit=limit)
    if table == "projects":
        ids = keeping.plan_history_ids(store, pk)
        for pid in ids:
            entries += keeping.audit_entries(
                store, table="disbursement_plans", row_id=pid, limit=limit
            )
        entries.sort(key=lambda e: (e["at"], e["id"]), reverse=True)
    out: list[Step] = []
    for e in entries[:limit]:
        # A plan row: its date and amount say what changed (one line for a new row).
        only = None
        if e["table_name"] != table:
            only = PLAN_NEW if e["action"] in MADE else PLAN_FIELDS
        out += steps_of(e, fields=only)
    return out


PLAN_FIELDS = frozenset({"date", "amount", "note"})
PLAN_NEW = frozenset({"amount"})


def display(store: Store, table: str, field: str, value: Any, *, record: Mapping[str, Any] | None = None,
            names: dict | None = None) -> str:  # fmt: skip
    """A stored value as a person reads it: money in units (with the record's currency),
    a linked record by its name, nothing as —."""
    if value is None or value == "":
        return "—"
    try:
        f = kind_of(table).field(field)
    except KeyError:
        return str(value)
    if f.type == MONEY:
        d = from_minor(value) if isinstance(value, int) else None
        cur = (record or {}).get(f.currency_field or "currency") or ""
        return f"{format_amount(d)} {cur}".strip() if d is not None else str(value)
    if f.type == REF and f.ref_table:
        cache = names if names is not None else {}
        if f.ref_table not in cache:
            key = "code" if f.ref_table == "projects" else "name"
            cache[f.ref_table] = {r["id"]: r[key] for r in store.rows(f.ref_table)}
        return str(cache[f.ref_table].get(value, value))
    return str(value)


def put_back(store: Store, *, kind: str, pk: Any, field: str, value: Any, user: str) -> EditCommand:
    """An edit that gives ``field`` its earlier stored ``value`` again; apply it (or push it
    on the window's undo stack): it is validated and audited as any edit, and undoable."""
    k = kind_of(kind)
    try:
        f = k.field(field)
    except KeyError:
        raise ValidationErrors(
            [ValidationError(field, f"is not a field of {k.label.lower()}")]
        ) from None
    row = store.get(k.name, pk)
    if row is None:
        raise ValidationErrors([ValidationError("record", "no longer exists")])
    typed: Any = value
    if f.type == MONEY and isinstance(value, int):
        typed = str(from_minor(value))
    return EditCommand(k.name, pk, {f.name: typed}, row.get("version"), user,
                       text=f"Put back {f.label}")  # fmt: skip


# ----------------------------------------------------------- audit-log view
@dataclass(frozen=True)
class AuditQuery:
    user: str | None = None
    table: str | None = None
    row_id: Any = None
    since: str | None = None
    until: str | None = None
    limit: int | None = 5000


def audit_rows(store: Store, query: AuditQuery) -> list[dict[str, Any]]:
    """Audit-log entries newest first, each with ``summary``: its changes in one line."""
    entries = keeping.audit_entries(store, table=query.table, row_id=query.row_id, user=query.user,
                                    since=query.since, until=query.until, limit=query.limit)  # fmt: skip
    for e in entries:
        e["summary"] = summary(e)
    return entries


def summary(entry: Mapping[str, Any]) -> str:
    """An entry's changes in one line: "field: old → new; …", or a new record's values."""
    table = entry["table_name"]
    data = _changes(entry)
    if entry["action"] in MADE:
        return ", ".join(f"{k}: {_short(_plain(table, k, v[1]))}" for k, v in data.items()
                         if k not in _HIDDEN and isinstance(v, list) and len(v) == 2 and v[1] is not None)  # fmt: skip
    steps = steps_of(entry)
    if steps:
        return "; ".join(f"{s.field}: {_short(_plain(table, s.field, s.old))} → "
                         f"{_short(_plain(table, s.field, s.new))}" for s in steps)  # fmt: skip
    return ", ".join(f"{k}: {_short(v)}" for k, v in data.items() if k not in _HIDDEN)


def _plain(table: str, field: str, value: Any) -> Any:
    """Money (minor units in the log) in decimal units; other values as they are."""
    try:
        f = kind_of(table).field(field)
    except KeyError:
        return value
    if f.type == MONEY and isinstance(value, int):
        return format_amount(from_minor(value))
    return value


def _short(v: Any, width: int = 60) -> str:
    text = "—" if v is None or v == "" else str(v)
    return text if len(text) <= width else text[: width - 1] + "…"


AUDIT_COLUMNS = ("id", "at", "user", "table_name", "row_id", "action", "changes")


def export_audit(store: Store, query: AuditQuery, *, out: Path) -> int:
    """The entries a query selects, as CSV (UTF-8 with BOM) or XLSX; returns how many."""
    from tracker.safe_files import write_atomic
    from tracker.services.export import neutralise

    rows = audit_rows(store, query)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationErrors(
            [ValidationError("out", "the audit log is exported as .csv or .xlsx")]
        )

    def cells(r: Mapping[str, Any]) -> list[Any]:
        return [neutralise(str(r[c])) if isinstance(r[c], str) else r[c] for c in AUDIT_COLUMNS]

    def write(tmp: Path) -> None:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh, lineterminator="\r\n")
                w.writerow(AUDIT_COLUMNS)
                w.writerows(cells(r) for r in rows)
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("audit_log")
            ws.freeze_panes = "A2"
            ws.append(list(AUDIT_COLUMNS))
            for r in rows:
                ws.append(cells(r))
            wb.save(tmp)

    write_atomic(out, write)
    return len(rows)


def record_label(store: Store, table: str, row_id: Any) -> str:
    """A record named as people know it (a project's code, a resident's name), or its id."""
    if row_id is None:
        return ""
    try:
        row = store.get(table, row_id)
    except ValueError:
        return str(row_id)
    if row is None:
        return f"{row_id} (deleted)"
    if table in ("project_updates", "disbursement_plans"):
        code = (store.get("projects", row["project_id"]) or {}).get("code", "")
        return f"{code} {row.get('as_of') or row.get('date')}"
    for key in ("code", "name", "currency"):
        if row.get(key):
            return str(row[key]) + (
                f" {row['date']}" if table in ("fx_rates", "disbursement_plans") else ""
            )
    return str(row_id)


def tables_in_log(store: Store) -> Sequence[str]:
    return keeping.audit_tables(store)


def users_in_log(store: Store) -> Sequence[str]:
    return keeping.audit_users(store)
