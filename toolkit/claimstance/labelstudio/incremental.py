"""Pull only what changed: the tasks updated since the last pull, exported through a temporary view.

A task's ``updated_at`` moves whenever one of its annotations is created, updated or deleted, and when the
task itself changes (Label Studio 1.23.2, ``tasks/models.py``). An incremental pull lists the ids and
``updated_at`` of the tasks updated since the last pull began, minus a safety window (:data:`SAFETY_WINDOW`)
for transactions still open then (one cheap data-manager query), and exports only those whose ``updated_at``
differs from what the last pull saw (the state keeps the values inside the window, so a task is not
exported again each time it is listed): a normal snapshot restricted to a temporary view selecting those ids,
the very serializer of a full export, so the records parse identically. With nothing new, nothing is
exported. The pull's cost follows what changed, not the project's size.

Deleted tasks cannot be seen that way. The state keeps the project's task ids; if the project's task count
is not "known tasks + new tasks", something was deleted and the ids are listed again to find what.

A full export of a large project is split into views by task id (:data:`CHUNK_TASKS` ids each), so no one
request runs near the 120 s a production server allows (10,000 annotated tasks took 16-45 s on PostgreSQL +
uwsgi on a busy 2-core machine); so is an incremental export of many tasks.

Times come from the server's clock, never from ours: a full pull starts at its first export's
``created_at``; an incremental one at the latest ``updated_at`` it listed (no later than the moment it
listed them), or where the last one started when nothing changed.
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
from claimstance.labelstudio.payloads import PROJECT_SUMMARIES_PAGE, TASK_IDS_PAGE, TASK_UPDATES_PAGE, ProjectSummary
from claimstance.labelstudio.projects import projects_titled, read_team_settings
from claimstance.labelstudio.results import parse_export
from claimstance.labelstudio.task_list import task_rows
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
    """Where the next pull's window ends, on the server's clock (ISO 8601, UTC): a full pull's first export's
    ``created_at``, or the latest ``updated_at`` an incremental pull listed."""
    task_ids: list[int]
    file_sha256: str
    """The annotations file that pull wrote: a file changed since then forces a full pull."""
    recent: NotRequired[dict[str, str]]
    """Task id -> ``updated_at`` as last listed, for the tasks the next pull will list again (its window)."""


PULL_STATE = TypeAdapter(PullState)


class _Created(TypedDict):
    id: int


class _Export(TypedDict):
    id: int
    status: str
    created_at: str


class _View(TypedDict):
    id: int
    data: NotRequired[dict[str, object] | None]


EXPORT = TypeAdapter(_Export)
CREATED = TypeAdapter(_Created)
PROJECT_FIELDS = "id,title,label_config,maximum_annotations,show_collab_predictions,task_number"
"""Only what a pull needs: Label Studio then counts the tasks and nothing else (the whole project detail
counts annotations, predictions and more: about 1 s on 100,000 tasks)."""
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


def _filter(field: str, operator: str, kind: str, value: object) -> dict[str, object]:
    return {"filter": f"filter:tasks:{field}", "operator": operator, "type": kind, "value": value}


def _snapshot(
    conn: Connection, project_id: int, items: list[dict[str, object]], ids: list[int] | None = None
) -> tuple[str, Iterator[object]]:
    """Export the tasks a temporary view selects (by filter ``items``, or the task ``ids``, never empty); return
    the server's time of the export and the tasks."""
    body: dict[str, object] = {
        "project": project_id,
        "data": {"title": VIEW_TITLE, "filters": {"conjunction": "and", "items": items}},
    }
    if ids is not None:
        if not ids:
            raise ValueError("an empty selection selects every task: skip the export instead")
        body["selected_items"] = {"all": False, "included": ids}
    view = conn.post("api/dm/views/", {}, body, "creating a view for the pull", CREATED)
    try:
        options = {
            "title": f"claimstance-{secrets.token_hex(4)}",
            "task_filter_options": {"view": view["id"]},
            "serialization_options": SERIALIZATION,
        }
        export = conn.post(f"api/projects/{project_id}/exports/", {}, options, "exporting changed tasks", EXPORT)
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
    body = conn.find("api/tasks/", params, "finding the task id range", TASK_IDS_PAGE)
    return body["tasks"][0]["id"] if body and body["tasks"] else None


def _full(conn: Connection, project_id: int, chunk: int) -> tuple[str, Iterator[object]]:
    """Every task, one snapshot per ``chunk`` task ids (read lazily, one temporary file at a time)."""
    low, high = _edge_id(conn, project_id, "tasks:id"), _edge_id(conn, project_id, "-tasks:id")
    if low is None or high is None:
        return _snapshot(conn, project_id, [])  # no task: an empty export
    ranges = [(start, min(start + chunk - 1, high)) for start in range(low, high + 1, chunk)]
    started, first = _snapshot(conn, project_id, [_id_range(*ranges[0])])

    def rest() -> Iterator[object]:
        yield from _by_id(first, *ranges[0])
        for start, end in ranges[1:]:
            yield from _by_id(_snapshot(conn, project_id, [_id_range(start, end)])[1], start, end)

    return started, rest()


def _id_range(start: int, end: int) -> dict[str, object]:
    return _filter("id", "in", "Number", {"min": start, "max": end})


