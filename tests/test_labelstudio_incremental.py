"""labelstudio.incremental: an incremental pull writes the very file a full pull writes.

The unit tests cover the state file and the merge of changed tasks; the ``integration`` property test runs
random sequences of creates, updates, skips and deletions (annotations and tasks) against the real server
and compares, after each round, an incremental pull's file with a full pull's, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from claimstance import api, labelstudio, layout
from claimstance.labelstudio import incremental, labels_to_result
from claimstance.pull import read_annotations, update_annotations, update_changed
from claimstance.schema import Annotation, AnnotationLabels, StanceElectionFairness, StanceTerritorialIntegrity
from conftest import FAKE_URL, FakeServer, LabelStudioServer, recorded
from test_labelstudio_integration import make_units, push
from test_labelstudio_task_list import replay

STANCES = list(StanceTerritorialIntegrity)


def test_state_missing_or_foreign_reads_as_none_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "p.pull-state.json"
    assert incremental.read_state(path) is None
    path.write_text("{not json")
    assert incremental.read_state(path) is None
    annotations = tmp_path / "p.jsonl"
    annotations.write_text("{}\n")
    state = incremental.PullState(
        version=incremental.STATE_VERSION,
        url="http://127.0.0.1:1",
        project_id=3,
        config_sha256="c",
        started_at="2026-11-30T10:00:00.000000Z",
        task_ids=[1, 2],
        file_sha256="",
    )
    incremental.write_state(path, state, annotations)
    read = incremental.read_state(path)
    assert read is not None and read["task_ids"] == [1, 2]
    assert read["file_sha256"] == incremental.sha256_file(annotations)  # a changed file forces a full pull


def test_state_sits_beside_the_annotations_and_is_not_an_annotations_file(tmp_path: Path) -> None:
    state = layout.pull_state_path("My Study", tmp_path)
    assert state.parent == tmp_path and state.name == "my-study.pull-state.json"
    (tmp_path / "my-study.jsonl").write_text("")
    state.write_text("{}")
    assert layout.annotation_files(tmp_path)[0] == [tmp_path / "my-study.jsonl"]


def test_since_goes_back_by_the_safety_window_in_label_studios_format() -> None:
    assert incremental._since("2026-11-30T10:05:00.250000Z") == "2026-11-30T10:03:00.250000Z"
    assert incremental._since("2026-11-30T12:05:00+02:00") == "2026-11-30T10:03:00.000000Z"


def _record(task: int, annotation: int, stance: StanceTerritorialIntegrity, updated: str) -> Annotation:
    return Annotation(
        id=f"p:{annotation}",
        project="p",
        ls_project_id=1,
        ls_task_id=task,
        ls_annotation_id=annotation,
        unit_id=f"u{task}",
        annotator="a1b2c3d4",
        stance_territorial_integrity=stance,
        updated_at=updated,
    )


def test_changed_tasks_merge_exactly_as_a_full_pull(tmp_path: Path) -> None:
    first = [_record(t, t * 10, STANCES[t % 4], "2026-01-01T00:00:00Z") for t in range(1, 6)]
    full, incr = tmp_path / "full.jsonl", tmp_path / "incr.jsonl"
    update_annotations(full, first)
    update_annotations(incr, first)
    # task 2 re-labelled, task 3 lost its annotation, task 4 deleted, task 6 new
    changed2 = _record(2, 20, STANCES[3], "2026-01-02T00:00:00Z")
    new6 = _record(6, 60, STANCES[0], "2026-01-02T00:00:00Z")
    update_annotations(full, [first[0], changed2, first[4], new6])
    summary = update_changed(incr, [changed2, new6], changed_tasks={2, 3, 6}, gone_tasks={4})
    assert incr.read_bytes() == full.read_bytes()
    assert (summary.added, summary.updated, summary.deleted) == (1, 1, 2)
    kept = {r.ls_task_id: r for r in read_annotations(incr)}
    assert kept[3].deleted and kept[4].deleted and len(kept[2].history) == 1


def _listing_server(fake: FakeServer, listed: list[dict[str, object]]) -> list[object]:
    """A project of 3 tasks whose listing of updated tasks is ``listed``; returns the views' bodies."""
    views: list[object] = []

    def view(request: httpx.Request) -> httpx.Response:
        views.append(json.loads(request.content))
        return httpx.Response(201, json={"id": 9})

    project = {"id": 5, "title": "p", "label_config": "<View/>", "maximum_annotations": 1, "task_number": 3}
    fake.on("GET", "/api/projects/", {"results": [project]})
    fake.on("GET", "/api/users/", [])
    fake.on("GET", "/api/dm/views/", [])
    fake.on("GET", "/api/tasks/", {"total": len(listed), "tasks": listed})
    fake.on("POST", "/api/dm/views/", view)
    fake.on("DELETE", "/api/dm/views/9/", None, 204)
    created = {"id": 3, "status": "completed", "created_at": "2026-11-30T10:10:00.000000Z"}
    fake.on("POST", "/api/projects/5/exports/", created, 201)
    fake.on("GET", "/api/projects/5/exports/3/download", b"[]")
    fake.on("DELETE", "/api/projects/5/exports/3", None, 204)
    return views


