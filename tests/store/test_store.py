"""Opening, refusing, writing with versions and audit, concurrency, backups."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tracker.store import (
    SCHEMA_VERSION,
    ConstraintViolation,
    CorruptDatabase,
    ForeignDatabase,
    NewerSchema,
    NotFound,
    ReadOnlyError,
    StaleWrite,
    Store,
    StoreError,
    backups,
)
from tracker.store.migrations import APPLICATION_ID


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_project(store, code="P-1", **over):
    bank = store.rows("banks")[0]["id"]
    v = {"code": code, "name": "Plant", "sector": "energy", "bank_id": bank, "amount": 100_00,
         "currency": "USD", "disbursed": 0, "status": "signed", "progress_pct": 0}  # fmt: skip
    v.update(over)
    return store.insert("projects", v, user="tester")


# ------------------------------------------------------------------ opening
def test_new_file_header_pragmas_and_reference_data(db_path):
    with Store.open(db_path, create=True) as s:
        c = s._conn
        assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert s.schema_version == SCHEMA_VERSION
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert {r["short_name"] for r in s.rows("banks")} >= {
            "CDB",
            "China Exim",
            "ICBC",
            "BOC",
            "CCB",
            "ABC",
        }
        assert {r["code"] for r in s.rows("regions")} == {
            "BY-BR",
            "BY-HM",
            "BY-HO",
            "BY-HR",
            "BY-MA",
            "BY-MI",
            "BY-VI",
        }
        assert {r["code"] for r in s.rows("sectors")} >= {
            "energy",
            "industry",
            "agriculture",
            "logistics",
            "transport",
            "construction",
            "healthcare",
            "it",
            "real_estate",
            "other",
        }
        zones = {r["name"]: r["kind"] for r in s.rows("zones")}
        assert (
            zones["Great Stone Industrial Park"] == "industrial_park"
            and zones["Bremino-Orsha SEZ"] == "sez"
        )
        assert sum(k == "fez" for k in zones.values()) == 6
        assert s.get("countries", "CN")["name_en"] == "China"
    assert db_path.stat().st_mode & 0o077 == 0  # owner only


def test_create_refuses_existing_file(store, db_path):
    with pytest.raises(StoreError, match="already exists"):
        Store.create(db_path)


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", CorruptDatabase, "is empty"),
        (b"hello, this is a text file\n" * 10, CorruptDatabase, "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\x10\x00", CorruptDatabase, "truncated"),
    ],
)
def test_refuses_non_databases(tmp_path, content, error, words):
    p = tmp_path / "x.sqlite3"
    p.write_bytes(content)
    with pytest.raises(error, match=words):
        Store.open(p)
    assert p.read_bytes() == content


def test_refuses_missing_file_and_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nope.sqlite3")
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_refuses_truncated_database(store, db_path, tmp_path):
    for i in range(200):
        new_project(store, f"T-{i}", description="x" * 500)
    copy = tmp_path / "copy.sqlite3"
    store.backup_to(copy)
    data = copy.read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDatabase, match="truncated"):
        Store.open(cut)


def test_refuses_damaged_pages(store, tmp_path):
    for i in range(300):
        new_project(store, f"D-{i}", description="y" * 400)
    copy = tmp_path / "copy.sqlite3"
    store.backup_to(copy)
    data = bytearray(copy.read_bytes())
    for off in range(4096 * 3, len(data), 4096):  # scribble over every page but the first few
        data[off + 8 : off + 200] = b"\xff" * 192
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase):
        s = Store.open(bad, backup=False)
        try:
            problems = s.integrity_check()
        finally:
            s.close(backup=False)
        raise CorruptDatabase("; ".join(problems))


def test_refuses_foreign_database_unchanged(tmp_path):
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE notes (x)")
    c.commit()
    c.close()
    before = sha(p)
    with pytest.raises(ForeignDatabase, match="another program"):
        Store.open(p)
    assert sha(p) == before
    c = sqlite3.connect(p)
    c.execute("PRAGMA application_id = 1234")
    c.commit()
    c.close()
    before = sha(p)
    with pytest.raises(ForeignDatabase, match="application id 0x4d2"):
        Store.open(p)
    assert sha(p) == before


def test_refuses_newer_schema_unchanged(store, db_path):
    store._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store.close(backup=False)
    before = sha(db_path)
    with pytest.raises(NewerSchema, match="newer Investment Tracker"):
        Store.open(db_path)
    assert sha(db_path) == before
    assert not (db_path.parent / f"{db_path.stem}-backups").exists()


def test_opening_and_reading_do_not_write(demo_path):
    """A session that only reads leaves the file byte-for-byte as it was."""
    before = sha(demo_path)
    for read_only in (False, True):
        with Store.open(demo_path, read_only=read_only) as s:
            s.rows("projects")
            s.page("projects", sort="amount")
            s.integrity_check()
            s.sums_by_currency("projects", ["amount"])
        assert sha(demo_path) == before


def test_read_only_store_refuses_writes(demo_path):
    with Store.open(demo_path, read_only=True) as s:
        assert s.read_only and s.read_only_reason
        with pytest.raises(ReadOnlyError, match="read-only"):
            new_project(s, "RO-1")


def test_read_only_file_opens_read_only(demo_path):
    demo_path.chmod(0o400)
    try:
        with Store.open(demo_path, backup=False) as s:
            if not s.read_only:  # running as root: permissions do not bind
                pytest.skip("root ignores file permissions")
            assert "read-only" in s.read_only_reason
    finally:
        demo_path.chmod(0o600)


# ------------------------------------------------------------------ writing
def test_insert_update_delete_audit(store):
    pk = new_project(store)
    row = store.get("projects", pk)
    assert row["version"] == 1 and row["updated_at"]
    after = store.update(
        "projects", pk, {"name": "Mill", "amount": 100_00}, expected_version=1, user="ann"
    )
    assert after["name"] == "Mill" and after["version"] == 2
    same = store.update("projects", pk, {"name": "Mill"}, expected_version=2, user="ann")
    assert same["version"] == 2  # no change, no new version
    store.delete("projects", pk, expected_version=2, user="bob")
    log = store.rows("audit_log", where={"table_name": "projects"})
    assert [r["action"] for r in log] == ["insert", "update", "delete"]
    assert json.loads(log[1]["changes"]) == {"name": ["Plant", "Mill"]}
    assert log[1]["user"] == "ann" and log[2]["user"] == "bob"
    assert json.loads(log[2]["changes"])["code"] == ["P-1", None]


def test_audit_log_is_append_only(store):
    new_project(store)
    with (
        pytest.raises(StoreError, match="append-only"),
        store._write() as c,
    ):
        c.execute("DELETE FROM audit_log")
    with (
        pytest.raises(StoreError, match="append-only"),
        store._write() as c,
    ):
        c.execute("UPDATE audit_log SET user = 'x'")
    assert store.count("audit_log") == 1


def test_stale_update_and_delete_refused(store):
    pk = new_project(store)
    store.update("projects", pk, {"name": "A"}, expected_version=1, user="a")
    with pytest.raises(StaleWrite, match="changed by someone else") as ei:
        store.update("projects", pk, {"name": "B"}, expected_version=1, user="b")
    assert ei.value.current["name"] == "A"
    with pytest.raises(StaleWrite):
        store.delete("projects", pk, expected_version=1, user="b")
    assert store.get("projects", pk)["name"] == "A"
    with pytest.raises(NotFound, match="no longer exists"):
        store.update("projects", 999, {"name": "x"}, expected_version=1, user="b")


def test_failed_transaction_writes_nothing(store):
    n = store.count("audit_log")
    with pytest.raises(ConstraintViolation, match="UNIQUE") as ei, store.write():
        new_project(store, "OK-1")
        new_project(store, "OK-1")  # duplicate code
    assert ei.value.kind == "unique" and (ei.value.table, ei.value.column) == ("projects", "code")
    assert store.count("projects") == 0 and store.count("audit_log") == n


def test_bad_table_and_column_names_refused(store):
    with pytest.raises(ValueError, match="unknown table"):
        store.insert("projects; DROP TABLE x", {"a": 1}, user="x")
    with pytest.raises(ValueError, match="no column"):
        store.insert("projects", {"code); DROP TABLE projects; --": 1}, user="x")


def test_two_connections_stale_write(db_path, store):
    """Two windows on one file: the second save from a stale version is refused."""
    pk = new_project(store)
    store.close(backup=False)
    a = Store.open(db_path, backup=False)
    b = Store.open(db_path, backup=False)
    try:
        va = a.get("projects", pk)["version"]
        vb = b.get("projects", pk)["version"]
        a.update("projects", pk, {"name": "From A"}, expected_version=va, user="a")
        with pytest.raises(StaleWrite, match="changed by someone else"):
            b.update("projects", pk, {"name": "From B"}, expected_version=vb, user="b")
        assert b.get("projects", pk)["name"] == "From A"
        assert b.data_version() != 0
    finally:
        a.close(backup=False)
        b.close(backup=False)
    with Store.open(db_path, read_only=True) as s:
        assert s.get("projects", pk)["name"] == "From A"


def test_other_process_stale_write(db_path, store):
    pk = new_project(store)
    v = store.get("projects", pk)["version"]
    store.update("projects", pk, {"name": "First"}, expected_version=v, user="me")
    script = textwrap.dedent(f"""
        import sys
        from tracker.store import Store, StaleWrite
        s = Store.open({str(db_path)!r}, backup=False)
        try:
            s.update("projects", {pk}, {{"name": "Second"}}, expected_version={v}, user="other")
        except StaleWrite as exc:
            print(exc)
            sys.exit(3)
        finally:
            s.close(backup=False)
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3, r.stderr
    assert "changed by someone else" in r.stdout
    assert store.get("projects", pk)["name"] == "First"


