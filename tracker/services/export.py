"""Portfolio snapshots: XLSX, CSV, JSON, SQLite, IATI XML and PDF, each
recorded in ``snapshots`` with the file's sha256.

The columns of every table export are exactly the import columns (linked
records by human key: bank name, zone name, project code; money in decimal
units) followed by informational columns the importer ignores (kind, id,
version, updated_at, entered_at), so that export then import gives back the
same data. Rows are streamed from the database, so 100k rows keep memory flat.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker import APP_NAME, __version__
from tracker.domain.fields import (
    DATE,
    INT,
    KINDS,
    MONEY,
    REAL,
    REF,
    Field,
)
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.safe_files import database_clash, exclusive_part, write_atomic
from tracker.services import portfolio, row_check
from tracker.services.changes import Change
from tracker.services.progress import COPYING, WRITING, Progress, quiet
from tracker.store import VERSIONED, Store, StoreError, now_iso
from tracker.store.backups import default_dir as default_backup_dir
from tracker.store.export_reads import (
    count_rows,
    export_csv_batches,
    export_rows,
    read_snapshot,
)

FORMATS = ("xlsx", "csv", "json", "pdf", "sqlite", "iati")
MAIN_TABLES = ("projects", "project_updates", "residents", "ventures", "disbursement_plans")
REFERENCE_TABLES = ("banks", "zones", "fx_rates", "countries", "sectors", "regions")
#: --kind value -> tables written.
KIND_TABLES: dict[str, tuple[str, ...]] = {
    "all": MAIN_TABLES,
    "projects": ("projects",),
    "updates": ("project_updates",),
    "project_updates": ("project_updates",),
    "residents": ("residents",),
    "ventures": ("ventures",),
    "plans": ("disbursement_plans",),
    "disbursement_plans": ("disbursement_plans",),
}
#: Text starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")

PdfRenderer = Callable[..., Any]


@dataclass
class ExportResult:
    fmt: str
    path: Path
    kind: str
    rows: dict[str, int]
    sha256: str
    seconds: float
    snapshot_id: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def change(self) -> Change | None:
        """The snapshot row recorded (panes listing snapshots refresh), if any."""
        if self.snapshot_id is None:
            return None
        return Change("snapshots", (self.snapshot_id,), "insert")

    def describe(self) -> str:
        """One line: what was written where, rows, sha256, and whether it was recorded."""
        parts = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in self.rows.items())
        line = (f"{self.fmt.upper()} snapshot written to {self.path}: {self.total_rows} rows "
                f"({parts or 'none'}) in {self.seconds:.1f} s; sha256 {self.sha256}")  # fmt: skip
        line += (
            f"; recorded as snapshot #{self.snapshot_id}"
            if self.snapshot_id is not None
            else "; not recorded in snapshots"
        )
        if self.notes:
            line += " (" + "; ".join(self.notes) + ")"
        return line


# ------------------------------------------------------------------ columns
def columns(table: str) -> list[str]:
    """The columns of a table export: the import columns, then informational ones."""
    k = KINDS[table]
    cols = [f.column for f in k.fields]
    info = list(k.extra_export)
    if table not in ("countries", "sectors", "regions"):
        info.append("id")
    if table in VERSIONED:
        info += ["version", "updated_at"]
    if table == "project_updates":
        info.append("entered_at")
    return cols + [c for c in info if c not in cols]


def _field_map(table: str) -> dict[str, Field]:
    return {f.column: f for f in KINDS[table].fields}


def _value(f: Field | None, col: str, row: Mapping[str, Any]) -> Any:
    """The exported value: money as Decimal units, linked records by their human key."""
    if f is None:
        return row.get(col)
    if f.type == REF:
        return row.get(f.column)
    v = row.get(f.name)
    if v is None:
        return None
    if f.type == MONEY:
        return from_minor(v)
    if f.type == INT:
        return int(v)
    if f.type == REAL:
        return float(v)
    return v


def records(
    store: Store, table: str, flt: Filter | None, *, by_key: bool = False
) -> Iterator[list[Any]]:
    """Rows of a table export as value lists in :func:`columns` order (natural-key order with ``by_key``)."""
    cols = columns(table)
    fmap = _field_map(table)
    plan = [(c, fmap.get(c)) for c in cols]
    for row in export_rows(store, table, flt if table in MAIN_TABLES else None, by_key=by_key):
        yield [_value(f, c, row) for c, f in plan]


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading quote (undone on import)."""
    return "'" + text if _FORMULA_START.match(text) else text


