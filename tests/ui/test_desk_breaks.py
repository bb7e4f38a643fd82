"""Breaks in a desk officer's daily path, driven as a person would: the chart after
printing, a click on a filter list, Tab through forms, shortcuts typed in editors,
the form after the search hides its record, and the update history after others' writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from test_main_window import HYDRO, find_project

from tracker.ui.panes import form_pane
from tracker.ui.widgets import DateEdit
from tracker.ui.widgets.multi_choice import VALUE_ROLE, MultiChoiceCombo


def canvas_pixels(chart) -> bytes:
    return bytes(chart.host.canvas().buffer_rgba())


def test_the_chart_follows_again_after_print_chart(qtbot, open_window, demo_path, monkeypatch):
    from tracker.ui import printing

    opened = []
    monkeypatch.setattr(printing, "open_dialog", opened.append)
    win = open_window(demo_path, view="projects")
    chart = win.record_page().chart
    qtbot.waitUntil(lambda: chart.host.canvas() is not None, timeout=5000)
    qtbot.waitUntil(lambda: not chart.host.canvas()._draw_pending, timeout=5000)
    before = canvas_pixels(chart)
    QTest.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [d.objectName() for d in opened] == ["printChartPreview"]
    opened[0].close()
    # Printing left no draw marked pending that never comes (it stops every later redraw).
    qtbot.waitUntil(lambda: not chart.host.canvas()._draw_pending, timeout=2000)
    # The person searches: the chart follows the table.
    page = win.record_page()
    qtbot.keyClicks(page.table.search, "Hydro")
    qtbot.waitUntil(lambda: page.table.model.flt.text == "Hydro", timeout=3000)
    qtbot.waitUntil(lambda: canvas_pixels(chart) != before, timeout=3000)
    drawn = canvas_pixels(chart)
    # ... and picks another chart with the keyboard: it is drawn, not left as it was.
    chart.combo.setFocus()
    QTest.keyClick(chart.combo, Qt.Key.Key_Down)
    assert chart.current_chart() == "sector"
    qtbot.waitUntil(lambda: canvas_pixels(chart) != drawn, timeout=3000)


def open_list_with_a_click(qtbot, combo: MultiChoiceCombo) -> QPoint:
    """Press on the closed box (the list opens under the pointer), release where the
    pointer is: the release goes to the list, as it does under a real mouse."""
    where = combo.rect().center()
    QTest.mousePress(combo, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    at = view.viewport().mapFromGlobal(combo.mapToGlobal(where))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, at)  # fmt: skip
    return at


def test_a_click_on_a_filter_opens_its_list_and_keeps_it_open(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    combo = win.findChild(MultiChoiceCombo, "filter_status")
    combo.set_values(["signed"])
    at = open_list_with_a_click(qtbot, combo)
    view = combo.view()
    assert view.indexAt(at).row() == 0  # "All statuses" was under the pointer
    qtbot.wait(50)
    assert view.isVisible(), "the list closed on the release of the click that opened it"
    assert combo.values() == ("signed",)  # the release picked nothing
    # A click on an entry in the open list ticks it and the list stays open.
    row = next(r for r in range(1, combo.count()) if combo.itemData(r, VALUE_ROLE) != "signed")
    rect = view.visualRect(combo.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(combo.values()) == 2 and view.isVisible()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)


def focus_chain(start: QWidget, steps: int) -> list[QWidget]:
    out = []
    for _ in range(steps):
        w = QApplication.focusWidget()
        QTest.keyClick(w, Qt.Key.Key_Tab)
        out.append(QApplication.focusWidget())
    return out


def test_tab_leaves_an_empty_date_and_reaches_save(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    form = page.form
    end = form.editors["actual_end"]
    assert isinstance(end, DateEdit)
    end.set_value(None)
    end.setFocus()
    qtbot.waitUntil(end.hasFocus, timeout=1000)
    QTest.keyClick(end, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not end and not end.isAncestorOf(after), "Tab stayed in the empty date"
    # One Tab per date editor (a filled one too), not one per section of it.
    start = form.editors["start_date"]
    assert start.value()
    start.setFocus()
    QTest.keyClick(start, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.editors["planned_end"]


def tab_through(form) -> list[QWidget]:
    """Tab from the form's first editor until the focus leaves the form's editors."""
    first = form.editors[form.kind.fields[0].name]
    first.setFocus()
    seen = [first]
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if w in seen:
            break
        seen.append(w)
        if w is form.new_button:
            break
    return seen


def test_tab_order_of_every_form_reaches_each_field_once_then_the_buttons(
    qtbot, open_window, demo_path, monkeypatch
):
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *a, **k: form_pane.DISCARD)
    win = open_window(demo_path, view="projects")
    for view in ("projects", "residents", "ventures", "reference"):
        win.show_view(view)
        page = win.record_page()
        page.table.view.setFocus()
        QTest.keyClick(page.table.view, Qt.Key.Key_Down)  # a record is chosen by keyboard
        form = page.form
        assert form.row is not None, view
        for name in ("actual_end", "planned_end", "established_on", "registered_on"):
            if name in form.editors:
                form.editors[name].set_value(None)  # empty dates are no trap
        seen = tab_through(form)
        order = [w for w in seen if w in form.editors.values()]
        wanted = [form.editors[f.name] for f in form.kind.fields]
        assert order == wanted, view
        assert seen[-1] is form.new_button, view
        form.revert()


def test_tab_in_the_table_leaves_it(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    find_project(qtbot, win, "Hydro", HYDRO)
    view = win.findChild(QTableView, "recordTable")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view


def test_no_editor_swallows_a_window_shortcut_on_x11(demo_path, tmp_path):
    """Ctrl+U cleared the text field on Linux instead of opening Add update (and Ctrl+E
    moved to the end of the line instead of exporting): each shortcut is typed with the
    focus in each kind of editor of a real X11 window."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x900x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as f:
            display = f.readline().strip()
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
               "TRACKER_SETTINGS": str(tmp_path / "s.ini")}  # fmt: skip
        probe = Path(__file__).with_name("shortcut_probe.py")
        r = subprocess.run([sys.executable, str(probe), str(demo_path)], capture_output=True,
                           text=True, env=env, timeout=120)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert r.returncode == 0, r.stderr
    swallowed = json.loads(r.stdout.strip().splitlines()[-1])
    assert swallowed == {k: [] for k in swallowed}
    assert "text" in swallowed and "date" in swallowed and "long text" in swallowed


