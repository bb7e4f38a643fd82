"""The fast id paths of query_ids (id_lists) give exactly what a plain ORDER BY gives."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.domain.filters import Filter
from tracker.store import Store, id_lists

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
    monkeypatch.setattr(id_lists, "SMALL", 0)
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
    c = fast._conn
    sql = "SELECT id FROM projects WHERE status = ? ORDER BY borrower DESC, id"
    expected = [r[0] for r in c.execute(sql, ("pipeline",))]
    assert list(id_lists.ids_from_query(c, sql, ("pipeline",))) == expected
    assert list(id_lists.ids_from_query(c, sql, ("nothing",))) == []
    assert list(id_lists.ids_from_query(c, sql, ("pipeline",), estimate=5)) == expected


def test_sort_cache_keeps_few_columns(fast):
    cache = fast.__dict__.setdefault("_sort_cache", id_lists.SortCache())
    for col in SORTS:
        fast.query_ids("projects", sort=col)
    assert len(cache._orders) == id_lists.SortCache.KEEP


# ------------------------------------------- the first rows, ranks and the background order
ORDER_COLUMNS = ["name", "amount", "region", "planned_end", "borrower", "bank_id"]


def name_order(store, column, names, descending=False, flt=None):
    """Reference: ids by the name each value shows (case-blind), then id; NULL first."""
    where, params = store.where("projects", flt or Filter())
    sql = f"SELECT id, {column} FROM projects" + (f" WHERE {where}" if where else "")
    rows = store.query(sql, params)

    def key(r):
        v = r[column]
        if v is None:
            return (0, "", "", r["id"])
        n = names(v)
        return (1, n.casefold(), n, r["id"])

    out = [r["id"] for r in sorted(rows, key=key)]
    return out[::-1] if descending else out


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", ORDER_COLUMNS)
def test_head_ids_are_the_first_rows_of_order_by_at_any_offset(fast, column, descending):
    full = plain(fast, column, descending)
    for offset, limit in ((0, 10), (0, 200), (7, 5), (75, 10), (80, 3)):
        got = id_lists.head_ids(fast._conn, table="projects", pk="id", column=column,
                                descending=descending, limit=limit, offset=offset)  # fmt: skip
        assert list(got) == full[offset : offset + limit]


@pytest.mark.parametrize("column", ORDER_COLUMNS)
def test_rank_of_is_the_position_in_order_by(fast, column):
    full = plain(fast, column, False)
    for pos, pk in enumerate(full):
        assert id_lists.rank_of(fast._conn, table="projects", pk="id", column=column, key=pk) == pos
    assert id_lists.rank_of(fast._conn, table="projects", pk="id", column=column, key=10**9) == -1


def _bank_groups(store):
    names = {r["id"]: r["short_name"] or r["name"] for r in store.rows("banks")}
    values = id_lists.distinct_values(store._conn, "projects", "bank_id")
    return names, id_lists.name_groups(values, lambda v: names.get(v, str(v)))


@pytest.mark.parametrize("column", ["bank_id", "region"])
def test_a_linked_column_orders_by_the_names_it_shows(fast, column):
    fast.update("banks", 1, {"short_name": "Zenith"}, expected_version=None, user="t")
    if column == "bank_id":
        names, groups = _bank_groups(fast)
        name_of = names.get
    else:  # region has NULLs; any naming works, this one reverses the codes' order

        def name_of(v):
            return {"BY-MI": "a", "BY-BR": "b", "BY-HM": "c"}.get(v, v)

        values = id_lists.distinct_values(fast._conn, "projects", column)
        groups = id_lists.name_groups(values, name_of)
    # Name order differs from value order in this data, else the test would prove nothing.
    assert [g[0] for g in groups] != sorted(g[0] for g in groups)
    for descending in (False, True):
        expected = name_order(fast, column, name_of, descending)
        assert expected != plain(fast, column, descending)
        got = id_lists.ascending_order(fast._conn, table="projects", pk="id", column=column,
                                       groups=groups)  # fmt: skip
        assert list(got[::-1] if descending else got) == expected
        for offset, limit in (
            (0, 1),
            (0, 30),
            (0, 200),
            (5, 10),
            (26, 30),
            (27, 1),
            (79, 5),
            (80, 5),
        ):
            head = id_lists.head_ids(fast._conn, table="projects", pk="id", column=column,
                                     descending=descending, limit=limit, offset=offset,
                                     groups=groups)  # fmt: skip
            assert list(head) == expected[offset : offset + limit], (offset, limit)
    asc = name_order(fast, column, name_of)
    for pos, pk in enumerate(asc):
        rank = id_lists.rank_of(fast._conn, table="projects", pk="id", column=column, key=pk,
                                groups=groups)  # fmt: skip
        assert rank == pos
    # A value no group names (added after the groups were made): no rank, the caller waits.
    fast.update("projects", asc[0], {"region": "BY-VI"}, expected_version=None, user="t")
    if column == "region":
        assert id_lists.rank_of(fast._conn, table="projects", pk="id", column=column, key=asc[0],
                                groups=groups) is None  # fmt: skip


@pytest.mark.parametrize("small", [True, False])
@pytest.mark.parametrize("flt", [Filter(), *FILTERS], ids=lambda f: f.describe())
def test_name_order_with_filters_on_small_and_large_tables(fast, monkeypatch, flt, small):
    if small:
        monkeypatch.setattr(id_lists, "SMALL", 10**9)  # the one-query CASE path
    names, groups = _bank_groups(fast)
    for descending in (False, True):
        got = id_lists.ordered_ids(fast, "projects", flt, pk="id", column="bank_id",
                                   groups=groups, descending=descending)  # fmt: skip
        assert list(got) == name_order(fast, "bank_id", names.get, descending, flt)


def test_values_showing_the_same_name_interleave_by_id(fast):
    banks = [r["id"] for r in fast.rows("banks")][:3]
    same = {banks[0]: "Same", banks[1]: "Same", banks[2]: "another"}
    groups = id_lists.name_groups(id_lists.distinct_values(fast._conn, "projects", "bank_id"),
                                  lambda v: same.get(v, "zzz"))  # fmt: skip
    assert groups[0] == (banks[2],) and set(groups[1]) == {banks[0], banks[1]}
    got = id_lists.ascending_order(fast._conn, table="projects", pk="id", column="bank_id",
                                   groups=groups)  # fmt: skip
    assert list(got) == name_order(fast, "bank_id", lambda v: same.get(v, "zzz"))


def test_distinct_values_with_and_without_an_index(fast):
    assert id_lists.has_index(fast._conn, "projects", "region")
    assert not id_lists.has_index(fast._conn, "projects", "borrower")
    for col in ("region", "borrower"):
        expected = [r[0] for r in fast._conn.execute(
            f"SELECT DISTINCT {col} FROM projects WHERE {col} IS NOT NULL ORDER BY 1")]  # fmt: skip
        assert id_lists.distinct_values(fast._conn, "projects", col) == expected


def test_an_order_read_elsewhere_is_kept_only_if_nothing_was_written_since(fast):
    stamp = fast.order_stamp()
    order = fast.ascending_order("projects", column="amount")
    assert list(order) == plain(fast, "amount", False)
    assert fast.keep_order("projects", "amount", None, stamp, order)
    assert fast.kept_order("projects", "amount") is order
    assert list(fast.query_ids("projects", sort="amount", descending=True)) == plain(
        fast, "amount", True
    )
    first = plain(fast, "amount", False)[0]
    fast.update("projects", first, {"amount": 10**9}, expected_version=None, user="t")
    assert fast.kept_order("projects", "amount") is None  # the file changed
    assert not fast.keep_order("projects", "amount", None, stamp, order)  # read before the write
    assert fast.kept_order("projects", "amount") is None


def test_check_names_refuses_what_the_store_does_not_have(fast):
    id_lists.check_names(fast, "projects", "name", "bank_id")
    with pytest.raises(ValueError, match="no column"):
        id_lists.check_names(fast, "projects", "name; DROP TABLE projects")
    with pytest.raises(ValueError):
        id_lists.check_names(fast, "nope", "name")