# ----------------------------------------------------------------- the API
def export_snapshot(store: Store, *, fmt: str, out: Path, kind: str = "all", flt: Filter | None = None,
                    currency: str = "USD", as_of: str | None = None, user: str,
                    pdf_renderer: PdfRenderer | None = None, progress: Progress | None = None,
                    lang: str = "en", filter_text: str | None = None) -> ExportResult:  # fmt: skip
    """Write a snapshot and record it in ``snapshots``.

    The Excel workbook is written for people, in ``lang`` (the window's language; see
    export_book), with ``filter_text`` (the filter as the window words it) on its Summary.

    Bad arguments raise ValidationErrors naming the option and the rule, with
    nothing written. On a read-only database the file is written all the same
    and the result says the snapshot could not be recorded. ``progress`` hears the
    rows written; a cancel before the file is renamed into place leaves no file
    (and no part file) behind.
    """
    if store.path is None:  # the team's server
        return _from_server(store, fmt=fmt, out=out, kind=kind, flt=flt, currency=currency,
                            as_of=as_of, user=user, pdf_renderer=pdf_renderer,
                            progress=progress, lang=lang, filter_text=filter_text)  # fmt: skip
    tally = _Tally(progress or quiet())
    token = _TALLY.set(tally)
    try:
        return _export(store, fmt=fmt, out=out, kind=kind, flt=flt, currency=currency, as_of=as_of,
                       user=user, pdf_renderer=pdf_renderer, tally=tally, lang=lang,
                       filter_text=filter_text)  # fmt: skip
    finally:
        _TALLY.reset(token)


def _from_server(store: Store, **options: Any) -> ExportResult:
    """A server portfolio is exported from a SQLite copy of one moment (the same output as
    for a file); the snapshot is then recorded in the server's own list."""
    import shutil
    import tempfile

    (options["progress"] or quiet())(0, 0, COPYING)
    folder = Path(tempfile.mkdtemp(prefix="tracker-export-"))
    try:
        path = store.backup_to(folder / "portfolio.sqlite3")
        with Store.open(path, backup=False) as copy:
            result = export_snapshot(copy, **options)
            copy.changed = False
            row = copy.get("snapshots", result.snapshot_id) if result.snapshot_id else None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result.snapshot_id = None
    if row is not None:
        try:
            result.snapshot_id = store.record_snapshot(
                fmt=row["format"], path=row["path"], sha256=row["sha256"],
                flt=Filter.from_dict(json.loads(row["filter"] or "{}")), kind=row["kind"],
                rows=row["rows"], as_of=row["as_of"], user=row["user"] or "")  # fmt: skip
        except StoreError as exc:  # e.g. a viewer: the file is written all the same
            result.notes.append(f"the snapshot could not be recorded on the server: {exc}")
    return result


