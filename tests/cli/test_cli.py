"""The command line: exit codes 0/1/2, messages that name file/row/column/rule,
never a traceback, and a refused import leaves the database byte-for-byte."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import cli
from tracker.store import Store
from tracker.store.migrations import APPLICATION_ID


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real console program in its own process."""
    return subprocess.run([sys.executable, "-m", "tracker", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=cwd)  # fmt: skip


def main(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


PHEAD = "code,name,sector,bank,amount,currency,status\n"


# ------------------------------------------------------------------ init
def test_init_demo_and_refuse_existing(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    code, out, _ = main(capsys, "init", "--db", db, "--demo")
    assert code == 0 and "demo portfolio loaded" in out and "170 ventures" in out
    assert not (tmp_path / "demo-backups").exists()  # nothing to back up in a file just made
    from decimal import Decimal

    from tracker.services import portfolio

    with Store.open(db, read_only=True) as s:
        k = portfolio.key_figures(s, currency="USD", as_of="2026-11-27")
        assert k.residents_by_zone["Great Stone Industrial Park"] == 68
        assert k.resident_countries_by_zone["Great Stone Industrial Park"] == 14
        assert (k.ventures, k.joint_ventures, k.foreign_owned) == (170, 52, 118)
        assert k.projects >= 30 and abs(k.financing - Decimal(8_000_000_000)) <= Decimal(80_000_000)
        assert not k.warnings
    before = sha(db)
    code, _, err = main(capsys, "init", "--db", db)
    assert code == 1 and "already exists" in err and sha(db) == before


def test_init_synthetic(tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    code, out, _ = main(
        capsys, "init", "--db", db, "--projects", 50, "--residents", 5, "--ventures", 7
    )
    assert code == 0 and "50 projects, 5 residents, 7 ventures" in out
    with Store.open(db, read_only=True) as s:
        assert s.count("projects") == 50 and s.integrity_check() == []


@pytest.mark.parametrize(
    "args",
    [
        ["init"],
        ["init", "--db", "x.sqlite3", "--projects", "-5"],
        ["init", "--db", "x.sqlite3", "--projects", "many"],
        ["import", "--db", "x.sqlite3", "f.csv"],
        ["import", "--db", "x.sqlite3", "--kind", "planets", "f.csv"],
        ["import", "--kind", "projects", "f.csv"],
        ["update", "--db", "x.sqlite3"],
        ["update", "--db", "x.sqlite3", "--project", "P", "--as-of", "2026-02-30"],
        ["check"],
        ["backup"],
        ["restore", "--db", "x.sqlite3"],
        ["frobnicate"],
        ["check", "--db", "x.sqlite3", "--bogus"],
    ],
)
def test_usage_errors_exit_2(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as ei:
        cli.main(args)
    assert ei.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err
    assert not (tmp_path / "x.sqlite3").exists()


def test_init_cleans_up_after_failure(tmp_path, capsys, monkeypatch):
    from tracker.services import demo

    def broken(store, **kw):
        from tracker.store import DiskFull

        raise DiskFull("The disk is full; nothing was written.")

    monkeypatch.setattr(demo, "load_demo", broken)
    db = tmp_path / "half.sqlite3"
    code, _, err = main(capsys, "init", "--db", db, "--demo")
    assert code == 1 and not db.exists()


# ---------------------------------------------------------------- import
def test_import_ok_dry_run_and_refused(demo_path, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(PHEAD + "NEW-1,New plant,energy,CDB,10,USD,signed\n", encoding="utf-8")
    before = sha(demo_path)
    code, out, _ = main(
        capsys, "import", "--db", demo_path, "--kind", "projects", "--dry-run", good
    )
    assert code == 0 and "dry run, nothing written" in out and "1 new" in out
    assert sha(demo_path) == before
    code, out, _ = main(capsys, "import", "--db", demo_path, "--kind", "projects", good)
    assert code == 0 and out.startswith("imported:")
    with Store.open(demo_path, read_only=True) as s:
        assert s.get_by("projects", "code", "NEW-1")["amount"] == 1000


def test_refused_import_names_file_row_column_rule(demo_path, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(PHEAD + "NEW-1,A,energy,CDB,10,USD,signed\nNEW-2,B,mining,CDB,1.234,USD,signed\n",
                   encoding="utf-8")  # fmt: skip
    code, _, err = main(capsys, "import", "--db", demo_path, "--kind", "projects", bad)
    assert code == 1
    assert "bad.csv: row 3, column sector: 'mining' is not a sector code or name" in err
    assert "bad.csv: row 3, column amount: has more than two decimal places" in err
    assert (
        err.splitlines()[0]
        == "tracker: 2 problem(s) in 1 of 2 rows of bad.csv; nothing was imported."
    )


def test_refused_import_says_first_where_checking_stopped(demo_path, tmp_path, capsys):
    bad = tmp_path / "many.csv"
    bad.write_text(PHEAD + "".join(f"B-{i},,mining,CDB,10,USD,signed\n" for i in range(1500)),
                   encoding="utf-8")  # fmt: skip
    before = sha(demo_path)
    code, _, err = main(capsys, "import", "--db", demo_path, "--kind", "projects", bad)
    assert code == 1 and sha(demo_path) == before
    assert err.splitlines()[0] == (
        "tracker: Stopped after 1,000 problems at row 501 of 1,501; nothing was imported."
    )


def test_import_missing_file_and_unreadable(demo_path, tmp_path, capsys):
    code, _, err = main(
        capsys, "import", "--db", demo_path, "--kind", "projects", tmp_path / "nope.csv"
    )
    assert code == 1 and "nope.csv: no such file" in err
    j = tmp_path / "x.json"
    j.write_text("{oops", encoding="utf-8")
    code, _, err = main(capsys, "import", "--db", demo_path, "--kind", "projects", j)
    assert code == 1 and "x.json: not valid JSON" in err


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_refused_import_leaves_file_byte_for_byte(demo_path, tmp_path, journal):
    """In a separate process, as a user runs it; also for a file in rollback-journal
    mode (a backup copy), which a read-write open would switch to WAL."""
    db = demo_path
    if journal == "delete":
        db = tmp_path / "copy.sqlite3"
        with Store.open(demo_path, read_only=True) as s:
            s.backup_to(db)
        assert db.read_bytes()[18:20] == b"\x01\x01"
    for p in (tmp_path / f"{db.name}-wal", tmp_path / f"{db.name}-shm"):
        p.unlink(missing_ok=True)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        (PHEAD.replace(",", ";") + "NEW-1;Завод;energy;CDB;1 234,567;USD;signed\n").encode("cp1251")
    )
    before = sha(db)
    r = run("import", "--db", db, "--kind", "projects", bad)
    assert r.returncode == 1, r.stderr
    assert "bad.csv: row 2, column amount: has more than two decimal places" in r.stderr
    assert "Traceback" not in r.stderr
    assert sha(db) == before
    r = run("import", "--db", db, "--kind", "updates", bad)
    assert r.returncode == 1 and "column code: unknown column" in r.stderr
    assert sha(db) == before


# ---------------------------------------------------------------- update
def test_update_moves_project(demo_path, capsys):
    import datetime as dt

    today = dt.date.today().isoformat()
    with Store.open(demo_path, read_only=True) as s:
        p = s.query("SELECT * FROM projects WHERE status = 'implementation' ORDER BY code LIMIT 1")[
            0
        ]
        first = s.query("SELECT min(as_of) AS d FROM project_updates WHERE project_id = ?",
                        (p["id"],))[0]["d"]  # fmt: skip
    code, out, _ = main(capsys, "update", "--db", demo_path, "--project", p["code"], "--as-of", today,
                        "--progress", "99", "--note", "late", "--author", "ann")  # fmt: skip
    assert code == 0 and "the project moved to it" in out
    with Store.open(demo_path, read_only=True) as s:
        after = s.get("projects", p["id"])
        assert after["progress_pct"] == 99 and after["status"] == p["status"]
        last = s.rows("project_updates", where={"project_id": p["id"]}, order="id DESC")[0]
        assert last["author"] == "ann" and last["note"] == "late" and last["as_of"] == today
    code, out, _ = main(capsys, "update", "--db", demo_path, "--project", p["code"], "--as-of", first,
                        "--progress", "1")  # fmt: skip
    assert code == 0 and "back-dated" in out
    code, out, _ = main(
        capsys, "update", "--db", demo_path, "--project", p["code"].lower(), "--note", "x"
    )
    assert code == 0 and p["code"] in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--project", "NOPE"], "no project with code 'NOPE'"),
        (["--progress", "abc"], "progress_pct: is not a number"),
        (["--progress", "101"], "progress_pct: must be at most 100"),
        (["--status", "finished"], "status: must be one of"),
        (["--disbursed", "1.001"], "disbursed: has more than two decimal places"),
        (["--disbursed", "99999999999"], "must not exceed the committed amount"),
    ],
)
def test_update_refused(demo_path, capsys, args, words):
    with Store.open(demo_path, read_only=True) as s:
        code0 = s.query("SELECT code FROM projects WHERE status = 'implementation' LIMIT 1")[0][
            "code"
        ]
        n = s.count("project_updates")
    full = ["update", "--db", demo_path, "--project", code0, *args]
    code, _, err = main(capsys, *full)
    assert code == 1 and words in err
    with Store.open(demo_path, read_only=True) as s:
        assert s.count("project_updates") == n


# ------------------------------------------------- check, backup, restore
def test_check_backup_restore(demo_path, tmp_path, capsys):
    code, out, _ = main(capsys, "check", "--db", demo_path)
    assert code == 0 and "projects: 34" in out and out.strip().endswith("ok")
    code, out, _ = main(capsys, "backup", "--db", demo_path, "--to", tmp_path / "bk")
    assert code == 0
    backup = Path(out.split("backup written: ")[1].strip())
    assert backup.exists() and backup.parent == tmp_path / "bk"
    main(capsys, "update", "--db", demo_path, "--project", "BY-CN-010", "--note", "after backup")
    code, out, _ = main(capsys, "restore", "--db", demo_path, "--from", backup)
    assert code == 0 and "restored from" in out
    with Store.open(demo_path, read_only=True) as s:
        assert not s.rows("project_updates", where={"note": "after backup"})


def test_check_reports_problems_exit_1(demo_path, capsys):
    c = sqlite3.connect(demo_path)
    c.execute("PRAGMA ignore_check_constraints = ON")
    c.execute("UPDATE projects SET disbursed = amount + 1 WHERE id = 1")
    c.commit()
    c.close()
    code, _, err = main(capsys, "check", "--db", demo_path)
    assert code == 1 and "disbursed exceeds the committed amount" in err


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files = {}
    p = tmp_path / "empty.sqlite3"
    p.write_bytes(b"")
    files["empty"] = (p, "is empty")
    p = tmp_path / "text.sqlite3"
    p.write_text("name,amount\n", encoding="utf-8")
    files["text"] = (p, "not a SQLite database")
    p = tmp_path / "foreign.sqlite3"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    files["foreign"] = (p, "another program")
    p = tmp_path / "newer.sqlite3"
    c = sqlite3.connect(p)
    c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    c.execute("PRAGMA user_version = 99")
    c.execute("CREATE TABLE meta (key, value)")
    c.commit()
    c.close()
    files["newer"] = (p, "newer Investment Tracker")
    p = tmp_path / "truncated.sqlite3"
    files["truncated"] = (p, "truncated")
    return files


@pytest.mark.parametrize("which", ["empty", "text", "foreign", "newer", "truncated", "missing"])
@pytest.mark.parametrize("command", ["import", "update", "check", "backup"])
def test_bad_database_files_refused_clearly(demo_path, tmp_path, capsys, which, command):
    files = _bad_files(tmp_path)
    if which == "truncated":
        data = demo_path.read_bytes()
        files["truncated"][0].write_bytes(data[: len(data) // 3])
    path, words = files.get(which, (tmp_path / "missing.sqlite3", "does not exist"))
    before = path.read_bytes() if path.exists() else None
    csv = tmp_path / "ok.csv"
    csv.write_text(PHEAD + "NEW-1,A,energy,CDB,10,USD,signed\n", encoding="utf-8")
    extra = {
        "import": ["--kind", "projects", csv],
        "update": ["--project", "X"],
        "check": [],
        "backup": [],
    }[command]
    code, _, err = main(capsys, command, "--db", path, *extra)
    assert code == 1 and words in err
    assert (path.read_bytes() if path.exists() else None) == before


def test_restore_refuses_bad_backup(demo_path, tmp_path, capsys):
    files = _bad_files(tmp_path)
    before = sha(demo_path)
    for which in ("empty", "text", "foreign", "newer"):
        path, words = files[which]
        code, _, err = main(capsys, "restore", "--db", demo_path, "--from", path)
        assert code == 1 and words in err, which
    code, _, err = main(capsys, "restore", "--db", demo_path, "--from", tmp_path / "nope.sqlite3")
    assert code == 1 and "does not exist" in err
    assert sha(demo_path) == before


def test_python_dash_m_and_version(tmp_path):
    r = run("--version")
    assert r.returncode == 0 and "Investment Tracker" in r.stdout
    r = run("check", "--db", tmp_path / "nope.sqlite3")
    assert r.returncode == 1 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_refused_update_leaves_file_byte_for_byte(demo_path, tmp_path, capsys):
    db = tmp_path / "copy.sqlite3"
    with Store.open(demo_path, read_only=True) as s:
        s.backup_to(db)  # rollback-journal mode: a read-write open would rewrite the header
    before = sha(db)
    for args in (["--progress", "150"], ["--project", "NOPE"], ["--disbursed", "abc"]):
        code, _, err = main(capsys, "update", "--db", db, "--project", "BY-CN-010", *args)
        assert code == 1 and err
        assert sha(db) == before
    code, _, _ = main(capsys, "update", "--db", db, "--project", "BY-CN-010", "--note", "fine")
    assert code == 0 and sha(db) != before


def test_reading_commands_leave_file_byte_for_byte(demo_path, tmp_path, capsys):
    db = tmp_path / "copy.sqlite3"
    with Store.open(demo_path, read_only=True) as s:
        s.backup_to(db)
    good = tmp_path / "good.csv"
    good.write_text(PHEAD + "NEW-1,New plant,energy,CDB,10,USD,signed\n", encoding="utf-8")
    before = sha(db)
    assert main(capsys, "check", "--db", db)[0] == 0
    assert main(capsys, "import", "--db", db, "--kind", "projects", "--dry-run", good)[0] == 0
    assert main(capsys, "backup", "--db", db, "--to", tmp_path / "bk")[0] == 0
    assert sha(db) == before
