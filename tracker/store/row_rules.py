"""Stored values that break the domain rules, found in SQL.

SQLite lets another tool write ``'abc'`` into an INTEGER column (column affinity
is a preference), a CHECK constraint can be switched off with
``ignore_check_constraints``, and a read-only ``integrity_check`` does not run
CHECKs. So every column of every kind is checked against its field's rule
(type, range, codelist, date, link) by one scan per table; the conditions are
made from :mod:`tracker.domain.fields`, values are never taken from the file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from tracker.domain import fields as F
from tracker.domain.money import MAX_MINOR

#: Per kind, the column that names a row for a person (else its id).
_LABEL = {"projects": "code", "residents": "name", "ventures": "name", "banks": "name",
          "zones": "name", "countries": "code", "sectors": "code", "regions": "code"}  # fmt: skip
_REF_TABLES = {F.COUNTRY: "countries", F.SECTOR: "sectors", F.REGION: "regions"}


@dataclass(frozen=True)
class BadCell:
    table: str
    pk: Any
    label: str  # the row's code or name, or its id
    column: str
    value: Any
    rule: str

    def describe(self) -> str:
        return f"{self.table} {self.label}, column {self.column}: {_show(self.value)} {self.rule}"


def _show(v: Any) -> str:
    if isinstance(v, bytes):
        return f"binary data ({len(v)} bytes)"
    text = repr(v) if isinstance(v, str) else str(v)
    return text if len(text) <= 40 else text[:37] + "…"


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def conditions(kind: F.Kind, columns: set[str]) -> list[tuple[str, str, str]]:
    """(column, SQL that is true for a bad value, the rule in words) for each field."""
    out: list[tuple[str, str, str]] = []
    for f in kind.fields:
        c = f'"{f.name}"'
        if f.name not in columns:
            continue
        t = f.type
        if f.required:
            out.append((f.name, f"{c} IS NULL", "is empty but required"))
        if t in (F.TEXT, F.LONGTEXT, F.CODE):
            out.append((f.name, f"typeof({c}) NOT IN ('text', 'null')", "is not text"))
            if f.max_length:
                out.append((f.name, f"typeof({c}) = 'text' AND length({c}) > {f.max_length}",
                            f"is longer than {f.max_length} characters"))  # fmt: skip
        elif t == F.MONEY:
            out.append((f.name, f"typeof({c}) NOT IN ('integer', 'null')",
                        "is not an amount (whole minor units)"))  # fmt: skip
            out.append((f.name, f"typeof({c}) = 'integer' AND ({c} < 0 OR {c} >= {MAX_MINOR})",
                        "is negative or too large"))  # fmt: skip
        elif t in (F.INT, F.REAL):
            ok = "('integer', 'null')" if t == F.INT else "('integer', 'real', 'null')"
            out.append((f.name, f"typeof({c}) NOT IN {ok}",
                        "is not a whole number" if t == F.INT else "is not a number"))  # fmt: skip
            lo, hi = f.minimum, f.maximum
            if lo is not None or hi is not None:
                parts = ([f"{c} < {_num(lo)}"] if lo is not None else []) + (
                    [f"{c} > {_num(hi)}"] if hi is not None else [])  # fmt: skip
                rule = "must be " + " and ".join(
                    ([f"at least {_num(lo)}"] if lo is not None else [])
                    + ([f"at most {_num(hi)}"] if hi is not None else []))  # fmt: skip
                out.append((f.name, f"typeof({c}) IN ('integer', 'real') AND ({' OR '.join(parts)})",
                            rule))  # fmt: skip
        elif t == F.CURRENCY:
            out.append((f.name, f"{c} IS NOT NULL AND (typeof({c}) != 'text' OR "
                                f"{c} NOT GLOB '[A-Z][A-Z][A-Z]')",
                        "is not a three-letter currency code"))  # fmt: skip
        elif t == F.DATE:
            out.append((f.name, f"{c} IS NOT NULL AND (typeof({c}) != 'text' OR {c} NOT GLOB "
                                "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR "
                                f"date({c}) IS NOT {c})",
                        "is not a date (YYYY-MM-DD)"))  # fmt: skip
        elif t == F.ENUM:
            choices = ", ".join(_lit(s) for s in f.choices)
            out.append((f.name, f"{c} IS NOT NULL AND (typeof({c}) != 'text' OR {c} NOT IN ({choices}))",
                        f"is not one of {', '.join(f.choices)}"))  # fmt: skip
        elif t in _REF_TABLES:
            ref = _REF_TABLES[t]
            out.append((f.name, f"{c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {ref} r "
                                f"WHERE r.code = {c})",
                        f"is not a code in {ref}"))  # fmt: skip
        elif t == F.REF and f.ref_table:
            out.append((f.name, f"{c} IS NOT NULL AND (typeof({c}) != 'integer' OR NOT EXISTS "
                                f"(SELECT 1 FROM {f.ref_table} r WHERE r.id = {c}))",
                        f"is not a link to a record in {f.ref_table}"))  # fmt: skip
    return out


def broken_cells(conn: sqlite3.Connection, kinds: list[F.Kind], *, limit: int = 10_000,
                 interrupted: Any = None) -> list[BadCell]:  # fmt: skip
    """Every stored value of these kinds that breaks its field's rule (at most ``limit``)."""
    out: list[BadCell] = []
    for kind in kinds:
        try:
            cols = {r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (kind.name,))}
        except sqlite3.Error:
            continue
        if not cols:
            continue
        conds = conditions(kind, cols)
        if not conds:
            continue
        pk = "code" if kind.name in ("countries", "sectors", "regions") else "id"
        label = _LABEL.get(kind.name, pk)
        flags = ", ".join(f"({sql}) AS b{i}" for i, (_, sql, _) in enumerate(conds))
        values = ", ".join(f'"{col}" AS v{i}' for i, (col, _, _) in enumerate(conds))
        where = " OR ".join(f"({sql})" for _, sql, _ in conds)
        sql = (f'SELECT "{pk}" AS pk, "{label}" AS label, {flags}, {values} FROM "{kind.name}" '
               f'WHERE {where} ORDER BY "{pk}" LIMIT ?')  # fmt: skip
        for row in conn.execute(sql, (limit - len(out),)):
            seen: set[str] = set()
            for i, (col, _, rule) in enumerate(conds):
                if row[f"b{i}"] and col not in seen:
                    seen.add(col)  # one message a cell: its first broken rule
                    name = row["label"] if row["label"] is not None else row["pk"]
                    out.append(BadCell(kind.name, row["pk"], str(name), col, row[f"v{i}"], rule))
        if len(out) >= limit or (interrupted is not None and interrupted()):
            break
    return out[:limit]
