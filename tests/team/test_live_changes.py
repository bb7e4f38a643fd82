"""Live team work at the store level: a save on one connection is announced to every
listener when it commits (LISTEN/NOTIFY), naming the rows, who and when."""

from __future__ import annotations

from tracker.store.postgres import PgStore


def _project(store, code):
    return store.insert("projects", {"code": code, "name": code, "sector": "energy",
                                     "bank_id": 1, "amount": 1, "currency": "USD",
                                     "status": "pipeline"}, user="t")  # fmt: skip


def test_another_users_save_is_announced_at_commit_with_who_and_what(pg_store, pg_url):
    feed = pg_store.change_feed()
    other = PgStore.open(pg_url)
    try:
        assert feed.wait(0.1) == []
        with other.write():
            pid = _project(other, "P-1")
            assert feed.wait(0.2) == []  # nothing before the commit
        notices = feed.wait(10)
        assert len(notices) == 1
        n = notices[0]
        assert n.tables == ("projects",) and n.pid == other.backend_pid != pg_store.backend_pid
        assert n.concerns("projects", pid) and not n.concerns("projects", pid + 1)
        assert not n.concerns("residents")
        item = n.items[0]
        assert item["action"] == "insert" and item["user"] == "postgres" and item["at"]
        assert n.last_audit_id == pg_store.data_version()
        # A refused (rolled back) save announces nothing.
        try:
            with other.write():
                other.update("projects", pid, {"amount": 2}, expected_version=1, user="o")
                raise RuntimeError("changed my mind")
        except RuntimeError:
            pass
        assert feed.wait(0.3) == []
    finally:
        other.close()
        feed.close()


def test_a_big_import_is_one_notice_naming_only_tables(pg_store):
    feed = pg_store.change_feed()
    try:
        rows = [{"code": f"B-{i}", "name": f"B {i}", "sector": "energy", "bank_id": 1,
                 "amount": i, "currency": "USD", "status": "pipeline"} for i in range(300)]  # fmt: skip
        pg_store.insert_audited("projects", rows, user="t", action="import")
        notices = feed.wait(10)
        assert sum(n.count for n in notices) == 300
        assert all(n.tables == ("projects",) and not n.items for n in notices)
        assert len(notices) <= 2
    finally:
        feed.close()
