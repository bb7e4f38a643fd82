"""Several people on one server portfolio: no lost update, stale saves refused,
writers at once all counted; the server going away and coming back."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.pg_cluster import find_bin_dir, remove_cluster, start_cluster
from tracker.store.errors import StaleWrite
from tracker.store.postgres import PgStore, ServerUnavailable


def _project(store, code, amount=100):
    return store.insert("projects", {"code": code, "name": code, "sector": "energy",
                                     "bank_id": 1, "amount": amount, "currency": "USD",
                                     "status": "pipeline"}, user="t")  # fmt: skip


def test_two_editors_on_one_record_the_second_save_is_refused(pg_store, pg_url):
    pid = _project(pg_store, "P-1")
    other = PgStore.open(pg_url)
    try:
        mine, theirs = pg_store.get("projects", pid), other.get("projects", pid)
        pg_store.update("projects", pid, {"name": "Mine"}, expected_version=mine["version"],
                        user="a")  # fmt: skip
        with pytest.raises(StaleWrite) as exc:
            other.update("projects", pid, {"name": "Theirs"}, expected_version=theirs["version"],
                         user="b")  # fmt: skip
        assert exc.value.current["name"] == "Mine"  # what they see when they reload
        assert other.get("projects", pid)["name"] == "Mine"
        assert [r["action"] for r in other.audit_rows()] == ["insert", "update"]
    finally:
        other.close()


def _waiting_on_a_lock(store: PgStore, pid: int) -> bool:
    row = store._one("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,))
    return bool(row) and row["wait_event_type"] == "Lock"


def test_a_save_made_while_another_is_in_flight_waits_then_is_refused(pg_store, pg_url):
    """No lost update: B reads version 1, A's transaction holds the row; B's save waits
    for A's commit, then meets version 2 and is refused instead of overwriting."""
    pid = _project(pg_store, "P-1")
    b = PgStore.open(pg_url)
    b_pid = b._conn.info.backend_pid
    outcome: dict[str, object] = {}

    def b_saves():
        try:
            b.update("projects", pid, {"amount": 999}, expected_version=1, user="b")
            outcome["b"] = "saved"
        except StaleWrite as exc:
            outcome["b"] = exc

    try:
        with pg_store.write():
            pg_store.update("projects", pid, {"amount": 200}, expected_version=1, user="a")
            t = threading.Thread(target=b_saves)
            t.start()
            watcher = PgStore.open(pg_url)
            try:
                for _ in range(600):  # B must be blocked on A's row lock before A commits
                    if _waiting_on_a_lock(watcher, b_pid):
                        break
                    threading.Event().wait(0.05)
                else:
                    pytest.fail("B never waited on the row lock")
            finally:
                watcher.close()
        t.join(30)
        assert isinstance(outcome["b"], StaleWrite)
        assert pg_store.get("projects", pid)["amount"] == 200
    finally:
        b.close()


def test_three_writers_at_once_lose_nothing(pg_store, pg_url):
    """Each writer adds 20 projects and adds 1 to a shared amount 15 times, reloading on a
    refused (stale) save, as the window does. Every insert and every increment counts."""
    shared = _project(pg_store, "SHARED", amount=0)
    errors: list[BaseException] = []
    refused = [0]

    def writer(n: int):
        try:
            with PgStore.open(pg_url) as s:
                for i in range(20):
                    _project(s, f"W{n}-{i}")
                for _ in range(15):
                    while True:
                        row = s.get("projects", shared)
                        try:
                            s.update("projects", shared, {"amount": row["amount"] + 1},
                                     expected_version=row["version"], user=f"w{n}")  # fmt: skip
                            break
                        except StaleWrite:
                            refused[0] += 1
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert pg_store.get("projects", shared)["amount"] == 45
    assert pg_store.get("projects", shared)["version"] == 46
    assert pg_store.count("projects") == 61
    ids = list(pg_store.query_ids("projects"))
    assert len(ids) == len(set(ids)) == 61
    updates = [r for r in pg_store.audit_rows(limit=10_000) if r["action"] == "update"]
    assert len(updates) == 45


