"""Compare two snapshots: what was added, removed and changed, field by field, per
kind, and how the totals moved. A SQLite snapshot is opened as it is; an XLSX or JSON
snapshot is read by the importer into a temporary database first (:func:`open_snapshot`),
and the open database is compared over what the snapshot holds (its kinds, its filter).

Records are matched by their natural key (projects by code, residents and
ventures by name, reference data by code or name, rates by currency and
date), never by id, so a snapshot compares with a re-imported copy too.
Project updates are history: an update is either there or not (added or
removed), never "changed". Both files are opened read-only and walked in
key order, so memory stays flat on large portfolios.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker.domain.fields import DATE, KINDS
from tracker.domain.filters import Filter
from tracker.domain.money import format_amount
from tracker.services import portfolio
from tracker.services.export import (
    KIND_TABLES,
    MAIN_TABLES,
    REFERENCE_TABLES,
    columns,
    neutralise,
    records,
)
from tracker.services.export_xlsx import DATE_FORMAT, MAX_DIGITS, MONEY_FORMAT
from tracker.services.progress import CHECKING, READING, Progress, quiet
from tracker.store import Store

#: Columns that differ between copies of the same data and are not compared.
NOT_COMPARED = {"id", "version", "updated_at", "entered_at"}
COMPARED_TABLES = MAIN_TABLES + REFERENCE_TABLES
KEY_COLUMNS = {"projects": ("code",), "residents": ("name",), "ventures": ("name",), "banks": ("name",),
               "zones": ("name",), "countries": ("code",), "sectors": ("code",), "regions": ("code",),
               "fx_rates": ("currency", "date"), "disbursement_plans": ("project", "date")}  # fmt: skip
TOTALS = {
    "projects": (("amount", "committed"), ("disbursed", "disbursed")),
    "residents": (("declared_investment", "declared investment"),
                  ("invested_to_date", "invested to date")),
    "ventures": (("charter_capital", "charter capital"),),
}  # fmt: skip


@dataclass
class Changed:
    key: str
    fields: dict[str, tuple[Any, Any]]  # column -> (old, new)


@dataclass
class KindDiff:
    table: str
    count_before: int = 0
    count_after: int = 0
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)

    @property
    def label(self) -> str:
        return KINDS[self.table].label

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class TotalMoved:
    table: str
    measure: str
    before: Decimal
    after: Decimal

    @property
    def change(self) -> Decimal:
        return self.after - self.before


@dataclass
class CompareResult:
    old_path: Path
    new_path: Path | str  # the open database: a file, or a server portfolio by name
    currency: str
    as_of: str
    kinds: dict[str, KindDiff] = field(default_factory=dict)
    totals: list[TotalMoved] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return all(k.is_empty for k in self.kinds.values())

    def to_text(self) -> str:
        lines = [f"Comparing {self.old_path} (old) with {self.new_path} (new)"]
        if self.is_empty:
            lines.append("No differences in the data.")
        for d in self.kinds.values():
            if d.is_empty:
                continue
            lines.append("")
            lines.append(f"{d.label}: {len(d.added)} added, {len(d.removed)} removed, "
                         f"{len(d.changed)} changed ({d.count_before} → {d.count_after})")  # fmt: skip
            for r in d.added:
                lines.append(f"  + {record_key(d.table, r)}{_name(d.table, r)}")
            for r in d.removed:
                lines.append(f"  - {record_key(d.table, r)}{_name(d.table, r)}")
            for c in d.changed:
                lines.append(f"  ~ {c.key}")
                for col, (old, new) in c.fields.items():
                    lines.append(f"      {col}: {show(old)} → {show(new)}")
        lines.append("")
        lines.append(f"Totals moved ({self.currency} at the rates of {self.as_of}):")
        for t in self.totals:
            sign = "+" if t.change >= 0 else "-"
            lines.append(f"  {KINDS[t.table].label}, {t.measure}: {format_amount(t.before)} → "
                         f"{format_amount(t.after)} ({sign}{format_amount(abs(t.change))})")  # fmt: skip
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document (money as decimal text, exact)."""
        return {
            "old": str(self.old_path),
            "new": str(self.new_path),
            "currency": self.currency,
            "as_of": self.as_of,
            "kinds": {
                t: {
                    "key": list(KEY_COLUMNS.get(t, ("project", "as_of"))),
                    "count_before": d.count_before,
                    "count_after": d.count_after,
                    "added": [_jsonable(r) for r in d.added],
                    "removed": [_jsonable(r) for r in d.removed],
                    "changed": [
                        {
                            "key": c.key,
                            "fields": {k: [_j(o), _j(n)] for k, (o, n) in c.fields.items()},
                        }
                        for c in d.changed
                    ],
                }
                for t, d in self.kinds.items()
            },
            "totals": [
                {
                    "kind": t.table,
                    "measure": t.measure,
                    "before": str(t.before),
                    "after": str(t.after),
                    "change": str(t.change),
                }
                for t in self.totals
            ],  # fmt: skip
            "warnings": list(self.warnings),
        }

    def change_rows(self) -> Iterator[tuple[str, str, str, str, Any, Any]]:
        """Flat rows (kind, key, what, field, old, new) for a spreadsheet of the changes."""
        for t, d in self.kinds.items():
            for r in d.added:
                yield t, record_key(t, r), "added", "", None, None
            for r in d.removed:
                yield t, record_key(t, r), "removed", "", None, None
            for c in d.changed:
                for col, (old, new) in c.fields.items():
                    yield t, c.key, "changed", col, old, new


