"""Print preview of project briefs: one page each, painted from the same matplotlib
page the PDF of ``tracker brief`` holds (as vectors, through SVG)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPagedPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from tracker.ui.context import AppContext
from tracker.ui.i18n import current_language
from tracker.ui.printing import preview
from tracker.ui.report import finish_pdf_file, svg_renderer


def brief_svgs(ctx: AppContext, project_ids: Sequence[Any]) -> list[bytes]:
    from tracker.charts import figure_to_svg_bytes
    from tracker.charts.brief import build_brief
    from tracker.services import brief

    return [
        figure_to_svg_bytes(build_brief(brief.brief_data(
            ctx.store, project_id=pid, currency=ctx.currency, as_of=ctx.as_of,
            language=current_language())))
        for pid in project_ids
    ]  # fmt: skip


def paint_pages(
    device: QPagedPaintDevice, svgs: Sequence[bytes], *, title: str, author: str
) -> int:
    """Each SVG on a page of its own, as large as the page allows, its aspect kept."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Printing",
                                                 "The printer could not be opened for painting."))  # fmt: skip
    try:
        dpi = float(device.logicalDpiX())
        rect = device.pageLayout().paintRectPixels(int(round(dpi)))
        width, height = float(rect.width()), float(rect.height())
        for i, svg in enumerate(svgs):
            if i:
                device.newPage()
            renderer = svg_renderer(svg)
            size = renderer.defaultSize()
            scale = min(width / max(size.width(), 1), height / max(size.height(), 1))
            w, h = size.width() * scale, size.height() * scale
            renderer.render(painter, QRectF((width - w) / 2, 0, w, h))
    finally:
        painter.end()
    finish_pdf_file(device, title=title, author=author)
    return len(svgs)


def print_briefs(
    ctx: AppContext, parent: QWidget | None, project_ids: Sequence[Any], *,
    pdf_name: Path | None = None,
) -> QPrintPreviewDialog:  # fmt: skip
    svgs = brief_svgs(ctx, project_ids)
    codes = [(ctx.store.get("projects", pid) or {}).get("code", "") for pid in project_ids]
    title = QCoreApplication.translate("Brief", "Project brief") + ": " + ", ".join(codes)
    return preview(parent, lambda device: paint_pages(device, svgs, title=title, author=ctx.user),
                   title=title, name="briefPreview", orientation="portrait",
                   pdf_name=pdf_name)  # fmt: skip
