"""The Excel snapshot a manager reads: sheets named for people, headers in the window's
language, codes shown by their names (the code beside them), amounts also in the
reporting currency with a total row, and no machine columns (id, version, updated_at:
those stay in JSON, CSV and SQLite).

The words come from the window's own translations (tracker.services.translations, no
Qt); tracker/ui/export_strings.py lists the ones only this file uses, so lupdate sees them.
:func:`readable_header` turns such a sheet back into the import's columns, so a workbook
imports (and compares) as it was written, in any of the window's languages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from tracker.domain import codelists
from tracker.domain.fields import (
    CODE,
    COUNTRY,
    CURRENCY,
    DATE,
    ENUM,
    INT,
    KINDS,
    LONGTEXT,
    MONEY,
    REAL,
    REF,
    REGION,
    SECTOR,
    Field,
)
from tracker.domain.fx import Converter
from tracker.services import export_xlsx as xl
from tracker.services.translations import LANGUAGES, tr

#: Sheet names people use (translated in the context "Sheet"); at most 31 characters.
SHEETS = {"projects": "Projects", "project_updates": "Updates",
          "disbursement_plans": "Disbursement plans", "residents": "Residents",
          "ventures": "Joint ventures", "banks": "Banks", "zones": "Zones", "fx_rates": "FX rates",
          "countries": "Countries", "sectors": "Sectors", "regions": "Regions"}  # fmt: skip
SUMMARY = "Summary"
TOTAL = "Total"
CODE_HEADER = "{field} code"
PROJECT_NAME = "Project name"
REPORTING_HEADER = "{field}, {currency}"
#: Fields shown by their name, with the code in the next column.
CODED = (ENUM, COUNTRY, SECTOR, REGION)
_REFERENCE = {COUNTRY: "countries", SECTOR: "sectors", REGION: "regions"}
#: Informational columns of the export kept in the workbook, shown by name: (column, label).
EXTRAS = {"ventures": (("kind", "Kind"),)}
_WIDTHS = {CODE: 14, LONGTEXT: 50, MONEY: 18, DATE: 12, INT: 10, REAL: 10, ENUM: 16, REF: 30,
           COUNTRY: 18, SECTOR: 24, REGION: 18, CURRENCY: 9}  # fmt: skip


def words(lang: str) -> Callable[[str, str], str]:
    """``t(context, text)`` in ``lang`` (English where there is no translation)."""
    return lambda context, text: tr(lang, context, text)


def sheet_name(table: str, lang: str) -> str:
    name = tr(lang, "Sheet", SHEETS.get(table, table))
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the key of the row dict (see SheetRows)
    kind: Any  # an export_xlsx cell kind, or a writer (label_writer)
    width: float
    reporting: bool = False  # an amount in the reporting currency (summed in the total row)


def layout(table: str, lang: str, currency: str,
           names: Mapping[str, Mapping[str, str]]) -> list[Column]:  # fmt: skip
    """The columns of a table's sheet, in the order of the window's form. ``names``: code ->
    name in ``lang`` of countries, sectors and regions (see reference_names)."""
    t = words(lang)
    k = KINDS[table]
    status = {c: t("codelists", label) for c, label in codelists.STATUS_LABELS.items()}
    cols: list[Column] = []
    for f in k.fields:
        label = t("Field", f.label)
        width = float(_WIDTHS.get(f.type, 30))
        if f.type == "text" and (f.max_length or 0) <= 40:
            width = 16
        width = max(width, min(len(label) + 2, 40))
        if f.type in CODED:
            shown = status if f.type == ENUM else names.get(_REFERENCE[f.type], {})
            cols.append(Column(label, f.name, xl.label_writer(shown), width))
            code = t("Export", CODE_HEADER).format(field=label)
            cols.append(Column(code, f.name, xl.label_writer(), max(12, min(len(code) + 2, 30))))
        elif f.type in (REF, CURRENCY):
            cols.append(Column(label, f.column, xl.label_writer(), width))
            if f.ref_table == "projects":  # an update or a plan: the project's name beside its code
                cols.append(Column(t("Export", PROJECT_NAME), "project_name", xl.TEXT, 40))
        else:
            kind = {MONEY: xl.MINOR, DATE: xl.DATE, INT: xl.INT, REAL: xl.FLOAT}.get(
                f.type, xl.TEXT
            )
            cols.append(Column(label, f.name, kind, width))
    for col, english in EXTRAS.get(table, ()):
        cols.append(Column(t("Field", english), col, xl.label_writer(status), 16))
    for f in _converted(table):
        head = t("Export", REPORTING_HEADER).format(field=t("Field", f.label), currency=currency)
        cols.append(Column(head, f"{f.name}·rep", xl.reporting_cell, 20, reporting=True))
    return cols


def _converted(table: str) -> list[Field]:
    """Money fields with a currency of their own on the row: shown again in the reporting currency."""
    return [f for f in KINDS[table].fields if f.type == MONEY and f.currency_field]


class SheetRows:
    """Store rows with their amounts also in the reporting currency at the as-of date, and
    the total row. A converted amount is not rounded to the cent (a float), so the column
    sums to the total; the total converts each currency's sum, as the window's totals and
    the Summary do (fx.Converter), so all three agree to the cent."""

    def __init__(self, table: str, conv: Converter,
                 totals: Mapping[str, Decimal] | None = None) -> None:  # fmt: skip
        """``totals``: field -> the total in the reporting currency, when the caller has it
        (portfolio.totals, summed by the database); else the rows are summed on the way."""
        self.money = [(f.name, f"{f.name}·rep", f.currency_field) for f in _converted(table)]
        self.conv = conv
        self.totals = (
            {f"{name}·rep": v for name, v in totals.items()} if totals is not None else None
        )
        #: column -> currency -> sum of the amounts in minor units (without ``totals``)
        self.sums: dict[str, dict[str, int]] = {rep: {} for _, rep, _ in self.money}

    def _factor(self, currency: str) -> Decimal | None:
        """Reporting-currency units per unit of ``currency`` on the as-of date (None:
        no rate; the amount is left out, as the window leaves it out, and the Summary says so)."""
        c = self.conv
        src = c.table.per_usd(currency, c.as_of)
        dst = c.table.per_usd(c.target, c.as_of)
        if src is None or dst is None:
            c.missing.add(currency.upper() if src is None else c.target.upper())
            return None
        return dst / src

    def __call__(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        money = [(col, key, cur, None if self.totals is not None else self.sums[key])
                 for col, key, cur in self.money]  # fmt: skip
        target = self.conv.target.upper()
        per_minor: dict[str, float | None] = {}  # currency -> reporting units per minor unit
        for row in rows:
            for col, key, cur, per in money:
                v, c = row[col], row[cur]
                if v is None or not c:  # no currency (a plan in its project's): left out
                    row[key] = None
                    continue
                if per is not None:
                    per[c] = per.get(c, 0) + v
                if c == target:
                    row[key] = v  # exact, in minor units
                    continue
                f = per_minor.get(c, 0.0)
                if f == 0.0:
                    factor = self._factor(c)
                    f = per_minor[c] = None if factor is None else float(factor) / 100
                row[key] = None if f is None else v * f
            yield row

    def total_row(self, columns: Sequence[Column], lang: str) -> dict[str, Any]:
        """The row under the data: "Total" and, per reporting-currency column, each
        currency's sum converted (the same figure as the window's totals)."""
        out: dict[str, Any] = {c.key: None for c in columns}
        out[columns[0].key] = tr(lang, "Export", TOTAL)
        for c in columns:
            if c.reporting and self.totals is not None:
                out[c.key] = self.totals.get(c.key)
            elif c.reporting:
                out[c.key] = self.conv.total(
                    (cur, Decimal(m).scaleb(-2)) for cur, m in sorted(self.sums[c.key].items())
                )
        return out


def reference_names(
    rows_of: Callable[[str], list[dict[str, Any]]], lang: str
) -> dict[str, dict[str, str]]:
    """code -> name in ``lang`` (else English, else the code) for countries, sectors, regions."""
    out: dict[str, dict[str, str]] = {}
    for table in _REFERENCE.values():
        out[table] = {
            r["code"]: r.get(f"name_{lang}") or r.get("name_en") or r["code"]
            for r in rows_of(table)
        }
    return out


# ------------------------------------------------------------------- reading back
def _norm(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


@cache
def _header_roles(
    table: str,
) -> tuple[dict[str, str], dict[str, str], re.Pattern[str] | None, frozenset[str]]:
    """In every language: code header -> column; name header -> column (of a coded field);
    the reporting-currency headers (a pattern); extras' headers."""
    k = KINDS[table]
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    reporting: list[str] = []
    extras: set[str] = set()
    for lang in LANGUAGES:
        for f in k.fields:
            label = tr(lang, "Field", f.label)
            if f.type in CODED:
                codes[_norm(tr(lang, "Export", CODE_HEADER).format(field=label))] = f.column
                names[_norm(label)] = f.column
        for f in _converted(table):
            head = tr(lang, "Export", REPORTING_HEADER).format(field=tr(lang, "Field", f.label),
                                                               currency="\0")  # fmt: skip
            reporting.append(re.escape(_norm(head)).replace("\0", "[a-z]{3}"))
        for _col, english in EXTRAS.get(table, ()):
            label = tr(lang, "Field", english)
            extras |= {_norm(label), _norm(tr(lang, "Export", CODE_HEADER).format(field=label))}
        if any(f.ref_table == "projects" for f in k.fields):
            extras.add(_norm(tr(lang, "Export", PROJECT_NAME)))
    pattern = re.compile("^(?:" + "|".join(reporting) + ")$") if reporting else None
    return codes, names, pattern, frozenset(extras)