# ------------------------------------------------------------- the server goes away
@pytest.fixture
def own_cluster():
    """A cluster of this test's own, so stopping it harms no other test."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found")
    cluster = start_cluster(bin_dir)
    yield cluster
    remove_cluster(cluster)


def test_a_server_stopped_mid_session_refuses_saves_plainly_then_reconnects(own_cluster):
    url = own_cluster.url(own_cluster.new_database())
    store = PgStore.create(url)
    try:
        pid = _project(store, "P-1")
        own_cluster.stop("fast")  # the test cluster runs without fsync: a crash would lose commits
        with pytest.raises(ServerUnavailable, match="cannot be reached.*Nothing was written"):
            store.update("projects", pid, {"amount": 5}, expected_version=1, user="a")
        with pytest.raises(ServerUnavailable):  # still away: said again, no traceback of psycopg
            store.get("projects", pid)
        own_cluster.start()
        # Back: the next call reconnects by itself, and the refused save was not half-written.
        row = store.get("projects", pid)
        assert row["amount"] == 100 and row["version"] == 1
        assert store.reconnects >= 1
        store.update("projects", pid, {"amount": 5}, expected_version=1, user="a")
        assert store.get("projects", pid)["amount"] == 5
    finally:
        store.close()


def test_a_server_that_never_answers_is_given_up_after_the_connect_timeout():
    """A host that accepts the connection but never speaks: refused within connect_timeout."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        url = f"postgresql://x@127.0.0.1:{port}/db?connect_timeout=2"
        with pytest.raises(ServerUnavailable, match="did not answer|cannot connect"):
            PgStore.open(url)


def test_ordered_ids_follow_another_users_change(pg_store, pg_url):
    """The kept order of a sort is dropped when someone else commits (not only on our writes)."""
    for i in range(5):
        _project(pg_store, f"P-{i}", amount=10 * i)
    first = list(pg_store.query_ids("projects", sort="amount"))
    assert list(pg_store.query_ids("projects", sort="amount")) == first  # kept
    with PgStore.open(pg_url) as other:
        other.update("projects", first[0], {"amount": 1000}, expected_version=1, user="o")
        new = _project(other, "P-new", amount=5)
    again = list(pg_store.query_ids("projects", sort="amount"))
    assert again == [new, *first[1:], first[0]]


def test_chart_sums_follow_another_users_change(pg_store, pg_url):
    """The sums charts and footers take from the kept cube are read again when someone
    else commits; a cube read before that commit is not adopted after it."""
    from tracker.domain.filters import Filter

    pids = [_project(pg_store, f"P-{i}", amount=100) for i in range(3)]
    by_status = {r["status"]: r["n"] for r in pg_store.projects_by_status()}
    assert by_status == {"pipeline": 3}
    stamp = pg_store.aggregates_stamp()
    read_before = pg_store.chart_aggregates(("projects",))
    assert pg_store.has_aggregates("projects") and read_before["projects"]
    with PgStore.open(pg_url) as other:
        other.update("projects", pids[0], {"status": "signed", "amount": 500},
                     expected_version=1, user="o")  # fmt: skip
    pg_store.adopt_aggregates(read_before, stamp)  # too old now: not kept
    assert {r["status"]: r["n"] for r in pg_store.projects_by_status()} == {
        "pipeline": 2, "signed": 1}  # fmt: skip
    signed = Filter(status=("signed",))
    assert pg_store.project_counts_by_currency(signed) == {"USD": 1}
    totals = pg_store.totals_by_currency("projects", ["amount"], signed)
    assert [(t["currency"], t["n"], t["amount"]) for t in totals] == [("USD", 1, 500)]
    assert sum(t["amount"] for t in pg_store.totals_by_currency("projects", ["amount"])) == 700
