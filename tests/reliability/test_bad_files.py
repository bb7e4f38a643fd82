"""Damaged and unexpected files: each gives a clear message (exit 1, no traceback,
saying what is wrong) and the file is never written (sha256 before and after)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tracker import cli
from tracker.store import SCHEMA_VERSION, Store, StoreError, connection
from tracker.store import sqlite_file as ss

from .helpers import make_small_db, sha256


def _template(tmp_path_factory) -> Path:  # noqa: ANN001
    d = tmp_path_factory.getbasetemp() / "bad-files-template"
    p = d / "good.sqlite3"
    if not p.exists():
        d.mkdir(exist_ok=True)
        make_small_db(p)
    return p


def _copy_good(target: Path, template: Path) -> None:
    shutil.copy(template, target)


def make_empty(p: Path, t: Path) -> None:
    p.write_bytes(b"")


def make_truncated(p: Path, t: Path) -> None:
    data = t.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def make_random(p: Path, t: Path) -> None:
    p.write_bytes(random.Random(7).randbytes(64 * 1024))


def make_text(p: Path, t: Path) -> None:
    p.write_text("code,name\nP-1,Not a database but a CSV file\n", encoding="utf-8")


def make_foreign(p: Path, t: Path) -> None:
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO songs (title) VALUES ('Kalinka')")
    conn.commit()
    conn.close()


def make_foreign_app_id(p: Path, t: Path) -> None:
    make_foreign(p, t)
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA application_id = 1179403647")  # another program's stamp
    conn.commit()
    conn.close()


def make_newer(p: Path, t: Path) -> None:
    _copy_good(p, t)
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def make_damaged_page(p: Path, t: Path) -> None:
    """A whole-length file with garbage over its pages after the header and schema."""
    _copy_good(p, t)
    data = bytearray(p.read_bytes())
    rng = random.Random(11)
    for off in range(4096, len(data), 4096):
        data[off : off + 4096] = rng.randbytes(4096)
    p.write_bytes(bytes(data))


#: name -> (maker, words one of which the message must contain)
BAD_FILES: dict[str, tuple[Callable[[Path, Path], None], tuple[str, ...]]] = {
    "empty": (make_empty, ("empty",)),
    "truncated": (make_truncated, ("truncated", "damaged")),
    "random-bytes": (make_random, ("not a SQLite database",)),
    "text-file": (make_text, ("not a SQLite database",)),
    "other-program": (make_foreign, ("another program",)),
    "other-program-app-id": (make_foreign_app_id, ("another program",)),
    "newer-schema": (make_newer, ("newer",)),
    "damaged-pages": (make_damaged_page, ("damaged", "malformed")),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request, tmp_path, tmp_path_factory) -> Iterator[tuple[Path, tuple[str, ...]]]:  # noqa: ANN001
    maker, words = BAD_FILES[request.param]
    p = tmp_path / f"{request.param}.sqlite3"
    maker(p, _template(tmp_path_factory))
    yield p, words


def _csv(tmp_path: Path) -> Path:
    src = tmp_path / "new.csv"
    src.write_text(
        "code,name,sector,bank,amount,currency,status\nN-1,New,industry,China Exim,5.00,USD,signed\n",
        encoding="utf-8",
    )
    return src


def _commands(db: Path, tmp_path: Path) -> list[list[str]]:
    return [
        ["check", "--db", str(db)],
        ["update", "--db", str(db), "--project", "P-1", "--progress", "50"],
        ["import", "--db", str(db), "--kind", "projects", str(_csv(tmp_path))],
        ["import", "--db", str(db), "--kind", "projects", "--dry-run", str(_csv(tmp_path))],
        ["backup", "--db", str(db)],
    ]


def _assert_refused(argv: list[str], capsys, words: tuple[str, ...], name: str) -> str:  # noqa: ANN001
    rc = cli.main(argv)
    out, err = capsys.readouterr()
    assert rc == 1, f"{argv[0]}: exit {rc}; {out}{err}"
    assert "Traceback" not in err
    assert err.startswith("tracker: ") and name in err, err
    assert any(w in err for w in words), f"{argv[0]}: {err!r} says none of {words}"
    return err


def test_bad_file_refused_by_every_command_and_never_written(bad_file, tmp_path, capsys) -> None:  # noqa: ANN001
    path, words = bad_file
    before = sha256(path)
    siblings = set(path.parent.iterdir())
    for argv in _commands(path, tmp_path):
        _assert_refused(argv, capsys, words, path.name)
        assert sha256(path) == before, f"{argv[0]} changed the file"
    created = {p.name for p in set(path.parent.iterdir()) - siblings} - {"new.csv"}
    assert not {n for n in created if not n.endswith(("-wal", "-shm"))}, created
    with pytest.raises(StoreError):
        Store.open(path)
    assert sha256(path) == before


def test_bad_files_on_a_real_command_line(tmp_path, tmp_path_factory) -> None:  # noqa: ANN001
    """The installed entry point, one process per file at once: exit 1, one plain line, no traceback."""
    template = _template(tmp_path_factory)
    procs = {}
    for name, (maker, _words) in BAD_FILES.items():
        p = tmp_path / f"{name}.sqlite3"
        maker(p, template)
        procs[name] = (p, sha256(p), subprocess.Popen(
            [sys.executable, "-m", "tracker", "update", "--db", str(p), "--project", "P-1",
             "--note", "x"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))  # fmt: skip
    for name, (p, digest, proc) in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, (name, out, err)
        assert "Traceback" not in err and err.startswith("tracker: "), (name, err)
        assert any(w in err for w in BAD_FILES[name][1]), (name, err)
        assert sha256(p) == digest, name


def test_bad_backup_is_not_restored(small_db, tmp_path, tmp_path_factory, capsys) -> None:  # noqa: ANN001
    """`tracker restore --from <bad file>` refuses and leaves the database alone."""
    before = sha256(small_db)
    for name, (maker, _words) in BAD_FILES.items():
        src = tmp_path / f"{name}-backup.sqlite3"
        maker(src, _template(tmp_path_factory))
        rc = cli.main(["restore", "--db", str(small_db), "--from", str(src)])
        _, err = capsys.readouterr()
        assert rc == 1 and err.startswith("tracker: ") and "Traceback" not in err, (name, err)
        assert sha256(small_db) == before, name


# ------------------------------------------------------------- locked, read-only, full disk
def test_locked_file(small_db, tmp_path, capsys, monkeypatch) -> None:  # noqa: ANN001
    """Another program holds an EXCLUSIVE lock: "busy", not "damaged"; nothing written."""
    monkeypatch.setattr(ss, "BUSY_TIMEOUT_MS", 1000)
    holder = sqlite3.connect(small_db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = sha256(small_db)
        for argv in _commands(small_db, tmp_path):
            err = _assert_refused(argv, capsys, ("busy",), small_db.name)
            assert "damaged" not in err
        assert sha256(small_db) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert cli.main(["update", "--db", str(small_db), "--project", "P-1", "--note", "later"]) == 0


def test_write_lock_held_longer_than_the_timeout(small_db, capsys, monkeypatch) -> None:  # noqa: ANN001
    """A writer that never lets go (WAL: reading still works, writing waits, then says so)."""
    monkeypatch.setattr(ss, "BUSY_TIMEOUT_MS", 1000)
    holder = sqlite3.connect(small_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert cli.main(["check", "--db", str(small_db)]) == 0
        capsys.readouterr()
        _assert_refused(["update", "--db", str(small_db), "--project", "P-1", "--note", "x"],
                        capsys, ("busy",), small_db.name)  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(small_db, backup=False) as s:
        assert s.count("project_updates") == 0
        s.changed = False


def test_read_only_file(small_db, tmp_path, capsys) -> None:  # noqa: ANN001
    os.chmod(small_db, 0o444)
    try:
        before = sha256(small_db)
        assert cli.main(["check", "--db", str(small_db)]) == 0  # reading works
        capsys.readouterr()
        with Store.open(small_db, read_only=True) as s:
            assert s.read_only and s.count("projects") == 3
        assert sha256(small_db) == before
        if os.geteuid() == 0:
            pytest.skip("running as root: permission bits do not stop writes, so the refusal "
                        "of a write to a chmod 0444 file cannot be observed here")  # fmt: skip
        with Store.open(small_db) as s:
            assert s.read_only and "read-only" in s.read_only_reason
        _assert_refused(["update", "--db", str(small_db), "--project", "P-1", "--note", "x"],
                        capsys, ("read-only",), small_db.name)  # fmt: skip
        assert sha256(small_db) == before
    finally:
        os.chmod(small_db, 0o600)


def _limit_pages(monkeypatch, extra: int = 0) -> None:  # noqa: ANN001
    """A full disk: every connection the program opens may grow the file by ``extra`` pages."""
    real = connection._connect

    def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
        conn = real(path, read_only=read_only)
        n = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {n + extra}")
        return conn

    monkeypatch.setattr(connection, "_connect", connect)


def test_full_disk(small_db, tmp_path, capsys, monkeypatch) -> None:  # noqa: ANN001
    big = tmp_path / "big.csv"
    rows = [
        f"F-{i},Plant {i} {'x' * 200},industry,China Exim,{i}.00,USD,0,0,signed" for i in range(400)
    ]
    big.write_text("code,name,sector,bank,amount,currency,disbursed,progress_pct,status\n"
                   + "\n".join(rows) + "\n", encoding="utf-8")  # fmt: skip
    before = sha256(small_db)
    _limit_pages(monkeypatch)
    err = _assert_refused(["import", "--db", str(small_db), "--kind", "projects", str(big)],
                          capsys, ("full",), small_db.name)  # fmt: skip
    assert "nothing was written" in err
    assert sha256(small_db) == before
    monkeypatch.undo()
    with Store.open(small_db, backup=False) as s:
        assert s.count("projects") == 3 and s.integrity_check() == []
        s.changed = False


def test_full_disk_while_editing(small_db, monkeypatch) -> None:  # noqa: ANN001
    """Saves go on until the disk is full; that save is refused with the store's
    message and every save before it is kept, whole."""
    from tracker.services import edits
    from tracker.store import DiskFull

    _limit_pages(monkeypatch, extra=40)
    saved = 0
    with Store.open(small_db, backup=False) as s:
        with pytest.raises(DiskFull, match="full"):
            for i in range(2000):
                edits.create_record(s, kind="projects", values={
                    "code": f"D-{i}", "name": "Plant", "sector": "energy", "bank_id": "China Exim",
                    "amount": "1", "description": "z" * 4000}, user="t")  # fmt: skip
                saved += 1
        assert 0 < saved < 2000
        assert s.count("projects") == 3 + saved
        assert s.integrity_check() == []
