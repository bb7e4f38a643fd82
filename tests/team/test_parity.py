"""The server gives the same answers as the file on the same portfolio: orders,
keyset pages, search, filters, aggregates, reference look-ups."""

from __future__ import annotations

import pytest

from tracker.domain.filters import Filter
from tracker.store import Store
from tracker.store.postgres import PgStore

TABLES = ("projects", "residents", "ventures", "project_updates")


def _norm(rows):
    return [dict(r) for r in rows]


@pytest.mark.parametrize("table", TABLES)
def test_every_row_is_the_same(twins_ro, table):
    f, p = twins_ro
    assert _norm(f.iter_rows(table)) == _norm(p.iter_rows(table))
    assert f.count(table) == p.count(table) > 0


@pytest.mark.parametrize(
    ("table", "sort"),
    [("projects", "name"), ("projects", "amount"), ("projects", "region"),
     ("projects", "start_date"), ("projects", "interest_rate"), ("residents", "registered_on"),
     ("residents", "name"), ("ventures", "kind"), ("ventures", "foreign_share_pct"),
     ("projects", None)],
)  # fmt: skip
@pytest.mark.parametrize("descending", [False, True])
def test_sort_orders_and_keyset_pages_match(twins_ro, table, sort, descending):
    f, p = twins_ro
    ids_f = list(f.query_ids(table, sort=sort, descending=descending))
    ids_p = list(p.query_ids(table, sort=sort, descending=descending))
    assert ids_f == ids_p
    # Walk both with small keyset pages, forwards then one page back.
    col = sort or "id"
    walked = {}
    for name, s in (("file", f), ("server", p)):
        seen, after = [], None
        while True:
            rows = s.page(table, sort=sort, descending=descending, after=after, limit=7)
            if not rows:
                break
            seen += [r["id"] for r in rows]
            after = (rows[-1][col], rows[-1]["id"])
        back = s.page(table, sort=sort, descending=descending, before=after, limit=5)
        walked[name] = (seen, [r["id"] for r in back])
    assert walked["file"] == walked["server"]
    assert walked["file"][0] == ids_f


SEARCHES = ["road", "Ro", "bank", "solar", "ltd", "a", "zz-no-match", "--", "power plant",
            "Ташкент", "завод", "中国", "cafe", "Café", "CAFÉ", "ö", "1", "20", "it's", '"quoted"',
            "energy -", "zone", "e"]  # fmt: skip


@pytest.mark.parametrize("table", ["projects", "residents", "ventures"])
def test_search_finds_the_same_records(twins_ro, table):
    f, p = twins_ro
    for text in SEARCHES:
        flt = Filter(text=text)
        assert list(f.query_ids(table, flt)) == list(p.query_ids(table, flt)), text
        assert f.count(table, flt) == p.count(table, flt), text


def test_search_folds_like_the_file_on_tricky_text(twins):
    """Diacritics, case, punctuation, phrases across words and columns, CJK, digits."""
    f, p = twins
    names = ["Zürich–Genève Café", "naïve coöperation", "ŁÓDŹ ŠKODA works", "北京 上海合作",
             "Ёлка йогурт Москва", "Việt Nam đường", "O'Brien's abc_def 3.5%", "İstanbul hub"]  # fmt: skip
    for i, name in enumerate(names):
        for s in (f, p):
            s.insert("projects", {"code": f"T-{i}", "name": name, "sector": "energy",
                                  "bank_id": 1, "amount": 1, "currency": "USD",
                                  "status": "pipeline", "description": "brien works"},
                     user="t")  # fmt: skip
    queries = ["zurich", "geneve caf", "ZÜRICH", "naive coop", "lodz skoda", "works brien",
               "brien's", "o brien", "北京", "上海", "ёлка", "йогурт", "viet nam", "duong",
               "đuong", "abc def", "abc_def", "3 5", "3.5", "istanbul", "hub istan", "s works"]  # fmt: skip
    for q in queries:
        flt = Filter(text=q)
        assert list(f.query_ids("projects", flt)) == list(p.query_ids("projects", flt)), q


