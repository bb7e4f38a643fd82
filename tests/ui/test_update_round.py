"""The update round typed as a person would: keys only, row by row, saved as one step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tracker.domain.money import format_amount, from_minor
from tracker.services import edits
from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.dialogs.update_round_dialog import (
    COL_NEW_DISBURSED,
    COL_NEW_PROGRESS,
    COL_NEW_STATUS,
    COL_NOTE,
    ERROR_BRUSH,
    UpdateRoundDialog,
    status_code,
)

AS_OF = "2026-11-30"


def save_round(qtbot, d) -> bool | None:  # noqa: ANN001
    """Save (in the background, as Ctrl+S does) and wait: whether the round was saved."""
    if not d.save():
        return False
    qtbot.waitUntil(lambda: not d.busy(), timeout=15000)
    return d.saved


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: $TRACKER_SCREENS to look at them, else the test's tmp folder."""
    d = Path(os.environ.get("TRACKER_SCREENS") or tmp_path)
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def ctx(demo_store):
    c = AppContext(demo_store)
    yield c
    c.undo_stack.clear()


@pytest.fixture
def asked(monkeypatch):
    """Questions the dialog asked; answered with ``asked.answer`` (discard by default)."""
    from tracker.ui.dialogs import update_round_dialog

    class Asked(list):
        answer = True

    questions = Asked()

    def ask(parent, title, text):  # noqa: ANN001
        questions.append(text)
        return questions.answer

    monkeypatch.setattr(update_round_dialog, "ask", ask)
    return questions


@pytest.fixture
def dialog(qtbot, ctx, asked):
    dlg = UpdateRoundDialog(ctx, as_of=AS_OF)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    dlg.grid.setFocus()
    yield dlg
    dlg.close()


def type_keys(qtbot, text: str) -> None:
    """Type into whatever has the focus, as a keyboard does (the first key opens the editor)."""
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)


def key(qtbot, k) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), k)
    QApplication.processEvents()  # Enter commits the cell through a queued call, as in the app


def updates_on(store: Store, as_of: str) -> list[dict]:
    return store.rows("project_updates", where={"as_of": as_of}, order="project_id")


def test_grid_lists_active_projects_with_current_values(dialog, demo_store):
    codes = [dialog.grid.item(r, 0).text() for r in range(dialog.grid.rowCount())]
    active = [p["code"] for p in demo_store.rows("projects", order="code")
              if p["status"] not in ("completed", "cancelled")]  # fmt: skip
    assert codes == active and len(codes) > 10
    first = dialog.projects[0]
    assert dialog.grid.item(0, 3).text() == f"{first['progress_pct']} %"
    assert dialog.grid.item(0, 4).text().endswith(first["currency"])
    assert not dialog.grid.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.grid.item(0, COL_NOTE).flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.as_of() == AS_OF


