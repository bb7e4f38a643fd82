"""One validator per field: each faster form of a field's rule gives exactly what the rule
itself (``Validator.cell``, i.e. ``clean_value``) gives, wherever the faster form answers.

Property tests (Hypothesis): the cells are drawn from the shapes a 100k-row file is made of
(plain amounts, ISO dates, names, codes) near their edges, mixed with pieces that break
them (commas, signs, exponents, non-ASCII digits, control characters, over-long text).
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tracker.domain.fields import DATE, FAST_MISS, KINDS, Field, validator

FIELDS = sorted({f for k in KINDS.values() for f in k.fields}, key=lambda f: (f.type, f.name))
PLAIN = [f for f in FIELDS if validator(f).plain is not None]
COLUMN = [f for f in FIELDS if validator(f).column is not None]
DATES = [f for f in FIELDS if validator(f).dates is not None]

_PIECES = ["0", "1", "9", "12", "007", "123456789012345", "9999999999999999", ".", ",", "-",
           "+", " ", "\u00a0", "\t", "\n", "\x00", "\x1b", "'", "e", "E5", "1e3", "2024-02-29",
           "2023-02-29", "2024-13-01", "31.12.2024", "00:00", "T", "١٢", "²", "SYN-1", "a", "Ж",
           "x" * 41, "x" * 300, "_", "/", "(", ")", "=", "中"]  # fmt: skip

digits = st.text("0123456789", min_size=1, max_size=17)
plain_shapes = st.one_of(
    digits,
    st.builds(lambda a, b: f"{a}.{b}", digits, st.text("0123456789", min_size=0, max_size=3)),
    st.dates().map(lambda d: d.isoformat()),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 13),
        st.integers(0, 32),
    ),  # fmt: skip
    st.builds(
        lambda a, n, b: " " * a + "Name " + "y" * n + " " * b,
        st.integers(0, 2),
        st.integers(0, 310),
        st.integers(0, 2),
    ),  # fmt: skip
    st.builds(lambda n, m: f"C-{n}" + "z" * m, st.integers(0, 10**6), st.integers(0, 40)),
    st.from_regex(r"[A-Za-z0-9._/-]{1,42}", fullmatch=True),
)
iso_dates = st.dates().map(lambda d: d.isoformat())
money_texts = st.one_of(
    digits,
    st.builds(lambda a, b: f"{a}.{b}", digits, st.text("0123456789", min_size=2, max_size=2)),
)
names = st.builds(lambda a, n, b: " " * a + "Name " + "y" * n + " " * b,
                  st.integers(0, 2), st.integers(0, 310), st.integers(0, 2))  # fmt: skip
codes = st.from_regex(r"[A-Za-z0-9._/-]{1,42}", fullmatch=True)


def plain_for(f: Field) -> st.SearchStrategy[str]:
    """Cells of the shape a column of ``f`` is mostly made of."""
    return {"money": money_texts, "date": iso_dates, "code": codes}.get(f.type, names)


odd = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=4).map("".join), st.text(max_size=30))
cells = st.one_of(plain_shapes, plain_shapes, odd)
SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def _rule(f: Field, raw: str, dc: bool | None) -> tuple[bool, object]:
    try:
        return True, validator(f).cell(raw, None, decimal_comma=dc)
    except ValueError as exc:
        return False, str(exc)


@SETTINGS
@given(f=st.sampled_from(PLAIN), raw=cells, dc=st.sampled_from([None, False, True]))
def test_plain_form_gives_what_the_rule_gives(f, raw, dc):
    got = validator(f).plain(raw)
    assume(got is not FAST_MISS)
    assert _rule(f, raw, dc) == (True, got)


@SETTINGS
@given(f=st.sampled_from(COLUMN), data=st.data())
def test_column_form_gives_what_the_rule_gives_cell_by_cell(f, data):
    # Mostly plain columns (so the column form answers), now and then one odd cell.
    column = data.draw(st.lists(plain_for(f), min_size=1, max_size=25), label="column")
    if data.draw(st.booleans(), label="spoil"):
        i = data.draw(st.integers(0, len(column) - 1), label="at")
        column[i] = data.draw(cells, label="odd cell")
    got = validator(f).column(column)
    assume(got is not None)
    assert [(True, v) for v in got] == [_rule(f, c, None) for c in column]


@SETTINGS
@given(f=st.sampled_from(DATES), data=st.data())
def test_dates_form_gives_what_the_rule_gives(f, data):
    texts = data.draw(st.lists(iso_dates, min_size=1, max_size=20), label="texts")
    if data.draw(st.booleans(), label="spoil"):
        i = data.draw(st.integers(0, len(texts) - 1), label="at")
        texts[i] = data.draw(cells, label="odd cell")
    got = validator(f).dates(texts)
    assume(got is not None)
    assert {t: (True, v) for t, v in got.items()} == {t: _rule(f, t, None) for t in texts}


def test_the_faster_forms_are_there_and_answer():
    """The property tests above mean something only if the forms exist and take cells."""
    assert {f.type for f in PLAIN} >= {"text", "longtext", "code", "money", "date"}
    assert {f.type for f in COLUMN} >= {"text", "code", "money"}
    assert all(f.type == DATE for f in DATES) and DATES
    amount = KINDS["projects"].field("amount")
    assert validator(amount).plain("1234.5") == 123450
    assert validator(amount).column(["1.00", "2.50"]) == [100, 250]
    assert validator(amount).column(["1.00", "1,5"]) is None
    assert validator(amount).plain("1,5") is FAST_MISS
    assert validator(DATES[0]).dates(["2024-02-29"]) == {"2024-02-29": "2024-02-29"}
    assert validator(DATES[0]).dates(["2023-02-29"]) is None