def test_an_incremental_pull_exports_only_tasks_whose_update_it_has_not_seen(fake: FakeServer, tmp_path: Path) -> None:
    listed: list[dict[str, object]] = [
        {"id": 1, "updated_at": "2026-11-30T10:00:00.000000Z"},
        {"id": 2, "updated_at": "2026-11-30T10:04:00.500000Z"},
    ]
    views = _listing_server(fake, listed)
    previous = incremental.PullState(
        version=incremental.STATE_VERSION,
        url=FAKE_URL,
        project_id=5,
        config_sha256=hashlib.sha256(b"<View/>").hexdigest(),
        started_at="2026-11-30T10:01:00.000000Z",
        task_ids=[1, 2, 3],
        file_sha256="",
        recent={"1": "2026-11-30T10:00:00.000000Z"},
    )
    with fake.connect() as conn:
        changes = incremental.pull_changes("p", previous=previous, annotations=tmp_path / "p.jsonl", connection=conn)
        assert list(changes.records) == []
        # task 1 is listed again unchanged: only task 2 is exported; the count shows nothing was deleted
        assert changes.changed == {2} and changes.gone == set()
        assert [v["selected_items"] for v in views] == [{"all": False, "included": [2]}]  # type: ignore[index]
        # the listing starts a safety window before the last pull
        assert "2026-11-30T09:59:00.000000Z" in fake.calls("GET", "/api/tasks/")[0].url.params["query"]
        state = changes.state
        # the next window starts at the latest update listed, and remembers what it saw inside it (not task 1)
        assert state["started_at"] == "2026-11-30T10:04:00.500000Z"
        assert state["recent"] == {"2": listed[1]["updated_at"]}
        fake.on("GET", "/api/tasks/", {"total": 1, "tasks": listed[1:]})  # the next window holds task 2 only
        again = incremental.pull_changes("p", previous=state, annotations=tmp_path / "p.jsonl", connection=conn)
    assert again.changed == set() and len(views) == 1  # nothing new: no view, no export
    assert len(fake.calls("POST", "/api/projects/5/exports/")) == 1
    assert again.state["started_at"] == state["started_at"]


def _previous(task_ids: list[int]) -> incremental.PullState:
    """The state of a pull of ``task_ids`` that began before every update ``tasks_listing.json`` lists."""
    return incremental.PullState(
        version=incremental.STATE_VERSION,
        url=FAKE_URL,
        project_id=5,
        config_sha256=hashlib.sha256(b"<View/>").hexdigest(),
        started_at="2026-11-30T17:00:00.000000Z",
        task_ids=task_ids,
        file_sha256="",
    )


