"""Each import dialect a desk officer's files come in: CSV as Excel saves it in
English and Russian locales, XLSX written with openpyxl, and the program's JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from tracker.services import importer

HEADER = ["code", "name", "sector", "region", "bank", "amount", "currency", "disbursed", "status",
          "agreement_date", "progress_pct", "interest_rate"]  # fmt: skip


def rows_en():
    return [
        ["P-1", "Pulp mill", "industry", "BY-HO", "China Exim", "1234567.89", "USD", "1000.5", "implementation",
         "2019-03-04", "40", "3.25"],
        ["P-2", "Solar park", "Energy", "Minsk Region", "CDB", "500000", "cny", "", "signed", "2020-12-31", "", ""],
    ]  # fmt: skip


def rows_ru():
    return [
        ["P-1", "Целлюлозный комбинат", "Промышленность", "Гомельская область", "China Exim", "1 234 567,89", "USD",
         "1000,5", "implementation", "04.03.2019", "40", "3,25"],
        ["P-2", "Солнечный парк", "энергетика", "BY-MI", "CDB", "500\u00a0000,00", "CNY", "", "signed", "31.12.2020",
         "", ""],
    ]  # fmt: skip


def csv_text(rows, sep, header=HEADER) -> str:
    def cell(v: str) -> str:
        return f'"{v}"' if (sep in v or '"' in v) else v

    return "\r\n".join(sep.join(cell(c) for c in r) for r in [header, *rows]) + "\r\n"


def check_imported(store, *, names=("Pulp mill", "Solar park")):
    p1 = store.get_by("projects", "code", "P-1")
    p2 = store.get_by("projects", "code", "P-2")
    assert p1["amount"] == 123456789 and p1["disbursed"] == 100050
    assert (
        p1["agreement_date"] == "2019-03-04"
        and p1["interest_rate"] == 3.25
        and p1["progress_pct"] == 40
    )
    assert p1["sector"] == "industry" and p1["region"] == "BY-HO"
    assert p1["bank_id"] == store.get_by("banks", "short_name", "China Exim")["id"]
    assert p2["amount"] == 50000000 and p2["currency"] == "CNY" and p2["sector"] == "energy"
    assert p2["region"] == "BY-MI" and p2["agreement_date"] == "2020-12-31"
    assert (p1["name"], p2["name"]) == names


@pytest.mark.parametrize(
    ("encoding", "sep", "rows", "names", "desc"),
    [
        ("utf-8", ",", rows_en, ("Pulp mill", "Solar park"), "UTF-8, ','"),
        ("utf-8-sig", ",", rows_en, ("Pulp mill", "Solar park"), "UTF-8 with BOM"),
        ("cp1252", ",", rows_en, ("Pulp mill", "Solar park"), "UTF-8"),  # ASCII content
        ("utf-8", ";", rows_en, ("Pulp mill", "Solar park"), "';'"),
        ("cp1251", ";", rows_ru, ("Целлюлозный комбинат", "Солнечный парк"), "Windows-1251, ';'"),
        ("utf-8-sig", ";", rows_ru, ("Целлюлозный комбинат", "Солнечный парк"), "decimal comma"),
        ("utf-8", "\t", rows_en, ("Pulp mill", "Solar park"), "tab"),
    ],
)
def test_csv_dialects(store, tmp_path, encoding, sep, rows, names, desc):
    p = tmp_path / "projects.csv"
    p.write_bytes(csv_text(rows(), sep).encode(encoding))
    plan = importer.import_file(store, kind="projects", path=p, user="t")
    assert plan.counts() == {"insert": 2, "update": 0, "skip": 0}
    assert desc in plan.source.description
    check_imported(store, names=names)


def test_csv_english_excel_with_thousands_commas(store, tmp_path):
    rows = rows_en()
    rows[0][5] = "1,234,567.89"
    rows[1][5] = "500,000.00"
    p = tmp_path / "p.csv"
    p.write_text(csv_text(rows, ","), encoding="utf-8")
    importer.import_file(store, kind="projects", path=p, user="t")
    check_imported(store)


def test_csv_decimal_comma_single_amount_with_comma_delimiter(store, tmp_path):
    """A quoted '1234,5' in a comma file: Excel in a comma locale would never write it
    unless the locale uses the decimal comma."""
    rows = rows_en()
    rows[0][5], rows[0][7] = "1234567,89", "1000,50"
    p = tmp_path / "p.csv"
    p.write_text(csv_text(rows, ","), encoding="utf-8")
    importer.import_file(store, kind="projects", path=p, user="t")
    check_imported(store)


def test_xlsx_with_real_number_and_date_cells(store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Projects"
    ws.append(HEADER)
    ws.append(["P-1", "Pulp mill", "industry", "BY-HO", "China Exim", 1234567.89, "USD", 1000.5, "implementation",
               dt.datetime(2019, 3, 4), 40, 3.25])  # fmt: skip
    ws.append(["P-2", "Solar park", "Energy", "Minsk Region", "CDB", 500000, "cny", None, "signed",
               dt.date(2020, 12, 31), None, None])  # fmt: skip
    ws.append([None] * len(HEADER))  # an empty row is skipped
    ws["J2"].number_format = "dd.mm.yyyy"
    p = tmp_path / "p.xlsx"
    wb.save(p)
    plan = importer.import_file(store, kind="projects", path=p, user="t")
    assert plan.source.description.startswith("XLSX")
    check_imported(store)


def test_xlsx_number_cell_with_float_noise(store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(
        [
            "P-1",
            "Pulp mill",
            "industry",
            "BY-HO",
            "China Exim",
            0.1 + 0.2,
            "USD",
            None,
            "signed",
            None,
            None,
            None,
        ]
    )
    p = tmp_path / "p.xlsx"
    wb.save(p)
    importer.import_file(store, kind="projects", path=p, user="t")
    assert store.get_by("projects", "code", "P-1")["amount"] == 30


def test_xlsx_bad_cells_named(store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(
        [
            "P-1",
            "Pulp mill",
            "industry",
            "BY-HO",
            "China Exim",
            12.345,
            "USD",
            None,
            "signed",
            "31.02.2020",
            None,
            None,
        ]
    )
    p = tmp_path / "p.xlsx"
    wb.save(p)
    plan = importer.plan_import(store, kind="projects", path=p)
    got = {(e.row, e.field) for e in plan.errors}
    assert got == {(2, "amount"), (2, "agreement_date")}


@pytest.mark.parametrize("shape", ["list", "dict", "export"])
def test_program_json(store, tmp_path, shape):
    recs = [dict(zip(HEADER, r, strict=True)) for r in rows_en()]
    recs[0]["amount"] = 1234567.89  # a JSON number, read exactly
    recs[1]["amount"] = "500000.00"
    recs[0]["progress_pct"] = 40
    recs[0]["id"] = 77  # exported columns that imports ignore
    recs[0]["version"] = 3
    doc = {"list": recs, "dict": {"projects": recs},
           "export": {"meta": {"as_of": "2026-11-27"}, "data": {"projects": recs}}}[shape]  # fmt: skip
    p = tmp_path / "p.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    plan = importer.import_file(store, kind="projects", path=p, user="t")
    assert plan.counts()["insert"] == 2
    check_imported(store)
    assert store.get_by("projects", "code", "P-1")["id"] != 77


def test_updates_dialect_ru(store, tmp_path):
    p = tmp_path / "p.csv"
    p.write_bytes(csv_text(rows_ru(), ";").encode("cp1251"))
    importer.import_file(store, kind="projects", path=p, user="t")
    u = tmp_path / "u.csv"
    text = "project;as_of;status;progress_pct;disbursed;note\r\n" \
           "p-1;01.06.2021;implementation;55;200 000,25;Транш\r\n"  # fmt: skip
    u.write_bytes(text.encode("cp1251"))
    plan = importer.import_file(store, kind="updates", path=u, user="t")
    assert plan.counts()["insert"] == 1
    p1 = store.get_by("projects", "code", "P-1")
    assert p1["disbursed"] == 20000025 and p1["progress_pct"] == 55
    hist = store.rows("project_updates")
    assert hist[0]["note"] == "Транш" and hist[0]["as_of"] == "2021-06-01"
    assert Decimal(hist[0]["disbursed"]) / 100 == Decimal("200000.25")


@pytest.mark.parametrize(
    ("encoding", "name", "desc"),
    [
        ("cp1252", "Société Générale Crédit", "Windows-1252"),
        ("cp1252", "Müller Straße Anlage", "Windows-1252"),
        ("cp1251", "Завод г. Минск", "Windows-1251"),
        ("cp1251", "ОАО «Гродно Азот»", "Windows-1251"),
    ],
)
def test_excel_ansi_code_pages(store, tmp_path, encoding, name, desc):
    """Excel's plain 'CSV' is in the Windows ANSI code page: 1252 in English, 1251 in Russian."""
    rows = rows_en()
    rows[0][1] = name
    p = tmp_path / "p.csv"
    p.write_bytes(csv_text(rows, ";" if encoding == "cp1251" else ",").encode(encoding))
    plan = importer.import_file(store, kind="projects", path=p, user="t")
    assert desc in plan.source.description
    assert store.get_by("projects", "code", "P-1")["name"] == name
