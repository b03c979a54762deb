"""labelstudio.credentials: generated per data folder, owner-only, legacy folders marked for rotation."""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import subprocess
from pathlib import Path

import httpx
import pytest
from claimstance import cli, config, labelstudio
from claimstance.errors import LabelStudioError
from claimstance.labelstudio import credentials, server
from conftest import LabelStudioServer, logs_in
from pydantic import SecretStr

# What earlier versions published in config.py and api.py (tests are the one place these may stay).
PUBLISHED_TOKEN = "c1a1e5ba5e0000000000000000000000000000aa"
PUBLISHED_ADMIN_PASSWORD = "claimstance-local-admin"
PUBLISHED_DEMO_PASSWORD = "annotate-claims"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _clear(values: credentials.Credentials) -> tuple[str, ...]:
    return tuple(values.secret_values())


def test_two_fresh_data_folders_get_different_passwords_tokens_and_keys(tmp_path: Path) -> None:
    first = credentials.ensure(tmp_path / "a")
    second = credentials.ensure(tmp_path / "b")
    for one, other in zip(_clear(first), _clear(second), strict=True):
        assert one != other
    assert len(first.api_token.get_secret_value()) == 40  # a legacy token, like Label Studio's own
    assert credentials.weaknesses(first) == [] and credentials.weaknesses(second) == []
    assert credentials.ensure(tmp_path / "a") == first  # stable across starts


def test_the_credentials_file_is_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        credentials.ensure(tmp_path / "d")
    finally:
        os.umask(old)
    file = credentials.path(tmp_path / "d")
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert not [p for p in (tmp_path / "d").iterdir() if p.name.endswith(".tmp")]  # written atomically


def test_a_credentials_file_others_can_read_is_refused(tmp_path: Path) -> None:
    credentials.ensure(tmp_path)
    credentials.path(tmp_path).chmod(0o644)
    with pytest.raises(LabelStudioError, match="readable by other users") as caught:
        credentials.read(tmp_path)
    assert "chmod 600" in str(caught.value)


def test_a_damaged_credentials_file_is_one_clear_error(tmp_path: Path) -> None:
    credentials.ensure(tmp_path)
    credentials.path(tmp_path).write_text('{"admin_email": "x"}', encoding="utf-8")
    with pytest.raises(LabelStudioError, match="unreadable or damaged"):
        credentials.read(tmp_path)


def test_secrets_never_show_in_repr_and_are_redacted_once_read(tmp_path: Path) -> None:
    made = credentials.ensure(tmp_path)
    credentials.read(tmp_path)
    for secret in _clear(made):
        assert secret not in repr(made) and secret not in str(made)
        assert config.redact(f"failed with {secret}") == "failed with ***"
    stored = json.loads(credentials.path(tmp_path).read_text(encoding="utf-8"))
    assert stored["api_token"] == made.api_token.get_secret_value()  # in clear in the 0600 file only


def test_a_folder_made_by_an_earlier_version_is_marked_for_rotation(tmp_path: Path) -> None:
    (tmp_path / credentials.LEGACY_SECRET_FILE).write_text("an-old-secret-key", encoding="utf-8")
    (tmp_path / credentials.LEGACY_DATABASE_FILE).write_bytes(b"")
    assert credentials.is_legacy(tmp_path)
    pending = credentials.ensure(tmp_path)
    assert pending.rotation_pending and not credentials.is_legacy(tmp_path)
    assert credentials.ensure(tmp_path).rotation_pending  # a failed rotation is tried again on the next start
    with pytest.raises(LabelStudioError, match="no local Label Studio credentials"):
        credentials.local(tmp_path)  # nothing may use them before the database holds them
    done = credentials.rotated(tmp_path, pending)
    assert not done.rotation_pending and credentials.local(tmp_path) == done
    assert not (tmp_path / credentials.LEGACY_SECRET_FILE).exists()


def test_a_fresh_folder_is_not_legacy(tmp_path: Path) -> None:
    assert not credentials.is_legacy(tmp_path)
    assert not credentials.ensure(tmp_path).rotation_pending


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("api_token", PUBLISHED_TOKEN, "published"),
        ("admin_password", PUBLISHED_ADMIN_PASSWORD, "published"),
        ("demo_password", PUBLISHED_DEMO_PASSWORD, "published"),
        ("admin_password", "short-pass", "weak"),
        ("secret_key", "a" * 80, "weak"),
    ],
)
def test_default_and_weak_credentials_are_named(field: str, value: str, reason: str) -> None:
    weak = credentials.generate().model_copy(update={field: SecretStr(value)})
    problems = credentials.weaknesses(weak)
    assert len(problems) == 1 and reason in problems[0]
    assert value not in problems[0]


# ---- a data folder made by an earlier version, against the real server ---------------------------------
REPO_ROOT = Path(__file__).resolve().parent.parent
BINARY = REPO_ROOT / ".venv-ls" / "bin" / "label-studio"
MAKE_DEMO_ANNOTATOR = """
from label_studio.server import _setup_env
_setup_env()
from organizations.models import Organization
from users.models import User
user = User.objects.create_user(email="annotator@claimstance.local", password="annotate-claims")
Organization.objects.first().add_user(user)
"""


