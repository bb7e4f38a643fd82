"""Check, back up and restore a database file."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.services import maintenance
from tracker.store import Store, StoreError


def test_check_healthy_demo(demo_path):
    report = maintenance.check(demo_path)
    assert report.ok and report.problems == []
    assert report.counts["projects"] == 34 and report.counts["ventures"] == 170


def test_check_finds_rule_breaks_and_missing_rates(demo_path):
    c = sqlite3.connect(demo_path)
    c.execute("PRAGMA ignore_check_constraints = ON")
    c.execute("UPDATE projects SET disbursed = amount + 1 WHERE id = 2")
    c.execute("UPDATE residents SET currency = 'GBP' WHERE id = 1")
    c.execute("PRAGMA foreign_keys = OFF")
    c.execute("UPDATE ventures SET sector = 'nothing' WHERE id = 1")
    c.commit()
    c.close()
    report = maintenance.check(demo_path)
    assert not report.ok
    text = "\n".join(report.problems)
    assert "disbursed exceeds the committed amount" in text
    assert "points to a missing sectors record" in text
    assert any("no exchange rate for GBP" in n for n in report.notes)


def test_check_refuses_bad_file(tmp_path):
    p = tmp_path / "x.sqlite3"
    p.write_text("not a database")
    with pytest.raises(StoreError, match="not a SQLite database"):
        maintenance.check(p)


def test_backup_and_list(demo_store, tmp_path):
    target = maintenance.backup(demo_store, to=tmp_path / "bk")
    assert target.parent == tmp_path / "bk"
    with Store.open(target, read_only=True) as b:
        assert b.count("projects") == 34 and b.integrity_check() == []
    found = maintenance.list_backups(demo_store.path, tmp_path / "bk")
    assert [f.path for f in found] == [target] and found[0].reason == "manual"


def test_restore_healthy_and_safety_copy(demo_path, tmp_path):
    with Store.open(demo_path, backup=False) as s:
        good = maintenance.backup(s, to=tmp_path / "bk")
        s.insert("banks", {"name": "Later bank", "country": "CN"}, user="a")
    safety = maintenance.restore(demo_path, source=good, backup_dir=tmp_path / "safety")
    assert safety is not None and safety.parent == tmp_path / "safety"
    with Store.open(demo_path, read_only=True) as s:
        assert s.get_by("banks", "name", "Later bank") is None
    with Store.open(safety, read_only=True) as s:
        assert s.get_by("banks", "name", "Later bank") is not None


def test_restore_over_damaged_file(demo_path, tmp_path):
    with Store.open(demo_path, read_only=True) as s:
        good = s.backup_to(tmp_path / "good.sqlite3")
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 100)
    safety = maintenance.restore(broken, source=good)
    assert safety.read_bytes() == b"garbage" * 100
    with Store.open(broken, read_only=True) as s:
        assert s.count("projects") == 34


def test_restore_refuses_bad_source_and_keeps_file(demo_path, tmp_path):
    before = demo_path.read_bytes()
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="another program"):
        maintenance.restore(demo_path, source=other)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="empty"):
        maintenance.restore(demo_path, source=empty)
    assert demo_path.read_bytes() == before
