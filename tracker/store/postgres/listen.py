"""Live team work: what other people save reaches every open window (LISTEN/NOTIFY).

The server announces each statement that wrote the audit log on the channel
``tracker_changes`` when its transaction commits (a trigger, see
:mod:`tracker.store.postgres.schema`): the tables, the last audit id, and for a
few rows which rows, what was done, by whom and when. A :class:`ChangeFeed` holds
its own connection that listens; the window asks it for news (a short wait on a
worker, or a poll from a timer) and refreshes only what the news concerns. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import psycopg

from tracker.store.postgres.session import ServerUnavailable, connect

CHANNEL = "tracker_changes"


@dataclass(frozen=True)
class ChangeNotice:
    """One committed statement's changes: ``items`` name the rows when there were few."""

    last_audit_id: int
    count: int
    tables: tuple[str, ...]
    items: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    #: The server process that made the change (compare with PgStore.backend_pid).
    pid: int = 0

    def concerns(self, table: str, row_id: Any = None) -> bool:
        if table not in self.tables:
            return False
        if row_id is None or not self.items:
            return True
        return any(i["table"] == table and str(i["row_id"]) == str(row_id) for i in self.items)


class ChangeFeed:
    """Notices of other people's saves, from a connection of its own."""

    def __init__(self, url: str, *, password: str | None = None):
        self._dial = (url, password)
        self._conn: psycopg.Connection | None = None
        self._listen()

    def _listen(self) -> None:
        url, password = self._dial
        self._conn = connect(url, password=password)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float = 0.0, *, max_notices: int = 1000) -> list[ChangeNotice]:
        """The notices that arrived, waiting up to ``timeout`` seconds for the first.

        After a lost connection, listening starts again (ServerUnavailable while the
        server is away); the caller then reloads what it shows, since notices sent
        meanwhile were not received.
        """
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._listen()
        out: list[ChangeNotice] = []
        assert self._conn is not None
        try:
            gen = self._conn.notifies(timeout=timeout, stop_after=1)
            for n in gen:
                out.append(_notice(n))
            # Whatever else is already queued, without waiting again.
            for n in self._conn.notifies(timeout=0.0, stop_after=max_notices):
                out.append(_notice(n))
        except psycopg.OperationalError as exc:
            raise ServerUnavailable(f"The change feed lost the server ({exc}).") from exc
        return out

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> ChangeFeed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _notice(n: Any) -> ChangeNotice:
    data = json.loads(n.payload)
    return ChangeNotice(
        last_audit_id=int(data.get("last") or 0),
        count=int(data.get("count") or 0),
        tables=tuple(data.get("tables") or ()),
        items=tuple(data.get("items") or ()),
        pid=n.pid,
    )
