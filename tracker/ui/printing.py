"""Print chart and Print report: a print preview around one paint routine.

``QPrintPreviewDialog.paintRequested`` is connected to the same routine that
prints and writes PDF (:meth:`tracker.ui.report.Report.paint` for the report,
:func:`paint_chart` for a chart), so the preview is exactly what comes out.
The preview's own toolbar switches portrait/landscape; the routine lays the
pages out again for the printer's page each time it is asked to paint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPagedPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from tracker.domain.filters import Filter
from tracker.ui.report import (
    MUTED,
    PDF_DPI,
    SMALL_PT,
    Report,
    finish_pdf_file,
    font,
    page_layout,
    svg_renderer,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from tracker.ui.context import AppContext

Paint = Callable[[QPagedPaintDevice], object]
# for_page(width_in, height_in): the chart built for that size (None: no chart).
ForPage = Callable[[float, float], "Figure | None"]


def open_dialog(dialog: QPrintPreviewDialog) -> None:
    """Seam for tests: show the preview window-modal without blocking (never exec())."""
    dialog.open()


def new_printer(orientation: str = "portrait") -> QPrinter:
    """An A4 printer with the report's margins; vectors stay vectors at any resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PDF_DPI)
    printer.setPageLayout(page_layout(orientation))
    return printer


def suggested_pdf(ctx: AppContext, stem: str) -> Path:
    """Where "Print to PDF" offers to write: the export folder of Settings, else beside the
    database, as ``report-2026-12-02.pdf`` (``-2``, ``-3``, … when that name is taken)."""
    from tracker.ui.dialogs.export_dialog import unique_path
    from tracker.ui.settings import Settings

    folder = Settings().export_dir or ctx.folder
    return unique_path(Path(folder), f"{stem}-{ctx.as_of}", ".pdf")


def preview(parent: QWidget | None, paint: Paint, *, title: str, name: str, orientation: str,
            pdf_name: Path | None = None) -> QPrintPreviewDialog:  # fmt: skip
    """A print preview whose every paint request (preview, print, PDF) runs ``paint``.

    ``pdf_name`` is the file "Print to PDF" suggests (Qt's own default is the home folder).
    """
    printer = new_printer(orientation)
    if pdf_name is not None:
        printer.setDocName(pdf_name.stem)
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:  # no printer: PDF it is
            printer.setOutputFileName(str(pdf_name))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.printer_ = printer  # the dialog does not own it: keep it alive as long as the dialog
    dialog.paint_routine = paint  # the one routine, for tests and callers that want a PDF
    dialog.paintRequested.connect(paint)
    open_dialog(dialog)
    return dialog


def paint_chart(device: QPagedPaintDevice, svg: bytes | None, *, caption: str = "",
                title: str = "", author: str = "",
                for_page: ForPage | None = None) -> int:  # fmt: skip
    """One chart on one page: as large as fits, its aspect kept, a caption under it.

    With ``for_page(width_in, height_in)`` the chart is built anew for the page's
    printable area (less the caption), so it fills the page and its names are
    shortened for the page's width, not the pane's; else ``svg`` (the figure on screen)
    is scaled to fit. "Print to PDF" gets a searchable text layer and
    ``title``/``author`` as metadata.
    """
    pages = _paint_chart(device, svg, caption, for_page)
    finish_pdf_file(device, title=title or caption, author=author)
    return pages


def _paint_chart(device: QPagedPaintDevice, svg: bytes | None, caption: str,
                 for_page: ForPage | None) -> int:  # fmt: skip
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(
            QCoreApplication.translate("Printing", "The printer could not be opened for painting.")
        )
    try:
        dpi = float(device.logicalDpiX())
        rect = device.pageLayout().paintRectPixels(int(round(dpi)))
        width, height = float(rect.width()), float(rect.height())
        small = font(SMALL_PT)
        line = QFontMetricsF(small, device).height() if caption else 0.0
        room_h = height - (line * 1.8 if caption else 0.0)
        if for_page is not None:
            from tracker.charts import figure_to_svg_bytes

            figure = for_page(width / dpi, room_h / dpi)
            if figure is not None:
                svg = figure_to_svg_bytes(figure)
        if svg is None:
            return 0
        renderer = svg_renderer(svg)
        size = renderer.defaultSize()
        scale = min(width / max(size.width(), 1), room_h / max(size.height(), 1))
        w, h = size.width() * scale, size.height() * scale
        renderer.render(painter, QRectF((width - w) / 2, 0, w, h))
        if caption:
            painter.setFont(small)
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, h + line * 0.6, width, line),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                             caption)  # fmt: skip
    finally:
        painter.end()
    return 1


def chart_caption(ctx: AppContext) -> str:
    """Where a printed chart comes from: database, as-of date, when and by whom."""
    return QCoreApplication.translate(
        "Printing", "{db} · as of {date} · printed {at} by {user}"
    ).format(
        db=ctx.store.name,
        date=ctx.as_of,
        at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        user=ctx.user,
    )


def print_chart(ctx: AppContext, parent: QWidget | None, figure: Figure,
                for_page: ForPage | None = None) -> QPrintPreviewDialog:  # fmt: skip
    """Preview and print the chart on screen, as vectors, landscape to start with; with
    ``for_page`` built anew for the page (see :func:`paint_chart`)."""
    from tracker.charts import figure_to_svg_bytes

    svg = figure_to_svg_bytes(figure)
    if hasattr(figure.canvas, "_draw_pending"):  # a canvas on screen (QtAgg)
        from tracker.ui.widgets.figure_canvas import redraw_soon

        redraw_soon(figure.canvas)  # printing must not change what the pane does next
    caption = chart_caption(ctx)
    title = " ".join(figure.get_suptitle().split())  # the chart builders' title
    return preview(
        parent,
        lambda device: paint_chart(
            device, svg, caption=caption, title=title, author=ctx.user, for_page=for_page
        ),
        title=QCoreApplication.translate("Printing", "Print chart"),
        name="printChartPreview",
        orientation="landscape",
        pdf_name=suggested_pdf(ctx, "chart"),
    )


def print_report(
    ctx: AppContext, parent: QWidget | None, *, kind: str, flt: Filter
) -> QPrintPreviewDialog:
    """Preview and print the portfolio report for what the window shows."""
    report = Report(
        ctx.store,
        kind=kind or "projects",
        flt=flt,
        currency=ctx.currency,
        as_of=ctx.as_of,
        user=ctx.user,
    )
    dialog = preview(
        parent,
        report.paint,
        title=QCoreApplication.translate("Printing", "Print report"),
        name="printReportPreview",
        orientation="portrait",
        pdf_name=suggested_pdf(ctx, "report"),
    )
    dialog.report = report
    return dialog
