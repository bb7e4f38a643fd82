"""The shell around the main window: first run, opening and creating files,
recent files, keyboard-shortcut help, and rebuilding in another language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from tracker import paths
from tracker.store import Store
from tracker.ui import i18n, shell
from tracker.ui.dialogs import settings_dialog, welcome_dialog
from tracker.ui.dialogs.about_dialog import AboutDialog
from tracker.ui.dialogs.welcome_dialog import WelcomeChoice
from tracker.ui.settings import Settings


@pytest.fixture
def prefs(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def host(qapp, prefs):
    h = shell.Shell(qapp, prefs)
    yield h
    if h.window is not None:
        h.window.skip_settings = True
        h.window.close()
        h.window.deleteLater()
    h.close()
    i18n.install("en", qapp)
    QApplication.processEvents()


def _menu_titles(win) -> set[str]:
    return {a.text() for a in win.menuBar().actions()}


def _menu_holding(win, action) -> QMenu:
    return next(m for m in win.findChildren(QMenu) if action in m.actions())


def test_first_run_only_without_a_database(tmp_path):
    assert shell.is_first_run(db=None, demo=False)
    assert not shell.is_first_run(db=str(tmp_path / "x.sqlite3"), demo=False)
    assert not shell.is_first_run(db=None, demo=True)
    paths.default_db().parent.mkdir(parents=True, exist_ok=True)
    Store.create(paths.default_db()).close(backup=False)
    assert not shell.is_first_run(db=None, demo=False)


def test_cancelled_welcome_creates_nothing(qapp, monkeypatch):
    from tracker.ui.app import run_gui

    shown: list[Settings] = []
    monkeypatch.setattr(shell, "run_welcome", lambda prefs: shown.append(prefs))
    assert run_gui(db=None, demo=False, read_only=False, smoke=False) == 0
    assert len(shown) == 1
    assert not paths.default_db().exists()
    assert not paths.demo_db().exists()


def test_new_database_from_the_welcome_choice(tmp_path):
    path = tmp_path / "sub" / "mine.sqlite3"
    store = shell.open_choice(WelcomeChoice("new", path))
    try:
        assert path.is_file()
        assert store.count("projects") == 0
        assert store.count("countries") > 200  # reference data comes with a new file
    finally:
        store.close(backup=False)


def test_window_gets_open_recent_and_shortcut_entries(qtbot, host, prefs, demo_path):
    win = host.show(Store.open(demo_path, backup=False))
    assert host.window is win
    assert _menu_holding(win, win.actionOpenDatabase) is _menu_holding(win, win.actionQuit)
    assert win.menuRecent.menuAction() in _menu_holding(win, win.actionQuit).actions()
    assert _menu_holding(win, win.actionShortcuts) is _menu_holding(win, win.actionAbout)
    assert prefs.recent_files[0] == demo_path.resolve()
    assert prefs.last_database == demo_path.resolve()
    assert win.ctx.user == "tester"  # no name set: the login (TRACKER_USER in conftest)
    win.actionShortcuts.trigger()
    help_ = host._help
    assert isinstance(help_, AboutDialog) and help_.tabs.currentIndex() == AboutDialog.SHORTCUTS
    rows = {help_.shortcuts.item(r, 0).text() for r in range(help_.shortcuts.rowCount())}
    assert {"Save", "Undo", "Open database"} <= rows
    help_.close()


def test_settings_user_and_backups_reach_the_window(qtbot, host, prefs, demo_path, tmp_path):
    prefs.update(language="en", currency="EUR", user_name="Ivanova", backup_dir=str(tmp_path / "bk"),
                 keep_backups=3, export_dir="")  # fmt: skip
    win = host.show(Store.open(demo_path, backup=False))
    assert (win.ctx.user, win.ctx.currency) == ("Ivanova", "EUR")
    assert (win.ctx.store.backup_dir, win.ctx.store.keep_backups) == (tmp_path / "bk", 3)


def test_open_another_file_replaces_the_window(
    qtbot, host, prefs, demo_path, tmp_path, monkeypatch
):
    other = tmp_path / "other.sqlite3"
    Store.create(other).close(backup=False)
    first_store = Store.open(demo_path, backup=False)
    old = host.show(first_store)
    monkeypatch.setattr(welcome_dialog, "open_file_name", lambda *a: str(other))
    assert host.ask_open(old) is True
    assert host.window is not old
    assert host.store.path.resolve() == other.resolve()
    qtbot.waitUntil(lambda: first_store.closed)  # closed once its window is gone
    assert "other.sqlite3" in host.window.windowTitle()
    assert [p.name for p in prefs.recent_files[:2]] == ["other.sqlite3", demo_path.name]
    host.fill_recent(host.window)
    names = [a.text() for a in host.window.menuRecent.actions()]
    assert names[0] == f"&1 {demo_path.name}"  # the open file is not offered again


def test_a_file_that_is_not_a_database_is_refused(
    qtbot, host, prefs, demo_path, tmp_path, monkeypatch
):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are notes, not a database\n" * 50)
    prefs.add_recent_file(bad)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(shell, "error_box", lambda _p, title, text: errors.append((title, text)))
    win = host.show(Store.open(demo_path, backup=False))
    assert host.open_choice(WelcomeChoice("open", bad)) is False
    assert host.window is win and win.isVisible()
    assert errors and errors[0][0] == "Cannot open the database"
    assert "notes.sqlite3" in errors[0][1]
    assert bad.resolve() not in prefs.recent_files
    assert bad.read_text().startswith("these are notes")  # nothing written


def test_new_database_does_not_overwrite(qtbot, host, demo_path, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(shell, "error_box", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(welcome_dialog, "save_file_name", lambda *a: str(demo_path))
    win = host.show(Store.open(demo_path, backup=False))
    assert host.ask_new(win) is False
    assert "already exists" in errors[0]
    assert host.window is win


def test_language_change_rebuilds_the_window(qtbot, qapp, host, prefs, demo_path, monkeypatch):
    prefs.language = "en"
    i18n.install("en", qapp)
    old = host.show(Store.open(demo_path, backup=False))
    assert "&File" in _menu_titles(old)
    monkeypatch.setattr(settings_dialog, "ask", lambda *a: True)
    old.actionSettings.trigger()
    dialog = old.findChild(settings_dialog.SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: host.window is not old, timeout=10_000)
    assert i18n.current_language() == "ru"
    assert "&Файл" in _menu_titles(host.window)
    assert host.window.ctx.store is host.store  # same database
    assert host.rebuild("zh") is True
    assert "文件(&F)" in _menu_titles(host.window)
