"""tasks.py: what a unit looks like as a Label Studio task, labeling-config compatibility, planning a push."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from claimstance import schema, tasks
from claimstance.errors import InputError, ProjectConfigError, ProjectLockedError
from claimstance.schema import (
    AnnotationLabels,
    Attribution,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)
from claimstance.tasks import ExistingTask
from conftest import recorded, recorded_units

CONFIG = schema.labeling_config()


# --- labeling-config compatibility -------------------------------------------------------------------------


def test_identical_or_cosmetic_config_changes_break_nothing() -> None:
    assert tasks.config_changes(CONFIG, CONFIG) == tasks.ConfigChanges([], [])
    cosmetic = CONFIG.replace('size="5"', 'size="4"').replace("The speaker upholds", "The speaker defends")
    assert tasks.config_changes(CONFIG, cosmetic) == tasks.ConfigChanges([], [])


def test_removed_or_renamed_label_breaks_annotations() -> None:
    renamed = CONFIG.replace('<Choice value="oppose"', '<Choice value="against"')
    changes = tasks.config_changes(CONFIG, renamed)
    assert changes.breaking == ["label 'oppose' of 'stance_territorial_integrity' removed or renamed"]
    assert changes.added == ["label 'against' added to 'stance_territorial_integrity'"]
    removed = re.sub(r'\s*<Choice value="unfair"[^>]*/>', "", CONFIG)
    assert tasks.config_changes(CONFIG, removed).breaking == [
        "label 'unfair' of 'stance_election_fairness' removed or renamed"
    ]


def test_added_labels_and_controls_are_compatible() -> None:
    added = CONFIG.replace(
        '<Choice value="neutral" hint="The unit is about territorial',
        '<Choice value="mixed" hint="Both."/>\n    <Choice value="neutral" hint="The unit is about territorial',
    ).replace("</View>", '  <TextArea name="note" toName="text"/>\n</View>')
    changes = tasks.config_changes(CONFIG, added)
    assert changes.breaking == []
    assert changes.added == ["label 'mixed' added to 'stance_territorial_integrity'", "control 'note' added"]


def test_removed_control_changed_tag_and_removed_object_break_annotations() -> None:
    no_comment = re.sub(r'\s*<TextArea name="comment"[^>]*/>', "", CONFIG)
    assert tasks.config_changes(CONFIG, no_comment).breaking == ["control 'comment' removed or renamed"]
    as_text = CONFIG.replace('<TextArea name="comment" toName="text"', '<Choices name="comment" toName="text"')
    assert "control 'comment' changed from <TextArea> to <Choices>" in tasks.config_changes(CONFIG, as_text).breaking
    no_context = CONFIG.replace('<Text name="context" value="$context"/>', "")
    assert tasks.config_changes(CONFIG, no_context).breaking == ["object 'context' removed or renamed"]


def test_config_that_is_not_xml_is_a_config_error() -> None:
    with pytest.raises(ProjectConfigError, match="not valid XML"):
        tasks.config_changes(CONFIG, "<View><Choices name='x'></View>")


def project(annotations: int = 0, **fields: Any) -> dict[str, Any]:
    """A project as Label Studio describes it: annotation config, instructions shown."""
    return {
        "title": "p",
        "label_config": CONFIG,
        "expert_instruction": "<p>x</p>",
        "show_instruction": True,
        "total_annotations_number": annotations,
        **fields,
    }


def test_project_update_changes_only_what_differs() -> None:
    assert tasks.project_update(project(), CONFIG, "<p>x</p>") == ({}, [])
    changes, added = tasks.project_update(project(show_instruction=False), CONFIG, "<p>new</p>")
    assert changes == {"expert_instruction": "<p>new</p>", "show_instruction": True} and added == []


def test_project_update_refuses_a_breaking_config_only_once_someone_annotated() -> None:
    renamed = CONFIG.replace('<Choice value="fair"', '<Choice value="free_and_fair"')
    changes, _ = tasks.project_update(project(annotations=0), renamed, "<p>x</p>")
    assert changes == {"label_config": renamed}
    with pytest.raises(ProjectConfigError, match="project 'p' has annotations") as caught:
        tasks.project_update(project(annotations=0, skipped_annotations_number=1), renamed, "<p>x</p>")
    assert "label 'fair' of 'stance_election_fairness' removed" in str(caught.value)
    assert "new project" in str(caught.value)


# --- task payloads and predictions -----------------------------------------------------------------------


def test_task_data_carries_what_the_config_shows_and_what_pull_needs() -> None:
    unit = recorded_units()[0].model_copy(
        update={
            "speaker": Speaker(name="S. Lavrov", role="Foreign Minister", attribution=Attribution.REPORTED, cue="said")
        }
    )
    data = tasks.task_data(unit, doc_title="Lavrov on borders")
    variables = set(re.findall(r"\$(\w+)", CONFIG))
    assert variables <= data.keys()
    assert data["speaker_display"] == "S. Lavrov (Foreign Minister) · reported · 'said'"
    assert (data["unit_id"], data["doc_id"], data["doc_title"]) == (unit.id, unit.doc_id, "Lavrov on borders")
    assert (data["char_start"], data["char_end"], data["kind"]) == (0, len(unit.text), "claim")
    assert data["speaker_attribution"] == "reported" and data["speaker_cue"] == "said"
    assert tasks.task_data(unit, doc_title="Lavrov on borders") == data  # stable hash
    changed = tasks.task_data(unit.model_copy(update={"context": "More context."}), "Lavrov on borders")
    assert changed[tasks.HASH_FIELD] != data[tasks.HASH_FIELD]


def test_recorded_tasks_hash_the_same_today() -> None:
    """If this fails, every re-push would 'update' every task: the task payload format changed."""
    rows = recorded("tasks_page.json")["tasks"]
    for unit, row in zip(recorded_units(), rows, strict=True):
        assert tasks.task_data(unit) == row["data"]


def test_labels_become_label_studio_results_for_every_control() -> None:
    labels = AnnotationLabels(
        stance_territorial_integrity=StanceTerritorialIntegrity.OPPOSE,
        stance_election_fairness=StanceElectionFairness.NOT_APPLICABLE,
        is_claim=False,
        speaker_correction="Nikol Pashinyan",
        comment="hedged",
    )
    result = tasks.labels_to_result(labels)
    assert [(r["from_name"], r["type"], r["value"]) for r in result] == [
        ("stance_territorial_integrity", "choices", {"choices": ["oppose"]}),
        ("stance_election_fairness", "choices", {"choices": ["not_applicable"]}),
        ("is_claim", "choices", {"choices": ["no"]}),
        ("speaker_correction", "textarea", {"text": ["Nikol Pashinyan"]}),
        ("comment", "textarea", {"text": ["hedged"]}),
    ]
    assert all(r["to_name"] == "text" for r in result)
    assert tasks.labels_to_result(AnnotationLabels()) == []


def test_guidelines_become_html_with_raw_html_escaped() -> None:
    html = tasks.guidelines_html("# Codebook\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>")
    assert "<h1>Codebook</h1>" in html and "<table>" in html
    assert "<script>" not in html


def test_unit_tasks_carry_titles_and_only_predictions_with_labels() -> None:
    units = recorded_units()
    support = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)
    predictions = {units[0].id: support, units[1].id: AnnotationLabels(), "not-a-unit": support}
    made = list(tasks.unit_tasks(units, predictions=predictions, doc_titles={"rec-d0": "Borders"}))
    assert [t["data"] for t in made] == [tasks.task_data(u, "Borders") for u in units]
    assert made[0]["predictions"] == [{"model_version": "claimstance", "result": tasks.labels_to_result(support)}]
    assert "predictions" not in made[1] and "predictions" not in made[2]  # empty labels predict nothing
    tagged = next(tasks.unit_tasks(units[:1], predictions=predictions, model_version="rules-v2"))
    assert tagged["predictions"][0]["model_version"] == "rules-v2" and tagged["data"]["doc_title"] is None


def test_checked_tasks_hash_the_data_afresh_and_pass_predictions_on() -> None:
    unit = recorded_units()[0]
    stale = {**tasks.task_data(unit), "annotator_labels": "annotator-1: support"}  # added after hashing
    prediction = {"model_version": "m", "result": []}
    ((data, predicted),) = tasks.checked_tasks([{"data": stale, "predictions": [prediction]}])
    assert data["annotator_labels"] == "annotator-1: support" and predicted == prediction
    assert data[tasks.HASH_FIELD] == tasks.content_hash(stale) != stale[tasks.HASH_FIELD]
    ((plain, none),) = tasks.checked_tasks([{"data": tasks.task_data(unit)}])
    assert plain == tasks.task_data(unit) and none is None  # unit tasks keep the hash they were recorded with


@pytest.mark.parametrize(
    ("task", "message"),
    [
        ({"text": "no data key"}, "task 2 of the input has no 'data' object"),
        ({"data": {"unit_id": "u2"}, "annotations": []}, "task 2 of the input has annotations besides 'data'"),
        ({"data": {"text": "x"}}, "task 2 of the input has no 'unit_id' in its data"),
        ({"data": {"unit_id": "u2"}, "predictions": [{}, {}]}, "unit 'u2'.* at most one prediction"),
        ({"data": {"unit_id": "u2", "when": object()}}, "the data of unit 'u2' is not JSON"),
        ({"data": {"unit_id": "u1"}}, "unit id 'u1' appears twice in the input"),
    ],
)
def test_malformed_or_repeated_tasks_are_input_errors(task: dict[str, Any], message: str) -> None:
    checked = tasks.checked_tasks([{"data": {"unit_id": "u1"}}, task])
    assert next(checked)[0]["unit_id"] == "u1"
    with pytest.raises(InputError, match=message):
        next(checked)


# --- planning a push ---------------------------------------------------------------------------------------


def test_index_keeps_one_task_per_unit_and_marks_duplicates() -> None:
    rows = [
        {"id": 5, "data": {"unit_id": "u1", "unit_hash": "h"}, "total_annotations": 0},
        {"id": 6, "data": {"unit_id": "u1", "unit_hash": "h"}, "total_annotations": 2},
        {"id": 7, "data": {"unit_id": "u1", "unit_hash": "h"}, "total_annotations": 0},
        {"id": 8, "data": {"unit_id": "u2", "unit_hash": "h"}, "cancelled_annotations": 1},
        {"id": 9, "data": {"unit_id": "u2", "unit_hash": "h"}, "total_annotations": 1},
        {"id": 10, "data": {"text": "a task someone imported by hand"}},
    ]
    index = tasks.index_tasks(rows)
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
    plan = tasks.plan_batch([*units.values(), new], existing, preds)
    assert plan.create == [{"data": new, "predictions": [prediction]}]
    assert plan.update == [(2, units["rec-d0-u1"])]
    assert plan.unchanged == 1
    assert [(c.unit_id, c.task_id) for c in plan.conflicts] == [("rec-d0-u2", 3)]
    assert "not overwritten" in plan.conflicts[0].reason
    # a prediction is added to an existing task only when it has none
    assert plan.predict == [{"task": 1, **prediction}]


def test_batches_stream_in_fixed_sizes() -> None:
    assert list(tasks.batches(iter(range(5)), 2)) == [[0, 1], [2, 3], [4]]
    assert list(tasks.batches([], 3)) == []
    with pytest.raises(InputError, match="batch size must be at least 1, not 0"):
        next(tasks.batches(range(3), 0))


def test_project_lock_is_per_server_and_project(tmp_path: Path) -> None:
    url = "http://ls.test:8089"
    with tasks.project_lock(url, "recorded", data_dir=tmp_path) as lock:
        assert lock.parent == tmp_path / "locks"
        busy = pytest.raises(ProjectLockedError, match="another push to project 'recorded' is running")
        with busy, tasks.project_lock(url, "recorded", data_dir=tmp_path, timeout=0.05):
            pass
        with tasks.project_lock(url, "another project", data_dir=tmp_path):
            pass  # other projects are not blocked
        with tasks.project_lock("http://elsewhere:8080", "recorded", data_dir=tmp_path):
            pass  # nor the same title on another server
    with tasks.project_lock(url, "recorded", data_dir=tmp_path):
        pass  # released when the first push ends
