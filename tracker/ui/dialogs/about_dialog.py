"""Help › About and Help › Keyboard shortcuts: one dialog with two tabs.

The shortcut list is read from the window's own actions, so it can never
disagree with what the keys really do (and it shows them in the user's
language and the platform's key names)."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.ui.resources import app_icon

#: Shortcuts of widgets that are not actions (the table, the search field, the forms).
EXTRA_SHORTCUTS = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("AboutDialog", "Go to the search field")),
    ("Return", QT_TRANSLATE_NOOP("AboutDialog", "In the update round: next row")),
    ("Tab", QT_TRANSLATE_NOOP("AboutDialog", "Next field in the form")),
    ("Esc", QT_TRANSLATE_NOOP("AboutDialog", "Close a dialog without saving")),
    ("F1", QT_TRANSLATE_NOOP("AboutDialog", "This help")),
)


def action_shortcuts(window: QWidget | None) -> list[tuple[str, str]]:
    """(action text without '&', shortcut in native text) for every action with a key."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    if window is None:
        return rows
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys or not action.text():
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip(".…")
        keys_text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        if (text, keys_text) in seen:
            continue
        seen.add((text, keys_text))
        rows.append((text, keys_text))
    rows.sort(key=lambda r: r[0].lower())
    return rows


class AboutDialog(QDialog):
    """What the program is, its version and licence, and the keyboard shortcuts."""

    ABOUT, SHORTCUTS = 0, 1

    def __init__(self, parent: QWidget | None = None, *, tab: int = 0):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Investment Tracker"))
        self.tabs = QTabWidget(objectName="aboutTabs")
        self.tabs.addTab(self._about_page(), self.tr("About"))
        self.shortcuts = self._shortcuts_table(parent)
        self.tabs.addTab(self.shortcuts, self.tr("Keyboard shortcuts"))
        self.tabs.setCurrentIndex(tab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(560, 440)

    def _about_page(self) -> QWidget:
        from tracker.paths import data_dir

        page = QWidget()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            "<h2>{name}</h2><p>{version}</p>".format(
                name=self.tr("Investment Tracker"),
                version=self.tr("Version {version}").format(version=__version__),
            ),
            objectName="aboutTitle",
        )
        text = QLabel(objectName="aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setText(
            "<p>{what}</p><p>{where}<br><code>{folder}</code></p><p>{licence}</p><p>{built}</p>".format(
                what=self.tr(
                    "Follow foreign investment: bank-financed projects, industrial-park residents "
                    "and companies with foreign capital, in one local SQLite file that works offline."
                ),
                where=self.tr("Your databases and backups are kept in:"),
                folder=data_dir(),
                licence=self.tr("Free software under the MIT licence."),
                built=self.tr("Python {python}, Qt {qt}, PySide6 {pyside} on {system}").format(
                    python=platform.python_version(),
                    qt=qVersion(),
                    pyside=pyside_version,
                    system=sys.platform,
                ),
            )
        )
        row = QHBoxLayout(page)
        row.addWidget(icon)
        col = QVBoxLayout()
        col.addWidget(title)
        col.addWidget(text)
        col.addStretch(1)
        row.addLayout(col, 1)
        return page

    def _shortcuts_table(self, window: QWidget | None) -> QTableWidget:
        rows = action_shortcuts(window)
        rows += [
            (QCoreApplication.translate("AboutDialog", what), QKeySequence(keys).toString(
                QKeySequence.SequenceFormat.NativeText))
            for keys, what in EXTRA_SHORTCUTS
        ]  # fmt: skip
        table = QTableWidget(len(rows), 2, objectName="shortcutTable")
        table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for r, (what, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(what))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return table
