"""What the portfolio report says, apart from how it is painted.

:func:`build_document` reads the database once and returns a plain
:class:`ReportDocument`: its title, the facts of the title page, the key
figures, the charts to draw and the tables, each table's columns taken from
its kind's field list (:data:`TABLE_FIELDS` names which fields, the field's
type says how a cell is written and aligned). The Qt painter
(:mod:`tracker.ui.report`) only lays it out and paints it; another front end
could render the same document.

Words come through a :class:`ReportLanguage`: the window's translates into the
interface language, :class:`EnglishLanguage` writes English (the command line
without a window, tests). Every sentence passes through ``lang.tr`` with its
English text, so the translation tools find it here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from tracker.domain.codelists import STATUS_LABELS
from tracker.domain.fields import (
    COUNTRY,
    ENUM,
    INT,
    MONEY,
    REAL,
    REF,
    REGION,
    SECTOR,
    TEXT,
    Field,
    kind_of,
)
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.services import chart_data, portfolio
from tracker.store import Store

#: Most rows a table shows; a longer one ends with a note pointing to XLSX/CSV export.
MAX_TABLE_ROWS = 1000

#: The fields each kind's table shows, in order (names from the kind's field list, or a
#: column its export adds beside them, like a venture's kind).
TABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "projects": ("code", "name", "status", "bank_id", "currency", "amount", "disbursed",
                 "progress_pct"),
    "residents": ("name", "zone_id", "country", "sector", "status", "currency",
                  "declared_investment"),
    "ventures": ("name", "partner_country", "foreign_share_pct", "kind", "sector", "status",
                 "currency", "charter_capital"),
}  # fmt: skip

#: Column titles said more plainly than the field's label in a table of all kinds.
TITLE_OVERRIDES = {("ventures", "kind"): "Kind of venture"}

#: Field types whose column is right-aligned (numbers) and whose text may wrap (names).
_NUMERIC = (MONEY, INT, REAL)
_WRAPPING = (TEXT, REF, COUNTRY, SECTOR, REGION)
#: Reference tables (and their key column) behind the fields that link to them.
_REFERENCE = {COUNTRY: ("countries", "code"), SECTOR: ("sectors", "code"),
              REGION: ("regions", "code")}  # fmt: skip


class ReportLanguage(Protocol):
    """The words of the report in one language."""

    def tr(self, text: str) -> str:
        """A sentence of the report (its English text in, the translation out)."""

    def kind_label(self, kind: str) -> str: ...

    def field_label(self, kind: str, field: str) -> str: ...

    def code_label(self, code: str) -> str:
        """A status or kind code in words."""

    def name(self, row: Mapping[str, Any]) -> str:
        """A reference row's name (country, sector, bank…) in the language."""

    def number(self, value: Decimal | int | float, places: int = 0) -> str:
        """Exact digits with the language's separators."""


class EnglishLanguage:
    """English words and separators (1,234,567.89): the report without a window."""

    def tr(self, text: str) -> str:
        return text

    def kind_label(self, kind: str) -> str:
        return kind_of(kind).label

    def field_label(self, kind: str, field: str) -> str:
        return kind_of(kind).field(field).label

    def code_label(self, code: str) -> str:
        return STATUS_LABELS.get(code, code) if code else ""

    def name(self, row: Mapping[str, Any]) -> str:
        for key in ("name_en", "name", "short_name", "code"):
            if row.get(key) not in (None, ""):
                return str(row[key])
        return ""

    def number(self, value: Decimal | int | float, places: int = 0) -> str:
        return f"{Decimal(str(value)):,.{places}f}"


@dataclass
class Column:
    """One table column: its title, alignment ("left" or "right") and whether text wraps."""

    title: str
    align: str = "left"
    wrap: bool = False


@dataclass
class Table:
    """A titled table of text cells (already formatted)."""

    title: str
    columns: list[Column]
    rows: list[list[str]]
    note: str = ""


@dataclass
class ReportDocument:
    """Everything the report shows, in the order it shows it."""

    title: str
    subtitle: str
    db_name: str
    as_of: str
    currency: str
    kind: str
    flt: Filter
    filter_text: str
    user: str
    generated_at: dt.datetime
    #: The title page's facts (database, as-of date, filter, currency, who and when).
    facts: list[tuple[str, str]]
    figures: list[tuple[str, str]]
    warnings: list[str]
    tables: list[Table]
    #: (chart name, the filter it is drawn with): the report's own kind keeps its filter.
    charts: list[tuple[str, Filter]] = field(default_factory=list)


