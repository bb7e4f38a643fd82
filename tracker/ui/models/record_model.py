"""The table model over one kind of record.

It holds only the sorted primary keys of what the filter selects (SQL sorts
and filters via ``store.query_ids``) and reads rows a page at a time, when
``data()`` asks, into a small LRU cache — so a million-row file opens and
scrolls without being loaded (Anki's browser model, sqlitebrowser's RowCache).
A row's cell texts are formatted once, the first time the view paints it, and
kept with its page, so repainting (hover, selection, a scroll of a few rows)
returns stored strings and a jump formats only the rows it shows (§9 scroll).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt

from tracker.domain import codelists
from tracker.domain.fields import (
    DATE,
    ENUM,
    INT,
    MAIN_KINDS,
    MONEY,
    REAL,
    Field,
    Kind,
    kind_of,
)
from tracker.domain.filters import Filter
from tracker.domain.money import format_amount, from_minor
from tracker.store import Store
from tracker.store.sqlite_store import pk_of
from tracker.ui.i18n import format_date
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.roles import CODE_ROLE, ID_ROLE

PAGE_SIZE = 100
MAX_PAGES = 24

#: Columns the table shows per main kind (reference kinds show all their fields): what
#: identifies a record, its status and money first, so they are in view without scrolling.
TABLE_COLUMNS = {
    "projects": ("code", "name", "status", "amount", "disbursed", "progress_pct", "sector",
                 "bank_id", "region", "planned_end"),
    "residents": ("name", "status", "declared_investment", "invested_to_date", "jobs_created",
                  "zone_id", "country", "sector", "registered_on"),
    "ventures": ("name", "kind", "status", "charter_capital", "foreign_share_pct",
                 "partner_country", "sector", "region", "established_on"),
}  # fmt: skip
#: A derived column of ventures that is not an editable field.
VENTURE_KIND = Field("kind", "Kind", ENUM, choices=codelists.VENTURE_KINDS)
NUMERIC = (MONEY, INT, REAL)
#: Computed once: Qt's flag enums are Python objects, slow to combine per cell.
_ALIGN_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                    Qt.ItemDataRole.TextAlignmentRole, CODE_ROLE, ID_ROLE))  # fmt: skip


def table_fields(kind: Kind) -> tuple[Field, ...]:
    names = TABLE_COLUMNS.get(kind.name)
    if names is None:
        return kind.fields
    return tuple(VENTURE_KIND if n == "kind" else kind.field(n) for n in names)


def format_money(minor: int | None, currency: str | None, locale: QLocale | None = None) -> str:
    """Minor units as locale-formatted decimal units followed by the currency code."""
    if minor is None:
        return ""
    loc = locale or QLocale()
    text = format_amount(from_minor(minor), group=loc.groupSeparator(), point=loc.decimalPoint())
    return f"{text} {currency}" if currency else text


def format_count(n: int, locale: QLocale | None = None) -> str:
    """A whole number with the locale's thousands separator (also where Qt would omit it)."""
    loc = locale or QLocale()
    return f"{int(n):,}".replace(",", loc.groupSeparator())


