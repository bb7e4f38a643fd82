"""Charts of the bank-financed projects: by status, sector, bank, and per project."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from tracker.charts.data import (
    DEFAULT_TEXTS,
    ChartData,
    ChartTexts,
    DisbursementData,
    FinancingData,
    StatusData,
)
from tracker.charts.style import (
    COMMITTED_STYLE,
    DISBURSED_STYLE,
    DPI,
    HEIGHT_IN,
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
    start_at_zero,
    status_order,
    status_style,
)


def build_status(
    data: StatusData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    reuse: Figure | None = None,
) -> Figure:
    """Portfolio by status: number of projects and committed money side by side.

    Two panels on one status axis, because counts and money tell different
    stories (many small pipeline projects vs a few large loans).
    """
    rows = sorted(data.rows, key=lambda r: status_order(r.status))
    if not rows or all(r.count == 0 and r.committed == 0 for r in rows):
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    scale = money_scale((r.committed for r in rows), texts)
    size = row_font_size(height_in, len(rows))
    labels = [texts.status_name(r.status) for r in rows]
    counts = [float(r.count) for r in rows]
    amounts = [scale.value(r.committed) for r in rows]
    with chart_style():
        fig, _body, (count_ax, amount_ax) = figure_with_axes(
            data, width_in, height_in, dpi, shape="status", make_axes=_status_axes, reuse=reuse
        )
        width = label_columns(width_in, size, 0.22)
        ys = category_axis(count_ax, labels, size=size, width=width, also=[amount_ax])
        for ax, values, value_labels in (
            (count_ax, counts, [format_count(r.count, texts) for r in rows]),
            (amount_ax, amounts, [scale.label(r.committed) for r in rows]),
        ):
            for bar, row in zip(ax.barh(ys, values, height=0.7), rows, strict=True):
                paint(bar, status_style(row.status))
            for y, value, text in zip(ys, values, value_labels, strict=True):
                end_label(ax, value, y, text, size=size)
            start_at_zero(ax, max(values))
        count_axis(count_ax, texts.number_of_projects, texts)
        amount_axis(amount_ax, scale.axis_label(texts.committed, data.currency), texts)
    return fig


def _status_axes(body: Figure | SubFigure) -> Sequence[Axes]:
    return body.subplots(1, 2, sharey=True, width_ratios=(1, 1.4))


def build_sector(
    data: FinancingData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    max_rows: int = 15,
    reuse: Figure | None = None,
) -> Figure:
    """Financing by sector: committed with disbursed inside, largest first."""
    return _financing(
        data, data.currency, _financing_rows(data), width_in, height_in, dpi, texts, max_rows, reuse
    )


def build_bank(
    data: FinancingData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    max_rows: int = 15,
    reuse: Figure | None = None,
) -> Figure:
    """Financing by lending bank: committed with disbursed inside, largest first."""
    return _financing(
        data, data.currency, _financing_rows(data), width_in, height_in, dpi, texts, max_rows, reuse
    )


def build_disbursement(
    data: DisbursementData,
    *,
    width_in: float = WIDTH_IN,
    height_in: float = HEIGHT_IN,
    dpi: float = DPI,
    texts: ChartTexts = DEFAULT_TEXTS,
    max_rows: int = 15,
    reuse: Figure | None = None,
) -> Figure:
    """Disbursed vs committed for the largest projects; the rest is counted in a note."""
    rows = [(f"{r.code} {r.name}", r.committed, r.disbursed) for r in data.rows]
    return _financing(data, data.currency, rows, width_in, height_in, dpi, texts, max_rows, reuse)


_Row = tuple[str, Decimal, Decimal]


def _financing_rows(data: FinancingData) -> list[_Row]:
    return [(r.label, r.committed, r.disbursed) for r in data.rows]


def _financing(
    data: ChartData,
    currency: str,
    rows: Sequence[_Row],
    width_in: float,
    height_in: float,
    dpi: float,
    texts: ChartTexts,
    max_rows: int,
    reuse: Figure | None = None,
) -> Figure:
    """Bullet bars: a wide light committed bar with the disbursed bar inside it.

    One bar per row (instead of two side by side) keeps 15 rows readable on a
    half page, and the light/dark pair survives black-and-white printing.
    """
    if not rows or all(c == 0 and d == 0 for _, c, d in rows):
        return no_data_figure(data, texts, width_in, height_in, dpi, reuse)
    ranked = sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))
    max_rows = rows_that_fit(height_in, max_rows)  # labels stay >= 8 pt, not overlapping
    shown, hidden = ranked[:max_rows], len(ranked) - max_rows
    scale = money_scale([c for _, c, _ in shown] + [d for _, _, d in shown], texts)
    committed = [scale.value(c) for _, c, _ in shown]
    disbursed = [scale.value(d) for _, _, d in shown]
    size = row_font_size(height_in, len(shown))
    with chart_style():
        fig, body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="financing", make_axes=one_axes, reuse=reuse
        )
        more = texts.more.format(n=hidden) if hidden > 0 else ""
        width = label_columns(width_in, size, 0.33)
        ys = category_axis(ax, [label for label, *_ in shown], size=size, width=width, more=more)
        for bar in ax.barh(ys, committed, height=0.72):
            paint(bar, COMMITTED_STYLE)
        for bar in ax.barh(ys, disbursed, height=0.36):
            paint(bar, DISBURSED_STYLE, linewidth=0)
        for y, (_, c, d), c_value, d_value in zip(ys, shown, committed, disbursed, strict=True):
            share = percent(d, c)
            text = f"{scale.label(c)} · {share}" if share else scale.label(c)
            end_label(ax, max(c_value, d_value), y, text, size=size)
        start_at_zero(ax, max(committed + disbursed))
        amount_axis(ax, scale.axis_label(texts.amount, currency), texts)
        add_legend(
            body,
            [
                legend_patch(COMMITTED_STYLE, texts.committed),
                legend_patch(DISBURSED_STYLE, texts.disbursed_share),
            ],
            width_in,
        )
    return fig
