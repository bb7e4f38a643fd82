"""Other people's spreadsheets: an import template per kind (XLSX or CSV, headers in
the window's language, one example row, the codelists on a second sheet), the header
names of every language the window speaks, and column mappings remembered per set
of headers (kept in the database, so the next file with the same headers just works).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from tracker.domain import codelists
from tracker.domain.fields import kind_of
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.translations import LANGUAGES, tr
from tracker.store import Store

#: Columns of the program's own exports that an import reads past (machine columns and
#: names shown beside codes): never offered for mapping.
IGNORED_COLUMNS = {"id", "version", "updated_at", "kind", "entered_at", "project_name", "zone_kind"}

#: Kinds a template can be made for (what the import dialog offers).
TEMPLATE_KINDS = ("projects", "project_updates", "disbursement_plans", "residents", "ventures",
                  "banks", "zones", "fx_rates")  # fmt: skip

EXAMPLES: dict[str, dict[str, Any]] = {
    "projects": {"code": "BY-CN-101", "name": "Sample Cement Plant (example)", "sector": "industry",
                 "region": "BY-MI", "bank_id": "China Exim", "borrower": "Sample Cement JSC",
                 "amount": "150000000.00", "currency": "USD", "disbursed": "0.00", "status": "signed",
                 "agreement_date": "2026-03-01", "start_date": "2026-06-01",
                 "planned_end": "2029-12-31", "progress_pct": 0,
                 "description": "New clinker line (example row: replace it)",
                 "interest_rate": 3.5, "maturity_years": 15, "grace_years": 3},
    "project_updates": {"project_id": "BY-CN-101", "as_of": "2026-09-30", "status": "implementation",
                        "progress_pct": 10, "disbursed": "15000000.00", "note": "First tranche"},
    "disbursement_plans": {"project_id": "BY-CN-101", "date": "2026-12-31", "amount": "30000000.00",
                           "currency": "USD", "note": "Tranche 1"},
    "residents": {"name": "Sample Robotics LLC (example)", "zone_id": "Great Stone Industrial Park",
                  "country": "CN", "sector": "it", "status": "registered",
                  "registered_on": "2026-02-15", "declared_investment": "5000000.00",
                  "invested_to_date": "0.00", "currency": "USD", "jobs_planned": 80,
                  "jobs_created": 0, "notes": ""},
    "ventures": {"name": "Sample Textiles JV (example)", "foreign_partner": "Sample Textile Co.",
                 "partner_country": "CN", "local_partner": "Sample Mill OJSC",
                 "foreign_share_pct": 60, "charter_capital": "2000000.00", "currency": "USD",
                 "sector": "industry", "region": "BY-VI", "established_on": "2025-11-01",
                 "status": "active", "notes": ""},
    "banks": {"name": "Sample Bank of Example", "short_name": "SBE", "country": "CN"},
    "zones": {"name": "Sample Free Economic Zone", "kind": "fez"},
    "fx_rates": {"currency": "EUR", "date": "2026-01-01", "per_usd": 0.92},
}  # fmt: skip


def _norm(col: str) -> str:
    return " ".join(str(col).strip().lower().replace("_", " ").split()).replace(" ", "_")


def header(kind: str, field: str, lang: str) -> str:
    """A column's header in ``lang``: the import name in English, the field's label as the
    window shows it in Russian and Chinese."""
    f = kind_of(kind).field(field)
    if lang == "en":
        return f.column
    return tr(lang, "Field", f.label)


@cache
def header_aliases(kind: str) -> dict[str, str]:
    """Normalised header -> field name, for the labels the window shows in every language."""
    out: dict[str, str] = {}
    for f in kind_of(kind).fields:
        for lang in LANGUAGES:
            out.setdefault(_norm(tr(lang, "Field", f.label)), f.name)
    return out


def codelist_columns(store: Store, lang: str) -> list[tuple[str, list[str]]]:
    """The second sheet: (title, values) per list a template's cells draw from."""

    def name(row: Mapping[str, Any]) -> str:
        return row.get(f"name_{lang}") or row.get("name_en") or ""

    status = [f"{c} — {tr(lang, 'codelists', codelists.STATUS_LABELS.get(c, c))}"
              for c in (*codelists.PROJECT_STATUSES, *codelists.RESIDENT_STATUSES,
                        *codelists.VENTURE_STATUSES)]  # fmt: skip
    return [
        (tr(lang, "Field", "Status"), list(dict.fromkeys(status))),
        (tr(lang, "Field", "Sector"), [f"{r['code']} — {name(r)}" for r in store.rows("sectors")]),
        (tr(lang, "Field", "Region"), [f"{r['code']} — {name(r)}" for r in store.rows("regions")]),
        (tr(lang, "Field", "Bank"), [r["name"] for r in store.rows("banks")]),
        (tr(lang, "Field", "Zone"), [r["name"] for r in store.rows("zones")]),
        (
            tr(lang, "Field", "Country"),
            [f"{r['code']} — {name(r)}" for r in store.rows("countries")],
        ),
        (tr(lang, "Field", "Currency"), sorted({r["currency"] for r in store.rows("fx_rates")})),
    ]


