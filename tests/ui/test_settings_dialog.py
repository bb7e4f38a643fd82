"""Settings (typed QSettings), the Settings dialog, the welcome screen and About."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMainWindow, QPushButton

from tracker import paths
from tracker.store import backups
from tracker.ui.context import AppContext
from tracker.ui.dialogs import settings_dialog, welcome_dialog
from tracker.ui.dialogs.about_dialog import AboutDialog, action_shortcuts
from tracker.ui.dialogs.settings_dialog import SettingsDialog
from tracker.ui.dialogs.welcome_dialog import WelcomeDialog
from tracker.ui.settings import MAX_RECENT, Settings, SettingsError, settings_path


@pytest.fixture
def prefs(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def _close(widget) -> None:
    widget.close()
    widget.deleteLater()


# --- Settings --------------------------------------------------------------------------


def test_defaults_of_a_new_settings_file(prefs):
    assert prefs.language == ""
    assert prefs.currency == "USD"
    assert prefs.user_name == ""
    assert prefs.backup_dir is None
    assert prefs.keep_backups == 10
    assert prefs.export_dir is None
    assert prefs.recent_files == []


def test_values_survive_in_the_file(tmp_path, prefs):
    prefs.language = "ru"
    prefs.currency = " cny "
    prefs.user_name = "  Ivanova A. "
    prefs.backup_dir = tmp_path / "bk"
    prefs.keep_backups = 25
    prefs.export_dir = tmp_path
    again = Settings(prefs.path)
    assert again.language == "ru"
    assert again.currency == "CNY"
    assert again.user_name == "Ivanova A."
    assert again.backup_dir == tmp_path / "bk"
    assert again.keep_backups == 25
    assert again.export_dir == tmp_path
    assert "keep=25" in prefs.path.read_text(encoding="utf-8")


def test_default_file_follows_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("TRACKER_SETTINGS", raising=False)
    assert settings_path() == tmp_path / "cfg" / "InvestmentTracker" / "settings.ini"
    Settings().currency = "EUR"
    assert (tmp_path / "cfg" / "InvestmentTracker" / "settings.ini").is_file()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("language", "de", "Language: 'de' is not one of en, ru, zh"),
        ("currency", "US", "Reporting currency: 'US' is not a three-letter ISO 4217 code"),
        ("currency", "US1", "Reporting currency: 'US1'"),
        ("user_name", "a\tb", "User name: control characters"),
        ("user_name", "x" * 101, "User name: 101 characters is longer than 100"),
        ("keep_backups", 0, "Backups to keep: 0 is not between 1 and 1000"),
        ("keep_backups", 1001, "Backups to keep: 1001 is not between"),
        ("keep_backups", True, "Backups to keep: 'True' is not a whole number"),
        ("keep_backups", "5", "Backups to keep: '5' is not a whole number"),
        ("backup_dir", "relative/bk", "Backup folder: 'relative/bk' is not a full path"),
        ("export_dir", "out", "Export folder: 'out' is not a full path"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(prefs, name, value, message):
    before = prefs.path.read_text(encoding="utf-8") if prefs.path.exists() else ""
    with pytest.raises(SettingsError, match="^" + re.escape(message)):
        setattr(prefs, name, value)
    after = prefs.path.read_text(encoding="utf-8") if prefs.path.exists() else ""
    assert after == before


def test_a_file_is_not_a_folder(tmp_path, prefs):
    f = tmp_path / "note.txt"
    f.write_text("x")
    with pytest.raises(SettingsError, match="Backup folder: .* is a file, not a folder"):
        prefs.backup_dir = f


def test_update_is_all_or_nothing(tmp_path, prefs):
    prefs.currency = "BYN"
    prefs.keep_backups = 7
    with pytest.raises(SettingsError, match="Backups to keep"):
        prefs.update(language="zh", currency="EUR", user_name="Li", backup_dir="",
                     keep_backups=0, export_dir="")  # fmt: skip
    again = Settings(prefs.path)
    assert (again.language, again.currency, again.user_name, again.keep_backups) == (
        "",
        "BYN",
        "",
        7,
    )


def test_a_hand_edited_bad_value_reads_as_the_default(prefs):
    q = prefs.qsettings()
    q.setValue("report/currency", "dollars")
    q.setValue("backup/keep", "many")
    q.setValue("ui/language", "fr")
    q.setValue("files/recent", "not json")
    assert (prefs.currency, prefs.keep_backups, prefs.language) == ("USD", 10, "")
    assert prefs.recent_files == []


def test_recent_files_newest_first_once_existing_only(tmp_path, prefs):
    files = []
    for i in range(MAX_RECENT + 2):
        f = tmp_path / f"db{i}.sqlite3"
        f.write_bytes(b"x")
        files.append(f)
        prefs.add_recent_file(f)
    prefs.add_recent_file(files[3])  # opened again: moves to the top, not duplicated
    recent = Settings(prefs.path).recent_files
    assert recent[0] == files[3].resolve()
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == len(recent)
    files[9].unlink()
    assert files[9].resolve() not in prefs.recent_files
    prefs.remove_recent_file(files[3])
    assert files[3].resolve() not in prefs.recent_files
    prefs.clear_recent_files()
    assert prefs.recent_files == []


def test_last_database_only_if_it_still_exists(tmp_path, prefs):
    f = tmp_path / "p.sqlite3"
    f.write_bytes(b"x")
    prefs.last_database = f
    assert prefs.last_database == f.resolve()
    f.unlink()
    assert prefs.last_database is None


# --- Settings dialog ----------------------------------------------------------------------


@pytest.fixture
def ctx(store):
    c = AppContext(store, user="someone", currency="USD")
    yield c
    c.deleteLater()


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_dialog_shows_saved_values(qtbot, tmp_path, prefs, ctx):
    prefs.update(language="zh", currency="CNY", user_name="Wang", backup_dir=str(tmp_path),
                 keep_backups=3, export_dir=str(tmp_path))  # fmt: skip
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    assert d.objectName() == "settingsDialog"
    assert d.language.currentData() == "zh"
    assert d.currency.currentText() == "CNY"
    assert d.user_name.text() == "Wang"
    assert d.backup_dir.text() == str(tmp_path)
    assert d.keep_backups.value() == 3
    assert d.export_dir.text() == str(tmp_path)


def test_dialog_saves_and_applies_to_the_open_program(qtbot, tmp_path, prefs, ctx, monkeypatch):
    monkeypatch.setattr(settings_dialog, "ask", lambda *a: False)
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    d.currency.setCurrentText("")
    qtbot.keyClicks(d.currency, "eur")
    qtbot.keyClicks(d.user_name, "Petrov P.")
    qtbot.keyClicks(d.backup_dir, str(tmp_path / "bk"))
    d.keep_backups.setValue(4)
    with qtbot.waitSignal(d.settingsChanged):
        _ok(d)
    assert d.result() == QDialog.DialogCode.Accepted
    again = Settings(prefs.path)
    assert (again.currency, again.user_name, again.keep_backups) == ("EUR", "Petrov P.", 4)
    assert again.backup_dir == tmp_path / "bk"
    assert ctx.user == "Petrov P."
    assert ctx.currency == "EUR"
    assert ctx.store.backup_dir == tmp_path / "bk"
    assert ctx.store.keep_backups == 4


def test_empty_backup_folder_means_beside_the_database(qtbot, prefs, ctx):
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    _ok(d)
    assert ctx.store.backup_dir == backups.default_dir(Path(ctx.store.path))


def test_dialog_refuses_a_bad_value_names_it_and_saves_nothing(qtbot, prefs, ctx):
    prefs.currency = "BYN"
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    d.show()
    qtbot.keyClicks(d.user_name, "Changed")
    d.currency.setCurrentText("X1")
    _ok(d)
    assert d.result() != QDialog.DialogCode.Accepted
    assert d.isVisible()
    assert d.error.isVisible()
    assert "Reporting currency: 'X1'" in d.error.text()
    again = Settings(prefs.path)
    assert (again.currency, again.user_name) == ("BYN", "")
    assert (ctx.currency, ctx.user) == ("USD", "someone")
    _close(d)


def test_relative_backup_folder_is_refused(qtbot, prefs, ctx):
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    qtbot.keyClicks(d.backup_dir, "backups")
    assert d.save() is False
    assert "Backup folder: 'backups' is not a full path" in d.error.text()
    assert Settings(prefs.path).backup_dir is None


def test_browse_fills_the_folder(qtbot, tmp_path, prefs, ctx, monkeypatch):
    monkeypatch.setattr(settings_dialog, "choose_folder", lambda *a: str(tmp_path))
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    qtbot.mouseClick(d.findChild(QPushButton, "browseExport"), Qt.MouseButton.LeftButton)
    assert d.export_dir.text() == str(tmp_path)
    monkeypatch.setattr(settings_dialog, "choose_folder", lambda *a: "")  # cancelled
    d.findChild(QPushButton, "browseExport").click()
    assert d.export_dir.text() == str(tmp_path)


def test_language_change_asks_and_requests_a_rebuild(qtbot, prefs, ctx, monkeypatch):
    prefs.language = "en"
    asked: list[str] = []
    monkeypatch.setattr(settings_dialog, "ask", lambda _p, title, text: asked.append(text) or True)
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    d.language.setCurrentIndex(d.language.findData("ru"))
    with qtbot.waitSignal(d.restartRequested) as sig:
        _ok(d)
    assert sig.args == ["ru"]
    assert len(asked) == 1
    assert Settings(prefs.path).language == "ru"


def test_same_language_does_not_ask(qtbot, prefs, ctx, monkeypatch):
    prefs.language = "zh"
    monkeypatch.setattr(settings_dialog, "ask", lambda *a: pytest.fail("asked"))
    d = SettingsDialog(ctx, settings=prefs)
    qtbot.addWidget(d)
    with qtbot.assertNotEmitted(d.restartRequested):
        _ok(d)


# --- welcome screen -----------------------------------------------------------------------


def test_welcome_demo_choice(qtbot, prefs):
    d = WelcomeDialog(settings=prefs)
    qtbot.addWidget(d)
    assert not d.recent.isVisible() and d.recent.count() == 0
    d.demo_button.click()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.choice.action == "demo"
    assert d.choice.path == paths.demo_db()


def test_welcome_new_database_adds_the_suffix(qtbot, tmp_path, prefs, monkeypatch):
    monkeypatch.setattr(welcome_dialog, "save_file_name", lambda *a: str(tmp_path / "mine"))
    d = WelcomeDialog(settings=prefs)
    qtbot.addWidget(d)
    d.new_button.click()
    assert (d.choice.action, d.choice.path) == ("new", tmp_path / "mine.sqlite3")


def test_welcome_cancelled_file_dialog_chooses_nothing(qtbot, prefs, monkeypatch):
    monkeypatch.setattr(welcome_dialog, "open_file_name", lambda *a: "")
    monkeypatch.setattr(welcome_dialog, "save_file_name", lambda *a: "")
    d = WelcomeDialog(settings=prefs)
    qtbot.addWidget(d)
    d.open_button.click()
    d.new_button.click()
    assert d.choice is None
    assert d.result() != QDialog.DialogCode.Accepted


def test_welcome_lists_recent_files_and_opens_one(qtbot, tmp_path, prefs):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for f in (a, b):
        f.write_bytes(b"x")
        prefs.add_recent_file(f)
    d = WelcomeDialog(settings=prefs)
    qtbot.addWidget(d)
    assert d.recent.count() == 2
    assert d.recent.item(0).text().startswith("b.sqlite3")
    d.recent.itemActivated.emit(d.recent.item(1))
    assert (d.choice.action, d.choice.path) == ("open", a.resolve())


# --- About and keyboard shortcuts -------------------------------------------------------------


def test_shortcuts_come_from_the_window_actions(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    save = QAction("&Save", win)
    save.setShortcut(QKeySequence("Ctrl+S"))
    QAction("&Nothing", win)  # no key: not listed
    undo = QAction("&Undo", win)
    undo.setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence("Alt+Backspace")])
    rows = action_shortcuts(win)
    assert ("Save", "Ctrl+S") in rows
    assert ("Undo", "Ctrl+Z, Alt+Backspace") in rows
    assert all(r[0] != "Nothing" for r in rows)
    d = AboutDialog(win, tab=AboutDialog.SHORTCUTS)
    qtbot.addWidget(d)
    assert d.tabs.currentIndex() == AboutDialog.SHORTCUTS
    table = d.shortcuts
    cells = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert ("Save", "Ctrl+S") in cells
    assert ("Go to the search field", "Ctrl+F") in cells


def test_about_names_the_version_and_data_folder(qtbot):
    from tracker import __version__

    d = AboutDialog()
    qtbot.addWidget(d)
    assert f"Version {__version__}" in d.findChild(QLabel, "aboutTitle").text()
    assert str(paths.data_dir()) in d.findChild(QLabel, "aboutText").text()


def test_export_dialogs_start_in_the_export_folder(qtbot, tmp_path, demo_store, monkeypatch):
    from tracker.domain.filters import Filter
    from tracker.ui.dialogs.export_dialog import ExportDialog

    ctx = AppContext(demo_store)
    beside = ExportDialog(ctx, kind="projects", flt=Filter())
    qtbot.addWidget(beside)
    assert (
        Path(beside.path_edit.text()).parent == demo_store.path.parent
    )  # not set: beside the file
    folder = tmp_path / "exports"
    folder.mkdir()
    Settings().export_dir = folder  # the settings file the program reads (XDG_CONFIG_HOME)
    chosen = ExportDialog(ctx, kind="projects", flt=Filter())
    qtbot.addWidget(chosen)
    assert Path(chosen.path_edit.text()).parent == folder
