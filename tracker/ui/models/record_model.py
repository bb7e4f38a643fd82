"""The table model over one kind of record.

It holds only the sorted primary keys of what the filter selects (SQL sorts
and filters via ``store.query_ids``) and reads rows a page at a time, when
``data()`` asks, into a small LRU cache — so a million-row file opens and
scrolls without being loaded (Anki's browser model, sqlitebrowser's RowCache).
A row's cell texts are formatted once, the first time the view paints it, and
kept with its page, so repainting (hover, selection, a scroll of a few rows)
returns stored strings and a jump formats only the rows it shows (§9 scroll).

Sorting a large table by a header does not wait for the whole ordered id list
(§9 sort): the first pages come from a LIMIT over the column's index, the
complete list from a thread (:class:`tracker.store.perf_ids.OrderFill`); until
it arrives a page is read by OFFSET over the index and a record's row is its
rank (counts over the index). The row count does not change by sorting. A
linked column (bank, zone, sector, region, country) sorts by the name it shows.
"""

from __future__ import annotations

import contextlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    Qt,
    QTimer,
    Signal,
)

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
from tracker.domain.money import SCALE
from tracker.store import Store, perf_ids
from tracker.store.sqlite_store import pk_of
from tracker.ui.i18n import date_formatter
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.roles import CODE_ROLE, ID_ROLE

#: Rows read at a time: a jump shows ~26 rows, so smaller pages read less per jump.
PAGE_SIZE = 50
MAX_PAGES = 48
#: A background order starts after the first page is painted, or after this long.
FILL_START_MS = 150
#: The view stood still this long: the pages around the shown ones are read then.
AHEAD_IDLE_MS = 60

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
_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                    Qt.ItemDataRole.TextAlignmentRole, CODE_ROLE, ID_ROLE))  # fmt: skip


def table_fields(kind: Kind) -> tuple[Field, ...]:
    names = TABLE_COLUMNS.get(kind.name)
    if names is None:
        return kind.fields
    return tuple(VENTURE_KIND if n == "kind" else kind.field(n) for n in names)


def format_money(minor: int | None, currency: str | None, locale: QLocale | None = None) -> str:
    """Minor units as locale-formatted decimal units followed by the currency code.

    The same text as ``format_amount(from_minor(minor))``, by integer arithmetic
    (a tenth of the Decimal path's time; two money cells a row, §9 scroll).
    """
    if minor is None:
        return ""
    loc = locale or QLocale()
    units, cents = divmod(abs(int(minor)), SCALE)
    text = f"{units:,}.{cents:02d}".replace(",", "\0").replace(".", loc.decimalPoint())
    text = ("-" if int(minor) < 0 else "") + text.replace("\0", loc.groupSeparator())
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


def _as_ids(order: Any, descending: bool) -> array:
    out = array("q")
    out.frombytes((order[::-1] if descending else order).tobytes())
    return out


