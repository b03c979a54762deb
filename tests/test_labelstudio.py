"""labelstudio.py without a server: the SDK replaying payloads recorded from Label Studio 1.23.2.

The payloads in tests/data/labelstudio/ were recorded by tests/data/labelstudio/record.py from a real Label
Studio 1.23.2 (project 'recorded': three units, one annotated by a second user, one with a prediction).
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from claimstance import config, labelstudio, schema, tasks
from claimstance.errors import (
    AuthenticationError,
    ExportFormatError,
    InputError,
    LabelStudioError,
    ProjectConfigError,
    ProjectLockedError,
    ServerUnavailableError,
)
from claimstance.schema import AnnotationLabels, StanceTerritorialIntegrity
from conftest import LS_DATA, recorded, recorded_units

TOKEN = "legacy-token-for-tests-0123456789"
URL = "http://ls.test:8089"
GUIDELINES = "# Guidelines\n\nRead *everything*."  # what record.py pushed


Responder = Callable[[httpx.Request], httpx.Response]


class FakeServer:
    """An httpx transport answering from recorded payloads; it keeps every request it saw."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Responder]] = []
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, answer: object = None, status: int = 200) -> FakeServer:
        def respond(request: httpx.Request) -> httpx.Response:
            if isinstance(answer, Exception):
                raise answer
            if callable(answer):
                result: httpx.Response = answer(request)
                return result
            if isinstance(answer, bytes):
                return httpx.Response(status, content=answer)
            return httpx.Response(status, json=answer)

        self.routes.insert(0, (method, re.compile(path + "$"), respond))
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        for method, pattern, respond in self.routes:
            if request.method == method and pattern.fullmatch(request.url.path):
                return respond(request)
        return httpx.Response(404, json={"detail": f"not recorded: {request.method} {request.url.path}"})

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and re.fullmatch(path, r.url.path)]

    def recorded_project(self) -> FakeServer:
        """The 'recorded' project as Label Studio listed and described it."""
        detail = recorded("project_detail.json")
        pid = detail["id"]
        self.on("GET", "/api/projects/", recorded("projects_list.json"))
        self.on("GET", f"/api/projects/{pid}/", detail)
        self.on("GET", "/api/tasks/", recorded("tasks_page.json"))
        self.on("PATCH", f"/api/projects/{pid}/", detail)
        return self


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    server = FakeServer()
    monkeypatch.setattr(
        labelstudio, "_http_client", lambda s: httpx.Client(transport=httpx.MockTransport(server), timeout=s.timeout)
    )
    return server


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(labelstudio, "_sleep", slept.append)
    return slept


def settings(retries: int = 2) -> config.ServerSettings:
    return config.server_settings(url=URL, api_key=TOKEN, timeout=5, retries=retries)


CONFIG = schema.labeling_config()


# --- the SDK against recorded payloads ------------------------------------------------------------------


def test_repush_of_the_recorded_project_imports_and_changes_nothing(fake: FakeServer) -> None:
    fake.recorded_project()
    report = labelstudio.push(recorded_units(), "recorded", guidelines=GUIDELINES, settings=settings())
    assert (report.created, report.updated, report.unchanged, report.conflicts) == (0, 0, 3, [])
    assert not [r for r in fake.requests if r.method != "GET"]
    assert all(r.headers["Authorization"] == f"Token {TOKEN}" for r in fake.requests)
    listing = fake.calls("GET", "/api/tasks/")
    assert len(listing) == 1 and listing[0].url.params["include"] == labelstudio.TASK_FIELDS


