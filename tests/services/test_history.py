"""What changed: a record's history newest first, putting an earlier value back
(validated, audited, undoable), the audit-log view's filters and its export."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from tracker.domain.validation import ValidationErrors
from tracker.services import edits, history, plans
from tracker.services.undo import EditCommand


@pytest.fixture
def project(store):
    _, pk = edits.create_record(store, kind="projects", user="ann", values={
        "code": "P-1", "name": "Mill", "sector": "industry", "bank": "CDB", "amount": "1000",
        "currency": "EUR", "status": "signed"})  # fmt: skip
    return pk


def _edit(store, pk, user, **values):
    row = store.get("projects", pk)
    EditCommand("projects", pk, values, row["version"], user).apply(store)


def test_history_newest_first_with_who_and_what(store, project):
    _edit(store, project, "bob", name="Pulp mill", amount="1200")
    _edit(store, project, "cat", bank="ICBC")
    plans.save_plan(
        store, project_id=project, rows=[{"date": "2024-01-31", "amount": "5"}], user="dan"
    )
    steps = history.record_history(store, kind="projects", pk=project)
    first = steps[0]  # the plan row, newest: one line with its amount
    assert (first.user, first.table, first.field, first.new) == (
        "dan",
        "disbursement_plans",
        "amount",
        500,
    )
    assert steps[1].user == "cat"
    mine = [(s.user, s.field, s.old, s.new) for s in steps if s.table == "projects"]
    assert mine[0][:2] == ("cat", "bank_id")
    assert ("bob", "name", "Mill", "Pulp mill") in mine and (
        "bob",
        "amount",
        100000,
        120000,
    ) in mine
    assert mine[-1] == ("ann", "*", None, None) and all(s.at for s in steps)  # created: one line
    ats = [s.at for s in steps]
    assert ats == sorted(ats, reverse=True)
    bank = next(s for s in steps if s.field == "bank_id")
    names: dict = {}
    assert history.display(store, "projects", "bank_id", bank.new, names=names) == \
        "Industrial and Commercial Bank of China"  # fmt: skip
    row = store.get("projects", project)
    assert history.display(store, "projects", "amount", 120000, record=row) == "1,200.00 EUR"
    assert bank.can_put_back and not steps[-1].can_put_back  # the creation is not an edit


def test_put_back_is_an_audited_undoable_edit(store, project):
    _edit(store, project, "bob", name="Pulp mill", amount="1200")
    step = next(s for s in history.record_history(store, kind="projects", pk=project)
                if s.field == "amount")  # fmt: skip
    cmd = history.put_back(store, kind="projects", pk=project, field=step.field, value=step.old,
                           user="eve")  # fmt: skip
    cmd.apply(store)
    assert store.get("projects", project)["amount"] == 100000
    newest = history.record_history(store, kind="projects", pk=project)[0]
    assert (newest.user, newest.field, newest.old, newest.new) == ("eve", "amount", 120000, 100000)
    cmd.revert(store)
    assert store.get("projects", project)["amount"] == 120000
    undo = history.record_history(store, kind="projects", pk=project)[0]
    assert (undo.action, undo.new) == ("undo", 120000)


def test_put_back_is_validated(store, project):
    plans.save_plan(
        store, project_id=project, rows=[{"date": "2024-01-31", "amount": "900"}], user="a"
    )
    _edit(store, project, "bob", amount="2000", disbursed="1500")
    step = next(s for s in history.record_history(store, kind="projects", pk=project)
                if s.field == "amount")  # fmt: skip
    cmd = history.put_back(
        store, kind="projects", pk=project, field="amount", value=step.old, user="e"
    )
    with pytest.raises(ValidationErrors) as ei:
        cmd.apply(store)  # 1000 committed but 1500 disbursed
    assert ei.value.by_field() == {"disbursed": "must not exceed the committed amount"}
    assert store.get("projects", project)["amount"] == 200000
    with pytest.raises(ValidationErrors):
        history.put_back(store, kind="projects", pk=project, field="nope", value=1, user="e")


def test_audit_view_filters_and_export(store, project, tmp_path):
    _edit(store, project, "bob", name="Pulp mill")
    _, rid = edits.create_record(store, kind="residents", user="cat", values={
        "name": "=cmd|' /C calc'!A0", "zone": "Great Stone Industrial Park", "country": "CN",
        "sector": "it"})  # fmt: skip
    everything = history.audit_rows(store, history.AuditQuery())
    assert {"ann", "bob", "cat"} <= set(history.users_in_log(store))
    bob = history.audit_rows(store, history.AuditQuery(user="bob"))
    assert len(bob) == 1 and bob[0]["summary"] == "name: Mill → Pulp mill"
    made = history.audit_rows(store, history.AuditQuery(user="cat"))[0]["summary"]
    assert made.startswith("name: =cmd") and "country: CN" in made
    assert (
        history.audit_rows(store, history.AuditQuery(user="ann"))[0]["summary"].count(
            "amount: 1,000.00"
        )
        == 1
    )
    assert [
        r["table_name"] for r in history.audit_rows(store, history.AuditQuery(table="residents"))
    ] == ["residents"]
    assert len(history.audit_rows(store, history.AuditQuery(table="projects", row_id=project))) == 2
    day = everything[0]["at"][:10]
    assert len(history.audit_rows(store, history.AuditQuery(since=day, until=day))) == len(
        everything
    )
    assert history.audit_rows(store, history.AuditQuery(until="2000-01-01")) == []
    assert history.record_label(store, "projects", project) == "P-1"
    n = history.export_audit(store, history.AuditQuery(), out=tmp_path / "audit.csv")
    with open(tmp_path / "audit.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == len(everything) and rows[0]["user"] == everything[0]["user"]
    history.export_audit(store, history.AuditQuery(user="cat"), out=tmp_path / "audit.xlsx")
    ws = load_workbook(tmp_path / "audit.xlsx")["audit_log"]
    values = list(ws.iter_rows(values_only=True))
    assert values[0][:3] == ("id", "at", "user") and len(values) == 2
    assert values[1][6].startswith("'{") or not values[1][6].startswith("=")
    with pytest.raises(ValidationErrors):
        history.export_audit(store, history.AuditQuery(), out=tmp_path / "audit.txt")
