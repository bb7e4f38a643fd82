"""The dashboard's line of what needs attention: a count per reason, each a link to
the worklist showing that reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tracker.services import attention


def reason_label(reason: str) -> str:
    """A worklist reason in the window's language."""
    return QCoreApplication.translate("Attention", attention.REASON_LABELS[reason])


class AttentionStrip(QWidget):
    #: A reason's count was clicked ("" for the whole list).
    reasonClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attentionStrip")
        self.counts: dict[str, int] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QPushButton(self.tr("Needs attention"), self)
        self.title.setObjectName("attentionStripTitle")
        self.title.setFlat(True)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.title.clicked.connect(lambda: self.reasonClicked.emit(""))
        lay.addWidget(self.title)
        self.buttons: dict[str, QPushButton] = {}
        for r in attention.REASONS:
            b = QPushButton(self)
            b.setObjectName(f"attention_{r}")
            b.setFlat(True)
            b.setStyleSheet("QPushButton { color: #8A3B00; text-decoration: underline; }")
            b.clicked.connect(lambda _=False, r=r: self.reasonClicked.emit(r))
            b.hide()
            self.buttons[r] = b
            lay.addWidget(b)
        self.none = QLabel("…", self)
        self.none.setObjectName("attentionStripNone")
        lay.addWidget(self.none)
        lay.addStretch(1)

    def show_worklist(self, wl: Any) -> None:
        self.counts = wl.counts()
        for r, b in self.buttons.items():
            n = self.counts.get(r, 0)
            b.setText(f"{reason_label(r)}: {n}")
            b.setVisible(n > 0)
        self.none.setText(self.tr("nothing at the moment"))
        self.none.setVisible(not any(self.counts.values()))
        self.setVisible(True)

    def showEvent(self, event: QShowEvent) -> None:
        attach = getattr(self.window(), "attach_attention_strip", None)
        if attach is not None:  # the main window wires it to the worklist view
            attach(self)
        super().showEvent(event)
