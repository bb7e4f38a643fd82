"""The dashboard on the real demo file: the figures of PRODUCT.md §1, charts, and refreshes."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from tracker.domain.money import from_minor
from tracker.services.changes import Change
from tracker.services.undo import EditCommand
from tracker.ui.context import AppContext
from tracker.ui.panes.dashboard_pane import DASHBOARD_CHARTS, DashboardPane, format_compact


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: $TRACKER_SCREENS to look at them, else the test's tmp folder."""
    d = Path(os.environ.get("TRACKER_SCREENS") or tmp_path)
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(autouse=True)
def english_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def dash(qtbot, demo_store):
    ctx = AppContext(demo_store)
    pane = DashboardPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1280, 800)
    pane.show()
    qtbot.waitExposed(pane)
    yield pane, ctx
    pane.close()
    ctx.undo_stack.clear()


def tile(pane: DashboardPane, name: str) -> str:
    return pane.tiles[name].text()


def test_dashboard_shows_the_demo_figures(qtbot, dash, tmp_path):
    pane, _ctx = dash
    assert pane.refresh_count == 1
    assert pane.tiles["tileFinancing"].value.text() == "$8.0 billion"
    assert pane.tiles["tileProjects"].value.text() == str(pane.figures.projects)
    assert pane.figures.projects >= 30
    assert pane.tiles["tileResidents"].value.text() == "68"
    assert "residents of Great Stone Industrial Park from 14 countries" in tile(
        pane, "tileResidents"
    )
    assert pane.tiles["tileVentures"].value.text() == "52 / 118"
    assert "170 ventures" in tile(pane, "tileVentures")
    disbursed = tile(pane, "tileDisbursed")
    assert "billion" in disbursed and f"{pane.figures.disbursed_pct} % of financing" in disbursed
    assert "Implementation: 12" in tile(pane, "tileStatus")
    assert not pane.warning.isVisible()
    # Four charts, each drawn.
    assert pane.chart_errors == {}
    for chart in DASHBOARD_CHARTS:
        fig = pane.hosts[chart].figure()
        assert fig is not None and fig.axes, chart
    qtbot.wait(1)
    assert pane.grab().save(str(shots_dir(tmp_path) / "dashboard.png"))


def test_compact_amounts():
    assert format_compact(Decimal("7999838241.05"), "USD") == "$8.0 billion"
    assert format_compact(Decimal("412500000"), "CNY") == "¥412.5 million"
    assert format_compact(Decimal("12345"), "BYN") == "BYN 12.3 thousand"
    assert format_compact(Decimal("999.5"), "USD") == "$999.50"
    ru = QLocale(QLocale.Language.Russian, QLocale.Country.Belarus)
    assert format_compact(Decimal("7999838241.05"), "USD", ru) == "$8,0 billion"
    zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert format_compact(Decimal("7999838241.05"), "USD", zh) == "$80.0亿"
    assert format_compact(Decimal("412500000"), "CNY", zh) == "¥4.1亿"
    assert format_compact(Decimal("12345"), "BYN", zh) == "BYN 1.2万"
    assert format_compact(Decimal("9999"), "USD", zh) == "$9,999.00"


def test_refreshes_after_a_change_that_concerns_it(dash, demo_store):
    pane, ctx = dash
    before = pane.figures.financing
    p = demo_store.rows("projects", where={"currency": "USD"}, order="amount DESC")[0]
    ctx.run(EditCommand(kind="projects", pk=p["id"], values={"amount": from_minor(p["amount"] * 2)},
                        expected_version=p["version"], user=ctx.user))  # fmt: skip
    assert pane.refresh_count == 2
    assert pane.figures.financing == before + from_minor(p["amount"])
    assert pane.tiles["tileFinancing"].value.text() != "$8.0 billion"
    ctx.changed.emit(Change("snapshots", (1,), "insert"))
    assert pane.refresh_count == 2
    ctx.undo_stack.undo()
    assert pane.refresh_count == 3
    assert pane.tiles["tileFinancing"].value.text() == "$8.0 billion"


def test_hidden_dashboard_refreshes_on_show(dash, demo_store):
    pane, ctx = dash
    pane.hide()
    r = demo_store.rows("residents", order="id")[0]
    ctx.run(EditCommand(kind="residents", pk=r["id"], values={"notes": "visited"},
                        expected_version=r["version"], user=ctx.user))  # fmt: skip
    assert pane.refresh_count == 1
    pane.show()
    assert pane.refresh_count == 2


def test_missing_fx_rates_are_a_visible_warning(qtbot, dash, tmp_path):
    pane, ctx = dash
    ctx.as_of = "2014-06-30"  # before the demo's first rates for CNY and EUR
    pane.refresh()
    assert pane.warning.isVisible()
    assert "No exchange rate" in pane.warning.text() and "2014-06-30" in pane.warning.text()
    assert pane.chart_errors == {}
    qtbot.wait(1)
    assert pane.grab().save(str(shots_dir(tmp_path) / "dashboard_fx_warning.png"))


