"""Export then import gives back the same data exactly (XLSX, CSV, JSON)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tracker.services import edits, importer
from tracker.services.export import (
    MAIN_TABLES,
    REFERENCE_TABLES,
    columns,
    export_snapshot,
    records,
)
from tracker.store import Store

INFO = {"id", "version", "updated_at", "entered_at"}
#: Import order: what is linked to comes first.
IMPORT_ORDER = ("banks", "zones", "countries", "sectors", "regions", "fx_rates", "projects",
                "project_updates", "residents", "ventures", "disbursement_plans")  # fmt: skip


def data(store: Store) -> dict[str, list[list]]:
    """Everything an export holds, without the informational columns."""
    out = {}
    for t in MAIN_TABLES + REFERENCE_TABLES:
        keep = [i for i, c in enumerate(columns(t)) if c not in INFO]
        out[t] = [[r[i] for i in keep] for r in records(store, t, None)]
    return out


def import_snapshot(fmt: str, out: Path, db: Path) -> Store:
    if out.suffix == ".zip":
        folder = out.with_suffix("")
        with zipfile.ZipFile(out) as zf:
            zf.extractall(folder)
        out = folder
    dst = Store.open(db, create=True, backup=False)
    for table in IMPORT_ORDER:
        src = out / f"{table}.csv" if fmt == "csv" else out
        plan = importer.plan_import(dst, kind=table, path=src)
        assert plan.errors == [], (table, plan.errors[:3])
        importer.commit_plan(dst, plan, user="tester")
    return dst


@pytest.mark.parametrize(("fmt", "name"), [("xlsx", "s.xlsx"), ("csv", "s.zip"), ("csv", "s"),
                                           ("json", "s.json")])  # fmt: skip
def test_demo_round_trip(demo_store, tmp_path, fmt, name):
    # A few awkward values on top of the demo: formula-like text, Cyrillic, no optional fields.
    edits.create_record(demo_store, kind="residents", user="tester", values={
        "name": '=HYPERLINK("http://x","y")', "zone": "Great Stone Industrial Park", "country": "RU",
        "sector": "it", "status": "registered", "currency": "CNY", "notes": "Примечание; \"кавычки\"\r\n2-я строка _x0041_ \ttab",
        "declared_investment": "0.10"})  # fmt: skip
    original = data(demo_store)
    first = tmp_path / name
    export_snapshot(demo_store, fmt=fmt, out=first, user="tester")
    again = import_snapshot(fmt, first, tmp_path / "again.sqlite3")
    try:
        assert data(again) == original
        second = tmp_path / f"second-{name}"
        export_snapshot(again, fmt=fmt, out=second, user="tester")
        third = import_snapshot(fmt, second, tmp_path / "third.sqlite3")
        try:
            assert data(third) == original
        finally:
            third.close(backup=False)
    finally:
        again.close(backup=False)
    assert original["residents"][-1][0] == '=HYPERLINK("http://x","y")'
