"""Record the Label Studio payloads that tests/test_labelstudio_*.py replay (run against a fresh server).

    .venv/bin/python tests/data/labelstudio/record.py http://127.0.0.1:8089

The token is the local server's (read from its data folder) unless LABEL_STUDIO_API_KEY is set.

It creates a project 'recorded' with three units (one annotated by a second user, one with a prediction)
and writes each response, as the server sent it, next to this file. Timestamps and ids are kept as sent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
from claimstance import config, labelstudio
from claimstance.labelstudio import projects
from claimstance.labelstudio.client import with_token
from claimstance.labelstudio.labeling_config import same_config
from claimstance.schema import AnnotationLabels, ClaimUnit, StanceTerritorialIntegrity

HERE = Path(__file__).parent


def units() -> list[ClaimUnit]:
    """The units the tests replay against these payloads: one definition, in tests/conftest.py."""
    sys.path.insert(0, str(HERE.parents[1]))
    from conftest import recorded_units

    return recorded_units()


def main(url: str) -> None:
    settings = with_token(config.server_settings(url=url))
    http = httpx.Client(base_url=url, headers={"Authorization": f"Token {settings.api_key}"}, timeout=60)
    for old in http.get("api/projects/", params={"title": "recorded"}).json()["results"]:
        http.delete(f"api/projects/{old['id']}/")
    prediction = {"rec-d0-u0": AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)}
    labelstudio.push(
        units(),
        "recorded",
        guidelines="# Guidelines\n\nRead *everything*.",
        predictions=prediction,
        model_version="rules-v1",
        settings=settings,
    )
    ids = labelstudio.task_ids("recorded", settings=settings)
    user = labelstudio.create_user("annotator.one@example.org", settings=settings)
    labels = AnnotationLabels(
        stance_territorial_integrity=StanceTerritorialIntegrity.OPPOSE, is_claim=True, comment="clear"
    )
    body = {"result": labelstudio.labels_to_result(labels), "completed_by": user, "lead_time": 4.5}
    http.post(f"api/tasks/{ids['rec-d0-u0']}/annotations/", json=body).raise_for_status()
    project = http.get(
        "api/projects/", params={"title": "recorded", "page": 1, "page_size": 100, "include": "id,title"}
    ).json()
    pid = project["results"][0]["id"]
    fields = projects.TASK_FIELDS
    params = {
        "project": pid,
        "page": 1,
        "page_size": 1000,
        "include": fields,
        "fields": "task_only",
        "resolve_uri": "false",
    }
    snapshot = http.post(
        f"api/projects/{pid}/exports/",
        json={
            "title": "recorded",
            "serialization_options": {
                "predictions": {"only_id": False},
                "drafts": {"only_id": True},
                "annotations__completed_by": {"only_id": False},
            },
        },
    ).json()
    payloads = {
        "projects_list.json": project,
        "project_detail.json": http.get(f"api/projects/{pid}/").json(),
        "tasks_page.json": http.get("api/tasks/", params=params).json(),
        "task_detail.json": http.get(f"api/tasks/{ids['rec-d0-u0']}/").json(),
        "users.json": http.get("api/users/").json(),
        "export_create.json": snapshot,
        "export.json": http.get(
            f"api/projects/{pid}/exports/{snapshot['id']}/download", params={"exportType": "JSON"}
        ).json(),
        "error_401.json": httpx.get(f"{url}/api/projects/", headers={"Authorization": "Token wrong-token"}).json(),
        "import_response.json": {
            "task_count": 3,
            "annotation_count": 0,
            "prediction_count": 1,
            "duration": 0.05,
            "file_upload_ids": [],
            "could_be_tasks_list": False,
            "found_formats": [],
            "data_columns": [],
            "task_ids": sorted(ids.values()),
        },
    }
    payloads["tasks_listing.json"] = listings(http, pid)
    assert same_config(labelstudio.annotation_config(), payloads["project_detail.json"]["label_config"])
    for name, payload in payloads.items():
        (HERE / name).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def listings(http: httpx.Client, pid: int) -> dict[str, object]:
    """The data manager's task list as a pull pages it: the tasks updated since 2000 (ids and times, two a
    page: the pages, then the 404 past the last), every task id, and the one page of an empty project."""
    since = {"filter": "filter:tasks:updated_at", "operator": "greater", "type": "Datetime"}
    query = {"filters": {"conjunction": "and", "items": [{**since, "value": "2000-01-01T00:00:00.000000Z"}]}}
    params = {"project": pid, "page_size": 2, "include": "id,updated_at", "fields": "task_only"}
    updated = [http.get("api/tasks/", params={**params, "page": n, "query": json.dumps(query)}) for n in (1, 2, 3)]
    ids = http.get("api/tasks/", params={**params, "page": 1, "page_size": 1000, "include": "id"}).json()
    empty = http.post("api/projects/", json={"title": "recorded-empty"}).json()["id"]
    nothing = http.get("api/tasks/", params={**params, "project": empty, "page": 1, "include": "id"}).json()
    http.delete(f"api/projects/{empty}/")
    past = updated[2]
    return {
        "query": query,
        "updated_pages": [page.json() for page in updated[:2]],
        "past_the_end": {"status": past.status_code, "body": past.json()},
        "ids_page": ids,
        "empty_project_page": nothing,
    }


if __name__ == "__main__":
    main(sys.argv[1])
