"""Crash safety: SIGKILL a process running `tracker update` / `tracker import` at
random moments, 50 times; after each kill the file is whole, holds every write
that was reported done, and every import is all or nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tracker.store import Store

KILLS = 50
WRITER = Path(__file__).with_name("writer.py")

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks (POSIX only)")


def _read_until(proc: subprocess.Popen, prefix: str, sink: list[str]) -> str:
    """Lines until one starting with ``prefix`` (others go to ``sink``)."""
    while True:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise AssertionError(f"the writer ended early; stderr: {proc.stderr.read()}")  # type: ignore[union-attr]
        line = line.rstrip("\n")
        if line.startswith(prefix):
            return line
        if line.startswith("REAPED"):
            raise AssertionError(f"the writer child ended before '{prefix}': {sink[-3:]}")
        sink.append(line)


def _import_files(folder: Path) -> dict[str, int]:
    """prefix -> number of rows of every import file the writer made (reported or not)."""
    out = {}
    for f in folder.glob("K*.csv"):
        lines = [x for x in f.read_text(encoding="utf-8").splitlines()[1:] if x]
        out[f.stem] = len(lines)
    return out


def _verify(db: Path, done_notes: set[str], done_imports: dict[str, int], folder: Path) -> Counter:
    """What a restart sees: recovery, integrity, every reported write, whole imports."""
    conn = sqlite3.connect(db)  # opening after the kill recovers the WAL, as a restart does
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        notes = {r[0] for r in conn.execute("SELECT note FROM project_updates")}
        codes = Counter(
            code.rsplit("-", 1)[0]
            for (code,) in conn.execute("SELECT code FROM projects WHERE code LIKE 'K%'")
        )
    finally:
        conn.close()
    lost = done_notes - notes
    assert not lost, f"updates reported done but missing after the kill: {sorted(lost)[:5]}"
    stats: Counter = Counter()
    for prefix, rows in _import_files(folder).items():
        have = codes.get(prefix, 0)
        assert have in (0, rows), f"import {prefix}: {have} of {rows} rows present (partial)"
        if prefix in done_imports:
            assert have == rows == done_imports[prefix], (
                f"import {prefix} reported done but missing"
            )
        elif have == 0:
            stats["imports rolled back"] += 1
        else:
            stats["imports committed, not yet reported"] += 1
    return stats


def test_fifty_kills_lose_nothing(small_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "imports"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(small_db), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    rng = random.Random(20261127)
    done_notes: set[str] = set()
    done_imports: dict[str, int] = {}
    failures: list[str] = []
    kills = 0
    stats: Counter = Counter()
    t0 = time.monotonic()
    try:
        _read_until(proc, "READY", [])
        for k in range(KILLS):
            proc.stdin.write("go\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            pid = int(_read_until(proc, "START", []).split()[1])
            lines: list[str] = []
            if k % 2:
                # Half the kills come at a random moment after a first write was reported,
                # so a slow, busy machine still kills writers in the middle of their work;
                # the other half at any moment from the start (opening, first backup, ...).
                lines.append(_read_until(proc, "DONE", lines))
                time.sleep(rng.uniform(0.0, 0.5))
            else:
                time.sleep(rng.uniform(0.05, 0.8))
            os.kill(pid, signal.SIGKILL)
            reaped = _read_until(proc, "REAPED", lines)
            assert reaped.split()[1] == str(pid)
            kills += int(os.WIFSIGNALED(int(reaped.split()[2])))
            for line in lines:
                parts = line.split()
                if parts[:2] == ["DONE", "update"]:
                    done_notes.add(parts[2])
                elif parts[:2] == ["DONE", "import"]:
                    done_imports[parts[2]] = int(parts[3])
                elif parts[:1] == ["FAIL"]:
                    failures.append(line)
            stats = _verify(small_db, done_notes, done_imports, folder)
    finally:
        if proc.stdin:
            proc.stdin.close()
        proc.wait(timeout=30)
        for pipe in (proc.stdout, proc.stderr):
            if pipe:
                pipe.close()
    elapsed = time.monotonic() - t0
    assert not failures, failures[:3]
    assert kills == KILLS, "every round must end in a SIGKILL, not a clean exit"
    # The harness must really have written something, and hit some imports mid-way.
    assert len(done_notes) + len(done_imports) >= KILLS // 2
    assert len(done_notes) >= 10 and len(done_imports) >= 3, (len(done_notes), len(done_imports))
    # The program opens the file after all that, and its own check agrees.
    with Store.open(small_db, backup=False) as s:
        assert s.integrity_check() == []
        s.changed = False
    print(
        f"\ncrash harness: {kills} SIGKILLs in {elapsed:.1f} s; {len(done_notes)} updates and "
        f"{len(done_imports)} imports reported done, all present; {dict(stats)}"
    )


def test_durability_settings_of_every_writable_connection(small_db: Path) -> None:
    """SIGKILL cannot show a power cut (the OS still flushes its cache); what makes a
    reported write survive one is WAL with synchronous=FULL on every connection that writes."""
    with Store.open(small_db, backup=False) as s:
        c = s._conn
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        s.changed = False
    conn = sqlite3.connect(small_db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # stored in the file
    finally:
        conn.close()


RESTORE_KILLS = 12


def _states(db: Path) -> tuple[str, str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = dict(conn.execute("SELECT code, name FROM projects WHERE code IN ('P-1', 'P-2')"))
    finally:
        conn.close()
    return names["P-1"], names["P-2"]


def test_killed_restores_are_all_or_nothing(small_db: Path, tmp_path: Path) -> None:
    """`tracker restore` killed at random moments: the file is always whole and holds
    exactly one of the two backups, never a mix."""
    folder = tmp_path / "restores"
    with Store.open(small_db, backup=False) as s:
        for label in ("A", "B"):
            for code in ("P-1", "P-2"):
                row = s.get_by("projects", "code", code)
                s.update("projects", row["id"], {"name": f"{code} state {label}"},
                         expected_version=row["version"], user="t")  # fmt: skip
            s.backup_to(folder / f"{label}.sqlite3")
        s.changed = False
    states = {("P-1 state A", "P-2 state A"), ("P-1 state B", "P-2 state B")}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(small_db), str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    rng = random.Random(7)
    done = 0
    try:
        _read_until(proc, "READY", [])
        for k in range(RESTORE_KILLS):
            proc.stdin.write("go-restore\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            pid = int(_read_until(proc, "START", []).split()[1])
            lines: list[str] = []
            if k % 2:
                lines.append(_read_until(proc, "DONE", lines))
            time.sleep(rng.uniform(0.0, 0.4))
            os.kill(pid, signal.SIGKILL)
            _read_until(proc, "REAPED", lines)
            assert not [x for x in lines if x.startswith("FAIL")], lines
            done += sum(x.startswith("DONE restore") for x in lines)
            assert _states(small_db) in states
    finally:
        if proc.stdin:
            proc.stdin.close()
        proc.wait(timeout=30)
        for pipe in (proc.stdout, proc.stderr):
            if pipe:
                pipe.close()
    assert done >= RESTORE_KILLS // 2
    with Store.open(small_db, backup=False) as s:
        assert s.integrity_check() == []
        s.changed = False
