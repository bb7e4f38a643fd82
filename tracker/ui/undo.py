"""A thin QUndoCommand around a pure services.undo command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from tracker.services.undo import Command
from tracker.store import StoreError

if TYPE_CHECKING:
    from tracker.ui.context import AppContext


class UndoableCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, command: Command, *, applied: bool):
        super().__init__(command.text or "Edit")
        self.ctx = ctx
        self.command = command
        self._skip_first_redo = applied

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self.command.apply, "Redo")

    def undo(self) -> None:
        self._run(self.command.revert, "Undo")

    def _run(self, fn, what: str) -> None:  # noqa: ANN001
        try:
            change = fn(self.ctx.store)
        except (StoreError, ValueError) as exc:
            # Someone else changed the record meanwhile: say so, drop this step, overwrite nothing.
            self.setObsolete(True)
            parent = self.ctx.parent() if self.ctx.parent() is not None else None
            warn(parent, f"{what} not possible", f"{what} of “{self.text()}” was not done: {exc}")
            return
        self.ctx.changed.emit(change)


def warn(parent, title: str, text: str) -> None:  # noqa: ANN001
    """Seam for tests: monkeypatch to capture instead of showing a box."""
    QMessageBox.warning(parent, title, text)
