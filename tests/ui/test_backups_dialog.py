"""The Backups dialog over a real file: list newest first, back up now, restore
(after backing up the current file), refuse a damaged backup, read-only files."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tracker.services import edits, maintenance
from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.dialogs import backups_dialog
from tracker.ui.dialogs.backups_dialog import BackupsDialog


@pytest.fixture
def dialog(ctx, qtbot):  # noqa: ANN001
    d = BackupsDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    yield d
    d.close()


def idle(qtbot, d: BackupsDialog) -> None:  # noqa: ANN001
    """The backup or restore the dialog runs in the background is done."""
    qtbot.waitUntil(lambda: not d.busy(), timeout=15000)


def back_up(qtbot, d: BackupsDialog) -> Path | None:  # noqa: ANN001
    d.back_up_now()
    idle(qtbot, d)
    return d.last_backup


def restore(qtbot, d: BackupsDialog) -> Path | None:  # noqa: ANN001
    """Restore the selected backup (as the button does) and wait: the safety copy, or None."""
    if d.restore_selected() is None:
        return None
    idle(qtbot, d)
    return d.last_safety


def _rows(d: BackupsDialog) -> list[tuple[str, str, str]]:
    t = d.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def _project_name(path: Path, code: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name FROM projects WHERE code = ?", (code,)).fetchone()[0]
    finally:
        conn.close()


def test_lists_backups_newest_first_with_date_reason_and_size(ctx, qtbot) -> None:  # noqa: ANN001
    folder = ctx.store.backup_dir
    first = maintenance.backup(ctx.store)
    time.sleep(0.01)
    from tracker.store import backups

    backups.make_backup(ctx.store, folder, reason="close")
    d = BackupsDialog(ctx)
    qtbot.addWidget(d)
    rows = _rows(d)
    assert d.objectName() == "backupsDialog"
    assert [r[1] for r in rows] == ["On close", "Made by hand"]
    assert rows[0][0] >= rows[1][0]  # ISO dates: newest first
    assert all(r[2] and r[2][0].isdigit() for r in rows)  # a size such as "396 KB"
    assert d.table.item(1, 0).data(backups_dialog.PathRole) == str(first)
    assert not d.restore_button.isEnabled()  # nothing selected yet
    d.close()


def test_back_up_now_adds_a_row_and_selects_it(dialog, qtbot) -> None:  # noqa: ANN001
    assert dialog.table.rowCount() == 0
    assert "No backups" in dialog.status.text()
    dialog.backup_button.click()
    idle(qtbot, dialog)
    assert dialog.table.rowCount() == 1
    path = dialog.selected_path()
    assert path is not None and path.exists()
    assert "Backup written" in dialog.status.text()
    assert dialog.restore_button.isEnabled()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_restore_backs_up_first_then_restores_and_asks_the_window_to_reopen(
    dialog,
    ctx,
    monkeypatch,
    qtbot,  # noqa: ANN001
) -> None:
    db = ctx.store.path
    original = _project_name(db, "BY-CN-001")
    back_up(qtbot, dialog)
    old_backup = dialog.selected_path()
    row = ctx.store.get_by("projects", "code", "BY-CN-001")
    edits.edit_record(ctx.store, kind="projects", pk=row["id"], values={"name": "Renamed after"},
                      expected_version=row["version"], user="tester")  # fmt: skip
    questions: list[str] = []
    monkeypatch.setattr(backups_dialog, "ask", lambda p, t, text: questions.append(text) or True)
    with qtbot.waitSignal(dialog.restored, timeout=15000) as sig:
        dialog.restore_selected()
    safety = dialog.last_safety
    assert questions and "backed up first" in questions[0]
    assert sig.args == [str(db)]
    assert _project_name(db, "BY-CN-001") == original
    assert ctx.store.get("projects", row["id"])["name"] == original  # the open store sees it too
    # The file that was replaced was kept, holds the edit, and is listed and selected.
    assert safety is not None and _project_name(safety, "BY-CN-001") == "Renamed after"
    assert dialog.selected_path() == safety
    assert [r[1] for r in _rows(dialog)].count("Before a restore") == 1
    assert old_backup is not None and old_backup.exists()
    assert "kept as" in dialog.status.text()


def test_restore_cancelled_changes_nothing(dialog, ctx, monkeypatch, qtbot) -> None:  # noqa: ANN001
    back_up(qtbot, dialog)
    row = ctx.store.get_by("projects", "code", "BY-CN-002")
    edits.edit_record(ctx.store, kind="projects", pk=row["id"], values={"name": "Kept"},
                      expected_version=row["version"], user="tester")  # fmt: skip
    monkeypatch.setattr(backups_dialog, "ask", lambda *a: False)
    emitted: list[str] = []
    dialog.restored.connect(emitted.append)
    assert dialog.restore_selected() is None
    assert emitted == [] and dialog.table.rowCount() == 1
    assert _project_name(ctx.store.path, "BY-CN-002") == "Kept"


def test_a_damaged_backup_is_refused_with_the_reason(dialog, ctx, monkeypatch, qtbot) -> None:  # noqa: ANN001
    target = back_up(qtbot, dialog)
    data = bytearray(target.read_bytes())
    target.write_bytes(bytes(data[: len(data) // 2]))  # cut in half
    before = ctx.store.path.read_bytes()
    monkeypatch.setattr(backups_dialog, "ask", lambda *a: True)
    warned: list[str] = []
    monkeypatch.setattr(backups_dialog, "warn", lambda p, t, text: warned.append(text))
    emitted: list[str] = []
    dialog.restored.connect(emitted.append)
    dialog.table.selectRow(0)
    assert restore(qtbot, dialog) is None
    assert warned and "truncated" in warned[0] and "Not restored" in dialog.status.text()
    assert emitted == []
    assert ctx.store.path.read_bytes() == before


def test_read_only_file_can_be_backed_up_but_not_restored(demo_path, qtbot) -> None:  # noqa: ANN001
    store = Store.open(demo_path, read_only=True, backup=False)
    c = AppContext(store, user="tester")
    d = BackupsDialog(c)
    qtbot.addWidget(d)
    try:
        assert back_up(qtbot, d) is not None
        assert d.selected_path() is not None
        assert not d.restore_button.isEnabled()
        assert "Restoring is off" in d.restore_button.toolTip()
        assert d.restore_selected() is None
    finally:
        d.close()
        store.close(backup=False)
        c.deleteLater()


def test_main_window_opens_the_backups_dialog_and_shows_the_restored_data(
    open_window,
    demo_path,
    monkeypatch,
    qtbot,  # noqa: ANN001
) -> None:
    from tracker.services.undo import EditCommand

    win = open_window(demo_path, view="projects")
    d = win.open_backups()
    assert isinstance(d, BackupsDialog) and d.isVisible()
    d.backup_button.click()
    idle(qtbot, d)
    assert d.table.rowCount() == 1
    d.table.selectRow(0)
    assert d.restore_button.isEnabled()
    d.grab().save(str(demo_path.parent / "backups_dialog.png"))
    ctx = win.ctx
    row = ctx.store.get_by("projects", "code", "BY-CN-001")
    ctx.run(EditCommand("projects", row["id"], {"name": "Edited before the restore"},
                        row["version"], "tester"))  # fmt: skip

    def shown_name() -> str:
        model = win.record_page().table.model  # a new one after the restore reopened the file
        r = model.row_of(row["id"])
        return model.index(r, 1).data() if r >= 0 else ""

    assert win.record_page().table.model.row_of(row["id"]) >= 0
    qtbot.waitUntil(lambda: "Edited before" in str(shown_name()), timeout=3000)
    monkeypatch.setattr(backups_dialog, "ask", lambda *a: True)
    d.table.selectRow(0)
    assert restore(qtbot, d) is not None
    assert ctx.undo_stack.count() == 0  # the history of the replaced file is gone
    assert ctx.store.get("projects", row["id"])["name"] == row["name"]
    qtbot.waitUntil(lambda: str(shown_name()) == row["name"], timeout=3000)  # the pane re-read
    d.close()


def test_reason_texts() -> None:
    assert backups_dialog.reason_text("before-upgrade-v1") == "Before upgrade from schema 1"
    assert backups_dialog.reason_text("open") == "On open"
    assert backups_dialog.reason_text("odd") == "odd"
    assert Qt.ItemDataRole.UserRole == backups_dialog.PathRole