def build_document(store: Store, *, kind: str, flt: Filter, currency: str, as_of: str,
                   user: str, generated_at: dt.datetime, lang: ReportLanguage | None = None,
                   charts: Sequence[str] | None = None) -> ReportDocument:  # fmt: skip
    """Read what the report shows (aggregates and at most ``MAX_TABLE_ROWS`` rows per table)."""
    lang = lang or EnglishLanguage()
    figures, warnings = key_figures(store, kind=kind, flt=flt, currency=currency, as_of=as_of,
                                    lang=lang)  # fmt: skip
    wanted = chart_data.CHART_NAMES if charts is None else tuple(charts)
    chosen = [(c, flt if chart_data.KIND_OF_CHART[c] == kind else Filter()) for c in wanted]
    filter_text = describe_filter(store, kind, flt, lang=lang)
    title = lang.tr("Portfolio report — {db}").format(db=store.name)
    facts = [
        (lang.tr("Database"), store.name),
        (lang.tr("As of"), as_of),
        (lang.tr("Filter used"), filter_text),
        (lang.tr("Reporting currency"), currency),
        (lang.tr("Generated"), generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()),
        (lang.tr("Generated by"), user),
    ]
    return ReportDocument(
        title=title,
        subtitle=lang.tr("Foreign investment portfolio as of {date}").format(date=as_of),
        db_name=store.name, as_of=as_of, currency=currency, kind=kind, flt=flt,
        filter_text=filter_text, user=user, generated_at=generated_at, facts=facts,
        figures=figures, warnings=warnings,
        tables=[kind_table(store, k, flt if k == kind else Filter(), lang=lang)
                for k in TABLE_FIELDS],
        charts=chosen,
    )  # fmt: skip


def describe_filter(store: Store, kind: str, flt: Filter, *, lang: ReportLanguage | None = None,
                    with_kind: bool = True) -> str:  # fmt: skip
    """The filter in words, with names instead of codes and ids ("Projects: Status: …")."""
    lang = lang or EnglishLanguage()
    if flt.is_empty():
        return lang.tr("All records")
    names = _reference_names(store, lang)
    lookups: dict[str, Callable[[Any], str | None]] = {
        "status": lang.code_label, "kind": lang.code_label,
        "sector": names["sectors"].get, "bank_id": names["banks"].get,
        "zone_id": names["zones"].get, "country": names["countries"].get,
        "region": names["regions"].get,
    }  # fmt: skip
    columns = {"country": "partner_country"} if kind == "ventures" else {}
    parts = []
    for name, values in flt.to_dict().items():
        if name == "text":
            parts.append(lang.tr("search “{text}”").format(text=values))
        elif name == "ids":
            parts.append(lang.tr("{n} selected records").format(n=len(values)))
        else:
            try:
                label = lang.field_label(kind, columns.get(name, name))
            except (KeyError, AttributeError, ValueError):
                label = name.replace("_id", "")
            shown = ", ".join(lookups.get(name, str)(v) or str(v) for v in values)
            parts.append(f"{label}: {shown}")
    if not with_kind:
        return "; ".join(parts)
    return lang.tr("{kind}: {conditions}").format(kind=lang.kind_label(kind),
                                                  conditions="; ".join(parts))  # fmt: skip


def key_figures(store: Store, *, kind: str, flt: Filter, currency: str, as_of: str,
                lang: ReportLanguage) -> tuple[list[tuple[str, str]], list[str]]:  # fmt: skip
    """The title page's key figures as (label, value) lines, and the warnings to show."""
    k = portfolio.key_figures(store, currency=currency, as_of=as_of,
                              flt=flt if kind == "projects" else None)  # fmt: skip
    t = lang.tr
    num = lang.number

    def money(v: Decimal) -> str:
        return f"{num(v, 2)} {k.currency}"

    countries = t("{n} from {countries} countries")
    figures = [
        (t("Projects"), num(k.projects)),
        (t("Total financing (committed)"), money(k.financing)),
        (t("Disbursed"), t("{amount} ({pct} % of financing)").format(
            amount=money(k.disbursed), pct=num(k.disbursed_pct, 1))),
        (t("Residents of industrial parks"),
         countries.format(n=num(k.residents), countries=num(k.resident_countries))),
        (t("Ventures with foreign capital"),
         t("{n}: {jv} joint ventures, {fo} foreign-owned").format(
             n=num(k.ventures), jv=num(k.joint_ventures), fo=num(k.foreign_owned))),
    ]  # fmt: skip
    for zone, n in k.residents_by_zone.items():
        figures.append((t("Residents in {zone}").format(zone=zone),
                        countries.format(n=num(n),
                                         countries=num(k.resident_countries_by_zone[zone]))))  # fmt: skip
    return figures, list(k.warnings)