class RecordTableModel(QAbstractTableModel):
    #: A background order ended (emitted from its thread, handled on the model's).
    _filled = Signal(object)

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
        #: Rows shown: len(self._ids), or while a fill runs the count known before it.
        self._n = 0
        self._fill: perf_ids.OrderFill | None = None
        self._groups: perf_ids.Groups | None = None
        #: While a fill runs: ids of the pages read so far, and rows found by rank.
        self._known: dict[int, array] = {}
        self._known_rows: dict[int, Any] = {}
        #: Bumped at every new order (a deferred re-layout for an older one is dropped).
        self._generation = 0
        self._pending_relayout: tuple[dict[int, Any], int, int] | None = None
        self._filled.connect(self._on_filled, Qt.ConnectionType.QueuedConnection)
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        #: Texts of the formatted rows of the cached pages, by row: what a paint reads.
        self._shown: dict[int, tuple[str, ...]] = {}
        #: Pages painted since the view last stood still, and the idle timer that then
        #: reads and formats the pages before and after them (a scroll step finds them).
        self._asked: tuple[int, int] | None = None
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setInterval(AHEAD_IDLE_MS)
        self._ahead_timer.timeout.connect(self._read_ahead)
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
        self._clear_pages()
        self._order(None)
        self.endResetModel()

    def _order(self, n: int | None) -> None:
        """Set the row order for the filter and sort: at once, or the head now and the
        rest from a thread (a large whole table sorted by a column; ``n`` rows if known)."""
        self._generation += 1
        self._groups = self._name_groups()
        col = self.sort_field
        fillable = (self.paged and self.pk == "id" and col is not None and col != self.pk
                    and not self.store.where(self.table, self.flt)[0])  # fmt: skip
        conn = self.store.conn
        if fillable:
            if n is None:
                n = self.store.count(self.table)
            if n >= perf_ids.SMALL:
                order = perf_ids.sort_cache(self.store).peek(conn, self.table, col, self._groups)
                if order is not None:
                    self._stop_fill()
                    self._set_ids(_as_ids(order, self.descending))
                    return
                self._start_fill(col, n)
                return
        elif self._fill is not None and self._fill.key == (self.table, col, self._groups):
            # A filter on the column being filled: its order is half read, finish it.
            with contextlib.suppress(Exception):
                perf_ids.sort_cache(self.store).put(conn, self._fill, self._fill.wait())
        self._stop_fill()
        self._set_ids(self._query())

    def _start_fill(self, col: str, n: int) -> None:
        conn = self.store.conn
        key = (self.table, col, self._groups)
        fill = self._fill
        stamp = perf_ids.stamp(conn)
        if fill is None or fill.key != key or fill.cancelled or fill.stamp != stamp:
            # (A running fill of the same column serves the reverse order too.)
            self._stop_fill()
            fill = perf_ids.OrderFill(self.store.path, table=self.table, pk=self.pk, column=col,
                                      groups=self._groups, stamp=stamp,
                                      on_done=self._emit_filled)  # fmt: skip
            # Started once the first page is painted (see _load_page), so the thread does
            # not compete with that paint; at the latest after FILL_START_MS.
            QTimer.singleShot(FILL_START_MS, self, self._begin_fill)
        self._fill = fill
        self._ids = array("q")
        self._n = n
        self._known, self._known_rows = {}, {}
        self._read_head()

    def _read_head(self) -> None:
        """The first pages' ids, by LIMIT over the sort column's index (well under 1 ms)."""
        assert self.sort_field is not None
        head = perf_ids.head_ids(self.store.conn, table=self.table, pk=self.pk,
                                 column=self.sort_field, descending=self.descending,
                                 limit=2 * PAGE_SIZE, groups=self._groups)  # fmt: skip
        for start in range(0, len(head), PAGE_SIZE):
            self._known[start // PAGE_SIZE] = head[start : start + PAGE_SIZE]

    def _begin_fill(self) -> None:
        if self._fill is not None:
            self._fill.start()

    def _set_ids(self, ids: Sequence[Any]) -> None:
        self._ids = ids
        self._n = len(ids)
        self._known, self._known_rows = {}, {}

    def _stop_fill(self) -> None:
        if self._fill is not None:
            self._fill.cancel()
            self._fill = None

    def close(self) -> None:
        """Stop a background order (the pane is closing)."""
        self._stop_fill()

    def filling(self) -> bool:
        """Whether the complete order is still being read by a thread."""
        return self._fill is not None

    def _emit_filled(self, fill: perf_ids.OrderFill) -> None:
        with contextlib.suppress(RuntimeError):  # the model may be gone already
            self._filled.emit(fill)

    def _on_filled(self, fill: perf_ids.OrderFill) -> None:
        if fill is self._fill and self.store.conn is not None:  # (not after the file closed)
            self._adopt(now=True)

    def _adopt(self, *, now: bool) -> None:
        """Take the finished (or, waiting for it, finishing) order as the rows.

        The rows read before it (by LIMIT, OFFSET or rank) agree with it unless the
        file changed meanwhile; then the view is re-laid out so every shown or
        selected record stays with its row (``now``: at once, else from the event
        loop, since this may run inside a paint).
        """
        fill = self._fill
        assert fill is not None
        self._fill = None
        try:
            order = fill.wait()
        except Exception:  # noqa: BLE001 - interrupted or failed: read the order here instead
            ids = self._query()
        else:
            perf_ids.sort_cache(self.store).put(self.store.conn, fill, order)
            ids = _as_ids(order, self.descending)
        seen = dict(self._known_rows)
        for page_no, part in self._known.items():
            seen.update(
                zip(range(page_no * PAGE_SIZE, page_no * PAGE_SIZE + len(part)), part, strict=True)
            )
        old_n = self._n
        self._ids = ids
        self._known, self._known_rows = {}, {}
        if len(ids) == old_n and all(ids[r] == pk for r, pk in seen.items() if r < len(ids)):
            return
        self._pending_relayout = (seen, old_n, self._generation)
        if now:
            self._relayout()
        else:
            QTimer.singleShot(0, self, self._relayout)

    def _relayout(self) -> None:
        pending, self._pending_relayout = self._pending_relayout, None
        if pending is None:
            return
        seen, old_n, generation = pending
        if generation != self._generation:
            return  # a newer order has replaced this one
        if len(self._ids) != old_n:
            self.beginResetModel()
            self._clear_pages()
            self._n = len(self._ids)
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        self._clear_pages()
        old = self.persistentIndexList()
        new = []
        for i in old:
            pk = seen.get(i.row())
            row = self.row_of(pk) if pk is not None else i.row()
            new.append(self.index(row, i.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _name_groups(self) -> perf_ids.Groups | None:
        """A linked column's values grouped and ordered by the names the table shows."""
        if not self.paged or self.sort_field is None:
            return None
        f = next((f for f in self.fields if f.name == self.sort_field), None)
        if f is None or self.lookups.name_map(f) is None:
            return None
        perf_ids.check_names(self.store, self.table, f.name)
        values = perf_ids.distinct_values(self.store.conn, self.table, f.name)
        return perf_ids.name_groups(values, lambda v: self.lookups.display(f, v))

    def _query(self) -> Sequence[Any]:
        if self.paged:
            if self._groups is not None and self.sort_field is not None:
                return perf_ids.ordered_ids(self.store, self.table, self.flt, pk=self.pk,
                                            column=self.sort_field, groups=self._groups,
                                            descending=self.descending)  # fmt: skip
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
        name = self.fields[column].name
        descending = order == Qt.SortOrder.DescendingOrder
        fill = self._fill
        if (fill is not None and self.paged and (name, descending) == (self.sort_field, self.descending)
                and fill.stamp == perf_ids.stamp(self.store.conn)):  # fmt: skip
            return  # the order shown, still being read, of unchanged data (Qt sorts twice)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        new = []
        if self.paged and name == self.sort_field and descending != self.descending:
            # The reverse of the order shown (exact: ties are ordered by id both ways):
            # row r moves to n - 1 - r and nothing is read again.
            n = self._n
            self.descending = descending
            self._reverse()
            new = [self.index(n - 1 - i.row(), i.column()) for i in old]
        else:
            old_ids = [self.id_at(i.row()) for i in old]
            self.sort_field = name
            self.descending = descending
            self._clear_pages()
            self._order(self._n)
            # Selected records keep their selection at their new rows.
            for i, pk in zip(old, old_ids, strict=True):
                row = self.row_of(pk) if pk is not None else -1
                new.append(self.index(row, i.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _reverse(self) -> None:
        self._generation += 1
        self._clear_pages()
        if self._fill is None:
            self._ids = self._ids[::-1]
            return
        n = self._n
        rows = {n - 1 - r: pk for r, pk in self._known_rows.items()}
        for page_no, part in self._known.items():
            for k, pk in enumerate(part):
                rows[n - 1 - (page_no * PAGE_SIZE + k)] = pk
        self._known_rows = rows
        self._known = {}
        self._read_head()

    # --------------------------------------------------------------- rows
    @property
    def ids(self) -> Sequence[Any]:
        """Every row's id in order (waits for a background order still being read)."""
        if self._fill is not None:
            self._adopt(now=False)
        return self._ids

    def id_at(self, row: int) -> Any:
        if not 0 <= row < self._n:
            return None
        if self._fill is None:
            return self._ids[row] if row < len(self._ids) else None
        pk = self._known_rows.get(row)
        if pk is not None:
            return pk
        ids = self._page_ids(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return ids[offset] if offset < len(ids) else None

    def row_of(self, pk: Any) -> int:
        """Row of a record in the current order, -1 if the filter hides it."""
        if self._fill is not None:
            row = self._row_while_filling(pk)
            if row is not None:
                return row
        try:
            return self._ids.index(pk)
        except (ValueError, TypeError):
            return -1

    def _row_while_filling(self, pk: Any) -> int | None:
        """A record's row before the whole order is there: a page read already, or its
        rank by counts over the index; None after waiting for the order instead."""
        for row, known in self._known_rows.items():
            if known == pk:
                return row
        for page_no, part in self._known.items():
            with contextlib.suppress(ValueError, TypeError):
                return page_no * PAGE_SIZE + part.index(pk)
        assert self._fill is not None and self.sort_field is not None
        rank = perf_ids.rank_of(self.store.conn, table=self.table, pk=self.pk,
                                column=self.sort_field, key=pk, groups=self._groups)  # fmt: skip
        if rank is not None and rank < self._n:
            if rank < 0:
                return -1
            row = self._n - 1 - rank if self.descending else rank
            self._known_rows[row] = pk
            return row
        self._adopt(now=False)  # a name no group has, or rows added meanwhile: wait
        return None

    def _page_ids(self, page_no: int) -> Sequence[Any]:
        start = page_no * PAGE_SIZE
        if self._fill is not None:
            part = self._known.get(page_no)
            if part is not None:
                return part
            if not self._fill.done():
                assert self.sort_field is not None
                # One walk over the index for this page and the next (a view showing
                # rows from the middle usually straddles two pages).
                both = perf_ids.head_ids(self.store.conn, table=self.table, pk=self.pk,
                                         column=self.sort_field, descending=self.descending,
                                         limit=2 * PAGE_SIZE, offset=start,
                                         groups=self._groups)  # fmt: skip
                part = self._known[page_no] = both[:PAGE_SIZE]
                if len(both) > PAGE_SIZE:
                    self._known.setdefault(page_no + 1, both[PAGE_SIZE:])
                return part
            self._adopt(now=False)
        return self._ids[start : start + PAGE_SIZE]

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

    def _load_page(self, page_no: int, *, ahead: bool = False) -> _Page:
        if self._fill is not None and not self._fill.started:
            QTimer.singleShot(0, self, self._begin_fill)  # after the paint that asks for it
        if not ahead:
            lo, hi = self._asked or (page_no, page_no)
            self._asked = (min(lo, page_no), max(hi, page_no))
            self._ahead_timer.start()  # restarted by every page a paint asks for
        ids = self._page_ids(page_no)
        rows = self.store.fetch(self.table, ids, self._fetch_columns)
        page = _Page([rows.get(i) for i in ids])
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._drop_page(next(iter(self._pages)))
        return page

    def _read_ahead(self) -> None:
        """Idle: the pages just before and after those shown, fetched and formatted."""
        asked, self._asked = self._asked, None
        if asked is None or self._fill is not None or self.store.conn is None:
            return  # (while an order fills, a page off the head costs an index walk)
        for page_no in (asked[1] + 1, asked[0] - 1):
            start = page_no * PAGE_SIZE
            if 0 <= start < self._n and page_no not in self._pages:
                self._load_page(page_no, ahead=True)
                for row in range(start, min(start + PAGE_SIZE, self._n)):
                    self.texts(row)

    def _drop_page(self, page_no: int) -> None:
        if self._pages.pop(page_no, None) is not None:
            for row in range(page_no * PAGE_SIZE, (page_no + 1) * PAGE_SIZE):
                self._shown.pop(row, None)

    def _clear_pages(self) -> None:
        self._pages.clear()
        self._shown.clear()
        self._asked = None

    def texts(self, row: int) -> tuple[str, ...] | None:
        """The row's cell texts as shown (formatted on first use, then kept with its page)."""
        if not 0 <= row < self._n:
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
            self._shown[row] = texts
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
            return self._date_formatter(name)
        return lambda rec: lookups.display(f, rec.get(name))

    def _date_formatter(self, name: str) -> Callable[[dict[str, Any]], str]:
        """:func:`format_date`'s text of a record's date, formatter made once per column."""
        text = date_formatter(self._locale)
        return lambda rec: text(rec.get(name))

    def refresh_rows(self, pks: Sequence[Any]) -> None:
        """Re-read changed records in place (their position stays until the next sort)."""
        for pk in pks:
            row = self.row_of(pk)
            if row < 0:
                continue
            self._drop_page(row // PAGE_SIZE)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))

    def refresh_all(self) -> None:
        """Re-read every visible value (names or linked rows changed), keeping the row set."""
        self._clear_pages()
        if self._n:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._n - 1, len(self.fields) - 1))  # fmt: skip

    # ---------------------------------------------------------- Qt model
    # flags() is Qt's own (enabled, selectable, no children): a Python override is a
    # call per painted cell.

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """As Qt's, in one Python call (Qt's asks rowCount and columnCount: two per cell)."""
        if 0 <= row < self._n and 0 <= column < len(self._aligns) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._n

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
        if not (0 <= row < self._n) or not 0 <= column < len(self.fields):
            return None
        if role in (_DISPLAY_ROLE, _TOOLTIP_ROLE):
            texts = self.texts(row)
            return texts[column] if texts is not None else None
        if role == _ALIGN_ROLE:
            return self._aligns[column]
        if role == ID_ROLE:
            return self.id_at(row)
        # CODE_ROLE: the stored code of an enum cell (the status badge's colour).
        if column not in self._enum_columns:
            return None
        rec = self.record(row)
        return rec.get(self.fields[column].name) if rec is not None else None

    def multiData(self, index: QModelIndex, roles: QModelRoleDataSpan) -> None:  # noqa: N802
        """All the roles a delegate asks for a cell, in one call from Qt instead of seven.

        Qt's item delegate asks for a fixed set of seven roles (font, alignment,
        colours, check state, decoration, text, background) with fresh, empty values;
        of these the model answers only the text and the alignment, set directly
        (a third of a page's Python calls, §9 scroll). Any other request is
        answered role by role by :meth:`data`.
        """
        if roles.size() == 7:
            text, align = roles[5], roles[1]
            if text.role() == _DISPLAY_ROLE and align.role() == _ALIGN_ROLE:
                row, column = index.row(), index.column()
                if 0 <= column < len(self._aligns):
                    texts = self._shown.get(row) or self.texts(row)
                    if texts is not None:
                        text.setData(texts[column])
                    align.setData(self._aligns[column])
                return
        for slot in roles:
            value = self.data(index, slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)
