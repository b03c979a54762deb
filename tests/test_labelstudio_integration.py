"""The labelstudio package against the real Label Studio 1.23.2 the session fixture runs (one project per test)."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from claimstance import adjudicate, config, labelstudio
from claimstance.errors import AuthenticationError, ProjectConfigError, ServerUnavailableError
from claimstance.labelstudio import PushReport, pseudonym, server, tasks
from claimstance.labelstudio.payloads import PROJECT_DETAIL
from claimstance.schema import (
    Annotation,
    AnnotationLabels,
    Attribution,
    ClaimUnit,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)
from conftest import LabelStudioServer, annotate

pytestmark = pytest.mark.integration

GUIDELINES = "# Codebook\n\nLabel the **speaker's** stance, not the outlet's."


def make_units(count: int, doc: str = "d0") -> list[ClaimUnit]:
    speakers = [
        Speaker(name="Ilham Aliyev", role="President of Azerbaijan", attribution=Attribution.AUTHOR),
        Speaker(name="Sergey Lavrov", role="Foreign Minister", attribution=Attribution.REPORTED, cue="said"),
    ]
    units = []
    for i in range(count):
        text = f"Claim {i}: the borders of {doc} must be respected."
        units.append(
            ClaimUnit(
                id=f"{doc}-u{i:05d}",
                doc_id=doc,
                index=i,
                text=text,
                char_start=100 * i,
                char_end=100 * i + len(text),
                context=f"Before. {text} After.",
                speaker=speakers[i % 2],
            )
        )
    return units


def push(ls: LabelStudioServer, units: list[ClaimUnit], project: str, **options: Any) -> PushReport:
    """Push with the test's guidelines, the session server's settings and its data dir (for the lock)."""
    options.setdefault("settings", ls.settings())
    return labelstudio.push(units, project, guidelines=GUIDELINES, data_dir=ls.data_dir, **options)


def tasks_by_unit(project: str, settings: config.ServerSettings) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for task in labelstudio.export_tasks(project, settings=settings):
        grouped.setdefault(task["data"]["unit_id"], []).append(task)
    return grouped


def test_push_annotate_as_two_users_then_export_attributes_each(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings()
    units = make_units(6)
    prediction = {units[0].id: AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)}
    titles = {"d0": "Statement on borders"}
    report = push(label_studio, units, ls_project, predictions=prediction, model_version="rules-v1", doc_titles=titles)
    assert (report.created, report.project_created, report.predictions_added) == (6, True, 1)

    alice = labelstudio.create_user("alice@example.org", settings=settings)
    bob = labelstudio.create_user("bob@example.org", settings=settings)
    assert labelstudio.create_user("alice@example.org", settings=settings) == alice
    users = labelstudio.list_users(settings=settings)
    assert users[alice] == "alice@example.org" and users[bob] == "bob@example.org"

    ids = labelstudio.task_ids(ls_project, settings=settings)
    assert sorted(ids) == [u.id for u in units]
    oppose = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.OPPOSE, is_claim=True)
    support = AnnotationLabels(
        stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT,
        stance_election_fairness=StanceElectionFairness.NOT_APPLICABLE,
        comment="quoted, not endorsed",
    )
    annotate(label_studio, ids[units[0].id], oppose, user_id=alice, lead_time=3.0)
    annotate(label_studio, ids[units[0].id], support, user_id=bob, lead_time=5.0)

    exported = tasks_by_unit(ls_project, settings)
    assert sorted(exported) == [u.id for u in units] and all(len(t) == 1 for t in exported.values())
    (task,) = exported[units[0].id]
    by_email = {a["completed_by"]["email"]: a for a in task["annotations"]}
    assert set(by_email) == {"alice@example.org", "bob@example.org"}
    assert by_email["alice@example.org"]["result"] == labelstudio.labels_to_result(oppose)
    assert by_email["bob@example.org"]["lead_time"] == 5.0
    assert task["predictions"][0]["model_version"] == "rules-v1"
    assert task["predictions"][0]["result"][0]["value"] == {"choices": ["support"]}
    assert task["data"]["doc_title"] == "Statement on borders"
    assert task["data"]["speaker_display"] == "Ilham Aliyev (President of Azerbaijan) · author"

    records = list(labelstudio.parse_export([task], project=ls_project))
    assert {r.annotator for r in records} == {pseudonym("alice@example.org"), pseudonym("bob@example.org")}
    assert {r.stance_territorial_integrity for r in records} == {
        StanceTerritorialIntegrity.OPPOSE,
        StanceTerritorialIntegrity.SUPPORT,
    }


def test_repush_is_a_no_op_and_annotated_edits_are_reported_not_overwritten(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings()
    units = make_units(40)
    push(label_studio, units, ls_project, settings=settings)
    again = push(label_studio, units, ls_project, settings=settings)
    assert (again.created, again.updated, again.unchanged, again.conflicts) == (0, 0, 40, [])
    assert not again.config_updated and not again.project_created
    info = labelstudio.ensure_project(ls_project, guidelines=GUIDELINES, settings=settings)
    assert not (info.created or info.config_updated or info.instructions_updated)

    ids = labelstudio.task_ids(ls_project, settings=settings)
    annotated = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.NEUTRAL)
    annotate(label_studio, ids[units[0].id], annotated)
    edited = [u.model_copy(update={"context": "A corrected context."}) if u.index < 2 else u for u in units]
    report = push(label_studio, edited, ls_project, settings=settings)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 38)
    assert [(c.unit_id, c.task_id) for c in report.conflicts] == [(units[0].id, ids[units[0].id])]

    exported = tasks_by_unit(ls_project, settings)
    assert len(exported) == 40 and all(len(tasks) == 1 for tasks in exported.values())
    assert exported[units[0].id][0]["data"]["context"] == units[0].context  # the annotated task kept its text
    assert exported[units[1].id][0]["data"]["context"] == "A corrected context."
    assert labelstudio.task_ids(ls_project, settings=settings) == ids  # updated in place, same task ids


def test_push_killed_with_the_server_then_resumed_leaves_every_unit_once(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings(retries=1)
    units = make_units(600)
    done: list[int] = []

    def kill_after_two_batches(count: int) -> None:
        done.append(count)
        if len(done) == 2:
            os.killpg(label_studio.info.pid, signal.SIGKILL)

    with pytest.raises(ServerUnavailableError) as caught:
        push(label_studio, units, ls_project, settings=settings, batch_size=100, progress=kill_after_two_batches)
    message = str(caught.value)
    assert "cannot reach Label Studio" in message and "\n" not in message
    assert label_studio.token not in message
    assert server.status(label_studio.data_dir) is None  # the killed server is noticed, its pid file removed

    label_studio.ensure_running()
    resumed = push(label_studio, units, ls_project, settings=settings, batch_size=100)
    assert resumed.created == 400 and resumed.unchanged == 200
    with labelstudio.Connection(settings) as conn:
        rows = list(labelstudio.list_tasks(conn, resumed.project_id))
    assert sorted(r["data"]["unit_id"] for r in rows) == [u.id for u in units]


def test_duplicate_tasks_left_by_another_tool_are_removed_once(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings()
    units = make_units(5)
    first = push(label_studio, units, ls_project, settings=settings)
    # what a blind retry of an import that had in fact been applied leaves behind
    duplicate = [{"data": tasks.task_data(units[3])}]
    httpx.post(
        f"{label_studio.url}/api/projects/{first.project_id}/import",
        json=duplicate,
        headers={"Authorization": f"Token {label_studio.token}"},
        timeout=60,
    ).raise_for_status()
    report = push(label_studio, units, ls_project, settings=settings)
    assert (report.duplicates_removed, report.created, report.unchanged) == (1, 0, 5)
    assert sorted(tasks_by_unit(ls_project, settings)) == [u.id for u in units]
    assert all(len(t) == 1 for t in tasks_by_unit(ls_project, settings).values())


def test_two_pushes_at_once_wait_for_each_other_and_make_no_duplicates(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings()
    units = make_units(300)
    reports: list[PushReport] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            reports.append(push(label_studio, units, ls_project, settings=settings, batch_size=50, lock_timeout=120))
        except BaseException as exc:  # reported below, with the other thread's outcome
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert sorted(r.created for r in reports) == [0, 300]
    assert sorted(tasks_by_unit(ls_project, settings)) == [u.id for u in units]


def test_adjudication_project_round_trip_settles_a_disagreement(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings()
    units = make_units(3)
    ti, key = StanceTerritorialIntegrity, "stance_territorial_integrity"
    votes = {  # unit -> (annotator 1's labels, annotator 2's labels)
        units[0].id: ({key: ti.SUPPORT, "is_claim": True}, {key: ti.OPPOSE, "is_claim": True}),
        units[1].id: ({key: ti.NEUTRAL}, {key: ti.NEUTRAL}),
        units[2].id: ({"is_claim": True}, {"is_claim": False, "comment": "a greeting"}),
    }
    annotators = [pseudonym("ann.one@example.org"), pseudonym("ann.two@example.org")]
    annotations = [
        Annotation(
            id=f"ls-1-{n}", unit_id=unit_id, annotator=who, project="claims", ls_task_id=n, ls_annotation_id=n, **labels
        )
        for n, (unit_id, pair) in enumerate(votes.items())
        for who, labels in zip(annotators, pair, strict=True)
    ]
    config_xml = labelstudio.adjudication_config()
    disputed = adjudicate.disputes(annotations)
    assert [d.unit_id for d in disputed] == [units[0].id, units[2].id]  # unit 1 is unanimous

    def push_adjudication(to_push: list[adjudicate.Dispute]) -> PushReport:
        return labelstudio.push_disputes(
            units, to_push, ls_project, guidelines=GUIDELINES, settings=settings, data_dir=label_studio.data_dir
        )

    report = push_adjudication(disputed)
    assert (report.created, report.project_created, report.conflicts) == (2, True, [])
    with labelstudio.Connection(settings) as conn:
        detail = conn.get(f"api/projects/{report.project_id}/", {}, "reading the project", PROJECT_DETAIL)
    assert (detail.get("label_config") or "").strip() == config_xml.strip()  # Label Studio validated and kept it

    judge = labelstudio.create_user("judge@example.org", settings=settings)
    ids = labelstudio.task_ids(ls_project, settings=settings)
    ruling = AnnotationLabels(stance_territorial_integrity=ti.OPPOSE, is_claim=True)
    annotate(label_studio, ids[units[0].id], ruling, user_id=judge)

    exported = list(labelstudio.export_tasks(ls_project, settings=settings))
    shown = {t["data"]["unit_id"]: t["data"] for t in exported}
    summary = shown[units[0].id]["annotator_labels"]  # what the adjudicator reads
    assert all(part in summary for part in [*annotators, "support", "oppose"])
    assert shown[units[2].id]["disputed_targets"] == "is claim"
    adjudications = list(labelstudio.parse_export(exported, project=ls_project))
    assert [(a.unit_id, a.annotator) for a in adjudications] == [(units[0].id, pseudonym("judge@example.org"))]
    gold = {(g.unit_id, g.target): g for g in adjudicate.gold_labels(annotations, adjudications)}
    settled = gold[(units[0].id, "stance_territorial_integrity")]
    assert (settled.origin.value, settled.label) == ("adjudicated", "oppose")
    assert settled.votes == {"support": 1, "oppose": 1}
    assert settled.adjudicator == pseudonym("judge@example.org")
    assert gold[(units[1].id, "stance_territorial_integrity")].origin.value == "unanimous"
    assert gold[(units[2].id, "is_claim")].origin.value == "unresolved"  # not adjudicated yet

    again = push_adjudication(adjudicate.disputes(annotations))
    assert (again.created, again.updated, again.unchanged, again.conflicts) == (0, 0, 2, [])
    assert not (again.config_updated or again.instructions_updated)
    still_disputed = adjudicate.disputes(annotations, adjudications)
    assert [d.unit_id for d in still_disputed] == [units[2].id]
    assert push_adjudication(still_disputed).unchanged == 1
    assert sorted(labelstudio.task_ids(ls_project, settings=settings)) == [units[0].id, units[2].id]


def test_label_config_breaking_change_is_refused_and_added_label_applied(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    settings = label_studio.settings()
    units = make_units(2)
    push(label_studio, units, ls_project, settings=settings)
    ids = labelstudio.task_ids(ls_project, settings=settings)
    labels = AnnotationLabels(stance_election_fairness=StanceElectionFairness.UNFAIR)
    annotate(label_studio, ids[units[0].id], labels)

    standard = labelstudio.annotation_config()
    renamed = standard.replace('<Choice value="unfair"', '<Choice value="rigged"')
    with pytest.raises(ProjectConfigError, match="label 'unfair' of 'stance_election_fairness' removed or renamed"):
        labelstudio.ensure_project(ls_project, guidelines=GUIDELINES, label_config=renamed, settings=settings)
    added = standard.replace(
        '<Choice value="yes"', '<Choice value="unsure" hint="Cannot tell."/>\n    <Choice value="yes"'
    )
    info = labelstudio.ensure_project(ls_project, guidelines=GUIDELINES, label_config=added, settings=settings)
    assert info.config_updated and info.config_added == ("label 'unsure' added to 'is_claim'",)
    with labelstudio.Connection(settings) as conn:
        detail = conn.get(f"api/projects/{info.id}/", {}, "reading the project", PROJECT_DETAIL)
    assert 'value="unsure"' in (detail.get("label_config") or "")
    assert "<strong>speaker's</strong>" in (detail.get("expert_instruction") or "")
    assert detail.get("show_instruction") is True


@pytest.mark.filterwarnings("ignore:The `parse_obj` method is deprecated")  # inside the SDK's token refresh
def test_personal_access_token_works_and_a_wrong_one_is_one_line(
    label_studio: LabelStudioServer, ls_project: str
) -> None:
    created = httpx.post(
        f"{label_studio.url}/api/token/", headers={"Authorization": f"Token {label_studio.token}"}, timeout=60
    )
    created.raise_for_status()
    personal = created.json()["token"]
    assert personal.startswith("eyJ")
    jwt_settings = label_studio.settings(api_key=personal)
    report = push(label_studio, make_units(3), ls_project, settings=jwt_settings)  # our calls and the SDK's
    assert report.created == 3
    assert sorted(labelstudio.task_ids(ls_project, settings=jwt_settings)) == [u.id for u in make_units(3)]

    attempts: list[Callable[[], object]] = [
        lambda: labelstudio.list_users(settings=label_studio.settings(api_key="0123456789abcdef-not-a-token")),
        lambda: labelstudio.export_tasks(ls_project, settings=label_studio.settings(api_key=personal[:-4] + "AAAA")),
    ]
    for attempt in attempts:
        with pytest.raises(AuthenticationError) as caught:
            attempt()
        message = str(caught.value)
        assert "rejected the API token" in message and "\n" not in message
        assert "0123456789abcdef" not in message and personal[:20] not in message


def test_a_stopped_server_is_one_line_without_the_token(label_studio: LabelStudioServer) -> None:
    nowhere = config.server_settings(
        url=f"http://127.0.0.1:{server.find_free_port()}", api_key=label_studio.token, retries=1, timeout=5
    )
    with pytest.raises(ServerUnavailableError) as caught:
        labelstudio.list_users(settings=nowhere)
    message = str(caught.value)
    assert "cannot reach Label Studio" in message and "claimstance server start" in message
    assert "\n" not in message and label_studio.token not in message
