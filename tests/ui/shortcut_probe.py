"""Run by test_desk_breaks under a real X server (xcb): every window shortcut typed with
the focus in each kind of editor. Prints JSON {editor: [actions whose key was swallowed]}.

Offscreen Qt has no platform key bindings (Ctrl+U deletes the line and Ctrl+E moves to
its end only on X11), so this question can only be asked of a real X11 window.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.main_window import MainWindow
from tracker.ui.panes import form_pane

#: Keys an editor rightly keeps for itself (its own undo and redo) and Quit.
EDITORS_OWN = {"actionUndo", "actionRedo", "actionQuit"}


def recorder(fired: list[str], name: str):  # noqa: ANN201
    return lambda *_: fired.append(name)


def main(db: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    store = Store.open(Path(db), backup=False)
    win = MainWindow(AppContext(store, user="probe"), view="projects")
    win.check_on_open = False
    win.skip_settings = True
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.activateWindow()
    page = win.record_page()
    page.select(14)
    fired: list[str] = []
    actions = [a for a in win.actions() if a.shortcuts() and a.objectName() not in EDITORS_OWN]
    for a in actions:
        a.triggered.disconnect()
        a.triggered.connect(recorder(fired, a.objectName()))
        a.setEnabled(True)
    editors = {"text": page.form.editors["name"], "money": page.form.editors["amount"],
               "date": page.form.editors["start_date"], "spin": page.form.editors["progress_pct"],
               "list": page.form.editors["status"], "currency": page.form.editors["currency"],
               "long text": page.form.editors["description"], "search": page.table.search,
               "table": page.table.view}  # fmt: skip
    out: dict[str, list[str]] = {}
    for kind, editor in editors.items():
        swallowed = []
        for a in actions:
            editor.setFocus()
            QTest.qWait(5)
            fired.clear()
            seq = a.shortcuts()[0][0]
            QTest.keyClick(QApplication.focusWidget() or editor, seq.key(), seq.keyboardModifiers())
            if a.objectName() not in fired:
                swallowed.append(f"{a.objectName()} ({a.shortcuts()[0].toString()})")
        out[kind] = swallowed
    print(json.dumps(out))
    form_pane.ask_unsaved = lambda *a, **k: form_pane.DISCARD  # the keys typed are dropped
    win.close()
    store.close(backup=False)
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
