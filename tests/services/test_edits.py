"""Create, edit and delete for every kind, reference tables included: validated,
one transaction, audited, version-checked; bad input writes nothing."""

from __future__ import annotations

import json

import pytest

from tracker.domain.validation import ValidationErrors
from tracker.services import edits, updates
from tracker.store import NotFound, StaleWrite

GOOD = {
    "projects": ({"code": "P-1", "name": "Mill", "sector": "Industry", "bank": "CDB", "amount": "1 000,50",
                  "currency": "usd", "status": "signed", "agreement_date": "01.02.2024"},
                 {"name": "Paper mill", "amount": "2000"}),
    "residents": ({"name": "Alpha LLC", "zone": "Great Stone Industrial Park", "country": "Китай", "sector": "it",
                   "status": "operating", "currency": "CNY", "jobs_planned": "12"},
                  {"jobs_created": "3", "country": "by"}),
    "ventures": ({"name": "JV One", "partner_country": "CN", "foreign_share_pct": "49,5", "sector": "energy",
                  "status": "active", "charter_capital": "100"},
                 {"foreign_share_pct": "100"}),
    "banks": ({"name": "Bank of Minsk", "short_name": "BoM", "country": "Belarus"}, {"short_name": "BMI"}),
    "countries": ({"code": "XK", "name_en": "Kosovo"}, {"name_ru": "Косово"}),
    "sectors": ({"code": "mining", "name_en": "Mining"}, {"name_zh": "采矿"}),
    "regions": ({"code": "BY-XX", "name_en": "Test region"}, {"name_ru": "Тест"}),
    "zones": ({"name": "FEZ Test", "kind": "fez"}, {"kind": "sez"}),
    "fx_rates": ({"currency": "gbp", "date": "2024-01-01", "per_usd": "0,79"}, {"per_usd": "0.8"}),
}  # fmt: skip


def audit(store, table):
    return [
        (r["action"], json.loads(r["changes"]))
        for r in store.rows("audit_log", where={"table_name": table})
    ]


@pytest.mark.parametrize("kind", list(GOOD))
def test_create_edit_delete_every_kind(store, kind):
    new, change = GOOD[kind]
    ch, pk = edits.create_record(store, kind=kind, values=new, user="ann")
    assert ch.table == kind and ch.action == "insert" and ch.ids == (pk,)
    row = store.get(kind, pk)
    assert row["version"] == 1
    ch, after = edits.edit_record(
        store, kind=kind, pk=pk, values=change, expected_version=1, user="bob"
    )
    assert after["version"] == 2 and ch.action == "update"
    with pytest.raises(StaleWrite):
        edits.edit_record(store, kind=kind, pk=pk, values=change, expected_version=1, user="eve")
    ch, removed = edits.delete_record(store, kind=kind, pk=pk, expected_version=2, user="bob")
    assert removed["row"]["version"] == 2 and store.get(kind, pk) is None
    assert [a for a, _ in audit(store, kind)][-3:] == ["insert", "update", "delete"]
    edits.restore_deleted(store, kind=kind, removed=removed, user="bob")
    assert store.get(kind, pk) is not None


def test_cleaned_values_are_stored(store):
    _, pk = edits.create_record(store, kind="projects", values=GOOD["projects"][0], user="ann")
    p = store.get("projects", pk)
    assert (p["amount"], p["currency"], p["sector"], p["agreement_date"]) == (
        100050,
        "USD",
        "industry",
        "2024-02-01",
    )
    assert (p["disbursed"], p["progress_pct"]) == (0, 0)  # defaults
    _, pk = edits.create_record(store, kind="residents", values=GOOD["residents"][0], user="ann")
    assert store.get("residents", pk)["country"] == "CN"
    _, pk = edits.create_record(store, kind="ventures", values=GOOD["ventures"][0], user="ann")
    v = store.get("ventures", pk)
    assert v["kind"] == "joint_venture" and v["currency"] == "USD"
    edits.edit_record(
        store,
        kind="ventures",
        pk=pk,
        values={"foreign_share_pct": "100"},
        expected_version=1,
        user="a",
    )
    assert store.get("ventures", pk)["kind"] == "foreign_owned"


def test_edit_records_only_changed_fields(store):
    _, pk = edits.create_record(store, kind="projects", values=GOOD["projects"][0], user="ann")
    edits.edit_record(store, kind="projects", pk=pk, values={"name": "Mill", "amount": "1 000,50"},
                      expected_version=1, user="bob")  # fmt: skip
    assert (
        store.get("projects", pk)["version"] == 1
    )  # nothing changed: no new version, no audit row
    edits.edit_record(
        store, kind="projects", pk=pk, values={"bank": "ICBC"}, expected_version=1, user="bob"
    )
    action, changes = audit(store, "projects")[-1]
    assert action == "update" and list(changes) == ["bank_id"]


