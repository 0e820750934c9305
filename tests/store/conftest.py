"""Store fixtures: every store test runs on SQLite and, when the PostgreSQL server binaries are
installed (``/usr/lib/postgresql/*/bin/initdb``), on a throwaway PostgreSQL cluster started
in a temp folder and reached over a Unix socket only (no TCP port)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskwfm.core.site import SiteSettings
from deskwfm.store.store import Store


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class _Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="deskwfm-pg-"))
        self.data = self.root / "data"
        self.sock = self.root / "sock"
        self.sock.mkdir()
        # initdb refuses to run as root: run the server as the postgres user then.
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sock, "postgres")
        self.user = "postgres" if self.as_user else os.environ.get("USER", "postgres")

    def run(self, *cmd: str) -> None:
        subprocess.run([*self.as_user, *cmd], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        initdb = str(self.bindir / "initdb")
        self.run(initdb, "-D", str(self.data), "-U", self.user, "-A", "trust", "-E", "UTF8")
        opts = f"-k {self.sock} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-w", "-l",
                 str(self.root / "log.txt"), "start")

    def stop(self) -> None:
        try:
            self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.run(str(self.bindir / "createdb"), "-h", str(self.sock), "-U", self.user, name)
        return f"postgresql+psycopg://{self.user}@/{name}?host={self.sock}"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[_Cluster]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin/initdb)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install deskwfm[postgres])")
    cluster = _Cluster(bindir)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database location: a SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "t.sqlite3")
    cluster: _Cluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture
def store(db_target: str) -> Iterator[Store]:
    """A new database at the newest schema with the default site (no codes, no employees)."""
    from tests.store.writes import put, site

    s = Store.open(db_target, create=True)
    put(s, site(SiteSettings(), expected=None))
    try:
        yield s
    finally:
        s.close()
