"""Names of the charts, for the chart pane's menu and ``tracker chart --chart NAME``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure

from tracker.charts.data import (
    ChartData,
    CumulativeData,
    DisbursementData,
    FinancingData,
    ResidentsCountryData,
    ResidentsStatusData,
    StatusData,
    TimelineData,
    VenturesData,
)
from tracker.charts.plan_data import PlanData
from tracker.charts.plans import build_plan
from tracker.charts.projects import build_bank, build_disbursement, build_sector, build_status
from tracker.charts.residents import (
    build_residents_country,
    build_residents_status,
    build_ventures,
)
from tracker.charts.schedule import build_cumulative, build_timeline


@dataclass(frozen=True)
class ChartSpec:
    """One chart: its builder, the data it takes and an English title for menus."""

    name: str
    title: str
    data_type: type[ChartData]
    builder: Callable[..., Figure]


CHARTS: dict[str, ChartSpec] = {
    spec.name: spec
    for spec in (
        ChartSpec("status", "Portfolio by status", StatusData, build_status),
        ChartSpec("sector", "Financing by sector", FinancingData, build_sector),
        ChartSpec("bank", "Financing by bank", FinancingData, build_bank),
        ChartSpec(
            "disbursement",
            "Disbursed vs committed per project",
            DisbursementData,
            build_disbursement,
        ),
        ChartSpec("timeline", "Project timeline", TimelineData, build_timeline),
        ChartSpec("cumulative", "Cumulative disbursement", CumulativeData, build_cumulative),
        ChartSpec(
            "residents_country",
            "Residents by country",
            ResidentsCountryData,
            build_residents_country,
        ),
        ChartSpec(
            "residents_status", "Residents by status", ResidentsStatusData, build_residents_status
        ),
        ChartSpec("ventures", "Ventures by kind and sector", VenturesData, build_ventures),
        ChartSpec("plan", "Disbursement: plan against actual", PlanData, build_plan),
    )
}


def build_chart(name: str, data: ChartData, **options: Any) -> Figure:
    """Build a chart by name, checking that it got the data it draws.

    ``options`` are the builder's keyword arguments (``width_in``,
    ``height_in``, ``dpi``, ``texts``, ``max_rows``, ``reuse``: a figure an
    earlier call returned, drawn into again when it has the same make-up).
    """
    try:
        spec = CHARTS[name]
    except KeyError:
        raise KeyError(f"unknown chart {name!r}; known: {', '.join(CHARTS)}") from None
    if not isinstance(data, spec.data_type):
        raise TypeError(
            f"chart {name!r} needs {spec.data_type.__name__}, got {type(data).__name__}"
        )
    return spec.builder(data, **options)