def test_round_typed_row_by_row_is_one_undoable_step(qtbot, dialog, ctx, demo_store, tmp_path):
    p0, p1, p2 = dialog.projects[:3]
    before = {p["id"]: demo_store.get("projects", p["id"]) for p in (p0, p1, p2)}
    new_disbursed = (p0["disbursed"] + p0["amount"]) // 200 * 100  # halfway to the committed
    assert p0["disbursed"] < new_disbursed < p0["amount"]
    assert dialog.grid.currentRow() == 0 and dialog.grid.currentColumn() == COL_NEW_STATUS

    # Row 1: every column, Tab between cells and on to the next row.
    type_keys(qtbot, "impl")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "72")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, str(new_disbursed // 100))
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Site visit done")
    key(qtbot, Qt.Key.Key_Tab)
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (1, COL_NEW_STATUS)
    # Row 2: only the progress: Tab past the status, type, Enter goes down the column.
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "55")
    key(qtbot, Qt.Key.Key_Return)
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (2, COL_NEW_PROGRESS)
    # Row 3: progress typed straight into the cell, then only a note.
    type_keys(qtbot, "9")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Waiting for permits")
    key(qtbot, Qt.Key.Key_Return)

    # Typed values are tidied: the status by its name, the amount with its groups.
    assert dialog.grid.item(0, COL_NEW_STATUS).text() == "Implementation"
    assert dialog.grid.item(0, COL_NEW_DISBURSED).text() == format_amount(from_minor(new_disbursed))
    assert dialog.grid.item(1, COL_NEW_PROGRESS).text() == "55"
    assert dialog.grid.item(2, COL_NOTE).text() == "Waiting for permits"
    entries, rows = dialog.entries()
    assert rows == [0, 1, 2]
    assert "3 rows to update" in dialog.status.text()
    assert dialog.grab().save(str(shots_dir(tmp_path) / "update_round.png"))

    changes = []
    ctx.changed.connect(changes.append)
    assert save_round(qtbot, dialog) is True
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(changes) == 1 and changes[0].action == "round" and changes[0].concerns("projects")

    saved = updates_on(demo_store, AS_OF)
    assert [u["project_id"] for u in saved] == sorted([p0["id"], p1["id"], p2["id"]])
    assert all(u["author"] == ctx.user for u in saved)
    moved0 = demo_store.get("projects", p0["id"])
    assert (moved0["status"], moved0["progress_pct"], moved0["disbursed"]) == (
        "implementation", 72, new_disbursed)  # fmt: skip
    assert demo_store.get("projects", p1["id"])["progress_pct"] == 55
    moved2 = demo_store.get("projects", p2["id"])
    assert moved2["progress_pct"] == 9 and moved2["disbursed"] == before[p2["id"]]["disbursed"]
    note = next(u for u in saved if u["project_id"] == p2["id"])["note"]
    assert note == "Waiting for permits"

    # One undo takes back the whole round, one redo brings it back.
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert updates_on(demo_store, AS_OF) == []
    for pid, row in before.items():
        now = demo_store.get("projects", pid)
        assert (now["status"], now["progress_pct"], now["disbursed"]) == (
            row["status"], row["progress_pct"], row["disbursed"])  # fmt: skip
    ctx.undo_stack.redo()
    assert len(updates_on(demo_store, AS_OF)) == 3
    assert demo_store.get("projects", p0["id"])["progress_pct"] == 72
    assert demo_store.get("projects", p1["id"])["progress_pct"] == 55


def test_bad_progress_marks_the_cell_and_writes_nothing(qtbot, dialog, ctx, demo_store):
    count = demo_store.count("project_updates")
    dialog.grid.setCurrentCell(0, COL_NEW_PROGRESS)
    type_keys(qtbot, "60")
    key(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "150")
    key(qtbot, Qt.Key.Key_Return)

    assert save_round(qtbot, dialog) is False
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_cells() == {(1, COL_NEW_PROGRESS)}
    cell = dialog.grid.item(1, COL_NEW_PROGRESS)
    assert cell.background().color() == ERROR_BRUSH.color()
    assert "at most 100" in cell.toolTip()
    assert dialog.errors.isVisible() and dialog.errors.count() == 1
    message = dialog.errors.item(0).text()
    assert "Row 2" in message and dialog.projects[1]["code"] in message and "progress" in message
    # Nothing written, nothing to undo, not even the good first row.
    assert demo_store.count("project_updates") == count
    assert updates_on(demo_store, AS_OF) == []
    assert ctx.undo_stack.count() == 0
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (1, COL_NEW_PROGRESS)

    # Fixing the value clears the mark, and then the round saves.
    type_keys(qtbot, "95")
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.error_cells() == set()
    assert cell.background().color() != ERROR_BRUSH.color()
    assert save_round(qtbot, dialog) is True
    assert len(updates_on(demo_store, AS_OF)) == 2


