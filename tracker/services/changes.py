"""What a write changed, so panes refresh only when it concerns them."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    table: str
    ids: tuple = ()
    action: str = "update"  # insert | update | delete | import | round | reference | team
    #: For another user's save on a team server: their login and the time (ISO, UTC).
    by: str = ""
    at: str = ""

    def concerns(self, table: str) -> bool:
        if self.table == table:
            return True
        # Project updates move the project's current state.
        return self.table == "project_updates" and table == "projects"

    @property
    def remote(self) -> bool:
        """Someone else's save, seen through the team server's change feed."""
        return self.action == "team" or bool(self.by)


def current_user() -> str:
    """The name written to the audit log when the settings do not give one."""
    for var in ("TRACKER_USER",):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "unknown"
