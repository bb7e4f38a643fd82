"""The table model's paint path (§9 scroll): one call per cell answers the text
and alignment, cell texts come from integer money formatting and a date format
looked up once — and the table looks exactly as before, pixel for pixel."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
)
from PySide6.QtWidgets import QTableView

from tracker.domain.money import format_amount, from_minor
from tracker.ui import i18n
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.record_model import MAX_PAGES, PAGE_SIZE, RecordTableModel, format_money
from tracker.ui.models.roles import CODE_ROLE, ID_ROLE

LOCALES = [
    QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    QLocale(QLocale.Language.German, QLocale.Country.Germany),
]
MINORS = [0, 1, 5, 9, 10, 99, 100, 101, 12345, 100000, 99999999, 123456789012345, 10**17 - 1]


@pytest.mark.parametrize("loc", LOCALES, ids=lambda q: q.name())
def test_money_text_is_the_decimal_formatting(loc):
    for m in MINORS + [-m for m in MINORS] + [7.0, -7.0]:
        expected = format_amount(
            from_minor(m), group=loc.groupSeparator(), point=loc.decimalPoint()
        )
        assert format_money(m, "USD", loc) == f"{expected} USD", m
        assert format_money(m, None, loc) == expected, m
    assert format_money(None, "USD", loc) == ""


class Plain(RecordTableModel):
    """The model answering Qt role by role (Qt's own multiData calls data() per role)."""

    def multiData(self, index, roles):  # noqa: N802, ANN001
        QAbstractItemModel.multiData(self, index, roles)


class Counting(RecordTableModel):
    calls = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
        Counting.calls += 1
        return super().data(index, role)


def _view(qtbot, model, rows_from=0):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1100, 500)
    view.show()
    qtbot.waitExposed(view)
    view.scrollTo(model.index(rows_from, 0), QTableView.ScrollHint.PositionAtTop)
    view.viewport().repaint()
    return view


def test_the_table_paints_the_same_as_answering_role_by_role(qtbot, demo_store):
    lookups = Lookups(demo_store)
    fast, plain = (
        RecordTableModel(demo_store, "projects", lookups),
        Plain(demo_store, "projects", lookups),
    )
    for model in (fast, plain):
        model.sort([f.name for f in model.fields].index("amount"), Qt.SortOrder.DescendingOrder)
    a, b = _view(qtbot, fast).grab().toImage(), _view(qtbot, plain).grab().toImage()
    assert a.size() == b.size() and a == b


def test_a_paint_asks_data_for_no_cell(qtbot, demo_store):
    """The seven roles of each cell arrive in one multiData call: data() is not asked."""
    model = Counting(demo_store, "projects", Lookups(demo_store))
    view = _view(qtbot, model)
    Counting.calls = 0
    view.viewport().repaint()
    assert Counting.calls == 0
    # Any other request is answered role by role, exactly as data() answers it.
    idx = model.index(3, [f.name for f in model.fields].index("status"))
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                 CODE_ROLE, ID_ROLE, Qt.ItemDataRole.FontRole):  # fmt: skip
        slot = QModelRoleData(int(role))
        model.multiData(idx, QModelRoleDataSpan(slot))
        assert slot.data() == model.data(idx, int(role)), role
    assert idx.data(CODE_ROLE) and idx.data(ID_ROLE) == model.id_at(3)


def test_index_and_flags_are_qts(demo_store):
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    n, cols = model.rowCount(), model.columnCount()
    assert model.index(0, 0).isValid() and model.index(n - 1, cols - 1).isValid()
    for row, col in ((-1, 0), (n, 0), (0, cols), (0, -1)):
        assert not model.index(row, col).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()  # a table has no children
    f = model.flags(model.index(0, 0))
    assert f & Qt.ItemFlag.ItemIsEnabled and f & Qt.ItemFlag.ItemIsSelectable
    assert not f & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_dates_read_as_the_language_writes_them(qapp, demo_store, language):
    i18n.install(language, qapp)
    try:
        model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
        col = [f.name for f in model.fields].index("planned_end")
        fmt = model._formatters[col]
        for value in ("2026-11-27", "1999-01-05T10:00:00", "0999-12-31", dt.date(2030, 2, 1), None, "",
                      "not a date"):  # fmt: skip
            assert fmt({"planned_end": value}) == i18n.format_date(value), value
        shown = {model.index(r, col).data() for r in range(model.rowCount())}
        stored = {model.record(r)["planned_end"] for r in range(model.rowCount())}
        assert shown == {i18n.format_date(v) for v in stored}
    finally:
        i18n.install("en", qapp)


def test_texts_kept_for_painting_follow_the_page_cache(big_store):
    model = RecordTableModel(big_store, "projects", Lookups(big_store))
    for page in range(MAX_PAGES + 10):
        model.texts(page * 997 % model.rowCount())
    assert len(model._pages) <= MAX_PAGES
    kept = {r // PAGE_SIZE for r in model._shown}
    assert kept <= set(model._pages)
    # An edited record's row is read again, not painted from the kept texts.
    row = next(iter(model._shown))
    pk = model.id_at(row)
    big_store.update(
        "projects", pk, {"name": "Renamed for the paint test"}, expected_version=None, user="t"
    )
    model.refresh_rows([pk])
    assert row not in model._shown
    assert (
        model.index(row, [f.name for f in model.fields].index("name")).data()
        == "Renamed for the paint test"
    )


@pytest.fixture
def big_store(big_template, tmp_path):
    import shutil

    from tracker.store import Store

    p = tmp_path / "big.sqlite3"
    shutil.copy(big_template, p)
    s = Store.open(p, backup=False)
    yield s
    s.close(backup=False)
