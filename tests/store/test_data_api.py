"""The data API (tracker.store.api.PortfolioDB) through the interface only.

Every test gets ``db``: a new portfolio (reference data only) on each backend in
BACKENDS, and uses nothing but the PortfolioDB methods, so a backend passes
by behaving as the program needs, not by how it stores rows. A new backend is
one entry in OPENERS and one in BACKENDS.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.domain.filters import Filter
from tracker.store import (
    ConstraintViolation,
    NotFound,
    PortfolioDB,
    ReadOnlyError,
    StaleWrite,
    Store,
    StoreError,
)


def _sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> PortfolioDB:
    return Store.open(tmp_path / "api.sqlite3", create=True)


def _postgresql(request: pytest.FixtureRequest, tmp_path: Path) -> PortfolioDB:
    from tracker.store.postgres import PgStore

    return PgStore.create(request.getfixturevalue("pg_url"))


OPENERS = {"sqlite": _sqlite, "postgresql": _postgresql}
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path):
    store = OPENERS[request.param](request, tmp_path)
    yield store
    store.close()


def project(db: PortfolioDB, code: str = "P-1", **over: object) -> dict:
    bank = db.rows("banks", order="id")[0]["id"]
    values = {"code": code, "name": f"Plant {code}", "sector": "energy", "bank_id": bank,
              "amount": 100_00, "currency": "USD", "disbursed": 0, "status": "signed",
              "progress_pct": 0}  # fmt: skip
    values.update(over)
    return values


def audit_of(db: PortfolioDB, table: str) -> list[tuple[str, dict]]:
    return [(r["action"], json.loads(r["changes"]))
            for r in db.rows("audit_log", where={"table_name": table}, order="id")]  # fmt: skip


def test_it_is_a_portfolio_db(db):
    assert isinstance(db, PortfolioDB)
    assert db.backend in ("sqlite", "postgresql") and not db.read_only and not db.closed


def test_insert_get_update_delete_restore_each_audited(db):
    pk = db.insert("projects", project(db), user="ann")
    row = db.get("projects", pk)
    assert row["code"] == "P-1" and row["version"] == 1 and row["updated_at"]
    assert db.get_by("projects", "code", "P-1")["id"] == pk
    after = db.update("projects", pk, {"name": "Mill"}, expected_version=1, user="bob")
    assert after["name"] == "Mill" and after["version"] == 2
    assert db.update("projects", pk, {"name": "Mill"}, expected_version=2, user="bob") == after
    gone = db.delete("projects", pk, expected_version=2, user="cy")
    assert gone["name"] == "Mill" and db.get("projects", pk) is None
    db.restore_row("projects", gone, user="cy")
    assert db.get("projects", pk)["name"] == "Mill"
    log = audit_of(db, "projects")
    assert [a for a, _ in log] == ["insert", "update", "delete", "restore"]
    assert log[0][1]["code"] == [None, "P-1"] and log[1][1] == {"name": ["Plant P-1", "Mill"]}
    users = [r["user"] for r in db.rows("audit_log", where={"table_name": "projects"}, order="id")]
    # The file records the name it is given; a server stamps its own login (never forged).
    assert users[:3] == ["ann", "bob", "cy"] if db.backend == "sqlite" else all(users)


def test_a_stale_version_is_refused_and_nothing_written(db):
    pk = db.insert("projects", project(db), user="a")
    db.update("projects", pk, {"name": "A"}, expected_version=1, user="a")
    n = len(audit_of(db, "projects"))
    with pytest.raises(StaleWrite, match="changed by someone else") as ei:
        db.update("projects", pk, {"name": "B"}, expected_version=1, user="b")
    assert ei.value.current["name"] == "A"
    with pytest.raises(StaleWrite):
        db.delete("projects", pk, expected_version=1, user="b")
    assert db.get("projects", pk)["name"] == "A" and len(audit_of(db, "projects")) == n
    with pytest.raises(NotFound):
        db.update("projects", pk + 1000, {"name": "x"}, expected_version=None, user="b")


def test_rules_the_database_keeps_name_what_they_broke(db):
    db.insert("projects", project(db), user="a")
    with pytest.raises(ConstraintViolation) as ei:
        db.insert("projects", project(db), user="a")  # the same code again
    assert ei.value.kind == "unique" and ei.value.column == "code"
    with pytest.raises(ConstraintViolation) as ei:
        db.insert("projects", project(db, "P-2", bank_id=999_999), user="a")
    assert ei.value.kind == "foreign_key"
    assert db.count("projects") == 1


def test_one_write_is_all_or_nothing(db):
    with pytest.raises(ConstraintViolation), db.write():
        db.insert("projects", project(db, "OK-1"), user="a")
        db.insert("projects", project(db, "OK-1"), user="a")
    assert db.count("projects") == 0 and audit_of(db, "projects") == []
    with db.write():
        db.insert("projects", project(db, "A-1"), user="a")
        db.insert("projects", project(db, "A-2"), user="a")
    assert db.count("projects") == 2


def test_ids_pages_search_and_rows(db):
    codes = [f"C-{i:02d}" for i in range(12)]
    for i, code in enumerate(codes):
        db.insert("projects", project(db, code, amount=(i % 4) * 1000,
                                      name=f"{'Solar' if i % 3 == 0 else 'Grain'} {i}",
                                      status="signed" if i % 2 else "pipeline"), user="u")  # fmt: skip
    ids = list(db.query_ids("projects", sort="amount", descending=True))
    amounts = [db.get("projects", i)["amount"] for i in ids]
    assert amounts == sorted(amounts, reverse=True) and len(ids) == 12
    first = db.page("projects", sort="amount", limit=5)
    second = db.page("projects", sort="amount", limit=5,
                     after=(first[-1]["amount"], first[-1]["id"]))  # fmt: skip
    back = db.page("projects", sort="amount", limit=5,
                   before=(second[0]["amount"], second[0]["id"]))  # fmt: skip
    assert [r["id"] for r in first + second] == list(db.query_ids("projects", sort="amount"))[:10]
    assert back == first
    solar = Filter(text="sol")
    assert db.count("projects", solar) == 4
    assert {r["name"].split()[0] for r in db.page("projects", solar)} == {"Solar"}
    signed = Filter(status=("signed",))
    assert len(db.query_ids("projects", signed)) == 6
    assert [r["code"] for r in db.iter_rows("projects", signed)] == codes[1::2]
    fetched = db.fetch("projects", ids[:3], columns=["code"])
    assert set(fetched) == set(ids[:3]) and all("code" in r for r in fetched.values())
    rows = db.rows("projects", where={"status": "pipeline", "amount": [0, 1000]}, order="code DESC")
    assert [r["code"] for r in rows] == ["C-08", "C-04", "C-00"]
    assert db.max_of("projects", "amount", where={"status": "pipeline"}) == 2000
    assert db.max_id("projects") == max(ids) and not db.is_empty("projects")
    assert set(db.rows_by_key("projects", "code", {"C-01", "nope"})) == {"C-01"}
    assert db.project_ids_by_code(["c-01"])["c-01"] == db.get_by("projects", "code", "C-01")["id"]
    with pytest.raises(ValueError):
        db.rows("projects", order="amount; DROP TABLE projects")


def test_money_orders_by_its_value_in_the_reporting_currency(db, request, monkeypatch):
    """Sorted by Amount, a table orders by the value in the reporting currency at the rate
    of the as-of date (ties by id, no rate: first ascending), the same on every backend,
    by head, rank, whole order and filtered ids; not by the stored number."""
    from tracker.services.record_view import value_order
    from tracker.store import id_lists

    if request.node.callspec.params["db"] == "sqlite":
        monkeypatch.setattr(id_lists, "SMALL", 1)  # the fast paths of a large file
    for cur, date, per_usd in (
        ("EUR", "2026-01-01", 0.5),
        ("EUR", "2026-06-01", 0.8),
        ("CNY", "2026-01-01", 7.0),
        ("RUB", "2026-01-01", 100.0),
    ):
        db.insert("fx_rates", {"currency": cur, "date": date, "per_usd": per_usd}, user="u")
    # (code, amount, currency): in USD at 2026-07-01: EUR ÷ 0.8, CNY ÷ 7, GBP has no rate.
    rows = [("A", 714_00, "CNY"), ("B", 100_00, "USD"), ("C", 100_00, "EUR"),
            ("D", 90_00, "USD"), ("E", 130_00, "USD"), ("F", 10_00, "GBP"),
            ("G", 96_00, "EUR"), ("H", 7_000_00, "CNY"), ("I", 100_00, "USD"),
            ("J", 5_00, "GBP"), ("K", 11_000_00, "RUB")]  # fmt: skip
    ids = {}
    for code, amount, cur in rows:
        ids[code] = db.insert("projects", project(db, code, amount=amount, currency=cur,
                                                  status="signed" if code < "F" else "pipeline"),
                              user="u")  # fmt: skip
    order = value_order(db, "projects", currency_field="currency", currency="USD",
                        as_of="2026-07-01")  # fmt: skip
    usd = {"CNY": 1 / 7, "USD": 1, "EUR": 1 / 0.8, "RUB": 1 / 100}
    # F and J (GBP, no rate) first, by id; then by value in USD: D 90, B and I 100 (by
    # id), A 102, K 110, G 120, C 125, E 130, H 1000 (the raw numbers would put K last).
    expected = ["F", "J", "D", "B", "I", "A", "K", "G", "C", "E", "H"]
    by_value = sorted((c for c, _, cur in rows if cur in usd),
                      key=lambda c: (dict((r[0], r[1] * usd[r[2]]) for r in rows if r[2] in usd)[c],
                                     ids[c]))  # fmt: skip
    assert ["F", "J", *by_value] == expected
    want = [ids[c] for c in expected]
    assert list(db.ascending_order("projects", column="amount", groups=order)) == want
    assert list(db.head_ids("projects", column="amount", descending=False, limit=4,
                            groups=order)) == want[:4]  # fmt: skip
    assert list(db.head_ids("projects", column="amount", descending=True, limit=3, offset=2,
                            groups=order)) == want[::-1][2:5]  # fmt: skip
    assert [db.rank_of("projects", column="amount", key=ids[c], groups=order)
            for c in expected] == list(range(len(expected)))  # fmt: skip
    signed = Filter(status=("signed",))
    assert list(db.ordered_ids_by_groups("projects", signed, column="amount", groups=order,
                                         descending=True)) == [ids[c] for c in "ECABD"]  # fmt: skip
    assert list(db.ordered_ids_by_groups("projects", Filter(), column="amount", groups=order,
                                         descending=False)) == want  # fmt: skip
    # Nothing disbursed yet: every key is 0 whatever the currency, so ties go by id.
    zero = [ids[c] for c in "FJ"] + [ids[c] for c, _, cur in rows if cur != "GBP"]
    assert list(db.ascending_order("projects", column="disbursed", groups=order)) == zero
    # At an earlier date EUR was 0.5 a dollar: C (100 EUR) is worth 200 USD, G 160.
    early = value_order(db, "projects", currency_field="currency", currency="USD",
                        as_of="2026-02-01")  # fmt: skip
    top = db.head_ids("projects", column="amount", descending=True, limit=3, groups=early)
    assert list(top) == [ids["H"], ids["C"], ids["G"]]


def test_aggregates_for_charts_and_totals(db):
    db.insert("projects", project(db, "A", amount=100_00, disbursed=10_00), user="u")
    db.insert("projects", project(db, "B", amount=50_00, currency="EUR", status="pipeline"),
              user="u")  # fmt: skip
    totals = {r["currency"]: r for r in db.totals_by_currency("projects", ["amount", "disbursed"])}
    assert totals["USD"]["n"] == 1 and totals["USD"]["amount"] == 100_00
    assert totals["EUR"]["amount"] == 50_00
    by_status = {(r["status"], r["currency"]): r["n"] for r in db.projects_by_status()}
    assert by_status == {("signed", "USD"): 1, ("pipeline", "EUR"): 1}
    assert db.project_counts_by_currency() == {"USD": 1, "EUR": 1}
    top = db.largest_projects(None, currency="USD", limit=5)
    assert [r["code"] for r in top] == ["A"]
    assert db.counts_by("projects", "status") == {"signed": 1, "pipeline": 1}
    assert db.distinct_values(["projects"], "currency") == {"USD", "EUR"}
    assert db.distinct_count("projects", "currency") == 2
    assert db.projects_disbursed_over_amount() == []
    narrowed = {r["status"] for r in db.projects_by_status(Filter(status=("pipeline",)))}
    assert narrowed == {"pipeline"}


def test_bulk_insert_audits_every_row_and_is_all_or_nothing(db):
    rows = [project(db, f"B-{i}") for i in range(30)]
    ids = db.insert_audited("projects", rows, user="imp", action="import")
    assert len(ids) == 30 and db.count("projects") == 30
    assert [db.get("projects", i)["code"] for i in ids] == [r["code"] for r in rows]
    log = audit_of(db, "projects")
    assert len(log) == 30 and {a for a, _ in log} == {"import"}
    names = list(rows[0])
    more = [project(db, f"K-{i}") for i in range(5)]
    more[3]["bank_id"] = 999_999  # a broken link fails the whole lot
    with pytest.raises(ConstraintViolation):
        db.insert_columns("projects", names, [[r[n] for r in more] for n in names], user="imp")
    assert db.count("projects") == 30 and len(audit_of(db, "projects")) == 30
    more[3]["bank_id"] = more[0]["bank_id"]
    seen: list[tuple[int, int]] = []
    ids = db.insert_columns("projects", names, [[r[n] for r in more] for n in names], user="imp",
                            progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert len(ids) == 5 and db.count("projects") == 35


def test_meta_snapshots_and_stamp(db):
    assert db.meta("no-such-key") is None
    db.set_meta("iati_org", "XM-DAC-1")
    assert db.meta("iati_org") == "XM-DAC-1"
    stamp = db.data_stamp()
    db.insert("projects", project(db), user="u")
    assert db.data_stamp() != stamp
    sid = db.record_snapshot(fmt="csv", path="/tmp/x.csv", sha256="0" * 64, flt=Filter(),
                             kind="projects", rows=1, as_of="2026-01-31", user="u")  # fmt: skip
    snaps = db.rows("snapshots")
    assert [s["id"] for s in snaps] == [sid] and snaps[0]["format"] == "csv"


def test_backup_is_a_database_with_the_same_records(db, tmp_path):
    db.insert("projects", project(db), user="u")
    copy = db.backup_to(tmp_path / "copy.sqlite3")
    with Store.open(copy, read_only=True, backup=False) as other:
        assert [r["code"] for r in other.rows("projects")] == ["P-1"]
        assert other.integrity_check() == []
    made = db.make_backup(folder=tmp_path / "backups", reason="manual")
    assert made.is_file() and made.parent == tmp_path / "backups"


def test_integrity_and_reference_lookups(db):
    assert db.integrity_check(quick=True) == [] and db.integrity_check() == []
    refs = db.ref_index()
    assert refs.sectors["energy"] == "energy" and refs.banks
    assert db.fx_table() is not None


def test_read_only_refuses_every_write(db):
    other = db.open_again(read_only=True)
    try:
        assert other.read_only and other.count("banks") == db.count("banks")
        with pytest.raises(ReadOnlyError):
            other.insert("projects", project(other), user="u")
        with pytest.raises(StoreError):
            other.set_meta("x", "y")
    finally:
        other.close()
    assert db.count("projects") == 0
