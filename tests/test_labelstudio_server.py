"""labelstudio.server: start, stop and status of the embedded Label Studio.

Most tests run a stand-in ``label-studio`` script (a tiny HTTP server, or one that fails the way Label Studio
does) so that start-up, port checks and stopping are exercised in a second; the tests marked
``integration`` use the session's real server.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from claimstance import config
from claimstance.errors import LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import credentials, server, uwsgi
from conftest import LabelStudioServer

# A stand-in for `label-studio start ... --port P`: prints what Label Studio prints, then serves /health.
HEALTHY = """
import http.server, sys
port = int(sys.argv[sys.argv.index("--port") + 1])
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()
        self.wfile.write(b'{"status": "UP"}')
    def log_message(self, *args):
        pass
httpd = http.server.HTTPServer(("127.0.0.1", port), Health)
print(f"Starting development server at http://127.0.0.1:{port}/", flush=True)
httpd.serve_forever()
"""
# Label Studio's behaviour when its port is taken: a warning, then it serves on the next port.
MOVES_PORT = """
import sys, time
port = int(sys.argv[sys.argv.index("--port") + 1])
print(f"*** WARNING! ***\\n* Port {port} is in use.\\n* Trying to start at {port + 1}", flush=True)
time.sleep(60)
"""
CRASHES = """
import sys
print("django.db.utils.OperationalError: unable to open database file", flush=True)
sys.exit(3)
"""


def fake_binary(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bin" / "label-studio"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\n" + textwrap.dedent(body), encoding="utf-8")
    path.chmod(0o755)
    return path


def test_start_status_stop_lifecycle(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    port = server.find_free_port()
    info = server.start(port, data_dir, binary=fake_binary(tmp_path, HEALTHY), timeout=30)
    try:
        assert info.healthy and info.url == f"http://127.0.0.1:{port}"
        assert info.log_file.parent == data_dir
        record = json.loads((data_dir / server.PID_FILE).read_text())
        assert record["pid"] == info.pid and record["port"] == port
        assert server.status(data_dir) == info
        # start is idempotent: the running server is returned, no second process
        assert server.start(data_dir=data_dir, binary=fake_binary(tmp_path, HEALTHY)).pid == info.pid
    finally:
        assert server.stop(data_dir) is True
    assert server.status(data_dir) is None
    assert not (data_dir / server.PID_FILE).exists()
    assert not server.port_in_use(port)
    assert server.stop(data_dir) is False


def test_start_on_another_port_while_running_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    info = server.start(server.find_free_port(), data_dir, binary=fake_binary(tmp_path, HEALTHY), timeout=30)
    try:
        with pytest.raises(LabelStudioError, match="already runs") as caught:
            server.start(server.find_free_port(), data_dir, binary=fake_binary(tmp_path, HEALTHY))
        assert "server stop" in str(caught.value)
    finally:
        server.stop(data_dir)
    assert not server.port_in_use(info.port)


def test_busy_port_is_refused_before_starting_anything(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServerUnavailableError, match=f"port {port} is already in use") as caught:
            server.start(port, tmp_path / "data", binary=fake_binary(tmp_path, HEALTHY))
    assert "--port" in str(caught.value)
    assert not (tmp_path / "data" / server.PID_FILE).exists()


def test_silent_move_to_the_next_port_is_detected_and_stopped(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(ServerUnavailableError, match="moved to another port"):
        server.start(server.find_free_port(), data_dir, binary=fake_binary(tmp_path, MOVES_PORT), timeout=30)
    assert server.status(data_dir) is None
    assert not (data_dir / server.PID_FILE).exists()


def test_crash_during_start_names_the_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(ServerUnavailableError, match="exited during start-up") as caught:
        server.start(server.find_free_port(), data_dir, binary=fake_binary(tmp_path, CRASHES), timeout=30)
    assert str(data_dir / server.LOG_FILE) in str(caught.value)
    assert "unable to open database file" in (caught.value.detail or "")
    assert "\n" not in str(caught.value)


def test_missing_binary_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(ServerUnavailableError, match="not installed") as caught:
        server.start(server.find_free_port(), tmp_path / "data", binary=tmp_path / "nope" / "label-studio")
    assert "claimstance server install" in str(caught.value)


def test_install_reuses_an_environment_that_has_the_pinned_version() -> None:
    venv_ls = Path(__file__).resolve().parents[1] / ".venv-ls"
    before = sorted(p.name for p in venv_ls.iterdir())
    report = server.install(venv_ls)
    assert report.reused and report.version == config.LABEL_STUDIO_VERSION
    assert sorted(p.name for p in venv_ls.iterdir()) == before


def test_a_failed_install_leaves_no_half_made_environment(tmp_path: Path) -> None:
    target = tmp_path / "ls-env"
    with pytest.raises(LabelStudioError, match=r"pip could not install label-studio==1\.23\.2") as caught:
        server.install(target, pip_options=["--no-index"])  # nothing to install from: pip fails at once
    assert not target.exists()
    assert "\n" not in str(caught.value) and caught.value.detail


def test_install_never_replaces_a_folder_that_is_not_an_environment(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(LabelStudioError, match="is not a virtual environment"):
        server.install(tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_environment_goes_to_the_users_data_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMSTANCE_LS_VENV", raising=False)
    monkeypatch.delenv("CLAIMSTANCE_LS_BIN", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    expected = tmp_path / "claimstance" / f"label-studio-{config.LABEL_STUDIO_VERSION}"
    assert config.label_studio_venv() == expected
    assert config.label_studio_bin() == expected / "bin" / "label-studio"
    monkeypatch.setenv("CLAIMSTANCE_LS_VENV", str(tmp_path / "cached"))
    assert config.label_studio_bin() == tmp_path / "cached" / "bin" / "label-studio"


def test_stale_pid_file_is_cleaned_and_never_kills_a_stranger(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    stranger = subprocess.Popen(["sleep", "30"])  # what a recycled pid could point at
    try:
        record = {"pid": stranger.pid, "port": 1, "url": "http://127.0.0.1:1"}
        (data_dir / server.PID_FILE).write_text(json.dumps(record))
        assert server.status(data_dir) is None
        assert not (data_dir / server.PID_FILE).exists()
        (data_dir / server.PID_FILE).write_text(json.dumps(record))
        assert server.stop(data_dir) is False
        assert stranger.poll() is None
    finally:
        stranger.kill()
        stranger.wait()


def test_environment_keeps_everything_in_the_data_dir_and_never_calls_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "a-user-token-for-another-server")
    monkeypatch.setenv("USERNAME", "someone")  # Label Studio would read plain USERNAME if unprefixed
    env = server.server_environment(tmp_path, 8123)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "LABEL_STUDIO_BASE_DATA_DIR"):
        assert Path(env[name]).is_relative_to(tmp_path)
    assert env["LABEL_STUDIO_LATEST_VERSION_CHECK"] == "false"
    assert env["LABEL_STUDIO_COLLECT_ANALYTICS"] == "false"
    assert env["SENTRY_DSN"] == env["FRONTEND_SENTRY_DSN"] == env["LABEL_STUDIO_SENTRY_DSN"] == ""
    assert env["LABEL_STUDIO_USERNAME"] == config.LOCAL_ADMIN_EMAIL
    assert env["LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK"] == "true"
    assert "LABEL_STUDIO_API_KEY" not in env
    stored = credentials.local(tmp_path)
    assert env["LABEL_STUDIO_USER_TOKEN"] == stored.api_token.get_secret_value()
    assert env["LABEL_STUDIO_PASSWORD"] == stored.admin_password.get_secret_value()
    assert env["SECRET_KEY"] == env["LABEL_STUDIO_SECRET_KEY"] == stored.secret_key.get_secret_value()
    again = server.server_environment(tmp_path, 8123)  # stable across starts
    for name in ("SECRET_KEY", "LABEL_STUDIO_USER_TOKEN", "LABEL_STUDIO_PASSWORD"):
        assert again[name] == env[name]


@pytest.mark.integration
def test_real_server_is_healthy_idempotent_and_self_contained(label_studio: LabelStudioServer) -> None:
    label_studio.ensure_running()
    info = server.status(label_studio.data_dir)
    assert info is not None and info.healthy and info.port == label_studio.port
    started = time.monotonic()
    starter = uwsgi.start if label_studio.backend == "postgres" else server.start
    again = starter(None, label_studio.data_dir)
    assert again.pid == info.pid and time.monotonic() - started < 5
    assert (label_studio.data_dir / "xdg" / "config" / "label-studio").is_dir()
    log = info.log_file.read_text(encoding="utf-8", errors="replace")
    if label_studio.backend == "postgres":
        assert not (label_studio.data_dir / "label_studio.sqlite3").exists()
        assert "uwsgi" in log.lower() and (label_studio.data_dir.parent / "postgres" / "data").is_dir()
    else:
        assert (label_studio.data_dir / "label_studio.sqlite3").exists()
        assert "Starting development server" in log
    assert os.environ.get("LABEL_STUDIO_USER_TOKEN") is None  # the token went to the child only
