"""Input of the plan-against-actual chart (no matplotlib: the services fill it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tracker.charts.data import ChartData


@dataclass(frozen=True, kw_only=True)
class PlanPoint:
    date: date
    amount: Decimal
    """Cumulative amount on that date, in decimal units of ``PlanData.currency``."""


@dataclass(frozen=True, kw_only=True)
class PlanData(ChartData):
    """Planned and actual cumulative disbursement of one project or of a portfolio."""

    currency: str = "USD"
    planned: tuple[PlanPoint, ...] = ()
    actual: tuple[PlanPoint, ...] = ()
    today: date | None = None
    committed_total: Decimal | None = None
    by_quarter: bool = False
    """Points are quarter ends (a portfolio) rather than the plan's and updates' own dates."""
