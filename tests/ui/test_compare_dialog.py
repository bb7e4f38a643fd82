"""The compare dialog over two real files: the open database and an earlier SQLite snapshot."""

from __future__ import annotations

import json

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tracker.services.export import export_snapshot
from tracker.services.undo import EditCommand
from tracker.store import Store
from tracker.ui.dialogs import compare_dialog
from tracker.ui.dialogs.compare_dialog import CompareDialog


@pytest.fixture
def dialog(ctx, qtbot):  # noqa: ANN001
    d = CompareDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    yield d
    d.close()


def compared(qtbot, d: CompareDialog):  # noqa: ANN001, ANN201
    """Wait for the comparison running in the background: its result (None if it failed)."""
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    return d.result


def tree_texts(d: CompareDialog) -> list[tuple[str, str, str]]:
    out = []

    def walk(item):  # noqa: ANN001
        out.append((item.text(0), item.text(1), item.text(2)))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(d.tree.topLevelItemCount()):
        walk(d.tree.topLevelItem(i))
    return out


def test_changes_since_a_snapshot_field_by_field(ctx, dialog, tmp_path, qtbot, monkeypatch):
    snap = tmp_path / "last-month.sqlite3"
    export_snapshot(ctx.store, fmt="sqlite", out=snap, user="tester")
    p = ctx.store.rows("projects")[0]
    ctx.run(EditCommand("projects", p["id"], {"name": "Renamed since"}, p["version"], "tester"))
    monkeypatch.setattr(compare_dialog, "choose_file", lambda *a: str(snap))
    qtbot.mouseClick(
        dialog.findChild(type(dialog.export_button), "chooseSnapshot"), Qt.MouseButton.LeftButton
    )
    assert compared(qtbot, dialog) is not None
    texts = tree_texts(dialog)
    assert texts[0][0] == "Projects — 0 added, 0 removed, 1 changed"
    assert (p["code"], "", "") in texts
    assert ("Name", p["name"], "Renamed since") in texts
    assert "Projects: 0 added, 0 removed, 1 changed" in dialog.summary.text()
    assert dialog.totals.rowCount() == 5
    assert dialog.totals.item(0, 3).text() == "+0.00"
    assert dialog.export_button.isEnabled()


def test_added_and_removed_and_moved_totals(ctx, dialog, tmp_path, qtbot):
    snap = tmp_path / "old.sqlite3"
    export_snapshot(ctx.store, fmt="sqlite", out=snap, user="tester")
    with Store.open(snap, backup=False) as old:  # the snapshot had one project more, one fewer
        gone = old.rows("projects", where={"status": "pipeline"})[0]
        old._conn.execute("DELETE FROM project_updates WHERE project_id = ?", (gone["id"],))
        old._conn.execute("DELETE FROM projects WHERE id = ?", (gone["id"],))
        old.changed = False
    dialog.compare_with(snap)
    r = compared(qtbot, dialog)
    assert [a["code"] for a in r.kinds["projects"].added] == [gone["code"]]
    texts = tree_texts(dialog)
    assert ("Added (1)", "", "") in texts
    assert ("Amount", "", f"{gone['amount'] / 100:,.2f}") in texts
    assert ("Status", "", "Pipeline") in texts  # in words, not the code
    committed = dialog.totals.item(0, 3).text()
    assert committed.startswith("+") and committed != "+0.00"


def test_save_comparison_as_xlsx_and_json(ctx, dialog, tmp_path, monkeypatch, qtbot):
    snap = tmp_path / "old.sqlite3"
    export_snapshot(ctx.store, fmt="sqlite", out=snap, user="tester")
    p = ctx.store.rows("projects")[1]
    ctx.run(
        EditCommand(
            "projects", p["id"], {"borrower": '=HYPERLINK("http://x","y")'}, p["version"], "tester"
        )
    )
    dialog.compare_with(snap)
    compared(qtbot, dialog)
    monkeypatch.setattr(
        compare_dialog, "choose_save_path", lambda *a: str(tmp_path / "changes.xlsx")
    )
    out = dialog.export_comparison()
    ws = openpyxl.load_workbook(out)["Changes"]
    row = [c for c in ws[2]]
    assert [c.value for c in ws[1]] == ["Kind", "Record", "Change", "Field", "Before", "After"]
    assert [c.value for c in row[:4]] == ["Projects", p["code"], "changed", "Borrower"]
    assert row[5].data_type == "s" and row[5].value == '=HYPERLINK("http://x","y")'
    monkeypatch.setattr(
        compare_dialog, "choose_save_path", lambda *a: str(tmp_path / "changes.json")
    )
    doc = json.loads(dialog.export_comparison().read_text("utf-8"))
    assert doc["kinds"]["projects"]["changed"][0]["key"] == p["code"]
    assert "Comparison saved to" in dialog.message.text()
    monkeypatch.setattr(
        compare_dialog, "choose_save_path", lambda *a: str(tmp_path / "changes.txt")
    )
    assert dialog.export_comparison() is None
    assert (
        "Cannot save the comparison: changes.txt: save the comparison as .xlsx"
        in dialog.message.text()
    )


def test_not_a_snapshot_is_refused_plainly(dialog, tmp_path, qtbot):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 100)
    dialog.compare_with(junk)
    assert compared(qtbot, dialog) is None
    assert "not a SQLite database" in dialog.message.text()
    assert not dialog.export_button.isEnabled() and dialog.tree.topLevelItemCount() == 0
