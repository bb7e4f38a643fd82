"""The chart pane on the real demo file: every chart, the filter, redraws only when concerned."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.services.changes import Change
from tracker.services.chart_data import SELECTED_MARK
from tracker.services.undo import EditCommand
from tracker.ui.context import AppContext
from tracker.ui.panes.chart_pane import ChartPane

ALL = {
    "projects": ("status", "sector", "bank", "disbursement", "timeline", "cumulative", "plan"),
    "residents": ("residents_country", "residents_status"),
    "ventures": ("ventures",),
}


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: $TRACKER_SCREENS to look at them, else the test's tmp folder."""
    d = Path(os.environ.get("TRACKER_SCREENS") or tmp_path)
    d.mkdir(parents=True, exist_ok=True)
    return d


def texts(fig) -> list[str]:  # noqa: ANN001
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def bars(fig) -> list[tuple[float, float]]:  # noqa: ANN001
    """(width, height) of every bar, the data a bar chart shows."""
    from matplotlib.patches import Rectangle

    return [
        (round(p.get_width(), 6), round(p.get_height(), 6))
        for ax in fig.axes
        for p in ax.patches
        if isinstance(p, Rectangle)
    ]


def tick_labels(fig) -> set[str]:  # noqa: ANN001
    return {t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()}


def make_pane(qtbot, store) -> tuple[ChartPane, AppContext]:  # noqa: ANN001
    ctx = AppContext(store)
    pane = ChartPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(900, 560)
    return pane, ctx


@pytest.fixture
def shown(qtbot, demo_store):
    pane, ctx = make_pane(qtbot, demo_store)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    yield pane, ctx
    pane.close()
    ctx.undo_stack.clear()


def test_every_chart_draws_for_the_demo(qtbot, shown, tmp_path):
    pane, _ctx = shown
    out = shots_dir(tmp_path)
    for kind, charts in ALL.items():
        pane.set_view(kind=kind, flt=Filter(), selected_id=None)
        offered = [pane.combo.itemData(i) for i in range(pane.combo.count())]
        assert offered == list(charts)
        for chart in charts:
            pane.set_chart(chart)
            assert pane.current_chart() == chart
            fig = pane.current_figure()
            assert pane.last_error is None, pane.last_error
            assert fig is not None and fig.axes, chart
            assert bars(fig) or any(ax.lines for ax in fig.axes), f"{chart} draws nothing"
            assert not any("No data" in t for t in texts(fig)), chart
            # Only one canvas lives in the pane: the old one left the layout.
            assert pane.host.layout().count() == 1
            qtbot.wait(1)
            assert pane.grab().save(str(out / f"chart_{chart}.png"))


def test_empty_database_shows_no_data_charts(qtbot, store):
    pane, ctx = make_pane(qtbot, store)
    pane.show()
    qtbot.waitExposed(pane)
    for kind, charts in ALL.items():
        pane.set_view(kind=kind, flt=Filter(), selected_id=None)
        for chart in charts:
            pane.set_chart(chart)
            fig = pane.current_figure()
            assert pane.last_error is None, pane.last_error
            assert fig is not None
            assert any("No data" in t for t in texts(fig)), chart
    pane.close()


def test_chart_follows_the_filter(shown, demo_store):
    pane, _ctx = shown
    pane.set_chart("sector")
    before = pane.current_figure()
    all_labels, all_bars = tick_labels(before), bars(before)
    assert {"Energy", "Industry"} <= all_labels
    drawn = pane.draw_count

    pane.set_view(kind="projects", flt=Filter(sector=("energy",)), selected_id=None)
    after = pane.current_figure()
    assert pane.draw_count == drawn + 1
    assert after is before  # drawn into again: same chart, same size
    assert tick_labels(after) == {"Energy"}
    assert bars(after) != all_bars and len(bars(after)) < len(all_bars)

    # The same filter again draws nothing new.
    pane.set_view(kind="projects", flt=Filter(sector=("energy",)), selected_id=None)
    assert pane.draw_count == drawn + 1
    # Status chart with a status filter shows just that status.
    pane.set_chart("status")
    pane.set_view(kind="projects", flt=Filter(status=("completed",)), selected_id=None)
    assert tick_labels(pane.current_figure()) == {"Completed"}


