"""Compare with snapshot from the real window: the snapshots the file records (date,
format, what, who), any of them an XLSX, JSON or SQLite snapshot, the changes in the
window's words (field labels, statuses and sectors by name) in English and Russian."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_compare_dialog import tree_texts

from tracker.domain.filters import Filter
from tracker.services.export import export_snapshot
from tracker.services.translations import tr
from tracker.services.undo import EditCommand
from tracker.ui import i18n


def snapshots_then_an_edit(win, tmp_path):  # noqa: ANN001, ANN201
    store = win.ctx.store
    for fmt, name in (("xlsx", "a.xlsx"), ("json", "a.json"), ("sqlite", "a.sqlite3")):
        export_snapshot(store, fmt=fmt, out=tmp_path / name, user="anna", as_of=win.ctx.as_of)
    p = next(r for r in store.rows("projects") if r["status"] == "implementation")
    sector = next(r for r in store.rows("sectors") if r["code"] != p["sector"])
    win.ctx.run(EditCommand("projects", p["id"], {"name": "Renamed since", "status": "suspended",
                                                   "sector": sector["code"]}, p["version"], "tester"))  # fmt: skip
    return p, sector


def open_compare(qtbot, win):  # noqa: ANN001, ANN201
    win.actionCompare.trigger()  # File › Compare with snapshot…
    d = win.dialogs["compare"]
    qtbot.waitExposed(d)
    return d


def click_row(qtbot, d, row: int, *, double: bool = False) -> None:  # noqa: ANN001
    lst = d.snapshot_list
    rect = lst.visualRect(lst.model().index(row, 1))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:  # a real double click: press, release, then the double click
        qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: not d.busy(), timeout=30000)  # compared in the background


def test_compare_with_any_recorded_snapshot(qtbot, open_window, demo_path, tmp_path):
    win = open_window(demo_path, view="projects")
    p, sector = snapshots_then_an_edit(win, tmp_path)
    d = open_compare(qtbot, win)
    lst = d.snapshot_list
    assert lst.rowCount() == 3
    rows = [[lst.item(r, c).text() for c in range(5)] for r in range(3)]
    assert [r[1] for r in rows] == ["SQLite snapshot", "JSON file", "Excel workbook"]
    assert [r[3] for r in rows] == ["anna"] * 3 and [r[4] for r in rows] == [
        "a.sqlite3",
        "a.json",
        "a.xlsx",
    ]
    assert rows[0][2] == "Everything" and len(rows[0][0]) == len("2026-12-03 07:02")
    assert not d.compare_button.isEnabled()
    old_sector = next(
        r["name_en"] for r in win.ctx.store.rows("sectors") if r["code"] == p["sector"]
    )
    for row, double in ((2, False), (1, True), (0, False)):
        click_row(qtbot, d, row, double=double)
        if not double:
            assert d.compare_button.isEnabled()
            qtbot.mouseClick(d.compare_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
        assert d.result is not None, (row, d.message.text())
        texts = tree_texts(d)
        assert texts[0][0] == "Projects — 0 added, 0 removed, 1 changed", (row, texts[:3])
        assert ("Name", p["name"], "Renamed since") in texts
        assert ("Status", "Implementation", "Suspended") in texts
        assert ("Sector", old_sector, sector["name_en"]) in texts
        assert not any(t[0] in ("status", "sector", "name") for t in texts)
        assert d.path_edit.text() == str(tmp_path / rows[row][4])


def test_a_filtered_snapshot_compares_with_what_its_filter_shows(qtbot, open_window, demo_path,
                                                                 tmp_path):  # fmt: skip
    win = open_window(demo_path, view="projects")
    store = win.ctx.store
    flt = Filter(status=("completed",))
    export_snapshot(store, fmt="xlsx", out=tmp_path / "done.xlsx", kind="projects", flt=flt,
                    user="anna", lang="ru")  # fmt: skip
    p = next(r for r in store.rows("projects") if r["status"] == "completed")
    win.ctx.run(EditCommand("projects", p["id"], {"borrower": "New borrower"}, p["version"], "t"))
    d = open_compare(qtbot, win)
    assert d.snapshot_list.item(0, 2).text() == "Projects — Status: Completed"
    click_row(qtbot, d, 0, double=True)
    assert d.result is not None, d.message.text()
    assert list(d.result.kinds) == ["projects"]
    k = d.result.kinds["projects"]
    assert (len(k.added), len(k.removed), len(k.changed)) == (0, 0, 1)
    assert k.count_before == k.count_after == store.count("projects", flt)
    assert ("Borrower", p["borrower"], "New borrower") in tree_texts(d)


def test_the_comparison_speaks_russian(qtbot, open_window, demo_path, tmp_path):
    i18n.install("ru", QApplication.instance())
    try:
        win = open_window(demo_path, view="projects")
        p, sector = snapshots_then_an_edit(win, tmp_path)
        d = open_compare(qtbot, win)
        assert d.snapshot_list.item(2, 1).text() == "Книга Excel"
        click_row(qtbot, d, 2, double=True)
        assert d.result is not None, d.message.text()
        texts = tree_texts(d)
        status = tr("ru", "Field", "Status")
        assert (
            status,
            tr("ru", "codelists", "Implementation"),
            tr("ru", "codelists", "Suspended"),
        ) in texts
        assert (tr("ru", "Field", "Sector"), next(r["name_ru"] for r in win.ctx.store.rows("sectors")
                if r["code"] == p["sector"]), sector["name_ru"]) in texts  # fmt: skip
        assert (tr("ru", "Field", "Name"), p["name"], "Renamed since") in texts
        committed = d.totals.item(0, 0).text()
        assert committed.startswith("Проекты, ") and "committed" not in committed
    finally:
        i18n.install("en", QApplication.instance())


def test_the_saved_comparison_speaks_russian_too(qtbot, open_window, demo_path, tmp_path,
                                                 monkeypatch):  # fmt: skip
    import openpyxl

    from tracker.ui.dialogs import compare_dialog

    i18n.install("ru", QApplication.instance())
    try:
        win = open_window(demo_path, view="projects")
        p, sector = snapshots_then_an_edit(win, tmp_path)
        d = open_compare(qtbot, win)
        click_row(qtbot, d, 0, double=True)  # the SQLite snapshot
        assert d.result is not None, d.message.text()
        monkeypatch.setattr(compare_dialog, "choose_save_path", lambda *a: str(tmp_path / "c.xlsx"))
        qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
        wb = openpyxl.load_workbook(tmp_path / "c.xlsx", read_only=True)
        assert wb.sheetnames == ["Изменения", "Итоги"]
        rows = list(wb["Изменения"].iter_rows(values_only=True))
        totals = list(wb["Итоги"].iter_rows(values_only=True))
        wb.close()
        assert rows[0] == ("Вид", "Запись", "Изменение", "Поле", "Было", "Стало")
        status = (tr("ru", "Kind", "Projects"), p["code"], "изменено", tr("ru", "Field", "Status"),
                  tr("ru", "codelists", "Implementation"), tr("ru", "codelists", "Suspended"))  # fmt: skip
        assert status in rows
        assert (tr("ru", "Kind", "Projects"), p["code"], "изменено", tr("ru", "Field", "Sector"),
                next(r["name_ru"] for r in win.ctx.store.rows("sectors") if r["code"] == p["sector"]),
                sector["name_ru"]) in rows  # fmt: skip
        assert totals[1][:2] == (tr("ru", "Kind", "Projects"), "сумма соглашений")
    finally:
        i18n.install("en", QApplication.instance())
