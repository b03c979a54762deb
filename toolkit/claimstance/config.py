"""Settings, resolved when called: an explicit argument, then the environment, then a default.

The study folder (:mod:`claimstance.layout`) sits between the environment and the default: a study's
``claimstance.toml`` names its project and Label Studio address. Nothing here reads the environment at import
time or in a default argument, so a researcher can change ``os.environ`` in a notebook and the next call
sees it.

The embedded default is a local Label Studio on 127.0.0.1 whose admin password and API token are generated
per data folder (``claimstance.labelstudio.credentials``); with no ``LABEL_STUDIO_API_KEY`` the connection
to that server reads its token from there. A user's own server comes from ``LABEL_STUDIO_URL`` and
``LABEL_STUDIO_API_KEY``, the names the Label Studio SDK itself uses.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from claimstance import layout
from claimstance.errors import NotAStudyError

DEFAULT_PORT = 8089
LABEL_STUDIO_VERSION = "1.23.2"
"""The Label Studio release ``claimstance server install`` pins (its API was read for this one)."""
LOCAL_ADMIN_EMAIL = "admin@claimstance.local"
DEMO_ANNOTATOR_EMAIL = "annotator@claimstance.local"

_SECRET_ENV = ("LABEL_STUDIO_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "LABEL_STUDIO_USER_TOKEN")
_SECRET_PATTERNS = [
    re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),  # JWT (personal access tokens)
    re.compile(r"\bhf_[A-Za-z0-9]{16,}\b"),
    re.compile(r"((?:Token|Bearer)\s+)[A-Za-z0-9._-]{8,}"),
]
# Secrets this process has read or generated (the local server's credentials): redacted from all output.
_KNOWN_SECRETS: set[str] = set()


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def resolve(value: str | None, env: str, default: str) -> str:
    """Return ``value`` if given, else the environment variable ``env`` if set, else ``default``."""
    if value:
        return value
    return _env(env) or default


def find_project_root(root: str | Path | None = None) -> Path | None:
    """The study folder: argument, ``CLAIMSTANCE_ROOT``, or the nearest one at or above the current directory.

    ``None`` when the current directory is in no study; an argument or ``CLAIMSTANCE_ROOT`` is taken as given
    (:func:`layout.read_study` then says whether it is a study).
    """
    explicit = resolve(str(root) if root else None, "CLAIMSTANCE_ROOT", "")
    if explicit:
        return Path(explicit).resolve()
    return layout.find_study_root(os.getcwd())


def project_root(root: str | Path | None = None) -> Path:
    """Like :func:`find_project_root`, but outside any study it raises :class:`NotAStudyError`."""
    found = find_project_root(root)
    if found is None:
        raise NotAStudyError(f"not inside a claimstance study (no {layout.STUDY_FILE} here or above)", path=os.getcwd())
    return found


def study(root: str | Path | None = None) -> layout.Study:
    """The study (folder and validated ``claimstance.toml``) that :func:`project_root` finds."""
    return layout.read_study(project_root(root))


def data_dir(path: str | Path | None = None, root: str | Path | None = None) -> Path:
    """Where the embedded Label Studio keeps its SQLite database and media (the study's ``var/label-studio``)."""
    explicit = resolve(str(path) if path else None, "CLAIMSTANCE_LS_DATA_DIR", "")
    if explicit:
        return Path(explicit).resolve()
    return layout.Study(project_root(root), layout.StudyConfig()).data_dir


def label_studio_venv(path: str | Path | None = None) -> Path:
    """Label Studio's own virtual environment: argument, ``CLAIMSTANCE_LS_VENV``, or the user's data directory.

    The default is ``label-studio-<version>`` under ``platformdirs.user_data_dir("claimstance")`` (on Linux
    ``$XDG_DATA_HOME/claimstance``, else ``~/.local/share/claimstance``), shared by every study of the user.
    """
    from platformdirs import user_data_dir

    default = Path(user_data_dir("claimstance", appauthor=False)) / f"label-studio-{LABEL_STUDIO_VERSION}"
    return Path(resolve(str(path) if path else None, "CLAIMSTANCE_LS_VENV", str(default))).absolute()


def label_studio_bin(path: str | Path | None = None) -> Path:
    """The ``label-studio`` executable: argument, ``CLAIMSTANCE_LS_BIN``, or the one in :func:`label_studio_venv`."""
    default = label_studio_venv() / "bin" / "label-studio"
    return Path(resolve(str(path) if path else None, "CLAIMSTANCE_LS_BIN", str(default)))


@dataclass(frozen=True)
class ServerSettings:
    """Where Label Studio is and how to authenticate; ``repr`` never shows the token."""

    url: str
    api_key: str
    timeout: float
    retries: int

    def __repr__(self) -> str:
        return f"ServerSettings(url={self.url!r}, api_key='***', timeout={self.timeout}, retries={self.retries})"


def server_settings(
    url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    retries: int | None = None,
    *,
    study_url: str | None = None,
) -> ServerSettings:
    """Resolve the Label Studio address, token, timeout (s) and retry budget.

    The address is ``url``, else ``LABEL_STUDIO_URL``, else ``study_url`` (the study's ``label_studio_url``),
    else the local server. With no token (argument or ``LABEL_STUDIO_API_KEY``) ``api_key`` is empty:
    connecting to the local server then reads the token from its credentials file.
    """
    return ServerSettings(
        url=resolve(url, "LABEL_STUDIO_URL", study_url or f"http://127.0.0.1:{DEFAULT_PORT}").rstrip("/"),
        api_key=resolve(api_key, "LABEL_STUDIO_API_KEY", ""),
        timeout=float(timeout if timeout is not None else resolve(None, "CLAIMSTANCE_TIMEOUT", "300")),
        retries=int(retries if retries is not None else resolve(None, "CLAIMSTANCE_RETRIES", "4")),
    )


def register_secret(value: str) -> None:
    """Add a secret this process holds (a password, a token) to those :func:`redact` removes."""
    if len(value) >= 6:
        _KNOWN_SECRETS.add(value)


def redact(text: str) -> str:
    """Remove every known secret (tokens from the environment, registered secrets, JWTs, hf_ tokens)."""
    secrets = sorted(_KNOWN_SECRETS, key=len, reverse=True)
    secrets += [v for v in (_env(n) for n in _SECRET_ENV) if v and len(v) >= 6]
    for secret in secrets:
        text = text.replace(secret, "***")
    text = _SECRET_PATTERNS[0].sub("***", text)
    text = _SECRET_PATTERNS[1].sub("***", text)
    return _SECRET_PATTERNS[2].sub(r"\1***", text)
