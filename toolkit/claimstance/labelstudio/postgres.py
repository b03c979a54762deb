"""A private PostgreSQL cluster for the local Label Studio: ``init``, ``start``, ``stop``, ``running``.

The cluster lives in one folder (``var/postgres`` beside Label Studio's data folder), listens on 127.0.0.1
only (no unix socket: Debian's default socket folder is not writable by a normal user, and socket paths are
limited to ~107 bytes), and every login, the superuser's included, needs a password generated at ``init``
(scram-sha-256). Label Studio connects as the role ``labelstudio`` to the database ``labelstudio``.

``initdb``, ``pg_ctl`` and ``postgres`` refuse to run as root. A normal user runs them as itself; root runs
them as the owner of the data folder, which is Debian's ``postgres`` system user (created by the
``postgresql`` package) for a new cluster. Debian's binaries are in ``/usr/lib/postgresql/<version>/bin``
(not on ``PATH``); ``CLAIMSTANCE_PG_BIN`` names another folder.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from claimstance import config
from claimstance.errors import ServerUnavailableError
from claimstance.labelstudio.server import alive, find_free_port, port_in_use

DATABASE = "labelstudio"
ROLE = "labelstudio"
SUPERUSER = "postgres"
DEBIAN_BIN_GLOB = "/usr/lib/postgresql/*/bin"
SETTINGS = """
# claimstance: loopback TCP only, no unix socket; the port is given at each start (pg_ctl -o "-p N")
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 50
"""
INSTALL_HINT = "install PostgreSQL: apt-get install -y --no-install-recommends postgresql (make setup does it)"


@dataclass(frozen=True)
class Cluster:
    """Where one cluster keeps its files; nothing is read or created by building one."""

    root: Path

    @property
    def data(self) -> Path:
        """The cluster itself (``initdb -D``)."""
        return self.root / "data"

    @property
    def log(self) -> Path:
        """The server's log (``pg_ctl -l``)."""
        return self.root / "postgres.log"

    @property
    def app_password_file(self) -> Path:
        """The password of the role Label Studio logs in as (0600, owned by whoever runs Label Studio)."""
        return self.root / "app.pw"

    @property
    def superuser_password_file(self) -> Path:
        """The superuser's password, used once to create the role and the database."""
        return self.root / "superuser.pw"

    @property
    def port_file(self) -> Path:
        """The port of the last start (reused when it is free)."""
        return self.root / "port"

    @property
    def ready_file(self) -> Path:
        """Written once the role and the database exist."""
        return self.root / "ready"


def binaries(path: str | Path | None = None) -> Path:
    """The folder of ``initdb``/``pg_ctl``/``psql``: argument, ``CLAIMSTANCE_PG_BIN``, or Debian's newest."""
    chosen = config.resolve(str(path) if path else None, "CLAIMSTANCE_PG_BIN", "")
    debian = sorted(Path("/").glob(DEBIAN_BIN_GLOB.lstrip("/")), key=_version_key)
    candidates = [Path(chosen)] if chosen else debian
    found = [c for c in candidates if (c / "initdb").exists()]
    if not found:
        raise ServerUnavailableError(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found", path=chosen or None, hint=INSTALL_HINT
        )
    return found[-1]


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in path.parent.name.split(".") if part.isdecimal())


def _os_user(cluster: Cluster) -> pwd.struct_passwd | None:
    """Who runs the cluster's programs: ``None`` for ourselves; as root, the data folder's owner."""
    if os.geteuid() != 0:
        return None
    with contextlib.suppress(FileNotFoundError):
        return pwd.getpwuid(cluster.data.stat().st_uid)
    try:
        return pwd.getpwnam(SUPERUSER)
    except KeyError:
        raise ServerUnavailableError(
            "running as root, and there is no 'postgres' user to run PostgreSQL as (it refuses root)",
            hint=INSTALL_HINT,
        ) from None