def test_busy_file_gives_plain_message(db_path, store, monkeypatch):
    import tracker.store.sqlite_store as ss

    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        store._conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(StoreError, match="busy"):
            new_project(store)
    finally:
        other.execute("ROLLBACK")
        other.close()
        store._conn.execute(f"PRAGMA busy_timeout = {ss.BUSY_TIMEOUT_MS}")
    new_project(store)


# ------------------------------------------------------------------ backups
def test_backups_rotate_and_skip_unchanged(db_path, store, tmp_path):
    new_project(store)
    folder = tmp_path / "bk"
    for i in range(4):
        new_project(store, f"R-{i}")
        backups.make_backup(store, folder, keep=3, reason="open")
    assert len(backups.list_backups(folder, db_path.stem)) == 3
    assert backups.auto_backup(store, folder, keep=3) is None  # nothing new since the last
    new_project(store, "R-9")
    made = backups.auto_backup(store, folder, keep=3)
    assert made is not None
    with Store.open(made, read_only=True) as b:
        assert b.get_by("projects", "code", "R-9")


def test_backup_on_open_and_close(db_path, store):
    new_project(store)
    store.close()  # changed: a backup at close
    folder = backups.default_dir(db_path)
    n = len(backups.list_backups(folder))
    assert n == 1
    with Store.open(db_path):
        pass  # same data as the newest backup: no new one
    assert len(backups.list_backups(folder)) == n


