"""The main window: navigation, one page per kind of record (table, form and
chart panes), the dashboard, menus and actions, and the remembered layout."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import MAIN_KINDS, REFERENCE_KINDS, kind_of
from tracker.domain.filters import Filter
from tracker.services import maintenance
from tracker.services.changes import Change
from tracker.store import StoreError, backups, media
from tracker.ui import operations, resources
from tracker.ui.context import AppContext
from tracker.ui.models.lookups import Lookups
from tracker.ui.panes.form_pane import FormPane
from tracker.ui.panes.table_pane import TablePane

#: Navigation entries, in order: (view name, label).
VIEWS = ("dashboard", "projects", "residents", "ventures", "reference", "attention", "audit")
#: Charts start after the first paint; at the latest this long after the window is shown.
START_FALLBACK_MS = 1000
#: The integrity check waits this long after the first paint (the first charts come first).
INTEGRITY_DELAY_MS = 1000
# Shortcuts no focused editor keeps for itself on any platform: on Linux a text field
# deletes the line on Ctrl+U and moves to its end on Ctrl+E (tested under X11).
ADD_UPDATE_KEY = "Ctrl+D"
EXPORT_KEY = "Ctrl+Shift+E"
REFERENCE_ORDER = ("banks", "countries", "sectors", "regions", "zones", "fx_rates")


def ask_damaged(parent: QWidget | None, title: str, text: str) -> bool:
    """Seam: the integrity check found damage; True opens the Backups dialog."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.warning(parent, title, text, buttons, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Seam: a message the person must see (tests monkeypatch this)."""
    QMessageBox.warning(parent, title, text)


def settings() -> QSettings:
    """Where the layout is remembered: the program's settings file (tracker.ui.settings),
    read at call time so a test pointing the config folder elsewhere never touches the real one."""
    from tracker.ui.settings import Settings

    return Settings().qsettings()


class RecordPage(QWidget):
    """Table, form and (for the main kinds) chart of one kind of record."""

    def __init__(self, ctx: AppContext, kind: str, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind_of(kind).name
        self.setObjectName(f"page_{self.kind}")
        self.table = TablePane(ctx, self.kind, lookups, self)
        self.form = FormPane(ctx, self.kind, lookups, self)
        self.chart: Any = None
        self.charts_started = False
        self._splitters_restored = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"splitter_{self.kind}")
        self.splitter.setChildrenCollapsible(False)
        if self.kind in MAIN_KINDS:
            from tracker.ui.panes.chart_pane import ChartPane

            self.left = QSplitter(Qt.Orientation.Vertical, self.splitter)
            self.left.setObjectName(f"leftSplitter_{self.kind}")
            self.left.setChildrenCollapsible(False)
            self.left.addWidget(self.table)
            self.chart = ChartPane(ctx, self.left)
            self.left.addWidget(self.chart)
            self.left.setStretchFactor(0, 1)
            self.left.setStretchFactor(1, 1)
            self.left.setSizes([410, 350])
            self.splitter.addWidget(self.left)
        else:
            self.left = None
            self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([800, 380])
        lay.addWidget(self.splitter)
        self.table.currentChanged.connect(self._on_current)
        self.table.filterChanged.connect(lambda _flt: self.update_chart())
        self.form.saved.connect(self._on_saved)

    def start_charts(self) -> None:
        """Give the chart pane its first view (after the window is on screen: matplotlib loads then)."""
        self.charts_started = True
        self.update_chart()

    def update_chart(self) -> None:
        if self.chart is not None and self.charts_started:
            self.chart.set_view(kind=self.kind, flt=self.table.model.flt, selected_id=self.form.pk)

    def _on_current(self, pk: Any) -> None:
        if pk == self.form.pk and not self.form.is_new:
            return
        if not self.form.maybe_leave():
            # Stay on the record with unsaved edits (saying so if the table now hides it).
            if not self.table.select_id(self.form.pk) and self.form.pk is not None:
                self.form.say_hidden()
            return
        self.form.load(pk)
        self.update_chart()

    def _on_saved(self, pk: Any) -> None:
        if self.table.current_id() != pk:
            self.table.select_id(pk)
        self.update_chart()

    def select(self, pk: Any) -> bool:
        """Select a record as a click in the table would."""
        return self.table.select_id(pk, notify=True)

    def save_state(self, s: QSettings) -> None:
        s.setValue(f"splitter/{self.kind}", self.splitter.saveState())
        if self.left is not None:
            s.setValue(f"splitter/{self.kind}/left", self.left.saveState())
        if self.form.splitter is not None:
            s.setValue(f"splitter/{self.kind}/form", self.form.splitter.saveState())
        kept = {
            k: v for k, v in self.table.model.flt.to_dict().items() if k != "ids"
        }  # worklist: live
        s.setValue(f"filter/{self.kind}", kept)
        if self.chart is not None and self.chart.current_chart():
            s.setValue(f"chart/{self.kind}", self.chart.current_chart())
        s.setValue(f"columns/{self.kind}/hidden", ",".join(self.table.hidden_columns()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            # Splitter sizes are restored once the page has its real size, else they scale.
            self._splitters_restored = True
            s = settings()
            for key, split in ((f"splitter/{self.kind}", self.splitter),
                               (f"splitter/{self.kind}/left", self.left),
                               (f"splitter/{self.kind}/form", self.form.splitter)):  # fmt: skip
                v = s.value(key)
                if split is not None and isinstance(v, QByteArray):
                    split.restoreState(v)

    def restore_state(self, s: QSettings) -> None:
        """The saved filter and hidden columns (splitters follow when the page is first shown)."""
        hidden = s.value(f"columns/{self.kind}/hidden")
        if isinstance(hidden, str):
            hidden = hidden.split(",")
        if isinstance(hidden, list) and any(hidden):
            self.table.set_hidden_columns([str(h) for h in hidden])
        chart = s.value(f"chart/{self.kind}")
        if self.chart is not None and isinstance(chart, str) and chart:
            self.chart.remember(self.kind, chart)  # the chart chosen last time for this view
        saved = s.value(f"filter/{self.kind}")
        if isinstance(saved, dict) and saved:
            with contextlib.suppress(TypeError, ValueError):
                self.table.set_filter(Filter.from_dict(saved))


class ReferencePage(QWidget):
    """Banks, countries, sectors, regions, zones and fx rates, each with the same table and form."""

    def __init__(self, ctx: AppContext, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page_reference")
        self.ctx = ctx
        self.lookups = lookups
        self.pages: dict[str, RecordPage] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 0)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Reference table:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("referenceKind")
        label.setBuddy(self.combo)
        for name in REFERENCE_ORDER:
            self.combo.addItem(
                QCoreApplication.translate("Kind", REFERENCE_KINDS[name].label), name
            )
        top.addWidget(label)
        top.addWidget(self.combo)
        top.addStretch(1)
        lay.addLayout(top)
        self.stack = QStackedWidget(self)
        lay.addWidget(self.stack, 1)
        self.combo.currentIndexChanged.connect(self._on_combo)
        self._shown = ""
        self.show_kind(REFERENCE_ORDER[0])

    def current(self) -> RecordPage:
        return self.pages[self._shown]

    def page(self, kind: str) -> RecordPage:
        if kind not in self.pages:
            p = RecordPage(self.ctx, kind, self.lookups, self.stack)
            w = self.window()
            if hasattr(w, "update_actions"):
                p.form.stateChanged.connect(w.update_actions)
            self.stack.addWidget(p)
            self.pages[kind] = p
            p.restore_state(settings())
        return self.pages[kind]

    def show_kind(self, kind: str) -> bool:
        if self._shown and self._shown != kind and not self.current().form.maybe_leave():
            self._sync_combo()
            return False
        self.stack.setCurrentWidget(self.page(kind))
        self._shown = kind
        self._sync_combo()
        return True

    def _sync_combo(self) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self._shown)))
        self.combo.blockSignals(False)

    def _on_combo(self, _i: int) -> None:
        self.show_kind(self.combo.currentData())
        w = self.window()
        if hasattr(w, "update_actions"):
            w.update_actions()


