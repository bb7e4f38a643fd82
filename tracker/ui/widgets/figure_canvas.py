"""A widget that shows one matplotlib Figure at a time.

matplotlib is imported only when the first figure is shown, so opening the
window does not pay for it. A new figure is shown on the canvas already in
place: a canvas keeps its Agg renderer, and matplotlib caches text metrics per
renderer, so after the first chart the tick labels, titles and legends of the
next one are measured from that cache instead of laid out by FreeType again
(about a third of a chart refresh after a filter change, PRODUCT.md §9). It
also spares creating, laying out and showing a new Qt widget per change.
:meth:`FigureHost.clear` takes the canvas out of the layout before
``deleteLater`` (a canvas deleted while still laid out can crash Qt at shutdown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

#: Size used to build a figure before the widget has been laid out.
DEFAULT_SIZE_IN = (8.0, 4.5)
SCREEN_DPI = 100.0


class FigureHost(QWidget):
    def __init__(self, parent: QWidget | None = None, *, min_width: int = 160,
                 min_height: int = 120):  # fmt: skip
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._canvas: FigureCanvasQTAgg | None = None
        self.setMinimumSize(min_width, min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def figure(self) -> Figure | None:
        return self._canvas.figure if self._canvas is not None else None

    def canvas(self) -> FigureCanvasQTAgg | None:
        return self._canvas

    def size_inches(self) -> tuple[float, float]:
        """The size a figure should be built at to fill this widget (at screen dpi)."""
        w, h = self.width(), self.height()
        if w < 100 or h < 80:
            return DEFAULT_SIZE_IN
        return w / SCREEN_DPI, h / SCREEN_DPI

    def set_figure(self, figure: Figure) -> None:
        """Show ``figure``: on the canvas in place, or on a new one for the first figure."""
        canvas = self._canvas
        if canvas is None:
            canvas = _canvas_class()(figure)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            canvas.setMinimumSize(10, 10)
            self._layout.addWidget(canvas)
            self._canvas = canvas
        elif canvas.figure is not figure:
            _swap_figure(canvas, figure)
        redraw_soon(canvas)

    def clear(self) -> None:
        old, self._canvas = self._canvas, None
        if old is not None:
            self._layout.removeWidget(old)
            old.hide()
            old.deleteLater()


def redraw_soon(canvas: FigureCanvasQTAgg) -> None:
    """``draw_idle()`` that always queues a draw.

    matplotlib's QtAgg ``print_figure`` (any ``savefig`` of the shown figure: Print
    chart, a PNG/SVG copy) marks a draw pending without queueing one, for a paint
    event that may never come; every later ``draw_idle()`` then did nothing and the
    chart stopped following the table. The flag is cleared first so the draw is queued.
    """
    canvas._draw_pending = False
    canvas.draw_idle()


def _swap_figure(canvas: FigureCanvasQTAgg, figure: Figure) -> None:
    """Put ``figure`` on ``canvas`` as the canvas's constructor would, sized to the widget.

    The figure was built at :meth:`FigureHost.size_inches` (logical pixels at
    screen dpi); like a resize event, it takes the canvas's size in physical
    pixels at the device pixel ratio, so it draws exactly as on a new canvas.
    """
    old = canvas.figure
    figure._original_dpi = getattr(figure, "_original_dpi", figure.dpi)
    figure.set_canvas(canvas)
    canvas.figure = figure
    canvas.mouse_grabber = None
    ratio = canvas.device_pixel_ratio
    if ratio != 1:
        figure._set_dpi(ratio * figure._original_dpi, forward=False)
    w, h = canvas.width() * ratio, canvas.height() * ratio
    figure.set_size_inches(w / figure.dpi, h / figure.dpi, forward=False)
    if old is not None and old is not figure:
        # The old figure must not keep drawing on (or being asked about by) this canvas.
        from matplotlib.backend_bases import FigureCanvasBase

        FigureCanvasBase(old)


_CANVAS_CLASS: type | None = None


def _canvas_class() -> type:
    """``FigureCanvasQTAgg`` drawing labels through one shared text-image cache.

    Built on first use so that importing this module does not load matplotlib.
    The cache outlives resizes (a new renderer per size) and is shared by every
    chart on screen, so a label drawn once is stamped, not rasterised, again.
    """
    global _CANVAS_CLASS
    if _CANVAS_CLASS is None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from tracker.charts.text_images import CachingRendererAgg, TextImageCache

        shared = TextImageCache()

        class CachingFigureCanvas(FigureCanvasQTAgg):
            text_images = shared

            def get_renderer(self):  # noqa: ANN202 - matplotlib override
                w, h = self.get_width_height(physical=True)
                key = w, h, self.figure.dpi
                if self._lastKey != key:
                    self.renderer = CachingRendererAgg(w, h, self.figure.dpi, self.text_images)
                    self._lastKey = key
                return self.renderer

        _CANVAS_CLASS = CachingFigureCanvas
    return _CANVAS_CLASS
