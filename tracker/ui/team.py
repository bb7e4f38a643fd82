"""A window on a team server follows what the others save.

The server announces every committed change (LISTEN/NOTIFY, see
:mod:`tracker.store.postgres.listen`); a :class:`TeamFollower` looks for news
every few hundred milliseconds (a non-blocking read of its own connection) and
hands each change of someone else to the window as a :class:`Change`, the same
signal the window's own saves send: tables, footer, charts and dashboard refresh
what it concerns, keeping the selection and place. When the server goes away
the status bar says so, and it says so again when the connection is back (then
everything is read again, since news sent meanwhile were missed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from tracker.services.changes import Change
from tracker.store import StoreError

#: How often news is looked for (well inside the two seconds a colleague's save may take).
POLL_MS = 300
#: Tables whose change a window shows.
_SHOWN = ("projects", "project_updates", "disbursement_plans", "residents", "ventures", "banks",
          "zones", "countries", "sectors", "regions", "fx_rates")  # fmt: skip


class TeamFollower(QObject):
    def __init__(self, ctx: Any, status: QLabel, *, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.status = status
        self.away = False
        self.feed: Any = None
        #: Changes of others handed to the window so far (tests read it).
        self.followed = 0
        self._connect()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _connect(self) -> None:
        try:
            self.feed = self.ctx.store.change_feed()
        except StoreError:
            self.feed = None
            self._gone()

    def poll(self) -> None:
        if self.ctx.store.closed:
            self.timer.stop()
            return
        if self.feed is None:
            self._connect()
            if self.feed is None:
                return
        try:
            notices = self.feed.wait(0)
        except StoreError:
            self.feed.close()
            self.feed = None
            self._gone()
            return
        if self.away:
            self._back()
            return
        mine = self.ctx.store.backend_pid if self.ctx.store.connected else None
        for n in notices:
            if n.pid == mine:
                continue  # our own save: the window has shown it already
            for table in n.tables:
                if table not in _SHOWN:
                    continue
                items = [i for i in n.items if i["table"] == table]
                ids = tuple(_row_id(i["row_id"]) for i in items)
                # Edits of known rows refresh those rows; anything else reads the order again.
                edits = bool(items) and all(i["action"].startswith("update") for i in items)
                self.followed += 1
                last = items[-1] if items else {}
                self.ctx.changed.emit(Change(table, ids, "update" if edits else "team",
                                             by=str(last.get("user") or ""),
                                             at=str(last.get("at") or "")))  # fmt: skip

    def _gone(self) -> None:
        if not self.away:
            self.away = True
            self.status.setText(
                "⚠ " + self.tr("Server unreachable: saving is off until it is back")
            )
            self.status.setToolTip(
                self.tr("The window tries again by itself; your edits are kept.")
            )
            self.status.show()

    def _back(self) -> None:
        self.away = False
        self.status.setText(self.tr("Connected to the server again"))
        self.status.setToolTip("")
        QTimer.singleShot(5000, self.status.hide)
        for table in _SHOWN:  # news sent while away were missed: read everything again
            self.ctx.changed.emit(Change(table, (), "team"))


def _row_id(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.isdigit() else value
