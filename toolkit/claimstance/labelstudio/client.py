"""One connection to a Label Studio server: the SDK and plain JSON calls, with our retries and errors.

The SDK is always given the URL (its default is localhost:8000), our own timeout (its 60 s is too short for
large exports) and ``max_retries=0``: it would retry a POST on 5xx/409/429, so a failed import could be
applied twice. Retries are ours instead (tenacity, bounded, with backoff): any idempotent call is retried
when the server is down or failing; an import is retried only when the connection was never made.

Some calls bypass the SDK and speak JSON directly (:meth:`Connection.get`, :meth:`Connection.post`): its
typed models cost more than a task listing itself, and its encoder walks every value of a bulk import. Their
answers are validated against :mod:`.payloads`. Tests pass ``transport=httpx.MockTransport(...)`` and a
``sleep`` that records the backoff instead of waiting.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import json
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar

import httpx
import tenacity
from pydantic import TypeAdapter, ValidationError

from claimstance import config
from claimstance.config import ServerSettings
from claimstance.errors import AuthenticationError, LabelStudioError, ServerUnavailableError
from claimstance.labelstudio.payloads import ACCESS_TOKEN

if TYPE_CHECKING:
    from label_studio_sdk.base_client import LabelStudioBase

T = TypeVar("T")

_TRANSIENT_STATUS = {429, 500, 502, 503, 504}
_REFRESH_MARGIN = 30.0
"""Seconds before its expiry at which an access token is renewed, so it never expires in flight."""


def _summary(body: object) -> str:
    if isinstance(body, dict):
        detail = body.get("detail") or body.get("validation_errors") or body
        text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)
    else:
        text = str(body)
    text = " ".join(text.split())
    return text[:300] + ("..." if len(text) > 300 else "")


def _body(response: httpx.Response) -> object:
    """An error answer's body: its JSON when it has some (its ``detail`` is the reason), else its text."""
    try:
        return response.json()
    except ValueError:
        return response.text


def _translate(exc: BaseException, settings: ServerSettings, action: str) -> LabelStudioError | None:
    """One-line claimstance error for a failed call (the token never appears), or None for a bug."""
    from label_studio_sdk.core.api_error import ApiError

    where = f"Label Studio at {settings.url}"
    if isinstance(exc, LabelStudioError):
        return exc
    if isinstance(exc, httpx.TimeoutException):
        return ServerUnavailableError(
            f"{where} did not answer within {settings.timeout:.0f} s while {action}",
            hint="it may be overloaded: try again, or raise CLAIMSTANCE_TIMEOUT",
        )
    if isinstance(exc, httpx.TransportError):
        return ServerUnavailableError(
            f"cannot reach {where} while {action} ({type(exc).__name__})",
            hint="start it with 'claimstance server start', or set LABEL_STUDIO_URL to your server",
        )
    if isinstance(exc, ApiError):
        code = exc.status_code
        if code == 401:
            return AuthenticationError(
                f"{where} rejected the API token while {action}",
                hint="set LABEL_STUDIO_API_KEY to a valid token (Account & Settings in Label Studio)",
            )
        if code == 403:
            return AuthenticationError(
                f"{where} refused {action} to this token's user (HTTP 403)",
                hint="use the token of a project owner or administrator",
            )
        if code is None or code >= 500 or code == 429:
            return ServerUnavailableError(f"{where} failed while {action} (HTTP {code})", hint="see the server's log")
        return LabelStudioError(f"{where} refused {action} (HTTP {code}): {_summary(exc.body)}")
    return None


def _transient(exc: BaseException) -> bool:
    from label_studio_sdk.core.api_error import ApiError

    if isinstance(exc, httpx.TransportError):
        return True
    return isinstance(exc, ApiError) and exc.status_code in _TRANSIENT_STATUS


def _never_sent(exc: BaseException) -> bool:
    # Only a refused or timed-out connect proves the server never saw the request.
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)


