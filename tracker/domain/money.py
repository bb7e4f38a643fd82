"""Exact money: integer minor units in the database, Decimal in Python.

Every currency is kept at two decimal places (1,234,567.89 -> 123456789) so
that one scale serves SQL sums across currencies; ISO 4217 currencies with
fewer minor digits simply carry zeros.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

SCALE = 100
_QUANT = Decimal("0.01")
#: Largest amount accepted: SQLite integers are 64-bit; keep far below that.
MAX_MINOR = 10**17

_SPACES = re.compile(r"[\s\u00a0\u202f']")


def to_minor(value: Decimal) -> int:
    """Decimal units -> integer minor units; refuses more than two decimals."""
    q = value.quantize(_QUANT, rounding=ROUND_HALF_EVEN)
    if q != value:
        raise ValueError("has more than two decimal places")
    return int(q * SCALE)


def from_minor(minor: int | None) -> Decimal | None:
    if minor is None:
        return None
    return (Decimal(int(minor)) / SCALE).quantize(_QUANT)


def parse_decimal(
    text: str | int | float | Decimal, *, decimal_comma: bool | None = None
) -> Decimal:
    """Parse a number as people type it: '1 234 567,89', '1,234,567.89', '1234.5'.

    ``decimal_comma`` forces the reading of ',' (True: decimal separator,
    False: thousands separator); None guesses from the text.
    Raises ValueError with a human reason.
    """
    if isinstance(text, Decimal):
        return text
    if isinstance(text, bool):
        raise ValueError("is not a number")
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")):
            raise ValueError("is not a finite number")
        return Decimal(repr(text))
    s = _SPACES.sub("", str(text))
    if not s:
        raise ValueError("is empty")
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1]
    if s[:1] and s[:1] in "+-":  # "()" leaves nothing: "is not a number", not IndexError
        neg, s = (s[0] == "-") != neg, s[1:]
    has_comma, has_dot = "," in s, "." in s
    if has_comma and has_dot:
        # The later one is the decimal separator.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif has_comma:
        # Thousands groups: a lead of 1-3 digits (not a leading zero), then groups of
        # three ('1,234' is ambiguous and reads as thousands; '0,001' cannot be).
        parts = s.split(",")
        lead = parts[0]
        grouped = (
            all(len(p) == 3 for p in parts[1:]) and 1 <= len(lead) <= 3 and not lead.startswith("0")
        )
        if decimal_comma is None:
            decimal_comma = not grouped
        if decimal_comma:
            if s.count(",") > 1:
                raise ValueError("has more than one decimal comma")
            s = s.replace(",", ".")
        elif not grouped:
            # '1,5' in a file written with a decimal point: reading it as 15 would be silently wrong.
            raise ValueError(
                "has a comma that is not a thousands separator (the file uses a decimal point)"
            )
        else:
            s = s.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", s):
        raise ValueError("is not a number")
    try:
        d = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise ValueError("is not a number") from exc
    return -d if neg else d


def parse_money(text: str | int | float | Decimal, *, decimal_comma: bool | None = None) -> int:
    """Text or number in decimal units -> integer minor units."""
    d = parse_decimal(text, decimal_comma=decimal_comma)
    if d.is_finite() and abs(d) * SCALE >= MAX_MINOR:
        raise ValueError("is too large")  # checked first: quantizing a huge value overflows Decimal
    minor = to_minor(d)
    if abs(minor) >= MAX_MINOR:
        raise ValueError("is too large")
    return minor


def format_amount(
    value: Decimal | None, *, places: int = 2, group: str = ",", point: str = "."
) -> str:
    """Format a Decimal with thousands groups; locale-aware callers pass the separators."""
    if value is None:
        return ""
    q = Decimal(1).scaleb(-places)
    s = f"{abs(value.quantize(q, rounding=ROUND_HALF_EVEN)):,.{places}f}"
    s = s.replace(",", "\0").replace(".", point).replace("\0", group)
    return ("-" if value < 0 else "") + s
