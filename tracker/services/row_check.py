"""Stored values that break the program's rules (issue 13): listed by ``check`` and
the window's start-up check, marked in the table, and refused plainly by the
exports, charts and the report, which would otherwise compute with them."""

from __future__ import annotations

from tracker.domain.fields import KINDS
from tracker.store import Store, StoreError
from tracker.store.row_rules import BadCell

__all__ = ["BadCell", "BrokenValues", "broken_cells", "refuse_if_broken"]

#: How many broken values a refusal names (``tracker check`` lists them all).
NAMED = 3


class BrokenValues(StoreError):
    """The file holds values that break the rules; the output would be wrong or fail."""

    def __init__(self, message: str, cells: list[BadCell]):
        super().__init__(message)
        self.cells = cells


def broken_cells(store: Store, *, tables: list[str] | None = None,
                 limit: int = 10_000) -> list[BadCell]:  # fmt: skip
    """Every stored value that breaks its field's rule, by table, key and column."""
    kinds = [KINDS[t] for t in (tables or list(KINDS)) if t in KINDS]
    finder = getattr(store, "broken_cells", None)
    if finder is None:  # PostgreSQL enforces column types and CHECKs itself: none can exist
        return []
    return finder(kinds, limit=limit)


def describe(cells: list[BadCell], *, named: int = NAMED) -> str:
    listed = "; ".join(c.describe() for c in cells[:named])
    more = f"; and {len(cells) - named} more" if len(cells) > named else ""
    return listed + more


def refuse_if_broken(store: Store, *, what: str) -> None:
    """Refuse ``what`` (an export, a chart, the report) plainly while stored values break
    the rules: a sum over ``'abc'`` is no figure to hand a manager."""
    cells = broken_cells(store, limit=1000)
    if not cells:
        return
    raise BrokenValues(
        f"{store.name}: {what} was not written: {len(cells)}{'+' if len(cells) >= 1000 else ''} "
        f"stored value(s) break the program's rules ({describe(cells)}). They were written by "
        f"another program; correct them in the window (marked ⚠) and try again "
        f"(tracker check --db {store.name} lists them all).",
        cells,
    )
