"""Synthetic portfolios for benchmarks and load tests: rows made here, written through
the store's one bulk-insert path (:meth:`PortfolioDB.insert_columns`).

Randomness comes from an integer hash of (row number, column, seed), so the same
arguments always give the same rows on any machine. The rows are made a column at
a time with numpy (integer arithmetic only, every intermediate below 2**63): a
million projects take about as long as the insert itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from tracker.domain import codelists

_WORDS = ("Northern", "Central", "River", "Valley", "Lake", "Forest", "Steel", "Green", "Grain", "Solar",
          "Wind", "Cement", "Glass", "Timber", "Dairy", "Rail", "Road", "Port", "Bridge", "Clinic",
          "Data", "Cable", "Textile", "Chemical", "Potash", "Sugar", "Flax", "Logistics", "Terminal",
          "Hospital")  # fmt: skip
_THINGS = ("Plant", "Line", "Hub", "Park", "Centre", "Complex", "Upgrade", "Expansion", "Corridor",
           "Mill")  # fmt: skip
_COUNTRIES = ("CN", "BY", "RU", "DE", "US", "AT", "LT", "IL", "KZ", "CH", "SE", "IT", "FR", "SG")
_SHARES = (25.0, 30.0, 49.0, 50.0, 51.0, 60.0, 70.0, 75.5, 90.0, 99.0)
#: The first date used, and the latest actual end of a completed project (the domain
#: refuses an actual end after today).
_BASE = np.datetime64("2008-01-01", "D")
_LAST_END = np.datetime64("2025-12-31", "D")
#: Odd multipliers, one per random column, so columns do not move together.
_MULT = (2654435761, 2246822519, 3266489917, 668265263, 374761393, 2870177450 + 1, 1597334677,
         3812015801, 2024237689, 1103515245, 2891336453, 1664525, 4294967291 - 2, 22695477)  # fmt: skip
#: Rows made and written at a time (memory stays flat for a million).
CHUNK = 100_000

PROJECT_COLUMNS = ("code", "name", "sector", "region", "bank_id", "borrower", "amount",
                   "currency", "disbursed", "status", "agreement_date", "start_date",
                   "planned_end", "actual_end", "progress_pct", "description", "interest_rate",
                   "maturity_years", "grace_years")  # fmt: skip
RESIDENT_COLUMNS = ("name", "zone_id", "country", "sector", "status", "registered_on",
                    "declared_investment", "invested_to_date", "currency", "jobs_planned",
                    "jobs_created", "notes")  # fmt: skip
VENTURE_COLUMNS = ("name", "foreign_partner", "partner_country", "local_partner",
                   "foreign_share_pct", "charter_capital", "currency", "sector", "region",
                   "established_on", "status", "notes")  # fmt: skip


def _hash(k: int, seed: int, i: np.ndarray) -> np.ndarray:
    """A pseudo-random integer in [0, 2**31) per row number in ``i``."""
    s = (seed * 7919 + k * 104729) % 2147483648
    x1 = (i * (_MULT[k % len(_MULT)] % 2147483648) + s) % 2147483648
    x2 = (x1 * 48271) % 2147483647
    return (x2 * x2 + s) % 2147483629


def _pick(choices: Sequence[Any], draws: np.ndarray) -> list[Any]:
    return np.asarray(choices, dtype=object)[draws % len(choices)].tolist()


def _dates(days: np.ndarray) -> np.ndarray:
    return np.datetime_as_string(_BASE + days.astype("timedelta64[D]"), unit="D")


def projects(
    n: int, *, first_id: int, row: int = 1, seed: int, banks: Sequence[int]
) -> list[list[Any]]:
    """Columns (:data:`PROJECT_COLUMNS`) of ``n`` projects with ids from ``first_id``, rows
    ``row``, ``row + 1``, ... of the seed's sequence; every row obeys the domain rules."""
    i = np.arange(row, row + n, dtype=np.int64)  # the hashes' row numbers
    ids = list(range(first_id, first_id + n))
    a, b, d = (_hash(k, seed, i) for k in (1, 2, 3))
    st = a % 6
    amount = ((a // 6) % 499000 + 1000) * 100000
    pr = b % 100
    start = (b // 100) % 6500
    length = 365 + (b // 650000) % 2635
    word = np.asarray(_WORDS, dtype=object)[d % 30]
    thing = np.asarray(_THINGS, dtype=object)[np.asarray(ids) % len(_THINGS)]
    done, pipeline = st == 3, st == 0
    disbursed = np.where(done, amount, np.where(pipeline, 0, amount * pr // 100))
    agreement = _dates(start - 90).astype(object)
    agreement[pipeline] = None
    end = _BASE + (start + length).astype("timedelta64[D]")
    actual = np.datetime_as_string(np.minimum(end, _LAST_END), unit="D").astype(object)
    actual[~done] = None
    return [
        [f"SYN-{x:07d}" for x in ids],
        [f"{w} {t} {x} (synthetic)" for w, t, x in zip(word, thing, ids, strict=True)],
        _pick([s[0] for s in codelists.DEFAULT_SECTORS], d // 30),
        _pick([r[0] for r in codelists.DEFAULT_REGIONS], d // 300),
        _pick(list(banks), d // 2100),
        [f"Borrower {x % 997} JSC" for x in ids],
        amount.tolist(),
        _pick(("USD", "USD", "USD", "CNY", "EUR"), d // 12600),
        disbursed.tolist(),
        _pick(codelists.PROJECT_STATUSES, st),
        agreement.tolist(),
        _dates(start).tolist(),
        np.datetime_as_string(end, unit="D").tolist(),
        actual.tolist(),
        np.where(done, 100, np.where(pipeline, 0, pr)).tolist(),
        [f"Synthetic {w.lower()} project" for w in word],
        ((150 + (a // 2994000) % 501) / 100.0).tolist(),
        (8 + (d // 63000) % 13).tolist(),
        (1 + (d // 819000) % 5).tolist(),
    ]


def residents(
    n: int, *, first_id: int, row: int = 1, seed: int, zones: Sequence[int]
) -> list[list[Any]]:
    """Columns (:data:`RESIDENT_COLUMNS`) of ``n`` industrial-park residents."""
    i = np.arange(row, row + n, dtype=np.int64)  # the hashes' row numbers
    ids = list(range(first_id, first_id + n))
    h1, h2, h3 = (_hash(k, seed, i) for k in (21, 22, 23))
    declared = (h1 % 49990 + 10) * 1000000
    return [
        [f"Resident {x:07d} (synthetic)" for x in ids],
        _pick(list(zones), h1 // 49990),
        _pick(_COUNTRIES, h2),
        _pick([s[0] for s in codelists.DEFAULT_SECTORS], h2 // 14),
        _pick(codelists.RESIDENT_STATUSES, h2 // 140),
        _dates((h2 // 560) % 6500).tolist(),
        declared.tolist(),
        (declared * (h3 % 101) // 100).tolist(),
        ["USD"] * n,
        (5 + (h3 // 101) % 1995).tolist(),
        ((h3 // 201500) % 2000).tolist(),
        [None] * n,
    ]


def ventures(n: int, *, first_id: int, row: int = 1, seed: int) -> list[list[Any]]:
    """Columns (:data:`VENTURE_COLUMNS`) of ``n`` joint ventures and foreign-owned companies."""
    i = np.arange(row, row + n, dtype=np.int64)  # the hashes' row numbers
    ids = list(range(first_id, first_id + n))
    h1, h2, h3 = (_hash(k, seed, i) for k in (41, 42, 43))
    whole = h1 % 1000 < 694
    share = np.where(whole, 100.0, np.asarray(_SHARES)[(h1 // 1000) % len(_SHARES)])
    return [
        [f"Venture {x:07d} (synthetic)" for x in ids],
        [f"Partner {x % 1499} Co., Ltd." for x in ids],
        ["CN"] * n,
        [None if w else f"Local {x % 701} OJSC" for w, x in zip(whole.tolist(), ids, strict=True)],
        share.tolist(),
        ((1 + h2 % 9999) * 100000).tolist(),
        _pick(("USD", "BYN", "CNY"), h2 // 9999),
        _pick([s[0] for s in codelists.DEFAULT_SECTORS], h3),
        _pick([r[0] for r in codelists.DEFAULT_REGIONS], h3 // 10),
        _dates((h3 // 70) % 6500).tolist(),
        _pick(codelists.VENTURE_STATUSES, h3 // 455000),
        [None] * n,
    ]
