"""Vocabularies and the reference data shipped with every new database."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

PROJECT_STATUSES = ("pipeline", "signed", "implementation", "completed", "suspended", "cancelled")
#: Statuses of projects still being followed in an update round.
ACTIVE_PROJECT_STATUSES = ("pipeline", "signed", "implementation", "suspended")
RESIDENT_STATUSES = ("registered", "construction", "operating", "withdrawn")
VENTURE_STATUSES = ("active", "suspended", "liquidated")
ZONE_KINDS = ("industrial_park", "sez", "fez")
VENTURE_KINDS = ("joint_venture", "foreign_owned")

STATUS_LABELS = {
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
    "active": "Active",
    "liquidated": "Liquidated",
    "joint_venture": "Joint venture",
    "foreign_owned": "Foreign-owned",
    "industrial_park": "Industrial park",
    "sez": "Special economic zone",
    "fez": "Free economic zone",
}

DEFAULT_BANKS = (
    # (name, short_name, country)
    ("China Development Bank", "CDB", "CN"),
    ("Export-Import Bank of China", "China Exim", "CN"),
    ("Industrial and Commercial Bank of China", "ICBC", "CN"),
    ("Bank of China", "BOC", "CN"),
    ("China Construction Bank", "CCB", "CN"),
    ("Agricultural Bank of China", "ABC", "CN"),
)

DEFAULT_SECTORS = (
    # (code, name_en, name_ru, name_zh)
    ("energy", "Energy", "Энергетика", "能源"),
    ("industry", "Industry", "Промышленность", "工业"),
    ("agriculture", "Agriculture", "Сельское хозяйство", "农业"),
    ("logistics", "Logistics", "Логистика", "物流"),
    ("transport", "Transport", "Транспорт", "交通运输"),
    ("construction", "Construction", "Строительство", "建筑"),
    ("healthcare", "Healthcare", "Здравоохранение", "医疗卫生"),
    ("it", "Information technology", "Информационные технологии", "信息技术"),
    ("real_estate", "Real estate", "Недвижимость", "房地产"),
    ("other", "Other", "Прочее", "其他"),
)

#: DAC 5-digit CRS purpose code (IATI Sector codelist, vocabulary 1) of each default sector;
#: its first three digits are the DAC 3-digit category (vocabulary 2). Editable per sector in
#: Reference data; every code is active in the shipped codelist (tracker.domain.iati_codes).
DEFAULT_SECTOR_CRS = {
    "energy": "23310",  # Energy generation, non-renewable sources, unspecified (cat. 233)
    "industry": "32120",  # Industrial development
    "agriculture": "31120",  # Agricultural development
    "logistics": "21061",  # Storage
    "transport": "21020",  # Road transport
    "construction": "32310",  # Construction policy and administrative management
    "healthcare": "12191",  # Medical services
    "it": "22040",  # Information and communication technology (ICT)
    "real_estate": "43030",  # Urban development and management
    "other": "99810",  # Sectors not specified
}

DEFAULT_REGIONS = (
    # ISO 3166-2:BY (code, name_en, name_ru)
    ("BY-BR", "Brest Region", "Брестская область"),
    ("BY-HM", "Minsk City", "г. Минск"),
    ("BY-HO", "Gomel Region", "Гомельская область"),
    ("BY-HR", "Grodno Region", "Гродненская область"),
    ("BY-MA", "Mogilev Region", "Могилёвская область"),
    ("BY-MI", "Minsk Region", "Минская область"),
    ("BY-VI", "Vitebsk Region", "Витебская область"),
)

#: The default regions in Chinese: the regions table has no name_zh column (names in
#: English and Russian only), so a Chinese window shows these for rows still as shipped.
REGION_NAMES_ZH = {
    "BY-BR": "布列斯特州",
    "BY-HM": "明斯克市",
    "BY-HO": "戈梅利州",
    "BY-HR": "格罗德诺州",
    "BY-MA": "莫吉廖夫州",
    "BY-MI": "明斯克州",
    "BY-VI": "维捷布斯克州",
}


def builtin_name(row: Mapping[str, Any], lang: str) -> str | None:
    """A default region's name in a language its table has no column for (Chinese), when
    the row still has its shipped English name (a renamed region shows as renamed)."""
    if lang != "zh" or row.get("name_zh"):
        return None
    code = row.get("code")
    shipped = {c: en for c, en, _ru in DEFAULT_REGIONS}.get(code) if isinstance(code, str) else None
    if shipped is not None and row.get("name_en") == shipped:
        return REGION_NAMES_ZH.get(code)
    return None


DEFAULT_ZONES = (
    ("Great Stone Industrial Park", "industrial_park"),
    ("Bremino-Orsha SEZ", "sez"),
    ("FEZ Minsk", "fez"),
    ("FEZ Brest", "fez"),
    ("FEZ Gomel-Raton", "fez"),
    ("FEZ Grodnoinvest", "fez"),
    ("FEZ Mogilev", "fez"),
    ("FEZ Vitebsk", "fez"),
)

#: ISO 4217 currencies offered in editors; any three-letter code is accepted.
COMMON_CURRENCIES = ("USD", "CNY", "BYN", "EUR", "RUB")


@cache
def countries() -> tuple[tuple[str, str, str, str], ...]:
    """ISO 3166-1 alpha-2 codes with English, Russian and Chinese names (Debian iso-codes)."""
    text = resources.files("tracker.domain").joinpath("data/countries.csv").read_text("utf-8")
    rows = list(csv.reader(text.splitlines()))
    return tuple((r[0], r[1], r[2], r[3]) for r in rows[1:])


def venture_kind(foreign_share_pct: float | None) -> str | None:
    """Joint venture below 100 % foreign share, wholly foreign-owned at 100 %."""
    if foreign_share_pct is None:
        return None
    return "foreign_owned" if foreign_share_pct >= 100 else "joint_venture"