def legacy_folder(data: Path) -> None:
    """A data folder as earlier versions left it: the published admin, token and demo annotator."""
    data.mkdir(mode=0o700)
    key = secrets.token_urlsafe(50)
    (data / credentials.LEGACY_SECRET_FILE).write_text(key, encoding="utf-8")
    env = {
        **os.environ,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data),
        "LABEL_STUDIO_DATABASE_NAME": str(data / credentials.LEGACY_DATABASE_FILE),
        "LABEL_STUDIO_USERNAME": config.LOCAL_ADMIN_EMAIL,
        "LABEL_STUDIO_PASSWORD": PUBLISHED_ADMIN_PASSWORD,
        "LABEL_STUDIO_USER_TOKEN": PUBLISHED_TOKEN,
        "LABEL_STUDIO_LATEST_VERSION_CHECK": "false",
        "LABEL_STUDIO_COLLECT_ANALYTICS": "false",
        "SENTRY_DSN": "",
        "LABEL_STUDIO_SENTRY_DSN": "",
        "SECRET_KEY": key,
        "XDG_CONFIG_HOME": str(data / "xdg" / "config"),
        "XDG_CACHE_HOME": str(data / "xdg" / "cache"),
        "XDG_DATA_HOME": str(data / "xdg" / "data"),
    }
    init = [str(BINARY), "init", "--quiet", "--data-dir", str(data), "--enable-legacy-api-token"]
    subprocess.run(init, env=env, cwd=data, check=True, capture_output=True, timeout=600)
    python = str(BINARY.parent / "python")
    subprocess.run([python, "-c", MAKE_DEMO_ANNOTATOR], env=env, cwd=data, check=True, capture_output=True, timeout=300)


@pytest.mark.integration
def test_a_folder_made_with_the_published_constants_is_rotated_and_refuses_them(tmp_path: Path) -> None:
    data = tmp_path / "legacy"
    legacy_folder(data)
    assert credentials.is_legacy(data)
    info = server.start(server.find_free_port(), data, binary=BINARY)
    try:
        new = credentials.local(data)
        assert stat.S_IMODE(credentials.path(data).stat().st_mode) == 0o600
        assert not (data / credentials.LEGACY_SECRET_FILE).exists()

        def projects(token: str) -> int:
            headers = {"Authorization": f"Token {token}"}
            return httpx.get(f"{info.url}/api/projects/", headers=headers, timeout=60).status_code

        assert projects(PUBLISHED_TOKEN) == 401
        assert projects(new.api_token.get_secret_value()) == 200
        assert not logs_in(info.url, config.LOCAL_ADMIN_EMAIL, PUBLISHED_ADMIN_PASSWORD)
        assert logs_in(info.url, config.LOCAL_ADMIN_EMAIL, new.admin_password.get_secret_value())
        assert not logs_in(info.url, config.DEMO_ANNOTATOR_EMAIL, PUBLISHED_DEMO_PASSWORD)
        assert logs_in(info.url, config.DEMO_ANNOTATOR_EMAIL, new.demo_password.get_secret_value())
    finally:
        server.stop(data)


def test_a_file_from_before_the_demo_e_mail_was_kept_gains_it_with_nothing_else_changed(tmp_path: Path) -> None:
    made = credentials.ensure(tmp_path)
    stored = json.loads(credentials.path(tmp_path).read_text(encoding="utf-8"))
    del stored["demo_email"]  # what earlier versions wrote
    credentials.path(tmp_path).write_text(json.dumps(stored), encoding="utf-8")
    assert credentials.demo_login(tmp_path) == credentials.path(tmp_path)
    again = json.loads(credentials.path(tmp_path).read_text(encoding="utf-8"))
    assert again == {**stored, "demo_email": config.DEMO_ANNOTATOR_EMAIL}
    assert stat.S_IMODE(credentials.path(tmp_path).stat().st_mode) == 0o600
    assert credentials.local(tmp_path) == made


@pytest.mark.integration
def test_the_demo_prints_no_e_mail_and_its_annotator_logs_in_with_the_credentials_file(
    label_studio: LabelStudioServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    label_studio.ensure_running()
    study = tmp_path / "study"
    cli.main(["init", str(study)])
    for seed in (REPO_ROOT / "seeds").glob("*.txt"):
        (study / "seeds" / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.setenv("CLAIMSTANCE_LS_DATA_DIR", str(label_studio.data_dir))
    monkeypatch.setenv("CLAIMSTANCE_LS_BIN", str(BINARY))
    capfd.readouterr()

    cli.main(["demo", "--study", str(study), "--port", str(label_studio.port)])
    out, err = capfd.readouterr()
    login = credentials.path(label_studio.data_dir)
    stored = json.loads(login.read_text(encoding="utf-8"))
    assert not EMAIL.search(out + err), out + err
    assert stored["demo_password"] not in out + err
    assert f"in {login}" in out and labelstudio.pseudonym(stored["demo_email"]) in out
    assert stat.S_IMODE(login.stat().st_mode) == 0o600
    assert logs_in(label_studio.url, stored["demo_email"], stored["demo_password"])