def _export(store: Store, *, fmt: str, out: Path, kind: str, flt: Filter | None, currency: str,
            as_of: str | None, user: str, pdf_renderer: PdfRenderer | None,
            tally: _Tally, lang: str = "en", filter_text: str | None = None) -> ExportResult:  # fmt: skip
    fmt = (fmt or "").lower()
    out = Path(out)
    flt = flt or Filter()
    as_of = as_of or dt.date.today().isoformat()
    currency = (currency or "USD").upper()
    refuse_database_files(store, out, fmt)
    _check_args(fmt, out, kind)
    notes: list[str] = []
    if fmt == "sqlite":  # a copy of the file as it is, for another tool to correct it
        broken = row_check.broken_cells(store, limit=1000)
        if broken:
            notes.append(f"{len(broken)} stored value(s) break the program's rules and were "
                         f"copied as stored: {row_check.describe(broken)}")  # fmt: skip
    else:  # the others convert amounts, dates and codes ('abc' would become 0.00): refused
        row_check.refuse_if_broken(store, what=f"the {fmt.upper()} export")
    t0 = time.perf_counter()
    tables = KIND_TABLES[kind]
    taken_at = now_iso()
    meta = _metadata(store, kind=kind, flt=flt, currency=currency, as_of=as_of, taken_at=taken_at)
    with contextlib.nullcontext() if fmt == "sqlite" else read_snapshot(store):
        if fmt in ("xlsx", "csv", "json"):
            tally.start(sum(count_rows(store, t, flt if t in MAIN_TABLES else None)
                            for t in _tables_written(tables, kind)))  # fmt: skip
        if fmt == "xlsx":
            rows = _atomic(out, lambda tmp: _write_xlsx(store, tmp, tables, flt, meta, kind, lang,
                                                        filter_text))  # fmt: skip
            digest = sha256_file(out)
        elif fmt == "json":
            rows = _atomic(out, lambda tmp: _write_json(store, tmp, tables, flt, meta, kind))
            digest = sha256_file(out)
        elif fmt == "csv":
            rows, digest = _write_csv(store, out, tables, flt, meta, kind)
        elif fmt == "sqlite":
            tally.progress(0, 0, COPYING)
            store.backup_to(out, tally.pages)
            rows = {t: store.count(t) for t in MAIN_TABLES}
            digest = sha256_file(out)
            if not flt.is_empty():
                notes.append("a SQLite copy holds the whole database; the filter does not apply")
        elif fmt == "iati":
            tally.progress(0, 0, WRITING)
            rows = {
                "projects": _atomic(
                    out, lambda tmp: _write_iati(store, tmp, flt, as_of, taken_at, notes)
                )
            }
            digest = sha256_file(out)
        else:  # pdf
            tally.progress(0, 0, WRITING)
            if pdf_renderer is None:
                raise ValidationErrors(
                    [
                        ValidationError(
                            "format", "PDF export needs the report renderer of the window"
                        )
                    ]
                )
            _atomic(out, lambda tmp: pdf_renderer(store=store, out=tmp, flt=flt, currency=currency,
                                                  as_of=as_of))  # fmt: skip
            rows = {"projects": store.count("projects", flt)}
            digest = sha256_file(out)
    result = ExportResult(fmt, out, kind, rows, digest, time.perf_counter() - t0, notes=notes)
    _record(store, result, flt=flt, as_of=as_of, user=user)
    return result


def _check_args(fmt: str, out: Path, kind: str) -> None:
    errors = []
    if fmt not in FORMATS:
        errors.append(ValidationError("format", f"must be one of {', '.join(FORMATS)}"))
    if kind not in KIND_TABLES:
        errors.append(ValidationError("kind", f"must be one of {', '.join(KIND_TABLES)}"))
    folder_ok = fmt == "csv" and out.suffix.lower() != ".zip"
    if out.is_dir() and not folder_ok:
        errors.append(ValidationError("out", f"{out} is a folder; give a file name"))
    elif out.exists() and folder_ok and not out.is_dir():
        errors.append(ValidationError("out", f"{out} is a file; CSV needs a folder or a .zip name"))
    parent = out if folder_ok and out.is_dir() else out.parent
    if not parent.exists() and not folder_ok:
        errors.append(ValidationError("out", f"the folder {parent} does not exist"))
    elif parent.exists() and not os.access(parent, os.W_OK):
        errors.append(ValidationError("out", f"the folder {parent} cannot be written"))
    if errors:
        raise ValidationErrors(errors)


def _atomic(out: Path, write: Callable[[Path], Any]) -> Any:
    """Write an exclusive part file beside the target and rename: a failed or cancelled
    export never leaves half a file, nor its part file. The rename is the commit point."""

    def then_commit(tmp: Path) -> Any:
        result = write(tmp)
        _running_tally().progress.commit_point()
        return result

    return write_atomic(out, then_commit)


