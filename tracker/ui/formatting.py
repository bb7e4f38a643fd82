"""Numbers as the window shows them, for every part of the window (the table model, the
operations runner's progress line)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def format_count(n: int, locale: QLocale | None = None) -> str:
    """A whole number with the locale's thousands separator (also where Qt would omit it)."""
    loc = locale or QLocale()
    return f"{int(n):,}".replace(",", loc.groupSeparator())