def readable_header(table: str, header: Sequence[str]) -> list[str]:
    """A snapshot sheet's header as the import reads it: a code column read as its field,
    the name beside it left out (as are the reporting-currency amounts and the
    informational columns); '' marks a column to leave out. Other headers stay as they are."""
    if table not in KINDS:
        return list(header)
    codes, names, reporting, extras = _header_roles(table)
    normed = [_norm(h) for h in header]
    coded = {codes[n] for n in normed if n in codes}
    out = []
    for h, n in zip(header, normed, strict=True):
        if n in codes:
            out.append(codes[n])
        elif (
            (n in names and names[n] in coded) or n in extras or (reporting and reporting.match(n))
        ):
            out.append("")
        else:
            out.append(h)
    return out


@cache
def total_words() -> frozenset[str]:
    return frozenset(_norm(tr(lang, "Export", TOTAL)) for lang in LANGUAGES)


def is_total_row(first: Any, others: Sequence[Any]) -> bool:
    """The total row a snapshot sheet ends with ("Total" and amounts only)."""
    return (
        isinstance(first, str)
        and _norm(first) in total_words()
        and all(v is None or v == "" or isinstance(v, (int, float, Decimal)) for v in others)
    )


def sheet_names(table: str) -> set[str]:
    """The names a table's sheet has in every language (lower case)."""
    return {sheet_name(table, lang).strip().lower() for lang in LANGUAGES}


def summary_names() -> set[str]:
    """The Summary sheet's name in every language (lower case)."""
    return {tr(lang, "Sheet", SUMMARY).strip().lower() for lang in LANGUAGES}


__all__ = [
    "SHEETS",
    "Column",
    "SheetRows",
    "is_total_row",
    "layout",
    "readable_header",
    "reference_names",
    "sheet_name",
    "sheet_names",
]
