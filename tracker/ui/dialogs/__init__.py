"""Dialogs opened from the main window (each module is imported when its action is used)."""

from __future__ import annotations
