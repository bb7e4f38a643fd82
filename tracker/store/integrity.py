"""Checking the file and copying it whole."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tracker.store import backups, fingerprint


class Integrity:
    """Mixin of :class:`tracker.store.sqlite_store.Store`: checks and copies of the file."""

    def integrity_check(self, *, quick: bool = False) -> list[str]:
        """Problems SQLite finds in the file (empty list: all well), plus broken links."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            rows = [r[0] for r in self._conn.execute(f"PRAGMA {pragma}")]
            fk = self._conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc):
                raise  # stopped (the window closed, or Cancel): no verdict either way
            return [f"the file is damaged: {exc}"]
        problems = [] if rows == ["ok"] else rows
        problems += [f"{r[0]} row {r[1]} points to a missing {r[2]} record" for r in fk]
        return problems

    def broken_cells(self, kinds: Sequence[Any], *, limit: int = 10_000) -> list[Any]:
        """Stored values that break their field's rule (tracker.store.row_rules)."""
        from tracker.store import row_rules

        return row_rules.broken_cells(self._conn, list(kinds), limit=limit)

    def backup_to(self, target: str | os.PathLike[str],
                  progress: Callable[[int, int], None] | None = None) -> Path:  # fmt: skip
        """A consistent copy made with SQLite's backup API (``progress``: see copy_database)."""
        return backups.copy_database(self._conn, Path(target), progress)

    def make_backup(self, *, reason: str = "manual", folder: str | os.PathLike[str] | None = None,
                    keep: int | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Path:  # fmt: skip
        """A dated copy in the backup folder (rotating the automatic ones); its path.
        ``progress(pages_done, pages)`` may raise (a cancel): then no file is left."""
        return backups.make_backup(
            self,  # type: ignore[arg-type]
            Path(folder) if folder else self.backup_dir,  # type: ignore[attr-defined]
            keep=self.keep_backups if keep is None else keep,  # type: ignore[attr-defined]
            reason=reason,
            progress=progress,
        )

    def data_stamp(self) -> str:
        """A digest that changes whenever the file's records change (through any connection)."""
        return fingerprint.data_stamp(self._conn)
