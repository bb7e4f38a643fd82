"""Editors and delegates shared by the panes."""

from __future__ import annotations

from tracker.ui.widgets.editors import ChoiceCombo, DateEdit, MoneyEdit
from tracker.ui.widgets.status_badge import STATUS_COLOURS, StatusBadgeDelegate

__all__ = ["STATUS_COLOURS", "ChoiceCombo", "DateEdit", "MoneyEdit", "StatusBadgeDelegate"]
