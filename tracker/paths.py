"""Where the program keeps its files (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "InvestmentTracker"


def data_dir() -> Path:
    if os.environ.get("TRACKER_DATA_DIR"):
        return Path(os.environ["TRACKER_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db() -> Path:
    return data_dir() / "portfolio.sqlite3"


def demo_db() -> Path:
    return data_dir() / "demo.sqlite3"


def server_backups_dir() -> Path:
    """Where SQLite copies of a server portfolio go when Settings names no backup folder."""
    return data_dir() / "server-backups"


def cache_dir() -> Path:
    """Files the program can always make again (chart pictures kept for the next start)."""
    if os.environ.get("TRACKER_CACHE_DIR"):
        return Path(os.environ["TRACKER_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_DIR_NAME, appauthor=False))
