"""Ordered ids for the record view (tracker.services.record_view): thin names over
:mod:`tracker.store.id_lists`, which reads a million ordered ids fast."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from tracker.domain.filters import Filter
from tracker.store import id_lists
from tracker.store.schema import pk_of


class OrderedIds:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: the record view's data path."""

    # record view service (tracker.services.record_view) asks only these, never SQL.
    def order_stamp(self) -> tuple[int, int]:
        """Equal stamps, equal data: what a kept or background-read order is checked against."""
        return id_lists.stamp(self._conn)

    def filters_rows(self, table: str, flt: Filter) -> bool:
        """Whether ``flt`` leaves out any row of ``table`` (an empty WHERE does not)."""
        return bool(self.where(table, flt)[0])

    def head_ids(self, table: str, *, column: str, descending: bool, limit: int, offset: int = 0,
                 groups: id_lists.Groups | None = None) -> array:  # fmt: skip
        """Ids at positions ``offset`` … ``offset + limit`` of the whole table's order."""
        id_lists.check_order(self, table, column, groups)
        return id_lists.head_ids(self._conn, table=table, pk=pk_of(table), column=column,
                                 descending=descending, limit=limit, offset=offset,
                                 groups=groups)  # fmt: skip

    def rank_of(self, table: str, *, column: str, key: Any,
                groups: id_lists.Groups | None = None) -> int | None:  # fmt: skip
        id_lists.check_order(self, table, column, groups)
        return id_lists.rank_of(self._conn, table=table, pk=pk_of(table), column=column, key=key,
                                groups=groups)  # fmt: skip

    def ascending_order(self, table: str, *, column: str, groups: id_lists.Groups | None = None,
                        stop: Callable[[], bool] | None = None) -> Any:  # fmt: skip
        """Every id of ``table`` ascending by (column, id) or by groups (numpy int64)."""
        id_lists.check_order(self, table, column, groups)
        return id_lists.ascending_order(self._conn, table=table, pk=pk_of(table), column=column,
                                        groups=groups, stop=stop)  # fmt: skip

    def kept_order(self, table: str, column: str, groups: id_lists.Groups | None = None) -> Any:
        """The whole ascending order kept from before, if the file is unchanged since."""
        return id_lists.sort_cache(self).peek(self._conn, table, column, groups)

    def keep_order(self, table: str, column: str, groups: id_lists.Groups | None,
                   stamp: tuple[int, int], order: Any) -> bool:  # fmt: skip
        """Keep an order read elsewhere (a worker) if nothing was written since ``stamp``."""
        return id_lists.sort_cache(self).keep_if(self._conn, (table, column, groups), stamp, order)

    def ordered_ids_by_groups(self, table: str, flt: Filter, *, column: str,
                              groups: id_lists.Groups, descending: bool) -> array:  # fmt: skip
        """Ids a filter selects, ordered by ``groups`` of ``column`` (a linked column by name,
        or money by value: :class:`~tracker.store.api.ByValue`)."""
        return id_lists.ordered_ids(self, table, flt, pk=pk_of(table), column=column,
                                    groups=groups, descending=descending)  # fmt: skip
