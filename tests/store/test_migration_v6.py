"""Migration 6: an index on (currency, amount) for each money column, which keeps the
row of a record sorted by value in the reporting currency a range count per currency."""

from __future__ import annotations

import sqlite3

from tracker.store import Store
from tracker.store.migrations import SCHEMA_VERSION, money_by_currency_indexes


def _indexes(path) -> dict[str, list[str]]:  # noqa: ANN001
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")]
        return {n: [r[2] for r in con.execute(f'PRAGMA index_info("{n}")')] for n in names}
    finally:
        con.close()


def test_a_new_file_has_an_index_on_currency_and_amount_per_money_column(store, db_path):
    held = _indexes(db_path)
    for table, cur, col in money_by_currency_indexes():
        assert held.get(f"idx_{table}_{cur}_{col}") == [cur, col], (table, col)
    assert ("projects", "currency", "amount") in money_by_currency_indexes()


def test_a_file_of_schema_5_gets_them_on_open(db_path):
    Store.open(db_path, create=True).close(backup=False)
    con = sqlite3.connect(db_path)
    for table, cur, col in money_by_currency_indexes():
        con.execute(f'DROP INDEX "idx_{table}_{cur}_{col}"')
    con.execute("PRAGMA user_version = 5")
    con.commit()
    con.close()
    assert "idx_projects_currency_amount" not in _indexes(db_path)
    s = Store.open(db_path)
    try:
        assert s.schema_version == SCHEMA_VERSION == 6
    finally:
        s.close(backup=False)
    assert _indexes(db_path)["idx_projects_currency_amount"] == ["currency", "amount"]
