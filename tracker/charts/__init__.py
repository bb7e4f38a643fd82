"""Chart builders: plain data in, a matplotlib ``Figure`` out.

No Qt, no SQL: the window puts the figure on a ``FigureCanvasQTAgg``, the CLI
and the PDF report write it with :func:`render`, printing goes through
:func:`figure_to_svg_bytes`.

Importing the package is cheap: the data classes come at once (the services
fill them without paying for matplotlib); matplotlib is loaded on first use of
``CHARTS``, ``build_chart``, ``render`` or ``figure_to_svg_bytes``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from tracker.charts.output import FORMATS, figure_to_svg_bytes, render
    from tracker.charts.registry import CHARTS, ChartSpec, build_chart

_LAZY = {
    "CHARTS": "tracker.charts.registry",
    "ChartSpec": "tracker.charts.registry",
    "build_chart": "tracker.charts.registry",
    "FORMATS": "tracker.charts.output",
    "figure_to_svg_bytes": "tracker.charts.output",
    "render": "tracker.charts.output",
}


def __getattr__(name: str) -> Any:
    """Load the matplotlib half of the package when it is first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
