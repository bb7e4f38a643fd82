"""Statuses drawn as coloured badges, in the colours the charts use, so a
status reads the same in the table and in the chart beside it."""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
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
    status code, each label's width and elided text per font and room, and the
    badge itself — its antialiased rounded fill and centred label, drawn once into
    a transparent pixmap per status, label, size, font and pixel ratio and then
    copied (a third of a jump's paint in the window's table; PRODUCT.md §9, scroll).
    """

    PAD_X = 8
    PAD_Y = 2

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._colours: dict[str, tuple[QColor, QColor]] = {}
        #: (font key, label) -> advance width; (font key, label, room) -> elided label.
        self._widths: dict[tuple[str, str], int] = {}
        self._elided: dict[tuple[str, str, int], str] = {}
        self._badges: dict[tuple[object, ...], QPixmap] = {}
        #: The last fonts seen and their keys (QFont.key() builds a long string: 27 µs).
        self._font_keys: list[tuple[QFont, str]] = []

    def _key_of(self, font: QFont) -> str:
        for known, key in self._font_keys:
            if known == font:
                return key
        key = font.key()
        self._font_keys = [(QFont(font), key), *self._font_keys[:3]]
        return key

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
        font_key = self._key_of(option.font)
        pad_x, pad_y = self.PAD_X, self.PAD_Y
        rect = option.rect
        w = min(self._width(fm, font_key, text) + 2 * pad_x, rect.width() - 6)
        h = min(fm.height() + 2 * pad_y, rect.height() - 4)
        top = rect.center().y() - h / 2 + 1
        label = self._fitted(fm, font_key, text, int(w - 2 * pad_x + 2))
        if w <= 0 or h <= 0:  # no room for a badge: drawn as ever (nothing to keep)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            r = QRectF(rect.left() + 4, top, w, h)
            painter.drawRoundedRect(r, h / 2, h / 2)
            painter.setPen(ink)
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
            painter.restore()
            return
        # Drawn at the same fraction of a pixel as it would be in place, so the copy
        # has exactly the pixels a direct drawing has.
        y0 = math.floor(top)
        font = painter.font()
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        key = (str(code), label, w, h, top - y0, self._key_of(font), dpr,
               int(painter.renderHints().value))  # fmt: skip
        badge = self._badges.get(key)
        if badge is None:
            if len(self._badges) > _CACHE_LIMIT:
                self._badges.clear()
            badge = self._badges[key] = self._draw_badge(painter, font, fill, ink, label, w, h,
                                                         top - y0, dpr)  # fmt: skip
        painter.drawPixmap(rect.left() + 4, y0, badge)

    @staticmethod
    def _draw_badge(painter: QPainter, font: QFont, fill: QColor, ink: QColor, label: str,
                    w: int, h: int, frac: float, dpr: float) -> QPixmap:  # fmt: skip
        pixmap = QPixmap(math.ceil((w + 1) * dpr), math.ceil((h + frac + 1) * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHints(painter.renderHints() | QPainter.RenderHint.Antialiasing)
        p.setFont(font)
        r = QRectF(0, frac, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(r, h / 2, h / 2)
        p.setPen(ink)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
        p.end()
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        s = super().sizeHint(option, index)
        return QSize(s.width() + 24, max(s.height(), option.fontMetrics.height() + 8))
