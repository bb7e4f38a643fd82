"""The main window's "Needs attention" and "Audit log" views: built here and wired to
the window (open a record, add an update, the count in the navigation) so the window
itself only names them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from tracker.services.attention import Worklist
    from tracker.ui.main_window import MainWindow


def make_page(window: MainWindow, view: str) -> QWidget:
    if view == "attention":
        from tracker.ui.panes.attention_pane import AttentionPane

        pane = AttentionPane(window.ctx, window.stack)
        pane.openRecord.connect(lambda table, pk: open_record(window, table, pk))
        pane.addUpdate.connect(lambda pk: add_update(window, pk))
        pane.computed.connect(lambda wl: show_count(window, wl))
        pane.refresh()
        return pane
    from tracker.ui.panes.audit_pane import AuditPane

    pane = AuditPane(window.ctx, window.stack)
    pane.openRecord.connect(lambda table, pk: open_record(window, table, pk))
    return pane


#: After the first paint, the worklist for the navigation's count waits this long (the
#: first table page and charts come first).
COUNT_DELAY_MS = 2000


def start(window: MainWindow) -> None:
    """After the first paint: the worklist is computed (in the background) for the count."""
    from PySide6.QtCore import QTimer

    if window.check_on_open:  # not for the --smoke run, which measures the start alone
        QTimer.singleShot(COUNT_DELAY_MS, window, lambda: count_now(window))


def count_now(window: MainWindow) -> None:
    if window.isVisible() and store_open(window.ctx.store):
        window.page("attention")


def store_open(store: Any) -> bool:
    closed = getattr(store, "closed", None)
    if isinstance(closed, bool):
        return not closed
    return getattr(store, "conn", None) is not None


def show_count(window: MainWindow, wl: Worklist) -> None:
    window.worklist = wl
    strip = getattr(window.pages.get("dashboard"), "attention", None)
    if strip is not None:
        attach_strip(window, strip)
    item = window.navigation.item(window.VIEWS.index("attention"))
    n = wl.records()
    item.setText(f"{window._attention_label} ({n})" if n else window._attention_label)
    nav = window.navigation
    nav.setMinimumWidth(
        max(nav.minimumWidth(), nav.fontMetrics().horizontalAdvance(item.text()) + 56)
    )
    item.setToolTip(window.tr("%n record(s) need attention", "", n))


def attach_strip(window: Any, strip: Any) -> None:
    """The dashboard's attention line: wired to the worklist view once, showing the latest list."""
    if not hasattr(window, "show_view"):
        return
    if not getattr(strip, "wired", False):
        strip.reasonClicked.connect(lambda r: show_reason(window, r))
        strip.wired = True
    wl = getattr(window, "worklist", None)
    if wl is not None:
        strip.show_worklist(wl)


def show_reason(window: MainWindow, reason: str) -> None:
    """The worklist, showing one reason ("" for all)."""
    if window.show_view("attention"):
        window.page("attention").set_reason(reason)  # type: ignore[attr-defined]


def open_record(window: MainWindow, table: str, pk: Any) -> bool:
    """Show a record: its view, selected in the table (or at least in the form)."""
    if table in ("projects", "residents", "ventures"):
        if not window.show_view(table):
            return False
        page = window.page(table)
        if not page.select(pk):  # type: ignore[attr-defined]
            page.form.load(pk)  # type: ignore[attr-defined]
        return True
    if table == "fx_rates":
        if not window.show_view("reference"):
            return False
        return bool(window.page("reference").show_kind("fx_rates"))  # type: ignore[attr-defined]
    return False


def add_update(window: MainWindow, project_id: Any) -> None:
    if open_record(window, "projects", project_id):
        window.add_update()


def attention_pane(window: MainWindow) -> Any:
    return window.page("attention")
