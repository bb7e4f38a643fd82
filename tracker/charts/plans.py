"""Plan against actual: cumulative planned disbursement (dashed steps) and what
was actually disbursed (solid steps), with today and the committed total."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from tracker.charts.data import DEFAULT_TEXTS, ChartTexts
from tracker.charts.plan_data import PlanData
from tracker.charts.schedule import _date_axis
from tracker.charts.style import (
    DISBURSED_STYLE,
    DPI,
    GRID,
    HEIGHT_IN,
    MUTED,
    NOTE_SIZE,
    TODAY_COLOR,
    VALUE_SIZE,
    WIDTH_IN,
    add_legend,
    chart_style,
    end_label,
    figure_with_axes,
    finish_axes,
    money_scale,
    no_data_figure,
    number_formatter,
    one_axes,
)

PLANNED_COLOR = "#E69F00"


def build_plan(
    data: PlanData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    reuse: Figure | None = None,
) -> Figure:
    """Two step lines on one money axis: planned (dashed) and actual (solid)."""
    if not data.planned:
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    with chart_style():
        fig, body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="plan", make_axes=one_axes, reuse=reuse
        )
        add_legend(body, draw_plan(ax, data, texts), width_in)
    return fig


def draw_plan(ax: Axes, data: PlanData, texts: ChartTexts = DEFAULT_TEXTS) -> list[Line2D]:
    """Draw the two step lines (and today, the committed total) into ``ax``; returns the
    legend handles. Used by :func:`build_plan` and the one-page project brief."""
    planned = sorted(data.planned, key=lambda p: p.date)
    actual = sorted(data.actual, key=lambda p: p.date)
    reference = [data.committed_total] if data.committed_total is not None else []
    scale = money_scale([p.amount for p in planned + actual] + reference, texts)
    px = [date2num(p.date) for p in planned]
    py = [scale.value(p.amount) for p in planned]
    ax.step(px, py, where="post", color=PLANNED_COLOR, linewidth=2, linestyle=(0, (5, 3)),
            marker="s" if len(px) <= 40 else None, markersize=3)  # fmt: skip
    end_label(ax, px[-1], py[-1], scale.label(planned[-1].amount), size=VALUE_SIZE)
    top = max(py)
    xs = list(px)
    if actual:
        ax_ = [date2num(p.date) for p in actual]
        ay = [scale.value(p.amount) for p in actual]
        ax.step(ax_, ay, where="post", color=DISBURSED_STYLE.color, linewidth=2,
                marker="o" if len(ax_) <= 40 else None, markersize=3)  # fmt: skip
        end_label(ax, ax_[-1], ay[-1], scale.label(actual[-1].amount), size=VALUE_SIZE)
        top = max(top, max(ay))
        xs += ax_
    if data.committed_total is not None:
        total = scale.value(data.committed_total)
        top = max(top, total)
        ax.axhline(total, color=MUTED, linestyle="--", linewidth=1)
        ax.annotate(texts.total_committed.format(amount=scale.label(data.committed_total)),
                    xy=(0, total), xycoords=("axes fraction", "data"), xytext=(4, 3),
                    textcoords="offset points", va="bottom", fontsize=NOTE_SIZE, color=MUTED)  # fmt: skip
    if data.today is not None:
        t = date2num(data.today)
        if min(xs) <= t <= max(xs) + 400:
            ax.axvline(t, color=TODAY_COLOR, linewidth=1.2)
            xs.append(t)
    ax.set_ylim(0, top * 1.12 if top > 0 else 1)
    lo, hi = min(xs), max(xs)
    pad = max((hi - lo) * 0.04, 20)
    ax.set_xlim(lo - pad, hi + pad)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.yaxis.set_major_formatter(number_formatter(texts))
    label = scale.axis_label(texts.cumulative_disbursed, data.currency)
    if ax.figure.figure.get_figheight() < 3.6:  # a dashboard cell: the long label on two lines
        label = label.replace(", ", ",\n", 1).replace("，", "，\n", 1)
    ax.set_ylabel(label)
    _date_axis(ax)
    finish_axes(ax)
    handles = [
        Line2D([], [], color=PLANNED_COLOR, linewidth=2, linestyle=(0, (5, 3)), marker="s",
               markersize=3, label=texts.planned),
        Line2D([], [], color=DISBURSED_STYLE.color, linewidth=2, marker="o", markersize=3,
               label=texts.disbursed),
    ]  # fmt: skip
    if data.today is not None:
        handles.append(Line2D([], [], color=TODAY_COLOR, linewidth=1.2, label=texts.today))
    return handles
