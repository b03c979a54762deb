"""labelstudio.export: snapshot exports streamed from a fake server, and exports downloaded from the UI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from claimstance.errors import ExportFormatError, InputError, LabelStudioError
from claimstance.labelstudio import export
from conftest import LS_DATA, FakeServer, recorded

DATA = Path(__file__).parent / "data"


def snapshot_routes(fake: FakeServer, download: bytes) -> tuple[int, int]:
    fake.recorded_project()
    pid = recorded("project_detail.json")["id"]
    snapshot = recorded("export_create.json")
    fake.on("POST", f"/api/projects/{pid}/exports/", snapshot, status=201)
    fake.on("GET", f"/api/projects/{pid}/exports/{snapshot['id']}/download", download)
    fake.on("DELETE", f"/api/projects/{pid}/exports/{snapshot['id']}", None, status=204)
    return pid, snapshot["id"]


def test_export_streams_the_recorded_snapshot_and_cleans_up(fake: FakeServer) -> None:
    pid, snapshot = snapshot_routes(fake, (LS_DATA / "export.json").read_bytes())
    tasks = export.export_tasks("recorded", connection=fake.connect())
    assert isinstance(tasks, Iterator)
    exported: list[Any] = list(tasks)
    assert exported == recorded("export.json")
    asked = json.loads(fake.calls("POST", f"/api/projects/{pid}/exports/")[0].content)
    assert asked["serialization_options"] == {
        "annotations__completed_by": {"only_id": False},
        "drafts": {"only_id": True},
        "predictions": {"only_id": False},
    }
    annotated = next(t for t in exported if t["annotations"])
    assert annotated["annotations"][0]["completed_by"]["email"] == "annotator.one@example.org"
    assert annotated["predictions"][0]["model_version"] == "rules-v1"
    assert isinstance(annotated["annotations"][0]["lead_time"], float)
    assert len(fake.calls("DELETE", f"/api/projects/{pid}/exports/{snapshot}")) == 1


def test_truncated_export_is_an_export_format_error(fake: FakeServer) -> None:
    snapshot_routes(fake, (LS_DATA / "export.json").read_bytes()[:700])
    with pytest.raises(ExportFormatError, match="'recorded' is not valid JSON"):
        list(export.export_tasks("recorded", connection=fake.connect()))


def test_export_of_a_missing_project_says_so(fake: FakeServer) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    with pytest.raises(LabelStudioError, match="no project named 'nope'"):
        export.export_tasks("nope", connection=fake.connect())


def test_pull_from_the_server_names_annotators_by_the_users_the_server_lists(fake: FakeServer) -> None:
    snapshot_routes(fake, (LS_DATA / "export.json").read_bytes())
    fake.on("GET", "/api/users/", recorded("users.json"))
    title, records = export.pull_annotations("recorded", connection=fake.connect())
    (record,) = list(records)
    assert title == "recorded" and record.project == "recorded" and record.comment == "clear"
    assert record.annotator.startswith("annotator-") and "@" not in record.model_dump_json()


def test_pull_needs_a_project_or_an_export(fake: FakeServer) -> None:
    with pytest.raises(InputError, match="no project given"):
        export.pull_annotations(None, connection=fake.connect())
    title, records = export.pull_annotations(None, from_export=DATA / "ls_export_ui.json")
    assert title == "ls_export_ui" and {r.project for r in records} == {"ls_export_ui"}


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
        export.read_export(path)
    line = info.value.one_line()
    assert words in line and str(path) in line and "\n" not in line


def test_a_file_holding_one_task_object_reads_as_one_task(tmp_path: Path) -> None:
    path = tmp_path / "task-101.json"
    first = export.read_export(DATA / "ls_export_ui.json")[0]
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    assert export.read_export(path) == [first]
