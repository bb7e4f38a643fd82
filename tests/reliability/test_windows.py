"""The window under the same faults: bad files give a message box (app.run_gui's
error seam) and are never written; two windows on one file never overwrite each
other (the stale save is refused with the choice to reload); a full disk is said."""

from __future__ import annotations

import contextlib
import importlib.util
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracker.store import Store
from tracker.store import sqlite_file as ss

from .helpers import sha256
from .test_bad_files import BAD_FILES, _template


@pytest.fixture(autouse=True)
def _ui_sandbox(tmp_path, monkeypatch):  # noqa: ANN001
    """Settings in tmp_path; charts off when their data service is not installed
    (charts are not what these tests are about)."""
    folder = tmp_path / "qsettings"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("TRACKER_SETTINGS", str(folder / "settings.ini"))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    if importlib.util.find_spec("tracker.services.chart_data") is None:
        from tracker.ui import main_window

        monkeypatch.setattr(main_window.RecordPage, "start_charts", lambda self: None)


@pytest.fixture
def windows(qtbot, monkeypatch):  # noqa: ANN001
    """windows(path) -> a shown MainWindow on its own Store and AppContext."""
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow
    from tracker.ui.panes import form_pane

    opened = []

    def _open(path: Path):  # noqa: ANN202
        store = Store.open(path, backup=False)
        ctx = AppContext(store, user=f"user{len(opened) + 1}")
        win = MainWindow(ctx, view="projects")
        win.resize(1100, 700)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: win._started, timeout=5000)
        opened.append((win, store))
        return win

    yield _open
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *a, **k: form_pane.DISCARD)
    for win, store in opened:
        with contextlib.suppress(RuntimeError):
            win.close()
            win.deleteLater()
        store.close(backup=False)


def _show_record(win, pk: int):  # noqa: ANN001, ANN202
    page = win.record_page()
    page.form.load(pk)
    assert page.form.pk == pk
    return page


def _type(qtbot, editor, text: str) -> None:  # noqa: ANN001
    editor.selectAll()
    editor.clear()
    qtbot.keyClicks(editor, text)


# ------------------------------------------------------------------------ bad files
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_a_message_box_and_is_not_written(name, tmp_path, tmp_path_factory, qtbot,
                                                         monkeypatch) -> None:  # noqa: ANN001  # fmt: skip
    from tracker.ui import app, opening

    maker, words = BAD_FILES[name]
    path = tmp_path / f"{name}.sqlite3"
    maker(path, _template(tmp_path_factory))
    before = sha256(path)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(opening, "error_box", lambda title, text: shown.append((title, text)))
    for read_only in (False, True):
        assert app.run_gui(db=str(path), demo=False, read_only=read_only, smoke=False) == 1
    assert len(shown) == 2
    for title, text in shown:
        assert "cannot open" in title
        assert path.name in text and any(w in text for w in words), text
        assert "Traceback" not in text
    assert sha256(path) == before


def test_locked_file_in_the_window(small_db, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from tracker.ui import app, opening

    monkeypatch.setattr(ss, "BUSY_TIMEOUT_MS", 1000)
    shown: list[str] = []
    monkeypatch.setattr(opening, "error_box", lambda title, text: shown.append(text))
    holder = sqlite3.connect(small_db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = sha256(small_db)
        assert app.run_gui(db=str(small_db), demo=False, read_only=False, smoke=False) == 1
        assert shown and "busy" in shown[0] and "damaged" not in shown[0]
        assert sha256(small_db) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ------------------------------------------------------------------------ two windows
def test_two_windows_stale_save_refused_with_reload(small_db, windows, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from tracker.ui.panes import form_pane

    asked: list[str] = []
    monkeypatch.setattr(form_pane, "ask", lambda _p, _t, text: asked.append(text) or True)
    first, second = windows(small_db), windows(small_db)
    with Store.open(small_db, read_only=True, backup=False) as s:
        pk = s.get_by("projects", "code", "P-1")["id"]
        amount = s.get("projects", pk)["amount"]
    page1, page2 = _show_record(first, pk), _show_record(second, pk)

    _type(qtbot, page1.form.editors["name"], "Saved in the first window")
    assert page1.form.save()
    _type(qtbot, page2.form.editors["borrower"], "Typed in the second window")
    assert not page2.form.save()  # refused: its copy of the record is stale

    assert asked and "changed by someone else" in asked[0] and "Reload" in asked[0]
    with Store.open(small_db, read_only=True, backup=False) as s:
        row = s.get("projects", pk)
    assert row["name"] == "Saved in the first window"  # nothing overwritten
    assert row["borrower"] is None and row["amount"] == amount
    # The second window reloaded (the person said yes): it shows the first window's save
    # and its next save goes on top of it.
    assert page2.form.editors["name"].text() == "Saved in the first window"
    assert not page2.form.is_dirty()
    _type(qtbot, page2.form.editors["borrower"], "Now saved")
    assert page2.form.save()
    with Store.open(small_db, read_only=True, backup=False) as s:
        row = s.get("projects", pk)
    assert (row["name"], row["borrower"]) == ("Saved in the first window", "Now saved")
    # The first window's undo would overwrite the second's save: refused, not done.
    warned: list[str] = []
    monkeypatch.setattr("tracker.ui.undo.warn", lambda _p, _t, text: warned.append(text))
    first.ctx.undo_stack.undo()
    assert warned and "changed by someone else" in warned[0]
    with Store.open(small_db, read_only=True, backup=False) as s:
        assert s.get("projects", pk)["name"] == "Saved in the first window"


def test_full_disk_while_saving_in_the_window(small_db, windows, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from tracker.ui.panes import form_pane

    from .test_bad_files import _limit_pages

    _limit_pages(monkeypatch)
    warned: list[str] = []
    monkeypatch.setattr(form_pane, "warn", lambda _p, _t, text: warned.append(text))
    win = windows(small_db)
    with Store.open(small_db, read_only=True, backup=False) as s:
        pk = s.get_by("projects", "code", "P-2")["id"]
    page = _show_record(win, pk)
    page.form.editors["description"].setPlainText(
        "d" * 4000
    )  # a long note (typing it key by key is slow)
    assert not page.form.save()
    assert warned and "full" in warned[0] and "nothing was written" in warned[0]
    assert page.form.is_dirty()  # the typed text is still there to save elsewhere
    with Store.open(small_db, read_only=True, backup=False) as s:
        assert s.get("projects", pk)["description"] is None


def test_sql_typed_into_the_search_box_is_searched_for(small_db, windows, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    win = windows(small_db)
    page = win.record_page()
    search = win.findChild(QWidget, "searchField")
    with Store.open(small_db, read_only=True, backup=False) as s:
        schema = s.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    for text in ("'; DROP TABLE projects; --", 'x" OR 1=1 --', "Riverside'"):
        search.clear()
        qtbot.keyClicks(search, text)
        qtbot.waitUntil(lambda t=text: page.table.model.flt.text == t, timeout=3000)
        assert page.table.model.rowCount() == (1 if text.startswith("Riverside") else 0)
    with Store.open(small_db, read_only=True, backup=False) as s:
        assert s.count("projects") == 3
        assert s.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema
