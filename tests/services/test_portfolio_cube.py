"""Footer and dashboard sums from the chart cube: the same numbers as SQL's SUM, for every filter."""

from __future__ import annotations

import pytest

from tracker.domain.filters import Filter
from tracker.services import demo, portfolio
from tracker.store import Store, aggregates


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):  # noqa: ANN001
    path = tmp_path_factory.mktemp("cube") / "synthetic.sqlite3"
    with Store.open(path, create=True) as s:
        demo.generate(s, projects=3000, residents=200, ventures=200)
        s.changed = False
    s = Store.open(path, backup=False)
    yield s
    s.close(backup=False)


def filters(store: Store) -> list[Filter]:
    banks = [r["id"] for r in store.rows("banks")][:3]
    return [
        Filter(),
        Filter(status=("implementation",)),
        Filter(status=("pipeline", "signed")),
        Filter(sector=("energy", "industry")),
        Filter(bank_id=tuple(banks[:1])),
        Filter(bank_id=tuple(banks), status=("completed",)),
        Filter(region=("BY-MI",)),
        Filter(status=("cancelled",), sector=("healthcare",), region=("BY-BR",)),
        Filter(text="plant"),  # the cube cannot answer: SQL does
        Filter(ids=(1, 2, 3)),
        Filter(status=("no-such-status",)),
    ]


@pytest.mark.parametrize("which", ["demo", "synthetic"])
def test_cube_sums_equal_sql_sums(which, demo_store, synthetic):  # noqa: ANN001
    store = demo_store if which == "demo" else synthetic
    for flt in filters(store):
        sql = store.sums_by_currency("projects", ("amount", "disbursed"), flt)
        cubed = aggregates.sums_by_currency(store, "projects", ("amount", "disbursed"), flt)
        assert cubed == [dict(r) for r in sql], flt


def test_totals_and_key_figures_unchanged_by_the_cube(synthetic):  # noqa: ANN001
    store = synthetic
    for flt in filters(store):
        t = portfolio.totals(store, kind="projects", flt=flt, currency="EUR", as_of="2026-11-27")
        where, params = store.where("projects", flt)
        n = store.query("SELECT count(*) AS n FROM projects" + (f" WHERE {where}" if where else ""),
                        params)[0]["n"]  # fmt: skip
        assert t.count == n
    k = portfolio.key_figures(store, currency="USD", as_of="2026-11-27")
    by_status = {r["status"]: r["n"] for r in store.query(
        "SELECT status, count(*) AS n FROM projects GROUP BY status")}  # fmt: skip
    assert k.projects_by_status == by_status and k.projects == sum(by_status.values())


def test_a_table_without_those_sums_in_its_cube_is_summed_by_sql(synthetic):  # noqa: ANN001
    assert aggregates.sums_by_currency(synthetic, "residents", ("invested_to_date",)) is None
    t = portfolio.totals(synthetic, kind="residents", currency="USD", as_of="2026-11-27")
    assert t.count == synthetic.count("residents")


def test_sums_follow_an_edit(synthetic):  # noqa: ANN001
    before = aggregates.sums_by_currency(synthetic, "projects", ("amount",))
    pid = synthetic.query_ids("projects")[0]
    rec = synthetic.get("projects", pid)
    synthetic.update("projects", pid, {"amount": rec["amount"] + 100}, expected_version=rec["version"],
                     user="t")  # fmt: skip
    after = aggregates.sums_by_currency(synthetic, "projects", ("amount",))
    cur = rec["currency"]
    delta = {r["currency"]: r["amount"] for r in after}[cur] - {
        r["currency"]: r["amount"] for r in before
    }[cur]
    assert delta == 100
    assert after == [dict(r) for r in synthetic.sums_by_currency("projects", ("amount",))]
