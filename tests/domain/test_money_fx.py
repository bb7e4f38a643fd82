"""Exact money (Decimal and integer minor units, never float) and fx conversion
that warns about a missing rate instead of counting it as zero."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.domain.fx import Converter, FxTable
from tracker.domain.money import format_amount, from_minor, parse_decimal, parse_money, to_minor


def test_minor_units_round_trip_exactly():
    for text in ("0.01", "0.10", "1234567.89", "99999999999999.99", "0"):
        d = Decimal(text)
        assert from_minor(to_minor(d)) == d
    assert from_minor(None) is None
    assert isinstance(from_minor(123), Decimal) and from_minor(123) == Decimal("1.23")


def test_float_input_is_read_through_its_shortest_text():
    # 0.1 + 0.2 as a float is 0.30000000000000004: refused, never silently rounded.
    with pytest.raises(ValueError, match="more than two decimal places"):
        parse_money(0.1 + 0.2)
    assert parse_money(1234567.89) == 123456789


def test_parse_decimal_forms():
    assert parse_decimal("(1 234,5)") == Decimal("-1234.5")
    assert parse_decimal("+1'234.50") == Decimal("1234.50")
    assert parse_decimal("1,234,567") == Decimal("1234567")
    assert parse_decimal("0,001") == Decimal("0.001")
    assert parse_decimal("1234,567", decimal_comma=None) == Decimal("1234.567")
    assert parse_decimal(".5") == Decimal("0.5")
    for bad in ("", "   ", "1..2", "1.2.3", "--1", "1-"):
        with pytest.raises(ValueError):
            parse_decimal(bad)
    with pytest.raises(ValueError, match="is not a number"):
        parse_decimal(True)


def test_format_amount():
    assert format_amount(Decimal("1234567.891")) == "1,234,567.89"
    assert format_amount(Decimal("-0.5"), group="\u00a0", point=",") == "-0,50"
    assert format_amount(None) == ""


@pytest.fixture
def table() -> FxTable:
    return FxTable.from_rows([
        ("CNY", "2020-01-01", 7.0), ("CNY", "2024-01-01", "7.25"), ("eur", "2024-01-01", Decimal("0.9")),
        ("BYN", "2024-06-01", 3.2),
    ])  # fmt: skip


def test_rate_in_force_on_date(table):
    assert table.per_usd("CNY", "2019-12-31") is None
    assert table.per_usd("CNY", "2020-01-01") == Decimal("7.0")
    assert table.per_usd("cny", "2023-12-31") == Decimal("7.0")
    assert table.per_usd("CNY", "2024-01-01") == Decimal("7.25")
    assert table.per_usd("EUR", "2030-01-01") == Decimal("0.9")
    assert table.per_usd("USD", "1900-01-01") == 1


def test_conversion_is_exact_decimal(table):
    c = Converter(table, "USD", "2024-06-30")
    out = c.convert(Decimal("725.00"), "CNY")
    assert out == Decimal("100.00") and isinstance(out, Decimal)
    assert Converter(table, "CNY", "2024-06-30").convert(Decimal("100"), "USD") == Decimal("725.00")
    assert Converter(table, "EUR", "2024-06-30").convert(Decimal("725"), "CNY") == Decimal("90.00")
    assert c.convert(None, "CNY") is None
    assert c.warning is None


def test_missing_rate_is_a_warning_never_zero(table):
    c = Converter(table, "USD", "2024-03-01")
    total = c.total([("USD", Decimal("10")), ("BYN", Decimal("32")), ("GBP", Decimal("5"))])
    assert total == Decimal("10")
    assert c.missing == {"BYN", "GBP"}
    assert "BYN, GBP" in c.warning and "2024-03-01" in c.warning and "left out" in c.warning
    assert c.convert(Decimal("1"), "BYN") is None  # not 0


def test_missing_target_rate_is_named(table):
    c = Converter(table, "GBP", "2024-03-01")
    assert c.convert(Decimal("1"), "USD") is None
    assert "GBP" in c.warning


def test_comma_in_a_decimal_point_file_is_refused_not_misread():
    assert parse_decimal("1,234,567.5", decimal_comma=False) == Decimal("1234567.5")
    assert parse_decimal("1,234", decimal_comma=False) == Decimal("1234")
    for text in ("1,5", "12,34", "1234,567", "0,100"):
        with pytest.raises(ValueError, match="not a thousands separator"):
            parse_decimal(text, decimal_comma=False)
    assert parse_decimal("1,5", decimal_comma=True) == Decimal("1.5")
