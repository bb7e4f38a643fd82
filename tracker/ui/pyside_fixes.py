"""Work around a reference-count bug in PySide6 6.12.0's ``SignalInstance.emit``.

That release returns ``True`` from ``emit()`` without taking a reference, so
every ``signal.emit(...)`` made from Python drops one reference to ``True``.
After some thousands of emits (a day of typing in the form, or one test run)
``True``'s count reaches zero and the interpreter aborts with "Fatal Python
error: bool_dealloc: deallocating True or False".

The fix is self-checking: it measures whether ``emit`` loses a reference, and
only then wraps it to give the reference back. A PySide6 without the bug is
left alone.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def emit_loses_references(tries: int = 16) -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(tries):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    return lost >= tries


def install() -> bool:
    """Patch SignalInstance.emit when (and only when) it loses references; True if patched."""
    if getattr(SignalInstance.emit, "_tracker_refcount_fix", False):
        return True
    if not emit_loses_references():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self, *args):  # noqa: ANN001, ANN202 - same signature as the original
        result = original(self, *args)
        incref(result)  # the reference PySide6 forgot to take
        return result

    emit._tracker_refcount_fix = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
