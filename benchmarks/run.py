#!/usr/bin/env python3
"""Measure every figure of PRODUCT.md §9 next to a floor or peer measured in the same run.

Each measured operation runs in its own subprocess (this script with
``--worker NAME``), so its peak memory (``ru_maxrss``) is its own and one
operation's caches never help the next. Start-up and export figures are
whole-process wall times, like the floors they are compared with (a bare
QApplication + window, the ``sqlite3`` command-line CSV export); the rest are
timed inside the worker around the operation alone, after a warm-up.

Portfolios are generated once with ``tracker init --projects N --residents N/15
--ventures N/6`` and cached under ``benchmarks/data/`` (git-ignored).

    python benchmarks/run.py                       # 1k, 100k and 1M -> benchmarks/RESULTS.md
    python benchmarks/run.py --scales 1k --repeat 1 --out /tmp/r.md
    python benchmarks/run.py --server              # also the window's rows on a PostgreSQL
                                                   # server, beside the file's (team mode)

This is a measurement, not a test: it never fails on a slow figure; it
prints and writes what it measured and whether each target is met.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCALES = {"1k": 1_000, "100k": 100_000, "1m": 1_000_000}
MARK = "BENCH-JSON "
#: A peer that takes longer than this is reported as "> N s" instead of waited for.
PEER_TIMEOUT_S = 300.0
#: Sort columns of the projects table (the table model's column names).
SORT_FIELDS = ("name", "amount", "planned_end", "status", "bank_id")
#: The §9 rows measured again on a server with --server: (worker, row, target, limit in
#: seconds, several processes as the file's row does).
SERVER_ROWS = (
    ("scroll", "scroll: fetch and paint a page", "< 16 ms", 0.016, True),
    ("sort", "sort by a column (slowest of 5)", "< 300 ms", 0.3, False),
    ("search", "search text (slowest of 3)", "< 150 ms", 0.15, False),
    ("edit", "save one edit + audit + refresh", "< 20 ms", 0.02, False),
    ("chart", "chart refresh after a filter change (slowest chart)", "< 200 ms", 0.2, False),
)
#: Search texts: a record code, one word, two words (prefix search, like the search box).
SEARCH_TERMS = ("SYN-0500000", "Potash", "Solar Hub")
XLSX_ROWS = 100_000
IMPORT_ROWS = 100_000
NOT_YET = "not available yet"


# ====================================================================== workers
# Each worker runs in a fresh process: python run.py --worker NAME --db FILE ...
# and prints one line "BENCH-JSON {...}" with its timings and memory.


def _rss_now_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Unavailable(Exception):
    """A piece the benchmark needs has not landed yet."""


def _open_store(db: str, *, read_only: bool = False):
    """The file's store, or a server's for a ``postgresql://`` URL (the workers then
    measure team mode the way the window uses it)."""
    from tracker.store.opening import open_database

    return open_database(db, read_only=read_only, backup=False)


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(t0: tuple[float, float]) -> tuple[float, float]:
    """Wall and CPU seconds since ``t0``: on a shared machine the CPU time is the steadier figure."""
    return time.perf_counter() - t0[0], time.process_time() - t0[1]


def _med(ts: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts)


def _ms(t: tuple[float, float]) -> str:
    return f"{t[0] * 1000:.0f}/{t[1] * 1000:.0f}"


def _timed(fn: Callable[[], Any]) -> tuple[float, float]:
    t0 = _clock()
    fn()
    return _since(t0)


def _our_view(store):
    """The real table model in a QTableView, shown offscreen at a desktop size."""
    try:
        from tracker.ui.models.lookups import Lookups
        from tracker.ui.models.record_model import RecordTableModel
    except ImportError as exc:
        raise Unavailable(f"table model ({exc.name})") from None
    from PySide6.QtWidgets import QTableView

    model = RecordTableModel(store, "projects", Lookups(store))
    if hasattr(model, "set_reporting"):  # as the window's table: money sorts by value in USD
        import datetime as dt

        model.set_reporting("USD", dt.date.today().isoformat())
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    return model, view


def _window_table(store, constant: Callable[[int], Any] | None = None):  # noqa: ANN001, ANN202
    """The window's own table pane (its view, delegates, row height and column widths) at a
    desktop size, settled: first page painted, footer totals summed (off the timings).
    ``constant(columns)`` makes a model that replaces the real one in that same view, with
    the same columns at the same widths (the paint floor)."""
    from tracker.ui.context import AppContext
    from tracker.ui.models.lookups import Lookups
    from tracker.ui.panes.table_pane import TablePane

    app = _app()
    pane = TablePane(AppContext(store, user="bench"), "projects", Lookups(store))
    pane.resize(1280, 800)
    pane.show()
    _paint(app, pane.view)
    deadline = time.perf_counter() + 30
    while pane.totals is None and time.perf_counter() < deadline:  # the footer's sums (a thread)
        app.processEvents()
        time.sleep(0.01)
    if constant is not None:
        columns = pane.model.columnCount()
        widths = [pane.view.columnWidth(c) for c in range(columns)]
        model = constant(columns)
        pane.view.setModel(model)
        for c, w in enumerate(widths):
            pane.view.setColumnWidth(c, w)
        _paint(app, pane.view)
    return pane


def _jumps(app, model: Any, view: Any, repeat: int) -> list[tuple[float, float]]:  # noqa: ANN001
    """Jumps to random rows (each a page the cache does not hold), each painted once."""
    from PySide6.QtWidgets import QAbstractItemView

    n = model.rowCount()
    rnd = random.Random(7)
    times = []
    for _ in range(max(20, 10 * repeat)):
        row = rnd.randrange(n)

        def jump(row: int = row) -> None:
            view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            app.processEvents()  # the scroll's update paints the viewport once, as in the app

        times.append(_timed(jump))
    return times


def _paint(app, view) -> None:
    app.processEvents()
    view.viewport().repaint()


def _peer_view(db: str):
    """Qt's own QSqlTableModel + QTableView on the same file (the built-in peer)."""
    from PySide6.QtSql import QSqlDatabase, QSqlTableModel
    from PySide6.QtWidgets import QTableView

    con = QSqlDatabase.addDatabase("QSQLITE", "bench")
    con.setDatabaseName(db)
    if not con.open():
        raise RuntimeError(con.lastError().text())
    model = QSqlTableModel(None, con)
    model.setTable("projects")
    model.setEditStrategy(QSqlTableModel.EditStrategy.OnManualSubmit)
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 800)
    return model, view


def _sort_column(model, name: str) -> int:
    return [f.name for f in model.fields].index(name)


def w_open(a: argparse.Namespace) -> dict:
    """Open the file and show the first page of the table (ours)."""
    app = _app()
    times = []
    for _ in range(a.repeat):
        t0 = _clock()
        store = _open_store(a.db)
        model, view = _our_view(store)
        _paint(app, view)
        times.append(_since(t0))
        rss = _rss_now_mb()
        view.close()
        view.deleteLater()
        app.processEvents()
        store.close(backup=False)
    return {"times": times, "rss_open_mb": rss}