@pytest.mark.parametrize("total", [True, False], ids=["total", "no-total"])
def test_every_page_of_the_updated_tasks_is_read_though_each_is_short(
    fake: FakeServer, tmp_path: Path, total: bool
) -> None:
    # The pull asks 1,000 tasks a page; this server sends two (TASK_API_PAGE_SIZE_MAX=2): with a total the
    # list ends there, without one at the 404 past the last page. Stopping at the short first page would
    # leave task 3's new annotations out of the pull.
    listing = recorded("tasks_listing.json")
    views = _listing_server(fake, [])
    fake.on("GET", "/api/tasks/", replay(listing["updated_pages"], total=total))
    with fake.connect() as conn:
        changes = incremental.pull_changes(
            "p", previous=_previous([1, 2, 3]), annotations=tmp_path / "p.jsonl", connection=conn
        )
    assert changes.changed == {1, 2, 3} and changes.gone == set()
    assert [v["selected_items"] for v in views] == [{"all": False, "included": [1, 2, 3]}]  # type: ignore[index]
    asked = fake.calls("GET", "/api/tasks/")
    assert [r.url.params["page"] for r in asked] == (["1", "2"] if total else ["1", "2", "3"])
    query = json.loads(asked[0].url.params["query"])["filters"]["items"][0]
    assert query["filter"] == "filter:tasks:updated_at" and query["value"] == "2026-11-30T16:58:00.000000Z"
    assert {(r.url.params["query"], r.url.params["include"]) for r in asked} == {
        (asked[0].url.params["query"], "id,updated_at")
    }  # every page of the same filtered list
    latest = max(row["updated_at"] for page in listing["updated_pages"] for row in page["tasks"])
    assert changes.state["started_at"] == latest


def test_a_project_emptied_since_the_last_pull_marks_every_task_gone(fake: FakeServer, tmp_path: Path) -> None:
    empty = recorded("tasks_listing.json")["empty_project_page"]
    views = _listing_server(fake, [])
    project = {"id": 5, "title": "p", "label_config": "<View/>", "maximum_annotations": 1, "task_number": 0}
    fake.on("GET", "/api/projects/", {"results": [project]})
    fake.on("GET", "/api/tasks/", replay([empty]))
    with fake.connect() as conn:
        changes = incremental.pull_changes(
            "p", previous=_previous([1, 2, 3]), annotations=tmp_path / "p.jsonl", connection=conn
        )
    assert changes.changed == set() and changes.gone == {1, 2, 3} and views == []
    assert changes.state["task_ids"] == []
    asked = fake.calls("GET", "/api/tasks/")  # the updated tasks, then every id: one empty page each
    assert [(r.url.params["page"], r.url.params["include"]) for r in asked] == [("1", "id,updated_at"), ("1", "id")]


# ---- against the real server ---------------------------------------------------------------------------


def _headers(ls: LabelStudioServer) -> dict[str, str]:
    return {"Authorization": f"Token {ls.token}"}


def _labels(rng: random.Random) -> AnnotationLabels:
    return AnnotationLabels(
        stance_territorial_integrity=rng.choice(STANCES),
        stance_election_fairness=rng.choice(list(StanceElectionFairness)),
    )


