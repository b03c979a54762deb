"""Run the embedded Label Studio: ``install``, ``start``, ``stop`` and ``status``, headless on 127.0.0.1 unless asked.

The server lives in its own virtual environment (Label Studio pins its own SDK exactly), which
:func:`install` creates in the user's data directory (:func:`config.label_studio_venv`), and it keeps
everything under one data folder (the study's ``var/label-studio`` by default): the SQLite database, media,
exports, its config and cache folders (``XDG_*``), its credentials, a log file and a pid file.
Nothing is written under ``~/.local`` or ``~/.config``, and the server never calls out (no version check,
no analytics, no Sentry).

The admin (``config.LOCAL_ADMIN_EMAIL``), its password, its legacy API token and Django's secret key are
generated on the first start and kept in the data folder (:mod:`.credentials`); a folder made with the
constants of earlier versions is rotated to new ones before the server listens (:mod:`.admin`). Opening the
server to other machines is :mod:`.exposure`'s. This module never imports ``label_studio_sdk``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import venv
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NotRequired

import httpx
from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from claimstance import config, io
from claimstance.errors import LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import admin, credentials, exposure

PID_FILE = "server.json"
LOG_FILE = "server.log"
DEFAULT_START_TIMEOUT = 180.0
"""Seconds to wait for ``/health``: the first start (migrations) takes ~25 s on an idle machine."""


class PidRecord(TypedDict):
    """What the pid file of a running server holds."""

    pid: int
    port: int
    url: str
    started_at: NotRequired[float]
    public_url: NotRequired[str]


PID_RECORD = TypeAdapter(PidRecord)

# Popen objects of servers started by this process, so that stop() can reap them (no zombies).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerInfo:
    """A Label Studio server started by claimstance."""

    url: str
    pid: int
    port: int
    data_dir: Path
    log_file: Path
    healthy: bool
    public_url: str | None = None
    """The address annotators open, when the server was opened to a team (``--host``/``--public-url``)."""


@dataclass(frozen=True)
class InstallReport:
    """Where Label Studio's environment is and whether ``install`` found it already there."""

    venv: Path
    version: str
    reused: bool


def installed_version(venv_dir: str | Path) -> str | None:
    """The ``label-studio`` version installed in ``venv_dir``, or ``None`` (no environment, or no Label Studio)."""
    python = Path(venv_dir) / "bin" / "python"
    if not (Path(venv_dir) / "bin" / "label-studio").exists() or not python.exists():
        return None
    query = "import importlib.metadata as m; print(m.version('label-studio'))"
    done = subprocess.run([str(python), "-c", query], capture_output=True, text=True, check=False, timeout=120)
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def install(
    venv_dir: str | Path | None = None,
    *,
    version: str = config.LABEL_STUDIO_VERSION,
    pip_options: Sequence[str] = (),
) -> InstallReport:
    """Create Label Studio's own virtual environment with ``label-studio==version`` (a few minutes, once).

    The environment goes to :func:`config.label_studio_venv` unless ``venv_dir``; one that already holds that
    version is reused as it is (a CI cache, or the repository's ``.venv-ls``). ``pip_options`` are passed to
    pip (e.g. ``--index-url``). When pip fails the half-made environment is removed and
    :class:`~claimstance.errors.LabelStudioError` names the last lines pip printed.
    """
    target = config.label_studio_venv(venv_dir)
    found = installed_version(target)
    if found == version:
        return InstallReport(target, version, reused=True)
    if target.exists() and any(target.iterdir()) and not (target / "pyvenv.cfg").exists():
        raise LabelStudioError(
            "is not a virtual environment, and installing would replace it",
            path=target,
            hint="remove it, or set CLAIMSTANCE_LS_VENV to another folder",
        )
    venv.EnvBuilder(with_pip=True, clear=True, symlinks=True).create(target)
    command = [str(target / "bin" / "python"), "-m", "pip", "install", "-q", *pip_options, f"label-studio=={version}"]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0 or installed_version(target) != version:
        shutil.rmtree(target, ignore_errors=True)  # nothing half-installed is left to be mistaken for a server
        raise LabelStudioError(
            f"pip could not install label-studio=={version} (exit {done.returncode})",
            path=target,
            hint="check the network or the pip options, then run 'claimstance server install' again",
            detail="\n".join((done.stderr or done.stdout).splitlines()[-15:]),
        )
    return InstallReport(target, version, reused=False)


def find_free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (for tests and parallel servers)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_in_use(port: int) -> bool:
    """Whether something accepts connections on ``port`` (the test Label Studio itself uses)."""
    for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
        with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            if s.connect_ex((host, port)) == 0:
                return True
    return False


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not; one we may not signal does)."""
    child = _CHILDREN.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        # A zombie still answers kill(0); it is dead for our purposes.
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _is_label_studio(pid: int) -> bool:
    """Guard against a recycled pid: only signal a process whose command line is Label Studio's."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\x00", b" ")
    except OSError:
        return True  # no /proc (not Linux): trust the pid file
    return b"label-studio" in cmdline or b"label_studio" in cmdline


