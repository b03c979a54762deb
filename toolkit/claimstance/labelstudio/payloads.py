"""Every Label Studio payload claimstance builds or reads, as a ``TypedDict``.

What we send (tasks, results, predictions) is built here and typed end to end. What the server answers is
validated on arrival (:data:`PROJECTS_PAGE` and the other adapters, through pydantic), so a server that
answers something else is one clean error, not a ``KeyError`` deep in a push. Exports are the exception:
they come from files a user downloaded as much as from the server, so :mod:`.results` reads them as plain
JSON (``object``) and checks every field itself, naming the task that does not fit.

The response types use ``typing_extensions.TypedDict``: pydantic validates a ``TypedDict`` on Python 3.11
only in that spelling. Fields the server may leave out are ``NotRequired``; unknown fields are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, Literal, NotRequired, TypeVar

from pydantic import TypeAdapter
from typing_extensions import TypedDict

# --- what we send ---------------------------------------------------------------------------------------


class SpeakerOption(TypedDict):
    """One option of the speaker choice (Label Studio's dynamic ``<Choice>`` attributes)."""

    value: str
    html: str
    hotkey: NotRequired[str]


class UnitTaskData(TypedDict):
    """The ``data`` of a unit's task: what the labeling config shows, ids, offsets and a content hash."""

    text: str
    context: str
    context_html: str
    speaker_display: str
    unit_id: str
    doc_id: str
    doc_title: str | None
    index: int
    kind: str
    char_start: int
    char_end: int
    speaker_name: str | None
    speaker_role: str | None
    speaker_attribution: str
    speaker_cue: str | None
    speakers: list[SpeakerOption]
    unit_hash: str


class AdjudicationTaskData(UnitTaskData):
    """A disputed unit's task data: the unit's, plus what its annotators chose, for the adjudicator."""

    annotator_labels: str
    disputed_targets: str
    annotators: list[str]


class ChoicesValue(TypedDict):
    choices: list[str]


class TextValue(TypedDict):
    text: list[str]


class ResultItem(TypedDict):
    """One control's value in an annotation's or a prediction's ``result``."""

    id: str
    from_name: str
    to_name: str
    type: Literal["choices", "textarea"]
    value: ChoicesValue | TextValue


class PredictionPayload(TypedDict):
    """A prediction as a task carries it at import."""

    model_version: str
    result: list[ResultItem]


class TaskPrediction(PredictionPayload):
    """A prediction added to a task that already exists."""

    task: int


class ImportTask(TypedDict):
    """A task to import: its ``data`` (any JSON object naming its ``unit_id``) and at most one prediction."""

    data: Mapping[str, object]
    predictions: NotRequired[list[PredictionPayload]]


class ProjectChanges(TypedDict, total=False):
    """The project fields a push brings up to date."""

    label_config: str
    expert_instruction: str
    show_instruction: bool
    maximum_annotations: int
    show_collab_predictions: bool
    enable_empty_annotation: bool
    show_annotation_history: bool
    evaluate_predictions_automatically: bool


# --- what the server answers ----------------------------------------------------------------------------


class ProjectRef(TypedDict):
    id: int
    title: str


class ProjectsPage(TypedDict):
    """``GET /api/projects/?title=...&include=id,title``."""

    results: list[ProjectRef]
    next: NotRequired[str | None]


class ProjectDetail(TypedDict):
    """``GET /api/projects/{id}/``: what a push compares before it changes the project."""

    id: int
    title: str
    description: NotRequired[str | None]
    label_config: NotRequired[str | None]
    expert_instruction: NotRequired[str | None]
    show_instruction: NotRequired[bool | None]
    total_annotations_number: NotRequired[int | None]
    skipped_annotations_number: NotRequired[int | None]
    maximum_annotations: NotRequired[int | None]
    show_collab_predictions: NotRequired[bool | None]
    enable_empty_annotation: NotRequired[bool | None]
    show_annotation_history: NotRequired[bool | None]
    evaluate_predictions_automatically: NotRequired[bool | None]


class TaskId(TypedDict):
    """One task of ``GET /api/tasks/?include=id``: a pull's list of the project's task ids."""

    id: int


class TaskUpdate(TypedDict):
    """One task of ``GET /api/tasks/?include=id,updated_at``: when a task last changed (server's clock)."""

    id: int
    updated_at: str


class TaskRow(TypedDict):
    """One task of ``GET /api/tasks/`` with the fields a push asks for."""

    id: int
    data: dict[str, object]
    total_annotations: NotRequired[int | None]
    cancelled_annotations: NotRequired[int | None]
    total_predictions: NotRequired[int | None]


class ProjectSummary(ProjectDetail):
    """A project as ``GET /api/projects/?include=...`` lists it for a pull: what it needs and the task count."""

    task_number: int


class ProjectSummariesPage(TypedDict):
    results: list[ProjectSummary]
    next: NotRequired[str | None]


Row = TypeVar("Row", TaskId, TaskUpdate, TaskRow)


class TaskPage(TypedDict, Generic[Row]):
    """One page of the data manager's task list, ``GET /api/tasks/?page=...``: its rows, and how many tasks
    the whole (filtered) list holds (Label Studio 1.23.2 always sends ``total``; see :mod:`.task_list`)."""

    tasks: list[Row]
    total: NotRequired[int | None]


class TaskDetail(TypedDict):
    """``GET /api/tasks/{id}/``: whether someone annotated the task meanwhile."""

    id: int
    annotations: NotRequired[list[object] | None]
    total_annotations: NotRequired[int | None]
    cancelled_annotations: NotRequired[int | None]


class ImportResponse(TypedDict):
    """``POST /api/projects/{id}/import?return_task_ids=true``."""

    task_ids: NotRequired[list[int] | None]


class PredictionsImported(TypedDict):
    """``POST /api/projects/{id}/import/predictions``."""

    created: NotRequired[int | None]


class AccessToken(TypedDict):
    """``POST /api/token/refresh/``: a short-lived access token for a personal access token."""

    access: str


class Invite(TypedDict):
    """``GET /api/invite``: the organization's sign-up link."""

    invite_url: str


PROJECTS_PAGE = TypeAdapter(ProjectsPage)
PROJECT_DETAIL = TypeAdapter(ProjectDetail)
PROJECT_SUMMARIES_PAGE = TypeAdapter(ProjectSummariesPage)
TASKS_PAGE = TypeAdapter(TaskPage[TaskRow])
TASK_IDS_PAGE = TypeAdapter(TaskPage[TaskId])
TASK_UPDATES_PAGE = TypeAdapter(TaskPage[TaskUpdate])
TASK_DETAIL = TypeAdapter(TaskDetail)
IMPORT_RESPONSE = TypeAdapter(ImportResponse)
PREDICTIONS_IMPORTED = TypeAdapter(PredictionsImported)
INVITE = TypeAdapter(Invite)
ACCESS_TOKEN = TypeAdapter(AccessToken)
