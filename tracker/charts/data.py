"""Plain inputs of the chart builders.

The services layer fills these from the database; the builders never see SQL,
Qt or the domain records. Everything here is already human: labels are
translated names (not codes), amounts are ``Decimal`` in decimal units of the
reporting currency (already converted with the fx rates). The only codes are
the ``status`` fields, because they pick a fixed colour and hatch pattern.

Importing this module is cheap: it does not import matplotlib.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType

PROJECT_STATUSES: tuple[str, ...] = (
    "pipeline",
    "signed",
    "implementation",
    "completed",
    "suspended",
    "cancelled",
)
"""Project status codes, in pipeline order (the order charts draw them in)."""

RESIDENT_STATUSES: tuple[str, ...] = ("registered", "construction", "operating", "withdrawn")
"""Industrial-park resident status codes, in life-cycle order."""

_ENGLISH_STATUS_NAMES = MappingProxyType(
    {
        "pipeline": "Pipeline",
        "signed": "Signed",
        "implementation": "Implementation",
        "completed": "Completed",
        "suspended": "Suspended",
        "cancelled": "Cancelled",
        "registered": "Registered",
        "construction": "Construction",
        "operating": "Operating",
        "withdrawn": "Withdrawn",
    }
)


@dataclass(frozen=True, kw_only=True)
class ChartTexts:
    """The words the charts write themselves, so the window can pass translations.

    The defaults are English; the UI builds one instance per language (e.g.
    from ``tr()``) and passes it to every builder as ``texts=``. Strings with
    ``{…}`` placeholders are ``str.format`` templates.
    """

    no_data: str = "No data for this selection"
    more: str = "+ {n} more not shown"
    """Footer when only the first rows fit; ``{n}`` is the number left out."""
    committed: str = "Committed"
    disbursed: str = "Disbursed"
    amount: str = "Amount"
    """Axis of charts that show committed and disbursed on one scale."""
    disbursed_share: str = "Disbursed (% of committed)"
    """Legend entry of the disbursed bar; the bar's label shows the percentage."""
    cumulative_disbursed: str = "Cumulative disbursement"
    total_committed: str = "Committed: {amount}"
    """Label of the reference line in the cumulative chart; ``{amount}`` is formatted."""
    number_of_projects: str = "Number of projects"
    number_of_residents: str = "Number of residents"
    number_of_ventures: str = "Number of ventures"
    declared_investment: str = "Declared investment"
    joint_venture: str = "Joint venture"
    foreign_owned: str = "Foreign-owned"
    planned: str = "Planned"
    today: str = "Today"
    amount_axis: str = "{what}, {unit} {currency}"
    """Axis label of money axes, e.g. "Committed, million USD"."""
    amount_axis_units: str = "{what}, {currency}"
    """Axis label when amounts are shown in plain units (small values)."""
    thousand: str = "thousand"
    million: str = "million"
    billion: str = "billion"
    decimal_sep: str = "."
    thousands_sep: str = ","
    """Separators for numbers on the chart; Russian uses "," and a no-break space."""
    status_names: Mapping[str, str] = field(default_factory=lambda: _ENGLISH_STATUS_NAMES)
    """Status code → display name; codes left out fall back to English, then the code."""

    def status_name(self, code: str) -> str:
        """Display name of a status code, never failing on an unknown one."""
        return self.status_names.get(code) or _ENGLISH_STATUS_NAMES.get(code, code)


DEFAULT_TEXTS = ChartTexts()


@dataclass(frozen=True, kw_only=True)
class ChartData:
    """What every chart has: a title and an optional subtitle."""

    title: str
    """Chart title, e.g. "Portfolio by status"."""
    subtitle: str = ""
    """Second line under the title: filter and as-of text; empty for none."""


# --- projects -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StatusRow:
    """One project status in the portfolio."""

    status: str
    """Status code, one of ``PROJECT_STATUSES``."""
    count: int
    """Number of projects in this status."""
    committed: Decimal
    """Sum of their committed amounts, in the reporting currency."""


@dataclass(frozen=True, kw_only=True)
class StatusData(ChartData):
    """Input of the ``status`` chart: portfolio by status."""

    currency: str = "USD"
    """Reporting currency code (ISO 4217) of every amount."""
    rows: tuple[StatusRow, ...] = ()
    """One row per status; drawn in ``PROJECT_STATUSES`` order."""


@dataclass(frozen=True, kw_only=True)
class FinancingRow:
    """Committed and disbursed money of one group (a sector or a bank)."""

    label: str
    """Display name, e.g. "Energy" or "China Development Bank"."""
    committed: Decimal
    """Committed (contracted) amount, in the reporting currency."""
    disbursed: Decimal
    """Disbursed so far, in the reporting currency."""