def w_peer_open(a: argparse.Namespace) -> dict:
    app = _app()
    times = []
    for _ in range(a.repeat):
        t0 = _clock()
        model, view = _peer_view(a.db)
        model.select()
        view.show()
        _paint(app, view)
        times.append(_since(t0))
        rss = _rss_now_mb()
        view.close()
        del model, view
        from PySide6.QtSql import QSqlDatabase

        QSqlDatabase.removeDatabase("bench")
    return {"times": times, "rss_open_mb": rss}


def w_scroll(a: argparse.Namespace) -> dict:
    """Jump to random rows of the window's table (each a page the cache does not hold)."""
    app = _app()
    store = _open_store(a.db)
    try:
        pane = _window_table(store)
    except ImportError as exc:
        raise Unavailable(f"table pane ({exc.name})") from None
    times = _jumps(app, pane.model, pane.view, a.repeat)
    n = pane.model.rowCount()
    pane.shutdown()
    return {"times": times, "note": f"{len(times)} jumps to random rows of {n:,} in the window's "
                                    "table (its delegates, row height, column widths)"}  # fmt: skip


def w_peer_scroll(a: argparse.Namespace) -> dict:
    """QSqlTableModel reads rows forward only: a jump to row N fetches every row before it."""
    from PySide6.QtWidgets import QAbstractItemView

    app = _app()
    model, view = _peer_view(a.db)
    view.show()
    times = []
    for _ in range(a.repeat):
        model.select()
        _paint(app, view)
        t0 = _clock()
        target = a.rows // 2
        while model.rowCount() <= target and model.canFetchMore():
            model.fetchMore()
        view.scrollTo(model.index(target, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        _paint(app, view)
        times.append(_since(t0))
    return {"times": times, "note": "jump to the middle row"}


def w_paint_floor(a: argparse.Namespace) -> dict:
    """Qt's own cost: the same view and jumps over a model that returns one constant text."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    app = _app()
    rows, display = max(a.rows, 1), int(Qt.ItemDataRole.DisplayRole)

    class Constant(QAbstractTableModel):
        def __init__(self, columns: int):
            super().__init__()
            self.columns = columns

        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else self.columns

        def data(self, index: QModelIndex, role: int = display) -> Any:
            # Short enough for every column of the window's table: no cell is elided.
            return "1,234.00" if role == display else None

    # The same view as the window's table (its settings, row height and column widths).
    pane = _window_table(_open_store(a.db), Constant)
    times = _jumps(app, pane.view.model(), pane.view, a.repeat)
    pane.shutdown()
    return {"times": times, "note": "the window's table over a constant-text model: Qt's layout "
                                    "and text painting alone"}  # fmt: skip


def w_sort(a: argparse.Namespace) -> dict:
    """Click a column header: the first sort of each column (nothing cached), then its reverse."""
    from PySide6.QtCore import Qt

    app = _app()
    store = _open_store(a.db)
    model, view = _our_view(store)
    _paint(app, view)
    cold: dict[str, tuple[float, float]] = {}
    warm: dict[str, tuple[float, float]] = {}
    for name in SORT_FIELDS:
        col = _sort_column(model, name)

        def sort(col: int = col, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
            model.sort(col, order)
            _paint(app, view)

        cold[name] = _timed(sort)
        warm[name] = _timed(lambda col=col: sort(col, Qt.SortOrder.DescendingOrder))
    worst = max(cold, key=lambda k: cold[k][1])
    note = (f"first sort of each column (slowest: {worst}): "
            + ", ".join(f"{k} {_ms(v)}" for k, v in cold.items())
            + " ms wall/cpu; reversing it again: "
            + ", ".join(f"{k} {_ms(v)}" for k, v in warm.items()) + " ms")  # fmt: skip
    return {"times": [cold[worst]], "note": note}


def w_peer_sort(a: argparse.Namespace) -> dict:
    from PySide6.QtCore import Qt

    app = _app()
    model, view = _peer_view(a.db)
    model.select()
    view.show()
    _paint(app, view)
    cols = [model.fieldIndex(c) for c in SORT_FIELDS]
    per = {}
    for name, col in zip(SORT_FIELDS, cols, strict=True):
        ts = []
        for i in range(max(2, a.repeat)):
            order = Qt.SortOrder.DescendingOrder if i % 2 else Qt.SortOrder.AscendingOrder

            def sort(col: int = col, order: Qt.SortOrder = order) -> None:
                model.sort(col, order)
                _paint(app, view)

            ts.append(_timed(sort))
        per[name] = _med(ts)
    worst = max(per, key=lambda k: per[k][1])
    return {"times": [per[worst]], "note": f"slowest column {worst} (first page only: lazy)"}


def w_search(a: argparse.Namespace) -> dict:
    from tracker.domain.filters import Filter

    app = _app()
    store = _open_store(a.db)
    model, view = _our_view(store)
    _paint(app, view)
    per = {}
    for term in SEARCH_TERMS:
        ts = []
        for _ in range(max(2, a.repeat)):
            model.set_filter(Filter())
            _paint(app, view)

            def search(term: str = term) -> None:
                model.set_filter(Filter(text=term))
                _paint(app, view)

            ts.append(_timed(search))
        per[term] = (_med(ts), model.rowCount())
    worst = max(per, key=lambda k: per[k][0][1])
    note = "slowest " + ", ".join(f"'{k}' {_ms(v[0])} ms ({v[1]:,} rows)" for k, v in per.items())
    return {"times": [per[worst][0]], "note": note}


def w_peer_search(a: argparse.Namespace) -> dict:
    app = _app()
    model, view = _peer_view(a.db)
    model.select()
    view.show()
    _paint(app, view)
    per = {}
    for term in SEARCH_TERMS:
        words = term.replace("'", "").split()
        cond = " AND ".join(
            "("
            + " OR ".join(f"{c} LIKE '%{w}%'" for c in ("code", "name", "borrower", "description"))
            + ")"
            for w in words
        )
        ts = []
        for _ in range(max(2, a.repeat)):
            model.setFilter("")
            model.select()
            _paint(app, view)

            def search(cond: str = cond) -> None:
                model.setFilter(cond)
                model.select()
                _paint(app, view)

            ts.append(_timed(search))
        per[term] = _med(ts)
    worst = max(per, key=lambda k: per[k][1])
    return {"times": [per[worst]], "note": f"LIKE '%…%', slowest '{worst}'"}


def w_edit(a: argparse.Namespace) -> dict:
    """Save one edit (validation, version check, audit row) and refresh the table row."""
    from tracker.services import edits

    app = _app()
    store = _open_store(a.db)
    model, view = _our_view(store)
    _paint(app, view)
    refs = store.ref_index()
    rnd = random.Random(11)
    times = []
    audit0 = store.max_id("audit_log")
    for i in range(max(10, 5 * a.repeat)):
        pk = model.id_at(rnd.randrange(min(model.rowCount(), 20)))
        row = store.get("projects", pk)

        def save(pk: int = pk, row: dict = row, i: int = i) -> None:
            change, _after = edits.edit_record(
                store, kind="projects", pk=pk,
                values={"description": f"benchmark edit {os.getpid()}-{i}"},
                expected_version=row["version"], user="bench", refs=refs,
            )  # fmt: skip
            model.refresh_rows(change.ids)
            app.processEvents()  # Qt repaints the changed row

        times.append(_timed(save))
    audits = store.max_id("audit_log") - audit0
    return {"times": times, "note": f"{len(times)} saves, {audits} audit rows written"}


def w_peer_edit(a: argparse.Namespace) -> dict:
    """QSqlTableModel.setData + submitAll (no validation, no audit: a peer only)."""
    app = _app()
    model, view = _peer_view(a.db)
    model.select()
    view.show()
    _paint(app, view)
    col = model.fieldIndex("description")
    times = []
    for i in range(max(10, 5 * a.repeat)):

        def save(i: int = i) -> None:
            model.setData(model.index(i % 20, col), f"peer edit {os.getpid()}-{i}")
            if not model.submitAll():
                raise RuntimeError(model.lastError().text())
            _paint(app, view)

        times.append(_timed(save))
    return {"times": times, "note": "no validation, no audit"}


def w_chart(a: argparse.Namespace) -> dict:
    """The chart pane redrawn after the filter changes (query, figure, paint)."""
    from tracker.domain.filters import Filter

    app = _app()
    store = _open_store(a.db)
    filters = [Filter(status=("implementation",)), Filter(sector=("energy",)), Filter(),
               Filter(status=("completed",), region=("minsk_city",))]  # fmt: skip
    try:
        from tracker.services import chart_data  # noqa: F401
        from tracker.ui.context import AppContext
        from tracker.ui.panes.chart_pane import ChartPane
    except ImportError as exc:
        raise Unavailable(f"chart pane/service ({exc.name})") from None
    ctx = AppContext(store, user="bench")
    pane = ChartPane(ctx)
    pane.resize(900, 500)
    pane.show()
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    app.processEvents()
    charts = [pane.combo.itemData(i) for i in range(pane.combo.count())]
    per = {}
    for chart in charts:
        pane.set_chart(chart)
        app.processEvents()
        ts = []
        for i in range(max(4, 2 * a.repeat)):
            flt = filters[i % len(filters)]

            def redraw(flt: Filter = flt) -> None:
                pane.set_view(kind="projects", flt=flt, selected_id=None)
                app.processEvents()  # the canvas's draw_idle renders the figure here
                canvas = pane.host.canvas()
                if canvas is not None:
                    canvas.repaint()

            ts.append(_timed(redraw))
        per[chart] = _med(ts)
        if pane.last_error:
            per[chart + " (error: " + pane.last_error + ")"] = per.pop(chart)
    worst = max(per, key=lambda k: per[k][1])
    note = (
        f"slowest chart '{worst}'; "
        + ", ".join(f"{k} {_ms(v)}" for k, v in per.items())
        + " ms wall/cpu"
    )
    return {"times": [per[worst]], "note": note}


def w_peer_chart(a: argparse.Namespace) -> dict:
    """pandas: read the filtered rows and group them (what an analyst would do)."""
    try:
        import pandas as pd
    except ImportError:
        raise Unavailable("pandas not installed (pip install -e '.[bench]')") from None
    import sqlite3

    con = sqlite3.connect(a.db)
    times = []
    for status in ("implementation", "completed", "pipeline", "active")[: max(2, a.repeat)]:

        def agg(status: str = status) -> None:
            df = pd.read_sql("SELECT sector, currency, amount, disbursed FROM projects WHERE status = ?",
                             con, params=(status,))  # fmt: skip
            df.groupby(["sector", "currency"])[["amount", "disbursed"]].sum()

        times.append(_timed(agg))
    return {"times": times, "note": "read_sql + groupby, no drawing"}


def w_store_queries(a: argparse.Namespace) -> dict:
    """Store-level figures under the table: ids for a sort/search/filter, one page."""
    from tracker.domain.filters import Filter

    store = _open_store(a.db)
    out = {}
    for label, kw in (("query_ids sort name", {"sort": "name"}),
                      ("query_ids sort amount desc", {"sort": "amount", "descending": True}),
                      ("query_ids filter status", {"flt": Filter(status=("implementation",))}),
                      ("query_ids search", {"flt": Filter(text="Potash")})):  # fmt: skip
        ts = [
            _timed(lambda kw=kw: store.query_ids("projects", **kw)) for _ in range(max(2, a.repeat))
        ]
        out[label] = _med(ts)
    ids = store.query_ids("projects")
    rnd = random.Random(3)
    ts = []
    for _ in range(20):
        start = rnd.randrange(max(1, len(ids) - 100))
        ts.append(_timed(lambda s=start: store.fetch("projects", ids[s : s + 100])))
    out["fetch one page (100 rows)"] = _med(ts)
    return {"times": [max(out.values())], "detail": out}


def _export_csv_ours(store, out: Path) -> str:
    try:
        from tracker.services import export
    except ImportError:
        # The export service has not landed: stream through the store as it will.
        with out.open("w", newline="", encoding="utf-8") as fh:
            w = None
            for r in store.iter_rows("projects"):
                if w is None:
                    w = csv.writer(fh)
                    w.writerow(r.keys())
                w.writerow(r.values())
        return "store.iter_rows + csv (export service not available yet)"
    from tracker.domain.filters import Filter

    export.export_snapshot(store, fmt="csv", out=out, kind="projects", flt=Filter(),
                           currency="USD", as_of=None, user="bench")  # fmt: skip
    return "export_snapshot(fmt='csv')"


def w_export_csv(a: argparse.Namespace) -> dict:
    store = _open_store(a.db)
    out = Path(a.tmp) / "ours.csv"
    t0 = _clock()
    how = _export_csv_ours(store, out)
    t = _since(t0)
    return {"times": [t], "note": how, "bytes": _size(out)}


def _size(p: Path) -> int:
    if p.is_dir():
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return p.stat().st_size if p.exists() else 0


def w_pandas_csv(a: argparse.Namespace) -> dict:
    try:
        import pandas as pd
    except ImportError:
        raise Unavailable("pandas not installed (pip install -e '.[bench]')") from None
    import sqlite3

    out = Path(a.tmp) / "pandas.csv"
    t0 = _clock()
    con = sqlite3.connect(a.db)
    pd.read_sql("SELECT * FROM projects", con).to_csv(out, index=False)
    return {"times": [_since(t0)], "bytes": _size(out)}


def w_export_xlsx(a: argparse.Namespace) -> dict:
    from tracker.domain.filters import Filter

    try:
        from tracker.services import export
    except ImportError:
        raise Unavailable("export service (tracker.services.export)") from None
    store = _open_store(a.db)
    n = min(a.rows, XLSX_ROWS)
    flt = Filter() if a.rows <= XLSX_ROWS else Filter(ids=tuple(range(1, n + 1)))
    out = Path(a.tmp) / "ours.xlsx"
    base = _rss_now_mb()
    t0 = _clock()
    export.export_snapshot(store, fmt="xlsx", out=out, kind="projects", flt=flt,
                           currency="USD", as_of=None, user="bench")  # fmt: skip
    t = _since(t0)
    grow = _peak_mb() - base
    return {"times": [t], "note": f"{n:,} rows; memory grew {grow:.0f} MB over the open store",
            "grow_mb": grow}  # fmt: skip


def w_pandas_xlsx(a: argparse.Namespace) -> dict:
    try:
        import pandas as pd
    except ImportError:
        raise Unavailable("pandas not installed (pip install -e '.[bench]')") from None
    import sqlite3

    n = min(a.rows, XLSX_ROWS)
    out = Path(a.tmp) / "pandas.xlsx"
    base = _rss_now_mb()
    t0 = _clock()
    con = sqlite3.connect(a.db)
    df = pd.read_sql("SELECT * FROM projects WHERE id <= ?", con, params=(n,))
    df.to_excel(out, index=False, engine="xlsxwriter")
    t = _since(t0)
    grow = _peak_mb() - base
    return {"times": [t], "note": f"{n:,} rows, xlsxwriter; memory grew {grow:.0f} MB"}


def w_import(a: argparse.Namespace) -> dict:
    """Import a CSV of new projects into an empty file; then a file with one bad last row."""
    from tracker.domain.validation import ValidationErrors
    from tracker.services import importer
    from tracker.store import Store

    target = Path(a.tmp) / f"import-{os.getpid()}.sqlite3"
    store = Store.create(target)
    t0 = _clock()
    plan = importer.import_file(store, kind="projects", path=a.csv, user="bench")
    t = _since(t0)
    n = store.count("projects")
    # All or nothing: the same rows with the last one broken must leave the file as it was.
    bad = Path(a.tmp) / "import-bad.csv"
    _write_bad_copy(Path(a.csv), bad)
    target2 = Path(a.tmp) / f"import2-{os.getpid()}.sqlite3"
    store2 = Store.create(target2)
    t1 = _clock()
    try:
        importer.import_file(store2, kind="projects", path=bad, user="bench")
        refused = "NOT refused"
    except ValidationErrors as exc:
        refused = f"refused ({len(exc.errors)} problem)"
    t_bad = _since(t1)
    n2 = store2.count("projects")
    store.close(backup=False)
    store2.close(backup=False)
    for p in (target, target2):
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
    ok = n == len(plan.planned) and n2 == 0
    note = (f"{n:,} rows written; bad last row: {refused} in {t_bad[0]:.1f} s, {n2} rows written"
            + ("" if ok else " — ALL-OR-NOTHING FAILED"))  # fmt: skip
    return {"times": [t], "note": note}


#: The event-loop probe: a timer this often; a stall is the longest gap between ticks less this.
PROBE_MS = 10


def _probe(app, until: Callable[[], bool], *, settle_s: float = 0.0, timeout_s: float = 300.0,
           idle_s: float = 0.0) -> tuple[float, float]:  # fmt: skip
    """Run the window's event loop until ``until()`` (then ``settle_s`` more: the window
    takes in the Change), or for ``idle_s``; a 10 ms QTimer ticks meanwhile. Returns
    (longest stall in seconds: the longest gap between two ticks less the interval, wall s)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    ticks = [time.perf_counter()]
    probe = QTimer()
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    t0 = time.perf_counter()
    done_at: list[float] = []

    def check() -> None:
        now = time.perf_counter()
        if idle_s:
            if now - t0 >= idle_s:
                loop.quit()
            return
        if not done_at and (until() or now - t0 > timeout_s):
            done_at.append(now)
        if done_at and now - done_at[0] >= settle_s:
            loop.quit()

    checker = QTimer()
    checker.setInterval(25)
    checker.timeout.connect(check)
    probe.start()
    checker.start()
    loop.exec()
    probe.stop()
    checker.stop()
    ticks.append(time.perf_counter())
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    return max(0.0, max(gaps) - PROBE_MS / 1000), time.perf_counter() - t0


def _stall_window(a: argparse.Namespace):  # noqa: ANN202
    """The real main window on a new file (the import's target), shown and settled."""
    from tracker.store import Store
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow

    app = _app()
    # What the window imports on first use is imported before (as in a session that has
    # opened these dialogs once): the figure is about the work, not Python's imports.
    import tracker.services.export_xlsx  # noqa: F401
    import tracker.services.importer  # noqa: F401
    import tracker.ui.dialogs.export_dialog  # noqa: F401
    import tracker.ui.dialogs.import_dialog  # noqa: F401

    target = Path(a.tmp) / f"stall-{os.getpid()}.sqlite3"
    store = Store.create(target)
    win = MainWindow(AppContext(store, user="bench"), view="projects")
    win.skip_settings = True
    win.resize(1280, 800)
    win.show()
    _probe(app, lambda: False, idle_s=2.0)  # first paint, charts, integrity check
    return app, win, store


def w_op_stall(a: argparse.Namespace) -> dict:
    """Longest event-loop stall while a 100k-row import, then a 100k-row XLSX export, run
    through the operations runner in the real window (the probe: a 10 ms QTimer)."""
    try:
        from tracker.ui import operations  # noqa: F401
    except ImportError:
        raise Unavailable("operations runner (tracker.ui.operations)") from None
    app, win, store = _stall_window(a)
    floor, _ = _probe(app, lambda: False, idle_s=3.0)
    d = win.open_import()
    t0 = time.perf_counter()
    d.set_file(a.csv, "projects")
    check, _ = _probe(app, lambda: not d.busy())
    d.do_import()
    write, _ = _probe(app, lambda: not d.busy(), settle_s=1.5)
    t_import = time.perf_counter() - t0
    n = store.count("projects")
    d.close()
    e = win.open_export()
    e.all_radio.setChecked(True)
    e.set_format("xlsx")
    out = Path(a.tmp) / "stall-export.xlsx"
    e.path_edit.setText(str(out))
    t1 = time.perf_counter()
    e.do_export()
    export, _ = _probe(app, lambda: not e.busy(), settle_s=1.0)
    t_export = time.perf_counter() - t1
    ok = out.exists() and e.result is not None
    e.close()
    stall = max(check, write, export)
    note = (f"import of {n:,} rows ({t_import:.1f} s: check {check * 1000:.0f} ms, write and refresh "
            f"{write * 1000:.0f} ms longest stall), XLSX export of {n:,} rows ({t_export:.1f} s: "
            f"{export * 1000:.0f} ms); idle floor of the same probe in this process "
            f"{floor * 1000:.0f} ms" + ("" if ok else " — EXPORT FAILED"))  # fmt: skip
    win.close()
    return {"times": [(stall, stall)], "note": note, "floor": floor}


def w_op_stall_export(a: argparse.Namespace) -> dict:
    """Longest event-loop stall while the window exports every project of the scale's
    file as CSV through the operations runner (the issue's "1M-row export")."""
    from tracker.store import Store
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow

    app = _app()
    import tracker.services.export  # noqa: F401 - first-use imports are not the figure
    import tracker.ui.dialogs.export_dialog  # noqa: F401

    store = Store.open(a.db, backup=False)
    win = MainWindow(AppContext(store, user="bench"), view="projects")
    win.skip_settings = True
    win.resize(1280, 800)
    win.show()
    _probe(app, lambda: False, idle_s=3.0)  # first paint, charts
    # The window's own first work on a large file (integrity check, the attention count,
    # the chart's sums) runs in the background: the export starts when it is done.
    from tracker.ui import operations

    _probe(app, lambda: not operations.running(), settle_s=1.0, timeout_s=300)
    floor, _ = _probe(app, lambda: False, idle_s=2.0)
    e = win.open_export()
    e.all_radio.setChecked(True)
    e.set_format("csv")
    out = Path(a.tmp) / "stall-export.csv"
    e.path_edit.setText(str(out))
    t0 = time.perf_counter()
    e.do_export()
    stall, _ = _probe(app, lambda: not e.busy(), settle_s=1.0, timeout_s=900)
    took = time.perf_counter() - t0
    ok = out.exists() and e.result is not None
    e.close()
    win.close()
    note = (f"CSV export of {store.count('projects'):,} projects ({took:.1f} s); idle floor of the "
            f"same probe in this window {floor * 1000:.0f} ms" + ("" if ok else " — EXPORT FAILED"))  # fmt: skip
    return {"times": [(stall, stall)], "note": note, "floor": floor}


def w_op_stall_idle(a: argparse.Namespace) -> dict:
    """The same probe in the same window with nothing running (the floor)."""
    app, win, _store = _stall_window(a)
    floor, _ = _probe(app, lambda: False, idle_s=5.0)
    win.close()
    return {"times": [(floor, floor)], "note": "5 s idle"}


def _write_bad_copy(src: Path, dst: Path) -> None:
    with src.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    amount = rows[0].index("amount")
    rows[-1][amount] = "-5"
    with dst.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def w_pandas_import(a: argparse.Namespace) -> dict:
    try:
        import pandas as pd
    except ImportError:
        raise Unavailable("pandas not installed (pip install -e '.[bench]')") from None
    import sqlite3

    target = Path(a.tmp) / f"pandas-import-{os.getpid()}.sqlite3"
    t0 = _clock()
    con = sqlite3.connect(target)
    pd.read_csv(a.csv).to_sql("projects", con, index=False)
    con.commit()
    t = _since(t0)
    con.close()
    target.unlink()
    return {"times": [t], "note": "read_csv + to_sql, no validation"}


def w_bare_window(a: argparse.Namespace) -> dict:
    """Start-up floor: a QApplication and an empty main window, shown and painted."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["bench"])
    w = QMainWindow()
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    w.repaint()
    return {"times": []}


WORKERS: dict[str, Callable[[argparse.Namespace], dict]] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("w_") and callable(fn)
}


def _preload(worker: str) -> None:
    """Import what the program has loaded before a file is opened, outside any timing.

    sqlite-utils imports pandas and numpy when installed (they are, for the peers);
    the program hides them during that import (tracker.ui.app), and so does this.
    """
    if worker.startswith("pandas") or worker in ("bare_window", "paint_floor"):
        return
    hidden = [m for m in ("pandas", "numpy") if m not in sys.modules]
    for m in hidden:
        sys.modules[m] = None  # type: ignore[assignment]
    try:
        import tracker.store  # noqa: F401
    finally:
        for m in hidden:
            sys.modules.pop(m, None)
    import tracker.services.edits  # noqa: F401
    import tracker.services.importer  # noqa: F401

    if worker in ("open", "scroll", "sort", "search", "edit", "chart"):
        import PySide6.QtWidgets  # noqa: F401

        with contextlib.suppress(ImportError):
            import tracker.ui.models.record_model  # noqa: F401


def worker_main(a: argparse.Namespace) -> int:
    _preload(a.worker)
    try:
        res = WORKERS[a.worker](a)
    except Unavailable as exc:
        res = {"unavailable": str(exc)}
    res["peak_mb"] = _peak_mb()
    sys.stdout.flush()
    print(MARK + json.dumps(res), flush=True)
    os._exit(0)  # skip Qt/matplotlib teardown: it is not part of any figure


# ======================================================================== driver
@dataclass
class Measure:
    median: float | None = None  # wall seconds
    cpu: float | None = None  # CPU seconds of the same runs (median)
    runs: list[tuple[float, float]] = field(default_factory=list)
    peak_mb: float | None = None
    note: str = ""
    error: str = ""

    def show_time(self) -> str:
        if self.error:
            return self.error
        if self.median is None:
            return self.show_mem() if self.peak_mb else "—"
        return _fmt_s(self.value) + (
            f" ({_fmt_s(self.median)} wall)" if self.cpu is not None else ""
        )

    @property
    def value(self) -> float:
        """The figure judged: CPU time where known (steady on a shared machine), else wall."""
        return self.cpu if self.cpu is not None else self.median  # type: ignore[return-value]

    def show_mem(self) -> str:
        return f"{self.peak_mb:.0f} MB" if self.peak_mb else "—"


def _fmt_s(s: float) -> str:
    if s < 1:
        return f"{s * 1000:.1f} ms" if s < 0.1 else f"{s * 1000:.0f} ms"
    return f"{s:.2f} s"


@dataclass
class Row:
    op: str
    target: str
    ours: Measure
    peers: list[tuple[str, Measure]] = field(default_factory=list)
    check: Callable[[Row], bool | None] | None = None
    #: A memory figure: the peak RSS is the result, there is no time.
    memory: bool = False

    def verdict(self) -> str:
        if self.ours.error or (self.ours.median is None and not self.memory):
            return self.ours.error or "—"
        ok = self.check(self) if self.check else None
        return "—" if ok is None else ("**met**" if ok else "**NOT met**")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("TRACKER_USER", "bench")
    return env


_last_error = ""


def _run_measured(cmd: list[str], *, stdout: Any = subprocess.PIPE, timeout: float = PEER_TIMEOUT_S,
                  env: dict[str, str] | None = None) -> tuple[float, float, float, str, int]:  # fmt: skip
    """Wall time, CPU time and own peak RSS of one child (os.wait4 gives that child's rusage)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env={**_env(), **(env or {})},
                         text=True)  # fmt: skip
    deadline = t0 + timeout
    out_chunks: list[str] = []
    err_chunks: list[str] = []

    def drain(src, sink: list[str]) -> None:
        if src is not None:
            sink.append(src.read())

    threads = [threading.Thread(target=drain, args=(p.stdout, out_chunks), daemon=True),
               threading.Thread(target=drain, args=(p.stderr, err_chunks), daemon=True)]  # fmt: skip
    for t in threads:
        t.start()
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            p.kill()
            os.wait4(p.pid, 0)
            raise subprocess.TimeoutExpired(cmd, timeout)
        time.sleep(0.002)
    wall = time.perf_counter() - t0
    for t in threads:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    err = "".join(err_chunks)
    global _last_error
    _last_error = ""
    if p.returncode != 0 and err:
        sys.stderr.write(err[-3000:])
        lines = [x for x in err.strip().splitlines() if x.strip()]
        _last_error = (": " + lines[-1][:160]) if lines else ""
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, "".join(out_chunks), p.returncode


class Runner:
    def __init__(self, *, repeat: int, data: Path, tmp: Path, verbose: bool = True):
        self.repeat = repeat
        self.data = data
        self.tmp = tmp
        self.verbose = verbose

    def log(self, msg: str) -> None:
        if self.verbose:
            print(msg, flush=True)

    # ---- portfolios
    def portfolio(self, scale: str) -> Path:
        n = SCALES[scale]
        path = self.data / f"portfolio-{scale}.sqlite3"
        if path.exists() and path.stat().st_size:
            return path
        self.data.mkdir(parents=True, exist_ok=True)
        part = self.data / f"portfolio-{scale}.part.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(part) + suffix).unlink(missing_ok=True)
        self.log(f"generating the {scale} portfolio ({n:,} projects) …")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", "init", "--db", str(part), "--projects", str(n),
                        "--residents", str(n // 15), "--ventures", str(n // 6)],
                       check=True, env=_env(), stdout=subprocess.DEVNULL)  # fmt: skip
        self.log(f"  generated in {time.perf_counter() - t0:.0f} s")
        part.rename(path)
        return path

    def prepare(self, path: Path) -> None:
        """Bring a cached file to the current schema (new indexes) outside any timing."""
        subprocess.run([sys.executable, "-c", "import sys; from tracker.store import Store; "
                        "Store.open(sys.argv[1], backup=False).close(backup=False)", str(path)],
                       check=True, env=_env())  # fmt: skip

    def import_csv(self, db: Path, scale: str) -> Path:
        """A CSV of the portfolio's first 100k projects, as our export would write it."""
        out = self.data / f"import-{scale}.csv"
        if out.exists():
            return out
        import sqlite3

        cols = ("code", "name", "sector", "region", "bank_id", "borrower", "amount", "currency",
                "disbursed", "status", "agreement_date", "start_date", "planned_end", "actual_end",
                "progress_pct", "description", "interest_rate", "maturity_years", "grace_years")  # fmt: skip
        con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        tmp = out.with_suffix(".part")
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for r in con.execute(f"SELECT {', '.join(cols)} FROM projects ORDER BY id LIMIT ?",
                                 (IMPORT_ROWS,)):  # fmt: skip
                r = list(r)
                for i, c in enumerate(cols):
                    if c in ("amount", "disbursed") and r[i] is not None:
                        r[i] = f"{r[i] // 100}.{r[i] % 100:02d}"
                w.writerow(["" if v is None else v for v in r])
        con.close()
        tmp.rename(out)
        return out

    # ---- measuring
    def worker(self, name: str, db: Path, *, rows: int, repeat: int | None = None,
               whole_process: bool = False, runs: int = 1, extra: tuple[str, ...] = ()) -> Measure:  # fmt: skip
        """Run a worker ``runs`` times; in-worker timings, or whole-process wall times."""
        m = Measure()
        walls, inner, peaks = [], [], []
        for _ in range(runs):
            work = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.tmp))
            cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--db", str(db),
                   "--repeat", str(repeat or self.repeat), "--rows", str(rows), "--tmp", str(work),
                   *extra]  # fmt: skip
            try:
                wall, cpu, peak, out, rc = _run_measured(cmd)
            except subprocess.TimeoutExpired:
                m.error = f"> {PEER_TIMEOUT_S:.0f} s (stopped)"
                return m
            finally:
                shutil.rmtree(work, ignore_errors=True)
            res = next((json.loads(line[len(MARK):]) for line in out.splitlines()
                        if line.startswith(MARK)), None)  # fmt: skip
            if rc != 0 or res is None:
                m.error = f"failed (exit {rc}{_last_error})"
                return m
            if "unavailable" in res:
                m.error = (
                    f"{NOT_YET}: {res['unavailable']}"
                    if "pandas" not in res["unavailable"]
                    else res["unavailable"]
                )
                return m
            walls.append((wall, cpu))
            inner.extend(res.get("times", []))
            peaks.append(peak)
            m.note = res.get("note", m.note)
            if "detail" in res:
                m.note = "; ".join(f"{k} {_ms(v)} ms" for k, v in res["detail"].items())
        m.runs = [tuple(t) for t in (walls if whole_process else inner)]
        if m.runs:
            m.median, m.cpu = _med(m.runs)
        m.peak_mb = max(peaks) if peaks else None
        return m

    def process(self, cmd: list[str], *, runs: int, stdout_file: Path | None = None,
                warmup: bool = False, env: dict[str, str] | None = None,
                before_each: Callable[[], None] | None = None) -> Measure:  # fmt: skip
        """Whole-process wall time and peak RSS of an outside command."""
        m = Measure()
        if warmup:
            with contextlib.suppress(subprocess.TimeoutExpired):
                _run_measured(cmd, stdout=subprocess.DEVNULL, env=env)
        for _ in range(runs):
            if before_each is not None:
                before_each()
            try:
                if stdout_file is not None:
                    with stdout_file.open("w") as fh:
                        wall, cpu, peak, out, rc = _run_measured(cmd, stdout=fh, env=env)
                else:
                    wall, cpu, peak, out, rc = _run_measured(cmd, env=env)
            except subprocess.TimeoutExpired:
                m.error = f"> {PEER_TIMEOUT_S:.0f} s (stopped)"
                return m
            if rc != 0:
                m.error = f"failed (exit {rc}{_json_error(out)})"
                return m
            m.runs.append((wall, cpu))
            m.peak_mb = max(m.peak_mb or 0.0, peak)
            if out.strip():
                m.note = out.strip().splitlines()[-1][:200]
        m.median, m.cpu = _med(m.runs)
        return m

    # ---- one scale
    def scale(self, scale: str) -> list[Row]:
        n = SCALES[scale]
        db = self.portfolio(scale)
        self.prepare(db)
        big = n >= 100_000
        heavy_runs = max(1, min(self.repeat, 3 if big else self.repeat))
        rows: list[Row] = []

        def step(label: str) -> None:
            self.log(f"[{scale}] {label}")

        # Start-up: whole process against the floor.
        step("start-up")
        floor = self.worker("bare_window", db, rows=n, whole_process=True, runs=self.repeat)
        # Settings and kept chart pictures in the run's own folder, never the user's. A first start
        # (no picture kept: matplotlib loads and the chart is drawn live) empties the picture folder
        # before each run; each such run keeps its chart as it closes, so the next start, the one
        # the target is about, shows the picture of the unchanged file.
        gui_env = {"TRACKER_CACHE_DIR": str(self.tmp / f"cache-{scale}"),
                   "TRACKER_SETTINGS": str(self.tmp / f"settings-{scale}.ini")}  # fmt: skip
        pictures = Path(gui_env["TRACKER_CACHE_DIR"]) / "chart-pictures"
        smoke = [sys.executable, "-m", "tracker", "gui", "--db", str(db), "--smoke"]
        if _has_module("tracker.ui.app"):
            cold = self.process(smoke, runs=self.repeat, warmup=big, env=gui_env,
                                before_each=lambda: shutil.rmtree(pictures, ignore_errors=True))  # fmt: skip
            gui = self.process(smoke, runs=self.repeat, env=gui_env)
        else:
            cold = gui = Measure(error=f"{NOT_YET}: tracker.ui.app (run_gui)")
        rows.append(Row("`gui --smoke`, whole process", "< 1.0 s, ≤ 4× bare window", gui,
                        [("bare QApplication + window", floor)],
                        lambda r: r.ours.value < 1.0 and _ratio(r) <= 4))  # fmt: skip
        rows.append(Row("″ first start: no chart picture kept yet (matplotlib, chart drawn live)", "—",
                        cold, [("bare QApplication + window", floor)]))  # fmt: skip

        step("open table")
        open_ours = self.worker("open", db, rows=n)
        open_peer = self.worker("peer_open", db, rows=n)
        rows.append(Row("open file, first page painted", "—", open_ours,
                        [("QSqlTableModel + QTableView", open_peer)]))  # fmt: skip

        step("scroll")
        # Several processes each: a process's jumps all run fast or all slow (where the VM
        # places it), so the median is taken over the jumps of three of them.
        rows.append(Row("scroll: fetch and paint a page", "< 16 ms",
                        self.worker("scroll", db, rows=n, runs=self.repeat),
                        [("Qt paint floor (constant model, same view)",
                          self.worker("paint_floor", db, rows=n, runs=self.repeat)),
                         ("QSqlTableModel (jump to middle)", self.worker("peer_scroll", db, rows=n, repeat=heavy_runs))],
                        lambda r: r.ours.value < 0.016))  # fmt: skip
        step("sort")
        rows.append(Row("sort by a column (slowest of 5)", "< 300 ms",
                        self.worker("sort", db, rows=n),
                        [("QSqlTableModel", self.worker("peer_sort", db, rows=n, repeat=2))],
                        lambda r: r.ours.value < 0.3))  # fmt: skip
        step("search")
        rows.append(Row("search text (slowest of 3)", "< 150 ms",
                        self.worker("search", db, rows=n),
                        [("QSqlTableModel LIKE", self.worker("peer_search", db, rows=n, repeat=2))],
                        lambda r: r.ours.value < 0.15))  # fmt: skip
        step("edit")
        rows.append(Row("save one edit + audit + refresh", "< 20 ms",
                        self.worker("edit", db, rows=n),
                        [("QSqlTableModel submitAll", self.worker("peer_edit", db, rows=n, repeat=1))],
                        lambda r: r.ours.value < 0.02))  # fmt: skip
        step("chart")
        rows.append(Row("chart refresh after a filter change (slowest chart)", "< 200 ms",
                        self.worker("chart", db, rows=n),
                        [("pandas read_sql + groupby", self.worker("peer_chart", db, rows=n))],
                        lambda r: r.ours.value < 0.2))  # fmt: skip
        step("store queries")
        rows.append(
            Row("store: query_ids / fetch (slowest)", "—", self.worker("store_queries", db, rows=n))
        )

        step("export CSV")
        csv_out = self.tmp / f"sqlite3-{scale}.csv"
        if shutil.which("sqlite3"):
            cli = self.process(["sqlite3", "-csv", "-header", str(db), "SELECT * FROM projects"],
                               runs=heavy_runs, stdout_file=csv_out)  # fmt: skip
        else:
            cli = Measure(error="sqlite3 CLI not installed (apt-get install sqlite3)")
        csv_out.unlink(missing_ok=True)
        ours_csv = self.worker("export_csv", db, rows=n, whole_process=True, runs=heavy_runs)
        pandas_csv = self.worker("pandas_csv", db, rows=n, whole_process=True, runs=heavy_runs)
        rows.append(Row(f"export CSV of {n:,} projects, whole process", "≤ 3× sqlite3 CLI", ours_csv,
                        [("sqlite3 -csv CLI", cli), ("pandas read_sql + to_csv", pandas_csv)],
                        lambda r: _ratio(r) <= 3))  # fmt: skip

        step("export XLSX")
        x = min(n, XLSX_ROWS)
        rows.append(Row(f"export XLSX of {x:,} rows", "< 10 s, memory flat",
                        self.worker("export_xlsx", db, rows=n, runs=heavy_runs),
                        [("pandas read_sql + to_excel", self.worker("pandas_xlsx", db, rows=n, runs=heavy_runs))],
                        lambda r: r.ours.value < 10))  # fmt: skip

        step("import CSV")
        src = self.import_csv(db, scale)
        k = min(n, IMPORT_ROWS)
        rows.append(Row(f"import {k:,}-row CSV (all or nothing)", "< 5 s",
                        self.worker("import", db, rows=n, runs=heavy_runs, extra=("--csv", str(src))),
                        [("pandas read_csv + to_sql", self.worker("pandas_import", db, rows=n, runs=heavy_runs,
                                                                  extra=("--csv", str(src))))],
                        lambda r: r.ours.value < 5))  # fmt: skip

        step("event-loop stall")
        rows.append(Row(f"longest event-loop stall: {k:,}-row import, then XLSX export, in the window",
                        "< 100 ms",
                        self.worker("op_stall", db, rows=n, runs=heavy_runs, extra=("--csv", str(src))),
                        [("the same probe, window idle", self.worker("op_stall_idle", db, rows=n,
                                                                     runs=heavy_runs))],
                        lambda r: r.ours.value < 0.1))  # fmt: skip
        rows.append(Row(f"longest event-loop stall: CSV export of {n:,} projects, in the window",
                        "< 100 ms",
                        self.worker("op_stall_export", db, rows=n, runs=heavy_runs),
                        [("the same probe, window idle", rows[-1].peers[0][1])],
                        lambda r: r.ours.value < 0.1))  # fmt: skip

        step("memory")
        if gui.peak_mb:
            mem = Measure(peak_mb=max(gui.peak_mb, cold.peak_mb or 0),
                          note="peak RSS of `gui --smoke` (the larger: first start, chart drawn live)")  # fmt: skip
        else:
            mem = Measure(peak_mb=open_ours.peak_mb, error=open_ours.error,
                          note="peak RSS of open + first page (window not available yet)")  # fmt: skip
        rows.append(Row(f"memory with the {n:,}-row file open", "< 250 MB RSS", mem,
                        [("QSqlTableModel + QTableView", Measure(peak_mb=open_peer.peak_mb, error=open_peer.error))],
                        lambda r: (r.ours.peak_mb or 1e9) < 250, memory=True))  # fmt: skip
        return rows

    # ---- the same portfolio on a PostgreSQL server (team mode)
    def server(self, scale: str, file_rows: list[Row]) -> list[Row]:
        """The window's §9 paths (the same workers) against the scale's portfolio copied to
        a throwaway PostgreSQL cluster on this machine, each beside the file's row of this
        run. The cluster is the tests' (tests/pg_cluster.py: fsync off, 32 MB of shared
        buffers) and is removed at the end."""
        sys.path.insert(0, str(ROOT))
        from tests.pg_cluster import find_bin_dir, remove_cluster, start_cluster

        n = SCALES[scale]
        bin_dir = find_bin_dir()
        if bin_dir is None:
            return [Row("PostgreSQL server", "—", Measure(error="no PostgreSQL binaries (apt-get "
                                                                "install postgresql)"))]  # fmt: skip
        db = self.portfolio(scale)
        self.log(f"[{scale} server] starting a cluster and copying the portfolio …")
        cluster = start_cluster(bin_dir)
        try:
            url = cluster.url(cluster.new_database("bench"))
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "tracker", "copy", "--from", str(db), "--to", url],
                           check=True, env=_env(), stdout=subprocess.DEVNULL)  # fmt: skip
            copied = time.perf_counter() - t0
            self.log(f"  copied in {copied:.0f} s")
            of_file = {r.op: r.ours for r in file_rows}
            rows: list[Row] = []
            for worker, op, target, limit, runs in SERVER_ROWS:
                self.log(f"[{scale} server] {worker}")
                m = self.worker(worker, url, rows=n, runs=self.repeat if runs else 1)  # type: ignore[arg-type]
                # Judged on the wall clock: the server's work is not this process's CPU time.
                m.cpu = None
                m.note = "wall clock; " + m.note
                if worker == "sort":
                    m.note += f"; `tracker copy` of the file to the server took {copied:.0f} s"
                peer = dataclasses.replace(of_file.get(op, Measure()), cpu=None, note="wall clock")
                rows.append(Row(op, target, m, [("the file, same run", peer)],
                                lambda r, limit=limit: r.ours.value < limit))  # fmt: skip
            return rows
        finally:
            remove_cluster(cluster)


