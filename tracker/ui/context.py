"""What every pane and dialog shares: the open store, who is editing, the
reporting currency, the undo stack, and one signal saying what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tracker.services.changes import Change, current_user
from tracker.services.undo import Command
from tracker.store import Store


class AppContext(QObject):
    #: Emitted with a tracker.services.changes.Change after every write (and undo/redo).
    changed = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        user: str | None = None,
        currency: str = "USD",
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.user = user or current_user()
        self.currency = currency
        self.as_of = dt.date.today().isoformat()
        self.undo_stack = QUndoStack(self)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def on_server(self) -> bool:
        """The team's portfolio on a server (no file: no folder beside it)."""
        return self.store.path is None

    @property
    def folder(self) -> Path:
        """Where files made from the portfolio go unless Settings names a folder: beside
        the database file, or the home folder for a server portfolio."""
        return Path.home() if self.on_server else Path(self.store.path).parent

    @property
    def stem(self) -> str:
        """The portfolio's short name for file names: the file's, or the server database's."""
        if self.on_server:
            return str(getattr(self.store, "dbname", "") or "portfolio")
        return Path(self.store.path).stem

    def run(self, command: Command) -> Change:
        """Apply a command now and put it on the undo stack; raises what the service raises
        (ValidationErrors, StaleWrite, ...) with nothing written and nothing pushed."""
        from tracker.ui.undo import UndoableCommand

        change = command.apply(self.store)
        self.undo_stack.push(UndoableCommand(self, command, applied=True))
        self.changed.emit(change)
        return change
