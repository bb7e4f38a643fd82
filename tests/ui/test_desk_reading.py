"""Issue 15, "Reading the window": the last database opens at the next start, the chart
chosen per view comes back, sorting by money in the reporting currency, the table at
1024×700, chart labels, and the Russian and Chinese window without English left over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tracker.domain.codelists import REGION_NAMES_ZH
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
        if "rc" in seen:
            return  # the program ended without a window (the welcome screen was cancelled)
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


def _on_screen(view, col: int) -> bool:
    """The whole column lies inside the table's viewport."""
    x = view.columnViewportPosition(col)
    return x >= 0 and x + view.columnWidth(col) <= view.viewport().width()


def _cell_text(view, row: int, col: int) -> str:
    """What the cell's delegate paints for its text."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    index = view.model().index(row, col)
    opt = QStyleOptionViewItem()
    view.initViewItemOption(opt)
    opt.rect = view.visualRect(index)
    delegate = view.itemDelegateForIndex(index)
    if hasattr(delegate, "shown_text"):  # a column a number could be cut in
        return delegate.shown_text(opt, index)
    # Qt paints the others as they are: they must be whole on screen, the text fitting.
    text = index.data()
    assert (
        _on_screen(view, col) and view.fontMetrics().horizontalAdvance(text) <= opt.rect.width() - 8
    )
    return text


def _right_click(qtbot, widget, pos) -> None:  # noqa: ANN001
    """A right click as the platform delivers it: the press, the context-menu event, the release."""
    from PySide6.QtGui import QContextMenuEvent

    qtbot.mousePress(widget, Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.mouseRelease(widget, Qt.MouseButton.RightButton, pos=pos)


def test_at_1024_by_700_the_table_keeps_code_name_status_and_amount(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    win.resize(1024, 700)
    page = win.record_page()
    # The whole page inside the window (its least width was 1153).
    qtbot.waitUntil(lambda: page.mapTo(win, page.rect().topRight()).x() < 1024, timeout=3000)
    assert win.width() == 1024
    table = page.table
    view = table.view
    names = [f.name for f in table.model.fields]
    qtbot.waitUntil(
        lambda: all(_on_screen(view, names.index(n)) for n in ("code", "name", "status", "amount")),
        timeout=3000,
    )
    # Every number shown is whole, or "…" (never "310," of 310,000,000.00).
    model = table.model
    for col, f in enumerate(model.fields):
        if f.type not in ("money", "int", "real") or view.isColumnHidden(col):
            continue
        for row in range(min(model.rowCount(), 10)):
            shown = _cell_text(view, row, col)
            assert shown in (model.index(row, col).data(), "…"), (f.name, row, shown)
    disbursed = names.index("disbursed")
    assert not _on_screen(view, disbursed) and _cell_text(view, 0, disbursed) == "…"
    # Narrower still (the form dragged wider): the name gives way, elided, down to a dozen
    # characters; code, status and amount stay whole.
    name_col = names.index("name")
    page.splitter.setSizes([440, 10_000])
    QApplication.processEvents()
    qtbot.waitUntil(lambda: view.columnWidth(name_col) < table._widths[name_col], timeout=3000)
    assert all(_on_screen(view, names.index(n)) for n in ("code", "status", "amount"))


def test_the_column_chooser_hides_a_column_and_the_window_remembers(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    header = table.view.horizontalHeader()
    names = [f.name for f in table.model.fields]
    col = names.index("disbursed")
    _right_click(qtbot, header.viewport(), QPoint(header.sectionViewportPosition(0) + 5, 5))
    menu = table.column_menu
    assert menu is not None and menu.isVisible()
    act = next(a for a in menu.actions() if a.objectName() == "column_disbursed")
    assert act.isChecked()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())
    assert table.view.isColumnHidden(col)
    win.close()  # the layout is saved as the window closes
    again = open_window(demo_path, view="projects")
    table = again.record_page().table
    assert table.view.isColumnHidden(names.index("disbursed"))
    assert not table.view.isColumnHidden(names.index("amount"))


def _click_header(qtbot, view, col: int) -> None:  # noqa: ANN001
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_sorting_by_amount_orders_by_value_in_the_reporting_currency(qtbot, open_window, demo_path):
    from decimal import Decimal

    from tracker.services import portfolio

    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    model, view = table.model, table.view
    conv = portfolio.converter(win.ctx.store, currency=win.ctx.currency, as_of=win.ctx.as_of)
    names = [f.name for f in model.fields]
    for column in ("amount", "disbursed"):
        col = names.index(column)
        _click_header(qtbot, view, col)  # ascending
        assert model.sort_field == column and not model.descending
        values = []
        for row in range(model.rowCount()):
            rec = model.record(row)
            values.append(conv.convert(Decimal(rec[column]) / 100, rec["currency"]))
        assert {model.record(r)["currency"] for r in range(model.rowCount())} >= {"USD", "CNY"}
        assert None not in values and values == sorted(values), column
        _click_header(qtbot, view, col)  # descending: the exact reverse
        assert model.descending
        again = [conv.convert(Decimal(model.record(r)[column]) / 100, model.record(r)["currency"])
                 for r in range(model.rowCount())]  # fmt: skip
        assert again == sorted(values, reverse=True)


def _chart_texts_problems(figure) -> list[str]:  # noqa: ANN001
    """Text under 8 pt, and x tick labels that touch or overlap their neighbour."""
    canvas = figure.canvas
    canvas.draw()
    renderer = canvas.get_renderer()
    problems = [
        f"{t.get_text()!r} at {t.get_fontsize()} pt"
        for t in figure.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
        if t.get_text().strip() and t.get_visible() and t.get_fontsize() < 8
    ]
    for ax in figure.get_axes():
        labels = [t for t in ax.get_xticklabels() if t.get_text() and t.get_visible()]
        boxes = sorted(
            (
                (b.x0, b.x1, text)
                for b, text in ((t.get_window_extent(renderer), t.get_text()) for t in labels)
            )
        )
        for (_a0, a1, at), (b0, _b1, bt) in zip(boxes, boxes[1:], strict=False):
            if b0 - a1 < 2:  # less than a sliver apart: read as one number
                problems.append(f"{at!r} runs into {bt!r}")
    return problems


def test_chart_labels_never_run_together_and_stay_readable(qtbot, open_window, demo_path):
    win = open_window(demo_path, view="projects")
    win.resize(1024, 700)
    page = win.record_page()
    qtbot.waitUntil(lambda: page.mapTo(win, page.rect().topRight()).x() < 1024, timeout=3000)
    chart = page.chart
    qtbot.waitUntil(lambda: chart.combo.count() > 0, timeout=5000)
    found = {}
    for i in range(chart.combo.count()):
        name = chart.combo.itemData(i)
        chart.set_chart(name)
        figure = chart.current_figure()
        assert figure is not None, name
        found[name] = _chart_texts_problems(figure)
    assert not any(found.values()), found


def test_a_printed_chart_fills_the_page_with_names_not_cut_short(
    qtbot, open_window, demo_path, tmp_path, monkeypatch
):
    import subprocess

    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

    from tracker.ui import printing
    from tracker.ui.report import page_layout

    opened = []
    monkeypatch.setattr(printing, "open_dialog", opened.append)
    win = open_window(demo_path, view="projects")
    win.resize(1024, 700)
    chart = win.record_page().chart
    qtbot.waitUntil(lambda: chart.combo.count() > 0, timeout=5000)
    chart.set_chart("timeline")
    screen = chart.current_figure()
    on_screen = [t.get_text() for ax in screen.get_axes() for t in ax.get_yticklabels()]
    cut = [t for t in on_screen if t.endswith("…")]
    assert cut  # the pane is narrow: names are shortened there
    QTest.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = opened
    out = tmp_path / "chart.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageLayout(page_layout("landscape"))
    dialog.paintRequested.emit(printer)
    dialog.close()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    store = win.ctx.store
    for label in cut:
        code = label.split()[0]
        whole = store.get_by("projects", "code", code)
        assert whole is not None
        assert f"{code} {whole['name']}" in " ".join(text.split()) or label not in text, label
    assert sum(text.count(label) for label in cut) < len(cut)  # the cut names are whole on paper
    # The chart fills the printable area: its ink spans nearly all of the page inside the margins.
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(out), str(png)], check=True)
    image = QImage(str(png) + ".png")
    rect = page_layout("landscape").paintRectPoints()
    full = page_layout("landscape").fullRectPoints()
    scale = image.width() / full.width()
    xs, ys = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QImage.pixelColor(image, x, y).lightness() < 200:
                xs.append(x)
                ys.append(y)
    ink_w = (max(xs) - min(xs)) / scale
    ink_h = (max(ys) - min(ys)) / scale
    assert ink_w > 0.9 * rect.width(), (ink_w, rect.width())
    assert ink_h > 0.85 * rect.height(), (ink_h, rect.height())


@pytest.fixture
def language():
    """install(lang): the window's language for this test (English again after it)."""
    from tracker.ui import i18n

    yield lambda lang: i18n.install(lang, QApplication.instance())
    i18n.install("en", QApplication.instance())


