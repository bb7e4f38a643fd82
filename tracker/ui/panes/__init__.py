"""The panes of the main window: table, form, update history, chart and dashboard."""

from __future__ import annotations