def show(v: Any) -> str:
    """A value as the comparison shows it: money in decimal units with groups, empty as —."""
    if v is None or v == "":
        return "—"
    if isinstance(v, Decimal):
        return format_amount(v)
    return str(v)


def record_key(table: str, r: dict[str, Any]) -> str:
    if table == "project_updates":
        return f"{r.get('project')} {r.get('as_of')}"
    return " ".join(str(r.get(k)) for k in KEY_COLUMNS[table])


def _name(table: str, r: dict[str, Any]) -> str:
    if table == "projects":
        return f" — {r.get('name')}"
    if table == "project_updates":
        return f" — {r.get('status')}, {r.get('progress_pct')} %"
    return ""


def _j(v: Any) -> Any:
    return str(v) if isinstance(v, Decimal) else v


def _jsonable(r: dict[str, Any]) -> dict[str, Any]:
    return {k: _j(v) for k, v in r.items()}


def _rows(store: Store, table: str, flt: Filter | None = None) -> Iterator[dict[str, Any]]:
    cols = columns(table)
    keep = [(i, c) for i, c in enumerate(cols) if c not in NOT_COMPARED]
    use = flt if flt is not None and not flt.is_empty() and table in MAIN_TABLES else None
    for values in records(store, table, use, by_key=True):
        yield {c: values[i] for i, c in keep}


def compare_stores(old: Store, new: Store, *, currency: str = "USD", as_of: str | None = None,
                   tables: tuple[str, ...] = COMPARED_TABLES,
                   flt: Filter | None = None) -> CompareResult:  # fmt: skip
    """``flt``: what the snapshot (``old``) was filtered by, applied to ``new`` too."""
    as_of = as_of or dt.date.today().isoformat()
    result = CompareResult(
        old.path, new.path or new.name, currency.upper(), as_of
    )  # a server: its name
    for table in tables:
        d = KindDiff(table)
        if table == "project_updates":
            _diff_history(d, _rows(old, table), _rows(new, table, flt))
        else:
            _merge(d, KEY_COLUMNS[table], _rows(old, table), _rows(new, table, flt))
        result.kinds[table] = d
    for table, measures in TOTALS.items():
        if table not in tables:
            continue
        before = portfolio.totals(old, kind=table, currency=currency, as_of=as_of)
        after = portfolio.totals(new, kind=table, flt=flt if flt and not flt.is_empty() else None,
                                 currency=currency, as_of=as_of)  # fmt: skip
        for col, label in measures:
            result.totals.append(TotalMoved(table, label, before.sums[col], after.sums[col]))
        for w in (before.warning, after.warning):
            if w and w not in result.warnings:
                result.warnings.append(w)
    return result


