"""Charts of industrial-park residents and of ventures with foreign capital."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from tracker.charts.data import (
    DEFAULT_TEXTS,
    ChartTexts,
    ResidentsCountryData,
    ResidentsStatusData,
    VenturesData,
)
from tracker.charts.style import (
    DPI,
    FOREIGN_OWNED_STYLE,
    HEIGHT_IN,
    INVESTMENT_STYLE,
    JOINT_VENTURE_STYLE,
    SINGLE_STYLE,
    WIDTH_IN,
    add_legend,
    amount_axis,
    category_axis,
    chart_style,
    count_axis,
    end_label,
    figure_with_axes,
    format_count,
    label_columns,
    legend_patch,
    money_scale,
    no_data_figure,
    one_axes,
    paint,
    percent,
    row_font_size,
    rows_that_fit,
    shorten,
    start_at_zero,
    status_order,
    status_style,
    text_width_pt,
)


def build_residents_country(
    data: ResidentsCountryData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    max_rows: int = 15,
    reuse: Figure | None = None,
) -> Figure:
    """Residents per country, most first; declared investment in a second panel if given."""
    if not data.rows or all(r.count == 0 and not r.declared_investment for r in data.rows):
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    ranked = sorted(data.rows, key=lambda r: (-r.count, -(r.declared_investment or 0), r.label))
    max_rows = rows_that_fit(height_in, max_rows)  # labels stay >= 8 pt, not overlapping
    shown, hidden = ranked[:max_rows], len(ranked) - max_rows
    with_investment = any(r.declared_investment is not None for r in shown)
    size = row_font_size(height_in, len(shown))
    labels = [r.label for r in shown]
    counts = [float(r.count) for r in shown]
    with chart_style():
        fig, _body, panels_made = figure_with_axes(
            data, width_in, height_in, dpi, reuse=reuse,
            shape="residents_country_money" if with_investment else "residents_country",
            make_axes=_country_axes if with_investment else one_axes,
        )  # fmt: skip
        count_ax, money_ax = panels_made if with_investment else (panels_made[0], None)
        more = texts.more.format(n=hidden) if hidden > 0 else ""
        panels = [money_ax] if money_ax is not None else []
        width = label_columns(width_in, size, 0.25)
        ys = category_axis(count_ax, labels, size=size, width=width, more=more, also=panels)
        for bar in count_ax.barh(ys, counts, height=0.7):
            paint(bar, SINGLE_STYLE)
        for y, row in zip(ys, shown, strict=True):
            end_label(count_ax, row.count, y, format_count(row.count, texts), size=size)
        start_at_zero(count_ax, max(counts))
        count_axis(count_ax, texts.number_of_residents, texts)
        if money_ax is not None:
            amounts = [r.declared_investment or Decimal(0) for r in shown]
            scale = money_scale(amounts, texts)
            values = [scale.value(a) for a in amounts]
            for bar in money_ax.barh(ys, values, height=0.7):
                paint(bar, INVESTMENT_STYLE)
            for y, row, value in zip(ys, shown, values, strict=True):
                if row.declared_investment is not None:
                    end_label(money_ax, value, y, scale.label(row.declared_investment), size=size)
            start_at_zero(money_ax, max(values))
            amount_axis(money_ax, scale.axis_label(texts.declared_investment, data.currency), texts)
    return fig


def _country_axes(body: Figure | SubFigure) -> Sequence[Axes]:
    return body.subplots(1, 2, sharey=True, width_ratios=(1, 1.3))


def build_residents_status(
    data: ResidentsStatusData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    reuse: Figure | None = None,
) -> Figure:
    """Residents per life-cycle status, with the share of all residents."""
    rows = sorted(data.rows, key=lambda r: status_order(r.status))
    total = sum(r.count for r in rows)
    if total == 0:
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    size = row_font_size(height_in, len(rows))
    counts = [float(r.count) for r in rows]
    with chart_style():
        fig, _body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="residents_status", make_axes=one_axes,
            reuse=reuse,
        )  # fmt: skip
        labels = [texts.status_name(r.status) for r in rows]
        ys = category_axis(ax, labels, size=size, width=label_columns(width_in, size))
        for bar, row in zip(ax.barh(ys, counts, height=0.7), rows, strict=True):
            paint(bar, status_style(row.status))
        for y, row in zip(ys, rows, strict=True):
            share = percent(Decimal(row.count), Decimal(total))
            end_label(ax, row.count, y, f"{format_count(row.count, texts)} ({share})", size=size)
        start_at_zero(ax, max(counts))
        count_axis(ax, texts.number_of_residents, texts)
    return fig


def build_ventures(
    data: VenturesData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    max_rows: int = 15,
    reuse: Figure | None = None,
) -> Figure:
    """Joint ventures and foreign-owned companies per sector, stacked, most first."""
    if not data.rows or all(r.joint_ventures + r.foreign_owned == 0 for r in data.rows):
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    ranked = sorted(data.rows, key=lambda r: (-(r.joint_ventures + r.foreign_owned), r.label))
    max_rows = rows_that_fit(height_in, max_rows)  # labels stay >= 8 pt, not overlapping
    shown, hidden = ranked[:max_rows], len(ranked) - max_rows
    size = row_font_size(height_in, len(shown))
    joint = [float(r.joint_ventures) for r in shown]
    owned = [float(r.foreign_owned) for r in shown]
    totals = [j + o for j, o in zip(joint, owned, strict=True)]
    top = max(totals)
    # Segment labels go inside only where they surely fit: estimate the plot
    # width before layout, pessimistically (label column and margins taken off).
    width = label_columns(width_in, size)
    label_col_pt = max(text_width_pt(shorten(r.label, width), size) for r in shown)
    plot_pt = max(width_in * 72 - label_col_pt - 90, 72)
    with chart_style():
        fig, body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="ventures", make_axes=one_axes, reuse=reuse
        )
        more = texts.more.format(n=hidden) if hidden > 0 else ""
        ys = category_axis(ax, [r.label for r in shown], size=size, width=width, more=more)
        for bars, style, values, lefts in (
            (ax.barh(ys, joint, height=0.7), JOINT_VENTURE_STYLE, joint, [0.0] * len(joint)),
            (ax.barh(ys, owned, left=joint, height=0.7), FOREIGN_OWNED_STYLE, owned, joint),
        ):
            for bar in bars:
                paint(bar, style)
            for y, value, left in zip(ys, values, lefts, strict=True):
                text = format_count(int(value), texts)
                if value and value / top * plot_pt * 0.98 >= text_width_pt(text, size) + 6:
                    ax.text(
                        left + value / 2,
                        y,
                        text,
                        ha="center",
                        va="center",
                        fontsize=size,
                        color=style.ink,
                        bbox={"boxstyle": "square,pad=0.1", "fc": style.color, "lw": 0}
                        if style.hatch
                        else None,
                    )
        for y, total in zip(ys, totals, strict=True):
            end_label(ax, total, y, format_count(int(total), texts), size=size)
        start_at_zero(ax, top)
        count_axis(ax, texts.number_of_ventures, texts)
        add_legend(
            body,
            [
                legend_patch(JOINT_VENTURE_STYLE, texts.joint_venture),
                legend_patch(FOREIGN_OWNED_STYLE, texts.foreign_owned),
            ],
            width_in,
        )
    return fig