def _jwt_expiry(token: str) -> float | None:
    """When a JWT expires (its ``exp`` claim), or None for anything else (a legacy token)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return None
    expiry = claims.get("exp") if isinstance(claims, dict) else None
    return float(expiry) if isinstance(expiry, int | float) and not isinstance(expiry, bool) else None


def with_token(settings: ServerSettings) -> ServerSettings:
    """``settings`` with a token: given, or the local server's from its data folder when it is at that URL.

    The local token goes only to the server claimstance started from the data folder (its pid file names
    its addresses), never to whatever else answers on a loopback port.
    """
    if settings.api_key:
        return settings
    from claimstance.labelstudio import credentials, server, uwsgi

    running = (info for info in (server.status(), uwsgi.status()) if info is not None)
    local = next(
        (credentials.read(info.data_dir) for info in running if settings.url in (info.url, info.public_url)), None
    )
    if local is None:
        raise AuthenticationError(
            f"no API token for Label Studio at {settings.url}",
            hint="set LABEL_STUDIO_API_KEY, or start the local server with 'claimstance server start'",
        )
    return dataclasses.replace(settings, api_key=local.api_token.get_secret_value())


class TokenAuth(httpx.Auth):
    """Label Studio's two kinds of token, for the calls made without the SDK.

    A legacy token is sent as ``Token <key>``. A personal access token is a JWT refresh token: it is
    exchanged (through ``refresh``) for a short-lived access token, sent as ``Bearer <access>`` and renewed
    shortly before it expires.
    """

    def __init__(self, api_key: str, refresh: Callable[[str], str]) -> None:
        self._api_key = api_key
        self._refresh = refresh
        self._access: str | None = None
        self._lock = threading.Lock()

    def header(self) -> str:
        """The ``Authorization`` header for the next request."""
        if _jwt_expiry(self._api_key) is None:
            return f"Token {self._api_key}"
        with self._lock:
            expiry = _jwt_expiry(self._access) if self._access else None
            if self._access is None or expiry is None or expiry < time.time() + _REFRESH_MARGIN:
                self._access = self._refresh(self._api_key)
            return f"Bearer {self._access}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self.header()
        yield request


class Connection:
    """The SDK client and plain JSON calls for one server, with our retries and error translation.

    ``transport`` replaces the network (tests give an ``httpx.MockTransport``); ``sleep`` is how retries
    wait (tests record the waits instead). Close it (or use it as a context manager) to free its sockets.
    """

    def __init__(
        self,
        settings: ServerSettings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from label_studio_sdk.base_client import LabelStudioBase
        from label_studio_sdk.core.api_error import ApiError

        self.settings = with_token(settings or config.server_settings())
        self._transport = transport
        self._sleep = sleep
        self.http = self.new_http_client()
        try:
            # The base client: the LabelStudio subclass only adds untyped helpers that claimstance does not use.
            self.sdk: LabelStudioBase = LabelStudioBase(
                base_url=self.settings.url,
                api_key=self.settings.api_key,
                timeout=self.settings.timeout,
                max_retries=0,
                httpx_client=self.http,
            )
        except ApiError as exc:  # an expired or malformed personal access token fails here
            self.http.close()
            raise _translate(exc, self.settings, "reading the API token") or exc from None
        self.auth = TokenAuth(self.settings.api_key, self._access_token)

    def _access_token(self, refresh: str) -> str:
        # Not through the SDK: its call would first exchange the same token for its own headers.
        response = self.http.post(f"{self.settings.url}/api/token/refresh/", json={"refresh": refresh})
        return self._parsed(response, "refreshing the access token", ACCESS_TOKEN)["access"]

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection's HTTP client (the SDK's too: they are one)."""
        self.http.close()

    def new_http_client(self) -> httpx.Client:
        """A fresh HTTP client to this server (own cookies), on the connection's transport."""
        timeout = httpx.Timeout(self.settings.timeout, connect=min(10.0, self.settings.timeout))
        return httpx.Client(timeout=timeout, transport=self._transport)

    def call(self, action: str, fn: Callable[[], T], *, idempotent: bool = True) -> T:
        """Run ``fn`` with bounded retries (all transient failures if idempotent, else unsent requests)."""
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(max(0, self.settings.retries) + 1),
            wait=tenacity.wait_exponential(multiplier=0.5, max=8),
            retry=tenacity.retry_if_exception(_transient if idempotent else _never_sent),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(fn)
        except Exception as exc:
            error = _translate(exc, self.settings, action)
            if error is None:
                raise  # not a server or network failure: a bug, with its traceback
            raise error from None

    def _send(
        self, method: str, path: str, params: Mapping[str, str | int], *, content: bytes | None = None
    ) -> httpx.Response:
        headers = {"Content-Type": "application/json"} if content is not None else None
        return self.http.request(
            method, f"{self.settings.url}/{path}", params=params, content=content, headers=headers, auth=self.auth
        )

    def _parsed(self, response: httpx.Response, action: str, adapter: TypeAdapter[T]) -> T:
        from label_studio_sdk.core.api_error import ApiError

        if response.status_code >= 400:
            raise ApiError(status_code=response.status_code, headers=dict(response.headers), body=_body(response))
        try:
            return adapter.validate_json(response.content)
        except ValidationError:
            raise LabelStudioError(
                f"{self.settings.url} did not answer like Label Studio while {action}", hint="check LABEL_STUDIO_URL"
            ) from None

    def find(self, path: str, params: Mapping[str, str | int], action: str, adapter: TypeAdapter[T]) -> T | None:
        """GET a JSON document, or None where Label Studio answers 404."""

        def attempt() -> T | None:
            response = self._send("GET", path, params)
            return None if response.status_code == 404 else self._parsed(response, action, adapter)

        return self.call(action, attempt)

    def get(self, path: str, params: Mapping[str, str | int], action: str, adapter: TypeAdapter[T]) -> T:
        """GET a JSON document; a 404 is an error like any other."""
        return self.call(action, lambda: self._parsed(self._send("GET", path, params), action, adapter))

    def post(self, path: str, params: Mapping[str, str], body: object, action: str, adapter: TypeAdapter[T]) -> T:
        """POST a large JSON body; retried only when the request was never sent (it is not idempotent)."""
        content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return self.call(
            action,
            lambda: self._parsed(self._send("POST", path, params, content=content), action, adapter),
            idempotent=False,
        )


@contextlib.contextmanager
def connected(settings: ServerSettings | None, connection: Connection | None) -> Iterator[Connection]:
    """The caller's ``connection`` as it is, or a new one to ``settings``, closed when done."""
    if connection is not None:
        yield connection
        return
    with Connection(settings) as conn:
        yield conn


def required_id(value: int | None, what: str) -> int:
    """An id the SDK types as optional but Label Studio always sends; its absence is the server's fault."""
    if value is None:
        raise LabelStudioError(f"Label Studio answered {what} without an id", hint="see the server's log")
    return value
