"""The program's own errors about its data: every layer may import them.

The store raises them (translating its database library's errors at its boundary),
services and front ends catch them; each message is meant for the person at the desk.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConstraintViolation",
    "CorruptDatabase",
    "DatabaseError",
    "DiskFull",
    "ForeignDatabase",
    "ForeignSchema",
    "Interrupted",
    "NewerSchema",
    "NotFound",
    "ReadOnlyError",
    "StaleWrite",
    "StoreError",
]


class StoreError(Exception):
    """A problem with the database file, said plainly."""


class CorruptDatabase(StoreError):
    """Not a usable SQLite file: empty, truncated, damaged or not SQLite at all."""


class ForeignDatabase(StoreError):
    """A SQLite database, but another program's."""


class ForeignSchema(StoreError):
    """Ours by its id, but holding triggers, views, tables or definitions the program did
    not make: opened read-only only until repaired (tracker.store.schema_guard)."""

    def __init__(self, message: str, problems: list[Any]):
        super().__init__(message)
        self.problems = problems


class NewerSchema(StoreError):
    """Written by a newer version of the program."""


class ReadOnlyError(StoreError):
    """An edit was attempted on a file opened read-only."""


class DiskFull(StoreError):
    """The disk (or the database's size limit) is full; nothing was written."""


class NotFound(StoreError):
    def __init__(self, table: str, pk: Any):
        self.table, self.pk = table, pk
        super().__init__(f"The {table} record {pk} no longer exists (deleted by someone else?).")


class StaleWrite(StoreError):
    """The row changed since it was read: the save is refused, nothing overwritten."""

    def __init__(self, table: str, pk: Any, expected: int, current: dict[str, Any]):
        self.table, self.pk, self.expected, self.current = table, pk, expected, current
        super().__init__(
            f"This {table} record was changed by someone else (version {current.get('version')}, "
            f"you edited version {expected}). Reload it to see their changes; nothing was overwritten."
        )


class ConstraintViolation(StoreError):
    """A rule the database keeps (unique, link, check) refused a write; nothing was written.

    ``kind`` is 'unique', 'foreign_key', 'check', 'not_null' or '' (another rule);
    ``table``/``column`` name the place when the backend said which.
    """

    def __init__(self, message: str, *, table: str = "", kind: str = "",
                 column: str | None = None):  # fmt: skip
        self.table, self.kind, self.column = table, kind, column
        super().__init__(message)


class Interrupted(StoreError):
    """A statement was stopped on purpose (Cancel, or the window closing); nothing was written."""


class DatabaseError(StoreError):
    """The database could not be used for a reason the other errors do not name."""
