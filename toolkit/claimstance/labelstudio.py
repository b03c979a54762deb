"""Label Studio: create or update a project, push tasks, fetch exports, manage users.

The only module that imports ``label_studio_sdk`` (inside the functions that use it); what a task holds and
how a push is planned is in :mod:`claimstance.tasks`. The SDK is always given the URL (its default is
localhost:8000), our own timeout (its 60 s is too short for large exports) and ``max_retries=0``: it would
retry a POST on 5xx/409/429, so a failed import could be applied twice. Retries are ours instead (tenacity,
bounded, with backoff): any idempotent call is retried when the server is down or failing; an import is
retried only when the connection was never made.

Label Studio Community has no upsert, so :func:`push_tasks` (and :func:`push`, which builds the tasks of
units) makes one: it lists what the project holds (one call per 1,000 tasks, selected fields only), imports
what is missing in one call per batch, updates changed tasks nobody has annotated, and reports (never
overwrites) changed tasks that someone has. A push killed halfway is simply run again.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import secrets
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import httpx
import tenacity

from claimstance import config, schema
from claimstance.config import ServerSettings
from claimstance.errors import AuthenticationError, ExportFormatError, LabelStudioError, ServerUnavailableError
from claimstance.schema import AnnotationLabels, ClaimUnit
from claimstance.tasks import (
    BatchPlan,
    Conflict,
    TaskIndex,
    batches,
    checked_tasks,
    guidelines_html,
    index_tasks,
    labels_to_result,
    plan_batch,
    project_lock,
    project_update,
    unit_tasks,
)

T = TypeVar("T")

LIST_PAGE_SIZE = 1000
"""Tasks per page when listing a project: measured fastest on Label Studio 1.23 (see docs/performance.md)."""
TASK_FIELDS = "id,data,total_annotations,cancelled_annotations,total_predictions"
DEFAULT_BATCH_SIZE = 5000
"""Units per import call: each call costs Label Studio ~0.1-0.3 s on top of its per-task work, so 1,000-unit
batches make a 10,000-unit push ~1.45x one bulk import, 5,000-unit batches ~1.1x (docs/performance.md)."""
_TRANSIENT_STATUS = {429, 500, 502, 503, 504}


# --- talking to the server ------------------------------------------------------------------------------


def _http_client(settings: ServerSettings) -> httpx.Client:
    """The HTTP client behind the SDK (a seam for tests with recorded payloads)."""
    return httpx.Client(timeout=httpx.Timeout(settings.timeout, connect=min(10.0, settings.timeout)))


def _summary(body: object) -> str:
    if isinstance(body, dict):
        detail = body.get("detail") or body.get("validation_errors") or body
        text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)
    else:
        text = str(body)
    text = " ".join(text.split())
    return text[:300] + ("..." if len(text) > 300 else "")


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


def _sleep(seconds: float) -> None:
    """Backoff between retries (a seam: tests record the waits instead of sleeping)."""
    time.sleep(seconds)


def _transient(exc: BaseException) -> bool:
    from label_studio_sdk.core.api_error import ApiError

    if isinstance(exc, httpx.TransportError):
        return True
    return isinstance(exc, ApiError) and exc.status_code in _TRANSIENT_STATUS


def _never_sent(exc: BaseException) -> bool:
    # Only a refused or timed-out connect proves the server never saw the request.
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)


class Connection:
    """An SDK client for one server, with our retries and error translation around every call."""

    def __init__(self, settings: ServerSettings | None = None) -> None:
        from label_studio_sdk import LabelStudio
        from label_studio_sdk.core.api_error import ApiError

        self.settings = settings or config.server_settings()
        self.http = _http_client(self.settings)
        try:
            self.sdk: Any = LabelStudio(  # type: ignore[no-untyped-call]
                base_url=self.settings.url,
                api_key=self.settings.api_key,
                timeout=self.settings.timeout,
                max_retries=0,
                httpx_client=self.http,
            )
        except ApiError as exc:  # an expired or malformed personal access token fails here
            raise _translate(exc, self.settings, "reading the API token") or exc from None

    def call(self, action: str, fn: Callable[[], T], *, idempotent: bool = True) -> T:
        """Run ``fn`` with bounded retries (all transient failures if idempotent, else unsent requests)."""
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(max(0, self.settings.retries) + 1),
            wait=tenacity.wait_exponential(multiplier=0.5, max=8),
            retry=tenacity.retry_if_exception(_transient if idempotent else _never_sent),
            sleep=lambda seconds: _sleep(seconds),
            reraise=True,
        )
        try:
            return retrying(fn)
        except Exception as exc:
            error = _translate(exc, self.settings, action)
            if error is None:
                raise  # not a server or network failure: a bug, with its traceback
            raise error from None

    def _request(self, method: str, path: str, action: str, *, missing_ok: bool = False, **kwargs: Any) -> Any:
        from label_studio_sdk.core.api_error import ApiError

        # The SDK builds the Authorization header (Token or Bearer, refreshing personal access tokens).
        headers = {**self.sdk._client_wrapper.get_headers(), **kwargs.pop("headers", {})}
        response = self.http.request(method, f"{self.settings.url}/{path}", headers=headers, **kwargs)
        if missing_ok and response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise ApiError(status_code=response.status_code, headers=dict(response.headers), body=response.text)
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):  # every endpoint we call directly answers an object
            raise LabelStudioError(
                f"{self.settings.url} did not answer like Label Studio while {action}", hint="check LABEL_STUDIO_URL"
            )
        return body

    def get_json(self, path: str, params: Mapping[str, Any], action: str, *, missing_ok: bool = False) -> Any:
        """GET a JSON document directly: the SDK's typed models cost more than the listing itself."""
        return self.call(action, lambda: self._request("GET", path, action, missing_ok=missing_ok, params=dict(params)))

    def post_json(self, path: str, params: Mapping[str, Any], body: object, action: str) -> Any:
        """POST a large JSON body directly (the SDK's encoder walks every value: 40% of a bulk import)."""
        content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return self.call(
            action,
            lambda: self._request(
                "POST", path, action, params=dict(params), content=content, headers={"Content-Type": "application/json"}
            ),
            idempotent=False,
        )


