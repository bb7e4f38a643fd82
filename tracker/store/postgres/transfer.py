"""The copy itself, for ``tracker copy`` (:mod:`.copying`) and the server's backup file.

Whole portfolios between any two databases: file → server, server → file,
file → file, server → server (``tracker copy``), and the server's backup as a
SQLite file (``tracker backup --db URL``).

Every table comes across with its ids, row versions, audit log and snapshot
records; the source is read in one consistent snapshot and the target is
written in one transaction (a file target is made under a temporary name and
renamed only when complete), then counts and money totals are compared before
the target is kept. A target that already holds records is refused.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.store.errors import StoreError
from tracker.store.postgres import schema
from tracker.store.sqlite_store import Store, _generated

#: Tables that hold a portfolio's own records: a target with any is refused.
RECORD_TABLES = ("projects", "project_updates", "disbursement_plans", "residents", "ventures",
                 "audit_log", "snapshots")  # fmt: skip
#: Reference tables, children first (cleared in this order before the copy fills them).
REFERENCE_CLEAR_ORDER = ("banks", "zones", "fx_rates", "countries", "sectors", "regions")
#: Money columns compared after a copy (exact sums per currency).
MONEY = {
    "projects": ("amount", "disbursed"),
    "residents": ("declared_investment", "invested_to_date"),
    "ventures": ("charter_capital",),
}
#: meta keys that belong to the target database, not to the portfolio.
_OWN_META = {"schema_version", "application", "role_prefix"}

#: A file store or a server store (told apart by their ``backend``).
AnyStore = Any


def _on_server(store: AnyStore) -> bool:
    return getattr(store, "backend", "") == "postgresql"


@dataclass
class CopyReport:
    source: str
    target: str
    counts: dict[str, int] = field(default_factory=dict)
    money: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"{t}: {n}" for t, n in self.counts.items()]
        for table, per_cur in self.money.items():
            for cur, sums in per_cur.items():
                out.append(f"{table} {cur}: " + ", ".join(f"{k} {v}" for k, v in sums.items()))
        return out


#: ``progress(rows_done, rows)``, called every :data:`PROGRESS_ROWS` rows; it may raise (a
#: cancel): the copy then stops and leaves nothing behind.
ProgressFn = Callable[[int, int], None]
#: Rows copied between two progress calls.
PROGRESS_ROWS = 5000


def server_to_file(src: AnyStore, target: Path, progress: ProgressFn | None = None) -> Path:
    """The server portfolio as a new SQLite file (a backup), from one snapshot."""
    _to_file(src, target, progress)
    return target


def _to_file(src: AnyStore, target: Path, progress: ProgressFn | None = None) -> CopyReport:
    if target.exists() and target.is_dir():
        raise StoreError(f"{target} is a folder; give the name of a new database file.")
    if target.exists() and target.stat().st_size:
        raise StoreError(
            f"{target} already exists; the copy needs a new file. Nothing was changed."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, part_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    part = Path(part_name)
    part.unlink()
    try:
        dst = Store.open(part, create=True, backup=False)
        try:
            # A new file: its indexes and search triggers are rebuilt once after the load.
            with dst.bulk_loading([t for t in schema.TABLES if t != "meta"]):
                report = _load(src, dst, target=str(target), progress=progress)
        finally:
            dst.close(backup=False)
        os.replace(part, target)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(part) + suffix).unlink(missing_ok=True)
        raise
    return report


def _load(src: AnyStore, dst: AnyStore, *, target: str,
          progress: ProgressFn | None = None) -> CopyReport:  # fmt: skip
    held = {t: dst.count(t) for t in RECORD_TABLES}
    if any(held.values()):
        what = ", ".join(f"{n} {t}" for t, n in held.items() if n)
        raise StoreError(
            f"{target} already holds a portfolio ({what}); copy into a new file or an empty "
            "database. Nothing was changed."
        )
    with _snapshot(src), dst.write():
        if _on_server(dst):
            dst._exec("SET LOCAL tracker.copying = 'on'")  # keep the log's authors and times
            # One transaction for the whole portfolio: a million projects take minutes,
            # longer than the time limit the program sets for everyday statements.
            dst._exec("SET LOCAL statement_timeout = 0")
        for table in REFERENCE_CLEAR_ORDER:
            _clear(dst, table)
        meta = [r for r in src.rows("meta", order="key") if r["key"] not in _OWN_META]
        for r in meta:
            dst.set_meta(r["key"], r["value"])
        tables = [t for t in schema.TABLES if t != "meta"]
        tally = _Tally(progress, sum(src.count(t) for t in tables) if progress else 0)
        for table in tables:
            cols = [c for c in src._columns(table) if c not in _generated(table)]
            dst.insert_many(table, tally.rows(_rows(src, table)), columns=cols)
        tally.end()
        report = _verify(src, dst, target=target)
    return report


class _Tally:
    """Rows copied so far, told to ``progress`` every PROGRESS_ROWS rows."""

    def __init__(self, progress: ProgressFn | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def rows(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        if self.progress is None:
            yield from rows
            return
        for row in rows:
            self.done += 1
            if self.done % PROGRESS_ROWS == 0:
                self.progress(self.done, self.total)
            yield row

    def end(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.done)


def _rows(src: AnyStore, table: str) -> Iterator[dict[str, Any]]:
    if table in ("countries", "sectors", "regions"):
        yield from src.rows(table, order="code")
        return
    for row in src.iter_rows(table, batch=20_000):
        if table == "audit_log":
            row = dict(row, row_id=_row_id(row["row_id"]) if isinstance(row["row_id"], str)
                      else row["row_id"])  # fmt: skip
        yield row


def _clear(dst: AnyStore, table: str) -> None:
    if _on_server(dst):
        dst._exec(f"DELETE FROM {table}")
    else:
        dst._conn.execute(f"DELETE FROM {table}")


@contextlib.contextmanager
def _snapshot(src: AnyStore) -> Iterator[None]:
    if _on_server(src):
        with src.snapshot():
            yield
        return
    from tracker.store.export_reads import read_snapshot

    with read_snapshot(src):
        yield


def _money(store: AnyStore, table: str) -> dict[str, dict[str, int]]:
    cols = MONEY[table]
    return {
        r["currency"]: {"n": r["n"], **{c: int(r[c] or 0) for c in cols}}
        for r in store.sums_by_currency(table, cols)
    }


def _verify(src: AnyStore, dst: AnyStore, *, target: str) -> CopyReport:
    report = CopyReport(source=src.name, target=target)
    problems: list[str] = []
    for table in schema.TABLES:
        if table == "meta":  # each database keeps its own marks (schema version, owner)
            continue
        a, b = src.count(table), dst.count(table)
        report.counts[table] = b
        if a != b:
            problems.append(f"{table}: {a} rows in the source, {b} in the copy")
    for table in MONEY:
        a, b = _money(src, table), _money(dst, table)
        report.money[table] = b
        if a != b:
            problems.append(f"{table}: money totals differ ({a} vs {b})")
    if problems:
        raise StoreError(
            "The copy did not match its source, so it was not kept: " + "; ".join(problems)
        )
    return report


def _row_id(value: str | None) -> Any:
    """The audit log's row id as the file keeps it: an integer id, or a code."""
    if value is not None and value.isdigit():
        return int(value)
    return value
