"""Helpers shared by the reliability tests: a small real database and file hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tracker.services import importer
from tracker.store import Store

PROJECTS_CSV = """code,name,sector,bank,amount,currency,disbursed,status
P-1,Riverside Pulp Mill,industry,China Exim,1000000.00,USD,0,implementation
P-2,Northern Wind Park,energy,China Exim,2000000.00,USD,0,signed
P-3,Lakeside Clinic,healthcare,China Exim,3000000.00,USD,0,implementation
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def make_small_db(path: Path) -> Path:
    """A real database with three projects, closed and checkpointed (no -wal left)."""
    src = path.parent / "seed-projects.csv"
    src.write_text(PROJECTS_CSV, encoding="utf-8")
    with Store.open(path, create=True, backup=False) as s:
        importer.import_file(s, kind="projects", path=src, user="seed")
        s.close(backup=False)
    src.unlink()
    return path
