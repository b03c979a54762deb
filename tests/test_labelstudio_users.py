"""labelstudio.users against a fake server (signing up through the web form is tested with the real one)."""

from __future__ import annotations

import json
import secrets

import pytest
from claimstance import cli, labelstudio
from claimstance.errors import LabelStudioError
from claimstance.labelstudio import users
from conftest import REPO_ROOT, FakeServer, LabelStudioServer, logs_in, recorded


def test_create_user_finds_an_existing_account(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", recorded("users.json"))
    existing = next(u for u in recorded("users.json") if u["email"] == "annotator.one@example.org")
    assert users.create_user("Annotator.One@example.org", connection=fake.connect()) == existing["id"]
    assert not fake.calls("POST", "/api/users/")


def test_create_user_makes_an_account_with_a_random_password(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", recorded("users.json"))
    fake.on("POST", "/api/users/", {"id": 77, "email": "new@example.org", "username": "new@example.org"}, status=201)
    assert users.create_user("new@example.org", first_name="New", connection=fake.connect()) == 77
    body = json.loads(fake.calls("POST", "/api/users/")[0].content)
    assert (body["email"], body["username"], body["first_name"]) == ("new@example.org", "new@example.org", "New")
    assert len(body["password"]) >= 16


def test_users_without_an_e_mail_are_not_listed(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", [{"id": 1, "email": "a@example.org"}, {"id": 2, "email": ""}, {"id": 3}])
    assert users.list_users(connection=fake.connect()) == {1: "a@example.org"}


def test_a_new_annotator_s_password_is_only_in_what_add_returns(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", recorded("users.json"))
    with pytest.raises(LabelStudioError, match="already has an account") as caught:
        users.add_annotator("annotator.one@example.org", connection=fake.connect())
    assert "annotator.one" not in str(caught.value)
    assert users.masked("annotator.one@example.org") == "a***@example.org"


def test_a_refused_account_is_reported_without_the_e_mail(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", recorded("users.json"))
    fake.on("POST", "/api/users/", {"detail": "refused"}, status=400)
    with pytest.raises(LabelStudioError) as caught:
        users.create_user("jane.doe@uni.example.org", connection=fake.connect())
    assert "jane" not in str(caught.value) and "@" not in str(caught.value)
    assert "creating an annotator account" in str(caught.value)


def test_a_refusal_that_echoes_the_e_mail_is_reported_by_pseudonym(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", recorded("users.json"))
    echoed = {"validation_errors": {"email": ["Jane.Doe@uni.example.org is not allowed on this server"]}}
    fake.on("POST", "/api/users/", echoed, status=400)
    with pytest.raises(LabelStudioError) as caught:
        users.create_user("jane.doe@uni.example.org", connection=fake.connect())
    assert "@" not in str(caught.value)
    assert labelstudio.pseudonym("jane.doe@uni.example.org") in str(caught.value)
    assert "is not allowed on this server" in str(caught.value)  # the server's reason is kept


@pytest.mark.integration
def test_an_annotator_s_password_appears_only_in_the_line_for_the_lead(
    label_studio: LabelStudioServer, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    label_studio.ensure_running()
    monkeypatch.setenv("CLAIMSTANCE_LS_DATA_DIR", str(label_studio.data_dir))
    monkeypatch.setenv("CLAIMSTANCE_LS_BIN", str(REPO_ROOT / ".venv-ls" / "bin" / "label-studio"))
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)  # the token comes from the data folder
    email = f"new-annotator-{secrets.token_hex(3)}@example.org"

    cli.main(["annotators", "add", email])
    out, err = capfd.readouterr()
    [line] = out.splitlines()
    password = line.rsplit(" ", 1)[1]
    assert line == f"log in at {label_studio.url} with your e-mail address and password {password}"
    assert len(password) >= 16 and password not in err and email not in out + err
    assert labelstudio.pseudonym(email) in err
    assert logs_in(label_studio.url, email, password)

    cli.main(["annotators", "list"])
    cli.main(["annotators", "deactivate", email])
    out, err = capfd.readouterr()
    assert password not in out + err and email not in out + err  # listed by pseudonym and masked e-mail
    listed = [row.split("\t") for row in out.splitlines()]
    [mine] = [row for row in listed if row[1] == labelstudio.pseudonym(email)]
    assert mine[2] == users.masked(email) and mine[3] == "active"
    assert "deactivated" in err
    assert not logs_in(label_studio.url, email, password)
    for file in label_studio.data_dir.rglob("*"):  # the log, the database (a hash only), the credentials
        assert not file.is_file() or password.encode() not in file.read_bytes(), file
