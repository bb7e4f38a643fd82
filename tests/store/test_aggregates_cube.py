"""Chart aggregates from the cube equal SQL's GROUP BY for every filter, and follow writes."""

from __future__ import annotations

import itertools

import pytest

from tracker.domain.filters import Filter
from tracker.store import aggregates


def _sql(store, table: str, flt: Filter, keys: list[str], sums: dict[str, str], extra: str = ""):  # noqa: ANN001, ANN202
    where, params = store.where(table, flt)
    parts = [p for p in (where, extra) if p]
    sql = (
        f"SELECT {', '.join(keys)}, {', '.join(f'{e} AS {n}' for n, e in sums.items())}"
        f" FROM {table} NOT INDEXED"
        + (" WHERE " + " AND ".join(f"({p})" for p in parts) if parts else "")
        + f" GROUP BY {', '.join(keys)}"
    )
    rows = [dict(r) for r in store._conn.execute(sql, params)]
    return sorted(rows, key=lambda r: tuple((r[k] is None, r[k]) for k in keys))


def _project_filters(store) -> list[Filter]:  # noqa: ANN001
    banks = [b["id"] for b in store.rows("banks")][:3]
    sectors = sorted({r["sector"] for r in store._conn.execute("SELECT sector FROM projects")})
    regions = sorted({r["region"] for r in store._conn.execute("SELECT region FROM projects")})
    out = [Filter(), Filter(status=("implementation",)), Filter(status=("completed", "pipeline")),
           Filter(bank_id=(banks[0],)), Filter(bank_id=tuple(banks), status=("completed",)),
           Filter(sector=(sectors[0],), region=(regions[0],)),
           Filter(status=("no-such-status",)), Filter(sector=("energy",), bank_id=(-1,))]  # fmt: skip
    out += [
        Filter(sector=(s,), status=(st,))
        for s, st in itertools.product(sectors[:3], ("signed", "implementation"))
    ]
    return out


SUMS = {"n": "count(*)", "amount": "sum(amount)", "disbursed": "sum(disbursed)"}


def test_project_groups_equal_sql_for_every_filter(demo_store):
    for flt in _project_filters(demo_store):
        for keys, fn in ((["status", "currency"], aggregates.projects_by_status),
                         (["sector", "currency"], aggregates.projects_by_sector),
                         (["bank_id", "currency"], aggregates.projects_by_bank)):  # fmt: skip
            got = [{k: r[k] for k in [*keys, *SUMS]} for r in fn(demo_store, flt)]
            assert got == _sql(demo_store, "projects", flt, keys, SUMS), (flt, keys)
            assert fn(demo_store, flt) == fn(demo_store, flt)  # kept answer, same figures
        for dated in (False, True):
            extra = "start_date IS NOT NULL AND planned_end IS NOT NULL" if dated else ""
            want = {
                r["currency"]: r["n"]
                for r in _sql(demo_store, "projects", flt, ["currency"], {"n": "count(*)"}, extra)
            }
            got = aggregates.project_counts_by_currency(demo_store, flt, dated=dated)
            assert {c: n for c, n in got.items() if n} == want, (flt, dated)


def test_residents_and_ventures_equal_sql(demo_store):
    countries = sorted(
        {r["country"] for r in demo_store._conn.execute("SELECT country FROM residents")}
    )
    for flt in (Filter(), Filter(country=(countries[0],)), Filter(status=("operating",), country=tuple(countries[:3])),
                Filter(country=("XX",))):  # fmt: skip
        got = [{k: r[k] for k in ("country", "currency", "n", "declared")}
               for r in aggregates.residents_by_country(demo_store, flt)]  # fmt: skip
        assert got == _sql(demo_store, "residents", flt, ["country", "currency"],
                           {"n": "count(*)", "declared": "sum(declared_investment)"})  # fmt: skip
    for flt in (
        Filter(),
        Filter(kind=("joint_venture",)),
        Filter(country=(countries[0],), kind=("joint_venture",)),
    ):
        got = [
            {k: r[k] for k in ("sector", "kind", "n")}
            for r in aggregates.ventures_by_sector_kind(demo_store, flt)
        ]
        assert got == _sql(demo_store, "ventures", flt, ["sector", "kind"], {"n": "count(*)"})


def test_kept_answers_follow_a_write_and_callers_get_copies(demo_store):
    flt = Filter(status=("implementation",))
    before = aggregates.projects_by_status(demo_store, flt)
    before[0]["n"] = -5  # a caller changing its rows does not change the kept answer
    again = aggregates.projects_by_status(demo_store, flt)
    assert again[0]["n"] > 0
    counts = aggregates.project_counts_by_currency(demo_store, flt)
    one = demo_store.get_by("projects", "status", "implementation")
    new = {k: one[k] for k in ("sector", "bank_id", "region", "currency", "amount", "status")}
    demo_store.insert("projects", {**new, "code": "BY-TEST-999", "name": "Cube test"}, user="t")
    after = aggregates.project_counts_by_currency(demo_store, flt)
    assert after[one["currency"]] == counts[one["currency"]] + 1
    row = next(
        r
        for r in aggregates.projects_by_status(demo_store, flt)
        if r["currency"] == one["currency"]
    )
    assert (
        row
        == _sql(demo_store, "projects", flt, ["status", "currency"], SUMS)[
            [
                r["currency"]
                for r in _sql(demo_store, "projects", flt, ["status", "currency"], SUMS)
            ].index(one["currency"])
        ]
    )


@pytest.mark.parametrize("flt", [Filter(text="Railway"), Filter(ids=(1, 2, 3))])
def test_search_and_id_lists_are_answered_by_sql(demo_store, flt):
    assert aggregates._from_cube(demo_store, "projects", flt) is None
    got = [
        {k: r[k] for k in ["status", "currency", *SUMS]}
        for r in aggregates.projects_by_status(demo_store, flt)
    ]
    assert got == _sql(demo_store, "projects", flt, ["status", "currency"], SUMS)
