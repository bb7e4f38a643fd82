"""Team-mode fixtures: the demo portfolio on the test server, and both backends side by side."""

from __future__ import annotations

import pytest

from tracker.store import Store
from tracker.store.postgres import PgStore
from tracker.store.postgres.copying import copy_portfolio


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster, demo_template) -> str:
    """A server database holding the session's demo portfolio, copied from the demo file."""
    name = pg_cluster.new_database("tpl")
    copy_portfolio(str(demo_template), pg_cluster.url(name))
    return name


@pytest.fixture
def pg_demo_url(pg_cluster, pg_demo_template) -> str:
    """A fresh server database holding the demo portfolio (the same rows as demo_path)."""
    name = pg_cluster.new_database(template=pg_demo_template)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_store(pg_url):
    """An empty portfolio (reference data only) on the server."""
    s = PgStore.create(pg_url)
    yield s
    s.close()


@pytest.fixture
def pg_demo(pg_demo_url):
    s = PgStore.open(pg_demo_url)
    yield s
    s.close()


@pytest.fixture
def twins(demo_path, pg_demo):
    """The same demo portfolio as a file and on the server: (file store, server store)."""
    s = Store.open(demo_path, backup=False)
    yield s, pg_demo
    s.close(backup=False)


@pytest.fixture(scope="module")
def twins_ro(pg_cluster, pg_demo_template, demo_template):
    """Like ``twins`` but shared by a module's tests: for tests that only read."""
    name = pg_cluster.new_database(template=pg_demo_template)
    f = Store.open(demo_template, read_only=True, backup=False)
    p = PgStore.open(pg_cluster.url(name), read_only=True)
    yield f, p
    f.close(backup=False)
    p.close()
    pg_cluster.drop_database(name)
