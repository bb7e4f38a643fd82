"""Rule messages in the user's language: every message the domain can give has a
translated form, the variable parts are kept, and the window shows them so."""

from __future__ import annotations

import pytest

from tracker.domain.fields import KINDS, RefIndex, clean_value, cross_checks
from tracker.domain.money import parse_decimal, parse_money
from tracker.domain.validation import ValidationError
from tracker.ui import i18n
from tracker.ui.messages import tr_error, tr_message

BAD_INPUTS = ("", "x" * 5000, "not valid!", "abc", "-5", "1.5", "1.234", "1,5", "1,2,3", "9" * 30,
              "2026-02-30", "30.02.2026", "USDX", "zzz", "Atlantis", "999999", "inf", "1e400")  # fmt: skip


def domain_messages() -> set[str]:
    """What clean_value, the money parsers and cross_checks say about bad input, all of it."""
    refs = RefIndex(countries={"cn": "CN"}, sectors={"energy": "energy"}, regions={"by-mi": "BY-MI"},
                    banks={"china exim": 1}, zones={"great stone": 1}, projects={"p-1": 1})  # fmt: skip
    out: set[str] = set()
    for kind in KINDS.values():
        for f in kind.fields:
            for raw in (*BAD_INPUTS, 999999):
                try:
                    clean_value(f, raw, refs)
                except ValueError as exc:
                    out.add(str(exc))
    for raw in ("", "abc", "1.234", "1,2,3", "inf", "1,5"):
        for parse in (parse_money, parse_decimal):
            try:
                parse(raw)
            except ValueError as exc:
                out.add(str(exc))
    bad_records = {
        "projects": {"amount": 10, "disbursed": 20, "start_date": "2026-05-01", "planned_end": "2026-01-01",
                     "actual_end": "2020-01-01", "agreement_date": "2026-06-01", "status": "pipeline",
                     "grace_years": 9, "maturity_years": 3},
        "countries": {"code": "cn1"},
        "fx_rates": {"per_usd": 0},
        "ventures": {"foreign_share_pct": 0},
    }  # fmt: skip
    future = "2999-01-01"
    more = [("projects", {"status": "implementation", "start_date": future, "actual_end": future}),
            ("sectors", {"crs_code": "23010"}), ("sectors", {"crs_code": "2301"}),
            ("sectors", {"crs_code": "00000"})]  # fmt: skip
    for kind, rec in [*bad_records.items(), *more]:
        out.update(msg for _field, msg in cross_checks(kind, rec))
    return out


@pytest.fixture
def lang(qapp):  # noqa: ANN001
    yield lambda code: i18n.install(code, qapp)
    i18n.install("en", qapp)


def test_the_domain_gives_many_kinds_of_message():
    msgs = domain_messages()
    # A guard on the guard: the inputs above must reach the rules, or the next test proves little.
    assert len(msgs) >= 25, sorted(msgs)
    assert "is required" in msgs and "must be 0 for a project still in the pipeline" in msgs


@pytest.mark.parametrize("code", ["ru", "zh"])
def test_every_domain_message_is_translated(lang, code):
    lang(code)
    untranslated = sorted(m for m in domain_messages() if tr_message(m) == m)
    assert untranslated == []


def test_variable_parts_are_kept(lang):
    lang("ru")
    assert tr_message("is longer than 200 characters") == "длиннее 200 символов"
    assert tr_message("'Atlantis' is not an ISO country code or name in the reference data") == (
        "«Atlantis» — нет такого кода ISO или названия страны в справочнике"
    )
    # A message inside a message: both parts translated.
    assert tr_message("is not a number (an amount like 1234567.89)") == (
        "не является числом (сумма вида 1234567.89)"
    )
    assert tr_error(ValidationError("amount", "is required", row=3), "Сумма") == (
        "строка 3, Сумма: обязательно для заполнения"
    )
    lang("zh")
    assert tr_message("must be at least 0") == "不能小于 0"


def test_english_and_unknown_messages_are_shown_as_they_are(lang):
    lang("en")
    assert tr_message("is longer than 200 characters") == "is longer than 200 characters"
    lang("ru")
    assert tr_message("a message no rule knows") == "a message no rule knows"
    assert tr_error(ValidationError("x", "is required")) == "x: обязательно для заполнения"


def test_the_form_shows_the_rule_in_russian(lang, open_window, demo_path):  # noqa: ANN001
    lang("ru")
    win = open_window(demo_path, view="projects")
    page = win.record_page()
    form = page.form
    form.new_record()
    editor = form.editors["name"]
    editor.setText("")
    form.save()
    label = form.error_labels["name"]
    assert label.text() == "обязательно для заполнения"
