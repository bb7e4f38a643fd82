"""Sorting a large table shows the first page at once and reads the whole order
in a thread: rows, selection, "go to record", edits, a second sort, filters and
search are right before, during and after that fill; linked columns sort by the
names they show.

The fast paths are switched on for a few hundred rows (id_lists.SMALL = 0), and
the fill only starts when the event loop runs (or when something must wait for
it), so "during the fill" is exact: no events processed, no thread started.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from tracker.domain.filters import Filter
from tracker.store import Store, StoreError, id_lists
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.record_model import PAGE_SIZE, RecordTableModel
from tracker.ui.models.roles import ID_ROLE

N = 350  # three and a half pages


def _rows(banks, n=N):
    regions = [None, "BY-MI", "BY-BR", None, "BY-HM"]
    for i in range(n):
        yield {
            "code": f"P-{i:04d}", "name": f"Project {i % 13}", "sector": "energy" if i % 2 else "it",
            "region": regions[i % 5], "bank_id": banks[i % 3], "amount": (i % 17) * 1000,
            "currency": "USD", "disbursed": 0, "status": ("signed", "pipeline", "completed")[i % 3],
            "planned_end": None if i % 3 == 0 else f"2025-0{1 + i % 4}-01",
            "description": f"river bridge {i}" if i % 2 else f"road {i}",
        }  # fmt: skip


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(id_lists, "SMALL", 0)
    s = Store.open(tmp_path / "p.sqlite3", create=True)
    # Bank 1's shown name sorts last, so name order and id order differ.
    s.update("banks", 1, {"short_name": "Zenith"}, expected_version=None, user="t")
    banks = [r["id"] for r in s.rows("banks")][:3]
    rows = list(_rows(banks))
    s.insert_many("projects", rows, columns=list(rows[0]))
    yield s
    s.close(backup=False)


def plain(store, column, descending=False, flt=None):
    where, params = store.where("projects", flt or Filter())
    d = " DESC" if descending else ""
    sql = "SELECT id FROM projects" + (f" WHERE {where}" if where else "")
    return [r["id"] for r in store.query(sql + f" ORDER BY {column}{d}, id{d}", params)]


def by_bank_name(store, descending=False, flt=None):
    names = {r["id"]: r["short_name"] or r["name"] for r in store.rows("banks")}
    where, params = store.where("projects", flt or Filter())
    sql = "SELECT id, bank_id FROM projects" + (f" WHERE {where}" if where else "")
    rows = store.query(sql, params)
    out = [r["id"] for r in sorted(rows, key=lambda r: (names[r["bank_id"]].casefold(), r["id"]))]
    return out[::-1] if descending else out


def col(model, name):
    return [f.name for f in model.fields].index(name)


def shown(model):
    """Every row's id as the model answers row by row (no waiting for the fill)."""
    return [model.id_at(r) for r in range(model.rowCount())]


def finish(qtbot, model):
    # Filled, and a re-layout the fill asked for (deferred to the event loop when the order
    # was taken up inside a paint or a row lookup) done too.
    qtbot.waitUntil(lambda: not model.filling() and model._pending_relayout is None, timeout=10000)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", ["name", "amount", "planned_end", "region", "status"])
def test_rows_are_right_before_and_after_the_fill(qtbot, store, column, descending):
    model = RecordTableModel(store, "projects", Lookups(store))
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(col(model, column), order)
    assert model.filling()
    assert model.rowCount() == N
    if column != "region":  # region shows names: checked below
        expected = plain(store, column, descending)
        assert shown(model) == expected  # head by LIMIT, the rest by OFFSET
        assert [model.row_of(pk) for pk in expected[::37]] == list(range(0, N, 37))
        finish(qtbot, model)
        assert list(model.ids) == expected
        assert shown(model) == expected


