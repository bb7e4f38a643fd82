"""A database file someone sent you (issue 13): the tracker's application id, but its
own triggers, views, tables or column defaults. Writing is refused with the objects
named, the file is unchanged, read-only browsing and ``check`` work, ``repair`` removes
them after a backup, and ``restore --from`` such a file is refused."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tracker import cli
from tracker.services import maintenance
from tracker.store import ForeignSchema, Store, schema_guard

from .helpers import make_small_db, sha256


def _sql(path: Path, *statements: str, writable_schema: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if writable_schema:
            conn.execute("PRAGMA writable_schema = ON")
        for s in statements:
            conn.execute(s)
    finally:
        conn.close()


def trigger_wiping_projects(p: Path) -> str:
    _sql(p, "CREATE TRIGGER wipe AFTER INSERT ON project_updates BEGIN "
            "DELETE FROM project_updates; UPDATE projects SET amount = 0; END")  # fmt: skip
    return "trigger 'wipe' on project_updates"


def audit_log_view(p: Path) -> str:
    _sql(p, "DROP TABLE audit_log",
         "CREATE VIEW audit_log AS SELECT 1 AS id, '' AS at, '' AS user, '' AS table_name, "
         "NULL AS row_id, '' AS action, '' AS changes")  # fmt: skip
    return "'audit_log' is a view where the program makes a table"


def inflating_projects_view(p: Path) -> str:
    _sql(p, "ALTER TABLE projects RENAME TO projects_real",
         "CREATE VIEW projects AS SELECT id, code, name, sector, region, bank_id, borrower, "
         "amount * 1000 AS amount, currency, disbursed, status, agreement_date, start_date, "
         "planned_end, actual_end, progress_pct, description, interest_rate, maturity_years, "
         "grace_years, version, updated_at FROM projects_real")  # fmt: skip
    return "'projects' is a view where the program makes a table"


def allocating_default(p: Path) -> str:
    """A default that allocates 300 MB when something evaluates it."""
    _sql(p, "UPDATE sqlite_master SET sql = replace(sql, "
            "'disbursed INTEGER NOT NULL DEFAULT 0', "
            "'disbursed INTEGER NOT NULL DEFAULT (length(zeroblob(300000000)))') "
            "WHERE name = 'projects'", writable_schema=True)  # fmt: skip
    return "column 'disbursed' has default length(zeroblob(300000000)) instead of 0"


def extra_table(p: Path) -> str:
    _sql(p, "CREATE TABLE stolen (x TEXT)")
    return "table 'stolen' (not made by this program)"


HOSTILE: dict[str, Callable[[Path], str]] = {
    "trigger": trigger_wiping_projects,
    "audit-view": audit_log_view,
    "projects-view": inflating_projects_view,
    "default": allocating_default,
    "table": extra_table,
}


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, tmp_path) -> tuple[Path, str]:
    p = make_small_db(tmp_path / "sent.sqlite3")
    return p, HOSTILE[request.param](p)


def test_update_is_refused_naming_the_object_and_the_file_is_unchanged(hostile, capsys):
    path, what = hostile
    before = sha256(path)
    code = cli.main(["update", "--db", str(path), "--project", "P-1", "--progress", "50"])
    err = capsys.readouterr().err
    assert code == 1
    assert what in err and "did not make" in err and "tracker repair" in err
    assert "Traceback" not in err
    assert sha256(path) == before
    assert not list(path.parent.glob("sent-backups/*"))  # nothing at all was written


def test_check_names_each_foreign_object(hostile, capsys):
    path, what = hostile
    before = sha256(path)
    assert cli.main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr()
    assert "problem: schema: " in out.err and what in out.err
    assert "tracker repair" in out.out
    assert sha256(path) == before


def test_read_only_open_browses_and_says_why(hostile):
    path, _ = hostile
    before = sha256(path)
    with Store.open(path, read_only=True, backup=False) as s:
        assert s.schema_problems
        assert "did not make" in s.read_only_reason
        assert s.count("project_updates") >= 0
    assert sha256(path) == before


def test_repair_removes_them_after_a_backup_and_keeps_the_rows(hostile, capsys):
    path, _ = hostile
    with Store.open(path, read_only=True, backup=False) as s:
        is_view = s.conn.execute(
            "SELECT type FROM sqlite_master WHERE name = 'projects'").fetchone()[0] == "view"  # fmt: skip
        codes = [] if is_view else [r["code"] for r in s.rows("projects")]
    assert cli.main(["repair", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "repaired" in out and "before-repair" in out
    backup = next(path.parent.glob("sent-backups/*before-repair*"))
    with Store.open(backup, read_only=True, backup=False) as b:
        assert b.schema_problems  # the file as it was, for the record
    with Store.open(path, backup=False) as s:
        assert s.schema_problems == []
        if not is_view:
            assert [r["code"] for r in s.rows("projects")] == codes
    assert cli.main(["check", "--db", str(path)]) == 0
    capsys.readouterr()
    if not is_view:
        assert cli.main(["update", "--db", str(path), "--project", "P-1", "--progress", "50"]) == 0
        with Store.open(path, read_only=True, backup=False) as s:
            assert s.get_by("projects", "code", "P-1")["progress_pct"] == 50
            assert s.count("project_updates") == 1
            actions = [r["action"] for r in s.rows("audit_log")]
            assert "repair" in actions


def test_restore_from_a_hostile_file_is_refused(hostile, tmp_path, capsys):
    src, what = hostile
    target = make_small_db(tmp_path / "mine.sqlite3")
    before, src_before = sha256(target), sha256(src)
    assert cli.main(["restore", "--db", str(target), "--from", str(src)]) == 1
    err = capsys.readouterr().err
    assert "was not restored" in err and what in err and "Traceback" not in err
    assert sha256(target) == before and sha256(src) == src_before


def test_the_store_never_evaluates_a_default_read_from_the_file(tmp_path):
    """The old store ran ``SELECT <default>`` for NOT NULL columns: an expression that
    raises shows it was run. Repair mode opens the file, the default is only read."""
    p = make_small_db(tmp_path / "sent.sqlite3")
    _sql(p, "UPDATE sqlite_master SET sql = replace(sql, "
            "'disbursed INTEGER NOT NULL DEFAULT 0', "
            "'disbursed INTEGER NOT NULL DEFAULT (abs(-9223372036854775807 - 1))') "
            "WHERE name = 'projects'", writable_schema=True)  # fmt: skip
    with Store.open(p, backup=False, repair_schema=True) as s:
        assert "disbursed" not in s._not_null_defaults("projects")  # noqa: SLF001
        assert s._not_null_defaults("projects")["progress_pct"] == 0  # noqa: SLF001
        s.changed = False


def test_literal_reads_values_and_refuses_expressions():
    assert schema_guard.literal("0") == 0
    assert schema_guard.literal("(1.5)") == 1.5
    assert schema_guard.literal("'it''s'") == "it's"
    assert schema_guard.literal("NULL") is None
    for text in ("length(zeroblob(300000000))", "'a' || 'b'", "1+1", "x'00'"):
        with pytest.raises(ValueError):
            schema_guard.literal(text)


def test_the_programs_own_file_has_no_differences(tmp_path):
    p = make_small_db(tmp_path / "own.sqlite3")
    with Store.open(p, backup=False) as s:
        s.conn.execute("PRAGMA optimize")  # sqlite_stat1 is SQLite's own
        s.conn.execute("ANALYZE")
    with Store.open(p, backup=False) as s:
        assert s.schema_problems == []
        assert s.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 1
    with Store.open(p, read_only=True, backup=False) as s:
        assert s.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert s.conn.execute("PRAGMA cell_size_check").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA mmap_size").fetchone()[0] == 0


def test_full_text_triggers_refuse_to_run_with_trusted_schema_off(tmp_path):
    """Why the program's own, verified files get trusted_schema back ON for writing."""
    p = make_small_db(tmp_path / "own.sqlite3")
    conn = sqlite3.connect(p, isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    with pytest.raises(sqlite3.OperationalError, match="unsafe use of virtual table"):
        conn.execute("UPDATE projects SET name = 'x' WHERE code = 'P-1'")
    conn.close()


def test_store_open_raises_foreign_schema_with_the_list(tmp_path):
    p = make_small_db(tmp_path / "sent.sqlite3")
    trigger_wiping_projects(p)
    with pytest.raises(ForeignSchema) as err:
        Store.open(p, backup=False)
    assert [d.describe() for d in err.value.problems] == [
        "trigger 'wipe' on project_updates (not made by this program)"
    ]


def test_repair_of_an_unchanged_file_does_nothing(tmp_path, capsys):
    p = make_small_db(tmp_path / "own.sqlite3")
    before = sha256(p)
    assert cli.main(["repair", "--db", str(p)]) == 0
    assert "nothing to repair" in capsys.readouterr().out
    assert sha256(p) == before
    report = maintenance.repair(p, user="t")
    assert report.done == [] and report.backup is None
    shutil.rmtree(tmp_path / "own-backups", ignore_errors=True)


def test_expected_schema_key_without_source_files(monkeypatch):
    """A frozen bundle ships no .py source: the cache key comes from the code objects."""
    from tracker.store import migrations, schema_guard

    with_source = schema_guard._cache_key(4)
    monkeypatch.setattr(migrations, "__file__", "/nonexistent/tracker/store/migrations.py")
    key = schema_guard._cache_key(4)
    assert key and key != with_source and len(key) == 24
