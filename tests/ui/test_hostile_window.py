"""The window and a stranger's file (issue 13): a file with foreign schema objects
is offered read-only or repair at start-up, File › Repair database… removes them
after a backup, a failed automatic backup shows in the status bar, and the chart
picture cache is private (0700/0600)."""

from __future__ import annotations

import sqlite3
import stat

from PySide6.QtGui import QPixmap

from tracker.store import ForeignSchema, Store


def _plant_trigger(path) -> None:  # noqa: ANN001
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON project_updates BEGIN "
                 "DELETE FROM project_updates; END")  # fmt: skip
    conn.close()


def test_start_up_offers_read_only_or_repair(demo_path, monkeypatch, qtbot):
    from tracker.ui import opening

    _plant_trigger(demo_path)
    try:
        Store.open(demo_path, backup=False)
    except ForeignSchema as exc:
        error = exc
    asked: list[str] = []
    monkeypatch.setattr(
        opening, "ask_foreign_schema", lambda _p, _t, text: asked.append(text) or "read_only"
    )
    store = opening.open_foreign(demo_path, error, title="t")
    assert store is not None and store.read_only and store.schema_problems
    assert "trigger 'wipe' on project_updates" in asked[0] and "Open it read-only" in asked[0]
    store.close(backup=False)
    monkeypatch.setattr(opening, "ask_foreign_schema", lambda *_: None)
    assert opening.open_foreign(demo_path, error, title="t") is None
    monkeypatch.setattr(opening, "ask_foreign_schema", lambda *_: "repair")
    store = opening.open_foreign(demo_path, error, title="t")
    assert store is not None and not store.read_only and store.schema_problems == []
    store.close(backup=False)


def test_the_repair_menu_item_removes_them_and_the_window_can_edit(open_window, qtbot,
                                                                  demo_path, monkeypatch):  # fmt: skip
    from tracker.ui import main_window

    _plant_trigger(demo_path)
    win = open_window(demo_path, read_only=True, view="projects")
    assert win.ctx.read_only and "did not make" in win.ctx.store.read_only_reason
    asked: list[str] = []
    monkeypatch.setattr(main_window, "ask_damaged", lambda _p, _t, text: asked.append(text) or True)
    assert win.actionRepair.isEnabled()
    win.actionRepair.trigger()
    qtbot.waitUntil(lambda: not win.ctx.read_only, timeout=5000)
    assert "trigger 'wipe' on project_updates" in asked[0]
    assert win.ctx.store.schema_problems == []
    names = {r[0] for r in win.ctx.store.conn.execute("SELECT name FROM sqlite_master")}
    assert "wipe" not in names
    assert list((demo_path.parent / "demo-backups").glob("*before-repair*"))
    assert not win.status_read_only.isVisible()


def test_a_failed_backup_shows_in_the_status_bar(open_window, qtbot, demo_path):
    from tracker.store import backups

    win = open_window(demo_path, view="projects")
    backups.failed(win.ctx.store, demo_path.parent / "nowhere", OSError(28, "No space left"))
    assert win.status_backup.isVisible()
    assert "could not be made" in win.status_backup.toolTip()


def test_the_picture_cache_is_private(tmp_path, qtbot):
    from tracker.ui.chart_picture import PictureCache

    cache = PictureCache(tmp_path / "pictures")
    pix = QPixmap(4, 4)
    assert cache.save("k", pix)
    assert stat.S_IMODE((tmp_path / "pictures").stat().st_mode) == 0o700
    assert stat.S_IMODE(cache.path("k").stat().st_mode) == 0o600
    assert not list((tmp_path / "pictures").glob("*.part"))
