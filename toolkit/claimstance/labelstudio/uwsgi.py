"""Label Studio as a team runs it: PostgreSQL behind uwsgi with several workers and a 120 s request limit.

Shaped like Label Studio's own production image (its ``deploy/uwsgi.ini`` and entrypoint scripts): the
migrations run once under a PostgreSQL advisory lock (``manage.py locked_migrate``), the admin and its legacy
token come from ``label-studio init``, and uwsgi serves ``core.wsgi`` with a master, ``workers`` one-thread
worker processes and ``harakiri`` (a request still running after that many seconds has its worker killed: the
client gets no answer at all). Everything stays on 127.0.0.1: the cluster (:mod:`.postgres`) in
``var/postgres``, Label Studio's media, log and pid file in ``var/label-studio-pg``. The SQLite development
server (:mod:`.server`) stays the default for one person.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import httpx

from claimstance import config, io
from claimstance.errors import LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import credentials, exposure, postgres, server
from claimstance.labelstudio.server import PID_FILE, PidRecord, ServerInfo

DATA_DIR_NAME = "label-studio-pg"
SETUP_FILE = "setup.json"
SETUP_LOG = "setup.log"
DEFAULT_WORKERS = 4
HARAKIRI = 120
"""Seconds a request may run before uwsgi kills its worker, as in Label Studio's image."""
DEFAULT_START_TIMEOUT = 600.0
"""The first start runs 261 migrations (~40 s idle, 100 s on a busy 2-core machine); later ones ~20 s."""


def data_dir(path: str | Path | None = None) -> Path:
    """Label Studio's folder on PostgreSQL: argument, else ``label-studio-pg`` beside the SQLite one."""
    if path is not None:
        return Path(path).resolve()
    return config.data_dir().parent / DATA_DIR_NAME


def cluster(directory: Path) -> postgres.Cluster:
    """The PostgreSQL cluster of a Label Studio folder: ``postgres`` beside it."""
    return postgres.Cluster(directory.parent / "postgres")


def environment(directory: Path, port: int, database_port: int) -> dict[str, str]:
    """The dev server's environment (:func:`.server.server_environment`) with the database on PostgreSQL."""
    env = server.server_environment(directory, port)
    # get_env reads LABEL_STUDIO_<X> before <X>: the SQLite names must go, not just be shadowed.
    for name in ("LABEL_STUDIO_DJANGO_DB", "LABEL_STUDIO_DATABASE_NAME"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_DB": "default",
            "POSTGRE_NAME": postgres.DATABASE,
            "POSTGRE_USER": postgres.ROLE,
            "POSTGRE_PASSWORD": cluster(directory).app_password_file.read_text(encoding="utf-8").strip(),
            "POSTGRE_HOST": "127.0.0.1",
            "POSTGRE_PORT": str(database_port),
            "DJANGO_SETTINGS_MODULE": "core.settings.label_studio",
            "APP_WEBSERVER": "uwsgi",
        }
    )
    return env


def _package_dir(python: Path) -> Path:
    """The installed ``label_studio`` package (uwsgi and manage.py run from there), found without importing it."""
    probe = "import importlib.util, os; print(os.path.dirname(importlib.util.find_spec('label_studio').origin))"
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise ServerUnavailableError(
            f"Label Studio is not installed in {python.parent.parent}", hint="run 'make setup'"
        )
    return Path(done.stdout.strip())


