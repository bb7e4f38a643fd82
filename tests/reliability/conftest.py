"""Fixtures of the reliability tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import make_small_db


@pytest.fixture
def small_db(tmp_path) -> Path:
    return make_small_db(tmp_path / "portfolio.sqlite3")
