"""The needs-attention worklist: what the desk should act on, computed from the
data and a few settings kept in the database (so the window, the command line
and every member of a team see the same list).

Rules (each item names one reason; a project may have several):
- ``stale``: an active project with no update for ``stale_days`` (default 90);
- ``overdue``: planned end passed and not completed (nor cancelled);
- ``behind_plan``: disbursed is below the amount planned so far by more than
  ``behind_pct`` percent of it (default 20);
- ``disbursed_fell``: the latest update's disbursed amount is lower than the one before;
- ``missing_fx``: a currency in use has no exchange rate on or before the as-of date;
- ``idle_resident``: a resident (not withdrawn) whose record has not changed for a year.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from tracker.domain.codelists import ACTIVE_PROJECT_STATUSES
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.store import Store, keeping

#: Tables whose writes cannot change the worklist (an export records a snapshot).
NOT_READ = frozenset({"snapshots"})
#: The table a Change names when the rules' settings were saved (no table holds them).
SETTINGS_CHANGE = "attention_settings"
REASONS = ("stale", "overdue", "behind_plan", "disbursed_fell", "missing_fx", "idle_resident")
REASON_LABELS = {
    "stale": "No recent update",
    "overdue": "Planned end passed",
    "behind_plan": "Behind plan",
    "disbursed_fell": "Disbursed fell",
    "missing_fx": "No exchange rate",
    "idle_resident": "Resident unchanged for a year",
}
DEFAULT_STALE_DAYS = 90
DEFAULT_BEHIND_PCT = 20
RESIDENT_IDLE_DAYS = 365
_META = {"stale_days": "attention_stale_days", "behind_pct": "attention_behind_pct"}


@dataclass(frozen=True)
class AttentionSettings:
    stale_days: int = DEFAULT_STALE_DAYS
    behind_pct: int = DEFAULT_BEHIND_PCT

    def check(self) -> AttentionSettings:
        from tracker.domain.validation import ValidationError, ValidationErrors

        errors = []
        if not 1 <= self.stale_days <= 3650:
            errors.append(ValidationError("stale_days", "must be between 1 and 3650 days"))
        if not 1 <= self.behind_pct <= 100:
            errors.append(ValidationError("behind_pct", "must be between 1 and 100 percent"))
        if errors:
            raise ValidationErrors(errors)
        return self


def settings(store: Store) -> AttentionSettings:
    """The rules' settings stored in the database (defaults where unset or unreadable)."""
    values: dict[str, int] = {}
    for name, key in _META.items():
        text = store.meta(key)
        try:
            values[name] = int(text) if text is not None else getattr(AttentionSettings, name)
        except ValueError:
            values[name] = getattr(AttentionSettings, name)
    return AttentionSettings(**values)


def save_settings(store: Store, new: AttentionSettings) -> AttentionSettings:
    new.check()
    with store.write():
        for name, key in _META.items():
            store.set_meta(key, str(getattr(new, name)))
    return new


@dataclass
class Item:
    """One line of the worklist."""

    reason: str
    table: str  # projects | residents | fx_rates
    record_id: Any  # project/resident id, or the currency for missing_fx
    code: str
    name: str
    detail: str
    since: str | None = None  # the date the reason refers to (last update, planned end, ...)

    @property
    def label(self) -> str:
        return REASON_LABELS[self.reason]


@dataclass
class Worklist:
    as_of: str
    settings: AttentionSettings
    items: list[Item] = field(default_factory=list)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        if "counts" not in self._memo:
            c = Counter(i.reason for i in self.items)
            self._memo["counts"] = {r: c.get(r, 0) for r in REASONS}
        return dict(self._memo["counts"])

    def project_reasons(self) -> dict[int, list[str]]:
        """Project id -> its reasons, in rule order (the table's "Attention" column)."""
        if "reasons" not in self._memo:
            out: dict[int, list[str]] = {}
            for i in self.items:
                if i.table == "projects":
                    out.setdefault(i.record_id, []).append(i.reason)
            self._memo["reasons"] = out
        return self._memo["reasons"]

    def summed(self) -> Worklist:
        """The list with its counts worked out (in the background: the window then reads them)."""
        self.counts(), self.records(), self.project_reasons()
        return self

    def records(self) -> int:
        """How many records (projects, residents, currencies) need attention."""
        if "records" not in self._memo:
            self._memo["records"] = len({(i.table, i.record_id) for i in self.items})
        return self._memo["records"]

    def to_json(self) -> str:
        return json.dumps(
            {"as_of": self.as_of, "settings": asdict(self.settings), "counts": self.counts(),
             "items": [{**asdict(i), "label": i.label} for i in self.items]},
            ensure_ascii=False, indent=2, default=str,
        )  # fmt: skip

    def to_text(self) -> str:
        if not self.items:
            return f"Nothing needs attention as of {self.as_of}."
        lines = [f"Needs attention as of {self.as_of}: {len(self.items)} item(s)"]
        for r in REASONS:
            group = [i for i in self.items if i.reason == r]
            if not group:
                continue
            lines.append(f"\n{REASON_LABELS[r]} ({len(group)})")
            lines += [f"  {i.code}  {i.name}: {i.detail}" for i in group]
        return "\n".join(lines)


