"""The portfolio report, painted with QPainter on any paged device.

What the report says is a plain document built in the services
(:func:`tracker.services.report_document.build_document`: title, facts, key
figures, charts, tables whose columns come from each kind's field list); this
module only lays it out and paints it. One paint routine
(:meth:`Report.paint`) serves the print preview, the
printer and PDF files (``QPdfWriter``), so what is previewed is what is
printed and exported. It lays the whole report out first (so every page
knows the page count for "Page N of M"), then paints page by page:

- a title page: title, as-of date, database name, the filter used, who
  generated it and when, and the key figures;
- the charts, as vectors (matplotlib SVG drawn by ``QSvgRenderer``, its text
  kept as text so it can be searched and copied), at the page's width so their
  text keeps its size;
- tables of projects, residents and ventures that fit the page width
  (wrapping name columns, shrinking the font when needed) and continue on
  the next pages with their header repeated;
- a header and a footer with "Page N of M" on every page.

Sizes are in points and converted to the device's pixels, so portrait,
landscape, a 1200 dpi printer and a PDF all give the same layout. A PDF file
(``QPdfWriter`` or "Print to PDF") is finished by
:func:`tracker.services.pdf_text.finish_pdf`: its text layer gives the real
characters, and it carries the title, author and language.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from tracker.domain.filters import Filter
from tracker.services import chart_data, report_document
from tracker.services.changes import current_user
from tracker.services.pdf_text import finish_pdf
from tracker.services.report_document import Column, Table

if TYPE_CHECKING:
    from tracker.store import Store

#: The charts a report shows, in this order (all of them).
REPORT_CHARTS: tuple[str, ...] = chart_data.CHART_NAMES

#: Fonts in order of preference; Qt falls back through fontconfig for other scripts.
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Arial", "Microsoft YaHei"]

MARGIN_MM = 15.0
PDF_DPI = 150
"""Resolution of PDF files and printers: text and lines stay vectors at any value, but Qt
rasterises the charts' hatch patterns at it (300 dpi doubled the time and size)."""
TITLE_PT = 22.0
HEADING_PT = 13.0
BODY_PT = 9.5
TABLE_PT = 8.0
MIN_TABLE_PT = 6.0
SMALL_PT = 7.5
CHART_ASPECT = 0.56
"""Chart height as a share of its width (a little taller than 16:9)."""

INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
RULE = QColor("#9aa0a6")
HEADER_FILL = QColor("#e3e6ea")
ZEBRA = QColor("#f4f5f7")

Op = Callable[[QPainter], None]


#: What a line never breaks inside: a run of non-space text, except that CJK breaks anywhere.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_UNBREAKABLE = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")

_EMPTY_GLYPH = re.compile(rb'<path id="([^"]+)"(?: transform="[^"]*")?/>')
_FONT_FAMILY = re.compile(rb"font-family:[^;\"]*")
#: The one family a chart's SVG text asks for: an alias of :data:`FONT_FAMILIES` (QtSvg
#: takes a single family name, and Qt's own fallback would pick the JP face for Chinese).
SVG_FAMILY = "Investment Tracker Report"


def svg_renderer(svg: bytes) -> QSvgRenderer:
    """A renderer for a matplotlib SVG.

    matplotlib defines the space glyph as a path without data; QSvgRenderer
    rejects it ("Invalid path data", "link … is undefined" on every use) and
    a PDF would get broken path operators, so such glyphs and their uses are
    dropped (they draw nothing anyway).

    Text keeps matplotlib's position and size but takes the report's fonts:
    matplotlib knows only the first face of a CJK collection (Noto Sans CJK
    JP); Qt would shape Chinese with that face's localized glyphs, which have
    no code point of their own, and the PDF's text layer would lose them.
    """
    if not QFont.substitutes(SVG_FAMILY):
        QFont.insertSubstitutions(SVG_FAMILY, FONT_FAMILIES)
    svg = _FONT_FAMILY.sub(f"font-family: '{SVG_FAMILY}'".encode(), svg)
    for glyph in set(_EMPTY_GLYPH.findall(svg)):
        svg = re.sub(rb'<use xlink:href="#' + re.escape(glyph) + rb'"[^>]*/>', b"", svg)
    return QSvgRenderer(QByteArray(_EMPTY_GLYPH.sub(b"", svg)))


