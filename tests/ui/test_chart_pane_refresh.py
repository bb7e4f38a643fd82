"""A filter change redraws the figure on screen in place, and it shows what a new pane shows.

The pane passes its figure to the builders as ``reuse`` and draws labels from
the canvas's text-image cache; neither may leave anything of the previous
chart behind: the canvas must hold the same pixels as a pane that drew the
final filter first.
"""

from __future__ import annotations

import numpy as np
import pytest

from tracker.domain.filters import Filter
from tracker.ui.context import AppContext
from tracker.ui.panes.chart_pane import ChartPane


def _pane(qtbot, store, kind: str, chart: str) -> ChartPane:  # noqa: ANN001
    pane = ChartPane(AppContext(store))
    qtbot.addWidget(pane)
    pane.resize(900, 560)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_view(kind=kind, flt=Filter(), selected_id=None)
    pane.set_chart(chart)
    return pane


def _pixels(pane: ChartPane) -> np.ndarray:
    canvas = pane.host.canvas()
    assert canvas is not None
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


@pytest.mark.parametrize(
    ("kind", "chart", "filters"),
    [
        ("projects", "sector", [Filter(status=("completed",)), Filter(text="no such words"),
                                Filter(sector=("energy", "transport"))]),
        ("projects", "timeline", [Filter(sector=("energy",)), Filter(status=("completed",))]),
        ("projects", "status", [Filter(sector=("energy",)), Filter(text="no such words"), Filter()]),
        ("projects", "cumulative", [Filter(status=("completed",)), Filter(sector=("energy",))]),
        ("residents", "residents_country", [Filter(status=("operating",)), Filter()]),
        ("ventures", "ventures", [Filter(kind=("joint_venture",)), Filter()]),
    ],
)  # fmt: skip
def test_the_refreshed_chart_is_the_chart_a_new_pane_draws(qtbot, demo_store, kind, chart, filters):
    pane = _pane(qtbot, demo_store, kind, chart)
    first = pane.current_figure()
    _pixels(pane)
    for i, flt in enumerate(filters):
        pane.set_view(kind=kind, flt=flt, selected_id=None)
        assert pane.last_error is None
        if i == 0:  # data again, same size: the figure on screen is drawn into
            assert pane.current_figure() is first
        # Drawn once per state: constrained layout starts from the last one, so drawing an
        # unchanged figure again may move things by a hundredth of a pixel (matplotlib).
        refreshed = _pixels(pane)

    fresh = _pane(qtbot, demo_store, kind, chart)
    fresh.set_view(kind=kind, flt=filters[-1], selected_id=None)
    fresh.host.clear()  # a new figure on a new canvas, built for this filter only
    fresh.refresh()
    assert fresh.current_figure() is not pane.current_figure()
    np.testing.assert_array_equal(refreshed, _pixels(fresh))
    pane.close()
    fresh.close()


def test_labels_come_from_the_text_images_after_the_first_draw(qtbot, demo_store):
    pane = _pane(qtbot, demo_store, "projects", "sector")
    _pixels(pane)
    cache = pane.host.canvas().text_images
    pane.set_view(kind="projects", flt=Filter(status=("completed",)), selected_id=None)
    _pixels(pane)
    hits, misses = cache.hits, cache.misses
    pane.set_view(kind="projects", flt=Filter(), selected_id=None)
    _pixels(pane)
    # Back to the first filter: every label was drawn before.
    assert cache.misses == misses and cache.hits > hits
    pane.close()
