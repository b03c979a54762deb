"""Pull only what changed: snapshot exports restricted to a data-manager view, and the state between pulls.

A task's ``updated_at`` moves whenever one of its annotations is created, updated or deleted, and when the
task itself changes (Label Studio 1.23.2, ``tasks/models.py``). So the tasks whose annotations may differ
from the last pull are those updated since it started, minus a safety window (:data:`SAFETY_WINDOW`) for
transactions still open then. They are exported as a normal snapshot restricted to a temporary view that
filters on ``updated_at``: the very serializer of a full export, so the records parse identically.

Deleted tasks cannot be seen that way. The state keeps the project's task ids; if the project's task count
is not "known tasks + new tasks", something was deleted and the ids are listed again to find what.

A full export of a large project is split into views by task id (:data:`CHUNK_TASKS` ids each), so no one
request runs near the 120 s a production server allows (20,000 tasks took 28-36 s on PostgreSQL).

Times come from the server's own clock (the ``created_at`` of the export), never from ours.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import secrets
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, NotRequired

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from claimstance import io
from claimstance.config import ServerSettings
from claimstance.errors import LabelStudioError
from claimstance.labelstudio.client import Connection, connected
from claimstance.labelstudio.export import CHUNK_SIZE, iter_export
from claimstance.labelstudio.projects import find_project, list_tasks, read_team_settings
from claimstance.labelstudio.results import parse_export
from claimstance.labelstudio.users import list_users
from claimstance.schema import Annotation

SAFETY_WINDOW = timedelta(seconds=120)
"""Re-read tasks updated this long before the last pull began: a transaction open then (a request may run
up to 120 s on a production server before it is killed) commits an earlier ``updated_at`` than its commit."""
CHUNK_TASKS = 10_000
"""Task ids per export of a full pull (about 15 s each on PostgreSQL + uwsgi)."""
STATE_VERSION = 1
SERIALIZATION = {
    # as export.export_tasks asks: whole predictions, drafts by id, annotators with their e-mail
    "predictions": {"only_id": False},
    "drafts": {"only_id": True},
    "annotations__completed_by": {"only_id": False},
}


class PullState(TypedDict):
    """What the last pull saw, kept beside the annotations file (``layout.pull_state_path``)."""

    version: int
    url: str
    project_id: int
    config_sha256: str
    started_at: str
    """The server's time when the last pull's export began (ISO 8601, UTC)."""
    task_ids: list[int]
    file_sha256: str
    """The annotations file that pull wrote: a file changed since then forces a full pull."""


PULL_STATE = TypeAdapter(PullState)


class _Created(TypedDict):
    id: int


class _Export(TypedDict):
    id: int
    status: str
    created_at: str


class _ProjectCount(TypedDict):
    id: int
    task_number: int


class _View(TypedDict):
    id: int
    data: NotRequired[dict[str, object] | None]


class _Row(TypedDict):
    id: int


class _Page(TypedDict):
    tasks: list[_Row]


EXPORT = TypeAdapter(_Export)
CREATED = TypeAdapter(_Created)
PROJECT_COUNT = TypeAdapter(_ProjectCount)
PAGE = TypeAdapter(_Page)
VIEWS = TypeAdapter(list[_View])
VIEW_TITLE = "claimstance-pull"


@dataclass
class Changes:
    """A pull's records and what they cover: every task (``changed`` is None) or only ``changed`` tasks."""

    title: str
    records: Iterator[Annotation]
    changed: set[int] | None
    gone: set[int]
    state: PullState


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes ('' when it does not exist)."""
    if not path.is_file():
        return ""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_state(path: Path) -> PullState | None:
    """The last pull's state, or None (missing, unreadable or of another version: the next pull is full)."""
    try:
        state = PULL_STATE.validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None
    return state if state["version"] == STATE_VERSION else None


def write_state(path: Path, state: PullState, annotations: Path) -> None:
    """Record the state of a pull that has written ``annotations``."""
    state = {**state, "file_sha256": sha256_file(annotations)}
    io.write_text_atomic(path, json.dumps(state, separators=(",", ":")) + "\n")


def _all_of(items: list[dict[str, object]]) -> dict[str, object]:
    return {"conjunction": "and", "items": items}


