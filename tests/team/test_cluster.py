"""The test cluster itself: a real server, reachable by socket and by TCP with a password."""

from __future__ import annotations

import psycopg
import pytest

from tests.pg_cluster import SUPERUSER_PASSWORD


def test_cluster_serves_a_fresh_database(pg_url):
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT current_database() LIKE 't\\_%'").fetchone()[0]
        assert conn.execute("SHOW server_encoding").fetchone()[0] == "UTF8"
        assert (
            conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
            == 0
        )


def test_tcp_login_needs_the_password(pg_cluster):
    url = pg_cluster.url(tcp=True)
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(url, connect_timeout=5).close()
    with psycopg.connect(url, password=SUPERUSER_PASSWORD, connect_timeout=5) as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == "postgres"
