"""Odd media and housekeeping, and slips of the hand (issue 13): a WAL file on a
read-only mount opens read-only instead of "damaged"; the -wal stays bounded; a
failed automatic backup is said; a restore is in the restored file's audit log;
CSV neutralises formula text in every column; settings and the picture cache are
private."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from tracker import cli
from tracker.services import maintenance
from tracker.store import Store, media

from .helpers import make_small_db, sha256


# ------------------------------------------------------------ read-only media
@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs holding a WAL-mode database (no -shm), remounted read-only."""
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "none", str(mnt)],
                          capture_output=True, text=True)  # fmt: skip
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip()})")
    try:
        db = make_small_db(mnt / "disc.sqlite3")
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
        conn.close()
        assert not Path(str(db) + "-shm").exists()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        yield db
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_wal_file_on_a_read_only_mount_opens_read_only(read_only_mount, tmp_path, capsys):
    db = read_only_mount
    before = sha256(db)
    assert media.read_only_media(db)
    with Store.open(db) as s:  # not asked read-only: the media decides
        assert s.read_only and "read-only media" in s.read_only_reason
        assert s.count("projects") == 3
    assert cli.main(["check", "--db", str(db)]) == 0
    assert "disc.sqlite3: ok" in capsys.readouterr().out
    out = tmp_path / "disc.xlsx"
    assert cli.main(["export", "--db", str(db), "--format", "xlsx", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "XLSX snapshot written" in said and "not recorded" in said
    code = cli.main(["update", "--db", str(db), "--project", "P-1", "--progress", "5"])
    err = capsys.readouterr().err
    assert code == 1 and "read-only" in err and "damaged" not in err
    assert sha256(db) == before


# --------------------------------------------------------------- a bounded -wal
def test_the_wal_is_cut_back_after_a_checkpoint(small_db):
    wal = Path(str(small_db) + "-wal")
    with Store.open(small_db, backup=False) as s:
        assert s.conn.execute("PRAGMA journal_size_limit").fetchone()[0] == media.WAL_LIMIT_BYTES
        reader = sqlite3.connect(small_db)  # a reader holding a snapshot: the -wal grows
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM projects").fetchone()
        big = "x" * 4000
        for _ in range(3):
            with s._write() as c:
                c.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                              [(f"k{i}-{_}", big) for i in range(3000)])  # fmt: skip
        grown = wal.stat().st_size
        assert grown > media.WAL_LIMIT_BYTES
        reader.rollback()
        reader.close()
        s.checkpoint()
        s.set_meta("after", "1")  # the next write starts the -wal over, cut to the limit
        s.checkpoint()
        assert wal.stat().st_size <= media.WAL_LIMIT_BYTES < grown
        s.changed = False


# ------------------------------------------------- a failed automatic backup
def test_a_failed_automatic_backup_is_said_on_stderr(small_db, capsys):
    blocked = small_db.parent / "portfolio-backups"
    blocked.write_text("a file where the backup folder should be")
    code = cli.main(["update", "--db", str(small_db), "--project", "P-1", "--progress", "5"])
    err = capsys.readouterr().err
    assert code == 0
    assert "tracker: warning: the automatic backup of portfolio.sqlite3 could not be made" in err
    assert "the file itself is unchanged" in err
    with Store.open(small_db, read_only=True, backup=False) as s:
        assert s.get_by("projects", "code", "P-1")["progress_pct"] == 5


# ------------------------------------------------------- a restore is audited
def test_a_restore_is_written_to_the_restored_files_audit_log(small_db, tmp_path, capsys):
    backup = tmp_path / "kept.sqlite3"
    with Store.open(small_db, backup=False) as s:
        s.backup_to(backup)
        s.changed = False
    assert cli.main(["restore", "--db", str(small_db), "--from", str(backup)]) == 0
    capsys.readouterr()
    with Store.open(small_db, read_only=True, backup=False) as s:
        last = s.rows("audit_log", order="id DESC")[0]
    assert last["action"] == "restore" and last["table_name"] == "database"
    assert last["user"] == os.environ["TRACKER_USER"]
    changes = json.loads(last["changes"])
    assert changes["backup"] == "kept.sqlite3" and changes["from"] == str(backup)
    assert "before-restore" in changes["previous_file_kept_as"]


# ---------------------------------------------- CSV: every cell is neutralised
def test_formula_text_is_neutralised_in_every_column_of_a_csv(small_db, tmp_path):
    conn = sqlite3.connect(small_db, isolation_level=None)
    conn.execute("UPDATE projects SET updated_at = '=HYPERLINK(\"http://x\",\"y\")' "
                 "WHERE code = 'P-1'")  # fmt: skip
    conn.execute("UPDATE projects SET updated_at = '+1+1' WHERE code = 'P-2'")
    conn.close()
    out = tmp_path / "csv"
    assert cli.main(["export", "--db", str(small_db), "--format", "csv", "--out", str(out),
                     "--kind", "projects"]) == 0  # fmt: skip
    import csv

    rows = list(csv.DictReader((out / "projects.csv").open(encoding="utf-8-sig")))
    stamps = {r["code"]: r["updated_at"] for r in rows}
    assert stamps["P-1"] == '\'=HYPERLINK("http://x","y")'
    assert stamps["P-2"] == "'+1+1"


def test_cell_path_neutralises_a_date_column_too(small_db):
    """The cell-by-cell path (export_text_rows) with text in a DATE and an INTEGER column."""
    from tracker.services.export import _csv_spec
    from tracker.store.export_reads import export_text_rows

    conn = sqlite3.connect(small_db, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE projects SET start_date = '=1+1', progress_pct = '@SUM(A1)' "
                 "WHERE code = 'P-1'")  # fmt: skip
    conn.close()
    with Store.open(small_db, read_only=True, backup=False) as s:
        spec = _csv_spec("projects")
        rows = list(export_text_rows(s, "projects", None, spec))
    names = [c for c, _ in spec]
    p1 = next(r for r in rows if r[0] == "P-1")
    assert p1[names.index("start_date")] == "'=1+1"
    assert p1[names.index("progress_pct")] == "'@SUM(A1)"


# ------------------------------------------------------- private housekeeping
def test_settings_and_their_folder_are_private(tmp_path):
    from tracker.ui.settings import Settings

    path = tmp_path / "cfg" / "InvestmentTracker" / "settings.ini"
    s = Settings(path)
    s.qsettings().setValue("probe", 1)
    s.sync()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_repair_keeps_a_backup_named_before_repair(tmp_path):
    p = make_small_db(tmp_path / "sent.sqlite3")
    conn = sqlite3.connect(p)
    conn.execute("CREATE VIEW v AS SELECT 1")
    conn.close()
    report = maintenance.repair(p, user="t")
    assert report.done == ["removed view 'v'"]
    assert report.backup is not None and "before-repair" in report.backup.name
    assert stat.S_IMODE(report.backup.stat().st_mode) == 0o600
