"""The table's data path, Qt-free (after calibre's ``db/view.py``): filter → ordered
ids → pages of rows, with a page cache, the background order fill and read-ahead.

A :class:`RecordView` holds only the sorted primary keys of what the filter selects
(the store sorts and filters) and reads rows a page at a time, when asked, into a
small LRU cache — so a million-row file opens and scrolls without being loaded.
The window's table model (``tracker.ui.models.record_model``) is a thin adapter:
it turns these rows into cell texts and Qt's signals.

Sorting a large table by a column does not wait for the whole ordered id list
(§9 sort): the first pages come from a LIMIT over the column's index, the
complete list from a background read (:class:`OrderFill`, run by whatever
``background`` the caller gives: the window's operations runner, or
:func:`run_now`); until it arrives a page is read by OFFSET over the index and a
record's row is its rank (counts over the index). The row count does not change
by sorting. A linked column (bank, zone, sector, region, country) sorts by the
name it shows (``name_of``); a money column, once the reporting currency and as-of
date are set (:attr:`RecordView.reporting`), by its value in that currency at the rate
of that date (:func:`value_order`; the store orders it), not by the stored number.
"""

from __future__ import annotations

import contextlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from tracker.domain.fields import MAIN_KINDS, MONEY, Field, Kind, kind_of
from tracker.domain.filters import Filter
from tracker.services import project_columns
from tracker.services.progress import Progress
from tracker.store import Store, id_lists
from tracker.store.api import ByValue
from tracker.store.id_lists import Groups, name_groups
from tracker.store.sqlite_store import pk_of

#: Rows read at a time: a jump shows ~26 rows, so smaller pages read less per jump.
PAGE_SIZE = 50
MAX_PAGES = 48
#: While a money column's order by value fills, pages up to this row are read by merging
#: each currency's first rows (cost grows with the row); further ones wait for the fill.
VALUE_PAGE_REACH = 20_000


