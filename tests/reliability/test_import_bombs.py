"""Import files built to exhaust the machine, or damaged by accident (issue 13): each
is refused with one short line naming the cap or the place (exit 1), with bounded
memory, and the database is left byte-for-byte as it was."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tracker import cli
from tracker.services import import_limits as limits
from tracker.services import importer
from tracker.store import Store

from .helpers import sha256

HEADER = ["code", "name", "sector", "bank", "amount", "currency", "status"]
ROW = ["P-9", "Mill", "industry", "China Exim", "1000", "USD", "signed"]


def _import(db: Path, src: Path, capsys, kind: str = "projects") -> tuple[int, str]:
    before = sha256(db)
    code = cli.main(["import", "--db", str(db), "--kind", kind, str(src)])
    err = capsys.readouterr().err
    assert sha256(db) == before, "a refused import changed the database"
    assert "Traceback" not in err
    return code, err


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "projects"
    ws.append(HEADER)
    ws.append(ROW)
    wb.save(path)
    return path


def _rewrite_member(path: Path, member: str, edit) -> None:  # noqa: ANN001
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts[member] = edit(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


SHEET = "xl/worksheets/sheet1.xml"


def test_an_xlsx_that_inflates_a_thousand_times_is_refused_before_parsing(small_db, tmp_path,
                                                                         capsys):  # fmt: skip
    src = _workbook(tmp_path / "bomb.xlsx")
    # 64 MB of blanks inside the sheet's XML (valid XML, deflates to about 64 KB).
    _rewrite_member(
        src, SHEET, lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 << 20))
    )
    tracemalloc.start()
    code, err = _import(small_db, src, capsys)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1
    assert f"bomb.xlsx: the workbook part {SHEET} would inflate" in err
    assert f"at most {limits.XLSX_MAX_RATIO} times" in err
    assert peak < 16 << 20  # nothing was inflated


def test_an_xlsx_claiming_a_huge_member_is_refused(small_db, tmp_path, capsys):
    src = _workbook(tmp_path / "claims.xlsx")
    data = bytearray(src.read_bytes())
    # The central directory entry of the sheet says it inflates to 3 GB.
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        name_len = struct.unpack("<H", data[i + 28 : i + 30])[0]
        if data[i + 46 : i + 46 + name_len] == SHEET.encode():
            data[i + 24 : i + 28] = struct.pack("<I", 3 << 30)
        i = data.find(b"PK\x01\x02", i + 4)
    src.write_bytes(bytes(data))
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert (
        f"would inflate to 3,072 MB; an import takes at most {limits.XLSX_MAX_MEMBER_BYTES >> 20} MB"
        in err
    )


def test_a_huge_dimension_claim_costs_nothing(small_db, tmp_path):
    src = _workbook(tmp_path / "dimension.xlsx")
    _rewrite_member(src, SHEET, lambda x: x.replace(b'<dimension ref="A1:G2"/>',
                                                    b'<dimension ref="A1:XFD1048576"/>'))  # fmt: skip
    assert b"XFD1048576" in zipfile.ZipFile(src).read(SHEET)
    tracemalloc.start()
    with Store.open(small_db, read_only=True, backup=False) as s:
        plan = importer.plan_import(s, kind="projects", path=src)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 64 << 20  # rows are as wide as their cells, not as the claim
    assert plan.errors == [] and len(plan.planned) == 1


def test_a_cell_at_the_last_row_of_excel_is_refused_naming_the_cap(small_db, tmp_path, capsys):
    src = _workbook(tmp_path / "far.xlsx")
    far = (b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>P-far</t></is></c></row>'
           b"</sheetData>")  # fmt: skip
    _rewrite_member(src, SHEET, lambda x: x.replace(b"</sheetData>", far))
    tracemalloc.start()
    code, err = _import(small_db, src, capsys)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1
    assert (
        f"far.xlsx: the file goes on past row {limits.MAX_ROWS + 1:,}; an import takes at most 1,000,000 records"
        in err
    )
    assert peak < 64 << 20


def test_a_too_long_cell_is_refused_naming_row_and_column(small_db, tmp_path, capsys):
    """(openpyxl itself cuts XLSX cells at Excel's 32,767 characters; CSV does not.)"""
    src = tmp_path / "long.csv"
    src.write_text(",".join(HEADER) + "\n" + ",".join([ROW[0], "x" * 40_000, *ROW[2:]]) + "\n")
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert (
        "long.csv: row 2, column name: the cell holds 40,000 characters; a cell may hold at most 32,767"
        in err
    )


def test_a_csv_with_300000_columns_gets_one_short_line(small_db, tmp_path, capsys):
    src = tmp_path / "wide.csv"
    src.write_text(
        ",".join(f"c{i}" for i in range(300_000)) + "\n" + ",".join("1" * 300_000) + "\n"
    )
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert err.count("\n") <= 2 and len(err) < 400
    assert "the header has 300,000 columns; an import takes at most 200" in err


def test_unknown_header_columns_stay_under_the_problem_cap(small_db, tmp_path, capsys):
    src = tmp_path / "many.csv"
    src.write_text(
        ",".join([*HEADER, *(f"x{i}" for i in range(190))]) + "\n" + ",".join(ROW) + "\n"
    )
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert err.count("unknown column") == 190 <= importer.MAX_ERRORS


def test_deeply_nested_json_is_refused(small_db, tmp_path, capsys):
    src = tmp_path / "deep.json"
    src.write_text("[" * 200_000 + "]" * 200_000)
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert "nested more than 32 levels deep" in err and "RecursionError" not in err


def test_json_value_that_is_a_list_is_refused(small_db, tmp_path, capsys):
    src = tmp_path / "list.json"
    src.write_text('[{"code": "P-9", "name": [[["x"]]]}]')
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert "record 1, field name: a value must be text, a number or empty" in err


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_a_stray_byte_is_refused_with_row_and_offset(small_db, tmp_path, capsys, bom):
    lines = [",".join(HEADER), "P-7,Целлюлозный комбинат,industry,China Exim,1000,USD,signed",
             "P-8,Ветропарк Север,energy,China Exim,2000,USD,signed"]  # fmt: skip
    data = bom + "\n".join(lines).encode() + b"\n"
    at = data.index("Север".encode())
    data = data[:at] + b"\xff" + data[at:]
    src = tmp_path / "stray.csv"
    src.write_bytes(data)
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert f"stray.csv: row 3: byte {at:,} (0xFF) is not UTF-8" in err
    assert "Windows-1251" not in err


def test_real_windows_1251_still_imports(small_db, tmp_path, capsys):
    src = tmp_path / "ansi.csv"
    src.write_bytes(("\n".join([",".join(HEADER),
                                "P-7,Целлюлозный комбинат,industry,China Exim,1000,USD,signed"])
                     + "\n").encode("cp1251"))  # fmt: skip
    assert cli.main(["import", "--db", str(small_db), "--kind", "projects", str(src)]) == 0
    assert "Windows-1251" in capsys.readouterr().out


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x0c", "\x85"])
def test_control_characters_in_text_fields_are_refused(small_db, tmp_path, capsys, char):
    src = tmp_path / "ctl.csv"
    src.write_text(",".join(HEADER) + "\n" + ",".join([ROW[0], f"Mill{char}x", *ROW[2:]]) + "\n",
                   encoding="utf-8")  # fmt: skip
    code, err = _import(small_db, src, capsys)
    assert code == 1
    assert (f"row 2, column name: holds the control character U+{ord(char):04X} at position 5"
            in err)  # fmt: skip


def test_tab_and_line_breaks_are_still_text(small_db, tmp_path, capsys):
    src = tmp_path / "ok.csv"
    buf = io.StringIO()
    import csv

    csv.writer(buf).writerows([HEADER, [ROW[0], "Mill\twith\r\nlines", *ROW[2:]]])
    src.write_text(buf.getvalue(), encoding="utf-8")
    assert cli.main(["import", "--db", str(small_db), "--kind", "projects", str(src)]) == 0
    capsys.readouterr()
