"""Disbursement plans: validation (dates, amounts, currency = the project's), one
audited save, undo/redo, delete with the project, planned vs actual series."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tracker.domain.validation import ValidationErrors
from tracker.services import edits, plans, updates
from tracker.services.undo import DeleteCommand


@pytest.fixture
def project(store):
    _, pk = edits.create_record(store, kind="projects", user="a", values={
        "code": "P-1", "name": "Mill", "sector": "industry", "bank": "CDB", "amount": "1000",
        "currency": "EUR", "status": "implementation", "agreement_date": "2023-01-01"})  # fmt: skip
    return pk


def _errors(store, project, rows):
    with pytest.raises(ValidationErrors) as ei:
        plans.save_plan(store, project_id=project, rows=rows, user="a")
    return {(e.row, e.field): e.message for e in ei.value.errors}


def test_plan_validation_names_row_and_field(store, project):
    errs = _errors(store, project, [
        {"date": "2024-13-01", "amount": "100"},
        {"date": "2024-02-01", "amount": "-5"},
        {"date": "2024-03-01", "amount": "ten"},
        {"date": "", "amount": "100"},
        {"date": "2024-04-01", "amount": "100", "currency": "USD"},
        {"date": "2022-12-31", "amount": "100"},
    ])  # fmt: skip
    assert "not a real date" in errs[(1, "date")]
    assert errs[(2, "amount")] == "must not be negative"
    assert "amount like" in errs[(3, "amount")]
    assert errs[(4, "date")] == "is required"
    assert errs[(5, "currency")] == "must be the project's currency, EUR"
    assert "before the agreement date 2023-01-01" in errs[(6, "date")]
    errs = _errors(store, project, [{"date": "2024-01-01", "amount": "10"},
                                    {"date": "01.01.2024", "amount": "20"}])  # fmt: skip
    assert "planned twice (rows 1 and 2)" in errs[(2, "date")]
    errs = _errors(store, project, [{"date": "2024-01-01", "amount": "600"},
                                    {"date": "2024-06-01", "amount": "400.01"}])  # fmt: skip
    assert "adds up to 1000.01 EUR, more than the committed 1000.00" in errs[(2, "amount")]
    assert plans.plan_of(store, project) == []  # nothing written


def test_save_is_audited_and_undoable(store, project):
    cmd = plans.SavePlanCommand(project, [{"date": "2024-06-30", "amount": "300", "note": "T2"},
                                          {"date": "2024-03-31", "amount": "200,5"},
                                          {"date": "", "amount": ""}], user="ann")  # fmt: skip
    cmd.apply(store)
    rows = plans.plan_of(store, project)
    assert [(r["date"], r["amount"], r["currency"]) for r in rows] == [
        ("2024-03-31", 20050, "EUR"), ("2024-06-30", 30000, "EUR")]  # fmt: skip
    audit = store.query("SELECT * FROM audit_log WHERE table_name = 'disbursement_plans'")
    assert len(audit) == 2 and {a["user"] for a in audit} == {"ann"}
    assert json.loads(audit[0]["changes"])["project_id"] == [None, project]
    # A second save changes one row, removes one, adds one.
    cmd2 = plans.SavePlanCommand(project, [{"date": "2024-06-30", "amount": "350"},
                                           {"date": "2024-09-30", "amount": "100"}], user="ann")  # fmt: skip
    cmd2.apply(store)
    assert [(r["date"], r["amount"]) for r in plans.plan_of(store, project)] == [
        ("2024-06-30", 35000), ("2024-09-30", 10000)]  # fmt: skip
    cmd2.revert(store)
    back = plans.plan_of(store, project)
    assert [(r["date"], r["amount"]) for r in back] == [
        ("2024-03-31", 20050),
        ("2024-06-30", 30000),
    ]
    assert [r["id"] for r in back] == [r["id"] for r in rows]  # the same rows came back
    cmd2.apply(store)  # redo
    assert len(plans.plan_of(store, project)) == 2
    actions = [
        a["action"]
        for a in store.query(
            "SELECT action FROM audit_log WHERE table_name = 'disbursement_plans' ORDER BY id"
        )
    ]
    assert "undo" in actions and "redo" in actions


def test_project_delete_takes_its_plan_and_undo_brings_it_back(store, project):
    plans.save_plan(
        store, project_id=project, user="a", rows=[{"date": "2024-03-31", "amount": "1"}]
    )
    row = store.get("projects", project)
    cmd = DeleteCommand("projects", project, row["version"], "a")
    cmd.apply(store)
    assert store.get("projects", project) is None and plans.plan_of(store, project) == []
    cmd.revert(store)
    assert [r["amount"] for r in plans.plan_of(store, project)] == [100]


def test_plan_against_actual_series_and_share(store, project):
    plans.save_plan(store, project_id=project, user="a", rows=[
        {"date": "2024-02-15", "amount": "200"}, {"date": "2024-05-15", "amount": "300"},
        {"date": "2024-08-15", "amount": "100"}])  # fmt: skip
    updates.add_update(
        store, project_id=project, user="a", values={"as_of": "2024-03-01", "disbursed": "150"}
    )
    updates.add_update(
        store, project_id=project, user="a", values={"as_of": "2024-06-01", "disbursed": "400"}
    )
    s = plans.project_series(store, project_id=project)
    assert s.currency == "EUR"
    assert s.planned == [("2024-02-15", Decimal("200.00")), ("2024-05-15", Decimal("500.00")),
                         ("2024-08-15", Decimal("600.00"))]  # fmt: skip
    assert s.actual == [("2024-03-01", Decimal("150.00")), ("2024-06-01", Decimal("400.00"))]
    assert plans.planned_shares(store, as_of="2024-06-30") == {project: Decimal("80.0")}
    store.insert("fx_rates", {"currency": "EUR", "date": "2024-01-01", "per_usd": 0.5}, user="a")
    q = plans.portfolio_series(store, currency="USD", as_of="2024-06-30", today="2024-06-30")
    assert [d for d, _ in q.planned] == ["2024-03-31", "2024-06-30", "2024-09-30"]
    assert [v for _, v in q.planned] == [Decimal("400.00"), Decimal("1000.00"), Decimal("1200.00")]
    assert [v for _, v in q.actual] == [Decimal("300.00"), Decimal("800.00")]  # no future actuals


def test_import_kind_plans_checks_and_upserts(store, project, tmp_path):
    from tracker.services import importer

    bad = tmp_path / "bad.csv"
    bad.write_text("project,date,amount,currency\nP-1,2024-03-31,100,USD\nP-9,2024-03-31,1,\n"
                   "P-1,2022-01-01,1,\n", encoding="utf-8")  # fmt: skip
    plan = importer.plan_import(store, kind="plans", path=bad)
    msgs = {(e.row, e.field): e.message for e in plan.errors}
    assert msgs == {(3, "project"): "'P-9' is not a known project"}  # links first, then the rest
    bad.write_text("project,date,amount,currency\nP-1,2024-03-31,100,USD\nP-1,2022-01-01,1,\n"
                   "P-1,2024-03-31,5,\n", encoding="utf-8")  # fmt: skip
    msgs = {
        (e.row, e.field): e.message
        for e in importer.plan_import(store, kind="plans", path=bad).errors
    }
    assert "'2024-03-31' appears twice" in msgs[(4, "date")]
    good = tmp_path / "plans.csv"
    good.write_text("project,date,amount,note\nP-1,31.03.2024,100,first\nP-1,2024-06-30,200,\n",
                    encoding="utf-8")  # fmt: skip
    importer.import_file(store, kind="plans", path=good, user="imp")
    assert [(r["date"], r["amount"], r["currency"], r["note"]) for r in plans.plan_of(store, project)] == [
        ("2024-03-31", 10000, "EUR", "first"), ("2024-06-30", 20000, "EUR", None)]  # fmt: skip
    good.write_text("project,date,amount,currency\nP-1,2024-06-30,250,EUR\np-1,2024-09-30,900,\n",
                    encoding="utf-8")  # fmt: skip
    plan = importer.plan_import(store, kind="plans", path=good)
    assert [e.message for e in plan.errors] == [
        "the plan of P-1 adds up to 1250.00 EUR, more than the committed 1000.00"
    ]
    good.write_text("project,date,amount,currency\nP-1,2024-06-30,250,USD\n", encoding="utf-8")
    plan = importer.plan_import(store, kind="plans", path=good)
    assert [e.message for e in plan.errors] == ["must be the currency of P-1, EUR"]


def test_plans_in_every_export_and_iati(demo_store, tmp_path):
    import csv
    import json

    from lxml import etree
    from openpyxl import load_workbook

    from tracker.services import export

    n = demo_store.count("disbursement_plans")
    assert n > 50
    export.export_snapshot(demo_store, fmt="json", out=tmp_path / "s.json", user="t")
    doc = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert len(doc["disbursement_plans"]) == n and doc["disbursement_plans"][0][
        "project"
    ].startswith("BY-")
    export.export_snapshot(demo_store, fmt="xlsx", out=tmp_path / "s.xlsx", user="t")
    ws = load_workbook(tmp_path / "s.xlsx", read_only=True)["Disbursement plans"]
    header = next(ws.iter_rows(values_only=True))
    assert header == ("Project", "Project name", "Planned date", "Planned amount", "Currency",
                      "Note", "Planned amount, USD")  # fmt: skip
    export.export_snapshot(demo_store, fmt="csv", out=tmp_path / "csv", kind="plans", user="t")
    with open(tmp_path / "csv" / "disbursement_plans.csv", encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == n
    export.export_snapshot(demo_store, fmt="iati", out=tmp_path / "a.xml", user="t")
    tree = etree.parse(str(tmp_path / "a.xml"))
    pds = tree.findall(".//planned-disbursement")
    assert len(pds) == n
    first = pds[0]
    assert first.get("type") == "1" and first.find("period-end").get("iso-date")
    assert first.find("value").get("currency") and float(first.find("value").text) > 0
