"""Keyset paging, query_ids and search against a full ORDER BY of the same rows."""

from __future__ import annotations

import pytest

from tracker.domain.filters import Filter
from tracker.store import Store

SORTS = ["id", "name", "amount", "region", "planned_end", "disbursed", "progress_pct", "status",
         "interest_rate", "borrower"]  # fmt: skip


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    """60 projects with many ties and NULLs in the sort columns."""
    path = tmp_path_factory.mktemp("paging") / "p.sqlite3"
    s = Store.open(path, create=True)
    banks = [r["id"] for r in s.rows("banks")]
    regions = [None, "BY-MI", "BY-BR", None, "BY-HM"]
    rows = []
    for i in range(60):
        rows.append({
            "code": f"P-{i:03d}", "name": f"Project {i % 7}", "sector": "energy" if i % 2 else "it",
            "region": regions[i % 5], "bank_id": banks[i % 3], "borrower": None if i % 4 else f"B {i % 3}",
            "amount": (i % 6) * 1000, "currency": "USD", "disbursed": 0, "status": ("signed", "pipeline", "completed")[i % 3],
            "planned_end": None if i % 3 == 0 else f"2025-0{1 + i % 4}-01", "progress_pct": (i * 7) % 3 * 50,
            "interest_rate": None if i % 5 == 0 else (i % 4) / 2,
            "description": "O'Brien \"quoted\" '; DROP TABLE projects; --" if i == 13 else f"river bridge {i}",
        })  # fmt: skip
    s.insert_many("projects", rows, columns=list(rows[0]))
    yield s
    s.close(backup=False)


