"""Values another program wrote that break the rules (issue 13): the window opens
(also read-only; the table used to segfault on 'abc' in an amount), the start-up
check says how many in the status bar, the table shows each bad cell marked ⚠ with
the reason as its tooltip, every view and the form of a bad record open, and
nothing in the file changes."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtCore import Qt

BAD = {  # code -> (column, SQL value)
    "BY-CN-001": ("amount", "'abc'"),
    "BY-CN-002": ("progress_pct", "250"),
    "BY-CN-003": ("status", "'bogus'"),
    "BY-CN-004": ("disbursed", "X'00FF'"),
}


def _sha(p) -> str:  # noqa: ANN001
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def bad_path(demo_path):
    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # as another tool may
    for code, (col, value) in BAD.items():
        conn.execute(f"UPDATE projects SET {col} = {value} WHERE code = ?", (code,))
    conn.execute("UPDATE residents SET declared_investment = 'lots' WHERE id = 1")
    conn.execute("UPDATE ventures SET foreign_share_pct = 'half' WHERE id = 1")
    conn.execute("UPDATE project_updates SET as_of = 'yesterday' WHERE id = 1")
    conn.close()
    return demo_path


@pytest.mark.parametrize("read_only", [True, False])
def test_the_window_survives_and_marks_every_bad_cell(open_window, qtbot, bad_path, read_only):
    before = _sha(bad_path)
    win = open_window(bad_path, read_only=read_only, view="projects")
    qtbot.waitUntil(lambda: win.integrity is not None and win.integrity.done, timeout=10000)
    qtbot.waitUntil(win.status_rules.isVisible, timeout=5000)
    assert "7 stored values break the rules" in win.status_rules.text()
    assert "projects BY-CN-001, column amount: 'abc' is not an amount" in win.status_rules.toolTip()
    page = win.record_page()
    model = page.table.model
    cols = [f.name for f in model.fields]
    for code, (col, _value) in BAD.items():
        pid = win.ctx.store.get_by("projects", "code", code)["id"]
        row = model.row_of(pid)
        idx = model.index(row, cols.index(col))
        assert idx.data().startswith("⚠"), (code, col, idx.data())
        assert "Invalid stored value" in idx.data(Qt.ItemDataRole.ToolTipRole)
        # The person selects the record: the form shows it, nothing crashes.
        assert page.table.select_id(pid, notify=True)
        qtbot.wait(10)
    ok = model.index(model.row_of(win.ctx.store.get_by("projects", "code", "BY-CN-005")["id"]),
                     cols.index("amount"))  # fmt: skip
    assert not ok.data().startswith("⚠")
    for view in ("dashboard", "residents", "ventures", "reference", "projects"):
        win.show_view(view)
        qtbot.wait(50)
    res = win.page("residents").table.model
    rcols = [f.name for f in res.fields]
    assert res.index(res.row_of(1), rcols.index("declared_investment")).data() == "⚠ lots"
    win.grab()  # paint everything once
    assert _sha(bad_path) == before


def test_the_table_survives_a_bad_value_before_the_check_has_run(open_window, qtbot, bad_path):
    """Formatting 'abc' as money raised inside Qt's paint (a segfault); it is shown
    marked even when the start-up check has not said anything yet."""
    from tracker.store import Store
    from tracker.ui.models.lookups import Lookups
    from tracker.ui.models.record_model import RecordTableModel

    with Store.open(bad_path, read_only=True, backup=False) as store:
        model = RecordTableModel(store, "projects", Lookups(store))
        cols = [f.name for f in model.fields]
        row = model.row_of(store.get_by("projects", "code", "BY-CN-001")["id"])
        text = model.index(row, cols.index("amount")).data()
        assert text == "⚠ abc"
        assert "is not an amount" in model.index(row, cols.index("amount")).data(
            Qt.ItemDataRole.ToolTipRole)  # fmt: skip


def test_print_report_is_refused_plainly(open_window, qtbot, bad_path, monkeypatch):
    from tracker.ui import main_window

    said: list[str] = []
    monkeypatch.setattr(main_window, "warn", lambda _p, _t, text: said.append(text))
    win = open_window(bad_path, read_only=True, view="projects")
    assert win.print_report() is None
    assert len(said) == 1
    assert "the report was not written: 7 stored value(s) break the program's rules" in said[0]
    assert "projects BY-CN-001, column amount: 'abc' is not an amount" in said[0]