def _merge(d: KindDiff, key: tuple[str, ...], old: Iterator[dict], new: Iterator[dict]) -> None:
    """Walk two key-ordered streams side by side."""
    o, n = next(old, None), next(new, None)
    while o is not None or n is not None:
        ko = tuple(o[k] for k in key) if o is not None else None
        kn = tuple(n[k] for k in key) if n is not None else None
        if kn is None or (ko is not None and ko < kn):
            d.removed.append(o)  # type: ignore[arg-type]
            d.count_before += 1
            o = next(old, None)
        elif ko is None or kn < ko:
            d.added.append(n)  # type: ignore[arg-type]
            d.count_after += 1
            n = next(new, None)
        else:
            fields = {c: (o[c], n[c]) for c in o if o[c] != n.get(c)}  # type: ignore[index]
            if fields:
                d.changed.append(Changed(" ".join(str(x) for x in kn), fields))
            d.count_before += 1
            d.count_after += 1
            o, n = next(old, None), next(new, None)


def _diff_history(d: KindDiff, old: Iterator[dict], new: Iterator[dict]) -> None:
    def sig(r: dict) -> tuple:
        return tuple(sorted(r.items()))

    before: Counter = Counter()
    first: dict[tuple, dict] = {}
    for r in old:
        s = sig(r)
        before[s] += 1
        first.setdefault(s, r)
        d.count_before += 1
    for r in new:
        d.count_after += 1
        s = sig(r)
        if before[s] > 0:
            before[s] -= 1
        else:
            d.added.append(r)
    for s, n in before.items():
        d.removed.extend([first[s]] * n)


def compare_files(old_path: str | Path, new_path: str | Path, *, currency: str = "USD",
                  as_of: str | None = None) -> CompareResult:  # fmt: skip
    """Open both files read-only and compare them (StoreError if one cannot be opened).

    ``old_path`` may also be an XLSX or JSON snapshot (read in first, compared over the
    kinds and the filter it holds); ``new_path`` is a database.
    """
    if snapshot_format(old_path) != "sqlite":
        new = Store.open(new_path, read_only=True, backup=False)
        try:
            return compare_with_snapshot(new, snapshot_at(new, old_path), currency=currency,
                                         as_of=as_of)  # fmt: skip
        finally:
            new.close(backup=False)
    old = Store.open(old_path, read_only=True, backup=False)
    try:
        new = Store.open(new_path, read_only=True, backup=False)
        try:
            return compare_stores(old, new, currency=currency, as_of=as_of)
        finally:
            new.close(backup=False)
    finally:
        old.close(backup=False)


# ------------------------------------------------------------ snapshot files
#: Import order: what is linked to comes first.
_LOAD_ORDER = ("banks", "zones", "countries", "sectors", "regions", "fx_rates", "projects",
               "project_updates", "residents", "ventures", "disbursement_plans")  # fmt: skip


class SnapshotUnreadable(ValueError):
    """A file that cannot be compared as a snapshot (the message says why)."""


def snapshot_format(path: str | Path) -> str:
    """xlsx, json or sqlite, by the file's name."""
    suffix = Path(path).suffix.lower()
    return {".xlsx": "xlsx", ".json": "json"}.get(suffix, "sqlite")


