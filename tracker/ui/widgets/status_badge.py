"""Statuses drawn as coloured badges, in the colours the charts use, so a
status reads the same in the table and in the chart beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from tracker.ui.models.roles import CODE_ROLE

#: Badge fill per status code (the Okabe–Ito / Tol colours of tracker.charts.style).
STATUS_COLOURS = {
    "pipeline": "#CCCCCC",
    "signed": "#88CCEE",
    "implementation": "#0072B2",
    "completed": "#009E73",
    "suspended": "#E69F00",
    "cancelled": "#CC6677",
    "registered": "#88CCEE",
    "construction": "#E69F00",
    "operating": "#009E73",
    "withdrawn": "#CCCCCC",
    "active": "#009E73",
    "liquidated": "#CCCCCC",
    "joint_venture": "#E69F00",
    "foreign_owned": "#0072B2",
}
_UNKNOWN = "#EEEEEE"
#: Entries kept per delegate cache before it starts again (labels are few; this bounds odd data).
_CACHE_LIMIT = 4096


def text_colour(fill: QColor) -> QColor:
    """Black or white, whichever reads better on the fill (WCAG luminance)."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(fill.redF()) + 0.7152 * lin(fill.greenF()) + 0.0722 * lin(fill.blueF())
    return QColor("white") if (1.05 / (lum + 0.05)) > ((lum + 0.05) / 0.05) else QColor("#1A1A1A")


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the cell's status (code in CODE_ROLE, label in DisplayRole) as a rounded badge.

    A table repaints every visible badge on each scroll step, so what does not
    change between paints is worked out once: the fill and text colours per
    status code, and each label's width and elided text per font and room
    (PRODUCT.md §9, scroll).
    """

    PAD_X = 8
    PAD_Y = 2

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._colours: dict[str, tuple[QColor, QColor]] = {}
        #: (font key, label) -> advance width; (font key, label, room) -> elided label.
        self._widths: dict[tuple[str, str], int] = {}
        self._elided: dict[tuple[str, str, int], str] = {}

    def _colours_of(self, code: str) -> tuple[QColor, QColor]:
        pair = self._colours.get(code)
        if pair is None:
            fill = QColor(STATUS_COLOURS.get(code, _UNKNOWN))
            pair = self._colours[code] = (fill, text_colour(fill))
        return pair

    def _fitted(self, fm: QFontMetrics, font_key: str, text: str, room: int) -> str:
        """``text`` as Qt elides it to ``room`` pixels (unchanged when it fits), asked once."""
        key = (font_key, text, room)
        fitted = self._elided.get(key)
        if fitted is None:
            if len(self._elided) > _CACHE_LIMIT:
                self._elided.clear()
            fitted = self._elided[key] = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        return fitted

    def _width(self, fm: QFontMetrics, font_key: str, text: str) -> int:
        key = (font_key, text)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > _CACHE_LIMIT:
                self._widths.clear()
            w = self._widths[key] = fm.horizontalAdvance(text)
        return w

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if not code:
            super().paint(painter, option, index)
            return
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fill, ink = self._colours_of(str(code))
        fm = option.fontMetrics
        font_key = option.font.key()
        pad_x, pad_y = self.PAD_X, self.PAD_Y
        rect = option.rect
        w = min(self._width(fm, font_key, text) + 2 * pad_x, rect.width() - 6)
        h = min(fm.height() + 2 * pad_y, rect.height() - 4)
        r = QRectF(rect.left() + 4, rect.center().y() - h / 2 + 1, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(r, h / 2, h / 2)
        painter.setPen(ink)
        painter.drawText(
            r,
            Qt.AlignmentFlag.AlignCenter,
            self._fitted(fm, font_key, text, int(w - 2 * pad_x + 2)),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        s = super().sizeHint(option, index)
        return QSize(s.width() + 24, max(s.height(), option.fontMetrics.height() + 8))
