"""Names of linked records and codes (banks, zones, countries, sectors,
regions, currencies), read once from the small reference tables and kept
until a change to one of them: tables and combos show names, store ids/codes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from tracker.domain import codelists
from tracker.domain.fields import COUNTRY, CURRENCY, ENUM, REF, REGION, SECTOR, Field
from tracker.store import Store
from tracker.ui.i18n import label_for

REFERENCE_TABLES = ("banks", "zones", "countries", "sectors", "regions", "fx_rates")


def status_label(code: str | None) -> str:
    """The human label of a status/kind code, translated."""
    if code is None:
        return ""
    label = codelists.STATUS_LABELS.get(code, code)
    return QCoreApplication.translate("codelists", label)


class Lookups:
    def __init__(self, store: Store):
        self.store = store
        self.reload()

    def reload(self) -> None:
        s = self.store
        self.banks: dict[int, str] = {}
        self.bank_full: dict[int, str] = {}
        for r in s.rows("banks", order="name"):
            self.banks[r["id"]] = r["short_name"] or r["name"]
            self.bank_full[r["id"]] = r["name"]
        self.zones = {r["id"]: r["name"] for r in s.rows("zones", order="name")}
        # names in the window's language where the row has one (name_ru/name_zh), else English
        self.countries = {r["code"]: label_for(r) for r in s.rows("countries", order="name_en")}
        self.sectors = {r["code"]: label_for(r) for r in s.rows("sectors", order="name_en")}
        self.regions = {r["code"]: label_for(r) for r in s.rows("regions", order="name_en")}
        curs = s.distinct_values(("fx_rates",), "currency")
        self.currencies = sorted(curs | {"USD"})

    def concerns(self, table: str) -> bool:
        return table in REFERENCE_TABLES

    def name_map(self, f: Field) -> dict[Any, str] | None:
        """For a linked/coded field, value -> name; None for plain fields."""
        if f.type == REF:
            return {"banks": self.banks, "zones": self.zones}.get(f.ref_table or "")
        if f.type == COUNTRY:
            return self.countries
        if f.type == SECTOR:
            return self.sectors
        if f.type == REGION:
            return self.regions
        return None

    def display(self, f: Field, value: Any) -> str:
        if value is None:
            return ""
        if f.type == ENUM:
            return status_label(value)
        m = self.name_map(f)
        if m is not None:
            return m.get(value, str(value))
        return str(value)

    def choices(self, f: Field) -> Iterable[tuple[Any, str]]:
        """(value, label) pairs for a combo editing ``f``."""
        if f.type == ENUM:
            return [(c, status_label(c)) for c in f.choices]
        if f.type == CURRENCY:
            return [(c, c) for c in self.currencies]
        if f.type == REF and f.ref_table == "banks":
            return [(i, f"{self.bank_full[i]} ({n})" if n != self.bank_full[i] else n)
                    for i, n in sorted(self.banks.items(), key=lambda kv: self.bank_full[kv[0]])]  # fmt: skip
        m = self.name_map(f) or {}
        return sorted(m.items(), key=lambda kv: kv[1].lower())