def _json_error(out: str) -> str:
    """The reason a ``--smoke`` run gives in its JSON line, if any."""
    for line in reversed(out.splitlines()):
        with contextlib.suppress(ValueError):
            doc = json.loads(line)
            if isinstance(doc, dict) and doc.get("error"):
                return ": " + str(doc["error"])[:160]
    return ""


def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _ratio(r: Row) -> float:
    peer = r.peers[0][1] if r.peers else None
    if peer is None or not peer.median or r.ours.median is None:
        return float("nan")
    return r.ours.value / peer.value


def render(
    results: dict[str, list[Row]], *, repeat: int, started: dt.datetime, elapsed: float
) -> str:
    lines = [
        "# Benchmark results (PRODUCT.md §9)",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `benchmarks/run.py --scales "
        f"{','.join(k for k in results if ' ' not in k)} --repeat {repeat}"
        f"{' --server' if any(' ' in k for k in results) else ''}` in {elapsed / 60:.1f} min on {platform.machine()} "
        f"({os.cpu_count()} cores shared with other work, so single figures are noisy; "
        "ratios against the peer measured in the same run are what count). Python "
        f"{platform.python_version()}, SQLite {_sqlite_version()}.",
        "",
        "Each operation ran in its own process. *ours* and *peer* are medians of the runs: "
        "CPU seconds of the process (user + system), which the other work on the machine "
        "barely changes, with the wall-clock time beside it; targets and ratios are judged on "
        "the CPU figure. *RSS* is that process's peak resident memory. Start-up and CSV "
        "export are whole-process figures (like their floors); the rest are timed around "
        "the operation alone, after the file is open.",
        "",
    ]
    for key, rows in results.items():
        scale, _, where = key.partition(" ")
        title = (
            f"## {scale} portfolio ({SCALES[scale]:,} projects, "
            f"{SCALES[scale] // 15:,} residents, {SCALES[scale] // 6:,} ventures)"
        )
        if where:
            title += (
                " on a PostgreSQL server (team mode): the same workers with `--db "
                "postgresql://…`, a throwaway cluster on this machine"
            )
        lines += [title, "",
                  "| operation | ours | our RSS | peer / floor | peer | peer RSS | ours ÷ peer | target | verdict | notes |",
                  "| --- | ---: | ---: | --- | ---: | ---: | ---: | --- | --- | --- |"]  # fmt: skip
        for r in rows:
            peers = r.peers or [("—", Measure())]
            for i, (pname, pm) in enumerate(peers):
                ratio = ""
                if r.memory and pm.peak_mb and r.ours.peak_mb:
                    ratio = f"{r.ours.peak_mb / pm.peak_mb:.2f}×"
                elif pm.median and r.ours.median is not None and not r.ours.error:
                    ratio = f"{r.ours.value / pm.value:.2f}×"
                notes = "; ".join(x for x in (r.ours.note if i == 0 else "", pm.note) if x)
                if i == 0:
                    cells = [r.op, r.ours.show_time(), r.ours.show_mem(), pname, pm.show_time(),
                             pm.show_mem(), ratio, r.target, r.verdict(), notes]  # fmt: skip
                else:
                    cells = [
                        "″",
                        "",
                        "",
                        pname,
                        pm.show_time(),
                        pm.show_mem(),
                        ratio,
                        "",
                        "",
                        notes,
                    ]
                lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines) + "\n"


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def _print_table(text: str) -> None:
    print()
    print(text)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--scales", default="1k,100k,1m", help="comma-separated: 1k, 100k, 1m (default: all)"
    )
    p.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is reported")
    p.add_argument("--out", default=None,
                   help="Markdown file (or folder for RESULTS.md) to write (default: benchmarks/RESULTS.md "
                        "for all three scales, benchmarks/data/RESULTS-<scales>.md for fewer)")  # fmt: skip
    p.add_argument(
        "--data", default=str(HERE / "data"), help="where generated portfolios are cached"
    )
    p.add_argument("--quiet", action="store_true", help="print only the table")
    p.add_argument("--server", action="store_true",
                   help="also run the window's §9 rows on a PostgreSQL server (team mode) for the "
                        "largest scale, beside the file's (needs Debian's postgresql package)")  # fmt: skip
    # Worker mode (internal).
    p.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument("--rows", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--tmp", help=argparse.SUPPRESS)
    p.add_argument("--csv", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.worker:
        return worker_main(a)
    scales = [s.strip().lower() for s in a.scales.split(",") if s.strip()]
    bad = [s for s in scales if s not in SCALES]
    if bad:
        p.error(f"unknown scale(s) {', '.join(bad)}; choose from {', '.join(SCALES)}")
    if a.repeat < 1:
        p.error("--repeat must be at least 1")
    if a.out is None:  # a partial run (make bench-smoke) must not replace the full results
        full = set(scales) == set(SCALES)
        a.out = HERE / "RESULTS.md" if full else Path(a.data) / f"RESULTS-{'-'.join(scales)}.md"
    out = Path(a.out)
    if out.is_dir():
        out = out / "RESULTS.md"
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    results: dict[str, list[Row]] = {}
    with _tmpdir() as tmp:
        # Every measured process keeps its settings and chart pictures in the run's own folder:
        # the user's are never read (a kept picture would stand in for a measured draw) or changed.
        os.environ["TRACKER_CACHE_DIR"] = str(tmp / "cache-workers")
        os.environ["TRACKER_SETTINGS"] = str(tmp / "settings-workers.ini")
        runner = Runner(repeat=a.repeat, data=Path(a.data), tmp=tmp, verbose=not a.quiet)
        out.parent.mkdir(parents=True, exist_ok=True)
        kept = _analysis(out)
        largest = max(scales, key=lambda s: SCALES[s])
        for s in scales:
            results[s] = runner.scale(s)
            if a.server and s == largest:
                results[f"{s} server"] = runner.server(s, results[s])
            # Written after every scale, so a long run that stops later keeps what it measured.
            text = render(results, repeat=a.repeat, started=started,
                          elapsed=time.perf_counter() - t0)  # fmt: skip
            out.write_text(text + kept, encoding="utf-8")
    _print_table(text)
    print(f"written: {out}")
    return 0


#: Everything from this line on in RESULTS.md is written by hand (profiles, what
#: would meet a target) and kept when the tables above it are measured again.
ANALYSIS_MARK = "<!-- analysis: kept across runs -->"


def _analysis(out: Path) -> str:
    if not out.is_file():
        return ""
    text = out.read_text(encoding="utf-8")
    i = text.find(ANALYSIS_MARK)
    return "\n" + text[i:] if i >= 0 else ""


@contextlib.contextmanager
def _tmpdir() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
