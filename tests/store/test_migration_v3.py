"""Migration 3: full-text tables without column sizes. A file made at schema 2 opens,
is upgraded, finds the same records, and keeps its index right through edits."""

from __future__ import annotations

import shutil

from tracker.domain.filters import Filter
from tracker.store import Store
from tracker.store import connection as ss
from tracker.store import migrations as mig


def fts_sql(store: Store, table: str) -> str:
    return store._conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = ?", (f"{table}_fts",)
    ).fetchone()[0]


def test_a_schema_2_file_is_upgraded_and_finds_the_same_records(demo_path, tmp_path, monkeypatch):  # noqa: ANN001
    # The demo's records in a file made by the program as it was at schema 2.
    monkeypatch.setattr(ss, "MIGRATIONS", mig.MIGRATIONS[:2])
    monkeypatch.setattr(ss, "SCHEMA_VERSION", 2)
    old = tmp_path / "v2.sqlite3"
    from tracker.services import demo

    # The demo as it was then: its plans came with schema 4.
    monkeypatch.setattr(
        demo, "DEMO_ORDER", [o for o in demo.DEMO_ORDER if o[0] != "disbursement_plans"]
    )
    with Store.open(old, create=True) as s:
        demo.load_demo(s)
        assert s.schema_version == 2 and "columnsize" not in fts_sql(s, "projects")
        searches = {text: list(s.query_ids("projects", Filter(text=text))) for text in
                    ("hydro", "power plant", "Minsk", "zzz-none")}  # fmt: skip
        residents = list(s.query_ids("residents", Filter(text="china")))
    monkeypatch.undo()
    keep = tmp_path / "v2-copy.sqlite3"
    shutil.copy(old, keep)

    with Store.open(old, backup=False) as s:
        assert s.schema_version == mig.SCHEMA_VERSION >= 3
        for table in ("projects", "residents", "ventures"):
            assert "columnsize=0" in fts_sql(s, table)
        assert {t: list(s.query_ids("projects", Filter(text=t))) for t in searches} == searches
        assert any(searches.values())
        assert list(s.query_ids("residents", Filter(text="china"))) == residents
        # The triggers keep the index right: an edit, a new record's words, a deletion.
        pid = searches["hydro"][0]
        rec = s.get("projects", pid)
        s.update("projects", pid, {"name": "Quokka Bridge"}, expected_version=rec["version"],
                 user="t")  # fmt: skip
        assert list(s.query_ids("projects", Filter(text="quokka"))) == [pid]
        assert s.integrity_check() == []
        # FTS5's own check against the records (raises when the index disagrees).
        s._conn.execute("INSERT INTO projects_fts (projects_fts) VALUES ('integrity-check')")


def test_a_new_file_is_made_at_schema_3(db_path):  # noqa: ANN001
    with Store.open(db_path, create=True) as s:
        assert s.schema_version == mig.SCHEMA_VERSION >= 3
        assert "columnsize=0" in fts_sql(s, "ventures")


def test_the_window_says_an_older_file_is_being_upgraded(qtbot, tmp_path, monkeypatch):  # noqa: ANN001
    from tracker.ui.opening import upgrade_notice

    monkeypatch.setattr(ss, "MIGRATIONS", mig.MIGRATIONS[:2])
    monkeypatch.setattr(ss, "SCHEMA_VERSION", 2)
    old = tmp_path / "old.sqlite3"
    Store.open(old, create=True).close(backup=False)
    monkeypatch.undo()

    notice = upgrade_notice(old)
    assert notice is not None and notice.isVisible()
    qtbot.addWidget(notice)
    assert "old.sqlite3" in notice.labelText() and "once" in notice.labelText()
    notice.grab().save(str(tmp_path / "upgrade_notice.png"))
    notice.close()
    assert upgrade_notice(old, read_only=True) is None  # read-only: nothing is upgraded
    Store.open(old, backup=False).close(backup=False)  # the upgrade
    assert upgrade_notice(old) is None
    assert upgrade_notice(tmp_path / "missing.sqlite3") is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert upgrade_notice(junk) is None
