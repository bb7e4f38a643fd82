"""Breaks in a desk officer's daily path, driven as a person would: the chart after
printing, a click on a filter list, Tab through forms, shortcuts typed in editors,
the form after the search hides its record, and the update history after others' writes."""

from __future__ import annotations

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
