"""Security basics: search and filters are data, never SQL; files are the owner's
only; the audit log cannot be changed through the program; read-only never writes."""

from __future__ import annotations

import ast
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import cli
from tracker.domain.filters import Filter
from tracker.services import edits, maintenance
from tracker.store import ReadOnlyError, Store, StoreError

from .helpers import sha256

EVIL = (
    "'; DROP TABLE projects; --",
    '"); DROP TABLE projects; --',
    "' OR '1'='1",
    "x' UNION SELECT name FROM sqlite_master --",
    'O\'Brien "quoted" plant',
    "NEAR(a b) OR * AND -x ^",  # FTS5 syntax, must be plain words
    "%_\\",
    "\x00",
)
TABLES = ("projects", "residents", "ventures")


def _schema(store: Store) -> list[tuple]:
    return store._conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


@pytest.fixture
def evil_db(small_db: Path) -> Path:
    """The small file plus a project whose name and description hold quotes and SQL."""
    with Store.open(small_db, backup=False) as s:
        edits.create_record(s, kind="projects", values={
            "code": "Q-1", "name": "O'Brien \"quoted\" plant; DROP TABLE projects; --",
            "sector": "energy", "bank_id": "China Exim", "amount": "10", "currency": "USD",
            "description": "'; DELETE FROM audit_log; --"}, user="t")  # fmt: skip
        s.changed = False
    return small_db


def test_search_text_and_every_filter_are_parameters(evil_db: Path) -> None:
    with Store.open(evil_db, backup=False) as s:
        schema = _schema(s)
        counts = {t: s.count(t) for t in TABLES}
        for text in EVIL:
            for table in TABLES:
                flt = Filter(status=(text,), sector=(text,), country=(text,), region=(text,),
                             kind=(text,), text=text)  # fmt: skip
                assert s.count(table, flt) == 0
                assert len(s.query_ids(table, flt)) == 0
                assert s.page(table, flt, sort="name", after=(text, 0)) == []
                assert list(s.iter_rows(table, flt)) == []
                assert s.sums_by_currency(table, ["id"], flt) == []
                only_text = Filter(text=text)
                s.query_ids(table, only_text)  # any result, but never an error or a change
                assert s.count(table, Filter(ids=(1, 2))) <= 2
        # Quotes in the data are found as words, not parsed.
        assert len(s.query_ids("projects", Filter(text="O'Brien"))) == 1
        assert len(s.query_ids("projects", Filter(text='"quoted"'))) == 1
        assert _schema(s) == schema
        assert {t: s.count(t) for t in TABLES} == counts
        s.changed = False


def test_sort_and_column_names_come_from_a_whitelist(small_db: Path) -> None:
    with Store.open(small_db, backup=False) as s:
        for bad in ("name; DROP TABLE projects", "name DESC, (SELECT 1)", "1=1", "audit_log"):
            with pytest.raises(ValueError):
                s.query_ids("projects", sort=bad)
            with pytest.raises(ValueError):
                s.group_sums("projects", bad, ["amount"])
        with pytest.raises(ValueError):
            s.get("projects; DROP TABLE projects", 1)
        assert s.count("projects") == 3
        s.changed = False


