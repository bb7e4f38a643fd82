"""Undoable edits as pure commands (no Qt): ``apply`` does the change,
``revert`` takes it back; each returns the Change so panes can refresh.

The window wraps these in QUndoCommands (tracker.ui.undo); tests drive them
directly against a real database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tracker.services import edits, updates
from tracker.services.changes import Change
from tracker.services.progress import Progress
from tracker.store import Store, pk_of


class Command(Protocol):
    text: str

    def apply(self, store: Store) -> Change: ...

    def revert(self, store: Store) -> Change: ...


@dataclass
class CreateCommand:
    kind: str
    values: Mapping[str, Any]
    user: str
    text: str = ""
    pk: Any = None
    _row: dict[str, Any] | None = None

    def apply(self, store: Store) -> Change:
        if self._row is None:
            change, self.pk = edits.create_record(
                store, kind=self.kind, values=self.values, user=self.user
            )
            self._row = store.get(self.kind, self.pk)
            return change
        pk = store.restore_row(self.kind, self._row, user=self.user)  # redo: same id as before
        self._row = store.get(self.kind, pk)
        return Change(self.kind, (pk,), "insert")

    def revert(self, store: Store) -> Change:
        row = store.get(self.kind, self.pk)
        change, removed = edits.delete_record(store, kind=self.kind, pk=self.pk,
                                              expected_version=row["version"] if row else None, user=self.user)  # fmt: skip
        self._row = removed["row"]
        return change


@dataclass
class EditCommand:
    """Save edited fields of one record; undo puts the old values back (version-checked)."""

    kind: str
    pk: Any
    values: Mapping[str, Any]
    expected_version: int | None
    user: str
    text: str = ""
    before: dict[str, Any] = field(default_factory=dict)
    version_after: int | None = None

    def apply(self, store: Store) -> Change:
        current = store.get(self.kind, self.pk)
        expected = (
            self.expected_version if self.version_after is None else self.version_after_revert
        )
        change, after = edits.edit_record(store, kind=self.kind, pk=self.pk, values=self.values,
                                          expected_version=expected, user=self.user)  # fmt: skip
        if current is not None and not self.before:
            self.before = {k: current[k] for k in after if k in current and current[k] != after[k]
                           and k not in ("version", "updated_at")}  # fmt: skip
        self.pk = after[pk_of(self.kind)]
        self.version_after = after.get("version")
        return change

    def revert(self, store: Store) -> Change:
        if not self.before:
            return Change(self.kind, (self.pk,), "update")
        raw = dict(self.before)
        after = store.update(self.kind, self.pk, raw, expected_version=self.version_after, user=self.user,
                             action="undo")  # fmt: skip
        self.pk = after[pk_of(self.kind)]
        self.version_after_revert = after.get("version")
        return Change(self.kind, (self.pk,), "update")

    version_after_revert: int | None = None


@dataclass
class DeleteCommand:
    kind: str
    pk: Any
    expected_version: int | None
    user: str
    text: str = ""
    removed: dict[str, Any] = field(default_factory=dict)

    def apply(self, store: Store) -> Change:
        version = self.expected_version
        if self.removed:  # redo: the row came back with a new version
            row = store.get(self.kind, self.pk)
            version = row["version"] if row and "version" in row else None
        change, self.removed = edits.delete_record(store, kind=self.kind, pk=self.pk, expected_version=version,
                                                   user=self.user)  # fmt: skip
        return change

    def revert(self, store: Store) -> Change:
        return edits.restore_deleted(store, kind=self.kind, removed=self.removed, user=self.user)


@dataclass
class AddUpdateCommand:
    project_id: int
    values: Mapping[str, Any]
    user: str
    expected_version: int | None = None
    text: str = ""
    applied: updates.AppliedUpdate | None = None
    _row: dict[str, Any] | None = None

    def apply(self, store: Store) -> Change:
        if self._row is None:
            change, self.applied = updates.add_update(store, project_id=self.project_id, values=self.values,
                                                      user=self.user, expected_version=self.expected_version)  # fmt: skip
            self._row = store.get("project_updates", self.applied.update_id)
            return change
        assert self.applied is not None
        self.applied = updates.redo_update(store, self.applied, self._row, user=self.user)
        return Change("project_updates", (self.applied.update_id,), "insert")

    def revert(self, store: Store) -> Change:
        assert self.applied is not None
        return updates.undo_update(store, self.applied, user=self.user)


@dataclass
class RoundCommand:
    """A month's update round as one undoable step."""

    as_of: str
    entries: Sequence[Mapping[str, Any]]
    user: str
    text: str = ""
    result: updates.RoundResult | None = None
    _rows: list[dict[str, Any]] = field(default_factory=list)

    def apply(self, store: Store, *, progress: Progress | None = None) -> Change:
        if self.result is None:
            self.result = updates.apply_round(store, as_of=self.as_of, entries=self.entries,
                                              user=self.user, progress=progress)  # fmt: skip
            self._rows = [store.get("project_updates", a.update_id) for a in self.result.applied]  # type: ignore[misc]
            return self.result.change
        with store.write():
            self.result.applied = [updates.redo_update(store, a, row, user=self.user)
                                   for a, row in zip(self.result.applied, self._rows, strict=True)]  # fmt: skip
        return self.result.change

    def revert(self, store: Store) -> Change:
        assert self.result is not None
        return updates.undo_round(store, self.result, user=self.user)
