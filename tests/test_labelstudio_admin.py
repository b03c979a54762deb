"""labelstudio.admin (and the listing in users) against a stand-in for Label Studio's Python."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from claimstance import labelstudio
from claimstance.errors import AuthenticationError, LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import admin, credentials, users
from claimstance.labelstudio.client import with_token
from conftest import FakeServer

ACCOUNTS = [
    {"id": 1, "email": "admin@claimstance.local", "active": True, "admin": True},
    {"id": 2, "email": "jane@uni.example.org", "active": True, "admin": False},
    {"id": 3, "email": "joe@uni.example.org", "active": False, "admin": False},
]


def fake_python(folder: Path, answer: object, *, exit_code: int = 0) -> Path:
    """A 'python' that records its arguments and stdin, then prints ``answer`` as the script would."""
    folder.mkdir(parents=True, exist_ok=True)
    python = folder / "python"
    result = f"{admin.RESULT_PREFIX}{json.dumps(answer)}" if answer is not None else "Traceback: it broke"
    python.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > "{folder}/argv"\n'
        f'cat > "{folder}/stdin"\n'
        "echo 'Django warming up'\n"
        f"echo '{result}' >&{2 if exit_code else 1}\n"
        f"exit {exit_code}\n",
        encoding="utf-8",
    )
    python.chmod(0o700)
    return python


def test_secrets_travel_on_stdin_never_on_the_command_line(tmp_path: Path) -> None:
    python = fake_python(tmp_path / "bin", {"admin": True, "demo": False})
    made = credentials.generate()
    admin.rotate(made, python=python, env=dict(os.environ), cwd=tmp_path)
    argv = (tmp_path / "bin" / "argv").read_text(encoding="utf-8")
    request = json.loads((tmp_path / "bin" / "stdin").read_text(encoding="utf-8"))
    assert argv.split()[-1] == "rotate"
    for secret in (made.admin_password, made.api_token, made.demo_password):
        assert secret.get_secret_value() not in argv
    assert request["api_token"] == made.api_token.get_secret_value()
    assert request["demo_email"] == "annotator@claimstance.local"


def test_a_failing_script_is_one_clear_error_with_its_last_lines(tmp_path: Path) -> None:
    python = fake_python(tmp_path / "bin", None, exit_code=1)
    with pytest.raises(LabelStudioError, match=r"failed \(list, exit 1\)") as caught:
        admin.accounts(python=python, env=dict(os.environ), cwd=tmp_path)
    assert caught.value.detail is not None and "it broke" in caught.value.detail


def test_no_label_studio_python_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(ServerUnavailableError, match="make setup"):
        admin.accounts(python=tmp_path / "python", env={}, cwd=tmp_path)


def test_annotators_are_listed_by_pseudonym_and_masked_e_mail_without_administrators(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_python(tmp_path / "bin", {"accounts": ACCOUNTS})
    data = tmp_path / "data"
    credentials.ensure(data)
    monkeypatch.setenv("CLAIMSTANCE_LS_BIN", str(tmp_path / "bin" / "label-studio"))
    listed = users.annotators(data)
    assert [(a.id, a.email_hint, a.active) for a in listed] == [
        (2, "j***@uni.example.org", True),
        (3, "j***@uni.example.org", False),
    ]
    assert listed[0].pseudonym == labelstudio.pseudonym("jane@uni.example.org") != listed[1].pseudonym


def test_administrators_and_unknown_accounts_are_not_deactivated(tmp_path: Path) -> None:
    python = fake_python(tmp_path / "admin", {"found": True, "id": 1, "admin": True})
    with pytest.raises(LabelStudioError, match="user 1 is an administrator"):
        admin.deactivate("1", python=python, env={}, cwd=tmp_path)
    assert json.loads((tmp_path / "admin" / "stdin").read_text(encoding="utf-8")) == {"id": 1}
    python = fake_python(tmp_path / "nobody", {"found": False})
    with pytest.raises(LabelStudioError, match="no such account"):
        admin.deactivate("nobody@example.org", python=python, env={}, cwd=tmp_path)


def test_listing_a_folder_where_no_server_ever_ran_says_to_start_one(tmp_path: Path) -> None:
    with pytest.raises(LabelStudioError, match="claimstance server start"):
        users.annotators(tmp_path / "empty")
    assert not (tmp_path / "empty").exists()


def test_the_local_token_goes_only_to_the_local_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake: FakeServer
) -> None:
    monkeypatch.setenv("CLAIMSTANCE_LS_DATA_DIR", str(tmp_path))  # credentials here, but no server running
    credentials.ensure(tmp_path)
    given = fake.settings()
    assert with_token(given) is given
    with pytest.raises(AuthenticationError, match="no API token") as caught:
        with_token(given.__class__(url="http://127.0.0.1:8089", api_key="", timeout=5, retries=0))
    assert "LABEL_STUDIO_API_KEY" in str(caught.value)
