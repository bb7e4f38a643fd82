"""The benchmark still runs end to end at the 1k scale (CI's smoke check; timings are not asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
OPERATIONS = ("gui --smoke", "scroll", "sort", "search", "save one edit", "chart refresh",
              "export CSV", "export XLSX", "import", "memory")  # fmt: skip


def test_benchmark_runs_at_1k_and_writes_a_table(tmp_path):
    out = tmp_path / "RESULTS.md"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, str(RUN), "--scales", "1k", "--repeat", "1", "--out", str(out),
         "--data", str(tmp_path / "data"), "--quiet", "--server"],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert "## 1k portfolio" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| operation | ours |")
    for op in OPERATIONS:
        rows = [line for line in table if op in line.split("|")[1]]
        assert rows, f"no row for {op}"
        cells = [c.strip() for c in rows[0].split("|")[1:-1]]
        assert cells[1] and cells[1] != "—", f"{op}: nothing measured ({cells})"
        assert not cells[1].startswith("failed"), f"{op}: {cells[1]}"
    smoke_rows = [line for line in table if "gui --smoke" in line.split("|")[1]]
    assert '"chart_from": "picture"' in smoke_rows[0], "the start-up target: the kept picture"
    first = [line for line in table if "first start" in line.split("|")[1]]
    assert first and '"chart_from": "live"' in first[0], "a first start draws the chart live"
    # --server: the window's rows again on a PostgreSQL server, beside the file's.
    server = text[text.index("on a PostgreSQL server") :]
    for op in ("scroll", "sort", "search", "save one edit", "chart refresh"):
        row = next(line for line in server.splitlines() if line.startswith(f"| {op}"))
        cells = [c.strip() for c in row.split("|")[1:-1]]
        assert cells[1].endswith("ms") or cells[1].endswith(" s"), f"server {op}: {cells[1]}"
        assert cells[3] == "the file, same run" and cells[4] not in ("", "—"), cells
    assert (tmp_path / "data" / "portfolio-1k.sqlite3").stat().st_size > 0
    assert "written:" in proc.stdout


def test_benchmark_refuses_an_unknown_scale(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(RUN), "--scales", "2k", "--out", str(tmp_path / "r.md")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "unknown scale" in proc.stderr and "2k" in proc.stderr
    assert not (tmp_path / "r.md").exists()
