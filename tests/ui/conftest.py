"""Window fixtures: the real MainWindow offscreen over real SQLite files, with
settings (QSettings) in a per-test folder."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracker.store import Store


@pytest.fixture(autouse=True)
def _temp_settings(tmp_path, monkeypatch):
    """Layout and preferences go to files under tmp_path, never the user's."""
    folder = tmp_path / "qsettings"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("TRACKER_SETTINGS", str(folder / "settings.ini"))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _english(qapp):
    """Every window test runs in English with its translation installed (the plural forms
    "1 venture", "170 ventures" come from it), whatever ran before it in the same worker:
    the translator is process-wide, and a test that switches to Russian or Chinese must
    not leave its labels to the next."""
    from tracker.ui import i18n

    if i18n.current_language() != "en" or not getattr(_english, "installed", False):
        i18n.install("en", qapp)
        _english.installed = True  # type: ignore[attr-defined]
    yield
    if i18n.current_language() != "en":
        i18n.install("en", qapp)


@pytest.fixture
def open_window(qtbot, monkeypatch):
    """open_window(path, read_only=False, view=None) -> MainWindow, shown and started.

    Unsaved edits are discarded when the window closes at the end of the test.
    """
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow
    from tracker.ui.panes import form_pane

    opened: list[tuple[MainWindow, Store]] = []

    def _open(path: Path, *, read_only: bool = False, view: str | None = None) -> MainWindow:
        store = Store.open(path, read_only=read_only, backup=False)
        ctx = AppContext(store, user="tester")
        win = MainWindow(ctx, view=view)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: win._started, timeout=5000)
        opened.append((win, store))
        return win

    yield _open
    monkeypatch.setattr(form_pane, "ask_unsaved", lambda *a, **k: form_pane.DISCARD)
    for win, store in opened:
        with contextlib.suppress(RuntimeError):
            win.close()
            win.deleteLater()
        store.close(backup=False)


@pytest.fixture(scope="session")
def big_template(tmp_path_factory) -> Path:
    """A 100,000-project file generated once per test session (services.demo.generate)."""
    from tracker.services import demo

    p = tmp_path_factory.mktemp("big") / "big100k.sqlite3"
    with Store.open(p, create=True) as s:
        demo.generate(s, projects=100_000, residents=1_000, ventures=1_000)
        s.changed = False
    return p


@pytest.fixture
def ctx(demo_path, qtbot):  # noqa: ANN001
    """An AppContext on a fresh copy of the demo portfolio (dialog tests)."""
    from tracker.store import Store
    from tracker.ui.context import AppContext

    store = Store.open(demo_path, backup=False)
    c = AppContext(store, user="tester")
    yield c
    store.close(backup=False)
    c.deleteLater()
