"""The fast id paths of query_ids (perf_ids) give exactly what a plain ORDER BY gives."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.domain.filters import Filter
from tracker.store import Store, perf_ids

SORTS = ["name", "amount", "region", "planned_end", "status", "interest_rate", "borrower"]
FILTERS = [
    Filter(status=("signed",)),
    Filter(status=("signed", "completed"), region=("BY-MI",)),
    Filter(text="river"),
    Filter(status=("cancelled",)),  # selects nothing
]


def _rows(banks, start=0, n=80):
    regions = [None, "BY-MI", "BY-BR", None, "BY-HM"]
    for i in range(start, start + n):
        yield {
            "code": f"P-{i:04d}", "name": f"Project {i % 7}", "sector": "energy" if i % 2 else "it",
            "region": regions[i % 5], "bank_id": banks[i % 3], "borrower": None if i % 4 else f"B {i % 3}",
            "amount": (i % 6) * 1000, "currency": "USD", "disbursed": 0,
            "status": ("signed", "pipeline", "completed")[i % 3],
            "planned_end": None if i % 3 == 0 else f"2025-0{1 + i % 4}-01",
            "interest_rate": None if i % 5 == 0 else (i % 4) / 2,
            "description": f"river bridge {i}" if i % 2 else f"road {i}",
        }  # fmt: skip


@pytest.fixture
def fast(tmp_path, monkeypatch):
    """80 projects with ties and NULLs, and the fast paths switched on for any size."""
    monkeypatch.setattr(perf_ids, "SMALL", 0)
    s = Store.open(tmp_path / "p.sqlite3", create=True)
    banks = [r["id"] for r in s.rows("banks")]
    rows = list(_rows(banks))
    s.insert_many("projects", rows, columns=list(rows[0]))
    yield s
    s.close(backup=False)


def plain(store, sort, descending, flt=None):
    where, params = store.where("projects", flt or Filter())
    d = " DESC" if descending else ""
    sql = f"SELECT id FROM projects {'WHERE ' + where if where else ''} ORDER BY {sort}{d}, id{d}"
    return [r["id"] for r in store.query(sql, params)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORTS)
def test_whole_table_sorts_match_order_by(fast, sort, descending):
    assert list(fast.query_ids("projects", sort=sort, descending=descending)) == plain(
        fast, sort, descending
    )


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f.describe())
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", ["id", *SORTS])
def test_filtered_sorts_match_order_by(fast, sort, descending, flt):
    got = list(fast.query_ids("projects", flt, sort=sort, descending=descending))
    assert got == plain(fast, sort, descending, flt)


def test_gap_free_table_in_id_order_is_a_range(fast):
    ids = fast.query_ids("projects")
    assert isinstance(ids, range) and list(ids) == plain(fast, "id", False)
    assert list(fast.query_ids("projects", descending=True)) == plain(fast, "id", True)
    assert ids.index(ids[40]) == 40


def test_a_deleted_row_leaves_a_gap_and_a_real_list(fast):
    victim = fast.query_ids("projects")[10]
    fast.delete("projects", victim, expected_version=None, user="t")
    ids = fast.query_ids("projects")
    assert not isinstance(ids, range)
    assert victim not in list(ids) and list(ids) == plain(fast, "id", False)


def test_cached_order_follows_our_own_edits(fast):
    before = list(fast.query_ids("projects", sort="amount"))
    first = before[0]
    fast.update("projects", first, {"amount": 10**9}, expected_version=None, user="t")
    after = list(fast.query_ids("projects", sort="amount"))
    assert after[-1] == first and after == plain(fast, "amount", False)


def test_cached_order_follows_another_programs_write(fast):
    before = list(fast.query_ids("projects", sort="amount", descending=True))
    other = sqlite3.connect(fast.path)
    other.execute("UPDATE projects SET amount = -0 + 0 WHERE id = ?", (before[0],))
    other.commit()
    other.close()
    assert list(fast.query_ids("projects", sort="amount", descending=True)) == plain(
        fast, "amount", True
    )


def test_ids_from_query_keeps_the_order_and_handles_empty(fast):
    c = fast.conn
    sql = "SELECT id FROM projects WHERE status = ? ORDER BY borrower DESC, id"
    expected = [r[0] for r in c.execute(sql, ("pipeline",))]
    assert list(perf_ids.ids_from_query(c, sql, ("pipeline",))) == expected
    assert list(perf_ids.ids_from_query(c, sql, ("nothing",))) == []
    assert list(perf_ids.ids_from_query(c, sql, ("pipeline",), estimate=5)) == expected


def test_sort_cache_keeps_few_columns(fast):
    cache = fast.__dict__.setdefault("_sort_cache", perf_ids.SortCache())
    for col in SORTS:
        fast.query_ids("projects", sort=col)
    assert len(cache._orders) == perf_ids.SortCache.KEEP
