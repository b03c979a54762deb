"""The local server's credentials: generated per data folder, kept there readable by the owner only.

On the first start of a data folder the admin password, its legacy API token, Django's ``SECRET_KEY`` and
the demo annotator's password are drawn from :mod:`secrets` and written to ``credentials.json`` (mode
0600, atomically), with the demo annotator's e-mail beside its password. The CLI reads them from there, so
nobody types them, none is in the source and no command prints them.

A data folder made before this file existed (admin and token were constants published in the source) is
*legacy*: its credentials are generated the same way and marked ``rotation_pending`` until the server's
database has been rewritten to them (:mod:`.admin` does that before the server listens), so a start that
fails half-way rotates again on the next one.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import stat
from pathlib import Path

from pydantic import BaseModel, ConfigDict, SecretStr, ValidationError

from claimstance import config, io
from claimstance.errors import LabelStudioError

CREDENTIALS_FILE = "credentials.json"
LEGACY_SECRET_FILE = "secret_key"
"""Where the data folders of earlier versions kept their Django secret key (now in the credentials)."""
LEGACY_DATABASE_FILE = "label_studio.sqlite3"

MIN_PASSWORD = 16
MIN_TOKEN = 32
MIN_SECRET_KEY = 50
# SHA-256 of the credentials earlier versions published in their source (admin and demo passwords, the
# admin token): a server opened to a team refuses them even in a hand-edited credentials file.
_PUBLISHED_SHA256 = frozenset(
    {
        "bb9c0c31de78b5da6386a4800b56bec18898c94d1677c253256d5a0eb8948f1a",
        "803ef587462cf64c4b6710dda9c73f6b9f811865a07c2260908b0067d6e32520",
        "d0f781f7b1757a3c004b1955cbf8bfee7e582cad0175eea9ef09a6b851556a1b",
    }
)


class Credentials(BaseModel):
    """The secrets of one local server; ``repr`` and ``str`` never show them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    admin_email: str
    admin_password: SecretStr
    api_token: SecretStr
    secret_key: SecretStr
    demo_password: SecretStr
    demo_email: str = config.DEMO_ANNOTATOR_EMAIL
    """The demo annotator's login, kept beside its password (files written before it lack it: the default)."""
    rotation_pending: bool = False

    def secret_values(self) -> list[str]:
        """Every secret in clear, for redaction."""
        fields = (self.admin_password, self.api_token, self.secret_key, self.demo_password)
        return [field.get_secret_value() for field in fields]


def generate(*, rotation_pending: bool = False) -> Credentials:
    """Fresh credentials from a cryptographic source (a legacy token is 40 hex digits, as Label Studio's)."""
    return Credentials(
        admin_email=config.LOCAL_ADMIN_EMAIL,
        admin_password=SecretStr(secrets.token_urlsafe(24)),
        api_token=SecretStr(secrets.token_hex(20)),
        secret_key=SecretStr(secrets.token_urlsafe(MIN_SECRET_KEY)),
        demo_password=SecretStr(secrets.token_urlsafe(18)),
        rotation_pending=rotation_pending,
    )


def path(directory: Path) -> Path:
    """The credentials file of a data folder."""
    return directory / CREDENTIALS_FILE


def is_legacy(directory: Path) -> bool:
    """Whether ``directory`` holds a server made with the published constants (and no credentials file yet)."""
    if path(directory).exists():
        return False
    return (directory / LEGACY_SECRET_FILE).exists() or (directory / LEGACY_DATABASE_FILE).exists()


def read(directory: Path) -> Credentials | None:
    """The credentials of ``directory``, or None when it has none; refuses a file others can read."""
    file = path(directory)
    try:
        info = file.stat()
    except FileNotFoundError:
        return None
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise LabelStudioError(
            "the server's credentials file is readable by other users of this machine",
            path=file,
            hint=f"run: chmod 600 {file}",
        )
    try:
        credentials = Credentials.model_validate_json(file.read_bytes())
    except (OSError, ValidationError):
        raise LabelStudioError(
            "the server's credentials file is unreadable or damaged",
            path=file,
            hint="restore it from a backup; without it the admin account cannot be reached",
        ) from None
    _register(credentials)
    return credentials


def write(directory: Path, credentials: Credentials) -> Path:
    """Write the credentials atomically, owner-only (0600) from the first byte; return the file."""
    target = path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {
        name: value.get_secret_value() if isinstance(value, SecretStr) else value
        for name, value in credentials.model_dump().items()
    }
    with io.atomic_writer(target, private=True) as fh:
        fh.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
    _register(credentials)
    return target


def local(directory: Path) -> Credentials:
    """The credentials of the local server kept in ``directory``; an error when it has never started."""
    found = read(directory)
    if found is None or found.rotation_pending:
        raise LabelStudioError(
            f"no local Label Studio credentials in {directory}",
            hint="start the local server once with 'claimstance server start' (it creates or rotates them)",
        )
    return found


def ensure(directory: Path) -> Credentials:
    """The credentials of ``directory``, generated on its first start (marked for rotation if it is legacy)."""
    existing = read(directory)
    if existing is not None:
        return existing
    created = generate(rotation_pending=is_legacy(directory))
    write(directory, created)
    return created


def demo_login(directory: Path) -> Path:
    """The file holding the demo annotator's e-mail and password (``demo_email``, ``demo_password``).

    A file written before the e-mail was kept there gains it (rewritten owner-only, nothing else changed),
    so the demo can point to the file instead of printing the login.
    """
    found = local(directory)
    if "demo_email" not in found.model_fields_set:
        write(directory, found)
    return path(directory)


def rotated(directory: Path, credentials: Credentials) -> Credentials:
    """Record that the database now holds ``credentials``; the legacy secret key file goes."""
    done = credentials.model_copy(update={"rotation_pending": False})
    write(directory, done)
    (directory / LEGACY_SECRET_FILE).unlink(missing_ok=True)
    return done


def weaknesses(credentials: Credentials) -> list[str]:
    """Why ``credentials`` must not guard a server other machines reach (empty when they are strong)."""
    problems: list[str] = []
    checks = (
        ("the admin password", credentials.admin_password, MIN_PASSWORD),
        ("the API token", credentials.api_token, MIN_TOKEN),
        ("the Django SECRET_KEY", credentials.secret_key, MIN_SECRET_KEY),
        ("the demo annotator's password", credentials.demo_password, MIN_PASSWORD),
    )
    for name, secret, minimum in checks:
        value = secret.get_secret_value()
        if hashlib.sha256(value.encode("utf-8")).hexdigest() in _PUBLISHED_SHA256:
            problems.append(f"{name} is one published in earlier versions of claimstance")
        elif len(value) < minimum or len(set(value)) < 8:
            problems.append(f"{name} is weak (fewer than {minimum} characters, or too few distinct ones)")
    if credentials.rotation_pending:
        problems.append("the published credentials of an earlier version have not been rotated yet")
    return problems


def _register(credentials: Credentials) -> None:
    for value in credentials.secret_values():
        config.register_secret(value)
