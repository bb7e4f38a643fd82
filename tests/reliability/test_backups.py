"""Backups: rotating copies on open and close, `tracker restore`, and a migration
that always runs after a backup (and leaves the file alone when it fails)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tracker import cli
from tracker.services import edits, maintenance
from tracker.store import Store, StoreError, backups
from tracker.store import connection as ss
from tracker.store import migrations as mig

from .helpers import sha256


def _rename(store: Store, code: str, name: str) -> None:
    row = store.get_by("projects", "code", code)
    edits.edit_record(store, kind="projects", pk=row["id"], values={"name": name},
                      expected_version=row["version"], user="t")  # fmt: skip


def _name_in(path: Path, code: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name FROM projects WHERE code = ?", (code,)).fetchone()[0]
    finally:
        conn.close()


def test_backups_on_open_and_close_rotate_keeping_n(small_db: Path) -> None:
    folder = backups.default_dir(small_db)
    for i in range(6):
        with Store.open(small_db, keep_backups=3) as s:
            _rename(s, "P-1", f"Name {i}")
        time.sleep(0.002)
    kept = backups.list_backups(folder, small_db.stem)
    assert len(kept) == 3
    assert {b.reason for b in kept} <= {"open", "close"}
    assert kept[0].reason == "close" and _name_in(kept[0].path, "P-1") == "Name 5"
    assert [b.taken_at for b in kept] == sorted((b.taken_at for b in kept), reverse=True)
    if os.name == "posix":
        assert all(b.path.stat().st_mode & 0o777 == 0o600 for b in kept)
        assert folder.stat().st_mode & 0o777 == 0o700


def test_open_without_changes_makes_no_new_backup(small_db: Path) -> None:
    with Store.open(small_db) as s:
        s.changed = False
    first = backups.list_backups(backups.default_dir(small_db), small_db.stem)
    assert [b.reason for b in first] == ["open"]
    for _ in range(3):
        with Store.open(small_db):
            pass
    assert backups.list_backups(backups.default_dir(small_db), small_db.stem) == first


def test_rotation_keeps_manual_and_safety_copies(small_db: Path) -> None:
    with Store.open(small_db, backup=False) as s:
        manual = maintenance.backup(s)
        s.changed = False
    for i in range(4):
        with Store.open(small_db, keep_backups=2) as s:
            _rename(s, "P-2", f"N{i}")
        time.sleep(0.002)
    kept = backups.list_backups(backups.default_dir(small_db), small_db.stem)
    assert manual in [b.path for b in kept]
    assert sum(b.reason in backups.AUTOMATIC for b in kept) == 2


def test_cli_restore_backs_up_the_current_file_first(small_db: Path, capsys) -> None:  # noqa: ANN001
    with Store.open(small_db, backup=False) as s:
        good = maintenance.backup(s)
        _rename(s, "P-1", "After the backup")
        s.close(backup=False)
    assert cli.main(["restore", "--db", str(small_db), "--from", str(good)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "previous file was kept as" in out
    assert _name_in(small_db, "P-1") == "Riverside Pulp Mill"
    safety = [b for b in maintenance.list_backups(small_db) if b.reason == "before-restore"]
    assert len(safety) == 1 and _name_in(safety[0].path, "P-1") == "After the backup"
    with Store.open(small_db, backup=False) as s:
        assert s.integrity_check() == []
        s.changed = False


def test_restore_over_a_damaged_file(small_db: Path, capsys) -> None:  # noqa: ANN001
    with Store.open(small_db, backup=False) as s:
        good = maintenance.backup(s)
        s.changed = False
    damaged = os.urandom(4096)
    small_db.write_bytes(damaged)
    assert cli.main(["check", "--db", str(small_db)]) == 1
    capsys.readouterr()
    assert cli.main(["restore", "--db", str(small_db), "--from", str(good)]) == 0
    out = capsys.readouterr().out
    kept = next(p for p in backups.default_dir(small_db).iterdir() if "damaged" in p.name)
    assert kept.read_bytes() == damaged and kept.name in out
    assert cli.main(["check", "--db", str(small_db)]) == 0


# ------------------------------------------------------------------------ migrations
def _v2_adds_a_column(db) -> None:  # noqa: ANN001
    db.execute("ALTER TABLE projects ADD COLUMN loan_number TEXT")


def _v2_fails(db) -> None:  # noqa: ANN001
    db.execute("ALTER TABLE projects ADD COLUMN half_done TEXT")
    raise RuntimeError("migration 2 broke")


#: The schema a test migration brings the file to (one past the program's own).
OLD, NEXT = mig.SCHEMA_VERSION, mig.SCHEMA_VERSION + 1


def _with_v2(monkeypatch, step) -> None:  # noqa: ANN001
    monkeypatch.setattr(ss, "MIGRATIONS", [*mig.MIGRATIONS, step])
    monkeypatch.setattr(ss, "SCHEMA_VERSION", NEXT)


@pytest.mark.parametrize("backup", [True, False])
def test_upgrade_runs_after_a_backup_of_the_old_file(small_db, monkeypatch, backup) -> None:  # noqa: ANN001
    """Even with automatic backups off, an upgrade first copies the old file."""
    old_sha = sha256(small_db)
    _with_v2(monkeypatch, _v2_adds_a_column)
    with Store.open(small_db, backup=backup) as s:
        assert s.schema_version == NEXT
        assert "loan_number" in s._columns("projects")
        assert s.meta("schema_version") == str(NEXT)
    pre = [b for b in maintenance.list_backups(small_db) if b.reason == f"before-upgrade-v{OLD}"]
    assert len(pre) == 1
    conn = sqlite3.connect(pre[0].path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (OLD,)
        assert conn.execute("SELECT count(*) FROM projects").fetchone() == (3,)
        cols = [r[1] for r in conn.execute("PRAGMA table_info(projects)")]
        assert "loan_number" not in cols
    finally:
        conn.close()
    assert sha256(small_db) != old_sha


def test_failed_upgrade_leaves_the_file_at_its_schema(small_db, monkeypatch, capsys) -> None:  # noqa: ANN001
    _with_v2(monkeypatch, _v2_fails)
    rc = cli.main(["update", "--db", str(small_db), "--project", "P-1", "--note", "x"])
    err = capsys.readouterr().err
    assert rc == 1 and "Traceback" not in err
    assert "upgrade" in err and f"schema {OLD}" in err and "migration 2 broke" in err
    monkeypatch.undo()
    with Store.open(small_db, backup=False) as s:
        assert s.schema_version == OLD
        assert "half_done" not in s._columns("projects")
        assert s.count("project_updates") == 0 and s.integrity_check() == []
        s.changed = False
    assert [b.reason for b in maintenance.list_backups(small_db)] == [f"before-upgrade-v{OLD}"]


def test_no_upgrade_without_a_backup(small_db, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    """If the backup before an upgrade cannot be written, the upgrade does not run."""
    _with_v2(monkeypatch, _v2_adds_a_column)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    before = sha256(small_db)
    with pytest.raises(StoreError, match="no backup could be made"):
        Store.open(small_db, backup_dir=blocker)
    assert sha256(small_db) == before


def test_older_file_opened_read_only_is_refused_not_upgraded(small_db, monkeypatch) -> None:  # noqa: ANN001
    _with_v2(monkeypatch, _v2_adds_a_column)
    before = sha256(small_db)
    with pytest.raises(StoreError, match="read-only"):
        Store.open(small_db, read_only=True)
    assert sha256(small_db) == before
    shutil.rmtree(backups.default_dir(small_db), ignore_errors=True)
