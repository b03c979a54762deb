"""labelstudio.postgres and labelstudio.uwsgi: Label Studio on a private PostgreSQL behind uwsgi.

The unit tests check what is decided without a server (where programs are looked for, the environment, the
uwsgi options); the ``integration`` tests run a real cluster (a few seconds) and the session's real server.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from claimstance.errors import ServerUnavailableError
from claimstance.labelstudio import credentials, postgres, server, uwsgi
from conftest import LabelStudioServer


@pytest.fixture
def reachable(tmp_path: Path) -> Iterator[Path]:
    """A folder every OS user can enter (as root, PostgreSQL runs as 'postgres'; pytest's tmp is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="claimstance-pgtest-"))
    folder.chmod(0o711)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_missing_postgresql_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMSTANCE_PG_BIN", str(tmp_path / "nowhere"))
    with pytest.raises(ServerUnavailableError) as caught:
        postgres.binaries()
    assert "apt-get install" in str(caught.value) and "\n" not in str(caught.value)


def test_missing_uwsgi_says_how_to_install(tmp_path: Path) -> None:
    fake = tmp_path / "venv" / "bin" / "label-studio"
    fake.parent.mkdir(parents=True)
    fake.write_text("#!/bin/sh\n")
    with pytest.raises(ServerUnavailableError, match=r"uwsgi is not installed.*make setup"):
        uwsgi.start(server.find_free_port(), tmp_path / "var" / "label-studio-pg", binary=fake)
    assert not (tmp_path / "var" / "postgres").exists()  # nothing was created before the check


def test_environment_points_label_studio_at_the_cluster_and_drops_sqlite(tmp_path: Path) -> None:
    directory = tmp_path / "label-studio-pg"
    directory.mkdir()
    cluster = uwsgi.cluster(directory)
    cluster.root.mkdir()
    cluster.app_password_file.write_text("s3cret-app-password\n")
    env = uwsgi.environment(directory, 8123, 54321)
    assert "LABEL_STUDIO_DJANGO_DB" not in env and "LABEL_STUDIO_DATABASE_NAME" not in env
    assert env["DJANGO_DB"] == "default"
    assert (env["POSTGRE_HOST"], env["POSTGRE_PORT"]) == ("127.0.0.1", "54321")
    assert env["POSTGRE_PASSWORD"] == "s3cret-app-password"
    # the same secret key in every process, else tokens issued by one worker are refused by another
    stored = credentials.read(directory)
    assert stored is not None and env["SECRET_KEY"] == stored.secret_key.get_secret_value()


def test_uwsgi_serves_loopback_with_workers_and_a_request_limit(tmp_path: Path) -> None:
    command = uwsgi.uwsgi_command(Path("/v/uwsgi"), Path("/v/label_studio"), tmp_path, "127.0.0.1", 8123, 3, 120)
    assert "--http=127.0.0.1:8123" in command
    assert "--processes=3" in command and "--harakiri=120" in command and "--die-on-term" in command
    timeout = next(int(c.split("=")[1]) for c in command if c.startswith("--http-timeout="))
    assert timeout > 120  # the router must not cut a request the worker is still allowed to finish
    assert "--add-header=Connection: close" in command


def test_default_folders_sit_beside_the_sqlite_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMSTANCE_LS_DATA_DIR", raising=False)
    monkeypatch.setenv("CLAIMSTANCE_ROOT", str(tmp_path))
    directory = uwsgi.data_dir()
    assert directory == tmp_path.resolve() / "var" / "label-studio-pg"
    assert uwsgi.cluster(directory).root == tmp_path.resolve() / "var" / "postgres"
    assert uwsgi.status() is None and uwsgi.stop() is False


@pytest.mark.integration
def test_cluster_listens_on_loopback_with_passwords_and_stops(reachable: Path) -> None:
    bin_dir = postgres.binaries()
    cluster = postgres.Cluster(reachable / "postgres")
    assert postgres.init(cluster, bin_dir) is True
    assert postgres.init(cluster, bin_dir) is False  # once
    try:
        port = postgres.start(cluster, bin_dir)
        assert postgres.start(cluster, bin_dir) == port  # already running
        assert server.port_in_use(port)
        psql = [str(bin_dir / "psql"), "-X", "-h", "127.0.0.1", "-p", str(port), "-U", postgres.ROLE, "-tAc"]
        env = {"PATH": "/usr/bin:/bin", "PGPASSWORD": cluster.app_password_file.read_text().strip()}
        done = subprocess.run([*psql, "select current_database()", postgres.DATABASE], env=env, capture_output=True)
        assert done.stdout.decode().strip() == postgres.DATABASE
        env["PGPASSWORD"] = "wrong"
        refused = subprocess.run([*psql, "select 1", postgres.DATABASE], env=env, capture_output=True)
        assert refused.returncode != 0 and b"password authentication failed" in refused.stderr
        conf = (cluster.data / "postgresql.conf").read_text()
        assert "listen_addresses = '127.0.0.1'" in conf and "unix_socket_directories = ''" in conf
    finally:
        assert postgres.stop(cluster) is True
    assert postgres.running(cluster) is None and postgres.stop(cluster) is False


@pytest.mark.integration
def test_concurrent_requests_are_all_answered_and_uwsgi_spreads_them(label_studio: LabelStudioServer) -> None:
    label_studio.ensure_running()
    headers = {"Authorization": f"Token {label_studio.token}"}
    answers: list[int] = []

    def call() -> None:
        answers.append(httpx.get(f"{label_studio.url}/api/projects/", headers=headers, timeout=60).status_code)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 8  # a new connection each time on uwsgi (Connection: close), none dropped
    if label_studio.backend == "postgres":
        assert uwsgi.database_status(label_studio.data_dir) is not None
        log = label_studio.info.log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        # request lines look like "[pid: 123|app: 0|req: 4/9] 127.0.0.1 () {..} [..] GET /api/projects/ => ..."
        pids = {line.split("[pid: ")[1].split("|")[0] for line in log if "GET /api/projects/ " in line}
        assert len(pids) >= 2
