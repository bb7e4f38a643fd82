"""The operations runner: work runs on a worker thread with its own connection, the
result comes back on the window's thread, a write's Change is announced, Cancel
before the commit point writes nothing, and a failure reaches the one handler."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tracker.services.changes import Change
from tracker.services.progress import Cancelled, Progress
from tracker.store import StoreError
from tracker.ui import operations
from tracker.ui.operations import CollectionOp, ProgressPanel, QueryOp


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def shown(monkeypatch):
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: boxes.append((title, text)))
    return boxes


def test_query_runs_off_the_window_thread_on_its_own_connection(ctx, qtbot):
    seen = {}

    def read(store, progress):
        seen["thread"] = threading.get_ident()
        seen["same_conn"] = store.conn is ctx.store.conn
        progress(1, 1, "counting")
        return store.count("projects")

    got = []
    op = QueryOp(None, ctx.store, read).success(lambda n: got.append((n, threading.get_ident())))
    op.run_in_background()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0][0] == ctx.store.count("projects")
    assert got[0][1] == threading.get_ident() != seen["thread"]  # answered on the GUI thread
    assert seen["same_conn"] is False


def test_write_announces_its_change_and_marks_the_file_changed(ctx, qtbot):
    def write(store, progress):
        row = store.get("projects", 1)
        store.update("projects", 1, {"name": "Renamed in the background"},
                     expected_version=row["version"], user="test")  # fmt: skip
        return Change("projects", (1,), "update")

    changes = []
    ctx.changed.connect(changes.append)
    ctx.store.changed = False
    op = CollectionOp(None, ctx, write).run_in_background()
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    assert changes == [Change("projects", (1,), "update")]
    assert ctx.store.changed  # the window backs the file up when it closes
    assert ctx.store.get("projects", 1)["name"] == "Renamed in the background"


def test_cancel_before_the_commit_point_writes_nothing(ctx, qtbot, shown):
    started, go = threading.Event(), threading.Event()
    before = sha(ctx.store.path)

    def write(store, progress: Progress):
        with store._write() as c:
            c.execute("DELETE FROM project_updates")
            started.set()
            go.wait(5)
            progress.commit_point()  # raises: the cancel came first
        return Change("project_updates", (), "delete")

    cancelled, succeeded = [], []
    op = CollectionOp(None, ctx, write).with_progress(None, cancellable=True)
    op.success(succeeded.append).on_cancelled(lambda: cancelled.append(True))
    op.run_in_background()
    assert started.wait(5)
    assert op.cancel()
    go.set()
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    assert cancelled == [True] and succeeded == [] and shown == []
    assert isinstance(op.error, Cancelled)
    assert ctx.store.count("project_updates") > 0
    assert sha(ctx.store.path) == before


def test_cancel_after_the_commit_point_is_refused_and_the_work_completes(ctx, qtbot):
    committing, go = threading.Event(), threading.Event()

    def write(store, progress: Progress):
        with store._write() as c:
            c.execute("DELETE FROM project_updates")
            progress.commit_point()
            committing.set()
            go.wait(5)
        return Change("project_updates", (), "delete")

    op = CollectionOp(None, ctx, write).with_progress(None, cancellable=True).run_in_background()
    assert committing.wait(5)
    assert not op.cancel()
    go.set()
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    assert op.error is None and ctx.store.count("project_updates") == 0


def test_a_failure_reaches_the_one_handler_with_the_plain_message(ctx, qtbot, shown):
    def write(store, progress):
        raise StoreError("portfolio.sqlite3 is full; nothing was written.")

    parent = QWidget()
    op = CollectionOp(parent, ctx, write, title="Import").run_in_background()
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    assert shown == [("Import", "portfolio.sqlite3 is full; nothing was written.")]
    parent.deleteLater()


def test_a_bug_is_shown_plainly_too(ctx, qtbot, shown):
    op = QueryOp(None, ctx.store, lambda store, progress: 1 / 0).run_in_background()
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    assert shown and shown[0][1].startswith("ZeroDivisionError")


def test_no_answer_once_the_parent_is_gone(ctx, qtbot, shown):
    go = threading.Event()
    parent = QWidget()
    got = []
    op = QueryOp(parent, ctx.store, lambda store, progress: go.wait(5)).success(got.append)
    op.run_in_background()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    go.set()
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    assert got == [] and shown == []


def _alive(w) -> bool:
    import shiboken6

    return shiboken6.isValid(w)


def test_a_newer_question_supersedes_the_older(ctx, qtbot):
    go = threading.Event()
    got = []
    first = QueryOp(None, ctx.store, lambda s, p: (go.wait(5), p.check(), "old")[2])
    first.success(got.append).superseding("q").run_in_background()
    second = QueryOp(None, ctx.store, lambda s, p: "new").success(got.append)
    second.superseding("q").run_in_background()
    go.set()
    qtbot.waitUntil(lambda: first.delivered and second.delivered, timeout=5000)
    assert got == ["new"] and isinstance(first.error, Cancelled)


def test_panel_shows_rows_elapsed_and_cancels(ctx, qtbot):
    host = QWidget()
    panel = ProgressPanel(host)
    qtbot.addWidget(host)
    host.show()
    started, go = threading.Event(), threading.Event()

    def work(store, progress: Progress):
        progress(250, 1000, "checking rows")
        started.set()
        while not go.wait(0.01):
            progress.check()
        return 1

    op = QueryOp(host, ctx.store, work).with_progress(panel).run_in_background()
    assert started.wait(5)
    qtbot.waitUntil(lambda: "250" in panel.label.text(), timeout=3000)
    assert panel.isVisible() and panel.bar.value() == 250 and ":" in panel.elapsed.text()
    assert "Checking rows" in panel.label.text() and "1,000" in panel.label.text()
    qtbot.mouseClick(panel.cancel_button, _left())
    qtbot.waitUntil(lambda: op.delivered, timeout=5000)
    go.set()
    assert isinstance(op.error, Cancelled) and not panel.isVisible()


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_background_work_leaves_the_window_thread_its_turns(ctx, qtbot):
    """While work runs: no cycle-collector pass (over the work's millions of objects, each
    holding the interpreter's lock for tenths of a second) and a 1 ms lock hand-over; after
    it, both as before, and what the work left alive is out of the collector's way."""
    import gc
    import sys

    interval, frozen = sys.getswitchinterval(), gc.get_freeze_count()
    assert gc.isenabled()
    seen = {}

    def work(store, progress):  # noqa: ANN001
        seen["gc"], seen["switch"] = gc.isenabled(), sys.getswitchinterval()
        return [[i] for i in range(1000)]  # lists: objects the collector tracks

    op = QueryOp(None, ctx.store, work, title="t").run_in_background()
    qtbot.waitUntil(op.done, timeout=5000)
    assert seen == {"gc": False, "switch": operations.SHARED_SWITCH_INTERVAL}
    assert gc.isenabled() and sys.getswitchinterval() == interval
    assert gc.get_freeze_count() >= frozen + 1000


def test_the_windows_own_reads_run_one_at_a_time_and_long_ones_beside_them(ctx, qtbot):
    """After a bulk change the chart, the footer's sums and the attention list all start:
    one after the other, so the window's thread waits on one thread for the interpreter's
    lock, not three. A long read (a backup, a check) does not hold them up."""
    gate = threading.Event()
    started: list[str] = []

    def held(name):  # noqa: ANN001, ANN202
        def work(store, progress):  # noqa: ANN001
            started.append(name)
            gate.wait(5)
            return name

        return work

    long_op = QueryOp(None, ctx.store, held("long"), long=True).run_in_background()
    first = QueryOp(None, ctx.store, held("chart")).run_in_background()
    qtbot.waitUntil(lambda: sorted(started) == ["chart", "long"], timeout=5000)
    second = QueryOp(None, ctx.store, held("totals")).run_in_background()
    third = QueryOp(None, None, lambda progress: started.append("no store")).run_in_background()
    qtbot.wait(300)
    assert sorted(started) == ["chart", "long"]  # the short ones wait for the first
    gate.set()
    qtbot.waitUntil(lambda: all(op.done() for op in (long_op, first, second, third)), timeout=5000)
    assert sorted(started[2:]) == ["no store", "totals"]
