"""Words of the project brief and the needs-attention worklist that are written
outside the window too (``tracker brief``, the worklist's reasons): listed here so
pyside6-lupdate extracts them; tracker.services.translations reads the
translations back from the .ts files without Qt."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

BRIEF_STRINGS = (
    QT_TRANSLATE_NOOP("Brief", "Project brief · as of {date} · {database}"),
    QT_TRANSLATE_NOOP("Brief", "Disbursed, % of committed"),
    QT_TRANSLATE_NOOP("Brief", "Planned by {date}"),
    QT_TRANSLATE_NOOP("Brief", "Disbursed, % of plan"),
    QT_TRANSLATE_NOOP("Brief", "no plan"),
    QT_TRANSLATE_NOOP("Brief", "no exchange rate"),
    QT_TRANSLATE_NOOP("Brief", "Needs attention"),
    QT_TRANSLATE_NOOP("Brief", "Nothing needs attention."),
    QT_TRANSLATE_NOOP("Brief", "No disbursement plan."),
    QT_TRANSLATE_NOOP("Brief", "Last updates"),
    QT_TRANSLATE_NOOP("Brief", "No updates yet."),
    QT_TRANSLATE_NOOP("Brief", "As of"),
    QT_TRANSLATE_NOOP("Brief", "Note"),
    QT_TRANSLATE_NOOP("Brief", "{app} · generated {when} by {user}"),
)

ATTENTION_STRINGS = (
    QT_TRANSLATE_NOOP("Attention", "No recent update"),
    QT_TRANSLATE_NOOP("Attention", "Planned end passed"),
    QT_TRANSLATE_NOOP("Attention", "Behind plan"),
    QT_TRANSLATE_NOOP("Attention", "Disbursed fell"),
    QT_TRANSLATE_NOOP("Attention", "No exchange rate"),
    QT_TRANSLATE_NOOP("Attention", "Resident unchanged for a year"),
)

TEMPLATE_STRINGS = (QT_TRANSLATE_NOOP("Templates", "Codelists"),)