def kind_table(store: Store, kind: str, flt: Filter, *, lang: ReportLanguage) -> Table:
    """The table of one kind: a column per field of :data:`TABLE_FIELDS`, at most
    ``MAX_TABLE_ROWS`` rows, in the kind's field order and the database's id order."""
    fields = [_field(kind, name) for name in TABLE_FIELDS[kind]]
    names = _reference_names(store, lang)
    columns = [
        Column(lang.tr(TITLE_OVERRIDES[(kind, f.name)]) if (kind, f.name) in TITLE_OVERRIDES
               else lang.field_label(kind, f.name),
               "right" if f.type in _NUMERIC else "left", f.type in _WRAPPING)
        for f in fields
    ]  # fmt: skip
    cells = [_cell_writer(f, names, lang) for f in fields]
    rows, note = _limited(store, kind, flt, lang)
    body = [[write(r.get(f.name)) for f, write in zip(fields, cells, strict=True)] for r in rows]
    return Table(lang.kind_label(kind), columns, body, note)


def _field(kind: str, name: str) -> Field:
    """A field of the kind, or a column the export adds beside them (a venture's kind, a
    code the database derives), shown as a code in words."""
    try:
        return kind_of(kind).field(name)
    except KeyError:
        if name not in kind_of(kind).extra_export:
            raise
        return Field(name, TITLE_OVERRIDES.get((kind, name), name), ENUM)


def _cell_writer(f: Any, names: Mapping[str, Mapping[Any, str]],
                 lang: ReportLanguage) -> Callable[[Any], str]:  # fmt: skip
    """How a field's value is written in a cell, from the field's type."""
    if f.type == MONEY:
        return lambda v: "" if v is None else lang.number(from_minor(v), 2)
    if f.type in (INT, REAL) and f.name.endswith("_pct"):
        return lambda v: _pct(v, lang)
    if f.type in (INT, REAL):
        return lambda v: "" if v is None else lang.number(v, 0 if f.type == INT else 2)
    if f.type == ENUM:
        return lambda v: lang.code_label(v) if v else ""
    if f.type == REF and f.ref_table in names:
        linked = names[f.ref_table]
        return lambda v: linked.get(v, "") if v is not None else ""
    if f.type in _REFERENCE:
        linked = names[_REFERENCE[f.type][0]]
        return lambda v: linked.get(v, v) if v else ""
    return lambda v: "" if v is None else str(v)


def _pct(value: Any, lang: ReportLanguage) -> str:
    if value is None:
        return ""
    return f"{lang.number(Decimal(str(value)), 0 if float(value).is_integer() else 1)} %"


def _reference_names(store: Store, lang: ReportLanguage) -> dict[str, dict[Any, str]]:
    keys = {"banks": "id", "zones": "id", "countries": "code", "sectors": "code",
            "regions": "code"}  # fmt: skip
    return {t: {r[key]: lang.name(r) for r in store.rows(t)} for t, key in keys.items()}


def _limited(store: Store, table: str, flt: Filter,
             lang: ReportLanguage) -> tuple[Iterator[dict[str, Any]], str]:  # fmt: skip
    total = store.count(table, flt)
    note = ""
    if total > MAX_TABLE_ROWS:
        note = lang.tr(
            "The first {n} of {total} records are shown; export to XLSX or CSV for all of them."
        ).format(n=MAX_TABLE_ROWS, total=total)
    return itertools.islice(store.iter_rows(table, flt), MAX_TABLE_ROWS), note


__all__ = [
    "MAX_TABLE_ROWS",
    "TABLE_FIELDS",
    "Column",
    "EnglishLanguage",
    "ReportDocument",
    "ReportLanguage",
    "Table",
    "build_document",
    "describe_filter",
    "kind_table",
]
