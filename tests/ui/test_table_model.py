"""The paged table model: Qt's model tester, paging that never reads more
than a page at a time, SQL sort and filter, and how cells are shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QTableView

from tracker.domain.filters import Filter
from tracker.store import Store
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.record_model import PAGE_SIZE, RecordTableModel
from tracker.ui.models.roles import CODE_ROLE, ID_ROLE


class FetchCounter:
    """Counts the rows a real store's fetch() is asked for (the store still answers)."""

    def __init__(self, store: Store):
        self.calls = 0
        self.rows = 0
        self._fetch = store.fetch
        store.fetch = self  # type: ignore[method-assign]

    def __call__(self, table, ids, columns=None):  # noqa: ANN001
        self.calls += 1
        self.rows += len(ids)
        return self._fetch(table, ids, columns)


@pytest.fixture
def big_store(big_template, tmp_path):
    import shutil

    p = tmp_path / "big.sqlite3"
    shutil.copy(big_template, p)
    s = Store.open(p, backup=False)
    yield s
    s.close(backup=False)


@pytest.mark.parametrize(
    "kind", ["projects", "residents", "ventures", "banks", "countries", "fx_rates"]
)
def test_qt_model_tester_passes(qtmodeltester, demo_store, kind):
    model = RecordTableModel(demo_store, kind, Lookups(demo_store))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_model_tester_on_a_filtered_and_empty_model(qtmodeltester, demo_store):
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    model.set_filter(Filter(text="nothing-matches-this-zzz"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_a_100k_file_opens_without_reading_its_rows(qtbot, big_store, monkeypatch):
    from tracker.ui.models import record_model

    monkeypatch.setattr(record_model, "AHEAD_IDLE_MS", 10**7)  # idle read-ahead: tested apart
    counter = FetchCounter(big_store)
    model = RecordTableModel(big_store, "projects", Lookups(big_store))
    assert model.rowCount() == 100_000
    assert counter.rows == 0, "building the model must read ids only"

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    visible = view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1
    assert 0 < visible < PAGE_SIZE
    assert counter.calls == 1 and counter.rows == PAGE_SIZE, (counter.calls, counter.rows)

    # Scroll to the middle and the end: one page each, never the rows in between.
    for target in (50_000, 99_999):
        before = counter.rows
        view.scrollTo(model.index(target, 0))
        qtbot.wait(20)
        view.viewport().repaint()
        assert counter.rows - before <= 2 * PAGE_SIZE
    assert counter.rows <= 5 * PAGE_SIZE
    last = model.record(99_999)
    assert last is not None and last["id"] == model.ids[-1]


def test_every_fetch_is_at_most_one_page_and_pages_are_cached(big_store):
    counter = FetchCounter(big_store)
    model = RecordTableModel(big_store, "projects", Lookups(big_store))
    for row in (0, 1, 2, PAGE_SIZE - 1):
        model.data(model.index(row, 1))
    assert (counter.calls, counter.rows) == (1, PAGE_SIZE)
    model.data(model.index(70_123, 1))
    assert (counter.calls, counter.rows) == (2, 2 * PAGE_SIZE)
    model.data(model.index(70_100, 0))  # same page again: from the cache
    assert counter.calls == 2


def test_sort_by_header_is_done_in_sql(big_store):
    model = RecordTableModel(big_store, "projects", Lookups(big_store))
    amount_col = [f.name for f in model.fields].index("amount")
    model.sort(amount_col, Qt.SortOrder.DescendingOrder)
    top = big_store.page("projects", sort="amount", descending=True, limit=3)
    assert list(model.ids[:3]) == [r["id"] for r in top]
    model.sort(amount_col, Qt.SortOrder.AscendingOrder)
    low = big_store.page("projects", sort="amount", limit=1)
    assert model.ids[0] == low[0]["id"]
    assert model.rowCount() == 100_000


def test_filter_and_search_select_what_the_store_selects(demo_store):
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    total = model.rowCount()
    model.set_filter(Filter(status=("implementation",)))
    assert 0 < model.rowCount() < total
    status_col = [f.name for f in model.fields].index("status")
    assert {model.index(r, status_col).data(CODE_ROLE) for r in range(model.rowCount())} == {
        "implementation"
    }
    model.set_filter(Filter(text="Hydro"))
    names = {model.record(r)["name"] for r in range(model.rowCount())}
    assert names and all("hydro" in n.lower() for n in names)
    # Search text is data: FTS syntax and SQL in it find nothing and break nothing.
    model.set_filter(Filter(text='") OR 1=1; DROP TABLE projects; --'))
    assert model.rowCount() == 0
    assert demo_store.count("projects") == total


def test_cells_show_names_money_by_locale_and_badge_codes(demo_store):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    cols = {f.name: i for i, f in enumerate(model.fields)}
    row = model.row_of(14)
    rec = demo_store.get("projects", 14)
    amount = model.index(row, cols["amount"])
    assert amount.data() == "260,000,000.00 USD"
    assert amount.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    bank = demo_store.get("banks", rec["bank_id"])
    assert model.index(row, cols["bank_id"]).data() == (bank["short_name"] or bank["name"])
    assert (
        model.index(row, cols["sector"]).data()
        == demo_store.get("sectors", rec["sector"])["name_en"]
    )
    assert model.index(row, cols["status"]).data(CODE_ROLE) == "implementation"
    assert model.index(row, cols["status"]).data() == "Implementation"
    assert model.index(row, 0).data(ID_ROLE) == 14
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        ru = RecordTableModel(demo_store, "projects", Lookups(demo_store))
        text = ru.index(row, cols["amount"]).data()
        assert text.endswith(",00 USD") and "260" in text and "000" in text
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_reference_tables_with_text_keys(demo_store):
    model = RecordTableModel(demo_store, "countries", Lookups(demo_store))
    assert model.rowCount() == demo_store.count("countries")
    model.set_filter(Filter(text="belarus"))
    assert [model.record(r)["code"] for r in range(model.rowCount())] == ["BY"]


def test_big_table_totals_come_from_the_worker_thread(qtbot, big_store):
    from tracker.services import portfolio
    from tracker.ui.context import AppContext
    from tracker.ui.panes.table_pane import BACKGROUND_TOTALS_FROM, TablePane

    ctx = AppContext(big_store, user="tester")
    pane = TablePane(ctx, "projects", Lookups(big_store))
    qtbot.addWidget(pane)
    pane.show()
    assert pane.model.rowCount() >= BACKGROUND_TOTALS_FROM
    qtbot.waitUntil(lambda: pane.totals is not None, timeout=20000)
    expected = portfolio.totals(big_store, kind="projects", currency=ctx.currency, as_of=ctx.as_of)
    assert pane.totals.sums == expected.sums and pane.totals.count == 100_000
    group = QLocale().groupSeparator()
    assert pane.footer.text().startswith(f"100{group}000 shown")

    # A filter change asks again; only the answer for the filter shown is kept.
    pane.set_filter(Filter(status=("completed",)))
    qtbot.waitUntil(lambda: pane.totals is not None and pane.totals.count < 100_000, timeout=20000)
    done = portfolio.totals(big_store, kind="projects", flt=Filter(status=("completed",)),
                            currency=ctx.currency, as_of=ctx.as_of)  # fmt: skip
    assert pane.totals.sums == done.sums
    pane.shutdown()


def test_sort_by_clicking_a_header(qtbot, demo_store):
    from tracker.ui.context import AppContext
    from tracker.ui.panes.table_pane import TablePane

    pane = TablePane(AppContext(demo_store, user="tester"), "projects", Lookups(demo_store))
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    header = pane.view.horizontalHeader()
    col = [f.name for f in pane.model.fields].index("amount")
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(x, header.height() // 2))  # fmt: skip
    from decimal import Decimal

    from tracker.services import portfolio

    conv = portfolio.converter(demo_store, currency=pane.ctx.currency, as_of=pane.ctx.as_of)
    recs = [pane.model.record(r) for r in range(pane.model.rowCount())]
    # By value in the reporting currency (issue 15), not by the stored number.
    amounts = [conv.convert(Decimal(r["amount"]), r["currency"]) for r in recs]
    assert amounts == sorted(amounts) or amounts == sorted(amounts, reverse=True)
    assert pane.model.sort_field == "amount"


@pytest.mark.parametrize("kind", ["projects", "residents", "ventures", "banks"])
def test_columns_show_their_header_and_status_and_money_come_first(qtbot, demo_store, kind):
    from tracker.domain.fields import ENUM, MONEY
    from tracker.ui.context import AppContext
    from tracker.ui.panes.table_pane import TablePane

    pane = TablePane(AppContext(demo_store, user="tester"), kind, Lookups(demo_store))
    qtbot.addWidget(pane)
    pane.resize(720, 500)
    pane.show()
    view, m = pane.view, pane.model
    fm = view.horizontalHeader().fontMetrics()
    for col in range(m.columnCount()):
        header = m.headerData(col, Qt.Orientation.Horizontal)
        if view.isColumnHidden(col):  # the reasons, shown by the "Needs attention" filter
            continue
        assert view.columnWidth(col) >= fm.horizontalAdvance(header) + 12, header  # never cut
    if kind == "banks":
        # A reference table's names fit whole: "Industrial and Commercial Bank of China".
        col = [f.name for f in m.fields].index("name")
        fm = view.fontMetrics()
        longest = max(fm.horizontalAdvance(m.index(r, col).data()) for r in range(m.rowCount()))
        assert view.columnWidth(col) >= longest
        return
    # What a desk officer scans for is in view without scrolling: the status and the money.
    shown = [c for c in range(m.columnCount()) if not view.isColumnHidden(c)]
    types = [m.fields[c].type for c in shown]
    first_money = shown[types.index(MONEY)]  # (the reasons column shows with its filter only)
    assert ENUM in types[:3] and types.index(MONEY) <= 3
    right = view.columnViewportPosition(first_money) + view.columnWidth(first_money)
    assert right <= view.viewport().width()


def test_filter_boxes_show_their_labels_whole(qtbot, demo_store):
    from tracker.ui.context import AppContext
    from tracker.ui.panes.table_pane import TablePane

    pane = TablePane(AppContext(demo_store, user="tester"), "projects", Lookups(demo_store))
    qtbot.addWidget(pane)
    pane.resize(720, 500)
    pane.show()
    qtbot.waitExposed(pane)
    for name, combo in pane._combos.items():
        fm = combo.fontMetrics()
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert combo.width() >= fm.horizontalAdvance(texts[0]) + 20, name  # "All sectors"
        assert combo.view().minimumWidth() >= max(fm.horizontalAdvance(t) for t in texts)
    status = pane._combos["status"]
    status.set_values(["implementation"])
    fm = status.fontMetrics()
    assert status.width() >= fm.horizontalAdvance("Implementation") + 20
    assert status.toolTip() == "Implementation"


def test_idle_time_reads_the_pages_around_the_shown_ones(qtbot, big_store):
    from tracker.ui.models.record_model import AHEAD_IDLE_MS

    model = RecordTableModel(big_store, "projects", Lookups(big_store))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.scrollTo(model.index(50_000, 0), QTableView.ScrollHint.PositionAtTop)
    view.viewport().repaint()
    first, last = view.rowAt(0) // PAGE_SIZE, view.rowAt(view.viewport().height() - 1) // PAGE_SIZE
    qtbot.waitUntil(lambda: last + 1 in model._pages and first - 1 in model._pages,
                    timeout=AHEAD_IDLE_MS + 5000)  # fmt: skip
    for row in ((last + 1) * PAGE_SIZE, first * PAGE_SIZE - 1):  # formatted, not only fetched
        assert model._shown[row] == model.texts(row)
    # A page down now reads nothing from the file.
    counter = FetchCounter(big_store)
    view.scrollTo(model.index((last + 1) * PAGE_SIZE + 5, 0), QTableView.ScrollHint.PositionAtTop)
    view.viewport().repaint()
    assert counter.calls == 0
    # It reads only the pages next to the shown ones (no cascade through the table).
    assert len(model._pages) <= 6
