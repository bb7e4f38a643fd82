"""The real window, offscreen, driven as a person would: find, edit, save,
undo/redo, bad values, updates, read-only files, stale saves, navigation,
remembered layout, and the --smoke start in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QTableView, QWidget

from tracker.domain.money import parse_money
from tracker.store import Store
from tracker.ui.main_window import VIEWS, RecordPage
from tracker.ui.panes import form_pane

HYDRO = 14  # demo project BY-CN-014, "Sample Hydro Power Plant (sample)", USD


def audit_count(path) -> int:
    with Store.open(path, read_only=True, backup=False) as s:
        return s.count("audit_log")


def db_row(path, table: str, pk):
    with Store.open(path, read_only=True, backup=False) as s:
        return s.get(table, pk)


def find_project(qtbot, win, text: str, pk: int) -> RecordPage:
    page = win.record_page()
    search = win.findChild(QWidget, "searchField")
    assert search is page.table.search and search.isVisible()
    qtbot.keyClicks(search, text)
    qtbot.waitUntil(lambda: page.table.model.flt.text == text, timeout=3000)
    qtbot.waitUntil(lambda: not page.table._totals_due, timeout=3000)
    row = page.table.model.row_of(pk)
    assert row >= 0
    view = win.findChild(QTableView, "recordTable")
    rect = view.visualRect(page.table.model.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.form.pk == pk
    return page


def set_text(qtbot, editor, text: str) -> None:
    editor.selectAll()
    editor.clear()
    qtbot.keyClicks(editor, text)


def click_save(qtbot, page) -> None:
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)


def test_objects_named_as_the_product_says(open_window, demo_path):
    win = open_window(demo_path, view="projects")
    assert win.objectName() == "MainWindow"
    for name in ("navigation", "recordTable", "recordForm", "chartPane", "searchField"):
        assert win.findChild(QWidget, name) is not None, name
    for name in ("actionNew", "actionSave", "actionRevert", "actionDelete", "actionUndo",
                 "actionRedo", "actionAddUpdate", "actionPrintChart", "actionPrintReport",
                 "actionExport", "actionImport", "actionUpdateRound", "actionCompare",
                 "actionBackups", "actionSettings", "actionQuit", "actionFind"):  # fmt: skip
        assert getattr(win, name).objectName() == name
    keys = {a.objectName(): [s.toString() for s in a.shortcuts()] for a in win.actions()}
    assert keys["actionNew"] == ["Ctrl+N"] and keys["actionSave"] == ["Ctrl+S"]
    assert keys["actionFind"] == ["Ctrl+F"] and keys["actionUndo"] == ["Ctrl+Z"]
    assert set(keys["actionRedo"]) == {"Ctrl+Shift+Z", "Ctrl+Y"}
    assert keys["actionPrintChart"] == ["Ctrl+P"] and keys["actionExport"] == ["Ctrl+Shift+E"]
    form = win.findChild(QWidget, "recordForm")
    for field in ("code", "name", "amount", "status", "bank_id", "sector", "planned_end"):
        assert form.findChild(QWidget, field) is not None, field


def test_find_edit_save_undo_redo(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    footer_before = page.table.footer.text()
    before = db_row(demo_path, "projects", HYDRO)
    assert before["amount"] == 26_000_000_000
    chart_draws = page.chart.draw_count

    amount = page.form.editors["amount"]
    set_text(qtbot, amount, "275000000")
    assert win.actionSave.isEnabled()
    click_save(qtbot, page)
    assert db_row(demo_path, "projects", HYDRO)["amount"] == 27_500_000_000
    qtbot.waitUntil(lambda: page.table.footer.text() != footer_before, timeout=3000)
    cols = [f.name for f in page.table.model.fields]
    row = page.table.model.row_of(HYDRO)
    assert page.table.model.index(row, cols.index("amount")).data().startswith("275")
    qtbot.waitUntil(lambda: page.chart.draw_count > chart_draws, timeout=5000)
    assert "amount" in win.actionUndo.text().lower()

    win.actionUndo.trigger()
    assert db_row(demo_path, "projects", HYDRO)["amount"] == 26_000_000_000
    qtbot.waitUntil(lambda: page.table.footer.text() == footer_before, timeout=3000)
    assert page.form.editors["amount"].text().startswith("260")
    assert "amount" in win.actionRedo.text().lower()

    win.actionRedo.trigger()
    assert db_row(demo_path, "projects", HYDRO)["amount"] == 27_500_000_000
    assert page.form.editors["amount"].text().startswith("275")


def test_bad_value_is_shown_beside_the_field_and_nothing_is_written(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    audits = audit_count(demo_path)
    set_text(qtbot, page.form.editors["amount"], "12abc")
    click_save(qtbot, page)
    err = win.findChild(QLabel, "amount_error")
    assert err.isVisible() and "not a number" in err.text()
    assert db_row(demo_path, "projects", HYDRO)["amount"] == 26_000_000_000
    assert audit_count(demo_path) == audits
    assert page.form.is_dirty() and win.actionSave.isEnabled()
    assert not win.actionUndo.isEnabled()

    # A rule between fields: disbursed above the amount, said beside "disbursed".
    set_text(qtbot, page.form.editors["amount"], "1000")
    click_save(qtbot, page)
    assert not err.isVisible()
    dis = win.findChild(QLabel, "disbursed_error")
    assert dis.isVisible() and "exceed" in dis.text()
    assert db_row(demo_path, "projects", HYDRO)["amount"] == 26_000_000_000
    assert audit_count(demo_path) == audits


def test_add_update_through_the_dialog(qtbot, open_window, demo_path):
    from tracker.ui.dialogs.add_update_dialog import AddUpdateDialog

    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    history = page.form.history
    n_before = len(history.updates)
    assert win.actionAddUpdate.isEnabled()
    win.actionAddUpdate.trigger()
    dlg = history.dialog
    assert isinstance(dlg, AddUpdateDialog) and dlg.isVisible()

    # Too much disbursed: said beside the field, dialog stays, nothing written.
    set_text(qtbot, dlg.disbursed, "999999999")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.isVisible() and dlg.errors["disbursed"].isVisible()
    assert "exceed" in dlg.errors["disbursed"].text()
    assert len(history.updates) == n_before

    set_text(qtbot, dlg.disbursed, "150000000")
    dlg.progress.setValue(58)
    qtbot.keyClicks(dlg.note, "Turbine hall roofed")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dlg.isVisible()
    p = db_row(demo_path, "projects", HYDRO)
    assert p["progress_pct"] == 58 and p["disbursed"] == parse_money("150000000")
    assert len(history.updates) == n_before + 1
    assert history.updates[0]["note"] == "Turbine hall roofed"
    assert history.table.item(1, 0).text().strip() == "Turbine hall roofed"
    assert page.form.editors["progress_pct"].value() == 58

    win.actionUndo.trigger()
    assert db_row(demo_path, "projects", HYDRO)["progress_pct"] == 51
    assert len(history.updates) == n_before


def test_read_only_file_turns_editing_off_and_says_why(qtbot, open_window, demo_path):
    win = open_window(demo_path, read_only=True, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    reason = win.findChild(QLabel, "readOnlyReason")
    assert reason.isVisible() and "read-only" in reason.text()
    status = win.findChild(QLabel, "statusReadOnly")
    assert status.isVisible() and "read-only" in status.text().lower()
    for name, editor in page.form.editors.items():
        assert not editor.isEnabled(), name
    for a in (win.actionNew, win.actionSave, win.actionDelete, win.actionAddUpdate,
              win.actionImport, win.actionUpdateRound, win.actionUndo):  # fmt: skip
        assert not a.isEnabled(), a.objectName()
    assert not page.form.history.add_button.isEnabled()
    assert win.actionExport.isEnabled() and win.actionPrintReport.isEnabled()
    assert "read-only" in win.windowTitle()


def test_stale_save_is_refused_and_reload_offered(qtbot, open_window, demo_path, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(form_pane, "ask", lambda _p, _t, text: asked.append(text) or True)
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    set_text(qtbot, page.form.editors["amount"], "280000000")

    other = Store.open(demo_path, backup=False)  # a second window or program on the same file
    try:
        row = other.get("projects", HYDRO)
        other.update("projects", HYDRO, {"name": "Renamed elsewhere"},
                     expected_version=row["version"], user="colleague")  # fmt: skip
    finally:
        other.close(backup=False)

    click_save(qtbot, page)
    assert asked and "changed by someone else" in asked[0]
    now = db_row(demo_path, "projects", HYDRO)
    assert now["amount"] == 26_000_000_000 and now["name"] == "Renamed elsewhere"
    # Reloaded: the form shows their version, with no edits pending.
    assert page.form.editors["name"].text() == "Renamed elsewhere"
    assert not page.form.is_dirty()


def test_unsaved_edits_are_not_lost_silently(qtbot, open_window, demo_path, monkeypatch):
    answers = [form_pane.CANCEL, form_pane.SAVE]
    asked: list[str] = []

    def fake(_parent, text):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(form_pane, "ask_unsaved", fake)
    win = open_window(demo_path, view="projects")
    page = find_project(qtbot, win, "Hydro", HYDRO)
    set_text(qtbot, page.form.editors["borrower"], "New borrower LLC")
    # Cancel: the view stays, with the edits.
    assert not win.show_view("residents")
    assert win.current_view() == "projects" and page.form.is_dirty()
    assert win.navigation.currentRow() == VIEWS.index("projects")
    # Save: written, then the view changes.
    assert win.show_view("residents")
    assert len(asked) == 2
    assert db_row(demo_path, "projects", HYDRO)["borrower"] == "New borrower LLC"


def test_switching_record_with_edits_asks_first(qtbot, open_window, demo_path, monkeypatch):
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *_: form_pane.CANCEL)
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    page.select(HYDRO)
    set_text(qtbot, page.form.editors["borrower"], "Kept")
    page.select(13)
    assert page.form.pk == HYDRO and page.form.editors["borrower"].text() == "Kept"
    assert page.table.current_id() == HYDRO
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *_: form_pane.DISCARD)
    page.select(13)
    assert page.form.pk == 13
    assert db_row(demo_path, "projects", HYDRO)["borrower"] != "Kept"


def test_new_record_and_delete_with_undo(qtbot, open_window, demo_path, monkeypatch):
    monkeypatch.setattr(form_pane, "ask", lambda *_: True)
    win = open_window(demo_path, view="residents")
    page = win.record_page()
    n = page.table.model.rowCount()
    win.actionNew.trigger()
    f = page.form
    qtbot.keyClicks(f.editors["name"], "Sample Optics Works (sample)")
    f.editors["zone_id"].setCurrentIndex(0)  # required lists start empty: chosen here
    f.editors["country"].set_value("DE")
    f.editors["sector"].set_value("industry")
    set_text(qtbot, f.editors["declared_investment"], "12 500 000,50")
    win.actionSave.trigger()
    assert f.pk is not None and not f.is_new
    new = db_row(demo_path, "residents", f.pk)
    assert (
        new["name"] == "Sample Optics Works (sample)"
        and new["declared_investment"] == 1_250_000_050
    )
    assert page.table.model.rowCount() == n + 1 and page.table.current_id() == f.pk
    pk = f.pk

    assert win.actionDelete.isEnabled()
    win.actionDelete.trigger()
    assert db_row(demo_path, "residents", pk) is None
    assert page.table.model.rowCount() == n
    win.actionUndo.trigger()
    assert db_row(demo_path, "residents", pk) is not None
    assert page.table.model.rowCount() == n + 1


def test_required_fields_of_a_new_record(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="ventures")
    page = win.record_page()
    win.actionNew.trigger()
    audits = audit_count(demo_path)
    win.actionSave.trigger()
    err = page.form.error_labels["name"]
    assert err.isVisible() and "required" in err.text()
    assert audit_count(demo_path) == audits


def test_navigation_reaches_every_view(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    nav = win.findChild(QListWidget, "navigation")
    assert [nav.item(i).text().split(" (")[0] for i in range(nav.count())] == [
        "Dashboard", "Projects", "Residents", "Joint ventures", "Reference data", "Needs attention",
        "Audit log"]  # fmt: skip
    for i, view in enumerate(VIEWS):
        nav.setCurrentRow(i)
        assert win.current_view() == view
        page = win.stack.currentWidget()
        if view in ("dashboard", "attention", "audit"):
            assert page.objectName() == {"dashboard": "dashboard", "attention": "attentionPane",
                                         "audit": "auditPane"}[view]  # fmt: skip
            continue
        rp = win.record_page()
        assert rp.isVisible() and rp.table.model.rowCount() > 0
        assert rp.findChild(QTableView, "recordTable").isVisible()
        assert rp.findChild(QWidget, "recordForm").isVisible()
    assert win.show_view("reference")
    ref = win.page("reference")
    for kind in ("banks", "countries", "sectors", "regions", "zones", "fx_rates"):
        assert ref.show_kind(kind)
        rp = win.record_page()
        assert rp.kind == kind and rp.table.model.rowCount() > 0
        rp.select(rp.table.model.id_at(0))
        assert rp.form.row is not None


def test_reference_edit_renames_links_in_the_project_table(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    projects = win.record_page()
    cols = [f.name for f in projects.table.model.fields]
    bank_id = db_row(demo_path, "projects", HYDRO)["bank_id"]
    win.show_view("reference")
    ref = win.page("reference")
    ref.show_kind("banks")
    banks = win.record_page()
    banks.select(bank_id)
    set_text(qtbot, banks.form.editors["short_name"], "Renamed Bank")
    click_save(qtbot, banks)
    assert db_row(demo_path, "banks", bank_id)["short_name"] == "Renamed Bank"
    row = projects.table.model.row_of(HYDRO)
    assert projects.table.model.index(row, cols.index("bank_id")).data() == "Renamed Bank"
    combo = projects.form.editors["bank_id"]
    assert any("Renamed Bank" in combo.itemText(i) for i in range(combo.count()))


def test_layout_and_view_are_restored(qtbot, open_window, demo_path, _temp_settings):
    win = open_window(demo_path, view="ventures")  # not the default view (projects)
    page = win.record_page()
    page.table.set_filter(page.table.current_filter().__class__(status=("active",)))
    qtbot.wait(10)
    # The offscreen screen is 800 px wide: restoreGeometry fits a window to the screen (but
    # never below its minimum), so use a width that survives that to compare exactly.
    width = max(win.minimumSizeHint().width(), win.screen().availableGeometry().width())
    win.resize(width, 700)
    qtbot.wait(10)
    page.splitter.setSizes([page.splitter.width() - 420, 400])
    sizes = page.splitter.sizes()
    nav = win.main_splitter.sizes()
    win.close()
    assert (_temp_settings / "settings.ini").is_file()

    again = open_window(demo_path)
    assert again.current_view() == "ventures"
    p2 = again.record_page()
    assert (again.size().width(), again.size().height()) == (width, 700)
    assert again.main_splitter.sizes() == nav
    assert p2.splitter.sizes() == sizes
    assert p2.table.model.flt.status == ("active",)


def test_store_errors_are_a_message_not_a_traceback(tmp_path, monkeypatch, qapp):
    from tracker.ui import app, opening

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(opening, "error_box", lambda title, text: shown.append((title, text)))
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("these are not the droids")
    assert app.run_gui(db=str(junk), demo=False, read_only=False, smoke=False) == 1
    assert shown and "not a SQLite database" in shown[0][1]
    shown.clear()
    assert app.run_gui(db=str(tmp_path / "missing.sqlite3"), demo=False, read_only=False,
                       smoke=False) == 1  # fmt: skip
    assert "does not exist" in shown[0][1]

    import sqlite3

    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as c:
        c.execute("PRAGMA application_id = 1234")
        c.execute("CREATE TABLE t (x)")
    c.close()
    shown.clear()
    assert app.run_gui(db=str(foreign), demo=False, read_only=False, smoke=False) == 1
    assert "another program" in shown[0][1]

    newer = tmp_path / "newer.sqlite3"
    Store.open(newer, create=True).close(backup=False)
    with sqlite3.connect(newer) as c:
        c.execute("PRAGMA user_version = 999")
    c.close()
    shown.clear()
    assert app.run_gui(db=str(newer), demo=False, read_only=False, smoke=False) == 1
    assert "newer" in shown[0][1]


def _run_cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip


def test_smoke_run_prints_its_timings(demo_path, tmp_path):
    r = _run_cli("gui", "--smoke", "--db", str(demo_path),
                 env_extra={"TRACKER_SETTINGS": str(tmp_path / "s.ini")})  # fmt: skip
    assert r.returncode == 0, r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    t = json.loads(lines[0])
    for key in ("open_db_ms", "window_shown_ms", "first_page_ms", "chart_ms", "total_ms"):
        assert isinstance(t[key], (int, float)) and t[key] >= 0, key
    assert t["first_page_ms"] <= t["total_ms"] and t["chart_ms"] <= t["total_ms"]
    assert t["rows"] == 34 and t["ok"] is True
    assert not (tmp_path / "s.ini").exists() or "window/" not in (tmp_path / "s.ini").read_text()


def test_smoke_on_a_bad_file_exits_1_with_a_message(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00" * 10)
    r = _run_cli("gui", "--smoke", "--db", str(junk))
    assert r.returncode == 1
    assert "not a SQLite database" in r.stderr and "Traceback" not in r.stderr


def test_demo_is_created_on_first_use(qapp, monkeypatch, tmp_path):
    from tracker import paths
    from tracker.ui import opening

    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    store = opening.open_store(db=None, demo=True, read_only=False, backup=False)
    try:
        assert store.path == paths.demo_db() and store.count("projects") == 34
    finally:
        store.close(backup=False)
    store = opening.open_store(db=None, demo=False, read_only=False, backup=False)
    try:
        assert store.path == paths.default_db() and store.count("projects") == 0
    finally:
        store.close(backup=False)


@pytest.mark.parametrize("view", ["dashboard", "residents"])
def test_settings_file_is_per_test(view, _temp_settings):
    s = QSettings(str(_temp_settings / "settings.ini"), QSettings.Format.IniFormat)
    assert s.value("window/view") is None


def test_missing_fx_rate_is_a_visible_warning(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    win.ctx.as_of = "1990-01-01"  # before every rate in the file: CNY and EUR cannot be converted
    page.table.update_totals()
    assert page.table.fx_warning.isVisible()
    assert "CNY" in page.table.fx_warning.text() and "EUR" in page.table.fx_warning.text()
    status = win.findChild(QLabel, "statusFx")
    assert status.isVisible() and "No exchange rate" in status.text()
    win.ctx.as_of = "2026-11-27"
    page.table.update_totals()
    assert not page.table.fx_warning.isVisible() and not status.isVisible()


@pytest.mark.parametrize(
    ("action", "dialog_module", "dialog_class"),
    [
        ("actionImport", "import_dialog", "ImportDialog"),
        ("actionExport", "export_dialog", "ExportDialog"),
        ("actionCompare", "compare_dialog", "CompareDialog"),
        ("actionUpdateRound", "update_round_dialog", "UpdateRoundDialog"),
        ("actionBackups", "backups_dialog", "BackupsDialog"),
        ("actionSettings", "settings_dialog", "SettingsDialog"),
    ],
)
def test_actions_open_their_dialogs_without_blocking(qtbot, open_window, demo_path, action,
                                                     dialog_module, dialog_class):  # fmt: skip
    import importlib

    win = open_window(demo_path, view="ventures")
    getattr(win, action).trigger()
    cls = getattr(importlib.import_module(f"tracker.ui.dialogs.{dialog_module}"), dialog_class)
    shown = [d for d in win.dialogs.values() if isinstance(d, cls)]
    assert shown and shown[0].isVisible()
    if dialog_class == "ExportDialog":  # it exports what the table shows
        assert shown[0].kind == "ventures" and shown[0].flt == win.record_page().table.model.flt
    shown[0].close()


def test_keyboard_find_and_undo_text(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    page.select(HYDRO)
    win.actionFind.trigger()
    assert page.table.search.hasFocus() or win.focusWidget() is page.table.search
    assert not win.actionUndo.isEnabled()
    set_text(qtbot, page.form.editors["borrower"], "Hydro Borrower JSC")
    qtbot.keyClick(page.form.editors["borrower"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert db_row(demo_path, "projects", HYDRO)["borrower"] == "Hydro Borrower JSC"
    assert win.actionUndo.isEnabled() and "borrower" in win.actionUndo.text().lower()
    qtbot.keyClick(page.table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_row(demo_path, "projects", HYDRO)["borrower"] != "Hydro Borrower JSC"


def test_closing_with_unsaved_edits_asks_and_may_stay_open(qtbot, open_window, demo_path,
                                                           monkeypatch):  # fmt: skip
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *_: form_pane.CANCEL)
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    page.select(HYDRO)
    set_text(qtbot, page.form.editors["borrower"], "Unsaved LLC")
    assert not win.close()
    assert win.isVisible() and page.form.is_dirty()
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *_: form_pane.SAVE)
    assert win.close()
    assert db_row(demo_path, "projects", HYDRO)["borrower"] == "Unsaved LLC"


def test_signal_emits_keep_true_alive(qapp):
    """PySide6 6.12.0's emit() loses a reference to True each time: the pin (< 6.12, see
    README, Stack notes) keeps that release out; this fails if it comes back."""
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        changed = Signal(object)

    s = Source()
    before = sys.getrefcount(True)
    for _ in range(5000):
        s.changed.emit(None)
    assert sys.getrefcount(True) - before > -10


def test_print_actions_open_previews_of_what_is_shown(qtbot, open_window, demo_path, monkeypatch):
    from tracker.domain.filters import Filter
    from tracker.ui import printing

    opened = []
    monkeypatch.setattr(printing, "open_dialog", opened.append)
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    page.table.set_filter(Filter(status=("implementation",)))
    qtbot.waitUntil(lambda: page.chart.current_figure() is not None, timeout=10000)
    win.actionPrintChart.trigger()
    win.actionPrintReport.trigger()
    assert [d.objectName() for d in opened] == ["printChartPreview", "printReportPreview"]
    assert opened[1].report.content.flt == Filter(status=("implementation",))
    assert opened[1].report.content.kind == "projects"
    for d in opened:
        d.close()


def test_void_qt_calls_keep_none_alive(qapp):
    """PySide6 6.12.0 also returns None from void methods (QPainter.setPen, QFont.setBold…)
    without taking a reference; a report paints tens of thousands of them. The pin is the
    one defence (no painter-side patch any more): this fails if a leaking PySide6 comes back."""
    from PySide6.QtGui import QFont

    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(5000):
        font.setBold(False)
    assert sys.getrefcount(None) - before > -10