class MainWindow(QMainWindow):
    #: The navigation's views, in order (tracker.ui.keeping_views finds its own by name).
    VIEWS = VIEWS

    #: The window now works on another Store (the file was reopened after a restore).
    storeReplaced = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, view: str | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.ctx = ctx
        ctx.setParent(self)
        self.lookups = Lookups(ctx.store)
        self.pages: dict[str, QWidget] = {}
        self.dialogs: dict[str, Any] = {}
        self._started = False
        self._view = ""
        #: Set by the --smoke run, which must leave the person's settings alone.
        self.skip_settings = False
        #: The background integrity check after the first paint (off for the --smoke run).
        self.check_on_open = True
        self.integrity: Any = None
        self.integrity_problems: list[str] = []
        #: Stored values breaking the rules, table -> pk -> column -> why (start-up check).
        self.broken_values: dict[str, dict] = {}
        self.setWindowTitle(self._title())
        self.resize(1280, 800)

        central = QWidget(self)
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        self.navigation = QListWidget(self.main_splitter)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Views"))
        labels = {"dashboard": self.tr("Dashboard"), "projects": self.tr("Projects"),
                  "residents": self.tr("Residents"), "ventures": self.tr("Joint ventures"),
                  "reference": self.tr("Reference data"), "attention": self.tr("Needs attention"),
                  "audit": self.tr("Audit log")}  # fmt: skip
        icons = {"dashboard": "dashboard", "projects": "projects", "residents": "residents",
                 "ventures": "ventures", "reference": "reference", "attention": "attention",
                 "audit": "audit"}  # fmt: skip
        self._attention_label = labels["attention"]
        for name in VIEWS:
            self.navigation.addItem(labels[name])
            self.navigation.item(self.navigation.count() - 1).setIcon(resources.icon(icons[name]))
        fm = self.navigation.fontMetrics()
        self.navigation.setMinimumWidth(max(fm.horizontalAdvance(t) for t in labels.values()) + 56)
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget(self.main_splitter)
        for _ in VIEWS:
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when first shown
        self.main_splitter.addWidget(self.navigation)
        self.main_splitter.addWidget(self.stack)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([self.navigation.minimumWidth() + 10, 1100])
        lay.addWidget(self.main_splitter)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_menus()
        self._make_status_bar()
        ctx.undo_stack.cleanChanged.connect(lambda _c: self.update_actions())
        ctx.undo_stack.indexChanged.connect(lambda _i: self.update_actions())
        self._undo_index = ctx.undo_stack.index()
        ctx.undo_stack.indexChanged.connect(self._say_what_was_done)
        ctx.changed.connect(self._on_changed)
        # On a team server: others' saves reach this window (LISTEN/NOTIFY), see ui/team.py.
        self.team = None
        if getattr(ctx.store, "backend", "sqlite") == "postgresql":
            from tracker.ui.team import TeamFollower

            self.team = TeamFollower(ctx, self.status_network, parent=self)
        self.navigation.currentRowChanged.connect(self._on_navigation)
        self._restore(view)

    # ------------------------------------------------------------ structure
    def _title(self) -> str:
        t = self.tr("Investment Tracker — {file}").format(file=self.ctx.store.name)
        if self.ctx.read_only:
            t += " " + self.tr("[read-only]")
        return t

    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None, *,
                edits: bool = False, tip: str = "", icon: str = "") -> QAction:  # fmt: skip
        a = QAction(text, self)
        a.setObjectName(name)
        if icon:
            a.setIcon(resources.icon(icon))
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                a.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        a.setProperty("edits", edits)
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.actionNew = self._action("actionNew", self.tr("&New record"), self.new_record,
                                      K.New, edits=True, icon="new")  # fmt: skip
        self.actionSave = self._action("actionSave", self.tr("&Save"), self.save_record, K.Save,
                                       edits=True, icon="save")  # fmt: skip
        self.actionRevert = self._action("actionRevert", self.tr("&Revert"), self.revert_record,
                                         edits=True, icon="revert")  # fmt: skip
        self.actionDelete = self._action("actionDelete", self.tr("&Delete record…"),
                                         self.delete_record, edits=True, icon="delete")  # fmt: skip
        self.actionAddUpdate = self._action("actionAddUpdate", self.tr("Add &update…"),
                                            self.add_update, ADD_UPDATE_KEY, edits=True, icon="add-update")  # fmt: skip
        self.actionUpdateRound = self._action("actionUpdateRound", self.tr("Update &round…"),
                                              self.open_update_round, "Ctrl+R", edits=True)  # fmt: skip
        self.actionImport = self._action("actionImport", self.tr("&Import…"), self.open_import,
                                         "Ctrl+I", edits=True, icon="import")  # fmt: skip
        self.actionExport = self._action("actionExport", self.tr("&Export snapshot…"),
                                         self.open_export, EXPORT_KEY, icon="export")  # fmt: skip
        self.actionCompare = self._action("actionCompare", self.tr("&Compare with snapshot…"),
                                          self.open_compare)  # fmt: skip
        self.actionPrintChart = self._action("actionPrintChart", self.tr("Print &chart…"),
                                             self.print_chart, K.Print, icon="print")  # fmt: skip
        self.actionPrintReport = self._action("actionPrintReport", self.tr("Print re&port…"),
                                              self.print_report, "Ctrl+Shift+P")  # fmt: skip
        self.actionPrintBrief = self._action("actionPrintBrief", self.tr("Print brie&f…"),
                                             self.print_brief, icon="print",
                                             tip=self.tr("The selected projects' one-page briefs, "
                                                         "a page each"))  # fmt: skip
        self.actionBriefPdf = self._action("actionBriefPdf", self.tr("Brief as P&DF…"),
                                           self.save_brief_pdf,
                                           tip=self.tr("The selected projects' briefs in one PDF, "
                                                       "a page each"))  # fmt: skip
        self.actionBackups = self._action("actionBackups", self.tr("&Backups…"), self.open_backups)
        self.actionRepair = self._action("actionRepair", self.tr("&Repair database…"),
                                         self.repair_database)  # fmt: skip
        self.actionSettings = self._action("actionSettings", self.tr("Se&ttings…"),
                                           self.open_settings, K.Preferences, icon="settings")  # fmt: skip
        self.actionQuit = self._action("actionQuit", self.tr("&Quit"), self.close, K.Quit)
        self.actionFind = self._action(
            "actionFind", self.tr("&Find"), self.find, K.Find, icon="search"
        )
        self.actionAbout = self._action("actionAbout", self.tr("&About Investment Tracker"),
                                        self.show_about, icon="help")  # fmt: skip
        stack = self.ctx.undo_stack
        self.actionUndo = stack.createUndoAction(self, self.tr("&Undo"))
        self.actionUndo.setObjectName("actionUndo")
        self.actionUndo.setShortcuts([QKeySequence(K.Undo)])
        self.actionUndo.setIcon(resources.icon("undo"))
        self.actionRedo = stack.createRedoAction(self, self.tr("&Redo"))
        self.actionRedo.setObjectName("actionRedo")
        self.actionRedo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.actionRedo.setIcon(resources.icon("redo"))
        self.addAction(self.actionUndo)
        self.addAction(self.actionRedo)
        self.view_actions: list[QAction] = []
        names = {"dashboard": self.tr("&Dashboard"), "projects": self.tr("&Projects"),
                 "residents": self.tr("&Residents"), "ventures": self.tr("&Joint ventures"),
                 "reference": self.tr("Reference &data"), "attention": self.tr("Needs &attention"),
                 "audit": self.tr("Audit &log")}  # fmt: skip
        for i, v in enumerate(VIEWS):
            a = self._action(f"actionView_{v}", names[v], lambda _=False, v=v: self.show_view(v),
                             f"Ctrl+{i + 1}")  # fmt: skip
            self.view_actions.append(a)

    def _make_menus(self) -> None:
        mb = self.menuBar()
        file = mb.addMenu(self.tr("&File"))
        for a in (self.actionNew, self.actionSave, self.actionRevert, None, self.actionImport,
                  self.actionExport, self.actionCompare, None, self.actionPrintChart,
                  self.actionPrintReport, self.actionPrintBrief, self.actionBriefPdf, None,
                  self.actionBackups, self.actionRepair,
                  self.actionSettings, None,
                  self.actionQuit):  # fmt: skip
            file.addAction(a) if a is not None else file.addSeparator()
        edit = mb.addMenu(self.tr("&Edit"))
        for a in (self.actionUndo, self.actionRedo, None, self.actionAddUpdate,
                  self.actionUpdateRound, None, self.actionDelete, None, self.actionFind):  # fmt: skip
            edit.addAction(a) if a is not None else edit.addSeparator()
        view = mb.addMenu(self.tr("&View"))
        for a in self.view_actions:
            view.addAction(a)
        help_ = mb.addMenu(self.tr("&Help"))
        help_.addAction(self.actionAbout)

    def _make_status_bar(self) -> None:
        sb = self.statusBar()
        self.status_file = QLabel(self.ctx.store.name, self)
        self.status_file.setObjectName("statusFile")
        self.status_file.setToolTip(str(self.ctx.store.path or self.ctx.store.name))
        self.status_read_only = QLabel(self)
        self.status_read_only.setObjectName("statusReadOnly")
        self.status_read_only.setStyleSheet("color: #8A5A00; font-weight: bold;")
        if self.ctx.read_only:
            reason = self.ctx.store.read_only_reason or self.tr("opened read-only")
            self.status_read_only.setText(self.tr("Read-only: {reason}").format(reason=reason))
        self.status_read_only.setVisible(self.ctx.read_only)
        self.status_fx = QLabel(self)
        self.status_fx.setObjectName("statusFx")
        self.status_fx.setStyleSheet("color: #B35900;")
        self.status_fx.hide()
        self.status_integrity = QLabel(self)
        self.status_integrity.setObjectName("statusIntegrity")
        self.status_integrity.setStyleSheet("color: #B00020; font-weight: bold;")
        self.status_integrity.hide()
        self.status_backup = QLabel(self)
        self.status_backup.setObjectName("statusBackup")
        self.status_backup.setStyleSheet("color: #B00020; font-weight: bold;")
        self.status_backup.hide()
        self.status_rules = QLabel(self)
        self.status_rules.setObjectName("statusRules")
        self.status_rules.setStyleSheet("color: #B00020; font-weight: bold;")
        self.status_rules.hide()
        self.status_network = QLabel(self)
        self.status_network.setObjectName("statusNetwork")
        self.status_network.setStyleSheet("color: #8A5A00; font-weight: bold;")
        self.status_network.hide()
        sb.addWidget(self.status_file)
        sb.addWidget(self.status_read_only)
        sb.addWidget(self.status_integrity)
        sb.addWidget(self.status_rules)
        sb.addWidget(self.status_backup)
        sb.addWidget(self.status_network)
        sb.addWidget(self.status_fx, 1)
        # Background work started from the window itself (the integrity check), when it lasts.
        self.progress_panel = operations.ProgressPanel(self, delay_ms=400)
        sb.addPermanentWidget(self.progress_panel)
        self.check_network_share()

    def _say_what_was_done(self, index: int) -> None:
        """Each save, update, round, import, undo and redo says in the status bar what it did
        and how to take it back ("Saved: Update of BY-CN-014 · Undo: Ctrl+Z")."""
        stack = self.ctx.undo_stack
        before, self._undo_index = self._undo_index, index
        key = QKeySequence.SequenceFormat.NativeText
        undo = self.actionUndo.shortcut().toString(key)
        redo = self.actionRedo.shortcut().toString(key)
        cmd = stack.command(index if index < before else index - 1)
        if cmd is None or index == before:
            return  # the history was cleared (a file reopened after a restore)
        if index < before:
            text = self.tr("Undone: {what} · Redo: {key}").format(what=cmd.text(), key=redo)
        else:
            if getattr(cmd, "announced", False):
                text = self.tr("Redone: {what} · Undo: {key}").format(what=cmd.text(), key=undo)
            else:
                text = self.tr("Saved: {what} · Undo: {key}").format(what=cmd.text(), key=undo)
        cmd.announced = True
        self.statusBar().showMessage(text, 15000)

    def check_network_share(self) -> bool:
        """PRODUCT §7: SQLite's WAL needs one host, so a file on a network share is warned about."""
        try:
            path = self.ctx.store.path
            shared = path is not None and bool(maintenance.on_network_share(Path(path)))
        except OSError:
            shared = False
        self.status_network.setText(
            "⚠ " + self.tr("On a network share: keep the file on this computer") if shared else ""
        )
        self.status_network.setToolTip(
            self.tr(
                "{path} is on a network share. SQLite needs the file on one computer; "
                "two computers writing to it over the network can damage it. Copy it to a "
                "local disk, or ask for the shared server database."
            ).format(path=str(self.ctx.store.path))
            if shared
            else ""
        )
        self.status_network.setVisible(shared)
        return shared

    # ------------------------------------------------------- integrity check
    def start_integrity_check(self) -> None:
        """PRODUCT §7 integrity check on open, in the background with its own connection."""
        from tracker.ui.models.integrity_check import IntegrityCheck

        self.stop_integrity_check()
        self.integrity = IntegrityCheck(self.ctx.store, self, panel=self.progress_panel)
        self.integrity.brokenFound.connect(self._on_broken_values)
        self.integrity.finished.connect(self._on_integrity_checked)
        self.integrity.start()

    def stop_integrity_check(self) -> None:
        if self.integrity is not None:
            with contextlib.suppress(RuntimeError):
                self.integrity.finished.disconnect(self._on_integrity_checked)
            self.integrity.cancel()
            self.integrity.deleteLater()
            self.integrity = None

    def _on_integrity_checked(self, problems: list[str] | None) -> None:
        self.integrity_problems = list(problems or [])
        if not problems:
            self.status_integrity.hide()
            return
        self.status_integrity.setText("⚠ " + self.tr("The file is damaged: open File › Backups…"))
        self.status_integrity.setToolTip("\n".join(problems[:20]))
        self.status_integrity.show()
        more = len(problems) - 1
        detail = problems[0] + (
            "\n" + self.tr("(and {n} more problems)").format(n=more) if more > 0 else ""
        )
        text = self.tr(
            "The integrity check found damage in {name}:\n\n{detail}\n\n"
            "Edits may be lost or refused. Open Backups… to restore a copy now?"
        ).format(name=self.ctx.store.name, detail=detail)
        if ask_damaged(self, self.tr("The database is damaged"), text):
            self.open_backups()

    def _on_broken_values(self, cells: list) -> None:
        """Values another program wrote that break the rules: said in the status bar,
        marked ⚠ in the tables (services.row_check)."""
        by_table: dict[str, dict] = {}
        for c in cells:
            by_table.setdefault(c.table, {}).setdefault(c.pk, {})[c.column] = c.rule
        self.broken_values = by_table
        for p in self.pages.values():
            self._mark_broken(p)
        self.status_rules.setText("⚠ " + self.tr(
            "{n} stored values break the rules (marked ⚠ in the tables)").format(n=len(cells)))  # fmt: skip
        self.status_rules.setToolTip("\n".join(c.describe() for c in cells[:20]))
        self.status_rules.show()

    def _mark_broken(self, page: QWidget) -> None:
        pages = page.pages.values() if isinstance(page, ReferencePage) else [page]
        for p in pages:
            if isinstance(p, RecordPage) and self.broken_values.get(p.kind):
                p.table.model.set_invalid(self.broken_values[p.kind])

    def set_fx_warning(self, warning: str | None) -> None:
        self.status_fx.setText(f"⚠ {warning}" if warning else "")
        self.status_fx.setToolTip(warning or "")
        self.status_fx.setVisible(bool(warning))

    # ---------------------------------------------------------------- pages
    def page(self, view: str) -> QWidget:
        """The page of a view, built the first time it is asked for."""
        if view not in self.pages:
            i = VIEWS.index(view)
            if view == "dashboard":
                from tracker.ui.panes.dashboard_pane import DashboardPane

                p: QWidget = DashboardPane(self.ctx, self.stack)
            elif view == "reference":
                p = ReferencePage(self.ctx, self.lookups, self.stack)
            elif view in ("attention", "audit"):
                from tracker.ui import keeping_views

                p = keeping_views.make_page(self, view)
            else:
                p = RecordPage(self.ctx, view, self.lookups, self.stack)
                p.restore_state(settings())
                if self._started:
                    p.start_charts()
                p.form.stateChanged.connect(self.update_actions)
                p.table.currentChanged.connect(lambda _pk: self.update_actions())
            old = self.stack.widget(i)
            self.stack.insertWidget(i, p)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[view] = p
            if self.broken_values:
                self._mark_broken(p)
        return self.pages[view]

    def current_view(self) -> str:
        return self._view

    def record_page(self) -> RecordPage | None:
        """The table+form page on screen (None on the dashboard)."""
        p = self.pages.get(self._view)
        if isinstance(p, ReferencePage):
            return p.current()
        return p if isinstance(p, RecordPage) else None

    def show_view(self, view: str) -> bool:
        """Switch to a view; refused (False) if unsaved edits would be lost and the person stays."""
        if view not in VIEWS:
            raise KeyError(view)
        if view == self._view:
            return True
        current = self.record_page()
        if current is not None and not current.form.maybe_leave():
            self._sync_navigation()
            return False
        page = self.page(view)
        self.stack.setCurrentWidget(page)
        self._view = view
        self._sync_navigation()
        rp = self.record_page()
        if rp is not None:
            self.set_fx_warning(getattr(rp.table, "totals_warning", None))
        self.update_actions()
        return True

    def _sync_navigation(self) -> None:
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(VIEWS.index(self._view) if self._view else 0)
        self.navigation.blockSignals(False)

    def _on_navigation(self, row: int) -> None:
        if 0 <= row < len(VIEWS):
            self.show_view(VIEWS[row])

    # ---------------------------------------------------------------- state
    def _restore(self, view: str | None) -> None:
        s = settings()
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        last = view or s.value("window/view") or "projects"
        if last not in VIEWS:
            last = "projects"
        if last == "dashboard" and view is None:
            # The dashboard draws charts: build it after the window is on screen.
            self._deferred_view = "dashboard"
            last = "projects"
        else:
            self._deferred_view = None
        self.show_view(last)
        ref = s.value("window/referenceKind")
        if last == "reference" and ref in REFERENCE_KINDS:
            self.page("reference").show_kind(ref)  # type: ignore[attr-defined]

    def save_settings(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.main_splitter.saveState())
        s.setValue("window/view", self._view)
        for p in self.pages.values():
            if isinstance(p, RecordPage):
                p.save_state(s)
            elif isinstance(p, ReferencePage):
                s.setValue("window/referenceKind", p._shown)
                for rp in p.pages.values():
                    rp.save_state(s)
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            main = settings().value("window/splitter")
            if isinstance(main, QByteArray):
                self.main_splitter.restoreState(main)
            QTimer.singleShot(START_FALLBACK_MS, self, self._start)  # should no paint come (hidden)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:
            # The first paint of the window is under way (the table's first page with it):
            # once it is on screen, the charts come in.
            QTimer.singleShot(0, self, self._start)

    def _start(self) -> None:
        """After the first paint: charts (and matplotlib) come in."""
        if self._started:
            return
        self._started = True
        for p in self.pages.values():
            if isinstance(p, RecordPage):
                p.start_charts()
        if self._deferred_view:
            view, self._deferred_view = self._deferred_view, None
            self.show_view(view)
        from tracker.ui import keeping_views

        keeping_views.start(self)
        if self.check_on_open:
            QTimer.singleShot(INTEGRITY_DELAY_MS, self, self._check_if_shown)
        # A window open for days: the -wal is copied back now and then (store.media).
        self._checkpoints = QTimer(self)
        self._checkpoints.setInterval(media.CHECKPOINT_EVERY_MS)
        self._checkpoints.timeout.connect(self.checkpoint)
        self._checkpoints.start()
        if getattr(self.ctx.store, "backup_failure", ""):
            self.backup_failed(self.ctx.store.backup_failure)

        def news(message: str) -> None:
            with contextlib.suppress(RuntimeError):  # the window may be gone already
                self.backup_failed(message)

        self._stop_backup_news = backups.on_failure(news)

    def checkpoint(self) -> None:
        checkpoint = getattr(self.ctx.store, "checkpoint", None)
        if checkpoint is not None:
            checkpoint()

    def backup_failed(self, message: str) -> None:
        """A failed automatic backup is said, never silent (store.backups.failed)."""
        self.status_backup.setText("⚠ " + self.tr("Automatic backup failed"))
        self.status_backup.setToolTip(message)
        self.status_backup.show()

    def _check_if_shown(self) -> None:
        if self.isVisible() and self.integrity is None:
            self.start_integrity_check()

    def closeEvent(self, event: QCloseEvent) -> None:
        for p in self._all_record_pages():
            if p.form.is_dirty() and not p.form.maybe_leave():
                event.ignore()
                return
        if not self.skip_settings:
            self.save_settings()
        for p in self._all_record_pages():
            if p.chart is not None:
                p.chart.save_picture()  # shown at the next start instead of drawing first
        dashboard = self.pages.get("dashboard")
        if dashboard is not None:
            dashboard.save_pictures()
        self.stop_integrity_check()
        if getattr(self, "_stop_backup_news", None) is not None:
            self._stop_backup_news()
        for p in self._all_record_pages():
            p.table.shutdown()
        operations.stop_all(store=self.ctx.store)
        for d in self.dialogs.values():
            with contextlib.suppress(RuntimeError):
                d.close()
        super().closeEvent(event)

    def _all_record_pages(self) -> list[RecordPage]:
        out: list[RecordPage] = []
        for p in self.pages.values():
            if isinstance(p, RecordPage):
                out.append(p)
            elif isinstance(p, ReferencePage):
                out.extend(p.pages.values())
        return out

    # -------------------------------------------------------------- actions
    def update_actions(self) -> None:
        ro = self.ctx.read_only
        rp = self.record_page()
        form = rp.form if rp is not None else None
        self.actionNew.setEnabled(not ro and form is not None)
        self.actionSave.setEnabled(not ro and form is not None and (form.is_dirty() or form.is_new))
        self.actionRevert.setEnabled(
            not ro and form is not None and (form.is_dirty() or form.is_new)
        )
        self.actionDelete.setEnabled(not ro and form is not None and form.row is not None)
        self.actionAddUpdate.setEnabled(not ro and rp is not None and rp.kind == "projects"
                                        and form is not None and form.row is not None)  # fmt: skip
        self.actionUpdateRound.setEnabled(not ro)
        self.actionImport.setEnabled(not ro)
        self.actionFind.setEnabled(rp is not None)
        self.actionPrintChart.setEnabled(rp is not None and rp.chart is not None)
        brief = self._brief_tabs() is not None
        self.actionPrintBrief.setEnabled(brief)
        self.actionBriefPdf.setEnabled(brief)
        if ro:
            # Undo/redo would write too.
            self.actionUndo.setEnabled(False)
            self.actionRedo.setEnabled(False)

    def _on_changed(self, change: Change) -> None:
        if self.lookups.concerns(change.table):
            self.lookups.reload()
        self.update_actions()

    def new_record(self) -> None:
        if (rp := self.record_page()) is not None:
            rp.form.new_record()

    def save_record(self) -> bool:
        rp = self.record_page()
        return rp.form.save() if rp is not None else False

    def revert_record(self) -> None:
        if (rp := self.record_page()) is not None:
            rp.form.revert()

    def delete_record(self) -> bool:
        rp = self.record_page()
        return rp.form.delete() if rp is not None else False

    def attach_attention_strip(self, strip: QWidget) -> None:
        """The dashboard's attention line, shown: wired to the worklist view."""
        from tracker.ui import keeping_views

        keeping_views.attach_strip(self, strip)

    def add_update(self) -> None:
        rp = self.record_page()
        if rp is not None and rp.form.history is not None:
            rp.form.history.open_add_update()

    def find(self) -> None:
        if (rp := self.record_page()) is not None:
            rp.table.search.setFocus()
            rp.table.search.selectAll()

    def current_kind_and_filter(self) -> tuple[str, Filter]:
        rp = self.record_page()
        if rp is None or rp.kind not in MAIN_KINDS:
            return "projects", (self.pages["projects"].table.model.flt
                                if "projects" in self.pages else Filter())  # type: ignore[attr-defined]  # fmt: skip
        return rp.kind, rp.table.model.flt

    def _keep(self, name: str, dialog: Any) -> Any:
        old = self.dialogs.get(name)
        if old is not None:
            try:
                old.close()
                old.deleteLater()
            except RuntimeError:
                pass
        self.dialogs[name] = dialog
        dialog.open() if hasattr(dialog, "open") else dialog.show()
        return dialog

    def open_import(self) -> Any:
        from tracker.ui.dialogs.import_dialog import ImportDialog

        return self._keep("import", ImportDialog(self.ctx, self))

    def open_export(self) -> Any:
        from tracker.ui.dialogs.export_dialog import ExportDialog

        kind, flt = self.current_kind_and_filter()
        return self._keep("export", ExportDialog(self.ctx, self, kind=kind, flt=flt))

    def open_compare(self) -> Any:
        from tracker.ui.dialogs.compare_dialog import CompareDialog

        return self._keep("compare", CompareDialog(self.ctx, self))

    def open_update_round(self) -> Any:
        if not self._leave_all():
            return None
        from tracker.ui.dialogs.update_round_dialog import UpdateRoundDialog

        return self._keep("update_round", UpdateRoundDialog(self.ctx, self))

    def repair_database(self) -> bool:
        """Remove what another program put into the file's schema (after a backup), then
        work on it afresh; the window was opened read-only because of them."""
        store = self.ctx.store
        found = getattr(store, "schema_problems", [])
        if not found:
            warn(self, self.tr("Repair database"), self.tr(
                "{name} holds only what this program makes: there is nothing to repair."
            ).format(name=store.name))  # fmt: skip
            return False
        listed = "\n".join("• " + d.describe() for d in found[:12])
        text = self.tr(
            "{name} holds database objects this program did not make:\n\n{listed}\n\n"
            "Remove them? A backup of the file as it is is made first; the records are kept."
        ).format(name=store.name, listed=listed)
        if not ask_damaged(self, self.tr("Repair database"), text):
            return False
        try:
            report = maintenance.repair(store.path, user=self.ctx.user,
                                        backup_dir=getattr(store, "backup_dir", None))  # fmt: skip
        except (StoreError, OSError) as exc:
            warn(self, self.tr("Repair database"), str(exc))
            return False
        old_ro = store.read_only
        store.read_only = False  # reopen for writing: the schema is the program's own now
        if not self.reopen():
            store.read_only = old_ro
            return False
        self.status_read_only.setVisible(self.ctx.read_only)
        self.statusBar().showMessage(self.tr("{name} was repaired; the file as it was is kept "
                                             "as {backup}.").format(
            name=store.name, backup=report.backup.name if report.backup else "?"), 10000)  # fmt: skip
        return True

    def open_backups(self) -> Any:
        from tracker.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.ctx, self)
        dialog.restored.connect(self.reopen)
        return self._keep("backups", dialog)

    def reopen(self, path: str = "") -> bool:
        """Work on the file afresh after a restore replaced it under the window.

        The old connection may point at the replaced file (a damaged file is swapped
        out, not written into): it is closed, the file opened again, the pages rebuilt
        on the new store and the undo history (of the replaced file) cleared, so nothing
        is ever written to the file that was replaced. False (and a message) if the
        file cannot be opened; the window then stays on the old store."""
        from tracker.store import Store, StoreError

        old = self.ctx.store
        target = Path(path) if path else Path(old.path)
        try:
            new = Store.open(target, read_only=old.read_only, backup=False)
        except (StoreError, OSError) as exc:
            warn(self, self.tr("Cannot reopen the database"), str(exc))
            return False
        new.backup_dir = old.backup_dir
        new.keep_backups = old.keep_backups
        self.stop_integrity_check()
        operations.stop_all(store=old)
        view = self._view or "projects"
        ref = self.pages.get("reference")
        ref_kind = ref._shown if isinstance(ref, ReferencePage) else None
        for name, d in list(self.dialogs.items()):
            if name != "backups":  # the dialog that restored stays open with its message
                with contextlib.suppress(RuntimeError):
                    d.close()
                    d.deleteLater()
                del self.dialogs[name]
        for p in self._all_record_pages():
            p.table.shutdown()
        # Old pages go away together; the old store is closed once they are gone (their
        # pending timers may still read it until then).
        graveyard = QWidget()
        for i, name in enumerate(VIEWS):
            page = self.pages.pop(name, None)
            if page is None:
                continue
            self.stack.insertWidget(i, QWidget(self.stack))
            self.stack.removeWidget(page)
            page.setParent(graveyard)
        graveyard.destroyed.connect(lambda *_: old.close(backup=False))
        graveyard.deleteLater()
        self.ctx.store = new
        self.ctx.undo_stack.clear()
        self.lookups = Lookups(new)
        self._view = ""
        self.show_view(view)
        if ref_kind and view == "reference":
            self.page("reference").show_kind(ref_kind)  # type: ignore[attr-defined]
        self.setWindowTitle(self._title())
        self.status_file.setText(new.name)
        self.status_file.setToolTip(str(new.path))
        self.status_integrity.hide()
        self.integrity_problems = []
        self.status_rules.hide()
        self.broken_values = {}
        self.check_network_share()
        self.update_actions()
        self.statusBar().showMessage(
            self.tr("{name} was reopened after the restore.").format(name=new.name), 8000
        )
        self.storeReplaced.emit(new)
        if self._started and self.check_on_open:
            self.start_integrity_check()
        return True

    def open_settings(self) -> Any:
        from tracker.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.accepted.connect(self.settings_applied)
        return self._keep("settings", dialog)

    def print_chart(self) -> Any:
        rp = self.record_page()
        if rp is None or rp.chart is None:
            return None
        from tracker.ui.printing import print_chart

        figure = rp.chart.current_figure()
        if figure is None:
            return None
        return print_chart(self.ctx, self, figure, for_page=rp.chart.figure_sized)

    def _brief_tabs(self) -> Any:
        """The Projects form's tabs that make briefs, when a project is shown."""
        rp = self.record_page()
        if rp is None or rp.kind != "projects" or rp.form.row is None:
            return None
        return getattr(rp.form, "extras", None)

    def print_brief(self) -> Any:
        """Print preview of the selected projects' briefs (the one shown when none is)."""
        tabs = self._brief_tabs()
        return tabs.print_brief() if tabs is not None else None

    def save_brief_pdf(self) -> Any:
        """The selected projects' briefs as one PDF, a page each (written in the background)."""
        tabs = self._brief_tabs()
        return tabs.save_brief_pdf() if tabs is not None else None

    def print_report(self) -> Any:
        from tracker.services import row_check
        from tracker.ui.printing import print_report

        try:  # the report sums and formats every value: refused while some break the rules
            row_check.refuse_if_broken(self.ctx.store, what=self.tr("the report"))
        except row_check.BrokenValues as exc:
            warn(self, self.tr("Print report"), str(exc))
            return None
        kind, flt = self.current_kind_and_filter()
        return print_report(self.ctx, self, kind=kind, flt=flt)

    def _leave_all(self) -> bool:
        return all(p.form.maybe_leave() for p in self._all_record_pages())

    def show_about(self) -> Any:
        from tracker.ui.dialogs.about_dialog import AboutDialog

        return self._keep("about", AboutDialog(self))

    def settings_applied(self) -> None:
        """The reporting currency or user may have changed: totals, charts and figures follow."""
        for p in self._all_record_pages():
            p.table.follow_reporting()
            p.table._schedule_totals()
            p.update_chart()
        dash = self.pages.get("dashboard")
        if dash is not None and hasattr(dash, "refresh") and dash.isVisible():
            dash.refresh()