@dataclass
class Snapshot:
    """A snapshot recorded in the database (the snapshots table), or a file chosen by path."""

    path: Path
    fmt: str
    kind: str | None = None
    flt: Filter = field(default_factory=Filter)
    taken_at: str = ""
    as_of: str = ""
    user: str = ""
    rows: int | None = None
    id: int | None = None

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables it holds (a SQLite copy: all of them; its filter does not apply)."""
        if self.fmt == "sqlite" or not self.kind or self.kind == "all":
            return COMPARED_TABLES
        return KIND_TABLES.get(self.kind, COMPARED_TABLES)

    @property
    def filter(self) -> Filter:
        return Filter() if self.fmt == "sqlite" else self.flt


def recorded_snapshots(store: Store) -> list[Snapshot]:
    """The snapshots the database records that can be compared (XLSX, JSON, SQLite), newest first."""
    out = []
    for r in store.rows("snapshots", order="id DESC"):
        if r.get("format") not in ("xlsx", "json", "sqlite"):
            continue
        try:
            flt = Filter.from_dict(json.loads(r.get("filter") or "{}"))
        except (ValueError, TypeError):
            flt = Filter()
        out.append(Snapshot(Path(r["path"]), r["format"], r.get("kind"), flt, r.get("taken_at") or "",
                            r.get("as_of") or "", r.get("user") or "", r.get("rows"), r["id"]))  # fmt: skip
    return out


def snapshot_at(store: Store, path: str | Path) -> Snapshot:
    """The snapshot at ``path``: as recorded (its kind and filter) when the database knows
    it, else read from the file (a JSON snapshot says its kind and filter)."""
    p = Path(path)
    for snap in recorded_snapshots(store):
        with contextlib.suppress(OSError):
            if snap.path.resolve() == p.resolve():
                return snap
    fmt = snapshot_format(p)
    snap = Snapshot(p, fmt)
    if fmt == "json":
        meta = _json_doc(p).get("metadata") or {}
        if isinstance(meta, Mapping):
            snap.kind = meta.get("kind") if isinstance(meta.get("kind"), str) else None
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                snap.flt = Filter.from_dict(meta.get("filter") or {})
    return snap


def _json_doc(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise SnapshotUnreadable(f"{path.name} is not a JSON snapshot ({exc})") from None
    if not isinstance(doc, dict):
        raise SnapshotUnreadable(f"{path.name} is not a JSON snapshot of this program")
    return doc


def _tables_in(path: Path, fmt: str) -> set[str]:
    """The tables an XLSX or JSON snapshot holds."""
    if fmt == "json":
        doc = _json_doc(path)
        ref = doc.get("reference") if isinstance(doc.get("reference"), dict) else {}
        return {t for t in COMPARED_TABLES if t in doc or t in ref}
    from openpyxl import load_workbook

    from tracker.services import export_book

    try:
        wb = load_workbook(path, read_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise SnapshotUnreadable(f"{path.name} is not a readable XLSX workbook ({exc})") from None
    try:
        titles = {s.strip().lower() for s in wb.sheetnames}
    finally:
        wb.close()
    return {t for t in COMPARED_TABLES if titles & (export_book.sheet_names(t) | {t})}


def _reference_source(store: Store, table: str) -> Any:
    """A reference table of ``store`` as the importer's source (to link a snapshot's records)."""
    from tracker.services.importer import SourceTable

    cols = [f.column for f in KINDS[table].fields]
    keep = [i for i, c in enumerate(columns(table)) if c in cols]
    rows = [dict(zip(cols, (v[i] for i in keep), strict=True)) for v in records(store, table, None)]
    return SourceTable(cols, rows, 1, "JSON", False)


def load_snapshot(target: Store, path: Path, *, current: Store,
                  progress: Progress | None = None) -> set[str]:  # fmt: skip
    """Read an XLSX or JSON snapshot into ``target`` (an empty database) with the importer;
    reference data the file does not hold is taken from ``current``. The tables it held.
    ``progress`` hears the tables read and may cancel between them."""
    from tracker.services import importer
    from tracker.services.import_limits import ImportRefused

    progress = progress or quiet()
    fmt = snapshot_format(path)
    present = _tables_in(path, fmt)
    if not present & set(MAIN_TABLES):
        raise SnapshotUnreadable(f"{path.name} holds no projects, residents or ventures")
    for i, table in enumerate(_LOAD_ORDER):
        progress(i, len(_LOAD_ORDER) + 1, READING)
        try:
            if table in present:
                plan = importer.plan_import(target, kind=table, path=path)
            elif table in REFERENCE_TABLES:
                plan = importer.plan_rows(
                    target, kind=table, source=_reference_source(current, table)
                )
            else:
                continue
        except ImportRefused as exc:
            raise SnapshotUnreadable(f"{path.name}: {exc}") from None
        if plan.errors:
            raise SnapshotUnreadable(f"{path.name}, {KINDS[table].label.lower()}: {plan.errors[0]}")
        importer.commit_plan(target, plan, user="compare")
    return present


@contextlib.contextmanager
def open_snapshot(snap: Snapshot, *, current: Store,
                  progress: Progress | None = None) -> Iterator[Store]:  # fmt: skip
    """The snapshot as a database to compare with: a SQLite copy opened read-only, an XLSX
    or JSON snapshot read into a temporary database (removed afterwards)."""
    if not snap.exists:
        raise SnapshotUnreadable(f"{snap.path} is not there any more")
    if snap.fmt == "sqlite":
        store = Store.open(snap.path, read_only=True, backup=False)
        try:
            yield store
        finally:
            store.close(backup=False)
        return
    with tempfile.TemporaryDirectory(prefix="tracker-compare-") as tmp:
        store = Store.open(Path(tmp) / "snapshot.sqlite3", create=True, backup=False)
        try:
            load_snapshot(store, snap.path, current=current, progress=progress)
            yield store
        finally:
            store.close(backup=False)


def compare_with_snapshot(current: Store, snap: Snapshot, *, currency: str = "USD",
                          as_of: str | None = None,
                          progress: Progress | None = None) -> CompareResult:  # fmt: skip
    """The open database (new) against a snapshot (old), over what the snapshot holds."""
    progress = progress or quiet()
    with open_snapshot(snap, current=current, progress=progress) as old:
        progress(None, None, CHECKING)
        result = compare_stores(old, current, currency=currency, as_of=as_of, tables=snap.tables,
                                flt=snap.filter)  # fmt: skip
    result.old_path = snap.path
    return result


@dataclass
class ChangeWords:
    """How a saved comparison (.xlsx, .csv) names things. The window passes its own words
    (labels, names in its language); the defaults are the machine names."""

    word: Callable[[str], str] = field(default=lambda s: s)  # headers, sheet and change words
    kind: Callable[[str], str] = field(default=lambda t: t)  # table -> its name
    label: Callable[[str, str], str] = field(default=lambda t, c: c)  # (table, column) -> label
    value: Callable[[str, str, Any], Any] = field(default=lambda t, c, v: v)  # codes -> names


def write_changes(result: CompareResult, out: Path, words: ChangeWords | None = None) -> Path:
    """The comparison as a file: .json (to_dict), .xlsx or .csv (one row per change)."""
    out = Path(out)
    w = words or ChangeWords()
    suffix = out.suffix.lower()
    header = [w.word(h) for h in ("kind", "key", "change", "field", "old", "new")]
    if suffix == ".json":
        out.write_text(
            json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    elif suffix == ".csv":
        with open(out, "w", encoding="utf-8-sig", newline="") as fh:
            cw = csv.writer(fh, lineterminator="\r\n")
            cw.writerow(header)
            for row, _date in _worded_rows(result, w):
                cw.writerow([neutralise(_cell_text(v)) for v in row])
            for t in result.totals:
                cw.writerow([w.kind(t.table), "", w.word("total"), w.word(t.measure), str(t.before),
                             str(t.after)])  # fmt: skip
    elif suffix == ".xlsx":
        _write_changes_xlsx(result, out, header, w)
    else:
        raise ValueError(f"{out.name}: save the comparison as .xlsx, .csv or .json")
    return out


def _worded_rows(result: CompareResult, w: ChangeWords) -> Iterator[tuple[list[Any], bool]]:
    """The change rows in ``w``'s words, each with whether its values are dates."""
    for table, key, what, column, old, new in result.change_rows():
        date_field = _field_type(table, column) == DATE
        row = [w.kind(table), key, w.word(what), w.label(table, column) if column else "",
               w.value(table, column, old) if column else old,
               w.value(table, column, new) if column else new]  # fmt: skip
        yield row, date_field


