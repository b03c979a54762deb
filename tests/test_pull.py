"""Pull: pulled Annotation records are merged into the annotations file, which never loses anything."""

from __future__ import annotations

import copy
import json
import os
import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from claimstance import pull
from claimstance.errors import ExportFormatError, RecordError
from claimstance.labelstudio import export, results
from claimstance.schema import Annotation, StanceElectionFairness

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


def _records(tasks: list[dict[str, Any]], **kwargs: Any) -> Iterator[Annotation]:
    """The annotations of an export, parsed as they are read (as a pull hands them over)."""
    return results.parse_export(tasks, project="claimstance", **kwargs)


def _by_ls_id(records: list[Annotation]) -> dict[int, Annotation]:
    return {r.ls_annotation_id: r for r in records}


def test_annotators_are_pseudonyms_and_no_email_reaches_the_file(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _records(_tasks(SNAPSHOT), source=str(SNAPSHOT)))
    text = out.read_text(encoding="utf-8")
    assert "@" not in text
    assert not any(part in text.lower() for email in EMAILS for part in email.lower().split("@"))
    annotators = {r.annotator for r in pull.read_annotations(out)}
    assert len(annotators) == 2
    assert all(re.fullmatch(r"annotator-[0-9a-f]{10}", a) for a in annotators)


def _with_choice(value: str) -> list[dict[str, Any]]:
    tasks = copy.deepcopy(_tasks())
    tasks[1]["annotations"][0]["result"][0]["value"]["choices"] = [value]
    return tasks


def test_an_update_keeps_the_earlier_version_in_history(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _records(_tasks(UI_EXPORT), users=USERS))
    summary = pull.update_annotations(out, _records(_tasks(SNAPSHOT)))
    assert (summary.added, summary.updated, summary.deleted, summary.unchanged) == (0, 1, 0, 5)
    changed = _by_ls_id(pull.read_annotations(out))[203]
    assert changed.stance_election_fairness is StanceElectionFairness.NEUTRAL
    assert [r.stance_election_fairness for r in changed.history] == [StanceElectionFairness.UNFAIR]
    assert changed.history[0].updated_at == datetime(2024, 9, 4, 9, 18, 3, 6551, tzinfo=UTC)
    assert changed.history[0].lead_time == pytest.approx(83.501)


def test_a_deleted_annotation_is_marked_not_dropped_and_comes_back(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    full = _tasks()
    pull.update_annotations(out, _records(full))
    without_103 = [t for t in full if t["id"] != 103]
    summary = pull.update_annotations(out, _records(without_103))
    assert summary.deleted == 2 and summary.total == 6
    records = _by_ls_id(pull.read_annotations(out))
    assert records[205].deleted and records[206].deleted and not records[201].deleted
    assert records[206].is_claim is False  # the labels stay readable
    pull.update_annotations(out, _records(full))
    assert not any(r.deleted for r in pull.read_annotations(out))


def test_pulling_twice_leaves_the_file_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "annotations" / "claimstance.jsonl"
    first = pull.update_annotations(out, _records(_tasks()))
    before = out.read_bytes()
    second = pull.update_annotations(out, _records(_tasks()))
    assert first.written and not second.written
    assert second.unchanged == 6 and second.added == second.updated == 0
    assert out.read_bytes() == before


def test_file_order_does_not_depend_on_export_order(tmp_path: Path) -> None:
    tasks = _tasks()
    reordered = copy.deepcopy(tasks[::-1])
    for task in reordered:
        task["annotations"].reverse()
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    pull.update_annotations(a, _records(tasks))
    pull.update_annotations(b, _records(reordered))
    assert a.read_bytes() == b.read_bytes()


def test_a_bad_export_leaves_the_annotations_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _records(_tasks()))
    before = out.read_bytes()
    broken = _tasks() + _with_choice("Support")[1:2]
    broken[-1]["id"] = 999
    with pytest.raises(ExportFormatError):
        pull.update_annotations(out, _records(broken))
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claimstance.jsonl"]


def test_a_corrupt_annotations_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    out.write_text('{"id": "ls-7-1"}\n', encoding="utf-8")
    with pytest.raises(RecordError) as info:
        pull.update_annotations(out, _records(_tasks()))
    assert f"{out}:1" in info.value.one_line()
    assert out.read_text(encoding="utf-8") == '{"id": "ls-7-1"}\n'


def test_records_round_trip_through_the_file(tmp_path: Path) -> None:
    records = pull.merge([], _parse(_tasks()))
    out = tmp_path / "a.jsonl"
    assert pull.write_annotations(out, records)
    assert pull.read_annotations(out) == records
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "ls-7-201"


def _made(number: int, unit: str, annotator: str, **fields: Any) -> Annotation:
    values: dict[str, Any] = {
        "id": f"ls-7-{number}",
        "unit_id": unit,
        "annotator": annotator,
        "project": "team",
        "ls_task_id": 1,
        "ls_annotation_id": number,
        "created_at": datetime(2026, 1, 1, 9, number, tzinfo=UTC),
        "designed_overlap": 2,
        "suggestion_shown": False,
    }
    return Annotation(**{**values, **fields})


def test_annotations_beyond_the_designed_overlap_are_kept_and_flagged() -> None:
    records = [
        _made(3, "u0", "annotator-c"),  # made last: the unit already had its two annotations
        _made(1, "u0", "annotator-a"),
        _made(2, "u0", "annotator-b", cancelled=True),  # a skip does not fill the overlap
        _made(4, "u0", "annotator-d"),
        _made(5, "u1", "annotator-a", suggestion_shown=True),
    ]
    flagged = {r.ls_annotation_id: r for r in pull.flag_independence(records)}
    assert [flagged[n].beyond_overlap for n in (1, 2, 3, 4, 5)] == [False, False, False, True, False]
    assert [flagged[n].influenced for n in (1, 3, 4, 5)] == [False, False, True, True]
    old = Annotation(id="ls-7-9", unit_id="u2", annotator="a", project="team", ls_task_id=2, ls_annotation_id=9)
    assert pull.flag_independence([old])[0].influenced is None  # pulled before 1.1: not known