@dataclass(frozen=True, kw_only=True)
class FinancingData(ChartData):
    """Input of the ``sector`` and ``bank`` charts: financing by group."""

    currency: str = "USD"
    """Reporting currency code of every amount."""
    rows: tuple[FinancingRow, ...] = ()
    """One row per group in any order; drawn largest committed first."""


@dataclass(frozen=True, kw_only=True)
class ProjectDisbursementRow:
    """Committed and disbursed money of one project."""

    code: str
    """Project code, e.g. "BY-EN-001"."""
    name: str
    """Project name; long names are shortened with an ellipsis."""
    committed: Decimal
    """Loan amount, in the reporting currency."""
    disbursed: Decimal
    """Disbursed so far, in the reporting currency."""


@dataclass(frozen=True, kw_only=True)
class DisbursementData(ChartData):
    """Input of the ``disbursement`` chart: disbursed vs committed per project."""

    currency: str = "USD"
    """Reporting currency code of every amount."""
    rows: tuple[ProjectDisbursementRow, ...] = ()
    """Any number of projects in any order; the largest committed are drawn."""


@dataclass(frozen=True, kw_only=True)
class TimelineRow:
    """One project's bar in the Gantt chart."""

    label: str
    """Display label, e.g. "BY-EN-001 Lukoml power plant"."""
    start: date
    """Start date (projects without one are left out by the caller)."""
    planned_end: date
    """Planned completion date."""
    status: str
    """Status code, one of ``PROJECT_STATUSES``."""
    actual_end: date | None = None
    """Actual completion date, when the project has ended."""


@dataclass(frozen=True, kw_only=True)
class TimelineData(ChartData):
    """Input of the ``timeline`` chart: project Gantt with a today line."""

    today: date
    """Where the today line is drawn and how far running projects are filled."""
    rows: tuple[TimelineRow, ...] = ()
    """Projects top to bottom in the given order (the caller sorts, e.g. by start)."""


@dataclass(frozen=True, kw_only=True)
class CumulativePoint:
    """Cumulative disbursed amount at one date."""

    date: date
    """Date of a disbursement (or of a reported update)."""
    amount: Decimal
    """Total disbursed up to and including that date, in the reporting currency."""


@dataclass(frozen=True, kw_only=True)
class CumulativeData(ChartData):
    """Input of the ``cumulative`` chart: cumulative disbursement over time."""

    currency: str = "USD"
    """Reporting currency code of every amount."""
    points: tuple[CumulativePoint, ...] = ()
    """The series; sorted by date by the builder."""
    committed_total: Decimal | None = None
    """Total committed of the same projects, drawn as a reference line; None for none."""


# --- residents and ventures -----------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CountryRow:
    """Residents from one country."""

    label: str
    """Country name in the user's language, e.g. "China", "Китай", "中国"."""
    count: int
    """Number of residents from this country."""
    declared_investment: Decimal | None = None
    """Their declared investment in the reporting currency; None when not shown."""


@dataclass(frozen=True, kw_only=True)
class ResidentsCountryData(ChartData):
    """Input of the ``residents_country`` chart: residents by country."""

    currency: str = "USD"
    """Reporting currency of the declared investment (unused if none is given)."""
    rows: tuple[CountryRow, ...] = ()
    """One row per country in any order; drawn most residents first. A second
    panel with declared investment appears when any row has one."""


@dataclass(frozen=True, kw_only=True)
class StatusCountRow:
    """Number of records in one status."""

    status: str
    """Status code, one of ``RESIDENT_STATUSES``."""
    count: int
    """Number of residents in this status."""


@dataclass(frozen=True, kw_only=True)
class ResidentsStatusData(ChartData):
    """Input of the ``residents_status`` chart: residents by status."""

    rows: tuple[StatusCountRow, ...] = ()
    """One row per status; drawn in ``RESIDENT_STATUSES`` order."""


@dataclass(frozen=True, kw_only=True)
class VentureSectorRow:
    """Ventures with foreign capital in one sector, by kind."""

    label: str
    """Sector display name."""
    joint_ventures: int
    """Ventures with a foreign share below 100 %."""
    foreign_owned: int
    """Wholly foreign-owned ventures (foreign share 100 %)."""


@dataclass(frozen=True, kw_only=True)
class VenturesData(ChartData):
    """Input of the ``ventures`` chart: ventures by kind and sector."""

    rows: tuple[VentureSectorRow, ...] = ()
    """One row per sector in any order; drawn most ventures first."""
