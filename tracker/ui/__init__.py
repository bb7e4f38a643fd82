"""Qt widgets only: the window, its panes, dialogs, printing."""

from tracker.ui import pyside_fixes as _pyside_fixes

_pyside_fixes.install()
