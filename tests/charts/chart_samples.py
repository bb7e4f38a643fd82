"""Realistic, fictional sample inputs for every chart (Cyrillic and Chinese labels included).

Shaped like the demo portfolio: about $8 billion from Chinese banks over 30+
projects, 68 park residents from 14 countries, 52 joint ventures and 118
foreign-owned companies.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from tracker.charts import (
    ChartData,
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

TODAY = date(2025, 6, 30)
SUBTITLE = "As of 2025-06-30 · all sectors, all banks · sample data"
M = Decimal(1_000_000)

PROJECTS: list[tuple[str, str, str, int, int, int, int, str]] = [
    # code, name, status, committed (M USD), disbursed %, start year, years planned, sector
    (
        "BY-EN-001",
        "Lukoml power plant modernisation, units 3–4",
        "completed",
        480,
        100,
        2012,
        4,
        "en",
    ),
    (
        "BY-EN-002",
        "Берёзовская ГРЭС — парогазовый блок 427 МВт",
        "completed",
        650,
        100,
        2011,
        4,
        "en",
    ),
    ("BY-EN-003", "Minsk CHP-5 gas turbine retrofit", "implementation", 320, 55, 2019, 5, "en"),
    ("BY-EN-004", "Grid interconnection Vitebsk–Polotsk", "implementation", 210, 40, 2021, 5, "en"),
    ("BY-EN-005", "Small hydro cascade on the Neman", "signed", 160, 0, 2025, 4, "en"),
    ("BY-EN-006", "Solar park Brest region 100 MW", "pipeline", 120, 0, 2026, 3, "en"),
    ("BY-IN-001", "Svetlogorsk bleached kraft pulp mill", "completed", 830, 100, 2012, 5, "in"),
    ("BY-IN-002", "Cement plant line — Krichev", "completed", 190, 100, 2012, 3, "in"),
    (
        "BY-IN-003",
        "Mogilev plant of sulphate bleached pulp",
        "implementation",
        480,
        78,
        2016,
        7,
        "in",
    ),
    ("BY-IN-004", "中白工业园 — 精密机械制造中心", "implementation", 150, 35, 2022, 4, "in"),
    ("BY-IN-005", "Glass fibre plant Polotsk extension", "suspended", 140, 22, 2018, 5, "in"),
    ("BY-IN-006", "Tyre factory Bobruisk new line", "cancelled", 90, 5, 2019, 3, "in"),
    ("BY-AG-001", "Dairy complex Grodno region", "completed", 95, 100, 2014, 3, "ag"),
    ("BY-AG-002", "Grain terminal and elevator network", "implementation", 170, 60, 2020, 5, "ag"),
    ("BY-AG-003", "Мясоперерабатывающий комбинат, Гомель", "signed", 85, 0, 2025, 3, "ag"),
    ("BY-AG-004", "Greenhouse cluster Minsk region", "pipeline", 60, 0, 2026, 2, "ag"),
    ("BY-LG-001", "Great Stone logistics hub, phase 2", "implementation", 260, 70, 2019, 6, "lg"),
    ("BY-LG-002", "Bremino–Orsha container terminal", "implementation", 140, 45, 2021, 4, "lg"),
    ("BY-LG-003", "Cold-chain warehouses along the M1", "pipeline", 75, 0, 2026, 2, "lg"),
    (
        "BY-TR-001",
        "Electrification Molodechno–Gudogai railway",
        "completed",
        190,
        100,
        2013,
        4,
        "tr",
    ),
    (
        "BY-TR-002",
        "Minsk ring road upgrade MKAD-2, section 4",
        "implementation",
        310,
        65,
        2018,
        6,
        "tr",
    ),
    ("BY-TR-003", "Electric buses for Minsk and Gomel", "completed", 110, 100, 2017, 3, "tr"),
    ("BY-TR-004", "Highway M5 Babruysk bypass", "suspended", 110, 18, 2019, 5, "tr"),
    ("BY-CO-001", "Housing estate for park employees", "implementation", 180, 50, 2020, 6, "co"),
    ("BY-CO-002", "Hotel and business centre Minsk", "completed", 160, 100, 2013, 4, "co"),
    ("BY-HC-001", "Regional oncology centre equipment", "signed", 95, 0, 2025, 3, "hc"),
    ("BY-HC-002", "Pharmaceutical plant — biologics", "pipeline", 140, 0, 2027, 3, "hc"),
    ("BY-IT-001", "National data centre expansion", "implementation", 120, 30, 2022, 4, "it"),
    ("BY-IT-002", "5G backbone Minsk agglomeration", "pipeline", 210, 0, 2026, 4, "it"),
    ("BY-RE-001", "Mixed-use district Great Stone (Phase 1)", "signed", 240, 0, 2025, 5, "re"),
    ("BY-OT-001", "Water treatment plants, six district towns", "pipeline", 95, 0, 2026, 3, "ot"),
    ("BY-OT-002", "Waste-to-energy plant Minsk", "cancelled", 60, 0, 2020, 4, "ot"),
    ("BY-EN-007", "Biomass boiler houses programme", "signed", 120, 0, 2025, 3, "en"),
    (
        "BY-IN-007",
        "Автосборочный завод «Белджи», вторая очередь",
        "implementation",
        330,
        85,
        2017,
        6,
        "in",
    ),
]

SECTOR_LABELS = {
    "en": "Energy",
    "in": "Промышленность",
    "ag": "Agriculture",
    "lg": "Logistics",
    "tr": "Transport",
    "co": "建筑业",
    "hc": "Healthcare",
    "it": "Information technology",
    "re": "Real estate",
    "ot": "Other",
}
BANKS = [
    "China Development Bank",
    "Export-Import Bank of China",
    "Industrial and Commercial Bank of China",
    "中国银行 (Bank of China)",
    "China Construction Bank",
    "Agricultural Bank of China",
]


def _amounts(committed_m: int, pct: int) -> tuple[Decimal, Decimal]:
    committed = committed_m * M + Decimal("12345.67")
    return committed, (committed * pct / 100).quantize(Decimal("0.01"))


def status_data() -> StatusData:
    totals: dict[str, tuple[int, Decimal]] = {}
    for _, _, status, committed_m, pct, *_ in PROJECTS:
        count, money = totals.get(status, (0, Decimal(0)))
        totals[status] = (count + 1, money + _amounts(committed_m, pct)[0])
    return StatusData(
        title="Portfolio by status",
        subtitle=SUBTITLE,
        currency="USD",
        rows=tuple(StatusRow(status=s, count=c, committed=m) for s, (c, m) in totals.items()),
    )


def _financing(key_of) -> tuple[FinancingRow, ...]:
    groups: dict[str, tuple[Decimal, Decimal]] = {}
    for i, row in enumerate(PROJECTS):
        committed, disbursed = _amounts(row[3], row[4])
        key = key_of(i, row)
        c, d = groups.get(key, (Decimal(0), Decimal(0)))
        groups[key] = (c + committed, d + disbursed)
    return tuple(FinancingRow(label=k, committed=c, disbursed=d) for k, (c, d) in groups.items())


def sector_data() -> FinancingData:
    return FinancingData(
        title="Financing by sector",
        subtitle=SUBTITLE,
        rows=_financing(lambda _i, row: SECTOR_LABELS[row[7]]),
    )


def bank_data() -> FinancingData:
    weights = [0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5]
    return FinancingData(
        title="Financing by bank",
        subtitle=SUBTITLE,
        rows=_financing(lambda i, _row: BANKS[weights[i % len(weights)]]),
    )


def disbursement_data() -> DisbursementData:
    return DisbursementData(
        title="Disbursed vs committed per project",
        subtitle=SUBTITLE,
        rows=tuple(
            ProjectDisbursementRow(code=code, name=name, committed=c, disbursed=d)
            for code, name, _, committed_m, pct, *_ in PROJECTS
            for c, d in [_amounts(committed_m, pct)]
        ),
    )


def timeline_data() -> TimelineData:
    rows = []
    for i, (code, name, status, _, _, start_year, years, _) in enumerate(PROJECTS):
        start = date(start_year, 1 + (i * 5) % 12, 1)
        planned = start.replace(year=start.year + years)
        actual = None
        if status == "completed":
            actual = planned + timedelta(days=(i % 4 - 1) * 120)
        rows.append(
            TimelineRow(
                label=f"{code} {name}",
                start=start,
                planned_end=planned,
                actual_end=actual,
                status=status,
            )
        )
    rows.sort(key=lambda r: (r.start, r.label))
    return TimelineData(title="Project timeline", subtitle=SUBTITLE, today=TODAY, rows=tuple(rows))


def cumulative_data() -> CumulativeData:
    quarter_ends = [
        date(year, month, day)
        for year in range(2011, 2026)
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31))
    ]
    points, total = [], Decimal(0)
    for step, day in enumerate(d for d in quarter_ends if d <= TODAY):
        total += (Decimal(40) + Decimal((step * 37) % 90)) * M + Decimal("0.55")
        points.append(CumulativePoint(date=day, amount=total))
    return CumulativeData(
        title="Cumulative disbursement",
        subtitle=SUBTITLE,
        points=tuple(points),
        committed_total=sum((_amounts(r[3], r[4])[0] for r in PROJECTS), Decimal(0)),
    )


def residents_country_data() -> ResidentsCountryData:
    countries = [
        ("中国", 38, 1650),
        ("Беларусь", 9, 210),
        ("Россия", 5, 120),
        ("Germany", 3, 95),
        ("United States", 2, 60),
        ("Israel", 2, 25),
        ("Lithuania", 2, 18),
        ("Switzerland", 1, 40),
        ("Austria", 1, 12),
        ("Kazakhstan", 1, 8),
        ("Latvia", 1, 5),
        ("United Kingdom of Great Britain and Northern Ireland", 1, 30),
        ("Netherlands", 1, 22),
        ("Czechia", 1, 9),
    ]
    return ResidentsCountryData(
        title="Great Stone residents by country",
        subtitle="As of 2025-06-30 · China–Belarus Great Stone Industrial Park · sample data",
        rows=tuple(
            CountryRow(label=label, count=count, declared_investment=money * M)
            for label, count, money in countries
        ),
    )


def residents_status_data() -> ResidentsStatusData:
    return ResidentsStatusData(
        title="Residents by status",
        subtitle="As of 2025-06-30 · all zones · sample data",
        rows=(
            StatusCountRow(status="operating", count=33),
            StatusCountRow(status="registered", count=14),
            StatusCountRow(status="construction", count=17),
            StatusCountRow(status="withdrawn", count=4),
        ),
    )


def ventures_data() -> VenturesData:
    rows = [
        ("Промышленность", 14, 31),
        ("Trade and logistics", 9, 27),
        ("Information technology", 6, 18),
        ("建筑业", 7, 12),
        ("Agriculture", 5, 9),
        ("Energy", 4, 6),
        ("Healthcare", 3, 5),
        ("Real estate", 2, 6),
        ("Other", 2, 4),
    ]
    return VenturesData(
        title="Ventures with Chinese capital by kind and sector",
        subtitle="As of 2025-06-30 · 52 joint ventures, 118 foreign-owned · sample data",
        rows=tuple(
            VentureSectorRow(label=label, joint_ventures=jv, foreign_owned=fo)
            for label, jv, fo in rows
        ),
    )


def plan_data():
    from tracker.charts.plan_data import PlanData, PlanPoint

    planned, actual, p, a = [], [], Decimal(0), Decimal(0)
    for step, day in enumerate(date(y, m, 30 if m == 6 else 31) for y in range(2019, 2028)
                               for m in (6, 12)):  # fmt: skip
        p += Decimal(20 + (step * 7) % 25) * M
        planned.append(PlanPoint(date=day, amount=p))
        if day <= TODAY:
            a += Decimal(14 + (step * 5) % 21) * M + Decimal("0.55")
            actual.append(PlanPoint(date=day, amount=a))
    return PlanData(title="Disbursement: plan against actual", subtitle=SUBTITLE, currency="USD",
                    planned=tuple(planned), actual=tuple(actual), today=TODAY,
                    committed_total=Decimal(600) * M)  # fmt: skip


SAMPLES = {
    "status": status_data,
    "sector": sector_data,
    "bank": bank_data,
    "disbursement": disbursement_data,
    "timeline": timeline_data,
    "cumulative": cumulative_data,
    "residents_country": residents_country_data,
    "residents_status": residents_status_data,
    "ventures": ventures_data,
    "plan": plan_data,
}


def empty(name: str) -> ChartData:
    """The chart's data class with a title and no rows."""
    from tracker.charts import CHARTS

    spec = CHARTS[name]
    extra = {"today": TODAY} if spec.data_type is TimelineData else {}
    return spec.data_type(title=spec.title, subtitle="Sector: Healthcare · Китай", **extra)
