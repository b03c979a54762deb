"""Settings are resolved when called, and secrets never reach a message."""

from __future__ import annotations

import pytest
from claimstance import config
from claimstance.errors import AuthenticationError


def test_argument_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    assert config.server_settings().url == f"http://127.0.0.1:{config.DEFAULT_PORT}"
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://ls.example:9000/")
    assert config.server_settings().url == "http://ls.example:9000"
    assert config.server_settings(url="http://other:1").url == "http://other:1"


def test_token_is_never_in_repr_or_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "sekret-token-0123456789abcdef"
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", token)
    settings = config.server_settings()
    assert settings.api_key == token
    assert token not in repr(settings)
    error = AuthenticationError(f"server refused Token {token}", hint=f"check {token}")
    assert token not in str(error) and token not in error.one_line()


def test_redact_removes_jwts_and_hub_tokens() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    text = config.redact(f"Bearer {jwt} and hf_abcdefghijklmnopqrstuvwx")
    assert "eyJ" not in text and "hf_abc" not in text
