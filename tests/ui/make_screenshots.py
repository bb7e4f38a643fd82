"""Screenshots of each view of the main window at 1280×800 for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/make_screenshots.py [--out docs/screenshots]

Builds the demo portfolio in a temporary folder (the user's files and
settings are never touched), opens the real window on it and grabs it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

#: (view, file, primary key of the record to select: the demo's hydro plant project).
VIEWS = (
    ("dashboard", "dashboard.png", None),
    ("projects", "projects.png", 14),
    ("residents", "residents.png", None),
    ("ventures", "ventures.png", None),
    ("reference", "reference.png", None),
)
SIZE = (1280, 800)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", default=str(Path(__file__).resolve().parents[2] / "docs" / "screenshots")
    )
    ap.add_argument("--language", default="en", help="en, ru or zh")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="tracker-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRACKER_DATA_DIR"] = str(tmp / "data")
    os.environ["TRACKER_SETTINGS"] = str(tmp / "settings.ini")
    os.environ["TRACKER_USER"] = "demo"

    from PySide6.QtWidgets import QApplication

    from tracker.services import demo
    from tracker.store import Store
    from tracker.ui import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(args.language, app)
    from tracker.ui.context import AppContext
    from tracker.ui.main_window import MainWindow

    db = tmp / "demo.sqlite3"
    with Store.open(db, create=True) as s:
        demo.load_demo(s)
    store = Store.open(db, backup=False)
    ctx = AppContext(store, user="demo")
    win = MainWindow(ctx, view="projects")
    win.resize(*SIZE)
    win.show()
    _settle(app)
    # English: every view. Another language: the projects view as main_<language>.png
    # (the README shows the window in Russian and Chinese).
    views = VIEWS if args.language == "en" else [v for v in VIEWS if v[0] == "projects"]
    for view, name, pk in views:
        win.show_view(view)
        page = win.record_page()
        if page is not None and page.table.model.rowCount():
            page.select(pk if pk is not None else page.table.model.id_at(0))
        if view == "reference":
            win.page("reference").show_kind("banks")
            rp = win.record_page()
            rp.select(rp.table.model.id_at(0))
        _settle(app)
        target = out / (name if args.language == "en" else f"main_{args.language}.png")
        win.grab().save(str(target))
        print(target)
    win.skip_settings = True
    win.close()
    store.close(backup=False)
    return 0


def _settle(app) -> None:  # noqa: ANN001
    """Let deferred work (charts, totals) finish and paint."""
    import time

    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    raise SystemExit(main())