def test_empty_database(qtbot, store):
    ctx = AppContext(store)
    pane = DashboardPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1280, 800)
    pane.show()
    assert pane.tiles["tileProjects"].value.text() == "0"
    assert pane.tiles["tileFinancing"].value.text() == "$0.00"
    assert pane.chart_errors == {}
    pane.close()


def test_plan_against_actual_of_the_portfolio_by_quarter(dash, demo_store):
    """The dashboard draws the portfolio's planned and actual cumulative disbursement at
    each quarter end (the projects with a plan, in the reporting currency), and draws it
    again when a plan is saved."""
    import datetime as dt

    from matplotlib.dates import num2date

    from tracker.domain.filters import Filter
    from tracker.services import plans

    pane, ctx = dash
    assert "plan" in DASHBOARD_CHARTS and "plan" not in pane.chart_errors

    def steps():
        ax = pane.hosts["plan"].figure().axes[-1]
        lines = [ln for ln in ax.get_lines() if len(ln.get_xdata()) > 1]
        return [[num2date(x).date() for x in ln.get_xdata()] for ln in lines[:2]]

    series = plans.portfolio_series(demo_store, flt=Filter(), currency=ctx.currency,
                                    as_of=pane.figures.as_of, today=dt.date.today().isoformat())  # fmt: skip
    planned, actual = steps()
    assert planned == [dt.date.fromisoformat(d) for d, _ in series.planned]
    assert actual == [dt.date.fromisoformat(d) for d, _ in series.actual] and actual
    for day in planned + actual:  # quarter ends
        assert day.month in (3, 6, 9, 12) and (day + dt.timedelta(days=1)).day == 1, day
    count = pane.refresh_count
    pid = demo_store.project_ids_by_code(["BY-CN-001"])["by-cn-001"]
    ctx.run(plans.SavePlanCommand(project_id=pid, user=ctx.user,
                                  rows=[{"date": "2010-06-30", "amount": "1000"}]))  # fmt: skip
    assert pane.refresh_count == count + 1
    ax = pane.hosts["plan"].figure().axes[-1]
    before = [v for _d, v in series.planned]
    after = [v for _d, v in plans.portfolio_series(
        demo_store, flt=Filter(), currency=ctx.currency, as_of=pane.figures.as_of,
        today=dt.date.today().isoformat()).planned]  # fmt: skip
    assert after != before and len(ax.get_lines()[0].get_ydata()) == len(after)
    assert steps()[0][0] <= dt.date(2010, 6, 30)


def test_narrow_dashboard_keeps_four_charts_two_by_two(qtbot, dash):
    """Below WIDE_FROM_PX the plan chart leaves the grid (three to a row would squeeze the
    bank names); wide again, it comes back drawn."""
    from tracker.ui.panes.dashboard_pane import WIDE_FROM_PX

    pane, _ctx = dash
    assert pane.wide and pane.hosts["plan"].isVisible()
    pane.resize(WIDE_FROM_PX - 100, 700)
    qtbot.waitUntil(lambda: not pane.wide)
    assert pane.shown_charts() == ("status", "sector", "bank", "residents_country")
    assert not pane.hosts["plan"].isVisible()
    grid = pane.grid
    assert [grid.getItemPosition(grid.indexOf(pane.hosts[c]))[:2] for c in pane.shown_charts()] \
        == [(0, 0), (0, 1), (1, 0), (1, 1)]  # fmt: skip
    count = pane.refresh_count
    pane.resize(1280, 800)
    qtbot.waitUntil(lambda: pane.refresh_count == count + 1)
    assert pane.wide and pane.hosts["plan"].isVisible() and pane.hosts["plan"].figure().axes


def test_the_window_fits_a_1024_screen_on_the_dashboard(qtbot, open_window, demo_path):
    """The key-figure tiles go to two rows of three when one row would not fit at their
    full text: the window no longer has to be 1,128 px wide for them, and no tile is
    narrower than its text (a figure is never cut)."""
    win = open_window(demo_path, view="dashboard")
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: win.width() <= 1024, timeout=3000)
    dash = win.page("dashboard")
    row = dash.tile_row
    qtbot.waitUntil(lambda: row.per_row == 3, timeout=3000)
    tops = sorted({t.geometry().top() for t in dash.tiles.values()})
    assert len(tops) == 2
    assert all(t.width() >= t.minimumSizeHint().width() for t in dash.tiles.values())
    win.resize(1500, 900)
    qtbot.waitUntil(lambda: row.per_row == 6, timeout=3000)
    assert len({t.geometry().top() for t in dash.tiles.values()}) == 1
