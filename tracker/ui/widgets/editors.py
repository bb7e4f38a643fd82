"""Typed editors for the form pane: money with its currency, a date that may
be empty, and combos that show names while holding codes or ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from tracker.domain.money import format_amount, from_minor
from tracker.ui.i18n import date_format

#: How a field's error is shown beside it (forms and dialogs).
ERROR_STYLE = "color: #C00000;"

#: The date a DateEdit shows as empty: the earliest QDateEdit allows, so that real old
#: dates (the fx table's USD base rate is dated 1900-01-01) are shown, not blanked.
_EMPTY_DATE = QDate(100, 1, 1)


def money_text(minor: int | None) -> str:
    """Minor units as the editor shows them: locale separators, two decimals."""
    if minor is None:
        return ""
    loc = QLocale()
    return format_amount(from_minor(minor), group=loc.groupSeparator(), point=loc.decimalPoint())


class MoneyEdit(QLineEdit):
    """An amount typed as text (parsed on save by domain.money.parse_money), with the
    record's currency shown inside the box on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._currency = QLabel(self)
        self._currency.setObjectName("currencySuffix")
        self._currency.setStyleSheet("color: palette(mid); padding-right: 6px;")
        self._currency.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_currency("")

    def set_currency(self, code: str) -> None:
        self._currency.setText(code or "")
        self._currency.adjustSize()
        self.setTextMargins(0, 0, self._currency.width() + 2, 0)
        self._place()

    def currency(self) -> str:
        return self._currency.text()

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        lbl = self._currency
        lbl.move(self.width() - lbl.width() - 2, (self.height() - lbl.height()) // 2)


class DateEdit(QDateEdit):
    """A date with a calendar popup that may also be empty (shown as “—”; Delete clears it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())  # the window's language: 27.11.2026 in Russian
        self.setMinimumDate(_EMPTY_DATE)
        self.setSpecialValueText("—")
        self.setDate(_EMPTY_DATE)
        self.setToolTip(self.tr("Delete or Backspace clears the date."))

    def value(self) -> str | None:
        d = self.date()
        return None if d == _EMPTY_DATE else d.toString("yyyy-MM-dd")

    def set_value(self, iso: str | None) -> None:
        if not iso:
            self.setDate(_EMPTY_DATE)
            return
        d = QDate.fromString(str(iso)[:10], "yyyy-MM-dd")
        self.setDate(d if d.isValid() else _EMPTY_DATE)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt override
        # One Tab stop: Tab goes to the next field (QDateEdit steps day → month → year, and an
        # empty date kept the focus for good). The arrow keys still move between its parts.
        return QWidget.focusNextPrevChild(self, next)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.value() is None:
            # The calendar of an empty date opens at this month, not in the year 100.
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.value() is None or self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(_EMPTY_DATE)
            return
        if self.value() is None and event.text().isdigit():
            # Typing into an empty date starts from today rather than from 1900.
            self.setDate(QDate.currentDate())
        super().keyPressEvent(event)


class ChoiceCombo(QComboBox):
    """Shows names, holds values (codes or ids). Editable combos (currencies) hold their text."""

    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None, *, editable: bool = False):
        super().__init__(parent)
        self.setEditable(editable)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(5)
        self.currentIndexChanged.connect(self.valueChanged)
        if editable:
            self.editTextChanged.connect(self.valueChanged)
            self.lineEdit().setPlaceholderText(self.tr("Choose…"))
        else:
            self.setPlaceholderText(self.tr("Choose…"))  # shown while nothing is chosen

    def set_choices(self, choices: Iterable[tuple[Any, str]], *, empty: str | None = None) -> None:
        """Replace the items, keeping the current value when it is still there."""
        keep = self.value()
        self.blockSignals(True)
        self.clear()
        if empty is not None:
            self.addItem(empty, None)
        for value, label in choices:
            self.addItem(label, value)
        self.blockSignals(False)
        self.set_value(keep)

    def value(self) -> Any:
        if self.isEditable():
            text = self.currentText().strip()
            i = self.findText(text)
            data = self.itemData(i) if i >= 0 else None
            return data if data is not None else (text or None)
        return self.currentData()

    def set_value(self, value: Any) -> None:
        i = self.findData(value) if value is not None else (self.findData(None))
        if i < 0 and value is not None:
            # A value outside the list (an old code, a new currency): show it rather than lose it.
            self.addItem(str(value), value)
            i = self.count() - 1
        if self.isEditable():
            self.setEditText(self.itemText(i) if i >= 0 else "")
        # Nothing chosen stays empty ("Choose…"), never the first entry: a new record saved
        # with only a name must not get Afghanistan as its country.
        self.setCurrentIndex(i)