def write_template(store: Store, *, kind: str, out: Path, lang: str = "en") -> Path:
    """An empty file to fill in: headers in ``lang``, one example row; XLSX also has the
    codelists on a second sheet. The file imports as it is (the example row included)."""
    from tracker.safe_files import write_atomic

    k = kind_of(kind)
    if k.name not in TEMPLATE_KINDS:
        raise ValidationErrors([ValidationError("kind", f"no template for {k.label.lower()}")])
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationErrors([ValidationError("out", "a template is written as .xlsx or .csv")])
    heads = [header(k.name, f.name, lang) for f in k.fields]
    example = [EXAMPLES.get(k.name, {}).get(f.name, "") for f in k.fields]

    def write(tmp: Path) -> None:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh, lineterminator="\r\n")
                w.writerow(heads)
                w.writerow(example)
            return
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = tr(lang, "Kind", k.label)[:31]
        ws.append(heads)
        ws.append(example)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for i, h in enumerate(heads, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = max(12, len(h) + 4)
        ws.freeze_panes = "A2"
        lists = wb.create_sheet(tr(lang, "Templates", "Codelists")[:31])
        for col, (title, values) in enumerate(codelist_columns(store, lang), start=1):
            lists.cell(1, col, title).font = Font(bold=True)
            for row, v in enumerate(values, start=2):
                lists.cell(row, col, v)
            lists.column_dimensions[lists.cell(1, col).column_letter].width = 34
        wb.save(tmp)

    write_atomic(out, write)
    return out


# ---------------------------------------------------------------- mappings
def unmatched(kind: str, columns: Sequence[str]) -> list[str]:
    """The file's headers the import does not know (these need a mapping)."""
    k = kind_of(kind)
    known = {_norm(f.column) for f in k.fields} | {_norm(f.name) for f in k.fields}
    known |= set(header_aliases(k.name))
    return [
        c for c in columns if _norm(c) and _norm(c) not in known and _norm(c) not in IGNORED_COLUMNS
    ]


def _key(kind: str, columns: Sequence[str]) -> str:
    text = json.dumps([kind_of(kind).name, sorted(_norm(c) for c in columns if _norm(c))],
                      ensure_ascii=False)  # fmt: skip
    return "import_mapping:" + hashlib.sha256(text.encode()).hexdigest()[:32]


def remembered_mapping(store: Store, *, kind: str, columns: Sequence[str]) -> dict[str, str] | None:
    """The mapping chosen before for a file of ``kind`` with exactly these headers."""
    text = store.meta(_key(kind, columns))
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    names = set(kind_of(kind).names)
    if not isinstance(data, dict):
        return None
    return {str(c): (v if v in names else "") for c, v in data.items() if isinstance(v, str)}


def remember_mapping(store: Store, *, kind: str, columns: Sequence[str],
                     mapping: Mapping[str, str]) -> None:  # fmt: skip
    """Keep a mapping (header -> field name, "" to skip) for the next file with these headers."""
    names = set(kind_of(kind).names)
    bad = [f"{c} → {v}" for c, v in mapping.items() if v and v not in names]
    if bad:
        raise ValidationErrors(
            [ValidationError("mapping", f"not fields of {kind}: {', '.join(bad)}")]
        )
    store.set_meta(_key(kind, columns), json.dumps(dict(mapping), ensure_ascii=False))