def _filter(field: str, operator: str, kind: str, value: object) -> dict[str, object]:
    return {"filter": f"filter:tasks:{field}", "operator": operator, "type": kind, "value": value}


def _snapshot(conn: Connection, project_id: int, items: list[dict[str, object]]) -> tuple[str, Iterator[object]]:
    """Export the tasks a temporary view selects; return the server's time of the export and the tasks."""
    view = conn.post(
        "api/dm/views/",
        {},
        {
            "project": project_id,
            "data": {"title": "claimstance-pull", "filters": {"conjunction": "and", "items": items}},
        },
        "creating a view for the pull",
        CREATED,
    )
    try:
        body = {
            "title": f"claimstance-{secrets.token_hex(4)}",
            "task_filter_options": {"view": view["id"]},
            "serialization_options": SERIALIZATION,
        }
        export = conn.post(f"api/projects/{project_id}/exports/", {}, body, "exporting changed tasks", EXPORT)
    finally:
        with contextlib.suppress(LabelStudioError):
            conn.call("deleting the view", lambda: conn.sdk.views.delete(str(view["id"])))
    if export["status"] != "completed":
        # Community Edition builds the export inside the request; a queued one is not what this code expects.
        raise LabelStudioError(f"Label Studio's export is '{export['status']}', not completed", hint="pull --full")
    fh: IO[bytes] = tempfile.TemporaryFile(prefix="claimstance-export-")  # noqa: SIM115 (the iterator closes it)
    try:

        def download() -> None:
            fh.seek(0)
            fh.truncate()
            chunks = conn.sdk.projects.exports.download(
                project_id,
                export["id"],
                export_type="JSON",
                request_options={"chunk_size": CHUNK_SIZE, "timeout_in_seconds": int(conn.settings.timeout)},
            )
            for chunk in chunks:
                fh.write(chunk)

        conn.call("downloading the export", download)
        fh.seek(0)
    except BaseException:
        fh.close()
        raise
    finally:
        with contextlib.suppress(LabelStudioError):
            conn.call("deleting the export", lambda: conn.sdk.projects.exports.delete(project_id, export["id"]))
    return export["created_at"], iter_export(fh, f"project {project_id}")


def _clear_stale_views(conn: Connection, project_id: int) -> None:
    """Delete the views a killed pull left behind (annotators would see them as tabs of the data manager).

    A pull running at the same moment may lose its view: its export then covers the whole project (Label
    Studio ignores a missing view), which costs time, not correctness.
    """
    views = conn.get("api/dm/views/", {"project": project_id}, "listing the project's views", VIEWS)
    for view in views:
        if (view.get("data") or {}).get("title") == VIEW_TITLE:
            with contextlib.suppress(LabelStudioError):
                conn.call("deleting a stale view", functools.partial(conn.sdk.views.delete, str(view["id"])))


def _edge_id(conn: Connection, project_id: int, ordering: str) -> int | None:
    params: dict[str, str | int] = {
        "project": project_id,
        "page_size": 1,
        "include": "id",
        "fields": "task_only",
        "query": json.dumps({"ordering": [ordering]}),
    }
    body = conn.find("api/tasks/", params, "finding the task id range", PAGE)
    return body["tasks"][0]["id"] if body and body["tasks"] else None


def _full(conn: Connection, project_id: int, chunk: int) -> tuple[str, Iterator[object]]:
    """Every task, one snapshot per ``chunk`` task ids (read lazily, one temporary file at a time)."""
    low, high = _edge_id(conn, project_id, "tasks:id"), _edge_id(conn, project_id, "-tasks:id")
    if low is None or high is None:
        return _snapshot(conn, project_id, [])  # no task: an empty export
    ranges = [(start, min(start + chunk - 1, high)) for start in range(low, high + 1, chunk)]
    started, first = _snapshot(
        conn, project_id, [_filter("id", "in", "Number", {"min": ranges[0][0], "max": ranges[0][1]})]
    )

    def rest() -> Iterator[object]:
        yield from _by_id(first)
        for start, end in ranges[1:]:
            yield from _by_id(
                _snapshot(conn, project_id, [_filter("id", "in", "Number", {"min": start, "max": end})])[1]
            )

    return started, rest()


