"""Status badges are copied from a pixmap drawn once per status, label, size,
font and pixel ratio: the copy has exactly the pixels of drawing the badge in
place (the way it was drawn on every paint before), in every cell geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from tracker.ui.models.lookups import Lookups
from tracker.ui.models.record_model import RecordTableModel
from tracker.ui.models.roles import CODE_ROLE
from tracker.ui.widgets.status_badge import StatusBadgeDelegate


class DirectBadge(StatusBadgeDelegate):
    """The badge drawn in place on every paint (the drawing the pixmaps must equal)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if not code:
            QStyledItemDelegate.paint(self, painter, option, index)
            return
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.widget.style().drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget
        )
        fill, ink = self._colours_of(str(code))
        fm = option.fontMetrics
        rect = option.rect
        w = min(fm.horizontalAdvance(text) + 2 * self.PAD_X, rect.width() - 6)
        h = min(fm.height() + 2 * self.PAD_Y, rect.height() - 4)
        r = QRectF(rect.left() + 4, rect.center().y() - h / 2 + 1, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(r, h / 2, h / 2)
        painter.setPen(ink)
        label = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(w - 2 * self.PAD_X + 2))
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


@pytest.fixture
def table(qtbot, demo_store):
    model = RecordTableModel(demo_store, "projects", Lookups(demo_store))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    col = [f.name for f in model.fields].index("status")
    codes = {}
    for r in range(model.rowCount()):
        codes.setdefault(model.index(r, col).data(CODE_ROLE), model.index(r, col))
    assert len(codes) >= 3
    return view, list(codes.values())


def _paint(view, delegate, index, rect, *, dpr=1.0, selected=False, font=None):
    img = QImage(int((rect.right() + 10) * dpr), int((rect.bottom() + 10) * dpr),
                 QImage.Format.Format_ARGB32_Premultiplied)  # fmt: skip
    img.setDevicePixelRatio(dpr)
    img.fill(QColor("#F4F1E8"))
    opt = QStyleOptionViewItem()
    view.initViewItemOption(opt)
    opt.rect = rect
    if font is not None:
        opt.font = font
        opt.fontMetrics = QFontMetrics(font)
    if selected:
        opt.state |= QStyle.StateFlag.State_Selected
    p = QPainter(img)
    p.setFont(opt.font)
    delegate.paint(p, opt, index)
    p.end()
    return img


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_a_copied_badge_has_the_pixels_of_one_drawn_in_place(table, dpr):
    view, indexes = table
    cached, direct = StatusBadgeDelegate(view), DirectBadge(view)
    big = QFont(view.font())
    big.setPointSize(big.pointSize() + 3)
    cases = [
        (QRect(0, 0, 130, 28), {}),
        (QRect(3, 5, 130, 27), {}),
        (QRect(3, 5, 130, 21), {}),  # a short row: an odd badge height, half a pixel down
        (QRect(0, 0, 52, 24), {}),  # narrow: the label is elided
        (QRect(10, 2, 140, 30), {"selected": True}),
        (QRect(0, 0, 150, 33), {"font": big}),
        (QRect(0, 0, 8, 9), {}),  # no room for a badge at all
    ]
    for index in indexes:
        for rect, kw in cases:
            first = _paint(view, cached, index, rect, dpr=dpr, **kw)
            assert first == _paint(view, direct, index, rect, dpr=dpr, **kw), (
                index.data(),
                rect,
                kw,
            )
            assert _paint(view, cached, index, rect, dpr=dpr, **kw) == first  # from the cache
    assert cached._badges  # the pixmaps were made and reused


def test_each_status_label_size_and_font_has_its_own_pixmap(table):
    view, indexes = table
    delegate = StatusBadgeDelegate(view)
    for index in indexes:
        _paint(view, delegate, index, QRect(0, 0, 130, 28))
        _paint(view, delegate, index, QRect(0, 0, 130, 28))
    assert len(delegate._badges) == len(indexes)
    _paint(view, delegate, indexes[0], QRect(0, 0, 130, 21))  # odd height, half a pixel down
    _paint(view, delegate, indexes[0], QRect(0, 0, 40, 28))  # another width (elided)
    assert len(delegate._badges) == len(indexes) + 2
