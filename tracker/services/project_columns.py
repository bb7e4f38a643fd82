"""Columns of the Projects table that are computed, not stored: why a project needs
attention (the worklist's project rules) and what it disbursed as a share of the plan
due so far. They are computed for one page of rows when the table reads that page
(a small query or two over its ids), never for the whole table: a million-row file
scrolls as before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tracker.services import attention
from tracker.services.plans import share_of_plan
from tracker.store import Store, keeping

#: Per table: the computed columns (names a row of a page gets), in the table's order.
COMPUTED: dict[str, tuple[str, ...]] = {"projects": ("plan_share", "attention")}
#: Per table: the stored columns the computation reads.
INPUTS: dict[str, tuple[str, ...]] = {"projects": attention.PROJECT_COLUMNS}


def computed(table: str) -> tuple[str, ...]:
    return COMPUTED.get(table, ())


def stored_columns(table: str, columns: Sequence[str]) -> list[str]:
    """``columns`` without the computed ones, with what computing them reads."""
    out = [c for c in columns if c not in computed(table)]
    if any(c in computed(table) for c in columns):
        out += [c for c in INPUTS.get(table, ()) if c not in out]
    return out


def annotate(store: Store, table: str, rows: Sequence[dict[str, Any] | None], *,
             columns: Sequence[str] | None = None, today: str | None = None) -> None:  # fmt: skip
    """Give each row of a page its computed ``columns`` (default: all), in place:
    ``plan_share`` (a Decimal percentage, None without a plan due) and ``attention`` (a
    tuple of reasons; it reads the page's updates, ~1.5 ms a page, so the table asks for
    it only while the column shows)."""
    columns = computed(table) if columns is None else columns
    present = [r for r in rows if r is not None]
    if not present or not columns:
        return
    today = today or dt.date.today().isoformat()
    ids = [r["id"] for r in present]
    planned = keeping.planned_to_date(store, as_of=today, project_ids=ids)
    if "plan_share" in columns:
        for r in present:
            r["plan_share"] = share_of_plan(disbursed=r.get("disbursed"),
                                            planned=planned.get(r["id"]))  # fmt: skip
    if "attention" in columns:
        reasons = attention.reasons_of(store, present, today=today, planned=planned)
        for r in present:
            r["attention"] = reasons.get(r["id"], ())
