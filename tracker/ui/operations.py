"""One way to run work off the window's thread (after Anki's ``aqt.operations``).

``CollectionOp(parent, ctx, op).success(...).failure(...).run_in_background()``
runs a write, ``QueryOp(parent, store, op)`` a long read. ``op(store, progress)``
runs on a worker thread with a store of its own; ``success(result)`` or
``failure(exc)`` runs later on the window's thread, only while ``parent`` still
exists. A write's :class:`~tracker.services.changes.Change` (its result, or the
result's ``change``) is emitted on ``ctx.changed`` when it completes. Failures
without a handler of their own go to :func:`show_failure`, which shows the plain
message. ``with_progress(panel, cancellable=...)`` puts a :class:`ProgressPanel`
on it: a bar of rows or steps, the elapsed time, what it is doing, and Cancel
where cancelling is safe (:mod:`tracker.services.progress`).

SQLite threading, decided once here: the window's connection is used by the
window's thread only. Background work opens a second connection to the same
file (``Store.open_again``): read-only for a query, writable for a write, and
closes it when done. In WAL mode the window keeps reading the last committed
data while a background write runs (never half a transaction: that lives only
in the worker's connection until it commits), and sees the new data at its
next read after the commit (the caches key on ``PRAGMA data_version``).
Background writes take one lane (:data:`_WRITE_LANE`), so two never wait on
each other's lock; the dialogs that start them are window-modal, so no edit of
the window's can start meanwhile. Cancel interrupts the worker's statement
(an interrupted transaction rolls back) up to the work's commit point, and is
refused after it; a cancelled write that committed nothing raises
:class:`~tracker.services.progress.Cancelled`.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from tracker.domain.validation import ValidationErrors
from tracker.services import progress as steps
from tracker.services.changes import Change
from tracker.services.progress import Cancelled, Progress
from tracker.store import Store, StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Background writes run one at a time.
_WRITE_LANE = threading.Lock()
#: The window's own short reads (charts, the footer's sums, the attention list), one at a
#: time: after a bulk change they all start at once, and each thread wanting the
#: interpreter's lock delays the window's thread at its every turn (three at once held
#: it 120-210 ms after a 100k-row import; one after the other, 50-65 ms).
_REFRESH_LANE = threading.Lock()
#: Long reads (``QueryOp(..., long=True)``: what the user asked for, the table's whole
#: order, the integrity check), two at once, beside the short ones: a minute's backup
#: does not hold up the chart of the next filter.
_READ_SLOTS = threading.BoundedSemaphore(2)
_running: set[_Op[Any]] = set()
_running_lock = threading.Lock()
#: Idle read-only connections kept per open file (by the window's store and its path): the next
#: query reuses one, with its caches (the footer's sums read the chart cube once).
IDLE_READERS = 2
_readers: dict[tuple[int, str], list[Store]] = {}
_readers_lock = threading.Lock()


def _pool_key(store: Store) -> tuple[int, str]:
    return id(store), str(store.path)


def _close(worker: Store) -> None:
    try:
        worker.close(backup=False)
    except Exception:  # noqa: BLE001 - closing a finished worker's connection
        log.exception("closing a worker connection failed")


_superseded: dict[Any, _Op[Any]] = {}


# ------------------------------------------------------------------ seams for tests
def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Seam: the one place a failed operation's message is shown."""
    QMessageBox.warning(parent, title, text)


def failure_text(exc: BaseException) -> str:
    """The plain message of a failure, in the user's language where it is a known rule."""
    from tracker.ui.messages import tr_error, tr_message

    if isinstance(exc, ValidationErrors):
        return "\n".join(tr_error(e) for e in exc.errors[:20])
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("Operations", "Cancelled; nothing was changed.")
    if isinstance(exc, StoreError):
        return tr_message(str(exc))
    if isinstance(exc, OSError):
        name = f"{exc.filename}: " if exc.filename else ""
        return f"{name}{exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def show_failure(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """The one failure handler: the plain message in a box (a bug is logged in full too)."""
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, ValidationErrors | StoreError | OSError):
        log.error("operation failed", exc_info=exc)
    title = title or QCoreApplication.translate("Operations", "Not done")
    warn(parent if isinstance(parent, QWidget) else None, title, failure_text(exc))


def step_text(what: str) -> str:
    """A service's step name as the person reads it."""
    tr = QCoreApplication.translate
    known = {
        steps.READING: tr("Operations", "Reading the file"),
        steps.CHECKING: tr("Operations", "Checking rows"),
        steps.WRITING: tr("Operations", "Writing rows"),
        steps.SAVING: tr("Operations", "Saving"),
        steps.COPYING: tr("Operations", "Copying"),
        steps.VERIFYING: tr("Operations", "Checking the file"),
        steps.SUMMING: tr("Operations", "Adding up"),
    }
    return known.get(what, what)