# --- projects --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInfo:
    """A Label Studio project as :func:`ensure_project` left it."""

    id: int
    title: str
    created: bool = False
    config_updated: bool = False
    instructions_updated: bool = False
    config_added: tuple[str, ...] = ()


def _find_project(conn: Connection, title: str) -> dict[str, Any] | None:
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        params = {"title": title, "page": page, "page_size": 100, "include": "id,title"}
        body = conn.get_json("api/projects/", params, f"looking up project '{title}'", missing_ok=True)
        if not body:
            break
        found += [p for p in body.get("results", []) if p.get("title") == title]
        if not body.get("next"):
            break
        page += 1
    if len(found) > 1:
        ids = ", ".join(str(p["id"]) for p in found)
        raise LabelStudioError(f"{len(found)} projects are named '{title}' (ids {ids})", hint="rename all but one")
    if not found:
        return None
    detail: dict[str, Any] = conn.get_json(f"api/projects/{found[0]['id']}/", {}, f"reading project '{title}'")
    return detail


def _require_project(conn: Connection, title: str) -> dict[str, Any]:
    project = _find_project(conn, title)
    if project is None:
        raise LabelStudioError(f"no project named '{title}' on {conn.settings.url}", hint="push units to it first")
    return project


def ensure_project(
    project: str,
    *,
    guidelines: str,
    label_config: str | None = None,
    settings: ServerSettings | None = None,
    connection: Connection | None = None,
) -> ProjectInfo:
    """Create the project, or bring its labeling config and instructions up to date.

    The config defaults to ``schema.labeling_config()``; the guidelines (Markdown) become the project's
    instructions, shown to annotators. A config change that would break existing annotations (a control,
    label or object removed or renamed) raises :class:`ProjectConfigError`; adding labels is applied.
    """
    conn = connection or Connection(settings)
    wanted = label_config or schema.labeling_config()
    instructions = guidelines_html(guidelines)
    current = _find_project(conn, project)
    if current is None:
        created = conn.call(
            f"creating project '{project}'",
            lambda: conn.sdk.projects.create(
                title=project, label_config=wanted, expert_instruction=instructions, show_instruction=True
            ),
            idempotent=False,
        )
        return ProjectInfo(id=int(created.id), title=project, created=True)

    changes, added = project_update(current, wanted, instructions)
    if changes:
        conn.call(f"updating project '{project}'", lambda: conn.sdk.projects.update(int(current["id"]), **changes))
    return ProjectInfo(
        id=int(current["id"]),
        title=project,
        config_updated="label_config" in changes,
        instructions_updated="expert_instruction" in changes,
        config_added=tuple(added),
    )


