"""The shared look of every chart: fonts, status colours and hatches, money scaling.

Everything that reads or sets matplotlib settings is here, so the builders stay
short and no setting leaks into the rest of the program: global ``rcParams``
are only ever changed inside :func:`chart_style` (an ``rc_context``), and the
settings that matplotlib reads late (tick labels made at draw time) are put on
the artists themselves.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure, SubFigure
from matplotlib.patches import Patch
from matplotlib.text import Annotation
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

from tracker.charts.data import PROJECT_STATUSES, RESIDENT_STATUSES, ChartData, ChartTexts

# --- fonts ----------------------------------------------------------------------------

FONT_CANDIDATES: tuple[str, ...] = (
    "DejaVu Sans",  # ships with matplotlib: Latin and Cyrillic everywhere
    "Noto Sans CJK SC",  # Debian/Ubuntu fonts-noto-cjk
    "Source Han Sans SC",
    "Microsoft YaHei",  # Windows
    "SimHei",
    "PingFang SC",  # macOS
    "Hiragino Sans GB",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK JP",  # matplotlib < 3.11 sees only the first face of the .ttc
    "Arial Unicode MS",
)
"""Font fallback chain, first match per glyph wins; missing ones are skipped."""

TITLE_SIZE = 13.0
SUBTITLE_SIZE = 9.5
LABEL_SIZE = 10.0
TICK_SIZE = 9.0
VALUE_SIZE = 8.5
NOTE_SIZE = 8.0
MIN_SIZE = 8.0
"""No text of a chart is smaller (at the default size): readable on screen and paper."""
MESSAGE_SIZE = 12.0

WIDTH_IN = 8.0
HEIGHT_IN = 4.5
DPI = 100.0
"""Default size: 16:9 on screen, fits an A4 page width (8.27 in) at full scale."""

INK = "#222222"
MUTED = "#555555"
GRID = "#DDDDDD"
EDGE = "#444444"
PAD_IN = 0.1
"""Distance of the left-aligned title and the right-aligned note from the edge."""


@functools.cache
def font_families() -> tuple[str, ...]:
    """Installed fonts of :data:`FONT_CANDIDATES`, so matplotlib never logs "not found"."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    found = tuple(name for name in FONT_CANDIDATES if name in installed)
    return found or ("sans-serif",)


def _rc() -> dict[str, Any]:
    return {
        "font.family": list(font_families()),
        "font.size": LABEL_SIZE,
        "axes.labelsize": LABEL_SIZE,
        "axes.titlesize": LABEL_SIZE,
        "axes.labelcolor": INK,
        "axes.edgecolor": MUTED,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.axisbelow": True,
        "xtick.labelsize": TICK_SIZE,
        "ytick.labelsize": TICK_SIZE,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelcolor": INK,
        "ytick.labelcolor": INK,
        "legend.fontsize": TICK_SIZE,
        "legend.frameon": False,
        "hatch.linewidth": 0.8,
        "text.color": INK,
        # Output: glyphs as paths in SVG (QSvgRenderer has no font fallback),
        # embedded TrueType in PDF (selectable text), stable ids in SVG.
        "svg.fonttype": "path",
        "svg.hashsalt": "tracker-charts",
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
    }


#: matplotlib's settings are one global dict: one chart is built (and drawn off-screen) at a
#: time, whichever thread builds it (the window's, or a worker drawing a picture after an import).
_STYLE_LOCK = threading.RLock()


@contextlib.contextmanager
def chart_style() -> Iterator[None]:
    """Temporarily apply the chart settings; the previous rcParams come back on exit.

    matplotlib is not thread-safe: the settings are held by one thread at a time (a
    re-entrant lock), so a chart built in the background and one built on the window's
    thread take turns instead of changing each other's settings.
    """
    with _STYLE_LOCK, matplotlib.rc_context(_rc()):
        yield


# --- colours and hatches --------------------------------------------------------------


@dataclass(frozen=True)
class StatusStyle:
    """Fill colour plus hatch, so a status is recognisable in black-and-white print."""

    color: str
    hatch: str

    @property
    def ink(self) -> str:
        """Colour for hatch lines and text on this fill: white or black, whichever contrasts more."""
        return contrasting_ink(self.color)


