"""An export (or a copy) never replaces the open database, its -wal/-shm, or a
backup; its temporary part file is created exclusively and never left behind."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.domain.validation import ValidationErrors
from tracker.services import export, maintenance
from tracker.services.export import sha256_file
from tracker.store import Store
from tracker.store.backups import copy_database

FORMATS = ["xlsx", "csv", "json", "pdf", "sqlite", "iati"]


def _pdf(*, out, **_):
    Path(out).write_bytes(b"%PDF-1.4 fake\n")


def _rows(db: Path) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM projects").fetchone()[0]
    finally:
        con.close()


def _targets(db: Path, backup_dir: Path) -> dict[str, Path]:
    """Ways to name the database's own files, none of them by its plain name only."""
    alias_dir = db.parent / "alias"
    alias_dir.mkdir(exist_ok=True)
    link = alias_dir / "link-to-db.xlsx"
    if not link.exists():
        link.symlink_to(db)
    hard = db.parent / "hardlink.json"
    if not hard.exists():
        os.link(db, hard)
    backup_dir.mkdir(exist_ok=True)
    return {
        "the file": db,
        "a dotted path": db.parent / "." / db.name,
        "a symlink": link,
        "a hard link": hard,
        "the wal": Path(str(db) + "-wal"),
        "the shm": Path(str(db) + "-shm"),
        "the journal": Path(str(db) + "-journal"),
        "a file in the backup folder": backup_dir / "snapshot.out",
        "a new folder in the backup folder": backup_dir / "sub" / "s.zip",
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_refuses_every_own_file(demo_path, fmt):
    with Store.open(demo_path, backup=False) as store:
        before_rows = store.count("projects")
        for what, target in _targets(demo_path, store.backup_dir).items():
            before = sha256_file(demo_path)
            with pytest.raises(ValidationErrors) as err:
                export.export_snapshot(store, fmt=fmt, out=target, user="t", pdf_renderer=_pdf)
            msg = str(err.value)
            assert "out" in msg and ("database" in msg or "backup folder" in msg), (what, msg)
            assert sha256_file(demo_path) == before, what
        assert store.count("projects") == before_rows
        assert store.integrity_check() == []
        assert store.rows("snapshots") == []
    assert _rows(demo_path) == before_rows


def test_csv_folder_export_refuses_the_backup_folder_itself(demo_path):
    with Store.open(demo_path, backup=False) as store:
        store.backup_dir.mkdir(exist_ok=True)
        with pytest.raises(ValidationErrors, match="backup folder"):
            export.export_snapshot(store, fmt="csv", out=store.backup_dir, user="t")
        assert list(store.backup_dir.iterdir()) == []


def test_export_beside_the_database_still_works(demo_path):
    with Store.open(demo_path, backup=False) as store:
        out = demo_path.parent / (demo_path.name + ".xlsx")  # a name that merely starts the same
        result = export.export_snapshot(store, fmt="xlsx", out=out, user="t")
        assert out.exists() and result.total_rows > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_onto_the_database_is_refused(demo_path, capsys, fmt):
    before = sha256_file(demo_path)
    rows = _rows(demo_path)
    code = main(["export", "--db", str(demo_path), "--format", fmt, "--out", str(demo_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "open database" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert sha256_file(demo_path) == before and _rows(demo_path) == rows


def test_cli_export_into_the_wal_is_refused(demo_path, capsys):
    wal = Path(str(demo_path) + "-wal")
    code = main(["export", "--db", str(demo_path), "--format", "sqlite", "--out", str(wal)])
    assert code == 1
    assert "wal file of the open database" in capsys.readouterr().err
    # Nothing was made under the wal's name to be replayed into the database later.
    assert not wal.exists() or wal.stat().st_size == 0 or _rows(demo_path) > 0


@pytest.mark.parametrize("fmt", ["xlsx", "json", "iati", "pdf", "sqlite"])
def test_a_planted_part_symlink_does_not_redirect_the_write(demo_path, tmp_path, fmt):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / f"snap.{fmt}"
    for name in (f".{out.name}.part", f"{out.name}.part"):
        (tmp_path / name).symlink_to(victim)
    with Store.open(demo_path, backup=False) as store:
        export.export_snapshot(store, fmt=fmt, out=out, user="t", pdf_renderer=_pdf)
    assert victim.read_text() == "keep me"
    assert out.exists() and not out.is_symlink()


@pytest.mark.parametrize("fmt", ["xlsx", "json", "iati", "pdf", "csv"])
def test_a_failed_export_leaves_no_part_file(demo_path, tmp_path, monkeypatch, fmt):
    out = tmp_path / ("snap.zip" if fmt == "csv" else f"snap.{fmt}")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    writer = {"xlsx": "_write_xlsx", "json": "_write_json", "iati": "_write_iati",
              "csv": "_write_csv_table"}.get(fmt)  # fmt: skip
    if writer:
        monkeypatch.setattr(export, writer, boom)
    with Store.open(demo_path, backup=False) as store:
        for _ in range(3):
            with pytest.raises(OSError):
                export.export_snapshot(store, fmt=fmt, out=out, user="t", pdf_renderer=boom)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert not out.exists()


def test_a_failed_copy_leaves_no_part_file(demo_path, tmp_path):
    target = tmp_path / "copies" / "copy.sqlite3"
    src = sqlite3.connect(str(demo_path))
    src.close()  # a closed connection: the backup API raises
    with pytest.raises(sqlite3.ProgrammingError):
        copy_database(src, target)
    assert list(target.parent.iterdir()) == []


def test_backup_copy_is_private_and_made_exclusively(demo_path, tmp_path):
    with Store.open(demo_path, backup=False) as store:
        victim = tmp_path / "victim"
        victim.write_text("x")
        folder = tmp_path / "b"
        folder.mkdir()
        path = maintenance.backup(store, to=folder)
    assert path.stat().st_mode & 0o777 == 0o600
    assert victim.read_text() == "x"
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