def _money(minor: int | None, currency: str) -> str:
    d = from_minor(minor or 0)
    return f"{d:,.2f} {currency}"


def _fell(last: dict | None) -> bool:
    return bool(last) and last["prev_disbursed"] is not None and last["disbursed"] is not None \
        and last["disbursed"] < last["prev_disbursed"]  # fmt: skip


def _project_reasons(p: dict, last: dict | None, due: int | None, *, day: dt.date,
                     rules: AttentionSettings) -> list[tuple[str, str, str | None]]:  # fmt: skip
    """(reason, detail, since) of one project: the project rules, in rule order (the
    worklist and the table's column both ask this)."""
    today = day.isoformat()
    stale_before = (day - dt.timedelta(days=rules.stale_days)).isoformat()
    status = p["status"]
    out: list[tuple[str, str, str | None]] = []
    if status in ACTIVE_PROJECT_STATUSES:
        seen = last["as_of"] if last else (p["updated_at"] or "")[:10]
        if seen and seen < stale_before:
            days = (day - dt.date.fromisoformat(seen)).days
            what = "last update" if last else "no update yet; record last changed"
            out.append(("stale", f"{what} {seen} ({days} days ago)", seen))
    if p["planned_end"] and p["planned_end"] < today and status not in ("completed", "cancelled"):
        days = (day - dt.date.fromisoformat(p["planned_end"])).days
        out.append(("overdue", f"planned end {p['planned_end']} passed {days} days ago; "
                               f"status {status}", p["planned_end"]))  # fmt: skip
    if due and status not in ("completed", "cancelled"):
        gap = due - (p["disbursed"] or 0)
        if gap * 100 > due * rules.behind_pct:
            share = Decimal((p["disbursed"] or 0) * 100) / Decimal(due)
            out.append(("behind_plan", f"disbursed {_money(p['disbursed'], p['currency'])} is "
                                       f"{share:.0f} % of the {_money(due, p['currency'])} "
                                       f"planned by {today}", None))  # fmt: skip
    if _fell(last):
        assert last is not None
        out.append(("disbursed_fell", f"{_money(last['disbursed'], p['currency'])} on "
                                      f"{last['as_of']}, down from "
                                      f"{_money(last['prev_disbursed'], p['currency'])} on "
                                      f"{last['prev_as_of']}", last["as_of"]))  # fmt: skip
    return out


#: The project columns the project rules read.
PROJECT_COLUMNS = ("id", "status", "disbursed", "currency", "planned_end", "updated_at")


def reasons_of(store: Store, rows: Sequence[dict[str, Any] | None], *, today: str | None = None,
               rules: AttentionSettings | None = None,
               planned: dict[int, int] | None = None) -> dict[int, tuple[str, ...]]:  # fmt: skip
    """The project rules' reasons for the given project rows only (a page of the table:
    two small queries over its ids, never the whole table). Rows need PROJECT_COLUMNS;
    ``planned``: their amounts planned by ``today``, when the caller has read them."""
    rows = [r for r in rows if r is not None]
    if not rows:
        return {}
    day = dt.date.fromisoformat(today or dt.date.today().isoformat())
    rules = rules or settings(store)
    ids = [r["id"] for r in rows]
    latest = keeping.latest_updates(store, project_ids=ids)
    if planned is None:
        planned = keeping.planned_to_date(store, as_of=day.isoformat(), project_ids=ids)
    return {
        r["id"]: tuple(reason for reason, _d, _s in _project_reasons(
            r, latest.get(r["id"]), planned.get(r["id"]), day=day, rules=rules))
        for r in rows
    }  # fmt: skip


def worklist(store: Store, *, today: str | None = None, flt: Filter | None = None,
             rules: AttentionSettings | None = None) -> Worklist:  # fmt: skip
    """Every reason the data gives for attention as of ``today`` (default: the real today)."""
    today = today or dt.date.today().isoformat()
    rules = rules or settings(store)
    day = dt.date.fromisoformat(today)
    wl = Worklist(today, rules)
    projects = keeping.projects_for_attention(store, flt)
    latest = keeping.latest_updates(store)
    planned = keeping.planned_to_date(store, as_of=today)
    items = wl.items
    for p in projects:
        pid = p["id"]
        for reason, detail, since in _project_reasons(p, latest.get(pid), planned.get(pid),
                                                      day=day, rules=rules):  # fmt: skip
            items.append(Item(reason, "projects", pid, p["code"], p["name"], detail, since))
    fx = store.fx_table()
    for cur, n in keeping.currencies_in_use(store).items():
        if fx.per_usd(cur, today) is None:
            items.append(Item("missing_fx", "fx_rates", cur, cur, cur,
                              f"{n} record(s) in {cur}; no rate on or before {today}"))  # fmt: skip
    idle_before = (day - dt.timedelta(days=RESIDENT_IDLE_DAYS)).isoformat()
    for r in keeping.idle_residents(store, changed_before=idle_before):
        since = (r["updated_at"] or "")[:10]
        items.append(Item("idle_resident", "residents", r["id"], "", r["name"],
                          f"no change since {since}; status {r['status']}", since))  # fmt: skip
    order = {r: i for i, r in enumerate(REASONS)}
    items.sort(key=lambda i: (order[i.reason], i.code, i.name))
    return wl
