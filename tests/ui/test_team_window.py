"""The window on a team server: the same table and charts, a viewer's window read-only
and saying why, two windows on one server following each other's saves, and the
server going away mid-session."""

from __future__ import annotations

import contextlib

import pytest

from tracker.store.postgres import PgStore
from tracker.store.postgres.copying import copy_portfolio


@pytest.fixture
def server_url(pg_url, demo_path) -> str:
    copy_portfolio(str(demo_path), pg_url)
    return pg_url


@pytest.fixture
def server_window(qtbot, monkeypatch):
    """server_window(url) -> MainWindow on a PgStore, shown and started."""
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow
    from tracker.ui.panes import form_pane

    opened = []

    def _open(url: str):
        store = PgStore.open(url)
        win = MainWindow(AppContext(store, user="tester"), view="projects")
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: win._started, timeout=10_000)
        opened.append((win, store))
        return win

    yield _open
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *a, **k: form_pane.DISCARD)
    for win, store in opened:
        with contextlib.suppress(RuntimeError):
            win.team.timer.stop()
            win.close()
            win.deleteLater()
        store.close()


def _model(win):
    return win.pages["projects"].table.model


def _cell(win, pk: int, column: str):
    model = _model(win)
    row = model.row_of(pk)
    return model.record(row)[column] if row >= 0 else None


def test_the_window_shows_the_server_portfolio(server_window, server_url):
    win = server_window(server_url)
    assert _model(win).rowCount() == 34
    assert win.team is not None and not win.ctx.read_only
    assert win.status_file.text() == win.ctx.store.name and "local socket" in win.status_file.text()


def test_a_viewers_window_is_read_only_and_says_why(server_window, server_url, pg_cluster):
    with PgStore.open(server_url) as owner:
        login = f"{owner.dbname}_win_viewer"
        owner.grant(login, "viewer")
    try:
        win = server_window(server_url.replace("postgres@", f"{login}@"))
        assert win.ctx.read_only
        assert "viewer role" in win.status_read_only.text()
        assert not win.actionSave.isEnabled() if hasattr(win, "actionSave") else True
    finally:
        pg_cluster.psql(f'DROP OWNED BY "{login}"; DROP ROLE "{login}"',
                        dbname=server_url.split("?")[0].rsplit("/", 1)[1])  # fmt: skip


def test_two_windows_one_saves_the_others_table_follows(qtbot, server_window, server_url):
    a = server_window(server_url)
    b = server_window(server_url)
    before = _cell(a, 1, "name")
    assert _cell(b, 1, "name") == before
    b_store = b.ctx.store
    row = b_store.get("projects", 1)
    from tracker.services import edits

    change, _ = edits.edit_record(b_store, kind="projects", pk=1, values={"name": "Renamed by B"},
                                  expected_version=row["version"], user="b")  # fmt: skip
    b.ctx.changed.emit(change)
    qtbot.waitUntil(lambda: _cell(a, 1, "name") == "Renamed by B", timeout=10_000)
    assert a.team.followed >= 1
    # A new record of B's appears in A's table too, and A's footer counts it.
    pid = b_store.insert("projects", {"code": "B-NEW", "name": "From B", "sector": "energy",
                                      "bank_id": 1, "amount": 5, "currency": "USD",
                                      "status": "pipeline"}, user="b")  # fmt: skip
    qtbot.waitUntil(lambda: _model(a).row_of(pid) >= 0, timeout=10_000)
    assert _model(a).rowCount() == 35


def test_the_server_going_away_is_said_and_the_window_comes_back(qtbot, server_window,
                                                                  own_server):  # fmt: skip
    cluster, url = own_server
    win = server_window(url)
    cluster.stop("fast")
    qtbot.waitUntil(lambda: win.team.away, timeout=10_000)
    assert "Server unreachable" in win.status_network.text() and win.status_network.isVisible()
    from tracker.store import StoreError

    with pytest.raises(StoreError, match="cannot be reached|connection"):
        win.ctx.store.update("projects", 1, {"name": "x"}, expected_version=None, user="t")
    cluster.start()
    qtbot.waitUntil(lambda: not win.team.away, timeout=20_000)
    assert "again" in win.status_network.text()
    assert win.ctx.store.get("projects", 1)["name"] != "x"  # nothing half-written


@pytest.fixture
def own_server(demo_path):
    from tests.pg_cluster import find_bin_dir, remove_cluster, start_cluster

    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found")
    cluster = start_cluster(bin_dir)
    url = cluster.url(cluster.new_database())
    copy_portfolio(str(demo_path), url)
    yield cluster, url
    remove_cluster(cluster)


