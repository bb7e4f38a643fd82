"""The demo portfolio: human-readable files in db/demo loaded through the
normal import, and a deterministic synthetic portfolio for benchmarks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tracker.services import importer
from tracker.store import Store
from tracker.store.sqlite_store import now_iso

DEMO_ORDER = (("fx_rates", "fx_rates.csv"), ("projects", "projects.csv"),
              ("project_updates", "project_updates.csv"), ("residents", "residents.csv"),
              ("ventures", "ventures.csv"), ("disbursement_plans", "disbursement_plans.csv"))  # fmt: skip


def demo_dir() -> Path:
    """Where the demo files are: beside the source tree, or inside a frozen bundle."""
    candidates = []
    if os.environ.get("TRACKER_DEMO_DIR"):
        candidates.append(Path(os.environ["TRACKER_DEMO_DIR"]))
    if getattr(sys, "_MEIPASS", None):
        candidates.append(Path(sys._MEIPASS) / "db" / "demo")  # type: ignore[attr-defined]
    here = Path(__file__).resolve()
    candidates += [here.parents[2] / "db" / "demo", here.parents[1] / "data" / "demo"]
    for c in candidates:
        if (c / "projects.csv").is_file():
            return c
    raise FileNotFoundError("the demo portfolio files (db/demo/*.csv) are not installed")


def load_demo(store: Store, *, user: str = "demo") -> dict[str, int]:
    """Import every demo file; all or nothing per file, and the files are checked first."""
    folder = demo_dir()
    counts: dict[str, int] = {}
    with store.write():
        for kind, name in DEMO_ORDER:
            plan = importer.import_file(store, kind=kind, path=folder / name, user=user)
            counts[kind] = len(plan.planned)
        store.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', ?)", (now_iso(),)
        )
    return counts


# ---------------------------------------------------------------- synthetic


def generate(store: Store, *, projects: int, residents: int, ventures: int, seed: int = 20261127,
             progress: bool = False) -> dict[str, int]:  # fmt: skip
    """A large synthetic portfolio, the same for the same arguments (benchmarks).

    The rows are generated inside SQLite (``Store.fill_synthetic``) while the
    secondary indexes and full-text triggers are off; both are rebuilt once at
    the end (``Store.bulk_loading``). Every row obeys the domain rules.
    """
    tables = [t for t, n in (("projects", projects), ("residents", residents),
                             ("ventures", ventures)) if n]  # fmt: skip
    with store.bulk_loading(tables), store.write():
        counts = store.fill_synthetic(projects=projects, residents=residents, ventures=ventures,
                                      seed=seed)  # fmt: skip
        _synthetic_rates(store)
    return counts


def _synthetic_rates(store: Store) -> None:
    rates = {"CNY": 7.1, "EUR": 0.92, "BYN": 3.2, "RUB": 90.0}
    store.conn.executemany(
        "INSERT OR IGNORE INTO fx_rates (currency, date, per_usd, version, updated_at) VALUES (?, ?, ?, 1, ?)",
        [(c, "2008-01-01", r, now_iso()) for c, r in rates.items()],
    )
