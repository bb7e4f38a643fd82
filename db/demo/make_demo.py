#!/usr/bin/env python3
"""Generate the demo portfolio CSV files in this folder.

Pure standard library, deterministic (fixed random seed): running it twice
writes byte-identical files. It does not import ``tracker``; the program
loads the CSVs through its normal import path (``tracker init --demo``).

All names are fictional sample data.

Usage:  python db/demo/make_demo.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

SEED = 20150101
TODAY = dt.date(2026, 11, 20)  # last date any "as of" value may take
FX_START = dt.date(2015, 1, 1)
FX_END = dt.date(2026, 11, 1)
TARGET_USD = Decimal("8000000000")

rng = random.Random(SEED)


# ---------------------------------------------------------------- helpers


def add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, min(d.day, 28))


def rand_date(start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def money(cents: int) -> str:
    """Integer minor units -> '350000000.00'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def units(amount: int | float | Decimal, step: int = 1) -> int:
    """Round a value in currency units to a multiple of ``step``; return cents."""
    q = (Decimal(str(amount)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(q) * step * 100


def sig6(value: float) -> Decimal:
    return Decimal(f"{value:.6g}")


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            assert len(row) == len(header), (path.name, row)
            w.writerow(["" if v is None else v for v in row])


# ---------------------------------------------------------------- fx rates

# Yearly anchor values (units per USD), linearly interpolated month by month
# with a little deterministic noise, then clamped to a plausible band.
FX_ANCHORS: dict[str, tuple[list[tuple[dt.date, float]], float, float]] = {
    "CNY": (
        [
            (dt.date(2015, 1, 1), 6.21),
            (dt.date(2016, 1, 1), 6.50),
            (dt.date(2017, 1, 1), 6.92),
            (dt.date(2018, 1, 1), 6.50),
            (dt.date(2019, 1, 1), 6.86),
            (dt.date(2020, 1, 1), 6.96),
            (dt.date(2021, 1, 1), 6.49),
            (dt.date(2022, 1, 1), 6.37),
            (dt.date(2023, 1, 1), 6.90),
            (dt.date(2024, 1, 1), 7.10),
            (dt.date(2025, 1, 1), 7.29),
            (dt.date(2026, 1, 1), 7.12),
            (dt.date(2026, 11, 1), 7.08),
        ],
        6.2,
        7.3,
    ),
    "BYN": (
        [
            (dt.date(2015, 1, 1), 1.52),
            (dt.date(2015, 12, 1), 1.86),
            (dt.date(2016, 1, 1), 2.00),
            (dt.date(2017, 1, 1), 2.00),
            (dt.date(2018, 1, 1), 2.02),
            (dt.date(2019, 1, 1), 2.15),
            (dt.date(2020, 1, 1), 2.11),
            (dt.date(2021, 1, 1), 2.58),
            (dt.date(2022, 1, 1), 2.55),
            (dt.date(2023, 1, 1), 2.72),
            (dt.date(2024, 1, 1), 3.20),
            (dt.date(2025, 1, 1), 3.27),
            (dt.date(2026, 1, 1), 3.02),
            (dt.date(2026, 11, 1), 2.96),
        ],
        1.5,
        3.3,
    ),
    "EUR": (
        [
            (dt.date(2015, 1, 1), 0.86),
            (dt.date(2016, 1, 1), 0.92),
            (dt.date(2017, 1, 1), 0.945),
            (dt.date(2018, 1, 1), 0.86),
            (dt.date(2019, 1, 1), 0.87),
            (dt.date(2020, 1, 1), 0.90),
            (dt.date(2021, 1, 1), 0.86),
            (dt.date(2022, 1, 1), 0.88),
            (dt.date(2023, 1, 1), 0.93),
            (dt.date(2024, 1, 1), 0.91),
            (dt.date(2025, 1, 1), 0.945),
            (dt.date(2026, 1, 1), 0.87),
            (dt.date(2026, 11, 1), 0.88),
        ],
        0.85,
        0.95,
    ),
    "RUB": (
        [
            (dt.date(2015, 1, 1), 56.0),
            (dt.date(2016, 1, 1), 73.0),
            (dt.date(2017, 1, 1), 60.5),
            (dt.date(2018, 1, 1), 57.6),
            (dt.date(2019, 1, 1), 69.5),
            (dt.date(2020, 1, 1), 62.0),
            (dt.date(2021, 1, 1), 74.0),
            (dt.date(2022, 1, 1), 75.0),
            (dt.date(2023, 1, 1), 70.0),
            (dt.date(2024, 1, 1), 89.5),
            (dt.date(2025, 1, 1), 98.0),
            (dt.date(2026, 1, 1), 80.0),
            (dt.date(2026, 11, 1), 81.5),
        ],
        55.0,
        100.0,
    ),
}
FX_CURRENCIES = ["USD", "CNY", "BYN", "EUR", "RUB"]


def interpolate(anchors: list[tuple[dt.date, float]], d: dt.date) -> float:
    for (d0, v0), (d1, v1) in zip(anchors, anchors[1:], strict=False):
        if d0 <= d <= d1:
            t = (d - d0).days / max((d1 - d0).days, 1)
            return v0 + (v1 - v0) * t
    return anchors[-1][1]


def make_fx() -> tuple[list[list[object]], dict[str, Decimal]]:
    months = []
    d = FX_START
    while d <= FX_END:
        months.append(d)
        d = add_months(d, 1)
    rows: list[list[object]] = []
    latest: dict[str, Decimal] = {"USD": Decimal(1)}
    for cur in FX_CURRENCIES:
        for d in months:
            if cur == "USD":
                rows.append([cur, iso(d), "1"])
                continue
            anchors, lo, hi = FX_ANCHORS[cur]
            v = interpolate(anchors, d) * (1 + rng.gauss(0, 0.006))
            v = min(max(v, lo), hi)
            rate = sig6(v)
            rows.append([cur, iso(d), str(rate)])
            latest[cur] = rate
    return rows, latest


# ---------------------------------------------------------------- projects

# name, sector, region, bank, borrower, currency, status, size (USD millions),
# description.  Sizes are USD-equivalent; the first project is the balancing
# item that makes the portfolio total exactly $8.0 billion.
PROJECTS = [
    # -- completed (12)
    (
        "Sample Pulp Mill Modernisation",
        "industry",
        "BY-HO",
        "China Exim",
        "Sample Pulp and Board JSC",
        "USD",
        "completed",
        None,
        "New bleached pulp line with a recovery boiler, wood yard and effluent treatment.",
    ),
    (
        "Sample Thermal Power Plant Upgrade",
        "energy",
        "BY-VI",
        "China Exim",
        "Sample Energo JSC",
        "USD",
        "completed",
        600,
        "Replacement of two coal-era units with a 400 MW gas-fired block.",
    ),
    (
        "Sample Combined-Cycle Power Unit",
        "energy",
        "BY-MI",
        "China Exim",
        "Sample Regional Power Grid JSC",
        "USD",
        "completed",
        500,
        "Turnkey 427 MW combined-cycle unit, including grid connection and a water treatment plant.",
    ),
    (
        "Sample Cardboard Mill Expansion",
        "industry",
        "BY-HO",
        "CDB",
        "Sample Paper Works JSC",
        "USD",
        "completed",
        350,
        "Second board machine, warehouse and rail siding for export shipments.",
    ),
    (
        "Sample Cement Line No. 1",
        "construction",
        "BY-MA",
        "China Exim",
        "Sample Cement OJSC",
        "USD",
        "completed",
        310,
        "Dry-process clinker line of 1.8 million tonnes a year replacing the old wet kilns.",
    ),
    (
        "Sample Cement Line No. 2",
        "construction",
        "BY-HR",
        "China Exim",
        "Sample Building Materials OJSC",
        "USD",
        "completed",
        290,
        "Second dry-process clinker line with a waste-heat power unit.",
    ),
    (
        "Sample Railway Electrification Phase 1",
        "transport",
        "BY-MI",
        "China Exim",
        "Sample Railways Enterprise",
        "USD",
        "completed",
        360,
        "Electrification of 190 km of main line, with traction substations and new signalling.",
    ),
    (
        "Sample Highway Reconstruction North Section",
        "transport",
        "BY-HO",
        "China Exim",
        "Sample Roads Directorate",
        "USD",
        "completed",
        520,
        "Upgrade of 120 km of trunk road to category I, four lanes, with bridges and interchanges.",
    ),
    (
        "Sample Dairy Processing Complex",
        "agriculture",
        "BY-BR",
        "BOC",
        "Sample Dairy Products OJSC",
        "CNY",
        "completed",
        95,
        "Milk powder and cheese plant processing 1,000 tonnes of raw milk a day.",
    ),
    (
        "Sample Regional Hospital Modernisation",
        "healthcare",
        "BY-HO",
        "ICBC",
        "Sample Health Facilities Unitary Enterprise",
        "USD",
        "completed",
        120,
        "Diagnostic imaging, operating theatres and a new surgical wing for a regional hospital.",
    ),
    (
        "Sample Grain Storage and Elevator Network",
        "agriculture",
        "BY-MA",
        "ABC",
        "Sample Agro Holding",
        "CNY",
        "completed",
        80,
        "Twelve grain elevators with drying and cleaning lines across the region.",
    ),
    (
        "Sample Logistics Centre West",
        "logistics",
        "BY-BR",
        "CCB",
        "Sample Logistics JSC",
        "USD",
        "completed",
        110,
        "Class A bonded warehouse and container yard near the western border crossing.",
    ),
    # -- implementation (12)
    (
        "Sample Railway Electrification Phase 2",
        "transport",
        "BY-HO",
        "China Exim",
        "Sample Railways Enterprise",
        "USD",
        "implementation",
        440,
        "Electrification of a further 230 km of line, including locomotive depot works.",
    ),
    (
        "Sample Hydro Power Plant",
        "energy",
        "BY-VI",
        "CDB",
        "Sample Hydroenergo JSC",
        "USD",
        "implementation",
        260,
        "Run-of-river hydro plant of 40 MW with a navigation lock and fish pass.",
    ),
    (
        "Sample Highway Reconstruction South Section",
        "transport",
        "BY-HO",
        "China Exim",
        "Sample Roads Directorate",
        "USD",
        "implementation",
        380,
        "Reconstruction of 95 km of trunk road, with a bypass, two bridges and service areas.",
    ),
    (
        "Sample Industrial Park Infrastructure Stage 2",
        "construction",
        "BY-MI",
        "CDB",
        "Sample Park Development Company",
        "USD",
        "implementation",
        300,
        "Roads, utilities, substations and a business centre for the second stage of an industrial park.",
    ),
    (
        "Sample Automotive Components Plant",
        "industry",
        "BY-MI",
        "CDB",
        "Sample Auto Components JSC",
        "CNY",
        "implementation",
        180,
        "Plant for engines, gearboxes and body panels supplying a local car assembly line.",
    ),
    (
        "Sample Poultry Complex",
        "agriculture",
        "BY-VI",
        "ABC",
        "Sample Agrocombinat OJSC",
        "CNY",
        "implementation",
        75,
        "Broiler farm, feed mill and processing plant for 60,000 tonnes of meat a year.",
    ),
    (
        "Sample Multimodal Logistics Hub",
        "logistics",
        "BY-VI",
        "BOC",
        "Sample Logistics Terminal JSC",
        "EUR",
        "implementation",
        140,
        "Rail-road container terminal, customs post and warehouses on the east-west corridor.",
    ),
    (
        "Sample City Housing Estate",
        "real_estate",
        "BY-HM",
        "ICBC",
        "Sample Housing Construction Trust",
        "USD",
        "implementation",
        210,
        "About 2,400 flats with schools, clinics and district heating in a new city district.",
    ),
    (
        "Sample Glass Fibre Plant",
        "industry",
        "BY-HO",
        "China Exim",
        "Sample Fibreglass OJSC",
        "USD",
        "implementation",
        230,
        "Glass fibre and composite roving plant of 80,000 tonnes a year.",
    ),
    (
        "Sample IT Park Data Centre",
        "it",
        "BY-HM",
        "ICBC",
        "Sample Digital Infrastructure LLC",
        "USD",
        "implementation",
        90,
        "Tier III data centre and cloud platform for public services and IT park residents.",
    ),
    (
        "Sample Wind and Solar Farm",
        "energy",
        "BY-HR",
        "CDB",
        "Sample Green Energy JSC",
        "EUR",
        "implementation",
        150,
        "Wind park of 60 MW and a 40 MW solar field with battery storage.",
    ),
    (
        "Sample Biomass Heating Plants Programme",
        "energy",
        "BY-MA",
        "BOC",
        "Sample Teplo Unitary Enterprise",
        "CNY",
        "implementation",
        85,
        "Conversion of district boiler houses to wood chips and peat, in nine towns.",
    ),
    # -- signed (4)
    (
        "Sample Oncology Centre",
        "healthcare",
        "BY-HM",
        "ICBC",
        "Sample Health Facilities Unitary Enterprise",
        "USD",
        "signed",
        95,
        "Radiotherapy and oncology centre with 300 beds and a proton therapy bunker.",
    ),
    (
        "Sample Feed Mill and Agro-Processing Plant",
        "agriculture",
        "BY-HR",
        "ABC",
        "Sample Agro Holding",
        "CNY",
        "signed",
        60,
        "Compound feed mill, oilseed crushing and storage for regional farms.",
    ),
    (
        "Sample Ring Road Interchange",
        "transport",
        "BY-MI",
        "China Exim",
        "Sample Roads Directorate",
        "USD",
        "signed",
        240,
        "Three multi-level interchanges and a bridge on the capital ring road.",
    ),
    (
        "Sample Electric Bus Assembly Plant",
        "industry",
        "BY-HM",
        "CCB",
        "Sample Electric Transport JSC",
        "CNY",
        "signed",
        110,
        "Assembly plant for 600 electric buses a year, with a battery pack shop.",
    ),
    # -- pipeline (3)
    (
        "Sample Pumped Storage Plant",
        "energy",
        "BY-VI",
        "CDB",
        "Sample Energo JSC",
        "USD",
        "pipeline",
        300,
        "Feasibility-stage pumped storage plant to balance the national grid.",
    ),
    (
        "Sample Cold Chain Logistics Network",
        "logistics",
        "BY-BR",
        "CCB",
        "Sample Logistics JSC",
        "USD",
        "pipeline",
        70,
        "Refrigerated warehouses and a reefer truck fleet for food exports.",
    ),
    (
        "Sample Software Export Incubator",
        "it",
        "BY-HM",
        "BOC",
        "Sample Digital Infrastructure LLC",
        "USD",
        "pipeline",
        40,
        "Office campus, labs and venture fund for software export start-ups.",
    ),
    # -- suspended (2)
    (
        "Sample Sugar Refinery Modernisation",
        "agriculture",
        "BY-BR",
        "BOC",
        "Sample Sugar Refinery OJSC",
        "USD",
        "suspended",
        70,
        "Beet processing line upgrade and a biogas plant, on hold pending a new feasibility study.",
    ),
    (
        "Sample Metallurgical Furnace Upgrade",
        "industry",
        "BY-HO",
        "CDB",
        "Sample Steel Works OJSC",
        "USD",
        "suspended",
        220,
        "Electric arc furnace and rolling mill upgrade, suspended after equipment delivery delays.",
    ),
    # -- cancelled (1)
    (
        "Sample River Port Terminal",
        "logistics",
        "BY-HO",
        "ICBC",
        "Sample River Shipping JSC",
        "USD",
        "cancelled",
        60,
        "Grain and container terminal on the river, cancelled by the borrower before first drawdown.",
    ),
]

NOTES_EN = {
    "signed": [
        "Loan agreement signed",
        "Credit agreement signed, conditions precedent met",
        "Financing agreement signed at intergovernmental commission",
    ],
    "start": ["Site works started", "Main contractor mobilised", "First tranche disbursed"],
    "implementation": [
        "Equipment delivered to site",
        "Tranche disbursed",
        "Civil works on schedule",
        "Installation of main equipment, slight delay",
        "Inspection visit by bank, no findings",
    ],
    "completed": [
        "Commissioning completed",
        "Final acceptance certificate signed",
        "Facility handed over to operator",
    ],
    "suspended": [
        "Works suspended pending revised feasibility study",
        "Disbursements frozen, borrower requests restructuring",
    ],
}
NOTES_RU = {
    "signed": ["Подписан кредитный договор", "Подписано кредитное соглашение"],
    "start": ["Начаты строительно-монтажные работы", "Выделен первый транш"],
    "implementation": [
        "Поставка оборудования завершена",
        "Выделен очередной транш",
        "Работы идут по графику",
        "Монтаж оборудования, небольшое отставание",
    ],
    "completed": ["Объект введён в эксплуатацию", "Подписан акт приёмки"],
    "suspended": ["Работы приостановлены", "Финансирование приостановлено по просьбе заёмщика"],
}
AUTHORS = ["desk officer (sample)", "senior analyst (sample)", "project monitor (sample)"]


def note_for(status: str) -> str:
    pool = NOTES_RU if rng.random() < 0.35 else NOTES_EN
    return rng.choice(pool[status])


def make_projects(
    latest: dict[str, Decimal],
) -> tuple[list[list[object]], list[list[object]], Decimal]:
    # 1. amounts (cents), balancing the first project to hit the target
    amounts: list[int] = []
    for _name, _s, _r, _b, _bo, cur, _st, size, _d in PROJECTS:
        if size is None:
            amounts.append(0)
            continue
        local = Decimal(size) * 1_000_000 * latest[cur]
        step = 1_000_000 if cur == "USD" else (10_000_000 if cur == "CNY" else 1_000_000)
        amounts.append(units(local, step))
    others_usd = sum(
        Decimal(a) / 100 / latest[p[5]] for a, p in zip(amounts, PROJECTS, strict=True) if p[7]
    )
    assert PROJECTS[0][5] == "USD"
    amounts[0] = units(TARGET_USD - others_usd, 1_000_000)

    projects: list[list[object]] = []
    updates: list[list[object]] = []
    for i, (p, amount) in enumerate(zip(PROJECTS, amounts, strict=True)):
        name, sector, region, bank, borrower, cur, status, _size, desc = p
        code = f"BY-CN-{i + 1:03d}"
        agreement = start = planned = actual = None
        rate = f"{rng.choice([2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6]) + rng.choice([0, 0, 0.15, 0.25, 0.35]):.2f}"
        maturity: object = rng.randint(10, 20)
        grace: object = rng.randint(2, 5)
        if status == "completed":
            agreement = rand_date(dt.date(2010, 3, 1), dt.date(2017, 6, 30))
            start = add_months(agreement, rng.randint(2, 10))
            planned = add_months(start, rng.randint(36, 60))
            actual = add_months(planned, rng.randint(-3, 18))
            actual = min(max(actual, add_months(start, 24)), dt.date(2026, 9, 30))
            progress = 100
            disbursed = (
                amount if i != 9 else units(Decimal(amount) / 100 * Decimal("0.987"), 100_000)
            )
        elif status == "implementation":
            agreement = rand_date(dt.date(2018, 1, 1), dt.date(2024, 12, 31))
            start = add_months(agreement, rng.randint(2, 12))
            planned = rand_date(
                max(add_months(start, 48), dt.date(2027, 3, 1)), dt.date(2030, 6, 30)
            )
            elapsed = (TODAY - start).days / max((planned - start).days, 1)
            progress = int(min(95, max(10, round(elapsed * 100 + rng.randint(-12, 8)))))
            frac = min(0.97, max(0.05, progress / 100 + rng.uniform(-0.08, 0.06)))
            disbursed = units(Decimal(amount) / 100 * Decimal(str(frac)), 100_000)
        elif status == "signed":
            agreement = rand_date(dt.date(2025, 1, 1), dt.date(2026, 9, 30))
            start = rand_date(dt.date(2026, 12, 1), dt.date(2027, 9, 30))
            planned = min(add_months(start, rng.randint(30, 48)), dt.date(2030, 12, 31))
            progress, disbursed = 0, 0
        elif status == "pipeline":
            start = dt.date(2027, rng.randint(1, 12), 1)
            planned = add_months(start, rng.randint(30, 40))
            progress, disbursed = 0, 0
            rate, maturity, grace = "", "", ""  # terms not yet agreed
        elif status == "suspended":
            agreement = rand_date(dt.date(2014, 1, 1), dt.date(2018, 6, 30))
            start = add_months(agreement, rng.randint(3, 9))
            planned = add_months(start, rng.randint(36, 48))
            progress = rng.randint(30, 60)
            disbursed = units(
                Decimal(amount) / 100 * Decimal(progress + rng.randint(-5, 10)) / 100, 100_000
            )
        elif status == "cancelled":
            agreement = dt.date(2019, 4, 16)
            start = dt.date(2020, 3, 1)
            planned = dt.date(2023, 12, 31)
            progress, disbursed = 0, 0
        else:  # pragma: no cover
            raise ValueError(status)
        assert 0 <= disbursed <= amount

        projects.append(
            [
                code,
                f"{name} (sample)",
                sector,
                region,
                bank,
                borrower,
                money(amount),
                cur,
                money(disbursed),
                status,
                iso(agreement),
                iso(start),
                iso(planned),
                iso(actual),
                progress,
                desc,
                rate,
                maturity,
                grace,
            ]
        )
        if status in ("completed", "implementation", "suspended"):
            updates.extend(history(code, status, agreement, start, actual, progress, disbursed))
    total = sum(Decimal(a) / 100 / latest[p[5]] for a, p in zip(amounts, PROJECTS, strict=True))
    return projects, updates, total


def history(
    code: str,
    status: str,
    agreement: dt.date,
    start: dt.date,
    actual: dt.date | None,
    progress: int,
    disbursed: int,
) -> list[list[object]]:
    """2-8 updates ending exactly at the project's current state."""
    n = rng.randint(2, 8)
    # first row: signing; last row: current state; middle rows: implementation
    n_mid = n - 2
    if status == "completed":
        final_date = actual
    elif status == "suspended":
        final_date = add_months(start, rng.randint(30, 48))
    else:
        final_date = rand_date(dt.date(2026, 3, 1), TODAY)
    if status == "suspended":
        n_mid = max(n_mid, 1)  # it was under way before it stopped
    lo, hi = start, final_date - dt.timedelta(days=1)
    days: list[dt.date] = []
    while len(days) < n_mid:
        d = rand_date(lo, hi)
        if d not in days and d != agreement:
            days.append(d)
    days.sort()
    span = max((final_date - start).days, 1)
    rows: list[list[object]] = [
        [code, iso(agreement), "signed", 0, money(0), note_for("signed"), rng.choice(AUTHORS)]
    ]
    prev_p, prev_d = 0, 0
    for d in days:
        if status == "suspended" and d == days[-1]:
            p_i, d_i = progress, disbursed  # last implementation row before stopping
        else:
            t = (d - start).days / span  # share of the way to the last update
            f = min(0.99, max(0.0, t + rng.uniform(-0.05, 0.05)))
            p_i = min(progress, max(prev_p, int(progress * f)))
            g = Decimal(str(round(min(1.0, f * rng.uniform(0.9, 1.05)), 4)))
            d_i = min(disbursed, max(prev_d, units(Decimal(disbursed) / 100 * g, 100_000)))
        kind = "start" if d == days[0] and p_i < 20 else "implementation"
        rows.append(
            [code, iso(d), "implementation", p_i, money(d_i), note_for(kind), rng.choice(AUTHORS)]
        )
        prev_p, prev_d = p_i, d_i
    rows.append(
        [
            code,
            iso(final_date),
            status,
            progress,
            money(disbursed),
            note_for(status),
            rng.choice(AUTHORS),
        ]
    )
    return rows


# ---------------------------------------------------------------- residents

GREAT_STONE = "Great Stone Industrial Park"
BREMINO = "Bremino-Orsha SEZ"

# country -> number of Great Stone residents (14 countries, 68 residents)
GS_COUNTRIES = [
    ("CN", 40),
    ("BY", 6),
    ("RU", 5),
    ("DE", 3),
    ("US", 2),
    ("AT", 2),
    ("LT", 2),
    ("IL", 2),
    ("KZ", 1),
    ("CH", 1),
    ("SE", 1),
    ("IT", 1),
    ("FR", 1),
    ("SG", 1),
]

# hand-written non-Chinese names (sector), in the order of GS_COUNTRIES
GS_FOREIGN_NAMES = {
    "BY": [
        ("ООО Пример Логистик", "logistics"),
        ("ООО Пример Софт", "it"),
        ("Sample Belinvest Engineering LLC", "industry"),
        ("ОАО Пример Агро", "agriculture"),
        ("Sample Minsk Biotech LLC", "healthcare"),
        ("Sample Park Services JSC", "other"),
    ],
    "RU": [
        ("ЗАО Образец Фарм", "healthcare"),
        ("Sample Volga Composites LLC", "industry"),
        ("ООО Образец Строй", "construction"),
        ("Sample Ural Robotics LLC", "it"),
        ("Sample Neva Logistics LLC", "logistics"),
    ],
    "DE": [
        ("Musterwerk Präzision GmbH", "industry"),
        ("Beispiel Logistik GmbH", "logistics"),
        ("Sample Rhein Medizintechnik GmbH", "healthcare"),
    ],
    "US": [("Example Robotics Inc.", "it"), ("Sample Prairie Agritech Inc.", "agriculture")],
    "AT": [("Beispiel Holztechnik GmbH", "industry"), ("Sample Alpen Energy GmbH", "energy")],
    "LT": [("UAB Pavyzdys Logistika", "logistics"), ("UAB Sample Laser Systems", "industry")],
    "IL": [
        ("Sample Negev Water Tech Ltd.", "industry"),
        ("Sample Galil Medical Ltd.", "healthcare"),
    ],
    "KZ": [("Sample Steppe Grain LLP", "agriculture")],
    "CH": [("Beispiel Sensorik AG", "it")],
    "SE": [("Exempel Modular Homes AB", "construction")],
    "IT": [("Esempio Macchine S.r.l.", "industry")],
    "FR": [("Exemple Cosmétiques SAS", "other")],
    "SG": [("Sample Straits Trading Pte. Ltd.", "logistics")],
}

CN_CHAR_NAMES = [
    ("中白示例机械有限公司", "industry"),
    ("示例新材料科技有限公司", "industry"),
    ("示例物流（明斯克）有限公司", "logistics"),
    ("示例生物医药有限公司", "healthcare"),
]

CN_BRANDS = [
    "Tianlu",
    "Jinhe",
    "Hualan",
    "Xinyuan",
    "Longfeng",
    "Mingtai",
    "Ruixiang",
    "Haoyun",
    "Zhongbai",
    "Baiyun",
    "Kaixin",
    "Shenglong",
    "Yuanhang",
    "Dongsheng",
    "Huaxing",
    "Jiaxin",
    "Qingshan",
    "Hengtai",
    "Fuxing",
    "Anda",
    "Lianhe",
    "Changjiang",
    "Taihe",
    "Xinhua",
    "Guangyu",
    "Weiye",
    "Hongda",
    "Jinqiao",
    "Tongda",
    "Sanhe",
]

CN_PRODUCTS = {
    "industry": [
        "Precision Machinery",
        "Composite Materials",
        "Laser Equipment",
        "Auto Parts",
        "Machine Tools",
        "Electric Motors",
        "Optical Fibre",
        "Hydraulics",
    ],
    "it": ["Telecom Equipment", "Smart Systems", "Software", "Big Data", "Electronics"],
    "healthcare": ["Biopharma", "Medical Devices", "Diagnostics"],
    "logistics": ["Logistics", "Supply Chain", "Freight Services"],
    "energy": ["New Energy", "Battery Systems", "Power Equipment"],
    "construction": ["Construction Engineering", "Building Materials"],
    "agriculture": ["Agritech", "Food Processing"],
    "real_estate": ["Property Development"],
    "other": ["Trading", "Consulting"],
}
CN_SECTOR_WEIGHTS = [
    ("industry", 14),
    ("it", 7),
    ("healthcare", 4),
    ("logistics", 4),
    ("energy", 3),
    ("construction", 2),
    ("agriculture", 1),
    ("real_estate", 1),
    ("other", 0),
]
CN_SUFFIX = ["Co., Ltd.", "LLC", "Co., Ltd.", "JSC"]

RES_NOTES = {
    "operating": [
        "",
        "",
        "",
        "Phase 2 planned",
        "Exports mostly to EAEU markets",
        "Joint R&D centre with a local university",
        "Production launched, ramping up",
        "Планируется вторая очередь",
        "Экспорт в страны ЕАЭС",
    ],
    "construction": [
        "",
        "",
        "Plant under construction",
        "Building shell complete, fit-out",
        "Equipment on order",
        "Идёт строительство производственного корпуса",
    ],
    "registered": [
        "",
        "Investment agreement signed",
        "Design documentation in progress",
        "Подписан инвестиционный договор",
    ],
}


def unique_cn_name(used: set[str], sector: str) -> str:
    while True:
        name = f"{rng.choice(CN_BRANDS)} {rng.choice(CN_PRODUCTS[sector])} {rng.choice(CN_SUFFIX)}"
        if name not in used:
            used.add(name)
            return name


def resident_row(
    name: str, zone: str, country: str, sector: str, status: str, used: set[str]
) -> list[object]:
    full = f"{name} (sample)"
    assert full not in used, full
    used.add(full)
    if status == "operating":
        reg = rand_date(dt.date(2014, 6, 1), dt.date(2022, 12, 31))
        inv_frac, job_frac = rng.uniform(0.5, 1.0), rng.uniform(0.6, 1.0)
    elif status == "construction":
        reg = rand_date(dt.date(2018, 1, 1), dt.date(2025, 12, 31))
        inv_frac, job_frac = rng.uniform(0.1, 0.7), rng.uniform(0.0, 0.3)
    elif status == "registered":
        reg = rand_date(dt.date(2023, 1, 1), dt.date(2026, 11, 15))
        inv_frac, job_frac = rng.uniform(0.0, 0.08), 0.0
    else:  # withdrawn
        reg = rand_date(dt.date(2015, 1, 1), dt.date(2020, 12, 31))
        inv_frac, job_frac = rng.uniform(0.0, 0.3), 0.0
    if country == "CN":
        cur = "CNY" if rng.random() < 0.18 else "USD"
    elif country in ("DE", "AT", "IT", "FR", "LT"):
        cur = "EUR" if rng.random() < 0.6 else "USD"
    else:
        cur = "USD"
    declared_usd = round(10 ** rng.uniform(6.0, 8.2), -4)  # 1 M .. ~160 M USD
    factor = {"USD": 1, "CNY": 7, "EUR": 0.9}[cur]
    declared = units(declared_usd * factor, 10_000)
    invested = units(Decimal(declared) / 100 * Decimal(str(round(inv_frac, 3))), 10_000)
    invested = min(invested, declared)
    jobs_planned = int(round(10 ** rng.uniform(1.3, 3.0), -1 if rng.random() < 0.7 else 0))
    jobs_planned = max(jobs_planned, 10)
    jobs_created = min(jobs_planned, int(jobs_planned * job_frac))
    if status == "withdrawn":
        notes = (
            "Withdrew from the zone, land plot returned"
            if rng.random() < 0.5
            else "Статус резидента прекращён"
        )
    else:
        notes = rng.choice(RES_NOTES[status])
    return [
        full,
        zone,
        country,
        sector,
        status,
        iso(reg),
        money(declared),
        money(invested),
        cur,
        jobs_planned,
        jobs_created,
        notes,
    ]


def make_residents() -> list[list[object]]:
    used: set[str] = set()
    cn_used: set[str] = set()
    # status mix for 68 Great Stone residents
    statuses = ["operating"] * 36 + ["construction"] * 20 + ["registered"] * 9 + ["withdrawn"] * 3
    rng.shuffle(statuses)
    cn_sectors = [s for s, k in CN_SECTOR_WEIGHTS for _ in range(k)]
    rng.shuffle(cn_sectors)
    rows: list[list[object]] = []
    k = 0
    for country, count in GS_COUNTRIES:
        if country == "CN":
            entries = list(CN_CHAR_NAMES)
            for sector in cn_sectors[: count - len(entries)]:
                entries.append((unique_cn_name(cn_used, sector), sector))
        else:
            entries = GS_FOREIGN_NAMES[country]
        assert len(entries) == count, country
        for name, sector in entries:
            rows.append(resident_row(name, GREAT_STONE, country, sector, statuses[k], used))
            k += 1
    bremino = [
        ("Sample Orsha Container Terminal", "BY", "logistics", "operating"),
        ("ООО Пример Бремино Агро", "BY", "agriculture", "construction"),
        ("示例奥尔沙仓储有限公司", "CN", "logistics", "construction"),
        ("Sample Dnieper Food Processing LLC", "RU", "agriculture", "operating"),
        ("Sample Vitebsk Modular Homes LLC", "CN", "construction", "registered"),
    ]
    for name, country, sector, status in bremino:
        rows.append(resident_row(name, BREMINO, country, sector, status, used))
    return rows


# ---------------------------------------------------------------- ventures

VENTURE_BRANDS = CN_BRANDS + [
    "Huayu",
    "Jinma",
    "Ruida",
    "Xingda",
    "Zhongtian",
    "Baifeng",
    "Yongsheng",
    "Haixin",
    "Dingxin",
    "Chenguang",
]
VENTURE_ACTIVITIES = {
    "industry": [
        "Machinery",
        "Auto Parts",
        "Electrical Equipment",
        "Textiles",
        "Plastics",
        "Furniture",
        "Metalware",
        "Chemicals",
    ],
    "it": ["Software", "Telecom", "Electronics", "IT Services"],
    "agriculture": ["Agro", "Food", "Tea Trading", "Feed"],
    "logistics": ["Logistics", "Freight", "Warehousing"],
    "transport": ["Transport", "Bus Service", "Rail Supplies"],
    "construction": ["Construction", "Engineering", "Building Materials"],
    "energy": ["Energy", "Solar", "Power Systems"],
    "healthcare": ["Pharma", "Medical", "Health Products"],
    "real_estate": ["Property", "Hotel Management"],
    "other": ["Trading", "Consulting", "Tourism", "Education"],
}
VENTURE_SECTOR_WEIGHTS = [
    ("industry", 50),
    ("other", 35),
    ("it", 20),
    ("agriculture", 15),
    ("logistics", 15),
    ("construction", 12),
    ("energy", 8),
    ("transport", 6),
    ("healthcare", 6),
    ("real_estate", 3),
]
PARTNER_CITIES = [
    "Harbin",
    "Shenyang",
    "Dalian",
    "Qingdao",
    "Jinan",
    "Zhengzhou",
    "Wuhan",
    "Changsha",
    "Chengdu",
    "Chongqing",
    "Xi'an",
    "Hangzhou",
    "Ningbo",
    "Suzhou",
    "Shenzhen",
    "Guangzhou",
    "Xiamen",
    "Hefei",
    "Nanjing",
    "Tianjin",
    "Beijing",
    "Shanghai",
    "Urumqi",
    "Kunming",
]
PARTNER_FORMS = [
    "Group Co., Ltd.",
    "Co., Ltd.",
    "Industrial Co., Ltd.",
    "Holdings Ltd.",
    "International Trade Co., Ltd.",
]
LOCAL_PARTNERS = [
    "Sample Belprom OJSC",
    "Sample Minsk Machine Works OJSC",
    "Sample Gomel Agro OJSC",
    "Sample Brest Trading Unitary Enterprise",
    "Sample Vitebsk Textile OJSC",
    "Sample Grodno Chemicals OJSC",
    "Sample Mogilev Lift Works OJSC",
    "Sample Belagroservice JSC",
    "Sample Minsk City Holding",
    "Sample Polesie Foods LLC",
    "Sample Belteleinvest JSC",
    "Sample Regional Development Fund",
    "Sample Bel-Tech Engineering LLC",
    "Sample Neman Timber OJSC",
    "ООО Пример Инвест",
    "ОАО Образец Машзавод",
    "Sample State Property Fund",
]
JV_SHARES = [
    Decimal("30"),
    Decimal("49"),
    Decimal("50"),
    Decimal("51"),
    Decimal("51"),
    Decimal("60"),
    Decimal("70"),
    Decimal("75.5"),
    Decimal("99"),
    Decimal("40"),
    Decimal("65"),
    Decimal("80"),
    Decimal("25"),
    Decimal("50"),
    Decimal("90"),
]
VENTURE_NOTES = [
    "",
    "",
    "",
    "",
    "Exports to the EAEU",
    "Supplier to a bank-backed project",
    "Branch office in Minsk",
    "Assembly from imported kits",
    "Учредитель — китайская компания",
    "Производство запущено",
]
REGION_WEIGHTS = [
    ("BY-HM", 60),
    ("BY-MI", 40),
    ("BY-BR", 15),
    ("BY-HO", 15),
    ("BY-VI", 15),
    ("BY-HR", 13),
    ("BY-MA", 12),
]


def weighted(pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def make_ventures() -> list[list[object]]:
    kinds = ["jv"] * 52 + ["wfoe"] * 118
    rng.shuffle(kinds)
    statuses = ["active"] * 148 + ["suspended"] * 10 + ["liquidated"] * 12
    rng.shuffle(statuses)
    used: set[str] = set()
    rows: list[list[object]] = []
    cyrillic_jv = ["СП ООО Пример-Хуа", "СП ЗАО Образец Шелковый Путь", "СП ООО Пример Бел-Синь"]
    for kind, status in zip(kinds, statuses, strict=True):
        sector = weighted(VENTURE_SECTOR_WEIGHTS)
        activity = rng.choice(VENTURE_ACTIVITIES[sector])
        if kind == "jv" and cyrillic_jv:
            base = cyrillic_jv.pop()
        else:
            while True:
                brand = rng.choice(VENTURE_BRANDS)
                if kind == "jv":
                    base = f"{brand}-Bel {activity} JV LLC"
                else:
                    base = f"{brand} {activity} {rng.choice(['FUE', 'LLC', 'FE LLC'])}"
                if f"{base} (sample)" not in used:
                    break
        name = f"{base} (sample)"
        assert name not in used
        used.add(name)
        partner_brand = (
            base.split()[0].split("-")[0] if base[0].isascii() else rng.choice(VENTURE_BRANDS)
        )
        partner = f"{rng.choice(PARTNER_CITIES)} {partner_brand} {activity} {rng.choice(PARTNER_FORMS)} (sample)"
        if kind == "jv":
            share = rng.choice(JV_SHARES)
            local = rng.choice(LOCAL_PARTNERS)
        else:
            share, local = Decimal(100), ""
        cur = weighted([("USD", 60), ("CNY", 20), ("BYN", 20)])
        cap_usd = round(10 ** rng.uniform(4.0, 7.5), -3)  # 10 k .. ~30 M USD
        cap = units(cap_usd * {"USD": 1, "CNY": 7, "BYN": 3}[cur], 1_000)
        if status == "liquidated":
            established = rand_date(dt.date(2003, 1, 1), dt.date(2019, 12, 31))
        elif rng.random() < 0.3:
            established = rand_date(dt.date(2000, 1, 1), dt.date(2026, 10, 31))
        else:
            established = rand_date(dt.date(2012, 1, 1), dt.date(2026, 10, 31))
        if status == "liquidated":
            notes = f"Liquidated in {rng.randint(established.year + 1, 2025)}"
        elif status == "suspended":
            notes = rng.choice(["Activity suspended by the owner", "Деятельность приостановлена"])
        else:
            notes = rng.choice(VENTURE_NOTES)
        rows.append(
            [
                name,
                partner,
                "CN",
                local,
                str(share),
                money(cap),
                cur,
                sector,
                weighted(REGION_WEIGHTS),
                iso(established),
                status,
                notes,
            ]
        )
    return rows


# ---------------------------------------------------------------- main

HEADERS = {
    "fx_rates.csv": ["currency", "date", "per_usd"],
    "projects.csv": [
        "code",
        "name",
        "sector",
        "region",
        "bank",
        "borrower",
        "amount",
        "currency",
        "disbursed",
        "status",
        "agreement_date",
        "start_date",
        "planned_end",
        "actual_end",
        "progress_pct",
        "description",
        "interest_rate",
        "maturity_years",
        "grace_years",
    ],
    "project_updates.csv": [
        "project",
        "as_of",
        "status",
        "progress_pct",
        "disbursed",
        "note",
        "author",
    ],
    "residents.csv": [
        "name",
        "zone",
        "country",
        "sector",
        "status",
        "registered_on",
        "declared_investment",
        "invested_to_date",
        "currency",
        "jobs_planned",
        "jobs_created",
        "notes",
    ],
    "ventures.csv": [
        "name",
        "foreign_partner",
        "partner_country",
        "local_partner",
        "foreign_share_pct",
        "charter_capital",
        "currency",
        "sector",
        "region",
        "established_on",
        "status",
        "notes",
    ],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    fx, latest = make_fx()
    projects, updates, total = make_projects(latest)
    residents = make_residents()
    ventures = make_ventures()

    data = {
        "fx_rates.csv": fx,
        "projects.csv": projects,
        "project_updates.csv": updates,
        "residents.csv": residents,
        "ventures.csv": ventures,
    }
    for fname, rows in data.items():
        write_csv(out / fname, HEADERS[fname], rows)
        print(f"{fname:22} {len(rows):4d} rows")
    print(
        "latest fx ("
        + FX_END.isoformat()
        + "): "
        + ", ".join(f"{c} {latest[c]}" for c in FX_CURRENCIES)
    )
    dev = (total - TARGET_USD) / TARGET_USD * 100
    print(f"projects total: {total:,.2f} USD ({dev:+.4f}% vs 8,000,000,000)")


if __name__ == "__main__":
    main()