@pytest.fixture
def colleague(server_url, pg_cluster):
    """A second login (editor) on the same server portfolio: another person's store."""
    with PgStore.open(server_url) as owner:
        login = f"{owner.dbname}_colleague"
        owner.grant(login, "editor")
    store = PgStore.open(server_url.replace("postgres@", f"{login}@"))
    yield login, store
    store.close()
    pg_cluster.psql(f'DROP OWNED BY "{login}"; DROP ROLE "{login}"',
                    dbname=server_url.split("?")[0].rsplit("/", 1)[1])  # fmt: skip


def test_a_form_changed_underneath_says_who_and_keeps_the_edits(qtbot, server_window, colleague,
                                                                 server_url, monkeypatch):  # fmt: skip
    from PySide6.QtCore import Qt

    from tracker.ui.panes import form_pane

    login, theirs = colleague
    win = server_window(server_url)
    page = win.pages["projects"]
    assert page.select(1)
    form, banner = page.form, page.form.changed_banner
    name = form.editors["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "My draft")
    assert form.is_dirty()

    def save_theirs(text: str) -> None:
        row = theirs.get("projects", 1)
        theirs.update("projects", 1, {"name": text}, expected_version=row["version"], user="x")

    save_theirs("Their name")
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.by == login and login in banner.text.text()
    assert banner.at and banner.reload_button.isVisible() and banner.keep_button.isVisible()
    assert name.text() == "My draft" and form.is_dirty()  # the edits are not lost
    # Keep editing: the edits stay; the save meets the version check and is refused, saying so.
    qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible() and name.text() == "My draft"
    asked: list[str] = []
    monkeypatch.setattr(form_pane, "ask", lambda parent, title, text: asked.append(text) or False)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked and "changed by someone else" in asked[0]
    assert "Not saved" in form.form_error.text() and name.text() == "My draft"
    assert theirs.get("projects", 1)["name"] == "Their name"
    # Reload: their version replaces the edits.
    save_theirs("Their second name")
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert name.text() == "Their second name" and not form.is_dirty() and not banner.isVisible()
    # Without edits the form follows at once and only says whose change it shows.
    save_theirs("Their third name")
    qtbot.waitUntil(lambda: name.text() == "Their third name", timeout=10_000)
    assert banner.isVisible() and login in banner.text.text()
    assert not banner.reload_button.isVisible()


def test_a_server_window_exports_prints_and_keeps_backup_copies(qtbot, server_window, server_url,
                                                                tmp_path):  # fmt: skip
    """No file beside which to write: export, print and backups take the settings' folders,
    the home folder or the program's server-backups folder, named after the database."""
    import openpyxl
    from PySide6.QtCore import Qt

    from tracker import paths
    from tracker.ui import opening, printing

    win = server_window(server_url)
    db = win.ctx.store.dbname
    assert printing.suggested_pdf(win.ctx, "report").name.startswith("report-")
    win.actionExport.trigger()
    export = win.dialogs["export"]
    assert db in export.path_edit.text()
    out = tmp_path / "server.xlsx"
    snapshots = win.ctx.store.count("snapshots")
    export.path_edit.setText(str(out))
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not export.busy(), timeout=30_000)
    assert export.result is not None, export.result_label.text()
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb["Projects"].max_row in (35, 36)  # header, the server's 34 projects (a total)
    wb.close()
    assert win.ctx.store.count("snapshots") == snapshots + 1  # recorded on the server
    export.close()
    win.actionBackups.trigger()
    backups = win.dialogs["backups"]
    assert not backups.restore_button.isEnabled()
    qtbot.mouseClick(backups.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not backups.busy(), timeout=30_000)
    made = backups.last_backup
    assert made is not None and made.parent == paths.server_backups_dir()
    assert made.name.startswith(db + "-") and backups.table.rowCount() == 1
    backups.table.selectRow(0)
    assert not backups.restore_button.isEnabled()  # a server is not restored from a copy here
    assert backups.restore_selected() is None
    backups.close()
    # The copy is the one offered when the server cannot be reached.
    assert made.parent in opening.server_backup_folders(None)


def test_a_server_window_compares_with_an_earlier_snapshot(qtbot, server_window, server_url,
                                                           tmp_path):  # fmt: skip
    from tracker.services.export import export_snapshot

    win = server_window(server_url)
    store = win.ctx.store
    snap = tmp_path / "last-month.sqlite3"
    export_snapshot(store, fmt="sqlite", out=snap, user="tester")
    row = store.get("projects", 1)
    store.update("projects", 1, {"name": "Renamed since"}, expected_version=row["version"],
                 user="tester")  # fmt: skip
    win.actionCompare.trigger()
    dialog = win.dialogs["compare"]
    assert any(s.path == snap for s in dialog.snapshots)  # recorded on the server
    dialog.compare_with(snap)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert "Projects: 0 added, 0 removed, 1 changed" in dialog.summary.text()
    dialog.close()
