"""One of several processes writing the same file at once (the concurrency test).

    concurrent_writer.py DB NAME N MODE GO_FILE

Waits until GO_FILE exists (so all processes start together), then:
- MODE ``service``: opens the store once and records N project updates through
  services.updates (as the window does), and after each one adds 1 to project
  P-1's amount with a version-checked update, reloading and retrying when
  another process saved first (the "reload" a person would do);
- MODE ``cli``: runs `tracker update` N times (each run opens and closes the
  file, with its automatic backups).
Prints one JSON line: {"done": [...notes...], "retries": R, "errors": [...]}.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path

from tracker import cli
from tracker.services import updates
from tracker.store import StaleWrite, Store, StoreError

PROJECTS = ("P-1", "P-2", "P-3")


def service(db: str, name: str, n: int) -> dict:
    done, errors, retries = [], [], 0
    with Store.open(db, backup=False) as store:
        ids = {p: store.get_by("projects", "code", p)["id"] for p in PROJECTS}
        for i in range(n):
            note = f"{name}-{i}"
            try:
                updates.add_update(store, project_id=ids[PROJECTS[i % 3]],
                                   values={"note": note}, user=name)  # fmt: skip
                done.append(note)
                while True:
                    row = store.get("projects", ids["P-1"])
                    try:
                        store.update("projects", row["id"], {"amount": row["amount"] + 1},
                                     expected_version=row["version"], user=name)  # fmt: skip
                        break
                    except StaleWrite:
                        retries += 1
            except StoreError as exc:
                errors.append(str(exc))
    return {"done": done, "retries": retries, "errors": errors}


def via_cli(db: str, name: str, n: int) -> dict:
    done, errors = [], []
    for i in range(n):
        note = f"{name}-{i}"
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = cli.main(["update", "--db", db, "--project", PROJECTS[i % 3], "--note", note])
        if rc == 0:
            done.append(note)
        else:
            errors.append(err.getvalue().strip())
    return {"done": done, "retries": 0, "errors": errors}


def main() -> int:
    db, name, n, mode, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    deadline = time.monotonic() + 60
    while not Path(go).exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    try:
        result = (service if mode == "service" else via_cli)(db, name, n)
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        result = {"done": [], "retries": 0, "errors": [f"{type(exc).__name__}: {exc}"]}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
