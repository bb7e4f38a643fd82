"""Project updates: each moves the project's current status, progress and
disbursed amount; back-dated ones are kept without moving it; undo/redo; rounds."""

from __future__ import annotations

import pytest

from tracker.domain.validation import ValidationErrors
from tracker.services import edits, updates
from tracker.store import StaleWrite


@pytest.fixture
def project(store):
    _, pk = edits.create_record(store, kind="projects", user="a", values={
        "code": "P-1", "name": "Mill", "sector": "industry", "bank": "CDB", "amount": "1000",
        "currency": "USD", "status": "signed"})  # fmt: skip
    return pk


def state(store, pk):
    p = store.get("projects", pk)
    return p["status"], p["progress_pct"], p["disbursed"]


def test_update_moves_project_and_keeps_history(store, project):
    ch, a = updates.add_update(store, project_id=project, user="ann", values={
        "as_of": "2024-03-01", "status": "implementation", "progress_pct": "20", "disbursed": "100,50", "note": "Q1"})  # fmt: skip
    assert ch.table == "project_updates" and ch.concerns("projects")
    assert state(store, project) == ("implementation", 20, 10050)
    assert a.project_before == {"status": "signed", "progress_pct": 0, "disbursed": 0}
    h = updates.history(store, project)
    assert len(h) == 1 and h[0]["author"] == "ann" and h[0]["note"] == "Q1" and h[0]["entered_at"]
    # Fields left empty keep the project's current value.
    updates.add_update(
        store, project_id=project, user="ann", values={"as_of": "2024-04-01", "progress_pct": "30"}
    )
    assert state(store, project) == ("implementation", 30, 10050)
    assert [r["as_of"] for r in updates.history(store, project)] == ["2024-04-01", "2024-03-01"]


def test_back_dated_update_does_not_move_project(store, project):
    updates.add_update(
        store, project_id=project, user="a", values={"as_of": "2024-06-01", "progress_pct": "50"}
    )
    v = store.get("projects", project)["version"]
    _, a = updates.add_update(
        store, project_id=project, user="a", values={"as_of": "2024-01-01", "progress_pct": "5"}
    )
    assert a.project_before == {}
    assert state(store, project)[1] == 50 and store.get("projects", project)["version"] == v
    assert [r["as_of"] for r in updates.history(store, project)] == ["2024-06-01", "2024-01-01"]
    # Same date as the latest counts as the newest.
    updates.add_update(
        store, project_id=project, user="a", values={"as_of": "2024-06-01", "progress_pct": "55"}
    )
    assert state(store, project)[1] == 55


def test_completed_sets_actual_end(store, project):
    updates.add_update(store, project_id=project, user="a", values={
        "as_of": "2025-01-31", "status": "completed", "progress_pct": "100", "disbursed": "1000"})  # fmt: skip
    assert store.get("projects", project)["actual_end"] == "2025-01-31"


@pytest.mark.parametrize(
    ("values", "field", "rule"),
    [
        ({"disbursed": "1000.01"}, "disbursed", "must not exceed the committed amount"),
        ({"status": "pipeline", "disbursed": "1"}, "disbursed", "pipeline"),
        ({"progress_pct": "120"}, "progress_pct", "at most 100"),
        ({"as_of": "30.02.2024"}, "as_of", "not a real date"),
        ({"status": "done"}, "status", "must be one of"),
        ({"disbursed": "-1"}, "disbursed", "must not be negative"),
    ],
)
def test_bad_update_refused_nothing_written(store, project, values, field, rule):
    before = store.get("projects", project)
    with pytest.raises(ValidationErrors) as ei:
        updates.add_update(
            store, project_id=project, user="a", values={"as_of": "2024-01-01", **values}
        )
    assert rule in ei.value.by_field()[field]
    assert store.get("projects", project) == before and store.count("project_updates") == 0


def test_unknown_project(store):
    with pytest.raises(ValidationErrors, match="no project with id 99"):
        updates.add_update(store, project_id=99, user="a", values={})


def test_stale_project_version_refused(store, project):
    edits.edit_record(
        store, kind="projects", pk=project, values={"name": "X"}, expected_version=1, user="b"
    )
    with pytest.raises(StaleWrite):
        updates.add_update(store, project_id=project, user="a", values={"as_of": "2024-01-01", "progress_pct": "5"},
                           expected_version=1)  # fmt: skip
    assert store.count("project_updates") == 0


