"""Planning a push (no server): what a project holds by unit id, and what each batch of tasks needs.

:func:`index_tasks` indexes the task rows a project lists by unit id (marking duplicates); :func:`plan_batch`
decides for each task to import it, update it (changed, nobody annotated it), report it (changed, annotated:
never overwritten) or leave it. :mod:`.projects` carries the plan out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from claimstance.errors import InputError
from claimstance.labelstudio.payloads import ImportTask, PredictionPayload, TaskPrediction, TaskRow
from claimstance.labelstudio.tasks import HASH_FIELD, TaskData

T = TypeVar("T")


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


def index_tasks(rows: Iterable[TaskRow]) -> TaskIndex:
    """Index listed task rows by ``data.unit_id``; a unit with several tasks keeps the most annotated one.

    Extra tasks nobody annotated are marked redundant (a push deletes them); extra tasks with annotations
    are kept and reported. Rows without a unit id (tasks not made by claimstance) are ignored.
    """
    groups: dict[str, list[ExistingTask]] = {}
    for row in rows:
        data = row["data"]
        unit_id, unit_hash = data.get("unit_id"), data.get(HASH_FIELD)
        if not isinstance(unit_id, str):
            continue
        annotations = (row.get("total_annotations") or 0) + (row.get("cancelled_annotations") or 0)
        predictions = row.get("total_predictions") or 0
        task = ExistingTask(row["id"], unit_hash if isinstance(unit_hash, str) else None, annotations, predictions)
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

    create: list[ImportTask] = field(default_factory=list)
    update: list[tuple[int, TaskData]] = field(default_factory=list)
    predict: list[TaskPrediction] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0


def plan_batch(
    tasks: Iterable[TaskData],
    existing: Mapping[str, ExistingTask],
    predictions: Mapping[str, PredictionPayload] | None = None,
) -> BatchPlan:
    """Decide, for each task ``data``, whether to import it, update its task, or leave it (pure).

    ``predictions`` maps unit ids to prediction payloads: they go with new tasks, and onto existing tasks
    that have no prediction yet (so a later push can add pre-annotations); they never replace one.
    """
    plan = BatchPlan()
    predictions = predictions or {}
    for data in tasks:
        unit_id = str(data["unit_id"])
        prediction = predictions.get(unit_id)
        task = existing.get(unit_id)
        if task is None:
            plan.create.append({"data": data, "predictions": [prediction]} if prediction else {"data": data})
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
