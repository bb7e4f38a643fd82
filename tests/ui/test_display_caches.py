"""What the scroll and chart-refresh speed-ups keep between paints, and that it never goes stale:
the table model's cell texts per row, and the chart canvas reused for every new figure."""

from __future__ import annotations

import io

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTableView

from tracker.domain.filters import Filter
from tracker.services.undo import EditCommand
from tracker.ui.context import AppContext
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.record_model import RecordTableModel
from tracker.ui.panes.chart_pane import ChartPane
from tracker.ui.widgets.status_badge import StatusBadgeDelegate


def test_cell_texts_are_formatted_once_and_read_again_after_an_edit(demo_store):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    cols = {f.name: i for i, f in enumerate(model.fields)}
    row = model.row_of(14)
    first = model.texts(row)
    assert first is not None and model.texts(row) is first  # kept, not formatted again
    assert model.index(row, cols["amount"]).data() == "260,000,000.00 USD"
    rec = demo_store.get("projects", 14)
    ctx = AppContext(demo_store)
    ctx.run(EditCommand(kind="projects", pk=14, values={"name": "Renamed plant"},
                        expected_version=rec["version"], user=ctx.user))  # fmt: skip
    assert model.index(row, cols["name"]).data() == rec["name"]  # not told yet: same page
    model.refresh_rows([14])
    assert model.index(row, cols["name"]).data() == "Renamed plant"
    model.refresh_all()
    assert model.texts(row) is not first
    assert model.index(row + 1, 0).data() == model.texts(row + 1)[0]
    assert model.texts(-1) is None and model.texts(model.rowCount()) is None


def test_badges_paint_the_same_on_every_repaint(qtbot, demo_store):
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = StatusBadgeDelegate(view)
    status = [f.name for f in model.fields].index("status")
    view.setItemDelegateForColumn(status, delegate)
    view.setColumnWidth(status, 60)  # narrow: long labels are elided
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    first = view.grab().toImage()
    assert delegate._colours and delegate._widths and delegate._elided
    assert any(t.endswith("…") for t in delegate._elided.values())
    assert view.grab().toImage() == first  # from the caches: the same pixels


def test_chart_pane_keeps_its_canvas_and_each_new_figure_fills_it(qtbot, demo_store):
    ctx = AppContext(demo_store)
    pane = ChartPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(900, 560)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    pane.set_chart("sector")
    canvas, before = pane.host.canvas(), pane.current_figure()
    assert canvas is not None and before is not None

    pane.set_view(kind="projects", flt=Filter(sector=("energy",)), selected_id=None)
    after = pane.current_figure()
    # Same chart, same size: the figure on screen is drawn into again (tests/charts/
    # test_chart_reuse.py: the same pixels as a new figure), on the same canvas.
    assert after is before and pane.host.canvas() is canvas
    assert {t.get_text() for t in after.axes[0].get_yticklabels()} == {"Energy"}
    assert pane.host.layout().count() == 1
    assert after.canvas is canvas and canvas.figure is after
    w, h = canvas.get_width_height(physical=True)
    assert (round(after.get_figwidth() * after.dpi), round(after.get_figheight() * after.dpi)) == (
        w,
        h,
    )

    pane.resize(700, 450)
    qtbot.wait(10)
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    resized = pane.current_figure()
    qtbot.wait(10)
    assert resized is not after  # another size: a new figure, on the same canvas
    assert pane.host.canvas() is canvas and canvas.figure is resized
    w, h = canvas.get_width_height(physical=True)
    assert (
        round(resized.get_figwidth() * resized.dpi),
        round(resized.get_figheight() * resized.dpi),
    ) == (w, h)
    assert w < 900
    # The figure shown before is let go of the canvas, so printing or saving it still
    # writes that figure, not the one on screen.
    assert after.canvas is not canvas
    out = io.BytesIO()
    after.savefig(out, format="png")
    assert out.getvalue().startswith(b"\x89PNG")
    pane.close()