def _setup(directory: Path, env: dict[str, str], python: Path, package: Path, label_studio: Path) -> None:
    """Migrations (under PostgreSQL's advisory lock) and the admin with its token, once per version."""
    marker = directory / SETUP_FILE
    version = _installed_version(python)
    # Both steps are idempotent; the marker only saves their 10-15 s on every start after the first.
    if marker.exists() and json.loads(marker.read_text(encoding="utf-8")).get("label_studio") == version:
        return
    log = directory / SETUP_LOG
    steps = [
        ("migrations", [str(python), str(package / "manage.py"), "locked_migrate", "--no-color"]),
        ("admin", [str(label_studio), "init", "--quiet", "--enable-legacy-api-token", "--no-browser"]),
    ]
    for name, command in steps:
        with log.open("ab") as fh:
            offset = fh.tell()
            try:
                done = subprocess.run(command, cwd=directory, env=env, stdout=fh, stderr=subprocess.STDOUT, timeout=900)
            except subprocess.TimeoutExpired:
                raise ServerUnavailableError(f"Label Studio's {name} step took over 900 s", path=log) from None
        if done.returncode != 0:
            raise ServerUnavailableError(
                f"Label Studio's {name} step failed on PostgreSQL",
                path=log,
                detail=postgres.log_tail(log, offset),
            )
    io.write_text_atomic(marker, json.dumps({"label_studio": version}) + "\n")


def _installed_version(python: Path) -> str:
    probe = "import importlib.metadata as m; print(m.version('label-studio'))"
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or "unknown"


def uwsgi_command(
    uwsgi: Path, package: Path, directory: Path, bind: str, port: int, workers: int, harakiri: int
) -> list[str]:
    """uwsgi's options, each as in Label Studio's ``deploy/uwsgi.ini`` unless a comment says why not."""
    return [
        str(uwsgi),
        f"--chdir={package}",  # also what makes the master's command line say label_studio (server.status)
        "--module=core.wsgi:application",
        "--master",
        f"--processes={workers}",
        "--threads=1",
        "--enable-threads",
        "--single-interpreter",
        "--need-app",
        "--lazy-apps",
        "--thunder-lock",
        f"--http={bind}:{port}",
        # the HTTP router talks to the workers over a socket in our folder rather than a second TCP port
        f"--socket={directory / 'uwsgi.sock'}",
        "--chmod-socket=600",
        # The router closes the connection after each response without saying so; httpx would reuse it and
        # fail. (http-keepalive would fix that too, but then a harakiri kill leaves the client hanging.)
        "--add-header=Connection: close",
        # the router's own limit (default 60 s) must exceed harakiri, or long requests are cut early
        f"--http-timeout={harakiri + 180}",
        f"--harakiri={harakiri}",
        "--harakiri-verbose",
        "--die-on-term",  # SIGTERM stops everything (without it, uwsgi 2.0 reloads)
        "--vacuum",
        f"--logto={directory / server.LOG_FILE}",
        "--log-maxsize=50000000",
        "--buffer-size=65535",
        "--post-buffering=4096",
        "--ignore-sigpipe",
        "--ignore-write-errors",
        "--disable-write-exception",
        "--max-requests=5000",
        "--reload-on-rss=2048",
        "--worker-reload-mercy=10",
        f"--static-map=/static={package / 'core' / 'static_build'}",
        "--skip-atexit",  # workers otherwise take 6-7 s to exit
    ]


def status(directory: str | Path | None = None) -> ServerInfo | None:
    """The uwsgi server running from ``directory``, or None (its PostgreSQL may still run: see :func:`stop`)."""
    return server.status(data_dir(directory))


