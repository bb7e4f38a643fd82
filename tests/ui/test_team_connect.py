"""Reaching the team's server from the window: File › Connect to server… (a password for
the session only, libpq's ~/.pgpass when none is typed, plain messages for a refused
login and a server that is not there), connection URLs in File › Open and the recent
list (kept without a password), and at start the offer of the newest backup copy
read-only when the server cannot be reached."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.pg_cluster import SUPERUSER_PASSWORD, _free_port
from tracker.store import Store
from tracker.store.postgres import PgStore
from tracker.store.postgres.copying import copy_portfolio
from tracker.ui import opening, shell
from tracker.ui.dialogs import connect_dialog, welcome_dialog
from tracker.ui.settings import Settings


@pytest.fixture
def server_url(pg_url, demo_path) -> str:
    copy_portfolio(str(demo_path), pg_url)
    return pg_url


@pytest.fixture
def prefs(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def host(qapp, prefs, demo_path):
    h = shell.Shell(qapp, prefs)
    h.show(Store.open(demo_path, backup=False))
    yield h
    _close(h)


def _close(h: shell.Shell) -> None:
    """The window goes before its store is closed (its pending reads die with it)."""
    import shiboken6

    if h.window is not None:
        h.window.skip_settings = True
        h.window.close()
        shiboken6.delete(h.window)
    h.close()
    QApplication.processEvents()


def _dbname(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def _rows(win) -> int:
    return win.pages["projects"].table.model.rowCount()


def _shown():  # noqa: ANN202
    """The main window on the screen (the shell builds a new one per database)."""
    from tracker.ui.main_window import MainWindow

    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible())  # fmt: skip


def _recent(win, data: str):  # noqa: ANN001, ANN202
    """The File › Recent action that opens ``data``."""
    win.menuRecent.aboutToShow.emit()
    return next(a for a in win.menuRecent.actions() if a.data() == data)


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    if text:
        qtbot.keyClicks(field, text)
    else:
        field.clear()


def test_connect_to_server_says_why_it_fails_and_keeps_no_password(qtbot, host, prefs, pg_cluster,
                                                                   server_url, monkeypatch):  # fmt: skip
    db = _dbname(server_url)
    said: list[str] = []

    def person(dialog: connect_dialog.ConnectDialog) -> bool:
        _type(qtbot, dialog.host, "127.0.0.1")
        dialog.port.setValue(_free_port())  # nothing listens there
        _type(qtbot, dialog.database, db)
        _type(qtbot, dialog.user, "postgres")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text())
        dialog.port.setValue(pg_cluster.port)
        _type(qtbot, dialog.password, "not-the-password")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text())
        _type(qtbot, dialog.password, SUPERUSER_PASSWORD)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(connect_dialog, "run", person)
    first = host.window
    host.window.actionConnectServer.trigger()
    assert "cannot connect to the server" in said[0] and db in said[0]
    assert "refused the login" in said[1]
    assert host.window is not first and host.store.path is None
    assert _rows(host.window) == 34 and not host.window.ctx.read_only
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{db}"
    assert prefs.recent_databases[0] == url  # the server in the recent list, no password
    prefs.sync()
    assert SUPERUSER_PASSWORD not in prefs.path.read_text()
    # The recent list brings the file back, and the server again (the session's password).
    host.fill_recent(host.window)
    files = [a for a in host.window.menuRecent.actions() if a.data()]
    files[0].trigger()
    assert host.store.path is not None
    host.fill_recent(host.window)
    again = next(a for a in host.window.menuRecent.actions() if a.data() == url)
    assert db in again.text() and "127.0.0.1" in again.text()
    again.trigger()
    assert host.store.path is None and host.store.url == url and _rows(host.window) == 34
    prefs.sync()
    assert SUPERUSER_PASSWORD not in prefs.path.read_text()


def test_pgpass_answers_when_no_password_is_typed_and_open_takes_a_url(
    qtbot, qapp, prefs, demo_path, pg_cluster, server_url, tmp_path, monkeypatch
):
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{_dbname(server_url)}"
    prefs.add_recent_file(url)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_cluster.port}:*:postgres:{SUPERUSER_PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.setattr(connect_dialog, "run", lambda d: pytest.fail("asked for a password"))
    h = shell.Shell(qapp, prefs)  # a new session: no password typed in it
    try:
        h.show(Store.open(demo_path, backup=False))
        h.fill_recent(h.window)
        next(a for a in h.window.menuRecent.actions() if a.data() == url).trigger()
        assert h.store.path is None and _rows(h.window) == 34
        # File › Open with a connection URL typed as the name (here over the socket).
        asked: list[tuple] = []
        monkeypatch.setattr(
            welcome_dialog, "open_file_name", lambda *a: asked.append(a) or server_url
        )
        h.open_choice(welcome_dialog.WelcomeChoice("open", demo_path))
        assert h.window.actionOpenDatabase.isEnabled()
        h.window.actionOpenDatabase.trigger()
        assert h.store.path is None and "local socket" in h.store.name
        assert asked[0][4] is True  # the Open dialog was asked to take a URL as the name
    finally:
        _close(h)


def _start(qapp, monkeypatch, url: str):
    """run_gui on a server URL; the window shown (if any) is read and closed."""
    import shiboken6

    from tracker.ui import app
    from tracker.ui.main_window import MainWindow

    seen: dict = {}

    def fake_exec() -> int:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.update(rows=_rows(w), read_only=w.ctx.read_only,
                            status=w.status_read_only.text())  # fmt: skip
                w.skip_settings = True
                w.close()
                shiboken6.delete(w)
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    return app.run_gui(db=url, demo=False, read_only=False, smoke=False), seen


def test_at_start_an_unreachable_server_offers_its_newest_backup_read_only(
    qtbot, qapp, server_url, tmp_path, monkeypatch
):
    db = _dbname(server_url)
    gone = f"postgresql://postgres@127.0.0.1:{_free_port()}/{db}"  # nothing listens there
    errors: list[str] = []
    monkeypatch.setattr(opening, "error_box", lambda title, text: errors.append(text))
    # No copy of it anywhere: said, with where it looked.
    assert _start(qapp, monkeypatch, gone) == (1, {})
    assert "cannot connect" in errors[0] and "no backup copy of " + db in errors[0]
    # A copy made earlier with tracker backup into the settings' backup folder.
    folder = tmp_path / "bk"
    Settings().backup_dir = str(folder)
    with PgStore.open(server_url) as s:
        s.make_backup(folder)
    asked: list[str] = []
    monkeypatch.setattr(opening, "ask_open_backup", lambda p, t, text: asked.append(text) or True)
    code, seen = _start(qapp, monkeypatch, gone)
    assert code == 0 and asked and db in asked[0] and "read-only" in asked[0]
    assert seen["rows"] == 34 and seen["read_only"]
    assert "backup copy of " + db in seen["status"]


def test_the_open_dialog_takes_a_url_typed_as_the_name(qtbot, demo_path):
    """Qt's own Open dialog refuses a name that is no existing file; File › Open's takes
    a connection URL typed there, and a file as before."""
    from PySide6.QtWidgets import QLineEdit

    url = "postgresql://anna@dbhost:5432/portfolio"
    dialog = welcome_dialog._OpenOrUrl(None, "Open database", str(demo_path.parent), "*")
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    edit.setFocus()
    qtbot.keyClicks(edit, url)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.name == url
    dialog = welcome_dialog._OpenOrUrl(None, "Open database", str(demo_path.parent), "*")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.selectFile(str(demo_path))
    qtbot.waitUntil(lambda: dialog.typed() == demo_path.name)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.name == str(demo_path)


def test_at_start_a_refused_login_asks_for_the_password(qtbot, qapp, pg_cluster, server_url,
                                                        tmp_path, monkeypatch):  # fmt: skip
    """tracker gui --db URL with no password anywhere: the server's refusal is shown in
    Connect to server…, which connects with the password typed there."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{_dbname(server_url)}"
    shown: list[str] = []

    def person(dialog: connect_dialog.ConnectDialog) -> bool:
        shown.append(dialog.error.text())
        assert dialog.database.text() == _dbname(server_url) and dialog.host.text() == "127.0.0.1"
        _type(qtbot, dialog.password, SUPERUSER_PASSWORD)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(connect_dialog, "run", person)
    code, seen = _start(qapp, monkeypatch, url)
    assert "refused the login" in shown[0] or "no password" in shown[0]
    assert code == 0 and seen["rows"] == 34 and not seen["read_only"]
    assert SUPERUSER_PASSWORD not in Settings().path.read_text()


