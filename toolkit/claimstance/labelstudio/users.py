"""Users of the server's organization: who annotated (for pseudonyms), and annotator accounts.

A lead adds an annotator with a generated password, shown once (:func:`add_annotator` returns it; nothing
writes it anywhere), lists the local server's annotators and deactivates one (:func:`annotators`,
:func:`deactivate_annotator`: through the server's own database, which Label Studio Community's API cannot
change). Listings name annotators by pseudonym and a masked e-mail, never the address itself.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from claimstance import config
from claimstance.config import ServerSettings
from claimstance.errors import LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import admin, credentials, server, uwsgi
from claimstance.labelstudio.client import Connection, connected, required_id
from claimstance.labelstudio.payloads import INVITE
from claimstance.labelstudio.results import pseudonym


@dataclass(frozen=True)
class NewAnnotator:
    """An account just made; ``repr`` never shows the password, which the lead is shown once."""

    id: int
    email: str
    pseudonym: str
    """What the dataset and the lead's messages call the account (never its e-mail)."""
    password: str
    login_url: str

    def __repr__(self) -> str:
        return f"NewAnnotator(id={self.id}, pseudonym={self.pseudonym!r}, password='***', login_url={self.login_url!r})"


@dataclass(frozen=True)
class AnnotatorAccount:
    """An annotator of the local server as a listing shows it: no e-mail address, only a hint of it."""

    id: int
    pseudonym: str
    email_hint: str
    active: bool


def masked(email: str) -> str:
    """Enough of an e-mail for its owner's lead to recognise it: ``j***@example.org``."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def list_users(*, settings: ServerSettings | None = None, connection: Connection | None = None) -> dict[int, str]:
    """Every user of the server's organization with an e-mail: ``id -> e-mail`` (to attribute annotations)."""
    with connected(settings, connection) as conn:
        users = conn.call("listing users", lambda: conn.sdk.users.list())
    return {user.id: user.email for user in users if user.id is not None and user.email}


@contextlib.contextmanager
def _unnamed(email: str) -> Iterator[None]:
    """Errors while making ``email``'s account name it by pseudonym: a server's refusal may quote the address
    ("x@y is not allowed"), and a claimstance error is printed and logged."""
    try:
        yield
    except LabelStudioError as exc:
        address = re.compile(re.escape(email), re.IGNORECASE)
        if not any(address.search(part or "") for part in (exc.message, exc.hint, exc.detail)):
            raise
        named = pseudonym(email)
        raise type(exc)(
            address.sub(named, exc.message),
            hint=address.sub(named, exc.hint) if exc.hint else None,
            detail=address.sub(named, exc.detail) if exc.detail else None,
        ) from None


def create_user(
    email: str,
    *,
    password: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    settings: ServerSettings | None = None,
    connection: Connection | None = None,
) -> int:
    """Create an annotator account (or find the existing one) and return its user id.

    With a ``password`` the account can log in to the web UI: it signs up through the organization's invite
    link (Label Studio Community ignores a password sent to its users API). An existing account is kept as
    it is, password included.
    """
    with connected(settings, connection) as conn, _unnamed(email):
        return _create_user(conn, email, password=password, first_name=first_name, last_name=last_name)


def _create_user(
    conn: Connection, email: str, *, password: str | None, first_name: str | None, last_name: str | None
) -> int:
    for uid, known in list_users(connection=conn).items():
        if known.lower() == email.lower():
            return uid
    if password is not None:
        _sign_up(conn, email, password)
        return next(uid for uid, known in list_users(connection=conn).items() if known.lower() == email.lower())
    created = conn.call(
        "creating an annotator account",
        lambda: conn.sdk.users.create(
            username=email,
            email=email,
            password=secrets.token_urlsafe(18),
            first_name=first_name or "",
            last_name=last_name or "",
        ),
        idempotent=False,
    )
    return required_id(created.id, "the new annotator account")


