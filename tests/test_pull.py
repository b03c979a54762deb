"""Pull: Label Studio exports become Annotation records; the annotations file never loses anything."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from claimstance import pull
from claimstance.errors import ExportFormatError, InputError, RecordError
from claimstance.schema import Annotation, StanceElectionFairness, StanceTerritorialIntegrity

DATA = Path(__file__).parent / "data"
UI_EXPORT = DATA / "ls_export_ui.json"
SNAPSHOT = DATA / "ls_export_snapshot.json"
OTHER_CONFIG = DATA / "ls_export_other_config.json"
EMAILS = ("ayla.mammadova@example.org", "Jonas.Keller@example.org")
USERS = {2: "ayla.mammadova@example.org", 3: "jonas.keller@example.org"}


def _tasks(path: Path = UI_EXPORT) -> list[dict[str, Any]]:
    return pull.read_export(path)


def _parse(tasks: list[dict[str, Any]], **kwargs: Any) -> list[Annotation]:
    return list(pull.parse_export(tasks, project="claimstance", **kwargs))


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


def test_annotators_are_pseudonyms_and_no_email_reaches_the_file(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _tasks(SNAPSHOT), project="claimstance", source=str(SNAPSHOT))
    text = out.read_text(encoding="utf-8")
    assert "@" not in text
    assert not any(part in text.lower() for email in EMAILS for part in email.lower().split("@"))
    annotators = {r.annotator for r in pull.read_annotations(out)}
    assert len(annotators) == 2
    assert all(re.fullmatch(r"annotator-[0-9a-f]{10}", a) for a in annotators)


def test_user_objects_and_bare_user_ids_give_the_same_pseudonyms_when_users_are_known() -> None:
    from_objects = {r.ls_annotation_id: r.annotator for r in _parse(_tasks(SNAPSHOT))}
    from_ids = {r.ls_annotation_id: r.annotator for r in _parse(_tasks(UI_EXPORT), users=USERS)}
    assert from_objects == from_ids
    anonymous = {r.ls_annotation_id: r.annotator for r in _parse(_tasks(UI_EXPORT))}
    assert anonymous[201] == pull.pseudonym("user-2")
    assert anonymous[201] != from_ids[201]


def test_pseudonym_is_stable_case_insensitive_and_salted_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pull.PSEUDONYM_SALT_ENV, raising=False)
    default = pull.pseudonym("ayla.mammadova@example.org")
    assert default == pull.pseudonym("  Ayla.Mammadova@Example.org ")
    assert default != pull.pseudonym("jonas.keller@example.org")
    monkeypatch.setenv(pull.PSEUDONYM_SALT_ENV, "our-project-secret")
    salted = pull.pseudonym("ayla.mammadova@example.org")
    assert salted != default
    assert salted == pull.pseudonym("ayla.mammadova@example.org", salt="our-project-secret")


def test_export_of_another_project_names_the_unknown_control() -> None:
    with pytest.raises(ExportFormatError) as info:
        list(pull.parse_export(_tasks(OTHER_CONFIG), project="claimstance", source=str(OTHER_CONFIG)))
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


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('[{"id": 1, "annotations": [', "malformed JSON"),
        ('{"tasks": []}', "expected a JSON list"),
        ("[1, 2]", "not a task object"),
        ("", "empty"),
    ],
)
def test_a_broken_export_file_is_one_line_naming_the_file(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "project-7-at-2024-09-06.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        pull.read_export(path)
    line = info.value.one_line()
    assert words in line and str(path) in line and "\n" not in line


def test_an_update_keeps_the_earlier_version_in_history(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _tasks(UI_EXPORT), project="claimstance", users=USERS)
    summary = pull.update_annotations(out, _tasks(SNAPSHOT), project="claimstance")
    assert (summary.added, summary.updated, summary.deleted, summary.unchanged) == (0, 1, 0, 5)
    changed = _by_ls_id(pull.read_annotations(out))[203]
    assert changed.stance_election_fairness is StanceElectionFairness.NEUTRAL
    assert [r.stance_election_fairness for r in changed.history] == [StanceElectionFairness.UNFAIR]
    assert changed.history[0].updated_at == datetime(2024, 9, 4, 9, 18, 3, 6551, tzinfo=UTC)
    assert changed.history[0].lead_time == pytest.approx(83.501)


def test_a_deleted_annotation_is_marked_not_dropped_and_comes_back(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    full = _tasks()
    pull.update_annotations(out, full, project="claimstance")
    without_103 = [t for t in full if t["id"] != 103]
    summary = pull.update_annotations(out, without_103, project="claimstance")
    assert summary.deleted == 2 and summary.total == 6
    records = _by_ls_id(pull.read_annotations(out))
    assert records[205].deleted and records[206].deleted and not records[201].deleted
    assert records[206].is_claim is False  # the labels stay readable
    pull.update_annotations(out, full, project="claimstance")
    assert not any(r.deleted for r in pull.read_annotations(out))


def test_pulling_twice_leaves_the_file_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "annotations" / "claimstance.jsonl"
    first = pull.update_annotations(out, _tasks(), project="claimstance")
    before = out.read_bytes()
    second = pull.update_annotations(out, _tasks(), project="claimstance")
    assert first.written and not second.written
    assert second.unchanged == 6 and second.added == second.updated == 0
    assert out.read_bytes() == before


def test_file_order_does_not_depend_on_export_order(tmp_path: Path) -> None:
    tasks = _tasks()
    reordered = copy.deepcopy(tasks[::-1])
    for task in reordered:
        task["annotations"].reverse()
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    pull.update_annotations(a, tasks, project="claimstance")
    pull.update_annotations(b, reordered, project="claimstance")
    assert a.read_bytes() == b.read_bytes()


def test_a_bad_export_leaves_the_annotations_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _tasks(), project="claimstance")
    before = out.read_bytes()
    broken = _tasks() + _with_choice("Support")[1:2]
    broken[-1]["id"] = 999
    with pytest.raises(ExportFormatError):
        pull.update_annotations(out, broken, project="claimstance")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claimstance.jsonl"]


def test_a_corrupt_annotations_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    out.write_text('{"id": "ls-7-1"}\n', encoding="utf-8")
    with pytest.raises(RecordError) as info:
        pull.update_annotations(out, _tasks(), project="claimstance")
    assert f"{out}:1" in info.value.one_line()
    assert out.read_text(encoding="utf-8") == '{"id": "ls-7-1"}\n'


def test_records_round_trip_through_the_file(tmp_path: Path) -> None:
    records = pull.merge([], _parse(_tasks()))
    out = tmp_path / "a.jsonl"
    assert pull.write_annotations(out, records)
    assert pull.read_annotations(out) == records
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "ls-7-201"


def test_predictions_and_drafts_are_not_annotations() -> None:
    snapshot = _tasks(SNAPSHOT)
    assert isinstance(snapshot[0]["predictions"][0], dict) and isinstance(_tasks()[0]["predictions"][0], int)
    snapshot[0]["drafts"] = [{"id": 77, "result": [], "lead_time": 5.0, "user": "annotator", "task": 101}]
    records = _parse(snapshot)
    assert len(records) == 6
    assert {r.ls_annotation_id for r in records} == {201, 202, 203, 204, 205, 206}


def test_a_file_holding_one_task_object_reads_as_one_task(tmp_path: Path) -> None:
    path = tmp_path / "task-101.json"
    path.write_text(json.dumps(_tasks()[0], ensure_ascii=False), encoding="utf-8")
    [task] = pull.read_export(path)
    assert [r.ls_annotation_id for r in _parse([task])] == [201, 202]
