"""Check, back up and restore a database file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tracker.services.progress import COPYING, VERIFYING, Progress, quiet
from tracker.store import ForeignSchema, Store, StoreError
from tracker.store import backups as _backups

Backup = _backups.Backup


@dataclass
class CheckReport:
    path: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(path: str | os.PathLike[str]) -> CheckReport:
    """Full integrity check plus the portfolio's own rules, read-only."""
    report = CheckReport(str(path))
    with Store.open(path, read_only=True, backup=False) as store:
        report.problems += store.integrity_check()
        report.problems += [f"schema: {d.describe()}" for d in store.schema_problems]
        if store.schema_problems:
            report.notes.append(
                f"repair the schema with: tracker repair --db {Path(path).name} "
                "(removes what the program did not make, after a backup)"
            )
        for table in (
            "projects",
            "project_updates",
            "residents",
            "ventures",
            "audit_log",
            "snapshots",
        ):
            report.counts[table] = store.count(table)
        from tracker.services import row_check

        report.problems += [f"row: {c.describe()}" for c in row_check.broken_cells(store)]
        report.problems += [
            f"project {code}: disbursed exceeds the committed amount"
            for code in store.projects_disbursed_over_amount(limit=20)
        ]
        fx = store.fx_table()
        for cur in sorted(store.distinct_values(("projects", "residents", "ventures"), "currency")):
            if cur != "USD" and not fx.rates.get(cur):
                report.notes.append(
                    f"no exchange rate for {cur}: its amounts are left out of USD totals"
                )
        if _on_network_share(Path(path)):
            report.notes.append(
                "the file is on a network share; SQLite's WAL needs one host — keep it local"
            )
    return report


def backup(store: Store, *, to: str | os.PathLike[str] | None = None,
           progress: Progress | None = None) -> Path:  # fmt: skip
    """A manual backup into ``to`` (a folder) or the usual backup folder.

    ``progress`` hears the pages copied; a cancel leaves no file behind.
    """
    progress = progress or quiet()
    progress(0, 0, COPYING)
    return store.make_backup(folder=to, keep=0, reason="manual", progress=progress)


def list_backups(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None
) -> list[Backup]:
    p = Path(db_path)
    return _backups.list_backups(Path(folder) if folder else _backups.default_dir(p), p.stem)


def restore(db_path: str | os.PathLike[str], *, source: str | os.PathLike[str],
            backup_dir: str | os.PathLike[str] | None = None,
            progress: Progress | None = None, user: str | None = None) -> Path | None:  # fmt: skip
    """Replace the database with a backup; the current file is backed up first.

    The restored file's audit log says who restored it, when and from which backup
    (``user``: the login name unless given), so its history never jumps back silently.

    The backup is checked before anything is touched; returns the safety copy
    of the file that was replaced (None if there was no usable file). ``progress``
    hears the steps; a cancel while the backup is checked or the safety copy made
    leaves the database as it was (the replacing itself is not cancellable).
    """
    progress = progress or quiet()
    src, dst = Path(source), Path(db_path)
    progress(0, 0, VERIFYING)
    with Store.open(src, read_only=True, backup=False) as b:
        progress.on_cancel = b.interrupt
        try:
            problems = b.integrity_check()
        finally:
            progress.on_cancel = None
        if problems:
            raise StoreError(f"{src.name} is damaged and was not restored: {problems[0]}")
        if b.schema_problems:
            raise ForeignSchema(
                f"{src.name} was not restored: it holds database objects this program did not "
                f"make ({'; '.join(d.describe() for d in b.schema_problems[:6])}). "
                f"Repair a copy of it first (tracker repair --db COPY); {dst.name} was not changed.",
                b.schema_problems,
            )
    safety = None
    healthy = False
    if dst.exists() and dst.stat().st_size:
        folder = Path(backup_dir) if backup_dir else _backups.default_dir(dst)
        try:
            with Store.open(dst, backup=False) as cur:
                progress(0, 0, COPYING)
                safety = cur.make_backup(folder=folder, keep=0, reason="before-restore",
                                         progress=progress)  # fmt: skip
                progress(0, 0, VERIFYING)
                healthy = not cur.integrity_check(quick=True)
        except StoreError:
            folder.mkdir(parents=True, exist_ok=True)
            safety = folder / f"{dst.stem}-damaged-before-restore{dst.suffix or '.sqlite3'}"
            shutil.copy2(dst, safety)
    progress.commit_point()
    _backups.copy_file_over(src, dst, live=healthy)
    _audit_restore(dst, src, safety, user)
    return safety


def _audit_restore(dst: Path, src: Path, safety: Path | None, user: str | None) -> None:
    from tracker.services.changes import current_user

    try:
        with Store.open(dst, backup=False) as s:
            s.audit("database", "restore", {
                "from": str(src), "backup": src.name,
                "backup_modified": dt.datetime.fromtimestamp(src.stat().st_mtime, dt.UTC)
                .isoformat(timespec="seconds").replace("+00:00", "Z"),
                "previous_file_kept_as": str(safety) if safety else None,
            }, user=user or current_user())  # fmt: skip
            s.changed = False  # the restore is the copy; no backup of it on close
    except (StoreError, OSError) as exc:
        raise StoreError(f"{dst.name} was restored from {src.name}, but the restore could not be "
                         f"written to its audit log ({exc}).") from exc  # fmt: skip


@dataclass
class RepairReport:
    path: str
    done: list[str] = field(default_factory=list)
    backup: Path | None = None


def repair(path: str | os.PathLike[str], *, user: str,
           backup_dir: str | os.PathLike[str] | None = None) -> RepairReport:  # fmt: skip
    """Remove the triggers, views, tables and definitions the program did not make,
    after a backup of the file as it was; one transaction, so all or nothing."""
    report = RepairReport(str(path))
    with Store.open(path, backup=False, backup_dir=backup_dir, repair_schema=True) as store:
        if not store.schema_problems:
            return report
        before = {b.path for b in _backups.list_backups(store.backup_dir, store.path.stem)}
        report.done = store.repair_schema(user=user)
        made = [b for b in _backups.list_backups(store.backup_dir, store.path.stem)
                if b.path not in before and b.reason == "before-repair"]  # fmt: skip
        report.backup = made[0].path if made else None
        store.changed = False  # the copy before the repair is the one worth keeping
    return report


def _on_network_share(path: Path) -> bool:
    """True for NFS/SMB mounts (Linux) and UNC paths (Windows)."""
    s = str(path.resolve())
    if s.startswith("\\\\"):
        return True
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and s.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p"}


#: Public name of the detector: the window warns about a file on a network share.
on_network_share = _on_network_share
