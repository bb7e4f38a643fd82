"""The form pane on its own: editors built from the field list, typed
values, messages beside fields, empty dates, money as people type it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from tracker.domain.fields import DATE, ENUM, KINDS, MONEY, REF, kind_of
from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.models.lookups import Lookups
from tracker.ui.panes import form_pane
from tracker.ui.panes.form_pane import FormPane
from tracker.ui.widgets import ChoiceCombo, DateEdit, MoneyEdit

HYDRO = 14


@pytest.fixture(autouse=True)
def _english_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield


@pytest.fixture
def make_form(qtbot, demo_path):
    stores: list[Store] = []

    def _make(kind: str, *, read_only: bool = False) -> FormPane:
        store = Store.open(demo_path, read_only=read_only, backup=False)
        stores.append(store)
        ctx = AppContext(store, user="tester")
        form = FormPane(ctx, kind, Lookups(store))
        form._ctx_keep = ctx
        qtbot.addWidget(form)
        form.resize(480, 900)
        form.show()
        return form

    yield _make
    for s in stores:
        s.close(backup=False)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "project_updates"])
def test_an_editor_per_field_named_after_its_column(make_form, kind):
    form = make_form(kind)
    k = kind_of(kind)
    for f in k.fields:
        w = form.findChild(QWidget, f.name)
        assert w is not None and w is form.editors[f.name], f.name
        if f.type == MONEY:
            assert isinstance(w, MoneyEdit)
        elif f.type == DATE:
            assert isinstance(w, DateEdit)
        elif f.type in (ENUM, REF):
            assert isinstance(w, ChoiceCombo)
        assert form.findChild(QLabel, f"{f.name}_error") is not None


def test_linked_records_show_names_and_save_ids(make_form):
    form = make_form("projects")
    form.load(HYDRO)
    bank = form.editors["bank_id"]
    row = form.ctx.store.get("projects", HYDRO)
    b = form.ctx.store.get("banks", row["bank_id"])
    assert b["name"] in bank.currentText() and bank.value() == row["bank_id"]
    sector = form.editors["sector"]
    assert sector.currentText() == "Energy" and sector.value() == "energy"
    status = form.editors["status"]
    assert status.currentText() == "Implementation"
    assert isinstance(form.editors["progress_pct"], QSpinBox)
    assert form.editors["progress_pct"].value() == row["progress_pct"]
    assert form.editors["amount"].text() == "260,000,000.00"
    assert form.editors["amount"].currency() == "USD"
    assert form.editors["amount"].alignment() & Qt.AlignmentFlag.AlignRight

    other = next(i for i in form.lookups.banks if i != row["bank_id"])
    bank.set_value(other)
    assert form.is_dirty() and form.save()
    assert form.ctx.store.get("projects", HYDRO)["bank_id"] == other


def test_currency_change_moves_the_money_suffix(make_form):
    form = make_form("projects")
    form.load(HYDRO)
    form.editors["currency"].set_value("EUR")
    assert form.editors["amount"].currency() == "EUR"
    assert form.editors["disbursed"].currency() == "EUR"


def test_dates_may_be_emptied(qtbot, make_form):
    form = make_form("projects")
    form.load(HYDRO)
    start = form.editors["start_date"]
    assert start.value() == form.ctx.store.get("projects", HYDRO)["start_date"]
    start.setFocus()
    start.lineEdit().selectAll()
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    assert start.value() is None and start.text() == "—"
    assert form.save()
    assert form.ctx.store.get("projects", HYDRO)["start_date"] is None
    start.set_value("2024-02-29")
    assert form.save()
    assert form.ctx.store.get("projects", HYDRO)["start_date"] == "2024-02-29"


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("amount", "1.234.5x", "not a number"),
        ("amount", "10.555", "more than two decimal places"),
        ("amount", "-5", "must not be negative"),
        ("code", "BY CN 14", "may hold only letters"),
        ("interest_rate", "150", "at most 100"),
        ("maturity_years", "ten", "not a number"),
        ("name", "", "is required"),
    ],
)
def test_bad_values_are_said_beside_their_field(qtbot, make_form, field, text, message):
    form = make_form("projects")
    form.load(HYDRO)
    before = form.ctx.store.get("projects", HYDRO)
    editor = form.editors[field]
    editor.clear()
    qtbot.keyClicks(editor, text)
    if not text:
        form._on_edited()
    assert not form.save()
    label = form.error_labels[field]
    assert label.isVisible() and message in label.text()
    assert form.ctx.store.get("projects", HYDRO) == before
    others = [n for n, lbl in form.error_labels.items() if lbl.isVisible()]
    assert others == [field]
    # Fixing the value clears the message on the next save.
    form.revert()
    assert not label.isVisible() and not form.is_dirty()


def test_dates_in_the_wrong_order_are_refused(make_form):
    form = make_form("projects")
    form.load(HYDRO)
    form.editors["planned_end"].set_value("2020-01-01")
    assert not form.save()
    assert "before the start date" in form.error_labels["planned_end"].text()


def test_money_as_people_type_it(qtbot, make_form):
    form = make_form("ventures")
    vid = form.ctx.store.rows("ventures")[0]["id"]
    form.load(vid)
    for typed, minor in (("1 234 567,89", 123456789), ("2,500,000.5", 250000050), ("42", 4200)):
        ed = form.editors["charter_capital"]
        ed.clear()
        qtbot.keyClicks(ed, typed)
        assert form.save(), form.error_labels["charter_capital"].text()
        assert form.ctx.store.get("ventures", vid)["charter_capital"] == minor


def test_duplicate_key_is_said_on_the_key_field(qtbot, make_form):
    form = make_form("projects")
    form.load(HYDRO)
    ed = form.editors["code"]
    ed.clear()
    qtbot.keyClicks(ed, "BY-CN-013")
    assert not form.save()
    assert "already used" in form.error_labels["code"].text()


def test_delete_asks_first(make_form, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(form_pane, "ask", lambda _p, _t, text: asked.append(text) or False)
    form = make_form("zones")
    zid = form.ctx.store.rows("zones")[0]["id"]
    form.load(zid)
    assert not form.delete()
    assert asked and form.ctx.store.get("zones", zid) is not None
    # A zone still used by residents cannot go: the reason is shown, nothing deleted.
    monkeypatch.setattr(form_pane, "ask", lambda *_: True)
    used = form.ctx.store.query("SELECT zone_id FROM residents LIMIT 1")[0]["zone_id"]
    form.load(used)
    assert not form.delete()
    assert "still use" in form.form_error.text()
    assert form.ctx.store.get("zones", used) is not None


def test_read_only_form_is_disabled_with_the_reason(make_form):
    form = make_form("residents", read_only=True)
    rid = form.ctx.store.rows("residents")[0]["id"]
    form.load(rid)
    assert form.read_only_label.isVisible() and "read-only" in form.read_only_label.text()
    for name, w in form.editors.items():
        assert not w.isEnabled(), name
    assert not form.save_button.isEnabled() and not form.delete_button.isEnabled()
    assert not form.new_button.isEnabled()


def test_new_record_defaults_and_plain_editors(make_form):
    form = make_form("projects")
    form.new_record()
    assert form.is_new and form.editors["currency"].value() == "USD"
    assert form.editors["status"].value() == "pipeline"
    assert isinstance(form.editors["description"], QPlainTextEdit)
    assert isinstance(form.editors["borrower"], QLineEdit)
    assert form.title.text().startswith("New")


def test_no_record_shows_blank_lists_not_a_first_choice(make_form):
    form = make_form("projects")
    form.load(None)
    for name in ("sector", "bank_id", "status", "currency"):
        w = form.editors[name]
        assert w.currentText() == "" and not w.isEnabled(), name
    form.load(HYDRO)
    assert form.editors["status"].value() == "implementation"
    assert form.editors["bank_id"].currentText().startswith("China Development Bank")


def test_long_labels_go_on_two_lines(qtbot):
    w = QLabel("x")
    qtbot.addWidget(w)
    fm = w.fontMetrics()
    assert form_pane.two_lines("Amount *", fm) == "Amount *"
    text = "Дата кредитного соглашения"
    two = form_pane.two_lines(text, fm)
    assert two == "Дата кредитного\nсоглашения"
    assert two.replace("\n", " ") == text


def test_an_old_date_is_shown_not_taken_for_empty(make_form):
    form = make_form("fx_rates")
    rows = [r for r in form.ctx.store.rows("fx_rates") if r["date"] == "1900-01-01"]
    assert rows, "the demo's USD base rate"
    form.load(rows[0][form.pk_name])
    assert form.editors["date"].value() == "1900-01-01"
    assert form.editors["date"].text() != "—"
    assert not form.changed_values()  # nothing to save: the date was not lost
    form.editors["date"].set_value(None)
    assert form.editors["date"].value() is None and form.editors["date"].text() == "—"


def test_a_project_code_with_a_slash_is_said_while_typed(qtbot, make_form):
    """The IATI export maps / in a code: the form says so beside the code as it is typed,
    as a note (the record still saves), and the note goes when the slash does."""
    form = make_form("projects")
    form.new_record()
    code = form.editors["code"]
    code.setFocus()
    qtbot.keyClicks(code, "BY/CN/77")
    note = form.error_labels["code"]
    assert note.isVisible()
    assert note.text().startswith(form_pane.CODE_HINT_MARK) and "BY-CN-77" in note.text()
    code.selectAll()
    qtbot.keyClicks(code, "BY-CN-77")
    assert not note.isVisible() and note.text() == ""
