"""Keeping the portfolio current, in the real window: the worklist view and its count,
the dashboard's line, Ctrl+U from a row; the plan grid (checked, saved, undone); a
record's changes and putting a value back; the audit-log view; the brief."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QTableWidgetItem

from tracker.services import plans
from tracker.ui import printing
from tracker.ui.main_window import VIEWS
from tracker.ui.report import page_layout


def _pid(win, code):
    return win.ctx.store.project_ids_by_code([code])[code.lower()]


def _row_of(pane, code, reason):
    return next(i for i, it in enumerate(pane.items) if it.code == code and it.reason == reason)


def test_worklist_view_count_and_add_update_key(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    nav = win.navigation
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualItemRect(nav.item(VIEWS.index("attention"))).center())  # fmt: skip
    assert win.current_view() == "attention"
    pane = win.page("attention")
    qtbot.waitUntil(lambda: pane.worklist is not None, timeout=10000)
    n = pane.worklist.records()
    assert n > 0 and nav.item(VIEWS.index("attention")).text() == f"Needs attention ({n})"
    reasons = {pane.table.item(r, 0).text() for r in range(pane.table.rowCount())}
    assert {"No recent update", "Behind plan"} <= reasons
    pane.set_reason("behind_plan")
    assert {it.reason for it in pane.items} == {"behind_plan"}
    row = _row_of(pane, "BY-CN-014", "behind_plan")
    pane.table.selectRow(row)
    pane.table.setFocus()
    from tracker.ui import main_window
    from tracker.ui.panes import attention_pane

    assert attention_pane.ADD_UPDATE_KEY == main_window.ADD_UPDATE_KEY  # one key for Add update
    qtbot.keyClick(pane.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert win.current_view() == "projects"
    rp = win.record_page()
    assert rp.form.pk == _pid(win, "BY-CN-014")
    dialog = rp.form.history.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_dashboard_line_opens_the_worklist_at_a_reason(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="dashboard")
    win.page("attention").refresh(wait=True)
    win.show_view("dashboard")
    strip = win.page("dashboard").attention
    button = strip.buttons["overdue"]
    qtbot.waitUntil(button.isVisible, timeout=5000)
    assert button.text() == "Planned end passed: 2"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.current_view() == "attention"
    assert {it.reason for it in win.page("attention").items} == {"overdue"}


def test_plan_grid_checks_saves_and_undoes(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    rp = win.record_page()
    pid = _pid(win, "BY-CN-001")  # completed, no plan yet
    rp.select(pid)
    extras = rp.form.extras
    extras.setCurrentWidget(extras.plan)
    grid = extras.plan.grid
    assert grid.rowCount() == 0 and grid.horizontalHeaderItem(1).text() == "Amount, USD"
    qtbot.mouseClick(extras.plan.add_button, Qt.MouseButton.LeftButton)
    assert grid.rowCount() == 1
    grid.setItem(0, 0, QTableWidgetItem("2011-06-30"))
    grid.setItem(0, 1, QTableWidgetItem("-5"))
    assert grid.item(0, 0).text() == "2011-06-30" and grid.item(0, 1).text() == "-5"
    qtbot.mouseClick(extras.plan.save_button, Qt.MouseButton.LeftButton)
    assert "Row 1" in extras.plan.message.text() and plans.plan_of(win.ctx.store, pid) == []
    grid.item(0, 1).setText("300000000")
    qtbot.mouseClick(extras.plan.save_button, Qt.MouseButton.LeftButton)
    assert [(r["date"], r["amount"]) for r in plans.plan_of(win.ctx.store, pid)] == [
        ("2011-06-30", 30000000000)]  # fmt: skip
    assert grid.rowCount() == 1 and "300,000,000.00" in extras.plan.message.text()
    win.actionUndo.trigger()
    assert plans.plan_of(win.ctx.store, pid) == [] and grid.rowCount() == 0
    win.actionRedo.trigger()
    assert len(plans.plan_of(win.ctx.store, pid)) == 1 and grid.rowCount() == 1


def test_changes_tab_and_put_back(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    rp = win.record_page()
    pid = _pid(win, "BY-CN-013")
    rp.select(pid)
    old = rp.form.row["borrower"]
    editor = rp.form.editors["borrower"]
    editor.selectAll()
    qtbot.keyClicks(editor, "New Borrower LLC")
    qtbot.mouseClick(rp.form.save_button, Qt.MouseButton.LeftButton)
    changes = rp.form.extras.changes
    first = changes.table
    assert first.item(0, 1).text() == "tester" and first.item(0, 2).text() == "Borrower"
    assert first.item(0, 3).text() == f"{old} → New Borrower LLC"
    first.selectRow(0)
    assert changes.put_back_button.isEnabled()
    qtbot.mouseClick(changes.put_back_button, Qt.MouseButton.LeftButton)
    assert win.ctx.store.get("projects", pid)["borrower"] == old
    assert rp.form.editors["borrower"].text() == old
    assert first.item(0, 3).text() == f"New Borrower LLC → {old}"
    win.actionUndo.trigger()
    assert win.ctx.store.get("projects", pid)["borrower"] == "New Borrower LLC"


def test_audit_view_filters_exports_and_opens(qtbot, open_window, demo_path, tmp_path):
    win = open_window(demo_path, view="projects")
    rp = win.record_page()
    pid = _pid(win, "BY-CN-013")
    rp.select(pid)
    rp.form.editors["name"].selectAll()
    qtbot.keyClicks(rp.form.editors["name"], "Renamed line")
    qtbot.mouseClick(rp.form.save_button, Qt.MouseButton.LeftButton)
    win.show_view("audit")
    pane = win.page("audit")
    pane.user.setCurrentIndex(pane.user.findData("tester"))
    assert pane.table.rowCount() == 1
    assert (
        pane.table.item(0, 3).text() == "BY-CN-013"
        and "Renamed line" in pane.table.item(0, 5).text()
    )
    out = tmp_path / "audit.csv"
    assert pane.export(str(out)) == 1
    with open(out, encoding="utf-8-sig") as fh:
        assert [r["user"] for r in csv.DictReader(fh)] == ["tester"]
    pane.table.selectRow(0)
    pane.open_current()
    assert win.current_view() == "projects" and win.record_page().form.pk == pid


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_brief_from_the_form(qtbot, open_window, demo_path, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(printing, "open_dialog", shown.append)
    win = open_window(demo_path, view="projects")
    rp = win.record_page()
    rp.select(_pid(win, "BY-CN-020"))
    extras = rp.form.extras
    qtbot.mouseClick(extras.brief_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20000)  # drawn in the background
    assert shown[0].objectName() == "briefPreview" and extras.brief_preview is shown[0]
    out = tmp_path / "preview.pdf"
    p = QPrinter(QPrinter.PrinterMode.HighResolution)
    p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    p.setOutputFileName(str(out))
    p.setPageLayout(page_layout("portrait"))
    assert shown[0].paint_routine(p) == 1
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "BY-CN-020" in text and "Last updates" in text
    shown[0].close()
    extras.save_brief_pdf(str(tmp_path / "b.pdf"))
    qtbot.waitUntil(lambda: extras.brief_saved is not None, timeout=20000)
    saved = extras.brief_saved
    assert win.statusBar().currentMessage() == f"Brief written: {saved} (1 page)"
    text = subprocess.run(["pdftotext", saved, "-"], capture_output=True, text=True).stdout
    assert "Sample City Housing Estate" in text


def test_import_dialog_template_and_mapping_step(
    qtbot, open_window, demo_path, tmp_path, monkeypatch
):
    from openpyxl import load_workbook

    from tracker.ui.dialogs import import_extras
    from tracker.ui.dialogs.import_dialog import ImportDialog

    win = open_window(demo_path, view="projects")
    dialog = ImportDialog(win.ctx, win)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("disbursement_plans"))
    target = tmp_path / "plans-template.xlsx"
    monkeypatch.setattr(import_extras, "save_name", lambda *a: str(target))
    dialog.template_button.menu().actions()[0].trigger()
    wb = load_workbook(target)
    assert [c.value for c in wb.worksheets[0][1]][:3] == ["project", "date", "amount"]
    assert wb.worksheets[1].max_column == 7
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("Loan;When;How much\nBY-CN-013;2028-06-30;1.00\n", encoding="utf-8")
    dialog.set_file(theirs, "disbursement_plans")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    panel = dialog.mapping_panel
    assert not panel.isHidden() and list(panel.combos) == ["Loan", "When", "How much"]
    for col, field in (("Loan", "project_id"), ("When", "date"), ("How much", "amount")):
        panel.combos[col].setCurrentIndex(panel.combos[col].findData(field))
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy(), timeout=10000)
    assert dialog.plan.errors == [] and panel.isHidden()
    assert dialog.import_button.isEnabled()
    dialog.close()


def test_projects_view_needs_attention_filter(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    everything = table.model.rowCount()
    toggle = table.attention_filter
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert toggle.isChecked()
    n = table.model.rowCount()
    assert 0 < n < everything and n == len(toggle.reasons)
    codes = {table.model.index(r, 0).data() for r in range(n)}
    assert {"BY-CN-014", "BY-CN-032"} <= codes  # behind plan; overdue
    from PySide6.QtWidgets import QToolButton

    clear = win.record_page().table.findChild(QToolButton, "clearFilters")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert not toggle.isChecked() and table.model.rowCount() == everything


def test_needs_attention_filter_shows_the_reason_and_the_share_of_plan(qtbot, open_window,
                                                                       demo_path):  # fmt: skip
    """The filter's rows say why (the worklist's reasons, translated), and every row shows
    what was disbursed as a share of the plan due so far."""
    import datetime as dt

    from tracker.services import attention, project_columns
    from tracker.ui import i18n
    from tracker.ui.models.lookups import Lookups
    from tracker.ui.models.record_model import RecordTableModel

    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    model, view = table.model, table.view
    cols = {f.name: i for i, f in enumerate(model.fields)}
    assert model.headerData(cols["attention"], Qt.Orientation.Horizontal) == "Needs attention"
    assert view.isColumnHidden(cols["attention"]) and not view.isColumnHidden(cols["plan_share"])
    assert model.view.computing == ("plan_share",)  # the reasons' queries only while they show
    table.set_column_shown(cols["attention"], True)  # ticked in the header's menu: computed
    assert model.view.computing == ("plan_share", "attention")
    assert model.index(model.row_of(_pid(win, "BY-CN-014")), cols["attention"]).data()
    table.set_column_shown(cols["attention"], False)
    assert model.view.computing == ("plan_share",)
    shares = plans.planned_shares(win.ctx.store, as_of=dt.date.today().isoformat())
    behind = _pid(win, "BY-CN-014")
    row = model.row_of(behind)
    assert shares[behind] is not None and shares[behind] < 80
    assert float(model.index(row, cols["plan_share"]).data()) == float(shares[behind])
    no_plan = model.row_of(_pid(win, "BY-CN-001"))
    assert model.index(no_plan, cols["plan_share"]).data() == ""
    qtbot.mouseClick(table.attention_filter, Qt.MouseButton.LeftButton)
    assert not view.isColumnHidden(cols["attention"])
    assert model.view.computing == ("plan_share", "attention")
    reasons = table.attention_filter.reasons
    for r in range(model.rowCount()):
        pid = model.id_at(r)
        want = ", ".join(attention.REASON_LABELS[x] for x in reasons[pid])
        assert model.index(r, cols["attention"]).data() == want, pid
    assert "Behind plan" in model.index(model.row_of(behind), cols["attention"]).data()
    # A click on the reasons' header does not sort (a million rows cannot be ordered by it).
    order = list(model.ids)
    header = view.horizontalHeader()
    x = (
        header.sectionViewportPosition(cols["attention"])
        + header.sectionSize(cols["attention"]) // 2
    )
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert list(model.ids) == order and header.sortIndicatorSection() != cols["attention"]
    assert cols["attention"] in [c for c in range(len(cols)) if not model.sortable(c)]
    # In Russian the reasons are the window's words.
    i18n.install("ru")
    try:
        ru = RecordTableModel(win.ctx.store, "projects", Lookups(win.ctx.store))
        text = ru.index(ru.row_of(behind), cols["attention"]).data()
        assert text and "Behind plan" not in text
    finally:
        i18n.install("en")
    assert project_columns.computed("projects") == ("plan_share", "attention")


def test_worklist_table_lists_at_most_max_shown_and_says_so(qtbot, open_window, demo_path,
                                                            monkeypatch):  # fmt: skip
    """A file where most records need attention must not fill a table with all of them."""
    from tracker.ui.panes import attention_pane

    monkeypatch.setattr(attention_pane, "MAX_SHOWN", 5)
    win = open_window(demo_path, view="projects")
    pane = win.page("attention")
    pane.refresh(wait=True)
    assert len(pane.worklist.items) > 5
    assert pane.table.rowCount() == 5 and len(pane.items) == 5
    assert f"the first 5 of {len(pane.worklist.items)} are listed" in pane.summary.text()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_several_selected_projects_give_one_pdf_a_page_each(qtbot, open_window, demo_path,
                                                             tmp_path, monkeypatch):  # fmt: skip
    """Ctrl+click three projects in the table, File › Brief as PDF…: one PDF, a page per
    project in table order, each with its code, name and last update's note."""
    from tracker.services import updates
    from tracker.ui.panes import record_extras

    win = open_window(demo_path, view="projects")
    store = win.ctx.store
    codes = ["BY-CN-014", "BY-CN-020", "BY-CN-032"]
    for code in codes:
        updates.add_update(store, project_id=_pid(win, code), user="tester",
                           values={"as_of": "2026-11-30", "note": f"Site visit {code[-3:]}"})  # fmt: skip
    table = win.record_page().table
    view = table.view
    rows = sorted(table.model.row_of(_pid(win, c)) for c in codes)
    for i, row in enumerate(rows):
        view.scrollTo(table.model.index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier,
                         view.visualRect(table.model.index(row, 1)).center())  # fmt: skip
    assert table.selected_count() == 3
    assert sorted(table.selected_ids()) == sorted(_pid(win, c) for c in codes)
    assert win.actionBriefPdf.isEnabled() and win.actionPrintBrief.isEnabled()
    file_menu = win.menuBar().actions()[0].menu()
    assert {win.actionBriefPdf, win.actionPrintBrief} <= set(file_menu.actions())
    out = tmp_path / "briefs.pdf"
    offered = []

    def save_name(_parent, _title, name, _filter):
        offered.append(name)
        return str(out), "PDF (*.pdf)"

    monkeypatch.setattr(record_extras.QFileDialog, "getSaveFileName", save_name)
    extras = win.record_page().form.extras
    win.actionBriefPdf.trigger()
    assert offered and offered[0].endswith(f"briefs-{win.ctx.as_of}.pdf")
    qtbot.waitUntil(lambda: extras.brief_saved == str(out), timeout=30000)  # on a worker
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:           3" in info
    in_order = [table.model.record(r)["code"] for r in rows]
    for page, code in enumerate(in_order, start=1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(out), "-"],
                              capture_output=True, text=True).stdout  # fmt: skip
        name = store.get("projects", _pid(win, code))["name"]
        assert code in text and name[:30] in text and f"Site visit {code[-3:]}" in text, page
        assert not any(c in text for c in in_order if c != code)
    # File › Print brief…: the preview holds the same three pages.
    shown = []
    monkeypatch.setattr(printing, "open_dialog", shown.append)
    win.actionPrintBrief.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30000)
    assert shown[0].objectName() == "briefPreview"
    p = QPrinter(QPrinter.PrinterMode.HighResolution)
    p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    p.setOutputFileName(str(tmp_path / "preview.pdf"))
    p.setPageLayout(page_layout("portrait"))
    assert shown[0].paint_routine(p) == 3
    shown[0].close()
    # More than MAX_BRIEFS selected: nothing is made, and the person is told why.
    said = []
    monkeypatch.setattr(record_extras, "warn", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(record_extras, "MAX_BRIEFS", 2)
    out.unlink()
    assert win.save_brief_pdf() is None  # nothing started
    assert not out.exists() and said and "3 projects are selected" in said[0]


def test_an_export_does_not_compute_the_worklist_again(qtbot, open_window, demo_path):
    """An export records a snapshot: nothing the worklist reads, so no second pass over the
    portfolio while the window takes in the export (an edit still does)."""
    from tracker.services.changes import Change

    win = open_window(demo_path, view="projects")
    pane = win.page("attention")
    pane.refresh(wait=True)
    pane._timer.stop()
    win.ctx.changed.emit(Change("snapshots", (1,), "insert"))
    assert not pane._timer.isActive()
    win.ctx.changed.emit(Change("projects", (1,), "update"))
    assert pane._timer.isActive()


def test_new_rules_reach_the_projects_filter_and_its_reasons(qtbot, open_window, demo_path):
    """Applying other rules in the Needs attention view changes which projects the Projects
    filter shows and the reasons their column says."""
    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    model = table.model
    col = [f.name for f in model.fields].index("attention")
    qtbot.mouseClick(table.attention_filter, Qt.MouseButton.LeftButton)
    before = model.rowCount()
    texts = {model.index(r, col).data() for r in range(before)}
    assert any("No recent update" in t for t in texts)
    win.show_view("attention")
    pane = win.page("attention")
    pane.stale_days.setValue(3650)  # nothing is stale for ten years
    qtbot.mouseClick(pane.apply_button, Qt.MouseButton.LeftButton)
    win.show_view("projects")
    after = model.rowCount()
    assert 0 < after < before
    texts = {model.index(r, col).data() for r in range(after)}
    assert texts and not any("No recent update" in t for t in texts)


def test_large_file_finds_the_attention_projects_on_a_worker(qtbot, open_window, demo_path,
                                                             monkeypatch):  # fmt: skip
    """Above AT_ONCE_UP_TO projects the toggle does not freeze the window while the worklist
    is computed (14 s for a million): the table waits empty, then shows the projects."""
    from tracker.ui.widgets import attention_filter

    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    everything = table.model.rowCount()
    monkeypatch.setattr(attention_filter, "AT_ONCE_UP_TO", 10)  # the demo's 34 are "many"
    toggle = table.attention_filter
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert toggle.busy() and table.model.rowCount() == 0
    qtbot.waitUntil(lambda: not toggle.busy(), timeout=20000)
    n = table.model.rowCount()
    assert 0 < n < everything and n == len(toggle.reasons)
    assert table.model.row_of(_pid(win, "BY-CN-014")) >= 0
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # off: every project
    assert table.model.rowCount() == everything
    # A change while it computes: the computation from the old data is dropped, a new one
    # runs, and the table follows it.
    from tracker.services.changes import Change

    win.ctx.changed.emit(Change("projects", (_pid(win, "BY-CN-014"),), "update"))
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    first = toggle._op
    assert toggle.busy()
    win.ctx.changed.emit(Change("projects", (_pid(win, "BY-CN-014"),), "update"))
    assert toggle.busy() and toggle._op is not first
    qtbot.waitUntil(lambda: not toggle.busy(), timeout=20000)
    assert table.model.rowCount() == n