def test_a_linked_column_sorts_by_the_name_shown(qtbot, store):
    lookups = Lookups(store)
    model = RecordTableModel(store, "projects", lookups)
    bank = col(model, "bank_id")
    for descending in (False, True):
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        model.sort(bank, order)
        expected = by_bank_name(store, descending)
        assert expected != plain(store, "bank_id", descending)
        for row in range(0, 2 * PAGE_SIZE, 7):  # the head, before the fill
            assert model.id_at(row) == expected[row]
        texts = [model.index(r, bank).data() for r in range(N)]
        assert texts == sorted(texts, key=str.casefold, reverse=descending)
        assert texts[0 if descending else -1] == "Zenith"
        finish(qtbot, model)
        assert list(model.ids) == expected
    # With a filter (the cached whole order, masked) and after the file changes.
    flt = Filter(region=("BY-MI", "BY-BR"))  # (each status has one bank in this data)
    model.set_filter(flt)
    assert list(model.ids) == by_bank_name(store, True, flt)
    store.update("banks", 2, {"short_name": "AAA first"}, expected_version=None, user="t")
    lookups.reload()
    model.sort(bank, Qt.SortOrder.AscendingOrder)
    assert list(model.ids) == by_bank_name(store, False, flt)
    assert model.index(0, bank).data() == "AAA first"


