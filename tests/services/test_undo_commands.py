"""The pure undo commands (tracker.services.undo): apply, revert, apply again,
revert again — against a real database, for every kind of edit."""

from __future__ import annotations

import pytest

from tracker.services import edits, undo
from tracker.store import StaleWrite

PROJECT = {"code": "P-1", "name": "Mill", "sector": "industry", "bank": "CDB", "amount": "1000",
           "currency": "USD", "status": "signed"}  # fmt: skip


def snapshot(store):
    """Everything but the audit log and timestamps/versions."""
    skip = {"updated_at", "version", "entered_at"}
    return {t: [{k: v for k, v in r.items() if k not in skip} for r in store.rows(t)]
            for t in ("projects", "project_updates", "residents", "ventures", "banks", "countries", "zones",
                      "fx_rates")}  # fmt: skip


def cycle(store, cmd, *, check_applied):
    before = snapshot(store)
    cmd.apply(store)
    check_applied()
    after = snapshot(store)
    for _ in range(2):
        cmd.revert(store)
        assert snapshot(store) == before
        cmd.apply(store)
        assert snapshot(store) == after
        check_applied()
    n = store.count("audit_log")
    assert n > 0


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        ("projects", PROJECT),
        ("residents", {"name": "R", "zone": "Great Stone Industrial Park", "country": "CN", "sector": "it",
                       "status": "operating", "currency": "USD"}),
        ("ventures", {"name": "V", "partner_country": "CN", "foreign_share_pct": "50", "sector": "it",
                      "status": "active", "currency": "USD"}),
        ("banks", {"name": "Bank of Minsk", "country": "BY"}),
        ("countries", {"code": "XK", "name_en": "Kosovo"}),
        ("zones", {"name": "FEZ Test", "kind": "fez"}),
        ("fx_rates", {"currency": "GBP", "date": "2024-01-01", "per_usd": "0.79"}),
    ],
)  # fmt: skip
def test_create_command(store, kind, values):
    cmd = undo.CreateCommand(kind, values, "ann", text="New")
    key = next(iter(values))

    def check():
        assert store.count(kind, None) >= 1
        assert store.get(kind, cmd.pk)[key if key != "bank" else "bank_id"] is not None

    cycle(store, cmd, check_applied=check)
    pk = cmd.pk
    cmd.revert(store)
    cmd.apply(store)
    assert cmd.pk == pk  # redo keeps the id, so later commands still point at it


def test_edit_command(store):
    _, pk = edits.create_record(store, kind="projects", values=PROJECT, user="a")
    cmd = undo.EditCommand(
        "projects", pk, {"name": "Paper mill", "amount": "1 500,25", "bank": "ICBC"}, 1, "ann"
    )

    def check():
        p = store.get("projects", pk)
        assert (p["name"], p["amount"]) == ("Paper mill", 150025)

    cycle(store, cmd, check_applied=check)
    assert cmd.before == {"name": "Mill", "amount": 100000, "bank_id": 1}


def test_edit_command_renaming_a_key(store):
    edits.create_record(store, kind="countries", values={"code": "QQ", "name_en": "Test"}, user="a")
    cmd = undo.EditCommand("countries", "QQ", {"code": "QZ"}, 1, "ann")
    cycle(store, cmd, check_applied=lambda: store.get("countries", "QZ") is not None)
    cmd.revert(store)
    assert store.get("countries", "QQ") and store.get("countries", "QZ") is None


def test_edit_command_stale(store):
    _, pk = edits.create_record(store, kind="projects", values=PROJECT, user="a")
    cmd = undo.EditCommand("projects", pk, {"name": "Mine"}, 1, "ann")
    cmd.apply(store)
    edits.edit_record(
        store, kind="projects", pk=pk, values={"name": "Theirs"}, expected_version=2, user="bob"
    )
    with pytest.raises(StaleWrite):
        cmd.revert(store)
    assert store.get("projects", pk)["name"] == "Theirs"  # their save survives


def test_delete_command_with_history(store):
    _, pk = edits.create_record(store, kind="projects", values=PROJECT, user="a")
    undo.AddUpdateCommand(pk, {"as_of": "2024-01-01", "progress_pct": "10"}, "a").apply(store)
    v = store.get("projects", pk)["version"]
    cmd = undo.DeleteCommand("projects", pk, v, "ann")
    cycle(
        store,
        cmd,
        check_applied=lambda: (
            store.get("projects", pk) is None and store.count("project_updates") == 0
        ),
    )


def test_add_update_command(store):
    _, pk = edits.create_record(store, kind="projects", values=PROJECT, user="a")
    cmd = undo.AddUpdateCommand(pk, {"as_of": "2024-02-01", "status": "implementation", "progress_pct": "30",
                                     "disbursed": "100"}, "ann")  # fmt: skip

    def check():
        p = store.get("projects", pk)
        assert (p["status"], p["progress_pct"], p["disbursed"]) == ("implementation", 30, 10000)
        assert store.count("project_updates") == 1

    cycle(store, cmd, check_applied=check)


def test_round_command(store):
    ids = []
    for code in ("P-1", "P-2"):
        _, pk = edits.create_record(
            store, kind="projects", values={**PROJECT, "code": code}, user="a"
        )
        ids.append(pk)
    cmd = undo.RoundCommand("2024-03-31", [{"project_id": ids[0], "progress_pct": "5"},
                                           {"project_id": ids[1], "status": "suspended"}], "ann")  # fmt: skip

    def check():
        assert store.get("projects", ids[0])["progress_pct"] == 5
        assert store.get("projects", ids[1])["status"] == "suspended"
        assert store.count("project_updates") == 2

    cycle(store, cmd, check_applied=check)
