"""The table pane: filter bar and search, the paged record table with status
badges, and a footer with the count and totals of what is shown."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import codelists
from tracker.domain.fields import COUNTRY, ENUM, INT, MAIN_KINDS, MONEY, REAL, REF, Field
from tracker.domain.filters import Filter
from tracker.domain.money import format_amount
from tracker.services import attention, portfolio
from tracker.services.changes import Change
from tracker.ui.context import AppContext
from tracker.ui.models.lookups import Lookups, status_label
from tracker.ui.models.record_model import RecordTableModel, format_count, format_money
from tracker.ui.models.totals_worker import TotalsWorker
from tracker.ui.widgets import StatusBadgeDelegate
from tracker.ui.widgets.multi_choice import MultiChoiceCombo
from tracker.ui.widgets.number_cells import NumberDelegate

#: Column widths follow the text of this many first rows (the first page, loaded anyway).
CONTENT_ROWS = 60

#: Currency codes measured for a money column's width (the widest of them is used).
CURRENCY_SAMPLES = ("USD", "EUR", "CNY", "RUB", "BYN", "KZT", "GBP", "JPY")

SEARCH_DELAY_MS = 250
#: From this many rows the footer totals are summed by a worker thread.
BACKGROUND_TOTALS_FROM = 50_000

#: Filter combos per kind: (Filter attribute, field giving names).
FILTERS = {
    "projects": ("status", "sector", "bank_id", "region"),
    "residents": ("status", "sector", "zone_id", "country"),
    "ventures": ("status", "kind", "sector", "country", "region"),
}


class FilterBar(QWidget):
    """The search and the filter boxes: on one line when they fit, else the filters on a
    line of their own below the search (a narrow window, PRODUCT: 1024×700)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterBar")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.first, self.second = QHBoxLayout(), QHBoxLayout()
        lay.addLayout(self.first)
        lay.addLayout(self.second)
        self._search: QWidget | None = None
        self._filters: list[tuple[QWidget, int]] = []
        #: Last on the line of filters, or beside the search when they are on two lines.
        self.tail: QWidget | None = None
        self.always_two = False
        self.two_lines: bool | None = None

    def set_widgets(self, search: QWidget, filters: list[tuple[QWidget, int]], *,
                    always_two: bool) -> None:  # fmt: skip
        self._search, self._filters, self.always_two = search, filters, always_two
        self.first.addWidget(search, 2)
        self._place(always_two)

    @staticmethod
    def _min_width(w: QWidget) -> int:
        return max(w.minimumWidth(), w.minimumSizeHint().width())

    def _line_width(self, widgets: list[QWidget]) -> int:
        spacing = max(self.first.spacing(), 0)
        return sum(self._min_width(w) for w in widgets) + spacing * max(len(widgets) - 1, 0)

    def _lines(self, two: bool) -> list[list[QWidget]]:
        search = [self._search] if self._search is not None else []
        tail = [self.tail] if self.tail is not None else []
        filters = [w for w, _ in self._filters]
        return [search + tail, filters] if two else [search + filters + tail]

    def one_line_width(self) -> int:
        return self._line_width(self._lines(False)[0])

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(max(self._line_width(line) for line in self._lines(True)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._place(self.always_two or event.size().width() < self.one_line_width())
        super().resizeEvent(event)

    def _place(self, two: bool) -> None:
        if two == self.two_lines:
            return
        self.two_lines = two
        target = self.second if two else self.first
        for w, stretch in [*self._filters, *([(self.tail, 0)] if self.tail is not None else [])]:
            self.first.removeWidget(w)
            self.second.removeWidget(w)
            (self.first if w is self.tail else target).addWidget(w, stretch)
        self.updateGeometry()


class TablePane(QWidget):
    #: The current record's primary key (None when nothing is selected).
    currentChanged = Signal(object)
    #: The filter the table now shows.
    filterChanged = Signal(object)

    def __init__(self, ctx: AppContext, kind: str, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lookups = lookups
        self.model = RecordTableModel(ctx.store, kind, lookups, self)
        self.model.set_reporting(ctx.currency, ctx.as_of)  # money sorts by value in it
        self.kind = self.model.kind
        self._combos: dict[str, MultiChoiceCombo] = {}
        self._totals_due = False
        self._worker: TotalsWorker | None = None
        self.totals: portfolio.Totals | None = None
        self.totals_warning: str | None = None
        self._build()
        self._fill_filter_choices()
        self.ctx.changed.connect(self._on_changed)
        self._schedule_totals()

    # ------------------------------------------------------------- layout
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.filter_bar = FilterBar(self)
        self.search = QLineEdit(self.filter_bar)
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setToolTip(self.tr("Words to find in names, codes and notes (Ctrl+F)"))
        self.search.setMinimumWidth(110)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        filters: list[tuple[QWidget, int]] = []
        for name in FILTERS.get(self.kind.name, ()):
            combo = MultiChoiceCombo(self.filter_bar)  # several at once; tooltip: all
            combo.setObjectName(f"filter_{name}")
            combo.setMinimumContentsLength(3)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.valueChanged.connect(self.apply_filter)
            self._combos[name] = combo
            filters.append((combo, 1))
        if self._combos:
            clear = QToolButton(self.filter_bar)
            clear.setObjectName("clearFilters")
            clear.setText(self.tr("Clear"))
            clear.setToolTip(self.tr("Show all records again"))
            clear.clicked.connect(self.clear_filters)
            self.filter_bar.tail = clear
        # Too many filters for one line beside the search: they get a line of their own
        # (so do the others when the pane is too narrow for one line).
        self.filter_bar.set_widgets(self.search, filters,
                                    always_two=len(FILTERS.get(self.kind.name, ())) > 4)  # fmt: skip
        lay.addWidget(self.filter_bar)

        view = QTableView(self)
        view.setObjectName("recordTable")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several projects may be selected (Ctrl/Shift+click): a brief of each, one PDF.
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection
                              if self.kind.name == "projects"
                              else QAbstractItemView.SelectionMode.SingleSelection)  # fmt: skip
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)  # Tab leaves the table (the arrows move in it)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().setVisible(False)
        vh = view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(view.fontMetrics().height() + 10)
        hh = view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.setStretchLastSection(True)
        view.setSortingEnabled(True)
        hh.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self._badges = StatusBadgeDelegate(view)
        self._numbers = NumberDelegate(view)
        fm = view.fontMetrics()
        for col, f in enumerate(self.model.fields):
            if f.type == ENUM:
                view.setItemDelegateForColumn(col, self._badges)
            view.setColumnWidth(col, self._width(f, fm, self._content_width(col, f, fm)))
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view = view
        #: Widths the columns start with; the name column gives way to keep the key columns
        #: (what identifies a record, its status and its amount) in view (see _fit_columns).
        self._widths = [view.columnWidth(c) for c in range(len(self.model.fields))]
        self._user_sized: set[int] = set()
        self._fitting = False
        hh.sectionResized.connect(self._on_section_resized)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self.show_column_menu)
        #: The header's column chooser while it is open (tests click in it).
        self.column_menu: QMenu | None = None
        view.viewport().installEventFilter(self)
        view.horizontalScrollBar().valueChanged.connect(lambda _v: self._number_cells())
        #: Numeric columns now painted by the NumberDelegate (those a number could be cut in).
        self._guarded: set[int] = set()
        self._number_cells()
        lay.addWidget(view, 1)

        foot = QHBoxLayout()
        self.footer = QLabel(self)
        self.footer.setObjectName("tableFooter")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.footer.setWordWrap(True)  # a narrow window wraps the totals, never widens for them
        self.fx_warning = QLabel(self)
        self.fx_warning.setObjectName("fxWarning")
        self.fx_warning.setStyleSheet("color: #B35900; font-weight: bold;")
        self.fx_warning.setWordWrap(True)
        self.fx_warning.hide()
        self.attention_filter = None
        if self.kind.name == "projects":  # the projects on the needs-attention worklist
            from tracker.ui.widgets.attention_filter import AttentionFilter

            self.attention_filter = AttentionFilter(self.ctx, self)
            self.attention_filter.toggled.connect(lambda _on: self.apply_filter())
            self.attention_filter.ready.connect(self.apply_filter)
            foot.addWidget(self.attention_filter, 0)
        self._show_attention_column()
        foot.addWidget(self.footer, 0)
        foot.addWidget(self.fx_warning, 1)
        lay.addLayout(foot)

    def _show_attention_column(self) -> None:
        """The reasons column shows while the "Needs attention" filter is on."""
        names = [f.name for f in self.model.fields]
        if "attention" in names:
            on = self.attention_filter is not None and self.attention_filter.isChecked()
            self.view.setColumnHidden(names.index("attention"), not on)
            self._compute_shown()

    def _compute_shown(self) -> None:
        """The reasons read each page's updates: computed only while their column shows
        (with the filter, or ticked in the header's menu)."""
        names = [f.name for f in self.model.fields]
        if "attention" in names:
            on = not self.view.isColumnHidden(names.index("attention"))
            self.model.compute([c for c in self.model.view.computed if on or c != "attention"])

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A click on a column computed per page does not sort: the indicator stays where
        the order is."""
        if column < 0 or self.model.sortable(column):
            return
        names = [f.name for f in self.model.fields]
        shown = self.model.sort_field
        hh = self.view.horizontalHeader()
        hh.blockSignals(True)
        hh.setSortIndicator(names.index(shown) if shown in names else -1,
                            Qt.SortOrder.DescendingOrder if self.model.descending
                            else Qt.SortOrder.AscendingOrder)  # fmt: skip
        hh.blockSignals(False)

    # ------------------------------------------------------------ columns
    def key_columns(self) -> list[int]:
        """The columns to keep in view: up to and including the first money column
        (code, name, status, amount for projects), or the first three."""
        fields = self.model.fields
        money = next((i for i, f in enumerate(fields) if f.type == MONEY), None)
        last = money if money is not None else min(2, len(fields) - 1)
        return list(range(last + 1))

    def _name_column(self) -> int | None:
        names = [f.name for f in self.model.fields]
        for name in ("name", "name_en"):
            if name in names:
                return names.index(name)
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and obj is self.view.viewport():
            self._fit_columns()
            self._number_cells()
        return super().eventFilter(obj, event)

    def _number_cells(self) -> None:
        """The NumberDelegate ("…" for a number that does not fit) on the numeric columns
        where one could be cut: narrower than they started, or partly past the table's
        edge. The others keep Qt's own painting (a Python paint per cell doubles the
        time of a jump through a large table)."""
        view = self.view
        right = view.viewport().width()
        for col, f in enumerate(self.model.fields):
            if f.type not in (MONEY, INT, REAL):
                continue
            x, w = view.columnViewportPosition(col), view.columnWidth(col)
            risky = not view.isColumnHidden(col) and (
                x < 0 or x + w > right or w < self._widths[col]
            )
            if risky != (col in self._guarded):
                view.setItemDelegateForColumn(col, self._numbers if risky else None)
                (self._guarded.add if risky else self._guarded.discard)(col)

    def _fit_columns(self) -> None:
        """The name column narrows (its names elided) so the key columns fit the table's
        width, down to a dozen characters; it widens again up to its starting width."""
        col = self._name_column()
        if col is None or col in self._user_sized or self.view.isColumnHidden(col):
            return
        view = self.view
        others = sum(view.columnWidth(c) for c in self.key_columns()
                     if c != col and not view.isColumnHidden(c))  # fmt: skip
        room = view.viewport().width() - others
        fm = view.fontMetrics()  # (a CJK font's average is wide: the narrower of the two)
        least = min(fm.averageCharWidth(), fm.horizontalAdvance("0")) * 12
        width = max(least, min(self._widths[col], room))
        if width != view.columnWidth(col):
            self._fitting = True
            try:
                view.setColumnWidth(col, width)
            finally:
                self._fitting = False

    def _on_section_resized(self, col: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self._user_sized.add(col)  # dragged by the person: kept as they left it
        self._number_cells()

    def show_column_menu(self, pos: QPoint) -> QMenu:
        """The header's context menu: a tick per column, shown or hidden (the last shown
        one cannot be hidden); the window remembers the choice."""
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = menu.addAction(self.tr("Columns shown"))
        title.setEnabled(False)
        shown = [c for c in range(len(self.model.fields)) if not self.view.isColumnHidden(c)]
        for col in range(len(self.model.fields)):
            label = self.model.headerData(col, Qt.Orientation.Horizontal)
            act = menu.addAction(str(label))
            act.setObjectName(f"column_{self.model.fields[col].name}")
            act.setCheckable(True)
            act.setChecked(col in shown)
            act.setEnabled(shown != [col])
            act.toggled.connect(lambda on, c=col: self.set_column_shown(c, on))
        self.column_menu = menu
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))
        return menu

    def set_column_shown(self, col: int, shown: bool) -> None:
        self.view.setColumnHidden(col, not shown)
        self._compute_shown()
        self._fit_columns()

    def hidden_columns(self) -> list[str]:
        """Names of the fields whose columns are hidden (what the window remembers; the
        reasons column follows the Needs attention filter instead)."""
        return [f.name for c, f in enumerate(self.model.fields)
                if self.view.isColumnHidden(c) and f.name != "attention"]  # fmt: skip

    def set_hidden_columns(self, names: Sequence[str]) -> None:
        """Hide the columns of these fields (names the table no longer has are ignored);
        at least one column stays shown."""
        wanted = set(names) - {"attention"}
        fields = self.model.fields
        if all(f.name in wanted for f in fields):
            wanted.discard(fields[0].name)
        for col, f in enumerate(fields):
            if f.name != "attention":
                self.view.setColumnHidden(col, f.name in wanted)
        self._fit_columns()
        self._number_cells()

    def _content_width(self, col: int, f: Field, fm: QFontMetrics) -> int:
        """The widest text among the first rows (already loaded for the first paint)."""
        if f.type in (MONEY, ENUM, INT, REAL):
            return 0
        m = self.model
        texts = (m.index(r, col).data() for r in range(min(m.rowCount(), CONTENT_ROWS)))
        return max((fm.horizontalAdvance(t) for t in texts if t), default=0) + 16

    def _width(self, f: Field, fm: QFontMetrics, content: int = 0) -> int:
        """A starting width that fits the header and the usual content, within a cap
        (the person can drag it wider)."""
        ch = fm.averageCharWidth()
        header = fm.horizontalAdvance(self.model.headerData(self.model.fields.index(f),
                                                            Qt.Orientation.Horizontal)) + 24  # fmt: skip
        if f.type == MONEY:
            return max(header, self._money_width(f, fm))
        if f.type == ENUM:
            labels = [status_label(c) for c in f.choices]
            return max([header] + [fm.horizontalAdvance(t) + 36 for t in labels])
        if f.type in (INT, REAL):
            return max(header, ch * 9)
        if f.name in ("name", "name_en"):
            if not content:
                return ch * 30
            # Reference tables have few columns: their names may take the room.
            return max(header, min(content, ch * (36 if self.model.paged else 64)))
        if content:
            return max(header, min(content, ch * (24 if self.model.paged else 40)))
        if f.type in (REF, COUNTRY) or f.name in ("sector", "region"):
            return max(header, ch * 15)
        return max(header, ch * 12)

    def _money_width(self, f: Field, fm: QFontMetrics) -> int:
        """Room for the largest amount the column holds (its currency code beside it);
        a larger one saved later shows as "…" until the column is widened."""
        largest = None
        if self.model.paged:
            with contextlib.suppress(Exception):  # a value another program wrote: the default
                largest = self.ctx.store.max_of(self.kind.name, f.name)
        if not isinstance(largest, int) or largest < 100_000_000_00:
            largest = 999_999_999_99  # at least hundreds of millions
        number = format_money(largest, None, QLocale())
        code = max(fm.horizontalAdvance(c) for c in CURRENCY_SAMPLES)
        return fm.horizontalAdvance(number + " ") + code + 16

    def _fill_filter_choices(self) -> None:
        lk = self.lookups
        for name, combo in self._combos.items():
            if name == "status":
                choices = [(c, status_label(c)) for c in self.kind.status_choices]
                empty = self.tr("All statuses")
            elif name == "kind":
                choices = [(c, status_label(c)) for c in codelists.VENTURE_KINDS]
                empty = self.tr("All kinds")
            elif name == "sector":
                choices, empty = (
                    sorted(lk.sectors.items(), key=lambda kv: kv[1]),
                    self.tr("All sectors"),
                )
            elif name == "bank_id":
                choices, empty = (
                    sorted(lk.banks.items(), key=lambda kv: kv[1]),
                    self.tr("All banks"),
                )
            elif name == "zone_id":
                choices, empty = (
                    sorted(lk.zones.items(), key=lambda kv: kv[1]),
                    self.tr("All zones"),
                )
            elif name == "region":
                choices, empty = (
                    sorted(lk.regions.items(), key=lambda kv: kv[1]),
                    self.tr("All regions"),
                )
            else:
                choices = sorted(lk.countries.items(), key=lambda kv: kv[1])
                empty = self.tr("All countries")
            combo.blockSignals(True)
            combo.set_choices(choices, empty=empty)
            combo.blockSignals(False)
            fm = combo.fontMetrics()
            texts = [combo.itemText(i) for i in range(combo.count())]
            longest = max((fm.horizontalAdvance(t) for t in texts), default=0) + 40
            # The list shows whole names even where the closed box is narrow ...
            combo.view().setMinimumWidth(longest)
            # ... a status ("Implementation", or "Implementation +2" for several) is never cut
            # in the closed box, nor is "All sectors" (the others show as much as fits; tooltip).
            more = fm.horizontalAdvance(" +9")
            combo.setMinimumWidth(
                longest + more if name == "status" else fm.horizontalAdvance(empty) + 40
            )

    # ------------------------------------------------------------- filter
    def current_filter(self) -> Filter:
        kw: dict[str, Any] = {"text": self.search.text().strip()}
        for name, combo in self._combos.items():
            values = combo.values()
            if values:
                kw[name] = values
        flt = Filter(**kw)
        return self.attention_filter.narrow(flt) if self.attention_filter is not None else flt

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._show_attention_column()
        flt = self.current_filter()
        if flt == self.model.flt:
            return
        pk = self.current_id()
        self.model.set_filter(flt)
        self.select_id(pk, notify=True)
        self._schedule_totals()
        self.filterChanged.emit(flt)

    def clear_filters(self) -> None:
        if self.attention_filter is not None:
            self.attention_filter.blockSignals(True)
            self.attention_filter.setChecked(False)
            self.attention_filter.blockSignals(False)
        for combo in self._combos.values():
            combo.blockSignals(True)
            combo.set_values(())
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter()

    def set_filter(self, flt: Filter) -> None:
        """Show ``flt`` (restoring a saved view): fills the bar, then applies it."""
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        for name, combo in self._combos.items():
            values = getattr(flt, name, ())
            combo.blockSignals(True)
            combo.set_values(values or ())
            combo.blockSignals(False)
        self.apply_filter()

    # ---------------------------------------------------------- selection
    def current_id(self) -> Any:
        idx = self.view.selectionModel().currentIndex()
        return self.model.id_at(idx.row()) if idx.isValid() else None

    def selected_count(self) -> int:
        """How many rows are selected (counted over the selection's ranges: a Shift+click
        over a million rows does not list them)."""
        sel = self.view.selectionModel().selection()
        return sum(r.bottom() - r.top() + 1 for r in sel if r.left() == 0)

    def selected_ids(self, limit: int | None = None) -> list[Any]:
        """Ids of the selected rows in table order (the first ``limit`` of them)."""
        rows: list[int] = []
        for r in self.view.selectionModel().selection():
            rows.extend(range(r.top(), r.bottom() + 1))
            if limit is not None and len(set(rows)) >= limit:
                break
        ordered = sorted(set(rows))[:limit]
        return [pk for pk in (self.model.id_at(row) for row in ordered) if pk is not None]

    def select_id(self, pk: Any, *, notify: bool = False) -> bool:
        """Make ``pk`` the current row (False if the filter hides it)."""
        sm = self.view.selectionModel()
        row = self.model.row_of(pk) if pk is not None else -1
        if row < 0:
            if notify:
                sm.clearSelection()
                sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                # A model reset (new search or filter) drops the current row without a
                # signal: the form must still let go of the record the table hides.
                self.currentChanged.emit(None)
            return False
        idx = self.model.index(row, 0)
        if not notify:
            sm.blockSignals(True)
        sm.setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                           | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        if not notify:
            sm.blockSignals(False)
            self.view.viewport().update()
        self.view.scrollTo(idx)
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentChanged.emit(self.model.id_at(current.row()) if current.isValid() else None)

    # ------------------------------------------------------------ changes
    def follow_reporting(self) -> None:
        """The reporting currency (or as-of date) changed: money sorted by value follows."""
        pk = self.current_id()
        self.model.set_reporting(self.ctx.currency, self.ctx.as_of)
        self.select_id(pk)

    def _on_changed(self, change: Change) -> None:
        if change.table == "fx_rates" and self.model.sorted_by_money():
            pk = self.current_id()
            self.model.requery()  # the rates order the money columns
            self.select_id(pk)
            self._schedule_totals()
            return
        if self.lookups.concerns(change.table) and change.table != self.kind.name:
            self._fill_filter_choices()
            self.model.refresh_all()
            self._schedule_totals()
            return
        if change.table == attention.SETTINGS_CHANGE and self.kind.name == "projects":
            self.model.refresh_all()  # the reasons under the new rules
            self.apply_filter()  # and the projects the filter shows
            return
        if change.table == "disbursement_plans" and self.kind.name == "projects":
            self.model.refresh_all()  # the share of plan and the reasons computed per page
            return
        if not change.concerns(self.kind.name):
            return
        if change.table == self.kind.name and change.action == "update":
            self.model.refresh_rows(change.ids)
        elif change.table != self.kind.name:
            self.model.refresh_all()  # updates moved projects' status/progress/disbursed
        else:
            pk = self.current_id()
            self.model.requery()
            self.select_id(pk, notify=self.model.row_of(pk) < 0 if pk is not None else False)
        self._schedule_totals()

    def _schedule_totals(self) -> None:
        if not self._totals_due:
            self._totals_due = True
            QTimer.singleShot(0, self, self.update_totals)  # dropped if the pane is deleted first

    def update_totals(self) -> None:
        """Count and totals of what is shown, in the reporting currency (SQL sums per currency).

        Large tables are summed by a worker thread so the window never freezes on them."""
        self._totals_due = False
        n = self.model.rowCount()
        if self.kind.name not in MAIN_KINDS:
            self._show_totals(None)
            return
        if n < BACKGROUND_TOTALS_FROM:
            self._show_totals(portfolio.totals(self.ctx.store, kind=self.kind.name,
                                               flt=self.model.flt, currency=self.ctx.currency,
                                               as_of=self.ctx.as_of))  # fmt: skip
            return
        if self._worker is None:
            self._worker = TotalsWorker(self.ctx.store, self)
            self._worker.done.connect(self._on_totals)
        self._worker.request(kind=self.kind.name, flt=self.model.flt, currency=self.ctx.currency,
                             as_of=self.ctx.as_of)  # fmt: skip
        loc = QLocale()
        self.footer.setText(self.tr("{n} shown").format(n=format_count(n, loc)) + "   ·   "
                            + self.tr("adding up the totals…"))  # fmt: skip

    def _on_totals(self, serial: int, result: object) -> None:
        if self._worker is None or serial != self._worker.latest():
            return  # for a filter no longer shown
        if isinstance(result, Exception):
            self.footer.setText(
                self.tr("Totals could not be computed: {error}").format(error=result)
            )
            return
        self._show_totals(result)  # type: ignore[arg-type]

    def _show_totals(self, t: portfolio.Totals | None) -> None:
        loc = QLocale()
        parts = [self.tr("{n} shown").format(n=format_count(self.model.rowCount(), loc))]
        warning = None
        if t is not None:
            for col, total in t.sums.items():
                label = QCoreApplication.translate("Field", self.kind.field(col).label)
                amount = format_amount(total, group=loc.groupSeparator(), point=loc.decimalPoint())
                parts.append(f"{label}: {amount} {t.currency}")
            warning = t.warning
        self.footer.setText("   ·   ".join(parts))
        self.fx_warning.setText(f"⚠ {warning}" if warning else "")
        self.fx_warning.setVisible(bool(warning))
        self.totals_warning = warning
        self.totals = t
        win = self.window()
        if hasattr(win, "set_fx_warning") and self.isVisible():
            win.set_fx_warning(warning)

    def shutdown(self) -> None:
        """Stop the totals worker and a background sort order (the window is closing)."""
        self.model.close()
        if self._worker is not None:
            self._worker.close()
            self._worker = None