def test_the_form_leaves_a_record_the_search_hides(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    assert page.form.pk == HYDRO and win.actionAddUpdate.isEnabled()
    search = page.table.search
    search.selectAll()
    qtbot.keyClicks(search, "Solar")
    qtbot.waitUntil(lambda: page.table.model.flt.text == "Solar", timeout=3000)
    assert page.table.model.row_of(HYDRO) < 0
    assert page.form.pk is None and page.form.row is None
    assert "No record selected" in page.form.title.text()
    assert not win.actionAddUpdate.isEnabled()  # no update for a project out of sight
    # A status filter that hides the record does the same.
    search.clear()
    qtbot.waitUntil(lambda: page.table.model.flt.text == "", timeout=3000)
    page = find_project(qtbot, win, "Hydro", HYDRO)
    combo = win.findChild(MultiChoiceCombo, "filter_status")
    other = next(r for r in range(1, combo.count())
                 if combo.itemData(r, VALUE_ROLE) != page.form.row["status"])  # fmt: skip
    combo.showPopup()
    view = combo.view()
    rect = view.visualRect(combo.model().index(other, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    combo.hidePopup()
    qtbot.waitUntil(lambda: page.table.model.row_of(HYDRO) < 0, timeout=3000)
    assert page.form.pk is None and not win.actionAddUpdate.isEnabled()


def history_widths(history) -> list[int]:
    return [history.table.columnWidth(c) for c in range(history.table.columnCount())]


def test_update_history_keeps_its_columns_after_an_undo_elsewhere(qtbot, open_window, demo_path):
    from PySide6.QtWidgets import QDialogButtonBox

    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Railway", 13)
    QTest.keyClick(page.table.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dlg = page.form.history.dialog
    assert dlg is not None and dlg.isVisible()
    qtbot.keyClicks(dlg.note, "Site visit")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=2000)
    page.table.search.clear()
    page = find_project(qtbot, win, "Hydro", HYDRO)
    history = page.form.history
    assert any(u["note"] for u in history.updates)  # notes span the row under their update
    before = history_widths(history)
    date_width = history.table.fontMetrics().horizontalAdvance(history.table.item(0, 0).text())
    assert win.ctx.undo_stack.index() == 1
    win.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    page.table.view.setFocus()
    QTest.keyClick(page.table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.ctx.undo_stack.index() == 0
    after = history_widths(history)
    assert after[:3] == before[:3]
    assert after[0] < date_width * 2  # the date column is not as wide as a note
    status = history.table.item(0, 1).text()
    assert after[1] >= history.table.fontMetrics().horizontalAdvance(status)  # not cut
