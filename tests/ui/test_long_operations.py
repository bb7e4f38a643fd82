"""Long work through the window (issue 17): a large import and a large export run in
the background with a progress bar, the window answers input meanwhile, Cancel
leaves the database and the target folder exactly as they were, and a failure
reaches the one handler with a plain message.

The worker is held still at a known point (its first report of rows done) by a
wrapper around ``Progress.__call__``, so the clicks land while it is mid-way,
whatever the machine's speed: the test never depends on timing.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from tracker.services import progress as steps
from tracker.services.progress import Progress
from tracker.store import connection as ss
from tracker.ui import operations
from tracker.ui.dialogs import import_dialog

ROWS = 20_000
HEADER = "code,name,sector,region,bank,borrower,amount,currency,disbursed,status\n"


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def checkpointed(path: Path) -> str:
    """Everything in the main file (no WAL to replay), then its sha256."""
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sha(path)


@pytest.fixture
def hold(monkeypatch):
    """hold(step) -> (reached, go): a worker stops at its first report of ``step`` with
    rows done, until ``go`` is set; then it goes on (and stops there if cancelled)."""

    def install(step: str) -> tuple[threading.Event, threading.Event]:
        reached, go = threading.Event(), threading.Event()
        real = Progress.__call__

        def call(self, done=None, total=None, what=None):  # noqa: ANN001, ANN202
            real(self, done, total, what)
            on_worker = threading.current_thread() is not threading.main_thread()
            if (
                on_worker
                and not reached.is_set()
                and (done or 0) > 0
                and self.snapshot().what == step
            ):
                reached.set()
                go.wait(30)
                real(self)  # a cancel that came meanwhile stops the work here

        monkeypatch.setattr(Progress, "__call__", call)
        return reached, go

    return install


@pytest.fixture
def boxes(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: shown.append((title, text)))
    return shown


def big_csv(folder: Path) -> Path:
    src = folder / "many.csv"
    lines = (
        f"NEW-{i:06d},Plant {i},industry,BY-MI,CDB,,{i}.00,USD,0,signed\n" for i in range(ROWS)
    )
    src.write_text(HEADER + "".join(lines), encoding="utf-8")
    return src


def ticking(qtbot, n: int = 5) -> None:  # noqa: ANN001
    """The window's event loop runs: a 10 ms timer fires ``n`` times."""
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= n, timeout=5000)
    timer.stop()


def open_import(win, qtbot, monkeypatch, src: Path):  # noqa: ANN001, ANN201
    d = win.open_import()
    monkeypatch.setattr(import_dialog, "choose_file", lambda *a: str(src))
    qtbot.mouseClick(d.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    assert d.import_button.isEnabled(), d.summary.text()
    return d


def test_large_import_shows_progress_answers_input_and_cancel_writes_nothing(
    open_window, demo_path, tmp_path, qtbot, monkeypatch, hold, boxes
):
    src = big_csv(tmp_path)
    win = open_window(demo_path)
    store = win.ctx.store
    n = store.count("projects")
    before = checkpointed(demo_path)
    d = open_import(win, qtbot, monkeypatch, src)
    reached, go = hold(steps.WRITING)
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)  # 5,000 rows in, inside its transaction
    try:
        # Progress: rows, elapsed, what it does.
        qtbot.waitUntil(lambda: "5,000 of 20,000" in d.progress.label.text(), timeout=3000)
        assert d.progress.isVisible() and d.progress.label.text().startswith("Writing rows")
        assert d.progress.bar.value() == 250 and ":" in d.progress.elapsed.text()
        assert d.progress.cancel_button.isEnabled() and not d.import_button.isEnabled()
        # The window answers: timers fire, a key moves the preview's current row.
        ticking(qtbot)
        d.preview.setFocus()
        d.preview.setCurrentCell(0, 1)
        qtbot.keyClick(d.preview, Qt.Key.Key_Down)
        assert d.preview.currentRow() == 1
        # The rows written so far are invisible to the window's own reads.
        assert store.count("projects") == n
        qtbot.mouseClick(d.progress.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        go.set()
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    assert d.reason.text() == "Import cancelled; nothing was written."
    assert not d.progress.isVisible() and boxes == []
    assert store.count("projects") == n and win.ctx.undo_stack.count() == 0
    assert store.query("SELECT count(*) AS n FROM projects WHERE code LIKE 'NEW-%'")[0]["n"] == 0
    assert checkpointed(demo_path) == before

    # Again, to the end: the rows arrive, one undo step, the table shows them.
    monkeypatch.undo()
    monkeypatch.setattr(import_dialog, "choose_file", lambda *a: str(src))
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy(), timeout=60000)
    assert "Imported 20000 new" in d.reason.text() or "Imported 20,000 new" in d.reason.text()
    assert store.count("projects") == n + ROWS and win.ctx.undo_stack.count() == 1
    qtbot.waitUntil(lambda: win.pages["projects"].table.model.rowCount() == n + ROWS, timeout=5000)
    d.close()


