"""Shared fixtures: real SQLite files in tmp_path, offscreen Qt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TRACKER_USER", "tester")

from tracker.services import demo  # noqa: E402
from tracker.store import Store  # noqa: E402

_DEMO_CACHE: dict[str, Path] = {}


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user data folder or settings from a test."""
    d = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("TRACKER_DATA_DIR", str(d))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(d / "config"))
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(d / "cache"))
    yield


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "portfolio.sqlite3"


@pytest.fixture
def store(db_path):
    """A new, empty database (reference data only)."""
    s = Store.open(db_path, create=True)
    yield s
    s.close(backup=False)


def _demo_template(tmp_path_factory) -> Path:
    if "demo" not in _DEMO_CACHE:
        p = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
        with Store.open(p, create=True) as s:
            demo.load_demo(s)
            s.changed = False
        _DEMO_CACHE["demo"] = p
    return _DEMO_CACHE["demo"]


@pytest.fixture
def demo_path(tmp_path, tmp_path_factory) -> Path:
    """A fresh copy of the demo portfolio file."""
    target = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_template(tmp_path_factory), target)
    return target


@pytest.fixture
def demo_store(demo_path):
    s = Store.open(demo_path, backup=False)
    yield s
    s.close(backup=False)


# ------------------------------------------------------------------ PostgreSQL
@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for this test session (one per xdist worker)."""
    from tests.pg_cluster import find_bin_dir, remove_cluster, start_cluster

    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's "
            "'postgresql' package or set PG_BIN to their folder"
        )
    cluster = start_cluster(bin_dir)
    yield cluster
    remove_cluster(cluster)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The session's demo portfolio file (copy it before changing it: see demo_path)."""
    return _demo_template(tmp_path_factory)


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, empty database on the test cluster, as a libpq URL (superuser, socket)."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