def _by_id(tasks: Iterator[object]) -> list[object]:
    """One chunk's tasks in id order: the chunks cover ascending id ranges, so the whole pull is in task order
    and the merge holds one task at a time (:func:`claimstance.pull.update_annotations`)."""
    return sorted(tasks, key=lambda task: task.get("id", 0) if isinstance(task, dict) else 0)


def _since(started_at: str) -> str:
    """The filter value: the last pull's start minus the safety window, in the format Label Studio parses."""
    moment = datetime.fromisoformat(started_at.replace("Z", "+00:00")) - SAFETY_WINDOW
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _all_ids(conn: Connection, project_id: int) -> set[int]:
    return {row["id"] for row in list_tasks(conn, project_id, "id,data")}


def _recording(tasks: Iterator[object], ids: list[int]) -> Iterator[object]:
    """Pass the tasks through, noting each task's id (for the state of a full pull)."""
    for task in tasks:
        if isinstance(task, dict) and isinstance(task.get("id"), int):
            ids.append(task["id"])
        yield task


def pull_changes(
    project: str,
    *,
    previous: PullState | None,
    annotations: Path,
    full: bool = False,
    settings: ServerSettings | None = None,
    connection: Connection | None = None,
    chunk: int | None = None,
) -> Changes:
    """The annotations of the tasks changed since ``previous`` (or of every task), and the new state.

    A full pull happens when asked (``full``), without a usable previous state, when the project's labeling
    config changed, or when the annotations file is not the one the previous pull wrote. The records are
    parsed as they are iterated; the state's ``task_ids`` is complete once they have been. ``chunk`` task ids
    per export of a full pull (default :data:`CHUNK_TASKS`).
    """
    with connected(settings, connection) as conn:
        detail = find_project(conn, project)
        if detail is None:
            raise LabelStudioError(
                f"no project named '{project}' on {conn.settings.url}", hint="push units to it first"
            )
        project_id = detail["id"]
        config_sha = hashlib.sha256((detail.get("label_config") or "").encode("utf-8")).hexdigest()
        team = read_team_settings(detail)
        users = list_users(connection=conn)
        # the overlap the project was designed with, and whether it shows suggestions, as a full export reads them
        parse = functools.partial(
            parse_export,
            project=project,
            users=users,
            source=f"project {project!r}",
            predictions_visible=team.show_predictions,
            designed_overlap=team.overlap,
        )
        _clear_stale_views(conn, project_id)
        usable = (
            previous is not None
            and not full
            and previous["url"] == conn.settings.url
            and previous["project_id"] == project_id
            and previous["config_sha256"] == config_sha
            and previous["file_sha256"] == sha256_file(annotations)
        )
        if previous is None or not usable:
            ids: list[int] = []
            started, tasks = _full(conn, project_id, chunk or CHUNK_TASKS)
            state = PullState(
                version=STATE_VERSION,
                url=conn.settings.url,
                project_id=project_id,
                config_sha256=config_sha,
                started_at=started,
                task_ids=ids,
                file_sha256="",
            )
            records = parse(_recording(tasks, ids))
            return Changes(project, records, None, set(), state)
        # Count before the export: a task deleted in between is then found by the next pull, never missed.
        count = conn.get(f"api/projects/{project_id}/", {}, f"reading project '{project}'", PROJECT_COUNT)
        since = _since(previous["started_at"])
        started, stream = _snapshot(conn, project_id, [_filter("updated_at", "greater", "Datetime", since)])
        changed_tasks = list(stream)
        changed = {t["id"] for t in changed_tasks if isinstance(t, dict) and isinstance(t.get("id"), int)}
        known = set(previous["task_ids"])
        if count["task_number"] == len(known) + len(changed - known):
            current, gone = known | changed, set()
        else:
            current = _all_ids(conn, project_id)
            gone = known - current
        state = PullState(
            version=STATE_VERSION,
            url=conn.settings.url,
            project_id=project_id,
            config_sha256=config_sha,
            started_at=started,
            task_ids=sorted(current),
            file_sha256="",
        )
        records = parse(changed_tasks)
        return Changes(project, records, changed, gone, state)
