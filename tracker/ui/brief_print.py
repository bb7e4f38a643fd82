"""Print preview of project briefs: one page each, painted from the same matplotlib
page the PDF of ``tracker brief`` holds (as vectors, through SVG)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPagedPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from tracker.services.progress import Progress
from tracker.ui.context import AppContext
from tracker.ui.i18n import current_language
from tracker.ui.operations import QueryOp
from tracker.ui.printing import preview
from tracker.ui.report import finish_pdf_file, svg_renderer

T = TypeVar("T")


def brief_svgs(store: Any, project_ids: Sequence[Any], *, currency: str, as_of: str,
               language: str, progress: Progress | None = None) -> list[bytes]:  # fmt: skip
    """Each project's page as SVG (vectors for the printer); run by a worker (QueryOp)."""
    from tracker.charts import figure_to_svg_bytes
    from tracker.charts.brief import build_brief
    from tracker.services import brief

    pages = brief.pages_of(store, project_ids=project_ids, currency=currency, as_of=as_of,
                           language=language, progress=progress)  # fmt: skip
    return [figure_to_svg_bytes(build_brief(page)) for page in pages]


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
    shown: Callable[[QPrintPreviewDialog], Any] | None = None,
) -> QueryOp[list[bytes]]:  # fmt: skip
    """Draw the briefs in the background (a page a step, with Cancel on the window's
    progress panel), then open their print preview (handed to ``shown``)."""
    ids = list(project_ids)
    currency, as_of, language = ctx.currency, ctx.as_of, current_language()
    codes = [(ctx.store.get("projects", pid) or {}).get("code", "") for pid in ids]
    title = QCoreApplication.translate("Brief", "Project brief") + ": " + ", ".join(codes)

    def work(store: Any, progress: Progress) -> list[bytes]:
        return brief_svgs(store, ids, currency=currency, as_of=as_of, language=language,
                          progress=progress)  # fmt: skip

    def show(svgs: list[bytes]) -> None:
        dialog = preview(parent, lambda device: paint_pages(device, svgs, title=title,
                                                            author=ctx.user),
                         title=title, name="briefPreview", orientation="portrait",
                         pdf_name=pdf_name)  # fmt: skip
        if shown is not None:
            shown(dialog)

    return run_briefs(parent, ctx, work, show)


def run_briefs(parent: QWidget | None, ctx: AppContext, work: Callable[[Any, Progress], T],
               done: Callable[[T], Any]) -> QueryOp[T]:  # fmt: skip
    """Brief pages made on a worker, shown on the window's progress panel with Cancel."""
    op: QueryOp[T] = QueryOp(parent, ctx.store, work,
                             title=QCoreApplication.translate("Brief", "Project briefs"), long=True)  # fmt: skip
    op.success(done)
    panel = getattr(parent.window(), "progress_panel", None) if parent is not None else None
    return op.with_progress(panel, cancellable=True).run_in_background()
