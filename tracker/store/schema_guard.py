"""A file someone sent you: is its schema the one this program's migrations build?

A SQLite file with our application id can still carry its own triggers, views,
tables, indexes and column defaults, and SQLite runs them during an ordinary
write. On open the file's schema (``sqlite_master``) is compared with the one
:mod:`tracker.store.migrations` builds in an in-memory database; anything else
is named, the file is opened for writing only after :func:`repair` removed it.

Nothing here evaluates SQL text read from the file: definitions are compared
as token lists, and :func:`literal` reads a column default as a Python value.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Tables SQLite itself makes (statistics of ANALYZE/PRAGMA optimize, AUTOINCREMENT).
_INTERNAL = re.compile(r"^sqlite_(stat\d|sequence)$")
#: The tables an FTS5 table keeps its index in (made and checked by FTS5 itself).
_FTS_SHADOW = ("_data", "_idx", "_docsize", "_config", "_content")

_TOKEN = re.compile(
    r"""\s+|--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\[[^\]]*\]|`(?:[^`]|``)*`|\w+|.""",
    re.S,
)


def normalized(sql: str | None) -> tuple[str, ...]:
    """A definition as tokens: case, spacing, comments and identifier quoting do not count
    (two sqlite-utils versions write the same trigger with other quotes)."""
    if sql is None:
        return ()
    out = []
    for m in _TOKEN.finditer(sql):
        t = m.group(0)
        if t.isspace() or t.startswith(("--", "/*")):
            continue
        if t[0] in '"[`':
            t = t[1:-1].lower()
        elif t[0] != "'":
            t = t.lower()
        out.append(t)
    return tuple(out)


@dataclass(frozen=True)
class SchemaObject:
    type: str  # table | index | trigger | view
    name: str
    table: str
    sql: str | None

    def describe(self) -> str:
        on = f" on {self.table}" if self.type in ("index", "trigger") else ""
        return f"{self.type} '{self.name}'{on}"


@dataclass
class Schema:
    objects: dict[str, SchemaObject] = field(default_factory=dict)

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> Schema:
        s = cls()
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
        for typ, name, tbl, sql in rows:
            if _INTERNAL.match(name) or (typ == "index" and sql is None):
                continue  # SQLite's own; automatic indexes follow from the table definition
            s.objects[name.lower()] = SchemaObject(typ, name, tbl, sql)
        return s

    def to_json(self) -> str:
        return json.dumps([[o.type, o.name, o.table, o.sql] for o in self.objects.values()])

    @classmethod
    def from_json(cls, text: str) -> Schema:
        s = cls()
        for typ, name, tbl, sql in json.loads(text):
            s.objects[name.lower()] = SchemaObject(typ, name, tbl, sql)
        return s


@dataclass(frozen=True)
class Difference:
    """One thing in the file that the program did not make (or that it lacks)."""

    kind: str  # foreign | changed | missing
    found: SchemaObject | None
    expected: SchemaObject | None
    detail: str = ""

    def describe(self) -> str:
        if self.kind == "foreign":
            assert self.found is not None
            if self.expected is not None:
                return (f"'{self.found.name}' is a {self.found.type} where the program makes a "
                        f"{self.expected.type}")  # fmt: skip
            return f"{self.found.describe()} (not made by this program)"
        if self.kind == "changed":
            assert self.found is not None
            return f"{self.found.describe()} differs from the program's definition" + (
                f" ({self.detail})" if self.detail else ""
            )
        assert self.expected is not None
        return f"{self.expected.describe()} is missing"


# ----------------------------------------------------------- the expected schema
_EXPECTED: dict[int, Schema] = {}


def _cache_key(version: int) -> str:
    from importlib import metadata

    from tracker.domain import codelists, fields
    from tracker.store import migrations

    h = hashlib.sha256()
    for mod in (migrations, codelists, fields):
        h.update(_source_bytes(mod))
    with contextlib.suppress(metadata.PackageNotFoundError):
        h.update(metadata.version("sqlite-utils").encode())
    h.update(f"{sqlite3.sqlite_version}/{version}".encode())
    return h.hexdigest()[:24]


def _source_bytes(mod: Any) -> bytes:
    """A module's source, or its code object where no source ships (a frozen bundle)."""
    try:
        return Path(mod.__file__ or "").read_bytes()
    except OSError:
        import marshal

        loader = getattr(mod, "__loader__", None)
        code = loader.get_code(mod.__name__) if loader and hasattr(loader, "get_code") else None
        if code is None:
            from tracker import __version__

            return f"{mod.__name__}/{__version__}".encode()
        return marshal.dumps(code)


