"""Opening the local server to a team: where it listens, what Label Studio must know, what goes in front.

By default the server listens on 127.0.0.1 and only this machine reaches it. ``server start --host ADDR``
makes it listen on another interface, and ``--public-url URL`` names the address annotators open (a TLS
reverse proxy, on this machine or another). Only when asked like this is the server open, and then: the
credentials must be strong (:func:`.credentials.weaknesses`); Label Studio is told the address annotators
use (``LABEL_STUDIO_HOST``), accepts requests for that host only (``ALLOWED_HOSTS``) and trusts form posts
from it (``CSRF_TRUSTED_ORIGINS``: its login form checks a CSRF token), with secure cookies when that
address is https. Sign-up without the invite link is closed on every server claimstance starts
(``LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK``, set in :mod:`.server`). Label Studio serves plain HTTP:
:func:`advice` says what the lead must put in front of it for TLS.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimstance.errors import LabelStudioError
from claimstance.labelstudio.credentials import Credentials, weaknesses

LOOPBACK = "127.0.0.1"
_WILDCARD = "0.0.0.0"


@dataclass(frozen=True)
class Opening:
    """Where the server listens and the address its users open."""

    bind: str
    port: int
    public_url: str

    @property
    def is_open(self) -> bool:
        """Whether other machines reach the server: it listens beyond loopback, or a proxy forwards to it."""
        return not ipaddress.IPv4Address(self.bind).is_loopback or self.public_url != self.local_url

    @property
    def local_url(self) -> str:
        """The address this machine's health checks and CLI use."""
        host = LOOPBACK if self.bind == _WILDCARD else self.bind
        return f"http://{host}:{self.port}"


def plan(host: str | None, port: int, public_url: str | None) -> Opening:
    """Check ``--host`` and ``--public-url`` and say where the server will listen and be reached."""
    bind = host or LOOPBACK
    try:
        address = ipaddress.IPv4Address(bind)
    except ValueError:
        raise LabelStudioError(
            f"--host {bind!r} is not an IPv4 address",
            hint="give the address of one interface (e.g. 10.0.0.5), or 0.0.0.0 for all of them",
        ) from None
    if address.is_loopback and public_url is None:
        return Opening(bind, port, f"http://{bind}:{port}")
    if public_url is None:
        if bind == _WILDCARD:
            raise LabelStudioError(
                "--host 0.0.0.0 needs --public-url: the address annotators open",
                hint="the TLS proxy in front of the server, e.g. --public-url https://annotate.example.org",
            )
        public_url = f"http://{bind}:{port}"
    return Opening(bind, port, _checked_url(public_url))


def _checked_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LabelStudioError(
            f"--public-url {url!r} is not an http(s) address", hint="e.g. https://annotate.example.org"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise LabelStudioError(
            f"--public-url {url!r} has a path", hint="serve Label Studio at the root of its own host name"
        )
    return f"{parts.scheme}://{parts.netloc}"


def environment(opening: Opening) -> dict[str, str]:
    """What Label Studio must know to be reached at ``opening.public_url`` (nothing on loopback)."""
    if not opening.is_open:
        return {}
    public = urlsplit(opening.public_url)
    hosts = [public.hostname or "", LOOPBACK, "localhost"]
    if opening.bind != _WILDCARD:
        hosts.append(opening.bind)
    env = {
        "LABEL_STUDIO_HOST": opening.public_url,
        "LABEL_STUDIO_ALLOWED_HOSTS": ",".join(dict.fromkeys(hosts)),
        "LABEL_STUDIO_CSRF_TRUSTED_ORIGINS": opening.public_url,
    }
    if public.scheme == "https":
        # Browsers then send the session and CSRF cookies over TLS only (Label Studio reads "1", not "true").
        env.update({"LABEL_STUDIO_SESSION_COOKIE_SECURE": "1", "LABEL_STUDIO_CSRF_COOKIE_SECURE": "1"})
    return env


def check_credentials(opening: Opening, credentials: Credentials) -> None:
    """Refuse to open the server to other machines with a default or weak credential."""
    if not opening.is_open:
        return
    problems = weaknesses(credentials)
    if problems:
        raise LabelStudioError(
            f"refusing to listen on {opening.bind}: {'; '.join(problems)}",
            hint="start once on 127.0.0.1 to rotate them, or remove a hand-edited credentials.json entry",
        )


def advice(opening: Opening) -> list[str]:
    """What the lead must do before annotators use the server: TLS in front, the port closed to others."""
    if not opening.is_open:
        return []
    public = urlsplit(opening.public_url)
    # A proxy on another machine reaches this one by its own address; 0.0.0.0 names none.
    upstream = (
        f"THIS-MACHINE:{opening.port}" if opening.bind == _WILDCARD else opening.local_url.removeprefix("http://")
    )
    lines = [
        f"Label Studio listens on {opening.bind}:{opening.port} in plain HTTP; annotators open {opening.public_url}",
        "Sign-up is closed except through the invite link; add annotators with: claimstance annotators add EMAIL",
    ]
    if public.scheme != "https":
        lines.append(
            "Passwords and sessions cross the network unencrypted: put a TLS reverse proxy in front and restart "
            "with --public-url https://YOUR-HOST"
        )
    lines += [
        f"TLS reverse proxy, e.g. Caddy:  {public.hostname} {{ reverse_proxy {upstream} }}",
        f"  or nginx: proxy_pass http://{upstream}; proxy_set_header Host $host; "
        "proxy_set_header X-Forwarded-Proto $scheme;",
        f"Close port {opening.port} to everything but the proxy (firewall); a proxy on this machine needs no --host.",
        "See docs/team-server.md.",
    ]
    return lines
