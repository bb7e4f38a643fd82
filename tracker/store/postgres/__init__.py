"""Team mode: the portfolio on a shared PostgreSQL server (psycopg 3).

Imported only when a ``postgresql://`` URL is opened, so the desktop program
with a file never loads psycopg.
"""

from tracker.store.postgres.store import ConstraintViolation, PgStore, ServerUnavailable
from tracker.store.postgres.urls import is_url, redact

__all__ = ["ConstraintViolation", "PgStore", "ServerUnavailable", "is_url", "redact"]