# -------------------------------------------------------------------- delivery
class _Relay(QObject):
    """Lives on the window's thread; a worker's finished op is queued to it."""

    finished = Signal(object)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            _relay.moveToThread(app.thread())
        _relay.finished.connect(_deliver)
    return _relay


def _deliver(op: _Op[Any]) -> None:
    with _running_lock:
        _running.discard(op)
    op._finish()


def _alive(obj: QObject | None) -> bool:
    if obj is None:
        return True
    try:
        import shiboken6

        return shiboken6.isValid(obj)
    except ImportError:  # pragma: no cover - shiboken6 comes with PySide6
        return True


# ------------------------------------------------------------------ operations
_sharing_lock = threading.Lock()
_sharing = 0
_collector_was_on = True
_switch_interval = 0.005
#: While work runs in the background, a thread waiting for the interpreter's lock (the
#: window's, for its next event) gets it after this long instead of Python's 5 ms.
SHARED_SWITCH_INTERVAL = 0.001


@contextlib.contextmanager
def sharing_the_interpreter() -> Any:
    """Background work leaves the window's thread its turns at the interpreter's lock.

    - Python's cycle collector rests: an import or export makes millions of short-lived
      objects, and the collector walks all of them, several times, each pass holding
      the lock for 0.2–0.5 s while the window's thread waits for it. Reference
      counting still frees the rows as they go. When the last piece of work ends, what
      it left alive is moved out of the collector's way (``gc.freeze``: no pass over it
      later, on the window's thread) and the collector resumes.
    - The lock changes hands after 1 ms instead of 5 ms (``sys.setswitchinterval``).
    """
    global _sharing, _collector_was_on, _switch_interval
    with _sharing_lock:
        if _sharing == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
            _switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_interval, SHARED_SWITCH_INTERVAL))
        _sharing += 1
    try:
        yield
    finally:
        with _sharing_lock:
            _sharing -= 1
            if _sharing == 0:
                gc.freeze()
                sys.setswitchinterval(_switch_interval)
                if _collector_was_on:
                    gc.enable()


