"""Dialling the server: one connection as the store and the change feed use it, and the
plain message when the server cannot be reached."""

from __future__ import annotations

import psycopg
from psycopg.rows import dict_row

from tracker.store.errors import StoreError
from tracker.store.postgres import urls

#: The longest one everyday statement may run (a whole-portfolio copy lifts it).
STATEMENT_TIMEOUT = "120s"


class ServerUnavailable(StoreError):
    """The server cannot be reached (down, network gone, timeout); nothing was written."""


class LoginRefused(ServerUnavailable):
    """The server answered but refused the login (password, no such login or database)."""


def connect(url: str, *, password: str | None = None) -> psycopg.Connection:
    """A connection in autocommit (each write opens its own transaction), rows as dicts."""
    name = urls.describe(url)
    try:
        conn = psycopg.connect(**urls.conninfo(url, password=password), autocommit=True,
                               row_factory=dict_row)  # fmt: skip
    except psycopg.OperationalError as exc:
        message = _connect_message(name, exc)
        refused = any(w in message for w in ("refused the login", "no such"))
        raise (LoginRefused if refused else ServerUnavailable)(message) from exc
    except psycopg.ProgrammingError as exc:  # a malformed URL
        raise StoreError(f"{urls.redact(url)} is not a usable connection URL ({exc}).") from exc
    conn.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")
    conn.execute("SET lock_timeout = '15s'")
    return conn


def _connect_message(name: str, exc: Exception) -> str:
    text = str(exc)
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return f"{name}: the server refused the login (wrong or missing password)."
    if "does not exist" in low and "database" in low:
        return f"{name}: the server has no such database."
    if "does not exist" in low and "role" in low:
        return f"{name}: the server has no such login."
    if "pg_hba.conf" in low:
        return f"{name}: the server refused the login from this computer (its pg_hba.conf)."
    if "timeout" in low:
        return f"{name}: the server did not answer within the connect timeout."
    return f"{name}: cannot connect to the server ({_first_line(exc)})."


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[-1].strip() if text else type(exc).__name__