def expected(version: int) -> Schema:
    """The schema the migrations up to ``version`` build, made in an in-memory database.

    Kept for the process, and on disk in the cache folder (owner-only), keyed by the
    migrations' source, the sqlite-utils and SQLite versions: building it imports
    sqlite-utils, which the window's start-up otherwise never needs."""
    if version in _EXPECTED:
        return _EXPECTED[version]
    from tracker import paths

    cached = paths.cache_dir() / "schema" / f"v{version}-{_cache_key(version)}.json"
    schema = None
    with contextlib.suppress(OSError, ValueError, TypeError):
        schema = Schema.from_json(cached.read_text(encoding="utf-8"))
    if schema is None:
        schema = _build(version)
        with contextlib.suppress(OSError):
            from tracker.safe_files import write_atomic

            cached.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(cached, lambda p: p.write_text(schema.to_json(), encoding="utf-8"),
                         mode=0o600)  # fmt: skip
    _EXPECTED[version] = schema
    return schema


def _build(version: int) -> Schema:
    import sqlite_utils

    from tracker.store.migrations import MIGRATIONS

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db = sqlite_utils.Database(conn)
        conn.execute("BEGIN")
        for migration in MIGRATIONS[:version]:
            migration(db)
        conn.execute("COMMIT")
        return Schema.read(conn)
    finally:
        conn.close()


# ------------------------------------------------------------------ comparing
def _fts_parent(name: str, objects: dict[str, SchemaObject]) -> SchemaObject | None:
    for suffix in _FTS_SHADOW:
        if name.endswith(suffix):
            parent = objects.get(name[: -len(suffix)])
            if parent is not None and "virtual" in normalized(parent.sql)[:3]:
                return parent
    return None


def differences(conn: sqlite3.Connection, version: int) -> list[Difference]:
    """What the file's schema has that the migrations up to ``version`` do not make,
    what it defines otherwise, and what it lacks; empty when it is the program's own."""
    want = expected(version).objects
    have = Schema.read(conn).objects
    out: list[Difference] = []
    for key, obj in have.items():
        exp = want.get(key)
        if exp is None:
            out.append(Difference("foreign", obj, None))
        elif exp.type != obj.type:
            out.append(Difference("foreign", obj, exp))
        elif normalized(exp.sql) != normalized(obj.sql):
            detail = _table_detail(conn, obj, exp) if obj.type == "table" else ""
            out.append(Difference("changed", obj, exp, detail))
    for key, exp in want.items():
        if key not in have:
            out.append(Difference("missing", None, exp))
    return sorted(out, key=_weight)


def _weight(d: Difference) -> int:
    """The most telling first: a view in a table's place, then code that runs, then the rest."""
    if d.kind == "foreign" and d.expected is not None:
        return 0
    if d.kind == "foreign" and d.found is not None and d.found.type in ("trigger", "view"):
        return 1
    if d.kind == "changed" and d.found is not None and d.found.type == "table":
        return 2
    return {"foreign": 3, "changed": 4, "missing": 5}[d.kind]


def _table_detail(conn: sqlite3.Connection, found: SchemaObject, exp: SchemaObject) -> str:
    """Which columns differ, from the file's own column list (read, never run)."""
    if "virtual" in normalized(found.sql)[:3]:
        return "full-text index settings"
    try:
        cols = {r[1]: (r[2], r[3], r[4]) for r in conn.execute(
            "SELECT * FROM pragma_table_xinfo(?)", (found.name,))}  # fmt: skip
    except sqlite3.Error:
        return ""
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute(exp.sql or "")
        want = {r[1]: (r[2], r[3], r[4]) for r in mem.execute(
            "SELECT * FROM pragma_table_xinfo(?)", (exp.name,))}  # fmt: skip
    except sqlite3.Error:  # pragma: no cover - our own definitions are valid
        return ""
    finally:
        mem.close()
    parts = [f"column '{c}' added" for c in cols if c not in want]
    parts += [f"column '{c}' missing" for c in want if c not in cols]
    for c in cols.keys() & want.keys():
        (t1, nn1, d1), (t2, nn2, d2) = cols[c], want[c]
        if t1 != t2:
            parts.append(f"column '{c}' has type {t1 or 'none'} instead of {t2 or 'none'}")
        if d1 != d2:
            parts.append(f"column '{c}' has default {d1} instead of {d2}")
        if nn1 != nn2:
            parts.append(f"column '{c}' {'is' if nn1 else 'is not'} NOT NULL")
    return "; ".join(parts) or "its rules (CHECK, UNIQUE or links) differ"