def test_the_last_server_reopens_at_start_its_backup_or_the_welcome(qtbot, qapp, server_url,
                                                                    tmp_path, monkeypatch):  # fmt: skip
    """The program closed on a server opens it again at start; when it cannot be reached,
    its newest backup copy is offered, and without one the welcome screen's choices (the
    person is never locked out by a server that is gone)."""
    db = _dbname(server_url)
    prefs = Settings()
    prefs.last_database = server_url
    assert prefs.last_database == server_url
    code, seen = _start(qapp, monkeypatch, None)
    assert code == 0 and seen["rows"] == 34 and not seen["read_only"]
    gone = f"postgresql://postgres@127.0.0.1:{_free_port()}/{db}"
    prefs.last_database = gone
    folder = tmp_path / "bk"
    prefs.backup_dir = str(folder)
    with PgStore.open(server_url) as s:
        made = s.make_backup(folder)
    monkeypatch.setattr(opening, "ask_open_backup", lambda *a: True)
    code, seen = _start(qapp, monkeypatch, None)
    assert code == 0 and seen["rows"] == 34 and seen["read_only"]
    assert prefs.last_database == gone  # the copy stood in for the server: still the last
    made.unlink()
    for folder in opening.server_backup_folders(prefs.backup_dir):  # the daily copies too
        for p in folder.glob(f"{db}-*.sqlite3"):
            p.unlink()
    errors: list[str] = []
    welcomed: list[bool] = []
    monkeypatch.setattr(opening, "error_box", lambda title, text: errors.append(text))
    monkeypatch.setattr(shell, "run_welcome", lambda p: welcomed.append(True) and None)
    assert _start(qapp, monkeypatch, None) == (1, {})
    assert "no backup copy of " + db in errors[0] and welcomed


