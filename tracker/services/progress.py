"""How a long service says how far it is, and learns that the person cancelled.

Qt-free, so the CLI, tests and the window use the same services: the window's
operations runner (``tracker.ui.operations``) polls :meth:`Progress.snapshot`
for its progress bar and calls :meth:`Progress.cancel` from its Cancel button;
the service calls the progress object at its steps and at its commit point.

A service that writes marks the moment after which cancelling is no longer
possible with :meth:`Progress.commit_point`, just before its transaction commits
(or its file is renamed into place): a cancel before it makes the service raise
:class:`Cancelled` there, with nothing written; a cancel after it is refused and
the work completes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: Steps services report (the window shows them translated; see ``operations.step_text``).
READING = "reading the file"
CHECKING = "checking rows"
WRITING = "writing rows"
SAVING = "saving"
COPYING = "copying pages"
VERIFYING = "checking the file"
SUMMING = "adding up"


class Cancelled(Exception):
    """The person cancelled the work before it was committed: nothing was written."""

    def __init__(self, message: str = "cancelled; nothing was changed") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Snapshot:
    done: int
    total: int
    what: str
    cancellable: bool
    cancelled: bool
    seconds: float


class Progress:
    """Where a long piece of work is (``done`` of ``total`` rows or steps, and what it
    is doing), and whether it should stop. Thread-safe: the worker reports, the
    window reads and cancels.

    Calling it (``progress(done, total, what)``) records the position and raises
    :class:`Cancelled` if a cancel came in while cancelling was still possible.
    """

    def __init__(self, *, cancellable: bool = True,
                 on_cancel: Callable[[], None] | None = None) -> None:  # fmt: skip
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._what = ""
        self._cancelled = False
        self._cancellable = cancellable
        self._committed = False
        #: Called (once) when a cancel is accepted, e.g. to interrupt a running SQL statement.
        self.on_cancel = on_cancel
        self._t0 = time.monotonic()

    def __call__(self, done: int | None = None, total: int | None = None,
                 what: str | None = None) -> None:  # fmt: skip
        with self._lock:
            if done is not None:
                self._done = int(done)
            if total is not None:
                self._total = int(total)
            if what is not None:
                self._what = what
            stop = self._cancelled and not self._committed
        if stop:
            raise Cancelled()

    def check(self) -> None:
        """Raise :class:`Cancelled` if a cancel is pending (a cheap call between steps)."""
        self()

    def cancel(self) -> bool:
        """Ask the work to stop; False when it can no longer be cancelled (committing)."""
        with self._lock:
            if not self._cancellable or self._committed:
                return False
            first = not self._cancelled
            self._cancelled = True
            hook = self.on_cancel if first else None
            # Inside the lock: the worker cannot pass its commit point meanwhile.
            if hook is not None:
                hook()
        return True

    def commit_point(self, what: str = SAVING) -> None:
        """The last moment to cancel: raises :class:`Cancelled` if a cancel is pending,
        else from now on cancels are refused and the work runs to its end."""
        with self._lock:
            if self._cancelled:
                raise Cancelled()
            self._committed = True
            self._what = what

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    @property
    def committed(self) -> bool:
        with self._lock:
            return self._committed

    def snapshot(self) -> Snapshot:
        with self._lock:
            return Snapshot(self._done, self._total, self._what,
                            self._cancellable and not self._committed, self._cancelled,
                            time.monotonic() - self._t0)  # fmt: skip


def quiet() -> Progress:
    """A progress nobody watches or cancels (the default of services called directly)."""
    return Progress(cancellable=False)