def test_failed_upgrade_leaves_file_as_it_was(tmp_path):
    p = tmp_path / "old.sqlite3"
    with Store.open(p, create=True) as s:
        s.changed = False
    c = sqlite3.connect(p)
    c.execute("PRAGMA user_version = 0")  # claims schema 0 but holds tables: v1 cannot apply
    c.close()
    before = sha(p)
    with pytest.raises(StoreError):
        Store.open(p)
    assert sha(p) == before


def test_bulk_loading_rebuilds_indexes_and_search(db_path, store):
    before = {
        r["name"]
        for r in store.query("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")
    }
    rows = [(f"B-{i}", f"Bulk river {i}", "energy", 1, 100, "USD", 0, "signed", 0)
            for i in range(1, 51)]  # fmt: skip
    names = ("code", "name", "sector", "bank_id", "amount", "currency", "disbursed", "status",
             "progress_pct")  # fmt: skip
    cols = [list(c) for c in zip(*rows, strict=True)]
    with store.bulk_loading(["projects"]):
        store.insert_columns("projects", names, cols, user="generator", action="bulk_load",
                             summary={"seed": 1})  # fmt: skip
    assert [
        (r["action"], json.loads(r["changes"]))
        for r in store.rows("audit_log", where={"table_name": "projects"})
    ] == [("bulk_load", {"seed": 1, "rows": 50})]
    after = {
        r["name"]
        for r in store.query("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")
    }
    assert after == before
    from tracker.domain.filters import Filter

    assert store.count("projects", Filter(text="river")) == 50
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.integrity_check() == []


def test_insert_many_fills_version_and_timestamp_by_name(store):
    bank = store.rows("banks")[0]["id"]
    base = {
        "name": "X",
        "sector": "it",
        "bank_id": bank,
        "amount": 1,
        "currency": "USD",
        "status": "signed",
    }
    store.insert_many(
        "projects", [{**base, "code": "A", "version": 5}], columns=[*base, "code", "version"]
    )
    store.insert_many("projects", [{**base, "code": "B"}], columns=[*base, "code"], user="ann")
    a, b = store.get_by("projects", "code", "A"), store.get_by("projects", "code", "B")
    assert a["version"] == 5 and a["updated_at"].endswith("Z")
    assert b["version"] == 1 and b["updated_at"].endswith("Z")
    assert store.rows("audit_log", where={"user": "ann"})[0]["action"] == "insert"


def test_rollback_journal_file_read_unchanged_then_wal_on_first_write(demo_path, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    with Store.open(demo_path, read_only=True) as s:
        s.backup_to(copy)
    before = sha(copy)
    with Store.open(copy, backup=False) as s:  # read-write, but only reading
        s.rows("projects")
        s.page("projects", sort="name")
    assert sha(copy) == before
    with Store.open(copy, backup=False) as s:
        new_project(s, "W-1")
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    with Store.open(copy, read_only=True) as s:
        assert s.get_by("projects", "code", "W-1")
