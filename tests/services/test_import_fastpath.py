"""The import's fast paths give exactly what the full parser gives, on random cells."""

from __future__ import annotations

import random

import pytest

from tracker.domain.fields import (
    PROJECTS,
    clean_value,
    validate,
)
from tracker.domain.validation import ValidationErrors
from tracker.services import importer

_PIECES = ["0", "1", "9", "12", "007", "123456789012345", "9999999999999999", ".", ",", "-", "+",
           " ", "\u00a0", "\t", "\n", "'", "e", "E5", "1e3", "2024-02-29", "2023-02-29", "2024-13-01",
           "31.12.2024", "00:00", "T", "١٢", "²", "SYN-1", "a", "Ж", "x" * 41, "x" * 300,
           "_", "/", "pipeline", "Signed", "USD", "usd", "BY", "Belarus", "agriculture", "(", ")"]  # fmt: skip


def _cell(rnd: random.Random) -> str:
    return "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 4)))


def _plain(rnd: random.Random) -> str:
    """Cells of the shapes the fast paths take, near their edges."""
    return rnd.choice([
        f"{rnd.randint(0, 10**rnd.randint(1, 16))}",
        f"{rnd.randint(0, 10**15)}.{rnd.randint(0, 99):0{rnd.randint(1, 2)}d}",
        f"{rnd.randint(0, 9999):04d}-{rnd.randint(0, 13):02d}-{rnd.randint(0, 32):02d}",
        f"{rnd.randint(1990, 2030)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 31):02d}",
        " " * rnd.randint(0, 2) + "Name " + "y" * rnd.randint(0, 300) + " " * rnd.randint(0, 2),
        f"C-{rnd.randint(0, 10**6)}" + "z" * rnd.randint(0, 40),
    ])  # fmt: skip


def _full(f, raw, refs, dc):
    try:
        return True, clean_value(f, raw, refs, decimal_comma=dc)
    except ValueError as exc:
        return False, str(exc)


def _validate(values, refs, dc, row):
    try:
        return ("ok", validate(PROJECTS, values, refs, decimal_comma=dc, row=row))
    except ValidationErrors as exc:
        return ("errors", [(e.field, e.message, e.row) for e in exc.errors])


@pytest.mark.parametrize("block", [None, 7], ids=["whole-columns", "blocks-of-7"])
@pytest.mark.parametrize("dc", [None, False, True])
def test_column_check_matches_validate_row_by_row(store, dc, block, monkeypatch):
    if block:  # the column forms run a block of cells at a time: the same values
        monkeypatch.setattr(importer, "CHECK_BLOCK", block)
    refs = store.ref_index()
    rnd = random.Random(7)
    names = [f.name for f in PROJECTS.fields]
    good = {"code": "P-1", "name": "Plant", "sector": "energy", "bank_id": "1", "amount": "100.5",
            "currency": "USD", "status": "signed", "start_date": "2024-01-31"}  # fmt: skip
    rows = []
    for _ in range(600):
        r = dict(good)
        for n in rnd.sample(names, rnd.randint(0, 4)):
            r[n] = _plain(rnd) if rnd.random() < 0.5 else _cell(rnd)
        rows.append(r)
    check = importer._RowValidator(PROJECTS, refs, dc)
    cols, bad = check.columns({n: [r.get(n) for r in rows] for n in names}, len(rows), 2)
    for i, r in enumerate(rows):
        expected = _validate(r, refs, dc, 2 + i)
        if i in bad:
            got = ("errors", [(e.field, e.message, e.row) for e in bad[i]])
            assert got == expected, r
        elif expected[0] == "ok":
            assert dict(zip(names, (c[i] for c in cols), strict=True)) == expected[1], r
        else:  # only a rule between fields can fail: left to the caller
            clean = {n: c[i] for n, c in zip(names, cols, strict=True)}
            got = [(fld, msg, 2 + i) for fld, msg in importer.cross_checks("projects", clean)]
            assert ("errors", got) == expected, r