def message(name: str, found: list[Difference], *, limit: int = 6) -> str:
    """One plain paragraph: what was found and what the person can do."""
    listed = [d.describe() for d in found[:limit]]
    more = f" and {len(found) - limit} more" if len(found) > limit else ""
    return (
        f"{name} holds database objects this program did not make: {'; '.join(listed)}{more}. "
        "They could run another program's code on every change, so the file was not opened "
        "for writing and was not changed. Open it read-only (--read-only) to look at it, or "
        f"repair it (tracker repair --db {name}, or File › Repair database…), which removes "
        "them after a backup."
    )


# ------------------------------------------------------------------- repairing
def repair(conn: sqlite3.Connection, version: int) -> list[str]:
    """Bring the schema back to the program's own, inside the caller's transaction
    (foreign keys off): drop foreign objects, redefine changed ones (a changed table is
    rebuilt with its rows), make missing ones. Returns what was done, one line each."""
    want = expected(version).objects
    done: list[str] = []
    diffs = differences(conn, version)
    rebuilt: set[str] = set()
    for d in diffs:  # triggers and views first: nothing of theirs may run during the repair
        if d.found is not None and d.found.type in ("trigger", "view"):
            conn.execute(f'DROP {d.found.type.upper()} IF EXISTS "{_q(d.found.name)}"')
            done.append(f"removed {d.found.describe()}")
    for d in diffs:
        obj = d.found
        if obj is None or obj.type in ("trigger", "view"):
            continue
        if obj.type == "index":
            conn.execute(f'DROP INDEX IF EXISTS "{_q(obj.name)}"')
            done.append(f"removed {obj.describe()}")
        elif obj.type == "table" and _fts_parent(obj.name.lower(), want) is None:
            if d.kind == "changed" and "virtual" not in normalized(obj.sql)[:3]:
                _rebuild_table(conn, obj, want[obj.name.lower()])
                rebuilt.add(obj.name.lower())
                done.append(f"rebuilt table '{obj.name}' with the program's definition")
            else:
                conn.execute(f'DROP TABLE IF EXISTS "{_q(obj.name)}"')
                done.append(f"removed {obj.describe()}")
    have = Schema.read(conn).objects
    order = {"table": 0, "index": 1, "trigger": 2, "view": 3}
    for key, exp in sorted(want.items(), key=lambda kv: order.get(kv[1].type, 9)):
        if key in have or _fts_parent(key, want) is not None or exp.sql is None:
            continue
        conn.execute(exp.sql)
        if exp.type == "table" and "virtual" in normalized(exp.sql)[:3]:
            conn.execute(f'INSERT INTO "{_q(exp.name)}" ("{_q(exp.name)}") VALUES (\'rebuild\')')
        if exp.table.lower() not in rebuilt:
            done.append(f"made {exp.describe()}")
    return done


def _q(name: str) -> str:
    return name.replace('"', '""')


def _rebuild_table(conn: sqlite3.Connection, found: SchemaObject, exp: SchemaObject) -> None:
    """SQLite's own recipe for changing a table: a new one, the rows copied, renamed."""
    tmp = f"_tracker_repair_{exp.name}"
    sql = exp.sql or ""
    m = re.match(r"\s*create\s+table\s+(\"[^\"]+\"|\[[^\]]+\]|\w+)", sql, re.I)
    if m is None:  # pragma: no cover - our own definitions start so
        raise sqlite3.DatabaseError(f"cannot rebuild {exp.name}")
    conn.execute(f'CREATE TABLE "{tmp}"' + sql[m.end() :])
    new_cols = [
        r[1] for r in conn.execute("SELECT * FROM pragma_table_xinfo(?)", (tmp,)) if r[6] == 0
    ]  # fmt: skip - hidden 0: not generated
    old_cols = {r[1] for r in conn.execute("SELECT * FROM pragma_table_xinfo(?)", (found.name,))
                if r[6] == 0}  # fmt: skip
    common = ", ".join(f'"{_q(c)}"' for c in new_cols if c in old_cols)
    conn.execute(f'INSERT INTO "{tmp}" ({common}) SELECT {common} FROM "{_q(found.name)}"')
    conn.execute(f'DROP TABLE "{_q(found.name)}"')
    conn.execute(f'ALTER TABLE "{tmp}" RENAME TO "{_q(exp.name)}"')


# ------------------------------------------------------------ column defaults
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def literal(text: str | None) -> Any:
    """A column default as a Python value, read without running it.

    Only plain literals (a number, a quoted string, NULL) are values; anything else
    (an expression another tool put there) raises ValueError instead of being run."""
    if text is None:
        return None
    s = text.strip()
    while s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if s.upper() == "NULL":
        return None
    if _NUMBER.match(s):
        return float(s) if any(ch in s for ch in ".eE") else int(s)
    if len(s) >= 2 and s[0] == s[-1] == "'" and "'" not in s[1:-1].replace("''", ""):
        return s[1:-1].replace("''", "'")
    raise ValueError(f"not a plain value: {text[:60]}")