def contrasting_ink(color: str) -> str:
    """White or near-black, by WCAG contrast ratio against ``color``."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(color))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "white" if (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05) else INK


# Okabe–Ito / Tol colours (safe for colour-blind readers); every status of a
# vocabulary has its own hatch, one of them plain.
PROJECT_STATUS_STYLES: dict[str, StatusStyle] = {
    "pipeline": StatusStyle("#CCCCCC", ".."),
    "signed": StatusStyle("#88CCEE", "//"),
    "implementation": StatusStyle("#0072B2", ""),
    "completed": StatusStyle("#009E73", "xx"),
    "suspended": StatusStyle("#E69F00", "\\\\"),
    "cancelled": StatusStyle("#CC6677", "--"),
}
RESIDENT_STATUS_STYLES: dict[str, StatusStyle] = {
    "registered": StatusStyle("#88CCEE", "//"),
    "construction": StatusStyle("#E69F00", ".."),
    "operating": StatusStyle("#009E73", ""),
    "withdrawn": StatusStyle("#CCCCCC", "xx"),
}
UNKNOWN_STATUS_STYLE = StatusStyle("#EEEEEE", "++")
"""For a status code outside the vocabularies: drawn, never an error."""

COMMITTED_STYLE = StatusStyle("#C6DBEF", "")
DISBURSED_STYLE = StatusStyle("#08519C", "")
SINGLE_STYLE = StatusStyle("#4477AA", "")
INVESTMENT_STYLE = StatusStyle("#9ECAE1", "//")
JOINT_VENTURE_STYLE = StatusStyle("#E69F00", "//")
FOREIGN_OWNED_STYLE = StatusStyle("#0072B2", "")
TODAY_COLOR = "#D55E00"


def status_style(code: str) -> StatusStyle:
    """Style of a project or resident status code."""
    return (
        PROJECT_STATUS_STYLES.get(code) or RESIDENT_STATUS_STYLES.get(code) or UNKNOWN_STATUS_STYLE
    )


def status_order(code: str) -> int:
    """Sort key: vocabulary order, unknown codes last."""
    vocabulary = PROJECT_STATUSES + RESIDENT_STATUSES
    return vocabulary.index(code) if code in vocabulary else len(vocabulary)


def paint(patch: Patch, style: StatusStyle, *, linewidth: float = 0.6) -> None:
    """Give a bar its fill, outline and hatch."""
    patch.set_facecolor(style.color)
    patch.set_edgecolor(EDGE)
    patch.set_linewidth(linewidth)
    patch.set_hatch(style.hatch or None)
    if style.hatch and hasattr(patch, "set_hatchcolor"):  # matplotlib >= 3.10
        patch.set_hatchcolor(style.ink)


def legend_patch(style: StatusStyle, label: str) -> Patch:
    """A legend handle that looks like the bars."""
    handle = Patch(label=label)
    paint(handle, style)
    return handle


# --- numbers and labels ---------------------------------------------------------------


def format_number(value: float, decimals: int, texts: ChartTexts) -> str:
    """Group thousands and use the language's separators."""
    text = f"{value:,.{decimals}f}"
    return (
        text.replace(",", "\0").replace(".", texts.decimal_sep).replace("\0", texts.thousands_sep)
    )


def format_count(value: int, texts: ChartTexts) -> str:
    return format_number(value, 0, texts)


@dataclass(frozen=True)
class Scale:
    """How amounts are shown: divided by 10^3/10^6/10^9 with the unit in the axis label."""

    divisor: Decimal
    unit: str
    decimals: int
    texts: ChartTexts

    def value(self, amount: Decimal) -> float:
        """Plot coordinate of an amount (the only place money becomes float)."""
        return float(amount / self.divisor)

    def label(self, amount: Decimal) -> str:
        return format_number(self.value(amount), self.decimals, self.texts)

    def axis_label(self, what: str, currency: str) -> str:
        if self.unit:
            return self.texts.amount_axis.format(what=what, unit=self.unit, currency=currency)
        return self.texts.amount_axis_units.format(what=what, currency=currency)


