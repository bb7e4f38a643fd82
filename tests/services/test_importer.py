"""Import rules: upsert by key, duplicates, columns, refusals that name row,
column and rule, and all-or-nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.domain.validation import ValidationErrors
from tracker.services import importer

PHEAD = "code,name,sector,bank,amount,currency,status,disbursed\n"


def write(tmp_path, text, name="p.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def plan_errors(store, tmp_path, text, kind="projects", name="p.csv"):
    plan = importer.plan_import(store, kind=kind, path=write(tmp_path, text, name))
    assert not plan.ok
    return plan.errors


def test_upsert_by_code_second_import_updates_and_skips(store, tmp_path):
    first = (
        PHEAD + "P-1,Mill,industry,CDB,100,USD,signed,0\nP-2,Park,energy,ICBC,200,USD,signed,0\n"
    )
    plan = importer.import_file(store, kind="projects", path=write(tmp_path, first), user="t")
    assert plan.counts() == {"insert": 2, "update": 0, "skip": 0}
    v1 = store.get_by("projects", "code", "P-2")["version"]
    second = PHEAD + "P-1,Mill,industry,CDB,100,USD,signed,0\nP-2,Solar park,energy,ICBC,250,USD,signed,0\n" \
                     "P-3,Dairy,agriculture,BOC,5,USD,pipeline,0\n"  # fmt: skip
    plan = importer.import_file(store, kind="projects", path=write(tmp_path, second), user="t")
    assert plan.counts() == {"insert": 1, "update": 1, "skip": 1}
    upd = next(p for p in plan.planned if p.action == "update")
    assert upd.changes == {"name": "Solar park", "amount": 25000}
    p2 = store.get_by("projects", "code", "P-2")
    assert p2["name"] == "Solar park" and p2["amount"] == 25000 and p2["version"] == v1 + 1
    assert store.count("projects") == 3
    assert "1 new, 1 changed, 1 unchanged" in plan.summary()
    actions = [r["action"] for r in store.rows("audit_log", where={"table_name": "projects"})]
    assert actions.count("import") == 4 and actions.count("import_file") == 2


def test_upsert_by_name_for_residents_and_partial_columns(store, tmp_path):
    head = "name,zone,country,sector,status,currency,jobs_planned\n"
    importer.import_file(store, kind="residents", path=write(tmp_path, head + "Alpha LLC,Great Stone Industrial Park,China,IT,operating,USD,10\n"), user="t")  # fmt: skip
    plan = importer.import_file(store, kind="residents", path=write(tmp_path, head + "Alpha LLC,great stone industrial park,cn,it,OPERATING,usd,12\n"), user="t")  # fmt: skip
    assert plan.counts() == {"insert": 0, "update": 1, "skip": 0}
    r = store.get_by("residents", "name", "Alpha LLC")
    assert r["jobs_planned"] == 12 and r["country"] == "CN"


def test_reference_tables_import(store, tmp_path):
    importer.import_file(store, kind="banks", path=write(tmp_path, "name,short_name,country\nBank of Minsk,BoM,Belarus\n"), user="t")  # fmt: skip
    assert store.get_by("banks", "short_name", "BoM")["country"] == "BY"
    importer.import_file(store, kind="fx_rates", path=write(tmp_path, "currency,date,per_usd\nCNY,2024-01-01,7.1\nCNY,02.01.2024,7.2\n"), user="t")  # fmt: skip
    plan = importer.import_file(store, kind="fx_rates", path=write(tmp_path, "currency,date,per_usd\ncny,2024-01-01,7.15\n"), user="t")  # fmt: skip
    assert plan.counts() == {"insert": 0, "update": 1, "skip": 0}
    assert store.fx_table().per_usd("CNY", "2024-01-01") == Decimal("7.15")
    importer.import_file(
        store, kind="zones", path=write(tmp_path, "name,kind\nFEZ Test,fez\n"), user="t"
    )
    assert store.get_by("zones", "name", "FEZ Test")["kind"] == "fez"


def test_duplicates_within_a_file(store, tmp_path):
    errs = plan_errors(store, tmp_path, PHEAD + "P-1,A,it,CDB,1,USD,signed,0\nP-2,B,it,CDB,1,USD,signed,0\n"
                                                "P-1,C,it,CDB,1,USD,signed,0\n")  # fmt: skip
    assert [(e.row, e.field) for e in errs] == [(4, "code")]
    assert "rows 2 and 4" in errs[0].message


def test_unknown_duplicate_and_missing_columns(store, tmp_path):
    errs = plan_errors(
        store,
        tmp_path,
        "code,name,colour,bank,amount,currency,status,Name\nP-1,A,red,CDB,1,USD,signed,A\n",
    )
    got = {(e.row, e.field): e.message for e in errs}
    assert "unknown column" in got[(1, "colour")]
    assert "appears twice" in got[(1, "Name")]
    assert "required column is missing" in got[(1, "sector")]


def test_extra_cells_and_short_rows(store, tmp_path):
    errs = plan_errors(store, tmp_path, PHEAD + "P-1,A,it,CDB,1,USD,signed,0,surprise\nP-2,B,it\n")
    got = {(e.row, e.field) for e in errs}
    assert (2, "row") in got  # more cells than columns
    assert (3, "bank") in got and (3, "amount") in got  # short row: missing required values


def test_exported_columns_are_ignored(store, tmp_path):
    text = "id,version,updated_at,kind," + PHEAD.strip() + "\n9,4,x,y,P-1,A,it,CDB,1,USD,signed,0\n"
    importer.import_file(store, kind="projects", path=write(tmp_path, text), user="t")
    assert store.get_by("projects", "code", "P-1")["version"] == 1


@pytest.mark.parametrize(
    ("line", "field", "rule"),
    [
        ("P-1,,it,CDB,1,USD,signed,0", "name", "is required"),
        ("P 1,A,it,CDB,1,USD,signed,0", "code", "only letters, digits"),
        ("P-1,A,mining,CDB,1,USD,signed,0", "sector", "not a sector code or name"),
        ("P-1,A,it,Bank of Mars,1,USD,signed,0", "bank", "not a known bank"),
        ("P-1,A,it,CDB,1.001,USD,signed,0", "amount", "more than two decimal places"),
        ("P-1,A,it,CDB,-1,USD,signed,0", "amount", "must not be negative"),
        ("P-1,A,it,CDB,1,US,signed,0", "currency", "three-letter ISO 4217"),
        ("P-1,A,it,CDB,1,USD,finished,0", "status", "must be one of"),
        ("P-1,A,it,CDB,1,USD,signed,2", "disbursed", "must not exceed the committed amount"),
        ("P-1,A,it,CDB,1,USD,pipeline,1", "disbursed", "pipeline"),
    ],
)
def test_every_refused_value_names_row_column_rule(store, tmp_path, line, field, rule):
    errs = plan_errors(store, tmp_path, PHEAD + "P-0,Fine,it,CDB,1,USD,signed,0\n" + line + "\n")
    assert [(e.row, e.field) for e in errs] == [(3, field)]
    assert rule in errs[0].message
    with pytest.raises(ValidationErrors):
        importer.import_file(store, kind="projects", path=tmp_path / "p.csv", user="t")
    assert store.count("projects") == 0  # all or nothing: the good row is not written either


def test_every_bad_row_is_listed(store, tmp_path):
    lines = [f"P-{i},A,it,CDB,{'x' if i % 2 else '1'},USD,signed,0" for i in range(1, 11)]
    errs = plan_errors(store, tmp_path, PHEAD + "\n".join(lines) + "\n")
    assert [e.row for e in errs] == [2, 4, 6, 8, 10]


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"", "p.csv", "empty"),
        (b"\n\n  \n", "p.csv", "empty"),
        (b"code\x00name\x00", "p.csv", "binary"),
        (b"{not json", "p.json", "not valid JSON"),
        (b'{"residents": []}', "p.json", "no 'projects' list"),
        (b"[1, 2]", "p.json", "list of records"),
        (b"PK\x03\x04garbage", "p.xlsx", "not a readable XLSX"),
    ],
)
def test_unreadable_files(store, tmp_path, content, name, words):
    p = tmp_path / name
    p.write_bytes(content)
    plan = importer.plan_import(store, kind="projects", path=p)
    assert len(plan.errors) == 1 and plan.errors[0].field == "file"
    assert words in plan.errors[0].message


def test_missing_file(store, tmp_path):
    plan = importer.plan_import(store, kind="projects", path=tmp_path / "nope.csv")
    assert "cannot read the file" in plan.errors[0].message


def test_dry_run_writes_nothing(store, tmp_path):
    n = store.count("audit_log")
    plan = importer.import_file(store, kind="projects", path=write(tmp_path, PHEAD + "P-1,A,it,CDB,1,USD,signed,0\n"),
                                user="t", dry_run=True)  # fmt: skip
    assert plan.ok and plan.counts()["insert"] == 1
    assert store.count("projects") == 0 and store.count("audit_log") == n


def test_commit_refuses_a_plan_with_errors(store, tmp_path):
    plan = importer.plan_import(
        store, kind="projects", path=write(tmp_path, PHEAD + "P-1,A,it,CDB,x,USD,signed,0\n")
    )
    with pytest.raises(ValidationErrors):
        importer.commit_plan(store, plan, user="t")


# ------------------------------------------------------------------ updates
@pytest.fixture
def two_projects(store, tmp_path):
    importer.import_file(store, kind="projects", path=write(tmp_path, PHEAD + "P-1,A,it,CDB,1000,USD,signed,0\n"
                                                                            "P-2,B,it,CDB,1000,USD,signed,0\n", "seed.csv"),
                         user="t")  # fmt: skip
    return store


UHEAD = "project,as_of,status,progress_pct,disbursed,note\n"


def test_updates_move_projects_and_keep_history(two_projects, tmp_path):
    s = two_projects
    text = UHEAD + "P-1,2024-03-01,implementation,30,300,March\nP-1,2024-01-01,implementation,10,100,Jan\n" \
                   "P-2,2024-02-01,suspended,5,,Feb\n"  # fmt: skip
    plan = importer.import_file(s, kind="updates", path=write(tmp_path, text), user="t")
    assert plan.counts()["insert"] == 3
    p1 = s.get_by("projects", "code", "P-1")
    assert (p1["status"], p1["progress_pct"], p1["disbursed"]) == (
        "implementation",
        30,
        30000,
    )  # the latest
    p2 = s.get_by("projects", "code", "P-2")
    assert p2["status"] == "suspended" and p2["disbursed"] == 0
    assert s.count("project_updates") == 3
    again = importer.import_file(s, kind="updates", path=write(tmp_path, text), user="t")
    assert again.counts() == {"insert": 0, "update": 0, "skip": 3}
    assert s.count("project_updates") == 3


def test_update_rows_refused(two_projects, tmp_path):
    text = UHEAD + "P-9,2024-03-01,implementation,30,300,x\nP-1,2024-13-01,implementation,30,300,x\n" \
                   "P-1,2024-03-01,implementation,130,300,x\nP-1,2024-03-01,implementation,30,5000,x\n"  # fmt: skip
    errs = plan_errors(two_projects, tmp_path, text, kind="updates")
    assert {(e.row, e.field) for e in errs} == {(2, "project"), (3, "as_of"), (4, "progress_pct")}
    text = UHEAD + "P-1,2024-03-01,implementation,30,5000,x\n"
    errs = plan_errors(two_projects, tmp_path, text, kind="updates")
    assert [(e.row, e.field) for e in errs] == [(2, "disbursed")]
    assert "exceeds the committed amount of P-1" in errs[0].message
    assert two_projects.count("project_updates") == 0


def test_comma_in_a_decimal_point_file_is_refused(store, tmp_path):
    text = PHEAD + "P-1,A,it,CDB,1234.50,USD,signed,0\nP-2,B,it,CDB,2000.25,USD,signed,1,5\n"
    text = text.replace("1,5\n", '"1,5"\n')
    errs = plan_errors(store, tmp_path, text)
    assert [(e.row, e.field) for e in errs] == [(3, "disbursed")]
    assert "not a thousands separator" in errs[0].message


def test_update_with_some_columns_keeps_cross_field_rules(store, tmp_path):
    """A file without the disbursed column must not lower the amount below what was disbursed."""
    importer.import_file(store, kind="projects", path=write(tmp_path, PHEAD + "P-1,A,it,CDB,1000,USD,implementation,900\n"), user="t")  # fmt: skip
    head = "code,name,sector,bank,amount,currency,status\n"
    errs = plan_errors(store, tmp_path, head + "P-1,A,it,CDB,500,USD,implementation\n")
    assert [(e.row, e.field) for e in errs] == [(2, "disbursed")]
    assert "must not exceed the committed amount" in errs[0].message
    assert store.get_by("projects", "code", "P-1")["amount"] == 100000
    # Columns left out keep their stored values (not emptied).
    plan = importer.import_file(store, kind="projects", path=write(tmp_path, head + "P-1,A2,it,CDB,1000,USD,implementation\n"), user="t")  # fmt: skip
    assert plan.counts()["update"] == 1
    p = store.get_by("projects", "code", "P-1")
    assert (p["name"], p["disbursed"]) == ("A2", 90000)


def test_update_row_pipeline_with_money_refused(two_projects, tmp_path):
    errs = plan_errors(
        two_projects, tmp_path, UHEAD + "P-1,2024-03-01,pipeline,0,10,x\n", kind="updates"
    )
    assert [(e.row, e.field) for e in errs] == [(2, "disbursed")] and "pipeline" in errs[0].message
