"""Numbers are never shown cut: a number that does not fit the room it has (a narrow
column, or a column half outside the table's right edge) is shown as "…", its whole
value in the tooltip, never as its first digits ("310," for 310,000,000.00)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: What a number that does not fit shows instead.
CUT = "…"
#: Room a cell's text needs beyond its advance (the style's text margins, both sides).
MARGIN = 8


class NumberDelegate(QStyledItemDelegate):
    """A number whole, or :data:`CUT` (the table's tooltip gives the value)."""

    def __init__(self, view: QAbstractItemView, parent: QObject | None = None):
        super().__init__(parent or view)
        self._view = view

    def room(self, option: QStyleOptionViewItem) -> int:
        """Pixels the cell's text can use on screen: its width, less what lies past the
        right edge of the table."""
        rect = option.rect
        visible = self._view.viewport().width() - rect.left()
        return min(rect.width(), visible) - MARGIN

    def shown_text(self, option: QStyleOptionViewItem, index: QModelIndex) -> str:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if text and option.fontMetrics.horizontalAdvance(text) > self.room(option):
            return CUT
        return text

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not text or option.fontMetrics.horizontalAdvance(text) <= self.room(option):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = CUT
        # Left-aligned: in a column half past the edge the right side is not on screen.
        opt.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