def money_scale(amounts: Iterable[Decimal], texts: ChartTexts) -> Scale:
    """Largest unit that keeps the biggest amount at or above 1 (10 for billions).

    Millions up to 10 billion, because small bars next to a 2-billion one
    would otherwise read "0.01" and lose their difference.
    """
    top = max((abs(a) for a in amounts), default=Decimal(0))
    divisor, unit = Decimal(1), ""
    for power, word, least in (
        (9, texts.billion, 10),
        (6, texts.million, 1),
        (3, texts.thousand, 1),
    ):
        if top >= least * Decimal(10) ** power:
            divisor, unit = Decimal(10) ** power, word
            break
    scaled = top / divisor
    decimals = 0 if scaled >= 100 else 1 if scaled >= 10 else 2
    return Scale(divisor, unit, decimals, texts)


def percent(part: Decimal, whole: Decimal) -> str:
    """Whole percent of a share; empty when the whole is zero.

    Never rounds up to "100%" before everything is paid, nor down to "0%"
    once something is.
    """
    if whole <= 0:
        return ""
    share = (part * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if part < whole and share >= 100:
        share = Decimal(99)
    if part > 0 and share <= 0:
        return "<1%"
    return f"{share}%"


def number_formatter(texts: ChartTexts) -> FuncFormatter:
    """Tick labels with the language's separators and no trailing zeros."""

    def fmt(value: float, _pos: object) -> str:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        return (
            text.replace(",", "\0")
            .replace(".", texts.decimal_sep)
            .replace("\0", texts.thousands_sep)
        )

    return FuncFormatter(fmt)


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width_pt(text: str, size: float) -> float:
    """Rough width of a one-line label before layout (CJK characters count double)."""
    return sum(_columns(c) for c in text) * size * 0.6


def shorten(text: str, width: int = 30) -> str:
    """Fit a label into ``width`` columns (CJK characters count two) with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if sum(_columns(c) for c in text) <= width:
        return text
    used, kept = 0, []
    for char in text:
        used += _columns(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept).rstrip(" ,;:-–—") + "…"


def wrap(text: str, width: int, max_lines: int = 2) -> str:
    """Break a title into lines of ``width`` columns at spaces; the last line is shortened."""
    words = re.sub(r"\s+", " ", text).strip().split(" ")
    lines: list[str] = []
    for word in words:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and sum(_columns(c) for c in candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return "\n".join(shorten(line, width) for line in lines)


# --- figure scaffolding ---------------------------------------------------------------


def new_figure(
    data: ChartData, width_in: float, height_in: float, dpi: float
) -> tuple[Figure, Figure | SubFigure]:
    """A constrained-layout figure with the title (and subtitle) left-aligned on top.

    Returns the figure and the body to draw axes in: a subfigure when there is
    a subtitle, because constrained layout reserves room for a subfigure's
    ``suptitle`` but not for free text.
    """
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    body = fig.subfigures(1, 1) if data.subtitle else fig
    _set_titles(fig, body, data, width_in)
    return fig, body


def figure_with_axes(
    data: ChartData,
    width_in: float,
    height_in: float,
    dpi: float,
    *,
    shape: str,
    make_axes: Callable[[Figure | SubFigure], Sequence[Axes]],
    reuse: Figure | None = None,
) -> tuple[Figure, Figure | SubFigure, tuple[Axes, ...]]:
    """:func:`new_figure` plus its axes, or ``reuse`` emptied when it has the same make-up.

    The chart pane redraws one chart after every filter change. Creating the
    axes, their ticks and the legend is most of building a figure, so a figure
    built for the same chart at the same size (same ``shape``, subtitle or not)
    is emptied of what the data drew and drawn into again. What comes out draws
    exactly like a new figure (tests compare the pixels); files and printing
    build new figures as before.
    """
    key = (shape, bool(data.subtitle), width_in, height_in, dpi)
    parts = getattr(reuse, "_tracker_parts", None) if reuse is not None else None
    if reuse is not None and parts is not None and parts[0] == key:
        _, body, axes = parts
        _set_titles(reuse, body, data, width_in)
        for legend in list(body.legends):
            legend.remove()
        # Constrained layout starts from where things are: put them where a new figure
        # has them, so the layout (to the last pixel) is the one a new figure gets.
        if isinstance(body, SubFigure):
            body._redo_transform_rel_fig()
        for ax in axes:
            _empty_axes(ax)
            spec = ax.get_subplotspec()
            if spec is not None:
                ax._set_position(spec.get_position(ax.get_figure(root=False)))
        return reuse, body, axes
    fig, body = new_figure(data, width_in, height_in, dpi)
    axes = tuple(make_axes(body))
    fig._tracker_parts = (key, body, axes)  # type: ignore[attr-defined]
    return fig, body, axes


def _set_titles(fig: Figure, body: Figure | SubFigure, data: ChartData, width_in: float) -> None:
    """Title (and the subtitle on the body subfigure), wrapped to the width, left-aligned."""
    x = PAD_IN / width_in
    line_pt = (width_in - 2 * PAD_IN) * 72
    title = wrap(data.title, int(line_pt / (TITLE_SIZE * 0.68)))
    fig.suptitle(title, x=x, ha="left", fontsize=TITLE_SIZE, fontweight="bold")
    if body is not fig:
        subtitle = wrap(data.subtitle, int(line_pt / (SUBTITLE_SIZE * 0.6)))
        body.suptitle(subtitle, x=x, ha="left", fontsize=SUBTITLE_SIZE, color=MUTED)


def _empty_axes(ax: Axes) -> None:
    """Take out what a builder drew and give the axes back a new one's limits and colours."""
    for artist in [*ax.patches, *ax.texts, *ax.lines, *ax.collections, *ax.images]:
        artist.remove()
    ax.containers.clear()
    ax.dataLim.set_points(Bbox.null().get_points())
    ax.ignore_existing_data_limits = True
    ax.set_autoscalex_on(True)
    ax.set_autoscaley_on(True)
    ax.set_prop_cycle(None)


def add_legend(body: Figure | SubFigure, handles: Sequence[Artist], width_in: float) -> None:
    """Legend under the plot (at the top it would collide with a long subtitle).

    As many columns as fit the width, so a narrow pane wraps it instead of clipping.
    """
    size = TICK_SIZE
    entries = [text_width_pt(h.get_label(), size) + 4.8 * size for h in handles]
    available = width_in * 72 - 2 * PAD_IN * 72
    if sum(entries) <= available:
        ncols = len(handles)
    else:
        ncols = max(1, min(len(handles), int(available // max(entries))))
    body.legend(handles=handles, loc="outside lower center", ncols=ncols, fontsize=size)


def no_data_figure(
    data: ChartData,
    texts: ChartTexts,
    width_in: float,
    height_in: float,
    dpi: float,
    reuse: Figure | None = None,
) -> Figure:
    """Same title, and a clear message instead of an empty or broken chart."""
    with chart_style():
        fig, _body, (ax,) = figure_with_axes(
            data, width_in, height_in, dpi, shape="no_data", make_axes=one_axes, reuse=reuse
        )
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            texts.no_data,
            ha="center",
            va="center",
            fontsize=MESSAGE_SIZE,
            color=MUTED,
            transform=ax.transAxes,
        )
    return fig


def one_axes(body: Figure | SubFigure) -> tuple[Axes]:
    """``make_axes`` of :func:`figure_with_axes` for a chart with one plot."""
    return (body.add_subplot(),)


def row_font_size(height_in: float, rows: int) -> float:
    """Shrink row labels when many rows share the height, never below 8 pt (readable)."""
    per_row_pt = max(height_in - 1.6, 1.0) * 72 / max(rows, 1)
    return max(MIN_SIZE, min(TICK_SIZE, per_row_pt * 0.7))


def rows_that_fit(height_in: float, most: int) -> int:
    """How many bar rows (and a "more" row) the height holds with labels of MIN_SIZE."""
    room_pt = max(height_in - 1.6, 1.0) * 72
    return max(3, min(most, int(room_pt * 0.7 // MIN_SIZE) - 1))


def finish_axes(ax: Axes) -> None:
    """Settings matplotlib reads at draw time, stored on the axes so none leak or get lost."""
    ax.tick_params(labelfontfamily=list(font_families()))


def label_columns(width_in: float, size: float, share: float = 0.3) -> int:
    """How many columns a row label may take: ``share`` of the figure width."""
    return max(12, min(44, int(width_in * 72 * share / (size * 0.6))))


def category_axis(
    ax: Axes,
    labels: Sequence[str],
    *,
    size: float,
    width: int,
    more: str = "",
    also: Sequence[Axes] = (),
) -> list[int]:
    """Horizontal-bar category axis, first row on top; returns the row positions.

    ``more`` (e.g. "+ 12 more not shown") is written in an extra row under the
    last bar, where the reader looks for the rest of the list. ``also`` are
    panels sharing this axis (``sharey``) that get the same look.
    """
    rows = list(range(len(labels)))
    ax.set_yticks(rows, [shorten(label, width) for label in labels])
    # At least three rows of room, so one or two bars do not become slabs.
    ax.set_ylim(max(len(labels) + (1 if more else 0), 3) - 0.5, -0.5)
    if more:
        ax.annotate(
            more,
            xy=(0, len(labels)),
            xycoords=("axes fraction", "data"),
            xytext=(3, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=size,
            fontstyle="italic",
            color=MUTED,
        )
    for panel in (ax, *also):
        panel.tick_params(axis="y", length=0, labelsize=size)
        panel.grid(axis="x", color=GRID, linewidth=0.6)
        panel.spines["left"].set_visible(False)
        finish_axes(panel)
    return rows


class FittingLocator(MaxNLocator):
    """Ticks of a horizontal value axis that never run their labels together: as many as
    the axis width holds labels as wide as the widest (an em apart), at most six.

    Asked at draw time, when the layout has placed the axes ("6,00012,00018,000" was six
    default ticks on a narrow panel)."""

    def __init__(self, *, integer: bool = False) -> None:
        super().__init__(nbins=6, integer=integer, min_n_ticks=2)

    def __call__(self) -> Any:
        axis = self.axis
        if axis is None:
            return super().__call__()
        ax = axis.axes
        width_pt = ax.get_window_extent().width * 72 / ax.get_figure(root=True).dpi
        vmin, vmax = sorted(axis.get_view_interval())
        fmt = axis.get_major_formatter()
        size = axis.majorTicks[0].label1.get_fontsize()  # (asking the labels would ask us)
        for n in range(6, 0, -1):  # the most ticks whose labels keep an em apart
            self.set_params(nbins=n)
            ticks = [t for t in self.tick_values(vmin, vmax) if vmin - 1e-9 <= t <= vmax + 1e-9]
            if len(ticks) < 2 or vmax <= vmin:
                break
            step_pt = width_pt * (ticks[1] - ticks[0]) / (vmax - vmin)
            if step_pt >= max(text_width_pt(fmt(t, 0), size) for t in ticks) + size:
                break
        return super().__call__()


def count_axis(ax: Axes, label: str, texts: ChartTexts) -> None:
    ax.xaxis.set_major_locator(FittingLocator(integer=True))
    ax.xaxis.set_major_formatter(number_formatter(texts))
    ax.set_xlabel(label)


def amount_axis(ax: Axes, label: str, texts: ChartTexts) -> None:
    ax.xaxis.set_major_locator(FittingLocator())
    ax.xaxis.set_major_formatter(number_formatter(texts))
    ax.set_xlabel(label)


def end_label(ax: Axes, x: float, y: float, text: str, *, size: float) -> Annotation:
    """Value label just right of a bar end; constrained layout makes room for it."""
    return ax.annotate(
        text,
        xy=(x, y),
        xytext=(3, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=size,
        color=INK,
        annotation_clip=False,
    )


def start_at_zero(ax: Axes, top: float) -> None:
    """Bars start at the axis; an all-zero panel still gets a sane range."""
    ax.set_xlim(0, top * 1.02 if top > 0 else 1)