def font(size_pt: float, *, bold: bool = False) -> QFont:
    """The report's font, ligatures off: a PDF's text layer maps a ligature glyph to
    U+FB01 "ﬁ", and a search for "financing" would not find "ﬁnancing"."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPointSizeF(size_pt)
    f.setBold(bold)
    if hasattr(f, "setFeature"):  # Qt >= 6.7
        for tag in ("liga", "clig", "dlig"):
            f.setFeature(QFont.Tag.fromString(tag), 0)
    return f


# --- layout machinery ---------------------------------------------------------------


@dataclass
class _Page:
    ops: list[Op] = field(default_factory=list)


class _Flow:
    """Places blocks top to bottom and starts a new page when one does not fit."""

    def __init__(self, top: float, bottom: float):
        self.top, self.bottom = top, bottom
        self.pages: list[_Page] = [_Page()]
        self.y = top

    @property
    def left(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.y = self.top

    def at_top(self) -> bool:
        return self.y <= self.top + 0.5

    def need(self, height: float) -> None:
        if height > self.left and not self.at_top():
            self.new_page()

    def place(self, height: float, draw: Callable[[QPainter, float], None]) -> None:
        y = self.y
        self.pages[-1].ops.append(lambda p: draw(p, y))
        self.y += height

    def skip(self, height: float) -> None:
        self.y = min(self.y + height, self.bottom)


class Report:
    """The report of one database, filter and reporting currency, for any paged device."""

    def __init__(
        self,
        store: Store,
        *,
        kind: str = "projects",
        flt: Filter | None = None,
        currency: str = "USD",
        as_of: str | None = None,
        user: str | None = None,
        today: dt.date | None = None,
        generated_at: dt.datetime | None = None,
        charts: Sequence[str] | None = None,
    ):
        self.store = store
        self.today = today or dt.date.today()
        self.content = report_document.build_document(
            store,
            kind=kind,
            flt=flt or Filter(),
            currency=currency.upper(),
            as_of=as_of or self.today.isoformat(),
            user=user or current_user(),
            generated_at=generated_at or dt.datetime.now().astimezone(),
            lang=QtLanguage(),
            charts=charts,
        )
        self._svg: dict[tuple[str, int, int], bytes] = {}
        self.page_count = 0

    # -- painting ------------------------------------------------------------------

    def paint(self, device: QPagedPaintDevice) -> int:
        """Lay out for the device's page and paint every page; returns the page count."""
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(
                QCoreApplication.translate(
                    "Report", "The printer or PDF file could not be opened for painting."
                )
            )
        try:
            pages, width, height = self.layout(device)
            total = len(pages)
            for n, page in enumerate(pages, start=1):
                if n > 1:
                    device.newPage()
                self._frame(painter, n, total, width, height, device)
                for op in page.ops:
                    painter.save()
                    op(painter)
                    painter.restore()
        finally:
            painter.end()
        self.page_count = total
        finish_pdf_file(device, title=self.title(), author=self.content.user)
        return total

    def title(self) -> str:
        """The document's title (PDF metadata, print job name)."""
        return self.content.title

    def layout(self, device: QPagedPaintDevice) -> tuple[list[_Page], float, float]:
        """The pages (lists of drawing steps) for this device's page size and resolution."""
        dpi = float(device.logicalDpiY())
        rect = device.pageLayout().paintRectPixels(int(round(device.logicalDpiX())))
        width, height = float(rect.width()), float(rect.height())
        lay = _Layout(self, device, dpi, width, height)
        return lay.run(), width, height

    def _frame(
        self,
        painter: QPainter,
        n: int,
        total: int,
        width: float,
        height: float,
        device: QPagedPaintDevice,
    ) -> None:
        """Header and footer of page ``n``."""
        c = self.content
        dpi = float(device.logicalDpiY())
        small = font(SMALL_PT)
        fm = QFontMetricsF(small, device)
        line = fm.height()
        painter.save()
        painter.setFont(small)
        painter.setPen(MUTED)
        head = QRectF(0, 0, width, line)
        left = c.title
        right = QCoreApplication.translate("Report", "as of {date}").format(date=c.as_of)
        painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         fm.elidedText(left, Qt.TextElideMode.ElideMiddle, width * 0.7))  # fmt: skip
        painter.drawText(
            head, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right
        )
        pen = QPen(RULE)
        pen.setWidthF(0.6 * dpi / 72)
        painter.setPen(pen)
        painter.drawLine(QPointF(0, line + 2 * dpi / 72), QPointF(width, line + 2 * dpi / 72))
        foot_y = height - line
        painter.drawLine(QPointF(0, foot_y - 3 * dpi / 72), QPointF(width, foot_y - 3 * dpi / 72))
        painter.setPen(MUTED)
        foot = QRectF(0, foot_y, width, line)
        generated = QCoreApplication.translate("Report", "Generated {at} by {user}").format(
            at=c.generated_at.strftime("%Y-%m-%d %H:%M"), user=c.user
        )
        painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         fm.elidedText(generated, Qt.TextElideMode.ElideRight, width * 0.7))  # fmt: skip
        page = QCoreApplication.translate("Report", "Page {n} of {total}").format(n=n, total=total)
        painter.drawText(
            foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), page
        )
        painter.restore()

    def chart_context(self, chart: str, flt: Filter) -> str:
        """A chart's subtitle in the report's language: its filter and the as-of date."""
        kind = chart_data.KIND_OF_CHART[chart]
        described = describe_filter(self.store, kind, flt)
        as_of = QCoreApplication.translate("Report", "as of {date}").format(date=self.content.as_of)
        return f"{described} · {as_of}"

    def chart_svg(self, chart: str, flt: Filter, width_in: float, height_in: float) -> bytes:
        """A chart as SVG at the size it is drawn (cached per size: preview repaints often)."""
        key = (chart, round(width_in * 100), round(height_in * 100))
        if key not in self._svg:
            from tracker.charts import figure_to_svg_bytes
            from tracker.ui import i18n
            from tracker.ui.i18n import chart_title

            fig = chart_data.build_figure(
                self.store, chart, flt=flt, currency=self.content.currency,
                as_of=self.content.as_of, today=self.today, width_in=width_in,
                height_in=height_in, texts=i18n.chart_texts(), lang=i18n.current_language(),
                titles={chart: chart_title(chart)}, context=self.chart_context(chart, flt),
            )  # fmt: skip
            self._svg[key] = figure_to_svg_bytes(fig)
        return self._svg[key]


