"""What a claim unit looks like as a Label Studio task, and how a push is planned (no server).

Label Studio Community has no upsert, so a push makes one: every task carries a unit id (``unit_id``) and a
content hash (``unit_hash``) in its data. :func:`index_tasks` indexes what a project already holds by unit
id (marking duplicates), :func:`plan_batch` decides for each task to import it, update it (changed, nobody
annotated it), report it (changed, annotated: never overwritten) or leave it, and ``labelstudio.push_tasks``
carries the plan out, holding :func:`project_lock`. Labeling configs are compared with :func:`config_changes`
(:func:`project_update`) before one is replaced.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from xml.etree import ElementTree

from claimstance import config, schema
from claimstance.errors import InputError, ProjectConfigError, ProjectLockedError
from claimstance.schema import AnnotationLabels, ClaimUnit, Speaker

T = TypeVar("T")

HASH_FIELD = "unit_hash"
DEFAULT_MODEL_VERSION = "claimstance"


# --- task payloads and predictions ----------------------------------------------------------------------


def speaker_display(speaker: Speaker) -> str:
    """One line naming who speaks and how it is attributed, shown above each claim in Label Studio."""
    who = speaker.name or "unknown speaker"
    if speaker.role:
        who = f"{who} ({speaker.role})"
    how = speaker.attribution.value.replace("_", " ")
    return f"{who} · {how}" + (f" · '{speaker.cue}'" if speaker.cue else "")


def content_hash(data: Mapping[str, Any]) -> str:
    """A hash of the unit a task carries: equal units, equal hash.

    The document title is left out: it is optional context (``push`` without ``--documents`` has none), and
    a push that omits it must not count every task as changed.
    """
    payload = {k: v for k, v in data.items() if k not in (HASH_FIELD, "doc_title")}
    return schema.stable_id(json.dumps(payload, sort_keys=True, ensure_ascii=False), length=16)


def task_data(unit: ClaimUnit, doc_title: str | None = None) -> dict[str, Any]:
    """The ``data`` of the task for ``unit``: what the labeling config shows, ids, offsets and a hash."""
    data: dict[str, Any] = {
        "text": unit.text,
        "context": unit.context,
        "speaker_display": speaker_display(unit.speaker),
        "unit_id": unit.id,
        "doc_id": unit.doc_id,
        "doc_title": doc_title,
        "index": unit.index,
        "kind": unit.kind.value,
        "char_start": unit.char_start,
        "char_end": unit.char_end,
        "speaker_name": unit.speaker.name,
        "speaker_role": unit.speaker.role,
        "speaker_attribution": unit.speaker.attribution.value,
        "speaker_cue": unit.speaker.cue,
    }
    data[HASH_FIELD] = content_hash(data)
    return data


def labels_to_result(labels: AnnotationLabels) -> list[dict[str, Any]]:
    """Label Studio ``result`` items for ``labels`` (an annotation's or a prediction's), in config order."""
    chosen: list[tuple[str, str, str]] = []
    for target in schema.STANCE_TARGETS:
        value = getattr(labels, target)
        if value is not None:
            chosen.append((target, "choices", value.value))
    if labels.is_claim is not None:
        chosen.append(("is_claim", "choices", "yes" if labels.is_claim else "no"))
    for name in ("speaker_correction", "comment"):
        text = getattr(labels, name)
        if text:
            chosen.append((name, "textarea", text))
    return [
        {
            "id": schema.stable_id(name, value, length=10),
            "from_name": name,
            "to_name": "text",
            "type": kind,
            "value": {"choices": [value]} if kind == "choices" else {"text": [value]},
        }
        for name, kind, value in chosen
    ]


def unit_tasks(
    units: Iterable[ClaimUnit],
    *,
    predictions: Mapping[str, AnnotationLabels] | None = None,
    model_version: str | None = None,
    doc_titles: Mapping[str, str | None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Each unit's task, streaming: its :func:`task_data` and its ``predictions`` labels, if any.

    ``doc_titles`` maps document ids to the titles the data carries; a prediction is tagged ``model_version``
    and left out when none of the unit's labels is set.
    """
    predictions = predictions or {}
    titles = doc_titles or {}
    for unit in units:
        task: dict[str, Any] = {"data": task_data(unit, titles.get(unit.doc_id))}
        labels = predictions.get(unit.id)
        result = labels_to_result(labels) if labels is not None else []
        if result:
            task["predictions"] = [{"model_version": model_version or DEFAULT_MODEL_VERSION, "result": result}]
        yield task


