"""The table model over one kind of record: a thin Qt adapter over the Qt-free
record view (:class:`tracker.services.record_view.RecordView`), which holds the
sorted ids of what the filter selects and reads rows a page at a time (Anki's
browser model, sqlitebrowser's RowCache, calibre's ``db/view.py``).

What is left here is what Qt needs: a row's cell texts are formatted once, the
first time the view paints it, and kept with its page, so repainting (hover,
selection, a scroll of a few rows) returns stored strings and a jump formats only
the rows it shows (§9 scroll); the pages around the shown ones are read when the
view stands still; the background order fill (§9 sort) runs on the window's
operations runner, and when it lands the view is re-laid out so every shown or
selected record keeps its row.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    Qt,
    QTimer,
)

from tracker.domain import codelists
from tracker.domain.fields import (
    DATE,
    ENUM,
    INT,
    MAIN_KINDS,
    MONEY,
    REAL,
    TEXT,
    Field,
    Kind,
    kind_of,
    stored_value_problem,
)
from tracker.domain.filters import Filter
from tracker.domain.money import SCALE
from tracker.services import attention
from tracker.services.record_view import MAX_PAGES, PAGE_SIZE, Job, OrderFill, Page, RecordView
from tracker.store import Store
from tracker.store.sqlite_store import pk_of
from tracker.ui.formatting import format_count  # noqa: F401 - the table pane takes it from here
from tracker.ui.i18n import date_formatter
from tracker.ui.messages import invalid_value_tip
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.roles import CODE_ROLE, ID_ROLE
from tracker.ui.operations import QueryOp

__all__ = ["MAX_PAGES", "PAGE_SIZE", "RecordTableModel", "format_count", "format_money"]

#: A background order starts after the first page is painted, or after this long.
FILL_START_MS = 150
#: The view stood still this long: the pages around the shown ones are read then.
AHEAD_IDLE_MS = 60

#: Columns the table shows per main kind (reference kinds show all their fields): what
#: identifies a record, its status and money first, so they are in view without scrolling.
TABLE_COLUMNS = {
    "projects": ("code", "name", "status", "attention", "amount", "disbursed", "progress_pct",
                 "plan_share", "sector", "bank_id", "region", "planned_end"),
    "residents": ("name", "status", "declared_investment", "invested_to_date", "jobs_created",
                  "zone_id", "country", "sector", "registered_on"),
    "ventures": ("name", "kind", "status", "charter_capital", "foreign_share_pct",
                 "partner_country", "sector", "region", "established_on"),
}  # fmt: skip
#: A derived column of ventures that is not an editable field.
VENTURE_KIND = Field("kind", "Kind", ENUM, choices=codelists.VENTURE_KINDS)
#: Columns of projects computed per page, not stored (tracker.services.project_columns):
#: disbursed as a share of the plan due so far, and why the project needs attention.
COMPUTED_FIELDS = {
    "plan_share": Field("plan_share", QT_TRANSLATE_NOOP("Field", "Disbursed of plan, %"), REAL,
                        decimals=1),
    "attention": Field("attention", QT_TRANSLATE_NOOP("Field", "Needs attention"), TEXT),
}  # fmt: skip
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
    return tuple(VENTURE_KIND if n == "kind" else COMPUTED_FIELDS.get(n) or kind.field(n)
                 for n in names)  # fmt: skip


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


def format_number(value: Any, f: Field, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    loc = locale or QLocale()
    if f.type == INT:
        return format_count(value, loc)
    text = loc.toString(float(value), "f", f.decimals)  # up to the decimals it is stored with
    return text.rstrip("0").rstrip(loc.decimalPoint()) if loc.decimalPoint() in text else text


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
        # The view calls back through a weak reference: no cycle holds this QObject, so the
        # cycle collector (which may run on a worker thread) never deletes it.
        me = weakref.ref(self)

        def call(name: str, default: Any = None) -> Callable[..., Any]:
            def back(*args: Any) -> Any:
                model = me()
                return getattr(model, name)(*args) if model is not None else default

            return back

        self.view = RecordView(store, self.kind, fields=self.fields, columns=cols,
                               namer=call("_namer"), background=call("_background"),
                               on_filled=call("_on_filled"), on_drop=call("_forget_page"))  # fmt: skip
        #: Bumped at every new order (a deferred re-layout for an older one is dropped).
        self._generation = 0
        self._pending_relayout: tuple[dict[int, Any], int, int] | None = None
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
        #: Stored values that break the rules (the start-up check, row_check): pk ->
        #: {field: why}; such cells, and any a formatter cannot show, are marked ⚠.
        self.invalid: dict[Any, dict[str, str]] = {}
        self._tips: dict[tuple[Any, int], str] = {}
        self.requery()

    # ------------------------------------------------------ the view's state
    @property
    def flt(self) -> Filter:
        return self.view.flt

    @property
    def sort_field(self) -> str | None:
        return self.view.sort_field

    @property
    def descending(self) -> bool:
        return self.view.descending

    @property
    def _fill(self) -> OrderFill | None:
        return self.view.fill

    @property
    def _pages(self) -> Any:
        return self.view.pages

    @property
    def _n(self) -> int:
        return self.view.n

    def _namer(self, f: Field) -> Callable[[Any], str] | None:
        if self.lookups.name_map(f) is None:
            return None
        return lambda v: self.lookups.display(f, v)

    def _background(self, work: Callable[..., Any], on_done: Callable[[Job], None]) -> Job:
        """The whole-order read as a QueryOp of the window's operations runner."""
        op: QueryOp[Any] = QueryOp(self, self.store, work, title="order", long=True)
        op.success(lambda _r: on_done(op)).failure(lambda _e: on_done(op))
        return op.run_in_background()

    # ------------------------------------------------------------- queries
    def requery(self) -> None:
        """Ask the store again for the ids the filter selects, in the sort order."""
        self.beginResetModel()
        self._clear_pages()
        self._order(None)
        self.endResetModel()

    def _order(self, n: int | None) -> None:
        self._generation += 1
        if self.view.order(n):
            # Started once the first page is painted (see _load_page), so the read does
            # not compete with that paint; at the latest after FILL_START_MS.
            QTimer.singleShot(FILL_START_MS, self, self._begin_fill)

    def _begin_fill(self) -> None:
        self.view.begin_fill()

    def close(self) -> None:
        """Stop a background order (the pane is closing)."""
        self.view.stop_fill()

    def filling(self) -> bool:
        """Whether the complete order is still being read in the background."""
        return self.view.fill is not None

    def _on_filled(self, fill: OrderFill) -> None:
        if fill is self.view.fill:
            self._adopt(now=True)

    def _adopt(self, *, now: bool) -> None:
        """Take the finished order as the rows; re-lay out the view if rows moved (``now``:
        at once, else from the event loop, since this may run inside a paint)."""
        moved = self.view.adopt()
        if moved is None:
            return
        seen, old_n = moved
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
        if len(self.view.ids) != old_n:
            self.beginResetModel()
            self._clear_pages()
            self.view.n = len(self.view.ids)
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

    def set_reporting(self, currency: str, as_of: str) -> None:
        """Money columns sort by value in ``currency`` at the rates of ``as_of``; a table
        sorted by one is ordered again when they change."""
        if self.view.reporting == (currency, as_of):
            return
        self.view.reporting = (currency, as_of)
        if self.sorted_by_money():
            self.requery()

    def sorted_by_money(self) -> bool:
        f = next((f for f in self.fields if f.name == self.view.sort_field), None)
        return f is not None and f.type == MONEY

    def set_filter(self, flt: Filter) -> None:
        if flt != self.view.flt:
            self.view.flt = flt
            self.requery()

    def compute(self, columns: Sequence[str]) -> None:
        """Compute only these of the columns computed per page (the others stay empty)."""
        if self.view.compute(columns):
            self._clear_pages()
            if self._n:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._n - 1, len(self.fields) - 1))  # fmt: skip

    def sortable(self, column: int) -> bool:
        """Whether the table can be ordered by a column (not by one computed per page)."""
        return 0 <= column < len(self.fields) and self.fields[column].name not in self.view.computed

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.fields):
            return
        name = self.fields[column].name
        if name in self.view.computed:
            return  # computed per page: a million rows cannot be ordered by it
        descending = order == Qt.SortOrder.DescendingOrder
        view = self.view
        if view.same_order_filling(name, descending):
            return  # the order shown, still being read, of unchanged data (Qt sorts twice)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        new = []
        if self.paged and name == view.sort_field and descending != view.descending:
            # The reverse of the order shown: row r moves to n - 1 - r, nothing read again.
            n = view.n
            view.descending = descending
            self._generation += 1
            self._shown.clear()
            self._asked = None
            view.reverse()
            new = [self.index(n - 1 - i.row(), i.column()) for i in old]
        else:
            old_ids = [self.id_at(i.row()) for i in old]
            view.sort_field = name
            view.descending = descending
            self._clear_pages()
            self._order(view.n)
            # Selected records keep their selection at their new rows.
            for i, pk in zip(old, old_ids, strict=True):
                row = self.row_of(pk) if pk is not None else -1
                new.append(self.index(row, i.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --------------------------------------------------------------- rows
    @property
    def ids(self) -> Sequence[Any]:
        """Every row's id in order (waits for a background order still being read)."""
        if self.view.fill is not None:
            self._adopt(now=False)
        return self.view.ids

    def id_at(self, row: int) -> Any:
        view = self.view
        if (view.fill is not None and 0 <= row < view.n and row not in view.known_rows
                and view.page_ids(row // PAGE_SIZE) is None):  # fmt: skip
            self._adopt(now=False)  # the fill ended but was not taken yet
        return view.id_at(row)

    def row_of(self, pk: Any) -> int:
        """Row of a record in the current order, -1 if the filter hides it."""
        if self.view.fill is not None:
            row = self.view.row_while_filling(pk)
            if row is not None:
                return row
            self._adopt(now=False)  # the whole order is needed: wait for it
        return self.view.index_of(pk)

    def _page_ids(self, page_no: int) -> Sequence[Any]:
        ids = self.view.page_ids(page_no)
        if ids is None:  # the fill ended but was not taken yet
            self._adopt(now=False)
            ids = self.view.page_ids(page_no)
        return ids or ()

    def record(self, row: int) -> dict[str, Any] | None:
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._page(page_no)
        return page.records[offset] if offset < len(page.records) else None

    def _page(self, page_no: int) -> Page:
        page = self.view.cached(page_no)
        if page is None:
            return self._load_page(page_no)
        return page

    def _load_page(self, page_no: int, *, ahead: bool = False) -> Page:
        fill = self.view.fill
        if fill is not None and not fill.started:
            QTimer.singleShot(0, self, self._begin_fill)  # after the paint that asks for it
        if not ahead:
            lo, hi = self._asked or (page_no, page_no)
            self._asked = (min(lo, page_no), max(hi, page_no))
            self._ahead_timer.start()  # restarted by every page a paint asks for
        return self.view.load(page_no, self._page_ids(page_no))

    def _read_ahead(self) -> None:
        """Idle: the pages just before and after those shown, fetched and formatted."""
        asked, self._asked = self._asked, None
        if asked is None or self.view.fill is not None or self.store.closed:
            return  # (while an order fills, a page off the head costs an index walk)
        n = self.view.n
        for page_no in (asked[1] + 1, asked[0] - 1):
            start = page_no * PAGE_SIZE
            if 0 <= start < n and page_no not in self.view.pages:
                self._load_page(page_no, ahead=True)
                for row in range(start, min(start + PAGE_SIZE, n)):
                    self.texts(row)

    def _forget_page(self, page_no: int) -> None:
        for row in range(page_no * PAGE_SIZE, (page_no + 1) * PAGE_SIZE):
            self._shown.pop(row, None)

    def _drop_page(self, page_no: int) -> None:
        self.view.drop_page(page_no)

    def _clear_pages(self) -> None:
        self.view.clear_pages()
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
            try:
                texts = tuple(fmt(rec) for fmt in self._formatters)
            except Exception:  # noqa: BLE001 - a value another program wrote ('abc' as amount)
                texts = self._marked_texts(rec)
            else:
                if self.invalid and rec.get(self.pk) in self.invalid:
                    texts = self._marked_texts(rec)
            page.texts[offset] = texts
            self._shown[row] = texts
        return texts

    def _marked_texts(self, rec: dict[str, Any]) -> tuple[str, ...]:
        """A row holding values that break the rules: each such cell shows the stored value
        marked ⚠, its tooltip says why; the other cells as usual."""
        pk = rec.get(self.pk)
        known = self.invalid.get(pk, {})
        out = []
        for i, (f, fmt) in enumerate(zip(self.fields, self._formatters, strict=True)):
            computed = f.name in self.view.computed
            why = (
                None if computed else known.get(f.name) or stored_value_problem(f, rec.get(f.name))
            )
            if why is None:
                try:
                    out.append(fmt(rec))
                    continue
                except Exception:  # noqa: BLE001
                    why = "cannot be shown"
            value = rec.get(f.name)
            shown = f"{len(value)} bytes" if isinstance(value, bytes) else str(value)
            out.append(f"⚠ {shown[:60]}")
            self._tips[(pk, i)] = invalid_value_tip(shown[:60], why)
        return tuple(out)

    def set_invalid(self, cells: dict[Any, dict[str, str]]) -> None:
        """The start-up check's broken values of this table: mark them."""
        self.invalid = cells
        self._tips.clear()
        self.refresh_all()

    def _formatter(self, f: Field) -> Callable[[dict[str, Any]], str]:
        """How a column's cell text is made from its record, decided once per column."""
        name, loc, lookups = f.name, self._locale, self.lookups
        if f is COMPUTED_FIELDS["attention"]:
            # The worklist's reasons in the window's language (as widgets.attention_strip's
            # reason_label, context "Attention"), translated once per reason.
            labels = {r: QCoreApplication.translate("Attention", text)
                      for r, text in attention.REASON_LABELS.items()}  # fmt: skip
            return lambda rec: ", ".join(labels[r] for r in rec.get(name) or ())
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
        if role == _TOOLTIP_ROLE and self._tips:
            tip = self._tips.get((self.id_at(row), column))
            if tip is not None:
                return tip
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
