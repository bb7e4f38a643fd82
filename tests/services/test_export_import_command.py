"""The import as one undoable step: apply writes the plan, revert takes back exactly that."""

from __future__ import annotations

import pytest

from tracker.domain.validation import ValidationErrors
from tracker.services import edits, importer, updates
from tracker.services.export import export_snapshot
from tracker.services.import_command import ImportCommand, ImportUndoRefused
from tracker.store import StaleWrite

HEADER = "code,name,sector,region,bank,borrower,amount,currency,disbursed,status\n"


def snapshot_of(store) -> dict:
    return {t: store.rows(t) for t in ("projects", "project_updates", "residents", "banks")}


def test_apply_and_revert_projects_insert_and_update(demo_store, tmp_path):
    first = demo_store.rows("projects")[0]
    src = tmp_path / "p.csv"
    src.write_text(HEADER + "NEW-9,New silo,agriculture,BY-MI,CDB,,1000.50,USD,0,signed\n"
                   f"{first['code']},Renamed by import,{first['sector']},{first['region']},CDB,,"
                   f"{first['amount'] / 100:.2f},{first['currency']},{first['disbursed'] / 100:.2f},{first['status']}\n",
                   encoding="utf-8")  # fmt: skip
    before = snapshot_of(demo_store)
    plan = importer.plan_import(demo_store, kind="projects", path=src)
    assert plan.ok and plan.counts() == {"insert": 1, "update": 1, "skip": 0}
    cmd = ImportCommand(plan, user="tester")
    change = cmd.apply(demo_store)
    assert change.table == "projects" and len(change.ids) == 2
    assert demo_store.get_by("projects", "code", "NEW-9")["amount"] == 100050
    assert demo_store.get("projects", first["id"])["name"] == "Renamed by import"
    cmd.revert(demo_store)
    after = snapshot_of(demo_store)
    assert demo_store.get_by("projects", "code", "NEW-9") is None

    def strip(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k not in ("version", "updated_at")} for r in rows]

    assert {t: strip(r) for t, r in after.items()} == {t: strip(r) for t, r in before.items()}
    cmd.apply(demo_store)  # redo
    assert demo_store.get_by("projects", "code", "NEW-9") is not None
    assert demo_store.get("projects", first["id"])["name"] == "Renamed by import"


def test_revert_of_project_updates_puts_projects_back(demo_store, tmp_path):
    p = demo_store.rows("projects", where={"status": "implementation"})[0]
    src = tmp_path / "u.csv"
    src.write_text(f"project,as_of,status,progress_pct,disbursed,note\n{p['code']},2026-11-25,implementation,"
                   f"{p['progress_pct'] + 1},,Imported round\n", encoding="utf-8")  # fmt: skip
    plan = importer.plan_import(demo_store, kind="updates", path=src)
    assert plan.ok, plan.errors
    n_updates = demo_store.count("project_updates")
    cmd = ImportCommand(plan, user="tester")
    cmd.apply(demo_store)
    assert demo_store.get("projects", p["id"])["progress_pct"] == p["progress_pct"] + 1
    assert demo_store.count("project_updates") == n_updates + 1
    cmd.revert(demo_store)
    back = demo_store.get("projects", p["id"])
    assert (back["progress_pct"], back["status"], back["disbursed"]) == (
        p["progress_pct"],
        p["status"],
        p["disbursed"],
    )
    assert demo_store.count("project_updates") == n_updates


def test_revert_refuses_when_an_imported_record_was_edited_since(demo_store, tmp_path):
    src = tmp_path / "p.csv"
    src.write_text(
        HEADER + "NEW-7,Grain terminal,logistics,,ICBC,,500,USD,0,pipeline\n", encoding="utf-8"
    )
    cmd = ImportCommand(importer.plan_import(demo_store, kind="projects", path=src), user="tester")
    cmd.apply(demo_store)
    row = demo_store.get_by("projects", "code", "NEW-7")
    edits.edit_record(demo_store, kind="projects", pk=row["id"], values={"name": "Edited after import"},
                      expected_version=row["version"], user="someone")  # fmt: skip
    with pytest.raises(StaleWrite):
        cmd.revert(demo_store)
    assert demo_store.get_by("projects", "code", "NEW-7")["name"] == "Edited after import"


def test_revert_refuses_when_imported_project_has_new_history(demo_store, tmp_path):
    src = tmp_path / "p.csv"
    src.write_text(HEADER + "NEW-8,Bridge,transport,,ICBC,,500,USD,0,signed\n", encoding="utf-8")
    cmd = ImportCommand(importer.plan_import(demo_store, kind="projects", path=src), user="tester")
    cmd.apply(demo_store)
    row = demo_store.get_by("projects", "code", "NEW-8")
    # a back-dated update does not move the project (same version) but is history all the same
    updates.add_update(
        demo_store, project_id=row["id"], values={"as_of": "2020-01-01"}, user="someone"
    )
    updates.add_update(
        demo_store, project_id=row["id"], values={"as_of": "2019-01-01"}, user="someone"
    )
    with pytest.raises((ImportUndoRefused, StaleWrite)):
        cmd.revert(demo_store)
    assert demo_store.get_by("projects", "code", "NEW-8") is not None


def test_plan_with_errors_writes_nothing(store, tmp_path):
    src = tmp_path / "bad.csv"
    src.write_text(HEADER + "X-1,Bad,nosuchsector,,CDB,,-5,USD,0,signed\n", encoding="utf-8")
    plan = importer.plan_import(store, kind="projects", path=src)
    assert not plan.ok
    with pytest.raises(ValidationErrors):
        ImportCommand(plan, user="tester").apply(store)
    assert store.count("projects") == 0


def test_snapshot_reimported_into_itself_changes_nothing(demo_store, tmp_path):
    out = tmp_path / "s.xlsx"
    export_snapshot(demo_store, fmt="xlsx", out=out, user="tester")
    plan = importer.plan_import(demo_store, kind="projects", path=out)
    assert plan.ok and plan.counts()["insert"] == plan.counts()["update"] == 0
