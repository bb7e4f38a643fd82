"""Snapshots of a portfolio on the team's server: the Excel workbook in the reader's
language, and Compare with snapshot against the server's own list."""

from __future__ import annotations

import openpyxl

from tracker.services import compare
from tracker.services.export import export_snapshot
from tracker.services.undo import EditCommand


def test_a_server_portfolio_exports_a_russian_workbook_and_compares_with_it(pg_demo, tmp_path):
    out = tmp_path / "server.xlsx"
    export_snapshot(pg_demo, fmt="xlsx", out=out, kind="projects", user="anna", lang="ru",
                    filter_text="все записи")  # fmt: skip
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Сводка", "Проекты"]
    header = next(wb["Проекты"].iter_rows(values_only=True))
    wb.close()
    assert header[:3] == ("Код", "Название", "Отрасль")
    p = pg_demo.rows("projects")[0]
    EditCommand("projects", p["id"], {"name": "Renamed on the server"}, p["version"], "t").apply(
        pg_demo
    )
    snaps = compare.recorded_snapshots(pg_demo)
    assert [(s.fmt, s.kind) for s in snaps] == [("xlsx", "projects")]  # who: the server says
    r = compare.compare_with_snapshot(pg_demo, snaps[0])
    assert list(r.kinds) == ["projects"]
    changed = r.kinds["projects"].changed
    assert [(c.key, c.fields) for c in changed] == [
        (p["code"], {"name": (p["name"], "Renamed on the server")})]  # fmt: skip
