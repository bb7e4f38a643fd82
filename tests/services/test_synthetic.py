"""The synthetic portfolio of `init --projects N`: deterministic and valid."""

from __future__ import annotations

import pytest

from tracker.domain.fields import KINDS, validate
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.services import demo
from tracker.store import Store

N = {"projects": 600, "residents": 120, "ventures": 300}


def _make(path, seed=7):
    s = Store.open(path, create=True)
    counts = demo.generate(
        s, projects=N["projects"], residents=N["residents"], ventures=N["ventures"], seed=seed
    )
    return s, counts


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    s, counts = _make(tmp_path_factory.mktemp("syn") / "s.sqlite3")
    yield s, counts
    s.close(backup=False)


def _rows(store):
    skip = {"updated_at"}
    return {t: [tuple(v for k, v in r.items() if k not in skip) for r in store.rows(t)] for t in N}


def test_counts_and_determinism(synth, tmp_path):
    s, counts = synth
    assert counts == N
    assert {t: s.count(t) for t in N} == N
    again, _ = _make(tmp_path / "again.sqlite3")
    other, _ = _make(tmp_path / "other.sqlite3", seed=8)
    try:
        assert _rows(again) == _rows(s)
        assert _rows(other)["projects"] != _rows(s)["projects"]
    finally:
        again.close(backup=False)
        other.close(backup=False)


def _as_input(kind, row):
    out = {}
    for f in KINDS[kind].fields:
        v = row.get(f.name)
        out[f.name] = str(from_minor(v)) if f.type == "money" and v is not None else v
    return out


@pytest.mark.parametrize("kind", list(N))
def test_every_row_valid_per_domain_rules(synth, kind):
    s, _ = synth
    refs = s.ref_index()
    for row in s.rows(kind):
        validate(KINDS[kind], _as_input(kind, row), refs)  # raises on any broken rule


def test_file_is_sound_and_searchable(synth):
    s, _ = synth
    assert s.integrity_check() == []
    assert s.count("projects", Filter(text="synthetic")) == N["projects"]
    code = s.get("projects", 123)["code"]
    assert list(s.query_ids("projects", Filter(text=code))) == [123]
    name = s.get("residents", 7)["name"]
    assert 7 in s.query_ids("residents", Filter(text=name))
    assert s.count("ventures", Filter(text="Partner")) == N["ventures"]
    assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    idx = s.query(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'projects'"
    )[0]["n"]
    assert idx >= 13


def test_variety_and_venture_split(synth):
    s, _ = synth
    by_kind = {
        r["kind"]: r["n"] for r in s.query("SELECT kind, count(*) AS n FROM ventures GROUP BY kind")
    }
    jv, fo = by_kind["joint_venture"], by_kind["foreign_owned"]
    assert jv + fo == N["ventures"]
    assert 0.2 < jv / N["ventures"] < 0.42  # about 52/170 as in the real split
    statuses = {r["status"] for r in s.rows("projects")}
    assert statuses == set(KINDS["projects"].status_choices)
    assert len({r["sector"] for r in s.rows("projects")}) == 10
    assert len({r["bank_id"] for r in s.rows("projects")}) == 6
    assert len({r["country"] for r in s.rows("residents")}) == 14
    assert {r["currency"] for r in s.rows("projects")} == {"USD", "CNY", "EUR"}


def test_adds_after_existing_rows(demo_path):
    with Store.open(demo_path, backup=False) as s:
        before = s.count("projects")
        demo.generate(s, projects=20, residents=0, ventures=0)
        assert s.count("projects") == before + 20
        assert s.count("project_updates") > 0  # the demo history is untouched
        assert s.integrity_check() == []


def test_nothing_to_generate(store):
    assert demo.generate(store, projects=0, residents=0, ventures=0) == {
        "projects": 0,
        "residents": 0,
        "ventures": 0,
    }
