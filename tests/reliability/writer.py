"""A writer for the crash harness: runs the real CLI (`tracker update`, `tracker import`)
in a loop and says on stdout when each write is done, so a test can SIGKILL it at
any moment and then check that every reported write survived.

The process imports the program once and then serves rounds: for each line
``go`` read on stdin it forks a child that writes until it is killed (or a
time limit passes; ``go-restore``: a child that runs `tracker restore` in a loop); the parent reaps it and prints ``REAPED <pid> <status>``.
Forking from a warm parent keeps 50 kills inside a minute on a busy machine;
the child is an ordinary process running the CLI code, killed by a real SIGKILL.

Lines written (each with one ``os.write``, so they never interleave):
  START <pid>
  DONE update <note>               - `tracker update` returned 0 for this note
  DONE import <prefix> <rows>      - `tracker import` returned 0 for a file of <rows> rows
  DONE restore <A|B>               - `tracker restore --from <A|B>.sqlite3` returned 0
  FAIL <command> <exit> <stderr>   - a command refused (the test fails on any)
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import time
from pathlib import Path

from tracker import cli
from tracker.services import importer, updates  # noqa: F401 - warm the parent: children start writing at once

#: Projects the harness creates before the first round.
PROJECTS = ("P-1", "P-2", "P-3")
CHILD_LIMIT_S = 10.0


def _say(line: str) -> None:
    os.write(1, (line.replace("\n", " ") + "\n").encode())


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main(argv)
    return rc, err.getvalue()


def _import_file(folder: Path, prefix: str, rows: int) -> Path:
    lines = ["code,name,sector,bank,amount,currency,disbursed,status"]
    lines += [
        f"{prefix}-{j},Imported plant {j},industry,China Exim,{1000 + j}.50,USD,0,signed"
        for j in range(rows)
    ]
    path = folder / f"{prefix}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child(db: str, folder: Path, seed: int) -> None:
    rng = random.Random(seed)
    pid = os.getpid()
    _say(f"START {pid}")
    deadline = time.monotonic() + CHILD_LIMIT_S
    i = 0
    while time.monotonic() < deadline:
        i += 1
        if rng.random() < 0.7:
            note = f"n{pid}-{i}"
            argv = ["update", "--db", db, "--project", rng.choice(PROJECTS),
                    "--progress", str(rng.randint(0, 100)), "--note", note]  # fmt: skip
            rc, err = _run(argv)
            _say(f"DONE update {note}" if rc == 0 else f"FAIL update {rc} {err.strip()}")
        else:
            prefix, rows = f"K{pid}-{i}", rng.randint(3, 12)
            src = _import_file(folder, prefix, rows)
            rc, err = _run(["import", "--db", db, "--kind", "projects", str(src)])
            _say(f"DONE import {prefix} {rows}" if rc == 0 else f"FAIL import {rc} {err.strip()}")


def restorer(db: str, folder: Path, seed: int) -> None:
    """Restore the two prepared backups (A.sqlite3, B.sqlite3) in turn with `tracker restore`."""
    pid = os.getpid()
    _say(f"START {pid}")
    deadline = time.monotonic() + CHILD_LIMIT_S
    i = seed
    while time.monotonic() < deadline:
        i += 1
        name = "A" if i % 2 else "B"
        rc, err = _run(["restore", "--db", db, "--from", str(folder / f"{name}.sqlite3")])
        _say(f"DONE restore {name}" if rc == 0 else f"FAIL restore {rc} {err.strip()}")


def main() -> int:
    db, folder = sys.argv[1], Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    _say("READY")
    for rounds, line in enumerate(sys.stdin, start=1):
        if line.strip() not in ("go", "go-restore"):
            break
        work = restorer if line.strip() == "go-restore" else child
        pid = os.fork()
        if pid == 0:  # the child: write until killed
            try:
                work(db, folder, seed=rounds)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        _say(f"REAPED {pid} {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