class _Layout:
    """One layout pass: turns the report content into pages of drawing steps."""

    def __init__(self, report: Report, device: QPagedPaintDevice, dpi: float, width: float,
                 height: float):  # fmt: skip
        self.report = report
        self.c = report.content
        self.device = device
        self.dpi = dpi
        self.width = width
        self.height = height
        small = QFontMetricsF(font(SMALL_PT), device).height()
        self.flow = _Flow(top=small + self.pt(12), bottom=height - small - self.pt(10))

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0

    def run(self) -> list[_Page]:
        self.title_page()
        self.charts()
        for table in self.c.tables:
            self.flow.new_page()
            self.table(table)
        pages = self.flow.pages
        while len(pages) > 1 and not pages[-1].ops:
            pages.pop()
        return pages

    # -- blocks ----------------------------------------------------------------------

    def text(self, text: str, size: float, *, bold: bool = False, color: QColor = INK,
             gap_after: float = 4.0, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
             x: float = 0.0, width: float | None = None) -> None:  # fmt: skip
        """A paragraph that wraps at the page width."""
        f = font(size, bold=bold)
        w = (width if width is not None else self.width) - x
        flags = int(align | Qt.TextFlag.TextWordWrap)
        h = QFontMetricsF(f, self.device).boundingRect(QRectF(0, 0, w, 1e7), flags, text).height()
        self.flow.need(h)

        def draw(p: QPainter, y: float) -> None:
            p.setFont(f)
            p.setPen(color)
            p.drawText(QRectF(x, y, w, h + 2), flags, text)

        self.flow.place(h, draw)
        self.flow.skip(self.pt(gap_after))

    def rule(self, gap: float = 6.0) -> None:
        width = self.width

        def draw(p: QPainter, y: float) -> None:
            pen = QPen(RULE)
            pen.setWidthF(self.pt(0.8))
            p.setPen(pen)
            p.drawLine(QPointF(0, y), QPointF(width, y))

        self.flow.place(self.pt(gap), draw)

    def title_page(self) -> None:
        c = self.c
        self.flow.skip(self.pt(40))
        self.text(
            QCoreApplication.translate("Report", "Portfolio report"),
            TITLE_PT,
            bold=True,
            gap_after=6,
        )
        self.text(c.subtitle, HEADING_PT, color=MUTED, gap_after=14)
        self.rule(10)
        self.pairs(c.facts, BODY_PT)
        self.flow.skip(self.pt(14))
        self.text(
            QCoreApplication.translate("Report", "Key figures"), HEADING_PT, bold=True, gap_after=6
        )
        self.pairs(c.figures, BODY_PT + 0.5, value_bold=True)
        for w in c.warnings:
            self.flow.skip(self.pt(4))
            self.text(w, BODY_PT - 0.5, color=QColor("#a50e0e"))

    def pairs(
        self, pairs: Sequence[tuple[str, str]], size: float, *, value_bold: bool = False
    ) -> None:
        """Label: value lines, labels in a column sized to the longest label."""
        label_font = font(size)
        value_font = font(size, bold=value_bold)
        lfm = QFontMetricsF(label_font, self.device)
        vfm = QFontMetricsF(value_font, self.device)
        label_w = min(
            max(lfm.horizontalAdvance(k) for k, _ in pairs) + self.pt(14), self.width * 0.4
        )
        value_w = self.width - label_w
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        for key, value in pairs:
            h = max(
                lfm.boundingRect(QRectF(0, 0, label_w - self.pt(8), 1e7), flags, key).height(),
                vfm.boundingRect(QRectF(0, 0, value_w, 1e7), flags, value).height(),
            )
            self.flow.need(h)

            def draw(
                p: QPainter, y: float, key: str = key, value: str = value, h: float = h
            ) -> None:
                p.setPen(MUTED)
                p.setFont(label_font)
                p.drawText(QRectF(0, y, label_w - self.pt(8), h + 2), flags, key)
                p.setPen(INK)
                p.setFont(value_font)
                p.drawText(QRectF(label_w, y, value_w, h + 2), flags, value)

            self.flow.place(h + self.pt(3), draw)

    def charts(self) -> None:
        if not self.c.charts:
            return
        self.flow.new_page()
        self.text(
            QCoreApplication.translate("Report", "Charts"), HEADING_PT, bold=True, gap_after=8
        )
        width_in = self.width / self.dpi
        gap = self.pt(14)
        room = self.flow.bottom - self.flow.top
        height = min(self.width * CHART_ASPECT, room)
        if room / 2 - gap >= self.width * 0.42:  # two charts a page when they stay readable
            height = min(height, room / 2 - gap)
        height_in = height / self.dpi
        for chart, flt in self.c.charts:
            self.flow.need(height)
            svg = self.report.chart_svg(chart, flt, width_in, height_in)
            w = self.width

            def draw(
                p: QPainter, y: float, svg: bytes = svg, w: float = w, h: float = height
            ) -> None:
                svg_renderer(svg).render(p, QRectF(0, y, w, h))

            self.flow.place(height, draw)
            self.flow.skip(gap)

    # -- tables --------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        """A table that fits the page width and repeats its header on every page."""
        size, widths = self.fit_columns(table)
        f = font(size)
        hf = font(size, bold=True)
        fm = QFontMetricsF(f, self.device)
        hfm = QFontMetricsF(hf, self.device)
        pad = self.pt(3)
        wrap = int(Qt.TextFlag.TextWordWrap)
        header_h = (
            max(
                hfm.boundingRect(QRectF(0, 0, w - 2 * pad, 1e7), wrap, col.title).height()
                for col, w in zip(table.columns, widths, strict=True)
            )
            + 2 * pad
        )
        title_h = QFontMetricsF(font(HEADING_PT, bold=True), self.device).height()
        xs = list(itertools.accumulate([0.0, *widths]))

        def heading(continued: bool) -> None:
            text = table.title
            if continued:
                text = QCoreApplication.translate("Report", "{table} (continued)").format(
                    table=table.title
                )
            self.text(text, HEADING_PT, bold=True, gap_after=6)

            def draw(p: QPainter, y: float) -> None:
                p.fillRect(QRectF(0, y, xs[-1], header_h), HEADER_FILL)
                p.setFont(hf)
                p.setPen(INK)
                for col, x, w in zip(table.columns, xs[:-1], widths, strict=True):
                    flags = int(
                        _align(col) | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
                    )
                    p.drawText(QRectF(x + pad, y + pad, w - 2 * pad, header_h - 2 * pad), flags,
                               col.title)  # fmt: skip

            self.flow.place(header_h, draw)

        self.flow.need(title_h + header_h + fm.height() * 3)
        heading(continued=False)
        for i, cells in enumerate(table.rows):
            texts, h = self.row_cells(table.columns, cells, widths, fm, pad)
            if h > self.flow.left:
                self.flow.new_page()
                heading(continued=True)
            shade = i % 2 == 1

            def draw(p: QPainter, y: float, texts: list[str] = texts, h: float = h,
                     shade: bool = shade) -> None:  # fmt: skip
                if shade:
                    p.fillRect(QRectF(0, y, xs[-1], h), ZEBRA)
                p.setFont(f)
                p.setPen(INK)
                for col, x, w, t in zip(table.columns, xs[:-1], widths, texts, strict=True):
                    flags = int(_align(col) | Qt.AlignmentFlag.AlignTop)
                    if col.wrap:
                        flags |= int(Qt.TextFlag.TextWordWrap)
                    p.drawText(QRectF(x + pad, y + pad, w - 2 * pad, h - 2 * pad + 1), flags, t)

            self.flow.place(h, draw)
        if not table.rows:
            self.text(QCoreApplication.translate("Report", "No records."), BODY_PT, color=MUTED)
        if table.note:
            self.flow.skip(self.pt(6))
            self.text(table.note, SMALL_PT + 0.5, color=MUTED)

    def row_cells(self, columns: Sequence[Column], cells: Sequence[str], widths: Sequence[float],
                  fm: QFontMetricsF, pad: float) -> tuple[list[str], float]:  # fmt: skip
        """Cell texts as drawn (long single-line cells elided) and the row's height."""
        h = fm.height()
        out = []
        for col, w, text in zip(columns, widths, cells, strict=True):
            inner = w - 2 * pad
            if col.wrap:
                r = fm.boundingRect(QRectF(0, 0, inner, 1e7), int(Qt.TextFlag.TextWordWrap), text)
                h = max(h, r.height())
                out.append(text)
            else:
                out.append(fm.elidedText(text, Qt.TextElideMode.ElideRight, inner))
        return out, h + 2 * pad

    def fit_columns(self, table: Table) -> tuple[float, list[float]]:
        """Font size and column widths that fit the page width.

        Single-line columns get their natural width. Wrapping columns share the
        rest: each first gets its longest word (a word is never cut), then the
        remainder in proportion to how much more they would like. When even the
        longest words do not fit, the font shrinks (down to ``MIN_TABLE_PT``);
        what still does not fit then is elided or clipped.
        """
        pad = self.pt(3) * 2
        size = TABLE_PT
        wrapping = [i for i, col in enumerate(table.columns) if col.wrap]
        while True:
            fm = QFontMetricsF(font(size), self.device)
            hfm = QFontMetricsF(font(size, bold=True), self.device)
            natural, word = [], []
            for i, col in enumerate(table.columns):
                head = max(hfm.horizontalAdvance(w) for w in col.title.split() or [col.title])
                cells = max((fm.horizontalAdvance(r[i]) for r in table.rows), default=0.0)
                natural.append(max(head, cells) + pad)
                longest = head
                if col.wrap:
                    longest = max([head, *(fm.horizontalAdvance(w) for r in table.rows
                                           for w in _UNBREAKABLE.findall(r[i]))])  # fmt: skip
                word.append(min(longest + pad, natural[-1]))
            fixed = sum(n for n, col in zip(natural, table.columns, strict=True) if not col.wrap)
            floor = sum(max(word[i], min(natural[i], self.pt(60))) for i in wrapping)
            if fixed + floor <= self.width or size <= MIN_TABLE_PT:
                break
            size = max(MIN_TABLE_PT, size - 0.5)
        widths = list(natural)
        rest = self.width - fixed
        if not wrapping:
            scale = min(1.0, self.width / max(fixed, 1.0))
            return size, [w * scale for w in widths]
        want = sum(natural[i] for i in wrapping)
        if want <= rest:
            extra = rest - want  # wider name columns read better than a ragged right edge
            for i in wrapping:
                widths[i] = natural[i] + extra * natural[i] / want
            return size, widths
        base = sum(word[i] for i in wrapping)
        more = sum(natural[i] - word[i] for i in wrapping) or 1.0
        spare = max(rest - base, 0.0)
        for i in wrapping:
            widths[i] = word[i] + spare * (natural[i] - word[i]) / more
        total = sum(widths)
        if total > self.width:
            widths = [w * self.width / total for w in widths]
        return size, widths


