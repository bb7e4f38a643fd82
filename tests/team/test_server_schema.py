"""The schema on the server: the same migrations and columns as the file, a newer
schema refused, the audit log written by the server and append-only, roles
enforced by the server's privileges."""

from __future__ import annotations

import psycopg
import pytest

from tracker.store import Store
from tracker.store import migrations as sqlite_migrations
from tracker.store.errors import (
    ForeignDatabase,
    NewerSchema,
    ReadOnlyError,
    StaleWrite,
    StoreError,
)
from tracker.store.postgres import ConstraintViolation, PgStore, schema
from tracker.store.postgres.copying import RECORD_TABLES


def test_every_file_migration_has_its_server_counterpart(pg_store, store):
    """A new SQLite migration without a PostgreSQL one fails here (same numbers)."""
    assert len(schema.MIGRATIONS) == len(sqlite_migrations.MIGRATIONS)
    assert pg_store.schema_version == store.schema_version == schema.SCHEMA_VERSION


def test_the_same_tables_and_columns_in_the_same_order(pg_store, store):
    file_tables = {
        r["name"]
        for r in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite%'"
        )
    }
    assert file_tables == set(schema.TABLES)
    assert set(RECORD_TABLES) <= file_tables
    for table in schema.TABLES:
        assert pg_store._columns(table) == store._columns(table), table


def test_reference_data_is_seeded_alike(pg_store, store):
    for table in ("countries", "sectors", "regions", "banks", "zones", "fx_rates"):
        strip = lambda rows: [{k: v for k, v in r.items() if k != "updated_at"} for r in rows]  # noqa: E731
        assert strip(pg_store.rows(table)) == strip(store.rows(table)), table


def test_a_newer_schema_is_refused_and_left_alone(pg_url):
    PgStore.create(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(NewerSchema, match="newer Investment Tracker.*schema 99"):
        PgStore.open(pg_url)
    with psycopg.connect(pg_url) as c:
        assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            "99",
        )


def test_another_programs_database_is_refused(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(ForeignDatabase, match="another program"):
        PgStore.create(pg_url)
    with psycopg.connect(pg_url) as c:
        assert (
            c.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
            == 1
        )


def test_an_empty_database_is_not_opened_as_a_portfolio(pg_url):
    with pytest.raises(StoreError, match="holds no portfolio yet.*tracker init"):
        PgStore.open(pg_url)


def test_a_failed_migration_leaves_nothing_behind(pg_url, monkeypatch):
    def broken(cur):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:-1], broken])
    with pytest.raises(RuntimeError, match="disk on fire"):
        PgStore.create(pg_url)
    with psycopg.connect(pg_url) as c:
        assert (
            c.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
            == 0
        )


# ----------------------------------------------------------------- row versions
def _project(store, code="P-1", **kw):
    values = {"code": code, "name": f"Project {code}", "sector": "energy", "bank_id": 1,
              "amount": 1000, "currency": "USD", "status": "pipeline", **kw}  # fmt: skip
    return store.insert("projects", values, user="desk")


def test_stale_writes_are_refused_and_nothing_is_overwritten(pg_store):
    pid = _project(pg_store)
    pg_store.update("projects", pid, {"amount": 2000}, expected_version=1, user="a")
    with pytest.raises(StaleWrite, match="version 2, you edited version 1"):
        pg_store.update("projects", pid, {"amount": 3000}, expected_version=1, user="b")
    with pytest.raises(StaleWrite):
        pg_store.delete("projects", pid, expected_version=1, user="b")
    assert pg_store.get("projects", pid)["amount"] == 2000
    row = pg_store.delete("projects", pid, expected_version=2, user="b")
    assert pg_store.get("projects", pid) is None
    restored = pg_store.restore_row("projects", row, user="b")
    assert restored == pid and pg_store.get("projects", pid)["version"] == 3
    # New rows still get fresh ids after a restore with an explicit id.
    assert _project(pg_store, "P-2") > pid


def test_constraints_are_the_files(pg_store):
    _project(pg_store)
    with pytest.raises(ConstraintViolation, match="UNIQUE constraint failed: projects.code"):
        _project(pg_store)
    with pytest.raises(ConstraintViolation) as exc:
        _project(pg_store, "P-9", amount=-1)
    assert exc.value.kind == "check"
    with pytest.raises(ConstraintViolation) as exc:
        _project(pg_store, "P-8", bank_id=999)
    assert exc.value.kind == "foreign_key"
    with pytest.raises(ConstraintViolation):
        pg_store.insert("countries", {"code": "xx", "name_en": "Lower"}, user="t")
    assert pg_store.count("projects") == 1


