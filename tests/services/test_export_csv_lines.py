"""CSV lines written whole by SQLite are byte for byte what csv.writer writes from the
cells (the fallback path): quoting, formula quotes, money, REAL repr, odd stored types."""

from __future__ import annotations

import csv
import io

import pytest

from tracker.domain.filters import Filter
from tracker.services import edits
from tracker.services.export import MAIN_TABLES, REFERENCE_TABLES, _csv_spec, export_snapshot
from tracker.store import Store
from tracker.store.export_reads import export_csv_batches, export_text_rows


def _add(store: Store, code: str, **kw) -> int:
    values = {"code": code, "name": f"Plant {code}", "sector": "energy", "bank": "CDB",
              "amount": "1234567.89", "currency": "USD", "status": "signed"} | kw  # fmt: skip
    _, pk = edits.create_record(store, kind="projects", values=values, user="tester")
    return pk


def _via_cells(store: Store, table: str, flt: Filter | None) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(
        export_text_rows(store, table, flt, _csv_spec(table))
    )
    return buf.getvalue()


def _via_batches(store: Store, table: str, flt: Filter | None, size: int) -> tuple[str, int, int]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    whole = cells = 0
    for _n, batch in export_csv_batches(store, table, flt, _csv_spec(table), size=size):
        if isinstance(batch, str):
            buf.write(batch)
            whole += 1
        else:
            w.writerows(batch)
            cells += 1
    return buf.getvalue(), whole, cells


@pytest.fixture
def odd_store(demo_store: Store) -> Store:
    _add_odd_text(demo_store)
    c = demo_store._conn
    # Stored values no validation would give, but the file must still be as csv.writer writes.
    c.execute("UPDATE projects SET interest_rate = 0.1 + 0.2, maturity_years = 1e-5, "
              "grace_years = 1e15 WHERE code = 'C-1'")  # fmt: skip
    c.execute("UPDATE projects SET interest_rate = 123456789.123, maturity_years = 0.0001, "
              "grace_years = 999999999999999.0 WHERE code = 'C-2'")  # fmt: skip
    c.execute("UPDATE projects SET interest_rate = 'n/a', amount = 12.5 WHERE code = 'C-3'")
    c.execute("UPDATE projects SET disbursed = 5, progress_pct = 7 WHERE code = 'C-4'")
    c.execute("UPDATE projects SET start_date = 20250101 WHERE code = 'C-5'")
    return demo_store


def _add_odd_text(demo_store: Store) -> None:
    _add(demo_store, "C-1", name="Comma, inside", description='say "hi"')
    _add(demo_store, "C-2", name="Two\nlines", borrower="carriage\rreturn")
    _add(demo_store, "C-3", name="'quoted but fine", borrower="''=twice quoted formula")
    _add(demo_store, "C-4", name="=1+1", borrower="@at", description="-minus")
    _add(demo_store, "C-5", name="+plus", borrower="\ttab", description="\rcr first")
    _add(demo_store, "C-6", name="Плавный 中文", interest_rate="2.69", maturity_years="12")


@pytest.mark.parametrize("size", [1, 3, 2000])
def test_lines_equal_csv_writer_cells_for_every_table(odd_store, size):
    for table in MAIN_TABLES + REFERENCE_TABLES:
        flt = Filter() if table in MAIN_TABLES else None
        got, whole, _cells = _via_batches(odd_store, table, flt, size)
        assert got == _via_cells(odd_store, table, flt), (table, size)
        if size == 1 and table in ("projects", "residents", "ventures", "project_updates"):
            assert whole > 0, table  # the fast path was taken at all


def test_odd_rows_go_through_cells_and_plain_rows_do_not(odd_store):
    whole, cells = set(), set()
    spec = _csv_spec("projects")
    for _n, batch in export_csv_batches(odd_store, "projects", Filter(), spec, size=1):
        if isinstance(batch, str):
            whole.add(batch.split(",", 1)[0])
        else:
            cells.add(batch[0][0])
    # Quoting, floats SQLite would print otherwise, text in a REAL column, REAL money:
    # cells. Formula quotes, integers in a date column, Cyrillic and Chinese: a line.
    assert {"C-1", "C-2", "C-3"} <= cells and {"C-4", "C-5", "C-6"} <= whole
    assert len(whole) + len(cells) == odd_store.count("projects")
    got = _via_batches(odd_store, "projects", Filter(), 1)[0]
    assert "C-6,Плавный 中文," in got and ",2.69,12.0," in got
    assert "\r\nC-4,'=1+1,energy," in got and ",'@at," in got
    assert "C-3,'quoted but fine," in got and ",'''=twice quoted formula," in got


def test_filtered_updates_and_residents_match_cells(odd_store):
    bank = odd_store.get_by("banks", "short_name", "CDB")
    flt = Filter(bank_id=(bank["id"],))
    for table in ("projects", "project_updates", "residents"):
        got, _whole, _cells = _via_batches(odd_store, table, flt, 7)
        assert got == _via_cells(odd_store, table, flt), table
    text = _via_batches(odd_store, "projects", flt, 7)[0]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows and {r[4] for r in rows} == {bank["name"]}


def test_written_file_is_the_bom_header_and_lines(demo_store, tmp_path):
    _add_odd_text(demo_store)
    odd_store = demo_store
    export_snapshot(odd_store, fmt="csv", out=tmp_path / "c", kind="projects", user="tester")
    raw = (tmp_path / "c" / "projects.csv").read_bytes()
    want = _via_cells(odd_store, "projects", Filter())
    assert raw.startswith(b"\xef\xbb\xbfcode,name,")
    assert raw.split(b"\r\n", 1)[1] == want.encode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r[0] for r in rows[1:]} >= {"C-1", "C-2", "C-3", "C-4", "C-5", "C-6"}


def test_a_batch_with_one_odd_row_keeps_its_other_rows_as_lines(odd_store):
    spec = _csv_spec("projects")

    def cell_codes(size: int) -> tuple[set[str], int]:
        codes, lines = set(), 0
        for n, batch in export_csv_batches(odd_store, "projects", Filter(), spec, size=size):
            if isinstance(batch, str):
                lines += n
            else:
                codes |= {r[0] for r in batch}
        return codes, lines

    one, lines_one = cell_codes(1)
    whole, lines_whole = cell_codes(2000)
    assert whole == one and lines_whole == lines_one > 0
