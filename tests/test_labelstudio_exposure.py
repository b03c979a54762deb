"""labelstudio.exposure: the server opens to other machines only when asked, and then only safely."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from claimstance import config
from claimstance.errors import LabelStudioError
from claimstance.labelstudio import credentials, exposure, server, users
from conftest import REPO_ROOT
from pydantic import SecretStr


def test_by_default_the_server_is_loopback_only_and_unchanged() -> None:
    opening = exposure.plan(None, 8089, None)
    assert (opening.bind, opening.is_open, opening.local_url) == ("127.0.0.1", False, "http://127.0.0.1:8089")
    assert exposure.environment(opening) == {} and exposure.advice(opening) == []
    weak = credentials.generate().model_copy(update={"admin_password": SecretStr("x")})
    exposure.check_credentials(opening, weak)  # loopback: the demo is never blocked


def test_every_interface_needs_the_address_annotators_open() -> None:
    with pytest.raises(LabelStudioError, match="needs --public-url"):
        exposure.plan("0.0.0.0", 8089, None)


def test_an_opened_server_accepts_its_public_host_only_and_trusts_its_forms() -> None:
    opening = exposure.plan("0.0.0.0", 8089, "https://annotate.example.org/")
    assert opening.is_open and opening.public_url == "https://annotate.example.org"
    assert opening.local_url == "http://127.0.0.1:8089"  # health checks stay on this machine
    env = exposure.environment(opening)
    assert env["LABEL_STUDIO_HOST"] == "https://annotate.example.org"
    assert env["LABEL_STUDIO_ALLOWED_HOSTS"].split(",") == ["annotate.example.org", "127.0.0.1", "localhost"]
    assert env["LABEL_STUDIO_CSRF_TRUSTED_ORIGINS"] == "https://annotate.example.org"
    assert env["LABEL_STUDIO_SESSION_COOKIE_SECURE"] == env["LABEL_STUDIO_CSRF_COOKIE_SECURE"] == "1"


def test_one_interface_without_a_proxy_gets_a_warning_about_plain_http() -> None:
    opening = exposure.plan("10.0.0.5", 8090, None)
    assert opening.public_url == "http://10.0.0.5:8090" and opening.local_url == "http://10.0.0.5:8090"
    assert "10.0.0.5" in exposure.environment(opening)["LABEL_STUDIO_ALLOWED_HOSTS"].split(",")
    assert "LABEL_STUDIO_SESSION_COOKIE_SECURE" not in exposure.environment(opening)
    advice = "\n".join(exposure.advice(opening))
    assert "unencrypted" in advice and "TLS reverse proxy" in advice


def test_a_proxy_on_this_machine_keeps_the_server_on_loopback_but_open() -> None:
    opening = exposure.plan(None, 8089, "https://annotate.example.org")
    assert opening.bind == "127.0.0.1" and opening.is_open
    assert "unencrypted" not in "\n".join(exposure.advice(opening))


@pytest.mark.parametrize(
    ("host", "url", "message"),
    [
        ("annotate.example.org", None, "not an IPv4 address"),
        ("::", None, "not an IPv4 address"),
        ("0.0.0.0", "ftp://annotate.example.org", "not an http"),
        ("0.0.0.0", "https://example.org/label-studio", "has a path"),
    ],
)
def test_bad_addresses_are_one_clear_error(host: str, url: str | None, message: str) -> None:
    with pytest.raises(LabelStudioError, match=message):
        exposure.plan(host, 8089, url)


def test_an_opened_server_refuses_default_or_weak_credentials() -> None:
    opening = exposure.plan("0.0.0.0", 8089, "https://annotate.example.org")
    exposure.check_credentials(opening, credentials.generate())
    published = credentials.generate().model_copy(update={"admin_password": SecretStr("claimstance-local-admin")})
    with pytest.raises(LabelStudioError, match=r"refusing to listen on 0\.0\.0\.0: the admin password is one"):
        exposure.check_credentials(opening, published)
    with pytest.raises(LabelStudioError, match="not been rotated"):
        exposure.check_credentials(opening, credentials.generate(rotation_pending=True))


def test_start_refuses_to_open_a_server_with_weak_credentials_before_it_runs(tmp_path: Path) -> None:
    binary = tmp_path / "label-studio"
    binary.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")  # never run: the refusal comes first
    data = tmp_path / "data"
    credentials.write(data, credentials.generate().model_copy(update={"api_token": SecretStr("short-token")}))
    port = server.find_free_port()
    with pytest.raises(LabelStudioError, match="the API token is weak"):
        server.start(port, data, binary=binary, host="0.0.0.0", public_url="https://annotate.example.org")
    assert server.status(data) is None and not (data / server.LOG_FILE).exists()


@pytest.mark.integration
def test_an_opened_server_answers_for_its_public_address_only_and_logs_in_behind_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, public = tmp_path / "team", "https://annotate.example.org"
    monkeypatch.setenv("CLAIMSTANCE_LS_DATA_DIR", str(data))
    binary = REPO_ROOT / ".venv-ls" / "bin" / "label-studio"
    info = server.start(server.find_free_port(), data, binary=binary, public_url=public)
    try:
        assert info.public_url == public and server.status(data) == info
        admin = credentials.local(data)
        assert httpx.get(f"{info.url}/user/login/", headers={"Host": "evil.example.com"}, timeout=60).status_code == 400
        # A browser at the public address, through the TLS proxy: the proxy passes Host, the browser sends Origin.
        page = httpx.get(f"{info.url}/user/login/", headers={"Host": "annotate.example.org"}, timeout=60)
        csrf = page.cookies["csrftoken"]
        assert "Secure" in page.headers["set-cookie"]

        def login(origin: str) -> int:
            headers = {"Host": "annotate.example.org", "Origin": origin, "Cookie": f"csrftoken={csrf}"}
            form = {"email": config.LOCAL_ADMIN_EMAIL, "password": admin.admin_password.get_secret_value()}
            response = httpx.post(
                f"{info.url}/user/login/", headers=headers, data={**form, "csrfmiddlewaretoken": csrf}, timeout=60
            )
            return response.status_code

        assert login(public) == 302
        assert login("https://evil.example.com") == 403
        settings = config.server_settings(url=info.url)  # no token given: the local one, from the data folder
        new = users.add_annotator("team.member@example.org", settings=settings)
        assert new.login_url == public
        with httpx.Client(base_url=info.url, timeout=60) as stranger:  # a user of this machine, without the link
            token = stranger.get("/user/signup/").cookies["csrftoken"]
            form = {"email": "someone@example.org", "password": "a-password-of-my-own", "csrfmiddlewaretoken": token}
            refused = stranger.post("/user/signup/", data=form, headers={"Cookie": f"csrftoken={token}"})
            assert refused.status_code == 403 and "CSRF" not in refused.text  # refused for want of the link
        assert "someone@example.org" not in users.list_users(settings=settings).values()
    finally:
        server.stop(data)
