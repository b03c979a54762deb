"""labelstudio.results: Label Studio exports become pseudonymous Annotation records; labels become results."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from claimstance.errors import ExportFormatError
from claimstance.labelstudio import export, results
from claimstance.schema import Annotation, AnnotationLabels, StanceElectionFairness, StanceTerritorialIntegrity

DATA = Path(__file__).parent / "data"
UI_EXPORT = DATA / "ls_export_ui.json"
SNAPSHOT = DATA / "ls_export_snapshot.json"
OTHER_CONFIG = DATA / "ls_export_other_config.json"
EMAILS = ("ayla.mammadova@example.org", "Jonas.Keller@example.org")
USERS = {2: "ayla.mammadova@example.org", 3: "jonas.keller@example.org"}


def _tasks(path: Path = UI_EXPORT) -> list[dict[str, Any]]:
    return export.read_export(path)


def _parse(tasks: list[dict[str, Any]], **kwargs: Any) -> list[Annotation]:
    return list(results.parse_export(tasks, project="claimstance", **kwargs))


def _by_ls_id(records: list[Annotation]) -> dict[int, Annotation]:
    return {r.ls_annotation_id: r for r in records}


def test_ui_export_becomes_one_record_per_annotation() -> None:
    records = _by_ls_id(_parse(_tasks()))
    assert sorted(records) == [201, 202, 203, 204, 205, 206]  # task 104 has no annotation yet
    first = records[201]
    assert first.id == "ls-7-201"
    assert (first.ls_project_id, first.ls_task_id) == (7, 101)
    assert first.unit_id == "azertac-en-d01-5c1f0a9e2b7d"
    assert first.stance_territorial_integrity is StanceTerritorialIntegrity.SUPPORT
    assert first.stance_election_fairness is StanceElectionFairness.NOT_APPLICABLE
    assert first.is_claim is True
    assert first.lead_time == pytest.approx(41.273)
    assert first.created_at == datetime(2024, 9, 4, 9, 15, 2, 441873, tzinfo=UTC)
    assert records[206].is_claim is False
    assert records[204].speaker_correction == "OSCE/ODIHR election observation mission"


def test_free_text_keeps_quotes_newlines_and_non_latin_text() -> None:
    comment = _by_ls_id(_parse(_tasks()))[202].comment
    assert comment == "Цитата: \"территориальная целостность\" — cf. 'Karabakh'\nsee paragraph 2"


def test_a_skipped_task_is_kept_as_cancelled_without_labels() -> None:
    skipped = _by_ls_id(_parse(_tasks()))[205]
    assert skipped.cancelled is True
    assert skipped.stance_territorial_integrity is None and skipped.is_claim is None


def test_user_objects_and_bare_user_ids_give_the_same_pseudonyms_when_users_are_known() -> None:
    from_objects = {r.ls_annotation_id: r.annotator for r in _parse(_tasks(SNAPSHOT))}
    from_ids = {r.ls_annotation_id: r.annotator for r in _parse(_tasks(UI_EXPORT), users=USERS)}
    assert from_objects == from_ids
    anonymous = {r.ls_annotation_id: r.annotator for r in _parse(_tasks(UI_EXPORT))}
    assert anonymous[201] == results.pseudonym("user-2")
    assert anonymous[201] != from_ids[201]


def test_pseudonym_is_stable_case_insensitive_and_salted_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(results.PSEUDONYM_SALT_ENV, raising=False)
    default = results.pseudonym("ayla.mammadova@example.org")
    assert default == results.pseudonym("  Ayla.Mammadova@Example.org ")
    assert default != results.pseudonym("jonas.keller@example.org")
    monkeypatch.setenv(results.PSEUDONYM_SALT_ENV, "our-project-secret")
    salted = results.pseudonym("ayla.mammadova@example.org")
    assert salted != default
    assert salted == results.pseudonym("ayla.mammadova@example.org", salt="our-project-secret")


def test_export_of_another_project_names_the_unknown_control() -> None:
    with pytest.raises(ExportFormatError) as info:
        list(results.parse_export(_tasks(OTHER_CONFIG), project="claimstance", source=str(OTHER_CONFIG)))
    line = info.value.one_line()
    assert "'sentiment'" in line and "unknown control" in line
    assert str(OTHER_CONFIG) in line and "task 5" in line


def _with_choice(value: str) -> list[dict[str, Any]]:
    tasks = copy.deepcopy(_tasks())
    tasks[1]["annotations"][0]["result"][0]["value"]["choices"] = [value]
    return tasks


@pytest.mark.parametrize("value", ["Support", 'поддержка "да"\nи нет', "not applicable"])
def test_a_label_outside_the_label_set_names_task_and_value(value: str) -> None:
    with pytest.raises(ExportFormatError) as info:
        _parse(_with_choice(value), source="export.json")
    line = info.value.one_line()
    assert "\n" not in line
    assert info.value.task_id == 102 and "task 102" in line
    assert repr(value) in line and "stance_territorial_integrity" in line


def test_two_choices_in_a_single_choice_control_are_refused() -> None:
    tasks = copy.deepcopy(_tasks())
    tasks[0]["annotations"][0]["result"][0]["value"]["choices"] = ["support", "oppose"]
    with pytest.raises(ExportFormatError, match="single-choice"):
        _parse(tasks)


def test_a_task_without_unit_id_is_refused_with_a_hint() -> None:
    tasks = copy.deepcopy(_tasks())
    del tasks[2]["data"]["unit_id"]
    with pytest.raises(ExportFormatError) as info:
        _parse(tasks)
    assert info.value.task_id == 103 and "unit_id" in info.value.one_line()


def test_string_ids_and_missing_project_are_accepted() -> None:
    tasks = copy.deepcopy(_tasks())
    for task in tasks:
        task.pop("project")
        for annotation in task["annotations"]:
            annotation["id"] = str(annotation["id"])
    records = _parse(tasks)
    assert records[0].id == "ls-claimstance-201" and records[0].ls_project_id is None
    assert _parse(tasks, project_id=7)[0].id == "ls-7-201"


def test_an_export_of_another_project_id_is_refused() -> None:
    with pytest.raises(ExportFormatError, match="project 7, not 9"):
        _parse(_tasks(), project_id=9)


def test_a_duplicated_annotation_is_refused() -> None:
    tasks = copy.deepcopy(_tasks())
    tasks[1]["annotations"].append(copy.deepcopy(tasks[0]["annotations"][0]))
    with pytest.raises(ExportFormatError, match="annotation 201 appears twice"):
        _parse(tasks)


def test_predictions_and_drafts_are_not_annotations() -> None:
    snapshot = _tasks(SNAPSHOT)
    assert isinstance(snapshot[0]["predictions"][0], dict) and isinstance(_tasks()[0]["predictions"][0], int)
    snapshot[0]["drafts"] = [{"id": 77, "result": [], "lead_time": 5.0, "user": "annotator", "task": 101}]
    records = _parse(snapshot)
    assert len(records) == 6
    assert {r.ls_annotation_id for r in records} == {201, 202, 203, 204, 205, 206}


def test_labels_become_label_studio_results_for_every_control() -> None:
    labels = AnnotationLabels(
        stance_territorial_integrity=StanceTerritorialIntegrity.OPPOSE,
        stance_election_fairness=StanceElectionFairness.NOT_APPLICABLE,
        is_claim=False,
        speaker_correction="Nikol Pashinyan",
        comment="hedged",
    )
    result = results.labels_to_result(labels)
    assert [(r["from_name"], r["type"], r["value"]) for r in result] == [
        ("stance_territorial_integrity", "choices", {"choices": ["oppose"]}),
        ("stance_election_fairness", "choices", {"choices": ["not_applicable"]}),
        ("is_claim", "choices", {"choices": ["no"]}),
        ("speaker_correction", "textarea", {"text": ["Nikol Pashinyan"]}),
        ("comment", "textarea", {"text": ["hedged"]}),
    ]
    assert all(r["to_name"] == "text" for r in result)
    assert results.labels_to_result(AnnotationLabels()) == []


def test_results_of_labels_parse_back_to_the_same_labels() -> None:
    labels = AnnotationLabels(stance_election_fairness=StanceElectionFairness.UNFAIR, is_claim=True, comment="a\nb")
    task = {"id": 1, "data": {"unit_id": "u1"}, "annotations": [{"id": 5, "result": results.labels_to_result(labels)}]}
    (record,) = results.parse_export([task], project="p")
    assert AnnotationLabels.model_validate(record.model_dump(include=set(AnnotationLabels.model_fields))) == labels


SUPPORT = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)


def test_suggestions_shown_and_empty_targets_are_recorded_with_the_annotation() -> None:
    task = {
        "id": 5,
        "data": {"unit_id": "u5"},
        "predictions": [{"id": 1, "result": []}],
        "annotations": [
            {"id": 50, "completed_by": 2, "result": results.labels_to_result(SUPPORT)},
            {"id": 51, "completed_by": 3, "result": [], "was_cancelled": True},
        ],
    }
    shown, skipped = _parse([task], users=USERS, designed_overlap=2)
    assert shown.suggestion_shown is True and shown.designed_overlap == 2
    assert shown.missing_targets == ["stance_election_fairness", "is_claim"]
    assert skipped.missing_targets == []  # a skipped task is not a partial annotation
    (hidden, _) = _parse([task], users=USERS, predictions_visible=False)
    assert hidden.suggestion_shown is False
    started = {**task, "predictions": [], "annotations": [{**task["annotations"][0], "parent_prediction": 1}]}
    assert _parse([started], users=USERS, predictions_visible=False)[0].suggestion_shown is True
    # recorded per annotation: Label Studio states parent_prediction on each, so the project setting is moot
    fresh = {**task, "annotations": [{**task["annotations"][0], "parent_prediction": None}]}
    assert _parse([fresh], users=USERS, predictions_visible=True)[0].suggestion_shown is False


def test_the_speaker_choice_and_the_speaker_shown_are_pulled_with_the_annotation() -> None:
    labels = AnnotationLabels(is_claim=True, speaker_choice="other", speaker_correction="Hikmet Hajiyev")
    data = {"unit_id": "u1", "speaker_name": "Ilham Aliyev", "speaker_attribution": "author"}
    unattributed = {"unit_id": "u2", "speaker_name": None, "speaker_attribution": "unattributed"}
    exported = [
        {"id": 1, "data": data, "annotations": [{"id": 5, "result": results.labels_to_result(labels)}]},
        {"id": 2, "data": unattributed, "annotations": [{"id": 6, "result": []}]},
        {"id": 3, "data": {"unit_id": "u3"}, "annotations": [{"id": 7, "result": []}]},  # not a claimstance task
    ]
    first, second, third = _parse(exported)
    assert (first.speaker_choice, first.speaker_correction, first.speaker_shown) == (
        "other",
        "Hikmet Hajiyev",
        "Ilham Aliyev",
    )
    assert (second.speaker_choice, second.speaker_shown) == (None, "unattributed")
    assert third.speaker_shown is None
    assert ("speaker", "choices", {"choices": ["other"]}) in [
        (r["from_name"], r["type"], r["value"]) for r in results.labels_to_result(labels)
    ]


def test_a_speaker_choice_is_any_name_but_never_empty_and_never_an_e_mail() -> None:
    def parsed(choice: object) -> Annotation:
        item = {"from_name": "speaker", "to_name": "text", "type": "choices", "value": {"choices": [choice]}}
        task = {"id": 1, "data": {"unit_id": "u1"}, "annotations": [{"id": 5, "result": [item], "completed_by": 2}]}
        (record,) = _parse([task], users=USERS)
        return record

    assert parsed(" Sergey Lavrov ").speaker_choice == "Sergey Lavrov"
    assert parsed("ayla.mammadova@example.org").speaker_choice == results.pseudonym(USERS[2])
    with pytest.raises(ExportFormatError, match="not a speaker's name"):
        parsed("  ")


def test_a_superscript_digit_is_no_id_a_task_says_so_and_an_annotator_keeps_it_as_a_name() -> None:
    # "²".isdigit() is true but int("²") raises: an id or user written that way is text, not a number
    annotation = {"id": 5, "result": [], "completed_by": "²"}
    (record,) = _parse([{"id": 1, "data": {"unit_id": "u1"}, "annotations": [annotation]}])
    assert record.annotator == results.pseudonym("²")
    with pytest.raises(ExportFormatError, match="not a number"):
        _parse([{"id": "¹", "data": {"unit_id": "u1"}, "annotations": []}])