class _Tally:
    """Rows written so far by this export, told to its progress every few thousand."""

    EVERY = 2000

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.total = 0
        self.done = 0
        self._told = 0

    def start(self, total: int) -> None:
        self.total = total
        self.progress(0, total, WRITING)

    def add(self, n: int = 1) -> None:
        self.done += n
        if self.done - self._told >= self.EVERY:
            self._told = self.done
            self.progress(self.done, self.total)

    def pages(self, done: int, total: int) -> None:
        self.progress(done, total)
        if done >= total:
            self.progress.commit_point()

    def rows(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        add = self.add
        for row in rows:
            add()
            yield row


_TALLY: ContextVar[_Tally | None] = ContextVar("export_tally", default=None)


def _running_tally() -> _Tally:
    """The running export's tally (one nobody watches when called outside export_snapshot)."""
    return _TALLY.get() or _Tally(quiet())


def refuse_database_files(store: Store, out: Path, fmt: str) -> None:
    """An export must never replace the open database, its journal files or a backup."""
    if store.path is None:  # a server portfolio: no file of it on this computer to harm
        return
    folders = {store.backup_dir, default_backup_dir(store.path)}
    targets = [out]
    if fmt == "csv" and out.suffix.lower() != ".zip":
        targets += [out / f"{t}.csv" for t in MAIN_TABLES + REFERENCE_TABLES]
        targets.append(out / "manifest.json")
    for target in targets:
        why = database_clash(target, store.path, folders)
        if why:
            raise ValidationErrors([ValidationError("out", why)])


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _record(store: Store, result: ExportResult, *, flt: Filter, as_of: str, user: str) -> None:
    if store.read_only:
        result.notes.append(
            f"the snapshot could not be recorded: the database is {store.read_only_reason or 'read-only'}"
        )
        return
    try:
        result.snapshot_id = store.record_snapshot(
            fmt=result.fmt, path=str(result.path.resolve()), sha256=result.sha256, flt=flt,
            kind=result.kind, rows=result.total_rows, as_of=as_of, user=user,
        )  # fmt: skip
    except StoreError as exc:
        result.notes.append(f"the snapshot could not be recorded: {exc}")


def _metadata(store: Store, *, kind: str, flt: Filter, currency: str, as_of: str,
              taken_at: str) -> dict[str, Any]:  # fmt: skip
    return {
        "as_of": as_of,
        "schema_version": store.schema_version,
        "filter": flt.to_dict(),
        "filter_description": flt.describe(),
        "generator": f"{APP_NAME} {__version__}",
        "taken_at": taken_at,
        "currency": currency,
        "kind": kind,
        "database": store.name,
    }


def _tables_written(tables: tuple[str, ...], kind: str) -> tuple[str, ...]:
    return tables + (REFERENCE_TABLES if kind == "all" else ())


# --------------------------------------------------------------------- XLSX
def _write_xlsx(store: Store, path: Path, tables: tuple[str, ...], flt: Filter, meta: dict[str, Any],
                kind: str, lang: str = "en", filter_text: str | None = None) -> dict[str, int]:  # fmt: skip
    """A Summary sheet and one sheet per table, for people (see export_book), streamed
    (see export_xlsx)."""
    from tracker.services import export_book as book_layout
    from tracker.services import export_xlsx as xl

    t = book_layout.words(lang)
    names = _tables_written(tables, kind)
    sheets = {table: book_layout.sheet_name(table, lang) for table in names}
    summary = t("Sheet", book_layout.SUMMARY)
    book = xl.XlsxStream(path, [summary, *sheets.values()],
                         title=t("Export", "Portfolio snapshot as of {date}").format(date=meta["as_of"]),
                         comments=f"{meta['generator']}; {meta['filter_description']}")  # fmt: skip
    counts: dict[str, int] = {}
    extra: dict[str, Any] = {"countries": set(), "kinds": {"joint_venture": 0, "foreign_owned": 0}}
    conv = portfolio.converter(store, currency=meta["currency"], as_of=meta["as_of"])
    ref_names = book_layout.reference_names(store.rows, lang)
    try:
        for table in names:
            cols = book_layout.layout(table, lang, conv.target, ref_names)
            use = flt if table in MAIN_TABLES else None
            sums = None  # the total row: the database's sums, as the window's totals
            if table in portfolio.MONEY_COLUMNS:
                sums = portfolio.totals(store, kind=table, flt=use, conv=conv).sums
            shown = book_layout.SheetRows(table, conv, sums)
            rows: Iterator[dict[str, Any]] = _running_tally().rows(
                export_rows(store, table, use, project_names=True)
            )
            if table == "residents":
                rows = _tally(rows, "country", extra["countries"].add)
            elif table == "ventures":
                rows = _tally(rows, "kind", lambda k: _bump(extra["kinds"], k))
            footer = (lambda s=shown, c=cols: s.total_row(c, lang)) if shown.money else None
            counts[table] = book.write_sheet(
                sheets[table], header=[c.header for c in cols], keys=[c.key for c in cols],
                kinds=[c.kind for c in cols], widths=[c.width for c in cols], rows=shown(rows),
                n_rows=count_rows(store, table, use), footer=footer,
            )  # fmt: skip
        rows_ = _summary_rows(store, meta, counts, extra, flt, tables, lang=lang, sheets=sheets,
                              filter_text=filter_text)  # fmt: skip
        book.write_cells(summary, rows_, [40, 24, 10])
    except BaseException:
        book.abandon()
        raise
    book.close()
    return {t: n for t, n in counts.items() if t in tables}


def _tally(
    rows: Iterator[dict[str, Any]], col: str, see: Callable[[Any], Any]
) -> Iterator[dict[str, Any]]:
    for row in rows:
        see(row[col])
        yield row


def _bump(counter: dict[str, int], key: Any) -> None:
    if key in counter:
        counter[key] += 1


def summary_figures(store: Store, *, tables: tuple[str, ...], flt: Filter, currency: str,
                    as_of: str) -> list[tuple[str, Any, str | None]]:  # fmt: skip
    """Key figures of what an export holds: (label, value, currency or None)."""
    conv = portfolio.converter(store, currency=currency, as_of=as_of)
    out: list[tuple[str, Any, str | None]] = []
    labels = {"amount": "Committed", "disbursed": "Disbursed",
              "declared_investment": "Declared investment", "invested_to_date": "Invested to date",
              "charter_capital": "Charter capital"}  # fmt: skip
    for table in tables:
        if table in ("project_updates", "disbursement_plans"):
            continue
        t = portfolio.totals(store, kind=table, flt=flt, conv=conv)
        name = {"projects": "Projects", "residents": "Residents", "ventures": "Ventures"}[table]
        out.append((name, t.count, None))
        for col, total in t.sums.items():
            out.append((f"{name}: {labels[col].lower()}", total, conv.target))
    if conv.warning:
        out.append(("Warning", conv.warning, None))
    return out


def _summary_rows(store: Store, meta: dict[str, Any], counts: dict[str, int], extra: dict[str, Any],
                  flt: Filter, tables: tuple[str, ...], *, lang: str = "en",
                  sheets: Mapping[str, str] | None = None,
                  filter_text: str | None = None) -> list[list[tuple[Any, Any]]]:  # fmt: skip
    from tracker.services import export_xlsx as xl
    from tracker.services.translations import tr

    def t(text: str) -> str:
        return tr(lang, "Export", text)

    rows: list[list[tuple[Any, Any]]] = [[(t("Portfolio snapshot"), xl.S_TITLE)], []]
    shown_filter = filter_text or (
        t("all records") if flt.is_empty() else meta["filter_description"]
    )
    for label, value in (
        (t("Database"), meta["database"]),
        (t("As of"), dt.date.fromisoformat(meta["as_of"])),
        (t("Taken at (UTC)"), meta["taken_at"][:19].replace("T", " ")),
        (t("Filter"), shown_filter),
        (t("Reporting currency"), meta["currency"]),
        (t("Generator"), meta["generator"]),
    ):
        rows.append([(label, xl.S_BOLD), (value, xl.DATE if isinstance(value, dt.date) else None)])
    rows += [[], [(t("Key figures"), xl.S_TITLE)]]
    figures = summary_figures(
        store, tables=tables, flt=flt, currency=meta["currency"], as_of=meta["as_of"]
    )
    if "residents" in tables:
        figures.append(("Residents: countries", len(extra["countries"]), None))
    if "ventures" in tables:
        figures.append(("Joint ventures", extra["kinds"]["joint_venture"], None))
        figures.append(("Foreign-owned", extra["kinds"]["foreign_owned"], None))
    for label, value, cur in figures:
        if label == "Warning":
            rows.append([(t(label), 0), (value, None)])
        elif isinstance(value, Decimal):
            rows.append([(t(label), 0), (value, xl.MONEY), (cur, 0)])
        else:
            rows.append([(t(label), 0), (value, None)])
    rows += [[], [(t("Sheets"), xl.S_TITLE)]]
    sheets = sheets or {}
    rows += [[(sheets.get(table, table), 0), (n, None)] for table, n in counts.items()]
    return rows


# ---------------------------------------------------------------------- CSV
def _csv_spec(table: str) -> list[tuple[str, str]]:
    """(source column, how) per CSV column: money, formula-checked text, REAL or plain (see
    export_reads.export_csv_batches)."""
    fmap = _field_map(table)
    spec = []
    for c in columns(table):
        f = fmap.get(c)
        if f is None:
            spec.append((c, "plain"))
        elif f.type == MONEY:
            spec.append((f.name, "money"))
        elif f.type == REAL:
            spec.append((f.name, "real"))
        elif f.type in (DATE, INT):
            spec.append((f.name, "plain"))
        else:
            spec.append((f.column if f.type == REF else f.name, "text"))
    return spec


def _write_csv_table(store: Store, table: str, flt: Filter, fh: io.TextIOBase) -> int:
    """Header, then batches of lines SQLite wrote whole (checked to need no CSV quoting)
    or, where they would, cells written by csv.writer: the same bytes either way."""
    w = csv.writer(fh, lineterminator="\r\n")
    w.writerow(columns(table))
    n = 0
    use = flt if table in MAIN_TABLES else None
    tally = _running_tally()
    for k, batch in export_csv_batches(store, table, use, _csv_spec(table)):
        if isinstance(batch, str):
            fh.write(batch)
        else:
            w.writerows(batch)
        n += k
        tally.add(k)
    return n


def _write_csv(store: Store, out: Path, tables: tuple[str, ...], flt: Filter,
               meta: dict[str, Any], kind: str) -> tuple[dict[str, int], str]:  # fmt: skip
    """CSV, UTF-8 with BOM (so Excel reads Cyrillic and Chinese), one file per table,
    into a folder (sha256 of its manifest.json) or a .zip (sha256 of the zip)."""
    counts: dict[str, int] = {}
    names = _tables_written(tables, kind)
    if out.suffix.lower() == ".zip":

        def write_zip(tmp: Path) -> None:
            files = {}
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for table in names:
                    h = _HashingWriter()
                    with zf.open(f"{table}.csv", "w") as raw:
                        h.raw = raw
                        with io.TextIOWrapper(h, encoding="utf-8-sig", newline="") as fh:  # type: ignore[arg-type]
                            counts[table] = _write_csv_table(store, table, flt, fh)
                    files[f"{table}.csv"] = {"rows": counts[table], "sha256": h.hexdigest()}
                zf.writestr("manifest.json", _manifest(meta, files))

        _atomic(out, write_zip)
        digest = sha256_file(out)
    else:
        files = _write_csv_folder(store, out, names, flt, meta, counts)
        digest = files["manifest.json"]
    return {t: n for t, n in counts.items() if t in tables}, digest


def _write_csv_folder(store: Store, out: Path, names: tuple[str, ...], flt: Filter,
                      meta: dict[str, Any], counts: dict[str, int]) -> dict[str, str]:  # fmt: skip
    """Every table's file (and the manifest) written to an exclusive part file first, then
    all renamed into place at once: a failed or cancelled export leaves the folder as it was
    (a folder it made is removed again). Returns each file's sha256."""
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    parts: dict[Path, Path] = {}
    try:
        files: dict[str, Any] = {}
        for table in names:
            target = out / f"{table}.csv"
            tmp = parts[target] = exclusive_part(target, mode=0o666)
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                counts[table] = _write_csv_table(store, table, flt, fh)
            files[target.name] = {"rows": counts[table], "sha256": sha256_file(tmp)}
        manifest = out / "manifest.json"
        tmp = parts[manifest] = exclusive_part(manifest, mode=0o666)
        tmp.write_text(_manifest(meta, files), encoding="utf-8")
        _running_tally().progress.commit_point()
        for target, part in parts.items():
            os.replace(part, target)
    except BaseException:
        for part in parts.values():
            part.unlink(missing_ok=True)
        if made:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    return {name: f["sha256"] for name, f in files.items()} | {
        "manifest.json": sha256_file(out / "manifest.json")
    }


class _HashingWriter(io.RawIOBase):
    """Passes bytes on to a zip member and hashes them on the way."""

    def __init__(self) -> None:
        self.raw: Any = None
        self._h = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self._h.update(b)
        return self.raw.write(b)

    def close(self) -> None:  # the zip member is closed by its own context manager
        super().close()

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def _manifest(meta: dict[str, Any], files: dict[str, Any]) -> str:
    return json.dumps({"metadata": meta, "files": files}, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------- JSON
def _json_money(m: int) -> str:
    if m >= 0:
        return f"{m // 100}.{m % 100:02d}"  # an exact JSON number: 1234567.89, never a binary float
    return str(from_minor(m))


def _json_writers(table: str) -> list[tuple[str, str, Callable[[Any], str]]]:
    """(JSON key, row key, value -> JSON text) per column, straight from store rows."""
    fmap = _field_map(table)
    out = []
    for c in columns(table):
        f = fmap.get(c)
        key = f.name if f is not None and f.type != REF else c
        if f is not None and f.type == MONEY:
            fn: Callable[[Any], str] = _json_money
        elif f is not None and f.type == INT:
            fn = lambda v: str(int(v))  # noqa: E731
        elif f is not None and f.type == REAL:
            fn = lambda v: repr(float(v))  # noqa: E731
        else:
            fn = _json_dumps
        out.append((json.dumps(c) + ": ", key, fn))
    return out


def _json_dumps(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


def _write_json_table(store: Store, table: str, flt: Filter, fh: Any, indent: str) -> int:
    writers = _json_writers(table)
    fh.write("[")
    n = 0
    lead = f"\n{indent}  {{"
    rows = _running_tally().rows(export_rows(store, table, flt if table in MAIN_TABLES else None))
    for n, row in enumerate(rows, start=1):
        body = ", ".join(
            [k + ("null" if (v := row[rk]) is None else fn(v)) for k, rk, fn in writers]
        )
        fh.write(("," if n > 1 else "") + lead + body + "}")
    fh.write(f"\n{indent}]" if n else "]")
    return n


def _write_json(store: Store, path: Path, tables: tuple[str, ...], flt: Filter,
                meta: dict[str, Any], kind: str) -> dict[str, int]:  # fmt: skip
    counts: dict[str, int] = {}
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{\n  "metadata": ' + json.dumps(meta, ensure_ascii=False))
        for table in tables:
            fh.write(f",\n  {json.dumps(table)}: ")
            counts[table] = _write_json_table(store, table, flt, fh, "  ")
        if kind == "all":
            fh.write(',\n  "reference": {')
            for i, table in enumerate(REFERENCE_TABLES):
                fh.write(("," if i else "") + f"\n    {json.dumps(table)}: ")
                _write_json_table(store, table, flt, fh, "    ")
            fh.write("\n  }")
        fh.write("\n}\n")
    return counts


# --------------------------------------------------------------------- IATI
def _write_iati(store: Store, path: Path, flt: Filter, as_of: str, taken_at: str,
                notes: list[str]) -> int:  # fmt: skip
    """Write, check against the schema (refused if invalid), then run IATI's standard ruleset
    and say in ``notes`` what it found and what could not be written IATI's way."""
    from tracker.services import iati, iati_rules

    if count_rows(store, "projects", flt) == 0:
        raise ValidationErrors(
            [ValidationError("kind", "no projects to export: IATI XML needs at least one activity")]
        )
    said = iati.ExportNotes(set())
    n = iati.write_activities(store, out=path, flt=flt, as_of=as_of, generated_at=taken_at,
                              notes=said)  # fmt: skip
    try:
        iati.validate(path)
    except iati.IatiInvalid as exc:
        raise ValidationErrors([ValidationError("format", str(exc))]) from None
    notes.append(iati_rules.summary(iati_rules.check_file(path)))
    notes.extend(said.lines())
    return n


__all__ = [
    "FORMATS",
    "KIND_TABLES",
    "ExportResult",
    "columns",
    "export_snapshot",
    "neutralise",
    "refuse_database_files",
    "sha256_file",
    "summary_figures",
]
