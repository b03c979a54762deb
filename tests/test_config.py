"""Settings are resolved when called, and secrets never reach a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimstance import config
from claimstance.errors import AuthenticationError, NotAStudyError


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


def test_the_study_is_found_by_walking_up_and_outside_one_it_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMSTANCE_ROOT", raising=False)
    monkeypatch.delenv("CLAIMSTANCE_LS_DATA_DIR", raising=False)
    (tmp_path / "study" / "seeds").mkdir(parents=True)
    (tmp_path / "study" / "claimstance.toml").write_text('project = "pilot"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "study" / "seeds")
    assert config.project_root() == tmp_path / "study"
    assert config.study().config.project == "pilot"
    assert config.data_dir() == tmp_path / "study" / "var" / "label-studio"
    monkeypatch.chdir(tmp_path)
    assert config.find_project_root() is None
    with pytest.raises(NotAStudyError) as caught:
        config.data_dir()
    assert str(caught.value) == (
        f"{tmp_path}: not inside a claimstance study (no claimstance.toml here or above) "
        "(create one with 'claimstance init DIR', or pass --study DIR)"
    )
    monkeypatch.setenv("CLAIMSTANCE_ROOT", str(tmp_path / "study"))
    assert config.study().root == tmp_path / "study"


def test_the_studys_url_comes_after_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    assert config.server_settings(study_url="http://study:1").url == "http://study:1"
    assert config.server_settings("http://arg:2", study_url="http://study:1").url == "http://arg:2"
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://env:3")
    assert config.server_settings(study_url="http://study:1").url == "http://env:3"
