"""The needs-attention worklist: each rule against a fixed "today", the settings
kept in the database, and `tracker attention`."""

from __future__ import annotations

import json

import pytest

from tracker import cli
from tracker.domain.validation import ValidationErrors
from tracker.services import attention, edits, plans, updates

TODAY = "2024-06-30"


def _project(store, code="P-1", **over):
    values = {"code": code, "name": f"Mill {code}", "sector": "industry", "bank": "CDB",
              "amount": "1000", "currency": "USD", "status": "implementation",
              "start_date": "2023-01-01", "planned_end": "2026-12-31", **over}  # fmt: skip
    _, pk = edits.create_record(store, kind="projects", user="a", values=values)
    return pk


def _update(store, pk, as_of, disbursed, **kw):
    updates.add_update(store, project_id=pk, user="a",
                       values={"as_of": as_of, "disbursed": disbursed, **kw})  # fmt: skip


def _reasons(store, **kw):
    wl = attention.worklist(store, today=TODAY, **kw)
    return {(i.reason, i.code or i.name) for i in wl.items}, wl


def test_stale_after_n_days_and_the_setting(store):
    pk = _project(store)
    _update(store, pk, "2024-03-01", "100")  # 121 days before TODAY
    fresh = _project(store, "P-2")
    _update(store, fresh, "2024-06-01", "100")
    done = _project(store, "P-3", status="completed", disbursed="1000", progress_pct="100")
    _update(store, done, "2020-01-01", "1000", status="completed")
    got, wl = _reasons(store)
    assert ("stale", "P-1") in got
    assert ("stale", "P-2") not in got and ("stale", "P-3") not in got  # completed: not followed
    item = next(i for i in wl.items if i.reason == "stale")
    assert "2024-03-01" in item.detail and "121 days" in item.detail
    # 150 days in the database's setting: no longer stale.
    attention.save_settings(store, attention.AttentionSettings(stale_days=150, behind_pct=20))
    assert attention.settings(store).stale_days == 150
    got, _ = _reasons(store)
    assert ("stale", "P-1") not in got


def test_settings_are_checked(store):
    with pytest.raises(ValidationErrors) as ei:
        attention.save_settings(store, attention.AttentionSettings(stale_days=0, behind_pct=101))
    assert set(ei.value.by_field()) == {"stale_days", "behind_pct"}
    assert attention.settings(store) == attention.AttentionSettings()  # nothing stored


def test_overdue_when_planned_end_passed_and_not_completed(store):
    late = _project(store, "P-1", planned_end="2024-06-29")
    _update(store, late, "2024-06-15", "100")
    on_day = _project(store, "P-2", planned_end=TODAY)
    _update(store, on_day, "2024-06-15", "100")
    closed = _project(store, "P-3", planned_end="2023-12-31", status="completed", disbursed="900")
    _update(store, closed, "2024-06-15", "900", status="completed")
    got, _ = _reasons(store)
    assert ("overdue", "P-1") in got
    assert ("overdue", "P-2") not in got and ("overdue", "P-3") not in got


def test_behind_plan_by_more_than_the_share(store):
    behind = _project(store, "P-1")
    on_track = _project(store, "P-2")
    for pk in (behind, on_track):
        plans.save_plan(store, project_id=pk, user="a", rows=[
            {"date": "2024-01-31", "amount": "200"}, {"date": "2024-05-31", "amount": "300"},
            {"date": "2024-09-30", "amount": "400"}])  # 500 planned by TODAY  # fmt: skip
    _update(store, behind, "2024-06-15", "390")  # 78 % of plan: 22 % behind
    _update(store, on_track, "2024-06-15", "410")  # 82 %: within 20 %
    got, wl = _reasons(store)
    assert ("behind_plan", "P-1") in got and ("behind_plan", "P-2") not in got
    assert "78 %" in next(i.detail for i in wl.items if i.reason == "behind_plan")
    got, _ = _reasons(store, rules=attention.AttentionSettings(behind_pct=25))
    assert ("behind_plan", "P-1") not in got