@pytest.mark.parametrize(
    "flt",
    [Filter(), Filter(status=("signed", "implementation")), Filter(sector=("energy",)),
     Filter(bank_id=(1, 2)), Filter(region=("tashkent_city",)), Filter(ids=(1, 3, 5, 999)),
     Filter(status=("completed",), text="road")],
)  # fmt: skip
def test_filters_counts_and_aggregates_match(twins_ro, flt):
    f, p = twins_ro
    assert list(f.query_ids("projects", flt)) == list(p.query_ids("projects", flt))
    assert f.count("projects", flt) == p.count("projects", flt)
    money = ["amount", "disbursed"]
    assert f.sums_by_currency("projects", money, flt) == p.sums_by_currency("projects", money, flt)
    for by in ("status", "sector", "bank_id", "region"):
        assert f.group_sums("projects", by, money, flt) == p.group_sums("projects", by, money, flt)


def test_money_is_exact_beyond_double_precision(twins):
    """Minor units above 2**53 add up exactly on both (bigint, not float)."""
    f, p = twins
    big = 2**53 + 1
    for s in (f, p):
        for i in range(3):
            s.insert("projects", {"code": f"BIG-{i}", "name": f"Big {i}", "sector": "energy",
                                  "bank_id": 1, "amount": big, "currency": "XAU",
                                  "status": "pipeline"}, user="t")  # fmt: skip
    flt = Filter(ids=tuple(f.query_ids("projects", Filter(text="BIG"))))
    sums = p.sums_by_currency("projects", ["amount"], flt)
    assert sums == f.sums_by_currency("projects", ["amount"], flt)
    assert sums[0]["amount"] == 3 * big and isinstance(sums[0]["amount"], int)


def test_reference_lookups_match(twins_ro):
    f, p = twins_ro
    rf, rp = f.ref_index(), p.ref_index()
    assert (rf.countries, rf.sectors, rf.regions, rf.banks, rf.zones) == (
        rp.countries, rp.sectors, rp.regions, rp.banks, rp.zones)  # fmt: skip
    codes = [r["code"] for r in f.rows("projects")][:5] + ["nope"]
    codes += [c.lower() for c in codes]
    assert f.project_ids_by_code(codes) == p.project_ids_by_code(codes)
    assert f.project_ids_by_code() == p.project_ids_by_code()
    assert f.fx_table().rates == p.fx_table().rates if hasattr(f.fx_table(), "rates") else True
    assert f.max_id("projects") == p.max_id("projects")
    for table in ("countries", "banks", "zones", "fx_rates", "sectors", "regions"):
        assert _norm(f.rows(table)) == _norm(p.rows(table)), table
    assert f.fetch("projects", [3, 1, 2], ["name", "amount"]) == p.fetch(
        "projects", [3, 1, 2], ["name", "amount"]
    )


def test_the_two_backends_are_what_they_say(twins):
    f, p = twins
    assert isinstance(f, Store) and isinstance(p, PgStore)
    assert p.role == "admin" and not p.read_only


AGGREGATE_FILTERS = [Filter(), Filter(status=("implementation", "completed")),
                     Filter(text="road"), Filter(sector=("energy", "industry"))]  # fmt: skip


@pytest.mark.parametrize("flt", AGGREGATE_FILTERS)
def test_chart_aggregates_match(twins_ro, flt):
    from tracker.store import aggregates as file_agg

    f, p = twins_ro
    for name in ("projects_by_status", "projects_by_sector", "projects_by_bank",
                 "disbursement_steps", "residents_by_country", "residents_by_status",
                 "ventures_by_sector_kind"):  # fmt: skip
        assert getattr(file_agg, name)(f, flt) == getattr(p, name)(flt), name
    for dated in (False, True):
        assert file_agg.project_counts_by_currency(f, flt, dated=dated) == (
            p.project_counts_by_currency(flt, dated=dated))  # fmt: skip
    for cur in ("USD", "EUR", "CNY"):
        for dated in (False, True):
            assert file_agg.largest_projects(f, flt, currency=cur, limit=7, dated=dated) == (
                p.largest_projects(flt, currency=cur, limit=7, dated=dated))  # fmt: skip
    assert file_agg.project_bar(f, 3, flt) == p.project_bar(3, flt)