def format_number(value: Any, f: Field, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    loc = locale or QLocale()
    if f.type == INT:
        return format_count(value, loc)
    text = loc.toString(float(value), "f", 2)
    return text.rstrip("0").rstrip(loc.decimalPoint()) if loc.decimalPoint() in text else text


class _Page:
    """One fetched page: its rows, and each row's cell texts once a view has asked for them."""

    __slots__ = ("records", "texts")

    def __init__(self, records: list[dict[str, Any] | None]):
        self.records = records
        self.texts: list[tuple[str, ...] | None] = [None] * len(records)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, store: Store, kind: str, lookups: Lookups, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.kind = kind_of(kind)
        self.table = self.kind.name
        self.pk = pk_of(self.table)
        self.lookups = lookups
        self.fields = table_fields(self.kind)
        self.paged = self.table in MAIN_KINDS
        cols = [f.name for f in self.fields]
        if "currency" in self.store._columns(self.table) and "currency" not in cols:
            cols.append("currency")
        self._fetch_columns = cols
        self.flt = Filter()
        self.sort_field: str | None = None
        self.descending = False
        self._ids: Sequence[Any] = array("q")
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._locale = QLocale()
        self._formatters = tuple(self._formatter(f) for f in self.fields)
        self._aligns = tuple(
            _ALIGN_RIGHT if f.type in NUMERIC else _ALIGN_LEFT for f in self.fields
        )
        self._enum_columns = frozenset(i for i, f in enumerate(self.fields) if f.type == ENUM)
        self.requery()

    # ------------------------------------------------------------- queries
    def requery(self) -> None:
        """Ask the store again for the ids the filter selects, in the sort order."""
        self.beginResetModel()
        self._pages.clear()
        self._ids = self._query()
        self.endResetModel()

    def _query(self) -> Sequence[Any]:
        if self.paged:
            return self.store.query_ids(self.table, self.flt, sort=self.sort_field,
                                        descending=self.descending)  # fmt: skip
        # Reference tables are small (and some have text keys): sort in SQL, search in Python.
        col = self.sort_field or self.pk
        order = f"{col} DESC" if self.descending else col
        if col != self.pk:
            order += f", {self.pk}"
        rows = self.store.rows(self.table, order=order)
        words = self.flt.text.lower().split()
        if words:
            rows = [r for r in rows if all(any(w in str(v).lower() for v in r.values()
                                                if v is not None) for w in words)]  # fmt: skip
        return [r[self.pk] for r in rows]

    def set_filter(self, flt: Filter) -> None:
        if flt != self.flt:
            self.flt = flt
            self.requery()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.fields):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self.id_at(i.row()) for i in old]
        self.sort_field = self.fields[column].name
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self._ids = self._query()
        # Selected records keep their selection at their new rows.
        new = []
        for i, pk in zip(old, old_ids, strict=True):
            row = self.row_of(pk) if pk is not None else -1
            new.append(self.index(row, i.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --------------------------------------------------------------- rows
    @property
    def ids(self) -> Sequence[Any]:
        return self._ids

    def id_at(self, row: int) -> Any:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, pk: Any) -> int:
        """Row of a record in the current order, -1 if the filter hides it."""
        try:
            return self._ids.index(pk)
        except ValueError:
            return -1

    def record(self, row: int) -> dict[str, Any] | None:
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._page(page_no)
        return page.records[offset] if offset < len(page.records) else None

    def _page(self, page_no: int) -> _Page:
        page = self._pages.get(page_no)
        if page is None:
            return self._load_page(page_no)
        self._pages.move_to_end(page_no)
        return page

    def _load_page(self, page_no: int) -> _Page:
        ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        rows = self.store.fetch(self.table, ids, self._fetch_columns)
        page = _Page([rows.get(i) for i in ids])
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def texts(self, row: int) -> tuple[str, ...] | None:
        """The row's cell texts as shown (formatted on first use, then kept with its page)."""
        if not 0 <= row < len(self._ids):
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._page(page_no)
        if offset >= len(page.texts):
            return None
        texts = page.texts[offset]
        if texts is None:
            rec = page.records[offset]
            if rec is None:
                return None
            texts = page.texts[offset] = tuple(fmt(rec) for fmt in self._formatters)
        return texts

    def _formatter(self, f: Field) -> Callable[[dict[str, Any]], str]:
        """How a column's cell text is made from its record, decided once per column."""
        name, loc, lookups = f.name, self._locale, self.lookups
        if f.type == MONEY:
            cur = f.currency_field or "currency"
            return lambda rec: format_money(rec.get(name), rec.get(cur), loc)
        if f.type in (INT, REAL):
            return lambda rec: format_number(rec.get(name), f, loc)
        if f.type == DATE:
            return lambda rec: format_date(rec.get(name))
        return lambda rec: lookups.display(f, rec.get(name))

    def refresh_rows(self, pks: Sequence[Any]) -> None:
        """Re-read changed records in place (their position stays until the next sort)."""
        for pk in pks:
            row = self.row_of(pk)
            if row < 0:
                continue
            self._pages.pop(row // PAGE_SIZE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))

    def refresh_all(self) -> None:
        """Re-read every visible value (names or linked rows changed), keeping the row set."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.fields) - 1))  # fmt: skip

    # ---------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.fields):
            return None
        f = self.fields[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Field", f.label)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if f.type in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted page asks ~8 roles per cell; the unused ones must cost nothing (§9 scroll).
        if role not in _ROLES:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids)) or not 0 <= column < len(self.fields):
            return None
        if role in (_DISPLAY_ROLE, _TOOLTIP_ROLE):
            texts = self.texts(row)
            return texts[column] if texts is not None else None
        if role == _ALIGN_ROLE:
            return self._aligns[column]
        if role == ID_ROLE:
            return self._ids[row]
        # CODE_ROLE: the stored code of an enum cell (the status badge's colour).
        if column not in self._enum_columns:
            return None
        rec = self.record(row)
        return rec.get(self.fields[column].name) if rec is not None else None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ITEM_FLAGS