def list_tasks(conn: Connection, project_id: int, fields: str = TASK_FIELDS) -> Iterator[dict[str, Any]]:
    """Stream a project's tasks (selected fields only), 1,000 per call, in id order."""
    page, seen = 1, 0
    while True:
        params = {
            "project": project_id,
            "page": page,
            "page_size": LIST_PAGE_SIZE,
            "include": fields,
            "fields": "task_only",
            "resolve_uri": "false",
        }
        # Past the last page Label Studio answers 404 (the SDK's iter_pages() raises there): stop instead.
        body = conn.get_json("api/tasks/", params, "listing tasks", missing_ok=True)
        if not isinstance(body, dict):
            return
        rows = body.get("tasks") or []
        yield from rows
        seen += len(rows)
        if len(rows) < LIST_PAGE_SIZE or seen >= int(body.get("total") or 0):
            return
        page += 1


def task_ids(project: str, *, settings: ServerSettings | None = None) -> dict[str, int]:
    """Task id of every unit in the project (``unit_id -> task id``)."""
    conn = Connection(settings)
    index = index_tasks(list_tasks(conn, int(_require_project(conn, project)["id"])))
    return {unit_id: task.task_id for unit_id, task in index.by_unit.items()}


# --- push ------------------------------------------------------------------------------------------------


@dataclass
class PushReport:
    """What a push did; ``conflicts`` lists changed units whose annotated tasks were left alone."""

    project: str
    project_id: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    predictions_added: int = 0
    duplicates_removed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    project_created: bool = False
    config_updated: bool = False
    instructions_updated: bool = False
    config_added: tuple[str, ...] = ()


def _still_unannotated(conn: Connection, task_id: int) -> bool:
    row = conn.get_json(f"api/tasks/{task_id}/", {}, f"reading task {task_id}")
    return not (row.get("annotations") or row.get("total_annotations") or row.get("cancelled_annotations"))


def _apply(conn: Connection, project_id: int, plan: BatchPlan, report: PushReport) -> None:
    """Carry out one batch's plan: one import call, one call per update, one call for predictions."""
    if plan.create:
        path = f"api/projects/{project_id}/import"
        imported = conn.post_json(path, {"return_task_ids": "true"}, plan.create, f"importing {len(plan.create)} tasks")
        created = imported.get("task_ids") if isinstance(imported, dict) else None
        if created is not None and len(created) != len(plan.create):
            raise LabelStudioError(
                f"Label Studio created {len(created)} tasks for {len(plan.create)} units",
                hint="run the push again: it imports only what is missing",
            )
        report.created += len(plan.create)
        report.predictions_added += sum(len(task.get("predictions", [])) for task in plan.create)
    for task_id, data in plan.update:
        if not _still_unannotated(conn, task_id):
            reason = f"unit changed but task {task_id} was annotated during this push; not overwritten"
            report.conflicts.append(Conflict(data["unit_id"], task_id, reason))
            continue
        conn.call(f"updating task {task_id}", functools.partial(conn.sdk.tasks.update, str(task_id), data=data))
        report.updated += 1
    if plan.predict:
        conn.call(
            f"adding {len(plan.predict)} predictions",
            lambda: conn.sdk.projects.import_predictions(project_id, request=plan.predict),
            idempotent=False,
        )
        report.predictions_added += len(plan.predict)
    report.unchanged += plan.unchanged
    report.conflicts += plan.conflicts


def push(
    units: Iterable[ClaimUnit],
    project: str,
    *,
    guidelines: str,
    predictions: Mapping[str, AnnotationLabels] | None = None,
    model_version: str | None = None,
    doc_titles: Mapping[str, str | None] | None = None,
    settings: ServerSettings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    lock_timeout: float = 0.0,
    data_dir: str | Path | None = None,
) -> PushReport:
    """Push units to ``project`` as tasks: idempotent, resumable, never overwriting annotated work.

    The tasks are :func:`tasks.unit_tasks` (with their ``predictions``, tagged ``model_version``, and
    titles from ``doc_titles``, by document id) under the annotation config; see :func:`push_tasks`.
    """
    return push_tasks(
        unit_tasks(units, predictions=predictions, model_version=model_version, doc_titles=doc_titles),
        project,
        label_config=schema.labeling_config(),
        guidelines=guidelines,
        settings=settings,
        batch_size=batch_size,
        progress=progress,
        lock_timeout=lock_timeout,
        data_dir=data_dir,
    )


