"""The "Needs attention" view: the worklist with its reason per row, the rules'
settings, a jump to the record and one key (the window's Add update key) to add an update.

The list is computed off the window's thread (a QueryOp on its own read-only
connection) after every change, so a large file never stalls the window.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.validation import ValidationErrors
from tracker.services import attention
from tracker.services.changes import Change
from tracker.store import StoreError
from tracker.ui.context import AppContext
from tracker.ui.operations import QueryOp
from tracker.ui.panes.record_extras import fill_table, list_table, warn
from tracker.ui.widgets.attention_strip import reason_label

#: The window's Add update key (tracker.ui.main_window.ADD_UPDATE_KEY), here on a row.
ADD_UPDATE_KEY = "Ctrl+D"
#: A change waits this long before the list is computed again (several edits, one read).
REFRESH_DELAY_MS = 300


#: At most this many worklist rows are put in the table (see _fill).
MAX_SHOWN = 500


class AttentionPane(QWidget):
    #: (table, record id): the person asked to open this record.
    openRecord = Signal(str, object)
    #: (project id): the person asked to add an update to this project.
    addUpdate = Signal(object)
    #: The worklist was computed (the navigation shows its count).
    computed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attentionPane")
        self.ctx = ctx
        self.worklist: attention.Worklist | None = None
        self.items: list[attention.Item] = []
        self._op: QueryOp[Any] | None = None
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Needs attention"), self)
        f = title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        title.setFont(f)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Reason:"), self))
        self.reason = QComboBox(self)
        self.reason.setObjectName("attentionReason")
        self.reason.addItem(self.tr("All reasons"), "")
        for r in attention.REASONS:
            self.reason.addItem(reason_label(r), r)
        self.reason.currentIndexChanged.connect(lambda _i: self._fill())
        head.addWidget(self.reason)
        lay.addLayout(head)

        rules = QHBoxLayout()
        rules.addWidget(QLabel(self.tr("No update for more than"), self))
        self.stale_days = QSpinBox(self)
        self.stale_days.setObjectName("attentionStaleDays")
        self.stale_days.setRange(1, 3650)
        self.stale_days.setSuffix(" " + self.tr("days"))
        rules.addWidget(self.stale_days)
        rules.addWidget(QLabel(self.tr("· behind plan by more than"), self))
        self.behind_pct = QSpinBox(self)
        self.behind_pct.setObjectName("attentionBehindPct")
        self.behind_pct.setRange(1, 100)
        self.behind_pct.setSuffix(" %")
        rules.addWidget(self.behind_pct)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("attentionApply")
        self.apply_button.setToolTip(
            self.tr("Keep these rules in the database (for everyone who opens it)")
        )
        self.apply_button.clicked.connect(self.apply_rules)
        rules.addWidget(self.apply_button)
        rules.addStretch(1)
        lay.addLayout(rules)

        headers = [self.tr("Reason"), self.tr("Code"), self.tr("Name"), self.tr("Details")]
        t = list_table(self, "attentionTable", headers, self.open_current)
        self.table = t
        lay.addWidget(t, 1)
        foot = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("attentionSummary")
        foot.addWidget(self.summary, 1)
        self.update_button = QPushButton(self.tr("Add update…"), self)
        self.update_button.setObjectName("attentionAddUpdate")
        self.update_button.setToolTip(
            self.tr("Add an update to the selected project ({key})").format(key=ADD_UPDATE_KEY)
        )
        self.update_button.clicked.connect(self.add_update_current)
        foot.addWidget(self.update_button)
        self.open_button = QPushButton(self.tr("Open record"), self)
        self.open_button.setObjectName("attentionOpen")
        self.open_button.clicked.connect(self.open_current)
        foot.addWidget(self.open_button)
        lay.addLayout(foot)
        shortcut = QShortcut(QKeySequence(ADD_UPDATE_KEY), t)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.add_update_current)
        t.itemSelectionChanged.connect(self._update_buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_open)
        ctx.changed.connect(self._on_changed)
        self._load_rules()
        self._update_buttons()

    # ------------------------------------------------------------- computing
    def _load_rules(self) -> None:
        rules = attention.settings(self.ctx.store)
        self.stale_days.setValue(rules.stale_days)
        self.behind_pct.setValue(rules.behind_pct)
        self.apply_button.setEnabled(not self.ctx.read_only)

    def apply_rules(self) -> bool:
        rules = attention.AttentionSettings(self.stale_days.value(), self.behind_pct.value())
        try:
            attention.save_settings(self.ctx.store, rules)
        except (ValidationErrors, StoreError) as exc:
            warn(self, self.tr("Rules not kept"), str(exc))
            return False
        self.refresh()
        # The Projects table's filter and reasons follow the new rules.
        self.ctx.changed.emit(Change(attention.SETTINGS_CHANGE, (), "update"))
        return True

    def refresh(self, *, wait: bool = False) -> None:
        """Compute the worklist again (in the background; ``wait`` for tests and the first count)."""
        today = dt.date.today().isoformat()
        if wait or self.ctx.store.path is None:
            self._done(attention.worklist(self.ctx.store, today=today))
            return

        def work(store: Any, _progress: Any) -> attention.Worklist:
            return attention.worklist(store, today=today).summed()

        self._op = QueryOp(self, self.ctx.store, work, title="attention")
        self._op.success(self._done).failure(lambda _e: None)
        self._op.superseding(("attention", id(self))).run_in_background()

    def _done(self, wl: attention.Worklist) -> None:
        self.worklist = wl
        self._fill()
        self.computed.emit(wl)

    def _on_changed(self, change: Change) -> None:
        if change.table not in attention.NOT_READ and change.table != attention.SETTINGS_CHANGE:
            self._timer.start()

    def _refresh_if_open(self) -> None:
        if not self.ctx.store.closed:
            self.refresh()

    def set_reason(self, reason: str) -> None:
        i = self.reason.findData(reason)
        self.reason.setCurrentIndex(max(i, 0))

    def _fill(self) -> None:
        wl = self.worklist
        wanted = self.reason.currentData() or ""
        matching = [i for i in (wl.items if wl else []) if not wanted or i.reason == wanted]
        # A table widget holds every row it shows: a file where most records need attention
        # (a million never updated) would freeze the window while it filled. The first
        # MAX_SHOWN are listed; the summary says so, and `tracker attention` lists them all.
        self.items = matching[:MAX_SHOWN]
        fill_table(
            self.table, [(reason_label(i.reason), i.code, i.name, i.detail) for i in self.items]
        )
        if wl is not None:
            # Two counts, each with its own plural form (Qt's %n takes one number a string).
            text = self.tr("{items} for {records} as of {date}").format(
                items=self.tr("%n item(s)", "", len(wl.items)),
                records=self.tr("%n record(s)", "", wl.records()), date=wl.as_of)  # fmt: skip
            if len(matching) > MAX_SHOWN:
                loc = QLocale()
                text += " · " + self.tr("the first {shown} of {n} are listed").format(
                    shown=loc.toString(MAX_SHOWN), n=loc.toString(len(matching)))  # fmt: skip
            self.summary.setText(text)
        self._update_buttons()

    # -------------------------------------------------------------- actions
    def current_item(self) -> attention.Item | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)
        self.update_button.setEnabled(item is not None and item.table == "projects"
                                      and not self.ctx.read_only)  # fmt: skip

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.openRecord.emit(item.table, item.record_id)

    def add_update_current(self) -> None:
        item = self.current_item()
        if item is not None and item.table == "projects" and not self.ctx.read_only:
            self.addUpdate.emit(item.record_id)