def test_with_passes_a_unit_counts_one_annotation_per_pass_and_a_repeated_author_is_not_independent() -> None:
    records = [
        _made(1, "u0", "annotator-a", assigned_pass=1),
        _made(2, "u0", "annotator-a", assigned_pass=2),  # the same user in a second pass: not independent
        _made(3, "u0", "annotator-b", assigned_pass=3),
        _made(4, "u1", "annotator-a", assigned_pass=1),
        _made(5, "u1", "annotator-c", assigned_pass=1),  # someone else in a pass already done: beyond the design
        _made(6, "u1", "annotator-b", assigned_pass=2),
    ]
    flagged = {r.ls_annotation_id: r for r in pull.flag_independence(records)}
    assert [flagged[n].repeated_annotator for n in range(1, 7)] == [False, True, False, False, False, False]
    assert [flagged[n].beyond_overlap for n in range(1, 7)] == [False, False, False, False, True, False]
    assert [flagged[n].influenced for n in range(1, 7)] == [False, True, False, False, True, False]


def test_the_passes_of_a_project_are_merged_with_their_unit_seen_whole(tmp_path: Path) -> None:
    # one task per pass: the flags need every task of a unit, which the task-at-a-time merge never holds
    records = [
        _made(1, "u0", "annotator-a", assigned_pass=1, ls_task_id=11),
        _made(2, "u0", "annotator-a", assigned_pass=2, ls_task_id=21),
        _made(3, "u0", "annotator-b", assigned_pass=3, ls_task_id=31),
    ]
    summary = pull.update_pass_annotations(tmp_path / "team.jsonl", records)
    assert (summary.total, summary.added, summary.repeated) == (3, 3, 1)
    stored = {r.ls_annotation_id: r.repeated_annotator for r in pull.read_annotations(tmp_path / "team.jsonl")}
    assert stored == {1: False, 2: True, 3: False}
    again = pull.update_pass_annotations(tmp_path / "team.jsonl", records)
    assert (again.unchanged, again.written) == (3, False)


def test_pull_lists_the_tasks_of_annotations_that_leave_a_target_empty(tmp_path: Path) -> None:
    partial = _made(1, "u0", "annotator-a", missing_targets=["stance_election_fairness"])
    summary = pull.update_annotations(tmp_path / "team.jsonl", [partial, _made(2, "u0", "annotator-b")])
    assert summary.incomplete == [1] and summary.beyond_overlap == 0


def _random_pull(rng: random.Random, tasks: int) -> list[Annotation]:
    stances = list(StanceElectionFairness)
    records = []
    for task in rng.sample(range(1, tasks + 1), rng.randrange(tasks)):
        for number in rng.sample(range(task * 10, task * 10 + 4), rng.randrange(1, 4)):
            records.append(
                _made(
                    number % 60,
                    f"u{task}",
                    f"annotator-{number % 3}",
                    id=f"ls-7-{number}",
                    ls_task_id=task,
                    ls_annotation_id=number,
                    stance_election_fairness=rng.choice(stances),
                    cancelled=rng.random() < 0.2,
                )
            )
    rng.shuffle(records)
    return records


@pytest.mark.parametrize("seed", range(6))
def test_the_task_at_a_time_merge_writes_what_merging_everything_at_once_writes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    streamed, whole = tmp_path / "streamed.jsonl", tmp_path / "whole.jsonl"
    for _ in range(4):  # a few pulls: new, changed, re-labelled, deleted and restored annotations
        pulled = _random_pull(rng, 12)
        previous = pull.read_annotations(whole, missing_ok=True)
        pull.write_annotations(whole, pull.flag_independence(pull.merge(previous, pulled)))
        ordered = sorted(pulled, key=lambda r: (r.ls_task_id, rng.random()))  # task order, annotations shuffled
        pull.update_annotations(streamed, ordered, ordered=True)
        assert streamed.read_bytes() == whole.read_bytes()


def test_a_pull_that_changes_nothing_leaves_the_file_and_its_time_alone(tmp_path: Path) -> None:
    out = tmp_path / "claimstance.jsonl"
    pull.update_annotations(out, _records(_tasks()))
    os.utime(out, ns=(1, 1))
    summary = pull.update_annotations(out, _records(_tasks()))
    assert not summary.written and out.stat().st_mtime_ns == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claimstance.jsonl"]


def test_pulled_records_out_of_task_order_are_refused_when_said_to_be_ordered(tmp_path: Path) -> None:
    records = [_made(1, "u0", "a", ls_task_id=2), _made(2, "u1", "b", ls_task_id=1)]
    with pytest.raises(ExportFormatError, match="not in task order"):
        pull.update_annotations(tmp_path / "a.jsonl", records, ordered=True)
    assert not (tmp_path / "a.jsonl").exists()


def test_a_file_another_tool_reordered_is_merged_and_written_in_task_order(tmp_path: Path) -> None:
    out, reference = tmp_path / "claimstance.jsonl", tmp_path / "reference.jsonl"
    pull.update_annotations(reference, _records(_tasks()))
    lines = reference.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(reversed(lines)), encoding="utf-8")
    summary = pull.update_annotations(out, _records(_tasks()))
    assert summary.written and summary.added == 0 and summary.unchanged == len(lines)
    assert out.read_bytes() == reference.read_bytes()
