"""labelstudio.plan: what a project holds by unit id, and what each batch of a push needs (no server)."""

from __future__ import annotations

import pytest
from claimstance.errors import InputError
from claimstance.labelstudio import plan as planning
from claimstance.labelstudio import tasks
from claimstance.labelstudio.plan import ExistingTask
from conftest import recorded_units


def test_index_keeps_one_task_per_unit_and_marks_duplicates() -> None:
    rows = [
        {"id": 5, "data": {"unit_id": "u1", "unit_hash": "h"}, "total_annotations": 0},
        {"id": 6, "data": {"unit_id": "u1", "unit_hash": "h"}, "total_annotations": 2},
        {"id": 7, "data": {"unit_id": "u1", "unit_hash": "h"}, "total_annotations": 0},
        {"id": 8, "data": {"unit_id": "u2", "unit_hash": "h"}, "cancelled_annotations": 1},
        {"id": 9, "data": {"unit_id": "u2", "unit_hash": "h"}, "total_annotations": 1},
        {"id": 10, "data": {"text": "a task someone imported by hand"}},
    ]
    index = planning.index_tasks(rows)
    assert index.by_unit["u1"] == ExistingTask(6, "h", 2, 0)
    assert index.by_unit["u2"].task_id == 8
    assert index.redundant == [5, 7]
    assert [(c.unit_id, c.task_id) for c in index.conflicts] == [("u2", 9)]
    assert set(index.by_unit) == {"u1", "u2"}


def test_plan_creates_updates_leaves_and_reports() -> None:
    units = {u.id: tasks.task_data(u) for u in recorded_units()}
    new = tasks.task_data(recorded_units()[0].model_copy(update={"id": "rec-d0-u9"}))
    existing = {
        "rec-d0-u0": ExistingTask(1, units["rec-d0-u0"]["unit_hash"], 3, 0),  # same: unchanged
        "rec-d0-u1": ExistingTask(2, "old-hash", 0, 1),  # changed, nobody annotated: update
        "rec-d0-u2": ExistingTask(3, "old-hash", 1, 0),  # changed, annotated: conflict
    }
    prediction = {"model_version": "m", "result": [{"from_name": "is_claim"}]}
    preds = {"rec-d0-u0": prediction, "rec-d0-u1": prediction, "rec-d0-u9": prediction}
    plan = planning.plan_batch([*units.values(), new], existing, preds)
    assert plan.create == [{"data": new, "predictions": [prediction]}]
    assert plan.update == [(2, units["rec-d0-u1"])]
    assert plan.unchanged == 1
    assert [(c.unit_id, c.task_id) for c in plan.conflicts] == [("rec-d0-u2", 3)]
    assert "not overwritten" in plan.conflicts[0].reason
    # a prediction is added to an existing task only when it has none
    assert plan.predict == [{"task": 1, **prediction}]


def test_batches_stream_in_fixed_sizes() -> None:
    assert list(planning.batches(iter(range(5)), 2)) == [[0, 1], [2, 3], [4]]
    assert list(planning.batches([], 3)) == []
    with pytest.raises(InputError, match="batch size must be at least 1, not 0"):
        next(planning.batches(range(3), 0))
