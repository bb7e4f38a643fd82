"""The domain's rule messages in the user's language.

The domain and service layers say what is wrong in plain English ("is longer
than 200 characters", "'Atlantis' is not an ISO country code or name in the
reference data"): the command line, logs and tests read them so, and those
layers know nothing of Qt. The window shows them translated: each message
form is matched here, its variable parts (numbers, values typed, choices) kept
as they are, and the sentence around them translated in the context
"Validation". A message no rule knows is shown as it is, never lost.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tracker.domain.validation import ValidationError

#: (English message form, its template). Names in (?P<…>) go into the template's {…};
#: a part named ``reason`` is itself a message and is translated in turn.
_FORMS: tuple[tuple[str, str], ...] = (
    # tracker.domain.fields.clean_value / parse_date
    (r"is required", QT_TRANSLATE_NOOP("Validation", "is required")),
    (r"is longer than (?P<n>\d+) characters",
     QT_TRANSLATE_NOOP("Validation", "is longer than {n} characters")),
    (r"may hold only letters, digits and \. _ / - \(at most 40\)",
     QT_TRANSLATE_NOOP("Validation", "may hold only letters, digits and . _ / - (at most 40)")),
    (r"(?P<reason>.+) \(an amount like 1234567\.89\)",
     QT_TRANSLATE_NOOP("Validation", "{reason} (an amount like 1234567.89)")),
    (r"must not be negative", QT_TRANSLATE_NOOP("Validation", "must not be negative")),
    (r"must be a three-letter ISO 4217 code like USD",
     QT_TRANSLATE_NOOP("Validation", "must be a three-letter ISO 4217 code like USD")),
    (r"is not a real date \((?P<detail>.+)\)",
     QT_TRANSLATE_NOOP("Validation", "is not a real date ({detail})")),
    (r"is not a date \(use YYYY-MM-DD or DD\.MM\.YYYY\)",
     QT_TRANSLATE_NOOP("Validation", "is not a date (use YYYY-MM-DD or DD.MM.YYYY)")),
    (r"must be a whole number", QT_TRANSLATE_NOOP("Validation", "must be a whole number")),
    (r"must be at least (?P<n>\S+)", QT_TRANSLATE_NOOP("Validation", "must be at least {n}")),
    (r"must be at most (?P<n>\S+)", QT_TRANSLATE_NOOP("Validation", "must be at most {n}")),
    (r"is too large", QT_TRANSLATE_NOOP("Validation", "is too large")),
    (r"must be one of (?P<choices>.+)", QT_TRANSLATE_NOOP("Validation", "must be one of {choices}")),
    (r"'(?P<value>.*)' is not an ISO country code or name in the reference data",
     QT_TRANSLATE_NOOP("Validation", "'{value}' is not an ISO country code or name in the reference data")),
    (r"'(?P<value>.*)' is not a sector code or name in the reference data",
     QT_TRANSLATE_NOOP("Validation", "'{value}' is not a sector code or name in the reference data")),
    (r"'(?P<value>.*)' is not a region code \(BY-MI\) or name in the reference data",
     QT_TRANSLATE_NOOP("Validation", "'{value}' is not a region code (BY-MI) or name in the reference data")),
    (r"no bank with id (?P<id>\S+)", QT_TRANSLATE_NOOP("Validation", "no bank with id {id}")),
    (r"no zone with id (?P<id>\S+)", QT_TRANSLATE_NOOP("Validation", "no zone with id {id}")),
    (r"no project with id (?P<id>\S+)", QT_TRANSLATE_NOOP("Validation", "no project with id {id}")),
    (r"'(?P<value>.*)' is not a known bank", QT_TRANSLATE_NOOP("Validation", "'{value}' is not a known bank")),
    (r"'(?P<value>.*)' is not a known zone", QT_TRANSLATE_NOOP("Validation", "'{value}' is not a known zone")),
    (r"'(?P<value>.*)' is not a known project",
     QT_TRANSLATE_NOOP("Validation", "'{value}' is not a known project")),
    # tracker.domain.money
    (r"has more than two decimal places", QT_TRANSLATE_NOOP("Validation", "has more than two decimal places")),
    (r"is not a number", QT_TRANSLATE_NOOP("Validation", "is not a number")),
    (r"is not a finite number", QT_TRANSLATE_NOOP("Validation", "is not a finite number")),
    (r"is empty", QT_TRANSLATE_NOOP("Validation", "is empty")),
    (r"has more than one decimal comma", QT_TRANSLATE_NOOP("Validation", "has more than one decimal comma")),
    (r"has a comma that is not a thousands separator \(the file uses a decimal point\)",
     QT_TRANSLATE_NOOP("Validation",
                       "has a comma that is not a thousands separator (the file uses a decimal point)")),
    # tracker.domain.fields.cross_checks and the services' rules between fields
    (r"must not exceed the committed amount", QT_TRANSLATE_NOOP("Validation", "must not exceed the committed amount")),
    (r"must not exceed the committed amount of the project",
     QT_TRANSLATE_NOOP("Validation", "must not exceed the committed amount of the project")),
    (r"must not be before the start date", QT_TRANSLATE_NOOP("Validation", "must not be before the start date")),
    (r"must not be before the agreement date",
     QT_TRANSLATE_NOOP("Validation", "must not be before the agreement date")),
    (r"must be 0 for a project still in the pipeline",
     QT_TRANSLATE_NOOP("Validation", "must be 0 for a project still in the pipeline")),
    (r"must not exceed the maturity", QT_TRANSLATE_NOOP("Validation", "must not exceed the maturity")),
    (r"must not be after today for a project whose works have started \(it is the actual start\); a later start is planned",
     QT_TRANSLATE_NOOP("Validation", "must not be after today for a project whose works have started (it is the actual start); a later start is planned")),
    (r"must not be after today \(an end still to come is the planned end\)",
     QT_TRANSLATE_NOOP("Validation", "must not be after today (an end still to come is the planned end)")),
    # tracker.domain.iati_codes: a sector's DAC 5-digit CRS code
    (r"must be a DAC 5-digit CRS purpose code \(five digits, like 23210\)",
     QT_TRANSLATE_NOOP("Validation", "must be a DAC 5-digit CRS purpose code (five digits, like 23210)")),
    (r"(?P<code>\d{5}) is not in IATI's Sector codelist \((?P<version>.+)\)",
     QT_TRANSLATE_NOOP("Validation", "{code} is not in IATI's Sector codelist ({version})")),
    (r"(?P<code>\d{5}) \((?P<name>.+)\) was withdrawn from IATI's Sector codelist; use a current code",
     QT_TRANSLATE_NOOP("Validation", "{code} ({name}) was withdrawn from IATI's Sector codelist; use a current code")),
    (r"(?P<code>\d{5}): its DAC 3-digit category (?P<category>\d{3}) was withdrawn; use a current code",
     QT_TRANSLATE_NOOP("Validation", "{code}: its DAC 3-digit category {category} was withdrawn; use a current code")),
    (r"must be two capital letters \(ISO 3166-1 alpha-2, like CN\)",
     QT_TRANSLATE_NOOP("Validation", "must be two capital letters (ISO 3166-1 alpha-2, like CN)")),
    (r"must be above 0", QT_TRANSLATE_NOOP("Validation", "must be above 0")),
    (r"must be above 0 \(a venture has foreign capital\)",
     QT_TRANSLATE_NOOP("Validation", "must be above 0 (a venture has foreign capital)")),
    # tracker.services: records and import files
    (r"'(?P<value>.*)' is already used by another record",
     QT_TRANSLATE_NOOP("Validation", "'{value}' is already used by another record")),
    (r"is still used by other records \(or links to a missing one\)",
     QT_TRANSLATE_NOOP("Validation", "is still used by other records (or links to a missing one)")),
    (r"a rate for this currency and date exists already",
     QT_TRANSLATE_NOOP("Validation", "a rate for this currency and date exists already")),
    (r"required column is missing", QT_TRANSLATE_NOOP("Validation", "required column is missing")),
    (r"this column appears twice", QT_TRANSLATE_NOOP("Validation", "this column appears twice")),
    (r"has more cells than the header has columns",
     QT_TRANSLATE_NOOP("Validation", "has more cells than the header has columns")),
    # tracker.services.iati: a project code the export must map
    (r"IATI identifiers may not contain / & \| or \?: the IATI export writes this code as (?P<mapped>.+)",
     QT_TRANSLATE_NOOP("Validation", "IATI identifiers may not contain / & | or ?: the IATI export writes this code as {mapped}")),
    # tracker.services.export: a target that would harm the database
    (r"(?P<path>.+) is the open database (?P<name>.+); choose another file name",
     QT_TRANSLATE_NOOP("Validation", "{path} is the open database {name}; choose another file name")),
    (r"(?P<path>.+) is the (?P<side>wal|shm|journal) file of the open database (?P<name>.+); choose another file name",
     QT_TRANSLATE_NOOP("Validation", "{path} is the {side} file of the open database {name}; choose another file name")),
    (r"(?P<path>.+) is inside the backup folder of (?P<name>.+); choose another folder",
     QT_TRANSLATE_NOOP("Validation", "{path} is inside the backup folder of {name}; choose another folder")),
    # tracker.services.export: notes on a snapshot
    (r"a SQLite copy holds the whole database; the filter does not apply",
     QT_TRANSLATE_NOOP("Validation", "a SQLite copy holds the whole database; the filter does not apply")),
    (r"the snapshot could not be recorded: the database is (?P<reason>.+)",
     QT_TRANSLATE_NOOP("Validation", "the snapshot could not be recorded: the database is {reason}")),
    (r"the snapshot could not be recorded: (?P<error>.+)",
     QT_TRANSLATE_NOOP("Validation", "the snapshot could not be recorded: {error}")),
)  # fmt: skip

_COMPILED = tuple((re.compile(form, re.S), template) for form, template in _FORMS)


def _choices(text: str) -> str:
    """A rule's list of allowed codes, statuses and kinds by their names in the user's
    language ("Pipeline, Signed, …" rather than "pipeline, signed, …")."""
    from tracker.domain.codelists import STATUS_LABELS
    from tracker.ui.i18n import code_label

    codes = text.split(", ")
    if not any(c in STATUS_LABELS for c in codes):
        return text
    return ", ".join(code_label(c) if c in STATUS_LABELS else c for c in codes)


def tr_message(message: str) -> str:
    """``message`` in the user's language, or as it is when no form matches it."""
    for rx, template in _COMPILED:
        m = rx.fullmatch(message)
        if m is None:
            continue
        parts = {k: tr_message(v) if k == "reason" else _choices(v) if k == "choices" else v
                 for k, v in m.groupdict().items()}  # fmt: skip
        return QCoreApplication.translate("Validation", template).format(**parts)
    return message


def invalid_value_tip(value: str, why: str) -> str:
    """The tooltip of a table cell holding a value another program wrote (row_check)."""
    return QCoreApplication.translate(
        "Validation", "Invalid stored value: {value} {why}. Another program wrote it; correct "
        "it in the form.").format(value=value, why=tr_message(why))  # fmt: skip


def tr_error(e: ValidationError, field_label: str | None = None) -> str:
    """One error as a line: "row 3, Amount: is not a number", translated."""
    t = QCoreApplication.translate
    field = field_label or e.field
    if e.row is not None:
        return t("Validation", "row {row}, {field}: {message}").format(
            row=e.row, field=field, message=tr_message(e.message)
        )
    return t("Validation", "{field}: {message}").format(field=field, message=tr_message(e.message))