class World:
    """The project as the test changed it: task ids and each task's annotation ids."""

    def __init__(self, ls: LabelStudioServer, project_id: int, tasks: list[int]) -> None:
        self.ls, self.project_id = ls, project_id
        self.annotations: dict[int, list[int]] = {t: [] for t in tasks}
        self.client = httpx.Client(base_url=ls.url, headers=_headers(ls), timeout=120)

    def step(self, rng: random.Random) -> str:
        tasks = sorted(self.annotations)
        annotated = [t for t in tasks if self.annotations[t]]
        choices = ["create", "create", "cancel", "new_task"]
        if annotated:
            choices += ["update", "update", "delete_annotation", "delete_task"]
        action = rng.choice(choices)
        if action in ("create", "cancel"):
            task = rng.choice(tasks)
            body: dict[str, object] = {"result": labels_to_result(_labels(rng))}
            if action == "cancel":
                body = {"result": [], "was_cancelled": True}
            answer = self.client.post(f"/api/tasks/{task}/annotations/", json=body)
            answer.raise_for_status()
            self.annotations[task].append(int(answer.json()["id"]))
        elif action == "update":
            task = rng.choice(annotated)
            ident = rng.choice(self.annotations[task])
            patch = {"result": labels_to_result(_labels(rng)), "was_cancelled": False}
            self.client.patch(f"/api/annotations/{ident}/", json=patch).raise_for_status()
        elif action == "delete_annotation":
            task = rng.choice(annotated)
            ident = self.annotations[task].pop(rng.randrange(len(self.annotations[task])))
            self.client.delete(f"/api/annotations/{ident}/").raise_for_status()
        elif action == "delete_task":
            task = rng.choice(annotated)
            self.client.delete(f"/api/tasks/{task}/").raise_for_status()
            del self.annotations[task]
        else:
            body = [{"data": {**self._some_data(tasks[0]), "unit_id": f"extra-{rng.randrange(10**9)}"}}]
            self.client.post(f"/api/projects/{self.project_id}/import", json=body).raise_for_status()
            for ident in self._ids():
                self.annotations.setdefault(ident, [])
        return action

    def _some_data(self, task: int) -> dict[str, object]:
        data = self.client.get(f"/api/tasks/{task}/").json()["data"]
        return dict(data)

    def _ids(self) -> Iterator[int]:
        page = 1
        while True:
            answer = self.client.get(
                "/api/tasks/", params={"project": self.project_id, "page": page, "page_size": 100, "include": "id"}
            )
            if answer.status_code == 404:
                return
            rows = answer.json()["tasks"]
            yield from (row["id"] for row in rows)
            if len(rows) < 100:
                return
            page += 1


@pytest.mark.integration
def test_incremental_pull_equals_a_full_pull_after_random_changes(
    label_studio: LabelStudioServer, ls_project: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Everything here happens within seconds: without the window the incremental pulls really are partial.
    monkeypatch.setattr(incremental, "SAFETY_WINDOW", timedelta(0))
    monkeypatch.setattr(incremental, "CHUNK_TASKS", 7)  # full pulls split into several exports by task id
    exported: list[int] = []
    snapshot = incremental._snapshot

    def counting(*args: object) -> tuple[str, Iterator[object]]:
        started, tasks = snapshot(*args)  # type: ignore[arg-type]
        listed = list(tasks)
        exported.append(len(listed))
        return started, iter(listed)

    monkeypatch.setattr(incremental, "_snapshot", counting)
    settings = label_studio.settings()
    report = push(label_studio, make_units(24), ls_project, settings=settings)
    world = World(label_studio, report.project_id, sorted(labelstudio.task_ids(ls_project, settings=settings).values()))
    rng = random.Random(11)
    incr_dir, full_dir = tmp_path / "incremental", tmp_path / "full"
    stale = {"project": report.project_id, "data": {"title": incremental.VIEW_TITLE, "filters": {}}}
    world.client.post("/api/dm/views/", json=stale).raise_for_status()  # as a killed pull leaves it
    api.pull(ls_project, directory=incr_dir, settings=settings)
    partial = 0
    for round_ in range(8):
        actions = [world.step(rng) for _ in range(rng.randint(1, 6))]
        exported.clear()
        api.pull(ls_project, directory=incr_dir, settings=settings)
        incremental_tasks = sum(exported)
        api.pull(ls_project, directory=full_dir, settings=settings, full=True)
        incr = layout.annotations_path(ls_project, incr_dir).read_bytes()
        full = layout.annotations_path(ls_project, full_dir).read_bytes()
        assert incr == full, f"round {round_} after {actions}: incremental and full pulls differ"
        partial += incremental_tasks < len(world.annotations)
    assert partial >= 6  # the incremental pulls fetched only part of the project
    live = {
        r.ls_annotation_id for r in read_annotations(layout.annotations_path(ls_project, full_dir)) if not r.deleted
    }
    assert live == {a for annotations in world.annotations.values() for a in annotations}  # no chunk lost a task
    views = world.client.get("/api/dm/views/", params={"project": report.project_id}).json()
    assert [v for v in views if v["data"].get("title") == incremental.VIEW_TITLE] == []  # none left behind
    world.client.close()
