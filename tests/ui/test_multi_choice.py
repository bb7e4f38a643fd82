"""Filters with several values at once: the check-box drop-down, and the table it filters."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tracker.domain.filters import Filter
from tracker.ui.context import AppContext
from tracker.ui.models.lookups import Lookups
from tracker.ui.panes.table_pane import TablePane
from tracker.ui.widgets.multi_choice import MultiChoiceCombo

CHOICES = [("pipeline", "Pipeline"), ("signed", "Signed"), ("implementation", "Implementation")]


def make(qtbot) -> MultiChoiceCombo:  # noqa: ANN001
    combo = MultiChoiceCombo()
    qtbot.addWidget(combo)
    combo.set_choices(CHOICES, empty="All statuses")
    combo.resize(220, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    return combo


def click_entry(qtbot, combo: MultiChoiceCombo, row: int) -> None:  # noqa: ANN001
    view = combo.view()
    rect = view.visualRect(combo.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicks_tick_several_and_keep_the_list_open(qtbot, tmp_path):  # noqa: ANN001
    combo = make(qtbot)
    assert combo.values() == () and combo.summary() == "All statuses"
    changes = []
    combo.valueChanged.connect(lambda: changes.append(combo.values()))
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    click_entry(qtbot, combo, 3)
    click_entry(qtbot, combo, 1)
    assert combo.view().isVisible(), "the list stays open for the next tick"
    combo.view().window().grab().save(str(tmp_path / "multi_open.png"))
    assert combo.values() == ("pipeline", "implementation")  # the list's order
    assert changes == [("implementation",), ("pipeline", "implementation")]
    click_entry(qtbot, combo, 3)
    assert combo.values() == ("pipeline",)
    click_entry(qtbot, combo, 0)  # "All statuses": none ticked, the list closes
    assert combo.values() == ()
    qtbot.waitUntil(lambda: not combo.view().isVisible())


def test_space_ticks_the_entry_under_the_keyboard(qtbot):  # noqa: ANN001
    combo = make(qtbot)
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    combo.view().setCurrentIndex(combo.model().index(2, 0))
    qtbot.keyClick(combo.view(), Qt.Key.Key_Space)
    assert combo.values() == ("signed",)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Space)
    assert combo.values() == ()


def test_the_closed_box_names_what_is_ticked(qtbot, tmp_path):  # noqa: ANN001
    combo = make(qtbot)
    combo.set_values(["signed"])
    assert combo.summary() == "Signed" and combo.toolTip() == "Signed"
    combo.set_values(["implementation", "pipeline"])
    assert combo.summary() == "Pipeline, Implementation"
    assert combo.toolTip() == "Pipeline, Implementation"
    combo.grab().save(str(tmp_path / "multi_closed.png"))
    fm = combo.fontMetrics()
    assert combo.shown_text(fm.horizontalAdvance("Pipeline, Implementation") + 2) == (
        "Pipeline, Implementation"
    )
    assert combo.shown_text(fm.horizontalAdvance("Pipeline +1") + 2) == "Pipeline +1"


def test_choices_replaced_keep_what_is_still_offered(qtbot):  # noqa: ANN001
    combo = make(qtbot)
    combo.set_values(["signed", "pipeline"])
    combo.set_choices([("signed", "Signed"), ("completed", "Completed")], empty="All")
    assert combo.values() == ("signed",)
    combo.set_values(["retired"])  # a value no longer offered (an old code) is shown, not lost
    assert combo.values() == ("retired",) and combo.summary() == "retired"


def test_set_values_says_so_only_on_a_change(qtbot):  # noqa: ANN001
    combo = make(qtbot)
    seen = []
    combo.valueChanged.connect(lambda: seen.append(1))
    combo.set_values(["signed"])
    combo.set_values(["signed"])
    assert seen == [1]


def test_the_table_shows_the_union_of_the_ticked_values(qtbot, demo_store):  # noqa: ANN001
    pane = TablePane(AppContext(demo_store, user="tester"), "projects", Lookups(demo_store))
    qtbot.addWidget(pane)
    pane.resize(1000, 500)
    pane.show()
    qtbot.waitExposed(pane)
    shown = []
    pane.filterChanged.connect(shown.append)
    status = pane._combos["status"]
    status.showPopup()
    qtbot.waitUntil(status.view().isVisible)
    for code in ("implementation", "completed"):
        click_entry(qtbot, status, status.findData(code))
    status.hidePopup()
    flt = pane.current_filter()
    assert flt.status == ("implementation", "completed")
    assert shown[-1] == flt and pane.model.flt == flt
    n = demo_store.query(
        "SELECT count(*) AS n FROM projects WHERE status IN ('implementation', 'completed')"
    )[0]["n"]
    assert pane.model.rowCount() == n and n > 12
    # Restoring a saved view ticks every value it names; clearing unticks them all.
    pane.set_filter(Filter(status=("signed", "pipeline")))
    assert status.values() == ("pipeline", "signed")
    pane.clear_filters()
    assert status.values() == () and pane.model.flt == Filter()
