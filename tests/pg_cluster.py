"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder,
listening on a Unix socket there and on 127.0.0.1 at a free port, stopped and
removed at the end. No mock of the server.

The server refuses to run as root, so when the tests run as root the cluster
belongs to the ``postgres`` OS user (``runuser``), as on a Debian machine.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_BIN_DIRS = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14, 13)]
SUPERUSER = "postgres"
#: Password of the superuser for TCP logins (scram-sha-256); the socket trusts.
SUPERUSER_PASSWORD = "test-secret-pw"


def find_bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl: $PG_BIN, Debian's versioned folders, or PATH."""
    env = os.environ.get("PG_BIN")
    candidates = [Path(env)] if env else []
    candidates += PG_BIN_DIRS
    which = shutil.which("initdb")
    if which:
        candidates.append(Path(which).parent)
    for d in candidates:
        if (d / "initdb").exists() and (d / "pg_ctl").exists():
            return d
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bin_dir: Path
    root: Path
    port: int
    _names: itertools.count = None  # type: ignore[assignment]

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, dbname: str = "postgres", *, user: str = SUPERUSER, tcp: bool = False) -> str:
        """A libpq URL: by default over the cluster's Unix socket (trusted)."""
        if tcp:
            return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        out = subprocess.run(
            [str(self.bin_dir / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
             "-h", str(self.socket_dir), "-p", str(self.port), "-U", SUPERUSER, "-d", dbname,
             "-c", sql],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return out.stdout.strip()

    def new_database(self, prefix: str = "t", *, template: str | None = None) -> str:
        """A fresh database with a unique name: empty (UTF-8, C.UTF-8 locale), or a copy
        of ``template`` (a file-level copy: much faster than loading it again)."""
        if self._names is None:
            self._names = itertools.count(1)
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        if template:
            self.psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        else:
            self.psql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8 '
                      "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")  # fmt: skip
        return name

    def drop_database(self, name: str) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self, mode: str = "fast") -> None:
        self._as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w",
                        "stop"], check=False)  # fmt: skip

    def start(self) -> None:
        log = self.root / "server.log"
        self._as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(log), "-w",
                        "-t", "60", "start"])  # fmt: skip

    def _as_owner(self, cmd: list[str], *, check: bool = True) -> None:
        subprocess.run(_owner_prefix() + cmd, check=check, capture_output=True, text=True)


def _owner_prefix() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def start_cluster(bin_dir: Path) -> Cluster:
    """initdb + pg_ctl start; raises with the server's own log on failure."""
    root = Path(tempfile.mkdtemp(prefix="trk-pg-", dir="/tmp"))  # short: socket paths are ≤107
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
    os.chmod(root, 0o755)
    cluster = Cluster(bin_dir=bin_dir, root=root, port=_free_port())
    pwfile = root / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if os.geteuid() == 0:
        os.chown(pwfile, pw.pw_uid, pw.pw_gid)
    try:
        subprocess.run(
            _owner_prefix()
            + [str(bin_dir / "initdb"), "-D", str(cluster.data), "-U", SUPERUSER, "-E", "UTF8",
               "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
               f"--pwfile={pwfile}", "--no-sync"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        pwfile.unlink()
        with (cluster.data / "postgresql.conf").open("a") as fh:
            fh.write(
                f"\nport = {cluster.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{root}'\n"
                # A throwaway cluster: durability off, small memory, little logging.
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 32MB\nmax_connections = 60\n"
                "log_min_messages = warning\n"
            )
        cluster.start()
    except subprocess.CalledProcessError as exc:
        log = root / "server.log"
        detail = (exc.stderr or "") + (log.read_text() if log.exists() else "")
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start a PostgreSQL test cluster: {detail}") from exc
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.root, ignore_errors=True)
