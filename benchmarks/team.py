"""Team mode beside the file: the same store operations on a SQLite file and on a
PostgreSQL server on this machine, same portfolio, same run.

    python benchmarks/team.py [--scale 100000] [--repeat 5]

Starts a throwaway cluster (Debian's postgresql binaries, as the tests do),
makes a synthetic portfolio file (``tracker init --projects N``), copies it to
the server with ``tracker copy``, then times each operation on both stores
(median of ``--repeat`` runs, wall clock). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg_cluster import find_bin_dir, remove_cluster, start_cluster  # noqa: E402
from tracker.domain.filters import Filter  # noqa: E402
from tracker.store import Store  # noqa: E402
from tracker.store.postgres import PgStore  # noqa: E402
from tracker.store.postgres.copying import copy_portfolio  # noqa: E402


def _timed_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(first call, median of the ``repeat`` calls after it): stores keep orders and
    aggregates until the data changes, so the first call is the one a new filter costs."""
    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times[1:])


def _operations(store: Any) -> dict[str, Callable[[], Any]]:
    money = ["amount", "disbursed"]
    mid = store.max_id("projects") // 2
    state = {"version": store.get("projects", mid)["version"]}

    def save() -> None:
        row = store.update("projects", mid, {"progress_pct": (state["version"] % 90) + 1},
                           expected_version=state["version"], user="bench")  # fmt: skip
        state["version"] = row["version"]

    return {
        "first page (200 rows, by id)": lambda: store.page("projects", limit=200),
        "sorted ids by name (all)": lambda: store.query_ids("projects", sort="name"),
        "sorted ids by amount desc (all)": lambda: store.query_ids(
            "projects", sort="amount", descending=True
        ),
        "keyset page in the middle (by name)": lambda: store.page(
            "projects", sort="name", after=("M", 0), limit=200
        ),
        "search 'road' (ids)": lambda: store.query_ids("projects", Filter(text="road")),
        "search 'zz' (no match)": lambda: store.query_ids("projects", Filter(text="zzqx")),
        "filter status=signed (count)": lambda: store.count("projects", Filter(status=("signed",))),
        "footer: sums by currency": lambda: store.sums_by_currency("projects", money),
        "chart: sums by sector": lambda: store.group_sums("projects", "sector", money),
        "save one record (versioned, audited)": save,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=int, default=100_000, help="projects (default 100000)")
    p.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    a = p.parse_args(argv)
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("PostgreSQL server binaries not found (install 'postgresql')", file=sys.stderr)
        return 1
    from tracker.cli import main as cli

    cluster = start_cluster(bin_dir)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.sqlite3"
            t0 = time.perf_counter()
            cli(["init", "--db", str(path), "--projects", str(a.scale)])
            made = time.perf_counter() - t0
            url = cluster.url(cluster.new_database("bench"))
            t0 = time.perf_counter()
            copy_portfolio(str(path), url)
            copied = time.perf_counter() - t0
            file_store = Store.open(path, backup=False)
            server = PgStore.open(url)
            server._exec("ANALYZE")
            t0 = time.perf_counter()
            server.backup_to(Path(tmp) / "backup.sqlite3")
            backed = time.perf_counter() - t0
            rows = []
            ops_f, ops_s = _operations(file_store), _operations(server)
            for name in ops_f:
                rows.append((name, *_timed_ms(ops_f[name], a.repeat),
                             *_timed_ms(ops_s[name], a.repeat)))  # fmt: skip
            file_store.close(backup=False)
            server.close()
    finally:
        remove_cluster(cluster)
    print(f"\n{a.scale:,} projects; first call, then the median of {a.repeat} more; server on this machine "
          "(Unix socket), psycopg 3\n")  # fmt: skip
    print("| operation | SQLite first (ms) | SQLite again (ms) | PostgreSQL first (ms) "
          "| PostgreSQL again (ms) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    for name, f1, f2, s1, s2 in rows:
        print(f"| {name} | {f1:.1f} | {f2:.1f} | {s1:.1f} | {s2:.1f} |")
    print(f"\nsynthetic file made in {made:.1f} s; tracker copy file → server {copied:.1f} s; "
          f"tracker backup server → file {backed:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