@pytest.mark.parametrize(
    ("kind", "values", "field", "rule"),
    [
        ("projects", {"amount": "-1"}, "amount", "must not be negative"),
        ("projects", {"disbursed": "5000"}, "disbursed", "must not exceed the committed amount"),
        ("projects", {"code": ""}, "code", "is required"),
        ("projects", {"bank": "Nobody"}, "bank", "not a known bank"),
        (
            "projects",
            {"planned_end": "2020-01-01", "start_date": "2021-01-01"},
            "planned_end",
            "before the start",
        ),
        ("residents", {"country": "Atlantis"}, "country", "not an ISO country"),
        ("residents", {"jobs_planned": "1.5"}, "jobs_planned", "whole number"),
        ("ventures", {"foreign_share_pct": "0"}, "foreign_share_pct", "must be above 0"),
        ("banks", {"country": ""}, "country", "is required"),
        ("zones", {"kind": "harbour"}, "kind", "must be one of"),
        ("fx_rates", {"per_usd": "0"}, "per_usd", "must be above 0"),
        ("countries", {"name_en": "x" * 201}, "name_en", "longer than 200"),
    ],
)
def test_bad_edits_name_the_field_and_write_nothing(store, kind, values, field, rule):
    new, _ = GOOD[kind]
    _, pk = edits.create_record(store, kind=kind, values=new, user="ann")
    before = store.get(kind, pk)
    n = store.count("audit_log")
    with pytest.raises(ValidationErrors) as ei:
        edits.edit_record(store, kind=kind, pk=pk, values=values, expected_version=1, user="bob")
    assert rule in ei.value.by_field()[field]
    assert store.get(kind, pk) == before and store.count("audit_log") == n


@pytest.mark.parametrize(("kind", "key"), [("projects", "code"), ("residents", "name"), ("banks", "name"),
                                           ("zones", "name"), ("fx_rates", "date"), ("countries", "code")])  # fmt: skip
def test_duplicate_key_named(store, kind, key):
    new, _ = GOOD[kind]
    edits.create_record(store, kind=kind, values=new, user="ann")
    with pytest.raises(ValidationErrors) as ei:
        edits.create_record(store, kind=kind, values=new, user="ann")
    assert key in ei.value.by_field()


def test_delete_reference_in_use_refused(store):
    _, pk = edits.create_record(store, kind="projects", values=GOOD["projects"][0], user="ann")
    bank = store.get("projects", pk)["bank_id"]
    with pytest.raises(ValidationErrors, match="other records still use this bank"):
        edits.delete_record(store, kind="banks", pk=bank, expected_version=1, user="ann")
    assert store.get("banks", bank) is not None
    with pytest.raises(ValidationErrors, match="other records still use"):
        edits.delete_record(store, kind="sectors", pk="industry", expected_version=1, user="ann")


def test_rename_country_code_cascades(store):
    _, pk = edits.create_record(store, kind="residents", values=GOOD["residents"][0], user="ann")
    edits.create_record(store, kind="countries", values={"code": "QQ", "name_en": "Test"}, user="a")
    edits.edit_record(
        store, kind="residents", pk=pk, values={"country": "QQ"}, expected_version=1, user="a"
    )
    edits.edit_record(
        store, kind="countries", pk="QQ", values={"code": "QZ"}, expected_version=1, user="a"
    )
    assert store.get("residents", pk)["country"] == "QZ"


def test_delete_project_with_history_and_restore(store):
    _, pk = edits.create_record(store, kind="projects", values=GOOD["projects"][0], user="ann")
    updates.add_update(
        store, project_id=pk, values={"as_of": "2024-03-01", "progress_pct": "10"}, user="a"
    )
    v = store.get("projects", pk)["version"]
    _, removed = edits.delete_record(store, kind="projects", pk=pk, expected_version=v, user="a")
    assert store.count("project_updates") == 0 and len(removed["project_updates"]) == 1
    edits.restore_deleted(store, kind="projects", removed=removed, user="a")
    assert store.count("project_updates") == 1 and store.get("projects", pk)["progress_pct"] == 10


def test_missing_record(store):
    with pytest.raises(NotFound):
        edits.edit_record(
            store, kind="projects", pk=42, values={"name": "x"}, expected_version=1, user="a"
        )
    with pytest.raises(NotFound):
        edits.delete_record(store, kind="projects", pk=42, expected_version=1, user="a")


def test_project_updates_go_through_updates_service(store):
    with pytest.raises((ValueError, ValidationErrors)):
        edits.create_record(store, kind="project_updates", values={"project": "P-1"}, user="a")


def test_change_concerns_and_current_user(monkeypatch):
    from tracker.services.changes import Change, current_user

    assert Change("project_updates", (1,), "insert").concerns("projects")
    assert Change("projects").concerns("projects") and not Change("projects").concerns("residents")
    monkeypatch.setenv("TRACKER_USER", "desk officer")
    assert current_user() == "desk officer"
    monkeypatch.delenv("TRACKER_USER")
    assert current_user()