def test_push_to_a_new_project_imports_once_per_batch(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 41}, status=201)
    answers = iter([[101, 102], [103]])
    fake.on("POST", "/api/projects/41/import", lambda r: httpx.Response(201, json={"task_ids": next(answers)}))
    units = recorded_units()
    predictions = {units[0].id: AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)}
    report = labelstudio.push(
        units, "fresh", guidelines=GUIDELINES, predictions=predictions, model_version="rules-v2",
        settings=settings(), batch_size=2, data_dir=tmp_path,
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


def test_push_tasks_imports_prebuilt_tasks_under_their_own_config(fake: FakeServer, tmp_path: Path) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 42}, status=201)
    fake.on("POST", "/api/projects/42/import", {"task_ids": [201, 202]}, status=201)
    own_config = CONFIG.replace("</View>", '  <Text name="annotator_labels" value="$annotator_labels"/>\n</View>')
    summaries = ["annotator-a: support / annotator-b: oppose", "annotator-a: fair / annotator-b: unfair"]
    prebuilt = [
        {"data": {**tasks.task_data(unit), "annotator_labels": summary}}  # hashed before the summary was added
        for unit, summary in zip(recorded_units(), summaries, strict=False)
    ]
    report = labelstudio.push_tasks(
        prebuilt, "adjudication", label_config=own_config, guidelines=GUIDELINES, settings=settings(), data_dir=tmp_path
    )
    assert (report.created, report.project_created, report.predictions_added) == (2, True, 0)
    assert json.loads(fake.calls("POST", "/api/projects/")[0].content)["label_config"] == own_config
    imported = [t["data"] for t in json.loads(fake.calls("POST", "/api/projects/42/import")[0].content)]
    assert [d["annotator_labels"] for d in imported] == summaries
    assert all(d["unit_hash"] == tasks.content_hash(d) for d in imported)
    assert [d["unit_hash"] for d in imported] != [t["data"]["unit_hash"] for t in prebuilt]