def test_large_export_shows_progress_answers_input_and_cancel_leaves_no_file(
    open_window, big_template, tmp_path, qtbot, hold, boxes
):
    db = tmp_path / "big.sqlite3"
    shutil.copyfile(big_template, db)
    win = open_window(db)
    before = checkpointed(db)
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "kept.txt").write_text("already here")
    listing = sorted(p.name for p in folder.iterdir())
    d = win.open_export()
    d.all_radio.setChecked(True)
    d.set_format("xlsx")
    d.path_edit.setText(str(folder / "snapshot.xlsx"))
    reached, go = hold(steps.WRITING)
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    try:
        qtbot.waitUntil(lambda: "2,000 of" in d.progress.label.text(), timeout=3000)
        assert d.progress.isVisible() and d.progress.bar.value() > 0
        assert not d.export_button.isEnabled()
        ticking(qtbot)
        d.path_edit.setFocus()
        qtbot.keyClicks(d.path_edit, "-typed")
        assert d.path_edit.text().endswith("-typed")
        qtbot.mouseClick(d.progress.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        go.set()
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    assert "cancelled; no file was written" in d.result_label.text() and boxes == []
    assert sorted(p.name for p in folder.iterdir()) == listing  # no snapshot, no part file
    assert win.ctx.store.rows("snapshots") == []
    assert checkpointed(db) == before
    d.close()


def test_a_failed_import_reaches_the_one_handler_with_a_plain_message(
    open_window, demo_path, tmp_path, qtbot, monkeypatch, boxes
):
    src = big_csv(tmp_path)
    win = open_window(demo_path)
    n = win.ctx.store.count("projects")
    before = checkpointed(demo_path)
    d = open_import(win, qtbot, monkeypatch, src)
    # A full disk: the worker's own connection may not grow the file.
    real = ss._connect

    def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
        conn = real(path, read_only=read_only)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn

    monkeypatch.setattr(ss, "_connect", connect)
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy(), timeout=60000)
    assert len(boxes) == 1
    title, text = boxes[0]
    assert title == "Import refused"
    assert text == (f"The disk holding {demo_path.name} is full (or the file reached its size "
                    "limit); nothing was written.")  # fmt: skip
    monkeypatch.undo()
    assert win.ctx.store.count("projects") == n and win.ctx.undo_stack.count() == 0
    assert checkpointed(demo_path) == before
    d.close()


def test_backup_and_restore_show_progress_and_cancel_changes_nothing(
    open_window, demo_path, qtbot, monkeypatch, hold, boxes
):
    from tracker.ui.dialogs import backups_dialog

    win = open_window(demo_path)
    d = win.open_backups()
    folder = Path(d.folder)
    d.backup_button.click()
    qtbot.waitUntil(lambda: not d.busy(), timeout=15000)
    first = d.last_backup
    assert first is not None and first.exists()
    listing = sorted(p.name for p in folder.iterdir())
    before = checkpointed(demo_path)

    # A backup held after its first pages, then cancelled: no file, no part file.
    reached, go = hold(steps.COPYING)
    d.backup_button.click()
    qtbot.waitUntil(reached.is_set, timeout=15000)
    try:
        assert d.progress.isVisible() and d.progress.cancel_button.isEnabled()
        ticking(qtbot)
        qtbot.mouseClick(d.progress.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        go.set()
    qtbot.waitUntil(lambda: not d.busy(), timeout=15000)
    assert sorted(p.name for p in folder.iterdir()) == listing
    assert d.status.text() == "Cancelled; nothing was changed."
    monkeypatch.undo()

    # A restore held while it copies the current file aside, then cancelled: the file
    # and the backup folder are as they were, and the window was not reopened.
    monkeypatch.setattr(backups_dialog, "ask", lambda *a: True)
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: boxes.append((title, text)))
    reached, go = hold(steps.COPYING)
    d.table.selectRow(0)
    store = win.ctx.store
    qtbot.mouseClick(d.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=15000)
    try:
        ticking(qtbot)
        qtbot.mouseClick(d.progress.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        go.set()
    qtbot.waitUntil(lambda: not d.busy(), timeout=15000)
    assert d.status.text() == "Cancelled; nothing was changed." and boxes == []
    assert sorted(p.name for p in folder.iterdir()) == listing
    assert win.ctx.store is store
    assert checkpointed(demo_path) == before
    d.close()