def test_redraws_only_for_changes_that_concern_it(shown, demo_store):
    pane, ctx = shown
    pane.set_chart("sector")
    old = bars(pane.current_figure())
    drawn = pane.draw_count
    project = demo_store.rows("projects", where={"sector": "energy"}, order="id")[0]

    double = from_minor(project["amount"] * 2)
    ctx.run(EditCommand(kind="projects", pk=project["id"], values={"amount": double},
                        expected_version=project["version"], user=ctx.user))  # fmt: skip
    assert pane.draw_count == drawn + 1
    assert bars(pane.current_figure()) != old  # the energy bar grew

    resident = demo_store.rows("residents", order="id")[0]
    ctx.run(EditCommand(kind="residents", pk=resident["id"], values={"notes": "visited"},
                        expected_version=resident["version"], user=ctx.user))  # fmt: skip
    ctx.changed.emit(Change("snapshots", (1,), "insert"))
    assert pane.draw_count == drawn + 1

    ctx.undo_stack.undo()  # the resident edit: still not ours
    assert pane.draw_count == drawn + 1
    ctx.undo_stack.undo()  # the project edit: ours
    assert pane.draw_count == drawn + 2
    assert bars(pane.current_figure()) == old


def test_hidden_pane_defers_the_redraw(shown, demo_store):
    pane, ctx = shown
    pane.set_chart("status")
    drawn = pane.draw_count
    pane.hide()
    project = demo_store.rows("projects", order="id")[0]
    ctx.run(EditCommand(kind="projects", pk=project["id"], values={"status": "suspended"},
                        expected_version=project["version"], user=ctx.user))  # fmt: skip
    pane.set_view(kind="projects", flt=Filter(sector=("energy",)), selected_id=None)
    assert pane.draw_count == drawn  # nothing drawn while hidden
    pane.show()
    assert pane.draw_count == drawn + 1  # one draw on show, for both changes
    pane.show()
    assert pane.draw_count == drawn + 1


def test_selection_matters_only_to_project_charts(shown, demo_store):
    pane, _ctx = shown
    # The smallest projects: beyond the largest N the per-project charts show unless selected.
    rows = demo_store.rows("projects", order="amount")[:2]
    ids = [p["id"] for p in rows]
    codes = {p["id"]: p["code"] for p in rows}
    pane.set_chart("status")
    drawn = pane.draw_count
    pane.set_view(kind="projects", flt=Filter(), selected_id=ids[0])
    assert pane.draw_count == drawn

    for chart in ("timeline", "disbursement"):
        pane.set_chart(chart)
        drawn = pane.draw_count
        marked = sorted({t for t in texts(pane.current_figure()) if t.startswith(SELECTED_MARK)})
        assert len(marked) == 1 and codes[ids[0]] in marked[0]
        pane.set_view(kind="projects", flt=Filter(), selected_id=ids[1])
        assert pane.draw_count == drawn + 1
        marked = sorted({t for t in texts(pane.current_figure()) if t.startswith(SELECTED_MARK)})
        assert len(marked) == 1 and codes[ids[1]] in marked[0]
        pane.set_view(kind="projects", flt=Filter(), selected_id=ids[1])
        assert pane.draw_count == drawn + 1
        pane.set_view(kind="projects", flt=Filter(), selected_id=ids[0])


def test_choice_is_remembered_per_kind(shown):
    pane, _ctx = shown
    pane.set_chart("bank")
    pane.set_view(kind="residents", flt=Filter(), selected_id=None)
    assert pane.current_chart() == "residents_country"
    pane.set_chart("residents_status")
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    assert pane.current_chart() == "bank"
    pane.set_view(kind="residents", flt=Filter(), selected_id=None)
    assert pane.current_chart() == "residents_status"
    with pytest.raises(KeyError):
        pane.set_chart("status")


def test_matplotlib_is_not_loaded_until_the_first_draw():
    code = (
        "import sys; import tracker.ui.panes.chart_pane, tracker.ui.panes.dashboard_pane; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_refresh_after_the_reporting_currency_changed(shown):
    pane, ctx = shown
    pane.set_chart("sector")
    assert any("USD" in t for t in texts(pane.current_figure()))
    drawn = pane.draw_count
    ctx.currency = "EUR"
    pane.refresh()
    assert pane.draw_count == drawn + 1
    labels = texts(pane.current_figure())
    assert any("EUR" in t for t in labels) and not any("USD" in t for t in labels)


def test_a_view_without_charts_clears_the_pane(shown):
    pane, _ctx = shown
    assert pane.current_figure() is not None
    pane.set_view(kind="banks", flt=Filter(), selected_id=None)
    assert pane.combo.count() == 0 and pane.current_chart() == ""
    assert pane.current_figure() is None
    assert pane.message.isVisible() and "no chart" in pane.message.text()
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    assert pane.current_figure() is not None and not pane.message.isVisible()