def _run(cluster: Cluster, args: list[str], *, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    """Run one of the cluster's programs as its OS user, in a folder that user can enter."""
    user = _os_user(cluster)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    try:
        if user is None:
            return subprocess.run(args, cwd=cluster.root, env=env, capture_output=True, text=True, timeout=timeout)
        return subprocess.run(
            args,
            cwd=cluster.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            user=user.pw_uid,
            group=user.pw_gid,
            extra_groups=[],
        )
    except subprocess.TimeoutExpired:
        raise ServerUnavailableError(
            f"{Path(args[0]).name} did not finish within {timeout:.0f} s", path=cluster.log
        ) from None


def _write_secret(path: Path, owner: pwd.struct_passwd | None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_hex(24))
    if owner is not None:
        os.chown(path, owner.pw_uid, owner.pw_gid)


def init(cluster: Cluster, bin_dir: Path) -> bool:
    """Create the cluster (once): passwords, ``initdb``, loopback-only settings. False if it existed."""
    if (cluster.data / "PG_VERSION").exists():
        return False
    user = _os_user(cluster)
    cluster.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    if user is not None:
        os.chown(cluster.root, user.pw_uid, user.pw_gid)
        if _run(cluster, ["/usr/bin/test", "-w", str(cluster.root)]).returncode != 0:
            raise ServerUnavailableError(
                f"the OS user '{user.pw_name}' that runs PostgreSQL cannot reach {cluster.root}",
                hint="every parent folder must be enterable by other users (chmod o+x), or move the study",
            )
    _write_secret(cluster.superuser_password_file, user)
    _write_secret(cluster.app_password_file, None)
    done = _run(
        cluster,
        [
            str(bin_dir / "initdb"),
            *("-D", str(cluster.data), "-U", SUPERUSER, "--auth=scram-sha-256"),
            *(f"--pwfile={cluster.superuser_password_file}", "-E", "UTF8", "--locale=C.UTF-8"),
        ],
    )
    if done.returncode != 0:
        raise ServerUnavailableError(
            "initdb could not create the PostgreSQL cluster", path=cluster.data, detail=done.stderr[-2000:]
        )
    # initdb's pg_hba.conf with --auth=scram-sha-256 already admits 127.0.0.1/32 and ::1/128 only.
    conf = cluster.data / "postgresql.conf"
    with conf.open("a", encoding="utf-8") as fh:
        fh.write(SETTINGS)
    return True


def running(cluster: Cluster) -> int | None:
    """The postmaster's pid when the cluster runs (``postmaster.pid`` names a live process), else None."""
    try:
        pid = int((cluster.data / "postmaster.pid").read_text(encoding="utf-8").split("\n", 1)[0])
    except (OSError, ValueError):
        return None
    return pid if alive(pid) else None


def port(cluster: Cluster) -> int | None:
    """The port of the last start, if any."""
    try:
        return int(cluster.port_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def start(cluster: Cluster, bin_dir: Path, *, attempts: int = 3) -> int:
    """Start the cluster unless it runs (the saved port when free, else a free one); return its port."""
    saved = port(cluster)
    if running(cluster) is not None and saved is not None:
        return saved
    for attempt in range(attempts):
        chosen = saved if attempt == 0 and saved is not None and not port_in_use(saved) else find_free_port()
        cluster.port_file.write_text(f"{chosen}\n", encoding="utf-8")
        offset = cluster.log.stat().st_size if cluster.log.exists() else 0
        done = _run(
            cluster,
            [
                *(str(bin_dir / "pg_ctl"), "-D", str(cluster.data), "-l", str(cluster.log)),
                *("-o", f"-p {chosen}", "-w", "-t", "60", "start"),
            ],
            timeout=90,
        )
        if done.returncode == 0:
            _ensure_database(cluster, bin_dir, chosen)
            return chosen
        tail = log_tail(cluster.log, offset)
        if "could not bind" not in tail:  # only a lost race for the port is worth another try
            raise ServerUnavailableError(
                "PostgreSQL did not start", path=cluster.log, detail=(done.stderr + tail)[-2000:]
            )
    raise ServerUnavailableError(f"PostgreSQL found no free port in {attempts} attempts", path=cluster.log)


def log_tail(path: Path, offset: int) -> str:
    """The last 2,000 characters a log gained after byte ``offset`` ('' when it cannot be read)."""
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            return fh.read().decode("utf-8", "replace")[-2000:]
    except OSError:
        return ""


def _ensure_database(cluster: Cluster, bin_dir: Path, listening: int) -> None:
    """Create the role and the database Label Studio uses (once, after the first start)."""
    if cluster.ready_file.exists():
        return
    password = cluster.app_password_file.read_text(encoding="utf-8").strip()
    sql = (
        f"CREATE ROLE {ROLE} LOGIN PASSWORD '{password}';\n"
        f"CREATE DATABASE {DATABASE} OWNER {ROLE} ENCODING 'UTF8' TEMPLATE template0;\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "PGPASSWORD": cluster.superuser_password_file.read_text(encoding="utf-8").strip(),
        "PGCONNECT_TIMEOUT": "10",
    }
    done = subprocess.run(
        [
            *(str(bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1"),
            *("-h", "127.0.0.1", "-p", str(listening), "-U", SUPERUSER, "-d", "postgres"),
        ],
        input=sql,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        raise ServerUnavailableError(
            "could not create Label Studio's PostgreSQL database", path=cluster.log, detail=done.stderr[-2000:]
        )
    cluster.ready_file.write_text("labelstudio\n", encoding="utf-8")


def stop(cluster: Cluster, *, timeout: float = 60.0) -> bool:
    """Fast shutdown (open transactions rolled back, clients disconnected); return whether it ran."""
    pid = running(cluster)
    if pid is None:
        return False
    # SIGINT is pg_ctl's "fast" mode; root may signal the postgres user's process, a normal user owns it.
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGQUIT)  # immediate shutdown: crash recovery at the next start
            break
        time.sleep(0.1)
    return True
