"""Values another program wrote that break the rules (issue 13): 'abc' in an INTEGER
column, a status outside the codelist, a date that is no date, bytes in an amount.
``check`` lists each by table, key and column; exports that compute with them, every
chart and ``update`` refuse plainly (exit 1, no traceback, file unchanged); CSV and
SQLite copies are written as stored with a named warning."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker import cli
from tracker.services.chart_data import KIND_OF_CHART as CHARTS

from .helpers import sha256

BROKEN = [  # (SQL, what check says)
    ("UPDATE projects SET amount = 'abc' WHERE code = 'P-1'",
     "row: projects P-1, column amount: 'abc' is not an amount (whole minor units)"),
    ("UPDATE projects SET progress_pct = 250, start_date = 'soon' WHERE code = 'P-2'",
     "row: projects P-2, column start_date: 'soon' is not a date (YYYY-MM-DD)"),
    ("UPDATE projects SET status = 'bogus' WHERE code = 'P-3'",
     "row: projects P-3, column status: 'bogus' is not one of pipeline"),
    ("UPDATE banks SET country = 'XX' WHERE id = 1",
     "column country: 'XX' is not a code in countries"),
]  # fmt: skip


@pytest.fixture
def broken_db(small_db: Path) -> Path:
    conn = sqlite3.connect(small_db, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("PRAGMA foreign_keys = OFF")
    for sql, _ in BROKEN:
        conn.execute(sql)
    conn.close()
    return small_db


def test_check_lists_each_broken_value_by_table_key_and_column(broken_db, capsys):
    before = sha256(broken_db)
    assert cli.main(["check", "--db", str(broken_db)]) == 1
    err = capsys.readouterr().err
    for _, said in BROKEN:
        assert said in err
    assert "row: projects P-2, column progress_pct: 250 must be at least 0 and at most 100" in err
    assert sha256(broken_db) == before


def test_a_clean_file_checks_ok(small_db, capsys):
    assert cli.main(["check", "--db", str(small_db)]) == 0
    assert "row:" not in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json", "pdf", "iati"])
def test_exports_that_convert_values_refuse_plainly(broken_db, tmp_path, capsys, fmt):
    """(CSV wrote 'abc' as 0.00 before: a silent wrong figure.)"""
    before = sha256(broken_db)
    out = tmp_path / f"out.{fmt}"
    assert cli.main(["export", "--db", str(broken_db), "--format", fmt, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"the {fmt.upper()} export was not written: 5 stored value(s) break" in err
    assert "projects P-1, column amount: 'abc' is not an amount" in err
    assert "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    assert sha256(broken_db) == before


def test_a_sqlite_copy_is_written_as_stored_with_a_named_warning(broken_db, tmp_path, capsys):
    out = tmp_path / "out.sqlite"
    assert (
        cli.main(["export", "--db", str(broken_db), "--format", "sqlite", "--out", str(out)]) == 0
    )
    said = capsys.readouterr().out
    assert "5 stored value(s) break the program's rules and were copied as stored" in said
    assert "projects P-1, column amount: 'abc'" in said
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT amount FROM projects WHERE code = 'P-1'").fetchone() == ("abc",)
    conn.close()


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_every_chart_refuses_plainly(broken_db, tmp_path, capsys, chart):
    before = sha256(broken_db)
    out = tmp_path / "c.png"
    assert cli.main(["chart", "--db", str(broken_db), "--chart", chart, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"the chart '{chart}' was not written" in err and "Traceback" not in err
    assert not out.exists()
    assert sha256(broken_db) == before


def test_update_of_a_project_with_a_broken_value_is_refused(broken_db, capsys):
    before = sha256(broken_db)
    code = cli.main(["update", "--db", str(broken_db), "--project", "P-1", "--progress", "5"])
    err = capsys.readouterr().err
    assert code == 1
    assert "project P-1: its stored amount 'abc' is not an amount" in err
    assert "Traceback" not in err
    assert sha256(broken_db) == before


def test_update_names_the_first_broken_value_of_the_project(broken_db, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(broken_db, copy)
    before = sha256(copy)
    assert cli.main(["update", "--db", str(copy), "--project", "P-3", "--progress", "5"]) == 1
    assert "project P-3: its stored status 'bogus' is not one of" in capsys.readouterr().err
    assert sha256(copy) == before
