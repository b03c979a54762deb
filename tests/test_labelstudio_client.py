"""labelstudio.client: retries, one-line errors and authentication, against a fake server (no network)."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest
from claimstance.errors import AuthenticationError, LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import list_users
from claimstance.labelstudio.client import TokenAuth
from claimstance.labelstudio.payloads import PROJECTS_PAGE
from conftest import FAKE_TOKEN, FakeServer, recorded


def jwt(claims: dict[str, object]) -> str:
    def part(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256'})}.{part(claims)}.c2lnbmF0dXJl"


def test_expired_personal_access_token_is_an_authentication_error(fake: FakeServer) -> None:
    expired = jwt({"token_type": "refresh", "exp": int(time.time()) - 60})
    with pytest.raises(AuthenticationError) as caught:
        fake.connect(api_key=expired)
    assert expired not in str(caught.value) and not fake.requests


def test_server_down_is_retried_with_backoff_then_one_line(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(ServerUnavailableError) as caught:
        list_users(connection=fake.connect(retries=3))
    assert len(fake.requests) == 4
    assert fake.waits == sorted(fake.waits) and len(fake.waits) == 3 and max(fake.waits) <= 8
    assert "cannot reach Label Studio at http://ls.test:8089" in str(caught.value)
    assert "claimstance server start" in str(caught.value) and FAKE_TOKEN not in str(caught.value)


def test_a_passing_failure_is_retried_and_succeeds(fake: FakeServer) -> None:
    outcomes = iter([httpx.Response(503), httpx.Response(200, json=recorded("users.json"))])
    fake.on("GET", "/api/users/", lambda r: next(outcomes))
    users = list_users(connection=fake.connect())
    assert users == {u["id"]: u["email"] for u in recorded("users.json")}
    assert "annotator.one@example.org" in users.values() and len(fake.waits) == 1


def test_a_refusal_names_the_action_and_the_servers_reason(fake: FakeServer) -> None:
    fake.on("GET", "/api/projects/", {"detail": "Invalid filter 'title'."}, status=400)
    with pytest.raises(LabelStudioError) as caught:
        fake.connect().get("api/projects/", {}, "looking up project 'p'", PROJECTS_PAGE)
    assert str(caught.value) == (
        "Label Studio at http://ls.test:8089 refused looking up project 'p' (HTTP 400): Invalid filter 'title'."
    )
    assert fake.waits == []  # a refusal is not retried


def test_a_forbidden_call_says_whose_token_to_use(fake: FakeServer) -> None:
    fake.on("GET", "/api/projects/", {"detail": "no"}, status=403)
    with pytest.raises(AuthenticationError, match=r"HTTP 403.*project owner or administrator"):
        fake.connect().get("api/projects/", {}, "looking up project 'p'", PROJECTS_PAGE)


@pytest.mark.parametrize("body", [b"<html>captive portal</html>", b'"a JSON string"', b'{"results": "no list"}'])
def test_an_answer_of_another_shape_is_one_line(fake: FakeServer, body: bytes) -> None:
    fake.on("GET", "/api/projects/", body)
    with pytest.raises(LabelStudioError, match="did not answer like Label Studio") as caught:
        fake.connect().get("api/projects/", {}, "looking up project 'p'", PROJECTS_PAGE)
    assert "check LABEL_STUDIO_URL" in str(caught.value) and "\n" not in str(caught.value)


def test_a_404_is_nothing_found_or_an_error_as_asked(fake: FakeServer) -> None:
    conn = fake.connect()
    assert conn.find("api/projects/", {}, "looking up project 'p'", PROJECTS_PAGE) is None
    with pytest.raises(LabelStudioError, match="HTTP 404"):
        conn.get("api/projects/", {}, "looking up project 'p'", PROJECTS_PAGE)


def test_a_legacy_token_is_sent_as_is() -> None:
    assert TokenAuth(FAKE_TOKEN, lambda refresh: pytest.fail("a legacy token is never refreshed")).header() == (
        f"Token {FAKE_TOKEN}"
    )


def test_a_personal_access_token_is_exchanged_and_renewed_before_it_expires() -> None:
    refresh = jwt({"token_type": "refresh", "exp": int(time.time()) + 86400})
    issued = [jwt({"token_type": "access", "exp": int(time.time()) + 10}), jwt({"exp": int(time.time()) + 300})]
    asked: list[str] = []

    def exchange(token: str) -> str:
        asked.append(token)
        return issued[len(asked) - 1]

    auth = TokenAuth(refresh, exchange)
    assert auth.header() == f"Bearer {issued[0]}"  # expires within the margin: renewed at the next request
    assert auth.header() == f"Bearer {issued[1]}"
    assert auth.header() == f"Bearer {issued[1]}"  # still valid: no third exchange
    assert asked == [refresh, refresh]


def test_calls_without_the_sdk_carry_the_exchanged_access_token(fake: FakeServer) -> None:
    refresh = jwt({"token_type": "refresh", "exp": int(time.time()) + 86400})
    access = jwt({"token_type": "access", "exp": int(time.time()) + 300})
    fake.on("POST", "/api/token/refresh/", {"access": access})
    fake.on("GET", "/api/projects/", {"results": []})
    fake.connect(api_key=refresh).get("api/projects/", {}, "looking up project 'p'", PROJECTS_PAGE)
    (listing,) = fake.calls("GET", "/api/projects/")
    assert listing.headers["Authorization"] == f"Bearer {access}"
    assert json.loads(fake.calls("POST", "/api/token/refresh/")[0].content) == {"refresh": refresh}