def test_the_update_round_speaks_russian(qtbot, open_window, demo_path, language, monkeypatch):
    from PySide6.QtCore import QLocale

    from tracker.ui.dialogs import add_update_dialog
    from tracker.ui.dialogs import update_round_dialog as urd

    monkeypatch.setattr(add_update_dialog, "confirm_odd", lambda *a, **k: True)
    language("ru")
    win = open_window(demo_path, view="projects")
    QTest.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = win.dialogs["update_round"]
    qtbot.waitExposed(dlg)
    # The as-of date as Russian writes it, not 2026-12-03.
    y, m, d = win.ctx.as_of.split("-")
    assert dlg.as_of_edit.text() == f"{d}.{m}.{y}"

    def type_in(row: int, col: int, text: str) -> None:
        dlg.activateWindow()
        dlg.grid.setCurrentCell(row, col)
        dlg.grid.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.grid, timeout=3000)
        for ch in text:
            qtbot.keyClick(QApplication.focusWidget(), ch)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()

    # A status no one knows: the message names the statuses in Russian.
    type_in(0, urd.COL_NEW_STATUS, "xyz")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.errors.count() > 0, timeout=5000)
    said = " ".join(dlg.errors.item(i).text() for i in range(dlg.errors.count()))
    assert "Реализация" in said and "implementation" not in said and "pipeline" not in said, said
    dlg.grid.setCurrentCell(0, urd.COL_NEW_STATUS)
    qtbot.keyClick(dlg.grid, Qt.Key.Key_Delete)  # the typed status cleared
    assert dlg.grid.item(0, urd.COL_NEW_STATUS).text() == ""
    # An amount typed is tidied with the Russian separators: 1 234,50, not 1,234.50.
    big = dlg.projects[0]["disbursed"] // 100 + 1234
    type_in(0, urd.COL_NEW_DISBURSED, f"{big},5")
    sep = QLocale().groupSeparator()
    shown = dlg.grid.item(0, urd.COL_NEW_DISBURSED).text()
    assert shown.endswith(",50") and "." not in shown and (sep in shown or big < 1000), shown
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.saved is True, timeout=10000)
    # One project: the singular, and the date as Russian writes it (Qt's %n plural forms).
    assert win.ctx.undo_stack.undoText() == f"Сбор обновлений {d}.{m}.{y} (1 проект)"


def test_region_names_in_the_chinese_window(qtbot, open_window, demo_path, language):
    language("zh")
    win = open_window(demo_path, view="projects")
    table = win.record_page().table
    model = table.model
    col = [f.name for f in model.fields].index("region")
    shown = {model.index(r, col).data() for r in range(model.rowCount())} - {"", None}
    assert shown and shown <= set(REGION_NAMES_ZH.values()), shown
    combo = table._combos["region"]
    names = {combo.itemText(i) for i in range(combo.count())}
    assert "明斯克州" in names and "Minsk Region" not in names