def test_disbursed_above_committed_and_unknown_status_are_named(qtbot, dialog, demo_store):
    p = dialog.projects[0]
    too_much = (p["amount"] + 100) // 100
    dialog.grid.setCurrentCell(0, COL_NEW_STATUS)
    type_keys(qtbot, "finished")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, str(too_much))
    key(qtbot, Qt.Key.Key_Return)
    assert save_round(qtbot, dialog) is False
    assert dialog.error_cells() == {(0, COL_NEW_STATUS)}  # field checks first, then amounts
    assert "must be one of" in dialog.grid.item(0, COL_NEW_STATUS).toolTip()

    dialog.grid.item(0, COL_NEW_STATUS).setText("")
    assert save_round(qtbot, dialog) is False
    assert dialog.error_cells() == {(0, COL_NEW_DISBURSED)}
    assert "committed amount" in dialog.grid.item(0, COL_NEW_DISBURSED).toolTip()

    # Three decimals are never rounded away silently: kept as typed, and refused.
    dialog.grid.setCurrentCell(0, COL_NEW_DISBURSED)
    type_keys(qtbot, "10.125")
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.grid.item(0, COL_NEW_DISBURSED).text() == "10.125"
    assert save_round(qtbot, dialog) is False
    assert "two decimal places" in dialog.grid.item(0, COL_NEW_DISBURSED).toolTip()
    assert updates_on(demo_store, AS_OF) == []


def test_project_changed_meanwhile_is_refused(qtbot, dialog, ctx, demo_store):
    p = dialog.projects[0]
    # Someone else edits the project after the grid was filled.
    edits.edit_record(demo_store, kind="projects", pk=p["id"], values={"name": "Renamed meanwhile"},
                      expected_version=p["version"], user="colleague")  # fmt: skip
    dialog.grid.setCurrentCell(0, COL_NEW_PROGRESS)
    type_keys(qtbot, "80")
    key(qtbot, Qt.Key.Key_Return)
    assert save_round(qtbot, dialog) is False
    assert "changed by someone else" in dialog.errors.item(0).text()
    assert dialog.error_cells() == {(0, 0)}
    assert updates_on(demo_store, AS_OF) == []
    assert demo_store.get("projects", p["id"])["progress_pct"] == p["progress_pct"]

    # Reload reads the new version and keeps what was typed; then the round saves.
    dialog.reload_button.click()
    assert dialog.grid.item(0, 1).text() == "Renamed meanwhile"
    assert dialog.grid.item(0, COL_NEW_PROGRESS).text() == "80"
    assert save_round(qtbot, dialog) is True
    assert demo_store.get("projects", p["id"])["progress_pct"] == 80
    assert demo_store.get("projects", p["id"])["name"] == "Renamed meanwhile"


def test_cancel_asks_before_typed_values_are_lost(qtbot, dialog, asked):
    dialog.grid.setCurrentCell(3, COL_NOTE)
    type_keys(qtbot, "Call the borrower")
    key(qtbot, Qt.Key.Key_Return)
    asked.answer = False
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert len(asked) == 1 and "1 row has" in asked[0]  # (Qt plural forms)
    assert dialog.isVisible() and dialog.grid.item(3, COL_NOTE).text() == "Call the borrower"
    asked.answer = True
    key(qtbot, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_cancel_of_an_empty_round_asks_nothing(dialog, asked):
    dialog.reject()
    assert asked == [] and not dialog.isVisible()


def test_blank_round_saves_nothing(dialog, ctx, demo_store, qtbot):
    count = demo_store.count("project_updates")
    assert save_round(qtbot, dialog) is False
    assert "Nothing to save" in dialog.errors.item(0).text()
    assert demo_store.count("project_updates") == count and ctx.undo_stack.count() == 0


def test_status_names_and_starts_are_understood():
    assert status_code("Impl") == "implementation"
    assert status_code("completed") == "completed"
    assert status_code(" Suspended ") == "suspended"
    assert status_code("s") == "s"  # signed or suspended: left for the service to refuse


def test_read_only_file_cannot_save(qtbot, demo_path):
    store = Store.open(demo_path, read_only=True, backup=False)
    try:
        c = AppContext(store)
        dlg = UpdateRoundDialog(c)
        qtbot.addWidget(dlg)
        assert not dlg.save_button.isEnabled()
        assert not dlg.grid.item(0, COL_NEW_PROGRESS).flags() & Qt.ItemFlag.ItemIsEditable
        reason = dlg.findChild(type(dlg.status), "readOnlyReason")
        assert reason is not None and "read-only" in reason.text()
        assert save_round(qtbot, dlg) is False
        dlg.close()
    finally:
        store.close(backup=False)
