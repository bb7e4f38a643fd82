"""The import's bulk path: same validation results, same audit entries, all or nothing."""

from __future__ import annotations

import json

import pytest

from tracker.domain.fields import PROJECTS, validate
from tracker.domain.filters import Filter
from tracker.domain.validation import ValidationErrors
from tracker.services import importer
from tracker.store import bulk_insert


def _project(i: int, **over):
    row = {"code": f"B-{i:05d}", "name": f"Bulk plant {i}", "sector": "energy", "region": "BY-MI",
           "bank_id": "1", "borrower": f"Borrower {i}", "amount": f"{1000 + i}.5", "currency": "usd",
           "disbursed": "0", "status": "signed", "agreement_date": "2020-01-02",
           "start_date": "2020-02-01", "planned_end": "2023-02-01", "progress_pct": "10",
           "description": f"potash line {i}", "interest_rate": "2.5", "maturity_years": "15",
           "grace_years": "3"}  # fmt: skip
    row.update(over)
    return row


ODD_VALUES = [
    {},
    {"amount": "1 234 567,89"},
    {"amount": "1,234.5"},
    {"amount": "12.345"},
    {"amount": "-5"},
    {"amount": ""},
    {"amount": "0012"},
    {"amount": "9" * 16},
    {"disbursed": "999999"},
    {"status": "In progress"},
    {"status": "Implementation"},
    {"planned_end": "01.02.2019"},
    {"planned_end": "2023-02-30"},
    {"bank_id": "no such bank"},
    {"sector": "Energy"},
    {"region": ""},
    {"progress_pct": "101"},
    {"interest_rate": "2,5"},
    {"currency": "us"},
]


@pytest.mark.parametrize("over", ODD_VALUES, ids=lambda o: repr(o)[:40])
@pytest.mark.parametrize("decimal_comma", [None, False, True])
def test_row_validator_gives_what_validate_gives(store, over, decimal_comma):
    refs = store.ref_index()
    check = importer._RowValidator(PROJECTS, refs, decimal_comma)
    values = _project(1, **over)

    def run(fn):
        try:
            return ("ok", fn())
        except ValidationErrors as exc:
            return ("errors", [(e.field, e.message, e.row) for e in exc.errors])

    expected = run(lambda: validate(PROJECTS, values, refs, decimal_comma=decimal_comma, row=7))
    assert run(lambda: check(values, 7)) == expected
    assert run(lambda: check(values, 7)) == expected  # from the memo the second time


def test_bulk_audit_entries_match_single_inserts(store):
    refs = store.ref_index()
    rows = [validate(PROJECTS, _project(i), refs) for i in range(3)]
    single = store.insert("projects", rows[0], user="u", action="import")
    ids = bulk_insert.insert_audited(store, "projects", rows[1:], user="u", action="import")
    assert ids == [single + 1, single + 2]
    entries = {
        r["row_id"]: r for r in store.query("SELECT * FROM audit_log WHERE table_name = 'projects'")
    }
    one = json.loads(entries[single]["changes"])
    for pk in ids:
        bulk = json.loads(entries[pk]["changes"])
        assert set(bulk) == set(one)
        assert entries[pk]["action"] == "import" and entries[pk]["user"] == "u"
        assert bulk["code"] == [None, store.get("projects", pk)["code"]]
        assert bulk["version"] == [None, 1]


@pytest.mark.parametrize("rebuild_min", [1, 10**9], ids=["rebuild-indexes", "keep-indexes"])
def test_bulk_insert_keeps_search_triggers_and_indexes(store, monkeypatch, rebuild_min):
    monkeypatch.setattr(bulk_insert, "REBUILD_MIN", rebuild_min)
    schema = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('projects', 'projects_fts') ORDER BY name"
    before = store.query(schema)
    refs = store.ref_index()
    ids = bulk_insert.insert_audited(store, "projects", [validate(PROJECTS, _project(i), refs) for i in range(20)],
                                   user="u")  # fmt: skip
    assert store.query(schema) == before
    assert sorted(store.query_ids("projects", Filter(text="potash"))) == ids
    # The restored trigger indexes rows added later one by one.
    later = store.insert(
        "projects", validate(PROJECTS, _project(99, description="kaolin"), refs), user="u"
    )
    assert list(store.query_ids("projects", Filter(text="kaolin"))) == [later]
    assert store.integrity_check() == []


def test_failure_after_bulk_insert_leaves_nothing(store, monkeypatch):
    monkeypatch.setattr(bulk_insert, "REBUILD_MIN", 1)
    schema = store.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    audits = store.query("SELECT count(*) AS n FROM audit_log")[0]["n"]
    refs = store.ref_index()
    with pytest.raises(RuntimeError), store.write():
        bulk_insert.insert_audited(store, "projects", [validate(PROJECTS, _project(i), refs) for i in range(5)],
                                 user="u")  # fmt: skip
        raise RuntimeError("later step fails")
    assert store.query("SELECT count(*) AS n FROM projects")[0]["n"] == 0
    assert store.query("SELECT count(*) AS n FROM audit_log")[0]["n"] == audits
    assert store.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema


def test_import_file_uses_bulk_path_and_refuses_a_bad_row_whole(store, tmp_path):
    import csv

    good = tmp_path / "good.csv"
    rows = [_project(i) for i in range(50)]
    with good.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    plan = importer.import_file(store, kind="projects", path=good, user="u")
    assert plan.counts()["insert"] == 50
    per_row = store.query(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'import' AND row_id IS NOT NULL"
    )
    assert per_row[0]["n"] == 50
    bad = tmp_path / "bad.csv"
    rows = [_project(i + 100) for i in range(50)]
    rows[-1]["amount"] = "-1"
    with bad.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ValidationErrors) as exc:
        importer.import_file(store, kind="projects", path=bad, user="u")
    assert [(e.field, e.row) for e in exc.value.errors] == [("amount", 51)]
    assert store.query("SELECT count(*) AS n FROM projects")[0]["n"] == 50


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a,b\n'=1,x", True), ("a,'=b", True), ("a;b\t'+c", True), ('a,"\'@x"', True),
     ("'=first", True), ("O'Brien,x\r\nd'Arc,y", False), ("no quotes at all", False),
     ("a,b\r\n'-1", True)],
)  # fmt: skip
def test_quote_check_finds_a_cell_starting_with_a_quote(text, expected):
    assert importer._starts_a_cell(text, "'") is expected


def test_neutralised_formula_in_any_column_reads_back(store, tmp_path):
    path = tmp_path / "f.csv"
    row = _project(1, name="'=HYPERLINK(1)", description="O'Brien's plant")
    path.write_text(",".join(row) + "\n" + ",".join(row.values()) + "\n", encoding="utf-8")
    plan = importer.import_file(store, kind="projects", path=path, user="u")
    got = plan.planned[0].values
    assert got["name"] == "=HYPERLINK(1)" and got["description"] == "O'Brien's plant"
