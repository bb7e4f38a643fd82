"""A drop-down of names with check boxes: filter by several statuses, banks or sectors at once.

The first entry ("All statuses") clears the choice. A click on another entry
ticks or unticks it and leaves the list open, so several are chosen in one go;
Space does the same from the keyboard, Enter or Escape closes the list. The
closed box says what is chosen: "All statuses", one name, the names joined, or
"Implementation +2" where they do not fit (all of them in the tooltip).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

VALUE_ROLE = Qt.ItemDataRole.UserRole


class MultiChoiceCombo(QComboBox):
    #: The ticked values changed (once per click, and once per set_values that changes them).
    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(5)
        self._empty = ""
        #: A press landed in the open list: only its release ticks (not the opening click's).
        self._pressed_in_list = False
        self.view().viewport().installEventFilter(self)
        self.view().installEventFilter(self)
        self.currentIndexChanged.connect(self._chosen_by_keyboard)

    # --- what the pane calls ----------------------------------------------------------

    def set_choices(self, choices: Iterable[tuple[Any, str]], *, empty: str) -> None:
        """Replace the entries, keeping those values ticked that are still offered."""
        keep = set(self.values())
        self.blockSignals(True)
        self._model.clear()
        self._empty = empty
        first = QStandardItem(empty)
        first.setData(None, VALUE_ROLE)
        self._model.appendRow(first)
        for value, label in choices:
            item = QStandardItem(label)
            item.setData(value, VALUE_ROLE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in keep else Qt.CheckState.Unchecked)
            self._model.appendRow(item)
        self.setCurrentIndex(0)
        self.blockSignals(False)
        self._update_text()

    def values(self) -> tuple[Any, ...]:
        """The ticked values, in the list's order."""
        return tuple(
            item.data(VALUE_ROLE)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_values(self, values: Iterable[Any]) -> None:
        """Tick exactly ``values``; a value not offered is added (an old code stays visible)."""
        wanted = list(dict.fromkeys(v for v in values if v is not None))
        offered = {item.data(VALUE_ROLE) for item in self._items()}
        for v in wanted:
            if v not in offered:
                item = QStandardItem(str(v))
                item.setData(v, VALUE_ROLE)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                self._model.appendRow(item)
        before = self.values()
        for item in self._items():
            checked = item.data(VALUE_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._update_text()
        if self.values() != before:
            self.valueChanged.emit()

    def summary(self) -> str:
        """What is chosen, in words (the closed box shows as much as fits; the tooltip all)."""
        names = self._checked_names()
        return ", ".join(names) if names else self._empty

    def _checked_names(self) -> list[str]:
        checked = Qt.CheckState.Checked
        return [item.text() for item in self._items() if item.checkState() == checked]

    def shown_text(self, width: int) -> str:
        """The summary as it fits ``width`` pixels: all names, else "Implementation +1"."""
        fm = self.fontMetrics()
        text = self.summary()
        names = self._checked_names()
        if fm.horizontalAdvance(text) > width and len(names) > 1:
            text = f"{names[0]} +{len(names) - 1}"
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def toggle(self, row: int) -> None:
        """Tick or untick entry ``row`` (row 0, the "All" entry, unticks everything)."""
        if row == 0:
            self.set_values(())
            return
        item = self._model.item(row)
        if item is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        self._update_text()
        self.valueChanged.emit()

    # --- internals --------------------------------------------------------------------

    def _items(self) -> list[QStandardItem]:
        return [self._model.item(r) for r in range(1, self._model.rowCount())]

    def _update_text(self) -> None:
        self.setToolTip(self.summary())
        self.setAccessibleName(self.summary())
        self.update()

    def _chosen_by_keyboard(self, row: int) -> None:
        # The list chooses one entry the way a combo does (Enter, or typing a name): that
        # toggles it, and the box goes back to its "All …" entry, which only shows the summary.
        if row <= 0:
            return
        self.blockSignals(True)
        self.setCurrentIndex(0)
        self.blockSignals(False)
        self.toggle(row)

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        # The list opens on the press with "All …" under the pointer; the release of that
        # same click must not pick it (and close the list at once).
        self._pressed_in_list = False
        super().showPopup()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        view = self.view()
        if obj is view.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            self._pressed_in_list = True
        if obj is view.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            if not self._pressed_in_list:
                return True  # the release of the click that opened the list
            self._pressed_in_list = False
            index = view.indexAt(event.position().toPoint())
            if index.isValid():
                self.toggle(index.row())
                if index.row() == 0:
                    self.hidePopup()
                return True  # the list stays open for the next tick
        if (
            obj is view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            index = view.currentIndex()
            if index.isValid():
                self.toggle(index.row())
            return True
        return super().eventFilter(obj, event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        opt.currentText = self.shown_text(max(field.width(), 0))
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
