"""Writing files without harming the database: exclusive temporary parts, and
refusing a target that is the open database, its journal files or a backup.

Used by the store (backups) and the services (exports); pure standard library.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Files SQLite keeps beside a database: writing one of them damages the database.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def _umask() -> int:
    # Read once; os.umask has no read-only form.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


_UMASK = _umask()


def exclusive_part(target: Path, *, mode: int | None = None) -> Path:
    """A new, empty temporary file beside ``target``, created exclusively (O_EXCL).

    An existing ``*.part`` file or symlink of that name can never redirect the
    write: the name is fresh and the file is created, not opened. Owner-only
    unless ``mode`` is given (then masked by the umask, as an ordinary file).
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode & ~_UMASK)
    finally:
        os.close(fd)
    return Path(name)


def write_atomic(target: Path, write: Callable[[Path], T], *, mode: int | None = 0o666) -> T:
    """Write into an exclusive part file beside ``target``, then rename it over ``target``.

    A failed or cancelled write removes its part file and leaves ``target`` as it was.
    """
    tmp = exclusive_part(target, mode=mode)
    try:
        result = write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path`` (existing or not) lies in ``folder`` or below, by identity."""
    if not folder.exists():
        return False
    probe = path
    while True:
        if probe.exists() and _same(probe, folder):
            return True
        if probe.parent == probe:
            return False
        probe = probe.parent


def database_clash(target: Path, db_path: Path, backup_dirs: Iterable[Path] = ()) -> str | None:
    """Why writing ``target`` would harm the database at ``db_path``, or None.

    Compared by file identity (hard links, symlinks and other spellings of the
    same path count), not by name: the database itself, its ``-wal``/``-shm``/
    ``-journal`` files (also before SQLite has made them), and anything inside
    its backup folders.
    """
    target = Path(target)
    db_path = Path(db_path)
    name = db_path.name
    if _same(target, db_path):
        return f"{target} is the open database {name}; choose another file name"
    for suffix in SIDE_SUFFIXES:
        side = db_path.with_name(name + suffix)
        if _same(target, side) or (
            target.name == side.name and _same(target.parent, db_path.parent)
        ):
            return f"{target} is the {suffix[1:]} file of the open database {name}; choose another file name"
    for folder in backup_dirs:
        if folder is not None and _inside(target, Path(folder)):
            return f"{target} is inside the backup folder of {name}; choose another folder"
    return None