def push_tasks(
    tasks: Iterable[Mapping[str, Any]],
    project: str,
    *,
    label_config: str,
    guidelines: str,
    settings: ServerSettings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    lock_timeout: float = 0.0,
    data_dir: str | Path | None = None,
) -> PushReport:
    """Push prebuilt tasks (e.g. adjudication tasks) to ``project``: idempotent, resumable, never overwriting.

    Each task is ``{"data": {...}}``, optionally with ``"predictions": [one prediction]``; tasks are matched
    to the project's by ``data["unit_id"]`` and hashed here (see :func:`tasks.checked_tasks`). Creates the
    project or brings its ``label_config`` and instructions (``guidelines``, Markdown) up to date (see
    :func:`ensure_project`), then for each batch of ``batch_size`` tasks imports the new ones in one call,
    updates changed tasks nobody annotated, and reports changed tasks someone did in ``conflicts``; a
    prediction is added only to a task without one. ``progress`` is called with each batch's size. A push
    to a project another push holds waits ``lock_timeout`` seconds, then raises :class:`ProjectLockedError`.
    A malformed task raises :class:`InputError` when its batch is reached: fix it and push again.
    """
    pending = batches(checked_tasks(tasks), batch_size)
    first = next(pending, None)  # a malformed first batch fails before the server is touched
    settings = settings or config.server_settings()
    with project_lock(settings.url, project, data_dir=data_dir, timeout=lock_timeout):
        conn = Connection(settings)
        info = ensure_project(project, guidelines=guidelines, label_config=label_config, connection=conn)
        report = PushReport(
            project=project,
            project_id=info.id,
            project_created=info.created,
            config_updated=info.config_updated,
            instructions_updated=info.instructions_updated,
            config_added=info.config_added,
        )
        index = index_tasks(list_tasks(conn, info.id)) if not info.created else TaskIndex({}, [], [])
        report.conflicts += index.conflicts
        if index.redundant:
            selected = {"all": False, "included": index.redundant}
            conn.call(
                "removing duplicate tasks",
                lambda: conn.sdk.actions.create(id="delete_tasks", project=info.id, selected_items=selected),
            )
            report.duplicates_removed = len(index.redundant)
        for batch in itertools.chain([first] if first else [], pending):
            predicted = {data["unit_id"]: prediction for data, prediction in batch if prediction is not None}
            _apply(conn, info.id, plan_batch([data for data, _ in batch], index.by_unit, predicted), report)
            if progress is not None:
                progress(len(batch))
        return report


# --- pull, users, annotations ----------------------------------------------------------------------------


def _iter_export(fh: IO[bytes], source: str) -> Iterator[dict[str, Any]]:
    import ijson

    try:
        with fh:
            yield from ijson.items(fh, "item", use_float=True)
    except ijson.JSONError as exc:
        raise ExportFormatError(f"the export of project '{source}' is not valid JSON ({exc})") from None


def export_tasks(
    project: str, *, settings: ServerSettings | None = None, keep_snapshot: bool = False
) -> Iterator[dict[str, Any]]:
    """The project's tasks as Label Studio's JSON export gives them (annotations, full predictions).

    Makes a snapshot export on the server (predictions whole, ``completed_by`` expanded to the user with
    its e-mail), downloads it to a temporary file and returns an iterator over its tasks, so memory stays
    flat however large the project. The snapshot is deleted from the server unless ``keep_snapshot``.
    """
    conn = Connection(settings)
    project_id = int(_require_project(conn, project)["id"])
    options = {
        "predictions": {"only_id": False},
        "drafts": {"only_id": True},
        "annotations__completed_by": {"only_id": False},
    }
    snapshot = conn.call(
        f"exporting project '{project}'",
        lambda: conn.sdk.projects.exports.create(
            project_id, title=f"claimstance-{secrets.token_hex(4)}", serialization_options=options
        ),
        idempotent=False,
    )
    fh = tempfile.TemporaryFile(prefix="claimstance-export-")  # noqa: SIM115 (the iterator closes it)
    try:
        wait = 0.1
        status = snapshot.status
        while status not in ("completed", "failed"):
            # Community Edition exports synchronously; a server with a worker queue needs polling.
            time.sleep(wait)
            wait = min(wait * 1.5, 2.0)
            status = conn.call(
                "waiting for the export", lambda: conn.sdk.projects.exports.get(project_id, snapshot.id)
            ).status
        if status == "failed":
            raise LabelStudioError(f"Label Studio failed to export project '{project}'", hint="see the server's log")

        def download() -> None:
            fh.seek(0)
            fh.truncate()
            options = {"chunk_size": 1 << 18, "timeout_in_seconds": int(conn.settings.timeout)}
            for chunk in conn.sdk.projects.exports.download(
                project_id, snapshot.id, export_type="JSON", request_options=options
            ):
                fh.write(chunk)

        conn.call(f"downloading the export of '{project}'", download)
        fh.seek(0)
    except BaseException:
        fh.close()
        raise
    finally:
        if not keep_snapshot:
            with contextlib.suppress(LabelStudioError):
                conn.call("deleting the export", lambda: conn.sdk.projects.exports.delete(project_id, snapshot.id))
    return _iter_export(fh, project)


