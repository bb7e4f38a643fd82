"""The data API's boundary, read from the source: outside tracker/store nothing imports a
database library, reaches for a connection or writes SQL, and the import contracts
(pyproject.toml, checked by lint-imports in `make test`) ignore nothing."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "tracker"
OUTSIDE_STORE = [
    p for p in TRACKER.rglob("*.py") if "store" not in p.relative_to(TRACKER).parts[:1]
]

#: A string that starts like an SQL statement (what a query written outside the store
#: would look like).
SQL = re.compile(
    r"^\s*(SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|"
    r"CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)\s|PRAGMA\s|ALTER\s+TABLE\s|DROP\s+TABLE\s)",
    re.IGNORECASE | re.DOTALL,
)


def _modules_imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_files_checked_are_the_whole_program_but_the_store():
    names = {p.relative_to(TRACKER).as_posix() for p in OUTSIDE_STORE}
    assert {"cli.py", "services/importer.py", "ui/main_window.py"} <= names
    assert not any(n.startswith("store/") for n in names)


def test_no_database_library_outside_the_store():
    found = [
        (p.relative_to(ROOT).as_posix(), m)
        for p in OUTSIDE_STORE
        for m in _modules_imported(ast.parse(p.read_text(encoding="utf-8")))
        if m in ("sqlite3", "sqlite_utils", "psycopg", "psycopg_pool")
    ]
    assert found == []


def test_no_connection_and_no_sql_outside_the_store():
    conn_uses, sql_texts = [], []
    for p in OUTSIDE_STORE:
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("conn", "_conn", "_exec"):
                conn_uses.append(f"{p.relative_to(ROOT).as_posix()}:{node.lineno} .{node.attr}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and SQL.match(node.value)
            ):
                sql_texts.append(f"{p.relative_to(ROOT).as_posix()}:{node.lineno}")
    assert conn_uses == []
    assert sql_texts == []


def test_the_sql_pattern_finds_what_it_looks_for():
    """The check above is only worth something if the pattern matches real queries."""
    assert SQL.match("SELECT id FROM projects WHERE code = ?")
    assert SQL.match("  update projects set name = ? where id = ?")
    assert SQL.match("DELETE FROM project_updates")
    assert SQL.match("PRAGMA user_version")
    assert not SQL.match("Select a project first")
    assert not SQL.match("Update saved for BY-CN-014")


def test_import_contracts_ignore_nothing():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert len(contracts) >= 6
    assert [c["name"] for c in contracts if c.get("ignore_imports")] == []
    assert {c["type"] for c in contracts} >= {"layers", "forbidden", "acyclic_siblings"}
