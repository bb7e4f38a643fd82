"""The strip above a form whose record someone else changed on the team server.

It says who changed the record and when (from the server's change feed). With
unsaved edits in the form it offers Reload (their version, the edits dropped)
or Keep editing (the edits stay; a save then meets the version check and is
refused, saying so, since the record is no longer the one the edits began from).
Without edits the form has already shown their version and the strip only says whose.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLE = (
    "#changedBanner { background: #E8F0FE; border: 1px solid #8AB4F8; }"
    " #changedBanner QLabel { color: #1A3A6B; }"
)


def local_time(at: str) -> str:
    """'2026-12-03T06:41:57.123Z' (the server's UTC stamp) as the desk's local time."""
    if not at:
        return ""
    try:
        when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    today = dt.datetime.now(local.tzinfo).date()
    return local.strftime("%H:%M:%S" if local.date() == today else "%Y-%m-%d %H:%M")


class ChangedBanner(QFrame):
    # The person chose their colleague's version (unsaved edits dropped).
    reloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changedBanner")
        self.setStyleSheet(STYLE)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.text = QLabel(self)
        self.text.setObjectName("changedText")
        self.text.setWordWrap(True)
        lay.addWidget(self.text, 1)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setToolTip(self.tr("Show their version; your unsaved edits are dropped"))
        self.keep_button = QPushButton(self.tr("Keep editing"), self)
        self.keep_button.setObjectName("keepEditingButton")
        self.keep_button.setToolTip(
            self.tr("Keep your edits; saving them is refused while they rest on the old version")
        )
        lay.addWidget(self.reload_button)
        lay.addWidget(self.keep_button)
        self.reload_button.clicked.connect(self._reload)
        self.keep_button.clicked.connect(self.hide)
        # Who and when of the change shown (tests and the form read them).
        self.by = ""
        self.at = ""
        self.hide()

    def say(self, *, by: str, at: str, deleted: bool, edits: bool) -> None:
        """Show what happened; ``edits``: the form holds unsaved edits (then ask)."""
        self.by, self.at = by, at
        who = by or self.tr("someone else")
        when = local_time(at)
        if deleted:
            text = (self.tr("{who} deleted this record at {when}.") if when
                    else self.tr("{who} deleted this record."))  # fmt: skip
        else:
            text = (self.tr("{who} changed this record at {when}.") if when
                    else self.tr("{who} changed this record."))  # fmt: skip
        text = text.format(who=who, when=when)
        if edits:
            text += " " + self.tr(
                "Your edits are kept. Reload shows their version (your edits are dropped); "
                "with Keep editing, saving is refused until you reload."
            )
        else:
            text += " " + self.tr("The form shows their version.")
        self.text.setText(text)
        self.reload_button.setVisible(edits)
        self.keep_button.setVisible(edits)
        self.show()

    def _reload(self) -> None:
        self.hide()
        self.reloadRequested.emit()