def _cell_text(v: Any) -> str:
    return "" if v is None else str(v)


def _write_changes_xlsx(
    result: CompareResult, out: Path, header: list[str], w: ChangeWords
) -> None:
    """The changes and totals as a workbook: money exact, dates as dates.

    The snapshot workbook's rule: an amount Excel can hold exactly (15
    significant digits) is a number; a longer one is its exact text, with a
    note on the cell saying why. A changed date is a date cell.
    """
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})  # fmt: skip
    head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "bottom": 1})
    formats = {
        "money": wb.add_format({"num_format": MONEY_FORMAT}),
        "date": wb.add_format({"num_format": DATE_FORMAT}),
    }
    ws = wb.add_worksheet(w.word("Changes")[:31])
    for i, (h, width) in enumerate(zip(header, (16, 34, 10, 20, 30, 30), strict=True)):
        ws.write_string(0, i, h, head)
        ws.set_column(i, i, width)
    r = 0
    for r, (row, date_field) in enumerate(_worded_rows(result, w), start=1):
        for i, v in enumerate(row):
            _write_cell(ws, r, i, v, formats, as_date=date_field and i >= 4)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(r, 1), len(header) - 1)
    tt = wb.add_worksheet(w.word("Totals")[:31])
    cur = result.currency
    for i, h in enumerate((w.word("kind"), w.word("measure"), f"{w.word('before')} ({cur})",
                           f"{w.word('after')} ({cur})", w.word("change"))):  # fmt: skip
        tt.write_string(0, i, h, head)
        tt.set_column(i, i, 22)
    for r, t in enumerate(result.totals, start=1):
        tt.write_string(r, 0, w.kind(t.table))
        tt.write_string(r, 1, w.word(t.measure))
        for i, v in enumerate((t.before, t.after, t.change), start=2):
            _write_cell(tt, r, i, v, formats)
    wb.close()