# --- content ----------------------------------------------------------------------------


def format_number(value: Decimal | int | float, places: int = 0) -> str:
    """Exact digits (no float rounding) with the locale's separators; English ones for C."""
    loc = QLocale()
    group, point = ",", "."
    if loc.language() != QLocale.Language.C:
        group, point = loc.groupSeparator(), loc.decimalPoint()
    text = f"{Decimal(str(value)):,.{places}f}"
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


def _align(col: Column) -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignRight if col.align == "right" else Qt.AlignmentFlag.AlignLeft


class QtLanguage:
    """The report's words in the interface language (context "Report", the window's labels
    and the locale's number separators)."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("Report", text)

    def kind_label(self, kind: str) -> str:
        from tracker.ui.i18n import kind_label

        return kind_label(kind)

    def field_label(self, kind: str, field: str) -> str:
        from tracker.ui.i18n import field_label

        return field_label(kind, field)

    def code_label(self, code: str) -> str:
        from tracker.ui.i18n import code_label

        return code_label(code)

    def name(self, row: Any) -> str:
        from tracker.ui.i18n import label_for

        return label_for(row)

    def number(self, value: Decimal | int | float, places: int = 0) -> str:
        return format_number(value, places)


def describe_filter(store: Store, kind: str, flt: Filter, *, with_kind: bool = True) -> str:
    """The filter in words in the interface language ("Projects: Status: …")."""
    return report_document.describe_filter(store, kind, flt, lang=QtLanguage(),
                                           with_kind=with_kind)  # fmt: skip


# --- PDF ----------------------------------------------------------------------------------

_APP: Any = None


def ensure_gui_app() -> None:
    """Painting text and SVG needs a QGuiApplication: make an offscreen one when headless."""
    global _APP
    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _APP = QApplication([])


def page_layout(orientation: str = "portrait") -> QPageLayout:
    """A4 with 15 mm margins, portrait or landscape."""
    if orientation not in ("portrait", "landscape"):
        raise ValueError(f"orientation must be portrait or landscape, not {orientation!r}")
    o = (
        QPageLayout.Orientation.Landscape
        if orientation == "landscape"
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), o,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)  # fmt: skip


def write_report_pdf(*, store: Store, out: Path, flt: Filter, currency: str, as_of: str | None,
                     orientation: str = "portrait", kind: str = "projects",
                     user: str | None = None, charts: Sequence[str] | None = None) -> Path:  # fmt: skip
    """Write the report as a PDF file (``tracker export --format pdf``), headless if need be.

    ``flt`` narrows the records of ``kind``; the other kinds are reported whole.
    ``charts`` picks charts by name (default: every chart).
    """
    ensure_gui_app()
    return _write_pdf(store=store, out=Path(out), flt=flt, currency=currency, as_of=as_of,
                      orientation=orientation, kind=kind, user=user, charts=charts)  # fmt: skip


def _write_pdf(*, store: Store, out: Path, flt: Filter, currency: str, as_of: str | None,
               orientation: str, kind: str, user: str | None,
               charts: Sequence[str] | None) -> Path:  # fmt: skip
    layout = page_layout(orientation)
    out = Path(out)
    report = Report(store, kind=kind, flt=flt, currency=currency, as_of=as_of, user=user,
                    charts=charts)  # fmt: skip
    writer = QPdfWriter(str(out))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout)
    writer.setTitle(report.title())
    writer.setAuthor(report.content.user)
    writer.setCreator("Investment Tracker")
    report.paint(writer)
    del writer  # closes the file
    finish_pdf(out, title=report.title(), author=report.content.user, language=pdf_language())
    return out


def pdf_language() -> str:
    """The PDF's language tag: the interface's language, in which the report is written."""
    from tracker.ui import i18n

    return {"zh": "zh-Hans"}.get(i18n.current_language(), i18n.current_language() or "en")


def finish_pdf_file(device: QPagedPaintDevice, *, title: str, author: str) -> None:
    """Finish the PDF a printer set to "Print to PDF" has just written (after ``end()``)."""
    from PySide6.QtPrintSupport import QPrinter

    if not isinstance(device, QPrinter):
        return  # a QPdfWriter's file is complete only once the writer is gone
    name = device.outputFileName()
    if device.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
        return
    if Path(name).is_file():
        finish_pdf(name, title=title, author=author, language=pdf_language())


__all__ = [
    "Column",
    "Report",
    "Table",
    "describe_filter",
    "ensure_gui_app",
    "page_layout",
    "svg_renderer",
    "write_report_pdf",
]
