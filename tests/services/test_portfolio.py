"""Totals in a reporting currency: exact Decimal sums, rates in force on the
as-of date, and a visible warning (never a silent zero) for a missing rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.domain.filters import Filter
from tracker.services import edits, portfolio


def add(store, code, amount, currency, disbursed="0", status="signed", sector="energy"):
    edits.create_record(store, kind="projects", user="a", values={
        "code": code, "name": code, "sector": sector, "bank": "CDB", "amount": amount, "currency": currency,
        "disbursed": disbursed, "status": status})  # fmt: skip


@pytest.fixture
def mixed(store):
    for cur, date, rate in (
        ("CNY", "2020-01-01", "7"),
        ("CNY", "2024-01-01", "8"),
        ("EUR", "2024-01-01", "0.8"),
    ):
        edits.create_record(
            store,
            kind="fx_rates",
            values={"currency": cur, "date": date, "per_usd": rate},
            user="a",
        )
    add(store, "U1", "0.10", "USD", "0.05")
    add(store, "U2", "0.20", "USD")
    add(store, "C1", "700", "CNY", "70")
    add(store, "E1", "80", "EUR", status="completed", disbursed="80", sector="it")
    return store


def test_exact_decimal_sums(mixed):
    t = portfolio.totals(
        mixed, kind="projects", flt=Filter(sector=("energy",)), currency="USD", as_of="2021-06-30"
    )
    assert t.count == 3
    assert t.sums["amount"] == Decimal("100.30")  # 0.10 + 0.20 exactly, plus 700 CNY at 7
    assert all(isinstance(v, Decimal) for v in t.sums.values())
    assert t.sums["disbursed"] == Decimal("10.05")
    assert t.warning is None


def test_rate_in_force_on_as_of_date(mixed):
    t = portfolio.totals(mixed, kind="projects", currency="USD", as_of="2024-06-30")
    assert t.sums["amount"] == Decimal("0.30") + Decimal("87.50") + Decimal("100.00")
    t = portfolio.totals(mixed, kind="projects", currency="CNY", as_of="2024-06-30")
    assert t.sums["amount"] == Decimal("2.40") + Decimal("700") + Decimal("800.00")


def test_missing_rate_is_a_visible_warning(mixed):
    t = portfolio.totals(mixed, kind="projects", currency="USD", as_of="2019-06-30")
    assert t.sums["amount"] == Decimal("0.30")  # CNY and EUR left out, not counted as 0 silently
    assert t.warning and "CNY" in t.warning and "EUR" in t.warning and "2019-06-30" in t.warning
    k = portfolio.key_figures(mixed, currency="USD", as_of="2019-06-30")
    assert k.warnings and "left out" in k.warnings[0]
    t = portfolio.totals(mixed, kind="projects", currency="GBP", as_of="2024-06-30")
    assert "GBP" in t.warning


def test_key_figures(mixed):
    k = portfolio.key_figures(mixed, currency="USD", as_of="2024-06-30")
    assert k.projects == 4 and k.projects_by_status == {"signed": 3, "completed": 1}
    assert k.financing == Decimal("187.80") and k.disbursed == Decimal("108.80")
    assert k.disbursed_pct == Decimal("57.9")
    assert not k.warnings
    k = portfolio.key_figures(
        mixed, currency="USD", as_of="2024-06-30", flt=Filter(status=("completed",))
    )
    assert k.projects == 1 and k.financing == Decimal("100.00")


def test_empty_database(store):
    k = portfolio.key_figures(store, as_of="2024-01-01")
    assert k.projects == 0 and k.financing == 0 and k.disbursed_pct == 0 and not k.warnings
    t = portfolio.totals(store, kind="project_updates")
    assert t.count == 0 and t.sums == {}


def test_demo_totals_by_currency_match_rows(demo_store):
    """SQL per-currency sums equal a Python Decimal sum of every row converted alone."""
    as_of = "2026-11-27"
    conv = portfolio.converter(demo_store, currency="USD", as_of=as_of)
    t = portfolio.totals(demo_store, kind="projects", currency="USD", as_of=as_of)
    per_currency: dict[str, Decimal] = {}
    for r in demo_store.rows("projects"):
        per_currency[r["currency"]] = (
            per_currency.get(r["currency"], Decimal(0)) + Decimal(r["amount"]) / 100
        )
    assert t.sums["amount"] == sum(conv.convert(v, c) for c, v in per_currency.items())