def _field_type(table: str, column: str) -> str | None:
    kind = KINDS.get(table)
    if kind is None or not column:
        return None
    return next((f.type for f in kind.fields if column in (f.column, f.name)), None)


_FIRST_EXCEL_DATE = dt.date(1900, 3, 1)  # before it Excel's day numbers are off (1900 leap bug)


def _write_cell(ws: Any, r: int, i: int, v: Any, formats: dict[str, Any], *,
                as_date: bool = False) -> None:  # fmt: skip
    """One value: exact money, a date cell for a date field, other text as text (never a formula)."""
    if v is None or v == "":
        return
    if isinstance(v, Decimal):
        if len(v.as_tuple().digits) <= MAX_DIGITS:
            ws.write_number(r, i, float(v), formats["money"])  # 15 digits: the float is exact
        else:
            ws.write_string(r, i, f"{v:f}")
            ws.write_comment(r, i, f"Exact amount as text: Excel keeps only {MAX_DIGITS} "
                                   "significant digits of a number.")  # fmt: skip
        return
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        ws.write_number(r, i, v)
        return
    if as_date and isinstance(v, str):
        try:
            d = dt.date.fromisoformat(v)
        except ValueError:
            d = None
        if d is not None and d >= _FIRST_EXCEL_DATE:
            ws.write_datetime(r, i, d, formats["date"])
            return
    ws.write_string(r, i, str(v))