def _sign_up(conn: Connection, email: str, password: str) -> None:
    """Sign ``email`` up with ``password`` through the invite link, as an invited annotator would."""
    from label_studio_sdk.core.api_error import ApiError

    invite = conn.get("api/invite", {}, "reading the organization's invite link", INVITE)
    url = f"{conn.settings.url}/{invite['invite_url'].lstrip('/')}"

    def checked(response: httpx.Response) -> int:
        if response.status_code >= 400:
            raise ApiError(status_code=response.status_code, headers=dict(response.headers), body=response.text)
        return response.status_code

    def submit() -> int:
        with conn.new_http_client() as browser:  # its own cookies: the form needs a CSRF token
            checked(browser.get(url))
            csrf = browser.cookies.get("csrftoken", "")
            form = {"email": email, "password": password, "csrfmiddlewaretoken": csrf}
            # Behind an https proxy the cookie is Secure, and httpx keeps it off this plain-http request.
            headers = {"Referer": url, "Cookie": f"csrftoken={csrf}"}
            return checked(browser.post(url, data=form, headers=headers))

    if conn.call("signing up an annotator", submit, idempotent=False) != 302:  # the form shown again: refused
        raise LabelStudioError(
            f"Label Studio refused to sign up annotator {pseudonym(email)}",
            hint="Label Studio wants a password of 8 to 64 characters, unlike the e-mail",
        )


def add_annotator(
    email: str, *, settings: ServerSettings | None = None, connection: Connection | None = None
) -> NewAnnotator:
    """Make an annotator account with a generated password (it signs up through the invite link).

    An e-mail that already has an account is an error: its password is never shown again.
    """
    if "@" not in email or email.strip() != email:
        raise LabelStudioError("an annotator is added by e-mail address", hint="e.g. claimstance annotators add EMAIL")
    password = secrets.token_urlsafe(18)  # 24 characters: Label Studio wants 8 to 64
    config.register_secret(password)
    with connected(settings, connection) as conn, _unnamed(email):
        if any(known.lower() == email.lower() for known in list_users(connection=conn).values()):
            raise LabelStudioError(
                "this e-mail already has an account on the server",
                hint="its password is not shown again; deactivate it and add the annotator under another e-mail",
            )
        uid = _create_user(conn, email, password=password, first_name=None, last_name=None)
        return NewAnnotator(uid, email, pseudonym(email), password, _login_url(conn.settings.url))


def _login_url(url: str) -> str:
    """Where annotators log in: the public address of the local server when it was opened, else ``url``."""
    info = server.status()
    if info is not None and info.public_url and url in (info.url, info.public_url):
        return info.public_url
    return url


def _local_admin(data_dir: str | Path | None, binary: str | Path | None) -> tuple[Path, Path, dict[str, str]]:
    directory = config.data_dir(data_dir)
    credentials.local(directory)  # the server has started here once: the database is there and rotated
    running = server.status(directory)
    port = running.port if running else config.DEFAULT_PORT
    python = admin.python_of(config.label_studio_bin(binary))
    if not (directory / uwsgi.SETUP_FILE).exists():
        return directory, python, server.server_environment(directory, port)
    # A folder of the PostgreSQL backend: its database is the cluster beside it, which must be running.
    database = uwsgi.database_status(directory)
    if database is None:
        raise ServerUnavailableError(
            f"the PostgreSQL database of {directory} is not running",
            hint="start it with 'claimstance server start --backend postgres'",
        )
    return directory, python, uwsgi.environment(directory, port, database[1])


def annotators(data_dir: str | Path | None = None, *, binary: str | Path | None = None) -> list[AnnotatorAccount]:
    """The local server's annotator accounts (administrators left out), active or not, by user id."""
    directory, python, env = _local_admin(data_dir, binary)
    return [
        AnnotatorAccount(a.id, pseudonym(a.email), masked(a.email), a.active)
        for a in admin.accounts(python=python, env=env, cwd=directory)
        if not a.admin
    ]


def deactivate_annotator(
    who: str, data_dir: str | Path | None = None, *, binary: str | Path | None = None
) -> tuple[int, bool]:
    """Turn off the annotator ``who`` (e-mail or user id): no more log-in or token; annotations stay.

    Returns the user id and whether the account was active until now.
    """
    directory, python, env = _local_admin(data_dir, binary)
    return admin.deactivate(who, python=python, env=env, cwd=directory)
