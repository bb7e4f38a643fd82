"""The data API: what the program asks of its portfolio database, in its own words.

Services, the command line and the window use a database only through these
methods; none of them runs SQL, imports a database library or holds a
connection. Two backends implement it: the SQLite file
(:class:`tracker.store.sqlite_store.Store`) and the PostgreSQL server
(:class:`tracker.store.postgres.PgStore`); :func:`tracker.store.opening.open_database`
picks one from a path or URL. ``tests/store/test_data_api.py`` runs the same suite
against every backend through this interface only.

Rules every backend keeps:

- rows are plain ``dict``s keyed by column name; money in minor units (int);
- every change of a row writes its audit entry in the same transaction;
- versioned tables carry ``version``/``updated_at``: an update or delete given an
  ``expected_version`` that is no longer current raises :class:`StaleWrite` and
  writes nothing;
- :meth:`PortfolioDB.write` is one transaction (nested calls join it): all or nothing;
- errors are the program's own (:mod:`tracker.domain.errors`), said plainly:
  ``StaleWrite``, ``NotFound``, ``ConstraintViolation``, ``ReadOnlyError``,
  ``DiskFull``, ``Interrupted``, ``DatabaseError`` (all ``StoreError``);
- a :class:`~tracker.domain.filters.Filter` selects rows the same way everywhere
  (its ``text`` is a word-prefix search of names, codes and notes).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from tracker.domain.fields import RefIndex
from tracker.domain.filters import Filter
from tracker.domain.fx import FxTable

#: ``progress(done, total)``: how far a long step is; it may raise (a cancel) to stop it.
ProgressFn = Callable[[int, int], None]
Row = dict[str, Any]


@dataclass(frozen=True)
class ByValue:
    """Money ordered by its value in one currency, not by the stored number: a row's key
    is ``column × factor`` of the currency in its ``currency_column`` (the reporting
    currency's units per unit of it, at the as-of date). A currency without a factor
    (no rate) gives no key: such rows sort as NULLs do, first ascending and last
    descending. Ties by primary key; descending is the exact reverse.

    Every backend computes the key as the same IEEE double product, so they order alike.
    """

    currency_column: str
    #: (currency code, factor) pairs, factor > 0.
    factors: tuple[tuple[str, float], ...]


#: How a sorted column orders besides its own values: name groups (a linked column by
#: the names it shows: a tuple of groups of values, in order) or by value (:class:`ByValue`).
Ordering = tuple[tuple[Any, ...], ...] | ByValue


@runtime_checkable
class PortfolioDB(Protocol):
    """One open portfolio database (a file or a server's database)."""

    # ------------------------------------------------------------ the open database
    #: ``"sqlite"`` or ``"postgresql"``.
    backend: str
    read_only: bool
    #: Why it is read-only, in words for the status bar ("" when writable).
    read_only_reason: str
    #: Whether this session wrote anything (a backup on close is then worth making).
    changed: bool

    @property
    def name(self) -> str:
        """What to call the database in a message (a file's name, a server's db@host)."""

    @property
    def closed(self) -> bool: ...

    @property
    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def open_again(self, *, read_only: bool | None = None) -> PortfolioDB:
        """A second connection with the same settings, for a worker thread."""

    def interrupt(self) -> None:
        """Stop the statement running now (any thread); a write in progress rolls back."""

    def data_version(self) -> int:
        """Changes committed by other connections since ours opened (cheap to poll)."""

    def data_stamp(self) -> str:
        """A digest that changes whenever the records change (through any connection)."""

    def write(self) -> AbstractContextManager[None]:
        """One write transaction; nested calls join it; an exception rolls all of it back."""

    # ------------------------------------------------------------------ records
    def get(self, table: str, pk: Any) -> Row | None: ...

    def get_by(self, table: str, column: str, value: Any) -> Row | None: ...

    def insert(self, table: str, values: Mapping[str, Any], *, user: str,
               action: str = "insert") -> Any:  # fmt: skip
        """One new row with its audit entry; its primary key."""

    def update(self, table: str, pk: Any, values: Mapping[str, Any], *,
               expected_version: int | None, user: str, action: str = "update") -> Row:  # fmt: skip
        """Change fields of a row still at ``expected_version`` (None: any); the row after."""

    def delete(self, table: str, pk: Any, *, expected_version: int | None, user: str) -> Row:
        """Delete a row (version-checked); the row as it was."""

    def restore_row(self, table: str, row: Mapping[str, Any], *, user: str) -> Any:
        """Put a deleted row back with its own key (undo of a delete)."""

    def audit(self, table: str, action: str, changes: Mapping[str, Any], *, user: str,
              pk: Any = None) -> None:  # fmt: skip
        """An audit entry for a change that is not one row (an import, a bulk load)."""

    # ---------------------------------------------------- lists, pages and search
    def rows(self, table: str, *, where: Mapping[str, Any] | None = None, order: str = "",
             columns: Sequence[str] | None = None) -> list[Row]:  # fmt: skip
        """Rows whose columns equal ``where``'s values (a collection: any of them), in
        ``order`` (``"col [DESC], ..."``; the key by default)."""

    def count(self, table: str, flt: Filter | None = None) -> int: ...

    def iter_rows(self, table: str, flt: Filter | None = None, *, order: str | None = None,
                  batch: int = 5000) -> Iterator[Row]:  # fmt: skip
        """Rows a filter selects, streamed in key order."""

    def query_ids(self, table: str, flt: Filter | None = None, *, sort: str | None = None,
                  descending: bool = False) -> Sequence[int]:  # fmt: skip
        """Ids of the rows a filter selects, in sort order (ties by id)."""

    def page(self, table: str, flt: Filter | None = None, *, sort: str | None = None,
             descending: bool = False, after: tuple[Any, Any] | None = None, limit: int = 200,
             before: tuple[Any, Any] | None = None) -> list[Row]:  # fmt: skip
        """A keyset page after (or before) the (sort value, id) of a row seen."""

    def fetch(self, table: str, ids: Sequence[Any],
              columns: Sequence[str] | None = None) -> dict[Any, Row]:  # fmt: skip
        """Rows by key, as key -> row."""

    def sort_columns(self, table: str) -> set[str]: ...

    # ------------------------------------------------ ordered ids (the record view)
    # ``groups``: None (the column's own order), name groups or ByValue (see Ordering).
    def head_ids(self, table: str, *, column: str, descending: bool, limit: int,
                 offset: int = 0, groups: Ordering | None = None) -> Sequence[int]:  # fmt: skip
        """Ids at positions ``offset`` … ``offset + limit`` of the whole table's order."""

    def rank_of(self, table: str, *, column: str, key: Any,
                groups: Ordering | None = None) -> int | None:  # fmt: skip
        """Ascending position of row ``key`` in the whole table's order: -1 if there is no
        such row, None if it cannot be said without the whole order."""

    def ascending_order(self, table: str, *, column: str, groups: Ordering | None = None,
                        stop: Callable[[], bool] | None = None) -> Any:  # fmt: skip
        """Every id of ``table`` in ascending order (a numpy int64 array)."""

    def ordered_ids_by_groups(self, table: str, flt: Filter, *, column: str,
                              groups: Ordering, descending: bool) -> Sequence[int]:  # fmt: skip
        """Ids a filter selects, ordered by ``groups`` of ``column`` (or ByValue), ties by id."""

    def max_of(self, table: str, column: str, *, where: Mapping[str, Any] | None = None) -> Any: ...

    def max_id(self, table: str) -> int: ...

    def is_empty(self, table: str) -> bool: ...

    def rows_by_key(self, table: str, column: str, values: Collection[Any]) -> dict[Any, dict]:
        """Stored rows whose ``column`` holds one of ``values``, by that value."""

    def project_ids_by_code(self, codes: Collection[str] | None = None) -> dict[str, int]: ...

    def ref_index(self) -> RefIndex:
        """Codes and names of the reference data, for validation and import."""

    def fx_table(self) -> FxTable: ...

    # -------------------------------------------------- aggregates: charts, totals
    def sums_by_currency(self, table: str, columns: Sequence[str],
                         flt: Filter | None = None) -> list[Row]: ...  # fmt: skip

    def totals_by_currency(self, table: str, columns: Sequence[str],
                           flt: Filter | None = None) -> list[Row]:  # fmt: skip
        """Count ``n`` and sums of money ``columns`` per currency (footers, key figures)."""

    def group_sums(self, table: str, by: str, columns: Sequence[str],
                   flt: Filter | None = None) -> list[Row]: ...  # fmt: skip

    def projects_by_status(self, flt: Filter | None = None) -> list[Row]: ...

    def projects_by_sector(self, flt: Filter | None = None) -> list[Row]: ...

    def projects_by_bank(self, flt: Filter | None = None) -> list[Row]: ...

    def project_counts_by_currency(self, flt: Filter | None = None, *,
                                   dated: bool = False) -> dict[str, int]: ...  # fmt: skip

    def largest_projects(self, flt: Filter | None, *, currency: str, limit: int,
                         dated: bool = False, matching: int | None = None) -> list[Row]: ...  # fmt: skip

    def project_bar(self, project_id: int, flt: Filter | None = None) -> Row | None: ...

    def disbursement_steps(self, flt: Filter | None = None) -> list[Row]: ...

    def residents_by_country(self, flt: Filter | None = None) -> list[Row]: ...

    def residents_by_status(self, flt: Filter | None = None) -> list[Row]: ...

    def residents_by_zone(self) -> list[Row]: ...

    def ventures_by_sector_kind(self, flt: Filter | None = None) -> list[Row]: ...

    def counts_by(self, table: str, column: str) -> dict[Any, int]: ...

    def distinct_count(self, table: str, column: str) -> int: ...

    def distinct_values(self, tables: Sequence[str], column: str) -> set[Any]: ...

    def projects_disbursed_over_amount(self, *, limit: int = 20) -> list[str]: ...

    def aggregates_stamp(self) -> tuple[int, int]:
        """What chart data read on another connection must match to be adopted."""

    def has_aggregates(self, table: str) -> bool: ...

    def chart_aggregates(self, tables: Sequence[str]) -> dict[str, list[Row]]: ...

    def adopt_aggregates(self, rows: dict[str, list[Row]], stamp: tuple[int, int]) -> None: ...

    # --------------------------------------------------------------- bulk insert
    def insert_audited(self, table: str, rows: Sequence[Mapping[str, Any]], *, user: str,
                       action: str = "insert", progress: ProgressFn | None = None) -> list[int]:  # fmt: skip
        """New rows (no ids), each audited as :meth:`insert` audits one; their new ids."""

    def insert_columns(self, table: str, names: Sequence[str], cols: Sequence[Sequence[Any]], *,
                       user: str, action: str = "insert",
                       progress: ProgressFn | None = None) -> list[int]:  # fmt: skip
        """:meth:`insert_audited` for rows given as columns (``cols[j]`` holds ``names[j]``)."""

    def bulk_loading(self, tables: Sequence[str]) -> AbstractContextManager[None]:
        """Many rows going into ``tables``: indexes and search rebuilt once at the end."""

    # ------------------------------------------------------- meta and snapshots
    def meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def record_snapshot(self, *, fmt: str, path: str, sha256: str, flt: Filter,
                        kind: str | None, rows: int | None, as_of: str, user: str) -> int:  # fmt: skip
        """Note an export (a dated snapshot) in the database; its id."""

    # ---------------------------------------------------- backup and integrity
    def make_backup(self, *, reason: str = "manual", folder: str | os.PathLike[str] | None = None,
                    keep: int | None = None, progress: ProgressFn | None = None) -> Path:  # fmt: skip
        """A dated copy in the backup folder; its path."""

    def backup_to(self, target: str | os.PathLike[str],
                  progress: ProgressFn | None = None) -> Path:  # fmt: skip
        """A consistent copy as a database file at ``target``."""

    def integrity_check(self, *, quick: bool = False) -> list[str]:
        """Problems in the stored data (empty: all well)."""