def test_push_tasks_of_what_the_project_holds_changes_nothing(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    held = [{"data": row["data"]} for row in recorded("tasks_page.json")["tasks"]]
    report = labelstudio.push_tasks(
        held, "recorded", label_config=CONFIG, guidelines=GUIDELINES, settings=settings(), data_dir=tmp_path
    )
    assert (report.created, report.updated, report.unchanged, report.conflicts) == (0, 0, 3, [])
    assert not [r for r in fake.requests if r.method != "GET"]


def test_a_malformed_task_is_refused_before_the_server_is_touched(fake: FakeServer, tmp_path: Path) -> None:
    malformed = [{"data": {"unit_id": "u1", "text": "fine"}}, {"data": {"text": "whose unit?"}}]
    with pytest.raises(InputError, match="task 2 of the input has no 'unit_id' in its data"):
        labelstudio.push_tasks(
            malformed, "adjudication", label_config=CONFIG, guidelines=GUIDELINES, settings=settings(),
            data_dir=tmp_path,
        )  # fmt: skip
    assert not fake.requests


def test_changed_units_update_only_unannotated_tasks(fake: FakeServer) -> None:
    fake.recorded_project()
    rows = recorded("tasks_page.json")["tasks"]
    unannotated = {**recorded("task_detail.json"), "id": rows[1]["id"], "annotations": [], "total_annotations": 0}
    fake.on("GET", f"/api/tasks/{rows[1]['id']}/", unannotated)
    fake.on("PATCH", f"/api/tasks/{rows[1]['id']}/", unannotated)
    edited = [u.model_copy(update={"context": u.context + " More."}) for u in recorded_units()[:2]]
    report = labelstudio.push(edited, "recorded", guidelines=GUIDELINES, settings=settings())
    assert report.updated == 1 and report.created == 0
    assert [(c.unit_id, c.task_id) for c in report.conflicts] == [("rec-d0-u0", rows[0]["id"])]
    patched = fake.calls("PATCH", f"/api/tasks/{rows[1]['id']}/")
    assert json.loads(patched[0].content)["data"]["context"].endswith(" More.")
    assert not fake.calls("PATCH", f"/api/tasks/{rows[0]['id']}/")


def test_breaking_config_change_on_annotated_project_is_refused(fake: FakeServer) -> None:
    fake.recorded_project()
    renamed = CONFIG.replace('<Choice value="fair"', '<Choice value="free_and_fair"')
    with pytest.raises(ProjectConfigError, match="label 'fair' of 'stance_election_fairness' removed") as caught:
        labelstudio.ensure_project("recorded", guidelines=GUIDELINES, label_config=renamed, settings=settings())
    assert "new project" in str(caught.value)
    assert not fake.calls("PATCH", r"/api/projects/\d+/")


def test_compatible_config_change_is_applied(fake: FakeServer) -> None:
    fake.recorded_project()
    added = CONFIG.replace('<Choice value="yes"', '<Choice value="unsure" hint="?"/>\n    <Choice value="yes"')
    info = labelstudio.ensure_project("recorded", guidelines=GUIDELINES, label_config=added, settings=settings())
    assert info.config_updated and not info.instructions_updated
    assert info.config_added == ("label 'unsure' added to 'is_claim'",)
    (patch,) = fake.calls("PATCH", r"/api/projects/\d+/")
    assert json.loads(patch.content) == {"label_config": added}


def test_wrong_token_is_one_line_without_the_token(fake: FakeServer) -> None:
    fake.on("GET", "/api/projects/", recorded("error_401.json"), status=401)
    with pytest.raises(AuthenticationError) as caught:
        labelstudio.push(recorded_units(), "recorded", guidelines=GUIDELINES, settings=settings())
    message = str(caught.value)
    assert "rejected the API token" in message and "LABEL_STUDIO_API_KEY" in message
    assert TOKEN not in message and "\n" not in message
    assert len(fake.requests) == 1  # a wrong token is not retried


def test_expired_personal_access_token_is_an_authentication_error(fake: FakeServer) -> None:
    def part(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    expired = f"{part({'alg': 'HS256'})}.{part({'token_type': 'refresh', 'exp': int(time.time()) - 60})}.c2lnbmF0dXJl"
    with pytest.raises(AuthenticationError) as caught:
        labelstudio.list_users(settings=config.server_settings(url=URL, api_key=expired))
    assert expired not in str(caught.value) and not fake.requests


def test_server_down_is_retried_with_backoff_then_one_line(fake: FakeServer, waits: list[float]) -> None:
    fake.on("GET", "/api/users/", httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(ServerUnavailableError) as caught:
        labelstudio.list_users(settings=settings(retries=3))
    assert len(fake.requests) == 4
    assert waits == sorted(waits) and len(waits) == 3 and max(waits) <= 8
    assert "cannot reach Label Studio at http://ls.test:8089" in str(caught.value)
    assert "claimstance server start" in str(caught.value) and TOKEN not in str(caught.value)


def test_a_passing_failure_is_retried_and_succeeds(fake: FakeServer, waits: list[float]) -> None:
    outcomes = iter([httpx.Response(503), httpx.Response(200, json=recorded("users.json"))])
    fake.on("GET", "/api/users/", lambda r: next(outcomes))
    users = labelstudio.list_users(settings=settings())
    assert users == {u["id"]: u["email"] for u in recorded("users.json")}
    assert "annotator.one@example.org" in users.values() and len(waits) == 1


def test_an_import_the_server_may_have_applied_is_not_repeated(fake: FakeServer, waits: list[float]) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 41}, status=201)
    fake.on("POST", "/api/projects/41/import", {"detail": "database is locked"}, status=500)
    with pytest.raises(ServerUnavailableError, match="HTTP 500"):
        labelstudio.push(recorded_units(), "fresh", guidelines=GUIDELINES, settings=settings(retries=4))
    assert len(fake.calls("POST", "/api/projects/41/import")) == 1 and waits == []


def test_listing_pages_stop_at_the_total_and_tolerate_the_404_past_the_end(
    fake: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = recorded("tasks_page.json")
    monkeypatch.setattr(labelstudio, "LIST_PAGE_SIZE", 2)

    def pages(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        rows = page["tasks"][(number - 1) * 2 : number * 2]
        return httpx.Response(200, json={**page, "tasks": rows}) if rows else httpx.Response(404)

    fake.on("GET", "/api/tasks/", pages)
    conn = labelstudio.Connection(settings())
    assert [t["id"] for t in labelstudio.list_tasks(conn, 7)] == [t["id"] for t in page["tasks"]]
    assert [r.url.params["page"] for r in fake.requests] == ["1", "2"]
    fake.requests.clear()
    fake.on("GET", "/api/tasks/", lambda r: pages(r) if r.url.params["page"] == "1" else httpx.Response(404))
    assert len(list(labelstudio.list_tasks(conn, 7))) == 2  # tasks deleted meanwhile: the 404 ends the list


def test_export_streams_the_recorded_snapshot_and_cleans_up(fake: FakeServer) -> None:
    fake.recorded_project()
    pid = recorded("project_detail.json")["id"]
    snapshot = recorded("export_create.json")
    fake.on("POST", f"/api/projects/{pid}/exports/", snapshot, status=201)
    fake.on("GET", f"/api/projects/{pid}/exports/{snapshot['id']}/download", (LS_DATA / "export.json").read_bytes())
    fake.on("DELETE", f"/api/projects/{pid}/exports/{snapshot['id']}", None, status=204)
    tasks = labelstudio.export_tasks("recorded", settings=settings())
    assert isinstance(tasks, Iterator)
    exported = list(tasks)
    assert exported == recorded("export.json")
    asked = json.loads(fake.calls("POST", f"/api/projects/{pid}/exports/")[0].content)
    assert asked["serialization_options"]["predictions"] == {"only_id": False}
    annotated = next(t for t in exported if t["annotations"])
    assert annotated["annotations"][0]["completed_by"]["email"] == "annotator.one@example.org"
    assert annotated["predictions"][0]["model_version"] == "rules-v1"
    assert isinstance(annotated["annotations"][0]["lead_time"], float)
    assert len(fake.calls("DELETE", f"/api/projects/{pid}/exports/{snapshot['id']}")) == 1


def test_truncated_export_is_an_export_format_error(fake: FakeServer) -> None:
    fake.recorded_project()
    pid = recorded("project_detail.json")["id"]
    snapshot = recorded("export_create.json")
    fake.on("POST", f"/api/projects/{pid}/exports/", snapshot, status=201)
    truncated = (LS_DATA / "export.json").read_bytes()[:700]
    fake.on("GET", f"/api/projects/{pid}/exports/{snapshot['id']}/download", truncated)
    fake.on("DELETE", f"/api/projects/{pid}/exports/{snapshot['id']}", None, status=204)
    with pytest.raises(ExportFormatError, match="'recorded' is not valid JSON"):
        list(labelstudio.export_tasks("recorded", settings=settings()))


def test_export_of_a_missing_project_says_so(fake: FakeServer) -> None:
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    with pytest.raises(LabelStudioError, match="no project named 'nope'"):
        labelstudio.export_tasks("nope", settings=settings())


def test_a_second_push_on_the_same_project_is_refused_while_the_first_runs(fake: FakeServer, tmp_path: Path) -> None:
    with tasks.project_lock(URL, "recorded", data_dir=tmp_path):
        with pytest.raises(ProjectLockedError, match="another push to project 'recorded' is running"):
            labelstudio.push(
                recorded_units(), "recorded", guidelines=GUIDELINES, settings=settings(), data_dir=tmp_path
            )
        assert not fake.requests


def test_duplicate_unit_ids_in_the_input_are_refused(fake: FakeServer) -> None:
    fake.recorded_project()
    units = recorded_units()
    with pytest.raises(InputError, match="'rec-d0-u1' appears twice"):
        labelstudio.push([*units, units[1]], "recorded", guidelines=GUIDELINES, settings=settings())


def test_recording_an_annotation_for_another_user(fake: FakeServer) -> None:
    fake.on("POST", "/api/tasks/40026/annotations/", {"id": 77, "completed_by": 3}, status=201)
    labels = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.NEUTRAL)
    assert labelstudio.record_annotation(40026, labels, user_id=3, lead_time=2.5, settings=settings()) == 77
    body = json.loads(fake.requests[0].content)
    assert body["completed_by"] == 3 and body["lead_time"] == 2.5
    assert body["result"] == tasks.labels_to_result(labels)


def test_create_user_finds_an_existing_account(fake: FakeServer) -> None:
    fake.on("GET", "/api/users/", recorded("users.json"))
    existing = next(u for u in recorded("users.json") if u["email"] == "annotator.one@example.org")
    assert labelstudio.create_user("Annotator.One@example.org", settings=settings()) == existing["id"]
    assert not fake.calls("POST", "/api/users/")