def _server_file_server(qapp, monkeypatch, demo_path, *, start: str, again: str) -> dict:  # noqa: ANN001
    """A whole session: the window starts on the server ``start``, opens the demo file from
    File › Recent, then the server from it again (``again``: as the list holds it).
    What it saw: the first window's server (its URL), whether the file opened, and the
    rows of the server's table when it opened again (None if it did not)."""
    import shiboken6

    from tracker.ui import app

    seen: dict = {}

    def session() -> int:
        win = _shown()
        seen["first"] = getattr(win.ctx.store, "url", None)
        _recent(win, str(demo_path)).trigger()  # a file in between
        win = _shown()
        seen["file"] = win.ctx.store.path is not None
        _recent(win, again).trigger()
        win = _shown()
        seen["again"] = _rows(win) if win.ctx.store.path is None else None
        win.skip_settings = True
        win.close()
        shiboken6.delete(win)
        return 0

    monkeypatch.setattr(qapp, "exec", session)
    assert app.run_gui(db=start, demo=False, read_only=False, smoke=False) == 0
    return seen


def test_a_password_typed_at_start_serves_the_whole_session_and_is_never_saved(
    qtbot, qapp, pg_cluster, server_url, demo_path, tmp_path, monkeypatch
):
    """The password typed when the server refused the login at start reopens that server
    later in the session (after a file, from the recent list) without asking again; the
    settings file never holds it."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(connect_dialog, "_session_passwords", {}, raising=False)
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{_dbname(server_url)}"
    Settings().add_recent_file(demo_path)
    asked: list[str] = []

    def person(dialog: connect_dialog.ConnectDialog) -> bool:
        asked.append(dialog.error.text())
        _type(qtbot, dialog.password, SUPERUSER_PASSWORD)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(connect_dialog, "run", person)
    assert _server_file_server(qapp, monkeypatch, demo_path, start=url, again=url) == {
        "first": url, "file": True, "again": 34}  # fmt: skip
    assert len(asked) == 1  # asked once, at start
    settings = Settings()
    settings.sync()
    assert SUPERUSER_PASSWORD not in settings.path.read_text()


def test_a_password_in_the_url_serves_the_whole_session_and_is_never_saved(
    qtbot, qapp, pg_cluster, server_url, demo_path, tmp_path, monkeypatch
):
    """`tracker gui --db postgresql://user:password@…`: the recent list keeps the URL
    without the password, and reopening the server from it later in the session (after a
    file) uses the password the URL carried instead of asking; nothing saved holds it."""
    from urllib.parse import quote

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(connect_dialog, "_session_passwords", {}, raising=False)
    plain = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{_dbname(server_url)}"
    secret = plain.replace("postgres@", f"postgres:{quote(SUPERUSER_PASSWORD, safe='')}@", 1)
    Settings().add_recent_file(demo_path)
    asked: list[str] = []

    def person(dialog: connect_dialog.ConnectDialog) -> bool:
        asked.append(dialog.error.text())
        return False

    monkeypatch.setattr(connect_dialog, "run", person)
    # the server again from the recent list, which holds the URL without the password
    assert _server_file_server(qapp, monkeypatch, demo_path, start=secret, again=plain) == {
        "first": plain, "file": True, "again": 34}  # fmt: skip
    assert asked == []  # never asked
    settings = Settings()
    settings.sync()
    text = settings.path.read_text()
    assert plain in text and SUPERUSER_PASSWORD not in text


@pytest.mark.parametrize(
    ("url", "password"),
    [
        ("postgresql://ann:s%40fe%3Aw0rd@db.example:5432/tracker", "s@fe:w0rd"),
        ("postgresql://ann@db.example/tracker?password=p%26q&sslmode=require", "p&q"),
        ("postgresql://ann:@db.example/tracker", None),
        ("postgresql://ann@db.example/tracker", None),
        ("postgresql:///tracker?host=/run/postgresql", None),
    ],
)
def test_the_password_a_url_carries_is_read_as_libpq_reads_it(url, password):
    from tracker.store.opening import safe_target, url_password

    assert url_password(url) == password
    assert url_password("/home/ann/portfolio.sqlite3") is None
    if password:
        assert password not in safe_target(url)


def test_the_welcome_screen_connects_to_a_server(qtbot, qapp, pg_cluster, server_url,
                                                 monkeypatch):  # fmt: skip
    """First run: the welcome screen's Connect to a server… asks in Connect to server… and
    the window opens on the server; its recent list and a URL typed in Open a file… reach
    the server too."""
    db = _dbname(server_url)
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{db}"
    monkeypatch.setattr(connect_dialog, "_session_passwords", {}, raising=False)

    def person(dialog: connect_dialog.ConnectDialog) -> bool:
        _type(qtbot, dialog.host, "127.0.0.1")
        dialog.port.setValue(pg_cluster.port)
        _type(qtbot, dialog.database, db)
        _type(qtbot, dialog.user, "postgres")
        _type(qtbot, dialog.password, SUPERUSER_PASSWORD)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    def welcome(click):  # noqa: ANN001, ANN202
        def run(prefs):  # noqa: ANN001, ANN202
            dialog = welcome_dialog.WelcomeDialog(settings=prefs)
            qtbot.addWidget(dialog)
            dialog.show()
            click(dialog)
            return dialog.choice if dialog.result() == QDialog.DialogCode.Accepted else None

        return run

    monkeypatch.setattr(connect_dialog, "run", person)
    monkeypatch.setattr(shell, "run_welcome", welcome(
        lambda d: qtbot.mouseClick(d.server_button, Qt.MouseButton.LeftButton)))  # fmt: skip
    code, seen = _start(qapp, monkeypatch, None)
    assert code == 0 and seen["rows"] == 34 and not seen["read_only"]
    prefs = Settings()
    assert prefs.recent_databases[0] == url  # kept without the password
    assert SUPERUSER_PASSWORD not in prefs.path.read_text()
    # The welcome again (the last server forgotten): the server in its recent list.
    prefs.last_database = None
    monkeypatch.setattr(connect_dialog, "run", lambda d: pytest.fail("asked for the password"))

    picked: list[bool] = []

    def pick_recent(d: welcome_dialog.WelcomeDialog) -> None:
        picked.append(True)
        assert d.recent.isVisible() and d.recent.count() == 1
        item = d.recent.item(0)
        assert db in item.text() and "127.0.0.1" in item.text()
        d.recent.itemActivated.emit(item)

    monkeypatch.setattr(shell, "run_welcome", welcome(pick_recent))
    code, seen = _start(qapp, monkeypatch, None)
    assert picked and code == 0 and seen["rows"] == 34  # the session's password, not asked again
    # A URL typed as the name in Open a file….
    prefs.last_database = None
    asked: list[bool] = []
    monkeypatch.setattr(welcome_dialog, "open_file_name",
                        lambda *a: asked.append(a[4] if len(a) > 4 else False) or url)  # fmt: skip
    monkeypatch.setattr(shell, "run_welcome", welcome(
        lambda d: qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)))  # fmt: skip
    code, seen = _start(qapp, monkeypatch, None)
    assert asked == [True] and code == 0 and seen["rows"] == 34


def test_a_server_is_copied_once_a_day_off_the_window_thread(qtbot, host, prefs, server_url,
                                                             tmp_path, monkeypatch):  # fmt: skip
    """A window on a server makes the day's SQLite copy in the background (none when the
    folder holds one younger than a day), where the read-only offer for an unreachable
    server finds it; closing the window does not wait for a copy under way."""
    import datetime as dt
    import time

    from tracker.store import backups

    db = _dbname(server_url)
    folder = tmp_path / "bk"
    prefs.backup_dir = str(folder)
    assert host.open_server(server_url)
    op = host.window.server_backup
    assert op is not None
    qtbot.waitUntil(lambda: op.delivered, timeout=60_000)
    made = backups.list_backups(folder, db)
    assert [b.reason for b in made] == ["open"]
    with Store.open(made[0].path, read_only=True, backup=False) as copy:
        assert copy.count("projects") == 34
    # The same day: no second copy.
    assert host.rebuild() and host.window.server_backup is None
    # A day later (the copy's stamp set back two days): the next open copies again.
    old = made[0].taken_at - dt.timedelta(days=2)
    made[0].path.rename(folder / f"{db}-{old:%Y%m%dT%H%M%S%f}Z-open.sqlite3")
    assert host.rebuild() and host.window.server_backup is not None
    # Closing at once does not wait for the copy, and leaves no half-written file.
    op = host.window.server_backup
    host.window.skip_settings = True
    started = time.monotonic()
    host.window.close()
    assert time.monotonic() - started < 10 and op.done()
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
    # The unreachable server's offer finds the newest copy.
    gone = f"postgresql://postgres@127.0.0.1:{_free_port()}/{db}"
    monkeypatch.setattr(opening, "ask_open_backup", lambda *a: True)
    store = opening.offer_server_backup(gone, OSError("gone"),
                                        folders=opening.server_backup_folders(prefs.backup_dir))  # fmt: skip
    assert store is not None and store.read_only
    store.close(backup=False)
