"""Charts along the calendar: project timeline (Gantt) and cumulative disbursement."""

from __future__ import annotations

from datetime import date
from typing import Any

from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from tracker.charts.data import (
    DEFAULT_TEXTS,
    ChartTexts,
    CumulativeData,
    TimelineData,
    TimelineRow,
)
from tracker.charts.style import (
    COMMITTED_STYLE,
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
    category_axis,
    chart_style,
    end_label,
    figure_with_axes,
    finish_axes,
    label_columns,
    legend_patch,
    money_scale,
    no_data_figure,
    number_formatter,
    one_axes,
    paint,
    row_font_size,
    rows_that_fit,
    status_order,
    status_style,
)


class _KeptDateLocator(AutoDateLocator):
    """``AutoDateLocator`` that answers again from the last view interval.

    A draw asks for the ticks about ten times (layout passes, tick labels,
    the axis label's place) over the same interval; working them out (rrule)
    each time was a sixth of a timeline refresh. Same interval, same ticks.
    """

    _kept: tuple[tuple[float, float], list[float]] | None = None

    def __call__(self) -> list[float]:
        interval = tuple(self.axis.get_view_interval()) if self.axis is not None else None
        if interval is None or self._kept is None or self._kept[0] != interval:
            ticks = super().__call__()
            if interval is None:
                return ticks
            self._kept = (interval, list(ticks))  # type: ignore[assignment]
        return list(self._kept[1])  # type: ignore[index]


class _KeptConciseDateFormatter(ConciseDateFormatter):
    """``ConciseDateFormatter`` that keeps the labels (and offset) of the last ticks."""

    _kept: tuple[tuple[float, ...], list[str], str] | None = None

    def format_ticks(self, values: Any) -> list[str]:
        key = tuple(float(v) for v in values)
        if self._kept is None or self._kept[0] != key:
            labels = super().format_ticks(values)
            self._kept = (key, list(labels), getattr(self, "_offset_string", ""))
        self._offset_string = self._kept[2]
        return list(self._kept[1])


def _date_axis(ax: Axes) -> None:
    """Numeric dates (2024, 2024-03) so no month name needs translating."""
    locator = _KeptDateLocator(minticks=3, maxticks=9)
    formatter = _KeptConciseDateFormatter(
        locator,
        formats=["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"],
        offset_formats=["", "", "%Y", "%Y-%m", "%Y-%m-%d", "%Y-%m-%d %H:%M"],
    )
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def _filled_until(row: TimelineRow, today: date) -> date:
    """How far the solid bar goes: the actual end, else today (the planned end if completed)."""
    if row.actual_end is not None:
        return row.actual_end
    if row.status == "completed":
        return row.planned_end
    return today


def build_timeline(
    data: TimelineData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    max_rows: int = 20,
    reuse: Figure | None = None,
) -> Figure:
    """Gantt: dashed outline for the plan, solid status bar for what has happened.

    A bar running past its outline is a slip at a glance; the today line shows
    what should be finished by now.
    """
    rows = list(data.rows)
    if not rows:
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    max_rows = rows_that_fit(height_in, max_rows)  # labels stay >= 8 pt, not overlapping
    shown, hidden = rows[:max_rows], len(rows) - max_rows
    size = row_font_size(height_in, len(shown))
    today = date2num(data.today)
    with chart_style():
        fig, body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="timeline", make_axes=one_axes, reuse=reuse
        )
        more = texts.more.format(n=hidden) if hidden > 0 else ""
        width = label_columns(width_in, size, 0.33)
        ys = category_axis(ax, [r.label for r in shown], size=size, width=width, more=more)
        ax.grid(axis="y", visible=False)
        # One barh per kind of bar, not per row: a row's bars never overlap another row's,
        # so the picture is the same and the figure is built in a fraction of the time.
        starts = [date2num(r.start) for r in shown]
        planned = [date2num(r.planned_end) for r in shown]
        filled = [date2num(_filled_until(r, data.today)) for r in shown]
        ax.barh(
            ys,
            [max(p - s, 0) for s, p in zip(starts, planned, strict=True)],
            left=starts,
            height=0.72,
            facecolor="none",
            edgecolor=MUTED,
            linestyle=(0, (3, 2)),
            linewidth=0.8,
        )
        running = [i for i, (s, f) in enumerate(zip(starts, filled, strict=True)) if f > s]
        if running:
            bars = ax.barh(
                [ys[i] for i in running],
                [filled[i] - starts[i] for i in running],
                left=[starts[i] for i in running],
                height=0.44,
            )
            for bar, i in zip(bars, running, strict=True):
                paint(bar, status_style(shown[i].status))
        ends = [today, *starts, *planned, *filled]
        span = max(ends) - min(ends) or 30.0
        ax.set_xlim(min(ends) - span * 0.02, max(ends) + span * 0.02)
        ax.axvline(today, color=TODAY_COLOR, linewidth=1.4, zorder=3)
        ax.annotate(
            texts.today,
            xy=(today, 1),
            xycoords=("data", "axes fraction"),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=NOTE_SIZE,
            color=TODAY_COLOR,
            annotation_clip=False,
        )
        _date_axis(ax)
        statuses = sorted({r.status for r in shown}, key=status_order)
        handles = [legend_patch(status_style(s), texts.status_name(s)) for s in statuses]
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=MUTED,
                linestyle=(0, (3, 2)),
                linewidth=0.8,
                label=texts.planned,
            )
        )
        add_legend(body, handles, width_in)
    return fig


def build_cumulative(
    data: CumulativeData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    reuse: Figure | None = None,
) -> Figure:
    """Step line of money paid out so far, against the committed total when given."""
    points = sorted(data.points, key=lambda p: p.date)
    if not points:
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    reference = [data.committed_total] if data.committed_total is not None else []
    scale = money_scale([p.amount for p in points] + reference, texts)
    xs = [date2num(p.date) for p in points]
    ys = [scale.value(p.amount) for p in points]
    with chart_style():
        fig, _body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="cumulative", make_axes=one_axes, reuse=reuse
        )
        ax.fill_between(xs, ys, step="post", color=COMMITTED_STYLE.color, linewidth=0)
        ax.step(
            xs,
            ys,
            where="post",
            color=DISBURSED_STYLE.color,
            linewidth=2,
            marker="o" if len(xs) <= 40 else None,
            markersize=3,
        )
        end_label(ax, xs[-1], ys[-1], scale.label(points[-1].amount), size=VALUE_SIZE)
        top = max(ys)
        if data.committed_total is not None:
            total = scale.value(data.committed_total)
            top = max(top, total)
            ax.axhline(total, color=MUTED, linestyle="--", linewidth=1)
            ax.annotate(
                texts.total_committed.format(amount=scale.label(data.committed_total)),
                xy=(0, total),
                xycoords=("axes fraction", "data"),
                xytext=(4, 3),
                textcoords="offset points",
                va="bottom",
                fontsize=NOTE_SIZE,
                color=MUTED,
            )
        ax.set_ylim(0, top * 1.1 if top > 0 else 1)
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.yaxis.set_major_formatter(number_formatter(texts))
        ax.set_ylabel(scale.axis_label(texts.cumulative_disbursed, data.currency))
        _date_axis(ax)
        finish_axes(ax)
        if len(xs) == 1:
            ax.set_xlim(xs[0] - 30, xs[0] + 30)
    return fig