class _Op(Generic[T]):
    writes = False

    def __init__(self, parent: QObject | None, store: Store | None,
                 op: Callable[..., T], *, title: str = "", long: bool = False) -> None:  # fmt: skip
        self.parent = parent
        self.long = long
        self.store = store
        self.title = title
        self._op = op
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._cancelled_cb: Callable[[], Any] | None = None
        self._panel: ProgressPanel | None = None
        self._key: Any = None
        self.progress = Progress(cancellable=not self.writes)
        self.result: T | None = None
        self.error: BaseException | None = None
        self.changed = False
        self._done = threading.Event()
        self.delivered = False

    # builder
    def success(self, fn: Callable[[T], Any]) -> _Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> _Op[T]:
        """Handle failures here instead of :func:`show_failure` (not called for Cancel)."""
        self._failure = fn
        return self

    def on_cancelled(self, fn: Callable[[], Any]) -> _Op[T]:
        self._cancelled_cb = fn
        return self

    def with_progress(self, panel: ProgressPanel | None, *,
                      cancellable: bool | None = None) -> _Op[T]:  # fmt: skip
        """Show the work on ``panel``; ``cancellable`` offers Cancel (for a write: only one
        that calls ``progress.commit_point()`` before it commits)."""
        self._panel = panel
        if cancellable is not None:
            self.progress = Progress(cancellable=cancellable)
        return self

    def superseding(self, key: Any) -> _Op[T]:
        """A later operation with the same key cancels this one (a newer question asked)."""
        self._key = key
        return self

    # running
    def run_in_background(self) -> _Op[T]:
        relay = _the_relay()
        if self._key is not None:
            old = _superseded.get(self._key)
            if old is not None:
                old.cancel()
            _superseded[self._key] = self
        with _running_lock:
            _running.add(self)
        if self._panel is not None:
            self._panel.attach(self)
        thread = threading.Thread(target=self._work, args=(relay,), daemon=True,
                                  name=f"op-{self.title or type(self).__name__}")  # fmt: skip
        thread.start()
        return self

    def cancel(self) -> bool:
        """Ask the work to stop; False if it is past its commit point."""
        return self.progress.cancel()

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker is done (not until the result is delivered)."""
        return self._done.wait(timeout)

    def _open(self) -> Store:
        """A read-only connection of the op's own: an idle one kept from an earlier
        query of the same file (its caches warm), or a new one."""
        assert self.store is not None
        with _readers_lock:
            idle = _readers.get(_pool_key(self.store))
            if idle and not self.store.closed:
                return idle.pop()
        return self.store.open_again(read_only=True)

    def _release(self, worker: Store, *, reuse: bool) -> None:
        """Keep a finished query's connection for the next one, or close it."""
        if reuse and self.store is not None and not self.store.closed:
            with _readers_lock:
                idle = _readers.setdefault(_pool_key(self.store), [])
                if len(idle) < IDLE_READERS:
                    idle.append(worker)
                    return
        _close(worker)

    def _work(self, relay: _Relay) -> None:
        lane: Any = _WRITE_LANE if self.writes else _READ_SLOTS if self.long else _REFRESH_LANE
        worker: Store | None = None
        result: Any = None
        error: BaseException | None = None
        try:
            with lane, sharing_the_interpreter():
                self.progress.check()
                if self.store is None:
                    result = self._op(self.progress)
                else:
                    worker = self._open()
                    self.progress.on_cancel = worker.interrupt
                    result = self._op(worker, self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the window's thread
            error = exc
        finally:
            if worker is not None:
                self.progress.on_cancel = None
                self.changed = worker.changed
                self._release(worker, reuse=error is None and not self.progress.cancelled)
        if self.progress.cancelled and not self.progress.committed and not self.changed:
            result = None
            error = error if isinstance(error, Cancelled) else Cancelled()
        self.result, self.error = result, error
        self._done.set()
        with contextlib.suppress(RuntimeError):  # the application is gone
            relay.finished.emit(self)

    def _finish(self) -> None:
        self.delivered = True
        if self._key is not None and _superseded.get(self._key) is self:
            del _superseded[self._key]
        if self._panel is not None and _alive(self._panel):
            self._panel.detach(self)
        if self.error is None and not self.writes and self.progress.cancelled:
            self.error = Cancelled()  # a cancelled question is never answered
        if self.error is None:
            self._succeeded(self.result)  # type: ignore[arg-type]  (also when parent is gone)
        if not _alive(self.parent):
            self._let_go()
            return
        if self.error is None:
            if self._success is not None:
                self._success(self.result)  # type: ignore[arg-type]
        elif isinstance(self.error, Cancelled):
            if self._cancelled_cb is not None:
                self._cancelled_cb()
        elif self._failure is not None:
            self._failure(self.error)
        else:
            show_failure(self.parent if isinstance(self.parent, QWidget) else None, self.error,
                         self.title)  # fmt: skip
        self._let_go()

    def _let_go(self) -> None:
        """Drop every reference to Qt objects and callbacks, here on the window's thread:
        the op may be freed later on a worker thread (or by the cycle collector), and a
        QObject must never be deleted there."""
        self.parent = None
        self._panel = None
        self._success = self._failure = self._cancelled_cb = None
        self._op = _spent

    def _succeeded(self, result: T) -> None:
        """What every successful operation of this kind does (a write: announce it)."""


def _spent(*_args: Any) -> Any:
    raise RuntimeError("this operation has run")


class QueryOp(_Op[T]):
    """A read on a read-only connection of its own; always cancellable (it only reads).

    ``op(store, progress)``; with ``store=None`` the op gets only ``progress`` (work that
    needs no database, e.g. loading a library). The window's own short reads take one
    lane, one at a time; ``long=True`` for work that may take seconds (what the user
    asked for, a whole table's order, a check): it runs beside them.
    """


class CollectionOp(_Op[T]):
    """A write on a connection of its own; on success ``ctx.store`` is marked changed
    (so closing backs it up) and the write's Change is emitted on ``ctx.changed``."""

    writes = True

    def __init__(self, parent: QObject | None, ctx: Any, op: Callable[..., T], *,
                 title: str = "", store: bool = True) -> None:  # fmt: skip
        super().__init__(parent, ctx.store if store else None, op, title=title)
        self.ctx = ctx
        #: Runs before the Change is announced (an undo entry goes on the stack first).
        self.before_announce: Callable[[T], Any] | None = None

    def _open(self) -> Store:
        assert self.store is not None
        return self.store.open_again()

    def _release(self, worker: Store, *, reuse: bool) -> None:
        _close(worker)  # a write's connection is never kept

    def _succeeded(self, result: T) -> None:
        if not _alive(self.ctx):
            return
        store = self.ctx.store
        if self.changed and self.store is store and not store.closed:
            store.changed = True
        if self.before_announce is not None:
            self.before_announce(result)
        change = result if isinstance(result, Change) else getattr(result, "change", None)
        if isinstance(change, Change):
            self.ctx.changed.emit(change)

    def _let_go(self) -> None:
        super()._let_go()
        self.ctx = None
        self.before_announce = None


def run_command(parent: QObject | None, ctx: Any, command: Any, *,
                panel: ProgressPanel | None = None, cancellable: bool = False) -> CollectionOp[Change]:  # fmt: skip
    """An undoable command applied in the background; on success it goes on the undo
    stack (its revert runs on the window's thread later) and its Change is emitted.
    The caller adds ``success``/``failure`` and calls ``run_in_background``."""
    import inspect

    takes_progress = "progress" in inspect.signature(command.apply).parameters

    def apply(store: Store, progress: Progress) -> Change:
        if takes_progress:
            return command.apply(store, progress=progress)
        return command.apply(store)

    op: CollectionOp[Change] = CollectionOp(parent, ctx, apply, title=command.text)

    def push(_change: Change) -> None:
        from tracker.ui.undo import UndoableCommand

        ctx.undo_stack.push(UndoableCommand(ctx, command, applied=True))

    op.before_announce = push
    op.with_progress(panel, cancellable=cancellable)
    return op


def running() -> list[_Op[Any]]:
    with _running_lock:
        return list(_running)


def writing() -> bool:
    """Whether a background write is under way (the window then refuses its own edits)."""
    return any(op.writes and not op.done() for op in running())


def stop_all(*, store: Store | None = None, wait_s: float = 10.0) -> None:
    """Cancel what can be cancelled and wait for every worker (the window closes, or the
    file is about to be replaced). Only operations on ``store`` when it is given."""
    ops = [op for op in running() if store is None or op.store is None or op.store is store]
    for op in ops:
        op.cancel()
    for op in ops:
        op.wait(wait_s)
    with _readers_lock:
        keys = list(_readers) if store is None else [_pool_key(store)]
        idle = [r for k in keys for r in _readers.pop(k, [])]
    for reader in idle:
        _close(reader)


# ------------------------------------------------------------------ the panel
class ProgressPanel(QWidget):
    """A bar of rows or steps, what the work is doing, the elapsed time, and Cancel.

    Polls the operation's progress ten times a second (the worker never signals per
    row, so a fast loop cannot flood the window's event queue). With ``delay_ms`` it
    shows itself only for work that lasts longer than that.
    """

    POLL_MS = 100

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.delay_ms = delay_ms
        self.op: _Op[Any] | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("progressWhat")
        lay.addWidget(self.label, 1)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progressBar")
        self.bar.setMinimumWidth(160)
        self.bar.setTextVisible(False)
        lay.addWidget(self.bar)
        self.elapsed = QLabel(self)
        self.elapsed.setObjectName("progressElapsed")
        lay.addWidget(self.elapsed)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("progressCancel")
        self.cancel_button.clicked.connect(self.cancel)
        lay.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._refused = False
        self.hide()

    def attach(self, op: _Op[Any]) -> None:
        self.op = op
        self._refused = False
        self.cancel_button.setVisible(op.progress.snapshot().cancellable)
        self._poll()
        self._timer.start()
        if self.delay_ms:
            QTimer.singleShot(self.delay_ms, self, self._show_if_running)
        else:
            self.show()

    def _show_if_running(self) -> None:
        if self.op is not None and not self.op.done():
            self.show()

    def detach(self, op: _Op[Any]) -> None:
        if op is not self.op:
            return
        self.op = None
        self._timer.stop()
        self.hide()

    def busy(self) -> bool:
        return self.op is not None

    def cancel(self) -> bool:
        op = self.op
        if op is None:
            return False
        ok = op.cancel()
        self._refused = not ok
        self._poll()
        return ok

    def _poll(self) -> None:
        op = self.op
        if op is None:
            return
        from tracker.ui.formatting import format_count

        s = op.progress.snapshot()
        loc = QLocale()
        if s.total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, int(1000 * s.done / s.total)))
        else:
            self.bar.setRange(0, 0)  # busy: no count known
        what = step_text(s.what) if s.what else (op.title or self.tr("Working"))
        if s.total > 0:
            what = self.tr("{what}: {done} of {total}").format(
                what=what, done=format_count(s.done, loc), total=format_count(s.total, loc)
            )
        if s.cancelled and s.cancellable:
            what = self.tr("Cancelling…")
        elif self._refused:
            what += " — " + self.tr("too late to cancel: saving")
        self.label.setText(what)
        secs = int(s.seconds)
        self.elapsed.setText(f"{secs // 60}:{secs % 60:02d}")
        self.cancel_button.setEnabled(s.cancellable and not s.cancelled)
