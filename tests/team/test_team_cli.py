"""The command line on a team server: init, grant, copy (file <-> server, verified),
backup, and the everyday commands with a URL where a file used to be."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import psycopg
import pytest

from tests.pg_cluster import SUPERUSER_PASSWORD
from tracker import cli
from tracker.store import Store
from tracker.store.migrations import SCHEMA_VERSION
from tracker.store.postgres import PgStore
from tracker.store.postgres.copying import copy_portfolio


def main(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a file, as sqlite3 reads it (meta without its own marks)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite%' ORDER BY name")]  # fmt: skip
        out = {}
        for t in tables:
            where = " WHERE key NOT IN ('schema_version', 'created_at')" if t == "meta" else ""
            out[t] = conn.execute(f"SELECT * FROM {t}{where} ORDER BY 1").fetchall()
        return out
    finally:
        conn.close()


def test_init_on_a_server_then_refuses_a_second_time(capsys, pg_url):
    code, out, _ = main(capsys, "init", "--db", pg_url)
    assert code == 0 and f"created (schema {SCHEMA_VERSION})" in out
    code, _, err = main(capsys, "init", "--db", pg_url, "--demo")
    assert code == 1 and "already holds a portfolio" in err


def test_init_demo_on_a_server_gives_the_demo_files_rows(capsys, pg_url, demo_path):
    code, out, _ = main(capsys, "init", "--db", pg_url, "--demo")
    assert code == 0 and "34 projects" in out
    with PgStore.open(pg_url) as s, Store.open(demo_path, read_only=True, backup=False) as f:
        strip = lambda rows: [{k: v for k, v in r.items() if k != "updated_at"} for r in rows]  # noqa: E731
        assert strip(s.iter_rows("projects")) == strip(f.iter_rows("projects"))


def test_copy_file_to_server_to_file_keeps_every_row_money_and_audit(capsys, pg_url, demo_path,
                                                                    tmp_path):  # fmt: skip
    code, out, _ = main(capsys, "copy", "--from", demo_path, "--to", pg_url)
    assert code == 0 and "counts and money totals verified" in out
    back = tmp_path / "back.sqlite3"
    code, out, _ = main(capsys, "copy", "--from", pg_url, "--to", back)
    assert code == 0
    a, b = _dump(demo_path), _dump(back)
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], table
    assert len(a["audit_log"]) > 1000  # the log came across with its own authors and times
    with Store.open(back, read_only=True, backup=False) as s:
        assert s.integrity_check() == []
        assert s.count("projects", s_flt("road")) == Store.open(
            demo_path, read_only=True, backup=False
        ).count("projects", s_flt("road"))


def s_flt(text: str):
    from tracker.domain.filters import Filter

    return Filter(text=text)


def _indexes(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as c:
        return c.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                         "ORDER BY indexname").fetchall()  # fmt: skip


def test_after_a_copy_new_records_get_fresh_ids_on_the_server(pg_url, demo_path, pg_cluster):
    fresh = pg_cluster.url(pg_cluster.new_database())
    PgStore.create(fresh).close()
    copy_portfolio(str(demo_path), pg_url)
    # The indexes dropped for the load are all back, as a new portfolio has them.
    assert [i[0] for i in _indexes(pg_url)] == [i[0] for i in _indexes(fresh)]
    assert len(_indexes(pg_url)) > 30
    # ... and the copy is settled: the planner's statistics and visibility map are made
    # (VACUUM ANALYZE), so the first sort counts over the indexes alone.
    with psycopg.connect(pg_url) as c:
        unsettled = c.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE relname IN ('projects', 'residents', "
            "'ventures', 'audit_log') AND (last_vacuum IS NULL OR last_analyze IS NULL)"
        ).fetchall()  # fmt: skip
    assert unsettled == []
    with PgStore.open(pg_url) as s:
        top = s.max_id("projects")
        pid = s.insert("projects", {"code": "NEW", "name": "New", "sector": "energy",
                                    "bank_id": 1, "amount": 1, "currency": "USD",
                                    "status": "pipeline"}, user="x")  # fmt: skip
        assert pid == top + 1
        assert s.audit_rows(after_id=s.data_version() - 1)[0]["user"] == "postgres"


def test_copy_refuses_a_target_that_holds_a_portfolio(capsys, pg_demo_url, demo_path, tmp_path):
    code, _, err = main(capsys, "copy", "--from", demo_path, "--to", pg_demo_url)
    assert code == 1 and "already holds a portfolio" in err and "Nothing was changed" in err
    code, _, err = main(capsys, "copy", "--from", pg_demo_url, "--to", demo_path)
    assert code == 1 and "already exists" in err
    code, _, err = main(capsys, "copy", "--from", tmp_path / "none.sqlite3", "--to", tmp_path / "x")
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "x").exists()


def test_a_copy_that_does_not_verify_is_not_kept(pg_url, demo_path, monkeypatch):
    from tracker.store.errors import StoreError
    from tracker.store.postgres import transfer as copying

    real = copying._money

    def wrong(store, table):
        out = real(store, table)
        if isinstance(store, PgStore) and table == "projects":
            out["USD"]["amount"] += 1
        return out

    monkeypatch.setattr(copying, "_money", wrong)
    with pytest.raises(StoreError, match="did not match its source"):
        copy_portfolio(str(demo_path), pg_url)
    with PgStore.open(pg_url) as s:  # rolled back: the schema is there, no record
        assert s.count("projects") == 0 and s.count("audit_log") == 0


def test_a_whole_portfolio_copy_is_not_cut_by_the_everyday_time_limit(pg_url, demo_path,
                                                                    monkeypatch):  # fmt: skip
    """A million projects take minutes in the copy's one transaction; the limit on
    everyday statements stops them, saying so, and does not apply to the copy."""
    from tracker.store.errors import StoreError
    from tracker.store.postgres import session

    monkeypatch.setattr(session, "STATEMENT_TIMEOUT", "150ms")
    with PgStore.create(pg_url) as s:  # a slow load: every statement into projects sleeps
        s._exec("CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "PERFORM pg_sleep(0.4); RETURN NULL; END $$")  # fmt: skip
        s._exec("CREATE TRIGGER slow AFTER INSERT ON projects FOR EACH STATEMENT "
                "EXECUTE FUNCTION slow()")  # fmt: skip
        with pytest.raises(StoreError, match="stopped the work after its time limit"):
            s._scalar("SELECT 1 FROM pg_sleep(0.4)")
    report = copy_portfolio(str(demo_path), pg_url)
    assert report.counts["projects"] == 34


def test_backup_of_a_server_is_a_consistent_sqlite_file(capsys, pg_demo_url, tmp_path):
    code, out, _ = main(capsys, "backup", "--db", pg_demo_url, "--to", tmp_path / "bk")
    assert code == 0
    files = list((tmp_path / "bk").glob("*-manual.sqlite3"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0
    with Store.open(files[0], read_only=True, backup=False) as f, PgStore.open(pg_demo_url) as s:
        assert f.integrity_check() == []
        for t in ("projects", "residents", "ventures", "project_updates", "audit_log"):
            assert f.count(t) == s.count(t)
    code, _, err = main(capsys, "backup", "--db", pg_demo_url)
    assert code == 2 and "--to DIR" in err


def test_export_chart_check_attention_read_the_server(capsys, pg_demo_url, tmp_path):
    out_x = tmp_path / "x.xlsx"
    code, out, _ = main(capsys, "export", "--db", pg_demo_url, "--format", "xlsx", "--out", out_x)
    assert code == 0 and "recorded as snapshot #1" in out
    wb = openpyxl.load_workbook(out_x, read_only=True)
    assert "Projects" in wb.sheetnames or len(wb.sheetnames) >= 4
    with PgStore.open(pg_demo_url) as s:
        snap = s.rows("snapshots")[-1]
        assert snap["format"] == "xlsx" and snap["user"] == "postgres"
    code, _, _ = main(capsys, "chart", "--db", pg_demo_url, "--chart", "status",
                      "--out", tmp_path / "c.png")  # fmt: skip
    assert code == 0 and (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    code, out, _ = main(capsys, "check", "--db", pg_demo_url)
    assert code == 0 and "projects: 34" in out and out.strip().endswith("ok")
    code, out, _ = main(capsys, "attention", "--db", pg_demo_url, "--json")
    assert code == 0 and json.loads(out)


def test_update_and_import_write_to_the_server(capsys, pg_demo_url, tmp_path):
    with PgStore.open(pg_demo_url) as s:
        start = s.data_version()
    code, out, _ = main(capsys, "update", "--db", pg_demo_url, "--project", "by-cn-001",
                        "--progress", "55", "--author", "forged")  # fmt: skip
    assert code == 0 and "progress 55 %" in out
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,sector,bank,amount,currency,status\n"
                   "NEW-1,New one,energy,1,100,USD,pipeline\nNEW-2,Two,energy,1,5,EUR,signed\n")  # fmt: skip
    code, out, _ = main(capsys, "import", "--db", pg_demo_url, "--kind", "projects", csv)
    assert code == 0 and "2 new" in out
    with PgStore.open(pg_demo_url) as s:
        assert s.get_by("projects", "code", "BY-CN-001")["progress_pct"] == 55
        new = s.get_by("projects", "code", "NEW-2")
        assert new["amount"] == 500 and new["version"] == 1
        log = s.audit_rows(after_id=start)
        assert {r["user"] for r in log} == {"postgres"}  # not 'forged'
        assert any(r["row_id"] == new["id"] and r["action"] == "import" for r in log)
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,sector,bank,amount,currency,status\nNEW-1,Dup,energy,1,1,USD,nope\n")
    code, _, err = main(capsys, "import", "--db", pg_demo_url, "--kind", "projects", bad)
    assert code == 1 and "status" in err


def test_grant_from_the_command_line(capsys, pg_store, pg_cluster):
    login = f"{pg_store.dbname}_cli_viewer"
    url = pg_cluster.url(pg_store.dbname)
    code, out, _ = main(capsys, "grant", "--db", url, "--user", login, "--role", "viewer")
    assert code == 0 and f"login {login} created, role viewer" in out
    code, _, err = main(capsys, "update", "--db", pg_cluster.url(pg_store.dbname, user=login),
                        "--project", "X", "--progress", "5")  # fmt: skip
    assert code == 1
    code, _, err = main(capsys, "grant", "--db", "file.sqlite3", "--user", "x", "--role", "viewer")
    assert code == 2 and "team server" in err
    pg_cluster.psql(f'DROP OWNED BY "{login}"; DROP ROLE "{login}"', dbname=pg_store.dbname)


def test_a_password_in_the_url_is_never_printed(capsys, pg_cluster, pg_demo_url, tmp_path):
    db = pg_demo_url.split("?")[0].rsplit("/", 1)[1]
    url = f"postgresql://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{pg_cluster.port}/{db}"
    code, out, err = main(capsys, "check", "--db", url)
    assert code == 0 and SUPERUSER_PASSWORD not in out + err
    wrong = url.replace(SUPERUSER_PASSWORD, "not-the-password")
    code, out, err = main(capsys, "check", "--db", wrong)
    assert code == 1 and "refused the login" in err and "not-the-password" not in out + err
    code, out, err = main(capsys, "copy", "--from", url, "--to", tmp_path / "c.sqlite3")
    assert code == 0 and SUPERUSER_PASSWORD not in out + err


def test_a_server_that_is_not_there_is_said_plainly(capsys, pg_cluster):
    url = f"postgresql://nobody@127.0.0.1:{_closed_port()}/nothing?connect_timeout=3"
    code, _, err = main(capsys, "check", "--db", url)
    assert code == 1 and "cannot connect to the server" in err


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unknown_database_and_login_are_named(capsys, pg_cluster):
    code, _, err = main(capsys, "check", "--db", pg_cluster.url("no_such_db"))
    assert code == 1 and "no such database" in err
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg_cluster.url("postgres", user="ghost")).close()
    code, _, err = main(capsys, "check", "--db", pg_cluster.url("postgres", user="ghost"))
    assert code == 1 and "no such login" in err


@pytest.mark.parametrize(
    "args",
    [["restore", "--from", "b.sqlite3"], ["repair"]],
)
def test_file_only_commands_refuse_a_server_plainly(capsys, pg_demo_url, args):
    code, _, err = main(capsys, args[0], "--db", pg_demo_url, *args[1:])
    assert code == 1 and "not yet on a team server" in err and "Nothing was changed" in err


def test_libpq_service_file_and_password_file_are_used(capsys, pg_cluster, pg_demo_url, tmp_path,
                                                       monkeypatch):  # fmt: skip
    """libpq's own conventions: a service names the server, ~/.pgpass gives the password;
    the program asks nothing and writes neither."""
    db = pg_demo_url.split("?")[0].rsplit("/", 1)[1]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost=127.0.0.1\nport={pg_cluster.port}\ndbname={db}\n"
                        "user=postgres\n")  # fmt: skip
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_cluster.port}:*:postgres:{SUPERUSER_PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    code, out, err = main(capsys, "check", "--db", "postgresql://?service=team")
    assert code == 0 and "projects: 34" in out and SUPERUSER_PASSWORD not in out + err
    pgpass.write_text("")  # no password anywhere now: refused, not prompted (no terminal)
    code, _, err = main(capsys, "check", "--db", "postgresql://?service=team")
    assert code == 1 and "refused the login" in err


def test_copy_server_to_server_and_file_to_file(capsys, pg_demo_url, pg_url, demo_path, tmp_path):
    code, out, _ = main(capsys, "copy", "--from", pg_demo_url, "--to", pg_url)
    assert code == 0 and "projects: 34" in out
    with PgStore.open(pg_demo_url) as a, PgStore.open(pg_url) as b:
        assert a.audit_rows(limit=5000) == b.audit_rows(limit=5000)
        assert list(a.iter_rows("ventures")) == list(b.iter_rows("ventures"))
    code, _, _ = main(capsys, "copy", "--from", demo_path, "--to", tmp_path / "copy.sqlite3")
    assert code == 0 and _dump(demo_path) == _dump(tmp_path / "copy.sqlite3")
    code, _, err = main(capsys, "copy", "--from", demo_path, "--to", demo_path)
    assert code == 1 and "same file" in err


def test_a_server_backup_reports_its_rows_and_a_cancel_leaves_no_file(pg_demo, tmp_path,
                                                                      monkeypatch):  # fmt: skip
    """The server's copy tells how far it is (rows of all rows) as it goes, and a cancel
    coming in mid-copy stops it there: no copy, no hidden part file, the folder as it was."""
    from tracker.services.progress import Cancelled, Progress
    from tracker.store.postgres import transfer

    monkeypatch.setattr(transfer, "PROGRESS_ROWS", 10)
    total = sum(pg_demo.count(t) for t in transfer.schema.TABLES if t != "meta")
    seen: list[tuple[int, int]] = []
    made = pg_demo.make_backup(tmp_path / "ok", progress=lambda d, n: seen.append((d, n)))
    assert made.exists() and seen[0] == (10, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with Store.open(made, read_only=True, backup=False) as copy:
        assert copy.count("projects") == pg_demo.count("projects")

    folder = tmp_path / "cancelled"
    progress = Progress(cancellable=True)
    calls: list[int] = []

    def cancel_midway(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            progress.cancel()
        progress(done, total)

    with pytest.raises(Cancelled):
        pg_demo.make_backup(folder, progress=cancel_midway)
    assert calls == [10, 20, 30] and list(folder.iterdir()) == []
