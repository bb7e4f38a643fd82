"""Issue 15, "Reading the window": the last database opens at the next start, the chart
chosen per view comes back, sorting by money in the reporting currency, the table at
1024×700, chart labels, and the Russian and Chinese window without English left over."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tracker.store import Store
from tracker.ui import shell
from tracker.ui.main_window import MainWindow
from tracker.ui.settings import Settings


def _run_and_look(monkeypatch, act=None) -> dict:  # noqa: ANN001
    """Start the program as ``tracker gui`` does; note what the window opened, then quit."""
    from tracker.ui.app import run_gui

    seen: dict = {"welcome": 0}

    def welcome(prefs):  # noqa: ANN001
        seen["welcome"] += 1

    monkeypatch.setattr(shell, "run_welcome", welcome)

    def look() -> None:
        wins = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        page = wins[0].record_page() if wins else None
        if page is None or page.chart is None or not page.chart.combo.count():
            QTimer.singleShot(20, look)  # the chart comes in after the first paint
            return
        win = wins[0]
        if act is not None:
            act(win)
        seen["path"] = win.ctx.store.path.resolve()
        seen["chart"] = win.record_page().chart.current_chart() if win.record_page() else None
        win.skip_settings = act is None
        win.close()

    QTimer.singleShot(0, look)
    seen["rc"] = run_gui(db=None, demo=False, read_only=False, smoke=False)
    return seen


def test_the_last_database_opens_at_the_next_start(qapp, tmp_path, monkeypatch):
    mine = tmp_path / "mine.sqlite3"
    Store.create(mine).close(backup=False)
    Settings().last_database = mine
    seen = _run_and_look(monkeypatch)
    assert seen["welcome"] == 0
    assert seen["path"] == mine.resolve()


def test_the_welcome_screen_when_the_last_database_is_gone(qapp, tmp_path, monkeypatch):
    mine = tmp_path / "mine.sqlite3"
    Store.create(mine).close(backup=False)
    Settings().last_database = mine
    mine.unlink()
    seen = _run_and_look(monkeypatch)
    assert seen["welcome"] == 1 and "path" not in seen


def test_the_chart_chosen_for_a_view_comes_back(qapp, qtbot, demo_path, monkeypatch):
    Settings().last_database = demo_path

    def choose_sector(win) -> None:  # noqa: ANN001
        combo = win.record_page().chart.combo
        combo.setFocus()
        target = combo.findData("sector")
        key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
        while combo.currentIndex() != target:
            qtbot.keyClick(combo, key)

    first = _run_and_look(monkeypatch, choose_sector)
    assert first["chart"] == "sector"
    again = _run_and_look(monkeypatch)
    assert again["path"] == demo_path.resolve()
    assert again["chart"] == "sector"
