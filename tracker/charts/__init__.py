"""Chart builders: plain data in, a matplotlib ``Figure`` out.

No Qt, no SQL: the window puts the figure on a ``FigureCanvasQTAgg``, the CLI
and the PDF report write it with :func:`render`, printing goes through
:func:`figure_to_svg_bytes`. Import this package lazily (it loads matplotlib);
``tracker.charts.data`` alone does not.
"""

from __future__ import annotations

from tracker.charts.data import (
    DEFAULT_TEXTS,
    PROJECT_STATUSES,
    RESIDENT_STATUSES,
    ChartData,
    ChartTexts,
    CountryRow,
    CumulativeData,
    CumulativePoint,
    DisbursementData,
    FinancingData,
    FinancingRow,
    ProjectDisbursementRow,
    ResidentsCountryData,
    ResidentsStatusData,
    StatusCountRow,
    StatusData,
    StatusRow,
    TimelineData,
    TimelineRow,
    VenturesData,
    VentureSectorRow,
)
from tracker.charts.output import FORMATS, figure_to_svg_bytes, render
from tracker.charts.registry import CHARTS, ChartSpec, build_chart

__all__ = [
    "CHARTS",
    "DEFAULT_TEXTS",
    "FORMATS",
    "PROJECT_STATUSES",
    "RESIDENT_STATUSES",
    "ChartData",
    "ChartSpec",
    "ChartTexts",
    "CountryRow",
    "CumulativeData",
    "CumulativePoint",
    "DisbursementData",
    "FinancingData",
    "FinancingRow",
    "ProjectDisbursementRow",
    "ResidentsCountryData",
    "ResidentsStatusData",
    "StatusCountRow",
    "StatusData",
    "StatusRow",
    "TimelineData",
    "TimelineRow",
    "VentureSectorRow",
    "VenturesData",
    "build_chart",
    "figure_to_svg_bytes",
    "render",
]