def full_order(store, sort, descending, flt=None):
    where, params = store.where("projects", flt or Filter())
    d = " DESC" if descending else ""
    sql = f"SELECT id FROM projects {'WHERE ' + where if where else ''} ORDER BY {sort}{d}, id{d}"
    return [r["id"] for r in store.query(sql, params)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("limit", [1, 7, 200])
def test_keyset_pages_match_full_order(paged, sort, descending, limit):
    expected = full_order(paged, sort, descending)
    got: list[int] = []
    after = None
    for _ in range(100):
        page = paged.page("projects", sort=sort, descending=descending, after=after, limit=limit)
        if not page:
            break
        got += [r["id"] for r in page]
        after = (page[-1][sort], page[-1]["id"])
    assert got == expected
    assert list(paged.query_ids("projects", sort=sort, descending=descending)) == expected


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", ["region", "amount", "planned_end"])
def test_keyset_backwards_with_before(paged, sort, descending):
    expected = full_order(paged, sort, descending)
    last = paged.page("projects", sort=sort, descending=descending, limit=1000)[-1]
    got: list[int] = []
    before = (last[sort], last["id"])
    while True:
        page = paged.page("projects", sort=sort, descending=descending, before=before, limit=7)
        if not page:
            break
        got = [r["id"] for r in page] + got
        before = (page[0][sort], page[0]["id"])
    assert got + [last["id"]] == expected


def test_paging_with_a_filter(paged):
    flt = Filter(status=("signed", "completed"), region=("BY-MI",))
    expected = full_order(paged, "amount", False, flt)
    assert expected
    got, after = [], None
    while page := paged.page("projects", flt, sort="amount", after=after, limit=2):
        got += [r["id"] for r in page]
        after = (page[-1]["amount"], page[-1]["id"])
    assert got == expected


@pytest.mark.parametrize(
    ("flt", "check"),
    [
        (Filter(status=("pipeline",)), lambda r: r["status"] == "pipeline"),
        (Filter(sector=("it",)), lambda r: r["sector"] == "it"),
        (Filter(bank_id=(1, 2)), lambda r: r["bank_id"] in (1, 2)),
        (Filter(region=("BY-BR", "BY-HM")), lambda r: r["region"] in ("BY-BR", "BY-HM")),
        (Filter(text="bridge"), lambda r: "bridge" in (r["description"] or "")),
        (Filter(text="Proj"), lambda r: True),  # prefix search on the name
        (Filter(ids=(3, 5, 999)), lambda r: r["id"] in (3, 5)),
        (Filter(status=("signed",), sector=("energy",), text="river"),
         lambda r: r["status"] == "signed" and r["sector"] == "energy" and "river" in (r["description"] or "")),
        (Filter(zone_id=(1,)), lambda r: True),  # not a project filter: ignored
    ],
)  # fmt: skip
def test_query_ids_every_filter(paged, flt, check):
    all_rows = paged.rows("projects")
    expected = sorted(r["id"] for r in all_rows if check(r))
    got = list(paged.query_ids("projects", flt))
    assert got == expected
    assert paged.count("projects", flt) == len(expected)


@pytest.mark.parametrize(
    "text",
    ["'; DROP TABLE projects; --", 'O"Brien', "O'Brien", '"quoted"', "AND OR NOT", "NEAR(", "*", "col:x",
     "\\", "%", "_"],
)  # fmt: skip
def test_search_text_is_data(paged, text):
    ids = list(paged.query_ids("projects", Filter(text=text)))
    assert paged.count("projects") == 60  # nothing dropped
    if text.startswith("'; DROP") or text == "O'Brien":
        assert ids == [14]  # the row whose description holds the text (id = i + 1)


def test_unknown_sort_column_refused(paged):
    with pytest.raises(ValueError, match="no column"):
        paged.query_ids("projects", sort="name; DROP TABLE projects")
    with pytest.raises(ValueError, match="unknown table"):
        paged.count("projects; --")


def test_fetch_and_sums(paged):
    rows = paged.fetch("projects", [1, 2, 999], ["code"])
    assert set(rows) == {1, 2} and rows[1] == {"id": 1, "code": "P-000"}
    sums = paged.sums_by_currency("projects", ["amount"])
    assert sums == [{"currency": "USD", "n": 60, "amount": sum((i % 6) * 1000 for i in range(60))}]
    groups = paged.group_sums("projects", "status", ["amount"])
    assert sum(g["n"] for g in groups) == 60


@pytest.mark.parametrize(
    ("table", "flt", "check"),
    [
        ("residents", Filter(zone_id=(1,)), lambda r: r["zone_id"] == 1),
        ("residents", Filter(country=("CN", "DE")), lambda r: r["country"] in ("CN", "DE")),
        ("residents", Filter(status=("operating",), sector=("industry",)),
         lambda r: r["status"] == "operating" and r["sector"] == "industry"),
        ("ventures", Filter(kind=("joint_venture",)), lambda r: r["foreign_share_pct"] < 100),
        ("ventures", Filter(kind=("foreign_owned",)), lambda r: r["foreign_share_pct"] == 100),
        ("ventures", Filter(country=("CN",)), lambda r: r["partner_country"] == "CN"),
        ("ventures", Filter(region=("BY-HM",)), lambda r: r["region"] == "BY-HM"),
        ("project_updates", Filter(status=("completed",)), lambda r: r["status"] == "completed"),
    ],
)  # fmt: skip
def test_query_ids_other_kinds(demo_store, table, flt, check):
    expected = sorted(r["id"] for r in demo_store.rows(table) if check(r))
    assert expected
    assert list(demo_store.query_ids(table, flt)) == expected
    by_name = demo_store.query_ids(table, flt, sort="id", descending=True)
    assert list(by_name) == expected[::-1]


@pytest.mark.parametrize("table", ["residents", "ventures"])
@pytest.mark.parametrize("sort", ["name", "status", "sector", "currency"])
def test_keyset_other_kinds(demo_store, table, sort):
    for descending in (False, True):
        d = " DESC" if descending else ""
        expected = [
            r["id"] for r in demo_store.query(f"SELECT id FROM {table} ORDER BY {sort}{d}, id{d}")
        ]
        got, after = [], None
        while page := demo_store.page(
            table, sort=sort, descending=descending, after=after, limit=13
        ):
            got += [r["id"] for r in page]
            after = (page[-1][sort], page[-1]["id"])
        assert got == expected