def test_disbursed_lower_than_at_the_previous_update(store):
    pk = _project(store)
    _update(store, pk, "2024-05-01", "300")
    _update(store, pk, "2024-06-01", "250", note="correction")
    steady = _project(store, "P-2")
    _update(store, steady, "2024-05-01", "300")
    _update(store, steady, "2024-06-01", "300")
    got, wl = _reasons(store)
    assert ("disbursed_fell", "P-1") in got and ("disbursed_fell", "P-2") not in got
    detail = next(i.detail for i in wl.items if i.reason == "disbursed_fell")
    assert "250.00 USD on 2024-06-01" in detail and "300.00 USD on 2024-05-01" in detail


def test_currency_in_use_without_a_rate_on_the_as_of_date(store):
    _project(store, "P-1", currency="EUR")
    store.insert("fx_rates", {"currency": "EUR", "date": "2024-07-15", "per_usd": 0.9}, user="a")
    got, _ = _reasons(store)
    assert ("missing_fx", "EUR") in got  # the only rate is after TODAY
    store.insert("fx_rates", {"currency": "EUR", "date": "2024-06-01", "per_usd": 0.9}, user="a")
    got, _ = _reasons(store)
    assert ("missing_fx", "EUR") not in got and not any(r == "missing_fx" for r, _ in got)


def test_resident_with_no_change_for_a_year(store):
    for name, changed in (("Old Ltd", "2023-06-29T10:00:00.000Z"), ("New Ltd", "2023-07-01T10:00:00.000Z"),
                          ("Gone Ltd", "2020-01-01T00:00:00.000Z")):  # fmt: skip
        edits.create_record(store, kind="residents", user="a", values={
            "name": name, "zone": "Great Stone Industrial Park", "country": "CN",
            "sector": "industry", "status": "withdrawn" if name == "Gone Ltd" else "operating"})  # fmt: skip
        store.conn.execute("UPDATE residents SET updated_at = ? WHERE name = ?", (changed, name))
    got, _ = _reasons(store)
    assert ("idle_resident", "Old Ltd") in got
    assert ("idle_resident", "New Ltd") not in got and ("idle_resident", "Gone Ltd") not in got


def test_counts_and_reasons_per_project(store):
    pk = _project(store, planned_end="2024-01-01")
    _update(store, pk, "2023-01-10", "100")
    wl = attention.worklist(store, today=TODAY)
    assert wl.counts()["stale"] == 1 and wl.counts()["overdue"] == 1
    assert wl.project_reasons() == {pk: ["stale", "overdue"]}
    assert wl.records() == 1


def test_cli_attention_text_and_json(demo_path, capsys):
    assert cli.main(["attention", "--db", str(demo_path), "--as-of", "2026-06-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-06-30" and data["settings"]["stale_days"] == 90
    assert data["items"] and set(data["counts"]) == set(attention.REASONS)
    assert all(i["reason"] in attention.REASONS and i["detail"] for i in data["items"])
    assert cli.main(["attention", "--db", str(demo_path), "--as-of", "2026-06-30"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Needs attention as of 2026-06-30")
    assert cli.main(["attention", "--db", str(demo_path), "--behind-pct", "0"]) == 1
    assert "behind_pct: must be between 1 and 100" in capsys.readouterr().err


def test_a_page_of_the_table_gets_the_worklists_reasons_and_share_of_plan(demo_store,
                                                                          monkeypatch):  # fmt: skip
    """The Projects table's computed columns, for one page of ids, say what the worklist
    says of those projects, reading only that page's updates and plans."""
    from tracker.services import project_columns
    from tracker.store import keeping

    store, today = demo_store, "2026-06-30"
    wl = attention.worklist(store, today=today).project_reasons()
    ids = sorted(store.query_ids("projects"))
    asked = []
    real = keeping.latest_updates

    def spy(s, *, project_ids=None):
        asked.append(project_ids)
        return real(s, project_ids=project_ids)

    monkeypatch.setattr(keeping, "latest_updates", spy)
    for start in range(0, len(ids), 7):
        page = list(store.fetch("projects", ids[start : start + 7],
                                project_columns.INPUTS["projects"]).values())  # fmt: skip
        project_columns.annotate(store, "projects", [*page, None], today=today)
        for r in page:
            assert list(r["attention"]) == wl.get(r["id"], []), r["id"]
            due = keeping.planned_to_date(store, as_of=today).get(r["id"])
            assert r["plan_share"] == plans.share_of_plan(disbursed=r["disbursed"], planned=due)
    assert asked and all(a is not None and len(a) <= 7 for a in asked)  # never the whole table
    assert any(r for r in wl.values() if "behind_plan" in r)  # the demo has each kind to compare
