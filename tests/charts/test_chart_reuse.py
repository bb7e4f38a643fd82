"""A figure drawn into again (``reuse=``) looks exactly like a new figure of the same data.

The chart pane passes the figure on screen as ``reuse`` after a filter change;
whatever the previous data drew (more bars, longer labels, a legend entry, a
"more" note, a no-data message) must be gone and the axes rescaled.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import numpy as np
import pytest
from chart_samples import SAMPLES, empty
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tracker.charts import CHARTS, ChartData, build_chart


def _pixels(fig: Figure) -> np.ndarray:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def _few(data: ChartData) -> ChartData:
    """Fewer, different rows: the last two (or points), smaller, under another subtitle."""
    if hasattr(data, "planned"):
        return dataclasses.replace(data, planned=data.planned[:3], actual=data.actual[:2],
                                   committed_total=None, subtitle="Few")  # fmt: skip
    if hasattr(data, "points"):
        points = tuple(dataclasses.replace(p, amount=p.amount / 3) for p in data.points[:4])
        return dataclasses.replace(data, points=points, committed_total=None, subtitle="Few")
    rows = data.rows[-2:]  # type: ignore[attr-defined]
    return dataclasses.replace(data, rows=rows, subtitle="Bank: ICBC · as of 2025-06-30")


def _bigger(data: ChartData) -> ChartData:
    """Every amount and count ten times larger (another money unit, wider labels)."""

    def scaled(row: object) -> object:
        changes = {}
        for f in dataclasses.fields(row):  # type: ignore[arg-type]
            v = getattr(row, f.name)
            if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
                changes[f.name] = v * 10
        return dataclasses.replace(row, **changes)  # type: ignore[type-var]

    if hasattr(data, "planned"):
        return dataclasses.replace(data, planned=tuple(scaled(p) for p in data.planned),
                                   actual=tuple(scaled(p) for p in data.actual))  # fmt: skip
    if hasattr(data, "points"):
        return dataclasses.replace(data, points=tuple(scaled(p) for p in data.points))
    return dataclasses.replace(data, rows=tuple(scaled(r) for r in data.rows))  # type: ignore[attr-defined]


SIZE = {"width_in": 8.0, "height_in": 4.5}


@pytest.mark.parametrize("name", list(CHARTS))
def test_a_reused_figure_draws_like_a_new_one(name):
    full = SAMPLES[name]()
    untitled = dataclasses.replace(full, subtitle="")
    steps = [full, _few(full), _bigger(full), empty(name), full, untitled, _few(untitled), full]
    shown: Figure | None = None
    reused = 0
    for i, data in enumerate(steps):
        fig = build_chart(name, data, reuse=shown, **SIZE)
        reused += fig is shown
        fresh = build_chart(name, data, **SIZE)
        np.testing.assert_array_equal(_pixels(fig), _pixels(fresh), err_msg=f"step {i}")
        shown = fig
    # Same make-up (a subtitle, rows) reuses the figure; a no-data message or a
    # subtitle coming or going needs another one.
    assert reused >= 3


def test_another_size_or_chart_gets_a_new_figure():
    data = SAMPLES["sector"]()
    first = build_chart("sector", data, **SIZE)
    assert build_chart("sector", data, reuse=first, width_in=6.0, height_in=4.5) is not first
    assert build_chart("status", SAMPLES["status"](), reuse=first, **SIZE) is not first
    assert build_chart("bank", SAMPLES["bank"](), reuse=first, **SIZE) is first  # same builder
    other = Figure()
    assert build_chart("sector", data, reuse=other, **SIZE) is not other  # not one of ours


def test_the_reused_figure_keeps_no_old_artists():
    data = SAMPLES["disbursement"]()
    fig = build_chart("disbursement", data, **SIZE)
    counts = [len(fig.axes[0].patches), len(fig.axes[0].texts), len(fig.legends) + len(
        [leg for sub in fig.subfigs for leg in sub.legends])]  # fmt: skip
    for _ in range(3):
        fig = build_chart("disbursement", _few(data), reuse=fig, **SIZE)
        fig = build_chart("disbursement", data, reuse=fig, **SIZE)
    again = [len(fig.axes[0].patches), len(fig.axes[0].texts), len(fig.legends) + len(
        [leg for sub in fig.subfigs for leg in sub.legends])]  # fmt: skip
    assert again == counts
    assert len(fig.axes) == 1