def _read_pid_file(data_dir: Path) -> PidRecord | None:
    try:
        return PID_RECORD.validate_json((data_dir / PID_FILE).read_bytes())
    except (OSError, ValidationError):
        return None


def _healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        response = httpx.get(f"{url}/health", timeout=timeout)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


def server_info(record: PidRecord, data_dir: Path, healthy: bool) -> ServerInfo:
    """The :class:`ServerInfo` of a pid file's record for the server in ``data_dir``."""
    return ServerInfo(
        url=record["url"],
        pid=record["pid"],
        port=record["port"],
        data_dir=data_dir,
        log_file=data_dir / LOG_FILE,
        healthy=healthy,
        public_url=record.get("public_url"),
    )


def status(data_dir: str | Path | None = None) -> ServerInfo | None:
    """The server running from ``data_dir``, or ``None`` (a stale pid file is removed)."""
    directory = config.data_dir(data_dir)
    record = _read_pid_file(directory)
    if record is None:
        return None
    if not alive(record["pid"]) or not _is_label_studio(record["pid"]):
        with contextlib.suppress(FileNotFoundError):
            (directory / PID_FILE).unlink()
        return None
    return server_info(record, directory, _healthy(record["url"]))


def server_environment(directory: Path, port: int) -> dict[str, str]:
    """The environment Label Studio runs with: everything under ``directory``, nothing calls out."""
    env = dict(os.environ)
    # Label Studio reads LABEL_STUDIO_<X>, then HEARTEX_<X>, then plain <X> (USERNAME, HOST, PORT...):
    # the prefixed names below win over whatever the user's shell has.
    for name in ("LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY"):
        env.pop(name, None)
    xdg = directory / "xdg"
    url = f"http://127.0.0.1:{port}"
    # Generated on the first start; stable across restarts, so browser sessions survive them.
    creds = credentials.ensure(directory)
    secret = creds.secret_key.get_secret_value()
    env.update(
        {
            "LABEL_STUDIO_BASE_DATA_DIR": str(directory),
            "LABEL_STUDIO_DJANGO_DB": "sqlite",
            "LABEL_STUDIO_DATABASE_NAME": str(directory / "label_studio.sqlite3"),
            "LABEL_STUDIO_HOST": url,
            "LABEL_STUDIO_USERNAME": creds.admin_email,
            "LABEL_STUDIO_PASSWORD": creds.admin_password.get_secret_value(),
            "LABEL_STUDIO_USER_TOKEN": creds.api_token.get_secret_value(),
            "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
            # Even on loopback: any user of this machine could otherwise sign up and read everything.
            "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
            "LABEL_STUDIO_LATEST_VERSION_CHECK": "false",
            "LABEL_STUDIO_COLLECT_ANALYTICS": "false",
            "LABEL_STUDIO_DEBUG": "false",
            "LABEL_STUDIO_SENTRY_DSN": "",
            "LABEL_STUDIO_FRONTEND_SENTRY_DSN": "",
            "SENTRY_DSN": "",
            "FRONTEND_SENTRY_DSN": "",
            "SECRET_KEY": secret,
            "LABEL_STUDIO_SECRET_KEY": secret,
            "XDG_CONFIG_HOME": str(xdg / "config"),
            "XDG_CACHE_HOME": str(xdg / "cache"),
            "XDG_DATA_HOME": str(xdg / "data"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def log_tail(path: Path, offset: int, lines: int = 15) -> str:
    """The last ``lines`` lines a log gained after byte ``offset`` ('' when it cannot be read)."""
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def _log_since(path: Path, offset: int) -> str:
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            return fh.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _terminate(pid: int, timeout: float) -> None:
    """SIGTERM the server's process group, then SIGKILL it if it is still there after ``timeout``."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.1)
    if alive(pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and alive(pid):
            time.sleep(0.05)
    child = _CHILDREN.pop(pid, None)
    if child is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=5)


def _wait_until_healthy(info: ServerInfo, log_offset: int, timeout: float, bind: str = "127.0.0.1") -> None:
    """Poll ``/health``; fail fast if the process dies or Label Studio moved to another port."""
    deadline = time.monotonic() + timeout
    moved = f"Port {info.port} is in use"
    listening = f"Starting development server at http://{bind}:{info.port}/"
    while True:
        log = _log_since(info.log_file, log_offset)
        if moved in log:
            _terminate(info.pid, 10)
            (info.data_dir / PID_FILE).unlink(missing_ok=True)
            raise ServerUnavailableError(
                f"port {info.port} was taken while Label Studio started (it moved to another port)",
                hint="run 'claimstance server start --port N' with a free port",
            )
        if not alive(info.pid):
            (info.data_dir / PID_FILE).unlink(missing_ok=True)
            raise ServerUnavailableError(
                "Label Studio exited during start-up",
                path=info.log_file,
                hint="see the log file for the reason",
                detail=log_tail(info.log_file, log_offset),
            )
        if listening in log and _healthy(info.url):
            return
        if time.monotonic() > deadline:
            _terminate(info.pid, 10)
            (info.data_dir / PID_FILE).unlink(missing_ok=True)
            raise ServerUnavailableError(
                f"Label Studio did not answer {info.url}/health within {timeout:.0f} s",
                path=info.log_file,
                hint="the machine may be busy; try again with a longer timeout",
                detail=log_tail(info.log_file, log_offset),
            )
        time.sleep(0.25)


def start(
    port: int | None = None,
    data_dir: str | Path | None = None,
    *,
    wait: bool = True,
    timeout: float = DEFAULT_START_TIMEOUT,
    binary: str | Path | None = None,
    host: str | None = None,
    public_url: str | None = None,
) -> ServerInfo:
    """Start Label Studio on 127.0.0.1 (``config.DEFAULT_PORT`` unless ``port``) and wait for ``/health``.

    ``host`` (an interface) and ``public_url`` (the address annotators open) open it to a team: see
    :mod:`.exposure`. Idempotent: if a server already runs from ``data_dir`` its info is returned. A busy
    port is an error (Label Studio itself would silently move to the next port). Raises
    :class:`~claimstance.errors.ServerUnavailableError` when the server cannot be started.
    """
    directory = config.data_dir(data_dir)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    running = status(directory)
    if running is not None:
        wanted = exposure.plan(host, running.port, public_url) if host or public_url else None
        if wanted is not None and wanted.public_url != (running.public_url or running.url):
            raise LabelStudioError(
                f"Label Studio already runs from {directory} at {running.public_url or running.url}",
                hint="stop it first with 'claimstance server stop', then start it with the new --host/--public-url",
            )
        if port is not None and port != running.port:
            raise LabelStudioError(
                f"Label Studio already runs from {directory} on port {running.port}",
                hint="stop it first with 'claimstance server stop'",
            )
        deadline = time.monotonic() + timeout
        while wait and not running.healthy:
            # Started by another call (e.g. with wait=False) and still migrating: wait for it.
            if time.monotonic() > deadline or not alive(running.pid):
                raise ServerUnavailableError(
                    f"Label Studio (pid {running.pid}) runs but does not answer {running.url}/health",
                    path=running.log_file,
                    hint="see the log file; 'claimstance server stop' then start again",
                )
            time.sleep(0.25)
            running = replace(running, healthy=_healthy(running.url))
        return running

    chosen = config.DEFAULT_PORT if port is None else int(port)
    opening = exposure.plan(host, chosen, public_url)
    if port_in_use(chosen):
        raise ServerUnavailableError(
            f"port {chosen} is already in use by another program",
            hint="pass a free port: claimstance server start --port N (and set LABEL_STUDIO_URL to match)",
        )
    executable = config.label_studio_bin(binary)
    if not executable.exists():
        raise ServerUnavailableError(
            f"Label Studio is not installed at {executable}",
            hint="run 'claimstance server install', or set CLAIMSTANCE_LS_VENV to an environment that has it",
        )

    env = server_environment(directory, chosen)
    creds = credentials.ensure(directory)
    if creds.rotation_pending:
        # A data folder made with published credentials: rewrite them before the server listens.
        admin.rotate(creds, python=admin.python_of(executable), env=env, cwd=directory)
        creds = credentials.rotated(directory, creds)
    exposure.check_credentials(opening, creds)
    env.update(exposure.environment(opening))
    log_path = directory / LOG_FILE
    log_offset = log_path.stat().st_size if log_path.exists() else 0
    command = [
        str(executable),
        "start",
        "--no-browser",
        "--internal-host",
        opening.bind,
        "--port",
        str(chosen),
        "--data-dir",
        str(directory),
        "--enable-legacy-api-token",
    ]
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=directory,
            env=env,
            start_new_session=True,  # its own process group: stop() signals the whole group
        )
    _CHILDREN[process.pid] = process
    record: PidRecord = {
        "pid": process.pid,
        "port": chosen,
        "url": opening.local_url,
        "started_at": time.time(),
    }
    if opening.is_open:
        record["public_url"] = opening.public_url
    io.write_text_atomic(directory / PID_FILE, json.dumps(record) + "\n")
    info = server_info(record, directory, healthy=False)
    if not wait:
        return info
    _wait_until_healthy(info, log_offset, timeout, opening.bind)
    return server_info(record, directory, healthy=True)


def stop(data_dir: str | Path | None = None, *, timeout: float = 20.0) -> bool:
    """Stop the server running from ``data_dir``; return whether one was running."""
    directory = config.data_dir(data_dir)
    record = _read_pid_file(directory)
    if record is None:
        return False
    pid = record["pid"]
    was_running = alive(pid) and _is_label_studio(pid)
    if was_running:
        _terminate(pid, timeout)
    (directory / PID_FILE).unlink(missing_ok=True)
    return was_running