def _checked(task: Mapping[str, Any], position: int) -> tuple[dict[str, Any], dict[str, Any] | None]:
    where = f"task {position + 1} of the input"
    data = task.get("data") if isinstance(task, Mapping) else None
    if not isinstance(data, Mapping):
        raise InputError(f"{where} has no 'data' object", hint='give each task as {"data": {...}}')
    extra = sorted(str(key) for key in task if key not in ("data", "predictions"))
    if extra:
        raise InputError(f"{where} has {', '.join(extra)} besides 'data'", hint="give only data and predictions")
    unit_id = data.get("unit_id")
    if not isinstance(unit_id, str) or not unit_id:
        raise InputError(f"{where} has no 'unit_id' in its data", hint="give each task the id of its unit")
    predictions = task.get("predictions") or []
    if not isinstance(predictions, list) or len(predictions) > 1 or not all(isinstance(p, dict) for p in predictions):
        raise InputError(
            f"{where} (unit '{unit_id}') must have a list of at most one prediction",
            hint="a push adds a prediction only to a task that has none",
        )
    fresh = {key: value for key, value in data.items() if key != HASH_FIELD}
    try:
        fresh[HASH_FIELD] = content_hash(fresh)
    except (TypeError, ValueError) as exc:
        raise InputError(f"the data of unit '{unit_id}' is not JSON ({exc})", hint="give only JSON values") from None
    return fresh, (predictions[0] if predictions else None)


