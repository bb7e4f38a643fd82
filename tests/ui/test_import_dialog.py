"""The import dialog over a real database: a bad file lists every problem and
writes nothing; a good file imports as one step that undo takes back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.dialogs import import_dialog
from tracker.ui.dialogs.import_dialog import BAD_CELL, ImportDialog

HEADER = "code,name,sector,region,bank,borrower,amount,currency,disbursed,status\n"


@pytest.fixture
def dialog(ctx, qtbot):  # noqa: ANN001
    d = ImportDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    yield d
    d.close()


def idle(qtbot, d) -> None:  # noqa: ANN001
    """The check or import the dialog runs in the background is done."""
    qtbot.waitUntil(lambda: not d.busy(), timeout=10000)


def table_state(store: Store) -> dict:
    return {t: store.rows(t) for t in ("projects", "project_updates", "residents", "ventures")}


def without_meta(state: dict) -> dict:
    return {t: [{k: v for k, v in r.items() if k not in ("version", "updated_at")} for r in rows]
            for t, rows in state.items()}  # fmt: skip


def test_bad_file_lists_every_problem_marks_cells_and_writes_nothing(
    ctx, dialog, tmp_path, qtbot, monkeypatch
):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "N-1,Good one,energy,BY-MI,CDB,,100.00,USD,0,signed\n"
                   "N-2,,energy,BY-XX,Nobank,,-5,USD,0,signed\n"
                   "N-3,Too much,energy,BY-MI,CDB,,100.00,USD,200,implementation\n", encoding="utf-8")  # fmt: skip
    before = table_state(ctx.store)
    audit_before = ctx.store.count("audit_log")
    monkeypatch.setattr(import_dialog, "choose_file", lambda *a: str(bad))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(bad)
    idle(qtbot, dialog)
    problems = {(dialog.problems.item(i, 0).text(), dialog.problems.item(i, 1).text(), dialog.problems.item(i, 2).text())
                for i in range(dialog.problems.rowCount())}  # fmt: skip
    assert ("3", "name", "is required") in problems
    assert ("3", "amount", "must not be negative") in problems
    assert ("3", "bank", "'Nobank' is not a known bank") in problems
    assert any(r == "3" and c == "region" for r, c, _ in problems)
    assert ("4", "disbursed", "must not exceed the committed amount") in problems
    assert dialog.problems.rowCount() == len(dialog.plan.errors) == 5
    # every bad cell red, with the reason as its tooltip; good cells untouched
    headers = [
        dialog.preview.horizontalHeaderItem(j).text() for j in range(dialog.preview.columnCount())
    ]
    amount = dialog.preview.item(1, headers.index("amount"))
    assert amount.background().color() == BAD_CELL and "must not be negative" in amount.toolTip()
    assert dialog.preview.item(0, headers.index("amount")).background().color() != BAD_CELL
    assert dialog.preview.item(1, 0).text() == "error" and dialog.preview.item(0, 0).text() == "new"
    assert dialog.summary.text() == dialog.plan.summary()  # as the command line says it
    assert dialog.summary.text().startswith("5 problem(s) in 2 of ")
    assert not dialog.import_button.isEnabled()
    dialog.do_import()  # even called directly, nothing is written
    assert table_state(ctx.store) == before and ctx.store.count("audit_log") == audit_before
    assert ctx.undo_stack.count() == 0


def test_good_file_imports_in_one_step_and_undo_removes_exactly_it(ctx, dialog, tmp_path, qtbot):
    first = ctx.store.rows("projects")[0]
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "N-1,New silo,agriculture,BY-MI,CDB,,100.00,USD,0,signed\n"
                    "N-2,Новый завод,industry,BY-BR,ICBC,,2500000.50,EUR,0,pipeline\n"
                    f"{first['code']},Renamed by import,{first['sector']},{first['region']},"
                    f"{ctx.store.get('banks', first['bank_id'])['name']},{first['borrower']},{first['amount'] / 100:.2f},"
                    f"{first['currency']},{first['disbursed'] / 100:.2f},{first['status']}\n", encoding="utf-8")  # fmt: skip
    before = table_state(ctx.store)
    changes = []
    ctx.changed.connect(changes.append)
    dialog.set_file(good, "projects")
    idle(qtbot, dialog)
    assert dialog.problems.rowCount() == 0
    assert dialog.summary.text().startswith("3 rows of good.csv: 2 new, 1 changed, 0 unchanged")
    assert dialog.summary.text() == dialog.plan.summary()
    assert dialog.import_button.isEnabled()
    headers = [
        dialog.preview.horizontalHeaderItem(j).text() for j in range(dialog.preview.columnCount())
    ]
    assert dialog.preview.item(2, headers.index("name")).toolTip() == "changes the stored value"
    assert dialog.preview.item(2, headers.index("amount")).toolTip() == ""
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    idle(qtbot, dialog)
    assert ctx.store.get_by("projects", "code", "N-2")["amount"] == 250000050
    assert ctx.store.get("projects", first["id"])["name"] == "Renamed by import"
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "Import good.csv"
    assert changes and changes[-1].table == "projects"
    assert (
        not dialog.import_button.isEnabled()
        and "Imported 2 new and 1 changed" in dialog.reason.text()
    )
    ctx.undo_stack.undo()
    assert without_meta(table_state(ctx.store)) == without_meta(before)
    ctx.undo_stack.redo()
    assert ctx.store.get_by("projects", "code", "N-1") is not None
    assert ctx.store.get("projects", first["id"])["name"] == "Renamed by import"


def test_updates_import_and_undo(ctx, dialog, tmp_path, qtbot):
    p = ctx.store.rows("projects", where={"status": "implementation"})[0]
    src = tmp_path / "updates.csv"
    src.write_text(f"project;as_of;status;progress_pct;disbursed;note\n{p['code']};25.11.2026;implementation;"
                   f"{p['progress_pct'] + 2};;Ноябрь\n", encoding="cp1251")  # fmt: skip
    dialog.set_file(src, "updates")
    idle(qtbot, dialog)
    assert dialog.kind == "project_updates" and "1 new" in dialog.summary.text()
    n = ctx.store.count("project_updates")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    idle(qtbot, dialog)
    assert ctx.store.count("project_updates") == n + 1
    assert ctx.store.get("projects", p["id"])["progress_pct"] == p["progress_pct"] + 2
    ctx.undo_stack.undo()
    assert ctx.store.count("project_updates") == n
    assert ctx.store.get("projects", p["id"])["progress_pct"] == p["progress_pct"]


def test_changing_kind_checks_again(ctx, dialog, tmp_path, qtbot):
    src = tmp_path / "p.csv"
    src.write_text(
        HEADER + "N-1,New silo,agriculture,BY-MI,CDB,,100.00,USD,0,signed\n", encoding="utf-8"
    )
    dialog.set_file(src, "projects")
    idle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("residents"))
    assert not dialog.import_button.isEnabled()
    idle(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    rules = [dialog.problems.item(i, 2).text() for i in range(dialog.problems.rowCount())]
    assert any("unknown column for residents" in r for r in rules)
    assert any("required column is missing" in r for r in rules)


def test_unreadable_file_says_why(ctx, dialog, tmp_path, qtbot):
    src = tmp_path / "broken.xlsx"
    src.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog.set_file(src, "projects")
    idle(qtbot, dialog)
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 1).text() == "file"
    assert "not a readable XLSX workbook" in dialog.problems.item(0, 2).text()
    assert dialog.summary.text().startswith("broken.xlsx cannot be imported: ")
    assert not dialog.import_button.isEnabled()


def test_read_only_database_cannot_import(demo_path, qtbot, tmp_path):
    store = Store.open(demo_path, read_only=True, backup=False)
    ctx = AppContext(store, user="tester")
    d = ImportDialog(ctx)
    qtbot.addWidget(d)
    try:
        src = tmp_path / "p.csv"
        src.write_text(
            HEADER + "N-1,New silo,agriculture,BY-MI,CDB,,100.00,USD,0,signed\n", encoding="utf-8"
        )
        d.set_file(src, "projects")
        idle(qtbot, d)
        assert d.plan.ok and not d.import_button.isEnabled()
        assert "Importing is off: opened read-only" in d.reason.text()
    finally:
        d.close()
        store.close()
        ctx.deleteLater()


def test_grab_for_review(dialog, tmp_path, qtbot):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "N-2,,energy,BY-XX,Nobank,,-5,USD,0,signed\n", encoding="utf-8")
    dialog.set_file(bad, "projects")
    idle(qtbot, dialog)
    out = Path(tmp_path / "import_dialog.png")
    assert dialog.grab().save(str(out)) and out.stat().st_size > 1000


def test_a_file_with_too_many_problems_says_where_checking_stopped_first(ctx, dialog, tmp_path,
                                                                          qtbot):  # fmt: skip
    """The first line tells the whole story: how many problems, at which row checking stopped
    and out of how many rows; the same words as the command line's."""
    bad = tmp_path / "many.csv"
    rows = "".join(f"B-{i},,energy,BY-MI,CDB,,-1,USD,0,signed\n" for i in range(1500))
    bad.write_text(HEADER + rows, encoding="utf-8")
    before = table_state(ctx.store)
    dialog.set_file(bad, "projects")
    idle(qtbot, dialog)
    text = dialog.summary.text()
    assert text.startswith(
        "Stopped after 1,000 problems at row 501 of 1,501; nothing was imported."
    )
    assert text == dialog.plan.summary()
    assert not dialog.import_button.isEnabled()
    assert table_state(ctx.store) == before


def test_the_preview_plan_is_let_go_off_the_window_thread_after_the_import(
    ctx, dialog, tmp_path, qtbot
):
    """The file is checked again when imported: the preview's plan (a 100k-row file's
    million cells) is emptied on a worker, a bite at a time; the written plan stays whole
    for undo."""
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "".join(f"R-{i},Silo {i},agriculture,BY-MI,CDB,,100.00,USD,0,signed\n"
                                     for i in range(30)), encoding="utf-8")  # fmt: skip
    dialog.set_file(good, "projects")
    idle(qtbot, dialog)
    preview = dialog.plan
    assert len(preview.planned) == 30 and preview.counts()["insert"] == 30
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    idle(qtbot, dialog)
    assert dialog.plan is not preview and len(dialog.plan.planned) == 30
    qtbot.waitUntil(lambda: not preview.planned, timeout=5000)
    assert not preview.source.cells or not any(preview.source.cells.values())
    ctx.undo_stack.undo()  # the written plan is whole: undo takes the 30 rows back
    assert ctx.store.get_by("projects", "code", "R-0") is None
