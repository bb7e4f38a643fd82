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


def _import_projects(ctx, tmp_path, n: int, *, prefix: str = "BG") -> None:  # noqa: ANN001
    from tracker.services import importer
    from tracker.services.import_command import ImportCommand

    src = tmp_path / f"{prefix}.csv"
    src.write_text("code,name,sector,bank,amount,currency,status\n" + "".join(
        f"{prefix}-{i},Plant {i},energy,CDB,1000.00,USD,pipeline\n" for i in range(n)),
        encoding="utf-8")  # fmt: skip
    plan = importer.plan_import(ctx.store, kind="projects", path=src)
    assert plan.ok, plan.errors
    ctx.run(ImportCommand(plan, user=ctx.user, text="import"))


def test_an_import_is_drawn_off_the_window_thread_and_shown_as_a_picture(qtbot, shown, tmp_path):
    from tracker.ui.panes.chart_pane import BACKGROUND_PICTURE

    pane, ctx = shown
    pane.set_chart("status")
    before = bars(pane.current_figure())
    drawn = pane.draw_count
    _import_projects(ctx, tmp_path, 40)
    # Nothing was drawn on the window's thread: the figure is built and drawn by a worker.
    assert pane.draw_count == drawn and pane.background is not None
    qtbot.waitUntil(lambda: pane.picture_key == BACKGROUND_PICTURE, timeout=10000)
    assert pane.draw_count == drawn + 1 and pane.picture.isVisible() and not pane.host.isVisible()
    image = pane.picture.pixmap().toImage()
    ratio = pane.devicePixelRatioF()
    assert abs(image.width() - pane.host.width() * ratio) <= 2
    assert abs(image.height() - pane.host.height() * ratio) <= 2
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 5  # a chart, not an empty page
    # Printing asks for the figure itself: built live, with the imported projects in it.
    after = bars(pane.current_figure())
    assert after != before and pane.host.isVisible() and pane.picture_key is None


def test_a_background_picture_of_older_data_is_dropped(qtbot, shown, demo_store, tmp_path):
    pane, ctx = shown
    pane.set_chart("status")
    pane.current_figure()
    _import_projects(ctx, tmp_path, 5)
    op = pane.background
    # An edit while the picture is being drawn: drawn live at once, with the newer data.
    project = demo_store.rows("projects", order="id")[0]
    ctx.run(EditCommand(kind="projects", pk=project["id"], values={"status": "suspended"},
                        expected_version=project["version"], user=ctx.user))  # fmt: skip
    qtbot.waitUntil(op.done, timeout=10000)
    qtbot.wait(100)  # the result is delivered through the event loop
    assert pane.picture_key is None and pane.host.isVisible()
    assert "suspended" in " ".join(texts(pane.current_figure())).lower()


def test_a_background_picture_is_drawn_again_at_a_new_size(qtbot, shown, tmp_path):
    from tracker.ui.panes.chart_pane import BACKGROUND_PICTURE

    pane, ctx = shown
    pane.set_chart("status")
    pane.current_figure()
    _import_projects(ctx, tmp_path, 5)
    qtbot.waitUntil(lambda: pane.picture_key == BACKGROUND_PICTURE, timeout=10000)
    drawn = pane.draw_count
    pane.resize(700, 460)
    qtbot.waitUntil(lambda: pane.draw_count > drawn, timeout=10000)
    qtbot.waitUntil(lambda: abs(pane.picture.pixmap().width()
                                - pane.host.width() * pane.devicePixelRatioF()) <= 2,
                    timeout=10000)  # fmt: skip
    assert pane.picture_key == BACKGROUND_PICTURE