def test_sql_through_the_command_line_is_data(evil_db: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    for text in EVIL[:5]:
        assert cli.main(["update", "--db", str(evil_db), "--project", text, "--note", "x"]) == 1
        err = capsys.readouterr().err
        assert "no project with code" in err and "Traceback" not in err
    # A note full of SQL is stored as written.
    note = "'); DELETE FROM projects; --"
    assert cli.main(["update", "--db", str(evil_db), "--project", "P-1", "--note", note]) == 0
    src = tmp_path / "evil.csv"
    src.write_text('code,name,sector,bank,amount,currency,status\n'
                   'E-1,"x\'); DROP TABLE projects; --",energy,China Exim,5,USD,signed\n',
                   encoding="utf-8")  # fmt: skip
    assert cli.main(["import", "--db", str(evil_db), "--kind", "projects", str(src)]) == 0
    with Store.open(evil_db, backup=False) as s:
        assert s.count("projects") == 5
        assert s.get_by("projects", "code", "E-1")["name"] == "x'); DROP TABLE projects; --"
        assert s.rows("project_updates")[0]["note"] == note
        s.changed = False


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_database_and_backup_files_are_the_owners_only(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    old = os.umask(0o022)  # a usual umask: without care files would be 0644
    try:
        db = tmp_path / "new.sqlite3"
        assert cli.main(["init", "--db", str(db)]) == 0
        assert cli.main(["update", "--db", str(db), "--project", "none"]) == 1
        with Store.open(db) as s:  # open: WAL files appear; close after a change: a backup
            s.set_meta("touched", "yes")
            maintenance.backup(s)
            wal = [Path(str(db) + x) for x in ("-wal", "-shm")]
            for p in [db, *[w for w in wal if w.exists()]]:
                assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
        folder = s.backup_dir
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        made = list(folder.iterdir())
        assert len(made) >= 2  # the manual one and the one on close
        for p in made:
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
        # A restore over a damaged file creates the file anew: still the owner's only.
        db.write_bytes(b"garbage")
        os.chmod(db, 0o644)
        assert cli.main(["restore", "--db", str(db), "--from", str(made[0])]) == 0
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_audit_log_cannot_be_changed_or_deleted(evil_db: Path) -> None:
    with Store.open(evil_db, backup=False) as s:
        n = s.count("audit_log")
        first = s.rows("audit_log")[0]
        with pytest.raises((StoreError, sqlite3.DatabaseError), match="append-only"):
            s.update("audit_log", first["id"], {"user": "someone else"}, expected_version=None,
                     user="x")  # fmt: skip
        with pytest.raises((StoreError, sqlite3.DatabaseError), match="append-only"):
            s.delete("audit_log", first["id"], expected_version=None, user="x")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            s._conn.execute("DELETE FROM audit_log")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            s._conn.execute("UPDATE audit_log SET changes = '{}'")
        for kind in ("audit_log", "snapshots", "meta"):
            with pytest.raises((KeyError, ValueError)):
                edits.edit_record(s, kind=kind, pk=first["id"], values={"user": "x"},
                                  expected_version=None, user="x")  # fmt: skip
        assert s.count("audit_log") == n and s.rows("audit_log")[0] == first
        # Deleting a record and undoing it adds to the log; nothing is taken from it.
        row = s.get_by("projects", "code", "Q-1")
        _, removed = edits.delete_record(s, kind="projects", pk=row["id"],
                                         expected_version=row["version"], user="x")  # fmt: skip
        edits.restore_deleted(s, kind="projects", removed=removed, user="x")
        assert s.count("audit_log") == n + 2
        triggers = {
            r[0] for r in s._conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
        s.changed = False


def _sql_writes_to_audit(source: str) -> list[str]:
    """String constants in code that would UPDATE or DELETE audit_log rows, or drop its guards."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = " ".join(node.value.lower().split())
            if any(p in text for p in ("update audit_log", "delete from audit_log",
                                       "drop trigger audit_log", "drop table audit_log")):  # fmt: skip
                hits.append(node.value)
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") in ("update", "delete")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "audit_log"
        ):
            hits.append(ast.unparse(node))
    return hits


def test_no_service_or_command_offers_to_change_the_audit_log() -> None:
    root = Path(__file__).resolve().parents[2] / "tracker"
    files = [*(root / "services").rglob("*.py"), root / "cli.py", *(root / "ui").rglob("*.py")]
    offenders = {
        str(f.relative_to(root)): h for f in files if (h := _sql_writes_to_audit(f.read_text()))
    }
    assert offenders == {}
    assert "audit_log" not in cli.build_parser().format_help()
    assert _sql_writes_to_audit('c.execute("DELETE FROM  audit_log WHERE 1")')  # the check can fail


def test_read_only_never_writes(evil_db: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from tracker.services import export

    with Store.open(
        evil_db, backup=False
    ) as s:  # leave a WAL behind, as a crash or another window would
        s.changed = False
    before = sha256(evil_db)
    with Store.open(evil_db, read_only=True) as s:
        assert s.read_only
        for table in TABLES:
            ids = s.query_ids(table, Filter(text="plant"), sort="name", descending=True)
            s.fetch(table, list(ids))
            s.page(table, Filter(), sort="name", limit=5)
            s.sums_by_currency(table, ["id"])
            list(s.iter_rows(table))
        s.ref_index()
        assert s.integrity_check() == []
        for fmt, out in (("csv", tmp_path / "out-csv"), ("json", tmp_path / "out.json"),
                         ("sqlite", tmp_path / "out.sqlite3")):  # fmt: skip
            result = export.export_snapshot(s, fmt=fmt, out=out, user="reader")
            assert result.snapshot_id is None and any("read-only" in n for n in result.notes)
        with pytest.raises(ReadOnlyError, match="read-only"):
            edits.edit_record(s, kind="projects", pk=1, values={"name": "No"}, expected_version=None,
                              user="x")  # fmt: skip
        with pytest.raises(ReadOnlyError):
            s.set_meta("x", "y")
        maintenance.backup(s)  # reading the file to copy it is allowed
    assert sha256(evil_db) == before
    assert cli.main(["check", "--db", str(evil_db)]) == 0
    assert cli.main(["import", "--db", str(evil_db), "--kind", "projects", "--dry-run",
                     str(_one_row_csv(tmp_path))]) == 0  # fmt: skip
    capsys.readouterr()
    assert sha256(evil_db) == before
    with Store.open(evil_db, read_only=True, backup=False) as s:
        assert s.get_by("projects", "code", "N-9") is None


def _one_row_csv(tmp_path: Path) -> Path:
    p = tmp_path / "one.csv"
    p.write_text("code,name,sector,bank,amount,currency,status\nN-9,New,energy,China Exim,5,USD,signed\n",
                 encoding="utf-8")  # fmt: skip
    return p


@pytest.fixture(scope="module")
def search_store(tmp_path_factory):  # noqa: ANN001
    from .helpers import make_small_db

    path = make_small_db(tmp_path_factory.mktemp("search") / "search.sqlite3")
    s = Store.open(path, read_only=True, backup=False)
    yield s
    s.close()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(text=st.text(max_size=30))
def test_any_search_text_is_searched_for_never_parsed(search_store, text: str) -> None:  # noqa: ANN001
    for table in TABLES:
        ids = search_store.query_ids(table, Filter(text=text))
        assert len(ids) <= search_store.count(table)
