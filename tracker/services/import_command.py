"""A checked import as one undoable step (pure, no Qt): ``apply`` writes the
whole plan in one transaction; ``revert`` takes back exactly what it wrote —
inserted rows deleted, changed fields put back, project updates undone — each
version-checked, so a record edited since the import is never overwritten."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain.fields import PROJECT_UPDATES, kind_of
from tracker.domain.validation import ValidationErrors
from tracker.services import edits, importer, updates
from tracker.services.changes import Change
from tracker.services.progress import Progress
from tracker.store import VERSIONED, Store, StoreError


class ImportUndoRefused(StoreError):
    """The import cannot be taken back (a record it wrote was changed or is in use since)."""


@dataclass
class ImportCommand:
    plan: importer.ImportPlan
    user: str
    text: str = ""
    inserted: list[Any] = field(default_factory=list)
    #: (primary key, the fields as they were before, the row version after the import)
    updated: list[tuple[Any, dict[str, Any], int | None]] = field(default_factory=list)
    applied: list[updates.AppliedUpdate] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = f"Import {Path(self.plan.path).name}"

    def apply(self, store: Store, *, progress: Progress | None = None) -> Change:
        """Write the plan (all or nothing); raises ValidationErrors for a plan with problems.

        ``progress`` hears the rows written; a cancel before the commit writes nothing."""
        k = kind_of(self.plan.kind)
        inserted: list[Any] = []
        updated: list[tuple[Any, dict[str, Any], int | None]] = []
        applied: list[updates.AppliedUpdate] = []
        with store.write():
            before = {}
            for p in self.plan.planned:
                if p.action == "update":
                    row = store.get(k.name, p.pk) or {}
                    before[p.pk] = {f: row.get(f) for f in p.changes}
            change = importer.commit_plan(store, self.plan, user=self.user, applied=applied,
                                          progress=progress)  # fmt: skip
            if k is not PROJECT_UPDATES:
                written = [p for p in self.plan.planned if p.action in ("insert", "update")]
                for p, pk in zip(written, change.ids, strict=True):
                    if p.action == "insert":
                        inserted.append(pk)
                    else:
                        row = store.get(k.name, pk) or {}
                        updated.append((pk, before[pk], row.get("version")))
        self.inserted, self.updated, self.applied = inserted, updated, applied
        return change

    def revert(self, store: Store) -> Change:
        """Take the import back in one transaction, or refuse with the reason and change nothing."""
        k = kind_of(self.plan.kind)
        ids: list[Any] = []
        try:
            with store.write():
                if k is PROJECT_UPDATES:
                    for a in reversed(self.applied):
                        updates.undo_update(store, a, user=self.user)
                        ids.append(a.update_id)
                else:
                    for pk, fields, version in reversed(self.updated):
                        store.update(k.name, pk, fields, expected_version=version, user=self.user,
                                     action="undo_import")  # fmt: skip
                        ids.append(pk)
                    first = 1 if k.name in VERSIONED else None
                    for pk in reversed(self.inserted):
                        _, removed = edits.delete_record(store, kind=k.name, pk=pk, expected_version=first,
                                                         user=self.user)  # fmt: skip
                        if removed.get("project_updates"):
                            raise ImportUndoRefused(
                                f"the import cannot be undone: project {removed['row'].get('code')} "
                                "has updates entered since"
                            )
                        ids.append(pk)
                store.audit(k.name, "undo_import", {"file": Path(self.plan.path).name, "rows": len(ids)},
                            user=self.user)  # fmt: skip
        except ValidationErrors as exc:
            raise ImportUndoRefused(f"the import cannot be undone: {exc}") from exc
        return Change(k.name, tuple(ids), "import")


@dataclass
class ImportOutcome:
    """What one import did: the plan it checked, and when the file had no problem the
    command that wrote it (for undo) and the change it made."""

    plan: importer.ImportPlan
    command: ImportCommand | None = None
    change: Change | None = None

    @property
    def written(self) -> bool:
        return self.command is not None


def run_import(store: Store, *, kind: str, path: str | Path, user: str, text: str = "",
               checked: importer.ImportPlan | None = None,
               progress: Progress | None = None) -> ImportOutcome:  # fmt: skip
    """The import use case, the same for the command line and the window: the file is
    checked against the database as it is now (a plan ``checked`` earlier, e.g. on a
    read-only connection or for the preview, is checked again: the database may have moved
    on), and when it has no problem it is written in one transaction as one undoable
    command. A file with problems writes nothing; ``outcome.plan.errors`` says why."""
    if checked is not None:
        plan = importer.plan_rows(store, kind=checked.kind, source=checked.source,
                                  path=str(path), progress=progress)  # fmt: skip
    else:
        plan = importer.plan_import(store, kind=kind, path=path, progress=progress)
    if plan.errors:
        return ImportOutcome(plan)
    command = ImportCommand(plan, user=user, text=text)
    change = command.apply(store, progress=progress)
    return ImportOutcome(plan, command, change)
