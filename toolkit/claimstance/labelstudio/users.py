"""Users of the server's organization: who annotated (for pseudonyms), and annotator accounts."""

from __future__ import annotations

import secrets

import httpx

from claimstance.config import ServerSettings
from claimstance.errors import LabelStudioError
from claimstance.labelstudio.client import Connection, connected, required_id
from claimstance.labelstudio.payloads import INVITE


def list_users(*, settings: ServerSettings | None = None, connection: Connection | None = None) -> dict[int, str]:
    """Every user of the server's organization with an e-mail: ``id -> e-mail`` (to attribute annotations)."""
    with connected(settings, connection) as conn:
        users = conn.call("listing users", lambda: conn.sdk.users.list())
    return {user.id: user.email for user in users if user.id is not None and user.email}


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
    with connected(settings, connection) as conn:
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
        f"creating user {email}",
        lambda: conn.sdk.users.create(
            username=email,
            email=email,
            password=secrets.token_urlsafe(18),
            first_name=first_name or "",
            last_name=last_name or "",
        ),
        idempotent=False,
    )
    return required_id(created.id, f"user {email}")


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
            form = {"email": email, "password": password, "csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")}
            return checked(browser.post(url, data=form, headers={"Referer": url}))

    if conn.call(f"signing up user {email}", submit, idempotent=False) != 302:  # the form shown again: refused
        raise LabelStudioError(
            f"Label Studio refused to sign up user {email}",
            hint="Label Studio wants a password of 8 to 64 characters, unlike the e-mail",
        )