def start(
    port: int | None = None,
    directory: str | Path | None = None,
    *,
    workers: int = DEFAULT_WORKERS,
    harakiri: int = HARAKIRI,
    timeout: float = DEFAULT_START_TIMEOUT,
    binary: str | Path | None = None,
    host: str | None = None,
    public_url: str | None = None,
) -> ServerInfo:
    """Start PostgreSQL, then Label Studio under uwsgi on 127.0.0.1, and wait for ``/health``.

    Idempotent like :func:`.server.start`. ``binary`` is the ``label-studio`` executable of the environment
    that also holds ``uwsgi`` and ``python``. ``host`` and ``public_url`` open it to a team, with the same
    checks as the development server (:mod:`.exposure`).
    """
    folder = data_dir(directory)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    running = status(folder)
    if running is not None:
        if port is not None and port != running.port:
            raise LabelStudioError(
                f"Label Studio already runs from {folder} on port {running.port}",
                hint="stop it first with 'claimstance server stop'",
            )
        return _wait_healthy(running, 0, time.monotonic() + timeout)
    chosen = config.DEFAULT_PORT if port is None else int(port)
    opening = exposure.plan(host, chosen, public_url)
    if server.port_in_use(chosen):
        raise ServerUnavailableError(
            f"port {chosen} is already in use by another program",
            hint="pass a free port: claimstance server start --port N (and set LABEL_STUDIO_URL to match)",
        )
    label_studio = config.label_studio_bin(binary)
    uwsgi, python = label_studio.parent / "uwsgi", label_studio.parent / "python"
    for needed in (label_studio, uwsgi):
        if not needed.exists():
            raise ServerUnavailableError(f"{needed.name} is not installed at {needed}", hint="run 'make setup'")
    bin_dir = postgres.binaries()
    pg = cluster(folder)
    postgres.init(pg, bin_dir)
    database_port = postgres.start(pg, bin_dir)
    env = environment(folder, chosen, database_port)
    exposure.check_credentials(opening, credentials.ensure(folder))
    env.update(exposure.environment(opening))
    package = _package_dir(python)
    _setup(folder, env, python, package, label_studio)

    log_path = folder / server.LOG_FILE
    offset = log_path.stat().st_size if log_path.exists() else 0
    process = subprocess.Popen(
        uwsgi_command(uwsgi, package, folder, opening.bind, chosen, workers, harakiri),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # everything goes to --logto
        cwd=folder,
        env=env,
        start_new_session=True,  # its own process group: stop() signals master, workers and router at once
    )
    server._CHILDREN[process.pid] = process
    record: PidRecord = {"pid": process.pid, "port": chosen, "url": opening.local_url, "started_at": time.time()}
    if opening.is_open:
        record["public_url"] = opening.public_url
    io.write_text_atomic(folder / PID_FILE, json.dumps(record) + "\n")
    info = server.server_info(record, folder, healthy=False)
    return _wait_healthy(info, offset, time.monotonic() + timeout)


def _wait_healthy(info: ServerInfo, offset: int, deadline: float) -> ServerInfo:
    """Poll ``/health``; fail at once when the master dies or Label Studio answers 500 (database down)."""
    while True:
        if not server.alive(info.pid):
            (info.data_dir / PID_FILE).unlink(missing_ok=True)
            raise ServerUnavailableError(
                "uwsgi exited during start-up", path=info.log_file, detail=server.log_tail(info.log_file, offset)
            )
        try:
            answer = httpx.get(f"{info.url}/health", timeout=5).status_code
        except httpx.HTTPError:
            answer = 0
        if answer == 200:
            return ServerInfo(info.url, info.pid, info.port, info.data_dir, info.log_file, healthy=True)
        if answer >= 500 or time.monotonic() > deadline:
            stop(info.data_dir, database=False)
            what = "answered /health with an error" if answer else "did not answer /health in time"
            raise ServerUnavailableError(
                f"Label Studio on PostgreSQL {what}",
                path=info.log_file,
                hint="see the log file; is PostgreSQL running ('claimstance server status')?",
                detail=server.log_tail(info.log_file, offset),
            )
        time.sleep(0.25)


def stop(directory: str | Path | None = None, *, database: bool = True) -> bool:
    """Stop uwsgi (SIGTERM, SIGKILL after 20 s), then PostgreSQL; return whether either was running."""
    folder = data_dir(directory)
    stopped = server.stop(folder)
    if database:
        stopped = postgres.stop(cluster(folder)) or stopped
    return stopped


def database_status(directory: str | Path | None = None) -> tuple[int, int] | None:
    """(postmaster pid, port) of the cluster beside ``directory`` when it runs, else None."""
    pg = cluster(data_dir(directory))
    pid = postgres.running(pg)
    listening = postgres.port(pg)
    return None if pid is None or listening is None else (pid, listening)
