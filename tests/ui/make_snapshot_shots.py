"""Screenshots of the Excel snapshot (opened with openpyxl and shown as a table, the way a
spreadsheet shows its first rows) and of the compare dialog, for docs/screenshots.

    Xvfb :93 -screen 0 1400x900x24 &
    QT_QPA_PLATFORM=xcb DISPLAY=:93 .venv/bin/python tests/ui/make_snapshot_shots.py

Builds the demo portfolio in a temporary folder (the user's files and settings are never
touched) and reads the screen with QScreen.grabWindow (what a person sees).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROWS = 24


def _settle(app, n: int = 30) -> None:  # noqa: ANN001
    import time

    for _ in range(n):
        app.processEvents()
        time.sleep(0.02)


def _grab(app, widget, path: Path) -> None:  # noqa: ANN001
    widget.raise_()
    widget.activateWindow()
    _settle(app)
    screen = widget.screen()
    g = widget.frameGeometry()
    screen.grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(str(path))
    print(path)


def sheet_view(path: Path, sheet_index: int, *, rows: int = ROWS):  # noqa: ANN201
    """A sheet's first rows (and its last, when it is the total row) as a spreadsheet shows
    them: numbers in their number format, bold where the cell is bold, the header's fill."""
    import openpyxl
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QBrush, QColor, QFont
    from PySide6.QtWidgets import QTabBar, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

    from tracker.services.export_xlsx import column_letter

    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    ws = wb[names[sheet_index]]
    last = ws.max_row
    shown = list(range(1, min(rows, last) + 1))
    tail = ws.cell(last, 1).value in ("Total", "Итого", "合计") and last not in shown
    numbers = shown + ([None, last] if tail else [])
    width = ws.max_column
    w = QWidget()
    w.setWindowTitle(f"{path.name} — {names[sheet_index]}")
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    table = QTableWidget(len(numbers), width, w)
    table.setWordWrap(False)
    table.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
    table.setVerticalHeaderLabels(["…" if n is None else str(n) for n in numbers])
    for r, n in enumerate(numbers):
        if n is None:
            continue
        for i in range(width):
            c = ws.cell(n, i + 1)
            v = c.value
            if v is None:
                continue
            if isinstance(v, dt.datetime):
                text = v.date().isoformat()
            elif isinstance(v, float) and "0.00" in (c.number_format or ""):
                text = f"{v:,.2f}"
            else:
                text = str(v)
            item = QTableWidgetItem(text)
            if c.font is not None and c.font.b:
                f = QFont(table.font())
                f.setBold(True)
                if c.font.sz and c.font.sz > 12:
                    f.setPointSizeF(f.pointSizeF() * 1.25)
                item.setFont(f)
            if (
                c.fill is not None
                and c.fill.fgColor is not None
                and c.fill.fgColor.rgb == "FFDDE4EE"
            ):
                item.setBackground(QBrush(QColor("#DDE4EE")))
            if isinstance(v, (int, float, dt.datetime)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, i, item)
    wb.close()
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    for i in range(width):
        table.setColumnWidth(i, min(table.columnWidth(i), 260))
    lay.addWidget(table, 1)
    tabs = QTabBar(w)
    for n in names:
        tabs.addTab(n)
    tabs.setCurrentIndex(sheet_index)
    lay.addWidget(tabs)
    return w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", default=str(Path(__file__).resolve().parents[2] / "docs" / "screenshots")
    )
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="tracker-shots-"))
    os.environ["TRACKER_DATA_DIR"] = str(tmp / "data")
    os.environ["TRACKER_SETTINGS"] = str(tmp / "settings.ini")
    os.environ["TRACKER_USER"] = "demo"

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableWidget

    from tracker.services import demo
    from tracker.services.export import export_snapshot
    from tracker.services.undo import EditCommand
    from tracker.store import Store
    from tracker.ui import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    i18n.install("en", app)
    db = tmp / "demo.sqlite3"
    with Store.open(db, create=True) as s:
        demo.load_demo(s)
    store = Store.open(db, backup=False)
    for lang in ("en", "ru"):
        x = tmp / f"demo-snapshot-{lang}.xlsx"
        export_snapshot(store, fmt="xlsx", out=x, user="demo", lang=lang)
        suffix = "" if lang == "en" else "-" + lang
        shots = [(1, False, f"excel-snapshot{suffix}.png")]
        if lang == "en":
            shots += [
                (1, True, "excel-snapshot-right.png"),
                (0, False, "excel-snapshot-summary.png"),
            ]
        for index, right, name in shots:
            w = sheet_view(x, index, rows=ROWS if index else 60)
            w.resize(1380, 620 if index else 860)
            w.move(10, 10)
            w.show()
            if right:  # the end of the row: status, amounts in the reporting currency, the total
                _settle(app, 5)
                table = w.findChild(QTableWidget)
                for i in range(table.columnCount()):  # texts narrower, as a spreadsheet cuts them
                    first = table.item(1, i)
                    if first is None or not int(first.textAlignment()) & int(
                        Qt.AlignmentFlag.AlignRight
                    ):
                        table.setColumnWidth(i, min(table.columnWidth(i), 88))
                _settle(app, 5)
                bar = table.horizontalScrollBar()
                bar.setValue(bar.maximum())
            _grab(app, w, out / name)
            w.close()

    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow

    export_snapshot(store, fmt="json", out=tmp / "demo-2026-11-30.json", user="anna")
    export_snapshot(store, fmt="sqlite", out=tmp / "demo-2026-12-01.sqlite3", user="anna")
    ctx = AppContext(store, user="demo")
    for code, values in (("BY-CN-003", {"status": "suspended", "disbursed": "15000000.00"}),
                         ("BY-CN-007", {"name": "Minsk Ring Road Interchanges (phase 2)"})):  # fmt: skip
        p = store.get_by("projects", "code", code)
        if p is not None:
            ctx.run(EditCommand("projects", p["id"], values, p["version"], "demo"))
    win = MainWindow(ctx, view="projects")
    win.resize(1280, 800)
    win.show()
    _settle(app)
    win.actionCompare.trigger()
    d = win.dialogs["compare"]
    d.resize(1000, 720)
    d.move(60, 40)
    row = next(
        i for i, s in enumerate(d.snapshots) if s.fmt == "xlsx" and s.path.name.endswith("-en.xlsx")
    )
    d.select_snapshot(row)
    op = d.compare_selected()
    while not op.delivered:
        _settle(app, 5)
    _grab(app, d, out / "compare-dialog.png")
    d.close()
    win.close()
    store.close(backup=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
