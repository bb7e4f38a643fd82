"""Conversion to a reporting currency with the rate in force on a date.

A missing rate is never a silent zero: the converter returns None for that
amount and records a warning that the window and reports show.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal


@dataclass
class FxTable:
    """Rates as units of currency per 1 USD, by currency, sorted by date."""

    rates: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, float | str | Decimal]]) -> FxTable:
        t = cls()
        for cur, date, per_usd in rows:
            t.rates.setdefault(cur.upper(), []).append(
                (
                    date,
                    Decimal(repr(per_usd)) if isinstance(per_usd, float) else Decimal(str(per_usd)),
                )
            )
        for lst in t.rates.values():
            lst.sort()
        return t

    def per_usd(self, currency: str, as_of: str) -> Decimal | None:
        """The latest rate on or before ``as_of``; USD is always 1."""
        currency = currency.upper()
        if currency == "USD":
            return Decimal(1)
        lst = self.rates.get(currency)
        if not lst:
            return None
        i = bisect.bisect_right(lst, (as_of, Decimal("Infinity")))
        if i == 0:
            return None
        return lst[i - 1][1]


@dataclass
class Converter:
    """Converts amounts into ``target`` at ``as_of``; collects warnings for missing rates."""

    table: FxTable
    target: str = "USD"
    as_of: str = "9999-12-31"
    missing: set[str] = field(default_factory=set)

    def convert(self, amount: Decimal | None, currency: str) -> Decimal | None:
        if amount is None:
            return None
        currency = currency.upper()
        if currency == self.target.upper():
            return amount
        src = self.table.per_usd(currency, self.as_of)
        dst = self.table.per_usd(self.target, self.as_of)
        if src is None or dst is None:
            self.missing.add(currency if src is None else self.target.upper())
            return None
        return (amount / src * dst).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)

    def total(self, by_currency: Iterable[tuple[str, Decimal | None]]) -> Decimal:
        """Sum of convertible amounts; unconvertible ones are left out and warned about."""
        s = Decimal(0)
        for cur, amt in by_currency:
            c = self.convert(amt, cur)
            if c is not None:
                s += c
        return s

    @property
    def warning(self) -> str | None:
        if not self.missing:
            return None
        curs = ", ".join(sorted(self.missing))
        return f"No exchange rate on or before {self.as_of} for {curs}: those amounts are left out of the {self.target} totals."
