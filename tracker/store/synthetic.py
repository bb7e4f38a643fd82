"""Synthetic portfolios for benchmarks, generated inside SQLite.

A million projects built row by row in Python spend most of their time
binding parameters; ``INSERT ... SELECT`` over a counter does the same in C,
several times faster. Randomness comes from an integer hash of (row number,
column, seed), so the same arguments always give the same rows, on any
machine and SQLite version (only integer arithmetic, no ``random()``).
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain import codelists

_WORDS = ("Northern", "Central", "River", "Valley", "Lake", "Forest", "Steel", "Green", "Grain", "Solar",
          "Wind", "Cement", "Glass", "Timber", "Dairy", "Rail", "Road", "Port", "Bridge", "Clinic",
          "Data", "Cable", "Textile", "Chemical", "Potash", "Sugar", "Flax", "Logistics", "Terminal",
          "Hospital")  # fmt: skip
_THINGS = (
    "Plant",
    "Line",
    "Hub",
    "Park",
    "Centre",
    "Complex",
    "Upgrade",
    "Expansion",
    "Corridor",
    "Mill",
)
_COUNTRIES = ("CN", "BY", "RU", "DE", "US", "AT", "LT", "IL", "KZ", "CH", "SE", "IT", "FR", "SG")
_SHARES = (25.0, 30.0, 49.0, 50.0, 51.0, 60.0, 70.0, 75.5, 90.0, 99.0)
#: Julian day of 2008-01-01, the first date used.
_BASE_JD = 2454466.5
#: 2025-12-31: a completed project's actual end is in the past (the domain refuses a later one).
_LAST_END_JD = 2461040.5
#: Odd multipliers, one per random column, so columns do not move together.
_MULT = (2654435761, 2246822519, 3266489917, 668265263, 374761393, 2870177450 + 1, 1597334677,
         3812015801, 2024237689, 1103515245, 2891336453, 1664525, 4294967291 - 2, 22695477)  # fmt: skip


def _lit(v: object) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def _h(k: int, seed: int, i: str = "i") -> str:
    """SQL for a pseudo-random integer in [0, 2^31) from the row number ``i``.

    Every intermediate stays below 2^63, so SQLite never switches to floats.
    """
    s = (seed * 7919 + k * 104729) % 2147483648
    x1 = f"(({i} * {_MULT[k % len(_MULT)] % 2147483648} + {s}) % 2147483648)"
    x2 = f"(({x1} * 48271) % 2147483647)"
    return f"(({x2} * {x2} + {s}) % 2147483629)"


def _pick(choices: Sequence[object], expr: str) -> str:
    whens = " ".join(f"WHEN {i} THEN {_lit(c)}" for i, c in enumerate(choices))
    return f"(CASE ({expr}) % {len(choices)} {whens} END)"


def _counter(n: int, draws: Sequence[int], seed: int) -> str:
    """Row numbers 1..n with one hash per entry of ``draws``, computed once per row
    (a recursive CTE is never flattened, so each hash is not re-evaluated per use)."""
    names = ", ".join(f"h{k}" for k in draws)
    first = ", ".join(_h(k, seed, "1") for k in draws)
    nxt = ", ".join(_h(k, seed, "(i + 1)") for k in draws)
    return (f"WITH RECURSIVE c(i, {names}) AS (SELECT 1, {first} UNION ALL "
            f"SELECT i + 1, {nxt} FROM c WHERE i < {int(n)}) ")  # fmt: skip


def projects_sql(n: int, *, offset: int, seed: int, banks: Sequence[int], updated_at: str) -> str:
    """``n`` projects with ids after ``offset``; every row obeys the domain rules."""
    sectors = [s[0] for s in codelists.DEFAULT_SECTORS]
    regions = [r[0] for r in codelists.DEFAULT_REGIONS]
    statuses = codelists.PROJECT_STATUSES
    # Three hashes per row, each split into independent small draws (31 bits suffice).
    base = f"SELECT i + {int(offset)} AS id, h1 AS a, h2 AS b, h3 AS d FROM c"
    mid = (
        "SELECT id, a % 6 AS st, ((a / 6) % 499000 + 1000) * 100000 AS amount, b % 100 AS pr, "
        "(b / 100) % 6500 AS start, 365 + (b / 650000) % 2635 AS len, d % 30 AS w, "
        "(d / 30) AS r7, (d / 300) AS r8, (d / 2100) AS r9, (d / 12600) AS r10, (a / 2994000) AS r11, "
        f"(d / 63000) AS r12, (d / 819000) AS r13 FROM ({base})"
    )
    word = _pick(_WORDS, "w")
    cols = ("id", "code", "name", "sector", "region", "bank_id", "borrower", "amount", "currency",
            "disbursed", "status", "agreement_date", "start_date", "planned_end", "actual_end",
            "progress_pct", "description", "interest_rate", "maturity_years", "grace_years",
            "version", "updated_at")  # fmt: skip
    select = ", ".join([
        "id",
        "printf('SYN-%07d', id)",
        f"printf('%s %s %d (synthetic)', {word}, {_pick(_THINGS, 'id')}, id)",
        _pick(sectors, "r7"),
        _pick(regions, "r8"),
        _pick(list(banks), "r9"),
        "printf('Borrower %d JSC', id % 997)",
        "amount",
        _pick(("USD", "USD", "USD", "CNY", "EUR"), "r10"),
        "CASE st WHEN 3 THEN amount WHEN 0 THEN 0 ELSE amount * pr / 100 END",
        _pick(statuses, "st"),
        f"CASE st WHEN 0 THEN NULL ELSE date({_BASE_JD} + start - 90) END",
        f"date({_BASE_JD} + start)",
        f"date({_BASE_JD} + start + len)",
        f"CASE st WHEN 3 THEN date(min({_BASE_JD} + start + len, {_LAST_END_JD})) END",
        "CASE st WHEN 3 THEN 100 WHEN 0 THEN 0 ELSE pr END",
        f"'Synthetic ' || lower({word}) || ' project'",
        "(150 + r11 % 501) / 100.0",
        "8 + r12 % 13",
        "1 + r13 % 5",
        "1",
        _lit(updated_at),
    ])  # fmt: skip
    return (
        _counter(n, (1, 2, 3), seed)
        + f"INSERT INTO projects ({', '.join(cols)}) SELECT {select} FROM ({mid})"
    )


def residents_sql(n: int, *, offset: int, seed: int, zones: Sequence[int], updated_at: str) -> str:
    sectors = [s[0] for s in codelists.DEFAULT_SECTORS]
    inner = (
        f"SELECT i + {int(offset)} AS id, (h21 % 49990 + 10) * 1000000 AS declared, h21 / 49990 AS r2, "
        "h22 AS r3, h22 / 14 AS r4, h22 / 140 AS r5, h22 / 560 AS r6, h23 AS r7, h23 / 101 AS r8, "
        "h23 / 201500 AS r9 FROM c"
    )
    cols = ("id", "name", "zone_id", "country", "sector", "status", "registered_on",
            "declared_investment", "invested_to_date", "currency", "jobs_planned", "jobs_created",
            "notes", "version", "updated_at")  # fmt: skip
    select = ", ".join([
        "id", "printf('Resident %07d (synthetic)', id)", _pick(list(zones), "r2"), _pick(_COUNTRIES, "r3"),
        _pick(sectors, "r4"), _pick(codelists.RESIDENT_STATUSES, "r5"), f"date({_BASE_JD} + r6 % 6500)",
        "declared", "declared * (r7 % 101) / 100", "'USD'", "5 + r8 % 1995", "r9 % 2000", "NULL", "1",
        _lit(updated_at),
    ])  # fmt: skip
    return (
        _counter(n, (21, 22, 23), seed)
        + f"INSERT INTO residents ({', '.join(cols)}) SELECT {select} FROM ({inner})"
    )


def ventures_sql(n: int, *, offset: int, seed: int, updated_at: str) -> str:
    sectors = [s[0] for s in codelists.DEFAULT_SECTORS]
    regions = [r[0] for r in codelists.DEFAULT_REGIONS]
    inner = (
        f"SELECT i + {int(offset)} AS id, CASE WHEN h41 % 1000 < 694 THEN 100.0 ELSE "
        f"{_pick(_SHARES, 'h41 / 1000')} END AS share, h42 AS r3, h42 / 9999 AS r4, h43 AS r5, "
        "h43 / 10 AS r6, h43 / 70 AS r7, h43 / 455000 AS r8 FROM c"
    )
    cols = ("id", "name", "foreign_partner", "partner_country", "local_partner", "foreign_share_pct",
            "charter_capital", "currency", "sector", "region", "established_on", "status", "notes",
            "version", "updated_at")  # fmt: skip
    select = ", ".join([
        "id", "printf('Venture %07d (synthetic)', id)", "printf('Partner %d Co., Ltd.', id % 1499)", "'CN'",
        "CASE WHEN share = 100.0 THEN NULL ELSE printf('Local %d OJSC', id % 701) END", "share",
        "(1 + r3 % 9999) * 100000", _pick(("USD", "BYN", "CNY"), "r4"), _pick(sectors, "r5"),
        _pick(regions, "r6"), f"date({_BASE_JD} + r7 % 6500)", _pick(codelists.VENTURE_STATUSES, "r8"),
        "NULL", "1", _lit(updated_at),
    ])  # fmt: skip
    return (
        _counter(n, (41, 42, 43), seed)
        + f"INSERT INTO ventures ({', '.join(cols)}) SELECT {select} FROM ({inner})"
    )
