"""labelstudio.users against a fake server (signing up through the web form is tested with the real one)."""

from __future__ import annotations

import json

from claimstance.labelstudio import users
from conftest import FakeServer, recorded


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
