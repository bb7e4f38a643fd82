"""Qt item models over the store (paged: they hold ids, not rows)."""

from __future__ import annotations
