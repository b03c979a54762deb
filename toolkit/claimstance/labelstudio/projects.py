"""Projects and the push: create or update a project, then import, update or leave each task, idempotently.

Label Studio Community has no upsert, so :func:`push_tasks` (and :func:`push`, which builds the tasks of
units) makes one: it lists what the project holds (one call per 1,000 tasks, selected fields only), imports
what is missing in one call per batch, updates changed tasks nobody has annotated, and reports (never
overwrites) changed tasks that someone has. A push killed halfway is simply run again; two pushes to one
project take turns through :func:`project_lock`.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter

from claimstance import config, schema
from claimstance.config import ServerSettings
from claimstance.errors import LabelStudioError, ProjectConfigError, ProjectLockedError
from claimstance.labelstudio.client import Connection, connected, required_id
from claimstance.labelstudio.labeling_config import annotation_config, config_changes, same_config
from claimstance.labelstudio.payloads import (
    IMPORT_RESPONSE,
    PREDICTIONS_IMPORTED,
    PROJECT_DETAIL,
    PROJECTS_PAGE,
    TASK_DETAIL,
    TASKS_PAGE,
    ImportTask,
    ProjectChanges,
    ProjectDetail,
    ProjectsPage,
    ProjectSummariesPage,
    TaskRow,
)
from claimstance.labelstudio.plan import BatchPlan, Conflict, TaskIndex, batches, index_tasks, plan_batch
from claimstance.labelstudio.task_list import PAGE_SIZE, task_rows
from claimstance.labelstudio.tasks import checked_tasks, document_speakers, guidelines_html, unit_tasks
from claimstance.schema import AnnotationLabels, ClaimUnit

TASK_FIELDS = "id,data,total_annotations,cancelled_annotations,total_predictions"
DEFAULT_BATCH_SIZE = 5000
"""Units per import call: each call costs Label Studio ~0.1-0.3 s on top of its per-task work, so 1,000-unit
batches make a 10,000-unit push ~1.45x one bulk import, 5,000-unit batches ~1.1x (docs/performance.md)."""


DEFAULT_OVERLAP = 2
"""Independent annotations per unit a push asks for: the product is an agreement dataset."""


@dataclass(frozen=True)
class TeamSettings:
    """How a project hands units to a team: ``overlap`` annotations per unit, predictions shown or not."""

    overlap: int = DEFAULT_OVERLAP
    show_predictions: bool = False

    def changes(self) -> ProjectChanges:
        """The Label Studio project fields that carry these settings (the UI of Community Edition shows none).

        ``maximum_annotations`` is each task's overlap (re-spread over existing tasks when saved); empty
        annotations and the annotation history are off, and predictions are shown only when asked for.
        """
        return {
            "maximum_annotations": self.overlap,
            "show_collab_predictions": self.show_predictions,
            "evaluate_predictions_automatically": self.show_predictions,
            "enable_empty_annotation": False,
            "show_annotation_history": False,
        }


def read_team_settings(detail: ProjectDetail) -> TeamSettings:
    """The team settings a project holds (Label Studio's defaults for fields it does not report)."""
    return TeamSettings(
        overlap=detail.get("maximum_annotations") or 1, show_predictions=bool(detail.get("show_collab_predictions"))
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


_TitledPage = TypeVar("_TitledPage", ProjectsPage, ProjectSummariesPage)


def projects_titled(
    conn: Connection, title: str, what: str, page_type: TypeAdapter[_TitledPage], include: str = "id,title"
) -> Iterator[_TitledPage]:
    """The pages of projects whose title contains ``title`` (Label Studio's filter), ``include`` fields only."""
    page = 1
    while True:
        params: dict[str, str | int] = {"title": title, "page": page, "page_size": 100, "include": include}
        body = conn.find("api/projects/", params, what, page_type)
        if body is None:
            return
        yield body
        if not body.get("next"):
            return
        page += 1


def find_project(conn: Connection, title: str) -> ProjectDetail | None:
    """The project named ``title``, or None; two projects of that name are an error."""
    pages = projects_titled(conn, title, f"looking up project '{title}'", PROJECTS_PAGE)
    found = [p["id"] for body in pages for p in body["results"] if p["title"] == title]
    if len(found) > 1:
        ids = ", ".join(str(pid) for pid in found)
        raise LabelStudioError(f"{len(found)} projects are named '{title}' (ids {ids})", hint="rename all but one")
    if not found:
        return None
    return conn.get(f"api/projects/{found[0]}/", {}, f"reading project '{title}'", PROJECT_DETAIL)


def require_project(conn: Connection, title: str) -> int:
    """The id of the project named ``title``; a missing project is an error."""
    project = find_project(conn, title)
    if project is None:
        raise LabelStudioError(f"no project named '{title}' on {conn.settings.url}", hint="push units to it first")
    return project["id"]


def project_update(
    current: ProjectDetail, label_config: str, instructions: str, team: TeamSettings | None = None
) -> tuple[ProjectChanges, list[str]]:
    """The fields to change on a project (as Label Studio describes it), and what the new config adds.

    ``team`` (default: :class:`TeamSettings`'s) sets overlap and prediction visibility.

    Raises :class:`ProjectConfigError` when the project has annotations that ``label_config`` would break
    (a control, label or object removed or renamed); a config that only adds is applied.
    """
    changes: ProjectChanges = {}
    added: list[str] = []
    old = current.get("label_config") or ""
    if not same_config(old, label_config):
        diff = config_changes(old or "<View/>", label_config)
        annotated = (current.get("total_annotations_number") or 0) + (current.get("skipped_annotations_number") or 0)
        if diff.breaking and annotated > 0:
            raise ProjectConfigError(
                f"project '{current.get('title')}' has annotations that its new labeling config would break: "
                + "; ".join(diff.breaking),
                hint="restore the labels in Label Studio, or push to a new project",
                detail="\n".join(diff.breaking),
            )
        changes["label_config"] = label_config
        added = diff.added
    if current.get("expert_instruction") != instructions or not current.get("show_instruction"):
        changes["expert_instruction"] = instructions
        changes["show_instruction"] = True
    for key, value in (team or TeamSettings()).changes().items():
        if current.get(key) != value:
            changes[key] = value  # type: ignore[literal-required]
    return changes, added


def ensure_project(
    project: str,
    *,
    guidelines: str,
    label_config: str | None = None,
    settings: ServerSettings | None = None,
    connection: Connection | None = None,
    team: TeamSettings | None = None,
) -> ProjectInfo:
    """Create the project, or bring its labeling config, instructions and ``team`` settings up to date.

    The config defaults to the annotation config; the guidelines (Markdown) become the project's
    instructions, shown to annotators. A config change that would break existing annotations (a control,
    label or object removed or renamed) raises :class:`ProjectConfigError`; adding labels is applied.
    """
    with connected(settings, connection) as conn:
        return _ensure_project(conn, project, guidelines=guidelines, label_config=label_config, team=team)


def _ensure_project(
    conn: Connection, project: str, *, guidelines: str, label_config: str | None, team: TeamSettings | None
) -> ProjectInfo:
    wanted = label_config or annotation_config()
    instructions = guidelines_html(guidelines)
    current = find_project(conn, project)
    if current is None:
        fields = (team or TeamSettings()).changes()
        created = conn.call(
            f"creating project '{project}'",
            lambda: conn.sdk.projects.create(
                title=project, label_config=wanted, expert_instruction=instructions, show_instruction=True, **fields
            ),
            idempotent=False,
        )
        return ProjectInfo(id=required_id(created.id, f"project '{project}'"), title=project, created=True)

    changes, added = project_update(current, wanted, instructions, team)
    if changes:
        conn.call(f"updating project '{project}'", lambda: conn.sdk.projects.update(current["id"], **changes))
    return ProjectInfo(
        id=current["id"],
        title=project,
        config_updated="label_config" in changes,
        instructions_updated="expert_instruction" in changes,
        config_added=tuple(added),
    )


def list_tasks(
    conn: Connection, project_id: int, fields: str = TASK_FIELDS, *, page_size: int = PAGE_SIZE
) -> Iterator[TaskRow]:
    """Stream a project's tasks (selected fields only), ``page_size`` per call, in id order."""
    return task_rows(conn, project_id, fields, TASKS_PAGE, page_size=page_size)


def task_ids(
    project: str, *, settings: ServerSettings | None = None, connection: Connection | None = None
) -> dict[str, int]:
    """Task id of every unit in the project (``unit_id -> task id``)."""
    with connected(settings, connection) as conn:
        index = index_tasks(list_tasks(conn, require_project(conn, project)))
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
    guidelines_version: str = schema.GUIDELINES_VERSION
    """The version the pushed codebook states (its ``Guidelines version`` line), now the project's instructions."""


@contextlib.contextmanager
def project_lock(url: str, project: str, *, data_dir: str | Path | None = None, timeout: float = 0.0) -> Iterator[Path]:
    """Hold the push lock of ``project`` on ``url`` (a file under the data dir); busy -> ProjectLockedError."""
    from filelock import FileLock, Timeout

    directory = config.data_dir(data_dir) / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"push-{schema.stable_id(url, project, length=16)}.lock"
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise ProjectLockedError(
            f"another push to project '{project}' is running",
            path=path,
            hint="wait for it to finish (pushing again afterwards is safe)",
        ) from None
    try:
        yield path
    finally:
        lock.release()


def _still_unannotated(conn: Connection, task_id: int) -> bool:
    row = conn.get(f"api/tasks/{task_id}/", {}, f"reading task {task_id}", TASK_DETAIL)
    return not (row.get("annotations") or row.get("total_annotations") or row.get("cancelled_annotations"))


def _apply(conn: Connection, project_id: int, plan: BatchPlan, report: PushReport) -> None:
    """Carry out one batch's plan: one import call, one call per update, one call for predictions."""
    if plan.create:
        path, action = f"api/projects/{project_id}/import", f"importing {len(plan.create)} tasks"
        imported = conn.post(path, {"return_task_ids": "true"}, plan.create, action, IMPORT_RESPONSE)
        created = imported.get("task_ids")
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
            report.conflicts.append(Conflict(str(data["unit_id"]), task_id, reason))
            continue
        conn.call(f"updating task {task_id}", functools.partial(conn.sdk.tasks.update, str(task_id), data=data))
        report.updated += 1
    if plan.predict:
        path, action = f"api/projects/{project_id}/import/predictions", f"adding {len(plan.predict)} predictions"
        conn.post(path, {}, plan.predict, action, PREDICTIONS_IMPORTED)
        report.predictions_added += len(plan.predict)
    report.unchanged += plan.unchanged
    report.conflicts += plan.conflicts


def delete_tasks(conn: Connection, project_id: int, task_ids: list[int]) -> None:
    """Delete tasks of a project by id (duplicates a push found, units a pass no longer holds)."""
    from label_studio_sdk.actions.types.prepare_params_request_request_selected_items_included import (
        PrepareParamsRequestRequestSelectedItemsIncluded as Included,
    )

    selected = Included(all_=False, included=task_ids)
    conn.call(
        f"deleting {len(task_ids)} tasks",
        lambda: conn.sdk.actions.create(id="delete_tasks", project=project_id, selected_items=selected),
    )


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
    connection: Connection | None = None,
    team: TeamSettings | None = None,
    speakers: Mapping[str, Sequence[str]] | None = None,
) -> PushReport:
    """Push units to ``project`` as tasks: idempotent, resumable, never overwriting annotated work.

    The tasks are :func:`tasks.unit_tasks` (with their ``predictions``, tagged ``model_version``, and
    titles from ``doc_titles``, by document id, and the speakers of each document: ``speakers``, else
    :func:`tasks.document_speakers` of ``units``) under the annotation config; see :func:`push_tasks`.
    ``team`` sets overlap and prediction visibility (default: 2 annotations per unit, predictions hidden).
    """
    if speakers is None:
        units = units if isinstance(units, Sequence) else list(units)  # read twice: each document's speakers first
        speakers = document_speakers(units)
    tasks = unit_tasks(
        units,
        predictions=predictions,
        model_version=model_version,
        doc_titles=doc_titles,
        speakers=speakers,
    )
    return push_tasks(
        tasks,
        project,
        label_config=annotation_config(),
        guidelines=guidelines,
        settings=settings,
        batch_size=batch_size,
        progress=progress,
        lock_timeout=lock_timeout,
        data_dir=data_dir,
        connection=connection,
        team=team,
    )


def push_tasks(
    tasks: Iterable[ImportTask],
    project: str,
    *,
    label_config: str,
    guidelines: str,
    settings: ServerSettings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    lock_timeout: float = 0.0,
    data_dir: str | Path | None = None,
    connection: Connection | None = None,
    team: TeamSettings | None = None,
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
    url = connection.settings.url if connection is not None else (settings or config.server_settings()).url
    with project_lock(url, project, data_dir=data_dir, timeout=lock_timeout), connected(settings, connection) as conn:
        info = _ensure_project(conn, project, guidelines=guidelines, label_config=label_config, team=team)
        report = PushReport(
            project=project,
            project_id=info.id,
            project_created=info.created,
            config_updated=info.config_updated,
            instructions_updated=info.instructions_updated,
            config_added=info.config_added,
            guidelines_version=schema.guidelines_version(guidelines),
        )
        index = index_tasks(list_tasks(conn, info.id)) if not info.created else TaskIndex({}, [], [])
        report.conflicts += index.conflicts
        if index.redundant:
            delete_tasks(conn, info.id, index.redundant)
            report.duplicates_removed = len(index.redundant)
        for batch in itertools.chain([first] if first else [], pending):
            predicted = {str(data["unit_id"]): prediction for data, prediction in batch if prediction is not None}
            _apply(conn, info.id, plan_batch([data for data, _ in batch], index.by_unit, predicted), report)
            if progress is not None:
                progress(len(batch))
        return report
