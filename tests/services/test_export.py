"""Snapshot export: real files read back with the libraries a user would use."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tracker.domain.fields import KINDS
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationErrors
from tracker.services import edits, importer, portfolio
from tracker.services.export import columns, export_snapshot, neutralise, sha256_file
from tracker.store import Store

EVIL = '=HYPERLINK("http://x","y")'


def add_project(store: Store, **kw) -> int:
    values = {"code": "T-1", "name": "Test plant", "sector": "energy", "bank": "CDB",
              "amount": "1234567.89", "currency": "USD", "status": "signed"} | kw  # fmt: skip
    _, pk = edits.create_record(store, kind="projects", values=values, user="tester")
    return pk


def snapshots(store: Store) -> list[dict]:
    return store.rows("snapshots")


# ---------------------------------------------------------------------- XLSX
def test_xlsx_has_real_numbers_dates_frozen_header_autofilter(demo_store, tmp_path):
    out = tmp_path / "snap.xlsx"
    result = export_snapshot(demo_store, fmt="xlsx", out=out, user="tester", as_of="2025-12-31")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:5] == ["Summary", "Projects", "Updates", "Residents", "Joint ventures"]
    assert {"Banks", "Zones", "FX rates", "Countries", "Sectors", "Regions"} <= set(wb.sheetnames)
    ws = wb["Projects"]
    header = [c.value for c in ws[1]]
    assert header[:8] == ["Code", "Name", "Sector", "Sector code", "Region", "Region code", "Bank",
                          "Borrower"]  # fmt: skip
    assert header[-2:] == ["Amount, USD", "Disbursed, USD"]
    assert not {"id", "version", "updated_at"} & set(header)
    assert ws.freeze_panes == "A2"
    n = demo_store.count("projects")
    assert ws.max_row == 1 + n + 1 and n == result.rows["projects"]  # data, then the total row
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{n + 1}"
    assert ws.column_dimensions["B"].width >= 30
    col = {name: i for i, name in enumerate(header)}
    row = next(ws.iter_rows(min_row=2, max_row=2))
    assert row[col["Amount"]].data_type == "n" and row[col["Amount"]].number_format == "#,##0.00"
    assert isinstance(row[col["Start date"]].value, dt.datetime)
    assert row[col["Start date"]].number_format == "yyyy-mm-dd"
    assert isinstance(row[col["Progress, %"]].value, int)
    assert row[col["Bank"]].value in {b["name"] for b in demo_store.rows("banks")}
    updates = wb["Updates"]
    assert [c.value for c in updates[1]][:5] == ["Project", "Project name", "As of", "Status",
                                                 "Status code"]  # fmt: skip
    first = [c.value for c in updates[2]]
    assert first[1] == demo_store.get_by("projects", "code", first[0])["name"]


def test_xlsx_totals_equal_the_database_exactly(demo_store, tmp_path):
    out = tmp_path / "snap.xlsx"
    export_snapshot(demo_store, fmt="xlsx", out=out, user="tester", as_of="2025-12-31")
    wb = openpyxl.load_workbook(out, read_only=True)
    for table, money in (("projects", ("amount", "disbursed")),
                         ("residents", ("declared_investment", "invested_to_date")),
                         ("ventures", ("charter_capital",))):  # fmt: skip
        rows = list(
            wb[{"ventures": "Joint ventures"}.get(table, table.title())].iter_rows(values_only=True)
        )
        labels = {f.name: f.label for f in KINDS[table].fields}
        header = [{v: k for k, v in labels.items()}.get(h, h) for h in rows[0]]
        assert rows[-1][0] == "Total"
        sums: dict[tuple[str, str], Decimal] = {}
        for r in rows[1:-1]:
            cur = r[header.index("currency")]
            for m in money:
                v = r[header.index(m)]
                assert v is None or isinstance(v, (int, float))
                sums[(cur, m)] = sums.get((cur, m), Decimal(0)) + Decimal(f"{v or 0:.2f}")
        for db_row in demo_store.sums_by_currency(table, money):
            for m in money:
                assert sums[(db_row["currency"], m)] == from_minor(db_row[m] or 0), (table, m)
    # The Summary's key figures are the portfolio's totals in the reporting currency.
    cells = list(wb["Summary"].iter_rows(values_only=True))
    sheets_at = next(i for i, r in enumerate(cells) if r[0] == "Sheets")
    summary = {r[0]: r[1] for r in cells[:sheets_at] if r[0]}
    assert {r[0]: r[1] for r in cells[sheets_at + 1 :]}["Joint ventures"] == 170  # rows per sheet
    t = portfolio.totals(demo_store, kind="projects", currency="USD", as_of="2025-12-31")
    assert Decimal(f"{summary['Projects: committed']:.2f}") == t.sums["amount"]
    assert Decimal(f"{summary['Projects: disbursed']:.2f}") == t.sums["disbursed"]
    assert summary["Projects"] == demo_store.count("projects")
    assert summary["Joint ventures"] == 52 and summary["Foreign-owned"] == 118
    assert summary["As of"] == dt.datetime(2025, 12, 31)
    wb.close()


def test_xlsx_money_is_exact_and_huge_amounts_stay_exact(store, tmp_path):
    add_project(store, code="T-1", amount="1234567.89")
    add_project(store, code="T-2", amount="123456789012345.67", disbursed="0.01")
    assert store.get_by("projects", "code", "T-1")["amount"] == 123456789
    out = tmp_path / "m.xlsx"
    export_snapshot(store, fmt="xlsx", out=out, kind="projects", user="tester")
    ws = openpyxl.load_workbook(out)["Projects"]
    header = [c.value for c in ws[1]]
    amount = header.index("Amount") + 1
    assert ws.cell(2, amount).value == 1234567.89 and ws.cell(2, amount).data_type == "n"
    # 17 significant digits do not fit a spreadsheet number: exact text instead
    assert ws.cell(3, amount).value == "123456789012345.67"
    fresh = Store.open(tmp_path / "fresh.sqlite3", create=True, backup=False)
    try:
        importer.import_file(fresh, kind="projects", path=out, user="tester")
        got = {r["code"]: r["amount"] for r in fresh.rows("projects")}
        assert got == {"T-1": 123456789, "T-2": 12345678901234567}
    finally:
        fresh.close(backup=False)


@pytest.mark.parametrize(
    "text", [EVIL, "+375 29 123", "-2+3", "@SUM(A1)", "'=already quoted", "plain"]
)
def test_neutralise_is_undone_by_the_importer(text):
    n = neutralise(text)
    if text != "plain":
        assert n.startswith("'")
    assert importer.unquote(n) == text


def test_formula_text_comes_back_as_text_in_xlsx_and_csv(store, tmp_path):
    add_project(store, code="EVIL-1", name=EVIL, borrower="@cmd|' /C calc'!A0",
                description="+1-2 leading plus")  # fmt: skip
    xlsx, folder = tmp_path / "e.xlsx", tmp_path / "csv"
    export_snapshot(store, fmt="xlsx", out=xlsx, kind="projects", user="tester")
    export_snapshot(store, fmt="csv", out=folder, kind="projects", user="tester")
    ws = openpyxl.load_workbook(xlsx)["Projects"]
    name, borrower = ws.cell(2, 2), ws.cell(2, 8)
    assert name.data_type == "s" and name.value == EVIL
    assert borrower.data_type == "s" and borrower.value.startswith("@")
    raw = (folder / "projects.csv").read_text("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(raw)) if r[0] == "EVIL-1")
    assert row[1] == "'" + EVIL and row[5].startswith("'@") and row[15].startswith("'+")
    for src in (xlsx, folder / "projects.csv"):
        fresh = Store.open(tmp_path / f"fresh-{src.suffix[1:]}.sqlite3", create=True, backup=False)
        try:
            importer.import_file(fresh, kind="projects", path=src, user="tester")
            p = fresh.get_by("projects", "code", "EVIL-1")
            assert p["name"] == EVIL and p["borrower"] == "@cmd|' /C calc'!A0"
            assert p["description"] == "+1-2 leading plus"
        finally:
            fresh.close(backup=False)


# ----------------------------------------------------------------------- CSV
def test_csv_zip_is_utf8_with_bom_with_manifest(demo_store, tmp_path):
    out = tmp_path / "snap.zip"
    result = export_snapshot(demo_store, fmt="csv", out=out, user="tester")
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {"projects.csv", "project_updates.csv", "residents.csv", "ventures.csv",
                "fx_rates.csv", "banks.csv", "manifest.json"} <= names  # fmt: skip
        data = zf.read("residents.csv")
        manifest = json.loads(zf.read("manifest.json"))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "中白示例机械有限公司" in text
    assert manifest["files"]["projects.csv"]["rows"] == demo_store.count("projects")
    assert manifest["metadata"]["schema_version"] == demo_store.schema_version
    assert result.sha256 == sha256_file(out)


def test_csv_folder_sha256_is_of_its_manifest(demo_store, tmp_path):
    out = tmp_path / "folder"
    result = export_snapshot(demo_store, fmt="csv", out=out, kind="residents", user="tester")
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "residents.csv"]
    assert result.sha256 == sha256_file(out / "manifest.json")
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["files"]["residents.csv"]["sha256"] == sha256_file(out / "residents.csv")
    assert snapshots(demo_store)[-1]["sha256"] == result.sha256


# ---------------------------------------------------------------------- JSON
def test_json_document_has_metadata_and_exact_money(demo_store, tmp_path):
    out = tmp_path / "snap.json"
    flt = Filter(status=("completed",))
    export_snapshot(demo_store, fmt="json", out=out, flt=flt, user="tester", as_of="2025-06-30",
                    currency="eur")  # fmt: skip
    doc = json.loads(out.read_text("utf-8"), parse_float=Decimal)
    meta = doc["metadata"]
    assert meta["as_of"] == "2025-06-30" and meta["currency"] == "EUR"
    assert meta["schema_version"] == demo_store.schema_version
    assert meta["filter"] == {"status": ["completed"]}
    assert meta["generator"].startswith("Investment Tracker") and meta["taken_at"]
    assert set(doc) == {
        "metadata",
        "projects",
        "project_updates",
        "residents",
        "ventures",
        "disbursement_plans",
        "reference",
    }
    assert set(doc["reference"]) == {
        "banks",
        "zones",
        "fx_rates",
        "countries",
        "sectors",
        "regions",
    }
    completed = demo_store.rows("projects", where={"status": "completed"})
    assert [p["code"] for p in doc["projects"]] == [p["code"] for p in completed]
    assert {u["project"] for u in doc["project_updates"]} <= {p["code"] for p in completed}
    first = doc["projects"][0]
    assert first["amount"] == from_minor(completed[0]["amount"])
    assert isinstance(first["amount"], Decimal) and list(first)[
        : len(columns("projects"))
    ] == columns("projects")


# -------------------------------------------------- sqlite, pdf, snapshots
def test_every_export_is_recorded_with_its_sha256(demo_store, tmp_path):
    def renderer(*, store, out, flt, currency, as_of):
        Path(out).write_bytes(b"%PDF-1.4\n% test renderer\n" + currency.encode() + as_of.encode())

    outs = {"xlsx": "a.xlsx", "csv": "a.zip", "json": "a.json", "sqlite": "a.sqlite3",
            "iati": "a.xml", "pdf": "a.pdf"}  # fmt: skip
    for fmt, name in outs.items():
        r = export_snapshot(demo_store, fmt=fmt, out=tmp_path / name, user="tester",
                            pdf_renderer=renderer)  # fmt: skip
        row = demo_store.get("snapshots", r.snapshot_id)
        assert row["format"] == fmt and row["sha256"] == sha256_file(tmp_path / name)
        assert row["path"] == str((tmp_path / name).resolve()) and row["user"] == "tester"
        assert str(tmp_path / name) in r.describe() and r.sha256 in r.describe()
    assert len(snapshots(demo_store)) == len(outs)
    copy = Store.open(tmp_path / "a.sqlite3", read_only=True)
    try:
        assert copy.count("projects") == demo_store.count("projects")
        assert copy.integrity_check() == []
    finally:
        copy.close()


def test_pdf_without_renderer_is_refused(store, tmp_path):
    with pytest.raises(ValidationErrors, match="format: PDF export needs"):
        export_snapshot(store, fmt="pdf", out=tmp_path / "r.pdf", user="tester")
    assert not (tmp_path / "r.pdf").exists() and snapshots(store) == []


def test_read_only_database_still_exports_and_says_not_recorded(demo_path, tmp_path):
    with Store.open(demo_path, read_only=True, backup=False) as ro:
        r = export_snapshot(ro, fmt="json", out=tmp_path / "ro.json", user="tester")
        assert r.snapshot_id is None
        assert (
            "the snapshot could not be recorded: the database is opened read-only" in r.describe()
        )
        assert ro.rows("snapshots") == []
    assert (tmp_path / "ro.json").stat().st_size > 1000


@pytest.mark.parametrize(
    ("fmt", "out", "kind", "message"),
    [
        ("docx", "a.docx", "all", "format: must be one of"),
        ("xlsx", "missing/a.xlsx", "all", "out: the folder"),
        ("json", ".", "all", "is a folder"),
        ("xlsx", "a.xlsx", "everything", "kind: must be one of"),
    ],
)
def test_bad_arguments_write_nothing(store, tmp_path, fmt, out, kind, message):
    before = sorted(tmp_path.iterdir())
    with pytest.raises(ValidationErrors, match=message):
        export_snapshot(store, fmt=fmt, out=tmp_path / out, kind=kind, user="tester")
    assert sorted(tmp_path.iterdir()) == before and snapshots(store) == []


def test_filtered_export_holds_only_what_the_filter_shows(demo_store, tmp_path):
    bank = demo_store.get_by("banks", "short_name", "CDB")
    flt = Filter(bank_id=(bank["id"],))
    out = tmp_path / "cdb.xlsx"
    r = export_snapshot(demo_store, fmt="xlsx", out=out, kind="projects", flt=flt, user="tester")
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Summary", "Projects"]
    banks = {row[6] for row in wb["Projects"].iter_rows(min_row=2, values_only=True)}
    banks.discard(None)  # the total row
    assert banks == {bank["name"]}
    assert r.rows == {"projects": demo_store.count("projects", flt)}
    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Filter"] == flt.describe()
    wb.close()
    assert json.loads(snapshots(demo_store)[-1]["filter"]) == {"bank_id": [bank["id"]]}


def _reference_csv_cell(v) -> str:
    """What a CSV cell must hold, computed in Python from the typed export values."""
    if v is None:
        return ""
    if isinstance(v, str):
        return neutralise(v)
    return repr(v) if isinstance(v, float) else str(v)


def test_csv_cells_formatted_by_sqlite_equal_the_python_rule(demo_store, tmp_path):
    from tracker.services.export import MAIN_TABLES, REFERENCE_TABLES, records

    add_project(demo_store, code="Q-1", name="'=already", borrower="-minus", description="\tTab")
    demo_store._conn.execute("UPDATE projects SET amount = 5 WHERE code = 'Q-1'")  # 0.05
    out = tmp_path / "all.zip"
    export_snapshot(demo_store, fmt="csv", out=out, user="tester")
    with zipfile.ZipFile(out) as zf:
        for table in MAIN_TABLES + REFERENCE_TABLES:
            got = list(csv.reader(io.StringIO(zf.read(f"{table}.csv").decode("utf-8-sig"))))
            want = [[_reference_csv_cell(v) for v in r] for r in records(demo_store, table, None)]
            assert got[0] == columns(table) and got[1:] == want, table
    with zipfile.ZipFile(out) as zf:
        text = zf.read("projects.csv").decode("utf-8-sig")
    assert "Q-1,''=already," in text and ",'-minus," in text and ",0.05,USD," in text


def test_an_export_reads_one_moment_while_another_window_saves(demo_path, tmp_path):
    seen = []

    def renderer(*, store, out, flt, currency, as_of):
        seen.append(store.count("projects"))
        with Store.open(demo_path, backup=False) as other:  # another window saves meanwhile
            add_project(other, code="LATE-1")
        seen.append(store.count("projects"))
        Path(out).write_bytes(b"%PDF-1.4\n")

    with Store.open(demo_path, backup=False) as s:
        r = export_snapshot(
            s, fmt="pdf", out=tmp_path / "r.pdf", user="tester", pdf_renderer=renderer
        )
        assert seen[0] == seen[1] == r.rows["projects"]
        assert s.count("projects") == seen[0] + 1  # after the export the new project is there
        assert s.get("snapshots", r.snapshot_id)["rows"] == seen[0]
