"""Snapshots a desk officer makes every day: a second export of the day never lands on
the first, and a file that is there already is asked about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tracker.ui.dialogs import export_dialog


def test_a_second_export_of_the_day_never_overwrites_the_first(
    qtbot, open_window, demo_path, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(export_dialog, "ask_overwrite", lambda _p, path: asked.append(path))
    win = open_window(demo_path, view="projects")
    QTest.keyClick(win.record_page().table.view, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    d = win.dialogs["export"]
    first = Path(d.path_edit.text())
    assert first.parent == demo_path.parent and not first.exists()
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy() and d.result is not None, timeout=30000)
    assert first.is_file()
    data = first.read_bytes()
    second = Path(d.path_edit.text())
    assert second != first and second.name.endswith("-2.xlsx") and not second.exists()
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy() and second.exists(), timeout=30000)
    assert first.read_bytes() == data and not asked
    # A name typed over an existing file asks; "No" writes nothing.
    d.path_edit.setText(str(first))
    d.result = None
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    assert asked == [str(first)]
    assert not d.busy() and d.result is None and first.read_bytes() == data


def test_the_chart_chosen_per_view_is_there_at_the_next_start(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    chart = win.record_page().chart
    chart.combo.setFocus()
    QTest.keyClick(chart.combo, Qt.Key.Key_Down)
    QTest.keyClick(chart.combo, Qt.Key.Key_Down)
    chosen = chart.current_chart()
    assert chosen not in ("", "status")
    win.close()
    again = open_window(demo_path, view="projects")
    assert again.record_page().chart.current_chart() == chosen