def test_undo_and_redo_update(store, project):
    before = state(store, project)
    _, a = updates.add_update(store, project_id=project, user="a", values={
        "as_of": "2024-03-01", "status": "implementation", "progress_pct": "20"})  # fmt: skip
    row = store.get("project_updates", a.update_id)
    updates.undo_update(store, a, user="a")
    assert state(store, project) == before and store.count("project_updates") == 0
    again = updates.redo_update(store, a, row, user="a")
    assert again.update_id == a.update_id
    assert state(store, project) == ("implementation", 20, 0)
    updates.undo_update(store, again, user="a")
    assert state(store, project) == before


def test_undo_refused_when_project_changed_meanwhile(store, project):
    _, a = updates.add_update(
        store, project_id=project, user="a", values={"as_of": "2024-03-01", "progress_pct": "20"}
    )
    v = store.get("projects", project)["version"]
    edits.edit_record(
        store, kind="projects", pk=project, values={"name": "Other"}, expected_version=v, user="b"
    )
    with pytest.raises(StaleWrite):
        updates.undo_update(store, a, user="a")
    assert store.count("project_updates") == 1 and state(store, project)[1] == 20


@pytest.fixture
def three(store, project):
    ids = [project]
    for code in ("P-2", "P-3"):
        _, pk = edits.create_record(store, kind="projects", user="a", values={
            "code": code, "name": "X", "sector": "it", "bank": "ICBC", "amount": "500", "currency": "USD",
            "status": "implementation"})  # fmt: skip
        ids.append(pk)
    _, pk = edits.create_record(store, kind="projects", user="a", values={
        "code": "P-0", "name": "Done", "sector": "it", "bank": "ICBC", "amount": "5", "currency": "USD",
        "status": "completed", "disbursed": "5", "progress_pct": "100"})  # fmt: skip
    return ids


def test_round_projects_active_only(store, three):
    assert [p["code"] for p in updates.round_projects(store)] == ["P-1", "P-2", "P-3"]


def test_round_all_or_nothing_and_undo(store, three):
    before = [state(store, i) for i in three]
    entries = [{"project_id": three[0], "progress_pct": "10"}, {"project_id": three[1], "disbursed": "600"},
               {"project_id": three[2], "status": "nonsense"}]  # fmt: skip
    with pytest.raises(ValidationErrors) as ei:
        updates.apply_round(store, as_of="2024-05-31", entries=entries, user="a")
    assert {(e.row, e.field) for e in ei.value.errors} == {(2, "disbursed"), (3, "status")}
    assert [state(store, i) for i in three] == before and store.count("project_updates") == 0
    entries = [{"project_id": three[0], "progress_pct": "10", "version": store.get("projects", three[0])["version"]},
               {"project_id": three[1], "disbursed": "250,25", "note": "May"},
               {"project_id": three[2], "status": "suspended"}]  # fmt: skip
    result = updates.apply_round(store, as_of="2024-05-31", entries=entries, user="a")
    assert len(result.applied) == 3 and result.change.action == "round"
    assert state(store, three[1]) == ("implementation", 0, 25025)
    assert state(store, three[2])[0] == "suspended"
    assert {r["as_of"] for r in store.rows("project_updates")} == {"2024-05-31"}
    updates.undo_round(store, result, user="a")
    assert [state(store, i) for i in three] == before and store.count("project_updates") == 0


def test_round_stale_row_refused(store, three):
    v = store.get("projects", three[0])["version"]
    edits.edit_record(
        store,
        kind="projects",
        pk=three[0],
        values={"name": "Changed"},
        expected_version=v,
        user="b",
    )
    with pytest.raises(ValidationErrors, match="P-1 was changed by someone else"):
        updates.apply_round(store, as_of="2024-05-31", user="a",
                            entries=[{"project_id": three[0], "progress_pct": "1", "version": v}])  # fmt: skip
    assert store.count("project_updates") == 0


def test_check_update_writes_nothing(store, project):
    n = store.count("audit_log")
    clean = updates.check_update(
        store, project_id=project, values={"as_of": "01.02.2024", "progress_pct": "7"}
    )
    assert (
        clean["as_of"] == "2024-02-01"
        and clean["progress_pct"] == 7
        and clean["status"] == "signed"
    )
    with pytest.raises(ValidationErrors, match="progress_pct"):
        updates.check_update(store, project_id=project, values={"progress_pct": "-7"})
    assert store.count("audit_log") == n and store.count("project_updates") == 0
