"""The demo portfolio: human-readable files in db/demo loaded through the
normal import, and a deterministic synthetic portfolio for benchmarks."""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

from tracker.domain import codelists
from tracker.services import importer
from tracker.store import Store
from tracker.store.sqlite_store import now_iso

DEMO_ORDER = (("fx_rates", "fx_rates.csv"), ("projects", "projects.csv"),
              ("project_updates", "project_updates.csv"), ("residents", "residents.csv"),
              ("ventures", "ventures.csv"))  # fmt: skip


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


def generate(store: Store, *, projects: int, residents: int, ventures: int, seed: int = 20261127,
             progress: bool = False) -> dict[str, int]:  # fmt: skip
    """A large synthetic portfolio, the same for the same arguments (benchmarks).

    Full-text triggers are bypassed during the load and the index rebuilt once
    at the end, which is several times faster than row-by-row indexing.
    """
    rnd = random.Random(seed)
    banks = [r["id"] for r in store.rows("banks")]
    zones = [r["id"] for r in store.rows("zones")]
    sectors = [s[0] for s in codelists.DEFAULT_SECTORS]
    regions = [r[0] for r in codelists.DEFAULT_REGIONS]
    countries = ["CN", "BY", "RU", "DE", "US", "AT", "LT", "IL", "KZ", "CH", "SE", "IT", "FR", "SG"]
    currencies = ["USD", "USD", "USD", "CNY", "EUR"]
    ts = now_iso()
    base = dt.date(2008, 1, 1).toordinal()
    P = codelists.PROJECT_STATUSES

    def project_rows():
        for i in range(1, projects + 1):
            status = P[rnd.randrange(6)]
            amount = rnd.randrange(1_000, 500_000) * 100_000  # 1 M .. 500 M in minor units
            prog = (
                100
                if status == "completed"
                else (0 if status == "pipeline" else rnd.randrange(0, 100))
            )
            disb = (
                amount
                if status == "completed"
                else (0 if status == "pipeline" else amount * prog // 100)
            )
            start = base + rnd.randrange(0, 6500)
            end = start + rnd.randrange(365, 3000)
            w = _WORDS[rnd.randrange(len(_WORDS))]
            yield (i, f"SYN-{i:07d}", f"{w} {_THINGS[i % len(_THINGS)]} {i} (synthetic)", sectors[rnd.randrange(len(sectors))],
                   regions[rnd.randrange(7)], banks[rnd.randrange(len(banks))], f"Borrower {i % 997} JSC",
                   amount, currencies[rnd.randrange(5)], disb, status,
                   dt.date.fromordinal(start - 90).isoformat() if status != "pipeline" else None,
                   dt.date.fromordinal(start).isoformat(), dt.date.fromordinal(end).isoformat(),
                   dt.date.fromordinal(end).isoformat() if status == "completed" else None, prog,
                   f"Synthetic {w.lower()} project number {i}", round(rnd.uniform(1.5, 6.5), 2),
                   rnd.randrange(8, 21), rnd.randrange(1, 6), 1, ts)  # fmt: skip

    def resident_rows():
        for i in range(1, residents + 1):
            declared = rnd.randrange(10, 50_000) * 10_000_00
            yield (i, f"Resident {i:07d} (synthetic)", zones[rnd.randrange(len(zones))], countries[rnd.randrange(14)],
                   sectors[rnd.randrange(len(sectors))], codelists.RESIDENT_STATUSES[rnd.randrange(4)],
                   dt.date.fromordinal(base + rnd.randrange(0, 6500)).isoformat(), declared,
                   declared * rnd.randrange(0, 101) // 100, "USD", rnd.randrange(5, 2000), rnd.randrange(0, 2000), None, 1, ts)  # fmt: skip

    def venture_rows():
        for i in range(1, ventures + 1):
            share = (
                100.0
                if rnd.random() < 0.694
                else float(rnd.choice((25, 30, 49, 50, 51, 60, 70, 75.5, 90, 99)))
            )
            yield (i, f"Venture {i:07d} (synthetic)", f"Partner {i % 1499} Co., Ltd.", "CN",
                   None if share == 100 else f"Local {i % 701} OJSC", share, rnd.randrange(1, 10_000) * 100_000,
                   rnd.choice(("USD", "BYN", "CNY")), sectors[rnd.randrange(len(sectors))], regions[rnd.randrange(7)],
                   dt.date.fromordinal(base + rnd.randrange(0, 6500)).isoformat(), codelists.VENTURE_STATUSES[rnd.randrange(3)],
                   None, 1, ts)  # fmt: skip

    pcols = ("id", "code", "name", "sector", "region", "bank_id", "borrower", "amount", "currency", "disbursed",
             "status", "agreement_date", "start_date", "planned_end", "actual_end", "progress_pct", "description",
             "interest_rate", "maturity_years", "grace_years", "version", "updated_at")  # fmt: skip
    rcols = ("id", "name", "zone_id", "country", "sector", "status", "registered_on", "declared_investment",
             "invested_to_date", "currency", "jobs_planned", "jobs_created", "notes", "version", "updated_at")  # fmt: skip
    vcols = ("id", "name", "foreign_partner", "partner_country", "local_partner", "foreign_share_pct",
             "charter_capital", "currency", "sector", "region", "established_on", "status", "notes", "version",
             "updated_at")  # fmt: skip
    counts = {}
    with store.write():
        for table, cols, rows, n in (("projects", pcols, project_rows, projects),
                                      ("residents", rcols, resident_rows, residents),
                                      ("ventures", vcols, venture_rows, ventures)):  # fmt: skip
            if not n:
                counts[table] = 0
                continue
            offset = store.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            with store.fts_suspended(table):
                counts[table] = store.bulk_load(
                    table, cols, ((r[0] + offset, *r[1:]) if offset else r for r in rows())
                )
        _synthetic_rates(store)
    return counts


def _synthetic_rates(store: Store) -> None:
    rates = {"CNY": 7.1, "EUR": 0.92, "BYN": 3.2, "RUB": 90.0}
    store.conn.executemany(
        "INSERT OR IGNORE INTO fx_rates (currency, date, per_usd, version, updated_at) VALUES (?, ?, ?, 1, ?)",
        [(c, "2008-01-01", r, now_iso()) for c, r in rates.items()],
    )