def test_the_selection_stays_on_its_record_through_sorts_and_the_fill(qtbot, store):
    model = RecordTableModel(store, "projects", Lookups(store))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    sm = view.selectionModel()
    pk = plain(store, "amount")[-5]  # far from the head in name order
    sm.setCurrentIndex(model.index(model.row_of(pk), 0),
                       QItemSelectionModel.SelectionFlag.ClearAndSelect
                       | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    for column, descending in (
        ("name", False),
        ("name", True),
        ("amount", True),
        ("bank_id", False),
    ):
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        model.sort(col(model, column), order)
        # Before the fill: its row comes from a rank over the index.
        assert model.index(sm.currentIndex().row(), 0).data(ID_ROLE) == pk
        assert [model.id_at(i.row()) for i in sm.selectedRows()] == [pk]
        finish(qtbot, model)
        expected = by_bank_name(store) if column == "bank_id" else plain(store, column, descending)
        assert sm.currentIndex().row() == expected.index(pk)
        assert model.index(sm.currentIndex().row(), 0).data(ID_ROLE) == pk


def test_go_to_record_while_the_order_is_filling(qtbot, store):
    from tracker.ui.context import AppContext
    from tracker.ui.panes.table_pane import TablePane

    pane = TablePane(AppContext(store, user="tester"), "projects", Lookups(store))
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.view.sortByColumn(col(pane.model, "planned_end"), Qt.SortOrder.DescendingOrder)
    assert pane.model.filling()
    expected = plain(store, "planned_end", True)
    seen = []
    pane.currentChanged.connect(seen.append)
    for pk in (expected[-1], expected[180], expected[3]):
        assert pane.select_id(pk, notify=True)
        assert pane.current_id() == pk
        assert pane.view.currentIndex().row() == expected.index(pk)
    assert seen == [expected[-1], expected[180], expected[3]]
    assert not pane.select_id(10**9, notify=True)  # no such record
    pane.shutdown()
    pane.model.close()


def test_an_edit_during_the_fill_keeps_rows_and_selection_right(qtbot, store):
    model = RecordTableModel(store, "projects", Lookups(store))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    model.sort(col(model, "amount"), Qt.SortOrder.AscendingOrder)
    before = plain(store, "amount")
    pk = before[1]
    view.selectionModel().setCurrentIndex(
        model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    # The edit moves the record to the end of the amount order; the table keeps it in
    # place until the next sort, and refreshing the row works before the fill ends.
    rec = store.get("projects", pk)
    store.update("projects", pk, {"amount": 10**12}, expected_version=rec["version"], user="t")
    model.refresh_rows([pk])
    assert model.index(1, col(model, "amount")).data().startswith("10,000,000,000")
    finish(qtbot, model)
    # Whichever snapshot the thread read, the selected record is still the selected row.
    assert model.id_at(view.selectionModel().currentIndex().row()) == pk
    assert sorted(model.ids) == sorted(before)
    # The order the thread read before the edit is not kept for later sorts.
    model.sort(col(model, "amount"), Qt.SortOrder.DescendingOrder)
    model.sort(col(model, "name"), Qt.SortOrder.AscendingOrder)
    model.sort(col(model, "amount"), Qt.SortOrder.AscendingOrder)
    assert list(model.ids) == plain(store, "amount")
    assert model.ids[-1] == pk


def test_another_program_reorders_during_the_fill(qtbot, store):
    model = RecordTableModel(store, "projects", Lookups(store))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.sort(col(model, "name"), Qt.SortOrder.AscendingOrder)
    first = model.id_at(0)
    view.selectionModel().setCurrentIndex(
        model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    other = sqlite3.connect(store.path)
    other.execute("UPDATE projects SET name = 'zzz last' WHERE id = ?", (first,))
    other.commit()
    other.close()
    finish(qtbot, model)  # the thread reads the new order: it differs from the head shown
    assert list(model.ids) == plain(store, "name")
    assert model.ids[-1] == first
    assert view.selectionModel().currentIndex().row() == N - 1  # moved with its record


def test_a_second_sort_while_the_first_fills(qtbot, store):
    model = RecordTableModel(store, "projects", Lookups(store))
    model.sort(col(model, "name"), Qt.SortOrder.AscendingOrder)
    model._begin_fill()  # the first fill is running
    first = model._fill
    model.sort(col(model, "amount"), Qt.SortOrder.DescendingOrder)
    assert first.cancelled and model._fill is not first
    assert shown(model) == plain(store, "amount", True)
    # The reverse of a filling order reuses the same fill.
    filling = model._fill
    model.sort(col(model, "amount"), Qt.SortOrder.AscendingOrder)
    assert model._fill is filling
    assert shown(model) == plain(store, "amount")
    finish(qtbot, model)
    assert list(model.ids) == plain(store, "amount")
    qtbot.wait(50)  # the cancelled fill's end changes nothing
    assert list(model.ids) == plain(store, "amount")
    # Once read, both directions come from the cache, without a thread.
    model.sort(col(model, "amount"), Qt.SortOrder.DescendingOrder)
    assert not model.filling() and list(model.ids) == plain(store, "amount", True)


@pytest.mark.parametrize("flt", [Filter(status=("pipeline",)), Filter(text="river"),
                                 Filter(region=("BY-MI", "BY-HM"))], ids=str)  # fmt: skip
def test_filters_and_search_during_and_after_a_fill(qtbot, store, flt):
    model = RecordTableModel(store, "projects", Lookups(store))
    model.sort(col(model, "planned_end"), Qt.SortOrder.DescendingOrder)
    assert model.filling()
    model.set_filter(flt)
    assert not model.filling()
    assert list(model.ids) == plain(store, "planned_end", True, flt)
    assert model.rowCount() == len(plain(store, "id", False, flt))
    model.set_filter(Filter())
    assert model.rowCount() == N and shown(model) == plain(store, "planned_end", True)
    finish(qtbot, model)


def test_inserting_and_deleting_during_a_fill_requery(qtbot, store):
    model = RecordTableModel(store, "projects", Lookups(store))
    model.sort(col(model, "name"), Qt.SortOrder.AscendingOrder)
    banks = [r["id"] for r in store.rows("banks")]
    row = next(_rows(banks, 1))
    new = store.insert("projects", {**row, "code": "P-NEW", "name": "AAA new"}, user="t")
    store.delete("projects", plain(store, "name")[-1], expected_version=None, user="t")
    model.requery()
    assert model.rowCount() == N
    assert model.id_at(0) == new
    assert shown(model) == plain(store, "name")
    finish(qtbot, model)
    assert list(model.ids) == plain(store, "name")


def test_a_jump_past_the_head_of_a_name_order_reads_its_page_by_offset(qtbot, store):
    model = RecordTableModel(store, "projects", Lookups(store))
    model.sort(col(model, "bank_id"), Qt.SortOrder.DescendingOrder)
    expected = by_bank_name(store, True)
    assert model.id_at(N - 1) == expected[-1]
    assert shown(model) == expected
    assert model.filling()  # nothing waited for the thread
    finish(qtbot, model)
    assert list(model.ids) == expected


def test_the_same_sort_again_while_filling_changes_nothing_unless_the_file_did(qtbot, store):
    """Qt's sortByColumn sorts twice; the second, identical sort costs nothing."""
    model = RecordTableModel(store, "projects", Lookups(store))
    relaid = []
    model.layoutChanged.connect(lambda *_: relaid.append(1))
    name = col(model, "name")
    model.sort(name, Qt.SortOrder.AscendingOrder)
    fill = model._fill
    model.sort(name, Qt.SortOrder.AscendingOrder)
    assert len(relaid) == 1 and model._fill is fill
    pk = model.id_at(0)
    store.update("projects", pk, {"name": "zzz now last"}, expected_version=None, user="t")
    model.sort(name, Qt.SortOrder.AscendingOrder)  # the file changed: sorted again
    assert len(relaid) == 2 and model._fill is not fill and fill.cancelled
    assert shown(model) == plain(store, "name") and model.id_at(N - 1) == pk
    finish(qtbot, model)


@pytest.mark.parametrize("fast", [False, True], ids=["small table", "fill path"])
@pytest.mark.parametrize("kind", ["projects", "residents", "ventures"])
def test_every_column_of_every_kind_sorts_as_it_reads(qtbot, demo_store, monkeypatch, kind, fast):
    """Linked columns by the name shown (case-blind), the rest by the stored value; ties by id."""
    if fast:
        monkeypatch.setattr(id_lists, "SMALL", 0)
    lookups = Lookups(demo_store)
    model = RecordTableModel(demo_store, kind, lookups)
    n = model.rowCount()
    for c, f in enumerate(model.fields):
        if not model.sortable(c):  # computed per page (share of plan, reasons): not sortable
            before = list(model.ids)
            model.sort(c, Qt.SortOrder.AscendingOrder)
            assert list(model.ids) == before
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(c, order)
            assert model.rowCount() == n
            ids = list(model.ids)
            recs = [demo_store.get(kind, pk) for pk in ids]
            if lookups.name_map(f) is not None:
                keys = [
                    (r[f.name] is not None, lookups.display(f, r[f.name]).casefold(), r["id"])
                    for r in recs
                ]
            else:
                keys = [
                    (r[f.name] is not None, r[f.name] if r[f.name] is not None else 0, r["id"])
                    for r in recs
                ]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), (
                f.name,
                order,
            )
    finish(qtbot, model)


def test_a_background_read_that_fails_falls_back_to_the_windows_connection(qtbot, store, tmp_path):
    model = RecordTableModel(store, "projects", Lookups(store))
    real = store.path
    store.path = tmp_path / "moved-away.sqlite3"  # the background read cannot open it
    try:
        model.sort(col(model, "planned_end"), Qt.SortOrder.AscendingOrder)
        fill = model._fill
        finish(qtbot, model)
    finally:
        store.path = real
    assert isinstance(fill.error, StoreError) and "does not exist" in str(fill.error)
    assert list(model.ids) == plain(store, "planned_end")
    assert shown(model) == plain(store, "planned_end")


@pytest.mark.parametrize("descending", [False, True])
def test_money_sorts_by_value_in_the_reporting_currency_before_and_after_the_fill(
    qtbot, store, descending
):
    """Amounts in several currencies (one without a rate) order by their value in the
    reporting currency at the as-of date: the head, a record's row (rank) during the
    fill, the pages after it and the whole order agree."""
    for cur, per_usd in (("EUR", 0.8), ("CNY", 7.0)):
        store.insert("fx_rates", {"currency": cur, "date": "2020-01-01", "per_usd": per_usd},
                     user="t")  # fmt: skip
    currencies = ("USD", "EUR", "CNY", "GBP")
    with store.write():
        for pk in range(1, N + 1):
            store.update("projects", pk, {"currency": currencies[pk % 4]}, expected_version=None,
                         user="t")  # fmt: skip
    factor = {"USD": 1.0, "EUR": 1 / 0.8, "CNY": 1 / 7}

    def key(r):  # noqa: ANN001
        f = factor.get(r["currency"])
        return (0, 0.0, r["id"]) if f is None else (1, r["amount"] * f, r["id"])

    recs = store.rows("projects")
    expected = [r["id"] for r in sorted(recs, key=key, reverse=descending)]
    assert expected != plain(store, "amount", descending)
    model = RecordTableModel(store, "projects", Lookups(store))
    model.set_reporting("USD", "2026-01-01")
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(col(model, "amount"), order)
    assert model.filling()
    assert [model.id_at(r) for r in range(2 * PAGE_SIZE)] == expected[: 2 * PAGE_SIZE]
    assert [model.row_of(pk) for pk in expected[::37]] == list(range(0, N, 37))
    finish(qtbot, model)
    assert list(model.ids) == expected
    assert shown(model) == expected