def list_users(*, settings: ServerSettings | None = None) -> dict[int, str]:
    """Every user of the server's organization: ``id -> e-mail`` (to attribute annotations)."""
    conn = Connection(settings)
    users = conn.call("listing users", lambda: conn.sdk.users.list())
    return {int(user.id): str(user.email) for user in users}


def create_user(
    email: str,
    *,
    password: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    settings: ServerSettings | None = None,
) -> int:
    """Create an annotator account (or find the existing one) and return its user id.

    With a ``password`` the account can log in to the web UI: it signs up through the organization's invite
    link (Label Studio Community ignores a password sent to its users API). An existing account is kept as
    it is, password included.
    """
    conn = Connection(settings)
    users = conn.call("listing users", lambda: conn.sdk.users.list())
    for user in users:
        if str(user.email).lower() == email.lower():
            return int(user.id)
    if password is not None:
        _sign_up(conn, email, password)
        return next(uid for uid, known in list_users(settings=conn.settings).items() if known.lower() == email.lower())
    created = conn.call(
        f"creating user {email}",
        lambda: conn.sdk.users.create(
            username=email,
            email=email,
            password=password or secrets.token_urlsafe(18),
            first_name=first_name or "",
            last_name=last_name or "",
        ),
        idempotent=False,
    )
    return int(created.id)


def _sign_up(conn: Connection, email: str, password: str) -> None:
    """Sign ``email`` up with ``password`` through the invite link, as an invited annotator would."""
    invite = conn.get_json("api/invite", {}, "reading the organization's invite link")
    url = f"{conn.settings.url}/{str(invite['invite_url']).lstrip('/')}"

    def checked(response: httpx.Response) -> int:
        from label_studio_sdk.core.api_error import ApiError

        if response.status_code >= 400:
            raise ApiError(status_code=response.status_code, headers=dict(response.headers), body=response.text)
        return response.status_code

    def submit() -> int:
        with _http_client(conn.settings) as browser:  # its own cookies: the form needs a CSRF token
            checked(browser.get(url))
            form = {"email": email, "password": password, "csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")}
            return checked(browser.post(url, data=form, headers={"Referer": url}))

    if conn.call(f"signing up user {email}", submit, idempotent=False) != 302:  # the form shown again: refused
        raise LabelStudioError(
            f"Label Studio refused to sign up user {email}",
            hint="Label Studio wants a password of 8 to 64 characters, unlike the e-mail",
        )


def record_annotation(
    task_id: int,
    labels: AnnotationLabels,
    *,
    user_id: int | None = None,
    lead_time: float | None = None,
    settings: ServerSettings | None = None,
) -> int:
    """Record an annotation on a task, as ``user_id`` when given (an admin token may act for others)."""
    conn = Connection(settings)
    extra: dict[str, Any] = {}
    if user_id is not None:
        extra["completed_by"] = user_id
    if lead_time is not None:
        extra["lead_time"] = lead_time
    created = conn.call(
        f"annotating task {task_id}",
        lambda: conn.sdk.annotations.create(id=task_id, result=labels_to_result(labels), **extra),
        idempotent=False,
    )
    return int(created.id)


def whoami(*, settings: ServerSettings | None = None) -> str:
    """The e-mail of the token's user: a cheap check that the server is up and the token is right."""
    conn = Connection(settings)
    body = conn.get_json("api/current-user/whoami", {}, "checking the API token")
    return str(body.get("email", ""))
