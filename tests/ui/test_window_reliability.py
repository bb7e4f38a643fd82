"""PRODUCT §7 in the window, over real files: a restore reopens the file, a
damaged file found on open offers its newest backup, the integrity check runs
after the window is shown, and a file on a network share is warned about."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTableView

from tracker.services import maintenance
from tracker.store import Store
from tracker.ui import main_window
from tracker.ui.dialogs import backups_dialog
from tracker.ui.main_window import MainWindow

HYDRO = 14  # demo project BY-CN-014, "Sample Hydro Power Plant (sample)"


def name_in_file(path: Path, pk: int = HYDRO) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name FROM projects WHERE id = ?", (pk,)).fetchone()[0]
    finally:
        conn.close()


def rename_in_file(path: Path, name: str, pk: int = HYDRO) -> None:
    from tracker.services import edits

    with Store.open(path, backup=False) as s:
        row = s.get("projects", pk)
        edits.edit_record(
            s,
            kind="projects",
            pk=pk,
            values={"name": name},
            expected_version=row["version"],
            user="tester",
        )


def backup_of(path: Path) -> Path:
    with Store.open(path, backup=False) as s:
        made = maintenance.backup(s)
        s.changed = False
    return made


def damage_a_middle_page(path: Path) -> int:
    """Garbage over one leaf page of the audit log, in the middle of the file: the file
    still opens (its schema and the tables the window reads are intact), quick_check fails."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        count = conn.execute("PRAGMA page_count").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' "
            "ORDER BY pageno")]  # fmt: skip
    finally:
        conn.close()
    page = min(pages, key=lambda p: abs(p - count // 2))
    with open(path, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(bytes((i * 37 + 11) % 256 for i in range(size)))
    return page


def table_names(win: MainWindow) -> list[str]:
    page = win.record_page()
    model = page.table.model
    col = [f.name for f in model.fields].index("name")
    return [model.index(r, col).data() for r in range(model.rowCount())]


def save_name_through_the_form(qtbot, win: MainWindow, name: str, pk: int = HYDRO) -> None:
    page = win.record_page()
    assert page.select(pk)
    editor = page.form.editors["name"]
    editor.selectAll()
    editor.clear()
    qtbot.keyClicks(editor, name)
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert not page.form.is_dirty()


def restore_in_dialog(qtbot, win: MainWindow, source: Path, monkeypatch) -> None:
    monkeypatch.setattr(backups_dialog, "ask", lambda *_: True)
    monkeypatch.setattr(backups_dialog, "warn", lambda _p, _t, text: pytest.fail(text))
    dialog = win.dialogs.get("backups") or win.open_backups()
    rows = [dialog.table.item(r, 0).data(backups_dialog.PathRole)
            for r in range(dialog.table.rowCount())]  # fmt: skip
    dialog.table.selectRow(rows.index(str(source)))
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=15000)
    assert "Restored" in dialog.status.text()


def close_reopened(qtbot, win: MainWindow) -> None:
    """The window first, then the store it reopened (its timers read the store until it is gone)."""
    store = win.ctx.store
    win.skip_settings = True
    win.close()
    win.destroyed.connect(lambda *_: store.close(backup=False))
    win.deleteLater()
    qtbot.waitUntil(lambda: store.closed, timeout=3000)


@pytest.fixture
def no_damage_prompt(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(main_window, "ask_damaged", lambda _p, _t, text: asked.append(text))
    return asked


# ------------------------------------------------------------ 1. restore reopens
def test_restore_reopens_the_file_with_a_new_store_and_no_undo(qtbot, open_window, demo_path,
                                                               monkeypatch, no_damage_prompt):  # fmt: skip
    original = name_in_file(demo_path)
    win = open_window(demo_path, view="projects")
    old_store, old_page = win.ctx.store, win.record_page()
    backup = maintenance.backup(old_store)
    save_name_through_the_form(qtbot, win, "Renamed after the backup")
    assert name_in_file(demo_path) == "Renamed after the backup"
    assert win.ctx.undo_stack.count() == 1
    replaced: list[Store] = []
    win.storeReplaced.connect(replaced.append)

    restore_in_dialog(qtbot, win, backup, monkeypatch)

    assert name_in_file(demo_path) == original
    assert replaced and win.ctx.store is replaced[0] is not old_store
    qtbot.waitUntil(lambda: old_store.closed, timeout=3000)  # old connection closed
    assert win.ctx.undo_stack.count() == 0 and not win.actionUndo.isEnabled()
    assert (
        win.record_page() is not old_page and win.record_page().table.model.store is win.ctx.store
    )
    assert original in table_names(win) and "Renamed after the backup" not in table_names(win)
    assert "reopened" in win.statusBar().currentMessage()
    # Work goes on in the restored file, undoable again.
    save_name_through_the_form(qtbot, win, "Edited after the restore")
    assert name_in_file(demo_path) == "Edited after the restore"
    assert win.ctx.undo_stack.count() == 1
    close_reopened(qtbot, win)


# -------------------------------------- 3. integrity check on open, and 1. on a damaged file
def test_healthy_file_passes_the_check_without_a_word(qtbot, open_window, demo_path,
                                                      no_damage_prompt):  # fmt: skip
    win = open_window(demo_path, view="projects")
    qtbot.waitUntil(lambda: win.integrity is not None and win.integrity.done, timeout=5000)
    assert win.integrity.result == []
    QCoreApplication.processEvents()
    assert win.integrity_problems == [] and not no_damage_prompt
    assert not win.status_integrity.isVisible() and win.status_integrity.text() == ""


def test_check_runs_after_the_window_is_shown_on_its_own_connection(qtbot, demo_path,
                                                                    monkeypatch):  # fmt: skip
    from tracker.ui.context import AppContext
    from tracker.ui.models import integrity_check

    threads: list[tuple[object, object]] = []
    real = Store.integrity_check

    def spy(self, *, quick=False):  # noqa: ANN001
        import threading

        threads.append((self, threading.current_thread()))
        return real(self, quick=quick)

    monkeypatch.setattr(Store, "integrity_check", spy)
    store = Store.open(demo_path, backup=False)
    win = MainWindow(AppContext(store, user="tester"), view="projects")
    assert win.integrity is None  # nothing before the window is on screen
    win.show()
    qtbot.waitUntil(lambda: win.integrity is not None and win.integrity.done, timeout=5000)
    checked, thread = threads[0]
    assert checked is not store and checked.read_only  # its own read-only connection
    import threading

    assert thread is not threading.main_thread()
    assert isinstance(win.integrity, integrity_check.IntegrityCheck)
    win.close()
    win.deleteLater()
    store.close(backup=False)


def test_damaged_page_is_reported_and_restoring_reopens_the_file(qtbot, open_window, demo_path,
                                                                monkeypatch):  # fmt: skip
    original = name_in_file(demo_path)
    backup = backup_of(demo_path)
    rename_in_file(demo_path, "Renamed after the backup")
    damage_a_middle_page(demo_path)
    with Store.open(demo_path, read_only=True, backup=False) as s:  # still opens...
        assert s.integrity_check(quick=True)  # ...but is damaged

    asked: list[str] = []
    monkeypatch.setattr(main_window, "ask_damaged",
                        lambda _p, _t, text: asked.append(text) or True)  # fmt: skip
    win = open_window(demo_path, view="projects")
    old_store = win.ctx.store
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "damage" in asked[0] and demo_path.name in asked[0]
    assert win.status_integrity.isVisible() and "damaged" in win.status_integrity.text()
    assert win.integrity_problems
    assert "backups" in win.dialogs  # "Yes" opened the Backups dialog

    restore_in_dialog(qtbot, win, backup, monkeypatch)

    assert win.ctx.store is not old_store
    qtbot.waitUntil(lambda: old_store.closed, timeout=3000)
    assert not win.status_integrity.isVisible()
    qtbot.waitUntil(lambda: win.integrity is not None and win.integrity.done, timeout=5000)
    assert win.integrity.result == [] and len(asked) == 1  # the restored file is healthy
    assert original in table_names(win)
    # The damaged file was swapped out: a save must reach the file now at that path.
    save_name_through_the_form(qtbot, win, "Saved into the restored file")
    assert name_in_file(demo_path) == "Saved into the restored file"
    conn = sqlite3.connect(demo_path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    close_reopened(qtbot, win)


# ------------------------------------------------ 2. corrupt file at start: restore offer
def _start_window(monkeypatch, qapp, path: Path) -> tuple[int, list[list[str]]]:
    """run_gui on a file; in place of the event loop, the project names each shown
    window lists are read and the window is closed."""
    import shiboken6

    from tracker.ui import app

    seen: list[list[str]] = []

    def fake_exec() -> int:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append(table_names(w))
                w.skip_settings = True
                w.close()
                shiboken6.delete(w)  # gone before run_gui closes its store
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    return app.run_gui(db=str(path), demo=False, read_only=False, smoke=False), seen


def test_corrupt_file_offers_its_newest_backup_and_opens_it(qtbot, qapp, demo_path,
                                                           monkeypatch, no_damage_prompt):  # fmt: skip
    from tracker.ui import opening

    original = name_in_file(demo_path)
    backup_of(demo_path)
    with open(demo_path, "r+b") as f:  # the header gone: not a SQLite file any more
        f.write(b"\0" * 100)
    asked: list[str] = []
    monkeypatch.setattr(opening, "ask_restore", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(opening, "error_box", lambda _t, text: pytest.fail(text))

    code, windows = _start_window(monkeypatch, qapp, demo_path)

    assert code == 0 and len(asked) == 1
    assert "Restore the newest backup" in asked[0] and demo_path.name in asked[0]
    assert len(windows) == 1 and original in windows[0]
    assert name_in_file(demo_path) == original  # the file itself is the backup again
    kept = list((demo_path.parent / f"{demo_path.stem}-backups").glob("*damaged*"))
    assert kept and kept[0].read_bytes()[:100] == b"\0" * 100  # the damaged file kept


def test_declining_the_restore_exits_1_and_leaves_the_file(qapp, demo_path, monkeypatch):
    from tracker.ui import opening

    backup_of(demo_path)
    with open(demo_path, "r+b") as f:
        f.write(b"garbage!" * 4)
    before = demo_path.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(opening, "ask_restore", lambda _p, _t, text: asked.append(text) or False)
    monkeypatch.setattr(opening, "error_box", lambda _t, text: pytest.fail(text))
    code, windows = _start_window(monkeypatch, qapp, demo_path)
    assert code == 1 and asked and not windows
    assert demo_path.read_bytes() == before


def test_read_only_start_on_a_corrupt_file_offers_no_restore(qapp, demo_path, monkeypatch):
    from tracker.ui import app, opening

    backup_of(demo_path)
    with open(demo_path, "r+b") as f:
        f.write(b"\0" * 100)
    before = demo_path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(opening, "ask_restore", lambda *_: pytest.fail("a restore would write"))
    monkeypatch.setattr(opening, "error_box", lambda _t, text: shown.append(text))
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("no window"))
    assert app.run_gui(db=str(demo_path), demo=False, read_only=True, smoke=False) == 1
    assert shown and demo_path.name in shown[0]
    assert demo_path.read_bytes() == before


def test_corrupt_file_without_backups_says_so(qapp, tmp_path, monkeypatch):
    from tracker.ui import opening

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("these are not the droids")
    shown: list[str] = []
    monkeypatch.setattr(opening, "ask_restore", lambda *_: pytest.fail("nothing to restore"))
    monkeypatch.setattr(opening, "error_box", lambda _t, text: shown.append(text))
    code, windows = _start_window(monkeypatch, qapp, junk)
    assert code == 1 and not windows
    assert "not a SQLite database" in shown[0] and "no backup" in shown[0]


# -------------------------------------------------------------- 4. network share
@pytest.mark.parametrize("shared", [True, False])
def test_network_share_is_warned_about(qtbot, open_window, demo_path, monkeypatch, shared,
                                       no_damage_prompt):  # fmt: skip
    seen: list[Path] = []
    monkeypatch.setattr(maintenance, "on_network_share", lambda p: seen.append(p) or shared)
    win = open_window(demo_path, view="projects")
    assert seen and seen[0] == Path(demo_path)
    label = win.status_network
    assert label.isVisible() is shared
    if shared:
        assert "network share" in label.text() and str(demo_path) in label.toolTip()
    else:
        assert label.text() == ""
    assert win.findChild(QTableView, "recordTable") is not None


def test_the_shell_follows_the_reopened_store(qtbot, qapp, tmp_path, demo_path, monkeypatch,
                                              no_damage_prompt):  # fmt: skip
    """The program's shell closes the store the window works on at exit: after a restore,
    the reopened one (not the closed one)."""
    from tracker.ui import shell
    from tracker.ui.settings import Settings

    host = shell.Shell(qapp, Settings(tmp_path / "settings.ini"))
    win = host.show(Store.open(demo_path, backup=False))
    qtbot.waitExposed(win)
    old = host.store
    backup = maintenance.backup(old)
    restore_in_dialog(qtbot, win, backup, monkeypatch)
    assert host.store is win.ctx.store is not old
    qtbot.waitUntil(lambda: old.closed, timeout=3000)
    current = host.store
    win.skip_settings = True
    win.close()
    win.destroyed.connect(lambda *_: host.close())
    win.deleteLater()
    qtbot.waitUntil(lambda: current.closed, timeout=3000)