def test_data_api_reads_match_the_files_sql(twins_ro):
    """The data API's small reads (their file versions land with the data-API split)."""
    f, p = twins_ro
    assert _norm(p.rows("projects", where={"status": ("signed", "completed"), "region": None},
                        order="amount DESC, code")) == _norm(  # fmt: skip
        f.query("SELECT * FROM projects WHERE status IN ('signed', 'completed') AND region IS NULL "
                "ORDER BY amount DESC, code"))  # fmt: skip
    assert p.rows("banks", where={"id": 2}, columns=["name"]) == f.query(
        "SELECT id, name FROM banks WHERE id = 2")  # fmt: skip
    assert p.max_of("project_updates", "as_of", where={"project_id": 3}) == f.query(
        "SELECT max(as_of) AS m FROM project_updates WHERE project_id = 3")[0]["m"]  # fmt: skip
    assert p.max_of("projects", "amount", where={"status": "nope"}) is None
    assert p.counts_by("ventures", "kind") == {
        r["kind"]: r["n"] for r in f.query("SELECT kind, count(*) AS n FROM ventures GROUP BY kind")
    }
    assert p.distinct_count("residents", "country") == f.query(
        "SELECT count(DISTINCT country) AS n FROM residents")[0]["n"]  # fmt: skip
    assert p.distinct_values(["projects", "residents"], "currency") == {
        r["v"]
        for r in f.query("SELECT currency AS v FROM projects UNION SELECT currency FROM residents")
    }
    assert p.residents_by_zone() == f.query(
        "SELECT z.name AS zone, count(*) AS n, count(DISTINCT r.country) AS countries FROM "
        "residents r JOIN zones z ON z.id = r.zone_id GROUP BY z.name ORDER BY n DESC, z.name")  # fmt: skip
    with pytest.raises(ValueError):
        p.rows("projects", order="amount; DROP TABLE projects")
    with pytest.raises(ValueError):
        p.rows("projects", where={"nope": 1})


def test_a_second_connection_a_stamp_and_an_interrupt(pg_demo):
    import threading

    from tracker.store.errors import StoreError

    other = pg_demo.open_again()
    try:
        before = pg_demo.data_stamp()
        assert other.data_stamp() == before
        other.update("projects", 1, {"progress_pct": 1}, expected_version=other.get(
            "projects", 1)["version"], user="o")  # fmt: skip
        assert pg_demo.data_stamp() != before
        threading.Timer(0.3, pg_demo.interrupt).start()
        with pytest.raises(StoreError):
            pg_demo._all("SELECT pg_sleep(30)")
        assert pg_demo.count("projects") == 34  # the connection still works
    finally:
        other.close()


@pytest.mark.parametrize(("column", "grouped"), [("interest_rate", False), ("name", False),
                                                 ("sector", True), ("region", True),
                                                 ("bank_id", True)])  # fmt: skip
def test_the_record_views_data_path_matches(twins_ro, column, grouped):
    """Orders of the whole table (by column or by the names a linked column shows), pages by
    offset and positions by rank: what the table view reads while an order fills."""
    from tracker.store import id_lists

    f, p = twins_ro
    groups = None
    if grouped:
        values = f.distinct_values("projects", column)
        assert p.distinct_values("projects", column) == values
        # Names that sort differently from the codes, two codes sharing one name.
        groups = id_lists.name_groups(values, lambda v: "same" if v == values[0] else str(v)[::-1])
    for desc in (False, True):
        for offset in (0, 5, 30):
            assert list(f.head_ids("projects", column=column, descending=desc, limit=7,
                                   offset=offset, groups=groups)) == list(  # fmt: skip
                p.head_ids("projects", column=column, descending=desc, limit=7, offset=offset,
                           groups=groups))  # fmt: skip
    assert list(f.ascending_order("projects", column=column, groups=groups)) == list(
        p.ascending_order("projects", column=column, groups=groups))  # fmt: skip
    for key in (1, 7, 20, 34, 999):
        assert f.rank_of("projects", column=column, key=key, groups=groups) == p.rank_of(
            "projects", column=column, key=key, groups=groups), key  # fmt: skip
    if groups:
        for flt in (Filter(), Filter(status=("completed", "implementation"))):
            for desc in (False, True):
                assert list(f.ordered_ids_by_groups("projects", flt, column=column, groups=groups,
                                                    descending=desc)) == list(  # fmt: skip
                    p.ordered_ids_by_groups("projects", flt, column=column, groups=groups,
                                            descending=desc))  # fmt: skip