def _by_id(tasks: Iterator[object], start: int, end: int) -> list[object]:
    """One chunk's tasks, in id order: the chunks cover ascending id ranges, so the whole pull is in task order
    and the merge holds one task at a time (:func:`claimstance.pull.update_annotations`). Only the chunk's: a
    view deleted meanwhile (by another pull clearing stale views) exports the whole project."""
    chunk = [t for t in tasks if _task_id(t) == -1 or start <= _task_id(t) <= end]
    return sorted(chunk, key=_task_id)


def _task_id(task: object) -> int:
    """A task's id; -1 for what is not a task (kept, for the parser to name)."""
    ident = task.get("id") if isinstance(task, dict) else None
    return ident if isinstance(ident, int) else -1


def _since(started_at: str) -> str:
    """The filter value: the last pull's start minus the safety window, in the format Label Studio parses."""
    return _format(_moment(started_at) - SAFETY_WINDOW)


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _format(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _project(conn: Connection, title: str) -> ProjectSummary:
    """The project named ``title`` with only the fields a pull needs (one request); missing or twice is an error."""
    pages = projects_titled(conn, title, f"looking up project '{title}'", PROJECT_SUMMARIES_PAGE, PROJECT_FIELDS)
    found = [p for body in pages for p in body["results"] if p["title"] == title]
    if not found:
        raise LabelStudioError(f"no project named '{title}' on {conn.settings.url}", hint="push units to it first")
    if len(found) > 1:
        ids = ", ".join(str(p["id"]) for p in found)
        raise LabelStudioError(f"{len(found)} projects are named '{title}' (ids {ids})", hint="rename all but one")
    return found[0]


def _updated_since(conn: Connection, project_id: int, since: str) -> dict[int, str]:
    """Task id -> ``updated_at`` of the tasks updated after ``since`` (ids and times only: a cheap query)."""
    query = json.dumps({"filters": _all_of([_filter("updated_at", "greater", "Datetime", since)])})
    what = "listing the tasks updated since the last pull"
    rows = task_rows(conn, project_id, "id,updated_at", TASK_UPDATES_PAGE, what=what, query=query)
    return {row["id"]: row["updated_at"] for row in rows}


def _all_of(items: list[dict[str, object]]) -> dict[str, object]:
    return {"conjunction": "and", "items": items}


def _exported(conn: Connection, project_id: int, ids: list[int], chunk: int) -> Iterator[object]:
    """The tasks ``ids`` (none: no request at all), ``chunk`` per export.

    Only those: a view deleted meanwhile (by another pull clearing stale views) exports the whole project.
    """
    for start in range(0, len(ids), chunk):
        selected = ids[start : start + chunk]
        wanted = set(selected)
        for task in _snapshot(conn, project_id, [], selected)[1]:
            if _task_id(task) == -1 or _task_id(task) in wanted:
                yield task


def _all_ids(conn: Connection, project_id: int) -> set[int]:
    """Every task id of the project (ids only: a page of 1,000 is a few kilobytes)."""
    rows = task_rows(conn, project_id, "id", TASK_IDS_PAGE, what="listing the project's task ids")
    return {row["id"] for row in rows}


def _recording(tasks: Iterator[object], state: PullState, after: datetime) -> Iterator[object]:
    """Pass a full pull's tasks through, noting each task's id and, for those updated ``after`` (the next pull's
    window), its ``updated_at``: the next pull need not export them again if it lists them unchanged. The
    export reads a task's row before its annotations, so what it holds is at least as new as that time."""
    recent = state.setdefault("recent", {})
    for task in tasks:
        ident = _task_id(task)
        if ident != -1:
            state["task_ids"].append(ident)
            updated = task.get("updated_at") if isinstance(task, dict) else None
            if isinstance(updated, str) and _moment(updated) > after:
                recent[str(ident)] = updated
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
    parsed as they are iterated (a full pull's in task order); the state's ``task_ids`` is complete once they
    have been. ``chunk`` task ids per export (default :data:`CHUNK_TASKS`).
    """
    chunk = chunk or CHUNK_TASKS
    with connected(settings, connection) as conn:
        # Counted here, before the tasks are listed: a task deleted in between is found by the next pull.
        detail = _project(conn, project)
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
        state = PullState(
            version=STATE_VERSION,
            url=conn.settings.url,
            project_id=project_id,
            config_sha256=config_sha,
            started_at="",
            task_ids=[],
            file_sha256="",
        )
        if previous is None or not usable:
            started, tasks = _full(conn, project_id, chunk)
            state["started_at"] = started
            records = parse(_recording(tasks, state, _moment(started) - SAFETY_WINDOW))
            return Changes(project, records, None, set(), state)
        listed = _updated_since(conn, project_id, _since(previous["started_at"]))
        seen = previous.get("recent", {})
        changed = sorted(task for task, updated in listed.items() if seen.get(str(task)) != updated)
        changed_tasks = list(_exported(conn, project_id, changed, chunk))
        known = set(previous["task_ids"])
        if detail["task_number"] == len(known) + len(listed.keys() - known):
            current, gone = known | listed.keys(), set()
        else:
            current = _all_ids(conn, project_id)
            gone = known - current
        # the latest update listed happened no later than the listing: the next window starts there at the latest
        latest = max([_moment(previous["started_at"]), *map(_moment, listed.values())])
        state["started_at"] = _format(latest)
        state["task_ids"] = sorted(current)
        state["recent"] = {str(t): u for t, u in listed.items() if _moment(u) > latest - SAFETY_WINDOW}
        return Changes(project, parse(changed_tasks), set(changed), gone, state)
