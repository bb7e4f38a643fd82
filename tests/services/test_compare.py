"""Compare two real snapshot files: export SQLite, edit through services, export again."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tracker.services import edits, updates
from tracker.services.compare import compare_files, write_changes
from tracker.services.export import export_snapshot
from tracker.store import Store, StoreError


@pytest.fixture
def two_snapshots(demo_store, tmp_path) -> tuple[Path, Path, dict]:
    old = tmp_path / "old.sqlite3"
    export_snapshot(demo_store, fmt="sqlite", out=old, user="tester")
    s = demo_store
    p = s.rows("projects", where={"status": "implementation"})[0]
    edits.edit_record(s, kind="projects", pk=p["id"], values={"name": "Renamed plant", "interest_rate": "7.25"},
                      expected_version=p["version"], user="tester")  # fmt: skip
    updates.add_update(s, project_id=p["id"], values={"as_of": "2026-11-01", "progress_pct": "77",
                       "disbursed": "1234567.89", "note": "November round"}, user="tester")  # fmt: skip
    _, new_pk = edits.create_record(s, kind="projects", user="tester", values={
        "code": "NEW-1", "name": "New bridge", "sector": "transport", "bank": "ICBC",
        "amount": "1000000.00", "currency": "EUR", "status": "signed"})  # fmt: skip
    gone = s.rows("residents")[0]
    edits.delete_record(
        s, kind="residents", pk=gone["id"], expected_version=gone["version"], user="tester"
    )
    bank = s.get_by("banks", "short_name", "ABC")
    edits.edit_record(s, kind="banks", pk=bank["id"], values={"short_name": "AgBank"},
                      expected_version=bank["version"], user="tester")  # fmt: skip
    new = tmp_path / "new.sqlite3"
    export_snapshot(demo_store, fmt="sqlite", out=new, user="tester")
    return old, new, {"project": p, "resident": gone}


def test_added_removed_changed_field_by_field(two_snapshots):
    old, new, info = two_snapshots
    r = compare_files(old, new, as_of="2026-11-27")
    p = r.kinds["projects"]
    assert [a["code"] for a in p.added] == ["NEW-1"] and p.removed == []
    assert len(p.changed) == 1 and p.changed[0].key == info["project"]["code"]
    fields = p.changed[0].fields
    assert fields["name"] == (info["project"]["name"], "Renamed plant")
    assert fields["interest_rate"][1] == 7.25
    assert fields["disbursed"] == (
        Decimal(info["project"]["disbursed"]) / 100,
        Decimal("1234567.89"),
    )
    assert fields["progress_pct"] == (info["project"]["progress_pct"], 77)
    assert "version" not in fields and "updated_at" not in fields
    assert p.count_after == p.count_before + 1
    assert [u["note"] for u in r.kinds["project_updates"].added] == ["November round"]
    assert [x["name"] for x in r.kinds["residents"].removed] == [info["resident"]["name"]]
    assert r.kinds["ventures"].is_empty
    banks = r.kinds["banks"].changed
    assert [(b.key, b.fields) for b in banks] == [
        ("Agricultural Bank of China", {"short_name": ("ABC", "AgBank")})
    ]


def test_totals_moved_are_exact(two_snapshots):
    old, new, info = two_snapshots
    r = compare_files(old, new, as_of="2026-11-27")
    committed = next(t for t in r.totals if t.table == "projects" and t.measure == "committed")
    with Store.open(old, read_only=True) as s_old, Store.open(new, read_only=True) as s_new:
        from tracker.services import portfolio

        before = portfolio.totals(s_old, kind="projects", as_of="2026-11-27").sums["amount"]
        after = portfolio.totals(s_new, kind="projects", as_of="2026-11-27").sums["amount"]
    assert (committed.before, committed.after) == (before, after)
    assert committed.change == after - before != 0
    text = r.to_text()
    assert "Projects: 1 added, 0 removed, 1 changed" in text
    assert "disbursed: " in text and "→ 1,234,567.89" in text
    assert "Totals moved (USD" in text


def test_to_dict_is_json_and_exact(two_snapshots, tmp_path):
    old, new, _ = two_snapshots
    r = compare_files(old, new)
    doc = json.loads(json.dumps(r.to_dict()))
    ch = doc["kinds"]["projects"]["changed"][0]["fields"]["disbursed"]
    assert ch[1] == "1234567.89"
    assert doc["kinds"]["projects"]["added"][0]["amount"] == "1000000.00"
    out = write_changes(r, tmp_path / "diff.json")
    assert json.loads(out.read_text("utf-8")) == doc


def test_changes_as_xlsx_and_csv(two_snapshots, tmp_path):
    old, new, info = two_snapshots
    r = compare_files(old, new)
    x = write_changes(r, tmp_path / "diff.xlsx")
    wb = openpyxl.load_workbook(x)
    rows = list(wb["Changes"].iter_rows(values_only=True))
    assert rows[0] == ("kind", "key", "change", "field", "old", "new")
    assert ("projects", "NEW-1", "added", None, None, None) in rows
    disbursed = next(row for row in rows if row[3] == "disbursed")
    assert disbursed[5] == 1234567.89
    assert wb["Totals"].max_row == 1 + len(r.totals)
    c = write_changes(r, tmp_path / "diff.csv")
    lines = list(csv.reader(c.read_text("utf-8-sig").splitlines()))
    assert ["residents", info["resident"]["name"], "removed", "", "", ""] in lines
    with pytest.raises(ValueError, match=".xlsx, .csv or .json"):
        write_changes(r, tmp_path / "diff.txt")


def test_changes_workbook_keeps_money_exact_and_dates_as_dates(demo_store, tmp_path):
    """1e15-sized amounts keep their cents (as text with a note), 15 digits stay numbers,
    a changed date is a date cell, and the totals follow the same rule."""
    import datetime as dt

    old = tmp_path / "old.sqlite3"
    export_snapshot(demo_store, fmt="sqlite", out=old, user="tester")
    s = demo_store
    p = s.get_by("projects", "code", "BY-CN-001")
    q = s.get_by("projects", "code", "BY-CN-002")
    edits.edit_record(s, kind="projects", pk=p["id"], user="tester", expected_version=p["version"],
                      values={"amount": "987654321012345.67", "agreement_date": "2013-05-17"})  # fmt: skip
    edits.edit_record(s, kind="projects", pk=q["id"], user="tester", expected_version=q["version"],
                      values={"amount": "9876543210123.45"})  # fmt: skip
    new = tmp_path / "new.sqlite3"
    export_snapshot(demo_store, fmt="sqlite", out=new, user="tester")
    r = compare_files(old, new)
    out = write_changes(r, tmp_path / "diff.xlsx")
    ws = openpyxl.load_workbook(out)["Changes"]
    rows = {(row[1].value, row[3].value): row for row in ws.iter_rows(min_row=2)}
    big = rows[("BY-CN-001", "amount")]
    assert big[5].value == "987654321012345.67" and big[5].data_type == "s"
    assert "15" in big[5].comment.text
    assert big[4].value == float(Decimal(p["amount"]) / 100) and big[4].comment is None
    exact = rows[("BY-CN-002", "amount")][5]
    assert exact.value == 9876543210123.45 and exact.number_format == "#,##0.00"
    assert Decimal(repr(exact.value)) == Decimal("9876543210123.45")
    when = rows[("BY-CN-001", "agreement_date")]
    assert when[5].value == dt.datetime(2013, 5, 17) and when[5].number_format == "yyyy-mm-dd"
    assert when[4].is_date and when[4].value.date() == dt.date.fromisoformat(p["agreement_date"])
    totals = openpyxl.load_workbook(out)["Totals"]
    committed = next(row for row in totals.iter_rows(min_row=2) if row[1].value == "committed")
    assert committed[3].data_type == "s" and committed[3].comment is not None  # > 15 digits
    assert Decimal(committed[3].value) == next(
        t.after for t in r.totals if t.table == "projects" and t.measure == "committed"
    )


def test_same_file_has_no_differences(demo_path, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    with Store.open(demo_path, read_only=True) as s:
        s.backup_to(copy)
    r = compare_files(demo_path, copy)
    assert r.is_empty and "No differences" in r.to_text()
    assert all(t.change == 0 for t in r.totals)


def test_missing_or_foreign_file_is_refused(demo_path, tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        compare_files(demo_path, tmp_path / "nope.sqlite3")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 10)
    with pytest.raises(StoreError, match="not a SQLite database"):
        compare_files(junk, demo_path)