def checked_tasks(tasks: Iterable[Mapping[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each task's data, with a fresh content hash, and its prediction (or None), streaming.

    A task is ``{"data": {...}}`` plus, optionally, ``"predictions": [one prediction]``. Its data must
    name its unit (``unit_id``: a push matches tasks by it) and be JSON; a ``unit_hash`` it carries is
    replaced, as it may predate other fields. A malformed task or a unit id seen twice is an ``InputError``.
    """
    seen: set[str] = set()
    for position, task in enumerate(tasks):
        data, prediction = _checked(task, position)
        if data["unit_id"] in seen:
            raise InputError(f"unit id '{data['unit_id']}' appears twice in the input", hint="remove the duplicate")
        seen.add(data["unit_id"])
        yield data, prediction


# --- labeling configs -------------------------------------------------------------------------------------


def guidelines_html(markdown: str) -> str:
    """The annotation guidelines (Markdown) as the HTML Label Studio shows in its instructions panel."""
    from markdown_it import MarkdownIt

    # Raw HTML in the guidelines is escaped, not passed through: the panel renders whatever it gets.
    return str(MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown))


@dataclass(frozen=True)
class ConfigChanges:
    """How a labeling config differs from the one a project has: what breaks annotations, what is new."""

    breaking: list[str]
    added: list[str]


def _config_tags(xml: str) -> tuple[dict[str, tuple[str, str | None, list[str]]], set[str]]:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ProjectConfigError(f"labeling config is not valid XML ({exc})") from None
    controls: dict[str, tuple[str, str | None, list[str]]] = {}
    objects: set[str] = set()
    for element in root.iter():
        name = element.get("name")
        if name is None:
            continue
        if element.get("toName") is not None:
            values = [v for child in element for v in [child.get("alias") or child.get("value")] if v is not None]
            controls[name] = (element.tag, element.get("toName"), values)
        elif (element.get("value") or "").startswith("$"):
            objects.add(name)
    return controls, objects


def config_changes(old: str, new: str) -> ConfigChanges:
    """Compare two labeling configs: a removed or renamed control, label or object breaks annotations."""
    old_controls, old_objects = _config_tags(old)
    new_controls, new_objects = _config_tags(new)
    breaking = [f"object '{name}' removed or renamed" for name in sorted(old_objects - new_objects)]
    added = [f"object '{name}' added" for name in sorted(new_objects - old_objects)]
    for name, (tag, to_name, values) in old_controls.items():
        if name not in new_controls:
            breaking.append(f"control '{name}' removed or renamed")
            continue
        new_tag, new_to, new_values = new_controls[name]
        if new_tag != tag:
            breaking.append(f"control '{name}' changed from <{tag}> to <{new_tag}>")
        if new_to != to_name:
            breaking.append(f"control '{name}' now labels '{new_to}' instead of '{to_name}'")
        breaking += [f"label '{v}' of '{name}' removed or renamed" for v in values if v not in new_values]
        added += [f"label '{v}' added to '{name}'" for v in new_values if v not in values]
    added += [f"control '{name}' added" for name in new_controls if name not in old_controls]
    return ConfigChanges(breaking=breaking, added=added)


def project_update(
    current: Mapping[str, Any], label_config: str, instructions: str
) -> tuple[dict[str, Any], list[str]]:
    """The fields to change on a project (as Label Studio describes it), and what the new config adds.

    Raises :class:`ProjectConfigError` when the project has annotations that ``label_config`` would break
    (a control, label or object removed or renamed); a config that only adds is applied.
    """
    changes: dict[str, Any] = {}
    added: list[str] = []
    old = current.get("label_config") or ""
    if old.strip() != label_config.strip():
        diff = config_changes(old or "<View/>", label_config)
        annotated = int(current.get("total_annotations_number") or 0) + int(
            current.get("skipped_annotations_number") or 0
        )
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
        changes.update(expert_instruction=instructions, show_instruction=True)
    return changes, added


# --- planning a push ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExistingTask:
    """What a push needs to know about a task already in the project."""

    task_id: int
    unit_hash: str | None
    annotations: int
    predictions: int


@dataclass(frozen=True)
class Conflict:
    """A unit whose task could not be brought up to date, and why."""

    unit_id: str
    task_id: int
    reason: str


@dataclass(frozen=True)
class TaskIndex:
    """The project's tasks by unit id, plus duplicates to delete and duplicates that must stay."""

    by_unit: dict[str, ExistingTask]
    redundant: list[int]
    conflicts: list[Conflict]


def index_tasks(rows: Iterable[Mapping[str, Any]]) -> TaskIndex:
    """Index listed task rows by ``data.unit_id``; a unit with several tasks keeps the most annotated one.

    Extra tasks nobody annotated are marked redundant (a push deletes them); extra tasks with annotations
    are kept and reported. Rows without a unit id (tasks not made by claimstance) are ignored.
    """
    groups: dict[str, list[ExistingTask]] = {}
    for row in rows:
        data = row.get("data") or {}
        unit_id = data.get("unit_id") if isinstance(data, dict) else None
        if not isinstance(unit_id, str):
            continue
        annotations = int(row.get("total_annotations") or 0) + int(row.get("cancelled_annotations") or 0)
        task = ExistingTask(int(row["id"]), data.get(HASH_FIELD), annotations, int(row.get("total_predictions") or 0))
        groups.setdefault(unit_id, []).append(task)
    by_unit: dict[str, ExistingTask] = {}
    redundant: list[int] = []
    conflicts: list[Conflict] = []
    for unit_id, tasks in groups.items():
        tasks.sort(key=lambda t: (-t.annotations, t.task_id))
        by_unit[unit_id] = tasks[0]
        for extra in tasks[1:]:
            if extra.annotations:
                reason = f"unit has {len(tasks)} annotated tasks; keeping task {tasks[0].task_id} for updates"
                conflicts.append(Conflict(unit_id, extra.task_id, reason))
            else:
                redundant.append(extra.task_id)
    return TaskIndex(by_unit, sorted(redundant), conflicts)


@dataclass
class BatchPlan:
    """What one batch of units needs: tasks to import, tasks to update, predictions to add, conflicts."""

    create: list[dict[str, Any]] = field(default_factory=list)
    update: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    predict: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0


def plan_batch(
    tasks: Iterable[dict[str, Any]],
    existing: Mapping[str, ExistingTask],
    predictions: Mapping[str, dict[str, Any]] | None = None,
) -> BatchPlan:
    """Decide, for each task ``data``, whether to import it, update its task, or leave it (pure).

    ``predictions`` maps unit ids to prediction payloads: they go with new tasks, and onto existing tasks
    that have no prediction yet (so a later push can add pre-annotations); they never replace one.
    """
    plan = BatchPlan()
    predictions = predictions or {}
    for data in tasks:
        unit_id = data["unit_id"]
        prediction = predictions.get(unit_id)
        task = existing.get(unit_id)
        if task is None:
            plan.create.append({"data": data, **({"predictions": [prediction]} if prediction else {})})
            continue
        if prediction and not task.predictions:
            plan.predict.append({"task": task.task_id, **prediction})
        if task.unit_hash == data[HASH_FIELD]:
            plan.unchanged += 1
        elif task.annotations:
            reason = f"unit changed but task {task.task_id} has {task.annotations} annotation(s); not overwritten"
            plan.conflicts.append(Conflict(unit_id, task.task_id, reason))
        else:
            plan.update.append((task.task_id, data))
    return plan


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), streaming."""
    if size < 1:
        raise InputError(f"batch size must be at least 1, not {size}")
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
