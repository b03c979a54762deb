"""The labelstudio package's public surface: what api uses, and pushing disputes to an adjudication project."""

from __future__ import annotations

import json
from pathlib import Path

from claimstance import labelstudio
from claimstance.adjudicate import disputes
from claimstance.labelstudio.payloads import AdjudicationTaskData
from claimstance.schema import Annotation
from conftest import FakeServer, recorded, recorded_units


def test_all_names_the_public_functions_sorted() -> None:
    assert labelstudio.__all__ == sorted(labelstudio.__all__)
    public = {name for name in vars(labelstudio) if not name.startswith("_")}
    submodules = {"client", "export", "labeling_config", "payloads", "plan", "projects", "results", "tasks", "users"}
    submodules |= {"admin", "admin_script"}  # the local database's account changes: used inside the package
    submodules |= {"incremental", "passes", "postgres", "task_list", "uwsgi"}
    assert public - submodules - {"annotations", "ClaimUnit", "Iterable", "Path", "ServerSettings"} == set(
        labelstudio.__all__
    )


def test_disputes_go_to_the_adjudication_project_under_its_own_config(fake: FakeServer, tmp_path: Path) -> None:
    units = recorded_units()
    votes = [("annotator-a", "support"), ("annotator-b", "oppose")]
    annotations = [
        Annotation(
            id=f"ls-1-{n}", unit_id=units[0].id, annotator=who, project="p", ls_task_id=1, ls_annotation_id=n,
            stance_territorial_integrity=label,
        )
        for n, (who, label) in enumerate(votes)
    ]  # fmt: skip
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", {**recorded("project_detail.json"), "id": 43}, status=201)
    fake.on("POST", "/api/projects/43/import", {"task_ids": [301]}, status=201)
    report = labelstudio.push_disputes(
        units, disputes(annotations), "p-adjudication", guidelines="# G", connection=fake.connect(), data_dir=tmp_path
    )
    assert (report.created, report.project_created) == (1, True)
    created = json.loads(fake.calls("POST", "/api/projects/")[0].content)
    assert created["label_config"] == labelstudio.adjudication_config()
    (task,) = json.loads(fake.calls("POST", "/api/projects/43/import")[0].content)
    data: AdjudicationTaskData = task["data"]
    assert data["unit_id"] == units[0].id and data["annotators"] == ["annotator-a", "annotator-b"]
    assert data["disputed_targets"] == "territorial integrity"
