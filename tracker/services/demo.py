"""The demo portfolio: human-readable files in db/demo loaded through the
normal import, and a deterministic synthetic portfolio for benchmarks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tracker.services import importer
from tracker.store import Store, now_iso

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
        store.set_meta("demo", now_iso())
    return counts


# ---------------------------------------------------------------- synthetic


def generate(store: Store, *, projects: int, residents: int, ventures: int, seed: int = 20261127,
             progress: bool = False) -> dict[str, int]:  # fmt: skip
    """A large synthetic portfolio, the same for the same arguments (benchmarks).

    The rows are made by :mod:`tracker.services.synthetic` and written through the
    store's bulk insert, a chunk at a time, while the secondary indexes and full-text
    triggers are off (``bulk_loading``); both are rebuilt once at the end. Every row
    obeys the domain rules; each chunk gets one audit entry (``bulk_load``, by
    ``generator``), not one per row.
    """
    from tracker.services import synthetic

    wanted = {"projects": projects, "residents": residents, "ventures": ventures}
    tables = [t for t, n in wanted.items() if n]
    counts = dict.fromkeys(wanted, 0)
    with store.bulk_loading(tables), store.write():
        banks = [r["id"] for r in store.rows("banks", order="id")]
        zones = [r["id"] for r in store.rows("zones", order="id")]
        for table, n in wanted.items():
            offset = store.max_id(table)
            for start in range(1, n + 1, synthetic.CHUNK):
                k = min(synthetic.CHUNK, n - start + 1)
                first = offset + start
                if table == "projects":
                    names = synthetic.PROJECT_COLUMNS
                    cols = synthetic.projects(k, first_id=first, row=start, seed=seed, banks=banks)
                elif table == "residents":
                    names = synthetic.RESIDENT_COLUMNS
                    cols = synthetic.residents(k, first_id=first, row=start, seed=seed, zones=zones)
                else:
                    names = synthetic.VENTURE_COLUMNS
                    cols = synthetic.ventures(k, first_id=first, row=start, seed=seed)
                ids = store.insert_columns(table, names, cols, user="generator", action="bulk_load",
                                           summary={"seed": seed})  # fmt: skip
                counts[table] += len(ids)
        _synthetic_rates(store)
    return counts


def _synthetic_rates(store: Store) -> None:
    """Rates for the synthetic portfolio's currencies, where the file has none that day."""
    rates = {"CNY": 7.1, "EUR": 0.92, "BYN": 3.2, "RUB": 90.0}
    have = {r["currency"] for r in store.rows("fx_rates", where={"date": "2008-01-01"})}
    new = [{"currency": c, "date": "2008-01-01", "per_usd": r} for c, r in rates.items()
           if c not in have]  # fmt: skip
    if new:
        store.insert_audited("fx_rates", new, user="generator", action="bulk_load")
