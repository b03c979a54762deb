"""labelstudio.projects without a server: our calls and the SDK replaying payloads recorded from Label Studio 1.23.2.

The payloads in tests/data/labelstudio/ were recorded by tests/data/labelstudio/record.py from a real Label
Studio 1.23.2 (project 'recorded': three units, one annotated by a second user, one with a prediction).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from claimstance.errors import (
    AuthenticationError,
    InputError,
    LabelStudioError,
    ProjectConfigError,
    ProjectLockedError,
    ServerUnavailableError,
)
from claimstance.labelstudio import annotation_config, projects, tasks
from claimstance.schema import AnnotationLabels, StanceTerritorialIntegrity
from conftest import FAKE_TOKEN, FAKE_URL, FakeServer, recorded, recorded_units

GUIDELINES = "# Guidelines\n\nRead *everything*."  # what record.py pushed
CONFIG = annotation_config()


def test_repush_of_the_recorded_project_imports_and_changes_nothing(fake: FakeServer, tmp_path: Path) -> None:
    # The recorded project's labeling config was written before the config was built with ElementTree: the
    # same XML, formatted differently, is no reason to update the project.
    fake.recorded_project()
    report = projects.push(
        recorded_units(), "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path
    )
    assert (report.created, report.updated, report.unchanged, report.conflicts) == (0, 0, 3, [])
    assert not [r for r in fake.requests if r.method != "GET"]
    assert all(r.headers["Authorization"] == f"Token {FAKE_TOKEN}" for r in fake.requests)
    listing = fake.calls("GET", "/api/tasks/")
    assert len(listing) == 1 and listing[0].url.params["include"] == projects.TASK_FIELDS


def test_push_to_a_new_project_imports_once_per_batch(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 41}, status=201)
    answers = iter([[101, 102], [103]])
    fake.on("POST", "/api/projects/41/import", lambda r: httpx.Response(201, json={"task_ids": next(answers)}))
    units = recorded_units()
    predictions = {units[0].id: AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)}
    report = projects.push(
        units, "fresh", guidelines=GUIDELINES, predictions=predictions, model_version="rules-v2",
        connection=fake.connect(), batch_size=2, data_dir=tmp_path,
    )  # fmt: skip
    assert (report.created, report.project_created, report.predictions_added) == (3, True, 1)
    created = json.loads(fake.calls("POST", "/api/projects/")[0].content)
    assert created["show_instruction"] is True and "<em>everything</em>" in created["expert_instruction"]
    assert created["label_config"] == CONFIG
    imports = fake.calls("POST", "/api/projects/41/import")
    assert len(imports) == 2 and all(r.url.params["return_task_ids"] == "true" for r in imports)
    first = json.loads(imports[0].content)
    assert [t["data"]["unit_id"] for t in first] == [units[0].id, units[1].id]
    assert first[0]["predictions"][0]["model_version"] == "rules-v2"
    assert "predictions" not in first[1]
    assert not fake.calls("GET", "/api/tasks/")  # a project just created has no tasks to list


def test_a_push_records_the_version_of_the_codebook_it_sent(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 41}, status=201)
    fake.on("POST", "/api/projects/41/import", {"task_ids": [101, 102, 103]}, status=201)
    codebook = "# Our codebook\n\nGuidelines version 3.1.0, for schema 1.0.0.\n"
    report = projects.push(recorded_units(), "ours", guidelines=codebook, connection=fake.connect(), data_dir=tmp_path)
    assert report.guidelines_version == "3.1.0"
    created = json.loads(fake.calls("POST", "/api/projects/")[0].content)
    assert "Guidelines version 3.1.0" in created["expert_instruction"]


def test_push_tasks_imports_prebuilt_tasks_under_their_own_config(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 42}, status=201)
    fake.on("POST", "/api/projects/42/import", {"task_ids": [201, 202]}, status=201)
    own_config = CONFIG.replace("</View>", '  <Text name="annotator_labels" value="$annotator_labels"/>\n</View>')
    summaries = ["annotator-a: support / annotator-b: oppose", "annotator-a: fair / annotator-b: unfair"]
    prebuilt: list[Any] = [
        {"data": {**tasks.task_data(unit), "annotator_labels": summary}}  # hashed before the summary was added
        for unit, summary in zip(recorded_units(), summaries, strict=False)
    ]
    report = projects.push_tasks(
        prebuilt, "adjudication", label_config=own_config, guidelines=GUIDELINES, connection=fake.connect(),
        data_dir=tmp_path,
    )  # fmt: skip
    assert (report.created, report.project_created, report.predictions_added) == (2, True, 0)
    assert json.loads(fake.calls("POST", "/api/projects/")[0].content)["label_config"] == own_config
    imported = [t["data"] for t in json.loads(fake.calls("POST", "/api/projects/42/import")[0].content)]
    assert [d["annotator_labels"] for d in imported] == summaries
    assert all(d["unit_hash"] == tasks.content_hash(d) for d in imported)
    assert [d["unit_hash"] for d in imported] != [t["data"]["unit_hash"] for t in prebuilt]


def test_push_tasks_of_what_the_project_holds_changes_nothing(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    held: list[Any] = [{"data": row["data"]} for row in recorded("tasks_page.json")["tasks"]]
    report = projects.push_tasks(
        held, "recorded", label_config=CONFIG, guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path
    )
    assert (report.created, report.updated, report.unchanged, report.conflicts) == (0, 0, 3, [])
    assert not [r for r in fake.requests if r.method != "GET"]


def test_a_malformed_task_is_refused_before_the_server_is_touched(fake: FakeServer, tmp_path: Path) -> None:
    malformed: list[Any] = [{"data": {"unit_id": "u1", "text": "fine"}}, {"data": {"text": "whose unit?"}}]
    with pytest.raises(InputError, match="task 2 of the input has no 'unit_id' in its data"):
        projects.push_tasks(
            malformed, "adjudication", label_config=CONFIG, guidelines=GUIDELINES, connection=fake.connect(),
            data_dir=tmp_path,
        )  # fmt: skip
    assert not fake.requests


def test_changed_units_update_only_unannotated_tasks(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    rows = recorded("tasks_page.json")["tasks"]
    unannotated = {**recorded("task_detail.json"), "id": rows[1]["id"], "annotations": [], "total_annotations": 0}
    fake.on("GET", f"/api/tasks/{rows[1]['id']}/", unannotated)
    fake.on("PATCH", f"/api/tasks/{rows[1]['id']}/", unannotated)
    edited = [u.model_copy(update={"context": u.context + " More."}) for u in recorded_units()[:2]]
    report = projects.push(edited, "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path)
    assert report.updated == 1 and report.created == 0
    assert [(c.unit_id, c.task_id) for c in report.conflicts] == [("rec-d0-u0", rows[0]["id"])]
    patched = fake.calls("PATCH", f"/api/tasks/{rows[1]['id']}/")
    assert json.loads(patched[0].content)["data"]["context"].endswith(" More.")
    assert not fake.calls("PATCH", f"/api/tasks/{rows[0]['id']}/")


def test_a_prediction_is_added_to_an_existing_task_without_one(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    rows = recorded("tasks_page.json")["tasks"]
    bare = next(row for row in rows if not row["total_predictions"])
    fake.on("POST", r"/api/projects/\d+/import/predictions", {"created": 1}, status=201)
    units = {u.id: u for u in recorded_units()}
    labels = {bare["data"]["unit_id"]: AnnotationLabels(is_claim=True)}
    report = projects.push(
        [units[bare["data"]["unit_id"]]], "recorded", guidelines=GUIDELINES, predictions=labels,
        connection=fake.connect(), data_dir=tmp_path,
    )  # fmt: skip
    assert (report.unchanged, report.predictions_added) == (1, 1)
    (added,) = json.loads(fake.calls("POST", r"/api/projects/\d+/import/predictions")[0].content)
    assert added["task"] == bare["id"] and added["result"][0]["value"] == {"choices": ["yes"]}


def test_duplicate_tasks_nobody_annotated_are_deleted(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    page = recorded("tasks_page.json")
    rows = page["tasks"]
    twin = {**rows[1], "id": 99999, "total_annotations": 0, "cancelled_annotations": 0}
    fake.on("GET", "/api/tasks/", {**page, "tasks": [*rows, twin], "total": len(rows) + 1})
    fake.on("POST", "/api/dm/actions/", None)
    report = projects.push(
        recorded_units(), "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path
    )
    assert report.duplicates_removed == 1
    (action,) = fake.calls("POST", "/api/dm/actions/")
    assert action.url.params["id"] == "delete_tasks"
    assert json.loads(action.content) == {"selectedItems": {"all": False, "included": [max(rows[1]["id"], 99999)]}}


def test_breaking_config_change_on_annotated_project_is_refused(fake: FakeServer) -> None:
    fake.recorded_project()
    renamed = CONFIG.replace('<Choice value="fair"', '<Choice value="free_and_fair"')
    with pytest.raises(ProjectConfigError, match="label 'fair' of 'stance_election_fairness' removed") as caught:
        projects.ensure_project("recorded", guidelines=GUIDELINES, label_config=renamed, connection=fake.connect())
    assert "new project" in str(caught.value)
    assert not fake.calls("PATCH", r"/api/projects/\d+/")


def test_compatible_config_change_is_applied(fake: FakeServer) -> None:
    fake.recorded_project()
    added = CONFIG.replace('<Choice value="yes"', '<Choice value="unsure" hint="?"/>\n    <Choice value="yes"')
    info = projects.ensure_project("recorded", guidelines=GUIDELINES, label_config=added, connection=fake.connect())
    assert info.config_updated and not info.instructions_updated
    assert info.config_added == ("label 'unsure' added to 'is_claim'",)
    (patch,) = fake.calls("PATCH", r"/api/projects/\d+/")
    assert json.loads(patch.content) == {"label_config": added}


def test_wrong_token_is_one_line_without_the_token(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", recorded("error_401.json"), status=401)
    with pytest.raises(AuthenticationError) as caught:
        projects.push(recorded_units(), "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path)
    message = str(caught.value)
    assert "rejected the API token" in message and "LABEL_STUDIO_API_KEY" in message
    assert FAKE_TOKEN not in message and "\n" not in message
    assert len(fake.requests) == 1  # a wrong token is not retried


def test_an_import_the_server_may_have_applied_is_not_repeated(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 41}, status=201)
    fake.on("POST", "/api/projects/41/import", {"detail": "database is locked"}, status=500)
    with pytest.raises(ServerUnavailableError, match="HTTP 500"):
        projects.push(recorded_units(), "fresh", guidelines=GUIDELINES, connection=fake.connect(4), data_dir=tmp_path)
    assert len(fake.calls("POST", "/api/projects/41/import")) == 1 and fake.waits == []


def test_listing_pages_stop_at_the_total_and_tolerate_the_404_past_the_end(fake: FakeServer) -> None:
    page = recorded("tasks_page.json")

    def pages(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        rows = page["tasks"][(number - 1) * 2 : number * 2]
        return httpx.Response(200, json={**page, "tasks": rows}) if rows else httpx.Response(404)

    fake.on("GET", "/api/tasks/", pages)
    conn = fake.connect()
    assert [t["id"] for t in projects.list_tasks(conn, 7, page_size=2)] == [t["id"] for t in page["tasks"]]
    assert [r.url.params["page"] for r in fake.requests] == ["1", "2"]
    fake.requests.clear()
    fake.on("GET", "/api/tasks/", lambda r: pages(r) if r.url.params["page"] == "1" else httpx.Response(404))
    assert len(list(projects.list_tasks(conn, 7, page_size=2))) == 2  # tasks deleted meanwhile: the 404 ends the list


def test_task_ids_of_the_recorded_project(fake: FakeServer) -> None:
    fake.recorded_project()
    rows = recorded("tasks_page.json")["tasks"]
    assert projects.task_ids("recorded", connection=fake.connect()) == {r["data"]["unit_id"]: r["id"] for r in rows}


def test_two_projects_of_one_name_are_an_error(fake: FakeServer) -> None:
    twins = {"count": 2, "next": None, "results": [{"id": 3, "title": "p"}, {"id": 4, "title": "p"}]}
    fake.on("GET", "/api/projects/", twins)
    with pytest.raises(LabelStudioError, match="2 projects are named 'p' \\(ids 3, 4\\)"):
        projects.task_ids("p", connection=fake.connect())


def test_a_second_push_on_the_same_project_is_refused_while_the_first_runs(fake: FakeServer, tmp_path: Path) -> None:
    with projects.project_lock(FAKE_URL, "recorded", data_dir=tmp_path):
        with pytest.raises(ProjectLockedError, match="another push to project 'recorded' is running"):
            projects.push(
                recorded_units(), "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path
            )
        assert not fake.requests


def test_duplicate_unit_ids_in_the_input_are_refused(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    units = recorded_units()
    with pytest.raises(InputError, match="'rec-d0-u1' appears twice"):
        projects.push(
            [*units, units[1]], "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path
        )


def test_project_lock_is_per_server_and_project(tmp_path: Path) -> None:
    url = "http://ls.test:8089"
    with projects.project_lock(url, "recorded", data_dir=tmp_path) as lock:
        assert lock.parent == tmp_path / "locks"
        busy = pytest.raises(ProjectLockedError, match="another push to project 'recorded' is running")
        with busy, projects.project_lock(url, "recorded", data_dir=tmp_path, timeout=0.05):
            pass
        with projects.project_lock(url, "another project", data_dir=tmp_path):
            pass  # other projects are not blocked
        with projects.project_lock("http://elsewhere:8080", "recorded", data_dir=tmp_path):
            pass  # nor the same title on another server
    with projects.project_lock(url, "recorded", data_dir=tmp_path):
        pass  # released when the first push ends


# --- what changes on a project -----------------------------------------------------------------------------


def project(annotations: int = 0, **fields: Any) -> Any:
    """A project as Label Studio describes it: annotation config, instructions shown."""
    return {
        "id": 1,
        "title": "p",
        "label_config": CONFIG,
        "expert_instruction": "<p>x</p>",
        "show_instruction": True,
        "total_annotations_number": annotations,
        **projects.TeamSettings().changes(),
        **fields,
    }


def test_a_push_sets_overlap_hides_predictions_and_refuses_empty_annotations() -> None:
    team = projects.TeamSettings(overlap=3)
    changes, _ = projects.project_update(
        project(maximum_annotations=1, show_collab_predictions=True), CONFIG, "<p>x</p>", team
    )
    assert changes == {"maximum_annotations": 3, "show_collab_predictions": False}
    assert projects.TeamSettings().changes()["maximum_annotations"] == 2  # an agreement dataset by default
    assert projects.TeamSettings().changes()["enable_empty_annotation"] is False
    shown = projects.TeamSettings(show_predictions=True).changes()
    assert shown["show_collab_predictions"] is True
    assert projects.read_team_settings(project(maximum_annotations=3)) == team


def test_project_update_changes_only_what_differs() -> None:
    assert projects.project_update(project(), CONFIG, "<p>x</p>") == ({}, [])
    changes, added = projects.project_update(project(show_instruction=False), CONFIG, "<p>new</p>")
    assert changes == {"expert_instruction": "<p>new</p>", "show_instruction": True} and added == []


def test_project_update_ignores_how_the_config_is_formatted() -> None:
    reformatted = CONFIG.replace(" />", "/>").replace("\n  ", "\n    ")
    assert reformatted != CONFIG
    assert projects.project_update(project(label_config=reformatted), CONFIG, "<p>x</p>") == ({}, [])


def test_project_update_refuses_a_breaking_config_only_once_someone_annotated() -> None:
    renamed = CONFIG.replace('<Choice value="fair"', '<Choice value="free_and_fair"')
    changes, _ = projects.project_update(project(annotations=0), renamed, "<p>x</p>")
    assert changes == {"label_config": renamed}
    with pytest.raises(ProjectConfigError, match="project 'p' has annotations") as caught:
        projects.project_update(project(annotations=0, skipped_annotations_number=1), renamed, "<p>x</p>")
    assert "label 'fair' of 'stance_election_fairness' removed" in str(caught.value)
    assert "new project" in str(caught.value)


def test_every_task_offers_the_speakers_of_its_whole_document(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 41}, status=201)
    fake.on("POST", "/api/projects/41/import", {"task_ids": [101, 102, 103]}, status=201)
    units = recorded_units()
    lavrov = units[2].speaker.model_copy(update={"name": "Sergey Lavrov"})
    units[2] = units[2].model_copy(update={"speaker": lavrov})
    # A generator of units, as a stream of a units file: read once for the speakers, once for the tasks.
    projects.push(iter(units), "speakers", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path)
    imported = json.loads(fake.calls("POST", "/api/projects/41/import")[0].content)
    offered = [[o["value"] for o in task["data"]["speakers"]] for task in imported]
    assert offered == [["Ilham Aliyev", "Sergey Lavrov", "other", "unattributed"]] * 3