class Job(Protocol):
    """A piece of background work as a :data:`Background` runs it."""

    result: Any
    error: BaseException | None

    def cancel(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> bool: ...

    def done(self) -> bool: ...


#: ``background(work, on_done) -> Job``: run ``work(store, progress)`` on a read-only
#: connection of its own; ``on_done(job)`` later, on the caller's thread, unless cancelled.
Background = Callable[[Callable[[Store, Progress], Any], Callable[[Job], None]], Job]


class _Done:
    """A job that ran at once (see :func:`run_now`)."""

    def __init__(self) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False

    def cancel(self) -> bool:
        self.cancelled = True
        return False

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def done(self) -> bool:
        return True


def run_now(store: Store) -> Background:
    """A background that runs the work at once on a second read-only connection (the
    command line and tests; the window uses its operations runner)."""

    def run(work: Callable[[Store, Progress], Any], on_done: Callable[[Job], None]) -> Job:
        job = _Done()
        try:
            with store.open_again(read_only=True) as other:
                job.result = work(other, Progress())
        except Exception as exc:  # noqa: BLE001 - handed over like a worker's error
            job.error = exc
        on_done(job)
        return job

    return run


class OrderFill:
    """The whole ascending order of a table, read in the background.

    Started once (:meth:`start`); ``on_done(self)`` is called when it ended (not when
    cancelled); :meth:`wait` blocks until then and returns the numpy array.
    """

    def __init__(self, store: Store, background: Background, *, table: str, column: str,
                 groups: Groups | None, on_done: Callable[[OrderFill], None] | None = None):  # fmt: skip
        self.table, self.column, self.groups = table, column, groups
        self.background = background
        #: The store's data stamp when the fill began (the kept order is checked against it).
        self.stamp = store.order_stamp()
        self.on_done = on_done
        self.cancelled = False
        self.started = False
        self._job: Job | None = None

    @property
    def key(self) -> tuple[str, str, Groups | None]:
        return self.table, self.column, self.groups

    def start(self) -> OrderFill:
        """Begin reading (once; later calls do nothing)."""
        if not self.started and not self.cancelled:
            self.started = True
            table, column, groups = self.table, self.column, self.groups

            def read(store: Store, progress: Progress) -> Any:
                return store.ascending_order(table, column=column, groups=groups,
                                             stop=lambda: progress.cancelled)  # fmt: skip

            self._job = self.background(read, self._ended)
        return self

    def _ended(self, _job: Job) -> None:
        if not self.cancelled and self.on_done is not None:
            self.on_done(self)

    def done(self) -> bool:
        return self._job is not None and self._job.done()

    @property
    def error(self) -> BaseException | None:
        """Why the read failed (None while it runs, or when it did not)."""
        return self._job.error if self._job is not None else None

    def cancel(self) -> None:
        """Stop the read (its statement is interrupted); no result is given."""
        self.cancelled = True
        if self._job is not None:
            self._job.cancel()

    def wait(self) -> Any:
        """The ascending numpy array (blocks until the read ends); re-raises its error."""
        if self.cancelled:
            raise RuntimeError("order fill was cancelled")
        self.start()
        assert self._job is not None
        self._job.wait()
        if self.cancelled:
            raise RuntimeError("order fill was cancelled")
        if self._job.error is not None:
            raise self._job.error
        return self._job.result


def value_order(store: Store, table: str, *, currency_field: str, currency: str,
                as_of: str) -> ByValue:  # fmt: skip
    """How a money column of ``table`` orders by value in ``currency`` at the rates of
    ``as_of``: each currency the table holds with its factor (the reporting currency's
    units per unit, as :class:`tracker.domain.fx.Converter` converts); one without a
    rate has none, and its amounts sort as unknown (first ascending, last descending)."""
    rates = store.fx_table()
    target = currency.upper()
    to = rates.per_usd(target, as_of)
    factors = []
    for code in store.distinct_values(table, currency_field):
        if not isinstance(code, str):
            continue
        if code.upper() == target:
            factors.append((code, 1.0))
            continue
        src = rates.per_usd(code, as_of)
        if src is not None and to is not None and src > 0:
            factors.append((code, float(to / src)))
    return ByValue(currency_field, tuple(factors))


def _as_ids(order: Any, descending: bool) -> array:
    out = array("q")
    out.frombytes((order[::-1] if descending else order).tobytes())
    return out


class Page:
    """One page read: its rows, and a slot per row for what a view made of it (texts)."""

    __slots__ = ("records", "texts")

    def __init__(self, records: list[dict[str, Any] | None]):
        self.records = records
        self.texts: list[Any] = [None] * len(records)


class RecordView:
    """Filter → ordered ids → pages of one kind of record (see the module's docstring).

    ``namer(field)`` gives, for a linked column, the function from a stored value to the
    name the table shows (the column then sorts by those names), or None;
    ``background`` runs the whole-order read; ``on_filled(fill)`` is called when one
    ended (the adapter then calls :meth:`adopt`); ``on_drop(page_no)`` when a page
    leaves the cache.
    """

    def __init__(self, store: Store, kind: str | Kind, *, fields: Sequence[Field],
                 columns: Sequence[str], namer: Callable[[Field], Callable[[Any], str] | None],
                 background: Background,
                 on_filled: Callable[[OrderFill], None] | None = None,
                 on_drop: Callable[[int], None] | None = None) -> None:  # fmt: skip
        self.store = store
        self.kind = kind_of(kind) if isinstance(kind, str) else kind
        self.table = self.kind.name
        self.pk = pk_of(self.table)
        self.fields = tuple(fields)
        #: Columns computed per page (services.project_columns), not read from the table;
        #: of these, those computed now (see :meth:`compute`).
        self.computed = tuple(c for c in project_columns.computed(self.table) if c in columns)
        self.computing = self.computed
        self.columns = project_columns.stored_columns(self.table, columns)
        #: The day the computed columns are computed for (None: the real today).
        self.today: str | None = None
        self.namer = namer
        self.background = background
        self.on_filled = on_filled
        self.on_drop = on_drop
        self.paged = self.table in MAIN_KINDS
        self.flt = Filter()
        #: (reporting currency, as-of date): money columns then sort by value in it.
        self.reporting: tuple[str, str] | None = None
        self.sort_field: str | None = None
        self.descending = False
        self.ids: Sequence[Any] = array("q")
        #: Rows shown: len(self.ids), or while a fill runs the count known before it.
        self.n = 0
        self.fill: OrderFill | None = None
        self.groups: Groups | None = None
        #: While a fill runs: ids of the pages read so far, and rows found by rank.
        self.known: dict[int, array] = {}
        self.known_rows: dict[int, Any] = {}
        self.pages: OrderedDict[int, Page] = OrderedDict()

    # ------------------------------------------------------------- the order
    def order(self, n: int | None) -> bool:
        """Set the row order for the filter and sort: at once, or the head now and the
        rest in the background (a large whole table sorted by a column; ``n`` rows if
        known). True when a fill was set up (the caller starts it: :meth:`begin_fill`)."""
        self.groups = self._name_groups()
        col = self.sort_field
        fillable = (self.paged and self.pk == "id" and col is not None and col != self.pk
                    and not self.store.filters_rows(self.table, self.flt))  # fmt: skip
        if fillable:
            assert col is not None
            if n is None:
                n = self.store.count(self.table)
            if n >= id_lists.SMALL:  # (read when used: tests lower it)
                order = self.store.kept_order(self.table, col, self.groups)
                if order is not None:
                    self.stop_fill()
                    self.set_ids(_as_ids(order, self.descending))
                    return False
                return self._start_fill(col, n)
        elif self.fill is not None and self.fill.key == (self.table, col, self.groups):
            # A filter on the column being filled: its order is half read, finish it.
            fill = self.fill
            with contextlib.suppress(Exception):
                self.store.keep_order(*fill.key, fill.stamp, fill.wait())
        self.stop_fill()
        self.set_ids(self.query())
        return False

    def _start_fill(self, col: str, n: int) -> bool:
        key = (self.table, col, self.groups)
        fill = self.fill
        new = (
            fill is None
            or fill.key != key
            or fill.cancelled
            or fill.stamp != self.store.order_stamp()
        )
        if new:
            # (A running fill of the same column serves the reverse order too.)
            self.stop_fill()
            fill = OrderFill(self.store, self.background, table=self.table, column=col,
                             groups=self.groups, on_done=self.on_filled)  # fmt: skip
        self.fill = fill
        self.ids = array("q")
        self.n = n
        self.known, self.known_rows = {}, {}
        self.read_head()
        return new

    def read_head(self) -> None:
        """The first pages' ids, by LIMIT over the sort column's index (well under 1 ms)."""
        assert self.sort_field is not None
        head = self.store.head_ids(self.table, column=self.sort_field, descending=self.descending,
                                   limit=2 * PAGE_SIZE, groups=self.groups)  # fmt: skip
        for start in range(0, len(head), PAGE_SIZE):
            self.known[start // PAGE_SIZE] = head[start : start + PAGE_SIZE]

    def begin_fill(self) -> None:
        if self.fill is not None:
            self.fill.start()

    def set_ids(self, ids: Sequence[Any]) -> None:
        self.ids = ids
        self.n = len(ids)
        self.known, self.known_rows = {}, {}

    def stop_fill(self) -> None:
        if self.fill is not None:
            self.fill.cancel()
            self.fill = None

    def adopt(self) -> tuple[dict[int, Any], int] | None:
        """Take the finished (or, waiting for it, finishing) order as the rows.

        The rows read before it (by LIMIT, OFFSET or rank) agree with it unless the
        file changed meanwhile; then returns (the record id each row showed, the old
        row count), so the caller re-lays out its view; None when nothing moved.
        """
        fill = self.fill
        assert fill is not None
        self.fill = None
        try:
            order = fill.wait()
        except Exception:  # noqa: BLE001 - interrupted or failed: read the order here instead
            ids = self.query()
        else:
            self.store.keep_order(*fill.key, fill.stamp, order)
            ids = _as_ids(order, self.descending)
        seen = dict(self.known_rows)
        for page_no, part in self.known.items():
            seen.update(
                zip(range(page_no * PAGE_SIZE, page_no * PAGE_SIZE + len(part)), part, strict=True)
            )
        old_n = self.n
        self.ids = ids
        self.known, self.known_rows = {}, {}
        if len(ids) == old_n and all(ids[r] == pk for r, pk in seen.items() if r < len(ids)):
            return None
        return seen, old_n

    def _name_groups(self) -> Groups | None:
        """A linked column's values grouped and ordered by the names the table shows; a
        money column's order by value in the reporting currency."""
        if not self.paged or self.sort_field is None:
            return None
        f = next((f for f in self.fields if f.name == self.sort_field), None)
        if f is not None and f.type == MONEY and f.currency_field and self.reporting is not None:
            currency, as_of = self.reporting
            return value_order(self.store, self.table, currency_field=f.currency_field,
                               currency=currency, as_of=as_of)  # fmt: skip
        name = self.namer(f) if f is not None else None
        if f is None or name is None:
            return None
        return name_groups(self.store.distinct_values(self.table, f.name), name)

    def query(self) -> Sequence[Any]:
        """Every id the filter selects, in the sort order, read now."""
        if self.paged:
            if self.groups is not None and self.sort_field is not None:
                return self.store.ordered_ids_by_groups(self.table, self.flt, column=self.sort_field,
                                                        groups=self.groups,
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

    def same_order_filling(self, name: str, descending: bool) -> bool:
        """The order asked for is the one shown, still being read, of unchanged data."""
        fill = self.fill
        return (fill is not None and self.paged and (name, descending) == (self.sort_field, self.descending)
                and fill.stamp == self.store.order_stamp())  # fmt: skip

    def reverse(self) -> None:
        """The reverse of the order shown (exact: ties are ordered by id both ways)."""
        self.clear_pages()
        if self.fill is None:
            self.ids = self.ids[::-1]
            return
        n = self.n
        rows = {n - 1 - r: pk for r, pk in self.known_rows.items()}
        for page_no, part in self.known.items():
            for k, pk in enumerate(part):
                rows[n - 1 - (page_no * PAGE_SIZE + k)] = pk
        self.known_rows = rows
        self.known = {}
        self.read_head()

    # --------------------------------------------------------------- rows
    def id_at(self, row: int) -> Any:
        if not 0 <= row < self.n:
            return None
        if self.fill is None:
            return self.ids[row] if row < len(self.ids) else None
        pk = self.known_rows.get(row)
        if pk is not None:
            return pk
        ids = self.page_ids(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return ids[offset] if ids is not None and offset < len(ids) else None

    def row_while_filling(self, pk: Any) -> int | None:
        """A record's row before the whole order is there: a page read already, or its
        rank by counts over the index; None when the whole order is needed instead."""
        for row, known in self.known_rows.items():
            if known == pk:
                return row
        for page_no, part in self.known.items():
            with contextlib.suppress(ValueError, TypeError):
                return page_no * PAGE_SIZE + part.index(pk)
        assert self.fill is not None and self.sort_field is not None
        rank = self.store.rank_of(self.table, column=self.sort_field, key=pk, groups=self.groups)
        if rank is not None and rank < self.n:
            if rank < 0:
                return -1
            row = self.n - 1 - rank if self.descending else rank
            self.known_rows[row] = pk
            return row
        return None  # a name no group has, or rows added meanwhile

    def index_of(self, pk: Any) -> int:
        """Row of a record in the complete order, -1 if the filter hides it."""
        try:
            return self.ids.index(pk)
        except (ValueError, TypeError):
            return -1

    def page_ids(self, page_no: int) -> Sequence[Any] | None:
        """The ids of a page; None while filling when the whole order is needed first."""
        start = page_no * PAGE_SIZE
        if self.fill is not None:
            part = self.known.get(page_no)
            if part is not None:
                return part
            if not self.fill.done():
                assert self.sort_field is not None
                if isinstance(self.groups, ByValue) and start > VALUE_PAGE_REACH:
                    return None  # far off the head, money by value waits for the whole order
                # One walk over the index for this page and the next (a view showing
                # rows from the middle usually straddles two pages).
                both = self.store.head_ids(self.table, column=self.sort_field,
                                           descending=self.descending, limit=2 * PAGE_SIZE,
                                           offset=start, groups=self.groups)  # fmt: skip
                part = self.known[page_no] = both[:PAGE_SIZE]
                if len(both) > PAGE_SIZE:
                    self.known.setdefault(page_no + 1, both[PAGE_SIZE:])
                return part
            return None
        return self.ids[start : start + PAGE_SIZE]

    def cached(self, page_no: int) -> Page | None:
        page = self.pages.get(page_no)
        if page is not None:
            self.pages.move_to_end(page_no)
        return page

    def load(self, page_no: int, ids: Sequence[Any]) -> Page:
        """Read the rows of ``ids`` as page ``page_no`` into the cache."""
        rows = self.store.fetch(self.table, ids, self.columns)
        records = [rows.get(i) for i in ids]
        if self.computing:
            project_columns.annotate(self.store, self.table, records, columns=self.computing,
                                     today=self.today)  # fmt: skip
        page = Page(records)
        self.pages[page_no] = page
        while len(self.pages) > MAX_PAGES:
            self.drop_page(next(iter(self.pages)))
        return page

    def compute(self, columns: Sequence[str]) -> bool:
        """Compute these of the computed columns from now on (a column not shown need not
        cost its queries); True when that changed (the cached pages are then dropped)."""
        wanted = tuple(c for c in self.computed if c in columns)
        if wanted == self.computing:
            return False
        self.computing = wanted
        self.clear_pages()
        return True

    def drop_page(self, page_no: int) -> None:
        if self.pages.pop(page_no, None) is not None and self.on_drop is not None:
            self.on_drop(page_no)

    def clear_pages(self) -> None:
        self.pages.clear()
