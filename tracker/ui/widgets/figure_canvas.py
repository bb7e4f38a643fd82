"""A widget that shows one matplotlib Figure at a time.

matplotlib is imported only when the first figure is shown, so opening the
window does not pay for it. Showing a new figure replaces the canvas: the old
one is taken out of the layout before ``deleteLater`` (a canvas deleted while
still laid out can crash Qt at shutdown).
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
        """Show ``figure`` in a new canvas, dropping the old one."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(figure)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumSize(10, 10)
        self.clear()
        self._layout.addWidget(canvas)
        self._canvas = canvas
        canvas.draw_idle()

    def clear(self) -> None:
        old, self._canvas = self._canvas, None
        if old is not None:
            self._layout.removeWidget(old)
            old.hide()
            old.deleteLater()
