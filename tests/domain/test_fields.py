"""Every validation rule of tracker.domain.fields, with the message it gives."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain import fields as F
from tracker.domain.fields import RefIndex, clean_value, parse_date, validate
from tracker.domain.validation import ValidationError, ValidationErrors


@pytest.fixture(scope="module")
def refs() -> RefIndex:
    return RefIndex(
        countries={
            "cn": "CN",
            "china": "CN",
            "китай": "CN",
            "中国": "CN",
            "by": "BY",
            "belarus": "BY",
        },
        sectors={"energy": "energy", "энергетика": "energy", "it": "it"},
        regions={"by-mi": "BY-MI", "minsk region": "BY-MI"},
        banks={"1": 1, "china development bank": 1, "cdb": 1, "2": 2, "icbc": 2},
        zones={"1": 1, "great stone industrial park": 1},
        projects={"p-1": 7},
    )


def good_project(**over):
    v = {"code": "P-1", "name": "Plant", "sector": "energy", "bank": "CDB", "amount": "1000",
         "currency": "usd", "status": "signed"}  # fmt: skip
    v.update(over)
    return v


def errors_of(kind, values, refs, **kw) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as ei:
        validate(kind, values, refs, **kw)
    return ei.value.by_field()


# ---------------------------------------------------------------- per type
def test_required_text_and_max_length(refs):
    f = F.PROJECTS.field("name")
    with pytest.raises(ValueError, match="is required"):
        clean_value(f, "  ", refs)
    with pytest.raises(ValueError, match="is required"):
        clean_value(f, None, refs)
    assert clean_value(f, "  Plant  ", refs) == "Plant"
    assert clean_value(f, "x" * 300, refs) == "x" * 300
    with pytest.raises(ValueError, match="longer than 300 characters"):
        clean_value(f, "x" * 301, refs)
    assert clean_value(F.PROJECTS.field("borrower"), "", refs) is None


@pytest.mark.parametrize("code", ["P-1", "CN/2019.07_a", "a" * 40, "9"])
def test_code_pattern_accepts(refs, code):
    assert clean_value(F.PROJECTS.field("code"), code, refs) == code


@pytest.mark.parametrize("code", ["-P1", "P 1", "P;1", "a" * 41, "проект", "P'1"])
def test_code_pattern_refuses(refs, code):
    with pytest.raises(ValueError, match="only letters, digits"):
        clean_value(F.PROJECTS.field("code"), code, refs)


@pytest.mark.parametrize(
    ("raw", "minor"),
    [
        ("1234567.89", 123456789),
        ("1,234,567.89", 123456789),
        ("1 234 567,89", 123456789),
        ("1\u00a0234\u00a0567,89", 123456789),
        ("1\u202f234\u202f567,89", 123456789),
        ("1.234.567,89", 123456789),
        ("0,5", 50),
        ("12", 1200),
        (12, 1200),
        ("0.10", 10),
        ("1,234", 123400),  # a lone group of three reads as thousands
    ],
)
def test_money_parse(refs, raw, minor):
    assert clean_value(F.PROJECTS.field("amount"), raw, refs) == minor


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("1.234", "more than two decimal places"),
        ("0,001", "more than two decimal places"),
        ("abc", "is not a number"),
        ("12e5", "is not a number"),
        ("1,2,3", "more than one decimal comma"),
        ("-5", "must not be negative"),
        ("(5)", "must not be negative"),
        ("1" + "0" * 18, "is too large"),
        (float("nan"), "not a finite number"),
    ],
)
def test_money_refused(refs, raw, reason):
    with pytest.raises(ValueError, match=reason):
        clean_value(F.PROJECTS.field("amount"), raw, refs)


def test_money_decimal_comma_forced(refs):
    f = F.PROJECTS.field("amount")
    assert clean_value(f, "1,234", refs, decimal_comma=False) == 123400
    with pytest.raises(ValueError, match="more than two decimal places"):
        clean_value(f, "1,234", refs, decimal_comma=True)
    assert clean_value(f, "1,23", refs, decimal_comma=True) == 123


@pytest.mark.parametrize(("raw", "code"), [("usd", "USD"), (" CNY ", "CNY"), ("Eur", "EUR")])
def test_currency_ok(refs, raw, code):
    assert clean_value(F.PROJECTS.field("currency"), raw, refs) == code


@pytest.mark.parametrize("raw", ["US", "USDT", "U$D", "12A", "доллар"])
def test_currency_refused(refs, raw):
    with pytest.raises(ValueError, match="three-letter ISO 4217"):
        clean_value(F.PROJECTS.field("currency"), raw, refs)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-02-29", "2024-02-29"),
        ("29.02.2024", "2024-02-29"),
        ("1.3.2024", "2024-03-01"),
        ("01/03/2024", "2024-03-01"),
        ("2024-03-01 00:00:00", "2024-03-01"),
        ("2024-03-01T00:00", "2024-03-01"),
        (dt.date(2024, 3, 1), "2024-03-01"),
        (dt.datetime(2024, 3, 1, 0, 0), "2024-03-01"),
    ],
)
def test_dates_parse(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2023-02-29", "not a real date"),
        ("31.04.2024", "not a real date"),
        ("2024-13-01", "not a real date"),
        ("2024-1-5", "is not a date"),
        ("March 2024", "is not a date"),
        ("2024-03-01 12:30", "is not a date"),
        ("45000", "is not a date"),
    ],
)
def test_dates_refused(raw, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(raw)


def test_int_and_real_bounds(refs):
    pct = F.PROJECTS.field("progress_pct")
    assert clean_value(pct, "0", refs) == 0
    assert clean_value(pct, "100", refs) == 100
    assert clean_value(pct, "50.0", refs) == 50
    with pytest.raises(ValueError, match="at most 100"):
        clean_value(pct, "101", refs)
    with pytest.raises(ValueError, match="at least 0"):
        clean_value(pct, "-1", refs)
    with pytest.raises(ValueError, match="whole number"):
        clean_value(pct, "50.5", refs)
    with pytest.raises(ValueError, match="is not a number"):
        clean_value(pct, "half", refs)
    rate = F.PROJECTS.field("interest_rate")
    assert clean_value(rate, "3,5", refs, decimal_comma=True) == 3.5
    assert isinstance(clean_value(rate, "3.25", refs), float)
    with pytest.raises(ValueError, match="at most 100"):
        clean_value(rate, "100.01", refs)
    jobs = F.RESIDENTS.field("jobs_planned")
    with pytest.raises(ValueError, match="at most 10000000"):
        clean_value(jobs, str(10**7 + 1), refs)


@pytest.mark.parametrize(("raw", "value"), [("Signed", "signed"), (" COMPLETED ", "completed"),
                                            ("in-progress", None), ("implementation", "implementation")])  # fmt: skip
def test_enum(refs, raw, value):
    f = F.PROJECTS.field("status")
    if value is None:
        with pytest.raises(ValueError, match="must be one of pipeline, signed"):
            clean_value(f, raw, refs)
    else:
        assert clean_value(f, raw, refs) == value
    assert clean_value(F.ZONES.field("kind"), "Industrial park", refs) == "industrial_park"


@pytest.mark.parametrize("raw", ["CN", "cn", "China", "CHINA", "китай", "Китай", "中国", " cn "])
def test_country_by_code_or_name_any_case(refs, raw):
    assert clean_value(F.RESIDENTS.field("country"), raw, refs) == "CN"


def test_sector_region_by_code_or_name(refs):
    assert clean_value(F.PROJECTS.field("sector"), "ENERGY", refs) == "energy"
    assert clean_value(F.PROJECTS.field("sector"), "Энергетика", refs) == "energy"
    assert clean_value(F.PROJECTS.field("region"), "by-mi", refs) == "BY-MI"
    assert clean_value(F.PROJECTS.field("region"), "Minsk Region", refs) == "BY-MI"
    with pytest.raises(ValueError, match="'Atlantis' is not an ISO country code or name"):
        clean_value(F.RESIDENTS.field("country"), "Atlantis", refs)
    with pytest.raises(ValueError, match="is not a sector code or name"):
        clean_value(F.PROJECTS.field("sector"), "mining", refs)
    with pytest.raises(ValueError, match="is not a region code"):
        clean_value(F.PROJECTS.field("region"), "BY-XX", refs)


def test_refs_by_name_short_name_or_id(refs):
    f = F.PROJECTS.field("bank_id")
    assert clean_value(f, "China Development Bank", refs) == 1
    assert clean_value(f, "cdb", refs) == 1
    assert clean_value(f, "ICBC", refs) == 2
    assert clean_value(f, 2, refs) == 2
    with pytest.raises(ValueError, match="'Bank of Atlantis' is not a known bank"):
        clean_value(f, "Bank of Atlantis", refs)
    with pytest.raises(ValueError, match="no bank with id 99"):
        clean_value(f, 99, refs)
    assert clean_value(F.RESIDENTS.field("zone_id"), "great stone INDUSTRIAL park", refs) == 1
    assert clean_value(F.PROJECT_UPDATES.field("project_id"), "p-1", refs) == 7


def test_ref_error_names_import_column(refs):
    errs = errors_of(F.PROJECTS, good_project(bank="Nobody"), refs, row=5)
    assert set(errs) == {"bank"}


# ------------------------------------------------------------ whole records
def test_validate_good_project(refs):
    out = validate(F.PROJECTS, good_project(), refs)
    assert out["bank_id"] == 1 and out["amount"] == 100000 and out["currency"] == "USD"
    assert out["region"] is None


def test_validate_lists_every_bad_field_with_row(refs):
    with pytest.raises(ValidationErrors) as ei:
        validate(
            F.PROJECTS, good_project(code="", amount="x", status="done", currency="$"), refs, row=4
        )
    errs = ei.value.errors
    assert {e.field for e in errs} == {"code", "amount", "status", "currency"}
    assert all(e.row == 4 for e in errs)
    assert "row 4, amount: is not a number" in str(ei.value)


def test_partial_checks_only_given_fields(refs):
    assert validate(F.PROJECTS, {"name": "New"}, refs, partial=True) == {"name": "New"}
    with pytest.raises(ValidationErrors):
        validate(F.PROJECTS, {"name": ""}, refs, partial=True)


@pytest.mark.parametrize(
    ("over", "field", "rule"),
    [
        ({"disbursed": "2000"}, "disbursed", "must not exceed the committed amount"),
        ({"start_date": "2024-05-01", "planned_end": "2024-04-30"}, "planned_end", "before the start date"),
        ({"start_date": "2024-05-01", "actual_end": "2024-04-30"}, "actual_end", "before the start date"),
        ({"agreement_date": "2024-05-01", "actual_end": "2024-04-30"}, "actual_end", "before the agreement date"),
        ({"status": "pipeline", "disbursed": "1"}, "disbursed", "pipeline"),
        ({"grace_years": "6", "maturity_years": "5"}, "grace_years", "must not exceed the maturity"),
    ],
)  # fmt: skip
def test_cross_field_rules_projects(refs, over, field, rule):
    errs = errors_of(F.PROJECTS, good_project(**over), refs)
    assert rule in errs[field]


def test_cross_field_rules_pass_on_edges(refs):
    ok = good_project(disbursed="1000", start_date="2024-05-01", planned_end="2024-05-01",
                      grace_years="5", maturity_years="5", status="completed")  # fmt: skip
    assert validate(F.PROJECTS, ok, refs)["disbursed"] == 100000
    assert (
        validate(F.PROJECTS, good_project(status="pipeline", disbursed="0"), refs)["disbursed"] == 0
    )


def test_cross_field_fx_and_ventures(refs):
    assert (
        "must be above 0"
        in errors_of(F.FX_RATES, {"currency": "CNY", "date": "2024-01-01", "per_usd": "0"}, refs)[
            "per_usd"
        ]
    )
    v = {"name": "JV", "partner_country": "CN", "foreign_share_pct": "0", "currency": "USD",
         "sector": "it", "status": "active"}  # fmt: skip
    assert "must be above 0" in errors_of(F.VENTURES, v, refs)["foreign_share_pct"]
    v["foreign_share_pct"] = "100.5"
    assert "at most 100" in errors_of(F.VENTURES, v, refs)["foreign_share_pct"]
    v["foreign_share_pct"] = "49,5"
    assert validate(F.VENTURES, v, refs, decimal_comma=True)["foreign_share_pct"] == 49.5


def test_cross_rules_wait_for_field_errors(refs):
    """A bad field is reported alone; cross-field rules would only repeat it."""
    errs = errors_of(F.PROJECTS, good_project(amount="x", disbursed="5"), refs)
    assert set(errs) == {"amount"}


def test_kind_lookup():
    assert F.kind_of("updates") is F.PROJECT_UPDATES
    assert F.kind_of("fx") is F.FX_RATES
    with pytest.raises(KeyError, match="unknown kind 'nope'"):
        F.kind_of("nope")
    assert F.PROJECTS.field("bank").name == "bank_id"
    assert F.PROJECTS.money_fields == ("amount", "disbursed")


def test_validation_error_text():
    assert str(ValidationError("amount", "is required", 3)) == "row 3, amount: is required"
    assert str(ValidationError("amount", "is required")) == "amount: is required"
    errs = ValidationErrors([ValidationError("a", "x"), ValidationError("a", "y")])
    assert errs.by_field() == {"a": "x"}


@pytest.mark.parametrize("code", ["xk", "XKK", "X1", "X"])
def test_country_code_rule(refs, code):
    errs = errors_of(F.COUNTRIES, {"code": code, "name_en": "Kosovo"}, refs)
    assert "two capital letters" in errs["code"]
    assert validate(F.COUNTRIES, {"code": "XK", "name_en": "Kosovo"}, refs)["code"] == "XK"
