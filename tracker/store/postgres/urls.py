"""Connection URLs: where a database file is accepted, ``postgresql://…`` works too.

libpq's own conventions apply to everything the URL leaves out (``~/.pgpass``,
``PGSERVICEFILE``/``service=``, ``PGHOST``…, ``sslmode``); the program adds only
a connect timeout (10 s) when none is given. A password is never kept in the
settings or a log: :func:`redact` is what may be shown or stored.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")
DEFAULT_CONNECT_TIMEOUT = 10


def is_url(target: object) -> bool:
    """True for a PostgreSQL connection URL (``postgresql://`` or ``postgres://``)."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without any password (for settings, titles, recent lists and logs)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{host}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() != "password"
        ],
        safe="/:",
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def password_in(url: str) -> str | None:
    """The password the URL itself carries (``user:password@`` or ``?password=``), if any."""
    parts = urlsplit(url)
    if parts.password:
        return unquote(parts.password)
    query = {k.lower(): v for k, v in parse_qsl(parts.query)}
    return query.get("password") or None


def conninfo(url: str, *, password: str | None = None) -> dict[str, object]:
    """Keyword arguments for ``psycopg.connect``: the URL, a default connect
    timeout, the application name, and a password given for this session only."""
    kwargs: dict[str, object] = {"conninfo": url, "application_name": "Investment Tracker"}
    query = dict(parse_qsl(urlsplit(url).query))
    if "connect_timeout" not in query and "PGCONNECT_TIMEOUT" not in os.environ:
        kwargs["connect_timeout"] = DEFAULT_CONNECT_TIMEOUT
    if password:
        kwargs["password"] = password
    return kwargs


def describe(url: str) -> str:
    """A short human name for a server database: 'dbname on host:port'."""
    parts = urlsplit(url)
    db = parts.path.lstrip("/") or "(default database)"
    host = parts.hostname or dict(parse_qsl(parts.query)).get("host") or "local socket"
    if host.startswith("/"):
        host = "local socket"
    port = parts.port or dict(parse_qsl(parts.query)).get("port")
    return f"{db} on {host}" + (f":{port}" if port else "")


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")
