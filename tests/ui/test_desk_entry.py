"""Entry that protects the data, typed as a person would: required lists start empty,
rates keep their decimals, one Save names every problem, odd updates ask first, and the
status bar says what each write did."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from test_main_window import audit_count, click_save, set_text

from tracker.store import Store
from tracker.ui.widgets import ChoiceCombo


def count(path, table: str) -> int:
    with Store.open(path, read_only=True, backup=False) as s:
        return s.count(table)


def test_a_new_resident_names_its_required_lists_instead_of_taking_first_entries(
    qtbot, open_window, demo_path
):
    win = open_window(demo_path, view="residents")
    page = win.record_page()
    before = count(demo_path, "residents")
    QTest.keyClick(page.table.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert form.is_new
    for name in ("zone_id", "country", "sector"):
        combo = form.editors[name]
        assert isinstance(combo, ChoiceCombo)
        assert combo.currentIndex() == -1 and combo.value() is None, name
        assert combo.placeholderText() == "Choose…"
    qtbot.keyClicks(form.editors["name"], "Minsk Glassworks")
    click_save(qtbot, page)
    assert count(demo_path, "residents") == before  # nothing guessed, nothing written
    for name in ("zone_id", "country", "sector"):
        err = win.findChild(QLabel, f"{name}_error")
        assert err.isVisible() and "required" in err.text(), name
    # Choosing them by keyboard then saves.
    for name in ("zone_id", "country", "sector"):
        combo = form.editors[name]
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_Down)
        assert combo.value() is not None
    click_save(qtbot, page)
    assert count(demo_path, "residents") == before + 1


def test_one_save_names_every_problem_beside_its_field(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    audits = audit_count(demo_path)
    QTest.keyClick(page.table.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    qtbot.keyClicks(form.editors["code"], "BY-CN-014")  # another project's code
    qtbot.keyClicks(form.editors["name"], "Second hydro")
    set_text(qtbot, form.editors["amount"], "1000")
    set_text(qtbot, form.editors["disbursed"], "5000")  # above the amount
    set_text(qtbot, form.editors["interest_rate"], "lots")
    click_save(qtbot, page)
    shown = {n for n, lbl in form.error_labels.items() if lbl.isVisible()}
    assert {"code", "sector", "bank_id", "disbursed", "interest_rate"} <= shown
    assert "already used" in form.error_labels["code"].text()
    assert "exceed" in form.error_labels["disbursed"].text()
    assert audit_count(demo_path) == audits


def test_fx_rates_keep_the_six_decimals_they_are_stored_with(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="reference")
    ref = win.pages["reference"]
    ref.combo.setFocus()
    while ref.combo.currentData() != "fx_rates":
        QTest.keyClick(ref.combo, Qt.Key.Key_Down)
    page = win.record_page()
    assert page.kind == "fx_rates"
    view = page.table.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    form = page.form
    pk = form.pk
    rate = form.editors["per_usd"]
    set_text(qtbot, rate, "7.123456")
    click_save(qtbot, page)
    with Store.open(demo_path, read_only=True, backup=False) as s:
        assert s.get("fx_rates", pk)["per_usd"] == 7.123456
    assert rate.text() == "7.123456"  # shown as stored, not 7.12
    col = [f.name for f in page.table.model.fields].index("per_usd")
    row = page.table.model.row_of(pk)
    assert page.table.model.index(row, col).data() == "7.123456"
    # Saving the row again for another field keeps the rate as it was.
    form.editors["date"].setFocus()
    QTest.keyClick(form.editors["date"], Qt.Key.Key_Down)
    click_save(qtbot, page)
    with Store.open(demo_path, read_only=True, backup=False) as s:
        assert s.get("fx_rates", pk)["per_usd"] == 7.123456


def test_an_unusual_update_asks_first_and_names_what_is_odd(qtbot, open_window, demo_path,
                                                           monkeypatch):  # fmt: skip
    from PySide6.QtWidgets import QDialogButtonBox
    from test_main_window import HYDRO, db_row, find_project

    from tracker.ui.dialogs import add_update_dialog

    asked: list[str] = []
    answer = [False]

    def confirm(parent, title, text):  # noqa: ANN001
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(add_update_dialog, "confirm_odd", confirm)
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    before = db_row(demo_path, "projects", HYDRO)
    n = len(page.form.history.updates)
    QTest.keyClick(page.table.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dlg = page.form.history.dialog
    set_text(qtbot, dlg.disbursed, "1000")  # cumulative, far below what was disbursed
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Disbursed goes down" in asked[0] and "1,000.00" in asked[0]
    assert dlg.isVisible() and dlg.focusWidget() is dlg.disbursed  # "Go back": nothing kept
    assert db_row(demo_path, "projects", HYDRO)["disbursed"] == before["disbursed"]
    # Completed below 100 % and a jump of progress are named too; "Keep it" keeps it.
    dlg.status.set_value("completed")
    dlg.progress.setFocus()
    dlg.progress.selectAll()
    qtbot.keyClicks(dlg.progress, "90")
    answer[0] = True
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    text = asked[-1]
    assert "Disbursed goes down" in text and "below 100" in text
    assert not dlg.isVisible()
    assert len(page.form.history.updates) == n + 1
    # A second update on the same as-of date asks as well.
    QTest.keyClick(page.table.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dlg = page.form.history.dialog
    answer[0] = False
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert "already" in asked[-1] and "second" in asked[-1]
    assert len(page.form.history.updates) == n + 1


def test_a_plain_update_asks_nothing(qtbot, open_window, demo_path, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox
    from test_main_window import HYDRO, find_project

    from tracker.ui.dialogs import add_update_dialog

    monkeypatch.setattr(add_update_dialog, "confirm_odd", lambda *a: pytest.fail("asked"))
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    n = len(page.form.history.updates)
    QTest.keyClick(page.table.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dlg = page.form.history.dialog
    dlg.progress.setFocus()
    dlg.progress.selectAll()
    qtbot.keyClicks(dlg.progress, "60")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert len(page.form.history.updates) == n + 1
    msg = win.statusBar().currentMessage()
    assert msg.startswith("Saved: Update of BY-CN-014") and "Undo: Ctrl+Z" in msg
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=2000)
    page.table.view.setFocus()
    QTest.keyClick(page.table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage().startswith("Undone: Update of BY-CN-014 · Redo:")
    # A form save says so too.
    set_text(qtbot, page.form.editors["borrower"], "New borrower LLC")
    click_save(qtbot, page)
    msg = win.statusBar().currentMessage()
    assert msg.startswith("Saved: Edit borrower of BY-CN-014") and "Undo: Ctrl+Z" in msg
