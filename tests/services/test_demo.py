"""The demo portfolio gives the figures of PRODUCT.md §1 exactly."""

from __future__ import annotations

from decimal import Decimal

from tracker.services import portfolio


def test_demo_figures(demo_store):
    k = portfolio.key_figures(demo_store, currency="USD", as_of="2026-11-27")
    assert k.residents_by_zone["Great Stone Industrial Park"] == 68
    assert k.resident_countries_by_zone["Great Stone Industrial Park"] == 14
    assert k.ventures == 170 and k.joint_ventures == 52 and k.foreign_owned == 118
    assert k.projects >= 30
    assert abs(k.financing - Decimal(8_000_000_000)) <= Decimal(80_000_000)
    assert not k.warnings


def test_every_project_has_bank_sector_status_and_some_history(demo_store):
    rows = demo_store.rows("projects")
    assert all(r["bank_id"] and r["sector"] and r["status"] for r in rows)
    banks = {r["bank_id"] for r in rows}
    assert len(banks) >= 4
    with_history = demo_store.query("SELECT count(DISTINCT project_id) AS n FROM project_updates")[
        0
    ]["n"]
    assert with_history >= 10
