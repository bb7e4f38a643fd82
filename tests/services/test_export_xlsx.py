"""The streaming XLSX writer on its own: cells read back exactly with openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from lxml import etree

from tracker.services import export_xlsx as xl
from tracker.services.importer import _xl_text


def test_column_letters():
    assert [xl.column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]  # fmt: skip


def write(tmp_path, rows, kinds, header=None):
    path = tmp_path / "t.xlsx"
    header = header or [f"c{i}" for i in range(len(kinds))]
    book = xl.XlsxStream(path, ["Summary", "data"], title="T & <t>")
    book.write_sheet("data", header=header, keys=header, kinds=kinds, widths=[12] * len(kinds),
                     rows=[dict(zip(header, r, strict=True)) for r in rows], n_rows=len(rows))  # fmt: skip
    book.write_cells("Summary", [[("Title", xl.S_TITLE)], [("Total", xl.S_BOLD), (Decimal("12.50"), xl.MONEY)]],
                     [20, 12])  # fmt: skip
    book.close()
    return path


TEXTS = ['=HYPERLINK("http://x","y")', "  leading and trailing  ", "a & b < c > d", "line\r\nbreak\ttab",
         "bell\x07", "literal _x0041_ text", "中白 Великий камень", "@SUM(A1)"]  # fmt: skip


def test_text_is_always_a_string_and_comes_back_exactly(tmp_path):
    path = write(tmp_path, [[t] for t in TEXTS], [xl.TEXT])
    ws = openpyxl.load_workbook(path)["data"]
    cells = [ws.cell(r, 1) for r in range(2, len(TEXTS) + 2)]
    assert all(c.data_type == "s" for c in cells)
    assert [_xl_text(c.value) for c in cells] == TEXTS


def test_money_dates_and_numbers(tmp_path):
    rows = [[123456789, "2026-11-27", 42, 3.65], [0, "1900-01-01", -7, 1e-05], [10**15 + 1, "1899-12-31", 0, 0.0],
            [None, None, None, None]]  # fmt: skip
    path = write(tmp_path, rows, [xl.MINOR, xl.DATE, xl.INT, xl.FLOAT])
    wb = openpyxl.load_workbook(path)
    ws = wb["data"]
    assert ws.cell(2, 1).value == 1234567.89 and ws.cell(2, 1).number_format == "#,##0.00"
    assert ws.cell(3, 1).value == 0
    assert ws.cell(4, 1).value == "10000000000000.01"  # beyond 15 digits: exact text
    assert (
        ws.cell(2, 2).value == dt.datetime(2026, 11, 27)
        and ws.cell(2, 2).number_format == "yyyy-mm-dd"
    )
    assert ws.cell(3, 2).value == dt.datetime(1900, 1, 1)
    assert ws.cell(4, 2).value == "1899-12-31"
    assert [ws.cell(r, 3).value for r in (2, 3, 4)] == [42, -7, 0]
    assert [ws.cell(r, 4).value for r in (2, 3, 4)] == [3.65, 1e-05, 0]
    assert all(ws.cell(5, c).value is None for c in range(1, 5))
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D5"
    assert wb["Summary"]["B2"].value == 12.5 and wb["Summary"]["B2"].number_format == "#,##0.00"
    assert wb.sheetnames == ["Summary", "data"] and wb.properties.title == "T & <t>"


def test_every_part_is_well_formed_xml_and_filter_is_defined(tmp_path):
    path = write(tmp_path, [[t] for t in TEXTS], [xl.TEXT])
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist()[0] == "[Content_Types].xml"
        for name in zf.namelist():
            etree.fromstring(zf.read(name))
        workbook = zf.read("xl/workbook.xml").decode()
    assert "_xlnm._FilterDatabase" in workbook and "'data'!$A$1:$A$9" in workbook


def test_empty_sheet_still_has_header_and_filter(tmp_path):
    path = write(tmp_path, [], [xl.TEXT, xl.INT], header=["name", "n"])
    ws = openpyxl.load_workbook(path)["data"]
    assert [c.value for c in ws[1]] == ["name", "n"] and ws.max_row == 1


@pytest.mark.parametrize("n", [0, 1, 10])
def test_write_sheet_returns_rows_written(tmp_path, n):
    path = tmp_path / "n.xlsx"
    book = xl.XlsxStream(path, ["s"])
    got = book.write_sheet("s", header=["a"], keys=["a"], kinds=[xl.INT], widths=[5],
                           rows=({"a": i} for i in range(n)), n_rows=n)  # fmt: skip
    book.close()
    assert got == n
    assert openpyxl.load_workbook(path, read_only=True)["s"].max_row == n + 1


def test_theme_part_is_shipped_related_and_typed_like_excels_own(tmp_path):
    """Fonts refer to theme colours: the theme part, its relationship and content type exist,
    and every relationship of the package points at a part that is there (strict OOXML)."""
    path = write(tmp_path, [["x"]], [xl.TEXT])
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        theme = etree.fromstring(zf.read("xl/theme/theme1.xml"))
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        types = etree.fromstring(zf.read("[Content_Types].xml"))
        styles = zf.read("xl/styles.xml").decode()
        root_rels = etree.fromstring(zf.read("_rels/.rels"))
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    assert theme.tag == f"{a}theme"
    assert (
        theme.find(f"{a}themeElements/{a}fontScheme/{a}minorFont/{a}latin").get("typeface")
        == "Calibri"
    )
    assert '<color theme="1"/>' in styles and '<scheme val="minor"/>' in styles
    by_type = {r.get("Type").rsplit("/", 1)[1]: r.get("Target") for r in rels}
    assert by_type["theme"] == "theme/theme1.xml"
    assert len({r.get("Id") for r in rels}) == len(rels)
    for r in rels:
        assert "xl/" + r.get("Target") in names, r.get("Target")
    for r in root_rels:
        assert r.get("Target") in names
    overrides = {o.get("PartName"): o.get("ContentType") for o in types if o.get("PartName")}
    assert overrides["/xl/theme/theme1.xml"] == (
        "application/vnd.openxmlformats-officedocument.theme+xml"
    )
    for name in names - {"[Content_Types].xml"}:
        assert "/" + name in overrides or name.endswith(".rels"), name
    assert openpyxl.load_workbook(path).loaded_theme is not None
