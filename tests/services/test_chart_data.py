"""chart_data: every chart from real SQLite files, numbers checked against SQL and totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tracker.charts import DEFAULT_TEXTS, ChartTexts
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.services import chart_data, portfolio
from tracker.store import Store, aggregates

AS_OF = "2026-11-27"
TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo(demo_path):
    s = Store.open(demo_path)
    yield s
    s.close(backup=False)


def data(store, chart, flt: Filter | None = None, **kw):
    kw.setdefault("currency", "USD")
    return chart_data.build_data(store, chart, flt=flt or Filter(), as_of=AS_OF, today=TODAY, **kw)


def figure_texts(fig) -> str:
    """Every text a figure draws (titles of subfigures included)."""
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def test_charts_for_kind_cover_every_chart():
    from tracker.charts import CHARTS

    assert set(chart_data.CHART_NAMES) == set(CHARTS)
    assert chart_data.CHARTS_FOR_KIND["projects"] == (
        "status", "sector", "bank", "disbursement", "timeline", "cumulative", "plan",
    )  # fmt: skip
    assert chart_data.CHARTS_FOR_KIND["residents"] == ("residents_country", "residents_status")
    assert chart_data.CHARTS_FOR_KIND["ventures"] == ("ventures",)


@pytest.mark.parametrize("chart", chart_data.CHART_NAMES)
def test_every_chart_from_the_demo(demo, chart):
    fig = chart_data.build_figure(
        demo, chart, flt=Filter(), currency="USD", as_of=AS_OF, today=TODAY,
        width_in=6, height_in=4,
    )  # fmt: skip
    text = figure_texts(fig)
    assert chart_data.TITLES[chart] in text
    assert f"as of {AS_OF}" in text
    assert DEFAULT_TEXTS.no_data not in text


@pytest.mark.parametrize("chart", chart_data.CHART_NAMES)
def test_every_chart_from_an_empty_database_says_no_data(store, chart):
    fig = chart_data.build_figure(
        store, chart, flt=Filter(), currency="USD", as_of=AS_OF, today=TODAY
    )
    assert DEFAULT_TEXTS.no_data in figure_texts(fig)


def test_status_matches_sql_and_totals(demo):
    d = data(demo, "status")
    assert [r.status for r in d.rows] == [
        s for s in ("pipeline", "signed", "implementation", "completed", "suspended", "cancelled")
        if s in {r.status for r in d.rows}
    ]  # fmt: skip
    counts = {r["status"]: r["n"] for r in demo.query(
        "SELECT status, count(*) AS n FROM projects GROUP BY status")}  # fmt: skip
    assert {r.status: r.count for r in d.rows} == counts
    for r in d.rows:
        t = portfolio.totals(demo, kind="projects", flt=Filter(status=(r.status,)), as_of=AS_OF)
        assert r.committed == t.sums["amount"]
    whole = portfolio.totals(demo, kind="projects", as_of=AS_OF)
    assert abs(sum(r.committed for r in d.rows) - whole.sums["amount"]) <= Decimal("0.05")
    assert sum(r.count for r in d.rows) == whole.count == 34


def test_a_filter_changes_the_numbers_to_what_sql_says(demo):
    flt = Filter(status=("completed",))
    d = data(demo, "status", flt)
    (row,) = d.rows
    assert row.status == "completed"
    assert row.count == demo.count("projects", flt)
    assert "Status: Completed · as of" in d.subtitle
    sectors = data(demo, "sector", flt)
    for code in {r["sector"] for r in demo.query(
            "SELECT sector FROM projects WHERE status = 'completed'")}:  # fmt: skip
        name = demo.get("sectors", code)["name_en"]
        (fr,) = [r for r in sectors.rows if r.label == name]
        t = portfolio.totals(demo, kind="projects", flt=Filter(status=("completed",), sector=(code,)),
                             as_of=AS_OF)  # fmt: skip
        assert (fr.committed, fr.disbursed) == (t.sums["amount"], t.sums["disbursed"])
    banks = data(demo, "bank", flt)
    total = portfolio.totals(demo, kind="projects", flt=flt, as_of=AS_OF).sums["amount"]
    assert abs(sum(r.committed for r in banks.rows) - total) <= Decimal("0.05")


def test_cube_and_sql_paths_agree(demo):
    """Column filters come from the cached cube, search text and ids from SQL: same numbers."""
    ids = tuple(demo.query_ids("projects"))
    for chart in chart_data.CHART_NAMES:
        kind = chart_data.KIND_OF_CHART[chart]
        all_ids = tuple(demo.query_ids(kind))
        a = data(demo, chart)
        b = data(demo, chart, Filter(ids=all_ids))
        fields = lambda d: {k: v for k, v in vars(d).items() if k not in ("subtitle",)}  # noqa: E731
        assert fields(a) == fields(b), chart
    assert len(ids) == 34


def test_the_cube_follows_edits(demo):
    before = data(demo, "status", Filter(status=("pipeline",)))
    pid = demo.query("SELECT id FROM projects WHERE status = 'pipeline' AND currency = 'USD'")[0][
        "id"
    ]
    row = demo.get("projects", pid)
    demo.update("projects", pid, {"amount": row["amount"] + 100_000_000}, expected_version=row["version"],
                user="t")  # fmt: skip
    after = data(demo, "status", Filter(status=("pipeline",)))
    assert after.rows[0].committed - before.rows[0].committed == Decimal("1000000.00")


def test_other_connections_edits_reach_the_cube(demo, demo_path):
    data(demo, "residents_status")
    with Store.open(demo_path) as other:
        rid = other.query("SELECT id, version FROM residents WHERE status = 'withdrawn'")[0]
        other.update("residents", rid["id"], {"status": "operating"}, expected_version=rid["version"],
                     user="t")  # fmt: skip
        other.changed = False
    counts = {r.status: r.count for r in data(demo, "residents_status").rows}
    assert counts == {r["status"]: r["n"] for r in demo.query(
        "SELECT status, count(*) AS n FROM residents GROUP BY status")}  # fmt: skip


def test_missing_rate_is_named_in_the_subtitle_and_left_out(demo):
    demo.insert("projects", {"code": "KZ-1", "name": "Tenge project", "sector": "energy",
                             "bank_id": 1, "amount": 500_000_00, "currency": "KZT",
                             "status": "signed"}, user="t")  # fmt: skip
    d = data(demo, "status")
    assert "KZT left out: no exchange rate" in d.subtitle
    signed = portfolio.totals(demo, kind="projects", flt=Filter(status=("signed",)), as_of=AS_OF)
    assert [r.committed for r in d.rows if r.status == "signed"] == [signed.sums["amount"]]
    assert signed.warning and "KZT" in signed.warning
    with Store.open(demo.path, read_only=True) as other:
        clean = data(other, "status", Filter(status=("completed",)))
    assert "left out" not in clean.subtitle


def test_reporting_currency_converts_with_the_as_of_rate(demo):
    usd = data(demo, "status")
    cny = data(demo, "status", currency="CNY")
    rate = demo.fx_table().per_usd("CNY", AS_OF)
    for u, c in zip(usd.rows, cny.rows, strict=True):
        assert abs(c.committed - u.committed * rate) <= Decimal(1) * 34
    assert cny.currency == "CNY"


def test_disbursement_shows_the_largest_and_keeps_the_selected(demo):
    d = data(demo, "disbursement")
    assert len(d.rows) == 15
    top = demo.query(
        "SELECT code FROM projects WHERE currency = 'USD' ORDER BY amount DESC LIMIT 1"
    )
    assert d.rows[0].code in {top[0]["code"], "BY-CN-001"}
    assert "+ 19 more not shown" in d.subtitle
    smallest = demo.query("SELECT id, code, disbursed FROM projects ORDER BY amount LIMIT 1")[0]
    sel = data(demo, "disbursement", selected_id=smallest["id"])
    assert len(sel.rows) == 15
    marked = [r for r in sel.rows if r.code.startswith(chart_data.SELECTED_MARK)]
    assert [r.code for r in marked] == [chart_data.SELECTED_MARK + smallest["code"]]
    # A selected project the filter hides is not drawn.
    hidden = data(demo, "disbursement", Filter(status=("completed",)), selected_id=smallest["id"])
    assert not any(r.code.startswith(chart_data.SELECTED_MARK) for r in hidden.rows)


def test_disbursement_rows_are_exact(demo):
    d = data(demo, "disbursement", Filter(status=("implementation",)))
    conv = portfolio.converter(demo, currency="USD", as_of=AS_OF)
    for r in d.rows:
        p = demo.get_by("projects", "code", r.code)
        assert r.committed == conv.convert(from_minor(p["amount"]), p["currency"])
        assert r.disbursed == conv.convert(from_minor(p["disbursed"]), p["currency"])


def test_timeline_is_sorted_by_start_and_keeps_the_selected(demo):
    d = data(demo, "timeline")
    assert len(d.rows) == 20
    starts = [r.start for r in d.rows]
    assert starts == sorted(starts)
    dated = (
        demo.count("projects")
        - demo.query(
            "SELECT count(*) AS n FROM projects WHERE start_date IS NULL OR planned_end IS NULL"
        )[0]["n"]
    )
    assert f"+ {dated - 20} more not shown" in d.subtitle
    late = demo.query("SELECT id, code FROM projects WHERE start_date IS NOT NULL "
                      "AND planned_end IS NOT NULL ORDER BY amount LIMIT 1")[0]  # fmt: skip
    sel = data(demo, "timeline", selected_id=late["id"])
    assert len(sel.rows) == 20
    assert sum(r.label.startswith(chart_data.SELECTED_MARK + late["code"]) for r in sel.rows) == 1
    assert d.today == TODAY


def test_cumulative_ends_at_the_disbursed_total(demo):
    d = data(demo, "cumulative")
    t = portfolio.totals(demo, kind="projects", as_of=AS_OF)
    assert d.points[-1].amount == t.sums["disbursed"]
    assert d.committed_total == t.sums["amount"]
    amounts = [p.amount for p in d.points]
    assert [p.date for p in d.points] == sorted(p.date for p in d.points)
    assert amounts[0] > 0
    f = Filter(sector=("energy",))
    e = data(demo, "cumulative", f)
    assert e.points[-1].amount == portfolio.totals(demo, kind="projects", flt=f,
                                                   as_of=AS_OF).sums["disbursed"]  # fmt: skip


def test_cumulative_steps_are_increases_per_project(store):
    """Cumulative reports 10, 30, then a correction to 25: steps 10, 20, -5."""
    store.insert("projects", {"code": "P1", "name": "One", "sector": "energy", "bank_id": 1,
                              "amount": 100_00, "currency": "USD", "status": "implementation",
                              "disbursed": 25_00}, user="t")  # fmt: skip
    store.insert("projects", {"code": "P2", "name": "Two", "sector": "energy", "bank_id": 1,
                              "amount": 100_00, "currency": "USD", "status": "implementation",
                              "disbursed": 5_00}, user="t")  # fmt: skip
    for pid, day, amount in ((1, "2024-01-01", 10_00), (1, "2024-02-01", 30_00),
                             (1, "2024-03-01", 25_00), (2, "2024-02-01", 5_00),
                             (2, "2024-04-01", None)):  # fmt: skip
        store.insert("project_updates", {"project_id": pid, "as_of": day, "status": "implementation",
                                         "disbursed": amount, "entered_at": "x"}, user="t")  # fmt: skip
    d = data(store, "cumulative")
    assert [(p.date.isoformat(), p.amount) for p in d.points] == [
        ("2024-01-01", Decimal("10.00")), ("2024-02-01", Decimal("35.00")),
        ("2024-03-01", Decimal("30.00")),
    ]  # fmt: skip
    assert d.committed_total == Decimal("200.00")


def test_residents_and_ventures_match_sql(demo):
    rc = data(demo, "residents_country")
    assert sum(r.count for r in rc.rows) == demo.count("residents")
    cn = [r for r in rc.rows if r.label == "China"][0]
    assert cn.count == demo.count("residents", Filter(country=("CN",)))
    assert (
        cn.declared_investment
        == portfolio.totals(demo, kind="residents", flt=Filter(country=("CN",)), as_of=AS_OF).sums[
            "declared_investment"
        ]
    )
    v = data(demo, "ventures")
    assert sum(r.joint_ventures for r in v.rows) == 52
    assert sum(r.foreign_owned for r in v.rows) == 118
    zone = data(demo, "residents_status", Filter(zone_id=(1,)))
    assert sum(r.count for r in zone.rows) == demo.count("residents", Filter(zone_id=(1,)))


def test_names_in_the_language_asked_for(demo):
    ru = data(demo, "residents_country", lang="ru")
    zh = data(demo, "sector", lang="zh")
    assert "Китай" in {r.label for r in ru.rows}
    assert any("\u4e00" <= ch <= "\u9fff" for r in zh.rows for ch in r.label)
    assert "China" in {r.label for r in data(demo, "residents_country").rows}


def test_titles_and_texts_can_be_translated(demo):
    texts = ChartTexts(no_data="Нет данных", more="+ ещё {n}")
    d = data(demo, "disbursement", titles={"disbursement": "Освоение"}, texts=texts)
    assert d.title == "Освоение"
    assert "+ ещё 19" in d.subtitle
    fig = chart_data.build_figure(
        demo, "status", flt=Filter(status=("nothing",)), currency="USD", as_of=AS_OF, today=TODAY,
        texts=texts,
    )  # fmt: skip
    assert "Нет данных" in figure_texts(fig)


def test_unknown_chart_is_refused_with_the_names(demo):
    with pytest.raises(chart_data.UnknownChart, match="residents_status"):
        data(demo, "pie")


def test_search_text_uses_sql(demo):
    flt = Filter(text="Railway")
    d = data(demo, "status", flt)
    assert sum(r.count for r in d.rows) == demo.count("projects", flt) > 0
    assert aggregates._from_cube(demo, "projects", flt) is None


def test_a_translated_context_replaces_the_english_subtitle(demo):
    d = data(demo, "disbursement", context="Все записи · на 27.11.2026")
    assert d.subtitle.startswith("Все записи · на 27.11.2026 · ")
    assert "All records" not in d.subtitle
    assert "+ 19 more not shown" in d.subtitle


def test_cumulative_follows_a_new_update(demo):
    before = data(demo, "cumulative")
    again = data(demo, "cumulative")
    assert again.points == before.points  # from the kept steps
    pid = demo.get_by("projects", "code", "BY-CN-032")["id"]
    last = demo.query("SELECT max(disbursed) AS d FROM project_updates WHERE project_id = ?", [pid])
    demo.insert("project_updates", {"project_id": pid, "as_of": "2026-11-20", "status": "suspended",
                                    "disbursed": last[0]["d"] + 10_000_000_00, "entered_at": "x"},
                user="t")  # fmt: skip
    after = data(demo, "cumulative")
    assert after.points[-1].amount - before.points[-1].amount == Decimal("10000000.00")
    assert after.points[-1].date == dt.date(2026, 11, 20)


def test_the_subtitle_names_the_filter_with_names(demo):
    bank = demo.rows("banks")[0]
    d = data(
        demo, "sector", Filter(status=("completed",), bank_id=(bank["id"],), sector=("energy",))
    )
    assert f"Status: Completed; Sector: Energy; Bank: {bank['name']} · as of {AS_OF}" in d.subtitle
    ru = data(demo, "status", Filter(sector=("energy",)), lang="ru")
    assert ru.subtitle.startswith("Sector: " + demo.get("sectors", "energy")["name_ru"])
    assert data(demo, "status", Filter(text="Railway")).subtitle.startswith("search “Railway”")
