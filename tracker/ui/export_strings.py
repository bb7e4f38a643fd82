"""Words of the Excel snapshot, written outside the window too (``tracker export``):
listed here so pyside6-lupdate extracts them; tracker.services.export_book reads the
translations back from the .ts files without Qt."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

SHEET_STRINGS = (
    QT_TRANSLATE_NOOP("Sheet", "Summary"),
    QT_TRANSLATE_NOOP("Sheet", "Projects"),
    QT_TRANSLATE_NOOP("Sheet", "Updates"),
    QT_TRANSLATE_NOOP("Sheet", "Disbursement plans"),
    QT_TRANSLATE_NOOP("Sheet", "Residents"),
    QT_TRANSLATE_NOOP("Sheet", "Joint ventures"),
    QT_TRANSLATE_NOOP("Sheet", "Banks"),
    QT_TRANSLATE_NOOP("Sheet", "Zones"),
    QT_TRANSLATE_NOOP("Sheet", "FX rates"),
    QT_TRANSLATE_NOOP("Sheet", "Countries"),
    QT_TRANSLATE_NOOP("Sheet", "Sectors"),
    QT_TRANSLATE_NOOP("Sheet", "Regions"),
)

EXPORT_STRINGS = (
    QT_TRANSLATE_NOOP("Export", "Total"),
    QT_TRANSLATE_NOOP("Export", "{field} code"),
    QT_TRANSLATE_NOOP("Export", "Project name"),
    QT_TRANSLATE_NOOP("Export", "{field}, {currency}"),
    QT_TRANSLATE_NOOP("Export", "Portfolio snapshot as of {date}"),
    QT_TRANSLATE_NOOP("Export", "Portfolio snapshot"),
    QT_TRANSLATE_NOOP("Export", "all records"),
    QT_TRANSLATE_NOOP("Export", "Database"),
    QT_TRANSLATE_NOOP("Export", "As of"),
    QT_TRANSLATE_NOOP("Export", "Taken at (UTC)"),
    QT_TRANSLATE_NOOP("Export", "Filter"),
    QT_TRANSLATE_NOOP("Export", "Reporting currency"),
    QT_TRANSLATE_NOOP("Export", "Generator"),
    QT_TRANSLATE_NOOP("Export", "Key figures"),
    QT_TRANSLATE_NOOP("Export", "Sheets"),
    QT_TRANSLATE_NOOP("Export", "Warning"),
    QT_TRANSLATE_NOOP("Export", "Projects"),
    QT_TRANSLATE_NOOP("Export", "Projects: committed"),
    QT_TRANSLATE_NOOP("Export", "Projects: disbursed"),
    QT_TRANSLATE_NOOP("Export", "Residents"),
    QT_TRANSLATE_NOOP("Export", "Residents: declared investment"),
    QT_TRANSLATE_NOOP("Export", "Residents: invested to date"),
    QT_TRANSLATE_NOOP("Export", "Residents: countries"),
    QT_TRANSLATE_NOOP("Export", "Ventures"),
    QT_TRANSLATE_NOOP("Export", "Ventures: charter capital"),
    QT_TRANSLATE_NOOP("Export", "Joint ventures"),
    QT_TRANSLATE_NOOP("Export", "Foreign-owned"),
)
