"""Statuses drawn as coloured badges, in the colours the charts use, so a
status reads the same in the table and in the chart beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
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


def text_colour(fill: QColor) -> QColor:
    """Black or white, whichever reads better on the fill (WCAG luminance)."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(fill.redF()) + 0.7152 * lin(fill.greenF()) + 0.0722 * lin(fill.blueF())
    return QColor("white") if (1.05 / (lum + 0.05)) > ((lum + 0.05) / 0.05) else QColor("#1A1A1A")


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the cell's status (code in CODE_ROLE, label in DisplayRole) as a rounded badge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not code:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fill = QColor(STATUS_COLOURS.get(str(code), _UNKNOWN))
        fm = option.fontMetrics
        pad_x, pad_y = 8, 2
        w = min(fm.horizontalAdvance(text) + 2 * pad_x, option.rect.width() - 6)
        h = min(fm.height() + 2 * pad_y, option.rect.height() - 4)
        r = QRectF(option.rect.left() + 4, option.rect.center().y() - h / 2 + 1, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(r, h / 2, h / 2)
        painter.setPen(text_colour(fill))
        painter.drawText(
            r,
            Qt.AlignmentFlag.AlignCenter,
            fm.elidedText(text, Qt.TextElideMode.ElideRight, int(w - 2 * pad_x + 2)),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        s = super().sizeHint(option, index)
        return QSize(s.width() + 24, max(s.height(), option.fontMetrics.height() + 8))
