"""Keeping current on the team server: the worklist, plans, a record's history, put
back and the audit-log view give what they give on a file."""

from __future__ import annotations

from tracker.services import attention, history, plans


def _pid(store, code):
    return store.project_ids_by_code([code])[code.lower()]


def test_worklist_and_plans_match_the_file(twins):
    file_store, server = twins
    today = "2026-06-30"
    on_file = attention.worklist(file_store, today=today)
    on_server = attention.worklist(server, today=today)
    assert on_server.counts() == on_file.counts() and on_server.counts()["behind_plan"] > 0
    assert [(i.reason, i.code) for i in on_server.items] == [
        (i.reason, i.code) for i in on_file.items
    ]
    pid = _pid(server, "BY-CN-020")
    assert plans.project_series(server, project_id=pid).planned == plans.project_series(
        file_store, project_id=_pid(file_store, "BY-CN-020")).planned  # fmt: skip


def test_history_put_back_and_audit_view_on_the_server(pg_demo):
    pid = _pid(pg_demo, "BY-CN-013")
    row = pg_demo.get("projects", pid)
    from tracker.services.undo import EditCommand

    EditCommand("projects", pid, {"borrower": "Server Borrower"}, row["version"], "ann").apply(
        pg_demo
    )
    steps = history.record_history(pg_demo, kind="projects", pk=pid)
    assert (steps[0].field, steps[0].new) == ("borrower", "Server Borrower")
    cmd = history.put_back(pg_demo, kind="projects", pk=pid, field="borrower", value=steps[0].old,
                           user="ann")  # fmt: skip
    cmd.apply(pg_demo)
    assert pg_demo.get("projects", pid)["borrower"] == row["borrower"]
    mine = history.audit_rows(pg_demo, history.AuditQuery(table="projects", row_id=pid))
    assert len(mine) >= 2 and "borrower" in mine[0]["summary"]
    assert history.users_in_log(pg_demo)


def test_a_page_of_computed_columns_matches_the_file(twins):
    """The Projects table's share of plan and reasons, computed for a page of ids, read the
    same on the server as on the file."""
    from tracker.services import project_columns

    file_store, server = twins
    today = "2026-06-30"
    codes = ["BY-CN-013", "BY-CN-014", "BY-CN-020", "BY-CN-032"]

    def page(store):
        ids = [_pid(store, c) for c in codes]
        rows = store.fetch("projects", ids, ["code", *project_columns.INPUTS["projects"]])
        records = [rows[i] for i in ids]
        project_columns.annotate(store, "projects", records, today=today)
        return [(r["code"], r["plan_share"], r["attention"]) for r in records]

    on_file = page(file_store)
    assert page(server) == on_file
    assert any(share is not None for _c, share, _a in on_file)
    assert any("behind_plan" in reasons for _c, _s, reasons in on_file)
