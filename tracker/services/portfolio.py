"""Totals and key figures in a reporting currency, computed in SQL per
currency and converted exactly with the rates in force on the as-of date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from tracker.domain.filters import Filter
from tracker.domain.fx import Converter
from tracker.domain.money import from_minor
from tracker.store import Store

MONEY_COLUMNS = {
    "projects": ("amount", "disbursed"),
    "residents": ("declared_investment", "invested_to_date"),
    "ventures": ("charter_capital",),
}


@dataclass
class Totals:
    count: int
    currency: str
    as_of: str
    sums: dict[str, Decimal] = field(default_factory=dict)  # money column -> total in `currency`
    warning: str | None = None


def converter(store: Store, *, currency: str = "USD", as_of: str | None = None) -> Converter:
    return Converter(store.fx_table(), currency.upper(), as_of or dt.date.today().isoformat())


def totals(store: Store, *, kind: str, flt: Filter | None = None, currency: str = "USD",
           as_of: str | None = None, conv: Converter | None = None) -> Totals:  # fmt: skip
    """Count and money sums of what a filter shows, in the reporting currency."""
    conv = conv or converter(store, currency=currency, as_of=as_of)
    cols = MONEY_COLUMNS.get(kind, ())
    rows: list[dict] = []
    if cols:
        rows = store.totals_by_currency(kind, cols, flt)
    count = sum(r["n"] for r in rows) if cols else store.count(kind, flt)
    sums = {c: conv.total((r["currency"], from_minor(r[c] or 0)) for r in rows) for c in cols}
    return Totals(count, conv.target, conv.as_of, sums, conv.warning)


@dataclass
class KeyFigures:
    as_of: str
    currency: str
    projects: int = 0
    financing: Decimal = Decimal(0)
    disbursed: Decimal = Decimal(0)
    projects_by_status: dict[str, int] = field(default_factory=dict)
    residents: int = 0
    resident_countries: int = 0
    residents_by_zone: dict[str, int] = field(default_factory=dict)
    resident_countries_by_zone: dict[str, int] = field(default_factory=dict)
    ventures: int = 0
    joint_ventures: int = 0
    foreign_owned: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """Exact text (amounts as decimal strings), for keeping beside a picture of the charts."""
        # Not sort_keys: the zones' order is meaningful (largest first, the dashboard leads with it).
        return json.dumps(asdict(self), default=str, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> KeyFigures:
        d = json.loads(text)
        d["financing"], d["disbursed"] = Decimal(d["financing"]), Decimal(d["disbursed"])
        return cls(**d)

    @property
    def disbursed_pct(self) -> Decimal:
        return (
            (self.disbursed / self.financing * 100).quantize(Decimal("0.1"))
            if self.financing
            else Decimal(0)
        )


def key_figures(store: Store, *, currency: str = "USD", as_of: str | None = None,
                flt: Filter | None = None) -> KeyFigures:  # fmt: skip
    """The dashboard's figures; ``flt`` narrows the projects (others are shown whole)."""
    conv = converter(store, currency=currency, as_of=as_of)
    t = totals(store, kind="projects", flt=flt, conv=conv)
    k = KeyFigures(
        conv.as_of,
        conv.target,
        projects=t.count,
        financing=t.sums["amount"],
        disbursed=t.sums["disbursed"],
    )
    for r in store.projects_by_status(flt):  # from the chart cube when it can
        if r["n"]:
            k.projects_by_status[r["status"]] = k.projects_by_status.get(r["status"], 0) + r["n"]
    k.residents = store.count("residents")
    k.resident_countries = store.distinct_count("residents", "country")
    for r in store.residents_by_zone():
        k.residents_by_zone[r["zone"]] = r["n"]
        k.resident_countries_by_zone[r["zone"]] = r["countries"]
    for kind, n in store.counts_by("ventures", "kind").items():
        if kind == "joint_venture":
            k.joint_ventures = n
        else:
            k.foreign_owned = n
    k.ventures = k.joint_ventures + k.foreign_owned
    if conv.warning:
        k.warnings.append(conv.warning)
    return k