# --------------------------------------------------------------------- audit log
def test_the_server_writes_who_and_when_not_the_client(pg_store):
    pid = _project(pg_store)
    pg_store.update("projects", pid, {"name": "Renamed"}, expected_version=1, user="forged-boss")
    log = pg_store.audit_rows()
    assert [r["user"] for r in log] == ["postgres", "postgres"]
    assert [r["action"] for r in log] == ["insert", "update"]
    assert log[1]["row_id"] == pid and log[1]["at"].endswith("Z")
    # Even a hand-written INSERT naming another author gets the login.
    with psycopg.connect(pg_store_url(pg_store), autocommit=True) as c:
        c.execute(
            """INSERT INTO audit_log (at, "user", table_name, action, changes)
               VALUES ('1999-01-01', 'someone-else', 'projects', 'insert', '{}')"""
        )
    last = pg_store.audit_rows()[-1]
    assert last["user"] == "postgres" and last["at"] > "2000"


def pg_store_url(store: PgStore) -> str:
    return store._conn.info.dsn


@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_log SET \"user\" = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"],
)
def test_the_audit_log_is_append_only_even_for_its_owner(pg_store, sql):
    _project(pg_store)
    with (
        psycopg.connect(pg_store_url(pg_store), autocommit=True) as c,  # the superuser
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"),
    ):
        c.execute(sql)
    assert len(pg_store.audit_rows()) == 1


# -------------------------------------------------------------------------- roles
@pytest.fixture
def logins(pg_store, pg_cluster):
    """Three logins with the three roles on the portfolio, named after the test database."""
    base = pg_store.dbname
    names = {r: f"{base}_{r}_login" for r in schema.ROLES}
    for role, login in names.items():
        assert pg_store.grant(login, role) == "created"
    yield names
    for login in names.values():
        pg_cluster.psql(f'DROP OWNED BY "{login}"; DROP ROLE "{login}"', dbname=base)


def _as(pg_cluster, store, login):
    return pg_cluster.url(store.dbname, user=login)


def test_a_viewer_opens_read_only_and_the_server_refuses_its_writes(pg_store, logins, pg_cluster):
    _project(pg_store)
    viewer = PgStore.open(_as(pg_cluster, pg_store, logins["viewer"]))
    try:
        assert viewer.role == "viewer" and viewer.read_only
        assert "viewer role" in viewer.read_only_reason
        assert viewer.count("projects") == 1
        with pytest.raises(ReadOnlyError):
            viewer.update("projects", 1, {"amount": 5}, expected_version=1, user="v")
    finally:
        viewer.close()
    # Not only the window: the server itself refuses a viewer's write.
    with (
        psycopg.connect(_as(pg_cluster, pg_store, logins["viewer"])) as c,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        c.execute("UPDATE projects SET amount = 5")
    assert pg_store.get("projects", 1)["amount"] == 1000


def test_an_editor_edits_records_but_not_reference_data(pg_store, logins, pg_cluster):
    editor = PgStore.open(_as(pg_cluster, pg_store, logins["editor"]))
    try:
        assert editor.role == "editor" and not editor.read_only
        pid = _project(editor)
        editor.update("projects", pid, {"amount": 7}, expected_version=1, user="e")
        assert editor.audit_rows()[-1]["user"] == logins["editor"]
        with pytest.raises(ReadOnlyError, match="may not make this change"):
            editor.insert("fx_rates", {"currency": "EUR", "date": "2024-01-01", "per_usd": 0.9},
                          user="e")  # fmt: skip
        with pytest.raises(StoreError):
            editor.grant("someone", "admin")
        with (
            psycopg.connect(_as(pg_cluster, pg_store, logins["editor"])) as c,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            c.execute("DELETE FROM audit_log")
    finally:
        editor.close()


def test_an_admin_keeps_reference_data_and_users(pg_store, logins, pg_cluster):
    admin = PgStore.open(_as(pg_cluster, pg_store, logins["admin"]))
    try:
        assert admin.role == "admin"
        admin.insert("fx_rates", {"currency": "EUR", "date": "2024-01-01", "per_usd": 0.9},
                     user="a")  # fmt: skip
        newbie = f"{pg_store.dbname}_newbie"
        assert admin.grant(newbie, "viewer") == "created"
        assert admin.grant(newbie, "editor") == "changed"
        assert {"login": newbie, "role": "editor"} in admin.users()
    finally:
        admin.close()
    pg_cluster.psql(f'DROP ROLE "{newbie}"')


def test_grant_refuses_bad_roles_and_superusers(pg_store):
    with pytest.raises(ValueError, match="viewer, editor, admin"):
        pg_store.grant("x", "owner")
    with pytest.raises(StoreError, match="your own role"):
        pg_store.grant("postgres", "viewer")


def test_the_server_store_and_the_file_store_are_told_apart(pg_store, store):
    assert isinstance(store, Store) and pg_store.backend == "postgresql"
